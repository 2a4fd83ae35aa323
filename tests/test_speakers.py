"""Canonical speakers: name keys, matching across articles (aliases,
inflection, transliteration, first names, dated roles), human edits with
their history, and registry import."""

from __future__ import annotations

import csv
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlmodel import select

from quotes.errors import InputError, NotFoundError
from quotes.speakers import manage
from quotes.speakers.lookup import create_speaker, find_speaker, role_holders, speaker_filter
from quotes.speakers.names import fold, given_names_compatible, role_key, skeleton, split_mention, split_name
from quotes.speakers.registry import import_file, starter_files
from quotes.speakers.resolve import SpeakerResolver
from quotes.store.models import Speaker, SpeakerAlias, SpeakerEvent, SpeakerRole, StoredQuote
from quotes.store.repository import ArticleInput, save_article


@pytest.mark.parametrize(("a", "b"), [
    ("Wolodymyr Selenskyj", "Wolodimir Selenski"),
    ("Wolodymyr Selenskyj", "Wolodyymyr Selenskyj"),
    ("Wolodymyr Selenskyj", "Volodymyr Zelensky"),
    ("Dmitri Peskow", "Dmitry Peskov"),
    ("Sergej Lawrow", "Sergei Lavrov"),
    ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
])
def test_transliterations_share_a_skeleton(a: str, b: str):
    assert skeleton(fold(a)) == skeleton(fold(b))


@pytest.mark.parametrize(("a", "b"), [("Anna Berger", "Thomas Berger"), ("Olaf Scholz", "Olaf Schulz"),
                                      ("Friedrich Merz", "Friedrich März")])
def test_different_names_keep_different_skeletons(a: str, b: str):
    assert skeleton(fold(a)) != skeleton(fold(b))


def test_fold_and_name_parts():
    assert fold("Frank-Walter Steinmeier") == "frank walter steinmeier"
    assert fold("  Markus SÖDER ") == "markus soder"
    assert split_name("Ursula von der Leyen").surname == "von der leyen"
    assert split_name("Dr. Anna Berger").given == ("anna",)
    assert split_mention("der Kremlchef Putin").role == "Kremlchef"
    assert split_mention("Bundesaußenministerin Anna Berger").name == "Anna Berger"


@pytest.mark.parametrize(("a", "b", "same"), [
    (("o",), ("olaf",), True), (("wolodimir",), ("wolodymyr",), True), (("frank",), ("frank", "walter"), True),
    (("anna",), ("thomas",), False), ((), ("anna",), True),
])
def test_given_names_compatible(a, b, same):
    assert given_names_compatible(a, b) is same


def test_role_keys_ignore_articles_endings_and_hyphens():
    assert role_key("der russische Präsident") == role_key("russischer Präsident") == role_key(
        "des russischen Präsidenten")
    assert role_key("US-Präsident") == role_key("US Präsident") == role_key("des US-Präsidenten")
    assert role_key("Kremlsprecher") != role_key("Kremlchef")


def resolve(session, name, *, kind="person", mention=None, on=date(2025, 3, 4), article_id=None):
    from quotes.document import Quote, Span

    span = Span(0, len(mention), mention) if mention else None
    quote = Quote(type="direct", text="x", start=0, end=1, speaker=name, mention=span, confidence=0.9,
                  resolution="name", speaker_kind=kind)
    return SpeakerResolver(session, article_id=article_id, on=on).match(quote)


def test_one_speaker_for_name_surname_inflection_and_role_prefix(store):
    with store.writing() as session:
        first = resolve(session, "Wladimir Putin")
        assert first.how == "new"
        for variant, how in [("Putin", "surname"), ("Putins", "inflection"), ("Kremlchef Putin", "surname"),
                             ("wladimir putin", "alias")]:
            match = resolve(session, variant)
            assert (match.speaker.id, match.how) == (first.speaker.id, how), variant
        assert session.exec(select(Speaker)).all() == [first.speaker]


def test_transliteration_variants_merge_and_say_why(store):
    with store.writing() as session:
        first = resolve(session, "Wolodymyr Selenskyj").speaker
        for variant in ("Wolodimir Selenski", "Wolodyymyr Selenskyj", "Selenskyjs"):
            assert resolve(session, variant).speaker.id == first.id
        aliases = {a.alias: a.reason for a in session.exec(select(SpeakerAlias))}
    assert aliases["Wolodimir Selenski"] == "transliteration of Wolodymyr Selenskyj"


def test_namesakes_with_different_first_names_stay_apart(store):
    with store.writing() as session:
        anna = resolve(session, "Anna Berger").speaker
        thomas = resolve(session, "Thomas Berger")
        assert thomas.speaker.id != anna.id
        assert thomas.reason == "not Anna Berger: different first name"
        assert resolve(session, "A. Berger").speaker.id == anna.id
        ambiguous = resolve(session, "Berger")
        assert (ambiguous.speaker, ambiguous.how) == (None, "ambiguous")
        assert "Anna Berger" in ambiguous.reason and "Thomas Berger" in ambiguous.reason


def test_a_surname_only_speaker_gets_the_full_name_later(store):
    with store.writing() as session:
        bare = resolve(session, "Kiesewetter").speaker
        full = resolve(session, "Roderich Kiesewetter")
        assert (full.speaker.id, full.speaker.name) == (bare.id, "Roderich Kiesewetter")
        assert full.reason == "full name of Kiesewetter"
        assert find_speaker(session, "Kiesewetter").id == bare.id


def test_a_role_resolves_to_its_holder_on_the_article_date(starter_store):
    with starter_store.writing() as session:
        assert resolve(session, "US-Präsident", kind="role", on=date(2022, 6, 1)).speaker.name == "Joe Biden"
        in_2025 = resolve(session, "US-Präsident", kind="role", on=date(2025, 6, 1))
        assert (in_2025.speaker.name, in_2025.how) == ("Donald Trump", "role-date")
        assert in_2025.reason == "US-Präsident on 2025-06-01"
        assert resolve(session, "Bundeskanzlerin", kind="role", on=date(2015, 1, 1)).speaker.name == "Angela Merkel"
        assert resolve(session, "Bundeskanzler", kind="role", on=date(2023, 1, 1)).speaker.name == "Olaf Scholz"


def test_namesakes_are_told_apart_by_role_and_date(starter_store):
    with starter_store.writing() as session:
        other = create_speaker(session, "Jana Scholz")
        manage.unalias(session, find_speaker(session, "Olaf Scholz"), "Scholz")  # else the alias decides
        assert resolve(session, "Kanzler Scholz", on=date(2023, 1, 1)).speaker.name == "Olaf Scholz"
        assert resolve(session, "Scholz", on=date(2023, 1, 1)).speaker.name == "Olaf Scholz"
        assert resolve(session, "Scholz", on=date(2026, 1, 1)).how == "ambiguous"
        assert resolve(session, "Jana Scholz").speaker.id == other.id


def test_roles_are_learnt_from_appositions_with_evidence(store, quote_at):
    text = "„Es ist zu früh“, sagte Kremlsprecher Dmitri Peskow. „Wir warten“, sagte der Kremlsprecher."
    first = quote_at(text, "Es ist zu früh", "Dmitri Peskow", mention="Kremlsprecher Dmitri Peskow")
    with store.writing() as session:
        article = save_article(session, ArticleInput(text=text, published_at=datetime(2025, 3, 4)), [first],
                               extractor_version="t")
        role = session.exec(select(SpeakerRole)).one()
        assert (role.label, role.evidence, role.source, role.article_id) == (
            "Kremlsprecher", "Kremlsprecher Dmitri Peskow", "article", article.article_id)
        later = resolve(session, "Kremlsprecher", kind="role", on=date(2025, 6, 1))
        assert (later.speaker.name, later.how) == ("Dmitri Peskow", "role-date")
        assert [s.name for s in role_holders(session, "Kremlsprecher", date(2030, 1, 1))] == []


def test_unresolved_roles_and_organisations_become_speakers_of_their_kind(store):
    with store.writing() as session:
        ministry = resolve(session, "russisches Außenministerium", kind="organisation")
        spokesman = resolve(session, "Regierungssprecher", kind="role")
        assert (ministry.speaker.kind, spokesman.speaker.kind) == ("organisation", "role")
        again = resolve(session, "Russisches Außenministerium", kind="organisation")
        assert again.speaker.id == ministry.speaker.id


def test_merge_moves_everything_and_unmerge_restores_it(store, quote_at):
    text = "„Eins“, sagte Selenski. „Zwei“, sagte Selenskyj."
    with store.writing() as session:
        save_article(session, ArticleInput(text=text), [
            quote_at(text, "Eins", "Wolodymyr Selenskyj"), quote_at(text, "Zwei", "W. Selensky")],
            extractor_version="t")
        keep = find_speaker(session, "Wolodymyr Selenskyj")
        other = create_speaker(session, "W. Selensky", wikidata_qid="Q3874799")
        second = session.exec(select(StoredQuote).where(StoredQuote.text == "Zwei")).one()
        second.speaker_id = other.id
        session.add(second)
        manage.role(session, other, "ukrainischer Präsident", organisation=None, start=date(2019, 5, 20), end=None)
        other_id = other.id
        event = manage.merge(session, keep, other, reason="same person", author="anna")
        assert event.summary == f"merged W. Selensky (#{other_id}) into Wolodymyr Selenskyj"
        assert {q.speaker_id for q in session.exec(select(StoredQuote))} == {keep.id}
        assert keep.wikidata_qid == "Q3874799"
        assert len(session.exec(select(SpeakerRole)).all()) == 1
        assert find_speaker(session, "W. Selensky").id == keep.id
    with store.writing() as session:
        keep = find_speaker(session, "Wolodymyr Selenskyj")
        restored = manage.unmerge(session, keep, author="anna")
        assert (restored.id, restored.name, restored.wikidata_qid) == (other_id, "W. Selensky", "Q3874799")
        assert keep.wikidata_qid is None
        owners = {q.text: q.speaker_id for q in session.exec(select(StoredQuote))}
        assert owners == {"Eins": keep.id, "Zwei": other_id}
        assert session.exec(select(SpeakerRole)).one().speaker_id == other_id
        with pytest.raises(InputError, match="no merge into"):
            manage.unmerge(session, keep)
        actions = [e.action for e in session.exec(select(SpeakerEvent).order_by(SpeakerEvent.id))]
        assert actions == ["role", "merge", "unmerge"]


def test_merge_refuses_two_different_wikidata_ids(store):
    with store.writing() as session:
        a = create_speaker(session, "Angela Merkel", wikidata_qid="Q567")
        b = create_speaker(session, "Olaf Scholz", wikidata_qid="Q61053")
        with pytest.raises(InputError, match="not one person"):
            manage.merge(session, a, b, reason="oops")
        with pytest.raises(InputError, match="same speaker"):
            manage.merge(session, a, a, reason="oops")


def test_split_moves_aliases_and_their_quotes(store, quote_at):
    text = "„Eins“, sagte Thomas Müller. „Zwei“, sagte Tom Müller."
    with store.writing() as session:
        save_article(session, ArticleInput(text=text), [quote_at(text, "Eins", "Thomas Müller")],
                     extractor_version="t")
        thomas = find_speaker(session, "Thomas Müller")
        manage.alias(session, thomas, "Tom Müller", reason="nickname")
        quote = session.exec(select(StoredQuote)).one()
        quote.speaker_name = "Tom Müller"
        new = manage.split(session, thomas, ["Tom Müller"], reason="two people")
        assert new.name == "Tom Müller" and session.get(StoredQuote, quote.id).speaker_id == new.id
        with pytest.raises(InputError, match="own name"):
            manage.split(session, thomas, ["Thomas Müller"], reason="x")
        with pytest.raises(InputError, match="has no alias"):
            manage.split(session, thomas, ["Nobody"], reason="x")


def test_rename_keeps_the_old_name_as_alias(store):
    with store.writing() as session:
        speaker = create_speaker(session, "Selenski")
        manage.rename(session, speaker, "Wolodymyr Selenskyj", reason="full name")
        assert find_speaker(session, "Selenski").name == "Wolodymyr Selenskyj"
        with pytest.raises(InputError, match="own name"):
            manage.unalias(session, speaker, "Wolodymyr Selenskyj")
        manage.unalias(session, speaker, "Selenski")


def test_find_speaker_is_strict_and_helpful(store):
    with store.writing() as session:
        anna = create_speaker(session, "Anna Berger")
        create_speaker(session, "Thomas Berger")
        assert find_speaker(session, str(anna.id)).id == anna.id
        assert find_speaker(session, f"#{anna.id}").id == anna.id
        with pytest.raises(NotFoundError, match=r"'Berger' matches several speakers: Anna Berger \(#\d+\), Thomas"):
            find_speaker(session, "Berger")
        with pytest.raises(NotFoundError, match="did you mean Anna Berger"):
            find_speaker(session, "Anna Berber")
        with pytest.raises(NotFoundError, match="no speaker with id 999"):
            find_speaker(session, "999")


def test_search_filter_finds_role_holders(starter_store):
    with starter_store.reading() as session:
        found = speaker_filter(session, "der US-Präsident")
        holders = {session.get(Speaker, r.speaker_id).name for r in found.roles}
        assert holders == {"Barack Obama", "Donald Trump", "Joe Biden"}
        assert speaker_filter(session, "putin").speaker_ids == {find_speaker(session, "Wladimir Putin").id}


def test_the_starter_registry_is_well_formed(starter_store):
    speakers, roles = (list(csv.DictReader(path.open(encoding="utf-8"))) for path in starter_files())
    qids = [row["wikidata_qid"] for row in speakers if row["wikidata_qid"]]
    assert len(qids) == len(set(qids)) and all(re.fullmatch(r"Q[1-9]\d*", q) for q in qids)
    names = {row["name"] for row in speakers}
    assert {row["name"] for row in roles} <= names
    with starter_store.reading() as session:
        assert len(session.exec(select(Speaker)).all()) == len(speakers)
        assert find_speaker(session, "Putin").wikidata_qid == "Q7747"
        assert find_speaker(session, "Selenski").wikidata_qid == "Q3874799"


def test_registry_import_creates_updates_and_reports_bad_rows(store, tmp_path: Path):
    people = tmp_path / "people.csv"
    people.write_text("name,aliases,kind,description,party,wikidata_qid\n"
                      "Anna Berger,Berger;A. Berger,person,Außenministerin,SPD,\n"
                      "Olaf Scholz,Scholz,person,,SPD,Q61053\n"
                      ",,person,,,\n"
                      "Kreml,,institution,,,\n"
                      "Jemand,,person,,,X12\n", encoding="utf-8")
    roles = tmp_path / "roles.csv"
    roles.write_text("name,wikidata_qid,label,organisation,start_date,end_date\n"
                     "Anna Berger,,Außenministerin|Bundesaußenministerin,Bundesregierung,2024-01-01,\n"
                     "Niemand,,Chef,,,\n"
                     "Anna Berger,,Ministerin,,2024-13-01,\n", encoding="utf-8-sig")
    with store.writing() as session:
        report = import_file(session, people)
        assert (report.speakers_new, report.speakers_updated) == (2, 0)
        assert [e.split(": ", 1)[0] for e in report.errors] == ["people.csv:4", "people.csv:5", "people.csv:6"]
        report = import_file(session, roles)
        assert report.roles_added == 2
        assert len(report.errors) == 2
        again = import_file(session, people)
        assert (again.speakers_new, again.speakers_updated, again.aliases_added) == (0, 2, 0)
        berger = find_speaker(session, "A. Berger")
        assert (berger.party, berger.description) == ("SPD", "Außenministerin")
        assert role_holders(session, "die Bundesaußenministerin", date(2024, 5, 1)) == [berger]
    bad = tmp_path / "bad.csv"
    bad.write_text("who,what\nx,y\n", encoding="utf-8")
    with store.writing() as session, pytest.raises(InputError, match="no 'name' column"):
        import_file(session, bad)
