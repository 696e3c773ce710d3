"""What changed in a decided match since the checker decided it.

Claims analysed again (``factdesk extract``, ``factdesk match``, the window's
re-analysis) refresh the relation, score and differences of every match, decided ones
too; the decision stays, with the relation and differences it was made on. When the
analysis now says something the decision was not made on, the match is flagged:

- accepted: the relation changed ("same fact" now "conflicting"), a difference is new
  or more severe (a date conflict now found), one is gone, or the analysis no longer
  relates the two claims at all;
- rejected: the two claims are now the same fact (a conflict that made the checker
  reject them is gone).

A score that moved is no change; "compatible" notes (the same date said two ways) are
no differences. Differences are compared by kind and the two texts that differ, in
either order (a pair is judged from either of its articles), not by their wording.
Deciding the match again (accepting it again) takes the new values as what it was
decided on, and the flag goes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from factdesk.model.models import Match, severity_rank
from factdesk.model.text import shorten

NOTE_LIMIT = 110  # characters of a difference in the short note


def _key(d: Mapping[str, Any]) -> tuple[str, frozenset[str]]:
    texts = (" ".join(str(d.get(side) or "").split()).casefold()
             for side in ("a_text", "b_text"))
    return str(d.get("kind", "")), frozenset(texts)


def _differences(found: Iterable[Mapping[str, Any]]) -> dict[tuple[str, frozenset[str]],
                                                               Mapping[str, Any]]:
    return {_key(d): d for d in found if d.get("severity") != "compatible"}


def _told(d: Mapping[str, Any]) -> str:
    return str(d.get("explanation") or d.get("kind") or "")


@dataclass(frozen=True)
class DecisionChange:
    """How a decided match's analysis differs from what the checker decided on."""

    decision: str  # "accepted" or "rejected"
    was: str  # the relation decided on
    now: str  # the relation now, "unrelated" when the analysis no longer relates them
    new: tuple[Mapping[str, Any], ...] = ()  # differences new or more severe since
    gone: tuple[Mapping[str, Any], ...] = ()  # differences no longer found

    def _told(self, new: str) -> str:
        """The relation's change, then ``new`` (what is new) or what is gone."""
        parts = []
        if self.now == "unrelated":
            parts.append("the analysis no longer relates these claims")
        elif self.now != self.was:
            parts.append(f"now {self.now} (was {self.was})")
        if new:
            parts.append(new)
        elif self.gone and self.decision == "accepted":
            gone = ", ".join(dict.fromkeys(str(d.get("kind", "")) for d in self.gone))
            parts.append(f"no longer differs in {gone}")
        return "; ".join(parts)

    @property
    def what(self) -> str:
        """The change in a few words: "now conflicting (was same fact); new difference:
        ..." (no "changed since" prefix)."""
        new = ""
        if self.new:
            more = f" (and {len(self.new) - 1} more)" if len(self.new) > 1 else ""
            new = f"new difference: {shorten(_told(self.new[0]), NOTE_LIMIT)}{more}"
        return self._told(new)

    @property
    def brief(self) -> str:
        """The change by kinds only, for where the differences are told next to it (a
        report): "now conflicting (was same fact); new difference in date"."""
        kinds = ", ".join(dict.fromkeys(str(d.get("kind", "")) for d in self.new))
        return self._told(f"new difference in {kinds}" if kinds else "")

    @property
    def note(self) -> str:
        """One line for the checker: "changed since you accepted: new difference: ..."."""
        return f"changed since you {'accepted' if self.decision == 'accepted' else 'rejected'}: " \
               f"{self.what}"

    def lines(self) -> list[str]:
        """Every new and gone difference, one line each (a tooltip, a report)."""
        return ([f"new: {_told(d)}" for d in self.new]
                + [f"gone: {_told(d)}" for d in self.gone])


def decision_change(match: Match) -> DecisionChange | None:
    """What changed since the checker decided ``match``, or None (undecided, unchanged,
    or decided before FactDesk kept what a decision was made on)."""
    if match.decision not in ("accepted", "rejected") or match.decided_relation is None:
        return None
    now = "unrelated" if match.unrelated else match.relation
    was = match.decided_relation
    if match.decision == "rejected":
        if now == "same fact" and was != "same fact":
            return DecisionChange("rejected", was, now)
        return None
    before = _differences(match.decided_discrepancies)
    current = _differences(match.discrepancies)
    new = tuple(d for k, d in current.items()
                if k not in before or severity_rank(str(d.get("severity", "")))
                < severity_rank(str(before[k].get("severity", ""))))
    new = tuple(sorted(new, key=lambda d: severity_rank(str(d.get("severity", "")))))
    gone = tuple(d for k, d in before.items() if k not in current)
    if now == was and not new and not gone:
        return None
    return DecisionChange("accepted", was, now, new, gone)


def changed_decisions(matches: Iterable[Match]) -> list[tuple[Match, DecisionChange]]:
    """The decided matches among ``matches`` that changed since they were decided."""
    return [(m, change) for m in matches if (change := decision_change(m)) is not None]
