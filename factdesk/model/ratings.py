"""Rating scales: the default PolitiFact-style truth scale and its textual ratings.

A scale is a project setting. Every rating has a name, an optional number, a colour, a key
(keys 1..9 pick ratings in order) and whether it is published. The scale is ordered best
first. The numbers describe one ordinal truth scale, and they are the numbers every export
publishes: ClaimReview's ``ratingValue`` is the rating's number, ``bestRating`` and
``worstRating`` the scale's highest and lowest (:meth:`RatingScale.place`; on the default
scale True is 6 on 1-6, Pants on fire 1). A rating without a number (Misleading,
Unverifiable) is a judgement off that scale: it is published by its name alone, never with
a number that would rank it below "Pants on fire". :meth:`RatingScale.ordinal_problem`
says when a scale's numbers do not form one ordinal scale.
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
    Rating("Not a claim", None, "#9e9e9e", "9", publishable=False),
)


def _publishable(name: str) -> bool:
    """Whether a rating stored before scales said so is published: all but "Not a
    claim" (the only default rating that is not)."""
    return name.strip().casefold() != "not a claim"


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
                           str(d.get("key", "")), bool(d.get("publishable", _publishable(
                               str(d["name"]))))) for d in data])

    def to_json(self) -> list[dict[str, Any]]:
        return [
            {"name": r.name, "value": r.value, "color": r.color, "key": r.key,
             "publishable": r.publishable}
            for r in self.ratings
        ]

    def publishable(self) -> tuple[Rating, ...]:
        """The ratings a published check may carry, best first."""
        return tuple(r for r in self.ratings if r.publishable)

    def place(self, name: str | None) -> tuple[int, int, int] | None:
        """(ratingValue, bestRating, worstRating) of a publishable rating on the ordinal
        scale: its own number and the scale's best and worst numbers. None for a rating
        off the scale (no number: Misleading, Unverifiable), one that is not published or
        not in the scale, and for every rating of a scale whose numbers do not form one
        ordinal scale (:meth:`ordinal_problem`): no number is better than a wrong one."""
        rating = self.by_name(name)
        if rating is None or not rating.publishable or rating.value is None:
            return None
        if self.ordinal_problem() is not None or self.best is None or self.worst is None:
            return None
        return rating.value, self.best, self.worst

    def ordinal_problem(self) -> str | None:
        """Why the scale's numbers do not describe one ordinal scale, or None when they
        do (or when no rating has a number: a purely textual scale). The numbered
        ratings must be at least two, and their numbers must fall strictly down the list
        (the scale is ordered best first)."""
        numbered = [(r.name, r.value) for r in self.ratings if r.value is not None]
        if not numbered:
            return None
        if len(numbered) < 2:
            return (f"only {numbered[0][0]!r} has a number: a scale needs a best and a "
                    "worst rating (give at least two ratings numbers, or none)")
        for (better, high), (worse, low) in zip(numbered, numbered[1:], strict=False):
            if low >= high:
                return (f"{worse!r} ({low}) comes after {better!r} ({high}) but is not "
                        "numbered lower: the numbers must fall down the list, best first")
        return None

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
