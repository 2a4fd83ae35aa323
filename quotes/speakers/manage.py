"""Human edits of the speaker registry: merge, unmerge, split, rename,
aliases, roles and details. Each edit is recorded as a SpeakerEvent with its
reason and author; a merge records everything it moved, so unmerge restores
the absorbed speaker exactly, id included where it is still free."""

from __future__ import annotations

import getpass
import os
from datetime import date

from sqlmodel import Session, col, select, update

from quotes.errors import InputError
from quotes.speakers.lookup import add_alias, create_speaker
from quotes.speakers.names import fold
from quotes.speakers.registry import KINDS, QID, add_role
from quotes.store.models import Correction, Speaker, SpeakerAlias, SpeakerEvent, SpeakerRole, StoredQuote, utcnow


def current_user() -> str:
    """Who is making a change: $QUOTES_USER, else the login name."""
    try:
        return os.environ.get("QUOTES_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _event(session: Session, action: str, speaker: Speaker | None, summary: str, *, reason: str | None,
           author: str | None, other_id: int | None = None, details: dict[str, object] | None = None
           ) -> SpeakerEvent:
    event = SpeakerEvent(action=action, speaker_id=speaker.id if speaker else None, other_id=other_id,
                         summary=summary, reason=reason, author=author or current_user(), details=details or {})
    session.add(event)
    session.flush()
    return event


def _ids(session: Session, model: type, *conditions: object) -> list[int]:
    return list(session.exec(select(model.id).where(*conditions).order_by(model.id)))


def merge(session: Session, keep: Speaker, other: Speaker, *, reason: str, author: str | None = None,
          force: bool = False) -> SpeakerEvent:
    """Fold `other` into `keep`: quotes, aliases, roles and corrections move,
    `other`'s name becomes an alias, and `other` is deleted."""
    if keep.id == other.id:
        raise InputError(f"{keep.name} and {other.name} are the same speaker (#{keep.id})")
    if keep.wikidata_qid and other.wikidata_qid and keep.wikidata_qid != other.wikidata_qid and not force:
        raise InputError(f"{keep.name} is {keep.wikidata_qid} and {other.name} is {other.wikidata_qid} on "
                         "Wikidata: not one person (use --force to merge anyway)")
    absorbed = {"id": other.id, "name": other.name, "kind": other.kind, "description": other.description,
                "party": other.party, "wikidata_qid": other.wikidata_qid, "source": other.source,
                "created_at": other.created_at.isoformat()}
    quotes = _ids(session, StoredQuote, StoredQuote.speaker_id == other.id)
    corrections = _ids(session, Correction, Correction.speaker_id == other.id)
    roles = _ids(session, SpeakerRole, SpeakerRole.speaker_id == other.id)
    kept_keys = set(session.exec(select(SpeakerAlias.key).where(SpeakerAlias.speaker_id == keep.id)))
    moved, dropped = [], []
    for alias in session.exec(select(SpeakerAlias).where(SpeakerAlias.speaker_id == other.id)).all():
        if alias.key in kept_keys:
            dropped.append({"alias": alias.alias, "source": alias.source, "reason": alias.reason})
            session.delete(alias)
        else:
            moved.append(alias.id)
            alias.speaker_id = keep.id
            if alias.key == fold(other.name):
                alias.reason = f"merged from {other.name} (#{other.id}): {reason}"
            session.add(alias)
    session.exec(update(StoredQuote).where(col(StoredQuote.id).in_(quotes)).values(speaker_id=keep.id))
    session.exec(update(Correction).where(col(Correction.id).in_(corrections)).values(speaker_id=keep.id))
    session.exec(update(SpeakerRole).where(col(SpeakerRole.id).in_(roles)).values(speaker_id=keep.id))
    qid_taken = bool(other.wikidata_qid and not keep.wikidata_qid)
    session.flush()
    session.expire(other)  # its alias and role collections were emptied above, not by the ORM
    session.delete(other)
    session.flush()
    if qid_taken:
        keep.wikidata_qid = absorbed["wikidata_qid"]
    keep.updated_at = utcnow()
    session.add(keep)
    details = {"absorbed": absorbed, "quotes": quotes, "corrections": corrections, "roles": roles,
               "aliases_moved": moved, "aliases_dropped": dropped, "qid_taken": qid_taken}
    return _event(session, "merge", keep, f"merged {absorbed['name']} (#{absorbed['id']}) into {keep.name}",
                  reason=reason, author=author, other_id=absorbed["id"], details=details)


def last_merge(session: Session, speaker: Speaker, event_id: int | None = None) -> SpeakerEvent:
    """The merge into `speaker` to undo: the given one, else the latest not yet undone."""
    query = select(SpeakerEvent).where(SpeakerEvent.action == "merge", SpeakerEvent.speaker_id == speaker.id)
    if event_id is not None:
        query = query.where(SpeakerEvent.id == event_id)
    for event in session.exec(query.order_by(col(SpeakerEvent.id).desc())).all():
        if not event.details.get("undone_by"):
            return event
    which = f"merge #{event_id}" if event_id is not None else "merge"
    raise InputError(f"no {which} into {speaker.name} left to undo (see `quotes speakers show {speaker.name}`)")


def unmerge(session: Session, speaker: Speaker, *, event_id: int | None = None, reason: str | None = None,
            author: str | None = None) -> Speaker:
    """Undo a merge: the absorbed speaker comes back with what moved, as far
    as it still belongs to `speaker`."""
    event = last_merge(session, speaker, event_id)
    details = event.details
    absorbed = dict(details["absorbed"])
    old_id = absorbed.pop("id")
    created = absorbed.pop("created_at")
    if details.get("qid_taken") and speaker.wikidata_qid == absorbed["wikidata_qid"]:
        speaker.wikidata_qid = None
        session.add(speaker)
        session.flush()
    elif absorbed["wikidata_qid"] and session.exec(
            select(Speaker).where(Speaker.wikidata_qid == absorbed["wikidata_qid"])).first():
        absorbed["wikidata_qid"] = None
    restored = Speaker(id=old_id if session.get(Speaker, old_id) is None else None, **absorbed)
    restored.created_at = type(restored.created_at).fromisoformat(created)
    session.add(restored)
    session.flush()
    owned = (col(StoredQuote.speaker_id) == speaker.id,)
    session.exec(update(StoredQuote).where(col(StoredQuote.id).in_(details["quotes"]), *owned)
                 .values(speaker_id=restored.id))
    session.exec(update(Correction).where(col(Correction.id).in_(details["corrections"]),
                                          col(Correction.speaker_id) == speaker.id).values(speaker_id=restored.id))
    session.exec(update(SpeakerRole).where(col(SpeakerRole.id).in_(details["roles"]),
                                           col(SpeakerRole.speaker_id) == speaker.id).values(speaker_id=restored.id))
    session.exec(update(SpeakerAlias).where(col(SpeakerAlias.id).in_(details["aliases_moved"]),
                                            col(SpeakerAlias.speaker_id) == speaker.id)
                 .values(speaker_id=restored.id))
    for alias in details["aliases_dropped"]:
        add_alias(session, restored, alias["alias"], source=alias["source"], reason=alias["reason"])
    add_alias(session, restored, restored.name, source="manual", reason="restored by unmerge")
    undo = _event(session, "unmerge", speaker, f"split {restored.name} (#{restored.id}) off {speaker.name} "
                  f"again, undoing merge #{event.id}", reason=reason, author=author, other_id=restored.id,
                  details={"merge_event": event.id})
    event.details = {**details, "undone_by": undo.id}
    session.add(event)
    session.flush()
    return restored


def split(session: Session, speaker: Speaker, aliases: list[str], *, name: str | None = None,
          reason: str, author: str | None = None) -> Speaker:
    """Move some aliases, and the quotes whose extracted name is one of them,
    to a new speaker: for two people wrongly taken as one."""
    rows = {a.key: a for a in session.exec(select(SpeakerAlias).where(SpeakerAlias.speaker_id == speaker.id))}
    keys = [fold(a) for a in aliases]
    missing = [a for a, k in zip(aliases, keys, strict=True) if k not in rows]
    if missing:
        raise InputError(f"{speaker.name} has no alias {', '.join(map(repr, missing))}")
    if fold(speaker.name) in keys:
        raise InputError(f"{speaker.name!r} is the speaker's own name: rename the speaker first")
    new_name = name or rows[keys[0]].alias
    new = create_speaker(session, new_name, kind=speaker.kind, source="manual", reason=f"split off {speaker.name}")
    for key in keys:
        alias = rows[key]
        if alias.key != fold(new_name):
            alias.speaker_id = new.id
            alias.reason = f"split off {speaker.name}: {reason}"
            session.add(alias)
        else:
            session.delete(alias)
    candidates = session.exec(select(StoredQuote).where(StoredQuote.speaker_id == speaker.id,
                                                         col(StoredQuote.speaker_name).is_not(None))).all()
    moved = [q.id for q in candidates if fold(q.speaker_name or "") in keys]
    session.exec(update(StoredQuote).where(col(StoredQuote.id).in_(moved))
                 .values(speaker_id=new.id, speaker_match="split"))
    _event(session, "split", speaker, f"split {new.name} (#{new.id}) off {speaker.name}", reason=reason,
           author=author, other_id=new.id, details={"aliases": aliases, "quotes": moved})
    return new


def rename(session: Session, speaker: Speaker, new_name: str, *, reason: str | None = None,
           author: str | None = None) -> None:
    """A new canonical name; the old one stays an alias."""
    if not fold(new_name):
        raise InputError("the new name has no letters")
    old = speaker.name
    add_alias(session, speaker, old, source="manual", reason=f"former name, renamed to {new_name}")
    speaker.name = new_name
    speaker.updated_at = utcnow()
    session.add(speaker)
    add_alias(session, speaker, new_name, source="manual", reason="renamed")
    _event(session, "rename", speaker, f"renamed {old} to {new_name}", reason=reason, author=author)


def alias(session: Session, speaker: Speaker, name: str, *, reason: str | None = None,
          author: str | None = None) -> None:
    if add_alias(session, speaker, name, source="manual", reason=reason or "added by hand") is None:
        raise InputError(f"{speaker.name} already has the alias {name!r}")
    _event(session, "alias", speaker, f"added alias {name} to {speaker.name}", reason=reason, author=author)


def unalias(session: Session, speaker: Speaker, name: str, *, reason: str | None = None,
            author: str | None = None) -> None:
    key = fold(name)
    if key == fold(speaker.name):
        raise InputError(f"{name!r} is the speaker's own name: rename the speaker instead")
    row = session.exec(select(SpeakerAlias).where(SpeakerAlias.speaker_id == speaker.id,
                                                  SpeakerAlias.key == key)).first()
    if row is None:
        raise InputError(f"{speaker.name} has no alias {name!r}")
    session.delete(row)
    _event(session, "unalias", speaker, f"removed alias {row.alias} from {speaker.name}", reason=reason,
           author=author)


def role(session: Session, speaker: Speaker, label: str, *, organisation: str | None, start: date | None,
         end: date | None, reason: str | None = None, author: str | None = None) -> None:
    if start and end and end <= start:
        raise InputError(f"the end date {end} is not after the start date {start}")
    if add_role(session, speaker, label, organisation=organisation, start=start, end=end, source="manual") is None:
        raise InputError(f"{speaker.name} already has the role {label!r} with these dates")
    span = f"{start or '…'} – {end or '…'}"
    _event(session, "role", speaker, f"{speaker.name} is {label} ({span})", reason=reason, author=author)


def set_details(session: Session, speaker: Speaker, *, kind: str | None = None, description: str | None = None,
                party: str | None = None, wikidata_qid: str | None = None, author: str | None = None) -> None:
    """Change kind, description, party or Wikidata id ('' clears a field)."""
    if kind is not None and kind not in KINDS:
        raise InputError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    if wikidata_qid and not QID.fullmatch(wikidata_qid):
        raise InputError(f"{wikidata_qid!r} is not a Wikidata id (Q followed by digits)")
    if wikidata_qid:
        holder = session.exec(select(Speaker).where(Speaker.wikidata_qid == wikidata_qid)).first()
        if holder is not None and holder.id != speaker.id:
            raise InputError(f"{wikidata_qid} already belongs to {holder.name} (#{holder.id}); merge them instead")
    changes = {key: value for key, value in (("kind", kind), ("description", description), ("party", party),
                                             ("wikidata_qid", wikidata_qid)) if value is not None}
    if not changes:
        raise InputError("nothing to change: give --kind, --description, --party or --wikidata")
    for key, value in changes.items():
        setattr(speaker, key, value or None)
    speaker.updated_at = utcnow()
    session.add(speaker)
    summary = ", ".join(f"{key}={value or '(none)'}" for key, value in changes.items())
    _event(session, "set", speaker, f"{speaker.name}: {summary}", reason=None, author=author, details=changes)
