"""Shared fixtures: one real Stanza pipeline on the bundled models per test
session, and helpers to run the real `quotes` command in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "data" / "samples" / "kreml-gespraeche.txt"


@pytest.fixture(scope="session")
def engine():
    from quotes.nlp import Engine

    return Engine.load(prefer_official=False)


@pytest.fixture(scope="session")
def extractor(engine):
    from quotes.extract import Extractor

    return Extractor(engine)


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """Environment for CLI subprocesses: bundled models, a private Stanza
    folder and database, no colour."""
    env = dict(os.environ)
    env.update({
        "STANZA_RESOURCES_DIR": str(tmp_path / "stanza_resources"),
        "QUOTES_MODELS": "bundled",
        "QUOTES_DB": f"sqlite:///{tmp_path / 'quotes.db'}",
        "NO_COLOR": "1",
        "TERM": "dumb",
        "COLUMNS": "200",
    })
    return env


def run_cli(args: list[str], env: dict[str, str], *, stdin: str | None = None,
            cwd: Path | None = None, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    """Run `python -m cli` (the installed `quotes` command's code) for real."""
    return subprocess.run(
        [sys.executable, "-m", "cli", *args], env=env, input=stdin, capture_output=True, text=True,
        cwd=cwd or REPO, timeout=timeout,
    )


# --- Fixtures for the store, speakers, ingest and search tests ---------------

POSTGRES_URL_VARIABLE = "QUOTES_TEST_POSTGRES_URL"


def _fresh_database_url(backend: str, folder: Path):
    """A fresh database URL: a SQLite file in `folder`, or a private schema in
    the PostgreSQL database named by $QUOTES_TEST_POSTGRES_URL (made by
    scripts/ci_postgres.sh), dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'store.db'}"
        return
    base = os.environ.get(POSTGRES_URL_VARIABLE)
    if not base:
        pytest.skip(f"no PostgreSQL: set {POSTGRES_URL_VARIABLE} (bash scripts/ci_postgres.sh prints one)")
    import uuid

    import sqlalchemy as sa

    from quotes.store.engine import parse_url

    schema = f"test_{uuid.uuid4().hex[:12]}"
    url = parse_url(base)
    admin = sa.create_engine(url)
    with admin.begin() as connection:
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        yield url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path):
    """A fresh database URL on each backend, for one test."""
    yield from _fresh_database_url(request.param, tmp_path)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def module_db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """A fresh database URL on each backend, shared by the tests of a module
    that only read it."""
    yield from _fresh_database_url(request.param, tmp_path_factory.mktemp("db"))


@pytest.fixture
def store(db_url: str):
    """An empty quotes database (no starter registry) on each backend."""
    from quotes.store.database import Database

    database = Database.open(db_url, create=True, starter=False)
    yield database
    database.close()


@pytest.fixture
def starter_store(db_url: str):
    """A quotes database seeded with the bundled starter registry."""
    from quotes.store.database import Database

    database = Database.open(db_url, create=True)
    yield database
    database.close()


def _make_quote(text: str, quote: str, speaker: str | None = None, *, mention: str | None = None,
               cue: str | None = None, kind: str | None = "person", how: str = "name", type: str = "direct",
               confidence: float = 0.9):
    """A Quote with its offsets found in `text` (the first occurrence of each
    span, the mention and cue searched from the start of the text)."""
    from quotes.document import Quote, Span

    def span(part: str | None) -> Span | None:
        if part is None:
            return None
        at = text.index(part)
        return Span(at, at + len(part), part)

    at = text.index(quote)
    return Quote(type=type, text=quote, start=at, end=at + len(quote), speaker=speaker, mention=span(mention),
                 cue=span(cue), confidence=confidence, resolution=how if speaker else "none",
                 sentence=quote, speaker_kind=kind if speaker else None)


@pytest.fixture(scope="session")
def quote_at():
    """make a Quote from spans of a text: quote_at(text, quote, speaker, mention=..., cue=...)."""
    return _make_quote


class CountingExtractor:
    """The real pipeline (bundled models), counting how often ingest calls it."""

    def __init__(self, extractor) -> None:
        self.extractor = extractor
        self.calls = 0
        self.texts = 0

    def extract_many(self, texts):
        self.calls += 1
        self.texts += len(texts)
        return self.extractor.extract_many(texts)


@pytest.fixture
def counting_extractor(extractor) -> CountingExtractor:
    return CountingExtractor(extractor)
