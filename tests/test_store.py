"""The store on real SQLite files and a real PostgreSQL database: schema by
migrations, one transaction per article, the offset invariant, corrections
kept across re-processing, and clear errors for bad databases."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import select

from quotes.errors import DatabaseLocked, InputError, StoreError
from quotes.store import migrate
from quotes.store.corrections import set_rejected, set_speaker
from quotes.store.database import Database
from quotes.store.engine import retry_when_locked
from quotes.store.models import Article, Speaker, StoredQuote, metadata
from quotes.store.repository import ArticleInput, content_hash, context_of, find_article, save_article
from quotes.store.search import QuoteFilters, search

TEXT = ("Kreml dämpft Erwartungen\n"
        "„Für ein Treffen ist es noch zu früh“, sagte Kremlsprecher Dmitri Peskow am Dienstag. "
        "Er betonte, Russland sei zu Gesprächen bereit.\n"
        "„Wir messen Russland an seinen Taten“, sagte Anna Berger in Berlin.")


def sample_quotes(quote_at):
    return [
        quote_at(TEXT, "Für ein Treffen ist es noch zu früh", "Dmitri Peskow",
                 mention="Kremlsprecher Dmitri Peskow", cue="sagte"),
        quote_at(TEXT, "Russland sei zu Gesprächen bereit", "Dmitri Peskow", mention="Er", cue="betonte",
                 how="pronoun", type="indirect", confidence=0.7),
        quote_at(TEXT, "Wir messen Russland an seinen Taten", "Anna Berger", mention="Anna Berger"),
    ]


def store_sample(store: Database, quote_at, **fields) -> int:
    item = ArticleInput(text=TEXT, title="Kreml", outlet="Tagesblatt", published_at=datetime(2025, 3, 4), **fields)
    with store.writing() as session:
        return save_article(session, item, sample_quotes(quote_at), extractor_version="test").article_id


def test_a_new_database_is_built_by_the_migrations(store: Database):
    with store.engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.HEAD
    assert store.found_revision is None and store.created


def test_the_migrations_match_the_models(store: Database):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": migrate.include_object})
        assert compare_metadata(context, metadata) == []


def test_head_is_the_newest_migration():
    assert migrate.script_heads() == (migrate.HEAD,)
    assert migrate.KNOWN[-1] == migrate.HEAD


def test_an_article_and_its_quotes_are_stored_with_exact_offsets(store: Database, quote_at):
    article_id = store_sample(store, quote_at)
    with store.reading() as session:
        article = session.get_one(Article, article_id)
        rows = session.exec(select(StoredQuote).where(StoredQuote.article_id == article_id)).all()
        assert len(rows) == 3
        for row in rows:
            assert article.text[row.start:row.end] == row.text
            assert article.text[row.mention_start:row.mention_end] == row.mention_text
            if row.cue_text:
                assert article.text[row.cue_start:row.cue_end] == row.cue_text
        assert {row.resolution for row in rows} == {"name", "pronoun"}
        assert article.content_hash == content_hash(TEXT)
        speakers = {s.name for s in session.exec(select(Speaker))}
        assert speakers == {"Dmitri Peskow", "Anna Berger"}


def test_a_quote_off_its_offsets_refuses_the_whole_article(store: Database, quote_at):
    good = quote_at(TEXT, "Wir messen Russland an seinen Taten", "Anna Berger")
    bad = quote_at(TEXT, "Für ein Treffen ist es noch zu früh", "Dmitri Peskow")
    bad = type(bad)(**{**bad.__dict__, "start": bad.start + 1})
    with pytest.raises(InputError, match="does not match the article text"), store.writing() as session:
        save_article(session, ArticleInput(text=TEXT), [good, bad], extractor_version="test")
    with store.reading() as session:
        assert session.exec(select(Article)).all() == []
        assert session.exec(select(Speaker)).all() == []


def test_an_error_before_commit_leaves_nothing_behind(store: Database, quote_at):
    with pytest.raises(RuntimeError), store.writing() as session:
        save_article(session, ArticleInput(text=TEXT), sample_quotes(quote_at), extractor_version="test")
        raise RuntimeError("crash after the writes, before the commit")
    with store.reading() as session:
        assert session.exec(select(sa.func.count()).select_from(StoredQuote)).one() == 0
        assert find_article(session, content_hash(TEXT)) is None
        assert session.exec(select(Speaker)).all() == []


def test_deleting_an_article_deletes_its_quotes(store: Database, quote_at):
    article_id = store_sample(store, quote_at)
    with store.writing() as session:
        session.delete(session.get_one(Article, article_id))
    with store.reading() as session:
        assert session.exec(select(StoredQuote)).all() == []
        assert len(session.exec(select(Speaker)).all()) == 2


def test_content_hash_ignores_whitespace_and_unicode_normal_form():
    assert content_hash("Er sagte:\n„Ja.“") == content_hash("Er  sagte: „Ja.“ \n")
    assert content_hash("Mu\u0308ller") == content_hash("Müller")
    assert content_hash("Müller sagte Ja.") != content_hash("Müller sagte Nein.")


def test_context_is_the_paragraph_of_the_quote():
    text = "Erster Absatz.\n\nZweiter Absatz: „Zitat hier“, sagte er.\nNoch im Absatz.\n\nDritter."
    start = text.index("Zitat")
    assert context_of(text, start, start + 10) == "Zweiter Absatz: „Zitat hier“, sagte er.\nNoch im Absatz."
    lines = "Titel\nErste Zeile.\n„Zitat“, sagte sie.\nLetzte Zeile."
    assert context_of(lines, lines.index("Zitat"), lines.index("Zitat") + 5) == "„Zitat“, sagte sie."
    long = "x" * 5000 + " „Zitat“ " + "y" * 5000
    assert len(context_of(long, 5002, 5007)) <= 1500


def test_reprocessing_keeps_corrections_and_the_ids_of_quotes_found_again(store: Database, quote_at):
    article_id = store_sample(store, quote_at)
    with store.writing() as session:
        rows = {r.text: r for r in session.exec(select(StoredQuote))}
        putin = Speaker(name="Wladimir Putin")
        session.add(putin)
        session.flush()
        set_speaker(session, rows["Russland sei zu Gesprächen bereit"], putin, author="anna", note="test")
        set_rejected(session, rows["Wir messen Russland an seinen Taten"], True, author="anna")
        kept_id = rows["Für ein Treffen ist es noch zu früh"].id
    again = [
        quote_at(TEXT, "Für ein Treffen ist es noch zu früh", "Dmitri Peskow", confidence=0.95),
        quote_at(TEXT, "Russland sei zu Gesprächen bereit", "Dmitri Peskow", how="pronoun"),
        quote_at(TEXT, "Wir messen Russland an seinen Taten", "Anna Berger"),
        quote_at(TEXT, "Kreml dämpft Erwartungen", None),
    ]
    with store.writing() as session:
        existing = session.get_one(Article, article_id)
        result = save_article(session, ArticleInput(text=TEXT, url="https://example.org/k"), again,
                              extractor_version="test-2", existing=existing)
    assert (result.status, result.quotes, result.kept) == ("reprocessed", 2, 2)
    with store.reading() as session:
        rows = {r.text: r for r in session.exec(select(StoredQuote))}
        assert len(rows) == 4
        assert rows["Für ein Treffen ist es noch zu früh"].id == kept_id
        assert rows["Für ein Treffen ist es noch zu früh"].confidence == 0.95
        corrected = rows["Russland sei zu Gesprächen bereit"]
        assert (corrected.resolution, corrected.confidence) == ("manual", 1.0)
        assert session.get_one(Speaker, corrected.speaker_id).name == "Wladimir Putin"
        assert rows["Wir messen Russland an seinen Taten"].rejected
        article = session.get_one(Article, article_id)
        assert (article.url, article.title, article.extractor_version) == ("https://example.org/k", "Kreml",
                                                                            "test-2")
        visible = {r["quote"] for r in search(session, QuoteFilters())}
    assert "Wir messen Russland an seinen Taten" not in visible


def test_an_older_schema_is_refused_until_upgraded_and_keeps_its_data(db_url: str, quote_at):
    from quotes.store.engine import make_engine, parse_url

    engine = make_engine(parse_url(db_url))
    migrate.upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(sa.insert(Article.__table__).values(
            text=TEXT, content_hash="h", meta={}, language="de", ingested_at=datetime(2025, 1, 1),
            processed_at=datetime(2025, 1, 1)))
        connection.execute(sa.insert(StoredQuote.__table__).values(
            article_id=1, type="direct", text="Für ein Treffen ist es noch zu früh", start=26, end=61, sentence="",
            context="", confidence=0.9, resolution="name", rejected=False, created_at=datetime(2025, 1, 1)))
    engine.dispose()
    with pytest.raises(StoreError, match=r"older schema \(0001.*quotes db upgrade"):
        Database.open(db_url)
    database = Database.open(db_url, upgrade=True)
    assert database.found_revision == "0001"
    with database.reading() as session:
        assert [r["quote_id"] for r in search(session, QuoteFilters(text="treffen"))] == [1]
    database.close()


def test_a_database_from_a_newer_quotes_is_refused(store: Database):
    with store.engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="newer quotes"):
        Database.open(store.url.render_as_string(hide_password=False))


def test_reading_a_missing_database_says_so(tmp_path: Path):
    with pytest.raises(StoreError, match="no quotes database at"):
        Database.open(str(tmp_path / "none.db"))
    assert not (tmp_path / "none.db").exists()


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(StoreError, match="is not a SQLite database"):
        Database.open(str(path))


def test_a_sqlite_file_of_another_program_is_refused(tmp_path: Path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE things (id INTEGER)")
    with pytest.raises(StoreError, match="is not a quotes database"):
        Database.open(str(path), create=True)


@pytest.mark.parametrize("url", ["postgresql://", "nosuchdb://x", "::::"])
def test_bad_urls_are_one_clear_error(url: str):
    with pytest.raises(StoreError):
        Database.open(url)


def test_a_failed_connection_never_shows_the_password():
    with pytest.raises(StoreError) as error:
        Database.open("postgresql://quotes:s3cret@127.0.0.1:1/none")
    assert "s3cret" not in str(error.value) and "***" in str(error.value)


def test_a_locked_database_is_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, quote_at):
    path = tmp_path / "locked.db"
    Database.open(str(path), create=True, starter=False).close()
    monkeypatch.setenv("QUOTES_DB_TIMEOUT", "0.2")
    database = Database.open(str(path))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="is locked by another process"), database.writing() as session:
            save_article(session, ArticleInput(text=TEXT), sample_quotes(quote_at), extractor_version="t")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with database.writing() as session:
        save_article(session, ArticleInput(text=TEXT), sample_quotes(quote_at), extractor_version="t")
    database.close()


def test_a_transaction_that_met_a_lock_is_run_again_within_the_timeout(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("QUOTES_DB_TIMEOUT", "0.5")
    attempts: list[float] = []

    def fails_twice() -> str:
        attempts.append(time.monotonic())
        if len(attempts) < 3:
            raise DatabaseLocked("store.db is locked by another process")
        return "stored"

    assert retry_when_locked(fails_twice) == "stored" and len(attempts) == 3

    def always_locked() -> str:
        raise DatabaseLocked("store.db is locked by another process")

    started = time.monotonic()
    with pytest.raises(DatabaseLocked):
        retry_when_locked(always_locked)
    assert time.monotonic() - started < 1.5  # gives up after the busy timeout


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path):
    database = Database.open(str(tmp_path / "w.db"), create=True, starter=False)
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
    database.close()


CONCURRENT_INGEST = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[3])
    from quotes.extract import Extractor
    from quotes.ingest import Item, ingest
    from quotes.store.database import Database
    from quotes.store.repository import ArticleInput

    database = Database.open(sys.argv[1], create=True)
    tag = sys.argv[2]
    items = [Item(f"{tag}-{n}", ArticleInput(text=f"„Satz {tag} {n}“, sagte Anna Berger. " * 3))
             for n in range(40)]
    items += [Item(f"shared-{n}", ArticleInput(text=f"„Gemeinsam {n}“, sagte Olaf Scholz.")) for n in range(10)]
    report = ingest(database, items, lambda: Extractor.load(prefer_official=False), extractor_version="t",
                    batch_size=4)
    print(report.new, report.skipped, report.failed)
""")


def test_two_ingests_into_one_sqlite_file_both_succeed(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    Database.open(url, create=True).close()
    tests = str(Path(__file__).parent)
    runs = [subprocess.Popen([sys.executable, "-c", CONCURRENT_INGEST, url, tag, tests], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for tag in ("a", "b")]
    outputs = [run.communicate(timeout=120) for run in runs]
    for run, (_out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
    counts = [tuple(map(int, out.split())) for out, _ in outputs]
    assert sum(new for new, _, _ in counts) == 90
    assert sum(skipped for _, skipped, _ in counts) == 10
    assert all(failed == 0 for _, _, failed in counts)
    database = Database.open(url)
    with database.reading() as session:
        assert session.exec(select(sa.func.count()).select_from(Article)).one() == 90
        speakers = session.exec(select(Speaker.name).where(Speaker.name == "Anna Berger")).all()
        assert speakers == ["Anna Berger"]
    database.close()
