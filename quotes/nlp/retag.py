"""A second opinion on word classes and lemmas for the bundled models: HanTa.

The bundled Stanza tagger learnt from 1,700 sentences; the Hanover Tagger
(HanTa, LGPL-3.0, pip-installed with its German model) learnt from the
TIGER corpus of newspaper German, about 50,000. Before the parse, where the
two disagree on a word's class, HanTa's tag and lemma replace Stanza's;
where both see a full verb or a noun, HanTa's lemma does, since it knows
the strong verbs ("gefunden" → "finden", "bestritt" → "bestreiten") and the
nouns from adjectives ("Parteivorsitzenden" → "Parteivorsitzende").
Stanza's tag stays where the disagreement is one of convention between UD
and TIGER (`_convention`) or where HanTa's guess goes against the word's
form (`_against_form`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from quotes.lexicons import mapping, word_list

_PARENTHESES = re.compile(r"\((\w+)\)")
_VERB_FORMS = {"FIN": "Fin", "IMP": "Fin", "INF": "Inf", "IZU": "Inf", "PP": "Part"}


@cache
def _tagger() -> Any:
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


def _against_form(words: Sequence[Any], index: int, hanta: str, stts: str) -> bool:
    """HanTa's guess against the word's form: a number with letters in it
    ("Muslix64", "Mi-8"), a noun or name in lowercase ("Hier sparte der …" is
    no "Sparte"), or a verb, adverb or predicative adjective capitalised
    inside a sentence ("Der Trainer Hans Kurz"), or a capitalised attributive
    adjective with no noun after it ("Alan Posener in der Zeitung" is no
    "Posener Straße")."""
    form = words[index].text
    if stts == "ADJA" and form[:1].isupper() and index > 0 and words[index - 1].upos == "PROPN":
        following = words[index + 1] if index + 1 < len(words) else None
        return following is None or not (following.text[:1].isupper() or following.upos in {"ADJ", "NUM"})
    if hanta == "NUM":
        return any(character.isalpha() for character in form) and any(character.isdigit() for character in form)
    if hanta in {"NOUN", "PROPN"}:
        return form[:1].islower()
    opens = index == 0 or words[index - 1].upos == "PUNCT"
    return (hanta in {"VERB", "AUX", "ADV"} or stts == "ADJD") and form[:1].isupper() and not opens


def _convention(stanza: str, hanta: str, stts: str) -> bool:
    """A disagreement that is a matter of convention or of HanTa's guessing,
    where Stanza's tag (the UD conventions the parser and the quote rules
    were built on) stays."""
    return ({stanza, hanta} <= {"VERB", "AUX"}  # main-verb "haben"
            or (stanza == "ADJ" and stts.endswith("PP"))  # "die geplante Reform"
            or (stanza in {"NOUN", "PROPN", "ADJ", "DET", "PRON"} and hanta in {"DET", "PRON"})  # "Einer", "einiger"
            or {stanza, hanta} == {"ADP", "SCONJ"}  # "Während des Überfalls", "während er sprach"
            or (stanza == "PROPN" and hanta == "NOUN")  # "Emsland Stärke GmbH": a name's every word
            or stts == "VVIMP")  # an unknown name guessed as an imperative ("Henk Jaap Meijer")


def _noun_lemma(form: str, hanta: str, stanza: str) -> str:
    """Where Stanza cut a noun to a wrong stem ("FDP-Vorsitzenden" →
    "FDP-Vorsitzend"), HanTa's lemma when it is the word less an ending,
    written with the word's own letters ("FDP-Vorsitzende", where HanTa writes
    "Fdp-vorsitzende"); HanTa's old spelling ("Prozeß") and umlauts stay out."""
    return form[:len(hanta)] if form.lower().startswith(hanta.lower()) else stanza


def retag(sentences: Sequence[Any]) -> None:
    """Correct, in place, the word classes of Stanza's tagged sentences."""
    tagger = _tagger()
    universal = mapping("stts_upos.tsv")
    auxiliaries = word_list("auxiliary_lemmas.txt")
    for sentence in sentences:
        words = sentence.words
        tags = tagger.tag_sent([w.text for w in words], taglevel=0)  # the lemma only where it is needed
        for index, (word, tag) in enumerate(zip(words, tags, strict=True)):
            stts = _PARENTHESES.sub(r"\1", tag)
            upos = universal.get(stts)
            if upos == word.upos == "VERB" and stts.startswith("VV"):
                word.lemma = tagger.analyze(word.text, pos=tag)[0]  # "gefunden" → "finden", not "funden"
                continue
            if upos == word.upos == "NOUN":
                if word.lemma != word.text:  # a noun Stanza kept whole stays so: "britische Muslime" keeps its plural
                    word.lemma = _noun_lemma(word.text, tagger.analyze(word.text, pos=tag)[0], word.lemma)
                continue
            if upos in {None, "PUNCT", "X"} or upos == word.upos or word.upos == "PUNCT":
                continue
            if _convention(word.upos, upos, stts) or _against_form(words, index, upos, stts):
                continue  # the same for VERB as for AUX, so before the lemma that tells them apart
            lemma = tagger.analyze(word.text, pos=tag)[0]
            if upos == "AUX" and lemma not in auxiliaries:
                upos = "VERB"
            nominal = {upos, word.upos} <= {"NOUN", "PROPN"}  # case, number and gender still hold
            word.upos, word.xpos, word.lemma = upos, stts, lemma
            form = stts[2:] if upos in {"VERB", "AUX"} else ""
            if not nominal:
                word.feats = f"VerbForm={_VERB_FORMS[form]}" if form in _VERB_FORMS else None
