"""The quote metric of GUIDELINES.md (same numbers as eval/score_quotes.py),
and the JSON Lines record that `quotes extract --format jsonl` writes."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

_TOKEN = re.compile(r"\w+", re.UNICODE)


def read_records(path: Path | str) -> tuple[list[dict[str, Any]], set[str]]:
    """Records from a JSON Lines file or a folder of them, and the documents they
    cover: in a folder every <doc>.jsonl counts as a document, even when empty."""
    path = Path(path)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    records: list[dict[str, Any]] = []
    for file in files:
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                records.append(json.loads(line))
    docs = {r["doc"] for r in records}
    if path.is_dir():
        docs |= {file.stem for file in files}
    return records, docs


def _tokens(text: str | None) -> set[str]:
    return {t.lower() for t in _TOKEN.findall(text or "")}


def _fold(name: str | None) -> str:
    if not name:
        return ""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    return re.sub(r"[\s\-‐‑–]+", " ", name).strip().lower()


def same_name(gold: str | None, pred: str | None) -> bool:
    """Names agree after folding; a one-word name agrees with the other's last word."""
    g, p = _fold(gold), _fold(pred)
    if not g or not p:
        return False
    if g == p:
        return True
    gw, pw = g.split(), p.split()
    if len(pw) == 1 and pw[0] == gw[-1]:
        return True
    return len(gw) == 1 and gw[0] == pw[-1]


def same_speaker(gold: dict[str, Any], pred: str | None) -> bool:
    """The predicted speaker agrees with the gold speaker or one of its aliases."""
    names = [gold.get("speaker"), *(gold.get("speaker_aliases") or [])]
    return any(same_name(name, pred) for name in names)


def _match(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[dict, dict]]:
    candidates = []
    for gi, g in enumerate(gold):
        gt = _tokens(g["quote"])
        for pi, p in enumerate(pred):
            pt = _tokens(p.get("quote"))
            if not gt or not pt:
                continue
            overlap = len(gt & pt) / max(len(gt), len(pt))
            if overlap >= 0.5:
                candidates.append((overlap, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in sorted(candidates, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gold[gi], pred[pi]))
    return pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score(
    gold_records: list[dict[str, Any]], pred_records: list[dict[str, Any]], gold_docs: set[str]
) -> dict[str, Any]:
    """Detection P/R/F1 (overall, direct, indirect), attribution accuracy and
    end-to-end P/R/F1; predictions for documents outside `gold_docs` are ignored."""
    by_doc_gold: dict[str, list[dict[str, Any]]] = {doc: [] for doc in gold_docs}
    by_doc_pred: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in gold_records:
        by_doc_gold[r["doc"]].append(r)
    for r in pred_records:
        if r.get("doc") in by_doc_gold:
            by_doc_pred[r["doc"]].append(r)
    pairs: list[tuple[dict, dict]] = []
    for doc, gold in by_doc_gold.items():
        pairs += _match(gold, by_doc_pred.get(doc, []))
    n_gold, n_pred = len(gold_records), sum(map(len, by_doc_pred.values()))
    result: dict[str, Any] = {"documents": len(by_doc_gold), "gold": n_gold, "predicted": n_pred}
    result["detection"] = _prf(len(pairs), n_pred, n_gold)
    for kind in ("direct", "indirect"):
        g = [r for r in gold_records if r.get("type") == kind]
        p = [r for docs in by_doc_pred.values() for r in docs if r.get("type") == kind]
        tp = sum(1 for gr, _ in pairs if gr.get("type") == kind)
        result[f"detection_{kind}"] = _prf(tp, len(p), len(g))
    judged = [(g, p) for g, p in pairs if g.get("speaker")]
    right = [(g, p) for g, p in judged if same_speaker(g, p.get("speaker"))]
    result["attribution_accuracy"] = round(len(right) / len(judged), 4) if judged else 0.0
    n_gold_known = sum(1 for r in gold_records if r.get("speaker"))
    n_pred_judged = n_pred - sum(1 for g, _ in pairs if not g.get("speaker"))
    result["end_to_end"] = _prf(len(right), n_pred_judged, n_gold_known)
    return result


def format_report(result: dict[str, Any]) -> str:
    """A short table of a `score` result, for people."""
    lines = [
        f"documents {result['documents']}  gold {result['gold']}  predicted {result['predicted']}",
        "",
        f"{'':20}{'P':>7}{'R':>7}{'F1':>7}",
    ]
    for key in ("detection", "detection_direct", "detection_indirect", "end_to_end"):
        r = result[key]
        lines.append(f"{key:20}" + "".join(f"{r[k]:7.3f}" for k in ("precision", "recall", "f1")))
    lines.append(f"{'attribution':20}accuracy {result['attribution_accuracy']:.3f}")
    return "\n".join(lines)
