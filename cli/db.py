"""`quotes db init|upgrade|info`: where the database is and its schema."""

from __future__ import annotations

from typing import Annotated

import typer

from cli.options import db_url

app = typer.Typer(help="The quotes database: create it, upgrade its schema, see what it holds.",
                  no_args_is_help=True)


@app.command()
def init(
    ctx: typer.Context,
    starter: Annotated[bool, typer.Option("--starter/--no-starter",
                                          help="Seed with the bundled starter speaker registry.")] = True,
) -> None:
    """Create the database (any command that writes does this on first use).

    Example: quotes --db newsroom.db db init --no-starter
    """
    from quotes.store.database import Database

    database = Database.open(db_url(ctx), create=True, starter=starter)
    state = "created" if database.created else "already exists"
    typer.echo(f"{database.where}: {state} (schema {database.found_revision or 'new'})")


@app.command()
def upgrade(ctx: typer.Context) -> None:
    """Bring a database made by an older quotes to the current schema.

    Back up the file (or dump the PostgreSQL database) first.

    Example: quotes db upgrade
    """
    from quotes.store.database import Database
    from quotes.store.migrate import HEAD

    database = Database.open(db_url(ctx), create=True, upgrade=True)
    before = database.found_revision
    if database.created:
        typer.echo(f"{database.where}: created at schema {HEAD}")
    elif before == HEAD:
        typer.echo(f"{database.where}: schema {HEAD} is current, nothing to do")
    else:
        typer.echo(f"{database.where}: schema upgraded from {before} to {HEAD}")


@app.command()
def info(ctx: typer.Context) -> None:
    """Where the database is, its schema and how much it holds.

    Example: quotes db info
    """
    import sqlalchemy as sa

    from quotes.store.database import Database
    from quotes.store.engine import sqlite_path
    from quotes.store.models import Article, Speaker, StoredQuote

    database = Database.open(db_url(ctx))
    with database.reading() as session:
        counts = {name: session.exec(sa.select(sa.func.count()).select_from(model)).scalar()
                  for name, model in (("articles", Article), ("quotes", StoredQuote), ("speakers", Speaker))}
    typer.echo(f"database: {database.where}")
    path = sqlite_path(database.url)
    if path is not None:
        typer.echo(f"size:     {path.stat().st_size / 1e6:.1f} MB")
    typer.echo(f"schema:   {database.found_revision}")
    typer.echo(", ".join(f"{n} {name}" for name, n in counts.items()))
