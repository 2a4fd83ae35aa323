"""Small helpers over words and character spans shared by the detectors."""

from __future__ import annotations

from functools import cache

from quotes.document import Document, Sentence, Word
from quotes.lexicons import quote_marks, word_list

SENTENCE_PUNCT = set(".!?…;:")
COORDINATORS = frozenset({"und", "sowie"})
RELATIVE_PRONOUNS = frozenset({"der", "die", "das", "dem", "den", "deren", "dessen", "denen", "welche", "welcher",
                               "welches", "welchem", "welchen", "was", "wo", "womit", "wodurch", "woraufhin"})


def is_mark(word: Word) -> bool:
    return word.text in quote_marks().all


def is_konjunktiv(word: Word) -> bool:
    """A finite verb in the subjunctive, by the tagger or by its form (a
    listed form, or a lowercase word with a listed ending, whatever its tag)."""
    if _konjunktiv_form(word.text):
        return True
    return word.upos in {"VERB", "AUX"} and word.is_subjunctive


@cache
def _konjunktiv_endings() -> tuple[str, ...]:
    return tuple(form[1:] for form in word_list("konjunktiv.txt") if form.startswith("-"))


@cache
def _konjunktiv_form(text: str) -> bool:
    lower = text.lower()
    return lower in word_list("konjunktiv.txt") or (
        text.islower() and lower.endswith(_konjunktiv_endings()) and len(lower) > 6)


_FINITE_TAGS = {"VVFIN", "VAFIN", "VMFIN"}


def is_finite_verb(word: Word) -> bool:
    if word.upos not in {"VERB", "AUX"}:
        return False
    return word.is_finite or word.xpos in _FINITE_TAGS or is_konjunktiv(word) or _untagged_finite(word)


def _untagged_finite(word: Word) -> bool:
    """A verb the tagger gave no features, in a form that is neither its
    infinitive nor a participle ("gingen" of "gehen"): finite."""
    form = word.text.lower()
    return not word.feats and form != word.lemma.lower() and not form.startswith("ge") and not form.endswith("end")


def trim(document: Document, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past surrounding spaces, final punctuation and a stray
    closing mark without its opener, so it holds just the reported words."""
    text = document.text
    marks = quote_marks()
    while True:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and text[end - 1] in SENTENCE_PUNCT | {","}:
            end -= 1
            continue
        if end > start and text[end - 1] in marks.all:
            inner = text[start:end - 1]
            if not any(opener in inner for opener in marks.closers):
                end -= 1
                continue
        if end > start and text[start] in ",;:–-":
            start += 1
            continue
        return start, end


def words_between(sentence: Sentence, start: int, end: int) -> list[Word]:
    return [w for w in sentence.words if w.start >= start and w.end <= end]
