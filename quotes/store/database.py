"""Opening a quotes database: URL → engine → schema check, and sessions whose
driver errors become one clear StoreError line."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy.engine import URL, Engine
from sqlmodel import Session

from quotes.errors import StoreError
from quotes.store import migrate
from quotes.store.engine import (
    database_errors,
    describe,
    lock_writers,
    make_engine,
    parse_url,
    retry_when_locked,
    sqlite_path,
    writer,
)


@dataclass
class Database:
    url: URL
    engine: Engine
    found_revision: str | None = field(default=None, init=False)  # the schema as opened, before any upgrade
    created: bool = field(default=False, init=False)

    @classmethod
    def open(cls, url: str | None = None, *, create: bool = False, starter: bool = True,
             upgrade: bool = False) -> Database:
        """Open the database at `url` (default: $QUOTES_DB, else the user's
        data folder). A missing or empty one is created only with
        `create=True`, through the migrations, and seeded with the starter
        speaker registry unless `starter=False`. An older schema is refused
        with the fix (`quotes db upgrade`), so nothing changes behind a
        person's back."""
        parsed = parse_url(url)
        path = sqlite_path(parsed)
        if path is not None and not path.exists():
            if not create:
                raise StoreError(f"no quotes database at {path} (ingest articles first, or give --db)")
            path.parent.mkdir(parents=True, exist_ok=True)
        database = cls(parsed, make_engine(parsed))
        retry_when_locked(lambda: database._check_schema(create=create, starter=starter, upgrade=upgrade))
        return database

    @property
    def where(self) -> str:
        return describe(self.url)

    @property
    def backend(self) -> str:
        return self.url.get_backend_name()

    def _check_schema(self, *, create: bool, starter: bool, upgrade: bool) -> None:
        with database_errors(self.url), self.engine.connect() as connection:
            revision = migrate.current_revision(connection)
            empty = revision is None and not migrate.has_tables(connection)
        self.found_revision = revision
        if revision == migrate.HEAD:
            return
        if empty:
            if not create:
                raise StoreError(f"{self.where} holds no quotes database yet (ingest articles first)")
            self.created = self._create(starter=starter)
            if not self.created:  # another process made it meanwhile
                self._check_schema(create=False, starter=starter, upgrade=upgrade)
            return
        if revision is None:
            raise StoreError(f"{self.where} is not a quotes database (it has tables but no quotes schema version)")
        if revision in migrate.KNOWN:
            if upgrade:
                self.upgrade()
                return
            raise StoreError(f"{self.where} has an older schema ({revision}; this quotes needs {migrate.HEAD}): "
                             "back it up, then run `quotes db upgrade`")
        raise StoreError(f"{self.where} was made by a newer quotes (schema {revision}); upgrade quotes to open it")

    def _create(self, *, starter: bool) -> bool:
        """Build the schema and seed the starter registry in one transaction
        holding the write lock; False when another process was first (two
        ingests started at once on a new database)."""
        with database_errors(self.url), writer(self.engine).begin() as connection:
            lock_writers(connection)
            if migrate.current_revision(connection) is not None:
                return False
            migrate.upgrade_on(connection)
            if starter:
                from quotes.speakers.registry import import_starter

                with Session(bind=connection) as session:
                    import_starter(session)
                    session.flush()
        return True

    def upgrade(self, revision: str = "head") -> tuple[str | None, str | None]:
        with database_errors(self.url):
            return migrate.upgrade(self.engine, revision)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads; driver errors become StoreError."""
        with database_errors(self.url), Session(self.engine) as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A session whose transaction is the only writer from its start (see
        lock_writers); committed when the block ends without error, rolled
        back otherwise."""
        with database_errors(self.url), Session(writer(self.engine)) as session:
            lock_writers(session.connection())
            yield session
            session.commit()

    def close(self) -> None:
        self.engine.dispose()
