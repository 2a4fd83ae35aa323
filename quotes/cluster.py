"""Ingest on a Dask cluster: the same `ingest` over partitions of the input,
one task per partition, each worker process writing its articles to the
database itself (PostgreSQL for a cluster of machines; a SQLite file works
on one machine, its writers queueing for the lock).

This process reads the input, skips what is stored already and sends the
articles themselves (not paths), so workers need no access to the files;
Dask schedules the tasks. Only a few partitions per worker are in flight, so
an archive of any size streams through. Needs the `dask` extra
(`pip install 'quotes[dask]'`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from quotes.errors import InputError, WorkerError
from quotes.extract import BATCH, batches
from quotes.ingest import IngestReport, Item, ingest, pending_articles
from quotes.parallel import ExtractorLike
from quotes.store.database import Database

PARTITION = BATCH  # articles per task, each one NLP call
AHEAD = 2  # tasks in flight per worker


@contextmanager
def dask_client(scheduler: str) -> Iterator[Any]:
    """A client of the scheduler at `scheduler` (tcp://host:8786), or of a
    LocalCluster of N single-threaded worker processes for 'local:N'."""
    try:
        from dask.distributed import Client, LocalCluster
    except ModuleNotFoundError:
        raise InputError("--dask needs Dask: pip install 'quotes[dask]'") from None
    if scheduler.startswith("local:"):
        workers = scheduler.removeprefix("local:")
        if not workers.isdigit() or int(workers) < 1:
            raise InputError(f"--dask {scheduler!r}: give local:N with N workers, e.g. local:2")
        with LocalCluster(n_workers=int(workers), threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=40) as cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(scheduler, timeout="20s")
    except OSError as error:
        raise WorkerError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    with client:
        yield client


def ingest_on_dask(database: Database, items: Iterable[Item], client: Any, load: Callable[[], ExtractorLike], *,
                   extractor_version: str, reprocess: bool = False, threads: int = 1, partition: int = PARTITION,
                   progress: Callable[[IngestReport, Item], None] | None = None) -> IngestReport:
    """Store every item's article and quotes, extracted on the cluster's
    workers; `load` (picklable) makes each worker's extractor once."""
    from dask.distributed import as_completed

    report = IngestReport()
    url = database.url.render_as_string(hide_password=False)
    pending = pending_articles(database, items, report, reprocess=reprocess, progress=progress)
    groups = batches(pending, lambda entry: len(entry.article.text), count=partition)
    parts = ([entry.item for entry in group] for group in groups)
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    running = as_completed()
    last: dict[str, Item] = {}  # task key -> its last article, for progress
    for part in parts:
        future = client.submit(ingest_partition, url, part, load, extractor_version, reprocess, threads, pure=False)
        last[future.key] = part[-1]
        running.add(future)
        if running.count() >= workers * AHEAD:
            _collect(next(running), report, last, progress)
    for future in running:
        _collect(future, report, last, progress)
    return report


def _collect(future: Any, report: IngestReport, last: dict[str, Item],
             progress: Callable[[IngestReport, Item], None] | None) -> None:
    try:
        done: IngestReport = future.result()
    except Exception as error:
        raise WorkerError(f"a Dask task failed ({type(error).__name__}: {error}); the articles stored so far "
                          "are kept: run the same command again to go on") from None
    report.add(done)
    if progress is not None:
        progress(report, last.pop(future.key))


def ingest_partition(url: str, items: list[Item], load: Callable[[], ExtractorLike], extractor_version: str,
                     reprocess: bool, threads: int) -> IngestReport:
    """One task, run on a worker: `ingest` with that worker's database and
    extractor (both made once per worker process)."""
    return ingest(_database(url), items, lambda: _extractor(load, threads), extractor_version=extractor_version,
                  reprocess=reprocess)


@cache
def _database(url: str) -> Database:
    return Database.open(url)


_worker: dict[str, ExtractorLike] = {}  # in a Dask worker process: its extractor, once loaded


def _extractor(load: Callable[[], ExtractorLike], threads: int) -> ExtractorLike:
    if "extractor" not in _worker:
        import torch

        torch.set_num_threads(threads)
        _worker["extractor"] = load()
    return _worker["extractor"]
