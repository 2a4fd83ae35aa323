"""Search (full text and filters) on both backends, and export with pandas."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

from quotes.errors import InputError, NotFoundError
from quotes.store.database import Database
from quotes.store.export import neutralise, to_frame, write
from quotes.store.repository import ArticleInput, save_article
from quotes.store.search import COLUMNS, QuoteFilters, fts5_query, search, text_terms, tsquery

BIDEN = ("„Wir setzen die Verhandlungen über Kyjiw fort“, sagte US-Präsident Joe Biden. "
         "„Die Sanktionen wirken“, sagte Biden später.")
PUTIN = ("„Verhandlungen sind möglich, aber nicht um jeden Preis“, sagte Kremlchef Wladimir Putin. "
         "„=HYPERLINK(\"http://evil\")“, sagte Putin.")
TRUMP = ("„Der Deal kommt“, sagte US-Präsident Donald Trump. „Erdoğan ist ein Freund“, sagte Trump. "
         "Der Kreml hält Gespräche für möglich, sagte Putins Sprecher.")
ARTICLES = [  # outlet, date, text, [(quote, speaker, type, confidence)]
    ("Tagesblatt", datetime(2022, 6, 1), BIDEN, [
        ("Wir setzen die Verhandlungen über Kyjiw fort", "Joe Biden", "direct", 0.9),
        ("Die Sanktionen wirken", "Biden", "direct", 0.9)]),
    ("Morgenpost", datetime(2025, 3, 4), PUTIN, [
        ("Verhandlungen sind möglich, aber nicht um jeden Preis", "Wladimir Putin", "direct", 0.9),
        ('=HYPERLINK("http://evil")', "Putin", "direct", 0.9)]),
    ("Morgenpost", datetime(2025, 6, 1), TRUMP, [
        ("Der Deal kommt", "Donald Trump", "direct", 0.9), ("Erdoğan ist ein Freund", "Trump", "direct", 0.9),
        ("hält Gespräche für möglich", "Wladimir Putin", "indirect", 0.5)]),
]


@pytest.fixture(scope="module")
def filled(module_db_url: str, quote_at):
    """Seven quotes of Biden, Putin and Trump in three dated articles, with
    the starter registry; the tests only read it."""
    database = Database.open(module_db_url, create=True)
    for outlet, published, text, specs in ARTICLES:
        quotes = [quote_at(text, quote, speaker, cue="sagte", type=kind, confidence=confidence)
                  for quote, speaker, kind, confidence in specs]
        item = ArticleInput(text=text, outlet=outlet, published_at=published, url=f"https://{outlet.lower()}.example/a")
        with database.writing() as session:
            save_article(session, item, quotes, extractor_version="t")
    yield database
    database.close()


def run(database, **filters):
    with database.reading() as session:
        return search(session, QuoteFilters(**filters))


def quotes_of(rows):
    return [row["quote"] for row in rows]


def test_every_row_has_the_columns_and_the_invariant_holds(filled):
    rows = run(filled)
    assert len(rows) == 7
    for row in rows:
        assert set(COLUMNS) <= set(row) and row["quote_id"]
        assert row["quote"] in row["context"]
        text = next(text for _, _, text, _ in ARTICLES if row["quote"] in text)
        assert text[row["start"]:row["end"]] == row["quote"]
    assert [r["published_at"] for r in rows] == sorted((r["published_at"] for r in rows), reverse=True)


@pytest.mark.parametrize("query", ["putin", "Wladimir Putin", "PUTINS", "Kremlchef", "der Kremlchef", "Vladimir Putin"])
def test_the_speaker_filter_forgives(filled, query):
    assert {r["speaker"] for r in run(filled, speaker=query)} == {"Wladimir Putin"}


def test_a_role_finds_whoever_held_it_when_the_article_appeared(filled):
    rows = run(filled, speaker="US-Präsident")
    assert {(r["speaker"], r["published_at"].year) for r in rows} == {("Joe Biden", 2022), ("Donald Trump", 2025)}


def test_an_unknown_speaker_is_an_error_with_a_suggestion(filled):
    with pytest.raises(NotFoundError, match="no speaker matches 'Pution'; did you mean"):
        run(filled, speaker="Pution")


def test_full_text_folds_case_and_diacritics_and_matches_prefixes(filled):
    assert quotes_of(run(filled, text="erdogan")) == ["Erdoğan ist ein Freund"]
    assert quotes_of(run(filled, text="KYJIW")) == ["Wir setzen die Verhandlungen über Kyjiw fort"]
    assert quotes_of(run(filled, text="uber kyjiw")) == ["Wir setzen die Verhandlungen über Kyjiw fort"]
    assert len(run(filled, text="Verhandlung")) == 2
    assert quotes_of(run(filled, text='"nicht um jeden"')) == ["Verhandlungen sind möglich, aber nicht um jeden Preis"]
    assert run(filled, text='"jeden nicht"') == []


def test_full_text_combines_with_filters(filled):
    rows = run(filled, text="Verhandlungen", speaker="Putin")
    assert quotes_of(rows) == ["Verhandlungen sind möglich, aber nicht um jeden Preis"]
    assert run(filled, text="Verhandlungen", since=date(2023, 1, 1), outlet="tagesblatt") == []


@pytest.mark.parametrize("text", ['NEAR(a b', 'Kyjiw" OR *', "a:b -c ^d", "{x} (y) AND"])
def test_search_syntax_in_the_users_text_is_just_words(filled, text):
    run(filled, text=text)


def test_a_text_without_words_is_an_input_error(filled):
    with pytest.raises(InputError, match="no words"):
        run(filled, text="!!! ...")


def test_query_builders():
    terms = text_terms('Verhandlungen "über Kyjiw" fort')
    assert terms == [["über", "Kyjiw"], ["Verhandlungen"], ["fort"]]
    assert fts5_query(terms) == '"über Kyjiw"* "Verhandlungen"* "fort"*'
    assert tsquery(terms) == "(über <-> Kyjiw:*) & (Verhandlungen:*) & (fort:*)"


def test_filters_on_outlet_dates_type_confidence_and_limit(filled):
    assert {r["outlet"] for r in run(filled, outlet="MORGEN")} == {"Morgenpost"}
    assert len(run(filled, since=date(2025, 3, 4), until=date(2025, 3, 4))) == 2
    assert quotes_of(run(filled, type="indirect")) == ["hält Gespräche für möglich"]
    assert "hält Gespräche für möglich" not in quotes_of(run(filled, min_confidence=0.8))
    assert len(run(filled, limit=3)) == 3
    with pytest.raises(InputError, match="type 'quote' is not one of"):
        QuoteFilters(type="quote")
    with pytest.raises(InputError, match="before --since"):
        QuoteFilters(since=date(2025, 1, 2), until=date(2025, 1, 1))


def test_export_formats_carry_ids_and_neutralise_formulas(filled, tmp_path: Path):
    frame = to_frame(run(filled))
    assert list(frame.columns) == list(COLUMNS) and frame["quote_id"].notna().all()
    write(frame, tmp_path / "q.csv", "csv")
    rows = list(csv.DictReader((tmp_path / "q.csv").open(encoding="utf-8")))
    evil = next(r for r in rows if "HYPERLINK" in r["quote"])
    assert evil["quote"] == "'=HYPERLINK(\"http://evil\")"
    assert rows[0]["quote_id"] == str(frame["quote_id"][0])
    write(frame, tmp_path / "excel.csv", "csv", excel=True)
    assert (tmp_path / "excel.csv").read_bytes().startswith(b"\xef\xbb\xbfquote_id,speaker")
    assert "Erdoğan" in (tmp_path / "excel.csv").read_text(encoding="utf-8-sig")
    write(frame, tmp_path / "q.jsonl", "jsonl")
    records = [json.loads(line) for line in (tmp_path / "q.jsonl").read_text(encoding="utf-8").splitlines()]
    assert records[0]["quote_id"] == int(frame["quote_id"][0]) and records[0]["published_at"].startswith("2025-06-01")
    assert any(r["quote"] == "=HYPERLINK(\"http://evil\")" for r in records)
    write(frame, tmp_path / "q.parquet", "parquet")
    back = pd.read_parquet(tmp_path / "q.parquet")
    assert back["quote_id"].tolist() == frame["quote_id"].tolist()


def test_export_errors(tmp_path: Path):
    frame = to_frame([])
    with pytest.raises(InputError, match="CSV only"):
        write(frame, tmp_path / "x.jsonl", "jsonl", excel=True)
    with pytest.raises(InputError, match="binary"):
        write(frame, None, "parquet")
    with pytest.raises(InputError, match="not one of"):
        write(frame, tmp_path / "x.xlsx", "xlsx")
    out = io.StringIO()
    frame.to_csv(out, index=False)
    assert out.getvalue().strip() == ",".join(COLUMNS)


@pytest.mark.parametrize(("value", "safe"), [("=1+1", "'=1+1"), ("+49 30", "'+49 30"), ("-2", "'-2"),
                                              ("@SUM(A1)", "'@SUM(A1)"), ("\t=x", "'\t=x"), ("Ja", "Ja"),
                                              (3.5, 3.5), (None, None)])
def test_neutralise(value, safe):
    assert neutralise(value) == safe
