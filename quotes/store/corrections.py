"""Human corrections of single quotes, recorded with who and when. A
corrected quote is never overwritten by re-processing (see repository)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from quotes.errors import InputError, NotFoundError
from quotes.speakers.manage import current_user
from quotes.store.models import Correction, Speaker, StoredQuote


def get_quote(session: Session, quote_id: int) -> StoredQuote:
    quote = session.get(StoredQuote, quote_id)
    if quote is None:
        raise NotFoundError(f"no quote with id {quote_id}")
    return quote


def _record(session: Session, quote: StoredQuote, action: str, old: str | None, new: str | None, *,
            speaker: Speaker | None = None, author: str | None, note: str | None) -> Correction:
    correction = Correction(quote_id=quote.id or 0, action=action, old_value=old, new_value=new,
                            speaker_id=speaker.id if speaker else None, author=author or current_user(),
                            note=note)
    session.add(quote)
    session.add(correction)
    session.flush()
    return correction


def set_speaker(session: Session, quote: StoredQuote, speaker: Speaker, *, author: str | None = None,
                note: str | None = None) -> Correction:
    """Attribute the quote to `speaker` by hand (resolution 'manual', confidence 1)."""
    old = session.get(Speaker, quote.speaker_id) if quote.speaker_id else None
    if old is not None and old.id == speaker.id and quote.resolution == "manual":
        raise InputError(f"quote {quote.id} is already attributed to {speaker.name} by hand")
    quote.speaker_id = speaker.id
    quote.resolution = "manual"
    quote.speaker_match = "manual"
    quote.confidence = 1.0
    return _record(session, quote, "speaker", old.name if old else quote.speaker_name, speaker.name,
                   speaker=speaker, author=author, note=note)


def set_rejected(session: Session, quote: StoredQuote, rejected: bool, *, author: str | None = None,
                 note: str | None = None) -> Correction:
    """Mark the quote as not a quote (hidden from search and export), or undo that."""
    if quote.rejected == rejected:
        state = "already marked as not a quote" if rejected else "not marked as not a quote"
        raise InputError(f"quote {quote.id} is {state}")
    quote.rejected = rejected
    action = "not_a_quote" if rejected else "is_a_quote"
    return _record(session, quote, action, str(not rejected).lower(), str(rejected).lower(), author=author,
                   note=note)


def history(session: Session, quote_id: int) -> list[Correction]:
    return list(session.exec(select(Correction).where(Correction.quote_id == quote_id)
                             .order_by(col(Correction.id))))
