"""Finding speakers by name, alias, transliteration, surname or role.

Two front doors: `find_speaker` for commands that act on one speaker (strict:
ambiguity is an error naming the candidates) and `speaker_filter` for search
(forgiving: every speaker the words could mean, plus role holders)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, col, select

from quotes.errors import NotFoundError
from quotes.speakers.names import (
    fold,
    given_names_compatible,
    role_key,
    skeleton,
    split_mention,
    split_name,
    strip_genitive,
)
from quotes.store.models import Speaker, SpeakerAlias, SpeakerRole, utcnow


def alias_keys(alias: str, kind: str) -> dict[str, str]:
    """The lookup columns of an alias: folded key, skeleton, surname skeleton
    (empty for organisations and roles, which have no surname)."""
    key = fold(alias)
    surname = skeleton(split_name(alias).surname) if kind == "person" else ""
    return {"key": key, "skeleton": skeleton(key), "surname": surname}


def add_alias(session: Session, speaker: Speaker, alias: str, *, source: str,
              reason: str | None = None) -> SpeakerAlias | None:
    """Attach an alias unless the speaker already has one with that key."""
    keys = alias_keys(alias, speaker.kind)
    if not keys["key"]:
        return None
    existing = session.exec(select(SpeakerAlias).where(
        SpeakerAlias.speaker_id == speaker.id, SpeakerAlias.key == keys["key"])).first()
    if existing is not None:
        return None
    row = SpeakerAlias(speaker_id=speaker.id, alias=alias, source=source, reason=reason, **keys)
    session.add(row)
    session.flush()
    return row


def create_speaker(session: Session, name: str, *, kind: str = "person", source: str = "article",
                   reason: str | None = None, **fields: object) -> Speaker:
    """A new speaker with its own name as first alias."""
    speaker = Speaker(name=name, kind=kind, source=source, **fields)
    session.add(speaker)
    session.flush()
    add_alias(session, speaker, name, source=source, reason=reason)
    return speaker


def _speakers_where(session: Session, condition: sa.ColumnElement[bool]) -> list[Speaker]:
    ids = select(SpeakerAlias.speaker_id).where(condition).distinct()
    return list(session.exec(select(Speaker).where(col(Speaker.id).in_(ids)).order_by(Speaker.id)))


def by_key(session: Session, key: str) -> list[Speaker]:
    return _speakers_where(session, SpeakerAlias.key == key) if key else []


def by_skeleton(session: Session, key: str) -> list[Speaker]:
    return _speakers_where(session, SpeakerAlias.skeleton == skeleton(key)) if key else []


def by_surname(session: Session, surname: str) -> list[Speaker]:
    """Persons with this surname (folded key), any spelling of it."""
    return _speakers_where(session, SpeakerAlias.surname == skeleton(surname)) if surname else []


def roles_by_key(session: Session, label: str) -> list[SpeakerRole]:
    key = role_key(label)
    if not key:
        return []
    return list(session.exec(select(SpeakerRole).where(SpeakerRole.key == key).order_by(SpeakerRole.id)))


def holds_on(role: SpeakerRole, on: date) -> bool:
    """Curated roles by their dates (end exclusive); learnt roles within a
    year of the articles that showed them."""
    if role.source == "article":
        first, last = role.first_seen, role.last_seen
        return first is None or last is None or (
            (first.toordinal() - 365) <= on.toordinal() <= (last.toordinal() + 365))
    return (role.start_date is None or role.start_date <= on) and (role.end_date is None or on < role.end_date)


def role_holders(session: Session, label: str, on: date | None) -> list[Speaker]:
    """Who held the role on that date: a curated role with dates wins over
    roles learnt from articles; several holders mean no answer."""
    on = on or utcnow().date()
    roles = [r for r in roles_by_key(session, label) if holds_on(r, on)]
    curated = {r.speaker_id for r in roles if r.source != "article"}
    chosen = curated or {r.speaker_id for r in roles}
    return [session.get_one(Speaker, speaker_id) for speaker_id in sorted(chosen)]


def name_matches(session: Session, text: str) -> tuple[list[Speaker], str]:
    """Speakers a name could mean, tried from strict to loose; the second
    value says which rule matched (alias, inflection, transliteration,
    surname, first-name) or is '' for none."""
    mention = split_mention(text)
    key = fold(mention.name)
    found = by_key(session, key)
    if found:
        return found, "alias"
    stripped = strip_genitive(key)
    if stripped and (found := by_key(session, stripped)):
        return found, "inflection"
    for candidate in filter(None, (key, stripped)):
        inflected = candidate == stripped
        if found := by_skeleton(session, candidate):
            return found, "inflection" if inflected else "transliteration"
        parts = split_name(candidate)
        persons = [s for s in by_surname(session, parts.surname) if s.kind == "person"]
        if parts.given:
            persons = [s for s in persons if split_name(s.name).given
                       and given_names_compatible(parts.given, split_name(s.name).given)]
        if persons:
            return persons, "inflection" if inflected else ("first-name" if parts.given else "surname")
    return [], ""


def suggestions(session: Session, text: str, limit: int = 3) -> list[str]:
    """Known names that look like `text`, for error messages."""
    rows = session.exec(select(SpeakerAlias.key, Speaker.name).join(Speaker)).all()
    names = {key: name for key, name in rows}
    close = difflib.get_close_matches(fold(text), list(names), n=limit * 3, cutoff=0.6)
    return list(dict.fromkeys(names[key] for key in close))[:limit]


def _not_found(session: Session, text: str) -> NotFoundError:
    close = suggestions(session, text)
    hint = f"; did you mean {', '.join(close)}?" if close else " (see `quotes speakers list`)"
    return NotFoundError(f"no speaker matches {text!r}{hint}")


def find_speaker(session: Session, name_or_id: str) -> Speaker:
    """Exactly one speaker by numeric id, name or alias, or NotFoundError."""
    text = name_or_id.strip().removeprefix("#")
    if text.isdigit():
        speaker = session.get(Speaker, int(text))
        if speaker is None:
            raise NotFoundError(f"no speaker with id {text}")
        return speaker
    found, _ = name_matches(session, text)
    exact = [s for s in found if fold(s.name) == fold(text)]
    if len(exact) == 1:
        return exact[0]
    if len(found) == 1:
        return found[0]
    if not found:
        raise _not_found(session, text)
    listed = ", ".join(f"{s.name} (#{s.id})" for s in found[:6])
    raise NotFoundError(f"{text!r} matches several speakers: {listed}; give the full name or the id")


@dataclass
class SpeakerFilter:
    """What `--speaker` means: quotes by these speakers at any time, plus
    quotes by a role's holder while the role was held."""

    speaker_ids: set[int] = field(default_factory=set)
    roles: list[SpeakerRole] = field(default_factory=list)


def speaker_filter(session: Session, text: str) -> SpeakerFilter:
    """Forgiving speaker lookup for search; NotFoundError when nothing fits."""
    found, _ = name_matches(session, text)
    result = SpeakerFilter({s.id for s in found if s.id is not None}, roles_by_key(session, text))
    if not result.speaker_ids and not result.roles:
        raise _not_found(session, text)
    return result
