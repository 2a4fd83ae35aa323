"""The fact-checker's whole day through the real `quotes` command: two
articles quote one sentence with different speakers (the real pipeline on
the bundled models finds and attributes both), `conflicts` finds it, a
fact-check is opened, attached, refused, rated, published and exported as
ClaimReview, which is parsed back and checked."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import run_cli

pytestmark = pytest.mark.slow

SENTENCE = "Wir werden die Schuldenbremse nicht antasten, solange ich im Amt bin"
ARTICLES = [
    {"title": "Streit um die Schuldenbremse", "outlet": "Tagesblatt", "published_at": "2025-03-04",
     "url": "https://tagesblatt.example/schuldenbremse",
     "text": "Streit um die Schuldenbremse\n\nBerlin. Im Bundestag ist am Dienstag heftig über den Haushalt "
             f"gestritten worden. „{SENTENCE}“, sagte Finanzminister Christian Lindner. Die Opposition warf der "
             "Regierung vor, die Lage zu beschönigen."},
    {"title": "Haushaltsdebatte im Bundestag", "outlet": "Morgenpost", "published_at": "2025-03-05",
     "url": "https://morgenpost.example/haushalt",
     "text": "Haushaltsdebatte im Bundestag\n\nBerlin. Die Debatte über den Haushalt wurde am Dienstag "
             f"fortgesetzt. »{SENTENCE}!«, sagte Bundeskanzler Olaf Scholz vor den Abgeordneten. Die Union "
             "kündigte Widerstand an."},
]


def ok(args: list[str], env: dict[str, str]) -> str:
    result = run_cli(args, env)
    assert result.returncode == 0, result.stderr
    return result.stdout


def refused(args: list[str], env: dict[str, str], message: str, code: int = 1) -> None:
    result = run_cli(args, env)
    assert result.returncode == code, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_conflict_to_published_claimreview(tmp_path: Path, cli_env: dict[str, str]):
    env = {**cli_env, "QUOTES_USER": "anna", "QUOTES_ORGANISATION": "Faktenfuchs",
           "QUOTES_ORGANISATION_URL": "https://faktenfuchs.example"}
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    ok(["ingest", str(feed), "--quiet"], env)

    found = {r["speaker"]: r for r in jsonl(ok(["search", "Schuldenbremse antasten", "--format", "jsonl"], env))}
    assert set(found) == {"Christian Lindner", "Olaf Scholz"}
    lindner, scholz = found["Christian Lindner"]["quote_id"], found["Olaf Scholz"]["quote_id"]
    assert found["Olaf Scholz"]["quote"] == SENTENCE + "!"

    rows = jsonl(ok(["conflicts", "--format", "jsonl"], env))
    assert {(r["quote_id"], r["speaker"], r["outlet"]) for r in rows} == {
        (lindner, "Christian Lindner", "Tagesblatt"), (scholz, "Olaf Scholz", "Morgenpost")}
    text = ok(["conflicts", "--since", "2025-03-05"], env)
    assert "Christian Lindner (1), Olaf Scholz (1)" in text and "https://morgenpost.example/haushalt" in text
    assert run_cli(["conflicts", "--since", "2025-03-06"], env).stdout == ""

    trace = ok(["trace", str(scholz)], env).splitlines()
    first = next(line for line in trace if str(lindner) in line.split())
    assert first.startswith("*") and "2025-03-04" in first and "Tagesblatt" in first
    assert "attributed to 2 speaker(s): Christian Lindner (1), Olaf Scholz (1)" in trace[-1]
    grouped = jsonl(ok(["search", "Schuldenbremse", "--grouped", "--format", "jsonl"], env))
    assert [(g["quote_id"], g["occurrences"], g["speakers"]) for g in grouped] == [(lindner, 2, 2)]

    assert ok(["factcheck", "new", "Olaf Scholz sagte, er werde die Schuldenbremse nicht antasten",
               "--quote", str(scholz)], env).strip() == "fact-check 1: open, 1 quote(s) attached"
    ok(["factcheck", "attach", "1", str(lindner)], env)
    refused(["factcheck", "attach", "1", str(lindner)], env, f"quote {lindner} is already attached")
    refused(["factcheck", "attach", "1", "999"], env, "no quote with id 999")
    refused(["factcheck", "set", "7", "--note", "x"], env, "no fact-check with id 7")
    refused(["factcheck", "set", "1", "--status", "published"], env, "cannot go from 'open' to 'published'")
    refused(["factcheck", "set", "1", "--status", "done"], env, "status 'done' is not one of")
    refused(["factcheck", "set", "1", "--rating", "wahr"], env, "rating 'wahr' is not on the scale (richtig,")
    refused(["factcheck", "set", "1"], env, "give at least one of", code=2)
    ok(["factcheck", "set", "1", "--status", "in-review", "--note", "Audio beider Reden angefragt"], env)
    refused(["factcheck", "set", "1", "--status", "published"], env,
            "cannot be published without rating, reviewer, url")
    out = ok(["factcheck", "set", "1", "--rating", "Frei erfunden", "--reviewer", "K. Weber", "--url",
              "https://faktenfuchs.example/fc/1", "--status", "published"], env)
    assert "status 'in review' → published" in out
    refused(["factcheck", "set", "1", "--rating", "falsch"], env, "is published: its rating cannot change")

    history = ok(["factcheck", "history", "1"], env)
    for expected in ("created", "attached", "note", "rating", "frei erfunden", "published", "anna"):
        assert expected in history
    show = ok(["factcheck", "show", "1"], env)
    assert "[published]" in show and "Audio beider Reden angefragt" in show and "K. Weber" in show
    listed = jsonl(ok(["factcheck", "list", "--speaker", "Scholz", "--format", "jsonl"], env))
    assert [(r["fact_check_id"], r["status"], r["speakers"]) for r in listed] == [
        (1, "published", ["Olaf Scholz", "Christian Lindner"])]  # in the order they were attached
    assert run_cli(["factcheck", "list", "--rating", "richtig"], env).stdout == ""

    target = tmp_path / "fc.json"
    ok(["factcheck", "export", "1", "--format", "claimreview", "--out", str(target)], env)
    review = json.loads(target.read_text(encoding="utf-8"))
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "Olaf Scholz sagte, er werde die Schuldenbremse nicht antasten"
    assert review["url"] == "https://faktenfuchs.example/fc/1"
    assert review["author"] == {"@type": "Organization", "name": "Faktenfuchs", "url": "https://faktenfuchs.example"}
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "frei erfunden", "ratingValue": 1,
                                      "bestRating": 5, "worstRating": 1}
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim" and claim["datePublished"] == "2025-03-04"
    assert {"@type": "Person", "name": "Olaf Scholz", "sameAs": "https://www.wikidata.org/wiki/Q61053"} in \
        claim["author"]
    assert {"@type": "Person", "name": "Christian Lindner"} in claim["author"]
    assert [w["url"] for w in claim["appearance"]] == [a["url"] for a in ARTICLES]
    assert all(w["@type"] == "CreativeWork" for w in claim["appearance"])
    assert claim["firstAppearance"]["publisher"] == {"@type": "Organization", "name": "Tagesblatt"}
    assert len(review["datePublished"]) == 10

    every = json.loads(ok(["factcheck", "export", "--all"], env))
    assert [r["url"] for r in every] == [review["url"]]
    table = list(csv.DictReader(io.StringIO(ok(["factcheck", "export", "--all", "--format", "csv"], env))))
    assert table[0]["rating_value"] == "1"
    assert set(table[0]["quote_ids"].split("; ")) == {str(lindner), str(scholz)}
    refused(["factcheck", "export", "--format", "claimreview"], env, "give a fact-check id or --all", code=2)
    refused(["factcheck", "export", "1"], {**env, "QUOTES_ORGANISATION": ""}, "set QUOTES_ORGANISATION")
