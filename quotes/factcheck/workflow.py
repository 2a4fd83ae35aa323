"""The fact-check workflow: create, attach and detach quotes, change fields
and status, list, show and the audit history.

Status moves along TRANSITIONS: open → in review → published, or rejected;
a published check goes back to review to be corrected, a rejected one can be
reopened. Publishing needs a rating, a reviewer and the URL of the published
fact-check; while published, claim and rating are locked. Every change
is one FactCheckEvent row (who, when, which field, old → new value), written
in the caller's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlparse

import sqlalchemy as sa
from sqlmodel import Session, col, select

from quotes.errors import InputError, NotFoundError, WorkflowError
from quotes.factcheck.ratings import RatingScale, rating_scale
from quotes.speakers.lookup import speaker_filter
from quotes.speakers.manage import current_user
from quotes.store.corrections import get_quote
from quotes.store.models import (
    Article,
    FactCheck,
    FactCheckEvent,
    FactCheckQuote,
    Speaker,
    StoredQuote,
    utcnow,
)
from quotes.store.normal import normal_form

OPEN, IN_REVIEW, PUBLISHED, REJECTED = "open", "in review", "published", "rejected"
STATUSES = (OPEN, IN_REVIEW, PUBLISHED, REJECTED)
TRANSITIONS: dict[str, tuple[str, ...]] = {
    OPEN: (IN_REVIEW, REJECTED),
    IN_REVIEW: (PUBLISHED, OPEN, REJECTED),
    PUBLISHED: (IN_REVIEW,),
    REJECTED: (OPEN,),
}
PUBLISH_NEEDS = {"rating": "--rating", "reviewer": "--reviewer", "url": "--url"}
LOCKED_WHILE_PUBLISHED = ("claim", "rating")
LIST_COLUMNS = ("fact_check_id", "status", "rating", "claim", "quotes", "speakers", "reviewer", "updated_at",
                "published_at", "url")


@dataclass(frozen=True)
class Changes:
    """What `set` changes; None leaves a field as it is, "" clears it.
    `note` is appended to the notes, with date and author."""

    claim: str | None = None
    rating: str | None = None
    status: str | None = None
    reviewer: str | None = None
    url: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Appearance:
    """One attached quote, with its speaker and article."""

    quote: StoredQuote
    article: Article
    speaker: Speaker | None
    attached_by: str
    attached_at: datetime

    @property
    def speaker_name(self) -> str | None:
        return self.speaker.name if self.speaker else self.quote.speaker_name


def parse_status(text: str) -> str:
    """A status by name, forgiving case and 'in-review' / 'in_review'."""
    key = normal_form(text)
    for status in STATUSES:
        if normal_form(status) == key:
            return status
    raise InputError(f"status {text!r} is not one of {', '.join(STATUSES)}")


def get_fact_check(session: Session, fact_check_id: int) -> FactCheck:
    found = session.get(FactCheck, fact_check_id)
    if found is None:
        raise NotFoundError(f"no fact-check with id {fact_check_id}")
    return found


def _event(session: Session, check: FactCheck, action: str, field: str | None, old: str | None, new: str | None,
           author: str) -> FactCheckEvent:
    event = FactCheckEvent(fact_check_id=check.id or 0, action=action, field=field, old_value=old, new_value=new,
                           author=author)
    session.add(event)
    return event


def _claim(text: str) -> str:
    claim = " ".join(text.split())
    if not claim:
        raise InputError("the claim is empty: say what is being checked")
    return claim


def create(session: Session, claim: str, *, quote_ids: Sequence[int] = (), author: str | None = None) -> FactCheck:
    """A new open fact-check, with the given quotes attached."""
    who = author or current_user()
    check = FactCheck(claim=_claim(claim), created_by=who)
    session.add(check)
    session.flush()
    _event(session, check, "created", "claim", None, check.claim, who)
    for quote_id in dict.fromkeys(quote_ids):
        attach(session, check, quote_id, author=who)
    session.flush()
    return check


def attach(session: Session, check: FactCheck, quote_id: int, *, author: str | None = None) -> FactCheckQuote:
    """Link a stored quote to the fact-check (allowed at any status: a claim
    keeps appearing after the verdict is out)."""
    quote = get_quote(session, quote_id)
    if session.get(FactCheckQuote, (check.id, quote.id)) is not None:
        raise InputError(f"quote {quote_id} is already attached to fact-check {check.id}")
    who = author or current_user()
    link = FactCheckQuote(fact_check_id=check.id or 0, quote_id=quote.id or 0, attached_by=who)
    session.add(link)
    _touch(check)
    _event(session, check, "attached", "quote", None, str(quote_id), who)
    session.flush()
    return link


def detach(session: Session, check: FactCheck, quote_id: int, *, author: str | None = None) -> None:
    link = session.get(FactCheckQuote, (check.id, quote_id))
    if link is None:
        raise InputError(f"quote {quote_id} is not attached to fact-check {check.id}")
    session.delete(link)
    _touch(check)
    _event(session, check, "detached", "quote", str(quote_id), None, author or current_user())
    session.flush()


def _touch(check: FactCheck) -> None:
    check.updated_at = utcnow()


def _url(value: str) -> str:
    parts = urlparse(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise InputError(f"--url {value!r} is not an http(s) address")
    return value


def _new_values(check: FactCheck, changes: Changes, scale: RatingScale) -> dict[str, str | None]:
    """The fields that change, with their checked new values."""
    wanted: dict[str, str | None] = {}
    if changes.claim is not None:
        wanted["claim"] = _claim(changes.claim)
    if changes.rating is not None:
        wanted["rating"] = scale.find(changes.rating).label if changes.rating.strip() else None
    if changes.reviewer is not None:
        wanted["reviewer"] = " ".join(changes.reviewer.split()) or None
    if changes.url is not None:
        wanted["url"] = _url(changes.url.strip()) if changes.url.strip() else None
    if changes.status is not None:
        wanted["status"] = parse_status(changes.status)
    return {name: value for name, value in wanted.items() if getattr(check, name) != value}


def _check_transition(check: FactCheck, new: dict[str, str | None]) -> None:
    old_status, status = check.status, new.get("status", check.status)
    if status != old_status and status not in TRANSITIONS[old_status]:
        allowed = " or ".join(repr(s) for s in TRANSITIONS[old_status])
        raise WorkflowError(f"fact-check {check.id} cannot go from {old_status!r} to {status!r} "
                            f"(from {old_status!r} it can go to {allowed})")
    if status == PUBLISHED and old_status == PUBLISHED:
        locked = [name for name in LOCKED_WHILE_PUBLISHED if name in new]
        if locked:
            raise WorkflowError(f"fact-check {check.id} is published: its {' and '.join(locked)} cannot change "
                                f"(set --status 'in review' first, then publish again)")
    if status == PUBLISHED:
        missing = [option for name, option in PUBLISH_NEEDS.items() if not new.get(name, getattr(check, name))]
        if missing:
            raise WorkflowError(f"fact-check {check.id} cannot be published without "
                                f"{', '.join(m.removeprefix('--') for m in missing)} (give {' '.join(missing)})")


def update(session: Session, check: FactCheck, changes: Changes, scale: RatingScale, *,
           author: str | None = None) -> list[FactCheckEvent]:
    """Apply `changes` if the workflow allows them all; one audit event per
    changed field (status last). Nothing to change is an InputError."""
    new = _new_values(check, changes, scale)
    note = " ".join((changes.note or "").split())
    if not new and not note:
        raise InputError(f"nothing to change on fact-check {check.id} (its values are already those)")
    _check_transition(check, new)
    who = author or current_user()
    now = utcnow()
    events = []
    for name in sorted(new, key=lambda n: n == "status"):
        old = getattr(check, name)
        setattr(check, name, new[name])
        events.append(_event(session, check, "changed", name, old, new[name], who))
    if note:
        line = f"{now:%Y-%m-%d %H:%M} {who}: {note}"
        check.notes = f"{check.notes}\n{line}" if check.notes else line
        events.append(_event(session, check, "changed", "note", None, note, who))
    if new.get("status") == PUBLISHED and check.published_at is None:
        check.published_at = now
    check.updated_at = now
    session.add(check)
    session.flush()
    return events


def appearances(session: Session, check: FactCheck) -> list[Appearance]:
    """The attached quotes, earliest article first."""
    rows = session.exec(
        select(FactCheckQuote, StoredQuote, Article, Speaker)
        .join(StoredQuote, col(StoredQuote.id) == FactCheckQuote.quote_id)
        .join(Article, col(Article.id) == StoredQuote.article_id)
        .outerjoin(Speaker, col(Speaker.id) == StoredQuote.speaker_id)
        .where(FactCheckQuote.fact_check_id == check.id)
        .order_by(col(Article.published_at).asc().nulls_last(), col(StoredQuote.id))).all()
    return [Appearance(quote, article, speaker, link.attached_by, link.attached_at)
            for link, quote, article, speaker in rows]


def history(session: Session, check: FactCheck) -> list[FactCheckEvent]:
    return list(session.exec(select(FactCheckEvent).where(FactCheckEvent.fact_check_id == check.id)
                             .order_by(col(FactCheckEvent.id))))


def list_fact_checks(session: Session, *, status: str | None = None, speaker: str | None = None,
                     rating: str | None = None, scale: RatingScale | None = None) -> list[dict[str, Any]]:
    """Fact-checks with the columns of LIST_COLUMNS, most recently changed first.
    `speaker` matches the speakers of the attached quotes (as in search)."""
    query = select(FactCheck).order_by(col(FactCheck.updated_at).desc(), col(FactCheck.id).desc())
    if status is not None:
        query = query.where(FactCheck.status == parse_status(status))
    if rating is not None:
        query = query.where(FactCheck.rating == (scale or rating_scale()).find(rating).label)
    if speaker is not None:
        found = speaker_filter(session, speaker)
        ids = found.speaker_ids | {role.speaker_id for role in found.roles}
        linked = (select(FactCheckQuote.fact_check_id).join(StoredQuote, col(StoredQuote.id) == FactCheckQuote.quote_id)
                  .where(col(StoredQuote.speaker_id).in_(sorted(ids))))
        query = query.where(col(FactCheck.id).in_(linked))
    checks = list(session.exec(query))
    speakers: dict[int, list[str]] = {}
    counts: dict[int, int] = {}
    names = sa.func.coalesce(Speaker.name, StoredQuote.speaker_name)
    for check_id, name in session.exec(
            select(FactCheckQuote.fact_check_id, names)
            .join(StoredQuote, col(StoredQuote.id) == FactCheckQuote.quote_id)
            .outerjoin(Speaker, col(Speaker.id) == StoredQuote.speaker_id)
            .where(col(FactCheckQuote.fact_check_id).in_([c.id for c in checks]))
            .order_by(col(FactCheckQuote.attached_at))):
        counts[check_id] = counts.get(check_id, 0) + 1
        if name and name not in speakers.setdefault(check_id, []):
            speakers[check_id].append(name)
    return [{"fact_check_id": c.id, "status": c.status, "rating": c.rating, "claim": c.claim,
             "quotes": counts.get(c.id or 0, 0), "speakers": speakers.get(c.id or 0, []), "reviewer": c.reviewer,
             "updated_at": c.updated_at, "published_at": c.published_at, "url": c.url} for c in checks]
