"""`quotes speakers ...`: the canonical speakers, their aliases, roles and history."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.options import ByOption, FormatOption, ReasonOption, check_format, database, parse_day
from cli.output import table
from cli.rows import print_rows

app = typer.Typer(help="Canonical speakers: list, show, merge, unmerge, split, rename, aliases, roles, import.",
                  no_args_is_help=True)

NameArgument = Annotated[str, typer.Argument(help="Speaker name, alias or id.")]


@app.command("list")
def list_(
    ctx: typer.Context,
    top: Annotated[int | None, typer.Option("--top", "-n", min=1, help="Only the N most quoted.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="person, organisation or role.")] = None,
    quoted: Annotated[bool, typer.Option("--quoted", help="Only speakers with quotes.")] = False,
    format: FormatOption = "table",
) -> None:
    """Speakers with their number of quotes and aliases, most quoted first.

    Example: quotes speakers list --top 10
    """
    from quotes.speakers.profile import LIST_COLUMNS, list_speakers

    check_format(format)
    with database(ctx).reading() as session:
        rows = list_speakers(session, top=top, kind=kind, with_quotes=quoted)
    print_rows(rows, format, columns=LIST_COLUMNS,
               table_columns=("speaker_id", "name", "kind", "quotes", "aliases", "wikidata_qid"))


@app.command()
def show(ctx: typer.Context, name: NameArgument) -> None:
    """One speaker: details, aliases (and why), roles with dates, history and latest quotes.

    Example: quotes speakers show Selenskyj
    """
    from quotes.speakers.lookup import find_speaker
    from quotes.speakers.profile import profile

    with database(ctx).reading() as session:
        found = profile(session, find_speaker(session, name))
        speaker = found.speaker
        lines = [f"{speaker.name} (#{speaker.id}, {speaker.kind})"]
        for label, value in (("description", speaker.description), ("party", speaker.party),
                             ("wikidata", speaker.wikidata_qid), ("source", speaker.source)):
            if value:
                lines.append(f"  {label}: {value}")
        lines.append(f"  quotes: {found.quote_count}")
        lines += ["", "Aliases:"]
        lines += [f"  {a.alias}  [{a.source}]" + (f" {a.reason}" if a.reason else "") for a in found.aliases]
        if found.roles:
            lines += ["", "Roles:"]
            for r in found.roles:
                if r.source == "article":
                    span = f"seen {r.first_seen or '?'} – {r.last_seen or '?'}, {r.seen_count}×"
                else:
                    span = f"{r.start_date or '…'} – {r.end_date or 'now'}"
                org = f", {r.organisation}" if r.organisation else ""
                evidence = f" — “{r.evidence}”" if r.evidence else ""
                lines.append(f"  {r.label}{org} ({span}) [{r.source}]{evidence}")
        if found.events:
            lines += ["", "History:"]
            lines += [f"  #{e.id} {e.created_at:%Y-%m-%d %H:%M} {e.author or ''}: {e.summary}"
                      + (f" — {e.reason}" if e.reason else "") for e in found.events]
        if found.recent:
            lines += ["", "Latest quotes:"]
            rows = [(q.id, a.published_at.date() if a.published_at else "", a.outlet, q.type, q.text)
                    for q, a in found.recent]
            lines.append(table(["id", "date", "outlet", "type", "quote"], rows))
    typer.echo("\n".join(lines))


@app.command()
def merge(
    ctx: typer.Context,
    keep: Annotated[str, typer.Argument(help="The speaker that stays.")],
    other: Annotated[str, typer.Argument(help="The speaker merged into it (its name becomes an alias).")],
    reason: ReasonOption = None,
    force: Annotated[bool, typer.Option("--force", help="Merge even with different Wikidata ids.")] = False,
    by: ByOption = None,
) -> None:
    """Merge OTHER into KEEP: quotes, aliases and roles move over. Undo with unmerge.

    Example: quotes speakers merge "Wolodymyr Selenskyj" "W. Selenski" --reason "same person"
    """
    from quotes.speakers.lookup import find_speaker
    from quotes.speakers.manage import merge as run_merge

    with database(ctx).writing() as session:
        event = run_merge(session, find_speaker(session, keep), find_speaker(session, other),
                          reason=reason or "merged by hand", author=by, force=force)
        typer.echo(f"{event.summary} ({len(event.details['quotes'])} quotes moved; undo: "
                   f"quotes speakers unmerge {event.speaker_id})")


@app.command()
def unmerge(
    ctx: typer.Context,
    name: NameArgument,
    event: Annotated[int | None, typer.Option("--event", help="Which merge (#id in show's history); "
                                              "default: the latest.")] = None,
    reason: ReasonOption = None,
    by: ByOption = None,
) -> None:
    """Undo a merge into NAME: the merged speaker comes back with its quotes, aliases and roles.

    Example: quotes speakers unmerge "Olaf Scholz"
    """
    from quotes.speakers.lookup import find_speaker
    from quotes.speakers.manage import unmerge as run_unmerge

    with database(ctx).writing() as session:
        speaker = find_speaker(session, name)
        restored = run_unmerge(session, speaker, event_id=event, reason=reason, author=by)
        typer.echo(f"{restored.name} (#{restored.id}) is a speaker of its own again")


@app.command()
def split(
    ctx: typer.Context,
    name: NameArgument,
    aliases: Annotated[list[str], typer.Option("--alias", "-a", help="An alias that belongs to the other person "
                                               "(repeat for several).")],
    new_name: Annotated[str | None, typer.Option("--name", help="Name of the new speaker (default: the first "
                                                 "alias).")] = None,
    reason: ReasonOption = None,
    by: ByOption = None,
) -> None:
    """Split aliases, and the quotes extracted under them, off NAME into a new speaker.

    Example: quotes speakers split "Thomas Müller" --alias "Thomas Müller (SPD)" --reason "two people"
    """
    from quotes.speakers.lookup import find_speaker
    from quotes.speakers.manage import split as run_split

    with database(ctx).writing() as session:
        new = run_split(session, find_speaker(session, name), aliases, name=new_name,
                        reason=reason or "split by hand", author=by)
        typer.echo(f"{new.name} (#{new.id}) split off")


@app.command()
def rename(ctx: typer.Context, name: NameArgument,
           new_name: Annotated[str, typer.Argument(help="The new canonical name.")],
           reason: ReasonOption = None, by: ByOption = None) -> None:
    """Give a speaker a new canonical name; the old one stays an alias.

    Example: quotes speakers rename Selenski "Wolodymyr Selenskyj"
    """
    from quotes.speakers.lookup import find_speaker
    from quotes.speakers.manage import rename as run_rename

    with database(ctx).writing() as session:
        speaker = find_speaker(session, name)
        old = speaker.name
        run_rename(session, speaker, new_name, reason=reason, author=by)
    typer.echo(f"renamed {old} to {new_name}")


@app.command()
def alias(
    ctx: typer.Context,
    name: NameArgument,
    alias: Annotated[str, typer.Argument(help="Another name for the speaker.")],
    remove: Annotated[bool, typer.Option("--remove", help="Remove the alias instead.")] = False,
    reason: ReasonOption = None,
    by: ByOption = None,
) -> None:
    """Add (or --remove) an alias, so search and ingest know the name.

    Example: quotes speakers alias Putin "Kremlchef Putin"
    """
    from quotes.speakers import manage
    from quotes.speakers.lookup import find_speaker

    with database(ctx).writing() as session:
        speaker = find_speaker(session, name)
        (manage.unalias if remove else manage.alias)(session, speaker, alias, reason=reason, author=by)
        typer.echo(f"{'removed' if remove else 'added'} alias {alias!r} {'from' if remove else 'to'} {speaker.name}")


@app.command()
def role(
    ctx: typer.Context,
    name: NameArgument,
    label: Annotated[str, typer.Argument(help="The role as articles name it, e.g. US-Präsident.")],
    organisation: Annotated[str | None, typer.Option("--org", help="The organisation.")] = None,
    start: Annotated[str | None, typer.Option("--start", help="First day in the role.")] = None,
    end: Annotated[str | None, typer.Option("--end", help="First day no longer in it (empty: still).")] = None,
    reason: ReasonOption = None,
    by: ByOption = None,
) -> None:
    """Record a role with dates, so that "der LABEL" resolves to NAME in that time.

    Example: quotes speakers role "Friedrich Merz" Bundeskanzler --start 2025-05-06
    """
    from quotes.speakers import manage
    from quotes.speakers.lookup import find_speaker

    begin, finish = parse_day(start, "--start"), parse_day(end, "--end")
    with database(ctx).writing() as session:
        speaker = find_speaker(session, name)
        manage.role(session, speaker, label, organisation=organisation, start=begin, end=finish, reason=reason,
                    author=by)
        typer.echo(f"{speaker.name}: role {label} recorded")


@app.command("set")
def set_(
    ctx: typer.Context,
    name: NameArgument,
    kind: Annotated[str | None, typer.Option("--kind", help="person, organisation or role.")] = None,
    description: Annotated[str | None, typer.Option("--description", help="Short description.")] = None,
    party: Annotated[str | None, typer.Option("--party", help="Party ('' clears).")] = None,
    wikidata: Annotated[str | None, typer.Option("--wikidata", help="Wikidata id such as Q7747 ('' clears).")]
    = None,
    by: ByOption = None,
) -> None:
    """Change a speaker's kind, description, party or Wikidata id.

    Example: quotes speakers set "Dmitri Peskow" --description Kremlsprecher
    """
    from quotes.speakers import manage
    from quotes.speakers.lookup import find_speaker

    with database(ctx).writing() as session:
        speaker = find_speaker(session, name)
        manage.set_details(session, speaker, kind=kind, description=description, party=party,
                           wikidata_qid=wikidata, author=by)
        typer.echo(f"{speaker.name} updated")


@app.command("import")
def import_(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="Registry CSV files (speakers, or roles).")],
    by: ByOption = None,
) -> None:
    """Import a curated registry: speakers (name, aliases, kind, description,
    party, wikidata_qid) or their roles (name or wikidata_qid, label,
    organisation, start_date, end_date). Rows update speakers with the same
    Wikidata id or name; bad rows are listed and skipped.

    Example: quotes speakers import newsroom-speakers.csv newsroom-roles.csv
    """
    from cli.output import warn
    from quotes.speakers.registry import ImportReport, import_file

    report = ImportReport()
    with database(ctx, create=True).writing() as session:
        for file in files:
            import_file(session, file, author=by, report=report)
    for error in report.errors:
        warn(error)
    typer.echo(report.summary())
    if report.errors:
        raise typer.Exit(1)
