"""Ingest throughput: articles per second and peak memory for 1 worker process
(with both cores as torch threads, and with one thread), 2 worker processes
and a Dask LocalCluster of 1 and 2 workers, plus the share of time in Stanza,
the quote stages and the database, and extraction alone in one process and
in two side by side (what the cores allow, without start-up or writer).

    python scripts/bench_ingest.py --limit 60 --save bench-ingest.json

Corpus: the original texts of ../shared/data/wikinews/train (first --limit
files in name order), each run into a fresh SQLite file through the library
call the CLI makes. `articles_per_s` includes loading the pipelines, as a
user waits for them; `steady_articles_per_s` counts from the first stored
article on, the rate an archive-sized run settles at. Memory is the peak
resident set of this process and all its children together (sampled every
0.2 s), and the largest single process. Run it alone: other CPU-heavy work
on the same cores distorts the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import psutil

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from quotes.extract import EXTRACTOR_VERSION, Extractor, quotes_in  # noqa: E402
from quotes.ingest import IngestReport, ingest, read_items  # noqa: E402
from quotes.store.database import Database  # noqa: E402

SHARED = REPO.parent / "shared" / "data"


SETTINGS = [("workers=1", 1, None), ("workers=1, 1 thread", 1, 1), ("workers=2", 2, None)]
"""(name, worker processes, torch threads per worker): by default the cores
are shared out as threads, so one worker computes on both cores at once; the
single-threaded worker is the unit that more workers multiply."""


def corpus(limit: int) -> list[str]:
    files = sorted((SHARED / "wikinews" / "train").glob("*.json"))[:limit]
    return [json.loads(f.read_text(encoding="utf-8"))["OriginalText"] for f in files]


class MemoryPeak:
    """Peak RSS of this process tree (sum, and largest process), sampled."""

    def __init__(self) -> None:
        self.total = 0
        self.largest = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(0.2):
            sizes = []
            for process in [me, *me.children(recursive=True)]:
                try:
                    sizes.append(process.memory_info().rss)
                except psutil.Error:
                    continue
            self.total = max(self.total, sum(sizes))
            self.largest = max(self.largest, max(sizes))

    def __enter__(self) -> MemoryPeak:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


class FirstStored:
    """A progress callback that notes when the first article was stored."""

    def __init__(self) -> None:
        self.at: float | None = None
        self.count = 0

    def __call__(self, report: IngestReport, _item: Any) -> None:
        if self.at is None and report.new:
            self.at, self.count = time.perf_counter(), report.new


def run(name: str, feed: Path, count: int, go: Callable[[Database, Any, FirstStored], IngestReport]) -> dict[str, Any]:
    first = FirstStored()
    with tempfile.TemporaryDirectory() as folder:
        database = Database.open(str(Path(folder) / "bench.db"), create=True)
        with MemoryPeak() as memory:
            started = time.perf_counter()
            report = go(database, read_items([str(feed)]), first)
            finished = time.perf_counter()
        database.close()
    assert report.new == count, report.summary()
    seconds = finished - started
    steady = (count - first.count) / (finished - first.at) if first.at and finished > first.at else 0.0
    result = {"name": name, "articles": count, "seconds": round(seconds, 1),
              "articles_per_s": round(count / seconds, 2), "steady_articles_per_s": round(steady, 2),
              "quotes": report.quotes,
              "peak_rss_total_gb": round(memory.total / 2**30, 2),
              "peak_rss_largest_process_gb": round(memory.largest / 2**30, 2)}
    print(json.dumps(result), flush=True)
    return result


class TimedExtractor:
    """The pipeline with the time of its Stanza stage and quote stages kept."""

    def __init__(self) -> None:
        self.extractor = Extractor.load()
        self.stanza = 0.0
        self.quotes = 0.0

    def extract_many(self, texts: Sequence[str]) -> list[list[Any]]:
        started = time.perf_counter()
        documents = self.extractor.analyse_many(texts)
        middle = time.perf_counter()
        found = [quotes_in(document) for document in documents]
        self.stanza += middle - started
        self.quotes += time.perf_counter() - middle
        return found


def _extract_share(texts: list[str], start: Any, done: Any) -> None:
    """In a spawned process: load the pipeline on one torch thread, wait for
    the others, extract `texts`, report the seconds it took."""
    import torch

    torch.set_num_threads(1)
    extractor = Extractor.load()
    extractor.extract_many(texts[:4])  # warm-up
    start.wait()
    began = time.perf_counter()
    for first in range(0, len(texts), 32):
        extractor.extract_many(texts[first:first + 32])
    done.put(time.perf_counter() - began)


def side_by_side(texts: list[str]) -> dict[str, float]:
    """The machine's own limit on scaling: extraction alone (no database, no
    start-up) in one single-threaded process, then in two at once on the two
    halves. When two processes are each slower than one alone, the cores
    share something (caches, memory bandwidth) that more workers cannot add."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    rates = {}
    for processes in (1, 2):
        start, done = context.Barrier(processes), context.Queue()
        shares = [texts[i::processes] for i in range(processes)]
        workers = [context.Process(target=_extract_share, args=(share, start, done)) for share in shares]
        for worker in workers:
            worker.start()
        seconds = [done.get() for _ in workers]
        for worker in workers:
            worker.join()
        rates[processes] = len(texts) / max(seconds)
    return {"one_process_articles_per_s": round(rates[1], 2), "two_processes_articles_per_s": round(rates[2], 2),
            "speedup": round(rates[2] / rates[1], 2)}


def stage_shares(feed: Path) -> dict[str, float]:
    timed = TimedExtractor()
    with tempfile.TemporaryDirectory() as folder:
        database = Database.open(str(Path(folder) / "stages.db"), create=True)
        report = ingest(database, read_items([str(feed)]), lambda: timed, extractor_version=EXTRACTOR_VERSION)
        database.close()
    total = timed.stanza + timed.quotes + report.store_seconds
    return {"stanza": round(timed.stanza / total, 3), "quote_stages": round(timed.quotes / total, 3),
            "database": round(report.store_seconds / total, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=60, help="articles from the corpus (default 60)")
    parser.add_argument("--save", type=Path, help="write the results as JSON to this file")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask LocalCluster runs")
    args = parser.parse_args()
    texts = corpus(args.limit)
    if not texts:
        raise SystemExit(f"no corpus: {SHARED / 'wikinews' / 'train'} holds no documents")
    with tempfile.TemporaryDirectory() as folder:
        feed = Path(folder) / "corpus.jsonl"
        feed.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8")
        results = [run(name, feed, len(texts), lambda db, items, first, n=n, threads=threads: ingest(
            db, items, Extractor.load, extractor_version=EXTRACTOR_VERSION, workers=n, threads=threads,
            progress=first))
            for name, n, threads in SETTINGS]
        if not args.no_dask:
            from quotes.cluster import dask_client, ingest_on_dask

            for n in (1, 2):
                def on_dask(db: Database, items: Any, first: FirstStored, n: int = n) -> IngestReport:
                    with dask_client(f"local:{n}") as client:
                        return ingest_on_dask(db, items, client, Extractor.load, extractor_version=EXTRACTOR_VERSION,
                                              threads=max(1, psutil.cpu_count() // n), progress=first)
                results.append(run(f"dask local:{n}", feed, len(texts), on_dask))
        shares = stage_shares(feed)
    extraction = side_by_side(texts)
    def ratio(two: dict[str, Any], one: dict[str, Any], key: str) -> float:
        return round(two[key] / one[key], 2) if one[key] else 0.0

    one, one_core, two = results[:3]
    speedups = {"workers 2 vs 1 on one core": ratio(two, one_core, "articles_per_s"),
                "workers 2 vs 1 on one core, steady": ratio(two, one_core, "steady_articles_per_s"),
                "workers 2 vs 1 on both cores": ratio(two, one, "articles_per_s"),
                "workers 2 vs 1 on both cores, steady": ratio(two, one, "steady_articles_per_s")}
    if len(results) == 5:
        speedups["dask 2 vs 1"] = ratio(results[4], results[3], "articles_per_s")
        speedups["dask 2 vs 1, steady"] = ratio(results[4], results[3], "steady_articles_per_s")
    summary = {"corpus": f"wikinews/train, first {len(texts)} articles", "cores": psutil.cpu_count(),
               "runs": results, "speedup": speedups, "time_share_one_worker": shares,
               "extraction_side_by_side": extraction}
    print(json.dumps({"speedup": speedups, "time_share_one_worker": shares, "extraction_side_by_side": extraction}))
    if args.save:
        args.save.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
