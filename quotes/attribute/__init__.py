"""The attribution stage: speaker mention, in-document resolution, confidence."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache

from quotes.attribute.mention import (
    cited_source,
    document_names,
    find_mention,
    own_subject,
    owned_statement,
    relative_word,
    sentence_subject,
    speaker_words,
)
from quotes.attribute.resolve import OWN_SUBJECT, Resolution, Resolver, display_name, is_role_noun, nominative
from quotes.detect import Candidate, find_cues
from quotes.detect.cues import is_content_noun, is_stance_word
from quotes.detect.spans import is_finite_verb, is_konjunktiv, is_mark
from quotes.document import Document, Quote, Sentence, Span, Word
from quotes.lexicons import data_dir, word_list

__all__ = ["Resolution", "Resolver", "attribute", "confidence", "find_mention", "nominative"]

PREVIOUS_WINDOW = 3  # sentences back that a quote without a cue may borrow a speaker from


@cache
def _calibration() -> dict[str, float]:
    path = data_dir() / "calibration.json"
    return json.loads(path.read_text(encoding="utf-8"))["confidence"]


def confidence(candidate: Candidate, how: str) -> float:
    """The measured precision of quotes found this way (data/calibration.json)."""
    table = _calibration()
    for key in (f"{candidate.type}/{candidate.route}/{how}", f"{candidate.type}/{candidate.route}",
                candidate.type):
        if key in table:
            return table[key]
    return table["default"]


def _span(document: Document, start: int, end: int) -> Span:
    return Span(start, end, document.text[start:end])


def _borrowed_speaker(document: Document, resolver: Resolver, candidate: Candidate,
                      previous: tuple[Quote, int] | None) -> tuple[Resolution, Span | None]:
    """The speaker of a quote that names none itself: the previous quote's,
    within PREVIOUS_WINDOW sentences and unless another person was named
    since; else the person named in the sentence before. A cue names its own
    speaker, so only quotes without one, "Demnach" and a colon whose clause
    names no one ("Und weiter:", "Seine Zuversicht gründet sich auf …:") borrow."""
    nobody = Resolution(None, None, "none")
    colon = candidate.cue is not None and candidate.cue.kind == "colon"  # "Seine Zuversicht gründet sich auf …: „…“"
    if not (candidate.cue is None or candidate.speaker_side == "previous" or colon):
        return nobody, None
    if previous is not None:
        earlier, sentence_index = previous
        named_since = resolver.person_between(earlier.end, candidate.start, subjects=True)
        if candidate.sentence - sentence_index <= PREVIOUS_WINDOW and named_since in {None, earlier.speaker}:
            return Resolution(earlier.speaker, earlier.speaker_kind, "previous"), earlier.mention
    if candidate.sentence > 0:
        name = resolver.person_between(document.sentences[candidate.sentence - 1].start, candidate.start)
        if name is not None:
            return Resolution(name, "person", "context"), None
    return nobody, None


def _speech_act_speaker(document: Document, sentence: Sentence, names: frozenset[str]) -> list[Word]:
    """Who speaks in a sentence that reports a speech act without a quote of
    its own ("Der Iran streitet dies ab."): the speaker of its first speech
    verb. A Konjunktiv sentence after it goes on with that speaker's words."""
    for cue in find_cues(sentence):
        if cue.kind == "verb":
            probe = Candidate("indirect", sentence.end, sentence.end, sentence.index, cue, "speech-act", "subject")
            mention = find_mention(document, probe, names)
            if mention:
                return mention
    return []


def _is_reported(sentence: Sentence) -> bool:
    """The sentence's first finite verb is in Konjunktiv ("Die Feuerwehr habe
    100 Leute im Einsatz"): its subject is what is reported, not who reports."""
    verb = next((w for w in sentence.words if is_finite_verb(w)), None)
    return verb is not None and is_konjunktiv(verb)


def _subject_acts(sentence: Sentence) -> bool:
    """The subject of the sentence does something that could be reporting
    what follows: it is not the patient of a passive ("Der Organisation werden
    Verbindungen nachgesagt", "Zwölf Mitglieder wurden verletzt") nor what a
    copula describes ("Der Attentäter war am Steuer"), unless with a word of
    stance ("Staatspräsident X ist besorgt")."""
    words = sentence.words
    passive = any(w.deprel in {"aux:pass", "nsubj:pass"} for w in words) \
        or (any(w.lemma == "werden" for w in words) and any(w.feats.get("VerbForm") == "Part" for w in words))
    verbs = [w for w in words if w.upos in {"VERB", "AUX"}]
    copula = bool(verbs) and all(w.lemma == "sein" for w in verbs)
    return not passive and not (copula and not any(is_stance_word(w) for w in words))


_POINTING_BACK = {"das", "dies", "so"}  # "„…“ Das sagte X.", "„…“ So X weiter."
_DEMONSTRATIVES = {"diesen", "dieser", "diesem"}  # "„…“ Mit diesen Worten reagierte X …"
_NAMING_DEMONSTRATIVES = {"diese", "dieser", "dieses"}  # "„…“ Diese Botschaft sendete X …"


def _named_after(document: Document, candidate: Candidate, names: frozenset[str]) -> list[Word]:
    """The speaker of a quotation standing alone that the next sentence names
    while pointing back to it: "„…“ Mit diesen Worten reagierte X auf …",
    "„…“ Das sagte X am Rande des Treffens.", "„…“ Diese Botschaft sendete X
    am Sonntag." (a noun of what is said, data/lexicons/quotation_nouns.txt,
    as the object before the finite verb; not the subject of "Dieser Satz
    stammt von X")."""
    last = document.sentence_at(max(candidate.start, candidate.end - 1))
    if last is None or last.index + 1 >= len(document.sentences):
        return []
    following = document.sentences[last.index + 1]
    words = [w for w in following.words if not is_mark(w)]
    if len(words) < 3:
        return []
    first, second = words[0].text.lower(), words[1]
    speech_verb = any(cue.kind == "verb" and second in cue.words for cue in find_cues(following))
    statement = second.lemma == "sein" and any(is_content_noun(w) for w in words[2:6])  # "Das ist die Aussage …"
    named = first in _NAMING_DEMONSTRATIVES and second.text in word_list("quotation_nouns.txt") \
        and is_finite_verb(words[2])
    pointing = (first in _POINTING_BACK and (speech_verb or statement)) \
        or (first == "mit" and second.text.lower() in _DEMONSTRATIVES) or named
    subject = sentence_subject(following, names) if pointing else []
    return subject if not (named and subject and subject[0] is words[0]) else []


def attribute(document: Document, candidates: list[Candidate]) -> list[Quote]:
    """Quote records for the candidates, each with its speaker resolved."""
    resolver = Resolver(document)
    quotes: list[Quote] = []
    previous: tuple[Quote, int] | None = None
    names = document_names(document)  # words tagged as names anywhere: one pass per article
    for candidate in candidates:
        if candidate.type == "reported":  # the clause holds its speaker: seek it as for a speech act that ends there
            mention_words = find_mention(document, replace(candidate, start=candidate.end), names)
            if not mention_words:
                continue  # a speech act without its words is worth its speaker only
        else:
            mention_words = find_mention(document, candidate, names)
        if not mention_words and candidate.cue is None:
            mention_words = _named_after(document, candidate, names)
        from_context = False
        continues_afar = previous is None or candidate.sentence - previous[1] > 1
        unnamed = candidate.cue is None or candidate.cue.kind == "heissen"  # "Man werde …, hieß es."
        if not mention_words and unnamed and continues_afar and candidate.sentence > 0:
            before = document.sentences[candidate.sentence - 1]  # who the quote goes on from
            mention_words = _speech_act_speaker(document, before, names)
            if not mention_words and candidate.type == "indirect":
                narrator = sentence_subject(before, names) if _subject_acts(before) and not _is_reported(before) else []
                mention_words = narrator or owned_statement(before)
            from_context = bool(mention_words)
        resolution = resolver.resolve(speaker_words(mention_words), (candidate.start, candidate.end))
        subject: list[Word] = []
        if resolution.how == OWN_SUBJECT:  # "Nach eigenen Angaben hat die Firma …": the firm
            subject = own_subject(document.sentences[candidate.sentence], names)
            if subject == mention_words:
                subject = []
            resolution = resolver.resolve(speaker_words(subject)) if subject else Resolution(None, None, "none")
        if from_context:
            resolution = Resolution(resolution.name, resolution.kind, "context")
        mention = lent = None
        if mention_words:
            mention = lent = _span(document, mention_words[0].start, mention_words[-1].end)
            if subject:  # a quote that goes on is the firm's, not "eigenen Angaben"
                lent = _span(document, subject[0].start, subject[-1].end)
            pronoun = relative_word(document.sentences[candidate.sentence], candidate)
            if pronoun is not None and mention_words[-1].end < pronoun.start:  # "Studien, nach denen …": "denen"
                mention = Span(pronoun.start, pronoun.end, pronoun.text)  # a quote that goes on borrows `lent`
        if resolution.name is None and not mention_words:
            resolution, mention = _borrowed_speaker(document, resolver, candidate, previous)
        cue = _span(document, candidate.cue.start, candidate.cue.end) if candidate.cue is not None else None
        if candidate.speaker_side == "previous" and cue is not None:
            mention = cue  # "Demnach", as written
        sentence = document.sentences[candidate.sentence]
        cited_words = cited_source(document, candidate)
        cited = _span(document, cited_words[0].start, cited_words[-1].end) if cited_words else None
        quote = Quote(
            type=candidate.type,
            text=document.text[candidate.start:candidate.end],
            start=candidate.start,
            end=candidate.end,
            speaker=display_name(resolution.name) if resolution.name else None,
            mention=mention,
            cue=cue,
            confidence=confidence(candidate, resolution.how),
            resolution=resolution.how,
            route=candidate.route,
            sentence=document.text[sentence.start:sentence.end],
            speaker_kind=resolution.kind,
            cited=cited,
        )
        spoken_for = resolution.kind == "organisation" and any(is_role_noun(w) for w in mention_words)
        bare_name = resolution.kind is None and resolution.how == "name"  # "Trump sagte, … Er fügte hinzu"
        if resolution.kind in {"person", "role"} or spoken_for or bare_name:  # "Der Politologe sagte: …", "er"
            resolver.remember(candidate.start, resolution.name, mention_words)
        quotes.append(quote)
        named = resolution.name is not None or mention is not None  # a speaker named, even if not resolved
        answered = candidate.speaker_side == "noun"  # a claim that a speaker answers: what follows is the answer
        if named and not answered:
            previous = (replace(quote, mention=lent) if lent is not None else quote, candidate.sentence)
    return quotes
