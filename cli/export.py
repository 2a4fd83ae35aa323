"""`quotes export`: quotes to CSV, JSON Lines or Parquet with pandas."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.options import (
    ConfidenceOption,
    OutletOption,
    SinceOption,
    SpeakerOption,
    TypeOption,
    UntilOption,
    check_format,
    database,
    parse_day,
)


def export(
    ctx: typer.Context,
    format: Annotated[str, typer.Option("--format", "-f", help="csv, jsonl or parquet.")],
    out: Annotated[str, typer.Option("--out", "-o", help="The file to write; - for stdout (csv, jsonl).")],
    text: Annotated[str | None, typer.Option("--text", help="Only quotes with these words (as in search).")] = None,
    speaker: SpeakerOption = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    type: TypeOption = None,
    min_confidence: ConfidenceOption = None,
    excel: Annotated[bool, typer.Option("--excel", help="CSV as UTF-8 with a byte order mark, for Excel.")] = False,
    grouped: Annotated[bool, typer.Option("--grouped", help="One row per quotation (its first appearance) with "
                                          "occurrences, speakers and last_published_at.")] = False,
) -> None:
    """Write quotes to CSV, JSON Lines or Parquet, one row per quote.

    Columns: quote id, speaker, quote, type, cue, context, article title,
    outlet, url, date, confidence and how the speaker was found. CSV cells
    that start with = + - @ get a leading apostrophe so that a spreadsheet
    shows them instead of running them as formulas.

    Example: quotes export --format csv --excel --out putin.csv --speaker Putin
    """
    from quotes.store.export import FORMATS, to_frame, write
    from quotes.store.provenance import GROUPED_COLUMNS, grouped_search
    from quotes.store.search import COLUMNS, QuoteFilters, search

    check_format(format, FORMATS)
    filters = QuoteFilters(text=text, speaker=speaker, outlet=outlet, since=parse_day(since, "--since"),
                           until=parse_day(until, "--until"), type=type, min_confidence=min_confidence)
    with database(ctx).reading() as session:
        rows = grouped_search(session, filters) if grouped else search(session, filters)
    target = None if out == "-" else Path(out)
    write(to_frame(rows, GROUPED_COLUMNS if grouped else COLUMNS), target, format, excel=excel)
    if target is not None:
        typer.echo(f"{len(rows)} {'quotations' if grouped else 'quotes'} written to {target}", err=True)
