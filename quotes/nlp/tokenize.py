"""Rule-based tokenizer and sentence splitter for German news.

Stanza is fed its output with `tokenize_pretokenized`, so quotation marks,
dashes, abbreviations ("z. B.", "Dr.", "Anm. d. Red."), ordinals ("am 5.
August"), numbers ("1.000,50") and hyphenated compounds ("US-Präsident") are
handled here, by rules and the lexicons in data/lexicons, and every token keeps
its character offsets into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotes.lexicons import quote_marks, word_list

MAX_SENTENCE_TOKENS = 120

# Inside a word: soft hyphens, zero-width joiners and combining accents (NFD
# "Mu\u0308ller") belong to it; a zero-width space or byte order mark separates
# words like a space and is no token of its own.
_TOKEN = re.compile(
    r"""
    (?P<url>(?:https?://|www\.)[^\s<>"„“”»«]+[^\s<>"„“”»«.,;:!?)\]'’])
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<acronym>(?:[^\W\d_]\.){2,}(?![^\W\d_]))
  | (?P<number>\d+(?:[.,:/]\d+)*[^\W\d_]*(?:-[^\W_]\w*(?:-[^\W_]\w*)*|[.,:/]-)?)
  | (?P<word>[^\W_](?:[\w&\u00ad\u200c\u200d\u2060\u0300-\u036f]|[-‐'’.](?=[^\W_]))*
             (?:-(?=\s+(?:und|oder|bis|sowie|bzw)\b))?)
  | (?P<ellipsis>\.{2,}|…)
  | (?P<punct>[^\s\u200b\ufeff])
    """,
    re.VERBOSE,
)
_SENTENCE_END = {".", "!", "?", "…", "..."}
_CLOSING_BRACKETS = {")", "]", "}"}
_OPENING_BRACKETS = {"(", "[", "{"}


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TokenizedSentence:
    paragraph: int
    tokens: tuple[Token, ...]


def _after_article(tokens: list[Token]) -> bool:
    """"auf der Plattform X." and "schrieb sie auf X." end a sentence;
    "von Donald J. Trump" has an initial: a letter right after an article or
    preposition, or after an article and a noun, names a thing, not a person."""
    right_after = bool(tokens) and tokens[-1].text.lower() in word_list("articles_prepositions.txt")
    article_noun = len(tokens) >= 2 and tokens[-2].text.lower() in word_list("articles.txt")
    return right_after or article_noun


YEAR = re.compile(r"1[5-9]\d\d|20\d\d")  # a year, which no ordinal is: its full stop ends the sentence
ROMAN_NUMERAL = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")  # I to XXXIX: regnal numbers


def _is_regnal_number(word: str, tokens: list[Token], following: str, starters: frozenset[str]) -> bool:
    """A Roman numeral after a name is an ordinal of it, its full stop no
    sentence end: "Papst Benedikt XVI. sagte", "Elisabeth II., die Königin"."""
    after_name = bool(tokens) and tokens[-1].text[:1].isupper() and tokens[-1].text.isalpha() \
        and not _after_article(tokens)  # "auf der Plattform X." names a thing
    next_word = following.split(" ", 1)[0].strip(",;:")
    goes_on = next_word[:1].islower() or (len(word) > 1 and next_word[:1].isalpha() and next_word not in starters)
    return after_name and ROMAN_NUMERAL.fullmatch(word) is not None and (following[:1] in {",", ";", ":", ")"}
                                                                        or goes_on)


def _raw_tokens(text: str) -> list[Token]:
    abbreviations = word_list("abbreviations.txt")
    months = word_list("months.txt")
    starters = word_list("sentence_starters.txt")
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        start, end = match.span()
        after = text[end:end + 1]
        if kind == "word" and after == ".":
            word = match.group()
            following = text[end + 1:end + 40].lstrip(" ")
            is_initial = len(word) == 1 and word.isupper() and bool(following) and not _after_article(tokens)
            if word in abbreviations or is_initial or _is_regnal_number(word, tokens, following, starters):
                end += 1
        elif kind == "number" and after == "." and not any(c.isalpha() for c in match.group()):
            following = re.match(r"\s*([^\s]+)", text[end + 1:end + 40])
            next_word = following.group(1) if following else ""
            next_clean = next_word.strip(",;:")
            year = YEAR.fullmatch(match.group()) is not None  # "ein Börsengang nach 2011. Premium Aerotec …"
            is_ordinal = next_clean[:1].isalpha() and next_clean not in starters and not year
            if next_word[:1].isdigit() or next_clean in months or is_ordinal:
                end += 1
        if tokens and tokens[-1].end > start:
            continue
        tokens.append(Token(start, end, text[start:end]))
    return tokens


def _is_opening(text: str, token: Token) -> bool:
    """Whether a quotation mark opens: decided by the spacing around it, which
    works for every quoting convention („…“, “…”, »…«, «…», "…")."""
    before = text[token.start - 1] if token.start > 0 else " "
    after = text[token.end] if token.end < len(text) else " "
    if token.text in "„‚":
        return True
    if after.isspace() or after in ",.;:!?)]" or token.end >= len(text):
        return False
    return before.isspace() or before in "([{-–—/" or token.start == 0


def _ends_sentence(text: str, tokens: list[Token], index: int) -> bool:
    """Whether the sentence ends after tokens[index]."""
    marks = quote_marks().all
    token = tokens[index]
    if index + 1 >= len(tokens):
        return True
    nxt = tokens[index + 1]
    if token.text in _SENTENCE_END or (token.text in "!?" and len(token.text) == 1):
        if nxt.text in _SENTENCE_END or nxt.text in _CLOSING_BRACKETS:
            return False
        if nxt.text in marks and not _is_opening(text, nxt):
            return False
        return _starts_sentence(text, tokens, index + 1)
    if (token.text in marks and not _is_opening(text, token)) or token.text in _CLOSING_BRACKETS:
        prev = tokens[index - 1].text if index > 0 else ""
        if prev in _SENTENCE_END:
            if nxt.text in marks and not _is_opening(text, nxt):
                return False
            return _starts_sentence(text, tokens, index + 1)
    return False


BYLINE_TOKENS = 6  # at most this many tokens in brackets that close a line after a sentence: its author


def _is_byline(text: str, tokens: list[Token], index: int) -> bool:
    """„…“ (Otto von Bismarck): words in brackets that close the line after a
    sentence belong to it."""
    if tokens[index].text != "(":
        return False
    close = next((i for i in range(index + 1, min(len(tokens), index + BYLINE_TOKENS + 2))
                  if tokens[i].text == ")"), None)
    if close is None:
        return False
    line_end = text.find("\n", tokens[close].end)
    return not text[tokens[close].end:line_end if line_end >= 0 else len(text)].strip()


def _starts_sentence(text: str, tokens: list[Token], index: int) -> bool:
    token = tokens[index]
    if _is_byline(text, tokens, index):
        return False
    first = token.text[0]
    if first.isupper() or first.isdigit():
        return True
    if token.text in quote_marks().all and _is_opening(text, token):
        return True
    if token.text in {"–", "—", "-"}:  # "„…“ – so beginnt ein Brief" goes on; "– Die Regierung …" opens
        return index + 1 >= len(tokens) or not tokens[index + 1].text[:1].islower()
    return token.text in _OPENING_BRACKETS


def _cap_length(tokens: list[Token]) -> list[list[Token]]:
    """Split runs longer than MAX_SENTENCE_TOKENS, preferring a comma or
    semicolon, so a text with no sentence end cannot stall the parser."""
    pieces: list[list[Token]] = []
    rest = tokens
    while len(rest) > MAX_SENTENCE_TOKENS:
        window = rest[MAX_SENTENCE_TOKENS // 2:MAX_SENTENCE_TOKENS]
        cut = MAX_SENTENCE_TOKENS
        for offset in range(len(window) - 1, -1, -1):
            if window[offset].text in {",", ";", ":", "–"}:
                cut = MAX_SENTENCE_TOKENS // 2 + offset + 1
                break
        pieces.append(rest[:cut])
        rest = rest[cut:]
    if rest:
        pieces.append(rest)
    return pieces


DATELINE_WORDS = 4  # place names before the dash of a dateline: "Berlin/Moskau", "Bad Ischl"
DATELINE_SOURCE_TOKENS = 5  # tokens of the agency in brackets: "(dpa)", "(dpa/lnw)", "(APA)"
_DASHES = {"–", "—", "-"}
_TIME = re.compile(r"\d{1,2}[:.]\d{2}")


def _dateline_end(tokens: list[Token]) -> int | None:
    """The index of the dash that closes a dateline opening a paragraph
    ("Zürich – Gemäss …", "Berlin (dpa) - Die Regierung …") or the time of a
    ticker entry ("14:32 Uhr – Laut …"): a few capitalised place names,
    perhaps the agency in brackets, a dash, and a sentence that starts after
    it. The dateline is a sentence of its own, so the sentence after it
    starts with its own first word."""
    index = 0
    if _TIME.fullmatch(tokens[0].text):
        index = 2 if len(tokens) > 1 and tokens[1].text == "Uhr" else 1  # a ticker entry: "14:32 Uhr –"
    while index < len(tokens) and index < DATELINE_WORDS * 2 and (
            tokens[index].text[:1].isupper() or (tokens[index].text == "/" and index > 0)):
        index += 1
    if index == 0 or index >= len(tokens) or tokens[0].text.lower() in word_list("articles_prepositions.txt"):
        return None  # "Die Regierung – so der Minister – …" opens a sentence
    if tokens[index].text == "(":
        closing = next((i for i in range(index + 1, min(len(tokens), index + DATELINE_SOURCE_TOKENS + 1))
                        if tokens[i].text == ")"), None)
        if closing is None:
            return None
        index = closing + 1
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    starts = following is not None and (following.text[:1].isupper() or following.text in quote_marks().all)
    return index if index < len(tokens) and tokens[index].text in _DASHES and starts else None


def tokenize(text: str) -> list[TokenizedSentence]:
    """Sentences of tokens with offsets into `text`. Every line break ends a
    sentence (news text puts one paragraph per line); blank lines and lines
    break paragraphs."""
    sentences: list[TokenizedSentence] = []
    paragraph = 0
    line_start = 0
    for line in text.split("\n"):
        line_tokens = [
            Token(t.start + line_start, t.end + line_start, t.text) for t in _raw_tokens(line)
        ]
        line_start += len(line) + 1
        if not line_tokens:
            continue
        current: list[Token] = []
        dateline = _dateline_end(line_tokens)
        for index, token in enumerate(line_tokens):
            current.append(token)
            if index == dateline or _ends_sentence(text, line_tokens, index):
                for piece in _cap_length(current):
                    sentences.append(TokenizedSentence(paragraph, tuple(piece)))
                current = []
        paragraph += 1
    return sentences
