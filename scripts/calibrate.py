"""Measure how often each way of finding a quote is right, and write the
figures to data/calibration.json as the confidence of quotes found that way.

    python scripts/calibrate.py

Data: ../shared/data/news-dev (gold per GUIDELINES.md) and the develop part of
../shared/data/wikinews/train (never the held-out fifth); reported speech acts
(`--reported`) only on the latter, as GUIDELINES.md does not count them. A prediction counts
as right when it matches a gold quote (token overlap >= 0.5 of the longer)
and, where the gold names a speaker or source, its speaker agrees too. The
confidence of a way is its precision with add-one smoothing; ways seen fewer
than MIN_SEEN times fall back to their quote type's figure.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from quotes.evaluate import detokenize, load_document, read_records, same_speaker, split_files  # noqa: E402
from quotes.extract import Extractor, quotes_in  # noqa: E402

SHARED = REPO.parent / "shared" / "data"
MIN_SEEN = 8
TOKEN = re.compile(r"\w+")


def _tokens(text: str) -> set[str]:
    return {t.lower() for t in TOKEN.findall(text)}


def _overlap(a: set, b: set) -> float:
    return len(a & b) / max(len(a), len(b)) if a and b else 0.0


def _token_texts(text: str, offsets: list[list[tuple[int, int]]], ids: list[str]) -> set[str]:
    """The lowercased words of SpkAtt token ids ("sentence:token")."""
    words = set()
    for token_id in ids:
        sentence, token = (int(part) for part in token_id.split(":"))
        start, end = offsets[sentence][token]
        words.add(text[start:end].lower())
    return words


def news_dev(extractor: Extractor, tally: Counter, right: Counter) -> None:
    gold, _ = read_records(SHARED / "news-dev" / "gold")
    for path in sorted((SHARED / "news-dev" / "articles").glob("*.txt")):
        doc_gold = [g for g in gold if g["doc"] == path.stem]
        for quote in extractor.extract(path.read_text(encoding="utf-8")):
            key = f"{quote.type}/{quote.route}/{quote.resolution}"
            match = max(doc_gold, key=lambda g: _overlap(_tokens(g["quote"]), _tokens(quote.text)), default=None)
            ok = match is not None and _overlap(_tokens(match["quote"]), _tokens(quote.text)) >= 0.5 \
                and (not match.get("speaker") or same_speaker(match, quote.speaker))
            tally[key] += 1
            right[key] += ok


def wikinews(extractor: Extractor, tally: Counter, right: Counter) -> None:
    """SpkAtt annotates speech acts reported without their words, so the
    reported records (`quotes extract --reported`) are measured here alone."""
    for path in split_files(SHARED / "wikinews" / "train", "develop"):
        document = load_document(path)
        text, offsets = detokenize(document.sentences)
        golds = [(_token_texts(text, offsets, a["Message"]), _token_texts(text, offsets, a.get("Source", [])))
                 for a in document.annotations if not a.get("IsNested")]
        analysed = extractor.analyse_many([text])[0]
        reported = [quote for quote in quotes_in(analysed, reported=True) if quote.type == "reported"]
        for quote in quotes_in(analysed) + reported:
            key = f"{quote.type}/{quote.route}/{quote.resolution}"
            message = _tokens(quote.text)
            source = _tokens(quote.mention.text) if quote.mention else set()
            ok = any(_overlap(message, gm) >= 0.5 and (not gs or source & gs) for gm, gs in golds)
            tally[key] += 1
            right[key] += ok


def main() -> None:
    extractor = Extractor.load(prefer_official=False)
    tally: Counter = Counter()
    right: Counter = Counter()
    news_dev(extractor, tally, right)
    wikinews(extractor, tally, right)
    confidence: dict[str, float] = {}
    for level in (1, 2, 3):
        seen: Counter = Counter()
        good: Counter = Counter()
        for key, count in tally.items():
            prefix = "/".join(key.split("/")[:level])
            seen[prefix] += count
            good[prefix] += right[key]
        for prefix, count in seen.items():
            if level == 1 or count >= MIN_SEEN:
                confidence[prefix] = round((good[prefix] + 1) / (count + 2), 3)
    confidence["default"] = round((sum(right.values()) + 1) / (sum(tally.values()) + 2), 3)
    payload = {
        "note": "Share of quotes found each way that are right (detected and correctly attributed), "
                "measured by scripts/calibrate.py on news-dev and the Wikinews develop split.",
        "counts": {key: [right[key], tally[key]] for key in sorted(tally)},
        "confidence": dict(sorted(confidence.items())),
    }
    (REPO / "data" / "calibration.json").write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n",
                                                    encoding="utf-8")
    print(json.dumps(payload["confidence"], indent=2))


if __name__ == "__main__":
    main()
