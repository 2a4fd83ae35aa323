"""Speech acts reported without their words (`quotes extract --reported`,
SpkAtt's Form "Reported") on the real pipeline."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quotes.detect.cues import speech_verbs
from quotes.detect.reported import speech_act_verbs
from quotes.evaluate.spkatt import detokenize, predictions_to_annotations


@pytest.fixture(scope="module")
def reporting(extractor):
    return replace(extractor, reported=True)


@pytest.mark.parametrize(("text", "expected"), [
    # a verb of demanding, announcing, judging, accusing or referring with the act named as its object
    ("Greenpeace fordert die Vernichtung der Lagerbestände.",
     [("Greenpeace", "Greenpeace fordert die Vernichtung der Lagerbestände")]),
    ("Die IG Metall wertet die Einigung mit der Konzernführung als Erfolg.",
     [("IG Metall", "Die IG Metall wertet die Einigung mit der Konzernführung als Erfolg")]),
    ("Die Behörden werfen dem Unternehmer Betrug vor.",
     [("Behörden", "Die Behörden werfen dem Unternehmer Betrug vor")]),
    ("Ein Sprecher des Ministeriums verwies auf die schlechte Wetterlage.",
     [("Ministerium", "Ein Sprecher des Ministeriums verwies auf die schlechte Wetterlage")]),
    # the speaker after the verb; two coordinated acts are two records, the second with its particle
    ("Den Schaden bezifferte die Polizei auf 20.000 Euro.",
     [("Polizei", "Den Schaden bezifferte die Polizei auf 20.000 Euro")]),
    ("Anna Schmidt forderte den Rücktritt des Ministers und kündigte eine Klage an.",
     [("Anna Schmidt", "Anna Schmidt forderte den Rücktritt des Ministers"),
      ("Anna Schmidt", "kündigte eine Klage an")]),
    # an adverbial clause reports an act too
    ("Nachdem deutsche Behörden vor dem Verzehr spanischer Gurken gewarnt hatten, brach der Absatz ein.",
     [("deutsche Behörden", "Nachdem deutsche Behörden vor dem Verzehr spanischer Gurken gewarnt hatten")]),
    # a verb that reports only with its preposition: "sprechen von", not "sprechen mit"
    ("Die Polizei sprach von einer weitgehend friedlichen Demonstration.",
     [("Polizei", "Die Polizei sprach von einer weitgehend friedlichen Demonstration")]),
    ("Die Ministerin sprach am Montag mit dem Bürgermeister.", []),
    ("Der Präsident will mit dem Kanzler über die Vorschläge sprechen.", []),
    # no speech act: a passive, "man" defining, a name's meaning, another verb ("anfordern"), a reflexive,
    # what is to be mourned
    ("Weitere Aktionen sind für Montag angekündigt.", []),
    ("Als Lichtjahr bezeichnet man die Strecke, die das Licht in einem Jahr zurücklegt.", []),
    ("Der Name bezeichnet eine afrikanische Philosophie.", []),
    ("Der Gouverneur forderte die Nationalgarde an.", []),
    ("Die Firma nennt sich seit 2010 Alphabet.", []),
    ("Bislang sind mindestens 36 Todesopfer zu beklagen.", []),
])
def test_reported_speech_acts(reporting, text, expected) -> None:
    quotes = reporting.extract(text)
    assert [(q.speaker, q.text) for q in quotes] == expected
    assert all(q.type == "reported" and q.route == "reported" and text[q.start:q.end] == q.text for q in quotes)


def test_every_verb_of_a_reported_act_is_a_speech_verb() -> None:
    assert set(speech_act_verbs()) <= speech_verbs()  # else its sentence is not parsed


def test_reported_acts_only_on_request_and_never_over_a_quote(extractor, reporting) -> None:
    text = "Greenpeace fordert die Vernichtung der Lagerbestände. Peter Müller sagte, er habe keine Zeit gehabt."
    assert [q.type for q in extractor.extract(text)] == ["indirect"]
    assert [q.type for q in reporting.extract(text)] == ["reported", "indirect"]


def test_a_clause_of_a_verb_of_thought_only_on_request(extractor, reporting) -> None:
    text = "Hilfsorganisationen befürchten, dass weit mehr Menschen getötet worden sein könnten."
    assert extractor.extract(text) == []
    assert [(q.type, q.speaker, q.text) for q in reporting.extract(text)] == [
        ("indirect", "Hilfsorganisationen", "dass weit mehr Menschen getötet worden sein könnten")]


def test_a_reported_act_is_spkatt_form_reported(reporting) -> None:
    sentences = [["Die", "Polizei", "sprach", "von", "einer", "friedlichen", "Demonstration", "."]]
    text, offsets = detokenize(sentences)
    [annotation] = predictions_to_annotations(reporting.extract(text), offsets, text)
    assert annotation["Form"] == "Reported"
    assert annotation["Message"] == [f"0:{i}" for i in range(7)]
    assert annotation["Source"] == ["0:0", "0:1"]
