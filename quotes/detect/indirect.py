"""Indirect speech: content clauses under a speech cue, source phrases
("laut X", "X zufolge", "so X", "nach Angaben von X", "wie X mitteilte",
"hieß es aus X") and Konjunktiv sentences that go on with someone's speech."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise, takewhile

from quotes.detect.candidates import Candidate
from quotes.detect.cues import (
    Cue,
    find_cues,
    genitive_determiners,
    heissen_cue,
    is_content_noun,
    is_speech_noun,
    is_stance_word,
    source_side,
    verb_cue,
)
from quotes.detect.spans import (
    CLAUSE_OPENERS,
    COORDINATORS,
    MIXED_SHARE,
    PERFECT_AUXILIARIES,
    RELATIVE_PRONOUNS,
    apposition_start,
    attribute_participle,
    attributes_end,
    auxiliary_of_participle,
    clause_opening,
    closing_bracket,
    has_konjunktiv_form,
    has_name_particle,
    has_participle_form,
    is_capitalised_noun,
    is_finite_verb,
    is_konjunktiv,
    is_mark,
    is_outlet_name,
    opening_bracket,
    opens_plural_phrase,
    prefield_end,
    quoted_title_end,
    slash_name_end,
)
from quotes.document import Document, Sentence, Word
from quotes.lexicons import word_list
from quotes.nlp.engine import konjunktiv_one_form

_BOUNDARY = {",", ";", ":", "–", "—"}
_CONTRASTS = {"doch", "aber", "jedoch", "während", "sondern", "und"}  # join a clause with a speaker of its own
_WH_WORDS = {"wie", "wann", "warum", "weshalb", "wieso", "wo", "was", "wer", "wen", "wem", "welche", "weil"}
_MODALS = {"sollen", "wollen", "werden", "müssen", "können", "dürfen", "mögen", "lassen"}  # "ließ … verlautbaren"
ANAPHORIC_REACH = 2  # sentences back that "Das erklärte X" may point to
_ANAPHORS = {"das", "dies"}
_DEMONSTRATIVES = {"diese", "dieses", "diesen"}
_REASONS = {"weil", "da", "zumal"}  # the subordinators of a reason that Konjunktiv makes someone's claim
_CONDITIONAL = {"würde", "würden", "wäre", "wären"}  # Konjunktiv II, as often conditional as reported
_PRONOMINAL_ADVERBS = {"darüber", "dafür", "dagegen", "davon", "daran", "darauf"}  # "Konsens darüber, dass …"
_PERSON_NOUNS = {"Sprecher", "Sprecherin"}  # speech nouns that name a person, not what was said
MIN_VERBLESS_CLAUSE = 8  # words before a trailing cue that are a statement without a tagged verb
MAX_INSERTED_WORDS = 6  # words of an apposition or adverbial between a cue and its message
MAX_PREFIELD_WORDS = 8  # words before the finite verb of a main clause (German V2)
CONTINUATION_WINDOW = 3  # sentences after reported speech in which a Konjunktiv sentence continues it
_CUE_PRIORITY = {"verb": 0, "heissen": 1, "preposition": 2, "so": 3, "colon": 4}
_COMPARISONS = {"als", "wie"}  # a comparison may follow the verb that ends a clause
_INFINITIVE_CONJUNCTIONS = {"um", "ohne", "statt", "anstatt"}  # open adverbial zu-infinitives
_SUBORDINATORS = {"wenn", "als", "weil", "obwohl", "damit", "während", "nachdem", "bevor", "falls", "sofern"}


def _end_index(sentence: Sentence) -> int:
    """Index after the last word that can belong to a message: past final
    punctuation, keeping a quotation mark that closes a quote opened in the
    sentence ("… zu „YouTube“.")."""
    words = sentence.words
    end = len(words)
    while end > 0 and (words[end - 1].upos == "PUNCT" or is_mark(words[end - 1])):
        if is_mark(words[end - 1]) and sum(is_mark(w) for w in words[:end - 1]) % 2:
            break
        end -= 1
    return end


def _clause_is_speech(words: list[Word]) -> bool:
    """A reported clause: dass/ob, a V2 clause (finite verb early), a
    Konjunktiv clause, a zu-infinitive, or a relative clause in Konjunktiv I."""
    content = [w for w in words if w.upos != "PUNCT"]
    if len(content) < 2:
        return False
    first = content[0].text.lower()
    if first in CLAUSE_OPENERS:
        return True
    if content[0].upos == "CCONJ":
        return False  # "…, und die Sitzung ging weiter": the sentence goes on
    if content[0].upos == "ADP" and _is_relative_clause(words[words.index(content[1]):]):
        own = list(takewhile(lambda w: w.text not in _BOUNDARY, words))  # "…, in der es heißt, …": a relative
        return any(is_konjunktiv(w) for w in own)  # clause is what was said only in Konjunktiv ("aus denen … kämen")
    adverb_then_verb = is_finite_verb(content[1])  # "damit solle …": V2, not a subordinate clause
    with_commas = words[words.index(content[0]):]  # where a relative clause ends, the commas tell
    if _is_relative_clause(with_commas):  # "sprach von einem Täter, der geflohen sei": reported only in Konjunktiv I
        return any(_is_konjunktiv_one(w) for w in content)
    if (first in _SUBORDINATORS and not adverb_then_verb) or first in _INFINITIVE_CONJUNCTIONS:
        return False  # "…, um Hilfe zu bringen": a purpose, not what was said
    if first == "da" and not adverb_then_verb and not any(is_konjunktiv(w) for w in content):
        return False  # "…, da sie eine Beziehung hat": a reason; not "da sei nichts zu machen"
    if any(is_finite_verb(w) or _is_plural_modal(w) for w in content[:8]) or any(is_konjunktiv(w) for w in content):
        return True
    return _has_zu_infinitive(content)


def _is_plural_modal(word: Word) -> bool:
    """A modal in its plural present, which looks like its infinitive: the
    tagger may take it for one ("200 Mitarbeiter sollen entlassen werden")."""
    form = word.text.lower()
    return word.upos in {"VERB", "AUX"} and form in word_list("auxiliary_lemmas.txt") - PERFECT_AUXILIARIES


def _has_zu_infinitive(words: list[Word]) -> bool:
    """"…, die Preise zu erhöhen" / "…, ihr Mandat niederzulegen": an
    infinitive clause reporting what someone announced, demanded or denied."""
    return any(_is_zu_infinitive(words, index) for index in range(len(words)))


def _is_infinitive_clause(words: list[Word]) -> bool:
    """A zu-infinitive clause with no finite verb of its own: "…, in der
    Gesundheitspolitik auf die SPD zuzugehen"."""
    infinitives = {index for index in range(len(words)) if _is_zu_infinitive(words, index)}
    return bool(infinitives) and not any(is_finite_verb(w) for i, w in enumerate(words) if i not in infinitives)


def _is_zu_infinitive(words: Sequence[Word], index: int) -> bool:
    """The word at `index` is an infinitive with "zu": after "zu" ("zu
    erhöhen") or with "zu" inside ("niederzulegen", "zuzugehen")."""
    word = words[index]
    text = word.text.lower()
    if index > 0 and words[index - 1].text.lower() == "zu" and word.upos in {"VERB", "AUX"}:
        return True
    if word.upos in {"VERB", "ADJ"} and text.endswith("en") and "zu" in text[2:-2]:
        prefix = text[:text.index("zu", 2)]
        lemma = word.upos == "VERB" and text.replace("zu", "", 1) == word.lemma.lower()
        return lemma or prefix in word_list("particles.txt")  # "zurückzutreten", whatever the tagger says
    return False


def _is_relative_clause(clause: list[Word]) -> bool:
    """A clause opening with der/die/das/welche… whose finite verb comes last
    ("…, das nur für seine Ohren bestimmt war") is a relative clause; with the
    verb second ("…, die noch zu schaffende Verfassung werde …") it is speech.
    Without a finite verb, an article before a noun ("das Hallenbad zu
    schließen") is no relative pronoun."""
    first = clause[0]
    if first.text.lower() not in RELATIVE_PRONOUNS and first.feats.get("PronType") != "Rel":
        return False
    content = [w for w in clause[1:] if not (is_mark(w) or w.upos == "PUNCT")]
    if first.upos == "DET" and content and content[0].upos in {"NOUN", "PROPN", "ADJ", "NUM"}:
        return False  # an article: "die DGB-Gewerkschaft … versucht haben soll", "der „Social Action Party“"
    for index, word in enumerate(clause[1:], start=1):
        if word.text in _BOUNDARY:
            break
        if is_finite_verb(word) and not _is_zu_infinitive(clause, index):
            following = clause[index + 1] if index + 1 < len(clause) else None
            # the verb ends the clause: "…, die heftiger sein werden als", "…, der untertauchte und … aufstieg"
            return following is None or following.text.lower() in _BOUNDARY | _COMPARISONS | {"und", "oder"}
    if _has_zu_infinitive(content):
        return False  # "…, der Klage stattzugeben": an infinitive clause, an article
    return not content or content[0].upos not in {"NOUN", "PROPN", "ADJ", "NUM"}


def _trailing_cue(sentence: Sentence, start: int, end: int) -> int:
    """Where a clause ends before a trailing ", sagte X" that reports the
    whole sentence, or before a quotation that a colon opens; `end` when
    there is none."""
    words = sentence.words
    for index in range(start + 1, end - 1):
        if words[index].text in _BOUNDARY and verb_cue(sentence, words[index + 1]) is not None \
                and words[index + 1].feats.get("VerbForm") not in {"Inf", "Part"}:
            return index
        if words[index].text.lower() in COORDINATORS and (_goes_on_indicative(words, index + 1, end)
                                                         or _speaks_itself(sentence, index + 1, end)):
            return index
        if words[index].text in _BOUNDARY and _closing_so_source(sentence, index + 1, end):
            return index  # "…, die Grenze zu öffnen, so Hisbollah-Chef Nasrallah im Fernsehen."
        if words[index].text == "," and _goes_on_indicative(words, index + 1, end) \
                and words[index + 1].upos == "VERB" and words[index + 1].text.lower() not in word_list(
                    "subordinators.txt"):  # a small tagger may call "sobald" a verb
            return index  # "…, er sei unschuldig, erkannte das Gericht nicht an": the speaker acts again
        if words[index].text in _BOUNDARY and words[index + 1].text.lower() in _CONTRASTS \
                and (_speaks_itself(sentence, index + 2, end) or _narrated(words, start, index + 2, end)):
            return index
        if (words[index].text in {";", ":"} or (words[index].text == "," and words[index + 1].text.lower() == "was")) \
                and _narrated(words, start, index + 1, end):
            return index  # "…; es wird geprüft, ob …", "…, was dieser jedoch zurückweist": the narrator again
        if _opens_quotation(words, index):
            return index  # "…, die Abgeordneten würden nicht zustimmen: „Ich gehe davon aus …“": a quote of its own
        if words[index].text in {"–", "—", "-"} and words[index + 1].text.lower() in _INFINITIVE_CONJUNCTIONS:
            return index  # "…, dass er den Krieg beenden könne – ohne anzugeben, wie": the narrator's remark
    return end


def _opens_quotation(words: Sequence[Word], index: int) -> bool:
    """The word at `index` is a colon with a quotation mark right after it."""
    return words[index].text == ":" and index + 1 < len(words) and is_mark(words[index + 1])


def _without_stray_marks(clause: list[Word]) -> list[Word]:
    """The clause less a quotation mark at either edge whose partner lies
    outside it; a quotation that closes inside the clause keeps its mark."""
    while clause and is_mark(clause[0]) and sum(is_mark(w) for w in clause) % 2:
        clause = clause[1:]
    while clause and is_mark(clause[-1]) and sum(is_mark(w) for w in clause) % 2:
        clause = clause[:-1]
    return clause


def _closing_so_source(sentence: Sentence, start: int, end: int) -> bool:
    """"so" and a noun phrase that close the sentence, perhaps with more words
    but no clause of their own ("so der Sprecher", "so Frank Karl, Leiter der
    Abteilung", "so X gegenüber der Zeitung"), or only a relative clause of
    their own: a source, not "so dass …" or "so schnell wie möglich"."""
    words = sentence.words
    if start + 1 >= end or words[start].text.lower() != "so":
        return False
    source_end = _np_end(sentence, start + 1)
    if source_end <= start + 1:
        return False
    comma = next((i for i in range(source_end, end) if words[i].text == ","), end)
    if any(is_finite_verb(w) for w in words[source_end:comma]):
        return False
    rest = list(words[comma + 1:end])
    finite = [i for i, w in enumerate(rest) if is_finite_verb(w)]
    relative = len(rest) > 1 and (_is_relative_clause(rest) or (
        rest[0].upos == "ADP" and rest[1].text.lower() in RELATIVE_PRONOUNS and finite == [len(rest) - 1]))
    return relative or not finite  # "so eine Studie, in der X … untersucht hat"


def _narrated(words: tuple[Word, ...], message_start: int, start: int, end: int) -> bool:
    """The clause from `start` to the next boundary has a finite verb, all of
    them in the indicative: the text's own voice, not the report. Never
    inside a quotation that opened in the message ("„zu zeigen, was wir …“")."""
    if sum(is_mark(w) for w in words[message_start:start]) % 2:
        return False
    finite = []
    for word in words[start:end]:
        if word.text in _BOUNDARY:
            break
        if is_finite_verb(word):
            finite.append(word)
    return bool(finite) and all(_is_indicative(w) for w in finite)


def _speaks_itself(sentence: Sentence, start: int, end: int) -> bool:
    """The clause from `start` has its own speech verb in the indicative:
    "…, doch UN-Sprecher Birnback erklärte, …", "… und die Fraktion der
    Grünen forderte …" is another speaker's report, not the message's."""
    for word in sentence.words[start:end]:
        if word.text in _BOUNDARY:
            return False
        if _is_indicative(word) and verb_cue(sentence, word) is not None:
            return True
    return False


def _goes_on_indicative(words: tuple[Word, ...], start: int, end: int) -> bool:
    """After "und": the speaker's own next action in the indicative ("…, sie
    müssten nachgeben und bemühte das Bild …"), which the report no longer holds."""
    following = words[start] if start < end else None
    return following is not None and following.is_finite and _is_indicative(following)


def _is_indicative(word: Word) -> bool:
    """A finite verb in the indicative, by the tagger, and no listed Konjunktiv form."""
    return is_finite_verb(word) and not is_konjunktiv(word) and word.feats.get("Mood") == "Ind"


def _message_after(sentence: Sentence, after: int) -> tuple[int, int] | None:
    """The clause after the first boundary at or after word index `after`."""
    words = sentence.words
    end = _end_index(sentence)
    for index in range(after, end):
        if words[index].text in _BOUNDARY:
            if _is_inserted_phrase(words, index + 1, end):
                continue  # "verkündete der „Deutscher Fußball-Bund“, kurz „DFB“, dann offiziell, dass …"
            if _opens_quotation(words, index):
                return None  # "schrieb bei Twitter: „…“": a direct quotation, not a reported clause
            stop = _trailing_cue(sentence, index + 1, end)
            clause = list(words[index + 1:stop])
            if not _clause_is_speech(clause):
                return None
            object_before = any(w.upos in {"NOUN", "PROPN"} and (w.deprel == "obj" or _prepositional_object(words, w))
                                for w in words[after:index]) \
                or any(is_mark(w) for w in words[after:index])  # "nannte den Platzverweis „überzogen“, Löw …"
            if object_before and _is_indicative_statement(clause):
                return None  # "bemerkte der Pilot die Probleme, … konnte er nicht": the sentence goes on
            return words[index + 1].start, words[stop - 1].end
        if is_finite_verb(words[index]) and index > after + 6:
            return None
    rest = [w for w in words[after:end] if w.upos != "PUNCT"]
    if len(rest) >= 2 and _is_infinitive_clause(rest):  # "hat angekündigt ihr Mandat niederzulegen" (no comma)
        return words[after].start, words[end - 1].end
    return None


_OBJECT_PREPOSITIONS = {"von", "vom", "vor", "auf", "über", "an", "mit"}


def _prepositional_object(words: tuple[Word, ...], noun: Word) -> bool:
    """A noun after a preposition that marks the object of a verb of saying
    ("gehen von einem Anschlag aus", "warnte vor Unruhen"), not a time or place."""
    return any(w.head == noun.id and w.deprel == "case" and w.text.lower() in _OBJECT_PREPOSITIONS
               for w in words[max(0, noun.id - 4):noun.id - 1])


def _is_indicative_statement(clause: list[Word]) -> bool:
    """A main clause in the indicative: no dass/ob, no Konjunktiv, no zu-infinitive."""
    content = [w for w in clause if w.upos != "PUNCT"]
    return bool(content) and content[0].text.lower() not in CLAUSE_OPENERS \
        and not any(is_konjunktiv(w) for w in content) and not _has_zu_infinitive(content)


def _is_inserted_phrase(words: tuple[Word, ...], start: int, end: int) -> bool:
    """The words from `start` to the next boundary are a short phrase without
    a verb (an apposition or adverbial between commas), and a boundary
    follows: the message opens after it."""
    for index in range(start, min(end, start + MAX_INSERTED_WORDS + 1)):
        word = words[index]
        if word.text in _BOUNDARY:
            antecedent = word.text == "," and index + 1 < end and _is_relative_clause(list(words[index + 1:end]))
            return index > start and not antecedent  # "meinte, Yang Peiyi, die gesungen hatte, wäre …": the subject
        if word.upos in {"VERB", "AUX"} or word.text.lower() in CLAUSE_OPENERS | _WH_WORDS:
            return False
    return False


def _message_before(sentence: Sentence, cue_index: int) -> tuple[int, int] | None:
    """„CLAUSE, sagte X.“ without marks: the clause before the comma (and a
    "so" after it: "…, so heißt es in der Erklärung")."""
    words = sentence.words
    if cue_index >= 2 and words[cue_index - 1].text.lower() == "so":
        cue_index -= 1
    if cue_index < 2 or words[cue_index - 1].text not in _BOUNDARY:
        return None
    clause = list(words[:cue_index - 1])
    while clause and (clause[0].upos == "PUNCT" or is_mark(clause[0])):
        clause = clause[1:]
    clause = _after_own_cue(sentence, clause)
    if _quotation_after_colon(clause):
        return None  # "X hatte gedroht: „…“, sagte Gaddafi": the quotation is what the cue reports
    colon = next((i for i in range(len(clause) - 2, 0, -1) if clause[i].text == ":"), None)
    if colon is not None:
        clause = clause[colon + 1:]  # "Auch die Grünen üben Kritik: Die Pläne kämen zu spät, sagte X"
    if not any(is_finite_verb(w) for w in clause) and (len(clause) < MIN_VERBLESS_CLAUSE
                                                        or clause[0].upos not in {"ADP", "ADV"}):
        return None  # a long clause opening with an adverbial is a statement where a tagger missed its verb
        # ("Bei ihrem Vormarsch … trafen[ADJ] US-Truppen auf …"); one opening with a noun phrase is the subject
    verb_second = len(clause) > 1 and is_finite_verb(clause[1])  # "Da sei nichts zu machen, sagte er"
    main_clause = any(w.text == "," and is_finite_verb(n) for w, n in pairwise(clause))  # "Wenn …, bleiben wir …"
    if clause[0].text.lower() in word_list("subordinators.txt") - CLAUSE_OPENERS and not (verb_second or main_clause):
        return None  # "Da Brauereien auf Wasser angewiesen sind, warnte …": a reason, not what was said
    if _is_prefield_phrase(clause):
        return None  # "Hubert Primus, der bei Stiftung Warentest … ist, wies den Vorwurf zurück": the subject
    if is_finite_verb(clause[0]) and clause[0].text[:1].isupper():
        return None  # "Galt er als „Pitbull“, so wurde sein Werk … bewertet": a verb-first condition
    return clause[0].start, clause[-1].end


def _after_own_cue(sentence: Sentence, clause: list[Word]) -> list[Word]:
    """The fronted clause less a cue of its own that opens it: "Aus dem Kreml
    hieß es, | Putin habe …, sagte Peskow" reports only what follows the
    comma."""
    for position, word in enumerate(clause[:-2]):
        if word.text != ",":
            continue
        opening = clause[:position]
        cued = any(w.is_finite and (verb_cue(sentence, w) or heissen_cue(sentence, w)) for w in opening)
        if cued and any(is_konjunktiv(w) for w in clause[position + 1:]):
            return clause[position + 1:]
        return clause
    return clause


def _quotation_after_colon(clause: list[Word]) -> bool:
    """The clause ends with a quotation that a colon opens."""
    if not clause or not is_mark(clause[-1]):
        return False
    opening = next((i for i in range(len(clause) - 2, -1, -1) if is_mark(clause[i])), None)
    return opening is not None and opening > 0 and clause[opening - 1].text == ":"


def _is_prefield_phrase(clause: list[Word]) -> bool:
    """A noun phrase without a verb, then a relative clause or an apposition
    on it ("Ulla Jelpke, die …", "Auch die größte Privatbank, die Deutsche
    Bank"), or a prepositional phrase with the clause its noun takes ("Auf
    die Frage, ob die Koalition halte"): what fills the prefield before the
    cue, not what was said; so is a noun with the content clause it takes
    ("Den Bericht, wonach er zurücktreten wolle, kommentierte er nicht")."""
    segments: list[list[Word]] = [[]]
    for word in clause:
        if word.text == ",":
            segments.append([])
        else:
            segments[-1].append(word)
    if len(segments) < 2 or any(is_finite_verb(w) for w in segments[0]) or not all(segments):
        return False
    adverbial = segments[0][0].upos == "ADP"  # "Auf die Frage, ob …": a clause on the phrase's noun
    nominal = segments[0][-1].upos == "NOUN"  # "Die Forderung, dass …"
    for segment in segments[1:]:  # appositions and relative clauses ("Sadiq Khan, einer der …, die …")
        relative = _is_relative_pronoun(segment[0]) or (segment[0].upos == "ADP" and len(segment) > 1
                                                         and _is_relative_pronoun(segment[1]))
        opener = segment[0].text.lower()
        attribute = (adverbial and opener in CLAUSE_OPENERS | _WH_WORDS) or (nominal and opener in CLAUSE_OPENERS) \
            or opener == "wie"  # "Schutzklauseln, wie sie das Gesetz enthält, hat X …"
        if not (relative or attribute) and any(is_finite_verb(w) for w in segment):
            return False  # "Der Preis, den …, sei zu hoch": a sentence
    return True


def _np_end(sentence: Sentence, start: int) -> int:
    """Index after a source noun phrase starting at `start` ("dem ukrainischen
    Generalstab", "Angaben des Priesters Samaan Ibrahim", "Peskow (Kreml)")."""
    words = sentence.words
    genitive = genitive_determiners()
    index = start
    seen_noun = False
    while index < len(words):
        word = words[index]
        lower = word.text.lower()
        if is_outlet_name(word):
            seen_noun = True
            index += 1
            continue
        if (title := _title_at(words, index, start)) is not None:
            seen_noun = True
            index = title  # "von der „Aktion Deutschland hilft“", "dem Magazin „Der Spiegel“"
            continue
        if not seen_noun and word.upos == "ADJ" and is_capitalised_noun(sentence, index) and (
                index + 1 >= len(words) or not words[index + 1].is_capitalised):
            seen_noun = True  # "so der 36-Jährige", "laut dem Vorsitzenden": an adjective as a noun
            index += 1
            continue
        if word.upos in {"DET", "ADJ", "NUM"} or lower in {"von", "vom"} or lower in genitive:
            if seen_noun and not _continues_source_phrase(sentence, index, genitive):
                break
            index += 1
            continue
        if not seen_noun and index > start and (participle := attribute_participle(words, index)) is not None:
            index = participle  # "einer am Dienstag veröffentlichten Pressemitteilung"
            continue
        if is_mark(word) and index + 1 < len(words) and not seen_noun:
            index += 1
            continue
        if seen_noun and is_mark(word) and is_mark(words[index - 1]) is False and index > start:
            index += 1
            continue
        if word.upos in {"NOUN", "PROPN", "X"} or is_capitalised_noun(sentence, index) or has_name_particle(word):
            if seen_noun and opens_plural_phrase(words[index - 1], word):
                break  # "laut Ministerium Arbeiten an …": the next phrase
            seen_noun = True
            index += 1
            continue
        if word.text == "(" and seen_noun:
            close = closing_bracket(words, index)
            if close is not None:
                index = close + 1
                continue
        if seen_noun and (joined := slash_name_end(words, index)) is not None:
            index = joined  # "laut CDU/CSU"
            continue
        if seen_noun and lower == "wie" and words[index - 1].feats.get("Number") == "Plur" \
                and index + 1 < len(words) and words[index + 1].upos in {"DET", "ADJ", "NOUN", "PROPN"}:
            index = max(_np_end(sentence, index + 1), index + 2)  # "Experten wie dem Ökonomen Clemens Fuest"
            continue
        break
    if not seen_noun:
        return start
    end = attributes_end(sentence, start, index)
    return _apposition_end(sentence, end)


def _title_at(words: tuple[Word, ...], index: int, start: int) -> int | None:
    """The index after a name in quotation marks that opens at `index`, or
    right after the article there; None when there is none."""
    if words[index].upos == "DET" and index + 1 < len(words):
        return quoted_title_end(words, index + 1)
    return quoted_title_end(words, index) if index > start else None


def _apposition_end(sentence: Sentence, end: int) -> int:
    """Past an apposition between commas after a source's noun phrase ("dem
    Chefankläger des Strafgerichts, Luis Moreno Ocampo, …"): a short phrase
    without a verb that opens with a name or noun, up to its closing comma."""
    words = sentence.words
    if end + 2 >= len(words) or words[end].text != "," or not _is_inserted_phrase(words, end + 1, len(words)):
        return end
    first = words[end + 1] if words[end + 1].upos != "DET" else words[end + 2]
    if not first.is_capitalised or first.upos not in {"NOUN", "PROPN", "X"}:
        return end
    closing = next(i for i in range(end + 1, len(words)) if words[i].text in _BOUNDARY)
    return closing if words[closing].text == "," else end


def _continues_source_phrase(sentence: Sentence, index: int, genitive: frozenset[str]) -> bool:
    """After the source's noun: a genitive or 'von' attribute goes on ("Angaben
    des Militärs", "Einschätzung politischer Beobachter"); anything else ends it."""
    words = sentence.words
    word = words[index]
    lower = word.text.lower()
    if lower in {"von", "vom"}:
        return True
    if lower == "der" and word.feats.get("Case") != "Gen" and not _closes_prefield(words, index + 2):
        return False  # but "Laut dem „Deutschlandtrend“ der ARD halten …": the verb after it closes the prefield
    if lower in genitive:
        return True
    after_genitive = words[index - 1].text.lower() in genitive
    following = words[index + 1] if index + 1 < len(words) else None
    before_noun = following is not None and following.upos in {"NOUN", "PROPN"}
    return word.upos == "ADJ" and (after_genitive or (lower.endswith("er") and before_noun))


def _closes_prefield(words: Sequence[Word], index: int) -> bool:
    """A finite verb at `index`, after a source phrase that opens the sentence
    and a one-noun genitive: the second position of a German main clause."""
    return 0 < index < len(words) and words[index - 1].upos in {"NOUN", "PROPN"} and is_finite_verb(words[index]) \
        and words[0].upos == "ADP"


def _source_phrase_message(sentence: Sentence, phrase: tuple[int, int]) -> tuple[int, int] | None:
    """The message around a source phrase (word indices [first, last))."""
    words = sentence.words
    end = _end_index(sentence)
    first, last = phrase
    if first == 0 or (first == 1 and words[0].upos == "PUNCT"):
        rest = list(words[prefield_end(sentence, first, last):end])
        if rest and rest[0].text.lower() in COORDINATORS:
            verb = next((i for i, w in enumerate(rest) if is_finite_verb(w)), 0)
            if all(w.upos in {"DET", "ADJ", "NOUN", "PROPN", "X"} for w in rest[1:verb]):
                rest = rest[verb:]  # "Laut Angaben der Agenturen dpa und AFP umstellten …": one prefield
        if len(rest) > 2 and rest[0].text == "," and _is_relative_pronoun(rest[1]):
            closing = next((i for i in range(2, len(rest)) if rest[i].text == ","), None)
            rest = rest[closing:] if closing is not None else rest  # "Nach Angaben eines Experten, der …, würde …"
        while rest and rest[0].text in _BOUNDARY:
            rest = rest[1:]
        if any(_opens_quotation(rest, index) for index in range(len(rest))):
            return None  # "Nach Gerüchten … teilte X mit: „…“": the clause introduces a quotation of its own
        return (rest[0].start, rest[-1].end) if len(rest) > 1 else None
    if last >= end:
        head = list(words[:first])
        while head and head[-1].text in _BOUNDARY:
            head = head[:-1]
        return (head[0].start, head[-1].end) if len(head) > 1 else None
    start = _clause_after_main_clause(sentence, first)
    return words[start].start, words[end - 1].end


def _clause_after_main_clause(sentence: Sentence, index: int) -> int:
    """Where the main clause holding word `index` starts when a main clause of
    its own stands before it ("Die Mutter soll … mitbekommen haben, diese Taten
    seien aber laut X verjährt"): a source phrase speaks for its own clause
    only. 0 when the clause before is subordinate or no clause at all."""
    words = sentence.words
    commas = [i for i in range(1, index) if words[i].text in {",", ";"}]
    if not commas:
        return 0
    comma = commas[-1]
    before = list(words[commas[-2] + 1 if len(commas) > 1 else 0:comma])
    after = list(words[comma + 1:index + 1])
    return comma + 1 if _is_main_clause(before) and _is_main_clause(after) else 0


def _is_main_clause(clause: list[Word]) -> bool:
    """The words open a main clause: no subordinator or relative pronoun
    first, and a finite verb that does not close the clause."""
    content = [w for w in clause if not is_mark(w)]
    if content and content[0].text.lower() in COORDINATORS | {"aber", "doch", "denn", "sondern"}:
        content = content[1:]
    if not content or content[0].text.lower() in _SUBORDINATORS | _WH_WORDS | CLAUSE_OPENERS \
            or _is_relative_pronoun(content[0]):
        return False
    finite = [i for i, w in enumerate(content) if is_finite_verb(w)]
    return bool(finite) and finite[0] < len(content) - 1


def _preposition_candidates(sentence: Sentence, cue: Cue, before: Sentence | None) -> Candidate | None:
    words = sentence.words
    index = cue.head.id - 1
    side = source_side(cue)
    if side in {"previous", "previous-report"}:
        names_report = before is not None and any(is_speech_noun(w) or is_content_noun(w) for w in before.words)
        if index > 0 or (side == "previous-report" and not names_report):
            return None
        message = _source_phrase_message(sentence, (0, 1))
        if message is None:
            return None
        return Candidate("indirect", message[0], message[1], sentence.index, cue, "source-phrase", "previous")
    if side == "after":
        last = _np_end(sentence, index + 1)
        if last == index + 1:
            return None
        phrase = (index, last)
    else:
        first = index
        while first > 0:
            previous = words[first - 1]
            nominal = previous.upos in {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"} \
                or is_capitalised_noun(sentence, first - 1)
            if nominal or is_mark(previous) or (previous.text.lower() in {"von", "vom"} and first > 1):
                first -= 1
            elif previous.text == ")" and (opening := opening_bracket(words, first - 1)) is not None:
                first = opening  # "Einer Erklärung des Verbandes (VDR) zufolge"
            elif previous.text == "," and first == index and (opening := apposition_start(words, first - 1)):
                first = opening  # "Dem Chefankläger, Luis Moreno Ocampo, zufolge"
            else:
                break
        while first < index and is_mark(words[first]) and not any(is_mark(w) for w in words[first + 1:index]):
            first += 1  # an opening mark of a quote that ends before the source
        if first == index:
            return None
        phrase = (first, index + 1)
    message = _source_phrase_message(sentence, phrase)
    if message is None:
        return None
    return Candidate("indirect", message[0], message[1], sentence.index, cue, "source-phrase", side)


def _nach_angaben(sentence: Sentence) -> Candidate | None:
    """"Nach Angaben von X", "nach Ansicht einiger Juristen", "nach
    Polizeiangaben", "nach den bisherigen Ermittlungen": 'nach' before a noun
    of saying or knowing; "aus Sicht der Opposition": 'aus' before a noun of
    a point of view (data/lexicons/viewpoint_nouns.txt)."""
    words = sentence.words
    for index, word in enumerate(words[:-2]):
        preposition = word.text.lower()
        if preposition not in {"nach", "aus"}:
            continue
        cue = Cue((word,), "preposition", preposition)
        if index > 0 and words[index - 1].lemma.lower() in word_list("seeking_verbs.txt"):
            continue  # "Er fragte nach den Angaben der Polizei": what he asked for
        postposition = words[index + 1].upos not in {"DET", "ADJ", "NOUN", "PROPN"}  # not "Untersuchung nach dem Tod"
        if preposition == "nach" and index > 0 and is_speech_noun(words[index - 1]) and postposition:
            # "seiner Ansicht nach"
            first = index - 2 if index > 1 and words[index - 2].upos in {"DET", "PRON"} else index - 1
            message = _source_phrase_message(sentence, (first, index + 1))
            if message is not None:
                return Candidate("indirect", message[0], message[1], sentence.index, cue, "source-phrase", "before")
            continue
        noun_at = index + 1
        while noun_at < len(words) - 1 and (
                (words[noun_at].upos in {"DET", "ADJ"} and words[noun_at].text.islower())
                or _genitive_name(words[noun_at])):  # "nach Grupps Meinung"
            noun_at += 1
        owner = noun_at + 1 < len(words) and (words[noun_at + 1].text.lower() in genitive_determiners() | {"von"}
                                              or _genitive_name(words[noun_at + 1]))
        viewpoint = words[noun_at].text in word_list("viewpoint_nouns.txt") and owner  # "aus Sicht der Opposition"
        if not (viewpoint if preposition == "aus" else is_speech_noun(words[noun_at])):
            continue
        last = max(_np_end(sentence, noun_at), noun_at + 1)
        message = _source_phrase_message(sentence, (index, last))
        if message is not None:
            return Candidate("indirect", message[0], message[1], sentence.index, cue, "source-phrase", "after")
    return None


def _verb_closing(words: tuple[Word, ...], start: int, end: int) -> int:
    """Past a prepositional phrase and the verbs that close the clause after a
    noun of saying ("eine Mahnung | an die Politik ausgesprochen |, …", "die
    Forderung | erhoben |, …"): the index of the comma after them, or `start`."""
    index = start
    if words[index].upos == "ADP":
        index += 1
        while index < end and words[index].upos in {"DET", "ADJ", "NUM", "NOUN", "PROPN"}:
            index += 1
    verbs = index
    while index < end and index - verbs < 2 and words[index].upos in {"VERB", "AUX"} \
            and words[index].feats.get("VerbForm") != "Fin":
        index += 1
    return index if index > verbs and index < end and words[index].text == "," else start


def _genitive_name(word: Word) -> bool:
    return word.upos == "PROPN" and word.text.endswith("s") and word.text[:1].isupper()


def _noun_complement(sentence: Sentence) -> Candidate | None:
    """"die Behauptung, die Sorte werde nicht …", "ist der Ansicht, dass …",
    "einer Warnung der Wärter, auf Häftlinge zu schießen", "zeigte sich
    optimistisch, dass …": a noun of saying or believing, or an adjective of
    stance, with a dass/ob, Konjunktiv or zu-infinitive clause after it."""
    words = sentence.words
    end = _end_index(sentence)
    for index, word in enumerate(words[:end - 2]):
        noun = word.upos in {"NOUN", "PROPN"} and is_content_noun(word) and word.lemma not in _PERSON_NOUNS
        stance = is_stance_word(word)
        if not noun and not stance:
            continue
        comma = max(_np_end(sentence, index), index + 1) if noun else index + 1
        if stance and comma < end and is_mark(words[comma]) and index > 0 and is_mark(words[index - 1]):
            comma += 1  # "zeigte sich „zuversichtlich“, dass …"
        if comma < end and words[comma].text.lower() in _PRONOMINAL_ADVERBS:
            comma += 1
        if noun and comma < end - 1 and words[comma].text.lower() in word_list("particles.txt") \
                and words[comma + 1].text == ",":
            comma += 1  # "stellten die Theorie auf, dass …": the verb's particle closes the clause
        if noun and comma < end - 1 and words[comma].text != ",":
            comma = _verb_closing(words, comma, end)
        if comma >= end - 1 or words[comma].text != ",":
            continue
        stop = _trailing_cue(sentence, comma + 1, end)
        stop = _infinitive_end(words, comma + 1, stop)
        clause = [w for w in words[comma + 1:stop] if w.upos != "PUNCT"]
        if len(clause) < 2 or _is_relative_clause(clause) or is_finite_verb(clause[0]) \
                or clause[0].text.lower() in word_list("subordinators.txt") - CLAUSE_OPENERS:
            continue  # "keine schnelle Entscheidung, weil …", "begrüßte die Entscheidung, mahnte aber …"
        reported = clause[0].text.lower() in CLAUSE_OPENERS or any(is_konjunktiv(w) for w in clause[:10]) \
            or _is_infinitive_clause(clause)
        if reported:
            cue = Cue((word,), "predicate", word.lemma)
            side = "noun" if noun and _answers_statement(sentence, index) else "subject"
            return Candidate("indirect", words[comma + 1].start, words[stop - 1].end, sentence.index, cue,
                             "noun-complement" if noun else "adjective-complement", side)
    return None


def _answers_statement(sentence: Sentence, noun: int) -> bool:
    """The noun of saying at index `noun` is what a verb or preposition of
    reaction answers (data/lexicons/reaction_words.txt): "wies die Darstellung
    zurück, …", "gegen die Behauptung, …"."""
    reactions = word_list("reaction_words.txt")
    words = sentence.words
    start = noun
    while start > 0 and words[start - 1].upos in {"DET", "ADJ", "NUM"}:
        start -= 1
    if start > 0 and words[start - 1].text.lower() in reactions:
        return True
    clause_start = clause_opening(words, start, _BOUNDARY)
    return any(cue.kind == "verb" and cue.lemma in reactions and clause_start <= cue.head.id - 1 < start
               for cue in find_cues(sentence))


def _konjunktiv_clause(sentence: Sentence) -> Candidate | None:
    """"Sie beklagen Rationalisierungen, die einen Personalmangel zur Folge
    hätten", "Die Alliierten erhoben Einspruch, weil Berlin einen
    Sonderstatus habe": a relative clause or a clause of reason in Konjunktiv
    under an indicative main clause states what the main clause's subject
    claims, not what the narrator does. Its cue is the main verb, whose
    subject is the speaker."""
    main = _main_clause_verb(sentence)
    if main is None or not _is_indicative(main) or main.id < 2:
        return None
    words = sentence.words
    end = _end_index(sentence)
    for index in range(main.id, end - 2):
        if words[index].text != ",":
            continue
        opening = index + 2 if words[index + 1].upos == "ADP" else index + 1  # "…, für die … sei"
        clause = list(words[opening:end])
        reason = words[index + 1].text.lower() in _REASONS
        if not (reason or _is_relative_clause(clause)):
            continue
        stop = next((i for i in range(opening + 1, end) if words[i].text in _BOUNDARY), end)
        finite = [w for w in words[opening:stop] if is_finite_verb(w)]
        first_person = any(w.text.lower() == "ich" for w in words[opening:stop])  # "die ich gesehen habe"
        if finite and not first_person and all(_reports_in_relative(w) for w in finite):
            governor = sentence.word(main.head) if main.upos == "AUX" and main.head else None
            verb = governor if governor is not None and governor.upos == "VERB" else main  # "hat … beklagt"
            cue = Cue((verb,), "verb", verb.lemma)
            return Candidate("indirect", words[index + 1].start, words[stop - 1].end, sentence.index, cue,
                             "reason" if reason else "relative", "subject")
    return None


def _colon_report(sentence: Sentence) -> Candidate | None:
    """"Der Bürgermeister zeigte sich erleichtert: Die Schäden seien geringer
    als befürchtet.": after a colon, a clause whose verb is in Konjunktiv I
    reports the words of whoever the clause before the colon names."""
    words = sentence.words
    end = _end_index(sentence)
    colon = next((i for i, w in enumerate(words[:end]) if w.text == ":"), None)
    if colon is None or colon + 2 >= end or is_mark(words[colon + 1]):
        return None  # no colon, or a direct quotation after it
    if not any(w.upos in {"NOUN", "PROPN", "PRON"} for w in words[:colon]) \
            or any(is_konjunktiv(w) for w in words[:colon]):
        return None  # no one named before the colon, or reported speech already
    verb = next((w for w in words[colon + 1:min(end, colon + MAX_PREFIELD_WORDS + 2)] if is_finite_verb(w)), None)
    if verb is None or not _is_konjunktiv_one(verb):
        return None  # the clause after the colon opens with its verb second, and that verb reports
    cue = Cue((words[colon],), "colon", ":")
    return Candidate("indirect", words[colon + 1].start, words[end - 1].end, sentence.index, cue, "colon", "subject")


def _reports_in_relative(verb: Word) -> bool:
    """Konjunktiv I ("sei"), or the Konjunktiv II that stands in for it where
    the plural's Konjunktiv I looks like the indicative ("hätten" for
    "haben"); not "hätte" nor "würden", as often conditional as reported."""
    plural_substitute = verb.text.endswith("en") and verb.text.lower() not in _CONDITIONAL
    return _is_konjunktiv_one(verb) or (is_konjunktiv(verb) and plural_substitute and not _is_weak_preterite(verb))


def _infinitive_end(words: tuple[Word, ...], start: int, stop: int) -> int:
    """Where a zu-infinitive clause that opens at `start` closes with a comma
    ("der Vorschlag, die Flaggen zu wechseln, erhält nun Unterstützung"): the
    sentence goes on after it."""
    for index in range(start, stop - 1):
        if words[index].text in _BOUNDARY:
            return stop
        if _is_zu_infinitive(words, index) and words[index + 1].text == ",":
            return index + 1
    return stop


def _wonach(sentence: Sentence) -> Candidate | None:
    """"Spekulationen, wonach der Auftraggeber … gewesen sein könnte, …",
    "Umfragen, nach denen 72 Prozent …": the clause after 'wonach' is what the
    noun before it says."""
    words = sentence.words
    for index in range(2, len(words) - 2):
        word = words[index]
        if words[index - 1].text != ",":
            continue
        relative = word.text.lower() == "nach" and _is_relative_pronoun(words[index + 1]) \
            and any(is_speech_noun(w) for w in words[max(0, index - 4):index - 1])  # "Umfragen, nach denen …"
        if word.text.lower() != "wonach" and not relative:
            continue
        opens = index + 2 if relative else index + 1
        stop = next((i for i in range(opens, len(words)) if words[i].text in _BOUNDARY), _end_index(sentence))
        stop = min(stop, _end_index(sentence))
        if stop - opens > 1:
            cue = Cue((word,), "preposition", word.text.lower())
            return Candidate("indirect", words[opens].start, words[stop - 1].end, sentence.index, cue,
                             "source-phrase", "before")
    return None


def _so_source(sentence: Sentence) -> Candidate | None:
    """„…, so X.“: a source after 'so' that closes the sentence; or a
    parenthetical one, "Dennoch, so Nacke, habe Mindermann …", around which the
    whole sentence is the message."""
    words = sentence.words
    end = _end_index(sentence)
    for index in range(1, end - 1):
        word = words[index]
        if word.text.lower() != "so" or words[index - 1].text not in _BOUNDARY:
            continue
        source_end = _np_end(sentence, index + 1)
        if source_end + 1 < end and source_end > index + 1 and words[source_end].text.islower() \
                and words[source_end + 1].text in _BOUNDARY:
            source_end += 1  # "so Obama weiter, …"
        cue = Cue((word,), "so", "so")
        if _closing_so_source(sentence, index, end) and index >= 2:
            opening = max((i + 1 for i in range(index - 1) if words[i].text in {":", ";"}), default=0)
            clause = _without_stray_marks(list(words[opening:index - 1]))  # "…: Eine Strafe sei …, so Bader"
            if clause and any(is_finite_verb(w) for w in clause):
                return Candidate("indirect", clause[0].start, clause[-1].end, sentence.index, cue,
                                 "source-phrase", "after")
        closing = next((i for i in range(source_end, end) if words[i].text in _BOUNDARY), end)
        parenthetical = source_end > index + 1 and closing < end and not any(
            is_finite_verb(w) for w in words[source_end:closing])  # "so X in einem Blogeintrag, …"
        reported = any(is_konjunktiv(w) for w in (*words[:index], *words[closing:end]))  # "habe, so X, versagt"
        if parenthetical and reported:
            return Candidate("indirect", words[0].start, words[end - 1].end, sentence.index, cue,
                             "source-phrase", "after")
    return None


def _is_unreported_infinitive(sentence: Sentence, verb: Word) -> bool:
    """"um zu fragen", "zu sagen", "nicht auszuschließen", a bare infinitive
    without a modal: the speaking is not reported as having happened."""
    previous = sentence.word(verb.id - 1)
    if previous is not None and previous.text.lower() == "zu" and not verb.is_finite:
        opening = clause_opening(sentence.words, verb.id - 1, _BOUNDARY)
        around = sentence.words[opening:verb.id + 1]  # "Wie aus Regierungskreisen zu erfahren war, …": reported
        return not (sentence.words[opening].text.lower() == "wie" and any(w.lemma == "sein" for w in around))
    form = verb.text.lower()
    if not verb.is_finite and form.endswith("n") and any(
            form.startswith(particle + "zu") for particle in word_list("particles.txt")):
        return True  # "nicht auszuschließen", "abzuwarten": "zu" inside a separable verb
    if verb.feats.get("VerbForm") != "Inf":
        return False
    return not any(w.lemma.lower() in _MODALS and w.id != verb.id for w in sentence.words)


def _in_subordinate_clause(sentence: Sentence, index: int) -> bool:
    """The cue closes a subordinate clause ("…, wie oft er gesprochen hatte,
    antwortete …"): what follows is the main clause, not what was said."""
    words = sentence.words
    start = clause_opening(words, index, _BOUNDARY)
    first = words[start].text.lower() if start < index else ""
    if start + 1 < index and words[start].upos == "ADP" and _is_relative_pronoun(words[start + 1]):
        return True  # "…, über die er nicht informiert wurde, …": a relative clause after its preposition
    relative = start > 0 and first in RELATIVE_PRONOUNS and _is_relative_clause(list(words[start:]))
    finite = _finite_verb_of(sentence, index)
    if first in _SUBORDINATORS | _WH_WORDS and _verb_second(sentence, index if finite is None else finite):
        return False  # "Als Begründung gaben die USA an, …", "Als Begründung wurde angegeben, …": a phrase, V2
    return first in _SUBORDINATORS | _WH_WORDS | CLAUSE_OPENERS or relative  # not "…, die Organisation bezweifelt, …"


def _bound_complement(sentence: Sentence, after: int) -> tuple[int, int] | None:
    """After a cue that closes a subordinate or relative clause ("Ägypten,
    das vorschlug, …"), only a dass/ob clause or a zu-infinitive can be what
    was said: any other clause there is the sentence going on."""
    message = _message_after(sentence, after)
    if message is None:
        return None
    inside = [w for w in sentence.words if message[0] <= w.start and w.end <= message[1]]
    for comma, following in pairwise(inside):
        if comma.text == "," and is_finite_verb(following):  # "…, dass er kam, flüchtete sie": the main clause
            inside = inside[:inside.index(comma)]
            message = (message[0], inside[-1].end)
            break
    clause = [w for w in inside if w.upos != "PUNCT"]
    opens = bool(clause) and clause[0].text.lower() in CLAUSE_OPENERS
    return message if opens or _is_infinitive_clause(clause) else None


def _verb_second(sentence: Sentence, index: int) -> bool:
    """The finite cue verb at `index` has more of its clause after it than
    particles and verbs: a main clause, as a subordinate one ends with its verb."""
    for word in sentence.words[index + 1:]:
        if word.text in _BOUNDARY or word.upos == "PUNCT":
            return False
        if word.upos not in {"VERB", "AUX", "PART", "ADP"} and word.text.lower() not in word_list("particles.txt"):
            return sentence.words[index].is_finite
    return False


def _trailing_wie(sentence: Sentence, index: int) -> tuple[int, int] | None:
    """"…, wie der Verband am Montag bekannt gab.": a wie-clause that closes
    the sentence reports the clause before it."""
    words = sentence.words
    start = clause_opening(words, index, _BOUNDARY)
    if start < 2 or words[start].text.lower() != "wie" or words[start - 1].text != "," \
            or _asks_how(words[start + 1:index]):
        return None
    if any(w.text in _BOUNDARY for w in words[index + 1:_end_index(sentence)]):
        return None
    clause = list(words[:start - 1])
    if is_mark(clause[0]) or sum(map(is_mark, clause)) % 2:
        clause = [w for w in clause if not is_mark(w)]  # a quotation's marks; not the end of „blank“ inside
    if not clause or not any(is_finite_verb(w) for w in clause):
        return None
    return clause[0].start, clause[-1].end


def _asks_how(words: tuple[Word, ...]) -> bool:
    """"man" and a noun as the direct object: the wie-clause asks how
    something is done ("…, wie man einen Brief schreibt"), where in an
    attributing clause "wie" stands for what the verb says ("wie man hört")."""
    generic = any(w.text.lower() == "man" for w in words)  # a parse's "obj" may be a named subject
    return generic and any(w.deprel == "obj" and w.upos in {"NOUN", "PROPN"} for w in words)


def _inserted_wie(sentence: Sentence, index: int) -> tuple[int, int] | None:
    """"Das Unternehmen bekomme, wie es hieß, 4 Millionen Euro": a wie-clause
    set off by commas inside a main clause reports that clause, which the
    quote keeps whole, the wie-clause in it."""
    words = sentence.words
    end = _end_index(sentence)
    start = clause_opening(words, index, _BOUNDARY)
    if start < 2 or words[start].text.lower() != "wie" or words[start - 1].text != "," \
            or _asks_how(words[start + 1:index]):
        return None
    closing = next((i for i in range(index + 1, end) if words[i].text in _BOUNDARY), None)
    if closing is None or words[closing].text != "," or closing + 1 >= end:
        return None
    host = [w for w in words[clause_opening(words, start - 2, _BOUNDARY):start - 1] if not is_mark(w)]
    if not host or host[0].text.lower() in _SUBORDINATORS | _WH_WORDS or _is_relative_pronoun(host[0]) \
            or not any(is_finite_verb(w) for w in host):
        return None  # the main clause's verb stands before the insertion; not "Auf die Frage, wie oft …, antwortete"
    return host[0].start, words[end - 1].end


def _verb_candidates(sentence: Sentence, cue: Cue) -> Candidate | None:
    words = sentence.words
    index = cue.head.id - 1
    if _is_unreported_infinitive(sentence, cue.head) or _is_bare_participle(sentence, index):
        return None
    first_word = words[0].text.lower()
    after = max(w.id for w in cue.words)
    closing = after
    while closing < len(words) and words[closing].upos == "AUX":
        closing += 1  # "Wie … berichtet wird, …"
    closes_wie_clause = closing < len(words) and words[closing].text == ","
    if first_word == "wie" and (index < 8 or closes_wie_clause):
        message = _message_after(sentence, after)
        route = "wie"
    elif (trailing := _trailing_wie(sentence, index) or _inserted_wie(sentence, index)) is not None:
        message = trailing
        route = "wie"
    elif _in_subordinate_clause(sentence, index):
        message = _bound_complement(sentence, after)
        route = "subordinate"
    else:
        message = _message_after(sentence, after)
        route = "complement"
        if message is not None and _opens_indicative(sentence, message[0]):
            return None  # "…beschuldigt, wurde dann festgenommen": the subject's next act, not what was said
        if message is None and _introduces_colon(sentence, after):
            return None  # "So sagte Olli Rehn: „…“": the quotation after the colon is what the verb reports
        if message is None:
            finite = _finite_verb_of(sentence, index)
            message = _message_before(sentence, finite) if finite is not None and not _shares_subject(
                sentence, words[finite]) else None
            route = "fronted"
    if message is None or _opens_with(sentence, message[0], "wonach") \
            or _opens_with_nach_relative(sentence, message[0]) or _attributes_what_went_before(sentence, message):
        return None  # "… wies Berichte zurück, wonach …", "Studien, nach denen …": what they say (see _wonach)
    side = "after" if route == "fronted" else "subject"
    return Candidate("indirect", message[0], message[1], sentence.index, cue, route, side)


def _shares_subject(sentence: Sentence, verb: Word) -> bool:
    """The parse makes the verb a second predicate of the clause before it,
    with no subject of its own ("X zeigte sich zufrieden, mahnte jedoch mehr
    Geld an"): no report fronted before it ("…, mahnte der Minister" has one)."""
    subject = any(w.head == verb.id and w.deprel.startswith(("nsubj", "expl")) for w in sentence.words)
    return verb.deprel == "conj" and not subject


def _introduces_colon(sentence: Sentence, after: int) -> bool:
    """The first boundary after word index `after` is a colon, past an
    apposition ("So sagte Olli Rehn, EU-Kommissar: …")."""
    words = sentence.words
    for index in range(after, len(words)):
        if words[index].text == ":":
            return True
        if words[index].text in _BOUNDARY and not _is_inserted_phrase(words, index + 1, len(words)):
            return False
    return False


def _attributes_what_went_before(sentence: Sentence, message: tuple[int, int]) -> bool:
    """"…begrüßen das Vorhaben, wie X sagte.": a wie-clause that ends the
    sentence with a verb of saying of its own attributes the clause before it
    (see `_trailing_wie`); it is not what the verb before it reports."""
    clause = [w for w in sentence.words if message[0] <= w.start and w.end <= message[1]]
    return bool(clause) and clause[0].text.lower() == "wie" and not any(w.text in _BOUNDARY for w in clause) \
        and any(verb_cue(sentence, w) is not None for w in clause[1:])


def _is_bare_participle(sentence: Sentence, index: int) -> bool:
    """A participle without a finite verb in its clause names or compares
    ("auch „BD-Live“ genannt, …", "heißer als angenommen"): nobody speaks."""
    words = sentence.words
    verb = words[index]
    if is_finite_verb(verb):
        return False
    start = clause_opening(words, index, _BOUNDARY)
    end = index
    while end < len(words) and words[end].text not in _BOUNDARY:
        end += 1
    clause = words[start:end]
    if index > 0 and words[index - 1].text.lower() == "als":
        return True  # "heißer als angenommen"
    state = any(w.lemma == "sein" and is_finite_verb(w) for w in clause) and not any(
        w.text.lower() in {"worden", "geworden"} for w in clause) \
        and not verb.lemma.lower().endswith(("gehen", "kommen"))  # "angewiesen sind", not "davon ausgegangen waren"
    looks_participle = not verb.feats and has_participle_form(verb)
    if verb.feats.get("VerbForm") != "Part" and not looks_participle:
        return state and verb.upos == "ADJ"  # "PETA ist bekannt dafür, …"
    return state or (words[start].text.lower() != "wie" and not any(is_finite_verb(w) for w in clause))


def _word_at(sentence: Sentence, start: int) -> Word | None:
    """The word that begins at character offset `start`."""
    return next((w for w in sentence.words if w.start == start), None)


def _opens_indicative(sentence: Sentence, start: int) -> bool:
    """The clause at `start` opens with a finite verb in the indicative and
    goes on without a subject of its own ("…, wurde dann festgenommen"); with
    one and a comma after it, it is a condition ("…, sollte Bouterse die
    Macht übernehmen, ihre Hilfe auszusetzen")."""
    first = _word_at(sentence, start)
    if first is None or not _is_indicative(first):
        return False
    clause = []
    for word in sentence.words[first.id:]:
        if word.text == ":":  # "…, mahnte aber zur Eile: …": a subject of its own only if the parse finds one
            return not any(w.deprel.startswith("nsubj") for w in clause)
        if word.text in _BOUNDARY:
            return not any(w.upos in {"NOUN", "PROPN"} for w in clause)
        clause.append(word)
    return True


def _opens_with(sentence: Sentence, start: int, text: str) -> bool:
    first = _word_at(sentence, start)
    return first is not None and first.text.lower() == text


def _opens_with_nach_relative(sentence: Sentence, start: int) -> bool:
    """The clause opens with "nach denen", "nach der": a source phrase of the noun before."""
    first = _word_at(sentence, start)
    following = sentence.word(first.id + 1) if first is not None else None
    return first is not None and first.text.lower() == "nach" and following is not None \
        and _is_relative_pronoun(following)


def _is_relative_pronoun(word: Word) -> bool:
    """"denen", or "der"/"dem" as a pronoun (not the article of "nach dem Spiel")."""
    return word.text.lower() in RELATIVE_PRONOUNS and (word.upos == "PRON" or word.text.lower() == "denen")


def _finite_verb_of(sentence: Sentence, index: int) -> int | None:
    """The finite verb of the cue at `index`: the cue itself, or the auxiliary
    (or "lassen") before it in its clause ("…, wird Mike Downey zitiert", "…,
    hat er gesagt", "…, ließ der Minister verlautbaren")."""
    words = sentence.words
    if (auxiliary := auxiliary_of_participle(sentence, words[index])) is not None:
        return auxiliary.id - 1
    if words[index].feats.get("VerbForm") not in {"Inf", "Part"} and is_finite_verb(words[index]):
        return index
    for position in range(index - 1, -1, -1):
        if words[position].text in _BOUNDARY:
            return None
        auxiliary = words[position].upos == "AUX" or words[position].lemma == "lassen"
        if auxiliary and is_finite_verb(words[position]):
            return position
    return None


def _anaphoric_candidate(document: Document, sentence: Sentence, cue: Cue, direct_spans: list[tuple[int, int]],
                         found: list[Candidate]) -> Candidate | None:
    """"Das erklärte gestern ein Sprecher." / "Diese Ergebnisse stellte X vor.":
    a pronoun before the cue verb points back to what the paragraph said just
    before (up to ANAPHORIC_REACH sentences not already quoted)."""
    words = sentence.words
    index = cue.head.id - 1
    first = words[0].text.lower()
    pointing = (index == 1 and first in _ANAPHORS) or (
        index == 2 and first in _DEMONSTRATIVES and words[1].upos == "NOUN")
    if not pointing or not cue.head.is_finite or sentence.index == 0 \
            or any(w.text == ":" for w in words[index:]):  # "So sagte X: „…“": what the colon introduces
        return None
    quoted = [*direct_spans, *((c.start, c.end) for c in found)]
    reached: list[Sentence] = []
    for earlier in reversed(document.sentences[max(0, sentence.index - ANAPHORIC_REACH):sentence.index]):
        already = any(s < earlier.end and earlier.start < e for s, e in quoted)
        if earlier.paragraph != sentence.paragraph or already or not any(is_finite_verb(w) for w in earlier.words):
            break  # nor past a dateline or heading without a verb ("Wien (APA) –")
        reached.append(earlier)
    if not reached:
        return None
    start, end = reached[-1].words[0].start, reached[0].words[_end_index(reached[0]) - 1].end
    return Candidate("indirect", start, end, sentence.index, cue, "anaphoric", "after")


def _heissen_candidate(sentence: Sentence, cue: Cue) -> Candidate | None:
    index = max(w.id for w in cue.words) - 1
    message = _trailing_wie(sentence, index) or _inserted_wie(sentence, index) \
        or _message_after(sentence, index + 1)
    if message is None and not _introduces_colon(sentence, index + 1):  # "…, heißt es: „…“": the quotation
        message = _message_before(sentence, cue.head.id - 1)
    if message is None:
        return None
    return Candidate("indirect", message[0], message[1], sentence.index, cue, "heissen", "after")


def _main_clause_verb(sentence: Sentence) -> Word | None:
    """The first finite verb, unless a subordinate clause comes first; of the
    finite verbs before the first comma, the first of a listed Konjunktiv form
    (a small tagger may call "selber" in "Er selber wolle …" a verb)."""
    finite: list[Word] = []
    for word in sentence.words:
        if word.text.lower() in CLAUSE_OPENERS or (word.upos == "SCONJ" and word.text.lower() in _SUBORDINATORS):
            break
        if word.text in _BOUNDARY and finite:
            break
        if is_finite_verb(word):
            finite.append(word)
    return next((verb for verb in finite if has_konjunktiv_form(verb)), finite[0] if finite else None)


def _is_konjunktiv_one(word: Word) -> bool:
    """A form that only Konjunktiv I has ("sei", "habe" or "werde" for a
    third person): in news, a sentence in it reports someone's words."""
    return is_konjunktiv(word) and konjunktiv_one_form(word.text, word.lemma)


def _is_weak_preterite(word: Word) -> bool:
    """"löste", "meldeten": the preterite of a weak verb has the form of its
    Konjunktiv II, and in news it is far more often the narrator's past, so
    the tagger's Mood=Sub alone does not make it reported speech. Not the
    Konjunktiv I of a verb whose stem ends in -t ("berichte", "beobachte":
    the stem and "-e")."""
    form, lemma = word.text.lower(), word.lemma.lower()
    konjunktiv_one = lemma.endswith("ten") and form == lemma[:-1]
    return form.endswith(("te", "ten")) and not konjunktiv_one and not has_konjunktiv_form(word)


def _continuation_route(sentence: Sentence, since_speech: int) -> str | None:
    """How a main clause goes on with reported speech, if it does: in
    Konjunktiv ("continuation") right after speech with any Konjunktiv
    ("würden", "wäre" replace an ambiguous Konjunktiv I), within
    CONTINUATION_WINDOW with all but those, and anywhere with an unmistakable
    Konjunktiv I; or right after speech with the hearsay "soll" ("hearsay":
    "Bis Neujahr sollen 90 Stellen wegfallen.")."""
    verb = _main_clause_verb(sentence)
    if verb is not None and since_speech == 1 and verb.lemma.lower() == "sollen":
        return "hearsay"
    if verb is None or not is_konjunktiv(verb) or _is_weak_preterite(verb):
        return None
    goes_on = since_speech == 1 or (since_speech <= CONTINUATION_WINDOW and verb.text.lower() not in _CONDITIONAL) \
        or _is_konjunktiv_one(verb)
    return "continuation" if goes_on else None


def detect_indirect(document: Document, direct_spans: list[tuple[int, int]],
                    cues_of: Callable[[Sentence], list[Cue]]) -> list[Candidate]:
    """Indirect candidates, sentence by sentence, outside direct quotes."""
    candidates: list[Candidate] = []
    previous_speech = -10
    for sentence in document.sentences:
        inside_direct = any(s <= sentence.start and sentence.end <= e + 1 for s, e in direct_spans)
        if inside_direct:
            continue
        found: list[Candidate] = []
        cues = cues_of(sentence)
        for cue in sorted(cues, key=lambda c: _CUE_PRIORITY[c.kind]):
            if any(s <= cue.start < e for s, e in direct_spans):
                continue
            if cue.kind == "verb":
                candidate = _verb_candidates(sentence, cue) or _anaphoric_candidate(
                    document, sentence, cue, direct_spans, candidates)
            elif cue.kind == "heissen":
                candidate = _heissen_candidate(sentence, cue)
            else:
                before = document.sentences[sentence.index - 1] if sentence.index else None
                candidate = _preposition_candidates(sentence, cue, before)
            if candidate is not None:
                found.append(candidate)
        for extra in (_nach_angaben(sentence), _wonach(sentence), _so_source(sentence),
                      _noun_complement(sentence), _konjunktiv_clause(sentence), _colon_report(sentence)):
            if extra is not None:
                found.append(extra)
        touching = [(s, e) for s, e in direct_spans if s < sentence.end and sentence.start < e]
        touches_direct = bool(touching)
        fragments_only = all(_is_fragment(sentence, s, e) for s, e in touching)  # "sei das System „kaputt“"
        introduces = any(c.kind == "verb" and _introduces_colon(sentence, max(w.id for w in c.words)) for c in cues)
        route = _continuation_route(sentence, sentence.index - previous_speech) \
            if not found and fragments_only and not introduces else None
        if route is not None and (end := _end_index(sentence)) > 1:
            found.append(Candidate("indirect", sentence.words[0].start, sentence.words[end - 1].end,
                                   sentence.index, None, route, "previous", continues=True))
        speech_act = any(cue.kind == "verb" for cue in cues)  # "Der Iran streitet dies ab.": what follows may report it
        if found or touches_direct or speech_act:
            previous_speech = sentence.index
        found.sort(key=lambda candidate: candidate.speaker_side != "noun")  # the claim answered, not the answer
        candidates.extend(_first_per_span(_outermost(sentence, found)))
    return candidates


def _is_fragment(sentence: Sentence, start: int, end: int) -> bool:
    """A quotation of a few words inside the sentence, not the sentence itself."""
    inside = sentence.start < start and end < sentence.end
    return inside and (end - start) < MIXED_SHARE * (sentence.end - sentence.start)


def _outermost(sentence: Sentence, found: list[Candidate]) -> list[Candidate]:
    """Drop a cue that sits inside another cue's message: in „Putin habe seine
    Bereitschaft erklärt, …, sagte Peskow“ the speaker is Peskow. But where
    the message opens with the clause of that cue ("…, indem er sagte, X"),
    X is what the inner cue reports, and the outer message goes. A verb's
    message that holds a source phrase whose own message follows it and holds
    the verb ("Nach der Einschätzung eines Experten, …, würde dies …
    sprechen") is the source phrase's: the verb goes."""
    def inside(candidate: Candidate, other: Candidate) -> bool:
        return candidate.cue is not None and other.start <= candidate.cue.start < other.end

    def opens(candidate: Candidate, other: Candidate) -> bool:
        first = next((w for w in sentence.words if w.start >= other.start), None)
        subordinate = first is not None and first.text.lower() in word_list("subordinators.txt") - CLAUSE_OPENERS
        return subordinate and inside(candidate, other) and candidate.start > candidate.cue.start and not any(
            other.start <= w.start < candidate.cue.start and w.text in _BOUNDARY for w in sentence.words)

    verbs = [o for o in found if o.cue is not None and o.cue.kind in {"verb", "so"}]
    opened = {id(o) for o in verbs for c in found if c is not o and opens(c, o)}
    phrases = [o for o in found if o.cue is not None and o.cue.kind == "preposition" and o.cue.start < o.start]
    swallowing = {id(v) for v in verbs for o in phrases if inside(o, v) and inside(v, o)}
    kept = [c for c in found if id(c) not in opened | swallowing]
    return [c for c in kept if not any(inside(c, o) and not inside(o, c) for o in verbs if o is not c
                                       and id(o) not in opened)]


def _first_per_span(found: list[Candidate]) -> list[Candidate]:
    """One candidate per message: the first cue that claimed it wins."""
    kept: list[Candidate] = []
    for candidate in found:
        if not any(candidate.start < k.end and k.start < candidate.end for k in kept):
            kept.append(candidate)
    return kept
