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

from quotes.detect.cues import find_cues, is_content_noun, is_stance_word
from quotes.detect.spans import is_konjunktiv, is_mark
from quotes.document import Document, Sentence, Word

_SIGNAL_WORDS = {":", "so", "wonach"}


def _signals_speech(word: Word) -> bool:
    return word.text.lower() in _SIGNAL_WORDS or is_mark(word) or is_content_noun(word) or is_stance_word(word)


def sentences_to_parse(document: Document) -> set[int]:
    """The indices of the sentences to parse (a `quotes.nlp` ParseSelection)."""
    chosen: set[int] = set()
    for sentence in document.sentences:
        konjunktiv = any(is_konjunktiv(word) for word in sentence.words)
        if konjunktiv or _may_hold_speech(sentence):
            chosen.add(sentence.index)
        if konjunktiv and sentence.index:
            chosen.add(sentence.index - 1)
    return chosen


def _may_hold_speech(sentence: Sentence) -> bool:
    return any(_signals_speech(word) for word in sentence.words) or bool(find_cues(sentence))
