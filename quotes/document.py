"""The plain data that flows through the pipeline: one analysed document in,
quote records out. Every span is a pair of character offsets into the text
exactly as it was given, so `text[start:end]` always gives the span back."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Word:
    """One syntactic word with Stanza's analysis. `id` and `head` are 1-based
    positions in the sentence (head 0 is the root)."""

    id: int
    text: str
    lemma: str
    upos: str
    xpos: str
    feats: dict[str, str]
    head: int
    deprel: str
    start: int
    end: int
    ner: str = "O"

    @property
    def is_finite(self) -> bool:
        return self.feats.get("VerbForm") == "Fin"

    @property
    def is_subjunctive(self) -> bool:
        return self.feats.get("Mood") == "Sub"

    @property
    def is_capitalised(self) -> bool:
        """The word, or its last part after a hyphen, starts with a capital,
        as German nouns and names do ("Polizei", "dpa-Angaben", "al-Dschasira")."""
        return self.text.rsplit("-", 1)[-1][:1].isupper()


@dataclass(frozen=True)
class Sentence:
    """One sentence; `parsed` is False when the engine was asked to skip its
    dependency parse (every head is then 0 and every deprel "_")."""

    index: int
    paragraph: int
    words: tuple[Word, ...]
    parsed: bool = True

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end

    def word(self, word_id: int) -> Word | None:
        """The word with this 1-based id, or None for the root (0)."""
        return self.words[word_id - 1] if 0 < word_id <= len(self.words) else None


@dataclass(frozen=True)
class Document:
    text: str
    sentences: tuple[Sentence, ...]
    name: str = ""

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding `offset`, or ending right before it (a closing
        mark or a line break just after the last word); None outside all."""
        position = bisect_right(self._starts, offset) - 1
        if position < 0:
            return None
        sentence = self.sentences[position]
        return sentence if offset <= sentence.end else None

    @cached_property
    def _starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Quote:
    """One attributed quotation. `speaker` is the resolved name; `mention` is
    the words in the text that refer to the speaker ("er", "der Kremlsprecher")."""

    type: str  # "direct", "indirect", "mixed", or "reported" (on request: a speech act without its words)
    text: str
    start: int
    end: int
    speaker: str | None = None
    mention: Span | None = None
    cue: Span | None = None
    confidence: float = 0.0
    resolution: str = "none"  # how the speaker was found: name, role, pronoun, description, previous, none
    route: str = ""  # how the quote was found: after, colon, partial, complement, source-phrase, ...
    sentence: str = ""
    speaker_kind: str | None = None  # person, organisation, role
    cited: Span | None = None  # the source the text has the words from: "sagte Raab laut Spiegel Online"

    def as_record(self, doc: str) -> dict[str, object]:
        """The stable machine-readable form (`quotes extract --format jsonl`)."""
        mention, cue = self.mention, self.cue
        return {
            "doc": doc,
            "type": self.type,
            "quote": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "speaker_mention": mention.text if mention else None,
            "speaker_start": mention.start if mention else None,
            "speaker_end": mention.end if mention else None,
            "cue": cue.text if cue else None,
            "cue_start": cue.start if cue else None,
            "cue_end": cue.end if cue else None,
            "confidence": round(self.confidence, 3),
        }
