"""Which sentences detection and attribution can use a dependency parse in.

Parsing is the slowest NLP stage, and in news about half of the words stand
in sentences without any sign of reported speech. A sentence is worth
parsing when it holds a quotation mark, a colon, a cue (a verb of saying,
"hieß es", "laut", "zufolge"), a noun or adjective that can take what was
said as its complement ("Angaben", "Behauptung", "zuversichtlich"), a
parenthetical "so", or a Konjunktiv; the sentence before a Konjunktiv one is
parsed too, because its subject may be who the Konjunktiv reports. The rules
read only tags and lemmas, so they can run before the parse.
"""

from __future__ import annotations

from functools import cache

from quotes.detect.cues import find_cues, is_content_noun
from quotes.detect.spans import is_konjunktiv, is_mark
from quotes.document import Document, Sentence, Word
from quotes.lexicons import word_list

_SIGNAL_WORDS = {":", "so", "wonach"}


@cache
def _stance_adjectives() -> frozenset[str]:
    return word_list("stance_adjectives.txt")


def _signals_speech(word: Word) -> bool:
    return word.text.lower() in _SIGNAL_WORDS or is_mark(word) or is_content_noun(word) \
        or word.text.lower() in _stance_adjectives() or word.lemma in _stance_adjectives()


def may_hold_speech(sentence: Sentence) -> bool:
    """Whether any detection rule can fire in this sentence."""
    return any(_signals_speech(word) or is_konjunktiv(word) for word in sentence.words) \
        or bool(find_cues(sentence))


def sentences_to_parse(document: Document) -> set[int]:
    """The indices of the sentences to parse (a `quotes.nlp` ParseSelection)."""
    chosen: set[int] = set()
    for sentence in document.sentences:
        if not may_hold_speech(sentence):
            continue
        chosen.add(sentence.index)
        if sentence.index and any(is_konjunktiv(word) for word in sentence.words):
            chosen.add(sentence.index - 1)
    return chosen
