"""Small helpers over words and character spans shared by the detectors."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import cache

from quotes.detect.cues import genitive_determiners
from quotes.document import Document, Sentence, Word
from quotes.lexicons import mapping, quote_marks, word_list

SENTENCE_PUNCT = set(".!?…;:")
COORDINATORS = frozenset({"und", "sowie"})
RELATIVE_PRONOUNS = frozenset({"der", "die", "das", "dem", "den", "deren", "dessen", "denen", "welche", "welcher",
                               "welches", "welchem", "welchen", "was", "wo", "womit", "wodurch", "woraufhin"})


_WEB_ADDRESS = re.compile(r"[\w-]+(\.[\w-]+)*\.[a-z]{2,4}")

MIXED_SHARE = 0.7  # a direct quote covering less than this of an indirect clause makes it mixed


def is_outlet_name(word: Word) -> bool:
    """"t-online.de", "Spiegel.de", "dpa", "taz": an outlet named by its web
    address or by a name written in lowercase, a source whatever the tagger
    calls it."""
    return bool(_WEB_ADDRESS.fullmatch(word.text)) or word.text.lower() in word_list("lowercase_outlets.txt")


MAX_ATTRIBUTE_WORDS = 6  # words of a phrase inside an extended attribute


_ATTRIBUTE_ENDINGS = ("e", "en", "em", "er", "es")  # a participle inflected as an adjective before its noun


def attribute_participle(words: tuple[Word, ...], index: int) -> int | None:
    """After a determiner, an extended attribute: a few words of a phrase
    ("am Dienstag", "vor zwei Jahren in Berlin") and the adjective or
    participle that carries them before the noun ("einer am Dienstag
    veröffentlichten Mitteilung"). The participle's index, or None; a
    participle rather than an adjective of the phrase inside ("die zur
    kalifornischen Universität gehörende Institution")."""
    adjective = None
    for position in range(index, min(len(words) - 1, index + MAX_ATTRIBUTE_WORDS + 1)):
        word = words[position]
        before_noun = position > index and words[position + 1].upos in {"ADJ", "NOUN", "PROPN"}
        if before_noun and _is_attributive_participle(word):
            return position  # "einer am Dienstag veröffentlichten Mitteilung", "die in Berlin geborene Sängerin"
        if before_noun and word.upos == "ADJ" and adjective is None:
            adjective = position
        if word.upos not in {"ADP", "ADV", "DET", "NUM", "NOUN", "PROPN", "ADJ"}:
            break
    return adjective


def _is_attributive_participle(word: Word) -> bool:
    """A participle with an adjective's ending: "veröffentlichten",
    "geborene", "gehörende"."""
    form = word.text.lower()
    participle = word.feats.get("VerbForm") == "Part" or has_participle_form(word) \
        or form.rstrip("mnrs").endswith("ende")
    return word.upos in {"VERB", "ADJ"} and form.endswith(_ATTRIBUTE_ENDINGS) and participle


def slash_name_end(words: tuple[Word, ...], index: int) -> int | None:
    """A name that goes on after a slash at `index`: "CDU/CSU", "Bündnis
    90/Die Grünen". The index after its capitalised words, or None."""
    if words[index].text != "/" or index == 0:
        return None
    following = index + 1
    if following < len(words) and words[following].upos == "DET" and words[following].text[:1].isupper():
        following += 1  # "/Die Grünen"
    end = following
    while end < len(words) and words[end].text[:1].isupper() and words[end].upos in {"NOUN", "PROPN", "X", "ADJ"}:
        end += 1
    return end if end > following else None


MAX_TITLE_WORDS = 6  # words of a name in quotation marks inside a noun phrase


def quoted_title_end(words: tuple[Word, ...], index: int) -> int | None:
    """After an article, a preposition or a noun ("dem Magazin „Der Spiegel“",
    "von der „Aktion Deutschland hilft“"), a short name in quotation marks at
    `index`: the index after its closing mark, whatever words it holds."""
    if index == 0 or not is_mark(words[index]) or words[index - 1].upos not in {"DET", "ADP", "NOUN", "PROPN"}:
        return None
    closing = next((i for i in range(index + 1, min(len(words), index + MAX_TITLE_WORDS + 2)) if is_mark(words[i])),
                   None)
    return closing + 1 if closing is not None and closing > index + 1 else None


def title_opening(words: Sequence[Word], closing: int) -> int | None:
    """The index of the mark that opens a short name in quotation marks
    closed by the mark at `closing` ("dem „Handelsblatt“"), or None."""
    if not is_mark(words[closing]):
        return None
    opening = next((i for i in range(closing - 1, max(closing - MAX_TITLE_WORDS - 2, -1), -1)
                    if is_mark(words[i])), None)
    return opening if opening is not None and quoted_title_end(tuple(words), opening) == closing + 1 else None


def is_mark(word: Word) -> bool:
    return word.text in quote_marks().all


def is_konjunktiv(word: Word) -> bool:
    """A finite verb in the subjunctive, by the tagger or by its form (a
    listed form, or a lowercase word with a listed ending, whatever its tag)."""
    if _konjunktiv_form(word.text):
        return True
    return word.upos in {"VERB", "AUX"} and word.is_subjunctive


@cache
def _konjunktiv_endings() -> tuple[str, ...]:
    return tuple(form[1:] for form in word_list("konjunktiv.txt") if form.startswith("-"))


def has_konjunktiv_form(word: Word) -> bool:
    """A form listed in konjunktiv.txt ("wolle", "-iere"), whatever the tagger says."""
    return _konjunktiv_form(word.text)


@cache
def _konjunktiv_form(text: str) -> bool:
    lower = text.lower()
    return lower in word_list("konjunktiv.txt") or (
        text.islower() and lower.endswith(_konjunktiv_endings()) and len(lower) > 6)


_FINITE_TAGS = {"VVFIN", "VAFIN", "VMFIN"}


def is_capitalised_noun(sentence: Sentence, index: int) -> bool:
    """A capitalised word inside the sentence, whatever its tag: German
    capitalises nouns and names, and a small tagger may call "al-Dschasira"
    a verb. Not the first word, nor punctuation."""
    word = sentence.words[index]
    if index == 0 or word.upos == "PUNCT" or is_mark(word):
        return False
    return word.is_capitalised and (word.upos not in {"VERB", "AUX"} or "-" in word.text)


def has_name_particle(word: Word) -> bool:
    """A name joined to its particle by a hyphen or an apostrophe: "al-Hassan",
    "el-Sisi", "d'Italia", "L’Équipe"."""
    for joiner in "-'’′":
        prefix, joined, rest = word.text.partition(joiner)
        if joined and prefix.lower() in mapping("name_particles.tsv") and rest[:1].isupper():
            return True
    return False


def is_finite_verb(word: Word) -> bool:
    if word.upos not in {"VERB", "AUX"}:
        return False
    return word.is_finite or word.xpos in _FINITE_TAGS or is_konjunktiv(word) or _untagged_finite(word)


def is_title_noun(form: str) -> bool:
    """A noun that names a work, medium or group before its title, also in
    the genitive and as a compound's head ("des Wochenmagazins „profil“",
    "des Magazines „auto, motor und sport“", data/lexicons/title_nouns.txt)."""
    if not form[:1].isupper():
        return False
    nouns = {noun.lower() for noun in word_list("title_nouns.txt")}
    lowered = form.lower()
    stems = {lowered, lowered.removesuffix("s"), lowered.removesuffix("es")}
    return any(stem.endswith(noun) for stem in stems for noun in nouns)


def auxiliary_of_participle(sentence: Sentence, verb: Word) -> Word | None:
    """The finite werden, haben or sein before a participle in -t that the
    parse hangs on it ("wird … zitiert", "hat … erklärt"): the tagger often
    takes such a participle for a present form, and its clause's finite verb
    is the auxiliary."""
    if not verb.text.endswith("t"):
        return None
    return next((w for w in sentence.words[:verb.id - 1] if w.head == verb.id and w.deprel.startswith("aux")
                 and w.is_finite and w.lemma in PERFECT_AUXILIARIES), None)


PERFECT_AUXILIARIES = {"werden", "haben", "sein"}


def _untagged_finite(word: Word) -> bool:
    """A verb the tagger gave no features, in a form that is neither its
    infinitive nor a participle ("gingen" of "gehen"; not "angegeben"): finite."""
    form = word.text.lower()
    return not word.feats and form != word.lemma.lower() and not has_participle_form(word) \
        and not form.endswith("end")


def has_participle_form(word: Word) -> bool:
    """The form of a past participle, with "ge-" after any separable particle
    ("gesagt", "angegeben", "eingeschränkt"), and not the verb's infinitive."""
    form = word.text.lower()
    return form.startswith(_participle_openings()) and form != word.lemma.lower()


@cache
def _participle_openings() -> tuple[str, ...]:
    return tuple(particle + "ge" for particle in ("", *word_list("particles.txt")))


def trim(document: Document, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past surrounding spaces, final punctuation and a stray
    closing mark without its opener, so it holds just the reported words."""
    text = document.text
    marks = quote_marks()
    while True:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and text[end - 1] in SENTENCE_PUNCT | {","}:
            end -= 1
            continue
        if end > start and text[end - 1] in marks.all:
            inner = text[start:end - 1]
            if not any(opener in inner for opener in marks.closers):
                end -= 1
                continue
        if end > start and text[start] in ",;:–-":
            start += 1
            continue
        return start, end


PHRASE_WORDS = {"DET", "ADJ", "NUM", "NOUN", "PROPN", "X"}
_NOUNS = {"NOUN", "PROPN", "X"}
_OWNER_WORDS = {"von", "vom", "des"}  # what opens an attribute naming an owner: "von „con energy“"


BRACKET_REACH = 6  # words from a bracket to its partner in "(CDU)", "(Chrëschtlech Sozial Vollekspartei)"


def closing_bracket(words: tuple[Word, ...], opening: int) -> int | None:
    """The index of the ")" that closes a "(" at `opening`, if near."""
    return next((i for i in range(opening, min(opening + BRACKET_REACH, len(words))) if words[i].text == ")"), None)


def opening_bracket(words: tuple[Word, ...], closing: int) -> int | None:
    """The index of the "(" that a ")" at `closing` closes, if near."""
    return next((i for i in range(closing - 1, max(closing - BRACKET_REACH - 1, -1), -1) if words[i].text == "("),
                None)


def is_temporal(words: list[Word]) -> bool:
    """"vier Jahren", "Ende Januar", "am Montag": a time, which says nothing."""
    nominal = [w for w in words if w.upos in _NOUNS]
    times = _time_words()
    return bool(nominal) and all(w.text in times or w.lemma in times for w in nominal)


@cache
def _time_words() -> frozenset[str]:
    return word_list("time_nouns.txt") | word_list("months.txt")


def attributes_end(sentence: Sentence, start: int, end: int) -> int:
    """The end (word index) of the noun phrase at [start, end) with the
    attributes that the parse hangs on its nouns, with or without a
    preposition: "Ein Sprecher des Weißen Hauses | in Washington", "Der
    Vertreter der Arbeitgeber | im Aufsichtsrat der Bundesagentur | für Arbeit
    (BA)", "Angaben | einer russischen Quelle". A time ("am Montag") or a
    phrase that belongs to the verb ends it."""
    words = sentence.words
    inside = {word.id for word in words[start:end]}
    while end < len(words) and words[end].upos in PHRASE_WORDS | {"ADP"}:
        preposition = words[end].upos == "ADP"
        following = end + 1
        named = False  # the phrase's noun is a name in quotation marks, whatever the parse makes of its words
        while following < len(words):
            if words[following].upos in PHRASE_WORDS and not _particle_after_noun(words, following):
                following += 1
            elif (title := quoted_title_end(words, following)) is not None and following > end:
                named = words[end].text.lower() in _OWNER_WORDS \
                    and all(w.upos == "DET" for w in words[end + preposition:following])
                following = title  # "der Meldung auf der Homepage von | „con energy“"
                break
            else:
                break
        if following < len(words) and words[following].text == "(":
            close = closing_bracket(words, following)
            following = close + 1 if close is not None else following
        in_title = sum(is_mark(w) for w in words[start:end]) % 2 == 1  # „Oberster Rat zur Wiederherstellung …“
        if words[end].text.lower() in word_list("verb_prepositions.txt") and not in_title:
            break
        phrase = list(words[end + preposition:following])
        if not preposition and not _is_genitive(phrase):
            break
        attached = named or any(w.upos in _NOUNS and w.deprel == "nmod" and w.head in inside for w in phrase)
        first_noun = next((w for w in phrase if w.upos in _NOUNS), None)
        if not attached or is_temporal(phrase) or (first_noun is not None and is_temporal([first_noun])):
            break  # "im Juni 2007 | 220.853 Passagiere": a time, whatever the parse hangs on it
        inside |= {word.id for word in words[end:following]}
        end = following
        if preposition:
            end = _coordinated_in_attribute(words, end)
    if end < len(words) and is_mark(words[end]) and sum(is_mark(w) for w in words[start:end]) % 2 == 1:
        end += 1  # the mark that closes a title the phrase opened
    return end


PREFIELD_REACH = 8  # words of attributes between a fronted source phrase and its finite verb


def prefield_end(sentence: Sentence, start: int, end: int) -> int:
    """The end of a noun phrase at [start, end) that opens its clause, taken
    to the finite verb when only prepositional phrases stand between: German
    puts one constituent before the finite verb, so "Nach Ansicht der
    Oppositionsparteien | im Berliner Abgeordnetenhaus | sei …" is one phrase,
    however the parse attaches "im", and so is a title in quotation marks
    ("im Magazin | „Nature“ | haben …"). `end` when anything else is between."""
    words = sentence.words
    verb = end
    while verb < len(words) and verb - end <= PREFIELD_REACH and not is_finite_verb(words[verb]) \
            and (words[verb].upos in PHRASE_WORDS | {"ADP"} or is_mark(words[verb])):
        verb += 1
    opens = start == 0 or (start == 1 and words[0].upos == "PUNCT")
    between = words[end:verb]
    attached = bool(between) and (between[0].upos == "ADP" or is_mark(between[0])
                                  or between[0].text.lower() in genitive_determiners())
    if not opens or verb == end or verb >= len(words) or not is_finite_verb(words[verb]) or not attached \
            or is_temporal(list(between)):
        return end  # "Laut dem „Deutschlandtrend“ | der ARD | halten …": a genitive before the verb is in it too
    return verb


def _particle_after_noun(words: tuple[Word, ...], index: int) -> bool:
    """A lowercase adjective right after a noun is no attribute of it, which
    would stand before it, but a verb's particle ("gab die Bank in Rom |
    bekannt")."""
    word = words[index]
    return word.upos == "ADJ" and word.text.islower() and words[index - 1].upos in _NOUNS


def _coordinated_in_attribute(words: tuple[Word, ...], end: int) -> int:
    """Past a second noun joined to a prepositional attribute: an office's
    field ("Minister für Arbeit | und Soziales", "Kommissar für Erweiterung |
    und europäische Nachbarschaftspolitik"). Common nouns only, so a second
    speaker ("und Merkel") stays apart."""
    if end + 1 >= len(words) or words[end].text.lower() not in {"und", "sowie"}:
        return end
    following = end + 1
    while following < len(words) and words[following].upos == "ADJ" and words[following].text.islower():
        following += 1
    if following >= len(words) or words[following].upos != "NOUN":
        return end
    following += 1
    while following < len(words) and words[following].upos == "PROPN":
        following += 1  # the holder's name after the office: "… und Soziales | Hubertus Heil"
    return following


def _is_genitive(phrase: list[Word]) -> bool:
    """A genitive attribute ("des Ministeriums", "einer russischen Quelle"),
    not an object ("den Fluggast")."""
    opening = phrase[0].text.lower()
    return opening in genitive_determiners(unambiguous=True) or (
        opening not in {"den", "dem"} and any(w.upos in _NOUNS and w.feats.get("Case") == "Gen" for w in phrase))


def words_between(sentence: Sentence, start: int, end: int) -> list[Word]:
    return [w for w in sentence.words if w.start >= start and w.end <= end]


CLAUSE_OPENERS = {"dass", "daß", "ob", "wonach"}  # the words that open a clause of reported content


def clause_opening(words: Sequence[Word], index: int, boundaries: Collection[str]) -> int:
    """The index of the first word of the clause holding word `index`: the
    word after the nearest boundary before it (a comma, a colon, …), or 0."""
    start = index
    while start > 0 and words[start - 1].text not in boundaries:
        start -= 1
    return start


APPOSITION_REACH = 7  # words from an apposition's closing comma back to its opening one


def apposition_start(words: tuple[Word, ...], closing: int) -> int | None:
    """The index of the comma that opens a short apposition of names and
    nouns closed by the comma at `closing` ("Dem Chefankläger, Luis Moreno
    Ocampo, zufolge", "der Investor, Larry A. Silverstein, …"), when a noun
    stands before it; None when the words between hold a verb."""
    if words[closing].text != ",":
        return None
    for opening in range(closing - 1, max(closing - APPOSITION_REACH - 1, 0), -1):
        if words[opening].text == ",":
            inside = words[opening + 1:closing]
            nominal = bool(inside) and inside[0].upos in PHRASE_WORDS and any(w.upos in _NOUNS for w in inside) \
                and all(w.upos in PHRASE_WORDS | {"PUNCT", "ADP"} for w in inside)
            return opening if nominal and words[opening - 1].upos in _NOUNS else None
    return None


def opens_plural_phrase(previous: Word, word: Word) -> bool:
    """A plural noun right after a singular one starts a new noun phrase
    ("laut Ministerium | Arbeiten an …"), unless the first is a place's
    adjective ("Wiener Linien", "Berliner Verkehrsbetriebe")."""
    return previous.upos == "NOUN" and word.upos == "NOUN" and previous.feats.get("Number") == "Sing" \
        and word.feats.get("Number") == "Plur" and not previous.text.endswith("er")
