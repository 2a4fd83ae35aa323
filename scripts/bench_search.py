"""Search latency with many stored quotes, measured in-process.

Fills a fresh database with generated articles and quotes (a Zipf-like
spread over a few hundred speakers, so the most quoted has thousands), then
times `search --speaker` and full-text searches the way the CLI runs them
(speaker lookup + query + rows), and prints the median and 90th percentile.

    python scripts/bench_search.py                     # 100,000 quotes, SQLite
    python scripts/bench_search.py --db postgresql://quotes:quotes@localhost/quotes_bench
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from quotes.speakers.lookup import create_speaker
from quotes.store.database import Database
from quotes.store.models import Article, StoredQuote, utcnow
from quotes.store.normal import normal_columns
from quotes.store.search import QuoteFilters, search

WORDS = (
    "Regierung", "Verhandlungen", "Waffenruhe", "Russland", "Ukraine", "Sanktionen", "Gespräche", "Frieden",
    "Krieg", "Partner", "Europa", "Wirtschaft", "Energie", "Preise", "Inflation", "Haushalt", "Schulden", "Reform",
    "Rente", "Klima", "Migration", "Grenze", "Sicherheit", "Verteidigung", "Bundeswehr", "Nato", "Bündnis", "Hilfe",
    "Waffen", "Lieferungen", "Zukunft", "Entscheidung", "Verantwortung", "Vertrauen", "Kritik", "Opposition",
    "Koalition", "Wahl", "Wähler", "Mehrheit", "Gesetz", "Gericht", "Urteil", "Verfassung", "Freiheit",
    "Demokratie", "Medien", "Öffentlichkeit", "Bürger", "Städte", "Gemeinden", "Länder", "Bund", "Steuern",
    "Investitionen", "Arbeit"
)
FILLER = (
    "wir", "müssen", "jetzt", "handeln", "und", "dürfen", "nicht", "warten", "weil", "die", "Lage", "ernst", "ist",
    "aber", "lösbar", "bleibt"
)
SPEAKERS = 400
QUOTES_PER_ARTICLE = 5


def _variant(rng: random.Random, sentence: str) -> str:
    """A reprint of a quotation: verbatim, with a word left out, or its first words as a partial quote."""
    words = sentence.split()
    kind = rng.randrange(3)
    if kind == 1:
        del words[rng.randrange(1, len(words))]
    elif kind == 2:
        words = words[:6]
    return " ".join(words)


def generate(database: Database, quotes: int, seed: int = 7, repeats: float = 0.0) -> list[str]:
    """Articles and quotes by Core bulk inserts (the FTS triggers still run).
    `repeats` is the share of quotes that reprint an earlier quotation
    (see _variant), for the provenance benchmark."""
    rng = random.Random(seed)
    said: list[str] = []
    with database.writing() as session:
        names = ["Wladimir Putin", "Olaf Scholz", "Annalena Baerbock"] + [
            f"{rng.choice(['Anna', 'Jonas', 'Mia', 'Lukas', 'Lea', 'Paul', 'Emma', 'Ben'])} Sprecher{n}"
            for n in range(SPEAKERS - 3)]
        ids = [create_speaker(session, name).id for name in names]
    weights = [1 / (rank + 1) for rank in range(len(ids))]
    start = datetime(2020, 1, 1)
    articles = quotes // QUOTES_PER_ARTICLE
    batch = 1000
    for first in range(0, articles, batch):
        rows, quote_rows = [], []
        for n in range(first, min(first + batch, articles)):
            body = []
            for _ in range(QUOTES_PER_ARTICLE):
                if repeats and said and rng.random() < repeats:
                    body.append(_variant(rng, rng.choice(said)))
                    continue
                words = rng.sample(WORDS, 4) + rng.sample(FILLER, 6)
                rng.shuffle(words)
                body.append(" ".join(words).capitalize())
                said.append(body[-1])
            text = " ".join(f"„{sentence}“, sagte jemand." for sentence in body)
            rows.append({"id": n + 1, "text": text, "content_hash": f"{n:064d}", "meta": {}, "language": "de",
                         "outlet": rng.choice(["Tagesblatt", "Morgenpost", "Abendzeitung"]),
                         "published_at": start + timedelta(hours=n), "ingested_at": utcnow(),
                         "processed_at": utcnow()})
            at = 0
            for sentence in body:
                begin = text.index(sentence, at)
                at = begin + len(sentence)
                quote_rows.append({"article_id": n + 1, "speaker_id": rng.choices(ids, weights)[0], "type": "direct",
                                   "text": sentence, "start": begin, "end": at, "sentence": sentence,
                                   "context": text, "confidence": 0.9, "resolution": "name", "rejected": False,
                                   "created_at": utcnow(), **normal_columns(sentence)})
        with database.engine.begin() as connection:
            connection.execute(sa.insert(Article.__table__), rows)
            connection.execute(sa.insert(StoredQuote.__table__), quote_rows)
    if database.backend == "postgresql":
        with database.engine.begin() as connection:
            connection.exec_driver_sql("SELECT setval('article_id_seq', (SELECT max(id) FROM article))")
            connection.exec_driver_sql("ANALYZE")
    return names


def timed(database: Database, filters: QuoteFilters, runs: int) -> tuple[float, float, int]:
    times, found = [], 0
    for _ in range(runs):
        began = time.perf_counter()
        with database.reading() as session:
            found = len(search(session, filters))
        times.append((time.perf_counter() - began) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.9) - 1], found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--db", help="database URL (default: a new SQLite file in a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or str(Path(folder) / "bench.db")
        database = Database.open(url, create=True, starter=False)
        began = time.perf_counter()
        generate(database, args.quotes)
        print(f"{database.where}: {args.quotes:,} quotes generated in {time.perf_counter() - began:.1f} s")
        cases = [
            ("search --speaker putin (most quoted)", QuoteFilters(speaker="putin", limit=20)),
            ("search --speaker 'Sprecher250' (rare)", QuoteFilters(speaker="Sprecher250", limit=20)),
            ("search Verhandlungen (full text)", QuoteFilters(text="Verhandlungen", limit=20)),
            ("search 'Waffenruhe Sanktionen'", QuoteFilters(text="Waffenruhe Sanktionen", limit=20)),
            ("search Verhandlungen --speaker Putin", QuoteFilters(text="Verhandlungen", speaker="Putin", limit=20)),
            ("search --outlet morgen --since 2021-01-01", QuoteFilters(outlet="morgen", since=datetime(2021, 1, 1)
                                                                      .date(), limit=20)),
        ]
        print(f"{'query':45} {'median ms':>10} {'p90 ms':>8} {'rows':>5}")
        for label, filters in cases:
            median, p90, found = timed(database, filters, args.runs)
            print(f"{label:45} {median:10.1f} {p90:8.1f} {found:5}")
        database.close()


if __name__ == "__main__":
    main()
