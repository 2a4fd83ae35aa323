"""Exporting fact-checks: schema.org ClaimReview JSON-LD for published
verdicts (what search engines and fact-check aggregators read), and flat
rows for CSV / JSON Lines.

The checking organisation, ClaimReview's `author`, comes from configuration:
$QUOTES_ORGANISATION (its name, required for ClaimReview) and
$QUOTES_ORGANISATION_URL (its web site). Internal notes are never part of
ClaimReview."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from quotes.errors import ConfigError, WorkflowError
from quotes.factcheck.ratings import RatingScale
from quotes.factcheck.workflow import PUBLISHED, Appearance
from quotes.store.models import FactCheck

ORGANISATION_VARIABLE = "QUOTES_ORGANISATION"
ORGANISATION_URL_VARIABLE = "QUOTES_ORGANISATION_URL"
FORMATS = ("claimreview", "csv", "jsonl")
EXPORT_COLUMNS = ("fact_check_id", "claim", "status", "rating", "rating_value", "reviewer", "url", "notes",
                  "created_by", "created_at", "updated_at", "published_at", "quote_ids", "speakers",
                  "wikidata_qids", "appearances", "first_appearance")
WIKIDATA = "https://www.wikidata.org/wiki/"


@dataclass(frozen=True)
class Organisation:
    name: str
    url: str | None = None


def organisation() -> Organisation:
    """The checking organisation from the environment, or ConfigError."""
    name = os.environ.get(ORGANISATION_VARIABLE, "").strip()
    if not name:
        raise ConfigError(f"ClaimReview names the checking organisation: set {ORGANISATION_VARIABLE} "
                          f"(and {ORGANISATION_URL_VARIABLE})")
    return Organisation(name, os.environ.get(ORGANISATION_URL_VARIABLE, "").strip() or None)


def _day(value: datetime | None) -> str | None:
    return value.date().isoformat() if value else None


def _compact(node: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in node.items() if value is not None}


def _authors(items: Sequence[Appearance]) -> list[dict[str, Any]]:
    """Each distinct speaker of the attached quotes as a Person or Organization."""
    seen: dict[object, dict[str, Any]] = {}
    for item in items:
        name = item.speaker_name
        if not name:
            continue
        speaker = item.speaker
        kind = speaker.kind if speaker else item.quote.speaker_kind
        qid = speaker.wikidata_qid if speaker else None
        seen.setdefault(speaker.id if speaker else name, _compact({
            "@type": "Organization" if kind == "organisation" else "Person", "name": name,
            "sameAs": WIKIDATA + qid if qid else None}))
    return list(seen.values())


def _works(items: Sequence[Appearance]) -> list[dict[str, Any]]:
    """Each article of the attached quotes as a CreativeWork, earliest first."""
    works: dict[int | None, dict[str, Any]] = {}
    for item in items:
        article = item.article
        works.setdefault(article.id, _compact({
            "@type": "CreativeWork", "url": article.url, "headline": article.title,
            "datePublished": _day(article.published_at),
            "publisher": {"@type": "Organization", "name": article.outlet} if article.outlet else None}))
    return list(works.values())


def _one_or_list(nodes: list[dict[str, Any]]) -> dict[str, Any] | list[dict[str, Any]] | None:
    return None if not nodes else nodes[0] if len(nodes) == 1 else nodes


def claim_review(check: FactCheck, items: Sequence[Appearance], scale: RatingScale,
                 org: Organisation) -> dict[str, Any]:
    """The ClaimReview JSON-LD of a published fact-check."""
    if check.status != PUBLISHED:
        raise WorkflowError(f"fact-check {check.id} is not published (status {check.status!r}): "
                            "ClaimReview is for published verdicts")
    rating = scale.get(check.rating or "")
    if rating is None:
        raise ConfigError(f"fact-check {check.id} is rated {check.rating!r}, which the rating scale "
                          f"{scale.source} no longer lists")
    review_rating = {"@type": "Rating", "alternateName": rating.label}
    if rating.value is not None:
        review_rating.update(ratingValue=rating.value, bestRating=scale.best, worstRating=scale.worst)
    works = _works(items)
    dated = [item.article.published_at for item in items if item.article.published_at]
    claim = _compact({
        "@type": "Claim", "author": _one_or_list(_authors(items)),
        "datePublished": _day(min(dated)) if dated else None,
        "appearance": works or None, "firstAppearance": works[0] if works else None})
    return _compact({
        "@context": "https://schema.org", "@type": "ClaimReview", "url": check.url,
        "claimReviewed": check.claim, "datePublished": _day(check.published_at),
        "author": _compact({"@type": "Organization", "name": org.name, "url": org.url}),
        "reviewRating": review_rating, "itemReviewed": claim})


def export_row(check: FactCheck, items: Sequence[Appearance], scale: RatingScale) -> dict[str, Any]:
    """One fact-check as a flat record with the keys of EXPORT_COLUMNS."""
    rating = scale.get(check.rating) if check.rating else None
    works = [w.get("url") or w.get("headline") for w in _works(items)]
    speakers = _authors(items)
    return {"fact_check_id": check.id, "claim": check.claim, "status": check.status, "rating": check.rating,
            "rating_value": rating.value if rating else None, "reviewer": check.reviewer, "url": check.url,
            "notes": check.notes, "created_by": check.created_by, "created_at": check.created_at,
            "updated_at": check.updated_at, "published_at": check.published_at,
            "quote_ids": [item.quote.id for item in items], "speakers": [s["name"] for s in speakers],
            "wikidata_qids": [s["sameAs"].removeprefix(WIKIDATA) for s in speakers if "sameAs" in s],
            "appearances": [w for w in works if w], "first_appearance": works[0] if works else None}
