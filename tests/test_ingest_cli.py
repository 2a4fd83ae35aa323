"""Ingest (sources, idempotency, failures, re-processing) and the database
commands: in-process with CliRunner on the real pipeline, and end to end
with the real pipeline in a subprocess (marked slow)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from quotes.errors import InputError, NotFoundError
from quotes.ingest import IngestReport, Item, ingest, parse_datetime, read_items
from quotes.store import migrate
from quotes.store.database import Database
from quotes.store.engine import make_engine, parse_url
from quotes.store.repository import ArticleInput
from tests.conftest import SAMPLE, run_cli

PESKOW = "„Für ein Treffen ist es noch zu früh“, sagte Kremlsprecher Dmitri Peskow am Dienstag in Moskau."
BERGER = "„Wir messen Russland an seinen Taten“, sagte Anna Berger in Berlin."
HTML = ("<html><head><title>Kreml dämpft Erwartungen</title><meta property='og:site_name' content='Tagesblatt'>"
        "<meta name='date' content='2025-03-04'><link rel='canonical' href='https://tagesblatt.example/kreml'></head>"
        "<body><nav>Menü Startseite Politik</nav><article><h1>Kreml dämpft Erwartungen</h1>"
        f"<p>{PESKOW} Er sprach mit Journalisten über die Lage in der Ukraine.</p>"
        "<p>Der Kremlsprecher fügte hinzu, Russland sei grundsätzlich zu Verhandlungen bereit.</p></article>"
        "<footer>Impressum</footer></body></html>")


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-03-04", datetime(2025, 3, 4)), ("2025-03-04T10:15:00+01:00", datetime(2025, 3, 4, 10, 15)),
    ("2025-03-04T23:30:00Z", datetime(2025, 3, 4, 23, 30)), ("04.03.2025", datetime(2025, 3, 4)),
    ("4.3.2025, 10:15 Uhr", datetime(2025, 3, 4, 10, 15)),
    ("Tue, 04 Mar 2025 10:15:00 +0100", datetime(2025, 3, 4, 10, 15)),
])
def test_dates(value: str, expected: datetime):
    assert parse_datetime(value) == expected


@pytest.mark.parametrize("value", ["gestern", "2025-13-01", "31.02.2025", ""])
def test_bad_dates(value: str):
    with pytest.raises(InputError, match="bad date"):
        parse_datetime(value)


def test_sources_of_every_kind(tmp_path: Path):
    folder = tmp_path / "feed"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(f"Kreml dämpft Erwartungen\n{PESKOW}", encoding="utf-8")
    (folder / "sub" / "b.html").write_text(HTML, encoding="utf-8")
    feed = json.dumps({"text": BERGER, "title": "Berger", "outlet": "Abendblatt", "published_at": "2025-03-05",
                       "author": "Mia"}, ensure_ascii=False)
    empty = json.dumps({"title": "leer"})
    (folder / "c.jsonl").write_text(f"{feed}\n\nnot json\n[1]\n{empty}\n", encoding="utf-8")
    (folder / "d.csv").write_text("text,url,date,section\n"
                                  f"\"{BERGER} Nochmals.\",https://x.example/1,2025-03-06,Politik\n"
                                  ",https://x.example/2,,\n", encoding="utf-8-sig")
    (folder / ".hidden.txt").write_text("geheim", encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF")
    items = list(read_items([str(folder)], defaults=ArticleInput(text="", outlet="Tagesblatt")))
    assert [(i.label.replace(str(folder), ""), i.error) for i in items] == [
        ("/a.txt", None), ("/c.jsonl:1", None), ("/c.jsonl:3", "not JSON (Expecting value)"),
        ("/c.jsonl:4", "not a JSON object"), ("/c.jsonl:5", "no text"), ("/d.csv:2", None), ("/d.csv:3", "no text"),
        ("/sub/b.html", None)]
    text, feed, csv_row, html = (i.article for i in items if i.article)
    assert (text.title, text.outlet, text.text.startswith("Kreml")) == ("Kreml dämpft Erwartungen", "Tagesblatt", True)
    assert (feed.title, feed.outlet, feed.published_at, feed.meta) == (
        "Berger", "Abendblatt", datetime(2025, 3, 5), {"author": "Mia"})
    assert (csv_row.url, csv_row.published_at, csv_row.meta) == ("https://x.example/1", datetime(2025, 3, 6),
                                                                {"section": "Politik"})
    assert "Menü" not in html.text and PESKOW in html.text
    assert (html.title, html.url, html.published_at) == ("Kreml dämpft Erwartungen",
                                                          "https://tagesblatt.example/kreml", datetime(2025, 3, 4))


def test_stdin_is_sniffed_and_bad_input_is_an_item_error():
    items = list(read_items(["-"], stdin=io.BytesIO(json.dumps({"text": BERGER}).encode())))
    assert items[0].article.text == BERGER and items[0].label == "stdin:1"
    items = list(read_items(["-"], stdin=io.BytesIO(b"\x00\x01binary")))
    assert items[0].error == "stdin: binary file (NUL bytes), not text"
    assert next(read_items(["missing.txt"])).error == "no such file or folder"
    latin1 = list(read_items(["-"], stdin=io.BytesIO(b'{"text": "Gr\xfc\xdfe"}\n')))
    assert [(i.label, i.error) for i in latin1] == [("stdin", "not UTF-8 text; the rest of the feed is skipped")]


def items_for(*texts: str) -> list[Item]:
    return [Item(f"t{n}", ArticleInput(text=text, published_at=datetime(2025, 3, 4))) for n, text in enumerate(texts)]


def test_ingest_is_idempotent_and_loads_the_extractor_only_when_needed(store, counting_extractor):
    loads: list[int] = []

    def load():
        loads.append(1)
        return counting_extractor

    first = ingest(store, items_for(PESKOW, BERGER, PESKOW), load, extractor_version="t")
    assert (first.new, first.skipped, first.failed, first.quotes) == (2, 1, 0, 2)
    again = ingest(store, items_for(PESKOW, BERGER + "  "), load, extractor_version="t")
    assert (again.new, again.skipped, again.quotes) == (0, 2, 0)
    assert len(loads) == 1
    assert again.summary() == "articles: 0 new, 2 skipped (already stored), 0 failed; quotes stored: 0"


def test_a_failing_article_is_reported_and_the_rest_goes_on(store, counting_extractor):
    class Fussy:
        def extract_many(self, texts):
            if any("Berger" in t for t in texts):
                raise RuntimeError("tagger crashed")
            return counting_extractor.extract_many(texts)

    items = [*items_for(PESKOW, BERGER, PESKOW + " Ende."), Item("broken.txt", error="empty file")]
    report = ingest(store, items, Fussy, extractor_version="t")
    assert (report.new, report.failed) == (2, 2)
    assert sorted(report.failures) == [("broken.txt", "empty file"),
                                       ("t1", "extraction failed: RuntimeError: tagger crashed")]


def test_progress_is_reported_per_article(store, counting_extractor):
    seen: list[tuple[str, int]] = []

    def progress(report: IngestReport, item: Item) -> None:
        seen.append((item.label, report.seen))

    ingest(store, items_for(PESKOW, BERGER, PESKOW), lambda: counting_extractor, extractor_version="t",
           batch_size=2, progress=progress)
    assert seen == [("t0", 1), ("t1", 2), ("t2", 3)]


# --- the commands, in-process on the real pipeline -----------------------------

runner = CliRunner()


@pytest.fixture
def filled_db(tmp_path: Path, counting_extractor) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    database = Database.open(url, create=True, starter=False)
    texts = [(PESKOW, "Tagesblatt", datetime(2025, 3, 4)), (BERGER, "Abendblatt", datetime(2025, 3, 5)),
             ("„=cmd|' /C calc'!A0“, sagte Anna Berger.", "Abendblatt", datetime(2025, 3, 6))]
    items = [Item(f"t{n}", ArticleInput(text=t, outlet=o, published_at=d, title=f"Artikel {n}"))
             for n, (t, o, d) in enumerate(texts)]
    ingest(database, items, lambda: counting_extractor, extractor_version="t")
    database.close()
    return url


def invoke(url: str, *args: str):
    """The command in-process; a QuotesError stays in result.exception (the
    `quotes` entry point turns it into one line: see test_errors_are_one_line)."""
    return runner.invoke(app, ["--db", url, *args])


def test_search_command_formats(filled_db: str):
    result = invoke(filled_db, "search", "--speaker", "peskow")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["quote_id", "published_at", "speaker", "outlet", "type", "quote"]
    assert lines[2].split()[:5] == ["1", "2025-03-04", "Dmitri", "Peskow", "Tagesblatt"]
    rows = [json.loads(line) for line in invoke(filled_db, "search", "Taten", "-f", "jsonl").stdout.splitlines()]
    assert [(r["quote_id"], r["speaker"], r["published_at"]) for r in rows] == [
        (2, "Anna Berger", "2025-03-05T00:00:00")]
    csv_out = invoke(filled_db, "search", "--speaker", "Berger", "--format", "csv").stdout
    assert csv_out.splitlines()[0].startswith("quote_id,speaker,speaker_id,")
    assert "'=cmd|' /C calc'!A0" in csv_out


def test_search_errors_and_empty_results(filled_db: str):
    result = invoke(filled_db, "search", "--speaker", "Anna Bergmann")
    assert isinstance(result.exception, NotFoundError)
    assert str(result.exception) == "no speaker matches 'Anna Bergmann'; did you mean Anna Berger?"
    result = invoke(filled_db, "search", "--since", "gestern")
    assert (result.exit_code, result.stderr) == (2, "Error: --since: 'gestern' is not a date (use YYYY-MM-DD)\n")
    result = invoke(filled_db, "search", "Waffenstillstand")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "No quotes match.\n")
    result = invoke(filled_db, "search", "Waffenstillstand", "-f", "csv")
    assert result.stdout.startswith("quote_id,")


@pytest.mark.slow
def test_errors_are_one_line(cli_env: dict[str, str], tmp_path: Path):
    missing = run_cli(["--db", str(tmp_path / "none.db"), "search", "x"], cli_env)
    assert (missing.returncode, missing.stdout, missing.stderr) == (
        1, "", f"Error: no quotes database at {tmp_path / 'none.db'} (ingest articles first, or give --db)\n")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"no database" * 200)
    result = run_cli(["--db", str(junk), "speakers", "list"], cli_env)
    assert (result.returncode, result.stderr) == (
        1, f"Error: sqlite:///{junk} is not a SQLite database (file is not a database)\n")
    result = run_cli(["--db", "postgresql://me:pw@127.0.0.1:1/x", "show", "1"], cli_env)
    assert result.returncode == 1 and result.stderr.startswith("Error: cannot connect to postgresql+psycopg://me:***@")
    assert result.stderr.count("\n") == 1
    result = run_cli(["--db", "mysql+nodriver://x/y", "show", "1"], cli_env)
    assert result.returncode == 1 and result.stderr.startswith("Error: cannot use mysql+nodriver://x/y")


def test_show_fix_and_corrections(filled_db: str):
    shown = invoke(filled_db, "show", "1")
    assert shown.exit_code == 0
    lines = shown.stdout.splitlines()
    assert lines[0].startswith("Quote 1 (direct, confidence 0.")
    assert lines[1:5] == [
        "Speaker: Dmitri Peskow (#1)  (found by name, matched by new)",
        "Mention: Kremlsprecher Dmitri Peskow", "Cue:     sagte",
        "Article: Artikel 0 — Tagesblatt, 2025-03-04 (article 1, characters 1–36)"]
    assert PESKOW in shown.stdout
    fixed = invoke(filled_db, "fix", "1", "--speaker", "Berger", "--by", "mia", "--note", "Tonband geprüft")
    assert (fixed.exit_code, fixed.stdout) == (0, "quote 1: speaker is now Anna Berger (#2)\n")
    record = json.loads(invoke(filled_db, "show", "1", "--format", "json").stdout)
    assert (record["speaker"], record["resolution"], record["confidence"]) == ("Anna Berger", "manual", 1.0)
    assert record["corrections"][0] | {"at": None} == {"action": "speaker", "from": "Dmitri Peskow",
                                                       "to": "Anna Berger", "by": "mia", "at": None,
                                                       "note": "Tonband geprüft"}
    assert invoke(filled_db, "fix", "3", "--not-a-quote").exit_code == 0
    assert "calc" not in invoke(filled_db, "search", "-f", "csv").stdout
    unknown = invoke(filled_db, "fix", "1", "--speaker", "Niemand Bekanntes")
    assert str(unknown.exception).startswith("no speaker matches 'Niemand Bekanntes'")
    created = invoke(filled_db, "fix", "1", "--speaker", "Niemand Bekanntes", "--new-speaker")
    assert created.exit_code == 0
    assert invoke(filled_db, "fix", "1").exit_code == 2
    assert str(invoke(filled_db, "show", "99").exception) == "no quote with id 99"


def test_export_command(filled_db: str, tmp_path: Path):
    out = tmp_path / "berger.csv"
    result = invoke(filled_db, "export", "--format", "csv", "--excel", "--out", str(out), "--speaker", "Berger")
    assert (result.exit_code, result.stderr) == (0, f"2 quotes written to {out}\n")
    assert out.read_bytes().startswith(b"\xef\xbb\xbfquote_id,")
    result = invoke(filled_db, "export", "-f", "jsonl", "-o", "-", "--until", "2025-03-04")
    assert [json.loads(line)["quote_id"] for line in result.stdout.splitlines()] == [1]
    assert invoke(filled_db, "export", "-f", "xlsx", "-o", "x").exit_code == 2


def test_speakers_commands(filled_db: str):
    listed = invoke(filled_db, "speakers", "list", "--top", "2")
    assert [line.split()[:4] for line in listed.stdout.splitlines()[2:]] == [
        ["2", "Anna", "Berger", "person"], ["1", "Dmitri", "Peskow", "person"]]
    assert invoke(filled_db, "speakers", "alias", "Peskow", "Kremlsprecher Peskow").exit_code == 0
    assert invoke(filled_db, "speakers", "rename", "Peskow", "Dmitri Sergejewitsch Peskow").exit_code == 0
    merged = invoke(filled_db, "speakers", "merge", "Anna Berger", "Dmitri Sergejewitsch Peskow", "--reason", "test")
    assert merged.exit_code == 0 and "1 quotes moved" in merged.stdout
    shown = invoke(filled_db, "speakers", "show", "Anna Berger").stdout
    assert "merged Dmitri Sergejewitsch Peskow (#1) into Anna Berger — test" in shown
    assert invoke(filled_db, "speakers", "unmerge", "Anna Berger").stdout == \
        "Dmitri Sergejewitsch Peskow (#1) is a speaker of its own again\n"
    role = invoke(filled_db, "speakers", "role", "Anna Berger", "Außenministerin", "--start", "2024-01-01")
    assert role.exit_code == 0
    shown = invoke(filled_db, "speakers", "show", "Anna Berger").stdout
    assert "Außenministerin (2024-01-01 – now) [manual]" in shown
    assert invoke(filled_db, "search", "--speaker", "die Außenministerin", "-f", "jsonl").stdout.count("\n") == 2
    assert isinstance(invoke(filled_db, "speakers", "show", "Niemand").exception, NotFoundError)


def test_db_commands(tmp_path: Path):
    url = str(tmp_path / "new.db")
    assert invoke(url, "db", "init", "--no-starter").stdout == f"sqlite:///{url}: created (schema new)\n"
    assert invoke(url, "db", "upgrade").stdout == f"sqlite:///{url}: schema {migrate.HEAD} is current, nothing to do\n"
    info = invoke(url, "db", "info").stdout
    assert f"schema:   {migrate.HEAD}" in info and "0 articles, 0 quotes, 0 speakers" in info
    old = tmp_path / "old.db"
    migrate.upgrade(make_engine(parse_url(str(old))), "0001")
    assert "older schema (0001" in str(invoke(str(old), "speakers", "list").exception)
    assert invoke(str(old), "db", "upgrade").stdout == f"sqlite:///{old}: schema upgraded from 0001 to {migrate.HEAD}\n"
    assert invoke(str(old), "speakers", "list").exit_code == 0


def test_search_does_not_load_the_nlp_models(filled_db: str):
    code = ("import sys; from typer.testing import CliRunner; from cli.main import app; "
            f"r = CliRunner().invoke(app, ['--db', {filled_db!r}, 'search', 'Taten']); "
            "print(r.exit_code, 'stanza' in sys.modules, 'torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "False", "False"]


# --- end to end: the real pipeline in the real command -----------------------

@pytest.mark.slow
def test_ingest_search_fix_and_reprocess_end_to_end(cli_env: dict[str, str], tmp_path: Path):
    first = run_cli(["ingest", str(SAMPLE), "--outlet", "Tagesblatt", "--date", "2025-03-04",
                     "--url", "https://tagesblatt.example/kreml"], cli_env)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("articles: 1 new, 0 skipped (already stored), 0 failed; quotes stored: ")
    rows = [json.loads(line) for line in run_cli(["search", "-n", "0", "-f", "jsonl"], cli_env).stdout.splitlines()]
    assert rows and all(r["quote_id"] and r["outlet"] == "Tagesblatt" for r in rows)
    text = SAMPLE.read_text(encoding="utf-8")
    assert all(text[r["start"]:r["end"]] == r["quote"] for r in rows)
    peskow = json.loads(run_cli(["search", "Treffen", "--speaker", "peskow", "-f", "jsonl", "-n", "1"], cli_env).stdout)
    assert peskow["speaker"] == "Dmitri Peskow" and peskow["quote"].startswith("Für ein Treffen")
    again = run_cli(["ingest", str(SAMPLE)], cli_env)
    assert again.stdout.startswith("articles: 0 new, 1 skipped")
    assert run_cli(["fix", str(peskow["quote_id"]), "--speaker", "Putin", "--by", "test"], cli_env).returncode == 0
    redo = run_cli(["ingest", str(SAMPLE), "--reprocess"], cli_env)
    assert "1 re-processed" in redo.stdout and "(1 corrected quote kept as corrected)" in redo.stdout, redo.stdout
    kept = json.loads(run_cli(["show", str(peskow["quote_id"]), "-f", "json"], cli_env).stdout)
    assert (kept["speaker"], kept["resolution"]) == ("Wladimir Putin", "manual")


@pytest.mark.slow
def test_ingest_reports_bad_files_and_goes_on(cli_env: dict[str, str], tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "in" / "good.txt").write_text(PESKOW, encoding="utf-8")
    result = run_cli(["ingest", str(tmp_path / "in"), "-"], cli_env, stdin=BERGER)
    assert result.returncode == 1
    assert f"Warning: {tmp_path / 'in' / 'empty.txt'}: empty file" in result.stderr.splitlines()
    assert result.stdout.startswith("articles: 2 new, 0 skipped (already stored), 1 failed; quotes stored: ")
