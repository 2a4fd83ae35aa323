"""Schema versions with Alembic, run in-process. Every database, new or old,
is built by the same revisions in quotes/store/migrations/versions."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "0003"  # the newest revision; a test checks it against the scripts
KNOWN = ("0001", "0002", "0003")
# Tables, columns and indexes that migration 0002 makes by hand for full-text
# search; they are not in the SQLModel models, so autogenerate leaves them be.
SEARCH_OBJECTS = ("quote_fts", "search_vector", "ix_quote_search_vector")


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    return not (name or "").startswith(SEARCH_OBJECTS)


def _config(connection: Connection):  # -> alembic.config.Config, imported lazily (slow import)
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def current_revision(connection: Connection) -> str | None:
    """The stored revision; None for a database without quotes tables."""
    if not sa.inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def has_tables(connection: Connection) -> bool:
    return bool(sa.inspect(connection).get_table_names())


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Bring the schema to `revision`; returns (before, after)."""
    with engine.begin() as connection:
        return upgrade_on(connection, revision)


def upgrade_on(connection: Connection, revision: str = "head") -> tuple[str | None, str | None]:
    """`upgrade` inside the caller's transaction (one that holds a lock, say)."""
    from alembic import command

    before = current_revision(connection)
    command.upgrade(_config(connection), revision)
    return before, current_revision(connection)


def script_heads() -> tuple[str, ...]:
    from alembic.script import ScriptDirectory

    return tuple(ScriptDirectory(str(MIGRATIONS)).get_heads())
