"""The whole pipeline: text in, attributed quotes out (no database)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from quotes.attribute import attribute
from quotes.detect import detect
from quotes.document import Document, Quote
from quotes.nlp import Engine

EXTRACTOR_VERSION = "0.1.0"


def quotes_in(document: Document) -> list[Quote]:
    """Detection and attribution over an analysed document."""
    return attribute(document, detect(document))


@dataclass
class Extractor:
    """The NLP engine plus the quote stages; load once, extract many."""

    engine: Engine

    @classmethod
    def load(cls, *, prefer_official: bool = True) -> Extractor:
        return cls(Engine.load(prefer_official=prefer_official))

    def extract(self, text: str) -> list[Quote]:
        return quotes_in(self.engine.analyse(text))

    def extract_many(self, texts: Sequence[str]) -> list[list[Quote]]:
        return [quotes_in(document) for document in self.engine.analyse_many(texts)]


@cache
def default_extractor() -> Extractor:
    return Extractor.load()


def extract(text: str) -> list[Quote]:
    """Attributed quotes in a German text, using a shared pipeline."""
    return default_extractor().extract(text)
