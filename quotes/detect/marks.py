"""Pairing quotation marks over a whole article.

Works on the raw text, not sentence by sentence, so a quote may run over
several sentences. Marks are paired with a stack: a mark opens or closes by
the spacing around it (which holds for „…“, »…«, «…», “…” and "…" alike), an
inner quote nests in an outer one, and a quote still open at a paragraph end
continues only when the next paragraph opens with a quotation mark (the German
press convention); otherwise it is dropped, so an unbalanced mark never
swallows the rest of the article.
"""

from __future__ import annotations

from dataclasses import dataclass

from quotes.lexicons import quote_marks

_OPEN_CONTEXT = set(" \t\n([{/–—-:;") | {"\u00a0"}
_CLOSE_CONTEXT = set(" \t\n)]}/–—-,.;:!?…") | {"\u00a0"}


@dataclass(frozen=True)
class QuotedSpan:
    """Text between a pair of marks: `start`/`end` exclude the marks. A quote
    that goes on in the next paragraph ends at its paragraph's end."""

    start: int
    end: int
    open_mark: int
    close_mark: int
    depth: int
    continues: bool  # opened at a paragraph start to continue an open quote


_SPACE_INSIDE = {" ", "\u00a0", "\u202f"}  # French style: « Wir sind bereit », with a (thin) space inside


def _can_open(text: str, index: int, marks: frozenset[str]) -> bool:
    before = text[index - 1] if index else "\n"
    after = text[index + 1] if index + 1 < len(text) else "\n"
    spaced = text[index] in "«‹" and after in _SPACE_INSIDE and index + 2 < len(text) \
        and not text[index + 2].isspace()
    if after.isspace() and not spaced:
        return False
    return before in _OPEN_CONTEXT or before in marks or text[index] in "„‚"


def _can_close(text: str, index: int, marks: frozenset[str]) -> bool:
    before = text[index - 1] if index else "\n"
    after = text[index + 1] if index + 1 < len(text) else "\n"
    spaced = text[index] in "»›" and before in _SPACE_INSIDE and index >= 2 and not text[index - 2].isspace()
    if (before.isspace() and not spaced) or before == "\n":
        return False
    return after in _CLOSE_CONTEXT or after in marks or after.isspace()


def _span(text: str, open_mark: int, close_mark: int, depth: int, continues: bool) -> QuotedSpan:
    """The quotation between two marks, without the spaces French style puts inside them."""
    start, end = open_mark + 1, close_mark
    while start < end and text[start] in _SPACE_INSIDE:
        start += 1
    while end > start and text[end - 1] in _SPACE_INSIDE:
        end -= 1
    return QuotedSpan(start, end, open_mark, close_mark, depth, continues)


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """All paired quotations in `text`, in order of their opening mark."""
    lexicon = quote_marks()
    marks = lexicon.all
    closers = lexicon.closers
    spans: list[QuotedSpan] = []
    stack: list[tuple[str, int, bool]] = []  # (opening mark, offset, continues)
    carried: tuple[int, int, bool] | None = None  # open quote at a paragraph end
    paragraph_start = True
    for index, char in enumerate(text):
        if char == "\n":
            _close_at_paragraph_end(text, index, stack, spans, marks)
            if stack:
                _, offset, continues = stack[0]
                carried = (offset, index, continues)
            stack = []
            paragraph_start = True
            continue
        if paragraph_start and not char.isspace():
            paragraph_start = False
            if carried and char in closers and _can_open(text, index, marks):
                offset, end, continues = carried
                end = len(text[:end].rstrip())
                if end > offset + 1:
                    spans.append(QuotedSpan(offset + 1, end, offset, end, 0, continues))
                stack.append((char, index, True))
                carried = None
                continue
            carried = None
        if char not in marks:
            continue
        opens = char in closers and _can_open(text, index, marks)
        closes = _can_close(text, index, marks)
        match = next(
            (depth for depth in range(len(stack) - 1, -1, -1) if char in closers.get(stack[depth][0], ())),
            None,
        )
        if closes and match is not None and not (opens and match != len(stack) - 1):
            _opener, offset, continues = stack[match]
            del stack[match:]
            if index > offset + 1:
                spans.append(_span(text, offset, index, match, continues))
        elif opens:
            stack.append((char, index, False))
    _close_at_paragraph_end(text, len(text), stack, spans, marks)
    return sorted(spans, key=lambda span: span.start)


def _close_at_paragraph_end(
    text: str, end: int, stack: list[tuple[str, int, bool]], spans: list[QuotedSpan], marks: frozenset[str],
) -> None:
    """A paragraph that ends in a mark of the wrong shape ("… Schlachtfeld. „")
    still closes the quote that is open: a common typing slip."""
    if not stack:
        return
    last = len(text[:end].rstrip()) - 1
    _opener, offset, continues = stack[0]
    if last > offset + 1 and text[last] in marks:
        inner_end = len(text[:last].rstrip())
        spans.append(QuotedSpan(offset + 1, inner_end, offset, last, 0, continues))
        stack.clear()
