"""Speech cues on Stanza's analysis: verbs of saying (with their separable
particle joined: "teilte … mit" is "mitteilen"), source prepositions ("laut",
"zufolge", "so") and "hieß es". The lexicons live in data/lexicons."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import cache

from quotes.document import Sentence, Word
from quotes.lexicons import endings, mapping, quote_marks, table, word_list

_PARTICLE_RELATIONS = {"compound:prt"}
_PARTICLE_TAGS = {"PTKVZ"}
CROSS_REFERENCE_WORDS = 3  # words before the verb in "(Wikinews berichtete)", "(die Zeitung hatte berichtet)"
_CLAUSE_END = {",", ";", ":", ".", "!", "?", "–"}
_VERBAL = {"VERB", "AUX"}
_MISTAGGED = {"NOUN", "PROPN", "ADJ", "ADV", "X"}  # a small tagger's errors on lowercase verbs


@dataclass(frozen=True)
class Cue:
    """A cue in a sentence: the words that make it, and its kind."""

    words: tuple[Word, ...]
    kind: str  # verb, preposition, heissen, so, colon, predicate (a noun or adjective taking a clause)
    lemma: str

    @property
    def head(self) -> Word:
        return self.words[0]

    @property
    def start(self) -> int:
        return min(w.start for w in self.words)

    @property
    def end(self) -> int:
        return max(w.end for w in self.words)


@cache
def speech_verbs() -> frozenset[str]:
    """Verbs that cue speech, those of thought_verbs.txt included."""
    return word_list("speech_verbs.txt") | thought_verbs()


@cache
def thought_verbs() -> frozenset[str]:
    """Verbs of fearing, hoping for, intending and agreeing: their clauses are
    positions, not quotes by GUIDELINES.md (data/lexicons/thought_verbs.txt)."""
    return word_list("thought_verbs.txt")


@cache
def source_prepositions() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in table("source_prepositions.tsv")}


@cache
def _nouns(*names: str) -> frozenset[str]:
    return frozenset(noun.lower() for name in names for noun in word_list(name))


COMPOUND_MODIFIER = 3  # the least letters before a known noun that make a compound ("Polizei|angaben")
COMPOUND_HEAD = 6  # the least letters of a known noun as a compound's head (not "Voraus|sicht", "Ant|wort")


def _noun_in(word: Word, nouns: frozenset[str]) -> bool:
    """The word, its lemma or its compound head ("Polizeiangaben",
    "dpa-Angaben") is one of `nouns`."""
    if word.upos not in {"NOUN", "PROPN", "X", "ADV"} and not word.is_capitalised:
        return False  # a capitalised word is a noun whatever its tag ("dpa-Angaben" as an adjective)
    text = word.text.lower()
    if text in nouns or word.lemma.lower() in nouns:
        return True
    return _compound_of(text, nouns)


@cache
def _compound_of(text: str, nouns: frozenset[str]) -> bool:
    """A compound whose head is one of `nouns` ("polizeiangaben", "dpa-angaben")."""
    last_part = text.rsplit("-", 1)[-1]
    if last_part != text:
        return last_part in nouns
    return any(text.endswith(noun) and len(text) - len(noun) >= COMPOUND_MODIFIER
               for noun in nouns if len(noun) >= COMPOUND_HEAD)


@cache
def genitive_determiners(*, unambiguous: bool = False) -> frozenset[str]:
    """Determiners that open a genitive attribute ("des", "einiger"); with
    `unambiguous`, only those that are never dative ("der" is both)."""
    return frozenset(row[0] for row in table("genitive_determiners.tsv")
                     if not unambiguous or row[1] == "genitive")


_LINKING_S_AFTER = ("ung", "heit", "keit", "schaft", "tion", "tät")


def speech_noun_source(word: Word) -> str | None:
    """Who a compound noun of saying names: "Polizeiangaben" → "Polizei",
    "dpa-Angaben" → "dpa", "Regierungsangaben" → "Regierung"; nobody where
    the first part is no speaker ("Meinungsumfragen", "Jahresbericht")."""
    text = word.text
    nouns = _nouns("speech_nouns.txt")
    if "-" in text:
        modifier, _, head = text.rpartition("-")
        return modifier if head.lower() in nouns and _names_speaker(modifier) else None
    lower = text.lower()
    for noun in sorted(nouns, key=len, reverse=True):
        if len(noun) >= COMPOUND_HEAD and lower.endswith(noun) and len(lower) - len(noun) >= COMPOUND_MODIFIER:
            modifier = text[:len(text) - len(noun)]
            if modifier.endswith("s") and modifier[:-1].lower().endswith(_LINKING_S_AFTER):
                modifier = modifier[:-1]
            return modifier if _names_speaker(modifier) else None
    return None


def _names_speaker(modifier: str) -> bool:
    """The first part of a compound names who speaks: an institution, group or
    agent ("Polizei", "Experten", "Veranstalter"), an acronym ("dpa", "UN")
    or a news agency ("Reuters-Informationen")."""
    acronym = modifier.isupper() or (modifier.islower() and len(modifier) <= 4)
    agency = modifier.lower() in word_list("news_agencies.txt")
    return bool(modifier) and (acronym or agency or has_speaker_ending(modifier))


def has_speaker_ending(text: str) -> bool:
    """The word ends like a noun of an institution, group, medium, document or
    agent (data/lexicons/speaker_nouns.txt): "Verteidigungsministerium", "Sprecher"."""
    return text.lower().endswith(endings("speaker_nouns.txt"))


def is_speech_noun(word: Word) -> bool:
    """A noun that names a source of information: "Angaben", "Ansicht",
    "Polizeiangaben", "Expertenmeinung"."""
    return _noun_in(word, _nouns("speech_nouns.txt"))


def is_content_noun(word: Word) -> bool:
    """A noun that can take what was said as its complement clause:
    "die Behauptung, …", "der Beschluss, … zu …", "der Ansicht, dass …"."""
    return _noun_in(word, _nouns("speech_nouns.txt", "content_nouns.txt"))


def speaks_for_owner(word: Word) -> bool:
    """A noun whose owner is the speaker: a statement ("Angaben der Polizei"),
    a quotation ("die Botschaft der Regierung"), a document or a side ("in dem
    Schreiben der Gewerkschaft", "von Seiten der CDU";
    data/lexicons/owner_nouns.txt, quotation_nouns.txt)."""
    return is_content_noun(word) or word.text in word_list("owner_nouns.txt") \
        or word.text in word_list("quotation_nouns.txt")


def is_stance_word(word: Word) -> bool:
    """An adjective (or adverb, or participle) of stance that can take what
    was said as its complement: "zeigte sich zuversichtlich, dass …"."""
    stances = word_list("stance_adjectives.txt")
    return word.upos in {"ADJ", "ADV", "VERB"} and (word.text.lower() in stances or word.lemma in stances)


def _particle(sentence: Sentence, verb: Word) -> Word | None:
    """The separable particle of a verb: after it in a main clause ("gab …
    bekannt", past an apposition: "gab der Leiter, Andreas Huber, bekannt"),
    or written apart right before it at the end of a clause ("wie die Bank
    bekannt gab")."""
    for word in sentence.words:
        if word.head == verb.id and word.deprel in _PARTICLE_RELATIONS and word.id >= verb.id - 1:
            return word  # after the verb, or right before it at a clause's end; not another verb's ("stimmte … zu")
    particles = word_list("particles.txt")
    before = sentence.word(verb.id - 1)
    if before is not None and before.text.lower() in particles and before.upos not in {"ADP", "PRON", "DET"}:
        return before
    following = sentence.words[verb.id:]
    for position, word in enumerate(following):
        after = following[position + 1] if position + 1 < len(following) else None
        closes_clause = after is None or after.text in _CLAUSE_END
        if word.xpos in _PARTICLE_TAGS or (closes_clause and word.text.lower() in particles):
            return word
        apposition = word.text == "," and after is not None and (after.text[:1].isupper()
                                                                  or after.text.lower() in particles)
        if (word.text in _CLAUSE_END and not apposition) or (word.upos in _VERBAL and word.is_finite):
            break
    return None


def _lemma_candidates(word: Word) -> list[str]:
    """The tagger's lemma and a few repairs for forms a small model misses."""
    lemma = word.lemma.lower()
    text = word.text.lower()
    candidates = [lemma]
    irregular = mapping("verb_forms.tsv").get(text)
    if irregular:
        candidates.insert(0, irregular)
    for suffix in ("eten", "ete", "et", "test", "ten", "te", "st", "t", "en", "e"):
        if text.endswith(suffix) and len(text) > len(suffix) + 2:
            stem = text[: -len(suffix)]
            candidates.extend((stem + "en", stem + "n"))
    if text.startswith("ge") and text.endswith(("t", "en")):
        candidates.extend(_participle_infinitives(text))
    particle = next((p for p in _particles_longest_first() if text.startswith(p + "ge")), None)
    if particle is not None and len(text) > len(particle) + 4:  # "vorgeworfen", "nachgesagt"
        participle = text[len(particle):]
        irregular = mapping("verb_forms.tsv").get(participle)
        regular = _participle_infinitives(participle) if participle.endswith("t") else [participle[2:]]
        candidates.extend(particle + infinitive for infinitive in ([irregular] if irregular else regular))
    return candidates


def _participle_infinitives(participle: str) -> list[str]:
    """The infinitives a regular participle may come from: "gesagt" →
    "sagen", "gemeldet" → "melden", "geäußert" → "äußern"."""
    stem = participle[2:-2] if participle.endswith(("et", "en")) else participle[2:-1]
    return [stem + "en", stem + "n"]


@cache
def _particles_longest_first() -> tuple[str, ...]:
    return tuple(sorted(word_list("particles.txt"), key=len, reverse=True))


def verb_cue(sentence: Sentence, word: Word) -> Cue | None:
    """The speech-verb cue headed by `word`, or None."""
    following = sentence.word(word.id + 1)
    fronted = word.id == 1 and following is not None and following.upos == "AUX" and following.is_finite
    listed = word.text.lower() in mapping("verb_forms.tsv")  # "wies" is a verb, whatever the tagger says
    if word.upos not in _VERBAL and not ((word.text[:1].islower() or fronted) and word.upos in _MISTAGGED) \
            and not listed:
        return None  # a noun, unless a small tagger mistook a verb ("Kritisiert wird, dass …")
    if _is_present_participle(word.text) or _names_something(sentence, word) or _is_attributive(sentence, word):
        return None
    verbs = speech_verbs()
    particle = _particle(sentence, word)
    lemmas = _lemma_candidates(word)
    for lemma in lemmas:
        if particle is not None:
            joined = particle.text.lower() + lemma
            if joined in verbs:
                return Cue((word, particle), "verb", joined)
        if lemma in verbs:
            return Cue((word,), "verb", lemma)
    return _phrase_cue(sentence, word, lemmas) or _finding_cue(sentence, word, particle, lemmas) \
        or _learning_cue(sentence, word, lemmas)


def _learning_cue(sentence: Sentence, verb: Word, lemmas: list[str]) -> Cue | None:
    """A verb of learning that a wie-clause opens: "Wie der SPIEGEL aus
    Sicherheitskreisen erfuhr, …" (data/lexicons/learning_verbs.txt)."""
    lemma = next((lemma for lemma in lemmas if lemma in word_list("learning_verbs.txt")), None)
    clause = _clause_of(sentence, verb)
    if lemma is None or not clause or clause[0].text.lower() != "wie":
        return None
    return Cue((verb,), "verb", lemma)


def _finding_cue(sentence: Sentence, verb: Word, particle: Word | None, lemmas: list[str]) -> Cue | None:
    """A verb of showing whose subject is a statement: "Wie eine Studie
    ergab, …", "Die Umfrage legt nahe, dass …" (data/lexicons/finding_verbs.txt).
    The subject is a noun of saying in the verb's clause that no preposition
    governs ("in der Studie zeigt sich" is no report)."""
    verbs = word_list("finding_verbs.txt")
    options = [(particle.text.lower() + lemma, (verb, particle)) for lemma in lemmas] if particle is not None else []
    options += [(lemma, (verb,)) for lemma in lemmas]
    found = next(((lemma, words) for lemma, words in options if lemma in verbs), None)
    if found is None or not any(_statement_subject(word, sentence) for word in _clause_of(sentence, verb)):
        return None
    return Cue(found[1], "verb", found[0])


def _clause_of(sentence: Sentence, word: Word, bounds: Collection[str] = _CLAUSE_END) -> list[Word]:
    """The words between the clause marks (`bounds`) around `word`."""
    clause: list[Word] = []
    for other in sentence.words:
        if other.text in bounds:
            if other.id > word.id:
                break
            clause = []
        else:
            clause.append(other)
    return clause


def _statement_subject(word: Word, sentence: Sentence) -> bool:
    """A noun of saying that is no preposition's object: its phrase does not
    open with a preposition."""
    if not is_speech_noun(word):
        return False
    position = phrase_opening(sentence.words, word.id - 1)
    return position == 0 or sentence.words[position - 1].upos != "ADP"


def phrase_opening(words: tuple[Word, ...], noun: int) -> int:
    """Where the phrase of the noun at index `noun` opens: past its
    adjectives to its own article, not a phrase it is the genitive of."""
    start = noun
    while start > 0 and words[start - 1].upos in {"DET", "ADJ", "NUM"}:
        start -= 1
        if words[start].upos == "DET":
            break
    return start


def _phrase_cue(sentence: Sentence, verb: Word, lemmas: list[str]) -> Cue | None:
    """A verb (with these lemma candidates) and the fixed words of a phrase of
    saying: "gab … zu bedenken", "zu verstehen gegeben"
    (data/lexicons/speech_phrases.tsv)."""
    words = sentence.words
    for written, lemma in table("speech_phrases.tsv"):
        if lemma not in lemmas:
            continue
        phrase = written.split()
        length = len(phrase)
        before = words[max(verb.id - 1 - length, 0):verb.id - 1]
        if [w.text.lower() for w in before] == phrase:
            return Cue((verb, *before), "verb", f"{written} {lemma}")
        for position in range(verb.id, len(words) - length + 1):
            run = words[position:position + length]
            if [w.text.lower() for w in run] == phrase:
                return Cue((verb, *run), "verb", f"{written} {lemma}")
            if words[position].text in _CLAUSE_END or words[position].text in quote_marks().all:
                break  # not "hält … als „Beispiel für …“": the phrase stands outside a quotation
    return None


def _is_present_participle(form: str) -> bool:
    """"bestehend", "entscheidende": an infinitive and "d" with an adjective's
    ending describes ("eine Kommission bestehend aus …"); it reports no speech."""
    base = form.lower()
    for ending in ("em", "en", "er", "es", "e"):
        if base.endswith("end" + ending):
            base = base[:-len(ending)]
            break
    return base.endswith("end") and base[:-1].endswith(("en", "ern", "eln"))


def _is_attributive(sentence: Sentence, word: Word) -> bool:
    """"auf nicht weiter bezeichnete Quellen gab X an", "die veröffentlichte
    Studie": a participle with an adjective's ending before its noun, after an
    article or preposition, or after an adverb when another finite verb
    carries the clause; it describes the noun and reports no speech."""
    before, after = sentence.word(word.id - 1), sentence.word(word.id + 1)
    if before is None:
        return False
    clause = _clause_of(sentence, word, _CLAUSE_END | {"-"})
    other_finite = any(w.upos in _VERBAL and w.is_finite and w is not word for w in clause)
    if word.deprel == "amod" and not word.is_finite and before.upos in {"DET", "ADJ", "NUM"} and other_finite:
        return True  # "die erste bekannte Tat", as the parse has it; not "Im Juli 2008 vermeldete X, …"
    inflected = word.text.lower().endswith(("e", "en", "em", "er", "es"))
    if word.upos in {"ADJ", "ADV"} and other_finite and after is not None and (
            after.upos == "ADJ" or (after.upos in {"NOUN", "PROPN"} and inflected)):
        return True  # tagged as a modifier where another verb carries the clause: "äußerst eingeschränkte Rechte"
    if after is None or after.upos not in {"NOUN", "PROPN"} or not inflected:
        return False
    if before.text.lower() in word_list("articles_prepositions.txt") and before is not clause[0]:
        return True  # not "Das sagte Merkel": the verb second after a clause's first word
    return before.upos == "ADV" and other_finite


def _names_something(sentence: Sentence, word: Word) -> bool:
    """"so genannten „…“", "nennt sich „…“", "wie er sich nannte", "wie
    er genannt wird", "Dies nennt man …", "der als „Sonnenwind“ bezeichnet
    wird": a verb of naming that gives a thing its name, not someone's
    words."""
    before = sentence.word(word.id - 1)
    clause = _clause_of(sentence, word)
    clause_before = [w for w in clause if w.id < word.id]
    reflexive = any(w.text.lower() == "sich" for w in [*sentence.words[word.id:word.id + 2], *clause_before])
    after = sentence.word(word.id + 1)
    form = word.text.lower()
    words_before = {w.text.lower() for w in clause_before}
    agent = bool(words_before & {"von", "vom", "durch"})  # "vom Minister als „absurd“ bezeichnet": words
    werden = any(w.lemma == "werden" for w in clause)
    passive = werden and ((form == "genannt" and after is not None and after.lemma == "werden")
                          or (form == "bezeichnet" and "als" in words_before and not agent))  # "als „…“ bezeichnet"
    impersonal = after is not None and after.text.lower() == "man"  # "Dies nennt man einen „Aktiensplit“"
    naming = form.startswith(("genannt", "nennt", "nannte", "nennen")) or form == "bezeichnet"
    return naming and (reflexive or passive or impersonal or (before is not None and before.text.lower() == "so"))


def heissen_cue(sentence: Sentence, word: Word) -> Cue | None:
    """'hieß es' / 'heißt es' (passive-like attribution to an organisation),
    and 'ist zu hören' / 'war zu lesen' / 'In dem Bericht steht', which
    attribute the same way."""
    if word.text.lower() in word_list("hearsay_infinitives.txt"):
        zu, finite = sentence.word(word.id - 1), sentence.word(word.id - 2)
        if zu is not None and finite is not None and zu.text.lower() == "zu" and finite.lemma == "sein":
            return Cue((finite, zu, word), "heissen", "heißen")
        return None
    if word.lemma == "stehen" and word.id > 2 and sentence.words[0].text in {"In", "Im"} \
            and any(is_speech_noun(w) for w in sentence.words[1:word.id - 1]):
        return Cue((word,), "heissen", "heißen")  # "In dem Bericht steht, dass …"
    if word.lemma.lower() != "heißen" and word.text.lower() not in {"hieß", "heißt", "hiess", "heisst"}:
        return None
    neighbours = [sentence.word(word.id + 1), sentence.word(word.id - 1)]
    for other in neighbours:
        if other is not None and other.text.lower() == "es":
            pair = tuple(sorted((word, other), key=lambda w: w.start))
            return Cue(pair, "heissen", "heißen")
    clause = [w for w in _clause_of(sentence, word) if w.id < word.id]
    if len(clause) > 1 and clause[0].text.lower() == "wie" and clause[1].text.lower() == "es":
        return Cue((clause[1], word), "heissen", "heißen")  # "Wie es in einer Mitteilung hieß, …", "…, wie es hieß, …"
    return None


def preposition_cue(word: Word) -> Cue | None:
    """'laut', 'zufolge', 'so', 'gemäß' as attribution markers."""
    lemma = word.text.lower()
    if lemma in source_prepositions() and lemma != "so":
        return Cue((word,), "preposition", lemma)
    return None


def source_side(cue: Cue) -> str:
    """Where a preposition's source stands: 'after' ("laut X") or 'before' ("X zufolge")."""
    return source_prepositions().get(cue.lemma, "after")


def find_cues(sentence: Sentence) -> list[Cue]:
    """All cues in a sentence, in order; a word that is another cue's particle
    is no cue of its own ("bekannt" of "hat … bekannt gegeben")."""
    cues = []
    for word in sentence.words:
        cue = verb_cue(sentence, word) or heissen_cue(sentence, word) or preposition_cue(word)
        if cue is not None:
            cues.append(cue)
    particles = {word.id for cue in cues if cue.kind == "verb" for word in cue.words[1:]}
    return [cue for cue in cues if cue.head.id not in particles and not _cross_reference(sentence, cue)]


def document_cues() -> Callable[[Sentence], list[Cue]]:
    """`find_cues` remembered by sentence index, for the stages that go over
    one document's sentences in turn."""
    found: dict[int, list[Cue]] = {}

    def cues_of(sentence: Sentence) -> list[Cue]:
        if sentence.index not in found:
            found[sentence.index] = find_cues(sentence)
        return found[sentence.index]

    return cues_of


def _cross_reference(sentence: Sentence, cue: Cue) -> bool:
    """A verb that closes a short parenthesis: "(Wikinews berichtete)", "(wir
    berichteten)" points to an earlier article, it attributes nothing."""
    if cue.kind != "verb":
        return False
    last = max(word.id for word in cue.words)
    closing = sentence.word(last + 1)
    if closing is None or closing.text != ")":
        return False
    before = sentence.words[max(cue.head.id - 1 - CROSS_REFERENCE_WORDS, 0):cue.head.id - 1]
    return any(word.text == "(" for word in before)
