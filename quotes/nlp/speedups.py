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
