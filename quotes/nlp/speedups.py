"""Faster paths through Stanza's Python bookkeeping, with the same results.

With the small bundled models, much of Stanza's time is not the networks
but Python around them: a dictionary look-up method call per character when
words are turned into ids, and a string format per feature when tag ids are
turned back into "Case=Nom|Number=Sing". `install` swaps these for
equivalent versions on the loaded processors' own vocabularies (nothing
global is touched); tests compare the analyses with and without them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from stanza.models.common.vocab import UNK, BaseVocab


def install(pipeline: Any) -> None:
    """Install the fast paths on a loaded pipeline's tagger, lemmatizer and parser."""
    for name in ("pos", "lemma", "depparse"):
        processor = pipeline.processors.get(name)
        if processor is None or getattr(processor, "vocab", None) is None:
            continue
        for key in processor.vocab.keys():  # noqa: SIM118 (a MultiVocab is not iterable)
            vocab = processor.vocab[key]
            if _plain_lookup(vocab):
                vocab.map = _fast_map(vocab)
    if "pos" in pipeline.processors:
        feats = pipeline.processors["pos"].vocab["feats"]
        decode = cache(feats.id2unit)
        feats.id2unit = lambda ids: decode(tuple(ids))
    lemmatizer = pipeline.processors.get("lemma")
    if lemmatizer is not None and _dictionary_then_model(lemmatizer):
        lemmatizer.process = _lemmatize(lemmatizer)


def _plain_lookup(vocab: BaseVocab) -> bool:
    """A vocabulary whose unit → id step is the base class's: normalise, look up, else UNK."""
    kind = type(vocab)
    return kind.unit2id is BaseVocab.unit2id and kind.normalize_unit is BaseVocab.normalize_unit \
        and kind.map is BaseVocab.map


def _fast_map(vocab: BaseVocab) -> Callable[[Iterable[Any]], list[int]]:
    """BaseVocab.map without a method call per unit. The id table is read at
    each call, as the lemmatizer may grow it."""
    def fast_map(units: Iterable[Any]) -> list[int]:
        ids = vocab._unit2id
        unknown = ids[UNK]
        if vocab.lower:
            return [ids.get(unit.lower() if unit is not None else None, unknown) for unit in units]
        return [ids.get(unit, unknown) for unit in units]
    return fast_map


def _dictionary_then_model(processor: Any) -> bool:
    """A lemmatizer that looks words up and runs its model on the rest (Stanza's usual set-up)."""
    config = processor.config
    return not processor.use_identity and config.get("ensemble_dict", False) and not config.get("dict_only", False) \
        and not processor.trainer.has_contextual_lemmatizers()


def _lemmatize(processor: Any) -> Callable[[Any], Any]:
    """Stanza's LemmaProcessor.process for the dictionary-then-model set-up,
    less two costs: it no longer prepares every word for the model before
    choosing which words need it, and a word form with a given tag goes through
    the model once per call however often it occurs."""
    from stanza.models.common import doc
    from stanza.models.lemma.data import DataLoader

    trainer = processor.trainer
    config = processor.config

    def process(document: Any) -> Any:
        word_tags = [tuple(pair) for pair in document.get([doc.TEXT, doc.UPOS])]
        skip, seen = [], set()  # known forms, and repeats of an unknown one: the model sees each once
        for pair, known in zip(word_tags, trainer.skip_seq2seq(word_tags), strict=True):
            skip.append(known or pair in seen)
            seen.add(pair)
        unknown = [pair for pair, skipped in zip(word_tags, skip, strict=True) if not skipped]
        predicted: dict[tuple[str, str], str] = {}
        if unknown:
            batches = DataLoader(document, config["batch_size"], config, vocab=processor.vocab, evaluation=True,
                                 skip=skip, expand_unk_vocab=True)
            lemmas, edits = [], []
            for batch in batches:
                batch_lemmas, batch_edits = trainer.predict(batch, config["beam_size"], batches.vocab)
                lemmas += batch_lemmas
                edits += batch_edits or []
            lemmas = trainer.postprocess([word for word, _ in unknown], lemmas, edits=edits or None)
            predicted = dict(zip(unknown, lemmas, strict=True))
            if processor.store_results:
                trainer.train_dict([(word, tag, lemma) for (word, tag), lemma in predicted.items()],
                                   update_word_dict=False)
        lemmas = trainer.ensemble(word_tags, [predicted.get(pair, "") for pair in word_tags])
        document.set([doc.LEMMA], [lemma or "_" for lemma in lemmas])
        return document

    return process
