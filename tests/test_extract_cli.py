"""`quotes extract` and `quotes eval` through the real command."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.conftest import SAMPLE, run_cli

pytestmark = pytest.mark.slow


def test_extract_jsonl_follows_the_contract(tmp_path, cli_env) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b-zwei.txt").write_text("„Wir sind bereit“, sagte Viktor Orban.\n", encoding="utf-8")
    (folder / "a-eins.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli(["extract", str(folder), "--format", "jsonl"], cli_env)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc"] for r in records] == sorted(r["doc"] for r in records)
    assert records[-1]["doc"] == "b-zwei" and records[-1]["speaker"] == "Viktor Orban"
    texts = {"a-eins": SAMPLE.read_text(encoding="utf-8"), "b-zwei": (folder / "b-zwei.txt").read_text()}
    keys = {"doc", "type", "quote", "start", "end", "speaker", "speaker_mention", "speaker_start", "speaker_end",
            "cue", "cue_start", "cue_end", "confidence"}
    for record in records:
        assert set(record) == keys
        text = texts[record["doc"]]
        assert text[record["start"]:record["end"]] == record["quote"]
        if record["speaker_mention"] is not None:
            assert text[record["speaker_start"]:record["speaker_end"]] == record["speaker_mention"]
        if record["cue"] is not None:
            assert text[record["cue_start"]:record["cue_end"]] == record["cue"]
    starts = [r["start"] for r in records if r["doc"] == "a-eins"]
    assert starts == sorted(starts)


def test_extract_table_and_csv(cli_env) -> None:
    table = run_cli(["extract", str(SAMPLE)], cli_env)
    assert table.returncode == 0, table.stderr
    assert "Dmitri Peskow" in table.stdout and table.stdout.splitlines()[0].split()[:3] == ["doc", "type", "speaker"]
    as_csv = run_cli(["extract", str(SAMPLE), "--format", "csv"], cli_env)
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert rows and rows[0]["doc"] == SAMPLE.stem


def test_extract_reports_a_bad_file_and_goes_on(tmp_path, cli_env) -> None:
    (tmp_path / "gut.txt").write_text("„Ja“, sagte Anna Berger.", encoding="utf-8")
    (tmp_path / "leer.txt").write_text("  \n", encoding="utf-8")
    result = run_cli(["extract", str(tmp_path), "--format", "jsonl"], cli_env)
    assert result.returncode == 1
    assert "leer.txt: empty file" in result.stderr
    assert json.loads(result.stdout.splitlines()[0])["speaker"] == "Anna Berger"


def test_extract_reported_acts_on_request(tmp_path, cli_env) -> None:
    text = "Greenpeace fordert die Vernichtung der Lagerbestände. „Ja“, sagte Anna Berger."
    (tmp_path / "akt.txt").write_text(text, encoding="utf-8")
    result = run_cli(["extract", str(tmp_path), "--format", "jsonl", "--reported"], cli_env)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["type"], r["speaker"]) for r in records] == [("reported", "Greenpeace"), ("direct", "Anna Berger")]
    assert all(text[r["start"]:r["end"]] == r["quote"] for r in records)


def test_eval_guidelines_scores_gold(tmp_path, cli_env) -> None:
    texts = tmp_path / "articles"
    gold = tmp_path / "gold"
    texts.mkdir()
    gold.mkdir()
    (texts / "doc1.txt").write_text("„Wir sind bereit“, sagte Viktor Orban. Das Wetter war gut.", encoding="utf-8")
    record = {"doc": "doc1", "type": "direct", "quote": "Wir sind bereit", "speaker": "Viktor Orban",
              "speaker_mention": "Orban", "cue": "sagte"}
    (gold / "doc1.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = run_cli(["eval", "guidelines", str(gold), "--texts", str(texts), "--json"], cli_env)
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["detection"]["f1"] == 1.0 and scores["attribution_accuracy"] == 1.0


def test_eval_spkatt_writes_predictions_and_scores(tmp_path, cli_env) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    tokens = ["„", "Wir", "sind", "bereit", "“", ",", "sagte", "Viktor", "Orban", "."]
    reported = ["Die", "Polizei", "sprach", "von", "einer", "friedlichen", "Demonstration", "."]
    document = {
        "DocumentName": "1 - Test",
        "Sentences": [{"SentenceId": 0, "Tokens": tokens}, {"SentenceId": 1, "Tokens": reported}],
        "Annotations": [{"Cue": ["0:6"], "Message": ["0:0", "0:1", "0:2", "0:3", "0:4"],
                         "Source": ["0:7", "0:8"], "Form": "Direct", "IsNested": False},
                        {"Cue": ["1:2"], "Message": [f"1:{i}" for i in range(7)],
                         "Source": ["1:0", "1:1"], "Form": "Reported", "IsNested": False}],
    }
    (gold / "1.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "pred"
    result = run_cli(["eval", "spkatt", str(gold), "--predictions-out", str(out), "--json"], cli_env)
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)["simplified"]
    assert scores["message"]["f1"] == 1.0 and scores["source"]["f1"] == 1.0
    predicted = json.loads((out / "1.json").read_text(encoding="utf-8"))
    assert predicted["Annotations"][0]["Cue"] == ["0:6"]
    assert predicted["Annotations"][1]["Form"] == "Reported"
