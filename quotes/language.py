"""Is an article German? A small check by function words (data/lexicons/
language_words.tsv) and script, so that English or Russian articles in a feed
are skipped instead of run through German rules. No model, no dependency:
news text is long enough for frequent words to decide."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from quotes.lexicons import table

GERMAN = "de"
MIN_WORDS = 20  # shorter texts are not judged (taken as German)
SAMPLE_WORDS = 3000
_WORD = re.compile(r"[^\W\d_]+")
NAMES = {"de": "German", "en": "English", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch",
         "ru": "Russian", "pl": "Polish"}


@dataclass(frozen=True)
class Guess:
    language: str | None  # ISO 639-1 code, or None when undecided
    detail: str  # for messages: "English", "Cyrillic script"

    @property
    def german(self) -> bool:
        return self.language in {GERMAN, None}


@cache
def _words() -> dict[str, frozenset[str]]:
    by_language: dict[str, set[str]] = {}
    for language, word in table("language_words.tsv"):
        by_language.setdefault(language, set()).add(word)
    return {language: frozenset(words) for language, words in by_language.items()}


def _script(word: str) -> str:
    name = unicodedata.name(word[0], "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def guess_language(text: str) -> Guess:
    """The language of `text` by its most frequent function words; a text
    mostly in another script than Latin is not German whatever its words."""
    words = [w.lower() for w in _WORD.findall(text[:SAMPLE_WORDS * 20])][:SAMPLE_WORDS]
    if len(words) < MIN_WORDS:
        return Guess(None, "too short to tell")
    scripts = Counter(_script(w) for w in words)
    script, count = scripts.most_common(1)[0]
    hits = Counter({language: sum(w in vocabulary for w in words) for language, vocabulary in _words().items()})
    best, best_hits = hits.most_common(1)[0]
    if script != "LATIN" and count > len(words) / 2:
        if best_hits:
            return Guess(best, NAMES.get(best, best))
        return Guess(script.lower(), f"{script.title()} script")
    if hits[GERMAN] >= best_hits or best_hits < len(words) * 0.05:
        return Guess(GERMAN if hits[GERMAN] else None, NAMES[GERMAN])
    return Guess(best, NAMES.get(best, best))


def foreign_phrase(words: Iterable[str]) -> bool:
    """A phrase with function words of another language and none of German:
    „Here it goes again“, „L’Alliance pour la Planète“ (a title or a name in
    a German text, when nothing attributes it)."""
    lowered = [word.lower() for word in words]
    vocabularies = _words()
    if any(word in vocabularies[GERMAN] for word in lowered):
        return False
    return any(word in vocabulary for language, vocabulary in vocabularies.items() if language != GERMAN
               for word in lowered)
