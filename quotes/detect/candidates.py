"""What detection hands to attribution: a quote span with its cue and the
direction in which its speaker is to be found."""

from __future__ import annotations

from dataclasses import dataclass

from quotes.detect.cues import Cue


@dataclass(frozen=True)
class Candidate:
    type: str  # direct, indirect, mixed
    start: int
    end: int
    sentence: int  # index of the sentence that holds the cue (or the quote)
    cue: Cue | None
    route: str  # how it was found: see ROUTES in quotes.attribute
    speaker_side: str  # subject, after, before, colon, previous, none
    continues: bool = False  # continues the previous quote's speech
