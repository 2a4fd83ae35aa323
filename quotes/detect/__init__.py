"""The detection stage: quote spans and their cues over one analysed document."""

from __future__ import annotations

from dataclasses import replace

from quotes.detect.candidates import Candidate
from quotes.detect.cues import Cue, document_cues, find_cues, thought_verbs
from quotes.detect.direct import detect_direct
from quotes.detect.indirect import detect_indirect
from quotes.detect.marks import find_quoted_spans
from quotes.detect.reported import detect_reported
from quotes.detect.spans import MIXED_SHARE, is_finite_verb, trim
from quotes.document import Document

__all__ = ["Candidate", "Cue", "detect", "find_cues"]


def detect(document: Document, *, reported: bool = False) -> list[Candidate]:
    """Direct, indirect and mixed candidates in document order; with
    `reported` also speech acts reported without their words
    (quotes/detect/reported.py) and the clauses of verbs of thought
    ("befürchten, dass …"), which SpkAtt annotates and GUIDELINES.md does not.

    An indirect clause that contains a short quoted fragment becomes one
    `mixed` record; one that is almost all quotation stays `direct`.
    """
    quoted_spans = find_quoted_spans(document.text)
    direct = detect_direct(document, quoted_spans)
    cues_of = document_cues()  # the indirect and the reported stage go over the same cues
    indirect = detect_indirect(document, [(c.start, c.end) for c in direct], cues_of)
    quoted = [(q.start, q.end) for q in quoted_spans if q.depth == 0]
    kept_indirect = []
    yielded: list[Candidate] = []
    for holder in indirect:
        covered = sum(max(0, min(e, holder.end) - max(s, holder.start)) for s, e in quoted)
        if covered >= MIXED_SHARE * (holder.end - holder.start) and not _verb_outside(document, holder, quoted):
            yielded.append(holder)
            continue  # the words are a direct quote: that record stands
        if any(holder.start <= s and e <= holder.end for s, e in quoted):
            holder = replace(holder, type="mixed")
        kept_indirect.append(holder)
    indirect = kept_indirect
    direct = [_with_cue_of(d, yielded) for d in direct if not any(h.start <= d.start and d.end <= h.end
                                                                   for h in indirect)]
    result = []
    for candidate in sorted(direct + indirect, key=lambda c: c.start):
        if _in_markdown_image(document.text, candidate.start):
            continue
        start, end = trim(document, candidate.start, candidate.end) if candidate.type != "direct" \
            else (candidate.start, candidate.end)
        if end > start:
            result.append(replace(candidate, start=start, end=end))
    if reported:
        return sorted(result + detect_reported(document, result, cues_of), key=lambda c: c.start)
    return [c for c in result if c.type == "direct" or c.cue is None or c.cue.lemma not in thought_verbs()]


def _with_cue_of(quote: Candidate, holders: list[Candidate]) -> Candidate:
    """A direct quote without a cue of its own takes the cue of the indirect
    clause that it fills ("Seiner Ansicht nach „…“", "Laut Polizei „…“")."""
    if quote.cue is not None:
        return quote
    for holder in holders:
        if holder.start <= quote.start + 1 and quote.end - 1 <= holder.end and holder.cue is not None:
            return replace(quote, cue=holder.cue, route=holder.route, speaker_side=holder.speaker_side,
                           sentence=holder.sentence, continues=False)
    return quote


def _verb_outside(document: Document, holder: Candidate, quoted: list[tuple[int, int]]) -> bool:
    """The reported clause has its own finite verb outside the quotation
    marks ("Er habe „nicht den Eindruck, …“"): a mixed quote, however long
    the quoted part."""
    return any(holder.start <= w.start and w.end <= holder.end and is_finite_verb(w)
               and not any(s <= w.start < e for s, e in quoted)
               for sentence in document.sentences if sentence.start < holder.end and holder.start < sentence.end
               for w in sentence.words)


def _in_markdown_image(text: str, offset: int) -> bool:
    """Scraped news keeps image captions as Markdown ("![Caption](url)");
    their words repeat the article's and are not quotes of their own."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.startswith("![", line_start)
