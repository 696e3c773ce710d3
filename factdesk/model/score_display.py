"""How a match score is written for a checker: within its relation's band.

Same-fact and conflicting pairs score at least the same-fact threshold and related ones
below it (:mod:`factdesk.matching.pair_score`). Plain rounding wrote a same-fact pair at
the threshold (0.435) as "0.43", the top of the related range, although it ranks above
every related pair. Rounded half up in the same band and down below it, a same-band
score always reads higher than any related one, whatever the threshold. The window's
match cards, ``factdesk matches`` and the reports all write scores this way.
"""

from __future__ import annotations

import math

#: Relations scored at least the same-fact threshold; the others (related, unrelated)
#: score below it.
SAME_BAND = frozenset({"same fact", "conflicting"})


def _rounded(score: float, relation: str | None, scale: int) -> float:
    units = round(float(score) * scale, 6)  # 43.49999… in binary is 43.5
    return (math.floor(units + 0.5) if relation in SAME_BAND else math.floor(units)) / scale


def score_text(score: float, relation: str | None) -> str:
    """``score`` with two decimals, as its relation's band allows (0.435 same fact reads
    "0.44", 0.430 related "0.43", 0.842 same fact "0.84")."""
    return f"{_rounded(score, relation, 100):.2f}"


def score_percent(score: float, relation: str | None) -> str:
    """``score`` as a whole percentage, as its relation's band allows ("44%" for a
    same-fact pair at 0.435, "43%" for a related pair at 0.430)."""
    return f"{_rounded(score, relation, 100) * 100:.0f}%"
