"""Trace latency with many stored quotes, in-process and through the CLI.

Fills a fresh database with bench_search's generator, a share of the quotes
reprinting earlier ones (verbatim, with a word left out, or as a partial
quote), then times `trace` on random quotes the way the CLI runs it (one
session, candidates, word comparison, rows) — half of them quotes that were
reprinted — and the whole `quotes trace` command in a subprocess
(interpreter start and imports included, shown apart by `quotes --help`).

    python scripts/bench_trace.py                     # 100,000 quotes, SQLite
    python scripts/bench_trace.py --db postgresql://quotes:quotes@localhost/quotes_bench
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa
from bench_search import generate
from sqlmodel import col

from quotes.store.database import Database
from quotes.store.models import StoredQuote
from quotes.store.provenance import trace

REPO = Path(__file__).resolve().parent.parent


def percentiles(times: list[float]) -> tuple[float, float, float]:
    times = sorted(times)
    return statistics.median(times), times[max(0, int(len(times) * 0.9) - 1)], times[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=100_000)
    parser.add_argument("--repeats", type=float, default=0.05, help="share of quotes reprinting earlier ones")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--cli-runs", type=int, default=5)
    parser.add_argument("--db", help="database URL (default: a new SQLite file in a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or str(Path(folder) / "bench.db")
        database = Database.open(url, create=True, starter=False)
        began = time.perf_counter()
        generate(database, args.quotes, repeats=args.repeats)
        print(f"{database.where}: {args.quotes:,} quotes ({args.repeats:.0%} reprints) generated in "
              f"{time.perf_counter() - began:.1f} s")
        rng = random.Random(11)
        with database.reading() as session:
            top = session.exec(sa.select(sa.func.max(StoredQuote.id))).scalar() or 0
            reprinted = list(session.exec(sa.select(StoredQuote.id).where(col(StoredQuote.normal_key).in_(
                sa.select(StoredQuote.normal_key).group_by(StoredQuote.normal_key).having(sa.func.count() > 1))))
                .scalars())
        half = min(len(reprinted), args.runs // 2)
        ids = rng.sample(reprinted, half) + rng.sample(range(1, top + 1), args.runs - half)
        times, found = [], []
        for quote_id in ids:
            began = time.perf_counter()
            with database.reading() as session:
                found.append(len(trace(session, quote_id)))
            times.append((time.perf_counter() - began) * 1000)
        median, p90, worst = percentiles(times)
        print(f"trace in-process, {args.runs} quotes ({half} reprinted): median {median:.1f} ms, p90 {p90:.1f} ms, "
              f"max {worst:.1f} ms; occurrences found: median {statistics.median(found):g}, max {max(found)}")
        began = time.perf_counter()
        subprocess.run([sys.executable, "-m", "cli", "--help"], cwd=REPO, check=True, capture_output=True)
        print(f"quotes --help (interpreter start and imports): {(time.perf_counter() - began) * 1000:.0f} ms")
        cli_times = []
        for quote_id in ids[:args.cli_runs]:
            began = time.perf_counter()
            subprocess.run([sys.executable, "-m", "cli", "--db", database.url.render_as_string(hide_password=False),
                            "trace", str(quote_id)], cwd=REPO, check=True, capture_output=True)
            cli_times.append((time.perf_counter() - began) * 1000)
        median, _, worst = percentiles(cli_times)
        print(f"quotes trace ID (whole command), {args.cli_runs} runs: median {median:.0f} ms, max {worst:.0f} ms")
        database.close()


if __name__ == "__main__":
    main()
