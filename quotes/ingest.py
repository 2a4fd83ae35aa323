"""Ingest: read articles from files, folders, feeds or stdin, extract their
quotes and store them, one transaction per article.

Formats, by file suffix (or `fmt`): text (.txt, .text, .md), HTML (.html,
.htm: main text and metadata by trafilatura), JSON Lines (.jsonl, .ndjson)
and CSV (.csv) feeds with a `text` column and optional title, url, outlet,
published_at (or date); other columns are kept as metadata. Folders are read
recursively in name order, hidden files skipped. `-` reads stdin, its format
sniffed unless given. Feeds are read as streams, so they may be of any size.

Idempotent: an article whose content hash is stored already is skipped
without loading the NLP models; `reprocess=True` extracts it again with the
current extractor, keeping corrected quotes. A bad file or feed row is
reported and the rest goes on; a database failure stops the run (what was
committed stays)."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, BinaryIO, Protocol, TextIO

from sqlalchemy import exc

from quotes.document import Quote
from quotes.errors import InputError
from quotes.store.database import Database
from quotes.store.repository import ArticleInput, content_hash, find_article, save_article
from quotes.textfile import MAX_BYTES, decode, read_text_file

FORMATS = ("auto", "text", "html", "jsonl", "csv")
SUFFIXES = {".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html",
            ".xhtml": "html", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
FEED_FIELDS = {"text", "title", "url", "outlet", "published_at", "date", "language"}
BATCH = 8
_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*Uhr)?")


class ExtractorLike(Protocol):
    def extract_many(self, texts: Sequence[str]) -> list[list[Quote]]: ...


@dataclass(frozen=True)
class Item:
    """One article read from a source, or the reason it could not be read."""

    label: str  # path, "feed.jsonl:12" or "stdin", for messages
    article: ArticleInput | None = None
    error: str | None = None


@dataclass
class IngestReport:
    new: int = 0
    reprocessed: int = 0
    skipped: int = 0
    failed: int = 0
    quotes: int = 0
    kept: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.new + self.reprocessed + self.skipped + self.failed

    def summary(self) -> str:
        parts = [f"{self.new} new"]
        if self.reprocessed:
            parts.append(f"{self.reprocessed} re-processed")
        parts += [f"{self.skipped} skipped (already stored)", f"{self.failed} failed"]
        kept = f" ({self.kept} corrected quote{'s' if self.kept != 1 else ''} kept as corrected)" if self.kept else ""
        return f"articles: {', '.join(parts)}; quotes stored: {self.quotes}{kept}"


def parse_datetime(value: str) -> datetime:
    """ISO 8601 ('2025-03-04', '2025-03-04T10:15:00+01:00', 'Z' too), German
    '04.03.2025 10:15' and RSS dates. The timezone is dropped: the article's
    wall clock time is kept, so its date stays the date printed on it."""
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
    except ValueError:
        german = _GERMAN_DATE.fullmatch(text)
        if german:
            day, month, year, hour, minute, second = german.groups()
            try:
                parsed = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0),
                                  int(second or 0))
            except ValueError:
                raise InputError(f"bad date {value!r}") from None
        else:
            try:
                parsed = parsedate_to_datetime(text)
            except (TypeError, ValueError, IndexError):
                raise InputError(f"bad date {value!r} (use YYYY-MM-DD or an ISO 8601 date and time)") from None
    return parsed.replace(tzinfo=None)


def source_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named directly, and readable-format files inside folders."""
    for path in paths:
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                     and not any(part.startswith(".") for part in p.relative_to(path).parts))
            yield from sorted(found)
        else:
            yield path


def _sniff(text: str) -> str:
    start = text.lstrip("\ufeff \t\r\n")[:200].lower()
    if start.startswith("{"):
        return "jsonl"
    if start.startswith(("<!doctype html", "<html", "<?xml", "<head", "<body", "<article")):
        return "html"
    return "text"


def _title_of(text: str) -> str | None:
    """A plain text's first line when it looks like a headline."""
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    if rest.strip() and 0 < len(first) <= 200 and not first.endswith((".", ":", "“", '"', "»", "«")):
        return first
    return None


def _from_row(row: dict[str, Any], defaults: ArticleInput, label: str) -> ArticleInput:
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("no text")
    date = row.get("published_at") or row.get("date")
    meta = {k: v for k, v in row.items() if k not in FEED_FIELDS and v not in (None, "")}

    def value(name: str) -> str | None:
        found = row.get(name)
        return (str(found).strip() or None) if found is not None else None

    return ArticleInput(
        text=text, title=value("title") or defaults.title, url=value("url") or defaults.url,
        outlet=value("outlet") or defaults.outlet,
        published_at=parse_datetime(str(date)) if date not in (None, "") else defaults.published_at,
        language=value("language") or defaults.language, source=label, meta=meta)


def _feed_rows(lines: TextIO, fmt: str, name: str) -> Iterator[tuple[str, dict[str, Any] | str]]:
    """(label, row) per feed record, or (label, error message), streaming."""
    if fmt == "jsonl":
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                yield f"{name}:{number}", f"not JSON ({error.msg})"
                continue
            yield f"{name}:{number}", row if isinstance(row, dict) else "not a JSON object"
        return
    csv.field_size_limit(MAX_BYTES)
    reader = csv.DictReader(lines)
    if "text" not in (reader.fieldnames or []):
        yield name, "a CSV feed needs a 'text' column"
        return
    for row in reader:
        yield f"{name}:{reader.line_num}", {k.strip(): v for k, v in row.items() if k}


def _feed_items(stream: BinaryIO, fmt: str, name: str, defaults: ArticleInput) -> Iterator[Item]:
    """The articles of a JSON Lines or CSV feed, read as a stream (a feed
    may be far larger than one article may be)."""
    lines = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    try:
        for label, row in _feed_rows(lines, fmt, name):
            if isinstance(row, str):
                yield Item(label, error=row)
                continue
            try:
                yield Item(label, _from_row(row, defaults, label))
            except InputError as error:
                yield Item(label, error=str(error))
    except UnicodeDecodeError:
        yield Item(name, error="not UTF-8 text; the rest of the feed is skipped")
    except csv.Error as error:
        yield Item(name, error=f"broken CSV ({error}); the rest of the feed is skipped")


def _html_article(html: str, defaults: ArticleInput, label: str) -> ArticleInput:
    import trafilatura  # slow import, only for HTML

    found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if found is None or not (found.text or "").strip():
        raise InputError("no article text found in the HTML")
    date = defaults.published_at
    if date is None and found.date:
        with contextlib.suppress(InputError):  # a page's odd date metadata is no reason to lose the article
            date = parse_datetime(found.date)
    return ArticleInput(text=found.text, title=defaults.title or found.title, url=defaults.url or found.url,
                        outlet=defaults.outlet or found.sitename or found.hostname, published_at=date,
                        language=defaults.language, source=label,
                        meta={k: v for k, v in (("author", found.author), ("hostname", found.hostname)) if v})


def _document_items(text: str, fmt: str, label: str, defaults: ArticleInput) -> Iterator[Item]:
    """One text or HTML article."""
    try:
        if not text.strip():
            raise InputError("empty")
        if fmt == "html":
            yield Item(label, _html_article(text, defaults, label))
        else:
            yield Item(label, replace(defaults, text=text, title=defaults.title or _title_of(text), source=label))
    except InputError as error:
        yield Item(label, error=str(error))


def _stdin_items(stdin: BinaryIO, fmt: str, defaults: ArticleInput) -> Iterator[Item]:
    buffered = stdin if isinstance(stdin, io.BufferedReader) else io.BufferedReader(stdin)
    if fmt == "auto":
        fmt = _sniff(buffered.peek(4096)[:4096].decode("utf-8", errors="ignore"))
    if fmt in {"jsonl", "csv"}:
        yield from _feed_items(buffered, fmt, "stdin", defaults)
        return
    data = buffered.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        yield Item("stdin", error=f"over the {MAX_BYTES / 1e6:.0f} MB limit")
        return
    try:
        text, _ = decode(data, "stdin")
    except InputError as error:
        yield Item("stdin", error=str(error))
        return
    yield from _document_items(text, fmt, "stdin", defaults)


def read_items(paths: Sequence[str], *, fmt: str = "auto", defaults: ArticleInput | None = None,
               stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every article in `paths` ('-' for stdin), lazily, in order."""
    if fmt not in FORMATS:
        raise InputError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    defaults = defaults or ArticleInput(text="")
    for raw in paths:
        if raw == "-":
            if stdin is None:
                raise InputError("'-' given but no standard input")
            yield from _stdin_items(stdin, fmt, defaults)
            continue
        path = Path(raw)
        if not path.exists():
            yield Item(raw, error="no such file or folder")
            continue
        for file in source_files([path]):
            kind = fmt if fmt != "auto" else SUFFIXES.get(file.suffix.lower(), "auto")
            if kind in {"jsonl", "csv"}:
                try:
                    with file.open("rb") as stream:
                        yield from _feed_items(stream, kind, str(file), defaults)
                except OSError as error:
                    yield Item(str(file), error=error.strerror or str(error))
                continue
            try:
                text = read_text_file(file).text
            except InputError as error:
                yield Item(str(file), error=str(error).removeprefix(f"{file}: "))
                continue
            yield from _document_items(text, kind if kind != "auto" else _sniff(text), str(file), defaults)


@dataclass
class _Pending:
    item: Item
    article: ArticleInput
    digest: str
    existing_id: int | None


def ingest(database: Database, items: Iterable[Item], extractor: Callable[[], ExtractorLike], *,
           extractor_version: str, reprocess: bool = False, batch_size: int = BATCH,
           progress: Callable[[IngestReport, Item], None] | None = None) -> IngestReport:
    """Store every item's article and quotes; `extractor` is called once, on
    the first article that needs extraction."""
    report = IngestReport()
    loaded: list[ExtractorLike] = []
    pending: list[_Pending] = []
    digests: set[str] = set()

    def done(item: Item) -> None:
        if progress is not None:
            progress(report, item)

    def fail(item: Item, message: str) -> None:
        report.failed += 1
        report.failures.append((item.label, message))
        done(item)

    def flush() -> None:
        if not pending:
            return
        if not loaded:
            loaded.append(extractor())
        for entry, quotes in zip(pending, _extract(loaded[0], pending), strict=True):
            if isinstance(quotes, str):
                fail(entry.item, quotes)
            else:
                _store(database, entry, quotes, extractor_version, reprocess, report)
                done(entry.item)
        pending.clear()

    for item in items:
        if item.article is None:
            fail(item, item.error or "unreadable")
            continue
        digest = content_hash(item.article.text)
        with database.reading() as session:
            existing = find_article(session, digest)
            existing_id = existing.id if existing else None
        if digest in digests or (existing_id is not None and not reprocess):
            report.skipped += 1
            done(item)
            continue
        digests.add(digest)
        pending.append(_Pending(item, item.article, digest, existing_id))
        if len(pending) >= batch_size:
            flush()
    flush()
    return report


def _extract(extractor: ExtractorLike, pending: list[_Pending]) -> list[list[Quote] | str]:
    """Quotes per article; when a batch fails, each article alone, so one bad
    text costs only itself (its error message in place of quotes)."""
    try:
        return list(extractor.extract_many([p.article.text for p in pending]))
    except Exception:  # isolate the article that broke the batch
        results: list[list[Quote] | str] = []
        for entry in pending:
            try:
                results.append(extractor.extract_many([entry.article.text])[0])
            except Exception as error:  # reported per article; the run goes on
                results.append(f"extraction failed: {type(error).__name__}: {error}")
        return results


def _store(database: Database, entry: _Pending, quotes: list[Quote], version: str, reprocess: bool,
           report: IngestReport) -> None:
    try:
        with database.writing() as session:
            existing = find_article(session, entry.digest)
            if existing is not None and not reprocess:
                report.skipped += 1  # stored meanwhile by another ingest
                return
            result = save_article(session, entry.article, quotes, extractor_version=version, existing=existing)
    except InputError as error:
        report.failed += 1
        report.failures.append((entry.item.label, str(error)))
        return
    except exc.IntegrityError:
        report.skipped += 1  # a concurrent ingest stored the same article first
        return
    if result.status == "new":
        report.new += 1
    else:
        report.reprocessed += 1
    report.quotes += result.quotes
    report.kept += result.kept

