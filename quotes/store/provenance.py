"""Where a quotation appeared: every occurrence of the same or nearly the same
words (trace), the same words attributed to different speakers (conflicts),
and search results grouped by quotation (grouped_search).

Occurrences group by the canonical form stored with each quote
(quotes.store.normal). `trace` also finds near-duplicates and partial quotes
without reading the whole table: candidates are the quotes sharing the exact
canonical form (by its index) or any three consecutive words with the traced
quote (phrase queries on the full-text index of migration 0002: a partial
quote of three words or more, or a copy with small edits, shares at least
one), and only those are compared word by word."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from functools import reduce
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from quotes.errors import InputError
from quotes.store.corrections import get_quote
from quotes.store.models import StoredQuote
from quotes.store.normal import MIN_PARTIAL_WORDS, compare, normal_form, normal_key, words
from quotes.store.search import COLUMNS, QuoteFilters, base_query, build_query

TRACE_COLUMNS = ("quote_id", "earliest", "relation", "score", "published_at", "outlet", "speaker", "speaker_id",
                 "speaker_mention", "quote", "title", "url", "article_id")
CONFLICT_COLUMNS = ("conflict", "quote_id", "published_at", "outlet", "speaker", "speaker_id", "speaker_mention",
                    "quote", "title", "url", "article_id")
GROUPED_COLUMNS = (*COLUMNS, "occurrences", "speakers", "last_published_at")
PHRASE = 3  # words per candidate phrase
MAX_PHRASES = 64  # a longer quote uses evenly spaced phrases
MAX_CANDIDATES = 5000

_RAW_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _table() -> sa.Table:
    return StoredQuote.__table__  # type: ignore[return-value]


def phrases(text: str) -> list[tuple[list[str], str]]:
    """Runs of PHRASE consecutive words of a text, as (words, the text span
    they cover); at most MAX_PHRASES, evenly spaced."""
    found = list(_RAW_WORD.finditer(text))
    starts = range(len(found) - PHRASE + 1)
    step = max(1, -(-len(starts) // MAX_PHRASES))
    return [([m.group() for m in found[i:i + PHRASE]], text[found[i].start():found[i + PHRASE - 1].end()])
            for i in starts[::step]]


def _phrase_condition(session: Session, text: str) -> sa.ColumnElement[bool] | None:
    """Quotes holding any phrase of `text`, through the full-text index."""
    runs = phrases(text)
    if not runs:
        return None
    q = _table()
    backend = session.get_bind().dialect.name
    if backend == "sqlite":
        match = " OR ".join('"' + " ".join(run) + '"' for run, _ in runs)
        hits = sa.text("SELECT rowid FROM quote_fts WHERE quote_fts MATCH :match").bindparams(match=match)
        return q.c.id.in_(hits.columns(rowid=sa.Integer))
    if backend == "postgresql":
        simple = sa.literal_column("'simple'::regconfig")
        queries = [sa.func.phraseto_tsquery(simple, sa.func.quotes_fold(span)) for _, span in runs]
        return sa.literal_column("quote.search_vector").op("@@")(reduce(lambda a, b: a.op("||")(b), queries))
    raise InputError(f"trace needs SQLite or PostgreSQL, not {backend}")


def _candidates(session: Session, quote: StoredQuote) -> dict[int, str]:
    """Ids and canonical forms of quotes that may hold the same words."""
    q = _table()
    conditions = [q.c.normal_key == normal_key(normal_form(quote.text))]
    phrase = _phrase_condition(session, quote.text)
    if phrase is not None:
        conditions.append(phrase)
    found: dict[int, str] = {}
    for condition in conditions:
        rows = session.exec(sa.select(q.c.id, q.c.normal).where(condition, q.c.rejected.is_(False))
                            .limit(MAX_CANDIDATES))
        found.update({row.id: row.normal for row in rows})
    return found


def _rows(session: Session, ids: list[int]) -> list[dict[str, Any]]:
    q = _table()
    return [dict(row) for row in session.exec(base_query(rejected=True).where(q.c.id.in_(ids))).mappings()]


def _in_date_order(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Date order (undated last), the earliest date marked; articles of one
    day with no time are all marked, since which came first is unknown."""
    rows.sort(key=lambda r: (r["published_at"] is None, r["published_at"] or datetime.min, r["quote_id"]))
    first = rows[0]["published_at"] if rows else None
    for row in rows:
        row["earliest"] = first is not None and row["published_at"] == first
    return rows


def trace(session: Session, quote_id: int) -> list[dict[str, Any]]:
    """Every stored occurrence of the quote's words, itself included
    (relation `traced`), with the keys of TRACE_COLUMNS, in date order."""
    quote = get_quote(session, quote_id)
    traced = words(quote.text)
    likeness: dict[int, tuple[str, float]] = {quote_id: ("traced", 1.0)}
    for candidate, normal in _candidates(session, quote).items():
        if candidate != quote_id and (found := compare(traced, normal.split())) is not None:
            likeness[candidate] = (found.relation, found.score)
    rows = _rows(session, list(likeness))
    for row in rows:
        row["relation"], row["score"] = likeness[row["quote_id"]]
    return _in_date_order(rows)


@dataclass(frozen=True)
class Conflict:
    """One quotation attributed to more than one speaker."""

    key: str
    occurrences: list[dict[str, Any]]  # rows with the keys of CONFLICT_COLUMNS, in date order

    @property
    def quote(self) -> str:
        return self.occurrences[0]["quote"]

    @property
    def speakers(self) -> dict[str, int]:
        """Each speaker the words are attributed to, with how many articles do so."""
        counts: dict[str, int] = {}
        for row in self.occurrences:
            name = row["speaker"] or "(unknown)"
            counts[name] = counts.get(name, 0) + 1
        return counts


def _word_count(column: sa.ColumnElement[str]) -> sa.ColumnElement[int]:
    return sa.func.length(column) - sa.func.length(sa.func.replace(column, " ", "")) + 1


def conflicts(session: Session, *, since: date | None = None, min_words: int = MIN_PARTIAL_WORDS) -> list[Conflict]:
    """Quotations (same canonical words) attributed to different speakers in
    different articles; with `since`, those with an occurrence on or after
    that day. Latest occurrence first."""
    if min_words < 1:
        raise InputError("--min-words must be 1 or more")
    q = _table()
    query = base_query().add_columns(q.c.normal_key)
    inner = query.where(q.c.normal != "", _word_count(q.c.normal) >= min_words).subquery()
    grouped = (sa.select(inner.c.normal_key)
               .group_by(inner.c.normal_key)
               .having(sa.func.count(sa.distinct(inner.c.speaker_id)) > 1,
                       sa.func.count(sa.distinct(inner.c.article_id)) > 1))
    if since is not None:
        grouped = grouped.having(sa.func.max(inner.c.published_at) >= datetime.combine(since, time.min))
    rows = [dict(row) for row in session.exec(query.where(q.c.normal_key.in_(grouped))).mappings()]
    by_key: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        row["conflict"] = row["normal_key"]
        by_key.setdefault(row["normal_key"], []).append(row)
    found = [Conflict(key, _in_date_order(group)) for key, group in by_key.items()]
    return sorted(found, key=lambda c: max(r["published_at"] or datetime.min for r in c.occurrences),
                  reverse=True)


def grouped_search(session: Session, filters: QuoteFilters) -> list[dict[str, Any]]:
    """Search results as one row per quotation: its first appearance (the
    columns of COLUMNS) with `occurrences`, `speakers` (distinct speakers it
    is attributed to) and `last_published_at`, counted over the whole
    archive. Most repeated first, then most recent."""
    q = _table()
    matches = build_query(session, replace(filters, limit=None)).subquery()
    keys = sa.select(q.c.normal_key).where(q.c.id.in_(sa.select(matches.c.quote_id)))
    every = base_query().add_columns(q.c.normal_key).where(q.c.normal_key.in_(keys)).subquery()
    ranked = sa.select(every, sa.func.row_number().over(
        partition_by=every.c.normal_key,
        order_by=(every.c.published_at.asc().nulls_last(), every.c.quote_id)).label("rank")).subquery()
    stats = (sa.select(every.c.normal_key, sa.func.count().label("occurrences"),
                       sa.func.count(sa.distinct(every.c.speaker_id)).label("speakers"),
                       sa.func.max(every.c.published_at).label("last_published_at"))
             .group_by(every.c.normal_key).subquery())
    query = (sa.select(*(ranked.c[name] for name in COLUMNS), stats.c.occurrences, stats.c.speakers,
                       stats.c.last_published_at)
             .join_from(ranked, stats, stats.c.normal_key == ranked.c.normal_key)
             .where(ranked.c.rank == 1)
             .order_by(stats.c.occurrences.desc(), stats.c.last_published_at.desc().nulls_last(),
                       ranked.c.quote_id.desc()))
    if filters.limit:
        query = query.limit(filters.limit)
    return [dict(row) for row in session.exec(query).mappings()]
