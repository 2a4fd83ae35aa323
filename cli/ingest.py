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
    workers: Annotated[int, typer.Option("--workers", "-w", help="Extract in this many processes, each with its "
                                         "own NLP pipeline (about 1.3 GB of memory each).")] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Articles per NLP call (in each worker): "
                                            "larger is faster, smaller shows progress sooner.")] = 32,
    dask: Annotated[str | None, typer.Option("--dask", help="Extract on a Dask cluster: its scheduler address "
                                             "(tcp://host:8786), or local:N for N local worker processes.")]
    = None,
) -> None:
    """Store articles and their attributed quotes in the database.

    An article already stored (same text) is skipped, so running ingest again
    on a folder adds only what is new, also after an interrupted run. A file
    or feed row that cannot be read is reported and the rest goes on; the exit
    status is then 1. Articles not in German are skipped with a note.

    Example: quotes ingest data/samples --outlet Tagesblatt --date 2025-03-04
    """
    from datetime import datetime

    from quotes.extract import EXTRACTOR_VERSION, Extractor
    from quotes.ingest import FORMATS, count_items, read_items
    from quotes.ingest import ingest as run_ingest
    from quotes.store.repository import ArticleInput

    if format not in FORMATS:
        raise fail(f"--format: {format!r} is not one of {', '.join(FORMATS)}", 2)
    if (url or title) and not _one_article(paths, format):
        raise fail("--url and --title describe one article: give one text or HTML file", 2)
    if workers < 1:
        raise fail(f"--workers: {workers} is not 1 or more", 2)
    if batch_size < 1:
        raise fail(f"--batch-size: {batch_size} is not 1 or more", 2)
    if dask and workers > 1:
        raise fail("--workers and --dask exclude each other (a Dask cluster has its own workers)", 2)
    day = parse_day(date, "--date")
    defaults = ArticleInput(text="", title=title, url=url, outlet=outlet,
                            published_at=datetime.combine(day, datetime.min.time()) if day else None)
    items = read_items(paths, fmt=format, defaults=defaults, stdin=sys.stdin.buffer if "-" in paths else None)
    db = database(ctx, create=True)
    shown = not quiet and sys.stderr.isatty()
    try:
        with _Progress(total=count_items(paths, fmt=format) if shown else None, enabled=shown) as progress:
            if dask:
                from quotes.cluster import dask_client, ingest_on_dask

                with dask_client(dask) as client:
                    report = ingest_on_dask(db, items, client, Extractor.load, extractor_version=EXTRACTOR_VERSION,
                                            reprocess=reprocess, progress=progress.update)
            else:
                report = run_ingest(db, items, Extractor.load, extractor_version=EXTRACTOR_VERSION,
                                    reprocess=reprocess, workers=workers, batch_size=batch_size,
                                    progress=progress.update)
    except KeyboardInterrupt:
        raise fail("interrupted; the articles stored so far are kept: run the same command again to go on",
                   130) from None
    for label, message in report.notes:
        typer.echo(f"Note: {_printable(label)}: {message}", err=True)
    for label, message in report.failures:
        warn(f"{_printable(label)}: {message}")
    if not report.seen:
        raise fail(f"no articles found in {', '.join(_printable(p) for p in paths)} (readable: "
                   ".txt, .md, .html, .jsonl, .csv; hidden files are skipped)")
    typer.echo(report.summary())
    if report.failed:
        raise typer.Exit(1)


def _one_article(paths: list[str], format: str) -> bool:
    from quotes.ingest import SUFFIXES

    if len(paths) != 1 or format in {"jsonl", "csv"}:
        return False
    path = Path(paths[0])
    return paths[0] == "-" or (not path.is_dir() and SUFFIXES.get(path.suffix.lower()) not in {"jsonl", "csv"})


def _printable(label: str) -> str:
    """A file name as one line: control characters (a newline in a name) escaped."""
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in label)


class _Progress:
    """A progress line on stderr, when it is a terminal: articles done (of
    about how many), rate, time left, new / skipped / failed and quotes so
    far, the article at hand."""

    def __init__(self, *, total: int | None, enabled: bool) -> None:
        self.bar: Any = None
        self.total = total
        self.started = time.monotonic()
        if enabled:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = Progress(SpinnerColumn(), BarColumn(), TextColumn("{task.fields[counts]}"),
                                TextColumn("{task.description}"), TimeElapsedColumn(),
                                console=Console(stderr=True), transient=True)
            self.task = self.bar.add_task("", total=total, counts="")

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
        counts = f"{report.seen}" + (f"/{self.total}" if self.total else "") + f" articles, {rate:.1f}/s"
        if self.total and rate > 0 and report.seen < self.total:
            counts += f", ETA {_duration((self.total - report.seen) / rate)}"
        status = (f"{report.new} new, {report.skipped} skipped, {report.failed} failed, "
                  f"{report.quotes} quotes · {_printable(item.label)}")
        self.bar.update(self.task, completed=report.seen, description=status, counts=counts)


def _duration(seconds: float) -> str:
    minutes, second = divmod(int(seconds), 60)
    hours, minute = divmod(minutes, 60)
    return f"{hours}:{minute:02d}:{second:02d}" if hours else f"{minute}:{second:02d}"
