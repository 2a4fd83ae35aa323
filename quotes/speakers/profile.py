"""Read-only views of the registry: the speaker list with quote counts, and
one speaker's profile (aliases with reasons, roles, history, recent quotes)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from quotes.store.models import Article, Speaker, SpeakerAlias, SpeakerEvent, SpeakerRole, StoredQuote

LIST_COLUMNS = ("speaker_id", "name", "kind", "quotes", "aliases", "wikidata_qid", "description", "party")


def list_speakers(session: Session, *, top: int | None = None, kind: str | None = None,
                  with_quotes: bool = False) -> list[dict[str, Any]]:
    """Speakers by number of quotes (most first), then name."""
    counts = (select(StoredQuote.speaker_id, sa.func.count().label("quotes"))
              .where(col(StoredQuote.rejected).is_(False))
              .group_by(StoredQuote.speaker_id).subquery())
    quotes = sa.func.coalesce(counts.c.quotes, 0)
    query = (select(Speaker, quotes.label("quotes")).outerjoin(counts, counts.c.speaker_id == Speaker.id)
             .order_by(quotes.desc(), Speaker.name, Speaker.id))
    if kind:
        query = query.where(Speaker.kind == kind)
    if with_quotes:
        query = query.where(quotes > 0)
    if top:
        query = query.limit(top)
    found = session.exec(query).all()
    ids = [speaker.id for speaker, _ in found]
    aliases: dict[int, list[str]] = {}
    for speaker_id, alias in session.exec(select(SpeakerAlias.speaker_id, SpeakerAlias.alias)
                                          .where(col(SpeakerAlias.speaker_id).in_(ids))
                                          .order_by(SpeakerAlias.id)):
        aliases.setdefault(speaker_id, []).append(alias)
    return [{"speaker_id": s.id, "name": s.name, "kind": s.kind, "quotes": n,
             "aliases": [a for a in aliases.get(s.id or 0, []) if a != s.name], "wikidata_qid": s.wikidata_qid,
             "description": s.description, "party": s.party} for s, n in found]


@dataclass
class Profile:
    speaker: Speaker
    quote_count: int
    aliases: list[SpeakerAlias]
    roles: list[SpeakerRole]
    events: list[SpeakerEvent]
    recent: list[tuple[StoredQuote, Article]]


def profile(session: Session, speaker: Speaker, *, recent: int = 5) -> Profile:
    count = session.exec(select(sa.func.count()).select_from(StoredQuote).where(
        StoredQuote.speaker_id == speaker.id, col(StoredQuote.rejected).is_(False))).one()
    aliases = list(session.exec(select(SpeakerAlias).where(SpeakerAlias.speaker_id == speaker.id)
                                .order_by(SpeakerAlias.id)))
    roles = list(session.exec(select(SpeakerRole).where(SpeakerRole.speaker_id == speaker.id)
                              .order_by(col(SpeakerRole.start_date).nulls_first(), SpeakerRole.id)))
    events = list(session.exec(select(SpeakerEvent).where(
        sa.or_(SpeakerEvent.speaker_id == speaker.id, SpeakerEvent.other_id == speaker.id),
        SpeakerEvent.action != "import").order_by(SpeakerEvent.id)))
    latest = list(session.exec(
        select(StoredQuote, Article).join(Article).where(StoredQuote.speaker_id == speaker.id,
                                                         col(StoredQuote.rejected).is_(False))
        .order_by(col(Article.published_at).desc().nulls_last(), col(StoredQuote.id).desc()).limit(recent)))
    return Profile(speaker, count, aliases, roles, events, [(q, a) for q, a in latest])
