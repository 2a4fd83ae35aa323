"""The rating scale of verdicts, kept as data: data/factcheck/ratings.tsv by
default, or the TSV file that $QUOTES_RATINGS names (label, ordinal value,
description; an empty value marks a verdict that is no degree of truth, such
as "unbelegt"). The values become ClaimReview's ratingValue, and the highest
and lowest of them bestRating and worstRating."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from quotes.errors import ConfigError, InputError
from quotes.lexicons import data_dir
from quotes.store.normal import normal_form

RATINGS_VARIABLE = "QUOTES_RATINGS"


@dataclass(frozen=True)
class Rating:
    label: str
    value: int | None
    description: str


@dataclass(frozen=True)
class RatingScale:
    ratings: tuple[Rating, ...]
    source: Path

    @property
    def best(self) -> int | None:
        return max((r.value for r in self.ratings if r.value is not None), default=None)

    @property
    def worst(self) -> int | None:
        return min((r.value for r in self.ratings if r.value is not None), default=None)

    @property
    def labels(self) -> str:
        return ", ".join(r.label for r in self.ratings)

    def get(self, label: str) -> Rating | None:
        """The rating of a stored label; None if the scale no longer has it."""
        return next((r for r in self.ratings if r.label == label), None)

    def find(self, text: str) -> Rating:
        """A rating by its label, forgiving case, accents, hyphens ('grösstenteils-richtig')."""
        key = normal_form(text)
        for rating in self.ratings:
            if normal_form(rating.label) == key:
                return rating
        raise InputError(f"rating {text!r} is not on the scale ({self.labels}; {self.source})")


def scale_path() -> Path:
    override = os.environ.get(RATINGS_VARIABLE)
    return Path(override).expanduser() if override else data_dir() / "factcheck" / "ratings.tsv"


@cache
def load_scale(path: Path) -> RatingScale:
    """Read and check a scale file: labels and values unique, values whole numbers."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read the rating scale {path} (${RATINGS_VARIABLE}): "
                          f"{getattr(error, 'strerror', None) or error}") from None
    ratings: list[Rating] = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        label, value, description = ([*line.split("\t"), "", ""])[:3]
        label, value = label.strip(), value.strip()
        where = f"{path}:{number}"
        if not label:
            raise ConfigError(f"{where}: a rating needs a label")
        if value and not value.lstrip("-").isdigit():
            raise ConfigError(f"{where}: value {value!r} of {label!r} is not a whole number")
        if any(normal_form(r.label) == normal_form(label) for r in ratings):
            raise ConfigError(f"{where}: rating {label!r} is listed twice")
        if value and any(r.value == int(value) for r in ratings):
            raise ConfigError(f"{where}: value {value} of {label!r} is already used")
        ratings.append(Rating(label, int(value) if value else None, description.strip()))
    if not ratings:
        raise ConfigError(f"the rating scale {path} lists no ratings")
    return RatingScale(tuple(ratings), path)


def rating_scale() -> RatingScale:
    """The configured scale (read once per file)."""
    return load_scale(scale_path())
