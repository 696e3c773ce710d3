"""Rating scales: the default PolitiFact-style scale mapped to ClaimReview numbers.

A scale is a project setting. Every rating has a name, an optional number (ClaimReview
``ratingValue``), a colour and a key; keys 1..9 pick ratings in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factdesk.model.models import Rating

DEFAULT_SCALE: tuple[Rating, ...] = (
    Rating("True", 6, "#2e7d32", "1"),
    Rating("Mostly true", 5, "#7cb342", "2"),
    Rating("Half true", 4, "#f9a825", "3"),
    Rating("Mostly false", 3, "#ef6c00", "4"),
    Rating("False", 2, "#d32f2f", "5"),
    Rating("Pants on fire", 1, "#8e0000", "6"),
    Rating("Misleading", None, "#8e24aa", "7"),
    Rating("Unverifiable", None, "#607d8b", "8"),
    Rating("Not a claim", None, "#9e9e9e", "9"),
)


class RatingScale:
    """An ordered list of ratings with lookups by name and key."""

    def __init__(self, ratings: Sequence[Rating]) -> None:
        if not ratings:
            raise ValueError("a rating scale needs at least one rating")
        names = [r.name.casefold() for r in ratings]
        if len(set(names)) != len(names):
            raise ValueError("rating names must be unique")
        self.ratings = tuple(ratings)

    @classmethod
    def default(cls) -> RatingScale:
        return cls(DEFAULT_SCALE)

    @classmethod
    def from_json(cls, data: list[dict[str, Any]] | None) -> RatingScale:
        if not data:
            return cls.default()
        return cls([Rating(d["name"], d.get("value"), d.get("color", "#888888"),
                           str(d.get("key", ""))) for d in data])

    def to_json(self) -> list[dict[str, Any]]:
        return [
            {"name": r.name, "value": r.value, "color": r.color, "key": r.key}
            for r in self.ratings
        ]

    def by_name(self, name: str | None) -> Rating | None:
        if name is None:
            return None
        folded = name.strip().casefold()
        for rating in self.ratings:
            if rating.name.casefold() == folded:
                return rating
        return None

    def by_key(self, key: str) -> Rating | None:
        for rating in self.ratings:
            if rating.key == key:
                return rating
        return None

    @property
    def best(self) -> int | None:
        values = [r.value for r in self.ratings if r.value is not None]
        return max(values) if values else None

    @property
    def worst(self) -> int | None:
        values = [r.value for r in self.ratings if r.value is not None]
        return min(values) if values else None

    def names(self) -> list[str]:
        return [r.name for r in self.ratings]
