"""The database tables (SQLModel; no `from __future__ import annotations`,
which SQLModel relationships do not support). Schema changes go through an Alembic
revision in quotes/store/migrations/versions; a test compares the two.

Timestamps are naive UTC; `Article.published_at` is the article's own wall
clock time as given (its timezone dropped), so its date is the date printed
on the article."""

from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import JSON, Column, Field, Relationship, SQLModel

metadata = SQLModel.metadata


def utcnow() -> datetime:
    """Naive UTC: explicit sa.DateTime columns keep one convention on every
    backend and SQLModel version."""
    return datetime.now(UTC).replace(tzinfo=None)


class Article(SQLModel, table=True):
    """One source text; `content_hash` makes ingest idempotent."""

    id: int | None = Field(default=None, primary_key=True)
    title: str | None = None
    url: str | None = Field(default=None, index=True)
    outlet: str | None = Field(default=None, index=True)
    published_at: datetime | None = Field(default=None, sa_column=Column(sa.DateTime, index=True))
    language: str = "de"
    text: str = Field(sa_column=Column(sa.Text, nullable=False))
    content_hash: str = Field(max_length=64, unique=True)
    source: str | None = None  # file path, "stdin" or "feed.jsonl:12"
    meta: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    extractor_version: str | None = None
    ingested_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime, nullable=False)
    processed_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime, nullable=False)

    quotes: list["StoredQuote"] = Relationship(back_populates="article", cascade_delete=True)


class Speaker(SQLModel, table=True):
    """One real person, organisation or (unresolved) role across all articles."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    kind: str = "person"  # person, organisation, role
    description: str | None = None
    party: str | None = None
    wikidata_qid: str | None = Field(default=None, unique=True)
    source: str = "article"  # article, registry, starter, manual
    created_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime, nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime, nullable=False)

    aliases: list["SpeakerAlias"] = Relationship(back_populates="speaker", cascade_delete=True)
    roles: list["SpeakerRole"] = Relationship(back_populates="speaker", cascade_delete=True)


class SpeakerAlias(SQLModel, table=True):
    """A name a speaker goes by, with its folded key, transliteration
    skeleton and surname skeleton for lookup, and why it was attached."""

    __tablename__ = "speaker_alias"
    __table_args__ = (sa.UniqueConstraint("speaker_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    speaker_id: int = Field(foreign_key="speaker.id", ondelete="CASCADE", index=True)
    alias: str
    key: str = Field(index=True)
    skeleton: str = Field(index=True)
    surname: str = Field(index=True)  # skeleton of the surname
    source: str = "article"
    reason: str | None = None
    created_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime, nullable=False)

    speaker: Speaker = Relationship(back_populates="aliases")


class SpeakerRole(SQLModel, table=True):
    """A role held from start to end (Popolo membership, simplified). Curated
    roles carry dates; roles learnt from appositions carry their evidence and
    the dates of the first and last article that showed them."""

    __tablename__ = "speaker_role"

    id: int | None = Field(default=None, primary_key=True)
    speaker_id: int = Field(foreign_key="speaker.id", ondelete="CASCADE", index=True)
    label: str
    key: str = Field(index=True)
    organisation: str | None = None
    start_date: date | None = None
    end_date: date | None = None  # exclusive: the day the next holder starts
    source: str = "article"
    evidence: str | None = None
    article_id: int | None = Field(default=None, foreign_key="article.id", ondelete="SET NULL")
    first_seen: date | None = None
    last_seen: date | None = None
    seen_count: int = 0
    created_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime, nullable=False)

    speaker: Speaker = Relationship(back_populates="roles")


class StoredQuote(SQLModel, table=True):
    """One quote of an article. `resolution` says how the extractor found the
    speaker in the article (name, role, pronoun, previous, description, none)
    or `manual`; `speaker_match` how the name was matched to a Speaker."""

    __tablename__ = "quote"

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", ondelete="CASCADE", index=True)
    speaker_id: int | None = Field(default=None, foreign_key="speaker.id", ondelete="SET NULL", index=True)
    type: str
    text: str = Field(sa_column=Column(sa.Text, nullable=False))
    start: int
    end: int
    speaker_name: str | None = None  # the name as the extractor resolved it in the article
    speaker_kind: str | None = None
    mention_text: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    cue_text: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    sentence: str = Field(default="", sa_column=Column(sa.Text, nullable=False))
    context: str = Field(default="", sa_column=Column(sa.Text, nullable=False))
    confidence: float = 0.0
    resolution: str = "none"
    speaker_match: str | None = None
    rejected: bool = False  # marked "not a quote" by a person
    extractor_version: str | None = None
    created_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime, nullable=False)
    # The canonical form of `text` and its grouping key (quotes.store.normal), set when the quote is saved.
    normal: str = Field(default="", sa_column=Column(sa.Text, nullable=False, server_default=""))
    normal_key: str = Field(default="", sa_column=Column(sa.String(20), nullable=False, server_default="",
                                                         index=True))

    article: Article = Relationship(back_populates="quotes")


class Correction(SQLModel, table=True):
    """A person's correction of one quote; re-processing keeps corrected quotes."""

    id: int | None = Field(default=None, primary_key=True)
    quote_id: int = Field(foreign_key="quote.id", ondelete="CASCADE", index=True)
    action: str  # speaker, not_a_quote, is_a_quote
    old_value: str | None = None
    new_value: str | None = None
    speaker_id: int | None = Field(default=None, foreign_key="speaker.id", ondelete="SET NULL")
    author: str
    note: str | None = None
    created_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime, nullable=False)


class SpeakerEvent(SQLModel, table=True):
    """The history of the speaker registry: merges (with what moved, so they
    can be undone), renames, splits, aliases, roles and imports, with reasons."""

    __tablename__ = "speaker_event"

    id: int | None = Field(default=None, primary_key=True)
    action: str
    speaker_id: int | None = Field(default=None, foreign_key="speaker.id", ondelete="SET NULL", index=True)
    other_id: int | None = None
    summary: str
    reason: str | None = None
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    author: str | None = None
    created_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime, nullable=False)


class FactCheck(SQLModel, table=True):
    """A fact-checker's verdict on a claim, linked to the quotes that make it.
    `status` moves open → in review → published (or rejected) as
    quotes.factcheck.workflow allows; every change is a FactCheckEvent."""

    __tablename__ = "fact_check"

    id: int | None = Field(default=None, primary_key=True)
    claim: str = Field(sa_column=Column(sa.Text, nullable=False))
    rating: str | None = Field(default=None, index=True)  # a label of the rating scale
    status: str = Field(default="open", index=True)
    reviewer: str | None = None
    notes: str | None = Field(default=None, sa_column=Column(sa.Text))
    url: str | None = None  # the published fact-check article
    created_by: str
    created_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime, nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime, nullable=False)
    published_at: datetime | None = Field(default=None, sa_type=sa.DateTime)  # first publication

    links: list["FactCheckQuote"] = Relationship(back_populates="fact_check", cascade_delete=True)
    events: list["FactCheckEvent"] = Relationship(back_populates="fact_check", cascade_delete=True)


class FactCheckQuote(SQLModel, table=True):
    """A quote attached to a fact-check (many-to-many), with who attached it when."""

    __tablename__ = "fact_check_quote"

    fact_check_id: int = Field(foreign_key="fact_check.id", ondelete="CASCADE", primary_key=True)
    quote_id: int = Field(foreign_key="quote.id", ondelete="CASCADE", primary_key=True, index=True)
    attached_by: str
    attached_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime, nullable=False)

    fact_check: FactCheck = Relationship(back_populates="links")
    quote: StoredQuote = Relationship()


class FactCheckEvent(SQLModel, table=True):
    """The audit trail of a fact-check: one row per change of one field (or
    per quote attached or detached), with who, when, the old and new value."""

    __tablename__ = "fact_check_event"

    id: int | None = Field(default=None, primary_key=True)
    fact_check_id: int = Field(foreign_key="fact_check.id", ondelete="CASCADE", index=True)
    action: str  # created, changed, attached, detached
    field: str | None = None
    old_value: str | None = Field(default=None, sa_column=Column(sa.Text))
    new_value: str | None = Field(default=None, sa_column=Column(sa.Text))
    author: str
    created_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime, nullable=False)

    fact_check: FactCheck = Relationship(back_populates="events")
