"""Running the extractor over gold data and scoring it."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from quotes.errors import InputError
from quotes.evaluate.guidelines import read_records, score
from quotes.evaluate.spkatt import (
    detokenize,
    load_document,
    predictions_to_annotations,
    score_folders,
    write_prediction,
)
from quotes.extract import BATCH, Extractor
from quotes.textfile import read_text_file


def run_guidelines(extractor: Extractor, gold: Path, texts: Path) -> tuple[dict[str, Any], list[dict]]:
    """Extract from every article in `texts` that has gold in `gold` (JSONL
    file or folder, GUIDELINES.md format) and score; returns the scores and
    the predicted records."""
    gold_records, gold_docs = read_records(gold)
    if not gold_docs:
        raise InputError(f"{gold}: no gold records")
    paths = []
    for doc in sorted(gold_docs):
        path = texts / f"{doc}.txt"
        if not path.is_file():
            raise InputError(f"{path}: the article for gold document {doc!r} is missing")
        paths.append(path)
    predicted: list[dict] = []
    for first in range(0, len(paths), BATCH):
        batch = paths[first:first + BATCH]
        results = extractor.extract_many([read_text_file(p).text for p in batch])
        for path, quotes in zip(batch, results, strict=True):
            predicted.extend(quote.as_record(path.stem) for quote in quotes)
    return score(gold_records, predicted, gold_docs), predicted


def run_spkatt(extractor: Extractor, gold_files: Iterable[Path], out_dir: Path | None = None) -> dict[str, Any]:
    """Extract from detokenized SpkAtt documents, write predictions in the same
    format (one file per input, same name) and score them."""
    gold_files = list(gold_files)
    with tempfile.TemporaryDirectory() as scratch:
        target = out_dir or Path(scratch)
        documents = [load_document(path) for path in gold_files]
        for first in range(0, len(documents), BATCH):
            batch = documents[first:first + BATCH]
            detokenized = [detokenize(doc.sentences) for doc in batch]
            results = extractor.extract_many([text for text, _ in detokenized])
            for doc, (text, offsets), quotes in zip(batch, detokenized, results, strict=True):
                write_prediction(doc, predictions_to_annotations(quotes, offsets, text), target)
        return score_folders(gold_files, target)
