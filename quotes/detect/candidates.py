"""What detection hands to attribution: a quote span with its cue and the
direction in which its speaker is to be found."""

from __future__ import annotations

from dataclasses import dataclass

from quotes.detect.cues import Cue


@dataclass(frozen=True)
class Candidate:
    type: str  # direct, indirect, mixed, reported
    start: int
    end: int
    sentence: int  # index of the sentence that holds the cue (or the quote)
    cue: Cue | None
    # how it was found: direct after/colon/partial/introduced/standalone/continuation;
    # indirect complement/fronted/wie/heissen/source-phrase/noun-complement/anaphoric/relative/reason/
    # continuation (Konjunktiv)/hearsay ("soll"); reported: the speech act reported without its words
    route: str
    speaker_side: str  # subject, after, before, colon, previous, noun (the noun of saying answered), none
    continues: bool = False  # continues the previous quote's speech
