"""Making the database engine from a URL or path, and turning driver errors
into one clear QuotesError line (a PostgreSQL URL's password never shown).

SQLite gets WAL mode, a busy timeout and foreign keys on every connection,
and write sessions start with BEGIN IMMEDIATE: two ingests into one file then
queue for the write lock instead of failing when a read turns into a write.
Where SQLite still reports a lock without waiting (two processes setting up
a new file), `retry_when_locked` runs the whole transaction again until the
busy timeout has passed."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from platformdirs import user_data_dir
from sqlalchemy import event, exc
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.pool import StaticPool

from quotes.errors import DatabaseLocked, StoreError

T = TypeVar("T")

BUSY_TIMEOUT_S = 30.0
RETRY_PAUSE_S = 0.05  # first pause before a transaction that met a lock is run again
WRITER_LOCK_KEY = int.from_bytes(b"quotes")  # any fixed bigint, the same in every process


def default_url() -> str:
    """A SQLite file in the user's data folder (created on first use)."""
    return f"sqlite:///{Path(user_data_dir('quotes', appauthor=False)) / 'quotes.db'}"


def parse_url(value: str | None) -> URL:
    """A SQLAlchemy URL from `--db`: a URL, or a plain path meaning SQLite.
    `postgresql://` without a driver means psycopg (version 3)."""
    if not value:
        value = os.environ.get("QUOTES_DB") or default_url()
    if "://" not in value:
        value = f"sqlite:///{Path(value).expanduser()}"
    try:
        url = make_url(value)
    except exc.ArgumentError:
        raise StoreError(f"not a database URL: {value!r} (give a file path, sqlite:///PATH or "
                         "postgresql://USER@HOST/NAME)") from None
    if url.drivername in {"postgresql", "postgres"}:
        url = url.set(drivername="postgresql+psycopg")
    return url


def describe(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def sqlite_path(url: URL) -> Path | None:
    """The file of a SQLite URL; None for in-memory databases and other backends."""
    if url.get_backend_name() != "sqlite" or url.database in {None, "", ":memory:"}:
        return None
    return Path(url.database)


def busy_timeout() -> float:
    """Seconds a writer waits for a locked SQLite file ($QUOTES_DB_TIMEOUT)."""
    value = os.environ.get("QUOTES_DB_TIMEOUT")
    try:
        return float(value) if value else BUSY_TIMEOUT_S
    except ValueError:
        raise StoreError(f"QUOTES_DB_TIMEOUT={value!r} is not a number of seconds") from None


def make_engine(url: URL) -> Engine:
    """An engine for the URL; SQLite connections are configured as above."""
    backend = url.get_backend_name()
    options: dict[str, Any] = {}
    if backend == "sqlite":
        timeout = busy_timeout()
        options["connect_args"] = {"timeout": timeout}
        if sqlite_path(url) is None:
            options.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        options["pool_pre_ping"] = True
    try:
        engine = sa.create_engine(url, **options)
    except ModuleNotFoundError as error:
        hint = " (pip install 'quotes[postgres]')" if backend == "postgresql" else ""
        raise StoreError(f"no database driver for {describe(url)}: {error.name} is not installed{hint}") from None
    except (exc.NoSuchModuleError, exc.ArgumentError) as error:
        raise StoreError(f"cannot use {describe(url)}: {error}") from None
    if backend == "sqlite":
        _configure_sqlite(engine, timeout)
    return engine


def _configure_sqlite(engine: Engine, timeout: float) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(connection: sqlite3.Connection, _record: object) -> None:
        connection.isolation_level = None  # SQLAlchemy emits BEGIN itself, below
        cursor = connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if engine.url.database not in {None, "", ":memory:"}:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        immediate = connection.get_execution_options().get("sqlite_immediate")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def writer(engine: Engine) -> Engine:
    """The same engine, but transactions take SQLite's write lock at once."""
    return engine.execution_options(sqlite_immediate=True)


def lock_writers(connection: sa.Connection) -> None:
    """Make this transaction the only writer until it ends. SQLite has that
    from BEGIN IMMEDIATE (see `writer`); PostgreSQL gets a transaction-level
    advisory lock, so that concurrent ingests cannot both create one new
    speaker or article (a write is milliseconds next to seconds of NLP)."""
    if connection.dialect.name == "postgresql":
        connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK_KEY})


@contextmanager
def database_errors(url: URL) -> Iterator[None]:
    """Translate driver errors into StoreError with a line a person can act on."""
    where = describe(url)
    try:
        yield
    except exc.IntegrityError:
        raise  # a constraint the caller handles (an article stored twice at once)
    except exc.OperationalError as error:
        message = _operational_message(where, error)
        raise (DatabaseLocked if _is_locked(error) else StoreError)(message) from None
    except exc.DatabaseError as error:
        detail = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        if "file is not a database" in detail:
            raise StoreError(f"{where} is not a SQLite database ({detail})") from None
        raise StoreError(f"database error in {where}: {detail}") from None


def retry_when_locked(action: Callable[[], T]) -> T:
    """Run `action`, one whole transaction, again while SQLite reports a lock,
    until the busy timeout has passed. SQLite waits for a lock by itself,
    but fails at once in a few races (two processes setting up a new file,
    a read turning into a write in WAL mode); a transaction run again then
    goes through."""
    deadline = time.monotonic() + busy_timeout()
    pause = RETRY_PAUSE_S
    while True:
        try:
            return action()
        except DatabaseLocked:
            if time.monotonic() + pause > deadline:
                raise
            time.sleep(pause)
            pause = min(2 * pause, 1.0)


def _is_locked(error: exc.OperationalError) -> bool:
    detail = str(error.orig) if error.orig else str(error)
    return "database is locked" in detail or "database table is locked" in detail


def _operational_message(where: str, error: exc.OperationalError) -> str:
    detail = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
    if _is_locked(error):
        return (f"{where} is locked by another process (waited {busy_timeout():g} s; "
                "try again, or raise QUOTES_DB_TIMEOUT)")
    if "unable to open database file" in detail:
        return f"cannot open {where}: no such folder, or no permission"
    if "readonly database" in detail:
        return f"{where} is read-only (no permission to write)"
    if "connection" in detail.lower() or "could not" in detail.lower():
        return f"cannot connect to {where}: {detail}"
    return f"database error in {where}: {detail}"
