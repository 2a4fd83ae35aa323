"""Quotation-mark pairing over whole articles (no model needed)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes.detect.marks import find_quoted_spans


def quoted(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_quoted_spans(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("„Ja“, sagte er.", ["Ja"]),
    ("»Ja«, sagte er. «Nein», sagte sie.", ["Ja", "Nein"]),
    ("“English” and ‚innen‘ and 'single' ones.", ["English", "innen", "single"]),
    ('Er sagte: "Wir kommen." Dann "gehen" wir.', ["Wir kommen.", "gehen"]),
    ("„Außen ‚innen‘ weiter“", ["Außen ‚innen‘ weiter", "innen"]),
    ("„Satz eins. Satz zwei.“ Danach.", ["Satz eins. Satz zwei."]),
    ("Das war's, sagt's.", []),
    ("„a“„b“", ["a", "b"]),
    # French style: guillemets with a space inside, which is no part of the quotation
    ("« Wir sind bereit », sagte er. Er sagte «ja».", ["Wir sind bereit", "ja"]),
])
def test_pairs(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_open_quote_continues_into_a_paragraph_that_opens_with_a_mark() -> None:
    text = "„Erster Absatz.\n„Zweiter Absatz“, sagte er."
    spans = find_quoted_spans(text)
    assert quoted(text) == ["Erster Absatz.", "Zweiter Absatz"]
    assert [s.continues for s in spans] == [False, True]


def test_open_quote_is_dropped_when_the_next_paragraph_does_not_continue_it() -> None:
    assert quoted("Er sagte „ohne Ende.\nNeuer Absatz, „aber dies“.") == ["aber dies"]


def test_paragraph_ending_in_a_wrong_mark_still_closes() -> None:
    assert quoted("„Menschen sterben. Überall. „\nNeu.") == ["Menschen sterben. Überall."]


@given(st.text(alphabet=st.sampled_from(list("ab „“‚‘»«\"'.,\n")), max_size=300))
def test_spans_are_inside_the_text_and_never_cross_paragraphs_unmarked(text: str) -> None:
    for span in find_quoted_spans(text):
        assert 0 <= span.open_mark < span.start <= span.end <= span.close_mark <= len(text)
        assert "\n" not in text[span.start:span.end]
