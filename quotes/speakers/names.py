"""Name keys for matching speakers: folded lookup keys, transliteration
skeletons, given name / surname splits and role-label keys. Pure functions
over strings, so both ingest and search match names the same way."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from quotes.lexicons import word_list

ARTICLES = word_list("articles.txt")
# Lower-case words that belong to a surname: "Ursula von der Leyen", "Ibn Saud".
PARTICLES = frozenset({"von", "van", "vom", "zu", "zum", "zur", "der", "den", "de", "del", "della", "di", "da",
                       "du", "la", "le", "al", "el", "bin", "ibn", "ter", "ten", "dos", "das", "y"})
TITLES = frozenset({"dr", "prof", "herr", "frau", "sir", "dame", "hon"})

# Transliteration skeleton: the spellings of one Cyrillic or Arabic name in
# German, English and French news ("Selenskyj", "Selenski", "Zelensky";
# "Wolodymyr", "Wolodimir", "Volodymyr"; "Peskow", "Peskov") reduce to one
# string. Applied to both sides of a comparison, so it only has to be
# deterministic; first-name checks keep different people apart.
_SKELETON_RULES = (
    ("tsch", "ch"), ("sch", "sh"), ("kh", "h"), ("ch", "h"), ("ph", "f"), ("ck", "k"), ("tz", "s"),
    ("ts", "s"), ("w", "v"), ("z", "s"), ("y", "i"), ("j", "i"), ("q", "k"), ("x", "ks"),
    ("c", "k"), ("ou", "u"), ("ie", "i"),
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


def strip_accents(text: str) -> str:
    """'Erdoğan' → 'Erdogan': combining marks removed after decomposition."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """The lookup key of a name: case, accents, hyphens and punctuation
    folded ('Frank-Walter Steinmeier' → 'frank walter steinmeier',
    'Erdoğan' → 'erdogan', 'Straße' → 'strasse')."""
    words = _WORD.findall(strip_accents(text.replace("ß", "ss")).casefold())
    return " ".join(w.replace("'", "").replace("’", "") for w in words)


def skeleton(key: str) -> str:
    """The transliteration skeleton of a folded key (see _SKELETON_RULES)."""
    out = []
    for word in key.split():
        for old, new in _SKELETON_RULES:
            word = word.replace(old, new)
        word = re.sub(r"(.)\1+", r"\1", word)
        out.append(word)
    return " ".join(out)


@cache
def _role_endings() -> tuple[str, ...]:
    """The role nouns, folded, longest first."""
    return tuple(sorted((fold(noun) for noun in word_list("role_nouns.txt")), key=len, reverse=True))


def is_role_word(word: str) -> bool:
    """'Kremlchef', 'US-Präsident', 'SPD-Politikerin': a noun naming a role."""
    return bool(word) and word[:1].isupper() and fold(word).replace(" ", "").endswith(_role_endings())


@dataclass(frozen=True)
class NameParts:
    """A person's name split for matching: folded given names and surname."""

    given: tuple[str, ...]
    surname: str


def split_name(name: str) -> NameParts:
    """Given names and surname of a folded person name; particles stay with
    the surname ('ursula von der leyen' → ('ursula',), 'von der leyen')."""
    words = [w for w in fold(name).split() if w not in TITLES]
    if not words:
        return NameParts((), "")
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in PARTICLES:
        cut -= 1
    return NameParts(tuple(words[:cut]), " ".join(words[cut:]))


def given_names_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Could these given names belong to one person? Missing names, initials
    ('o' ~ 'olaf'), transliterations ('wolodimir' ~ 'volodymyr') and one name
    of several ('frank' ~ 'frank walter') are compatible; 'anna' ~ 'thomas' is not."""
    if not a or not b:
        return True

    def same(x: str, y: str) -> bool:
        if len(x) == 1 or len(y) == 1:
            return x[0] == y[0]
        return skeleton(x) == skeleton(y)

    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return all(any(same(x, y) for y in long) for x in short)


def strip_genitive(key: str) -> str | None:
    """'putins' → 'putin', 'selenskyjs' → 'selenskyj'; None when the key does
    not end like a German genitive of a name."""
    last = key.rsplit(" ", 1)[-1]
    if len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        return key[:-1]
    return None


@dataclass(frozen=True)
class Mention:
    """A speaker name as written, split into leading role words and the name:
    'der Kremlchef Putin' → role 'Kremlchef', name 'Putin'."""

    role: str | None
    name: str


def split_mention(text: str) -> Mention:
    """Drop articles and titles, then peel role nouns off the front."""
    words = [w for w in text.split() if fold(w) not in ARTICLES]
    role: list[str] = []
    while len(words) > 1 and is_role_word(words[0]):
        role.append(words.pop(0))
    while len(words) > 1 and fold(words[0]).rstrip(".") in TITLES:
        words.pop(0)
    return Mention(" ".join(role) or None, " ".join(words))


def _stem(word: str) -> str:
    for ending in ("en", "er", "es", "em", "e", "n", "s"):
        if len(word) > len(ending) + 3 and word.endswith(ending):
            return word[: -len(ending)]
    return word


def role_key(label: str) -> str:
    """The key of a role label, blind to articles, hyphens and adjective or
    case endings: 'der russische Präsident', 'russischer Präsident' and
    'des russischen Präsidenten' share one key; 'US-Präsident' = 'US Präsident'."""
    words = [w for w in fold(label.replace("-", "")).split() if w not in ARTICLES]
    return "".join(_stem(w) for w in words)
