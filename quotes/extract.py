"""The whole pipeline: text in, attributed quotes out (no database)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from quotes.attribute import attribute
from quotes.detect import detect
from quotes.detect.relevance import sentences_to_parse
from quotes.document import Document, Quote
from quotes.nlp import Engine

EXTRACTOR_VERSION = "0.2.0"
BATCH = 32  # articles per Stanza call: larger calls are markedly faster (sentences are batched across articles)
BATCH_CHARACTERS = 100_000  # and at most this much text per call, so that long articles do not pile up in memory

Item = TypeVar("Item")


def batches(items: Iterable[Item], size: Callable[[Item], int], *, count: int = BATCH,
            characters: int = BATCH_CHARACTERS) -> Iterator[list[Item]]:
    """Consecutive groups of `count` items at most, and of `characters` in
    all (by `size`) unless one item alone is larger."""
    batch: list[Item] = []
    total = 0
    for item in items:
        length = size(item)
        if batch and total + length > characters:
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += length
        if len(batch) >= count:  # at once: the next item is not read before this batch is done
            yield batch
            batch, total = [], 0
    if batch:
        yield batch


def quotes_in(document: Document, *, reported: bool = False) -> list[Quote]:
    """Detection and attribution over an analysed document; with `reported`,
    also what SpkAtt annotates and GUIDELINES.md does not count: speech acts
    reported without their words ("Greenpeace fordert die Vernichtung der
    Lagerbestände") and positions in the clause of a verb of thought
    ("Hilfsorganisationen befürchten, dass …")."""
    return attribute(document, detect(document, reported=reported))


@dataclass
class Extractor:
    """The NLP engine plus the quote stages; load once, extract many."""

    engine: Engine
    reported: bool = False  # also speech acts reported without their words, and thoughts (see `quotes_in`)

    @classmethod
    def load(cls, *, prefer_official: bool = True, reported: bool = False) -> Extractor:
        return cls(Engine.load(prefer_official=prefer_official), reported)

    def analyse_many(self, texts: Sequence[str]) -> list[Document]:
        """The engine's analyses, parsed only where speech can be."""
        return self.engine.analyse_many(texts, parse=sentences_to_parse)

    def extract(self, text: str) -> list[Quote]:
        return self.extract_many([text])[0]

    def extract_many(self, texts: Sequence[str]) -> list[list[Quote]]:
        return [quotes_in(document, reported=self.reported) for document in self.analyse_many(texts)]


@cache
def default_extractor() -> Extractor:
    return Extractor.load()


def extract(text: str) -> list[Quote]:
    """Attributed quotes in a German text, using a shared pipeline."""
    return default_extractor().extract(text)
