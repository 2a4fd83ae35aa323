"""Options shared by the database commands, and opening the database that
`--db` (or $QUOTES_DB) names. The root callback in cli/main.py stores the
global `--db` on the context as Settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from cli.output import fail

if TYPE_CHECKING:
    from quotes.store.database import Database

DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="QUOTES_DB", show_envvar=True,
                 help="Database: a SQLite file path or an SQLAlchemy URL such as postgresql://user@host/name "
                      "(default: quotes.db in your user data folder)."),
]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, csv or jsonl.")]
SpeakerOption = Annotated[
    str | None, typer.Option("--speaker", "-s", help="Speaker name, alias, surname or role ('putin', 'Kremlchef').")]
OutletOption = Annotated[str | None, typer.Option("--outlet", help="Outlet name, or part of it.")]
SinceOption = Annotated[str | None, typer.Option("--since", help="Articles published on or after this date.")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Articles published on or before this date.")]
TypeOption = Annotated[str | None, typer.Option("--type", help="direct, indirect or mixed.")]
ConfidenceOption = Annotated[
    float | None, typer.Option("--min-confidence", min=0.0, max=1.0, help="Only quotes at least this confident.")]
ByOption = Annotated[
    str | None, typer.Option("--by", envvar="QUOTES_USER", help="Who makes the change (default: your login name).")]
ReasonOption = Annotated[str | None, typer.Option("--reason", help="Why: kept in the speaker's history.")]

ROW_FORMATS = ("table", "csv", "jsonl")


@dataclass
class Settings:
    db: str | None = None


def db_url(ctx: typer.Context) -> str | None:
    """The global --db, if given (else Database.open uses $QUOTES_DB or the default)."""
    settings = ctx.find_root().obj
    return settings.db if isinstance(settings, Settings) else None


def database(ctx: typer.Context, *, create: bool = False) -> Database:
    """Open the database for this command (create=True for writers)."""
    from quotes.store.database import Database

    database = Database.open(db_url(ctx), create=create)
    if database.created:
        typer.echo(f"Created a new quotes database at {database.where}", err=True)
    return database


def parse_day(value: str | None, option: str) -> date | None:
    """A date option (YYYY-MM-DD or DD.MM.YYYY); a bad one is a usage error."""
    if value is None:
        return None
    from quotes.errors import InputError
    from quotes.ingest import parse_datetime

    try:
        return parse_datetime(value).date()
    except InputError:
        raise fail(f"{option}: {value!r} is not a date (use YYYY-MM-DD)", 2) from None


def check_format(value: str, allowed: tuple[str, ...] = ROW_FORMATS) -> str:
    if value not in allowed:
        raise fail(f"--format: {value!r} is not one of {', '.join(allowed)}", 2)
    return value
