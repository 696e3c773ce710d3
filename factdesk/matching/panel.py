"""The order and the one-line reasons of a claim's suggestions across outlets.

:func:`panel_order` ranks a claim's matches as a checker reads them: first what reports
the same fact (same fact and conflicting, accepted ones included), then what is only
related, rejected ones last; within each group by score. :func:`match_reason` says in
one line why a suggestion is there: what the two claims share (who, what was done,
where, from their event frames) and what differs (the discrepancies found, in short).
The window's across-sources pane and the CLI both use them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from factdesk.matching.discrepancies import ClaimFacts
from factdesk.matching.event_frames import frame_summary

#: Rank of a relation in a claim's panel (lower first).
RELATION_RANK: dict[str, int] = {"same fact": 0, "conflicting": 0, "related": 1}
#: How long one side of a difference may be in a reason line.
_SIDE_CHARS = 40


def panel_key(relation: str, score: float, decision: str | None) -> tuple[int, int, float]:
    """Sort key of one suggestion: rejected last, then relation, then score (high first)."""
    return (int(decision == "rejected"), RELATION_RANK.get(relation, 2), -float(score))


def panel_order(matches: Iterable[Any]) -> list[Any]:
    """Matches (anything with ``relation``, ``score``, ``decision``) in panel order."""
    return sorted(matches, key=lambda m: panel_key(m.relation, m.score, m.decision))


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= _SIDE_CHARS else text[: _SIDE_CHARS - 1] + "…"


def differences(discrepancies: Sequence[Mapping[str, Any]]) -> list[str]:
    """Short "kind A vs B" notes of the discrepancies that are not merely compatible (a
    name only spelled differently is a "spelling" note: it is the same name)."""
    notes = []
    for d in discrepancies:
        if d.get("severity") == "compatible" or d.get("kind") == "reaction":
            continue  # a reaction is said at the head of the line (match_reason)
        a, b = _short(d.get("a_text", "")), _short(d.get("b_text", ""))
        kind = str(d.get("kind", ""))
        if kind == "name" and d.get("severity") == "variant":
            kind = "spelling"
        notes.append(f"{kind} {a} vs {b}" if a and b else kind)
    return notes


def match_reason(a: ClaimFacts, b: ClaimFacts,
                 discrepancies: Sequence[Mapping[str, Any]] = ()) -> str:
    """One line: what the claims share (who, what, where) and what differs; a reaction
    (:mod:`factdesk.matching.reactions`) first: "Words of Xavier Becerra, whom the other
    does not name · Shares ..."."""
    found = differences(discrepancies)
    line = frame_summary(a, b, found,
                         place_noted=any(d.get("kind") == "place" for d in discrepancies))
    reaction = next((d for d in discrepancies if d.get("kind") == "reaction"), None)
    if reaction is None:
        return line
    who = reaction.get("a_text") or reaction.get("b_text") or "someone"
    return f"Words of {who}, whom the other does not name · {line}"
