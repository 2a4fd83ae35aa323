"""The canonical form of a quotation, so that its occurrences across articles
group (the Quotebank approach), and the word-level comparison that finds
near-duplicates and partial quotes.

Canonical form: case folded (ß → ss), accents removed, punctuation and
quotation marks dropped, whitespace collapsed — „Wir schaffen das!“ and
»wir schaffen das« are one quotation. The key is a hash of that form (an
index on the form itself could exceed PostgreSQL's B-tree row limit)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from quotes.speakers.names import strip_accents

_WORD = re.compile(r"[^\W_]+", re.UNICODE)

NEAR = 0.8  # word-sequence similarity of a near-duplicate (a word changed in ten)
PARTIAL = 0.8  # share of the shorter quote's words found in runs inside the longer one
MIN_PARTIAL_WORDS = 4  # shorter quotes match only when their words are the same ("Das stimmt")
MIN_RUN = 2  # words matched one by one, out of order, are coincidence, not a quotation


def words(text: str) -> list[str]:
    """The canonical words of a text: case and accents folded ('Erdoğan' →
    'erdogan', 'Straße' → 'strasse')."""
    return _WORD.findall(strip_accents(text.casefold()))


def normal_form(text: str) -> str:
    """The canonical form: the canonical words joined by single spaces."""
    return " ".join(words(text))


def normal_key(normal: str) -> str:
    """The grouping key of a canonical form (first 20 hex digits of SHA-1)."""
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True)
class Likeness:
    """How another occurrence relates to a traced quotation: `same` words,
    `near` (small edits), `longer` (it contains the traced words) or `part`
    (it is a part of them); `score` is the share of words that match."""

    relation: str
    score: float


def compare(traced: Sequence[str], other: Sequence[str]) -> Likeness | None:
    """Compare two canonical word sequences; None when they are not one quotation."""
    if not traced or not other:
        return None
    if list(traced) == list(other):
        return Likeness("same", 1.0)
    shorter = min(len(traced), len(other))
    if shorter < MIN_PARTIAL_WORDS:
        return None
    if len(set(traced) & set(other)) < min(NEAR, PARTIAL) * min(len(set(traced)), len(set(other))):
        return None
    blocks = SequenceMatcher(None, traced, other, autojunk=False).get_matching_blocks()
    matched = sum(b.size for b in blocks)
    ratio = 2 * matched / (len(traced) + len(other))
    if ratio >= NEAR:
        return Likeness("near", round(ratio, 3))
    in_runs = sum(b.size for b in blocks if b.size >= MIN_RUN)
    if in_runs >= PARTIAL * shorter:
        return Likeness("longer" if len(other) > len(traced) else "part", round(in_runs / shorter, 3))
    return None


def normal_columns(text: str) -> dict[str, str]:
    """The stored `normal` and `normal_key` of a quote's text."""
    normal = normal_form(text)
    return {"normal": normal, "normal_key": normal_key(normal)}
