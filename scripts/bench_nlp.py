"""Speed and peak memory of the NLP engine and of the quote stages.

    python scripts/bench_nlp.py --save            # UD German GSD test text (held out)
    python scripts/bench_nlp.py --corpus wikinews --limit 100
    python scripts/bench_nlp.py --reported        # quote stages with reported speech acts too

Reports tokens per second and articles per second through Stanza (parsing
only the sentences that can hold speech, as extraction does), the time
the quote stages (detect + attribute) add on top of it, and the peak resident
memory of the process. Run it alone: other CPU-heavy work on the same cores
distorts the figures.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from quotes.extract import Extractor, quotes_in  # noqa: E402

SHARED = REPO.parent / "shared" / "data"


def ud_articles(size: int = 20) -> list[str]:
    """The held-out GSD test sentences, grouped into articles of `size` sentences."""
    texts = [line[len("# text = "):] for line in (SHARED / "ud" / "gsd-test.conllu").read_text(
        encoding="utf-8").splitlines() if line.startswith("# text = ")]
    return [" ".join(texts[i:i + size]) for i in range(0, len(texts), size)]


def wikinews_articles() -> list[str]:
    files = sorted((SHARED / "wikinews" / "train").glob("*.json"))
    return [json.loads(f.read_text(encoding="utf-8"))["OriginalText"] for f in files]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=["ud", "wikinews"], default="ud")
    parser.add_argument("--limit", type=int, default=0, help="at most this many articles")
    parser.add_argument("--batch", type=int, default=8, help="articles per Stanza call")
    parser.add_argument("--reported", action="store_true",
                        help="run the quote stages with reported speech acts and thoughts (quotes extract --reported)")
    parser.add_argument("--save", action="store_true",
                        help="write the figures to data/models/de/speed.json (shown by `quotes models status`)")
    args = parser.parse_args()
    articles = ud_articles() if args.corpus == "ud" else wikinews_articles()
    if args.limit:
        articles = articles[:args.limit]

    started = time.perf_counter()
    extractor = Extractor.load(prefer_official=False)
    load_seconds = time.perf_counter() - started

    nlp_seconds = quote_seconds = 0.0
    tokens = quotes = 0
    for first in range(0, len(articles), args.batch):
        batch = articles[first:first + args.batch]
        started = time.perf_counter()
        documents = extractor.analyse_many(batch)  # parsed where speech can be, as extraction runs
        nlp_seconds += time.perf_counter() - started
        tokens += sum(len(s.words) for d in documents for s in d.sentences)
        started = time.perf_counter()
        quotes += sum(len(quotes_in(d, reported=args.reported)) for d in documents)
        quote_seconds += time.perf_counter() - started

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report = {
        "corpus": args.corpus,
        "models": extractor.engine.models.name,
        "reported": args.reported,
        "articles": len(articles),
        "tokens": tokens,
        "quotes": quotes,
        "load_seconds": round(load_seconds, 2),
        "nlp_seconds": round(nlp_seconds, 2),
        "tokens_per_second": round(tokens / nlp_seconds, 1),
        "articles_per_second": round(len(articles) / nlp_seconds, 2),
        "quote_stage_seconds": round(quote_seconds, 2),
        "quote_stage_share_of_nlp": round(quote_seconds / nlp_seconds, 3),
        "peak_rss_mb": round(peak_mb, 1),
    }
    print(json.dumps(report, indent=2))
    if args.save:
        (REPO / "data" / "models" / "de" / "speed.json").write_text(json.dumps(report, indent=2) + "\n",
                                                                    encoding="utf-8")


if __name__ == "__main__":
    main()
