"""Evaluation: the GUIDELINES.md quote metric and the GermEval SpkAtt Task 2 metric."""

from quotes.evaluate.guidelines import format_report as format_guidelines_report
from quotes.evaluate.guidelines import read_records, same_name, same_speaker
from quotes.evaluate.guidelines import score as score_guidelines
from quotes.evaluate.spkatt import (
    SPLITS,
    ScoreError,
    SpkAttDocument,
    detokenize,
    heldout_names,
    load_document,
    predictions_to_annotations,
    score_documents,
    score_folders,
    spans_to_token_ids,
    split_files,
    write_prediction,
)
from quotes.evaluate.spkatt import format_report as format_spkatt_report

__all__ = [
    "SPLITS",
    "ScoreError",
    "SpkAttDocument",
    "detokenize",
    "format_guidelines_report",
    "format_spkatt_report",
    "heldout_names",
    "load_document",
    "predictions_to_annotations",
    "read_records",
    "same_name",
    "same_speaker",
    "score_documents",
    "score_folders",
    "score_guidelines",
    "spans_to_token_ids",
    "split_files",
    "write_prediction",
]
