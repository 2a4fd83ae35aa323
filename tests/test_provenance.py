"""Provenance on both backends: the canonical form, near-duplicate and
partial matching, trace, conflicts, grouped search, and the migration that
fills the canonical form in for quotes already stored."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import sqlalchemy as sa
from sqlmodel import select

from quotes.errors import NotFoundError
from quotes.speakers.lookup import create_speaker
from quotes.store import migrate
from quotes.store.database import Database
from quotes.store.models import Article, StoredQuote
from quotes.store.normal import Likeness, compare, normal_form, normal_key, words
from quotes.store.provenance import conflicts, grouped_search, phrases, trace
from quotes.store.repository import ArticleInput, save_article
from quotes.store.search import QuoteFilters

PUTIN = "„Verhandlungen sind möglich, aber nicht um jeden Preis“, sagte Kremlchef Wladimir Putin."
PESKOW = "»Verhandlungen sind MÖGLICH – aber nicht um jeden Preis!« sagte Kremlsprecher Dmitri Peskow."
LATER = ("Er sei „nicht um jeden Preis“ zu haben. Wie Putin sagte: „Verhandlungen sind jetzt möglich, aber "
         "nicht um jeden Preis“. Scholz sagte: „Wir messen Russland an seinen Taten“.")
ARTICLES = [  # outlet, day, text, [(quote, speaker)]
    ("Tagesblatt", 1, PUTIN, [("Verhandlungen sind möglich, aber nicht um jeden Preis", "Wladimir Putin")]),
    ("Morgenpost", 2, PESKOW, [("Verhandlungen sind MÖGLICH – aber nicht um jeden Preis!", "Dmitri Peskow")]),
    ("Abendblatt", 3, LATER, [("nicht um jeden Preis", "Wladimir Putin"),
                              ("Verhandlungen sind jetzt möglich, aber nicht um jeden Preis", "Wladimir Putin"),
                              ("Wir messen Russland an seinen Taten", "Olaf Scholz")]),
]


@pytest.mark.parametrize(("text", "canonical"), [
    ("„Wir schaffen das!“", "wir schaffen das"),
    ("»wir  schaffen DAS«", "wir schaffen das"),
    ("Erdoğan hat\nrecht.", "erdogan hat recht"),
    ("Die Straße ist frei", "die strasse ist frei"),
    ("US-Präsident", "us prasident"),
])
def test_the_canonical_form_folds_case_accents_punctuation_and_spaces(text: str, canonical: str):
    assert normal_form(text) == canonical
    assert normal_key(normal_form(text)) == normal_key(canonical) and len(normal_key(canonical)) == 20


@pytest.mark.parametrize(("traced", "other", "expected"), [
    ("Wir messen Russland an seinen Taten", "wir messen russland an seinen taten!", Likeness("same", 1.0)),
    ("Verhandlungen sind möglich, aber nicht um jeden Preis", "Verhandlungen sind jetzt möglich, aber nicht um "
     "jeden Preis", Likeness("near", 0.941)),
    ("nicht um jeden Preis", "Verhandlungen sind möglich, aber nicht um jeden Preis", Likeness("longer", 1.0)),
    ("Verhandlungen sind möglich, aber nicht um jeden Preis", "aber nicht um jeden Preis", Likeness("part", 1.0)),
    ("Das stimmt", "Das stimmt nicht", None),  # short quotes match only word for word
    ("Wir müssen jetzt handeln und nicht warten", "warten und nicht handeln müssen wir jetzt", None),  # shuffled
    ("Die Sanktionen wirken", "Verhandlungen sind möglich, aber nicht um jeden Preis", None),
])
def test_compare_finds_copies_edits_and_partial_quotes(traced: str, other: str, expected: Likeness | None):
    assert compare(words(traced), words(other)) == expected


def test_phrases_cover_the_quote_and_are_capped():
    assert phrases("Wir messen Russland.") == [(["Wir", "messen", "Russland"], "Wir messen Russland")]
    assert phrases("Nein, danke") == []
    many = phrases(" ".join(f"w{n}" for n in range(300)))
    assert len(many) <= 64 and many[0][0] == ["w0", "w1", "w2"]


@pytest.fixture
def filled(store: Database, quote_at) -> Database:
    with store.writing() as session:
        create_speaker(session, "Wladimir Putin", wikidata_qid="Q7747")
    for outlet, day, text, specs in ARTICLES:
        item = ArticleInput(text=text, outlet=outlet, published_at=datetime(2025, 3, day),
                            url=f"https://{outlet.lower()}.example/{day}")
        with store.writing() as session:
            save_article(session, item, [quote_at(text, quote, speaker) for quote, speaker in specs],
                         extractor_version="t")
    return store


def ids_by_text(database: Database) -> dict[str, int]:
    with database.reading() as session:
        return {q.text: q.id for q in session.exec(select(StoredQuote))}


def test_quotes_are_stored_with_their_canonical_form(filled: Database):
    with filled.reading() as session:
        for quote in session.exec(select(StoredQuote)):
            assert quote.normal == normal_form(quote.text) and quote.normal_key == normal_key(quote.normal)


def test_trace_finds_every_occurrence_in_date_order_the_earliest_marked(filled: Database):
    ids = ids_by_text(filled)
    with filled.reading() as session:
        rows = trace(session, ids["Verhandlungen sind MÖGLICH – aber nicht um jeden Preis!"])
    assert [(r["outlet"], r["speaker"], r["relation"], r["earliest"]) for r in rows] == [
        ("Tagesblatt", "Wladimir Putin", "same", True),
        ("Morgenpost", "Dmitri Peskow", "traced", False),
        ("Abendblatt", "Wladimir Putin", "part", False),
        ("Abendblatt", "Wladimir Putin", "near", False),
    ]
    assert rows[3]["score"] == pytest.approx(0.941)
    with filled.reading() as session:
        assert [r["relation"] for r in trace(session, ids["Wir messen Russland an seinen Taten"])] == ["traced"]
        with pytest.raises(NotFoundError, match="no quote with id 999"):
            trace(session, 999)


def test_trace_skips_quotes_marked_not_a_quote(filled: Database):
    ids = ids_by_text(filled)
    with filled.writing() as session:
        session.get_one(StoredQuote, ids["nicht um jeden Preis"]).rejected = True
    with filled.reading() as session:
        assert ids["nicht um jeden Preis"] not in {r["quote_id"] for r in trace(session, ids[ARTICLES[0][3][0][0]])}


def test_conflicts_list_both_attributions_with_their_sources(filled: Database):
    with filled.reading() as session:
        found = conflicts(session)
        assert len(found) == 1
        assert found[0].speakers == {"Wladimir Putin": 1, "Dmitri Peskow": 1}
        assert [r["url"] for r in found[0].occurrences] == ["https://tagesblatt.example/1",
                                                            "https://morgenpost.example/2"]
        assert conflicts(session, since=date(2025, 3, 2)) != []
        assert conflicts(session, since=date(2025, 3, 3)) == []
        assert conflicts(session, min_words=10) == []


def test_grouped_search_shows_each_quotation_once_with_its_first_appearance(filled: Database):
    with filled.reading() as session:
        rows = grouped_search(session, QuoteFilters(text="Preis"))
        putin_only = grouped_search(session, QuoteFilters(speaker="Peskow"))
    assert [(r["occurrences"], r["speakers"], r["outlet"]) for r in rows] == [
        (2, 2, "Tagesblatt"), (1, 1, "Abendblatt"), (1, 1, "Abendblatt")]
    assert rows[0]["last_published_at"] == datetime(2025, 3, 2)
    assert [(r["occurrences"], r["speaker"]) for r in putin_only] == [(2, "Wladimir Putin")]


def test_migration_0003_fills_in_the_canonical_form(db_url: str):
    from quotes.store.engine import make_engine, parse_url

    engine = make_engine(parse_url(db_url))
    migrate.upgrade(engine, "0002")
    with engine.begin() as connection:
        connection.execute(sa.insert(Article.__table__).values(
            text=PESKOW, content_hash="h", meta={}, language="de", ingested_at=datetime(2025, 1, 1),
            processed_at=datetime(2025, 1, 1)))
        connection.execute(sa.text(
            "INSERT INTO quote (article_id, type, text, start, \"end\", sentence, context, confidence, resolution, "
            "rejected, created_at) VALUES (1, 'direct', :text, 1, 55, '', '', 0.9, 'name', false, :at)"),
            {"text": PESKOW[1:55], "at": datetime(2025, 1, 1)})
    engine.dispose()
    database = Database.open(db_url, upgrade=True)
    with database.reading() as session:
        quote = session.get_one(StoredQuote, 1)
        assert quote.normal == "verhandlungen sind moglich aber nicht um jeden preis"
        assert quote.normal_key == normal_key(quote.normal)
        assert [r["quote_id"] for r in trace(session, 1)] == [1]
    database.close()
