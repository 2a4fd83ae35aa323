"""`quotes extract`: attributed quotes from files, no database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.output import warn
from cli.rows import print_rows
from quotes.errors import InputError
from quotes.textfile import read_text_file, text_files

FORMATS = ("table", "jsonl", "csv")
TABLE_COLUMNS = ("doc", "type", "speaker", "cue", "quote")


def extract(
    paths: Annotated[list[Path], typer.Argument(help="Text files or folders of .txt files.")],
    format: Annotated[str, typer.Option("--format", "-f", help="table, jsonl or csv.")] = "table",
    reported: Annotated[bool, typer.Option(
        "--reported", help="Also speech acts reported without their words (type reported: "
                           "\"Greenpeace fordert die Vernichtung der Lager\") and the clauses of "
                           "verbs of thought (\"befürchten, dass …\").")] = False,
) -> None:
    """Print the attributed quotes in text files, without storing them.

    jsonl gives one object per quote (file by file in name order, quotes in
    document order) with offsets into the text as read: text[start:end] == quote.

    Example: quotes extract data/samples --format jsonl
    """
    from quotes.extract import BATCH, Extractor

    if format not in FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(FORMATS)}", param_hint="--format")
    files = sorted(text_files(paths), key=lambda p: (p.name, str(p)))
    extractor = Extractor.load(reported=reported)
    failed = 0
    records: list[dict[str, object]] = []
    for first in range(0, len(files), BATCH):
        batch = []
        for path in files[first:first + BATCH]:
            try:
                batch.append((path, read_text_file(path).text))
            except InputError as error:
                warn(str(error))
                failed += 1
        results = extractor.extract_many([text for _, text in batch])
        for (path, _), quotes in zip(batch, results, strict=True):
            records.extend(quote.as_record(path.stem) for quote in quotes)
    if records:
        print_rows(records, format, columns=list(records[0]), table_columns=TABLE_COLUMNS)
    if failed:
        raise typer.Exit(1)
