"""Writing articles and their quotes. One call of `save_article` is meant to
be one transaction (the caller's `Database.writing()` block): the article,
its quotes and the speakers they create are stored together or not at all.

Re-processing an article keeps every quote a person corrected or attached to
a fact-check exactly as it is, drops new quotes that overlap one, and keeps
the ids of quotes found again at the same offsets, so references to them
(fact checks, notes) survive."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from quotes.document import Quote
from quotes.errors import InputError
from quotes.speakers.resolve import SpeakerResolver
from quotes.store.models import Article, Correction, FactCheckQuote, StoredQuote, utcnow
from quotes.store.normal import normal_form, normal_key

CONTEXT_LIMIT = 1500  # characters of paragraph kept around a quote


@dataclass(frozen=True)
class ArticleInput:
    """An article as read from a file or feed, before extraction."""

    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published_at: datetime | None = None
    language: str = "de"
    source: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SaveResult:
    article_id: int
    status: str  # new or reprocessed
    quotes: int  # quotes stored from this extraction
    kept: int  # corrected quotes kept as they were


def content_hash(text: str) -> str:
    """Identity of an article: SHA-256 of its text in NFC with runs of
    whitespace made one space, so re-encoded or re-wrapped copies count once."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def find_article(session: Session, digest: str) -> Article | None:
    return session.exec(select(Article).where(Article.content_hash == digest)).first()


def check_offsets(text: str, quote: Quote) -> None:
    """The invariant text[start:end] == quote.text, for the quote, its cue and
    its speaker mention; a violation refuses the whole article."""
    spans = [("quote", quote.start, quote.end, quote.text)]
    spans += [(name, span.start, span.end, span.text) for name, span in (("cue", quote.cue),
                                                                         ("mention", quote.mention)) if span]
    for name, start, end, expected in spans:
        if not 0 <= start <= end <= len(text) or text[start:end] != expected:
            raise InputError(f"{name} at {start}:{end} does not match the article text (extractor bug?)")


def context_of(text: str, start: int, end: int) -> str:
    """The paragraph(s) around a span: blank-line paragraphs where the text
    has them, else lines; clipped to CONTEXT_LIMIT characters around the span."""
    separator = "\n\n" if "\n\n" in text else "\n"
    first = text.rfind(separator, 0, start)
    first = 0 if first < 0 else first + len(separator)
    last = text.find(separator, end)
    last = len(text) if last < 0 else last
    if last - first > CONTEXT_LIMIT:
        room = max(0, (CONTEXT_LIMIT - (end - start)) // 2)
        first, last = max(first, start - room), min(last, end + room)
    return text[first:last].strip()


def _fill(row: StoredQuote, text: str, quote: Quote, version: str) -> None:
    row.type = quote.type
    row.text = quote.text
    row.normal = normal_form(quote.text)
    row.normal_key = normal_key(row.normal)
    row.start, row.end = quote.start, quote.end
    row.speaker_name = quote.speaker
    row.speaker_kind = quote.speaker_kind
    mention, cue = quote.mention, quote.cue
    row.mention_text, row.mention_start, row.mention_end = (mention.text, mention.start, mention.end) if mention \
        else (None, None, None)
    row.cue_text, row.cue_start, row.cue_end = (cue.text, cue.start, cue.end) if cue else (None, None, None)
    row.sentence = quote.sentence
    row.context = context_of(text, quote.start, quote.end)
    row.confidence = quote.confidence
    row.resolution = quote.resolution
    row.extractor_version = version


def _kept_ids(session: Session, ids: list[int]) -> set[int]:
    """The quotes among `ids` that a person corrected or attached to a fact-check."""
    if not ids:
        return set()
    corrected = session.exec(select(Correction.quote_id).where(col(Correction.quote_id).in_(ids)))
    checked = session.exec(select(FactCheckQuote.quote_id).where(col(FactCheckQuote.quote_id).in_(ids)))
    return set(corrected) | set(checked)


def save_article(session: Session, item: ArticleInput, quotes: Sequence[Quote], *, extractor_version: str,
                 existing: Article | None = None) -> SaveResult:
    """Store a new article with its quotes, or re-process `existing`."""
    for quote in quotes:
        check_offsets(item.text, quote)
    now = utcnow()
    if existing is None:
        article = Article(text=item.text, content_hash=content_hash(item.text), title=item.title, url=item.url,
                          outlet=item.outlet, published_at=item.published_at, language=item.language,
                          source=item.source, meta=item.meta, extractor_version=extractor_version)
        session.add(article)
        session.flush()
        old: list[StoredQuote] = []
    else:
        article = existing
        for name in ("title", "url", "outlet", "published_at", "source"):
            value = getattr(item, name)
            if value is not None:
                setattr(article, name, value)
        article.meta = {**article.meta, **item.meta}
        article.extractor_version = extractor_version
        article.processed_at = now
        session.add(article)
        old = list(session.exec(select(StoredQuote).where(StoredQuote.article_id == article.id)))
    text = article.text
    kept = _kept_ids(session, [q.id for q in old if q.id is not None])
    protected = [q for q in old if q.id in kept]
    reusable = {(q.start, q.end): q for q in old if q.id not in kept}
    published = article.published_at.date() if article.published_at else None
    resolver = SpeakerResolver(session, article_id=article.id, on=published or article.ingested_at.date())
    stored = 0
    for quote in quotes:
        if any(quote.start < p.end and p.start < quote.end for p in protected):
            continue
        row = reusable.pop((quote.start, quote.end), None) or StoredQuote(article_id=article.id, type="", text="",
                                                                          start=0, end=0)
        _fill(row, text, quote, extractor_version)
        match = resolver.match(quote)
        row.speaker_id = match.speaker.id if match.speaker else None
        row.speaker_match = match.how
        session.add(row)
        stored += 1
    for row in reusable.values():
        session.delete(row)
    session.flush()
    return SaveResult(article.id or 0, "new" if existing is None else "reprocessed", stored, len(protected))
