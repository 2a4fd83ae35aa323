"""The rule-based tokenizer and sentence splitter (no model needed)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes.nlp.tokenize import MAX_SENTENCE_TOKENS, tokenize


def sentences(text: str) -> list[list[str]]:
    return [[t.text for t in s.tokens] for s in tokenize(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("„Wir sind bereit“, sagte Orban.",
     [["„", "Wir", "sind", "bereit", "“", ",", "sagte", "Orban", "."]]),
    ("»Nein«, so die Ministerin. «Ja», sagte er.",
     [["»", "Nein", "«", ",", "so", "die", "Ministerin", "."], ["«", "Ja", "»", ",", "sagte", "er", "."]]),
    ('Er sagte: "Wir kommen." Sie ging.',
     [["Er", "sagte", ":", '"', "Wir", "kommen", ".", '"'], ["Sie", "ging", "."]]),
    ("Das gilt z. B. für Dr. Müller und den US-Präsidenten.",
     [["Das", "gilt", "z.", "B.", "für", "Dr.", "Müller", "und", "den", "US-Präsidenten", "."]]),
    ("Am 5. August kam die 3. Liga. Er wurde 75. Dann starb er.",
     [["Am", "5.", "August", "kam", "die", "3.", "Liga", "."], ["Er", "wurde", "75", "."],
      ["Dann", "starb", "er", "."]]),
    ("Es kostet 1.000,50 Euro – sagt Donald J. Trump (Anm. d. Red.).",
     [["Es", "kostet", "1.000,50", "Euro", "–", "sagt", "Donald", "J.", "Trump", "(", "Anm.", "d.", "Red.", ")",
       "."]]),
    ("„Gut.“ Dann ging er.", [["„", "Gut", ".", "“"], ["Dann", "ging", "er", "."]]),
    # words in brackets that close the line belong to the sentence before them
    ("„Gut.“ (Otto von Bismarck)\nNeu.", [["„", "Gut", ".", "“", "(", "Otto", "von", "Bismarck", ")"], ["Neu", "."]]),
    # a dash with a lowercase word after it goes on with the sentence, one with a capital opens the next
    ("„Es reicht…“ – so beginnt der Brief. – Die Antwort kam prompt.",
     [["„", "Es", "reicht", "…", "“", "–", "so", "beginnt", "der", "Brief", "."],
      ["–", "Die", "Antwort", "kam", "prompt", "."]]),
    ("Ein- und Ausgang. Das war's.", [["Ein-", "und", "Ausgang", "."], ["Das", "war's", "."]]),
    ("schrieb der 62-Jährige auf der Plattform X. Berger ging.",
     [["schrieb", "der", "62-Jährige", "auf", "der", "Plattform", "X", "."], ["Berger", "ging", "."]]),
    ("schrieb sie auf X. Die Regierung prüfe Hilfen.",
     [["schrieb", "sie", "auf", "X", "."], ["Die", "Regierung", "prüfe", "Hilfen", "."]]),
    ("Ein Sprecher von Donald J. Trump schwieg.",
     [["Ein", "Sprecher", "von", "Donald", "J.", "Trump", "schwieg", "."]]),
    ("Die 1990er-Jahre und 5G.", [["Die", "1990er-Jahre", "und", "5G", "."]]),
    # a year is no ordinal: its full stop ends the sentence
    ("Ein Börsengang sei nach 2011 möglich. Das 1000. Tor fiel.",
     [["Ein", "Börsengang", "sei", "nach", "2011", "möglich", "."], ["Das", "1000.", "Tor", "fiel", "."]]),
    ("Die Optionen reichen bis 2011. Premium Aerotec rechnet mit Gewinn.",
     [["Die", "Optionen", "reichen", "bis", "2011", "."], ["Premium", "Aerotec", "rechnet", "mit", "Gewinn", "."]]),
    # a number with letters is no ordinal: its full stop ends the sentence
    ("Das sagte der 34-Jährige. Sein Anwalt schwieg.",
     [["Das", "sagte", "der", "34-Jährige", "."], ["Sein", "Anwalt", "schwieg", "."]]),
    # a Roman numeral after a name is its ordinal, unless a sentence starts after it
    ("Papst Benedikt XVI. sagte, Elisabeth II., die Königin, komme. Er traf Ludwig XIV. Dann ging er.",
     [["Papst", "Benedikt", "XVI.", "sagte", ",", "Elisabeth", "II.", ",", "die", "Königin", ",", "komme", "."],
      ["Er", "traf", "Ludwig", "XIV", "."], ["Dann", "ging", "er", "."]]),
    # a dateline at a paragraph's start is a sentence of its own; a dash inside a sentence is not
    ("Berlin (dpa) - Laut Polizei wurden zwei Menschen verletzt.",
     [["Berlin", "(", "dpa", ")", "-"], ["Laut", "Polizei", "wurden", "zwei", "Menschen", "verletzt", "."]]),
    ("Zürich – «Wir sind bereit», sagte er.",
     [["Zürich", "–"], ["«", "Wir", "sind", "bereit", "»", ",", "sagte", "er", "."]]),
    ("15:10 Uhr – Laut Reuters gibt es ein Treffen.",
     [["15:10", "Uhr", "–"], ["Laut", "Reuters", "gibt", "es", "ein", "Treffen", "."]]),
    ("Die Regierung – so der Minister – sei bereit.",
     [["Die", "Regierung", "–", "so", "der", "Minister", "–", "sei", "bereit", "."]]),
])
def test_tokens_and_sentences(text: str, expected: list[list[str]]) -> None:
    assert sentences(text) == expected


def test_every_line_break_ends_a_sentence_and_counts_paragraphs() -> None:
    result = tokenize("Titel ohne Punkt\nErster Satz. Zweiter Satz.\n\nDritter")
    assert next([t.text for t in s.tokens] for s in result) == ["Titel", "ohne", "Punkt"]
    assert [s.paragraph for s in result] == [0, 1, 1, 2]


def test_text_without_sentence_end_is_split_into_bounded_pieces() -> None:
    result = tokenize("und " * 1000)
    assert all(len(s.tokens) <= MAX_SENTENCE_TOKENS for s in result)
    assert sum(len(s.tokens) for s in result) == 1000


@given(st.text(alphabet=st.sampled_from(list("ab .,„“»«\"'-\n\u00adÄ1?!:()")), max_size=200))
def test_offsets_always_slice_the_token(text: str) -> None:
    for sentence in tokenize(text):
        for token in sentence.tokens:
            assert text[token.start:token.end] == token.text
            assert token.text.strip() == token.text and token.text
