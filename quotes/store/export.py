"""Exporting quotes with pandas: CSV, JSON Lines or Parquet, one row per quote.

CSV is made safe for spreadsheets: a text cell starting with = + - @ (or a
tab or carriage return) gets a leading apostrophe, so Excel and LibreOffice
show it as text instead of running it as a formula (CSV injection). JSON Lines
and Parquet keep the text exactly. `excel=True` writes UTF-8 with a byte
order mark, which Excel needs to read umlauts right."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from quotes.errors import InputError, QuotesError
from quotes.store.search import COLUMNS

FORMATS = ("csv", "jsonl", "parquet")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def to_frame(rows: Sequence[dict[str, Any]], columns: Sequence[str] = COLUMNS) -> pd.DataFrame:
    """One row per quote, the columns of quotes.store.search.COLUMNS (or
    quotes.store.provenance.GROUPED_COLUMNS: one row per quotation)."""
    frame = pd.DataFrame.from_records(list(rows), columns=list(columns))
    for name in ("published_at", "last_published_at"):
        if name in frame:
            frame[name] = pd.to_datetime(frame[name])
    for name in ("quote_id", "speaker_id", "article_id", "start", "end", "occurrences", "speakers"):
        if name in frame:
            frame[name] = frame[name].astype("Int64")
    return frame


def neutralise(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula, made plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_for_spreadsheets(frame: pd.DataFrame) -> pd.DataFrame:
    safe = frame.copy()
    for name in safe.columns:
        if safe[name].dtype == object or pd.api.types.is_string_dtype(safe[name]):
            safe[name] = safe[name].map(neutralise)
    return safe


def write_csv(frame: pd.DataFrame, target: Path | None, *, excel: bool = False) -> None:
    """CSV to a file, or to stdout when `target` is None."""
    safe = safe_for_spreadsheets(frame)
    encoding = "utf-8-sig" if excel else "utf-8"
    if target is None:
        if excel:
            sys.stdout.write("\ufeff")
        safe.to_csv(sys.stdout, index=False, date_format="%Y-%m-%dT%H:%M:%S")
    else:
        safe.to_csv(target, index=False, encoding=encoding, date_format="%Y-%m-%dT%H:%M:%S")


def write_jsonl(frame: pd.DataFrame, target: Path | None) -> None:
    text = frame.to_json(orient="records", lines=True, force_ascii=False, date_format="iso", date_unit="s")
    text = text if text.endswith("\n") or not text else text + "\n"
    if target is None:
        sys.stdout.write(text)
    else:
        target.write_text(text, encoding="utf-8")


def write(frame: pd.DataFrame, target: Path | None, format: str, *, excel: bool = False) -> None:
    """Write `frame` as `format`; `target` None means stdout (not for parquet)."""
    if format not in FORMATS:
        raise InputError(f"format {format!r} is not one of {', '.join(FORMATS)}")
    if excel and format != "csv":
        raise InputError("--excel applies to CSV only")
    try:
        if format == "csv":
            write_csv(frame, target, excel=excel)
        elif format == "jsonl":
            write_jsonl(frame, target)
        elif target is None:
            raise InputError("parquet is binary: give a file with --out")
        else:
            frame.to_parquet(target, index=False)
    except ImportError as error:
        raise QuotesError(f"parquet export needs pyarrow ({error.name} is not installed)") from None
    except OSError as error:
        raise QuotesError(f"cannot write {target}: {error.strerror or error}") from None
