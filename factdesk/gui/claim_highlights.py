"""The article text's claim highlights: their colours, and what to repaint after a change.

A claim's background says its verdict (the rating's colour, else the status's) and, by
its strength, its check-worthiness. A candidate (shown with "show all candidates": under
the threshold or outside its article's claim budget, not marked by hand, not judged) is also underlined with dots: its tint
alone, for a score far under the threshold, is barely darker than the page.

The article pane remembers what it painted (span and colour of each claim). After a
change (all candidates shown or not, the threshold, a verdict, a claim marked or edited)
:func:`repaint_plan` compares the claims to show with what is painted and says which
stretches to clear and which claims to paint again: a change touching a few claims of a
1,000-claim article repaints a few spans instead of the whole text, with the result a
full repaint would give.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from PySide6.QtGui import QColor

from factdesk.gui import theme

#: (colour name, alpha, is a candidate) of a claim's highlight
ColorKey = tuple[str, int, bool]
#: claim id -> (start, end, colour) of a painted (or wanted) highlight, in text order
Paint = dict[int, tuple[int, int, ColorKey]]


class ClaimSpan(NamedTuple):
    """What the article text needs of a claim: where it is and how to triage it."""

    id: int
    article_id: int
    start: int
    end: int
    score: float
    origin: str


def color_key(rating_color: str | None, status: str, score: float,
              candidate: bool = False) -> ColorKey:
    """A claim's highlight as (colour, alpha, candidate): the rating's colour (else the
    status's), alpha by score; ``candidate``: underlined with dots.

    Scores of detected claims bunch between 0.5 and 1, so the alpha rises steeply over
    that range: the most check-worthy sentences stand out, the marginal ones are a tint.
    """
    color = rating_color or theme.STATUS_COLORS.get(status, "#9aa0a6")
    strength = max(0.0, min(1.0, (score - 0.45) / 0.55)) ** 1.5
    alpha = 30 + int(170 * strength)
    if not rating_color:
        alpha = int(alpha * 0.8)
    return color, alpha, candidate


@lru_cache(maxsize=4096)  # a few colours and alphas, asked once per painted claim
def color_of(key: ColorKey) -> QColor:
    color = QColor(key[0])
    color.setAlpha(key[1])
    return color


@dataclass(frozen=True)
class RepaintPlan:
    """Stretches to reset to plain text, then the claims to paint, in text order."""

    clear: list[tuple[int, int]]
    paint: list[int]


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping stretches covering ``spans``."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _overlaps(stretches: list[tuple[int, int]], starts: list[int], start: int, end: int
              ) -> bool:
    i = bisect.bisect_left(starts, end) - 1  # the last stretch starting before ``end``
    return i >= 0 and stretches[i][1] > start


def repaint_plan(painted: Paint, wanted: Paint) -> RepaintPlan:
    """How to go from the highlights ``painted`` to ``wanted`` (both in text order).

    A highlight gone or changed is cleared; a new or changed one is painted; and so is
    every wanted highlight overlapping what was cleared or painted (claims can overlap:
    one marked by hand over a detected sentence), in text order, so overlaps end as a
    full repaint leaves them: the later claim on top."""
    clear = merged([(s, e) for cid, (s, e, key) in painted.items()
                    if wanted.get(cid) != (s, e, key)])
    paint = {cid for cid, value in wanted.items() if painted.get(cid) != value}
    touched = merged(clear + [wanted[cid][:2] for cid in paint])
    while True:
        starts = [s for s, _ in touched]
        more = {cid for cid, (s, e, _k) in wanted.items()
                if cid not in paint and _overlaps(touched, starts, s, e)}
        if not more:
            break
        paint |= more
        touched = merged(touched + [wanted[cid][:2] for cid in more])
    return RepaintPlan(clear, [cid for cid in wanted if cid in paint])
