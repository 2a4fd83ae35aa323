"""The fact-check workflow on both backends: transitions and their refusals,
the audit trail, links to quotes kept across re-processing, the rating scale
as data, and the ClaimReview structure."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlmodel import select

from quotes.errors import ConfigError, InputError, NotFoundError, WorkflowError
from quotes.factcheck import workflow
from quotes.factcheck.claimreview import Organisation, claim_review, export_row, organisation
from quotes.factcheck.ratings import RATINGS_VARIABLE, load_scale, rating_scale
from quotes.factcheck.workflow import Changes
from quotes.speakers.lookup import create_speaker
from quotes.store.database import Database
from quotes.store.models import Article, FactCheckQuote, StoredQuote
from quotes.store.repository import ArticleInput, save_article

TEXT = ("„Die Sanktionen wirken nicht“, sagte Kremlchef Wladimir Putin. "
        "„Wir prüfen alle Optionen“, teilte das Auswärtige Amt mit.")
SCALE = rating_scale()


@pytest.fixture
def quotes(store: Database, quote_at) -> list[int]:
    """Two stored quotes: Putin's (a Wikidata id) and the Foreign Office's."""
    with store.writing() as session:
        create_speaker(session, "Wladimir Putin", wikidata_qid="Q7747")
        create_speaker(session, "Auswärtiges Amt", kind="organisation")
        specs = [quote_at(TEXT, "Die Sanktionen wirken nicht", "Wladimir Putin"),
                 quote_at(TEXT, "Wir prüfen alle Optionen", "Auswärtiges Amt", kind="organisation")]
        item = ArticleInput(text=TEXT, title="Sanktionen", outlet="Tagesblatt", url="https://tagesblatt.example/s",
                            published_at=datetime(2025, 3, 4))
        save_article(session, item, specs, extractor_version="t")
        return list(session.exec(select(StoredQuote.id).order_by(StoredQuote.id)))


def publish(session, check) -> None:
    workflow.update(session, check, Changes(status="in review"), SCALE, author="anna")
    workflow.update(session, check, Changes(rating="falsch", reviewer="K. Weber", url="https://fc.example/1",
                                            status="published"), SCALE, author="ben")


def test_the_workflow_is_audited_field_by_field(store: Database, quotes: list[int]):
    with store.writing() as session:
        check = workflow.create(session, "  Putin sagt, die Sanktionen wirkten nicht ", quote_ids=quotes[:1],
                                author="anna")
        publish(session, check)
        workflow.update(session, check, Changes(note="Quelle: Pressekonferenz"), SCALE, author="carl")
        events = [(e.action, e.field, e.old_value, e.new_value, e.author) for e in workflow.history(session, check)]
        assert check.claim == "Putin sagt, die Sanktionen wirkten nicht"
        assert check.status == "published" and check.published_at is not None
        assert check.notes.endswith("carl: Quelle: Pressekonferenz")
    assert events == [
        ("created", "claim", None, "Putin sagt, die Sanktionen wirkten nicht", "anna"),
        ("attached", "quote", None, str(quotes[0]), "anna"),
        ("changed", "status", "open", "in review", "anna"),
        ("changed", "rating", None, "falsch", "ben"),
        ("changed", "reviewer", None, "K. Weber", "ben"),
        ("changed", "url", None, "https://fc.example/1", "ben"),
        ("changed", "status", "in review", "published", "ben"),
        ("changed", "note", None, "Quelle: Pressekonferenz", "carl"),
    ]


@pytest.mark.parametrize(("steps", "message"), [
    ([Changes(status="published")], "cannot go from 'open' to 'published' (from 'open' it can go to 'in review' or "
                                     "'rejected')"),
    ([Changes(status="in review"), Changes(status="published")],
     "cannot be published without rating, reviewer, url (give --rating --reviewer --url)"),
    ([Changes(status="in review"), Changes(rating="falsch", status="published")],
     "cannot be published without reviewer, url"),
    ([Changes(status="rejected"), Changes(status="in review")], "cannot go from 'rejected' to 'in review'"),
    ([Changes(status="open")], "nothing to change"),
    ([Changes(rating="wahr")], "rating 'wahr' is not on the scale (richtig, größtenteils richtig, "),
    ([Changes(status="fertig")], "status 'fertig' is not one of open, in review, published, rejected"),
    ([Changes(url="faktencheck.example/1")], "is not an http(s) address"),
    ([Changes(claim="  ")], "the claim is empty"),
])
def test_invalid_changes_are_refused_and_change_nothing(store: Database, quotes: list[int], steps, message):
    with store.writing() as session:
        check = workflow.create(session, "Eine Behauptung", author="anna")
        *before, last = steps
        for step in before:
            workflow.update(session, check, step, SCALE)
        state = (check.status, check.rating, check.url, check.claim)
        count = len(workflow.history(session, check))
        with pytest.raises((WorkflowError, InputError)) as raised:
            workflow.update(session, check, last, SCALE)
        assert message in str(raised.value)
        assert (check.status, check.rating, check.url, check.claim) == state
        assert len(workflow.history(session, check)) == count


def test_a_published_verdict_is_locked_until_it_goes_back_to_review(store: Database, quotes: list[int]):
    with store.writing() as session:
        check = workflow.create(session, "Eine Behauptung", quote_ids=quotes, author="anna")
        publish(session, check)
        first = check.published_at
        with pytest.raises(WorkflowError, match="is published: its rating cannot change"):
            workflow.update(session, check, Changes(rating="richtig"), SCALE)
        workflow.update(session, check, Changes(reviewer="L. Roth"), SCALE)
        workflow.update(session, check, Changes(status="in-review", rating="grösstenteils-richtig"), SCALE)
        assert check.rating == "größtenteils richtig"
        workflow.update(session, check, Changes(status="PUBLISHED"), SCALE)
        assert check.published_at == first  # the date of first publication is kept


def test_attach_and_detach(store: Database, quotes: list[int]):
    with store.writing() as session:
        check = workflow.create(session, "Eine Behauptung", quote_ids=[quotes[0], quotes[0]])
        with pytest.raises(InputError, match=f"quote {quotes[0]} is already attached to fact-check {check.id}"):
            workflow.attach(session, check, quotes[0])
        with pytest.raises(NotFoundError, match="no quote with id 999"):
            workflow.attach(session, check, 999)
        workflow.attach(session, check, quotes[1])
        assert [a.quote.id for a in workflow.appearances(session, check)] == quotes
        workflow.detach(session, check, quotes[0])
        with pytest.raises(InputError, match="is not attached"):
            workflow.detach(session, check, quotes[0])
        with pytest.raises(NotFoundError, match="no fact-check with id 42"):
            workflow.get_fact_check(session, 42)
        assert [a.speaker_name for a in workflow.appearances(session, check)] == ["Auswärtiges Amt"]


def test_listing_filters_by_status_speaker_and_rating(store: Database, quotes: list[int]):
    with store.writing() as session:
        first = workflow.create(session, "Über Sanktionen", quote_ids=quotes[:1])
        publish(session, first)
        workflow.create(session, "Über Optionen", quote_ids=quotes[1:])
    with store.reading() as session:
        assert [r["claim"] for r in workflow.list_fact_checks(session, speaker="putin")] == ["Über Sanktionen"]
        assert [r["claim"] for r in workflow.list_fact_checks(session, status="open")] == ["Über Optionen"]
        assert [r["speakers"] for r in workflow.list_fact_checks(session, rating="FALSCH")] == [["Wladimir Putin"]]
        with pytest.raises(InputError, match="not on the scale"):
            workflow.list_fact_checks(session, rating="gelogen")


def test_reprocessing_keeps_quotes_that_a_fact_check_uses(store: Database, quotes: list[int], quote_at):
    with store.writing() as session:
        workflow.create(session, "Über Sanktionen", quote_ids=quotes[:1])
    with store.writing() as session:
        article = session.exec(select(Article)).one()
        save_article(session, ArticleInput(text=TEXT), [], extractor_version="t2", existing=article)
    with store.reading() as session:
        assert list(session.exec(select(StoredQuote.id))) == quotes[:1]
        assert session.exec(select(FactCheckQuote.quote_id)).all() == quotes[:1]


def test_claimreview_structure(store: Database, quotes: list[int]):
    org = Organisation("Faktenfuchs", "https://faktenfuchs.example")
    with store.writing() as session:
        check = workflow.create(session, "Putin sagt, die Sanktionen wirkten nicht", quote_ids=quotes)
        with pytest.raises(WorkflowError, match="is not published"):
            claim_review(check, workflow.appearances(session, check), SCALE, org)
        publish(session, check)
        review = claim_review(check, workflow.appearances(session, check), SCALE, org)
        row = export_row(check, workflow.appearances(session, check), SCALE)
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "falsch", "ratingValue": 2,
                                      "bestRating": 5, "worstRating": 1}
    assert review["itemReviewed"]["author"] == [
        {"@type": "Person", "name": "Wladimir Putin", "sameAs": "https://www.wikidata.org/wiki/Q7747"},
        {"@type": "Organization", "name": "Auswärtiges Amt"}]
    assert review["itemReviewed"]["appearance"] == [{
        "@type": "CreativeWork", "url": "https://tagesblatt.example/s", "headline": "Sanktionen",
        "datePublished": "2025-03-04", "publisher": {"@type": "Organization", "name": "Tagesblatt"}}]
    assert review["author"]["name"] == "Faktenfuchs" and "notes" not in str(review)
    assert row["rating_value"] == 2 and row["wikidata_qids"] == ["Q7747"] and row["quote_ids"] == quotes


def test_a_verdict_without_a_truth_value_has_no_rating_value(store: Database, quotes: list[int]):
    with store.writing() as session:
        check = workflow.create(session, "Eine Behauptung", quote_ids=quotes[:1])
        workflow.update(session, check, Changes(status="in review"), SCALE)
        workflow.update(session, check, Changes(rating="unbelegt", reviewer="K", url="https://fc.example/2",
                                                status="published"), SCALE)
        review = claim_review(check, workflow.appearances(session, check), SCALE, Organisation("F"))
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "unbelegt"}
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Wladimir Putin",
                                                "sameAs": "https://www.wikidata.org/wiki/Q7747"}


def test_the_organisation_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("QUOTES_ORGANISATION", raising=False)
    with pytest.raises(ConfigError, match="set QUOTES_ORGANISATION"):
        organisation()
    monkeypatch.setenv("QUOTES_ORGANISATION", "Faktenfuchs")
    assert organisation() == Organisation("Faktenfuchs", None)


def test_the_default_scale_is_data():
    assert [(r.label, r.value) for r in SCALE.ratings] == [
        ("richtig", 5), ("größtenteils richtig", 4), ("teilweise falsch", 3), ("falsch", 2), ("frei erfunden", 1),
        ("unbelegt", None)]
    assert (SCALE.best, SCALE.worst) == (5, 1)
    assert SCALE.find("Grösstenteils Richtig").label == "größtenteils richtig"


def test_a_scale_of_ones_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    own = tmp_path / "scale.tsv"
    own.write_text("# ours\ntrue\t1\nhalf true\t0\nfalse\t-1\n", encoding="utf-8")
    monkeypatch.setenv(RATINGS_VARIABLE, str(own))
    scale = rating_scale()
    assert (scale.best, scale.worst, scale.find("Half-True").value) == (1, -1, 0)


@pytest.mark.parametrize(("content", "message"), [
    ("richtig\tfünf\n", "value 'fünf' of 'richtig' is not a whole number"),
    ("richtig\t1\nRichtig\t2\n", "rating 'Richtig' is listed twice"),
    ("richtig\t1\nfalsch\t1\n", "value 1 of 'falsch' is already used"),
    ("# nichts\n", "lists no ratings"),
])
def test_a_broken_scale_is_one_clear_error(tmp_path: Path, content: str, message: str):
    path = tmp_path / "scale.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_scale(path)
    with pytest.raises(ConfigError, match="cannot read the rating scale"):
        load_scale(tmp_path / "missing.tsv")
