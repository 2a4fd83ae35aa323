"""Lexicons and bundled data live in data/, not in code. One loader per kind
of data, each returning a frozen, cached object that the stages share."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType


def data_dir() -> Path:
    """The data folder: $QUOTES_DATA_DIR, else data/ beside the package."""
    override = os.environ.get("QUOTES_DATA_DIR")
    return Path(override) if override else Path(__file__).resolve().parent.parent / "data"


def _lines(name: str) -> list[str]:
    path = data_dir() / "lexicons" / name
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


@cache
def word_list(name: str) -> frozenset[str]:
    """A one-entry-per-line lexicon such as abbreviations.txt."""
    return frozenset(_lines(name))


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """A tab-separated lexicon, one tuple of columns per row."""
    return tuple(tuple(col.strip() for col in line.split("\t")) for line in _lines(name))


@cache
def mapping(name: str) -> MappingProxyType[str, str]:
    """A two-column lexicon as a read-only dict: first column to second."""
    return MappingProxyType({row[0]: row[1] for row in table(name)})


@cache
def endings(name: str) -> tuple[str, ...]:
    """A lexicon of word endings (role nouns, speaker nouns), lowercased, for
    `str.endswith` on a lowercased word."""
    return tuple(entry.lower() for entry in _lines(name))


@dataclass(frozen=True)
class QuoteMarks:
    closers: dict[str, frozenset[str]]  # opening mark -> the marks that may close it
    all: frozenset[str]  # every opening and closing mark


@cache
def quote_marks() -> QuoteMarks:
    closers = {row[0]: frozenset(row[1]) for row in table("quote_marks.tsv")}
    return QuoteMarks(closers, frozenset(closers).union(*closers.values()))
