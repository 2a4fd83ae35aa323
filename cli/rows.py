"""Printing rows of quotes or speakers as a table, CSV or JSON Lines: the one
output path of every read command (search, speakers list)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import typer

from cli.output import table


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return value


def print_rows(rows: Sequence[dict[str, Any]], format: str, *, columns: Sequence[str],
               table_columns: Sequence[str]) -> None:
    """All `columns` for csv/jsonl (CSV cells safe for spreadsheets), the
    short `table_columns` for people."""
    if format == "jsonl":
        for row in rows:
            record = {k: row[k] if isinstance(row[k], list) else _plain(row[k]) for k in columns}
            typer.echo(json.dumps(record, ensure_ascii=False))
    elif format == "csv":
        from quotes.store.export import neutralise

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([neutralise(_plain(row[k])) for k in columns])
    else:
        typer.echo(table(list(table_columns), [[_short(row, k) for k in table_columns] for row in rows]))


def _short(row: dict[str, Any], key: str) -> Any:
    value = row[key]
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, float):
        return f"{value:.2f}"
    return _plain(value)
