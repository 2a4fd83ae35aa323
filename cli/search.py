"""`quotes search` and `quotes show`: reading the database (no NLP models)."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from cli.options import (
    ConfidenceOption,
    FormatOption,
    OutletOption,
    SinceOption,
    SpeakerOption,
    TypeOption,
    UntilOption,
    check_format,
    database,
    parse_day,
)
from cli.rows import print_rows

TABLE_COLUMNS = ("quote_id", "published_at", "speaker", "outlet", "type", "quote")
GROUPED_TABLE_COLUMNS = ("quote_id", "published_at", "occurrences", "speakers", "speaker", "outlet", "quote")


def search(
    ctx: typer.Context,
    text: Annotated[str | None, typer.Argument(help='Words in the quote (all must occur; "a b" for a phrase).')] = None,
    speaker: SpeakerOption = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    type: TypeOption = None,
    min_confidence: ConfidenceOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=0, help="At most this many (0: all).")] = 20,
    format: FormatOption = "table",
    grouped: Annotated[bool, typer.Option("--grouped", help="Each quotation once: its first appearance, how often "
                                          "and by how many speakers it was quoted.")] = False,
) -> None:
    """Find stored quotes by words, speaker, outlet, date and type.

    With TEXT, the best matches come first; otherwise the newest. The speaker
    filter forgives case, accents, inflection ("Putins"), transliteration
    ("Selenski") and finds role holders ("Kremlchef": whoever held the role
    when the article appeared). No match is not an error: a note on stderr.
    --grouped shows each quotation (same words, whatever the punctuation)
    once, most repeated first, counted over the whole archive.

    Example: quotes search Waffenruhe --speaker peskow --since 2025-01-01
    """
    from quotes.store.provenance import GROUPED_COLUMNS, grouped_search
    from quotes.store.search import COLUMNS, QuoteFilters
    from quotes.store.search import search as run_search

    check_format(format)
    filters = QuoteFilters(text=text, speaker=speaker, outlet=outlet, since=parse_day(since, "--since"),
                           until=parse_day(until, "--until"), type=type, min_confidence=min_confidence,
                           limit=limit or None)
    with database(ctx).reading() as session:
        rows = grouped_search(session, filters) if grouped else run_search(session, filters)
    if not rows:
        typer.echo("No quotes match.", err=True)
        if format == "table":
            return
    if grouped:
        print_rows(rows, format, columns=GROUPED_COLUMNS, table_columns=GROUPED_TABLE_COLUMNS)
    else:
        print_rows(rows, format, columns=COLUMNS, table_columns=TABLE_COLUMNS)


def show(
    ctx: typer.Context,
    quote_id: Annotated[int, typer.Argument(help="The quote id (first column of search and export).")],
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Show one quote in its paragraph, with speaker, cue and article.

    Example: quotes show 17
    """
    from quotes.errors import NotFoundError
    from quotes.store.corrections import history
    from quotes.store.search import get_row

    check_format(format, ("text", "json"))
    with database(ctx).reading() as session:
        row = get_row(session, quote_id)
        if row is None:
            raise NotFoundError(f"no quote with id {quote_id}")
        corrections = [{"action": c.action, "from": c.old_value, "to": c.new_value, "by": c.author,
                        "at": c.created_at.isoformat(timespec="seconds"), "note": c.note}
                       for c in history(session, quote_id)]
    if format == "json":
        record = {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in row.items()}
        typer.echo(json.dumps({**record, "corrections": corrections}, ensure_ascii=False, indent=2))
        return
    typer.echo("\n".join(_describe(row, corrections)))


def _describe(row: dict[str, Any], corrections: list[dict[str, Any]]) -> list[str]:
    speaker = row["speaker"] or "(unknown)"
    if row["speaker_id"]:
        speaker += f" (#{row['speaker_id']}" + (f", {row['wikidata_qid']}" if row["wikidata_qid"] else "") + ")"
    how = row["resolution"] + (f", matched by {row['speaker_match']}" if row["speaker_match"] else "")
    date = row["published_at"].date().isoformat() if row["published_at"] else "no date"
    lines = [f"Quote {row['quote_id']} ({row['type']}, confidence {row['confidence']:.2f})"
             + ("  [marked: not a quote]" if row["rejected"] else ""),
             f"Speaker: {speaker}  (found by {how})"]
    if row["speaker_mention"]:
        lines.append(f"Mention: {row['speaker_mention']}")
    if row["cue"]:
        lines.append(f"Cue:     {row['cue']}")
    lines.append(f"Article: {row['title'] or '(untitled)'} — {row['outlet'] or 'no outlet'}, {date}"
                 f" (article {row['article_id']}, characters {row['start']}–{row['end']})")
    if row["url"]:
        lines.append(f"URL:     {row['url']}")
    context, quote = row["context"], row["quote"]
    at = context.find(quote)
    if at >= 0 and typer.get_text_stream("stdout").isatty():
        context = context[:at] + typer.style(quote, bold=True, underline=True) + context[at + len(quote):]
    lines += ["", context]
    if corrections:
        lines += ["", "Corrections:"]
        lines += [f"  {c['at']} {c['by']}: {c['action']} {c['from'] or ''} → {c['to'] or ''}"
                  + (f" ({c['note']})" if c["note"] else "") for c in corrections]
    return lines
