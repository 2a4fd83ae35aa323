"""Speech acts reported without their words: "Greenpeace fordert die
Vernichtung der Lagerbestände", "Die Polizei sprach von einer friedlichen
Demonstration". SpkAtt annotates them (Form "Reported"), GUIDELINES.md does
not count them as quotes, so they are found only on request. The record is
the clause of the verb, its speaker included, as SpkAtt marks it."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from quotes.detect.candidates import Candidate
from quotes.detect.cues import Cue
from quotes.document import Document, Sentence, Word
from quotes.lexicons import table

_CLAUSE_HEADS = {"root", "conj", "parataxis", "advcl"}  # a main clause, or an adverbial one: "Nachdem X gewarnt hatte"
_OWN_CLAUSE = {"conj", "parataxis"}  # a coordinated clause is a record of its own
_CONTENT_CLAUSE = {"ccomp", "csubj"}  # a clause that says what was said: the indirect stage's
_PREDICATIVE = "als"
_PASSIVE_AUXILIARIES = {"werden", "sein"}  # "wurde kritisiert", "sind für Montag angekündigt"
_IMPERSONAL = {"man"}  # "Als Lichtjahr bezeichnet man …" defines; nobody speaks


@cache
def speech_act_verbs() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Lemma → the prepositions its object must take (none: any object) and
    those that make it no report; data/lexicons/speech_act_verbs.tsv."""
    return {row[0]: (_column(row, 1), _column(row, 2)) for row in table("speech_act_verbs.tsv")}


def _column(row: tuple[str, ...], index: int) -> frozenset[str]:
    return frozenset(row[index].split(",")) if len(row) > index and row[index] else frozenset()


def detect_reported(document: Document, found: list[Candidate],
                    cues_of: Callable[[Sentence], list[Cue]]) -> list[Candidate]:
    """Reported speech acts in clauses that hold no other candidate and whose
    verb is no other candidate's cue."""
    taken = [(c.start, c.end) for c in found] + [(c.cue.start, c.cue.end) for c in found if c.cue is not None]
    result = []
    for sentence in document.sentences:
        cues = cues_of(sentence)
        particles = {w.id for cue in cues for w in cue.words[1:]}  # "forderte … und kündigte … an": "an" is taken
        for cue in cues:
            span = _reported_clause(sentence, cue, particles)
            if span is not None and not any(s < span[1] and span[0] < e for s, e in taken):
                result.append(Candidate("reported", span[0], span[1], sentence.index, cue, "reported", "subject"))
                taken.append(span)
    return result


def _reported_clause(sentence: Sentence, cue: Cue, particles: set[int]) -> tuple[int, int] | None:
    """The span of the clause in which `cue` reports a speech act, or None;
    `particles` are the words that make part of the sentence's verb cues."""
    verb = cue.head
    if cue.kind != "verb" or cue.lemma not in speech_act_verbs() or verb.deprel not in _CLAUSE_HEADS:
        return None
    prepositions, excluded = speech_act_verbs()[cue.lemma]
    dependents = [w for w in sentence.words if w.head == verb.id]
    if any(w.deprel in _CONTENT_CLAUSE for w in dependents) or _is_passive(verb, dependents):
        return None
    if (not verb.is_finite and not any(w.deprel == "aux" for w in dependents)) \
            or any(w.deprel == "mark" and w.text.lower() == "zu" for w in dependents):
        return None  # a participle or infinitive that names ("genannt „…“") or is to be done ("zu beklagen")
    if any(w.deprel == "compound:prt" and w.id not in particles for w in dependents):
        return None  # another verb: "forderte … an", "fordern … ein"
    if any(w.xpos == "PRF" for w in dependents):  # "nennt sich", "beschuldigt sich gegenseitig"
        return None
    if any(w.deprel.startswith("nsubj") and w.text.lower() in _IMPERSONAL for w in dependents):
        return None
    clause = _clause_words(sentence, cue)
    if (prepositions and not _takes_preposition(clause, verb, prepositions)) \
            or (excluded and _takes_preposition(clause, verb, excluded)):
        return None
    return clause[0].start, clause[-1].end


def _is_passive(verb: Word, dependents: list[Word]) -> bool:
    participle = verb.feats.get("VerbForm") == "Part"
    return any(w.deprel == "aux:pass" or (participle and w.deprel == "aux" and w.lemma in _PASSIVE_AUXILIARIES)
               for w in dependents)


def _takes_preposition(clause: list[Word], verb: Word, prepositions: frozenset[str]) -> bool:
    """The verb has a prepositional object with one of `prepositions` ("sprach
    von einem Erfolg", "verweist auf die Lage"); a predicative "als" may hang
    anywhere after it, where a small parser puts it ("wertet die Einigung mit
    der Konzernführung als Erfolg")."""
    objects = {w.id for w in clause if w.head == verb.id}
    return any(w.deprel in {"case", "mark", "cc"} and w.text.lower() in prepositions
               and (w.head in objects or (w.text.lower() == _PREDICATIVE and w.id > verb.id))
               for w in clause)


def _clause_words(sentence: Sentence, cue: Cue) -> list[Word]:
    """The verb with its particle and everything that hangs from it, up to
    the first clause coordinated with it; the coordinator before it and the
    final punctuation left out."""
    verb = cue.head
    coordinated = {w.id for w in sentence.words if w.head == verb.id and w.deprel in _OWN_CLAUSE}
    inside = _subtree(sentence, {w.id for w in cue.words}, coordinated)
    after = [w.start for w in sentence.words if w.id in _subtree(sentence, coordinated, set()) and w.id > verb.id]
    words = [w for w in sentence.words if w.id in inside and (not after or w.start < min(after))]
    while len(words) > 1 and words[-1].upos == "PUNCT":
        words.pop()
    if len(words) > 1 and words[0].deprel == "cc" and words[0].head == verb.id:
        words.pop(0)  # "… und kündigte eine Klage an": the clause without "und"
    return words


def _subtree(sentence: Sentence, heads: set[int], excluded: set[int]) -> set[int]:
    """The ids of `heads` and of all words that hang from them, not passing
    through `excluded`."""
    inside = set(heads)
    changed = True
    while changed:  # a head may come before or after its dependents: repeat until nothing is added
        changed = False
        for word in sentence.words:
            if word.id not in inside and word.head in inside and word.id not in excluded:
                inside.add(word.id)
                changed = True
    return inside
