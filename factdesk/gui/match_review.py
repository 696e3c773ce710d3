"""Where match review goes next: a stable order of a claim's matches and the next undecided.

Deciding a match (a / x) must not move the cards: the list keeps the order it had when
the claim was shown, the decided card is marked where it is, and the cursor goes on to
the next undecided match below, then above; with none left it stays and says so. These
rules are plain functions so the pane, the actions and the tests share them.

A card's score is shown as its relation's band allows (:func:`score_text`), so a
same-fact pair at the threshold never reads as the top of the related range.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol, TypeVar

#: Relations scored at least the same-fact threshold (matching/pair_score.py); the others
#: (related, unrelated) score below it.
SAME_BAND = frozenset({"same fact", "conflicting"})


class _HasId(Protocol):
    id: int
    decision: str | None


M = TypeVar("M", bound=_HasId)


def keep_order(previous_ids: Sequence[int], matches: Sequence[M]) -> list[M]:
    """``matches`` in the order of ``previous_ids``; matches not seen before follow, in
    the order given (the store's ranking)."""
    place = {match_id: i for i, match_id in enumerate(previous_ids)}
    seen = [m for m in matches if m.id in place]
    seen.sort(key=lambda m: place[m.id])
    return seen + [m for m in matches if m.id not in place]


def next_undecided(matches: Sequence[_HasId], current: int) -> int | None:
    """Index of the first undecided match after ``current``, else the first before it;
    None when every match is decided."""
    n = len(matches)
    for i in [*range(current + 1, n), *range(0, min(current + 1, n))]:
        if not matches[i].decision and i != current:
            return i
    return None


def progress(matches: Sequence[_HasId]) -> tuple[int, int]:
    """(decided, total)."""
    return sum(1 for m in matches if m.decision), len(matches)


def score_text(score: float, relation: str | None) -> str:
    """``score`` with two decimals, as its relation's band allows: a same-fact or
    conflicting pair's rounded half up (0.435, the threshold, reads "0.44"; 0.842 reads
    "0.84" as ``factdesk matches`` prints it), another pair's rounded down (related pairs
    stop at 0.430). Plain rounding showed a same-fact pair at the threshold as "0.43",
    the top of the related range, although it ranks above every related pair. Half up
    above and down below the bands' meeting point, a same-band score always reads
    higher than any related one, whatever the threshold."""
    hundredths = round(float(score) * 100, 6)  # 43.49999… in binary is 43.5
    if relation in SAME_BAND:
        return f"{math.floor(hundredths + 0.5) / 100:.2f}"
    return f"{math.floor(hundredths) / 100:.2f}"
