"""Finding the speaker mention of a candidate: the subject of the cue verb,
the inverted subject after a quote, the noun phrase after 'so'/'laut' or
before 'zufolge', the speaker before a colon."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from quotes.attribute.resolve import articles_among_particles, is_name_particle, is_role_noun
from quotes.detect import Candidate, Cue
from quotes.detect.cues import (
    genitive_determiners,
    has_speaker_ending,
    heissen_cue,
    is_speech_noun,
    phrase_opening,
    preposition_cue,
    source_side,
    speaks_for_owner,
)
from quotes.detect.spans import (
    COORDINATORS,
    PHRASE_WORDS,
    RELATIVE_PRONOUNS,
    apposition_start,
    attribute_participle,
    attributes_end,
    auxiliary_of_participle,
    clause_opening,
    closing_bracket,
    has_name_particle,
    is_konjunktiv,
    is_mark,
    is_outlet_name,
    is_temporal,
    opening_bracket,
    opens_plural_phrase,
    prefield_end,
    quoted_title_end,
    slash_name_end,
)
from quotes.document import Document, Sentence, Word
from quotes.lexicons import endings, mapping, word_list

_NP_WORDS = {"DET", "ADJ", "NUM", "NOUN", "PROPN", "X"}
_NAME_WORDS = {"NOUN", "PROPN", "X"}
_SUBJECT_RELATIONS = {"nsubj"}
_NOMINATIVE_PRONOUNS = {"ich", "er", "wir"}  # a subject wherever it stands
_HEISSEN_SOURCES = {"aus", "von", "vom", "in", "im", "bei", "beim", "seitens", "auf"}


def is_subject_pronoun(word: Word) -> bool:
    """"er", "sie", and a demonstrative standing alone ("Dieser behauptete"), not
    one before its noun ("diese Zeitung")."""
    article = word.feats.get("PronType") == "Dem" and word.deprel == "det"
    return word.text.lower() in mapping("pronouns.tsv") and not article


def _is_nominal(word: Word) -> bool:
    if word.text in word_list("sentence_starters.txt"):
        return False  # "Darüber", "Dabei": a small tagger may call them names
    if has_name_particle(word) or ("-" in word.text and word.is_capitalised):
        return True  # "al-Hassan", "dpa-Angaben"
    if word.upos in _NAME_WORDS or is_outlet_name(word):
        return True
    if word.upos == "ADV" and word.lemma[:1].isupper() and not word.lemma.endswith("end"):
        return True  # "Merkel hob hervor": a name the tagger took for an adverb keeps its capital (not "Relativierend")
    return word.text[:1].isupper() and word.upos in {"ADJ", "VERB"} and word.id > 1  # not "Relativierend fügt …"


def _stands_alone(words: tuple[Word, ...], index: int) -> bool:
    """A demonstrative determiner with no noun after it is a pronoun ("Dieser
    behauptete", "Diese baten ihn"), whatever the tagger calls it."""
    following = words[index + 1] if index + 1 < len(words) else None
    demonstrative = words[index].upos == "DET" and words[index].text.lower() in mapping("pronouns.tsv")
    return demonstrative and (following is None or (following.upos not in _NP_WORDS and not is_mark(following)))


def noun_phrase_forward(sentence: Sentence, index: int) -> list[Word]:
    """The noun phrase starting at word index `index`: determiners and
    adjectives, a run of nouns and names, a genitive or 'von' attribute,
    and a parenthesis such as "(CDU)"."""
    words = sentence.words
    if index >= len(words):
        return []
    if _stands_alone(words, index):
        return [words[index]]  # "Dieser behauptete", whatever the parse hangs it on
    following = words[index + 1] if index + 1 < len(words) else None
    article = words[index].text.lower() in _ARTICLES and following is not None \
        and following.upos in {"ADP", "ADJ", "NOUN", "PROPN", "NUM"} and words[index].feats.get("PronType") != "Rel" \
        and not (index > 0 and words[index - 1].text == ",")  # "die in Berlin geborene …" tagged PRON; not "…, die"
    if words[index].upos == "PRON" and not article:
        return [words[index]] if is_subject_pronoun(words[index]) else []
    end = index
    seen_noun = False
    while end < len(words):
        word = words[end]
        lower = word.text.lower()
        if is_mark(word) and seen_noun and words[end - 1].text.lower() in {"von", "vom"} \
                and (title := quoted_title_end(words, end)) is not None:
            end = title - 1  # "der Sektion von „Ärzte ohne Grenzen“"
        elif is_mark(word):
            if seen_noun and end > index and is_mark(words[end - 1]):
                break
        elif _is_nominal(word) and (word.text[:1].isupper() or is_outlet_name(word) or has_name_particle(word)
                                    or word.text.rsplit("-", 1)[-1][:1].isupper()):  # "dpa-Angaben", not "64-jährige"
            if seen_noun and opens_plural_phrase(words[end - 1], word):
                break  # "laut Ministerium Arbeiten an …": a plural after a singular noun opens the next phrase
            seen_noun = True
        elif (seen_noun or end == 0) and is_name_particle(words, end):
            pass
        elif not seen_noun and "-" in word.text and word.upos in {"NOUN", "ADJ"}:
            pass  # "Die 64-jährige deutsche Bundeskanzlerin": an adjective, whatever its tag
        elif not seen_noun and lower in COORDINATORS | {"oder"} and end > index and words[end - 1].upos == "ADJ" \
                and end + 1 < len(words) and words[end + 1].upos == "ADJ":
            pass  # "Die afghanischen und ausländischen Soldaten": two adjectives of one noun
        elif not seen_noun and end > index and word.upos in {"ADV", "PART"} and end + 1 < len(words) \
                and words[end + 1].upos == "ADJ" and words[end - 1].upos in {"DET", "ADV", "PART"}:
            pass  # "Ein nicht genannter Vertreter": an adverb of the adjective
        elif word.upos == "DET" and (not seen_noun or words[end - 1].text.lower() == "von") \
                and (title := quoted_title_end(words, end + 1)) is not None:
            end = title - 1  # "die „Aktion Deutschland hilft“", "Moritz Wohlrab von der „Aktion …“"
            seen_noun = True
        elif seen_noun and lower == "der" and end + 1 < len(words) \
                and words[end + 1].text.lower() in word_list("news_agencies.txt") \
                and (is_role_noun(words[end - 1]) or not is_speech_noun(words[end - 1])):
            break  # "ein Polizeisprecher | der APA": told the agency; not "einer Meldung der dpa"
        elif word.upos in {"DET", "ADJ", "NUM"} or (end == index and article) \
                or (word.upos == "ADP" and lower in {"von", "vom"} and seen_noun):
            genitive = word.upos in {"DET", "ADJ"} and (word.feats.get("Case") == "Gen"
                                               or lower in genitive_determiners(unambiguous=True)
                                               or _strong_genitive(words, end)
                                               or (word.upos == "DET" and lower in genitive_determiners()
                                                   and is_speech_noun(words[end - 1])))  # "Angaben einer Sprecherin"
            if genitive and words[end - 1].upos == "PROPN" and lower not in genitive_determiners(unambiguous=True) \
                    and word.upos == "DET" and not is_speech_noun(words[end - 1]):
                genitive = False  # "sagte Babler | der „Kronen Zeitung“", "Heil | der Deutschen Presse-Agentur":
                # to someone, not a name's genitive
            number = word.upos == "NUM" and _numbered(words[end - 1]) and not (
                end + 1 < len(words) and _is_nominal(words[end + 1]))  # "vom November 2011", "Nr. 72", "Apollo 11"
            if seen_noun and not genitive and not number and lower not in {"von", "vom"}:
                break
            if seen_noun and genitive and word.upos == "DET" and _nominative_adjective(words, end + 1):
                break  # "nach einer Nachricht der ursprüngliche Toaster": "der" opens the subject
        elif word.text in {"-", "‐"} and seen_noun and end + 1 < len(words) and _is_nominal(words[end + 1]):
            pass  # "Kreml -Sprecher": a compound broken by a stray space
        elif lower in {"und", "oder"} and seen_noun and words[end - 1].text.endswith("-") \
                and end + 1 < len(words) and _is_nominal(words[end + 1]):
            pass  # "der Such- und Rettungsagentur": a compound's first part shared
        elif seen_noun and (joined := slash_name_end(words, end)) is not None:
            end = joined - 1  # "Bündnis 90/Die Grünen", "CDU/CSU"
        elif word.text == "(" and seen_noun:
            close = closing_bracket(words, end)
            if close is None or any(w.upos in {"VERB", "AUX"} for w in words[end + 1:close]):
                break  # not "(Wikinews berichtete)": a remark, no part of the name
            end = close
        elif not seen_noun and end > index and word.upos in {"ADP", "ADV"} \
                and (participle := attribute_participle(words, end)) is not None:
            end = participle  # "einer am Dienstag veröffentlichten Mitteilung"
        else:
            break
        end += 1
    while end > index and ((words[end - 1].upos in {"DET", "ADP", "ADJ"} and not is_outlet_name(words[end - 1])
                            and not (words[end - 1].upos == "ADJ" and ("-" in words[end - 1].text
                                                                       or words[end - 1].text[:1].isupper())
                                     and _is_nominal(words[end - 1])))  # "dpa-Angaben", "der Wiener" as adjectives
                           or _unpaired_mark(words, index, end)):
        end -= 1
    return list(words[index:end]) if seen_noun else []


def _numbered(word: Word) -> bool:
    """A word a number belongs to: a month or season, an abbreviation
    ("Nr.") or a name ("Apollo")."""
    return is_temporal([word]) or (word.text.endswith(".") and len(word.text) > 1) or word.upos == "PROPN"


def _strong_genitive(words: tuple[Word, ...], index: int) -> bool:
    """A lowercase adjective in "-er" between two nouns, with no article: the
    genitive plural of the second ("Angaben libanesischer Sicherheitskreise",
    "Schätzungen französischer Behörden")."""
    word = words[index]
    return word.upos == "ADJ" and word.text.islower() and word.text.endswith("er") and index > 0 \
        and words[index - 1].upos in {"NOUN", "PROPN"} and index + 1 < len(words) and words[index + 1].upos == "NOUN"


def _nominative_adjective(words: tuple[Word, ...], index: int) -> bool:
    """A lowercase adjective without the ending "-en" that every adjective
    takes after a genitive article ("der neuen", never "der neue")."""
    return index < len(words) and words[index].upos == "ADJ" and words[index].text.islower() \
        and not words[index].text.endswith("en")


def _unpaired_mark(words: tuple[Word, ...], start: int, end: int) -> bool:
    """The phrase's last word is a quotation mark that opens nothing inside it."""
    marks = [w for w in words[start:end] if is_mark(w)]
    return bool(marks) and is_mark(words[end - 1]) and len(marks) % 2 == 1


def noun_phrase_backward(sentence: Sentence, last: int, *, after_preposition: bool = False) -> list[Word]:
    """The noun phrase ending at word index `last`; unless
    `after_preposition`, none that is the object of a preposition."""
    words = sentence.words
    if last < 0:
        return []
    if words[last].upos == "PRON":
        return [words[last]] if is_subject_pronoun(words[last]) else []
    closing = words[last].text == ")" or is_mark(words[last])
    if not closing and not _is_nominal(words[last]):
        return []
    start = last + 1
    while start > 0:
        word = words[start - 1]
        von_attribute = word.text.lower() in {"von", "vom", "für"} and start > 1 and _is_nominal(words[start - 2])
        shared_part = word.text.lower() in {"und", "oder"} and start > 1 and words[start - 2].text.endswith("-")
        if word.upos == "DET" and word.text.lower() not in genitive_determiners():
            start -= 1  # "dem", "die" open the phrase: no genitive attribute of a noun before them
            break
        if _is_nominal(word) and start <= last and _opens_non_genitive(words[start]):
            break  # "sagte die Kanzlerin | einigen Teilnehmern zufolge": a noun before a dative phrase
        if _is_nominal(word) or word.upos in {"DET", "ADJ", "NUM"} or von_attribute or shared_part \
                or is_name_particle(words, start - 1):  # "einer Meldung von Xinhua", "Thomas de Maizière"
            start -= 1
        elif word.text == ")" and (opening := opening_bracket(words, start - 1)) is not None:
            start = opening  # "des Verbandes (VDR)"
        elif is_mark(word) and (opening := _title_opening(words, start - 1)) is not None:
            start = opening  # dem „Figaro“
        else:
            break
    if start > last or not any(_is_nominal(w) for w in words[start:last + 1]):
        return []
    opening = start
    while opening > 0 and words[start].upos == "ADJ" and words[opening - 1].upos in {"ADV", "PART"}:
        opening -= 1  # "auf nicht weiter bezeichnete Quellen": adverbs of the adjective
    if opening < start and opening > 0 and words[opening - 1].upos == "DET":
        start = opening = opening - 1  # "Ein nicht genannter Vertreter"
    preposition = opening > 0 and (words[opening - 1].upos == "ADP" or words[opening - 1].text.lower() == "als")
    if preposition and not after_preposition:
        return []  # the object of a preposition ("am Dienstag", "als Begründung"), not a subject
    return list(words[start:last + 1])


def _opens_non_genitive(word: Word) -> bool:
    """A lowercase determiner or adjective that cannot open a genitive
    attribute ("einigen", "vielen", "dem"; not "politischer", "einiger")."""
    form = word.text
    return word.upos in {"DET", "ADJ"} and form.islower() and form not in genitive_determiners() \
        and not form.endswith(("er", "es"))


def _subject_by_dependency(sentence: Sentence, cue_head: Word) -> list[Word]:
    """The cue verb's subject; for a verb coordinated with an earlier one
    ("… war er … und behauptete, …") the subject of that verb."""
    heads = [cue_head.id]
    if cue_head.deprel == "conj" and cue_head.head:
        heads.extend(_coordinated_verb(sentence, cue_head))
    for head in heads:  # the verb's own subject first
        for word in sentence.words:
            if word.head == head and word.deprel in _SUBJECT_RELATIONS:
                phrase = noun_phrase_backward(sentence, word.id - 1)
                if phrase:
                    forward = noun_phrase_forward(sentence, phrase[0].id - 1)
                    if forward and forward[-1].id >= word.id:
                        return forward
                    tail = noun_phrase_forward(sentence, word.id - 1)  # "Merkels früherer | Sprecher Ulrich Wilhelm"
                    return phrase + [w for w in tail if w.id > phrase[-1].id]
    return []


def _coordinated_verb(sentence: Sentence, verb: Word) -> list[int]:
    """The id of the verb that `verb` is coordinated with: the first verb up
    its chain of heads that stands on the same side of every quotation mark.
    A small parser attaches the second verb to a noun or to a verb inside a
    quotation ("dankte den Menschen für ihre Unterstützung und ergänzte",
    "erklärte, X sei „…, und das repräsentiert …“ und kündigte an")."""
    def same_side(word: Word) -> bool:
        low, high = sorted((word.id, verb.id))
        return sum(is_mark(w) for w in sentence.words[low:high - 1]) % 2 == 0

    head = sentence.word(verb.head)
    seen = {verb.id}
    while head is not None and head.id not in seen:
        if head.upos in {"VERB", "AUX"} and same_side(head):
            return [head.id]
        seen.add(head.id)
        head = sentence.word(head.head)
    return []


_CLAUSE_BOUNDS = {",", ";", ":", "(", ")", "–", "—"}
_SKIPPED = {"ADV", "PART", "AUX", "VERB", "CCONJ", "SCONJ"}


_PREPOSITIONAL_SUBORDINATORS = {"als", "während", "seit", "seitdem", "bis"}  # "Während Shakira erklärte, …"


def clause_subject(sentence: Sentence, verb: Word) -> list[Word]:
    """The first noun phrase of the verb's clause that is not the object of a
    preposition nor dative/accusative by its determiner: "Hier sparte der
    Bundespräsident …", "da die PDM angekündigt hatte", "Wie eine Sprecherin
    gegenüber der FTD bestätigte". A fallback for when the parse has no subject."""
    words = sentence.words
    start = verb.id - 1
    while start > 0 and words[start - 1].text not in _CLAUSE_BOUNDS:
        if is_mark(words[start - 1]):
            opening = _title_opening(words, start - 1)
            if opening is None:
                break
            start = opening
        start -= 1
    index = start
    if words[start].text.lower() in _PREPOSITIONAL_SUBORDINATORS and _closes_clause(sentence, verb):
        index += 1  # "Als Hongkongs Chief Executive C.Y. Leung sagte, …": a subordinator, not "als Sprecher"
    while index < len(words) and words[index].text not in _CLAUSE_BOUNDS:
        word = words[index]
        if word.upos == "ADP" or word.text.lower() in {"am", "im", "zum", "zur", "beim", "vom", "als"}:
            index += 1
            while index < len(words) and words[index].upos in {"ADV", "PART"}:
                index += 1  # "auf nicht weiter bezeichnete Quellen"
            index += len(noun_phrase_forward(sentence, index))
            continue
        phrase = noun_phrase_forward(sentence, index) if word.upos not in _SKIPPED else []
        if phrase:
            if not _opens_as_object(phrase) and phrase[0].text.lower() not in {"es", "sich"}:
                return phrase
            index += len(phrase)
            continue
        index += 1
    return []


def _closes_clause(sentence: Sentence, verb: Word) -> bool:
    """Nothing but auxiliaries follows the verb in its clause: the verb-final
    order of a subordinate clause."""
    following = sentence.words[verb.id:]
    stop = next((i for i, w in enumerate(following) if w.text in _CLAUSE_BOUNDS or w.upos == "PUNCT"), len(following))
    return all(w.upos in {"AUX", "VERB"} for w in following[:stop])


def _clause_start(sentence: Sentence, index: int) -> int:
    """The index of the first word of the clause holding word `index`."""
    words = sentence.words
    start = index
    while start > 0:
        if is_mark(words[start - 1]):
            title = _title_opening(words, start - 1)
            if title is None or quoted_title_end(words, title) != start:
                break
            start = title  # "Scholz im Interview mit dem „Spiegel“: …": a title inside
        elif words[start - 1].text == ")" and (opening := opening_bracket(words, start - 1)) is not None:
            start = opening  # "aus einer Verlautbarung der Truppe (ISAF) hervorgeht": a parenthesis inside
        elif words[start - 1].text in _CLAUSE_BOUNDS:
            break
        else:
            start -= 1
    return start


def _title_opening(words: tuple[Word, ...], closing: int) -> int | None:
    """The index of the mark that opens a short title closed at `closing`
    ("laut „tagesschau.de“ kritisiert"), None when the marks hold a clause."""
    for index in range(closing - 1, max(closing - TITLE_REACH, -1), -1):
        if is_mark(words[index]):
            inside = words[index + 1:closing]
            return index if inside and not any(w.is_finite for w in inside) else None
    return None


def document_names(document: Document) -> frozenset[str]:
    """Every word the tagger calls a name somewhere in the article: a small
    tagger that calls "Hartmann" a noun in one sentence got it right in another."""
    return frozenset(w.text for s in document.sentences for w in s.words if w.upos == "PROPN" and w.text[:1].isupper())


def _opens_as_object(phrase: list[Word]) -> bool:
    """The phrase opens with a determiner or pronoun that marks it as an
    object ("den", "dem", "einem", "ihn"): it cannot be a subject."""
    return phrase[0].text.lower() in word_list("oblique_determiners.txt")


def _is_personal(words: list[Word], names: frozenset[str]) -> bool:
    """A name, a pronoun or a role noun: a phrase that can name a speaker."""
    return any(w.upos == "PROPN" or w.text in names or is_subject_pronoun(w) or is_role_noun(w) for w in words)


def is_speaker_noun(word: Word) -> bool:
    """A noun of an institution, a group, a medium or a document that states
    something: "Polizei", "Verteidigungsministerium", "Veranstalter"."""
    nominal = word.upos in _NAME_WORDS or (word.upos == "ADJ" and word.text[:1].isupper())  # "Verantwortliche"
    return nominal and has_speaker_ending(word.text)


def can_speak(words: list[Word], names: frozenset[str]) -> bool:
    """The phrase can name who spoke: a name, pronoun, role, institution,
    group or statement; a title in quotation marks; an acronym ("die USA");
    a short phrase of words with capitalised lemmas, mostly a name ("Litauen",
    "Günther Platter") or a bare plural of people ("Datenschützer"), not of
    an abstract noun ("Verhandlungen"); or a group without a noun ("Einige",
    "Die beiden"). Not "die Entwicklung", "vier Behandlungsmethoden" or
    "Besorgt"."""
    if len(words) == 1 and words[0].text.lower() in word_list("stance_adjectives.txt"):
        return False  # "Besorgt äußerte sich X": an adverbial of stance, whatever its tag
    if _is_personal(words, names) or any(is_speaker_noun(w) or is_speech_noun(w) or is_mark(w) or is_outlet_name(w)
                                         for w in words):
        return True
    if any(len(w.text) > 1 and w.text.isupper() for w in words):
        return True
    group = all(w.upos in {"DET", "PRON", "NUM", "ADJ"} for w in words) and words[0].upos in {"DET", "PRON", "NUM"}
    if words[0].feats.get("PronType") == "Ind" or group:
        return True  # "Einige der Moslems", "Die beiden"
    bare = all(w.lemma[:1].isupper() for w in words) and len(words) <= 3  # not "Besondere Probleme", "Oberhalb"
    return bare and not _is_abstract(words[-1])


def _inverted_subject(sentence: Sentence, verb: Word, names: frozenset[str]) -> list[Word]:
    """The personal noun phrase right after a finite verb (past "sich" and
    adverbs) when the prefield holds no person: in German V2 the subject
    stands there when something else comes first ("Die Äußerungen …
    bezeichnete Wiefelspütz …", "In einem Interview sagte X …")."""
    words = sentence.words
    if not verb.is_finite or (verb.id > 1 and words[verb.id - 2].text.lower() in COORDINATORS):
        return []  # "… und rief die Armee auf": a second verb shares the first one's subject
    prefield = noun_phrase_backward(sentence, verb.id - 2)
    while prefield and prefield[0].id > 2 and words[prefield[0].id - 2].text.lower() in COORDINATORS \
            and (first := noun_phrase_backward(sentence, prefield[0].id - 3)):
        prefield = [*first, words[prefield[0].id - 2], *prefield]  # "Die Äußerungen Hassemers und Papiers"
    start = _clause_start(sentence, verb.id - 1)
    opening = noun_phrase_forward(sentence, start) if words[start].upos != "ADP" else []
    nominative = bool(opening) and not _opens_as_object(opening)
    if (prefield and _is_personal(prefield, names) and can_speak(prefield, names) and not _is_statement(prefield)
            and not _abstract_head(prefield)) \
            or (nominative and can_speak(opening, names) and not _is_statement(opening)
                and not _abstract_head(opening)):
        return []  # "Einige britische Moslems im Vereinigten Königreich haben Tony Blair geschrieben"
    index = verb.id
    while index < len(words) and (words[index].upos in {"ADV", "PART"} or words[index].text.lower() == "sich"):
        index += 1
    phrase = noun_phrase_forward(sentence, index)
    if not phrase or _opens_as_object(phrase):
        return []
    return phrase if _is_personal(phrase, names) or _speaker_headed(phrase, names) else []


def _prefield_subject(sentence: Sentence, finite: Word, names: frozenset[str]) -> list[Word]:
    """The noun phrase that fills the prefield of a main clause, when it can
    speak and is not marked as an object: in German V2 the one constituent
    before the finite verb, with its attributes and apposition ("Der
    Fraktionsvorsitzende im Landtag, Wolfgang Jüttner, hatte Lenz
    aufgefordert, …": Jüttner, whatever the parse says of "Lenz")."""
    if not finite.is_finite or finite.id < 2:
        return []
    words = sentence.words
    if finite.id < len(words) and words[finite.id].text.lower() in _NOMINATIVE_PRONOUNS:
        return []  # "Die Anhänger, die …, warnte er": the subject follows the verb
    start = finite.id - 2
    while start > 0 and words[start - 1].text not in {":", ";"} and not is_mark(words[start - 1]):
        start -= 1
    joined = next((i + 1 for i in range(finite.id - 2, start, -1) if words[i].text.lower() in COORDINATORS
                   and (words[i - 1].text == "," or any(w.upos in {"VERB", "AUX"} and w.is_finite
                                                        for w in words[start:i]))),
                  None)  # "…, und das Kinderhilfswerk UNICEF rief Russland auf", "… skandierte … und X rief:"
    return next((p for p in (_prefield_from(sentence, s, finite, names) for s in (start, joined) if s is not None)
                 if p), [])


def _prefield_from(sentence: Sentence, start: int, finite: Word, names: frozenset[str]) -> list[Word]:
    """The speaking noun phrase from word index `start` that fills the prefield up to `finite`."""
    words = sentence.words
    correlative = words[start] if words[start].text.lower() in _CORRELATIVES and start + 1 < finite.id - 1 else None
    lead = [correlative] if correlative else _approximator(words, start)
    phrase = noun_phrase_forward(sentence, start + len(lead))
    if not phrase or _opens_as_object(phrase) or (len(phrase) == 1 and phrase[0].text.lower() in {"es", "das", "dies"}):
        return []
    phrase = phrase + _attributes(sentence, phrase)
    phrase = phrase + _second_role(sentence, phrase)
    phrase = phrase + _apposition(sentence, phrase)
    if correlative is not None:  # "Sowohl die Regierung als auch die Opposition erklärten"
        phrase = phrase + _correlated(sentence, phrase, _CORRELATIVES[correlative.text.lower()])
    following = phrase[-1].id  # index of the word after the phrase
    if following < len(words) and words[following].text == "," and following + 1 == finite.id - 1:
        following += 1  # the comma that closes an apposition
    elif following < finite.id - 2 and words[following].text == "," and words[finite.id - 2].text == ",":
        inserted = words[following + 1:finite.id - 2]  # ", darunter auch die Bürgerfraktion,", ", die dort war,"
        relative = inserted[0].text.lower() in RELATIVE_PRONOUNS
        if relative or not any(w.upos in {"VERB", "AUX"} and w.is_finite for w in inserted):
            following = finite.id - 1
    head = _head(phrase)
    speaker_head = head is not None and _head_can_speak(head, names)  # not "Die Äußerungen"
    return lead + phrase if following == finite.id - 1 and speaker_head else []


@cache
def _approximators() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(entry.split()) for entry in word_list("approximators.txt"))


def _approximator(words: tuple[Word, ...], start: int) -> list[Word]:
    """The words at `start` that qualify an amount before a number or an
    article ("Mehr als 100 Ärzte", "Über 200 Forscher"; data/lexicons/approximators.txt)."""
    for parts in _approximators():
        end = start + len(parts)
        if end < len(words) and tuple(w.text.lower() for w in words[start:end]) == parts \
                and words[end].upos in {"NUM", "DET"}:
            return list(words[start:end])
    return []


_CORRELATIVES = {"sowohl": ("als", "auch"), "weder": ("noch",), "entweder": ("oder",)}  # and the words that go on


def _correlated(sentence: Sentence, phrase: list[Word], joiner: tuple[str, ...]) -> list[Word]:
    """The second part of "sowohl X als auch Y", "weder X noch Y" after X."""
    after = sentence.words[phrase[-1].id:phrase[-1].id + len(joiner)]
    if tuple(w.text.lower() for w in after) != joiner:
        return []
    second = noun_phrase_forward(sentence, phrase[-1].id + len(joiner))
    return [*after, *second] if second else []


STATEMENT_REACH = 4  # words back from "wonach" to the noun of saying it belongs to


def _statement_before(sentence: Sentence, last: int) -> list[Word]:
    """The phrase of the noun of saying that ends within a few words before
    `last`, with its attributes: "der Meinungsumfragen im Land"."""
    words = sentence.words
    for index in range(last, max(last - STATEMENT_REACH, -1), -1):
        if is_speech_noun(words[index]):
            start = phrase_opening(words, index)
            while start > 0 and is_speech_noun(words[start - 1]):  # "Der Ergebnisauswertung | der Einzelstudien"
                start = phrase_opening(words, start - 1)
            phrase = list(words[start:index + 1])
            return phrase + _attributes(sentence, phrase)
    return []


def _source_phrase_in_clause(sentence: Sentence, verb: Word) -> list[Word]:
    """The source phrase between the start of the verb's clause and the verb:
    "laut X", "gemäß X", "X zufolge", "nach Angaben X", with attributes."""
    words = sentence.words
    for index in range(_clause_start(sentence, verb.id - 1), verb.id - 1):
        cue = preposition_cue(words[index])
        if cue is not None and source_side(cue) == "before":
            return noun_phrase_backward(sentence, index - 1, after_preposition=True)
        if (cue is not None and source_side(cue) == "after") or words[index].text.lower() == "nach":
            phrase = noun_phrase_forward(sentence, index + 1)
            head = _head(phrase) if phrase else None
            if head is not None and (cue is not None or is_speech_noun(head)):
                return phrase + _attributes(sentence, phrase)
    return []


def cited_source(document: Document, candidate: Candidate) -> list[Word]:
    """The source a report of someone's words cites in the cue verb's own
    clause, outside the quote: whom the article has the words from ("sagte
    Raab laut Spiegel Online", "Laut CNN hat Panetta verkündet, …", "sagte
    die Kanzlerin einigen Teilnehmern zufolge: …")."""
    cue = candidate.cue
    if cue is None or cue.kind != "verb":
        return []
    sentence = document.sentences[candidate.sentence]
    for word in _verb_clause(sentence, cue.head):
        preposition = preposition_cue(word)
        if preposition is None or word.upos != "ADP" or not _outside([word], candidate):
            continue  # not "Vorwürfe wurden laut"
        if source_side(preposition) == "before":
            phrase = noun_phrase_backward(sentence, word.id - 2, after_preposition=True)
        else:
            phrase = noun_phrase_forward(sentence, word.id)
            phrase = phrase + _attributes(sentence, phrase)
        if _outside(phrase, candidate) and not any(w in cue.words for w in phrase):
            return phrase
    return []


def owned_statement(sentence: Sentence) -> list[Word]:
    """The last noun of saying in the sentence that names its owner, with its
    attributes: "Im weiteren Verlauf der Pressemitteilung der NASA wird
    deutlich, …" → "der Pressemitteilung der NASA". A following Konjunktiv
    sentence without a speaker goes on reporting that statement."""
    words = sentence.words
    owners = genitive_determiners() | {"von", "vom"}
    for index in range(len(words) - 2, -1, -1):
        if words[index + 1].text.lower() in owners and words[index].upos == "NOUN" and is_speech_noun(words[index]):
            return _statement_before(sentence, index)
    return []


def _abstract_head(phrase: list[Word]) -> bool:
    """The phrase is headed by an abstract noun ("Die praktische Anwendung der
    Richtlinienkompetenz des Bundeskanzlers"), whatever persons its attributes name."""
    head = _head(phrase)
    return head is not None and _is_abstract(head) and not is_speaker_noun(head)  # not "Gewerkschaft"


def _is_abstract(word: Word) -> bool:
    """A noun with the ending of an abstract noun ("Verhandlungen", "Anwendung")."""
    return word.text.lower().endswith(endings("abstract_endings.txt"))


def _is_statement(phrase: list[Word]) -> bool:
    """The phrase is headed by a noun of saying ("Die Äußerungen Hassemers"):
    in the prefield an object more likely than the speaker."""
    head = _head(phrase)
    return head is not None and is_speech_noun(head)


def _finite_of(sentence: Sentence, verb: Word) -> Word:
    """The finite verb of a participle's clause: the auxiliary before it
    ("Unterdessen haben einige Abgeordnete … angekündigt"); else the verb."""
    if (auxiliary := auxiliary_of_participle(sentence, verb)) is not None:
        return auxiliary  # "wird Mike Downey … zitiert", the participle tagged a present form
    if verb.is_finite:
        return verb
    words = sentence.words
    index = verb.id - 2
    while index >= 0:
        word = words[index]
        if word.text == "," and (opening := apposition_start(words, index)) is not None:
            index = opening - 1  # "hatte der Investor, Larry A. Silverstein, zugesagt"
            continue
        if word.text in _CLAUSE_BOUNDS:
            break
        if word.upos == "AUX" and word.is_finite:
            return word
        index -= 1
    return _preterite_as_finite(sentence, verb)


def _verb_before_coordinator(sentence: Sentence, verb: Word) -> Word | None:
    """For a verb right after "und" ("… und glaubt, …"), the finite verb of the
    clause before, whose subject the two verbs share."""
    words = sentence.words
    if verb.id < 3 or words[verb.id - 2].text.lower() not in COORDINATORS:
        return None
    for index in range(verb.id - 3, -1, -1):
        word = words[index]
        if word.text in _CLAUSE_BOUNDS:
            return None
        if word.upos in {"VERB", "AUX", "ADJ"} and (finite := _preterite_as_finite(sentence, word)).is_finite:
            return finite
    return None


def _preterite_as_finite(sentence: Sentence, verb: Word) -> Word:
    """A weak preterite ("bezeichnete", "kündigten") that a small tagger took
    for an adjective is its clause's finite verb when the clause has no other:
    the verb, marked finite, so that its prefield and inverted subject count."""
    if not verb.text.islower() or not verb.text.endswith(("te", "ten")):
        return verb
    start = _clause_start(sentence, verb.id - 1)
    end = next((i for i in range(verb.id, len(sentence.words)) if sentence.words[i].text in _CLAUSE_BOUNDS
                or sentence.words[i].text.lower() in COORDINATORS), len(sentence.words))
    if any(w.upos in {"VERB", "AUX"} and w.is_finite for w in sentence.words[start:end]):
        return verb
    return replace(verb, feats={**verb.feats, "VerbForm": "Fin"})


def _heissen_before_colon(sentence: Sentence, colon: int) -> Cue | None:
    """The "heißt es" of the clause that a colon ends ("In dem Antrag heißt es
    wörtlich:"), if it has one; past a title in quotation marks ("auf der
    Homepage von „con energy“:")."""
    words = sentence.words
    index = colon - 1
    while index >= 0:
        word = words[index]
        if is_mark(word) and (opening := _title_opening(words, index)) is not None:
            index = opening - 1
            continue
        if word.text in {":", ";"} or is_mark(word):
            return None
        if (cue := heissen_cue(sentence, word)) is not None:
            return cue
        index -= 1
    return None


def _holder_of_view(sentence: Sentence, colon: int, verb: Word, names: frozenset[str]) -> list[Word]:
    """"Für Finanzminister Magnus Brunner ist klar: „…“": whose view a clause
    of "für X ist/steht …" before a colon gives."""
    opening = _clause_start(sentence, colon)
    if sentence.words[opening].text.lower() != "für" or verb.lemma not in {"sein", "stehen"}:
        return []
    phrase = noun_phrase_forward(sentence, opening + 1)
    return phrase if phrase and _speaker_headed(phrase, names) else []


def _finite_verb_before(sentence: Sentence, colon: int) -> Word | None:
    """The finite verb of the clause that a colon ends, if it has one; past
    the commas of an apposition ("brachte die Sprecherin, Annette
    Widmann-Mauz, zum Ausdruck:")."""
    for word in reversed(sentence.words[:colon]):
        if (word.text in _CLAUSE_BOUNDS and word.text != ",") or is_mark(word):
            return None
        if word.upos in {"VERB", "AUX"} and word.is_finite:
            return word
    return None


def _opens_subordinate_clause(sentence: Sentence, verb: Word) -> bool:
    """The verb's clause opens with a subordinator ("da", "indem", "wie")."""
    index = clause_opening(sentence.words, verb.id - 1, _CLAUSE_BOUNDS)
    following = sentence.word(verb.id + 1)
    verb_last = following is None or following.upos in {"PUNCT", "AUX", "VERB"}  # verb-final, or it is V2
    return verb_last and index < verb.id - 1 and sentence.words[index].text.lower() in word_list("subordinators.txt")


def _opens_clause(sentence: Sentence, word: Word) -> bool:
    previous = sentence.word(word.id - 1)
    return previous is None or previous.text in {",", ":", ";", "–"} or is_mark(previous)


def _wie_subject(sentence: Sentence, verb: int) -> list[Word]:
    """In a clause "Wie X … berichtet/mitteilte", the noun phrase right after
    "Wie": its subject, a name or outlet whatever a tagger makes of it ("Wie
    der Focus berichtet", "Wie die „Aktion Deutschland hilft“ mitteilte"), or
    the place it came from ("Wie aus dem Ministerium verlautete")."""
    words = sentence.words
    start = next((i for i in range(verb - 1, -1, -1) if words[i].text.lower() == "wie"), None)
    if start is None:
        return []
    title = words[start + 1:verb]
    if len(title) > 2 and is_mark(title[0]) and is_mark(title[-1]) and not any(is_mark(w) for w in title[1:-1]):
        return list(title)  # "Wie „heise online“ berichtet": a title, whatever its words
    opening = start + 1
    if words[opening].text.lower() in {"aus", "von"} and opening + 1 < verb:
        opening += 1  # "Wie aus Regierungskreisen zu erfahren war": where it was learned
    phrase = noun_phrase_forward(sentence, opening)
    if not phrase:
        return []
    titled = _with_title(sentence, phrase)
    titled = titled + _apposition(sentence, titled)  # "Wie der Bevollmächtigte, Gerald Braun, in Luxemburg mitteilte"
    rest = words[titled[-1].id:verb]
    if rest and rest[0].text == "," and len(titled) > len(phrase):
        rest = rest[1:]  # the comma that closes the apposition
    if titled[-1].id - 1 >= verb or any(w.text in _CLAUSE_BOUNDS for w in rest):
        return []
    where = list(words[titled[-1].id:verb])  # "Wie die Ärztezeitung | in ihrer Onlineausgabe | berichtet"
    placed = bool(where) and where[0].text.lower() in _WHERE_SPOKEN \
        and all(w.upos in PHRASE_WORDS for w in where[1:]) and where[-1].upos in _NAME_WORDS \
        and not is_temporal(where)  # not a particle: "Wie die Bank in Rom | bekannt gab"
    return titled + where if placed else titled


_WHERE_SPOKEN = {"in", "im", "aus"}  # a source's place or team: "Wie ein Sprecher in Berlin sagte"


def _outside(words: list[Word], candidate: Candidate) -> bool:
    return bool(words) and all(w.end <= candidate.start or w.start >= candidate.end for w in words)


def sentence_subject(sentence: Sentence, names: frozenset[str]) -> list[Word]:
    """The subject of a sentence's main verb when it can name a speaker: who a
    following Konjunktiv sentence reports ("Der Untersuchungsbericht schildert
    die Fehlerkette. Techniker hätten …")."""
    verb = next((w for w in sentence.words if w.upos in {"VERB", "AUX"} and w.is_finite), None)
    if verb is None:
        return []
    verbs = [verb] + ([sentence.word(verb.head)] if verb.upos == "AUX" and verb.head else [])
    options = [_inverted_subject(sentence, verb, names),
               *(_subject_by_dependency(sentence, v) for v in verbs if v is not None),
               clause_subject(sentence, verb)]
    return next((o for o in options if o and can_speak(o, names) and _speaker_headed(o, names)
                 and not _opens_as_object(o)  # "Dem Mitbegründer …"
                 and not (len(o) == 1 and o[0].text.lower() in {"es", "das", "dies", "man"})), [])


def own_subject(sentence: Sentence, names: frozenset[str]) -> list[Word]:
    """Whom "nach eigenen Angaben" in the sentence refers to: the subject of
    its main clause, the prefield's noun phrase when the parse finds none
    ("Der Bruder des Papstes, Georg Ratzinger, war nach eigenem Bekunden …")."""
    finite = next((w for w in sentence.words if w.upos in {"VERB", "AUX"} and w.is_finite), None)
    prefield = _prefield_subject(sentence, finite, names) if finite is not None else []
    return sentence_subject(sentence, names) or prefield


def _speaker_headed(phrase: list[Word], names: frozenset[str]) -> bool:
    """The phrase's head names who can speak: a name, pronoun or role, an
    institution or group, an acronym or a statement; not "Langfristig",
    "Kriegsverbrechen" or "die Fusion der beiden Hersteller"."""
    head = _head(phrase) or phrase[0]
    return _head_can_speak(head, names) or is_speech_noun(head) or (len(head.text) > 1 and head.text.isupper())


def _head_can_speak(head: Word, names: frozenset[str]) -> bool:
    """A name, pronoun, role or a noun of an institution, group or agent."""
    return _is_personal([head], names) or is_speaker_noun(head)


def find_mention(document: Document, candidate: Candidate, names: frozenset[str]) -> list[Word]:
    """The words that name the speaker, or [] when the cue gives none."""
    cue = candidate.cue
    if cue is None:
        return []
    sentence = document.sentences[candidate.sentence]
    first = min(w.id for w in cue.words) - 1
    last = max(w.id for w in cue.words) - 1
    head = cue.head.id - 1
    options: list[list[Word]] = []
    agent: list[Word] | None = None  # a passive's "von den Behörden": no subject, yet the speaker
    trusted: list[Word] | None = None  # a subject by its place alone, whatever its words
    heissen = cue if cue.kind == "heissen" else _heissen_before_colon(sentence, first) if cue.kind == "colon" else None
    if heissen is not None:  # "…, heißt es in dem Bericht", "In dem Antrag heißt es wörtlich: „…“"
        heissen_last = max(w.id for w in heissen.words) - 1
        after = []
        for index in range(heissen_last + 1, min(heissen_last + 4, len(sentence.words))):
            if sentence.words[index].text in _CLAUSE_BOUNDS:
                break
            after.append(index)
        opening = _clause_start(sentence, heissen_last)
        before = opening if sentence.words[opening].text.lower() == "wie" else 0  # "…, wie es in X hieß, …"
        for index in [*after, *range(before, heissen_last)]:  # "Wie es in einer Mitteilung hieß"
            if sentence.words[index].text.lower() in _HEISSEN_SOURCES:
                following = sentence.word(index + 2)
                relative = following is not None and following.text.lower() in RELATIVE_PRONOUNS \
                    and index > 1 and sentence.words[index - 1].text == ","
                options.append(noun_phrase_backward(sentence, index - 2, after_preposition=True) if relative
                               else noun_phrase_forward(sentence, index + 1))  # "eine Erklärung, in der es heißt"
    elif candidate.route == "owned":
        trusted = noun_phrase_backward(sentence, head, after_preposition=True)
        options.append(trusted)  # "Merkels Satz „…“": the quotation's noun with its owner
    elif cue.kind == "predicate" and candidate.speaker_side == "noun":
        phrase = noun_phrase_backward(sentence, head, after_preposition=True)  # "die Darstellung", "Berichte der …"
        trusted = noun_phrase_forward(sentence, phrase[0].id - 1) if phrase else []
        options.append(trusted)  # the statement answered, which holds the cue noun itself
    elif cue.kind == "predicate":
        following = sentence.word(cue.head.id + 1)
        if following is not None and following.text.lower() in genitive_determiners() | {"von"}:
            owner = noun_phrase_forward(sentence, head + 1 + (following.text.lower() == "von"))
            statement = noun_phrase_backward(sentence, head, after_preposition=True)
            start = statement[0].id - 1 if statement else head
            trusted = list(sentence.words[start:owner[-1].id]) if owner else []
            options.append(trusted)  # "die Forderung des CSU-Vorsitzenden": the statement with its owner
        governor = _verb_above(sentence, cue.head)
        if governor is not None:
            options.append(_subject_by_dependency(sentence, governor))
        finite = next((w for w in reversed(_verb_clause(sentence, cue.head)) if w.id < cue.head.id
                       and w.upos in {"VERB", "AUX"} and w.is_finite), None)
        if finite is not None:  # "So fassten die Grünen den Beschluss, …", whatever the parse hangs on what
            options.append(_inverted_subject(sentence, finite, names))
            options.append(_prefield_subject(sentence, finite, names))
        options.append(noun_phrase_forward(sentence, 0))
    elif candidate.speaker_side == "previous":
        return []  # "Demnach …": the speaker is whoever spoke before
    elif candidate.route == "subordinate":
        options.append(_antecedent(sentence, cue.head) or clause_subject(sentence, cue.head))
    elif cue.kind == "colon" and (verb := _finite_verb_before(sentence, first)) is not None:
        main = next((w for w in sentence.words[:first] if w.upos in {"VERB", "AUX"} and w.is_finite), verb)
        trusted = _quoted_object(sentence, verb) or _holder_of_view(sentence, first, verb, names)
        options.append(trusted)  # "Die Zeitung zitiert einen Parteifreund mit den Worten: „…“"
        if main is not verb and is_konjunktiv(verb):  # "X wagte die Prognose, alle würden zustimmen: „…“"
            options.append(_prefield_subject(sentence, main, names))
        options.append(_inverted_subject(sentence, verb, names))  # "Hier sparte der Bundespräsident nicht mit Kritik:"
        options.append(_subject_by_dependency(sentence, verb))
        if verb.upos == "AUX" and (governor := sentence.word(verb.head)) is not None:
            options.append(_subject_by_dependency(sentence, governor))  # "X hat weniger Hemmungen: „…“"
        options.append(clause_subject(sentence, verb))
        options.append(_prefield_subject(sentence, main, names))  # "X zeigte sich besorgt, dass …: „…“"
    elif cue.kind == "colon" or candidate.speaker_side == "before":
        before_comma = first - 2 if first > 1 and sentence.words[first - 1].text == "," else first - 1
        while before_comma > 0 and (sentence.words[before_comma].upos in {"VERB", "AUX"}
                                    or sentence.words[before_comma].text.lower() in word_list("particles.txt")):
            before_comma -= 1  # "… wies Berichte der Zeitung zurück, wonach …"
        antecedent = cue.kind == "preposition"  # "Studien der Charité, nach denen …": any noun before
        if antecedent:
            options.append(_statement_before(sentence, before_comma))  # "der Umfragen im Land, nach denen …"
        if antecedent and first > 0 and (opening := apposition_start(sentence.words, first - 1)) is not None:
            owner = noun_phrase_backward(sentence, opening - 1, after_preposition=True)
            options.append([*owner, *sentence.words[opening:first - 1]] if owner else [])  # "Dem X, Y, zufolge"
        options.append(noun_phrase_backward(sentence, first - 1, after_preposition=antecedent)
                       or noun_phrase_backward(sentence, before_comma, after_preposition=antecedent))
        if cue.kind == "colon":  # "Nina Hagen zur neuen Heimat: „…“": the name that opens the clause
            opening = _clause_start(sentence, first)
            options.append(noun_phrase_forward(sentence, opening) if opening < first else [])
    elif candidate.speaker_side == "after" and cue.kind != "verb":
        options.append(noun_phrase_forward(sentence, last + 1))
    elif (preposition := mapping("source_object_verbs.tsv").get(cue.lemma)) is not None \
            and (source := _prepositional_object(sentence, cue.head, preposition)):
        trusted = source
        options.append(trusted)  # "aus dem Bericht geht hervor": a dative by its place, yet the source
    elif candidate.route == "wie" and _passive_agent(sentence, cue.head) is None \
            and (opening := _wie_subject(sentence, head)):
        options.append(opening)  # "Wie der Focus berichtet, …": the phrase after "Wie" is the subject
        trusted = opening
    elif (agent := _passive_agent(sentence, cue.head)) is not None:
        options.append(agent)  # "wurden von den Behörden angewiesen, …": the agent, not the subject
        trusted = agent  # whoever a verb of saying is done by speaks: "Von deutscher Seite wurde gefordert"
        if not agent:  # "wurden nach Angaben eines Mitarbeiters angewiesen, …": who reports the order
            options.append(_source_phrase_in_clause(sentence, cue.head))
    else:
        if candidate.route == "partial":
            options.append(_antecedent(sentence, cue.head))  # "Die Ministerin, die den Plan „absurd“ nannte, …"
        options.append(_impersonal_place(sentence, cue.head))  # "Im Ministerium betont man, …"
        trusted = _quoted_object(sentence, cue.head)
        options.append(trusted)  # "zitierte die Zeitung einen Sprecher, …"
        if not trusted and candidate.route in {"fronted", "after"}:
            trusted = _subject_after_fronted(sentence, cue.head)
            options.append(trusted)  # "…, teilte die Flugsicherung mit": whatever noun heads it
        options.append(_prefield_subject(sentence, _finite_of(sentence, cue.head), names))
        before_verb = sentence.word(cue.head.id - 1)
        if before_verb is not None and before_verb.text.lower() in _NOMINATIVE_PRONOUNS \
                and _opens_clause(sentence, before_verb):
            options.append([before_verb])  # "Er bezeichnete diese als …": "er" is nominative, "diese" need not be
        if (earlier := _verb_before_coordinator(sentence, cue.head)) is not None:
            options.append(_inverted_subject(sentence, earlier, names))  # "bezeichnete X als … und glaubt, …"
        after_verb = sentence.word(cue.head.id + 1)
        if after_verb is not None and is_subject_pronoun(after_verb) and cue.head.is_finite:
            options.append([after_verb])  # "lobte er …", "lässt sie …": a pronoun after the verb is its subject
        if _opens_subordinate_clause(sentence, cue.head):
            options.append(clause_subject(sentence, cue.head))  # "…, indem er … vorwarf, …"
        options.append(_inverted_subject(sentence, _finite_of(sentence, cue.head), names))
        prefield = noun_phrase_backward(sentence, head - 1)
        if prefield and _opens_clause(sentence, prefield[0]) and candidate.speaker_side != "after":
            options.append(prefield)  # German V2: a noun phrase alone before the verb is its subject
        options.append(_subject_by_dependency(sentence, cue.head))
        options.append(clause_subject(sentence, cue.head))
        if candidate.speaker_side == "after":
            options.append(noun_phrase_forward(sentence, head + 1))
        options.append(noun_phrase_backward(sentence, head - 1))
        options.append(noun_phrase_forward(sentence, head + 1))
        clause_start = next((i for i in range(head - 1, -1, -1) if sentence.words[i].text in {",", ":"}), -1)
        options.append(noun_phrase_forward(sentence, clause_start + 1))
    if cue.kind in {"verb", "colon"} and (opening := _particle_name_opening(document, sentence)):
        options.insert(0, opening)  # "Von der Leyen betonte: „…“"
        trusted = opening
    inside_allowed = cue.kind in {"preposition", "so"} \
        or candidate.start < cue.start < candidate.end  # "… habe Putin laut TASS …", "…, wie X sagte, …"
    guessed = cue.kind in {"verb", "colon"} and heissen is None  # found by position, not named by a source phrase
    for option in options:
        if not option or (guessed and option is not trusted and not can_speak(option, names)) \
                or (option is not trusted and any(w in cue.words for w in option)):
            continue
        if guessed and option is not agent and option is not trusted and _opens_as_object(option):
            continue  # "widersprach den Angaben der Organisation": an object, not the subject
        if (inside_allowed or _outside(option, candidate)) and not is_temporal(option):
            option = _titled(sentence, option, candidate, inside_allowed)
            if inside_allowed:  # "Nach Ansicht der Parteien im Abgeordnetenhaus sei …": the whole prefield
                option = option + list(sentence.words[option[-1].id:prefield_end(sentence, first, option[-1].id)])
            for extension in (_attributes, _apposition, _coordinated_source if inside_allowed else _coordinated):
                extra = extension(sentence, option)
                if _outside(extra, candidate) or (inside_allowed and extension is not _attributes):
                    option = option + extra  # a source phrase's apposition, not its prepositional phrases
                if extension is _attributes:  # "„Ärzte | ohne Grenzen“"
                    option = _titled(sentence, option, candidate, inside_allowed)
            return _name_before(sentence, option) + option
    return []


def _subject_after_fronted(sentence: Sentence, verb: Word) -> list[Word]:
    """The noun phrase right after the finite cue verb that follows a fronted
    report ("Die Maschine sei abgestürzt, teilte die Flugsicherung mit."):
    in German V2 it is the subject, unless it is marked as an object or names
    a time."""
    words = sentence.words
    index = verb.id  # the word after the verb
    for _ in range(FRONTED_ADVERBIALS):  # "sagte am Montag der Minister", "sagte zudem ein Sprecher"
        if index < len(words) and words[index].upos in {"ADV", "PART"}:
            index += 1
        elif index < len(words) and words[index].upos == "ADP":
            index += 1  # the preposition's own noun, without a genitive: "am Montag | der Minister"
            while index < len(words) and words[index].upos in {"DET", "ADJ", "NUM"}:
                index += 1
            if index < len(words) and words[index].upos == "NOUN":
                index += 1
            while index < len(words) and words[index].upos == "PROPN":
                index += 1
    if not verb.is_finite or index >= len(words) or (words[index].upos not in {"DET", "NOUN", "PROPN", "ADJ"}
                                                     and words[index].text.lower() not in _ARTICLES):
        return []
    phrase = noun_phrase_forward(sentence, index)
    head = next((w for w in phrase if w.upos in {"NOUN", "PROPN"} or w.is_capitalised), None)  # "der Wiener"
    opening = phrase[0].text.lower() if phrase else ""
    genitive = opening in genitive_determiners(unambiguous=True)  # "auf Nachfrage | eines Reporters"
    if head is None or genitive or _opens_as_object(phrase) or is_temporal(phrase):
        return []
    return phrase


FRONTED_ADVERBIALS = 3  # adverbs or prepositional phrases between a cue verb and its subject
_PLACE_PREPOSITIONS = {"in", "im", "bei", "beim"}


def _impersonal_place(sentence: Sentence, verb: Word) -> list[Word]:
    """With "man" as the subject of the cue verb's clause, the institution
    where it is said: "Im Ministerium betont man, …", "Bei der Polizei geht
    man davon aus, …" → "Ministerium", "der Polizei"."""
    clause = _verb_clause(sentence, verb)
    if not any(w.text.lower() == "man" for w in clause):
        return []
    for word in clause:
        if word.text.lower() in _PLACE_PREPOSITIONS:
            phrase = noun_phrase_forward(sentence, word.id)
            if phrase and is_speaker_noun(_head(phrase) or phrase[0]):
                return phrase
    return []


def _particle_name_opening(document: Document, sentence: Sentence) -> list[Word]:
    """"Von der Leyen betonte …": a name whose particles open the sentence
    capitalised, where they read as a preposition and an article, when the
    article writes the same name in full with them in lowercase ("Ursula von
    der Leyen") and a finite verb follows it."""
    words = sentence.words
    particles = mapping("name_particles.tsv")
    end = 0
    while end < len(words) and words[end].text.lower() in particles:
        end += 1
    if end == 0 or end + 1 >= len(words) or not words[end].text[:1].isupper() \
            or words[0].text.lower() in articles_among_particles():
        return []  # not "Der Politik …": an article opens no name
    written = " ".join(w.text.lower() for w in words[:end]) + " " + words[end].text
    follows = words[end + 1]
    verb_next = follows.upos in {"VERB", "AUX"} and follows.is_finite
    in_full = any(match.group()[:1].isupper()  # "Ursula von der Leyen"
                  for match in re.finditer(rf"\b[^\W\d_][\w-]* {re.escape(written)}\b", document.text))
    return list(words[:end + 1]) if verb_next and in_full else []


def _name_before(sentence: Sentence, phrase: list[Word]) -> list[Word]:
    """The name and comma before a role that the phrase opens with: "Erkki
    Tuomioja, | Präsident des Rats der Europäischen Union: „…“"."""
    comma = sentence.word(phrase[0].id - 1)
    if comma is None or comma.text != "," or not _describes(phrase):
        return []
    name = noun_phrase_backward(sentence, comma.id - 2)
    start = name[0].id - 1 if name else 0
    opens_clause = start == 0 or sentence.words[start - 1].text in _CLAUSE_BOUNDS | {"."} or is_mark(
        sentence.words[start - 1])
    return [*name, comma] if name and _is_name(name) and opens_clause else []


TITLE_REACH = 10  # words from an opening quotation mark to its closing one in a title


def _titled(sentence: Sentence, phrase: list[Word], candidate: Candidate, inside_allowed: bool) -> list[Word]:
    """The phrase with its title (`_with_title`) where that stays outside the quote."""
    titled = _with_title(sentence, phrase)
    return titled if inside_allowed or _outside(titled, candidate) else phrase


def _with_title(sentence: Sentence, phrase: list[Word]) -> list[Word]:
    """A name in quotation marks keeps its marks and article ("Süddeutsche
    Zeitung" → "Die „Süddeutsche Zeitung“"), and a medium's noun keeps the
    title after it ("Die Wochenzeitung" → "Die Wochenzeitung „Die Zeit“")."""
    words = sentence.words
    first, last = phrase[0].id - 1, phrase[-1].id - 1
    before = words[first - 1] if first > 0 else None
    after = words[last + 1] if last + 1 < len(words) else None
    if after is None or not is_mark(after) or any(is_mark(w) for w in phrase):
        return phrase
    if before is not None and is_mark(before):
        start = first - 1
        while start > 0 and words[start - 1].upos in {"DET", "ADJ"}:
            start -= 1
        return list(words[start:last + 2])
    if not is_speaker_noun(words[last]) or last + 2 >= len(words) or not words[last + 2].text[:1].isupper():
        return phrase
    close = next((i for i in range(last + 3, min(last + TITLE_REACH, len(words))) if is_mark(words[i])), None)
    return list(words[first:close + 1]) if close is not None else phrase


def _attributes(sentence: Sentence, phrase: list[Word]) -> list[Word]:
    """The prepositional attributes of the phrase's nouns: "Ein Sprecher des
    Weißen Hauses" + "in Washington"."""
    start, end = phrase[0].id - 1, phrase[-1].id
    return list(sentence.words[end:attributes_end(sentence, start, end)])


def _verb_above(sentence: Sentence, word: Word) -> Word | None:
    """The verb that governs a noun, past the nouns it hangs on ("erteilten
    sie den Menschen den Befehl, …": a parse that hangs "Befehl" on
    "Menschen"); the word's head when no verb is above it."""
    head = sentence.word(word.head) if word.head else None
    governor = head
    while governor is not None and governor.upos in _NAME_WORDS and governor.head:
        governor = sentence.word(governor.head)
    return governor if governor is not None and governor.upos in {"VERB", "AUX"} else head


def _verb_clause(sentence: Sentence, verb: Word) -> tuple[Word, ...]:
    """The words of the clause that holds `verb`."""
    words = sentence.words
    end = verb.id
    while end < len(words) and words[end].text not in _CLAUSE_BOUNDS:
        end += 1
    return words[_clause_start(sentence, verb.id - 1):end]


def _prepositional_object(sentence: Sentence, verb: Word, preposition: str) -> list[Word]:
    """The noun phrase after `preposition` in the verb's clause."""
    opening = next((w for w in _verb_clause(sentence, verb) if w.text.lower() == preposition), None)
    return noun_phrase_forward(sentence, opening.id) if opening is not None else []


_AGENT_PREPOSITIONS = {"von", "vom", "durch", "seitens"}


def _quoted_object(sentence: Sentence, verb: Word) -> list[Word]:
    """Who an active verb of quoting quotes ("zitiert einen Parteifreund mit
    den Worten"): its object speaks, not its subject, the medium that quotes."""
    if verb.lemma.lower() not in word_list("quoting_verbs.txt"):
        return []
    children = [w for w in sentence.words if w.head == verb.id]
    if any(w.deprel in {"aux:pass", "nsubj:pass"} or w.lemma == "werden" for w in children):
        return []  # "wird Panetta zitiert": the passive's subject speaks
    quoted = next((w for w in children if w.deprel == "obj"), None)
    if quoted is None:  # "zitierte die Agentur Tass den Sprecher": a parse that makes it a second subject
        quoted = next((w for w in children if w.upos in {"NOUN", "PROPN"} and w.id > verb.id
                       and (phrase := noun_phrase_backward(sentence, w.id - 1)) and _opens_as_object(phrase)), None)
    return noun_phrase_backward(sentence, quoted.id - 1) if quoted is not None else []


def _passive_agent(sentence: Sentence, verb: Word) -> list[Word] | None:
    """For a passive cue verb, the agent phrase ("von israelischen Behörden
    angewiesen"), or [] when it has none ("Israel wurde aufgefordert": Israel
    is addressed, not speaking); None for an active verb, or a passive
    that keeps the speaker as subject ("wird Panetta zitiert")."""
    children = [w for w in sentence.words if w.head == verb.id]
    werden = [w for w in children if w.deprel.startswith("aux") and w.lemma == "werden"]  # "werden beschuldigt"
    infinitive = verb.feats.get("VerbForm") == "Inf" or (verb.upos == "VERB" and verb.text.lower() == verb.lemma)
    future = infinitive and not any(w.text.lower().startswith("wurd") for w in werden)  # "wird sagen", not "wurde …"
    passive = not future and (bool(werden) or any(w.deprel in {"aux:pass", "nsubj:pass"} for w in children))
    active_auxiliary = any(w.deprel == "aux" and w.lemma == "haben" for w in children)  # "bekanntgegeben hat"
    finite = verb.is_finite and auxiliary_of_participle(sentence, verb) is None
    if finite or not passive or active_auxiliary or verb.lemma.lower() in word_list("quoting_verbs.txt"):
        return None
    for child in children:
        if child.deprel.startswith("obl"):
            preposition = sentence.word(child.id - 1) if child.id > 1 else None
            opening = next((w for w in sentence.words if w.head == child.id and w.deprel == "case"), preposition)
            if opening is None:
                continue
            statement = opening.text.lower() in {"in", "im"} and (is_speech_noun(child) or is_speaker_noun(child))
            if opening.text.lower() in _AGENT_PREPOSITIONS or statement:  # "In einem Bericht … wurde vermutet"
                side = child.text == "Seiten" and child.id == opening.id + 1  # "von Seiten der Delegation"
                return noun_phrase_forward(sentence, opening.id + side)
    return []


def _second_role(sentence: Sentence, phrase: list[Word]) -> list[Word]:
    """"und" and a second role noun without an article, perhaps after
    adjectives: one person's two offices ("Der frühere Bürgermeister und
    Justizsenator, Henning Scherf", "Präsident der Universität und
    derzeitiger Vorsitzender der …")."""
    joiner = sentence.word(phrase[-1].id + 1)
    if joiner is None or joiner.text.lower() != "und":
        return []
    role = sentence.word(joiner.id + 1)
    while role is not None and role.upos == "ADJ" and role.text[:1].islower():
        role = sentence.word(role.id + 1)
    if role is None or not is_role_noun(role):
        return []
    return list(sentence.words[joiner.id - 1:role.id])


def _coordinated(sentence: Sentence, phrase: list[Word]) -> list[Word]:
    """A second subject joined to the phrase right before the finite verb
    ("Die IADB und der MIF geben bekannt, …"), or after it ("…, meinen Jan
    Giesel und David Perteck in einer Erklärung"); not "Merkel und Scholz"
    as objects before another verb."""
    second = _coordinated_source(sentence, phrase)
    if not second:
        return []
    following = sentence.word(second[-1].id + 1)
    verb_follows = following is not None and following.upos in {"VERB", "AUX"} and following.is_finite
    clause_before = sentence.words[_clause_start(sentence, phrase[0].id - 1):phrase[0].id - 1]
    inverted = any(w.upos in {"VERB", "AUX"} and w.is_finite for w in clause_before)  # "…, meinen X und Y in …"
    return second if verb_follows or (inverted and following is not None and following.upos != "VERB") else []


def _coordinated_source(sentence: Sentence, phrase: list[Word]) -> list[Word]:
    """A second noun phrase joined to the phrase by "und" or "sowie": in a
    source phrase both are the source ("laut Polizei und Feuerwehr")."""
    joiner = sentence.word(phrase[-1].id + 1)
    if joiner is None or joiner.text.lower() not in COORDINATORS:
        return []
    second = noun_phrase_forward(sentence, joiner.id)
    return [joiner, *second] if second else []


def relative_word(sentence: Sentence, candidate: Candidate) -> Word | None:
    """The relative pronoun through which a relative clause names the speaker
    of its message: "Studien, nach denen …" → "denen", "Ägypten, das
    vorschlug, …" → "das". It is the mention as written; the speaker is its
    antecedent, found by `find_mention`."""
    cue = candidate.cue
    if cue is None:
        return None
    if cue.kind == "preposition" and cue.lemma == "nach" and candidate.speaker_side == "before":
        following = sentence.word(cue.head.id + 1)
        return following if following is not None and following.text.lower() in RELATIVE_PRONOUNS else None
    if candidate.route in {"subordinate", "partial"} and cue.kind == "verb":
        return _relative_pronoun_of(sentence, cue.head)
    return None


def _relative_pronoun_of(sentence: Sentence, verb: Word) -> Word | None:
    """The relative pronoun that opens the verb's clause after a comma
    ("Ägypten, das vorschlug, …" → "das"), or None."""
    words = sentence.words
    start = clause_opening(words, verb.id - 1, _CLAUSE_BOUNDS)
    relative = words[start].feats.get("PronType") == "Rel" or words[start].text.lower() in RELATIVE_PRONOUNS
    return words[start] if relative and start > 1 and words[start - 1].text == "," else None


def _antecedent(sentence: Sentence, verb: Word) -> list[Word]:
    """The noun phrase a relative clause hangs on, for a cue verb in that
    clause: "Ägypten, das vorschlug, …" → "Ägypten"."""
    pronoun = _relative_pronoun_of(sentence, verb)
    return noun_phrase_backward(sentence, pronoun.id - 3, after_preposition=True) if pronoun is not None else []


def _head(words: list[Word]) -> Word | None:
    """The first noun or name of a phrase, past its article and adjectives,
    an extended attribute ("Der für die Region zuständige Koordinator") and a
    name in the genitive before it ("Papiers Stellvertreter")."""
    nouns = [w for w in _without_extended_attribute(words) if w.upos in _NAME_WORDS]
    if len(nouns) > 1 and nouns[0].upos == "PROPN" and nouns[0].text.endswith("s") and nouns[1].upos == "NOUN" \
            and nouns[1].id == nouns[0].id + 1:
        return nouns[1]
    return nouns[0] if nouns else None


def _is_name(words: list[Word]) -> bool:
    """The phrase is a name: its head is tagged as one, or it is a short run
    of capitalised words without article or role ("Günther Platter", which a
    small tagger may call an adjective and a noun)."""
    core = [w for w in words if w.upos != "PUNCT"]
    head = _head(core)
    if head is None or is_role_noun(head):
        return False
    core_words = tuple(core)
    capitalised = all((w.text[:1].isupper() and w.upos != "DET") or is_name_particle(core_words, i)
                      for i, w in enumerate(core))  # "Heike van Laak"
    return head.upos == "PROPN" or (capitalised and 2 <= len(core) <= 4)


def _ends_in_name(words: list[Word]) -> bool:
    """A role and the name of its holder: "die britische Königin Elisabeth II."."""
    role = next((i for i in range(len(words) - 1, -1, -1) if is_role_noun(words[i])), None)
    return role is not None and role + 1 < len(words) and _is_name(words[role + 1:])


def _describes(words: list[Word]) -> bool:
    """The phrase says what someone is: its head, or the owner of its noun of
    saying, is a role or agent noun ("der Verteidigungsminister Österreichs",
    "Gründer der Rockband", "Ansicht des Generalanwalts")."""
    heads = (_head(words), _head(_owner_of_speech_noun(words)))
    return not _is_name(words) and any(head is not None and (is_role_noun(head) or is_speaker_noun(head))
                                       for head in heads)


_ARTICLES = {"der", "die", "das", "den", "dem", "des"}
_ONLY_RELATIVE = {"dessen", "deren", "denen", "welche", "welcher", "welches", "welchem", "welchen"}


def _apposition(sentence: Sentence, phrase: list[Word]) -> list[Word]:
    """The apposition after a speaker's name or role, comma included: "Olli
    Rehn, EU-Erweiterungskommissar, sagte …", "der Leiter der Studie, Paulo
    Pinheiro, …": a role after a name, or a name after a role, that the next
    comma or the verb closes (not a list: "Merkel, Scholz und Lindner")."""
    comma = phrase[-1].id  # index of the word after the phrase
    words = sentence.words
    if comma + 1 >= len(words) or words[comma].text != ",":
        return []
    if words[comma + 1].text.lower() in _ONLY_RELATIVE:
        return []  # "Todor Kolarow, dessen Behörde …": a relative clause, no apposition
    following = noun_phrase_forward(sentence, comma + 1)
    if not following:
        return []
    following += _attributes(sentence, following)  # "ein Anwalt des Council | in Washington"
    if second := _second_role(sentence, following):  # "kanadischer General und Kommandeur des Einsatzes"
        following += second
        following += _attributes(sentence, following)
    after = sentence.word(following[-1].id + 1)
    if after is None or after.text.lower() in COORDINATORS | {"oder"}:
        return []
    if after.text == "," and _lists_on(sentence, after):
        return []  # "Merkel, Scholz, Lindner …": a list
    named = _is_name(phrase) or _is_name(_owner_of_speech_noun(phrase))  # "Angaben von Peter Beck, dem Dekan"
    if (named and _describes(following)) or (_describes(phrase) and (_is_name(following) or _ends_in_name(following))):
        return [words[comma], *following]
    description = _description_between_commas(sentence, comma) if named else []
    if description and _is_description(description):  # "Elon Musk, der Milliardär hinter der Firma, …"
        return [words[comma], *description]
    return []


def _lists_on(sentence: Sentence, comma: Word) -> bool:
    """The comma goes on with a list of speakers: a name, role or
    institution after it that another comma or a coordinator follows
    ("Merkel, Scholz, Lindner und …"), not the rest of the clause ("laut dem
    Chefankläger, Luis Moreno Ocampo, Folterungen und …")."""
    following = noun_phrase_forward(sentence, comma.id)  # the word after the comma
    head = _head(following)
    if head is None or following[0].id != comma.id + 1 or not following[0].text[:1].isupper() \
            or not (head.upos == "PROPN" or is_role_noun(head) or is_speaker_noun(head)):
        return False
    after = sentence.word(following[-1].id + 1)
    return after is not None and (after.text == "," or after.text.lower() in COORDINATORS | {"oder"})


MAX_APPOSITION_WORDS = 10  # words of a description set off by commas after a name


def _description_between_commas(sentence: Sentence, comma: int) -> list[Word]:
    """The words from the comma at index `comma` to the next comma, when they
    are a noun phrase without a verb: "Elon Musk, der Milliardär hinter der
    Firma, erklärte"."""
    words = sentence.words
    closing = next((i for i in range(comma + 1, min(len(words), comma + MAX_APPOSITION_WORDS + 2))
                    if words[i].text == ","), None)
    if closing is None or closing == comma + 1:
        return []
    inside = list(words[comma + 1:closing])
    if any(w.upos in {"VERB", "AUX"} or w.text in _CLAUSE_BOUNDS or is_mark(w) for w in inside):
        return []
    return inside


def _is_description(phrase: list[Word]) -> bool:
    """A noun phrase with an article or adjective before its noun, or a bare
    noun with an attribute after it, and no name: "der Milliardär hinter der
    Firma", "Kopf einer Gruppe von Inspektoren"."""
    head = _head(phrase)
    if head is None or head.upos != "NOUN" or _is_name(phrase):
        return False
    bare_with_attribute = phrase[0] is head and len(phrase) > 1 \
        and phrase[1].text.lower() in genitive_determiners() | {"von", "vom"}
    return phrase[0].upos in {"DET", "ADJ"} or bare_with_attribute


def speaker_words(mention: list[Word]) -> list[Word]:
    """The words of a mention that say who spoke: the part with the name when
    it has an apposition ("der Leiter der Studie, Paulo Pinheiro" → "Paulo
    Pinheiro"), without prepositional attributes ("die Notenbank in Rom" →
    "die Notenbank"), and the owner of a statement ("Angaben der Polizei" →
    "der Polizei")."""
    mention = _without_extended_attribute(mention)
    mention = mention[len(_approximator(tuple(mention), 0)):]  # "Mehr als 100 Ärzte": the doctors
    joiners, joiner_tags = COORDINATORS, {"CCONJ"}
    if len(mention) > 1 and mention[0].text.lower() in _CORRELATIVES:
        joiners, joiner_tags = {_CORRELATIVES[mention[0].text.lower()][0]}, {"CCONJ", "ADV"}  # "noch" is an adverb
        mention = mention[1:]  # "Sowohl die Regierung als auch die Opposition": the first of the two
    # two speakers, not "Bürgermeister und Justizsenator" (two offices), "Such- und Rettungsagentur" or
    # "die afghanischen und ausländischen Soldaten" (two adjectives of one noun)
    joiner = next((index for index, word in enumerate(mention) if word.text.lower() in joiners
                   and word.upos in joiner_tags
                   and not (index + 1 < len(mention) and is_role_noun(mention[index + 1]))
                   and not (index and (mention[index - 1].text.endswith("-") or mention[index - 1].upos == "ADJ"))
                   and not any(w.text.lower() == "für" for w in mention[:index])),  # "für Arbeit und Soziales"
                  None)
    if joiner is not None:
        mention = mention[:joiner]  # the first of two speakers
    comma = next((index for index, word in enumerate(mention) if word.text == ","), None)
    if comma is not None:
        core, apposition = mention[:comma], mention[comma + 1:]
        named = (_is_name(apposition) and not apposition[0].text[:1].islower()) \
            or _ends_in_name(apposition)  # not "…, kurz „DFB“"; "…, die britische Königin Elisabeth II."
        mention = apposition if named and not _is_name(core) else core
    attribute = next((index for index, word in enumerate(mention) if index and word.upos == "ADP"
                      and mention[index - 1].upos in _NAME_WORDS and not is_name_particle(tuple(mention), index)
                      and sum(is_mark(w) for w in mention[:index]) % 2 == 0  # not in „Ärzte ohne Grenzen“
                      and word.text.lower() != "für"  # part of the name: "das Bundesamt für Statistik"
                      and (word.text.lower() not in {"von", "vom"} or _affiliation(mention, index)
                           or is_temporal(mention[index + 1:]))), None)  # "des Spiegel vom Montag"
    if attribute is not None:
        mention = mention[:attribute]  # "die Notenbank in Rom": the bank
    return _owner_of_speech_noun(mention)


def _affiliation(mention: list[Word], index: int) -> bool:
    """"von der …" after a person's name is where they work ("Moritz Wohlrab
    von der „Aktion Deutschland hilft“"), not a particle of the name
    ("Ursula von der Leyen")."""
    return mention[index - 1].upos == "PROPN" and not is_name_particle(tuple(mention), index)


def _without_extended_attribute(mention: list[Word]) -> list[Word]:
    """The mention less the phrase inside an extended attribute: "die am
    Montag entlassene Ministerin" → "die entlassene Ministerin"."""
    for position in range(1, len(mention)):
        if (mention[position - 1].upos == "DET" or mention[position - 1].text.lower() in _ARTICLES) \
                and mention[position].upos in {"ADP", "ADV"}:
            participle = attribute_participle(tuple(mention), position)
            if participle is not None:
                return mention[:position] + mention[participle:]
    return mention


def _owner_of_speech_noun(words: list[Word]) -> list[Word]:
    """'einer Mitteilung des Militärs' → 'des Militärs': the speaker is the
    owner of the statement, not the statement (which stays in the mention as
    written, "Angaben der Polizei"); 'Merkels Satz' → 'Merkels'."""
    if len(words) > 1 and words[-1].text in word_list("quotation_nouns.txt"):
        owner = list(words[:-1])
        while owner and owner[-1].upos == "ADJ":
            owner.pop()  # "Merkels berühmter Satz"
        if owner and owner[-1].upos == "PROPN":
            return owner
    for position, word in enumerate(words[:-1]):
        if speaks_for_owner(word):  # "Angaben der Polizei", "Seiten der", "Botschaft der"
            rest = words[position + 1:]
            if rest[0].text.lower() in {"von", "vom"}:
                rest = rest[1:]
            return rest or words
        if word.upos in {"NOUN", "PROPN"}:
            break
    return words
