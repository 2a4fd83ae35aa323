"""Concurrent and interrupted ingests through the real `quotes` command in
subprocesses, on a SQLite file and on PostgreSQL: every article stored once,
no duplicate quotes, the same quotes as one uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.conftest import REPO, _fresh_database_url, run_cli

pytestmark = pytest.mark.slow
NAMES = ("Anna Berger", "Dmitri Peskow", "Thomas Müller", "Eva Schmidt", "Jonas Weber", "Olaf Scholz")


def write_corpus(folder: Path, count: int) -> Path:
    """`count` short German articles, each with a direct and an indirect quote."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        name = NAMES[n % len(NAMES)]
        (folder / f"meldung-{n:03d}.txt").write_text(
            f"Meldung {n}\n„Wir prüfen den Vorschlag Nummer {n} sehr genau“, sagte {name} am Dienstag in Berlin. "
            f"Die Gespräche würden fortgesetzt, sagte {name.split()[1]} weiter.\n", encoding="utf-8")
    return folder


def stored(url: str) -> tuple[int, list[tuple[object, ...]]]:
    """(articles, quotes as sorted rows) after checking the invariants: each
    text once, each quote once, every offset slicing its article's text."""
    from quotes.store.engine import make_engine, parse_url

    engine = make_engine(parse_url(url))
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        hashes = connection.exec_driver_sql("SELECT content_hash FROM article").scalars().all()
        rows = connection.exec_driver_sql(
            'SELECT a.content_hash, q.start, q."end", q.type, q.text, q.speaker_name, a.text '
            "FROM quote q JOIN article a ON a.id = q.article_id").all()
    engine.dispose()
    assert len(hashes) == len(set(hashes))
    assert all(text[start:end] == quote for _, start, end, _, quote, _, text in rows)
    quotes = sorted(row[:6] for row in rows)
    assert len(quotes) == len(set(quotes))
    return len(hashes), quotes


def start_ingest(folder: Path, url: str, env: dict[str, str], *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "cli", "--db", url, "ingest", str(folder), "-q", *extra],
                            env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_url(request: pytest.FixtureRequest, tmp_path: Path):
    yield from _fresh_database_url(request.param, tmp_path)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[object, ...]]]:
    """A corpus and the quotes one uninterrupted single-process ingest stores."""
    folder = write_corpus(tmp_path_factory.mktemp("corpus"), 32)
    url = f"sqlite:///{tmp_path_factory.mktemp('reference') / 'reference.db'}"
    env = dict(os.environ, QUOTES_MODELS="bundled", STANZA_RESOURCES_DIR=str(folder.parent / "stanza"))
    result = run_cli(["--db", url, "ingest", str(folder), "-q"], env)
    assert result.returncode == 0, result.stderr
    articles, quotes = stored(url)
    assert articles == 32 and len(quotes) >= 32
    return folder, quotes


def test_two_ingests_at_once_store_each_article_once(reference, backend_url: str, cli_env: dict[str, str]):
    folder, quotes = reference
    first, second = (start_ingest(folder, backend_url, cli_env) for _ in range(2))
    outputs = [process.communicate(timeout=600) for process in (first, second)]
    for process, (_, err) in zip((first, second), outputs, strict=True):
        assert process.returncode == 0 and "Traceback" not in err, err
    new = [int(out.split(" new")[0].split()[-1]) for out, _ in outputs]
    assert sum(new) == 32, outputs
    assert stored(backend_url) == (32, quotes)


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_killed_ingest_resumes_to_the_same_quotes(reference, backend_url: str, cli_env: dict[str, str],
                                                    workers: str):
    folder, quotes = reference
    if backend_url.startswith("postgresql") and workers == "2":
        pytest.skip("the worker pool is the same on both backends; PostgreSQL runs it with one worker")
    from quotes.store.database import Database

    Database.open(backend_url, create=True).close()
    process = start_ingest(folder, backend_url, cli_env, "--workers", workers, "--batch-size", "4")
    deadline = time.monotonic() + 300
    engine = sa.create_engine(backend_url.replace("postgresql://", "postgresql+psycopg://"))
    count = 0
    while count == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        with engine.connect() as connection:
            count = connection.exec_driver_sql("SELECT count(*) FROM article").scalar()
    engine.dispose()
    workers_pids = _children(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait()
    killed_at, _ = stored(backend_url)
    assert 0 < killed_at < 32, "the ingest should have been killed half-way"
    deadline = time.monotonic() + 15
    while any(_alive(pid) for pid in workers_pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers_pids), "worker processes outlived their killed parent"
    again = start_ingest(folder, backend_url, cli_env, "--workers", workers, "--batch-size", "4")
    out, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    assert out.startswith(f"articles: {32 - killed_at} new, {killed_at} skipped"), out
    assert stored(backend_url) == (32, quotes)


def test_dask_local_cluster_stores_the_same_quotes(reference, tmp_path: Path, cli_env: dict[str, str]):
    pytest.importorskip("distributed")
    folder, quotes = reference
    url = f"sqlite:///{tmp_path / 'dask.db'}"
    result = run_cli(["--db", url, "ingest", str(folder), "-q", "--dask", "local:2"], cli_env)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert result.stdout.startswith("articles: 32 new, 0 skipped"), result.stdout
    assert stored(url) == (32, quotes)
    again = run_cli(["--db", url, "ingest", str(folder), "-q", "--dask", "local:2"], cli_env)
    assert again.stdout.startswith("articles: 0 new, 32 skipped"), again.stdout
    bad = run_cli(["--db", url, "ingest", str(folder), "--dask", "local:zwei"], cli_env)
    assert (bad.returncode, bad.stderr) == (
        1, "Error: --dask 'local:zwei': give local:N with N workers, e.g. local:2\n")
