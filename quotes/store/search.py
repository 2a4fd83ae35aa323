"""Finding quotes: full-text search on quote text (ranked), and filters on
speaker, outlet, dates, type and confidence. One query shape serves search,
show and export, so every output carries the same columns, quote id first.

Full text: on SQLite an FTS5 index with diacritics folded ("Kyjiw" finds
"Kyjiw" and "Kýjiw", "Selenskyj" finds "Selenskyj's" token); on PostgreSQL a
'simple' tsvector over an accent fold (migration 0002). Every word of TEXT
must occur, each as a prefix ("Verhandlung" finds "Verhandlungen"); words in
double quotes must occur together as a phrase. No stemming, no stop words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from quotes.errors import InputError
from quotes.speakers.lookup import speaker_filter
from quotes.store.models import Article, Speaker, StoredQuote

TYPES = ("direct", "indirect", "mixed")
COLUMNS = ("quote_id", "speaker", "speaker_id", "wikidata_qid", "quote", "type", "cue", "speaker_mention",
           "resolution", "speaker_match", "confidence", "context", "article_id", "title", "outlet", "url",
           "published_at", "start", "end", "extractor_version")

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]*)"')


@dataclass(frozen=True)
class QuoteFilters:
    text: str | None = None
    speaker: str | None = None
    outlet: str | None = None
    since: date | None = None
    until: date | None = None  # inclusive
    type: str | None = None
    min_confidence: float | None = None
    limit: int | None = None

    def __post_init__(self) -> None:
        if self.type is not None and self.type not in TYPES:
            raise InputError(f"type {self.type!r} is not one of {', '.join(TYPES)}")
        if self.since and self.until and self.until < self.since:
            raise InputError(f"--until {self.until} is before --since {self.since}")
        if self.limit is not None and self.limit < 0:
            raise InputError("--limit must be 0 (no limit) or more")


def text_terms(text: str) -> list[list[str]]:
    """Words and "quoted phrases" of a search text, as lists of words."""
    phrases = [_WORD.findall(p) for p in _PHRASE.findall(text)]
    words = [[w] for w in _WORD.findall(_PHRASE.sub(" ", text))]
    terms = [t for t in phrases + words if t]
    if not terms:
        raise InputError(f"search text {text!r} has no words to search for")
    return terms


def fts5_query(terms: list[list[str]]) -> str:
    """An FTS5 MATCH expression; every word is plain letters and digits, so
    nothing in the user's text can act as FTS syntax."""
    return " ".join('"' + " ".join(t) + '"*' for t in terms)


def tsquery(terms: list[list[str]]) -> str:
    """The PostgreSQL to_tsquery text of the same search."""
    return " & ".join("(" + " <-> ".join(f"{w}:*" if i == len(t) - 1 else w for i, w in enumerate(t)) + ")"
                      for t in terms)


def _tables() -> tuple[sa.Table, sa.Table, sa.Table]:
    return StoredQuote.__table__, Article.__table__, Speaker.__table__  # type: ignore[return-value]


def base_query(*, rejected: bool = False) -> sa.Select[Any]:
    """The columns of COLUMNS plus `rejected`; quotes marked "not a quote"
    only with `rejected=True`."""
    q, a, s = _tables()
    query = (
        sa.select(
            q.c.id.label("quote_id"), sa.func.coalesce(s.c.name, q.c.speaker_name).label("speaker"),
            q.c.speaker_id, s.c.wikidata_qid, q.c.text.label("quote"), q.c.type, q.c.cue_text.label("cue"),
            q.c.mention_text.label("speaker_mention"), q.c.resolution, q.c.speaker_match, q.c.confidence,
            q.c.context, q.c.article_id, a.c.title, a.c.outlet, a.c.url, a.c.published_at, q.c.start, q.c.end,
            q.c.extractor_version, q.c.rejected,
        )
        .select_from(q.join(a, a.c.id == q.c.article_id).outerjoin(s, s.c.id == q.c.speaker_id))
    )
    return query if rejected else query.where(q.c.rejected.is_(False))


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min)


def build_query(session: Session, filters: QuoteFilters) -> sa.Select[Any]:
    q, a, _ = _tables()
    query = base_query()
    if filters.speaker:
        found = speaker_filter(session, filters.speaker)
        conditions: list[sa.ColumnElement[bool]] = []
        if found.speaker_ids:
            conditions.append(q.c.speaker_id.in_(sorted(found.speaker_ids)))
        for role in found.roles:
            held = [q.c.speaker_id == role.speaker_id]
            if role.source != "article" and role.start_date:
                held.append(sa.or_(a.c.published_at.is_(None), a.c.published_at >= _day_start(role.start_date)))
            if role.source != "article" and role.end_date:
                held.append(sa.or_(a.c.published_at.is_(None), a.c.published_at < _day_start(role.end_date)))
            conditions.append(sa.and_(*held))
        query = query.where(sa.or_(*conditions))
    if filters.outlet:
        pattern = "%" + filters.outlet.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(sa.func.lower(a.c.outlet).like(pattern, escape="\\"))
    if filters.since:
        query = query.where(a.c.published_at >= _day_start(filters.since))
    if filters.until:
        query = query.where(a.c.published_at < _day_start(filters.until + timedelta(days=1)))
    if filters.type:
        query = query.where(q.c.type == filters.type)
    if filters.min_confidence is not None:
        query = query.where(q.c.confidence >= filters.min_confidence)
    if filters.text:
        query = _full_text(session, query, text_terms(filters.text))
    else:
        query = query.order_by(a.c.published_at.desc().nulls_last(), q.c.id.desc())
    if filters.limit:
        query = query.limit(filters.limit)
    return query


def _full_text(session: Session, query: sa.Select[Any], terms: list[list[str]]) -> sa.Select[Any]:
    q, a, _ = _tables()
    backend = session.get_bind().dialect.name
    if backend == "sqlite":
        fts = sa.text("SELECT rowid, rank FROM quote_fts WHERE quote_fts MATCH :match") \
            .bindparams(match=fts5_query(terms)).columns(rowid=sa.Integer, rank=sa.Float).subquery("fts")
        return query.join(fts, fts.c.rowid == q.c.id).order_by(fts.c.rank, a.c.published_at.desc().nulls_last())
    if backend == "postgresql":
        vector = sa.literal_column("quote.search_vector")
        ts = sa.func.to_tsquery(sa.literal_column("'simple'::regconfig"), sa.func.quotes_fold(tsquery(terms)))
        return query.where(vector.op("@@")(ts)).order_by(sa.func.ts_rank(vector, ts).desc(),
                                                          a.c.published_at.desc().nulls_last())
    raise InputError(f"full-text search needs SQLite or PostgreSQL, not {backend}")


def search(session: Session, filters: QuoteFilters) -> list[dict[str, Any]]:
    """Matching quotes as dicts with the keys of COLUMNS, best first."""
    return [dict(row) for row in session.exec(build_query(session, filters)).mappings()]


def get_row(session: Session, quote_id: int) -> dict[str, Any] | None:
    """One quote in the search/export shape (also when rejected)."""
    q, _, _ = _tables()
    row = session.exec(base_query(rejected=True).where(q.c.id == quote_id)).mappings().first()
    return dict(row) if row else None
