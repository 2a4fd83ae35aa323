"""`quotes trace` and `quotes conflicts`: where a quotation appeared, and who
it was attributed to there (no NLP models)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from cli.options import FormatOption, SinceOption, check_format, database, parse_day
from cli.output import table
from cli.rows import print_rows

TRACE_TABLE = ("first", "quote_id", "published_at", "outlet", "speaker", "speaker_mention", "match", "quote")


def trace(
    ctx: typer.Context,
    quote_id: Annotated[int, typer.Argument(help="The quote id (first column of search and export).")],
    format: FormatOption = "table",
) -> None:
    """Every stored occurrence of a quote's words, in date order, the earliest marked.

    Finds the same words whatever the punctuation, quotation marks or case,
    copies with small edits (match `near`), longer quotes that contain them
    (`longer`) and partial quotes of them (`part`), with the outlet and the
    speaker each article attributes them to.

    Example: quotes trace 17
    """
    from quotes.store.provenance import TRACE_COLUMNS
    from quotes.store.provenance import trace as run_trace

    check_format(format)
    with database(ctx).reading() as session:
        rows = run_trace(session, quote_id)
    for row in rows:
        row["first"] = "*" if row["earliest"] else ""
        row["match"] = row["relation"] if row["score"] == 1 else f"{row['relation']} {row['score']:.2f}"
    print_rows(rows, format, columns=TRACE_COLUMNS, table_columns=TRACE_TABLE)
    if format == "table":
        typer.echo("\n" + _summary(rows))


def _summary(rows: list[dict[str, Any]]) -> str:
    speakers: dict[str, int] = {}
    for row in rows:
        speakers[row["speaker"] or "(unknown)"] = speakers.get(row["speaker"] or "(unknown)", 0) + 1
    articles = len({row["article_id"] for row in rows})
    first = next((row for row in rows if row["earliest"]), None)
    since = f", first on {first['published_at']:%Y-%m-%d} ({first['outlet'] or 'no outlet'})" if first else ""
    named = ", ".join(f"{name} ({n})" for name, n in speakers.items())
    return (f"{len(rows)} occurrence(s) in {articles} article(s){since}; attributed to {len(speakers)} "
            f"speaker(s): {named}")


def conflicts(
    ctx: typer.Context,
    since: SinceOption = None,
    min_words: Annotated[int, typer.Option("--min-words", min=1, help="Ignore quotations shorter than this.")]
    = 4,
    format: Annotated[str, typer.Option("--format", "-f", help="text, csv or jsonl.")] = "text",
) -> None:
    """The same words attributed to different speakers in different articles.

    Lists each such quotation with every attribution and its source, the
    classic misattribution a fact-checker hunts (`quotes trace ID` then shows
    near and partial copies too). With --since, only quotations that appeared
    again on or after that date.

    Example: quotes conflicts --since 2025-01-01
    """
    from quotes.store.provenance import CONFLICT_COLUMNS
    from quotes.store.provenance import conflicts as find_conflicts

    check_format(format, ("text", "csv", "jsonl"))
    with database(ctx).reading() as session:
        found = find_conflicts(session, since=parse_day(since, "--since"), min_words=min_words)
    if not found:
        typer.echo("No conflicting attributions.", err=True)
    if format != "text":
        print_rows([row for conflict in found for row in conflict.occurrences], format, columns=CONFLICT_COLUMNS,
                   table_columns=CONFLICT_COLUMNS)
        return
    blocks = []
    for conflict in found:
        named = ", ".join(f"{name} ({n})" for name, n in conflict.speakers.items())
        rows = [(row["quote_id"], f"{row['published_at']:%Y-%m-%d}" if row["published_at"] else "", row["speaker"],
                 row["speaker_mention"], row["outlet"], row["url"] or row["title"]) for row in conflict.occurrences]
        blocks.append(f"„{conflict.quote}“ — {named}\n"
                      + table(("quote_id", "date", "speaker", "as written", "outlet", "source"), rows))
    if blocks:
        typer.echo("\n\n".join(blocks))
