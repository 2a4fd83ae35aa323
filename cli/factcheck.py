"""`quotes factcheck ...`: fact-checks of claims, linked to quotes, reviewed
through open → in review → published (or rejected), every change audited."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from cli.options import ByOption, FormatOption, SpeakerOption, check_format, database
from cli.output import fail, table
from cli.rows import print_rows

app = typer.Typer(help="Fact-checks: new, attach, detach, set, list, show, history, export (ClaimReview).",
                  no_args_is_help=True)

IdArgument = Annotated[int, typer.Argument(help="The fact-check id (first column of `factcheck list`).")]
QuoteArgument = Annotated[int, typer.Argument(help="The quote id (first column of search and export).")]


@app.command()
def new(
    ctx: typer.Context,
    claim: Annotated[str, typer.Argument(help="The claim being checked, in the fact-checker's words.")],
    quote: Annotated[list[int] | None, typer.Option("--quote", "-q", help="A quote id that makes the claim "
                                                    "(repeat for several).")] = None,
    by: ByOption = None,
) -> None:
    """Open a fact-check of CLAIM, optionally with the quotes that make it.

    Example: quotes factcheck new "Putin hat Verhandlungen angeboten" --quote 17 --quote 23
    """
    from quotes.factcheck import workflow

    with database(ctx).writing() as session:
        check = workflow.create(session, claim, quote_ids=quote or [], author=by)
        message = f"fact-check {check.id}: open, {len(quote or [])} quote(s) attached"
    typer.echo(message)


@app.command()
def attach(ctx: typer.Context, fact_check_id: IdArgument, quote_id: QuoteArgument, by: ByOption = None) -> None:
    """Attach a quote to a fact-check (another appearance of the claim).

    Example: quotes factcheck attach 3 41
    """
    from quotes.factcheck import workflow

    with database(ctx).writing() as session:
        workflow.attach(session, workflow.get_fact_check(session, fact_check_id), quote_id, author=by)
    typer.echo(f"fact-check {fact_check_id}: quote {quote_id} attached")


@app.command()
def detach(ctx: typer.Context, fact_check_id: IdArgument, quote_id: QuoteArgument, by: ByOption = None) -> None:
    """Detach a quote from a fact-check.

    Example: quotes factcheck detach 3 41
    """
    from quotes.factcheck import workflow

    with database(ctx).writing() as session:
        workflow.detach(session, workflow.get_fact_check(session, fact_check_id), quote_id, author=by)
    typer.echo(f"fact-check {fact_check_id}: quote {quote_id} detached")


@app.command("set")
def set_(
    ctx: typer.Context,
    fact_check_id: IdArgument,
    rating: Annotated[str | None, typer.Option("--rating", "-r", help="A rating of the scale "
                                               "(`quotes factcheck ratings`); '' clears it.")] = None,
    status: Annotated[str | None, typer.Option("--status", help="open, 'in review', published or rejected.")]
    = None,
    reviewer: Annotated[str | None, typer.Option("--reviewer", help="Who reviews the verdict.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="A note added to the notes (with date and author).")]
    = None,
    url: Annotated[str | None, typer.Option("--url", help="The URL of the published fact-check.")] = None,
    claim: Annotated[str | None, typer.Option("--claim", help="Reword the claim (not while published).")] = None,
    by: ByOption = None,
) -> None:
    """Change a fact-check's rating, status, reviewer, notes, URL or claim.

    Fields change first, the status last, so one call can rate and publish.
    Publishing needs a rating, a reviewer and the URL; a published verdict
    keeps its claim and rating until it goes back to 'in review'. Each change
    is recorded (see `factcheck history`).

    Example: quotes factcheck set 3 --rating falsch --reviewer Weber --url https://example.org/fc/3 --status published
    """
    from quotes.factcheck import workflow
    from quotes.factcheck.ratings import rating_scale

    changes = workflow.Changes(claim=claim, rating=rating, status=status, reviewer=reviewer, url=url, note=note)
    if changes == workflow.Changes():
        raise fail("give at least one of --rating, --status, --reviewer, --note, --url, --claim", 2)
    with database(ctx).writing() as session:
        check = workflow.get_fact_check(session, fact_check_id)
        events = workflow.update(session, check, changes, rating_scale(), author=by)
        summary = "; ".join(f"{e.field} {_value(e.old_value)} → {_value(e.new_value)}" if e.field != "note"
                            else "note added" for e in events)
    typer.echo(f"fact-check {fact_check_id}: {summary}")


def _value(value: str | None) -> str:
    return "(none)" if value is None else repr(value) if " " in value else value


@app.command("list")
def list_(
    ctx: typer.Context,
    status: Annotated[str | None, typer.Option("--status", help="open, 'in review', published or rejected.")]
    = None,
    speaker: SpeakerOption = None,
    rating: Annotated[str | None, typer.Option("--rating", "-r", help="Only checks with this rating.")] = None,
    format: FormatOption = "table",
) -> None:
    """Fact-checks with status, rating, claim and the speakers of their quotes, latest change first.

    Example: quotes factcheck list --status "in review" --speaker Putin
    """
    from quotes.factcheck.workflow import LIST_COLUMNS, list_fact_checks

    check_format(format)
    with database(ctx).reading() as session:
        rows = list_fact_checks(session, status=status, speaker=speaker, rating=rating)
    if not rows:
        typer.echo("No fact-checks match.", err=True)
        if format == "table":
            return
    print_rows(rows, format, columns=LIST_COLUMNS,
               table_columns=("fact_check_id", "status", "rating", "quotes", "speakers", "updated_at", "claim"))


@app.command()
def show(ctx: typer.Context, fact_check_id: IdArgument) -> None:
    """One fact-check: claim, verdict, workflow dates, notes and its quotes with their articles.

    Example: quotes factcheck show 3
    """
    from quotes.factcheck import workflow

    with database(ctx).reading() as session:
        check = workflow.get_fact_check(session, fact_check_id)
        items = workflow.appearances(session, check)
    when = {"created": check.created_at, "updated": check.updated_at, "published": check.published_at}
    lines = [f"Fact-check {check.id} [{check.status}]", f"Claim:    {check.claim}",
             f"Rating:   {check.rating or '(none)'}", f"Reviewer: {check.reviewer or '(none)'}",
             f"URL:      {check.url or '(none)'}", f"Created by {check.created_by}; "
             + ", ".join(f"{k} {v:%Y-%m-%d %H:%M}" for k, v in when.items() if v) + " (UTC)"]
    if check.notes:
        lines += ["", "Notes:"] + [f"  {line}" for line in check.notes.splitlines()]
    lines += ["", f"Quotes ({len(items)}):"]
    for item in items:
        article, day = item.article, item.article.published_at
        lines.append(f"  quote {item.quote.id}  {day:%Y-%m-%d}  " if day else f"  quote {item.quote.id}  no date  ")
        lines[-1] += f"{item.speaker_name or '(unknown)'} in {article.outlet or 'no outlet'}: „{item.quote.text}“"
        if article.url:
            lines.append(f"      {article.url}")
    if items:
        lines += ["", f"Other occurrences: quotes trace {items[0].quote.id}"]
    typer.echo("\n".join(lines))


@app.command()
def history(ctx: typer.Context, fact_check_id: IdArgument) -> None:
    """Every change of a fact-check: when (UTC), who, what, old → new.

    Example: quotes factcheck history 3
    """
    from quotes.factcheck import workflow

    with database(ctx).reading() as session:
        events = workflow.history(session, workflow.get_fact_check(session, fact_check_id))
    typer.echo(table(("when", "who", "action", "field", "old", "new"),
                     [(f"{e.created_at:%Y-%m-%d %H:%M:%S}", e.author, e.action, e.field, e.old_value, e.new_value)
                      for e in events]))


@app.command()
def ratings() -> None:
    """The rating scale in use: labels, ClaimReview values, descriptions, and its file.

    Example: QUOTES_RATINGS=our-scale.tsv quotes factcheck ratings
    """
    from quotes.factcheck.ratings import rating_scale

    scale = rating_scale()
    typer.echo(table(("rating", "value", "description"), [(r.label, r.value, r.description) for r in scale.ratings],
                     max_width=90))
    typer.echo(f"\nbest {scale.best}, worst {scale.worst}; from {scale.source}")


@app.command()
def export(
    ctx: typer.Context,
    fact_check_id: Annotated[int | None, typer.Argument(help="The fact-check to export (or --all).")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every fact-check (ClaimReview: every published one).")]
    = False,
    format: Annotated[str, typer.Option("--format", "-f", help="claimreview (JSON-LD), csv or jsonl.")]
    = "claimreview",
    out: Annotated[str, typer.Option("--out", "-o", help="The file to write (default: stdout).")] = "-",
) -> None:
    """Export fact-checks as schema.org ClaimReview JSON-LD, CSV or JSON Lines.

    ClaimReview (published checks only) names the checking organisation from
    QUOTES_ORGANISATION and QUOTES_ORGANISATION_URL; --all writes a JSON
    array. CSV and JSON Lines have one row per check, notes included.

    Example: quotes factcheck export 3 --format claimreview --out factcheck-3.json
    """
    from quotes.factcheck import claimreview, workflow
    from quotes.factcheck.ratings import rating_scale

    check_format(format, claimreview.FORMATS)
    if (fact_check_id is None) == (not all_):
        raise fail("give a fact-check id or --all (not both)", 2)
    scale = rating_scale()
    org = claimreview.organisation() if format == "claimreview" else None
    with database(ctx).reading() as session:
        if all_:
            status = workflow.PUBLISHED if org else None
            checks = [workflow.get_fact_check(session, row["fact_check_id"])
                      for row in workflow.list_fact_checks(session, status=status)]
        else:
            checks = [workflow.get_fact_check(session, fact_check_id or 0)]
        pairs = [(check, workflow.appearances(session, check)) for check in sorted(checks, key=lambda c: c.id or 0)]
        if org is not None:
            reviews = [claimreview.claim_review(check, items, scale, org) for check, items in pairs]
        else:
            records = [claimreview.export_row(check, items, scale) for check, items in pairs]
    target = None if out == "-" else Path(out)
    if org is not None:
        _write_json(reviews if all_ else reviews[0], target)
    else:
        _write_rows(records, format, target)
    if target is not None:
        typer.echo(f"{len(pairs)} fact-check(s) written to {target}", err=True)


def _write_json(document: object, target: Path | None) -> None:
    from quotes.errors import QuotesError

    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if target is None:
        typer.echo(text, nl=False)
        return
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        raise QuotesError(f"cannot write {target}: {error.strerror or error}") from None


def _write_rows(records: list[dict[str, object]], format: str, target: Path | None) -> None:
    import pandas as pd

    from quotes.factcheck.claimreview import EXPORT_COLUMNS
    from quotes.store.export import write

    if format == "csv":
        records = [{k: "; ".join(map(str, v)) if isinstance(v, list) else v for k, v in r.items()} for r in records]
    frame = pd.DataFrame.from_records(records, columns=list(EXPORT_COLUMNS))
    for name in ("created_at", "updated_at", "published_at"):
        frame[name] = pd.to_datetime(frame[name])
    frame["rating_value"] = frame["rating_value"].astype("Int64")
    write(frame, target, format)
