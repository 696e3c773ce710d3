"""Where match review goes next: a stable order of a claim's matches and the next undecided.

Deciding a match (a / x) must not move the cards: the list keeps the order it had when
the claim was shown, the decided card is marked where it is, and the cursor goes on to
the next undecided match below, then above; with none left it stays and says so. These
rules are plain functions so the pane, the actions and the tests share them.

A card's score is shown as its relation's band allows
(:func:`factdesk.model.score_display.score_text`). A decided card the analysis changed
since says so (:mod:`factdesk.model.match_changes`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from factdesk.model.match_changes import decision_change
from factdesk.model.models import Match


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


def changed_text(matches: Sequence[Match]) -> str:
    """" · N changed since decided" for the heading, or ""."""
    changed = sum(1 for m in matches if decision_change(m) is not None)
    return f" · {changed} changed since decided" if changed else ""
