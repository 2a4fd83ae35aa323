"""`quotes extract`: attributed quotes from files, no database."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from cli.output import table, warn
from quotes.errors import InputError
from quotes.textfile import read_text_file, text_files

FORMATS = ("table", "jsonl", "csv")
BATCH = 8


def extract(
    paths: Annotated[list[Path], typer.Argument(help="Text files or folders of .txt files.")],
    format: Annotated[str, typer.Option("--format", "-f", help="table, jsonl or csv.")] = "table",
) -> None:
    """Print the attributed quotes in text files, without storing them.

    jsonl gives one object per quote (file by file in name order, quotes in
    document order) with offsets into the text as read: text[start:end] == quote.

    Example: quotes extract data/samples --format jsonl
    """
    from quotes.extract import Extractor

    if format not in FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(FORMATS)}", param_hint="--format")
    files = sorted(text_files(paths), key=lambda p: (p.name, str(p)))
    extractor = Extractor.load()
    failed = 0
    records: list[dict[str, object]] = []
    writer = csv.writer(sys.stdout) if format == "csv" else None
    for first in range(0, len(files), BATCH):
        batch = []
        for path in files[first:first + BATCH]:
            try:
                batch.append((path, read_text_file(path)))
            except InputError as error:
                warn(str(error))
                failed += 1
        texts = [item.text for _, item in batch]
        for (path, _), quotes in zip(batch, extractor.extract_many(texts), strict=True):
            for quote in quotes:
                record = quote.as_record(path.stem)
                if format == "jsonl":
                    typer.echo(json.dumps(record, ensure_ascii=False))
                elif writer is not None:
                    if not records:
                        writer.writerow(record.keys())
                    writer.writerow(record.values())
                records.append(record)
    if format == "table":
        rows = [(r["doc"], r["type"], r["speaker"], r["cue"], r["quote"]) for r in records]
        typer.echo(table(["doc", "type", "speaker", "cue", "quote"], rows))
    if failed:
        raise typer.Exit(1)
