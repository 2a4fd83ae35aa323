"""Matching the speaker of an extracted quote to one canonical Speaker across
all articles, creating speakers and learning aliases and roles as it goes.

The extractor has already resolved the speaker within the article ("er" →
"Dmitri Peskow"); here the name meets the database: exact alias, inflected
form, transliteration, surname plus compatible first names, or a role held on
the article's date. Every non-obvious decision is recorded as the reason of
the alias it adds, so `quotes speakers show` says why two names are one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from quotes.document import Quote
from quotes.speakers.lookup import (
    add_alias,
    by_key,
    by_skeleton,
    by_surname,
    create_speaker,
    holds_on,
    name_matches,
    role_holders,
)
from quotes.speakers.names import fold, role_key, split_mention, split_name
from quotes.store.models import Speaker, SpeakerRole, utcnow


@dataclass(frozen=True)
class Match:
    """The canonical speaker of a quote and how it was found: alias,
    inflection, transliteration, surname, first-name, role-date, new,
    ambiguous (several candidates, none chosen) or none (no speaker)."""

    speaker: Speaker | None
    how: str
    reason: str | None = None


def learn_role(session: Session, speaker: Speaker, label: str, *, evidence: str, article_id: int | None,
               on: date | None) -> None:
    """Record a role shown by an apposition ("Kremlsprecher Dmitri Peskow"),
    or extend the dates and count of one already learnt."""
    key = role_key(label)
    if not key or any(c.isdigit() for c in label):
        return
    role = session.exec(select(SpeakerRole).where(
        SpeakerRole.speaker_id == speaker.id, SpeakerRole.key == key, SpeakerRole.source == "article")).first()
    if role is None:
        role = SpeakerRole(speaker_id=speaker.id, label=label, key=key, source="article", evidence=evidence,
                           article_id=article_id, first_seen=on, last_seen=on)
    elif on is not None:
        role.first_seen = min(filter(None, (role.first_seen, on)))
        role.last_seen = max(filter(None, (role.last_seen, on)))
    role.seen_count += 1
    session.add(role)


class SpeakerResolver:
    """Resolves the quotes of one article, dated `on` (publication date)."""

    def __init__(self, session: Session, *, article_id: int | None = None, on: date | None = None) -> None:
        self.session = session
        self.article_id = article_id
        self.on = on or utcnow().date()

    def match(self, quote: Quote) -> Match:
        if not quote.speaker or not quote.speaker.strip():
            return Match(None, "none")
        name = " ".join(quote.speaker.split())
        kind = quote.speaker_kind or "person"
        if kind == "role":
            return self._role(name)
        if kind == "organisation":
            return self._organisation(name)
        match = self._person(name)
        if match.speaker is not None:
            self._learn(match.speaker, quote)
        return match

    def _role(self, label: str) -> Match:
        holders = role_holders(self.session, label, self.on)
        if len(holders) == 1:
            return Match(holders[0], "role-date", f"{label} on {self.on.isoformat()}")
        if holders:
            return Match(None, "ambiguous", f"{label} on {self.on.isoformat()}: "
                         + ", ".join(h.name for h in holders))
        return self._organisation(label, kind="role")

    def _organisation(self, name: str, kind: str = "organisation") -> Match:
        for found, how in ((by_key(self.session, fold(name)), "alias"),
                           (by_skeleton(self.session, fold(name)), "transliteration")):
            if len(found) == 1:
                return Match(found[0], how)
        return Match(create_speaker(self.session, name, kind=kind), "new")

    def _person(self, text: str) -> Match:
        mention = split_mention(text)
        name = mention.name
        found, how = name_matches(self.session, name)
        if len(found) > 1:
            found = self._narrow(found, mention.role)
            if len(found) != 1:
                return Match(None, "ambiguous", "could be " + ", ".join(s.name for s in found[:5]))
        if found:
            speaker = found[0]
            reason = None
            if how in {"transliteration", "first-name"} and len(name.split()) > 1:
                reason = f"{how} of {speaker.name}"
                add_alias(self.session, speaker, name, source="article", reason=reason)
            elif how in {"surname", "inflection"}:
                reason = f"{how} of {speaker.name}"
            return Match(speaker, how, reason)
        parts = split_name(name)
        namesakes = [s for s in by_surname(self.session, parts.surname) if s.kind == "person"]
        if parts.given:
            bare = [s for s in namesakes if not split_name(s.name).given]
            if len(bare) == 1 and len(namesakes) == 1:
                return self._complete(bare[0], name)
        reason = None
        if namesakes:
            reason = "not " + ", ".join(s.name for s in namesakes[:5]) + ": different first name"
        return Match(create_speaker(self.session, name, kind="person", reason=reason), "new", reason)

    def _narrow(self, candidates: list[Speaker], role: str | None) -> list[Speaker]:
        """Among namesakes, those named with a role they hold ("Kanzler
        Scholz"), else those holding any curated role on the article's date."""
        if role:
            key = role_key(role)
            holding = [s for s in candidates if any(r.key == key for r in s.roles)]
            if holding:
                return holding
        dated = [s for s in candidates if any(r.source != "article" and holds_on(r, self.on) for r in s.roles)]
        return dated or candidates

    def _complete(self, speaker: Speaker, full_name: str) -> Match:
        """A speaker known only by surname gets the full name when it first
        appears ("Berger" → "Anna Berger"); the old name stays an alias."""
        reason = f"full name of {speaker.name}"
        speaker.name = full_name
        speaker.updated_at = utcnow()
        self.session.add(speaker)
        add_alias(self.session, speaker, full_name, source="article", reason=reason)
        return Match(speaker, "first-name", reason)

    def _learn(self, speaker: Speaker, quote: Quote) -> None:
        """Roles from the apposition in the mention ("Kremlsprecher Dmitri Peskow")."""
        if quote.mention is None:
            return
        mention = split_mention(quote.mention.text)
        surname = split_name(speaker.name).surname
        named = fold(mention.name)
        if mention.role and named and (named == fold(speaker.name) or named.endswith(surname)):
            learn_role(self.session, speaker, mention.role, evidence=quote.mention.text,
                       article_id=self.article_id, on=self.on)
