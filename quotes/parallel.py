"""Extracting quotes from batches of articles, in this process or in a pool
of worker processes that each load the pipeline once.

Both run the batches in order and hand back results in order, so that the
caller (ingest, the one writer) stores articles in input order whatever the
number of workers. A batch's result holds, per article, its quotes or the
message of the error that article alone caused. The pool keeps only a few
batches per worker in flight, so an archive of any size streams through it.
Workers use the spawn start method (no forked copy of the caller's threads or
database connections) and ignore Ctrl-C: the caller stops them."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from multiprocessing import get_context
from typing import Any, Protocol, TypeVar

from quotes.document import Quote
from quotes.errors import WorkerError

Batch = TypeVar("Batch")
Result = list[list[Quote] | str]
AHEAD = 2  # batches in flight per worker: one running, one queued


class ExtractorLike(Protocol):
    def extract_many(self, texts: Sequence[str]) -> list[list[Quote]]: ...


class Extraction(Protocol):
    def map(self, batches: Iterable[Batch], texts: Callable[[Batch], list[str]]) -> Iterator[tuple[Batch, Result]]:
        ...


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def extract_isolated(extractor: ExtractorLike, texts: list[str]) -> Result:
    """Quotes per text; when the batch fails, each text alone, so one bad
    text costs only itself (its error message in place of quotes)."""
    try:
        return list(extractor.extract_many(texts))
    except Exception:  # isolate the article that broke the batch
        results: Result = []
        for text in texts:
            try:
                results.append(extractor.extract_many([text])[0])
            except Exception as error:  # reported per article; the run goes on
                results.append(f"extraction failed: {type(error).__name__}: {error}")
        return results


def load_with_threads(load: Callable[[], ExtractorLike], threads: int | None) -> ExtractorLike:
    """Load the extractor after setting this process's torch threads (when given)."""
    if threads is not None:
        import torch

        torch.set_num_threads(threads)
    return load()


class InProcess:
    """Extraction in this process; the extractor is loaded on first use, with
    `threads` torch threads when given (else torch's default)."""

    def __init__(self, load: Callable[[], ExtractorLike], threads: int | None = None) -> None:
        self.load = load
        self.threads = threads
        self.extractor: ExtractorLike | None = None

    def map(self, batches: Iterable[Batch], texts: Callable[[Batch], list[str]]) -> Iterator[tuple[Batch, Result]]:
        for batch in batches:
            if self.extractor is None:
                self.extractor = load_with_threads(self.load, self.threads)
            yield batch, extract_isolated(self.extractor, texts(batch))


class Pool:
    """`workers` processes, each calling `load` once (on its first batch) and
    using `threads` torch threads."""

    def __init__(self, load: Callable[[], ExtractorLike], workers: int, threads: int) -> None:
        self.load = load
        self.workers = workers
        self.executor = ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_start_worker,
                                            initargs=(threads,))

    def map(self, batches: Iterable[Batch], texts: Callable[[Batch], list[str]]) -> Iterator[tuple[Batch, Result]]:
        running: deque[tuple[Batch, Future[Result]]] = deque()
        for batch in batches:
            running.append((batch, self.executor.submit(_extract_in_worker, self.load, texts(batch))))
            if len(running) >= self.workers * AHEAD:
                yield self._result(*running.popleft())
        while running:
            yield self._result(*running.popleft())

    @staticmethod
    def _result(batch: Batch, future: Future[Result]) -> tuple[Batch, Result]:
        try:
            return batch, future.result()
        except BrokenProcessPool:
            raise WorkerError("a worker process died (out of memory?); the articles stored so far are kept: "
                              "run the same command again to go on, with fewer --workers") from None

    def close(self, *, stop: bool) -> None:
        """Wait for the workers to finish, or with `stop` end them now."""
        if not stop:
            self.executor.shutdown()
            return
        processes = list(getattr(self.executor, "_processes", {}).values())  # no public handle before 3.14
        self.executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(5)


@contextmanager
def open_extraction(load: Callable[[], ExtractorLike], *, workers: int = 1,
                    threads: int | None = None) -> Iterator[Extraction]:
    """In-process extraction for one worker, else a pool, stopped at once
    when the caller fails or is interrupted."""
    if workers < 1:
        raise ValueError("workers must be 1 or more")
    if workers == 1:
        yield InProcess(load, threads)
        return
    pool = Pool(load, workers, threads or max(1, cores() // workers))
    try:
        yield pool
    except BaseException:
        pool.close(stop=True)
        raise
    pool.close(stop=False)


_worker: dict[str, Any] = {}  # in a worker process: its thread count and, once loaded, its extractor


def _start_worker(threads: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker["threads"] = threads
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """End this worker when the process that started it is gone (killed with
    SIGKILL, say), instead of idling on as an orphan holding its models."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _extract_in_worker(load: Callable[[], ExtractorLike], texts: list[str]) -> Result:
    if "extractor" not in _worker:
        _worker["extractor"] = load_with_threads(load, _worker["threads"])
    return extract_isolated(_worker["extractor"], texts)
