"""The German Stanza pipeline: built once, reused, fed whole articles in batches.

Text is tokenized and split into sentences by quotes.nlp.tokenize; Stanza
tags, lemmatizes and parses the tokens (`tokenize_pretokenized`), and every
word keeps its character offsets into the original text. Nothing is
downloaded at run time (`download_method=None`).

Parsing is the slowest stage, so a caller may name the sentences worth
parsing after tagging (`parse=`); the others keep their tags and lemmas and
come back with `parsed=False`. Between tagging and parsing, a name keeps one
tag across its article (`_harmonise_names`), and a word the tagger took for
a finite verb against its own form loses that tag (`_untag_false_verbs`), and
so does a preposition it took for an adjective (`_untag_false_adjectives`).
"""

from __future__ import annotations

import itertools
import logging
import unicodedata
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from quotes.document import Document, Sentence, Word
from quotes.lexicons import endings, quote_marks, word_list
from quotes.nlp.models import LANG, ModelSet, active_set
from quotes.nlp.retag import retag
from quotes.nlp.tokenize import TokenizedSentence, tokenize

ParseSelection = Callable[[Document], Collection[int]]
"""Given a tagged, unparsed document, the indices of the sentences to parse."""

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


def normalise_token(text: str) -> str:
    """What Stanza sees for a token: NFC, no soft hyphens or zero-width
    characters ("Pe\u00adskow" is "Peskow"). Offsets stay on the original."""
    cleaned = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return cleaned or "_"


def _parse_feats(feats: str | None) -> dict[str, str]:
    if not feats or feats == "_":
        return {}
    return dict(item.split("=", 1) for item in feats.split("|") if "=" in item)


@dataclass
class Engine:
    """One Stanza pipeline over one model set."""

    models: ModelSet
    pipeline: object

    @classmethod
    def load(cls, *, prefer_official: bool = True) -> Engine:
        import stanza

        from quotes.nlp import mst, speedups

        models = active_set(prefer_official)
        logging.getLogger("stanza").setLevel(logging.WARNING)
        common = {
            "lang": LANG,
            "dir": str(models.directory),
            "download_method": None,
            "tokenize_pretokenized": True,
            "logging_level": "WARN",
            "use_gpu": False,
        }
        if models.name == "official":
            processors = "tokenize,pos,lemma,depparse" + (",ner" if models.has_ner else "")
            pipeline = stanza.Pipeline(processors=processors, **common)
        else:
            model_dir = models.directory / LANG
            pipeline = stanza.Pipeline(
                processors="tokenize,pos,lemma,depparse",
                pos_model_path=str(model_dir / "pos.pt"),
                pos_pretrain_path=None,
                lemma_model_path=str(model_dir / "lemma.pt"),
                depparse_model_path=str(model_dir / "depparse.pt"),
                depparse_pretrain_path=None,
                pos_batch_size=3000,
                lemma_batch_size=3000,
                lemma_store_results=True,
                depparse_batch_size=3000,
                **common,
            )
        mst.install(pipeline.processors["depparse"])
        speedups.install(pipeline)
        return cls(models=models, pipeline=pipeline)

    def analyse(self, text: str, name: str = "") -> Document:
        return self.analyse_many([text], [name])[0]

    def analyse_many(self, texts: Sequence[str], names: Iterable[str] | None = None, *,
                     parse: ParseSelection | None = None) -> list[Document]:
        """Analyse several articles in one Stanza call (sentences are batched
        across articles), returning one Document per text. `parse` picks the
        sentences of each document to parse; by default all are parsed."""
        names = list(names) if names is not None else [""] * len(texts)
        tokenized = [tokenize(text) for text in texts]
        batch = [[normalise_token(t.text) for t in s.tokens] for doc in tokenized for s in doc]
        if not batch:
            return [Document(text=text, sentences=(), name=name) for text, name in zip(texts, names, strict=True)]
        from stanza.models.common.doc import Document as StanzaDocument

        stanza_document = StanzaDocument([[{"id": number, "text": form} for number, form in enumerate(words, 1)]
                                          for words in batch])  # what Stanza's own tokenizer would build, less offsets
        if parse is None:
            parse = _every_sentence
        tagging = [name for name in self.pipeline.processors if name not in {"tokenize", "depparse"}]
        tagged = self.pipeline.process(stanza_document, processors=tagging).sentences
        first = 0
        for document in tokenized:
            if self.models.name == "bundled":
                retag(tagged[first:first + len(document)])
            _punctuate_marks(tagged[first:first + len(document)])
            _harmonise_names(tagged[first:first + len(document)])
            _untag_false_verbs(tagged[first:first + len(document)])
            _untag_false_adjectives(tagged[first:first + len(document)])
            first += len(document)
        documents = _documents(texts, names, tokenized, tagged, parsed=False)
        chosen = []  # positions in the batch
        first = 0
        for document in documents:
            chosen.extend(first + index for index in sorted(set(parse(document))))
            first += len(document.sentences)
        if not chosen:
            return documents
        selection = StanzaDocument([])  # the chosen sentences themselves: the parser sets heads in place
        selection.sentences = [tagged[position] for position in chosen]
        selection.num_words = sum(len(sentence.words) for sentence in selection.sentences)
        self.pipeline.process(selection, processors="depparse")
        sentences = [sentence for document in documents for sentence in document.sentences]
        written = [sentence for document in tokenized for sentence in document]
        for position in chosen:
            sentences[position] = _build_sentence(sentences[position].index, written[position], tagged[position],
                                                  parsed=True)
        rebuilt = []
        first = 0
        for document in documents:
            rebuilt.append(replace(document, sentences=tuple(sentences[first:first + len(document.sentences)])))
            first += len(document.sentences)
        return rebuilt


def _every_sentence(document: Document) -> range:
    return range(len(document.sentences))


def _harmonise_names(sentences: Sequence[Any]) -> None:
    """One tag per name in an article, before the parse: a capitalised word
    that the tagger calls a name somewhere in the article is a name where it
    called it an adverb or adjective, mostly at the start of a sentence
    ("Zapatero sagte …", tagged like "Gestern sagte …"); so is an outlet
    that writes its name in lowercase ("laut taz")."""
    names = {word.text for sentence in sentences for word in sentence.words if word.upos == "PROPN"}
    names |= {word.text for sentence in sentences for before, word in itertools.pairwise(sentence.words)
              if before.upos == "PROPN" and word.upos == "NOUN" and word.text[:1].isupper()}  # "Rainer Wittner"
    starters = word_list("sentence_starters.txt")
    outlets = word_list("lowercase_outlets.txt")
    for sentence in sentences:
        for word in sentence.words:
            misread = word.upos in {"ADV", "ADJ"} and word.text in names and word.text[:1].isupper() \
                and word.text not in starters
            if misread or (word.text.lower() in outlets and word.upos != "PROPN"):  # "laut taz", "dpa"
                word.upos, word.xpos, word.lemma, word.feats = "PROPN", "NE", word.text, None


def _punctuate_marks(sentences: Sequence[Any]) -> None:
    """Before the parse: a quotation mark is punctuation, whatever the tagger
    guessed ("«" as a preposition, "»" as a verb in Swiss text), so that the
    parser and the clause rules do not read it as a word."""
    marks = quote_marks().all
    for sentence in sentences:
        for word in sentence.words:
            if word.text in marks and word.upos != "PUNCT":
                word.upos, word.xpos, word.lemma, word.feats = "PUNCT", "$(", word.text, None


def _untag_false_verbs(sentences: Sequence[Any]) -> None:
    """Before the parse: a lowercase word tagged as a finite verb that is its
    own lemma and does not end in "-n" cannot be one ("kurz", "offiziell",
    "zufolge"): the only finite form equal to a verb's lemma is the plural in
    "-en"/"-n". Nor can the comparative of a lemma that is no verb ("später"
    of "spät"). It becomes a preposition when it is one, else an adverb, so
    that neither the parser nor the clause rules take it for a clause's verb;
    a word with an adjective's ending no verb has ("kurzfristig") an adjective.
    A word with a dot inside ("ver.di", "heise.de") is a name, never a verb."""
    prepositions = word_list("prepositions.txt")
    adjective_endings = endings("adjective_endings.txt")
    for sentence in sentences:
        for word in sentence.words:
            form = word.text
            feats = word.feats or ""
            if word.upos not in {"VERB", "AUX"} or ("VerbForm=" in feats and "VerbForm=Fin" not in feats):
                continue
            if "." in form.strip("."):
                word.upos, word.xpos, word.lemma, word.feats = "PROPN", "NE", form, None
                continue
            if form.isalpha() and form.islower() and form.endswith(adjective_endings):
                word.upos, word.xpos, word.lemma, word.feats = "ADJ", "ADJD", form, None  # "kurzfristig"
                continue
            lemma = (word.lemma or "").lower()
            own_lemma = form == lemma and not form.endswith("n")
            comparative = form == lemma + "er" and not lemma.endswith("n")
            if not form.isalpha() or not form.islower() or not (own_lemma or comparative):
                continue
            word.upos, word.xpos = ("ADP", "APPR") if form in prepositions else ("ADV", "ADV")
            word.feats = None


def _untag_false_adjectives(sentences: Sequence[Any]) -> None:
    """Before the parse: a preposition the tagger called an adjective is one
    again when a noun phrase follows it ("gegenüber Wikinews", "laut Polizei",
    "entsprechend den Vorgaben"): an adjective before a noun would be inflected."""
    prepositions = word_list("prepositions.txt")
    for sentence in sentences:
        for word, following in itertools.pairwise(sentence.words):
            if word.upos == "ADJ" and word.text in prepositions and following.upos in {"DET", "NOUN", "PROPN", "NUM"}:
                word.upos, word.xpos, word.lemma, word.feats = "ADP", "APPR", word.text, None


def _documents(texts: Sequence[str], names: Sequence[str], tokenized: Sequence[list[TokenizedSentence]],
               analysed: Sequence[Any], *, parsed: bool) -> list[Document]:
    """Stanza's sentences for a batch of texts, cut back into one Document per text."""
    documents = []
    position = 0
    for text, name, sentences in zip(texts, names, tokenized, strict=True):
        built = tuple(_build_sentence(index, tok, analysed[position + index], parsed=parsed)
                      for index, tok in enumerate(sentences))
        position += len(sentences)
        documents.append(Document(text=text, sentences=built, name=name))
    return documents


def _build_sentence(index: int, tokenized: TokenizedSentence, analysed: Any, *, parsed: bool) -> Sentence:
    words = []
    for token, word in zip(tokenized.tokens, analysed.words, strict=True):
        ner = getattr(word.parent, "ner", None) or "O"
        words.append(Word(
            id=word.id,
            text=token.text,
            lemma=word.lemma or token.text,
            upos=word.upos or "X",
            xpos=word.xpos or "_",
            feats=_parse_feats(word.feats),
            head=(word.head or 0) if parsed else 0,
            deprel=(word.deprel or "dep") if parsed else "_",
            start=token.start,
            end=token.end,
            ner=ner,
        ))
    return Sentence(index=index, paragraph=tokenized.paragraph, words=tuple(_repair_konjunktiv(words)),
                    parsed=parsed)


_KONJUNKTIV_SEIN = {"sei", "seiest", "seien", "seiet"}


def konjunktiv_one_form(form: str, lemma: str) -> bool:
    """A form that only Konjunktiv I has outside the first person: "sei(en)",
    or the infinitive's stem + "e" ("habe", "werde", "könne"; "dauere",
    "sammle" of verbs in -ern and -eln)."""
    form, lemma = form.lower(), lemma.lower()
    if lemma.endswith(("ern", "eln")) and len(lemma) > 4:
        return form in {lemma[:-1] + "e", lemma[:-3] + lemma[-2] + "e"}
    return form in _KONJUNKTIV_SEIN or (lemma.endswith("en") and len(lemma) > 3 and form == lemma[:-2] + "e")


def _subjunctive_ending(form: str) -> bool:
    """A finite form in "-e" that is neither a weak preterite ("-te") nor
    "wurde": outside the first person only a subjunctive ends so ("gehöre",
    whatever lemma a small lemmatizer gives it)."""
    return len(form) > 3 and form.isalpha() and form.endswith("e") and not form.endswith("te") and form != "wurde"


def _repair_konjunktiv(words: list[Word]) -> list[Word]:
    """Mark Konjunktiv I that a small tagger calls indicative: "sei(en)", and
    a finite verb whose form is its infinitive's stem + "e" ("habe", "werde",
    "könne") or otherwise ends in a subjunctive "-e" ("gehöre") when its
    subject is not "ich" (where that form is indicative).
    Reported speech hangs on this feature."""
    repaired = []
    for position, word in enumerate(words):
        repaired.append(word)
        is_verb = word.upos in {"VERB", "AUX"} and word.feats.get("VerbForm", "Fin") == "Fin"
        if not is_verb or word.feats.get("Mood") == "Sub":
            continue
        form = word.text.lower()
        if not (konjunktiv_one_form(form, word.lemma) or (_subjunctive_ending(form) and form != word.lemma.lower())):
            continue  # not "zustande", a particle the tagger took for a verb
        near = {w.text.lower() for w in words[max(0, position - 2):position + 3]}
        subject_ich = "ich" in near or any(w.head == word.id and w.text.lower() == "ich" for w in words)
        if form in _KONJUNKTIV_SEIN or not subject_ich:
            repaired[-1] = replace(word, feats={**word.feats, "Mood": "Sub", "VerbForm": "Fin"})
    return repaired


def to_conllu(document: Document) -> str:
    """The analysis as CoNLL-U, with the original token text and offsets."""
    lines = []
    for sentence in document.sentences:
        lines.append(f"# sent_id = {sentence.index + 1}")
        lines.append(f"# text = {' '.join(document.text[sentence.start:sentence.end].split())}")
        for word, following in zip(sentence.words, [*sentence.words[1:], None], strict=False):
            feats = "|".join(f"{k}={v}" for k, v in sorted(word.feats.items())) or "_"
            misc = [f"start_char={word.start}", f"end_char={word.end}"]
            if following is not None and following.start == word.end:
                misc.insert(0, "SpaceAfter=No")
            if word.ner != "O":
                misc.append(f"NER={word.ner}")
            form = " ".join(word.text.split()) or "_"
            lines.append("\t".join([
                str(word.id), form, word.lemma, word.upos, word.xpos, feats,
                str(word.head), word.deprel, "_", "|".join(misc),
            ]))
        lines.append("")
    return "\n".join(lines) + ("\n" if lines else "")
