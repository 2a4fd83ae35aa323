"""Ingest: read articles from files, folders, feeds or stdin, extract their
quotes and store them, one transaction per article.

Formats, by file suffix (or `fmt`): text (.txt, .text, .md), HTML (.html,
.htm: main text and metadata by trafilatura), JSON Lines (.jsonl, .ndjson)
and CSV (.csv) feeds with a `text` column and optional title, url, outlet,
published_at (or date); other columns are kept as metadata. Folders are read
recursively in name order, hidden files skipped. `-` reads stdin, its format
sniffed unless given. Feeds are read as streams, so they may be of any size.

Every article is stored as `clean_text` makes it (NFC, \\n line ends, no
invisible format or control characters), so offsets, search and speakers
work on one visible text. Articles over MAX_ARTICLE_CHARS, and articles not
in German (quotes.language), are not extracted.

Idempotent: an article whose content hash is stored already is skipped
without loading the NLP models; `reprocess=True` extracts it again with the
current extractor, keeping corrected quotes. A bad file or feed row is
reported and the rest goes on; a database failure stops the run (what was
committed stays). Each article is its own transaction, committed in input
order, so a run that is killed and started again ends where one run would.
`workers` > 1 extracts in that many processes (quotes.parallel); the calling
process stays the only writer."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from sqlalchemy import exc

from quotes.document import Quote
from quotes.errors import InputError
from quotes.extract import BATCH, batches
from quotes.language import guess_language
from quotes.parallel import Extraction, ExtractorLike, open_extraction
from quotes.store.database import Database
from quotes.store.engine import retry_when_locked
from quotes.store.repository import ArticleInput, SaveResult, content_hash, find_article, save_article
from quotes.textfile import MAX_BYTES, clean_text, decode, describe_encoding, read_text_file

FORMATS = ("auto", "text", "html", "jsonl", "csv")
SUFFIXES = {".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html",
            ".xhtml": "html", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
FEED_FIELDS = {"text", "title", "url", "outlet", "published_at", "date", "language"}
MAX_ARTICLE_CHARS = 200_000  # about 30,000 words: far more than any news article, a minute or two of NLP
_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*Uhr)?")


@dataclass(frozen=True)
class Item:
    """One article read from a source, or the reason it could not be read."""

    label: str  # path, "feed.jsonl:12" or "stdin", for messages
    article: ArticleInput | None = None
    error: str | None = None
    note: str | None = None  # for a person, e.g. the encoding assumed


@dataclass
class IngestReport:
    new: int = 0
    reprocessed: int = 0
    skipped: int = 0
    failed: int = 0
    not_german: int = 0
    quotes: int = 0
    kept: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    store_seconds: float = 0.0

    @property
    def seen(self) -> int:
        return self.new + self.reprocessed + self.skipped + self.failed + self.not_german

    def add(self, other: IngestReport) -> None:
        """Count another report's articles in this one (a partition's, say)."""
        for name in ("new", "reprocessed", "skipped", "failed", "not_german", "quotes", "kept", "store_seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failures += other.failures
        self.notes += other.notes

    def summary(self) -> str:
        parts = [f"{self.new} new"]
        if self.reprocessed:
            parts.append(f"{self.reprocessed} re-processed")
        parts += [f"{self.skipped} skipped (already stored)", f"{self.failed} failed"]
        if self.not_german:
            parts.append(f"{self.not_german} not German (skipped)")
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
        for number, line in enumerate(_bounded_lines(lines, MAX_BYTES), start=1):
            if line is None:
                yield f"{name}:{number}", f"line over the {MAX_BYTES / 2**20:.0f} MB limit"
                continue
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
    columns = [c.strip() for c in reader.fieldnames or []]
    if "text" not in columns:
        found = ", ".join(repr(c) for c in columns[:8]) or "none"
        yield name, f"a CSV feed needs a 'text' column (found: {found})"
        return
    for row in reader:
        yield f"{name}:{reader.line_num}", {k.strip(): v for k, v in row.items() if k}


def _bounded_lines(lines: TextIO, limit: int) -> Iterator[str | None]:
    """The lines of a stream, None for one longer than `limit` characters
    (skipped without holding more than `limit` of it in memory)."""
    while True:
        line = lines.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith("\n"):
            yield line
            continue
        while (rest := lines.readline(limit)) and not rest.endswith("\n"):
            pass
        yield None


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


def _document_items(text: str, fmt: str, label: str, defaults: ArticleInput,
                    note: str | None = None) -> Iterator[Item]:
    """One text or HTML article."""
    try:
        if not text.strip():
            raise InputError("empty")
        if fmt == "html":
            yield Item(label, _html_article(text, defaults, label), note=note)
        else:
            yield Item(label, replace(defaults, text=text, title=defaults.title or _title_of(text), source=label),
                       note=note)
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
        yield Item("stdin", error=f"over the {MAX_BYTES / 2**20:.0f} MB limit")
        return
    try:
        text, encoding = decode(data, "stdin")
    except InputError as error:
        yield Item("stdin", error=str(error))
        return
    yield from _document_items(text, fmt, "stdin", defaults, describe_encoding(encoding))


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
                found = read_text_file(file)
            except InputError as error:
                yield Item(str(file), error=str(error).removeprefix(f"{file}: "))
                continue
            yield from _document_items(found.text, kind if kind != "auto" else _sniff(found.text), str(file),
                                       defaults, describe_encoding(found.encoding))


def count_items(paths: Sequence[str], *, fmt: str = "auto") -> int | None:
    """About how many articles `read_items` will give (feeds: their lines),
    for a progress estimate; None when reading stdin."""
    if "-" in paths:
        return None
    total = 0
    for file in source_files(Path(raw) for raw in paths if Path(raw).exists()):
        kind = fmt if fmt != "auto" else SUFFIXES.get(file.suffix.lower(), "text")
        if kind not in {"jsonl", "csv"}:
            total += 1
            continue
        with contextlib.suppress(OSError), file.open("rb") as stream:
            lines = sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(1 << 20), b""))
            total += max(0, lines - (kind == "csv"))
    return total


@dataclass
class _Pending:
    item: Item
    article: ArticleInput
    digest: str
    existing_id: int | None


def ingest(database: Database, items: Iterable[Item], extractor: Callable[[], ExtractorLike], *,
           extractor_version: str, reprocess: bool = False, batch_size: int = BATCH, workers: int = 1,
           threads: int | None = None, progress: Callable[[IngestReport, Item], None] | None = None) -> IngestReport:
    """Store every item's article and quotes. `extractor` is called once, on
    the first article that needs extraction, or once in each of `workers`
    processes (then it must be picklable, e.g. `Extractor.load`), each with
    `threads` torch threads (default: the cores shared out)."""
    report = IngestReport()

    def done(item: Item) -> None:
        if progress is not None:
            progress(report, item)

    pending = pending_articles(database, items, report, reprocess=reprocess, progress=progress)
    with open_extraction(extractor, workers=workers, threads=threads) as extraction:
        for batch, results in _extracted(extraction, pending, batch_size):
            for entry, quotes in zip(batch, results, strict=True):
                if isinstance(quotes, str):
                    _fail(report, entry.item.label, quotes)
                else:
                    _store(database, entry, quotes, extractor_version, reprocess, report)
                done(entry.item)
    return report


def _extracted(extraction: Extraction, pending: Iterable[_Pending],
               batch_size: int) -> Iterator[tuple[list[_Pending], list[list[Quote] | str]]]:
    groups = batches(pending, lambda entry: len(entry.article.text), count=batch_size)
    return extraction.map(groups, lambda batch: [entry.article.text for entry in batch])


def _fail(report: IngestReport, label: str, message: str) -> None:
    report.failed += 1
    report.failures.append((label, message))


def pending_articles(database: Database, items: Iterable[Item], report: IngestReport, *, reprocess: bool = False,
                     progress: Callable[[IngestReport, Item], None] | None = None) -> Iterator[_Pending]:
    """The items whose articles need extraction, cleaned (clean_text); the
    others are counted in `report` as they pass: unreadable, too long, not
    German, stored already or met before in this run."""
    digests: set[str] = set()
    for item in items:
        if item.note:
            report.notes.append((item.label, item.note))
        reason = _refusal(item)
        if reason is not None:
            _fail(report, item.label, reason)
        elif (language := guess_language(item.article.text)).german:
            article = replace(item.article, text=clean_text(item.article.text))
            digest = content_hash(article.text)
            with database.reading() as session:
                existing = find_article(session, digest)
                existing_id = existing.id if existing else None
            if digest in digests or (existing_id is not None and not reprocess):
                report.skipped += 1
            else:
                digests.add(digest)
                yield _Pending(item, article, digest, existing_id)
                continue
        else:
            report.not_german += 1
            report.notes.append((item.label, f"{language.detail}, not German: skipped"))
        if progress is not None:
            progress(report, item)


def _refusal(item: Item) -> str | None:
    if item.article is None:
        return item.error or "unreadable"
    if len(item.article.text) > MAX_ARTICLE_CHARS:
        return (f"{len(item.article.text):,} characters is over the limit of {MAX_ARTICLE_CHARS:,} per article "
                "(not a news article?)")
    return None


def _store(database: Database, entry: _Pending, quotes: list[Quote], version: str, reprocess: bool,
           report: IngestReport) -> None:
    started = time.perf_counter()

    def save() -> SaveResult | None:
        with database.writing() as session:
            existing = find_article(session, entry.digest)
            if existing is not None and not reprocess:
                return None  # stored meanwhile by another ingest
            return save_article(session, entry.article, quotes, extractor_version=version, existing=existing)

    try:
        result = retry_when_locked(save)
        if result is None:
            report.skipped += 1
            return
    except InputError as error:
        _fail(report, entry.item.label, str(error))
        return
    except exc.IntegrityError:
        report.skipped += 1  # a concurrent ingest stored the same article first
        return
    finally:
        report.store_seconds += time.perf_counter() - started
    if result.status == "new":
        report.new += 1
    else:
        report.reprocessed += 1
    report.quotes += result.quotes
    report.kept += result.kept
