"""Hostile and unusual input through the real `quotes` command: every case
gives a correct result or one clear line on stderr with a non-zero exit,
never a traceback, and the database keeps everything it held before.

One database per module: seeded in-process, then one `quotes ingest` of a
folder of odd but readable files (the only subprocess that loads Stanza);
the refusals and searches are cheap subprocesses checked against it."""

from __future__ import annotations

import codecs
import json
import os
import sqlite3
import time
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest

from quotes.ingest import Item, ingest
from quotes.language import guess_language
from quotes.nlp.tokenize import MAX_SENTENCE_TOKENS, tokenize
from quotes.store.database import Database
from quotes.store.repository import ArticleInput
from tests.conftest import run_cli

pytestmark = pytest.mark.slow

GERMAN = ("„Wir prüfen den Vorschlag sehr genau“, sagte Anna Berger am Dienstag in Berlin. Die Gespräche mit den "
          "Partnern in Brüssel würden in der kommenden Woche fortgesetzt, hieß es aus dem Ministerium.")
PESKOW = "„Für ein Treffen ist es noch zu früh“, sagte Kremlsprecher Dmitri Pe\u00adskow am Dienstag in Moskau."
ENGLISH = ("The minister said on Tuesday that the talks with the partners in Brussels would continue next week, "
           "and that she was not surprised by the reaction of the opposition, which has been critical of the plan.")
RUSSIAN = ("Министр заявил во вторник, что переговоры с партнерами в Брюсселе будут продолжены на следующей неделе "
           "и что он не удивлен реакцией оппозиции, которая уже несколько недель критикует этот план.")


def german(n: int) -> str:
    return f"Meldung {n}\n" + GERMAN.replace("Vorschlag", f"Vorschlag Nummer {n}")


READABLE: dict[str, bytes] = {
    "latin1.txt": german(1).encode("cp1252"),
    "utf16.txt": german(2).encode("utf-16"),
    "utf8-bom.txt": codecs.BOM_UTF8 + german(3).encode(),
    "controls.txt": german(4).replace("Dienstag", "Diens\x00tag\x07").encode(),
    "crlf.txt": german(5).replace("\n", "\r\n").encode(),
    "nfd-soft-hyphen.txt": unicodedata.normalize("NFD", f"Meldung 6\nÜber Löhne: {PESKOW}").encode(),
    "emoji.txt": german(7).replace("genau", "genau 😀👨\u200d👩\u200d👧\u200b").encode(),
    "unbalanced.txt": ("„" * 1500 + " " + "»" * 1500 + "\n" + german(8)).encode(),
    "one-quotation.txt": ("„" + " ".join(german(9 + n).split("\n")[1] for n in range(6)) + "“").encode(),
    "english.txt": ENGLISH.encode(),
    "russian.txt": RUSSIAN.encode(),
    "broken.html": (f"<html><head><title>Kaputt</title><body><div><article><p>{german(20)}<p>Noch ein <b>fett <i>"
                    f"{GERMAN}</div></span></table>\n<p>Ende &amp &#xZZ; <").encode(),
    "feed.jsonl": "\n".join([json.dumps({"text": german(21), "outlet": "Feed"}), '{"text": "kaputt',
                             json.dumps({"text": german(22), "date": "2025-03-04"})]).encode(),
    "mit leerzeichen.txt": german(23).encode(),
    "zeilen\numbruch.txt": german(24).encode(),
    "Ärger-ß-日本.txt": german(25).encode(),
}


def snapshot(path: Path) -> tuple[str, int, int, int]:
    with sqlite3.connect(path) as connection:
        check = connection.execute("PRAGMA integrity_check").fetchone()[0]
        counts = [connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("article", "quote",
                                                                                          "speaker")]
    return (check, *counts)


@pytest.fixture(scope="module")
def battery(tmp_path_factory: pytest.TempPathFactory, extractor):
    """(folder, database file, env, result of ingesting the readable files)."""
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "quotes.db"
    database = Database.open(str(path), create=True)
    ingest(database, [Item("seed", ArticleInput(text=german(0), published_at=datetime(2025, 3, 4), source="seed"))],
           lambda: extractor, extractor_version="test")
    database.close()
    readable = folder / "readable"
    readable.mkdir()
    for name, data in READABLE.items():
        (readable / name).write_bytes(data)
    env = dict(os.environ, QUOTES_MODELS="bundled", QUOTES_DB=str(path), NO_COLOR="1", TERM="dumb",
               STANZA_RESOURCES_DIR=str(folder / "stanza"))
    before = snapshot(path)
    result = run_cli(["ingest", str(readable)], env)
    return folder, path, env, before, result


def articles(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as connection:
        return {Path(source).name: text for source, text in connection.execute("SELECT source, text FROM article")}


def test_readable_files_land_with_notes_and_one_line_per_problem(battery):
    folder, path, _, before, result = battery
    lines = result.stderr.splitlines()
    assert "Traceback" not in result.stderr and result.returncode == 1, result.stderr
    readable = folder / "readable"
    assert sorted(lines) == sorted([
        f"Note: {readable / 'english.txt'}: English, not German: skipped",
        f"Note: {readable / 'latin1.txt'}: not UTF-8: read as Windows-1252 (Latin-1)",
        f"Note: {readable / 'russian.txt'}: Russian, not German: skipped",
        f"Note: {readable / 'utf16.txt'}: read as UTF-16 (byte order mark)",
        f"Note: {readable / 'utf8-bom.txt'}: UTF-8 with a byte order mark (removed)",
        f"Warning: {readable / 'feed.jsonl'}:2: not JSON (Invalid control character at)"])
    stored = articles(path)
    names = set(READABLE) - {"english.txt", "russian.txt", "feed.jsonl"}
    assert set(stored) == names | {"seed", "feed.jsonl:1", "feed.jsonl:3"}
    assert snapshot(path)[0] == "ok" and snapshot(path)[1] == before[1] + len(names) + 2
    assert result.stdout.startswith(f"articles: {len(names) + 2} new, 0 skipped (already stored), 1 failed, "
                                    "2 not German (skipped); quotes stored: ")
    assert stored["latin1.txt"] == stored["utf16.txt"].replace("2", "1") == german(1)
    assert stored["utf8-bom.txt"] == german(3) and stored["crlf.txt"] == german(5)
    assert stored["controls.txt"] == german(4).replace("Dienstag", "Diens tag ")
    assert "\u200b" not in stored["emoji.txt"] and "😀" in stored["emoji.txt"]


def test_stored_quotes_slice_the_stored_text_and_names_are_clean(battery):
    _, path, _, _, _ = battery
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT a.source, a.text, q.start, q.\"end\", q.text, q.speaker_name "
                                  "FROM quote q JOIN article a ON a.id = q.article_id").fetchall()
    assert all(text[start:end] == quote for _, text, start, end, quote, _ in rows)
    speakers: dict[str, set[str]] = {}
    for source, _, _, _, _, speaker in rows:
        speakers.setdefault(Path(source).name, set()).add(speaker)
    assert "Dmitri Peskow" in speakers["nfd-soft-hyphen.txt"]
    for name in ("latin1.txt", "utf16.txt", "crlf.txt", "controls.txt", "emoji.txt", "mit leerzeichen.txt",
                 "zeilen\numbruch.txt", "Ärger-ß-日本.txt", "broken.html", "feed.jsonl:1"):
        assert "Anna Berger" in speakers[name], name
    nfd = articles(path)["nfd-soft-hyphen.txt"]
    assert "Über Löhne" in nfd and "Peskow" in nfd and unicodedata.is_normalized("NFC", nfd)


def _refusal_files(folder: Path) -> None:
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\t \r\n")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    with (folder / "huge.txt").open("wb") as huge:
        huge.truncate(40 * 1024 * 1024)  # sparse: refused by its size before anything is read
    (folder / "no-sentence-end.txt").write_text("wort " * 400_000)
    (folder / "wrong.csv").write_text("titel,inhalt\nEins,Zwei\n")
    (folder / "no-text.jsonl").write_text(json.dumps({"title": "Nur ein Titel"}) + "\n")
    loop = folder / "loop"
    (loop / "sub").mkdir(parents=True, exist_ok=True)
    for link, target in ((loop / "sub" / "up", ".."), (loop / "self.txt", "self.txt")):
        if not link.is_symlink():
            link.symlink_to(target)


@pytest.mark.parametrize(("name", "message"), [
    ("empty.txt", "{path}: empty file"),
    ("blank.txt", "{path}: empty file"),
    ("image.png", "{path}: not text in UTF-8, UTF-16 or Windows-1252"),
    ("huge.txt", "{path}: 40.0 MB is over the 20 MB limit per file"),
    ("no-sentence-end.txt", "{path}: 2,000,000 characters is over the limit of 200,000 per article "
                            "(not a news article?)"),
    ("wrong.csv", "{path}: a CSV feed needs a 'text' column (found: 'titel', 'inhalt')"),
    ("no-text.jsonl", "{path}:1: no text"),
    ("missing.txt", "{path}: no such file or folder"),
    ("loop", "Error: no articles found in {path} (readable: .txt, .md, .html, .jsonl, .csv; hidden files are "
             "skipped)"),
])
def test_unreadable_input_is_one_line_and_changes_nothing(battery, name: str, message: str):
    folder, path, env, _, _ = battery
    _refusal_files(folder)
    before = snapshot(path)
    started = time.monotonic()
    result = run_cli(["ingest", str(folder / name)], env)
    expected = message.format(path=folder / name)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [expected if expected.startswith("Error") else f"Warning: {expected}"]
    assert snapshot(path) == before
    assert time.monotonic() - started < 60, "refusing must not run the NLP pipeline"


def test_megabytes_without_a_sentence_end_stay_bounded():
    started = time.monotonic()
    sentences = tokenize("wort " * 200_000)
    assert max(len(s.tokens) for s in sentences) <= MAX_SENTENCE_TOKENS
    assert time.monotonic() - started < 60


@pytest.mark.parametrize(("args", "code", "stderr"), [
    (["search", "'; DROP TABLE quote; --"], 0, "No quotes match."),
    (["search", "--outlet", "%' OR 1=1 --"], 0, "No quotes match."),
    (["search", 'NEAR(Vorschlag genau) OR "unclosed AND *'], 0, "No quotes match."),
    (["search", "Vorschlag\"", "-n", "1", "-f", "jsonl"], 0, ""),
    (["search", "***"], 1, "Error: search text '***' has no words to search for"),
    (["search", "--speaker", "x' OR '1'='1"], 1,
     "Error: no speaker matches \"x' OR '1'='1\" (see `quotes speakers list`)"),
    (["search", "--since", "2025-02-30"], 2, "Error: --since: '2025-02-30' is not a date (use YYYY-MM-DD)"),
    (["search", "-n", "-1"], 2, "Error: Invalid value for '--limit' / '-n': Input should be greater than or "
                                "equal to 0 (see python -m cli search --help)"),
    (["search", "--type", "direct;--"], 1, "Error: type 'direct;--' is not one of direct, indirect, mixed"),
    (["show", "1 OR 1=1"], 2, "Error: Invalid value for 'quote_id': Input should be a valid integer, unable to "
                              "parse string as an integer (see python -m cli show --help)"),
])
def test_hostile_searches_are_clear_errors_and_inject_nothing(battery, args: list[str], code: int, stderr: str):
    _, path, env, _, _ = battery
    before = snapshot(path)
    result = run_cli(args, env)
    assert (result.returncode, result.stderr.strip()) == (code, stderr)
    assert snapshot(path) == before


@pytest.mark.parametrize(("text", "language"), [
    (GERMAN, "de"), (ENGLISH, "en"), (RUSSIAN, "ru"), ("Ein kurzer Satz.", None),
    ("Ελληνικά κείμενα για δοκιμή " * 5, "greek"),
])
def test_language_guess(text: str, language: str | None):
    assert guess_language(text).language == language
