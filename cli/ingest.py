"""`quotes ingest`: read articles, extract their quotes, store both."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from cli.options import database, parse_day
from cli.output import fail, warn

if TYPE_CHECKING:
    from quotes.extract import Extractor
    from quotes.ingest import IngestReport, Item


def ingest(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(
        help="Text or HTML files, folders (recursive), JSONL or CSV feeds; - for stdin.")],
    url: Annotated[str | None, typer.Option("--url", help="The article's URL (one article only).")] = None,
    title: Annotated[str | None, typer.Option("--title", help="The article's title (one article only).")] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Outlet, for articles that name none.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Publication date, for articles that give none.")]
    = None,
    format: Annotated[str, typer.Option("--format", "-f", help="auto (by suffix), text, html, jsonl or csv.")]
    = "auto",
    reprocess: Annotated[bool, typer.Option("--reprocess", help="Extract stored articles again with the "
                                            "current extractor; corrected quotes are kept.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Store articles and their attributed quotes in the database.

    An article already stored (same text) is skipped, so running ingest again
    on a folder adds only what is new. A file or feed row that cannot be read
    is reported and the rest goes on; the exit status is then 1.

    Example: quotes ingest data/samples --outlet Tagesblatt --date 2025-03-04
    """
    from datetime import datetime

    from quotes.extract import EXTRACTOR_VERSION
    from quotes.ingest import FORMATS, read_items
    from quotes.ingest import ingest as run_ingest
    from quotes.store.repository import ArticleInput

    if format not in FORMATS:
        raise fail(f"--format: {format!r} is not one of {', '.join(FORMATS)}", 2)
    if (url or title) and not _one_article(paths, format):
        raise fail("--url and --title describe one article: give one text or HTML file", 2)
    day = parse_day(date, "--date")
    defaults = ArticleInput(text="", title=title, url=url, outlet=outlet,
                            published_at=datetime.combine(day, datetime.min.time()) if day else None)
    items = read_items(paths, fmt=format, defaults=defaults, stdin=sys.stdin.buffer if "-" in paths else None)
    db = database(ctx, create=True)
    with _Progress(enabled=not quiet and sys.stderr.isatty()) as progress:
        report = run_ingest(db, items, _load_extractor, extractor_version=EXTRACTOR_VERSION, reprocess=reprocess,
                            progress=progress.update)
    for label, message in report.failures:
        warn(f"{label}: {message}")
    typer.echo(report.summary())
    if report.failed:
        raise typer.Exit(1)


def _one_article(paths: list[str], format: str) -> bool:
    from quotes.ingest import SUFFIXES

    if len(paths) != 1 or format in {"jsonl", "csv"}:
        return False
    path = Path(paths[0])
    return paths[0] == "-" or (not path.is_dir() and SUFFIXES.get(path.suffix.lower()) not in {"jsonl", "csv"})


def _load_extractor() -> Extractor:
    """Loads Stanza: called by ingest only once an article needs extraction."""
    from quotes.extract import Extractor

    return Extractor.load()


class _Progress:
    """A progress line on stderr, when it is a terminal: articles done, rate,
    new / skipped / failed and quotes so far, the file at hand."""

    def __init__(self, *, enabled: bool) -> None:
        self.bar: Any = None
        self.started = time.monotonic()
        if enabled:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = Progress(SpinnerColumn(), TextColumn("{task.completed} articles, {task.fields[rate]}"),
                                TextColumn("{task.description}"), TimeElapsedColumn(),
                                console=Console(stderr=True), transient=True)
            self.task = self.bar.add_task("", total=None, rate="")

    def __enter__(self) -> _Progress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *_: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def update(self, report: IngestReport, item: Item) -> None:
        if self.bar is None:
            return
        rate = report.seen / max(time.monotonic() - self.started, 1e-6)
        counts = (f"{report.new} new, {report.skipped} skipped, {report.failed} failed, "
                  f"{report.quotes} quotes · {item.label}")
        self.bar.update(self.task, completed=report.seen, description=counts, rate=f"{rate:.1f}/s")
