"""Match rows between claims of different articles, and the checker's decisions on them.

Claims analysed again refresh every row's computed parts (score, relation, differences),
decided rows too; a decision (accepted or rejected, who, when) and what it was made on
(``decided_relation``, ``decided_discrepancies``) are written only by the checker's
commands, so :mod:`factdesk.model.match_changes` can tell what changed since.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from sqlite_utils import Database

from factdesk.model.models import Match, MatchDraft
from factdesk.storage.rows import dumps, id_chunks, match_from_row, now_iso


class DecisionState(NamedTuple):
    """A match's decision as stored, for an undo to put back exactly."""

    decision: str | None
    decided_by: str | None
    decided_at: str | None
    decided_relation: str | None
    decided_discrepancies: str | None  # JSON as stored


class MatchRepository:
    """Reads and writes ``matches``; an analysis never changes a decision."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def save_suggestions(self, drafts: Sequence[MatchDraft]) -> int:
        """Insert or refresh suggestions: score, relation and differences of undecided
        and decided rows alike (a decided row keeps its decision and what it was made
        on, and is related again). Returns the count."""
        created = now_iso()
        rows = []
        for d in drafts:
            a, b = sorted((d.claim_a, d.claim_b))
            if a != b:
                rows.append((a, b, float(d.score), d.relation, dumps(list(d.discrepancies)),
                             created))
        if not rows:
            return 0
        cur = self.db.conn.executemany(
            "INSERT INTO matches (claim_a, claim_b, score, relation, discrepancies, "
            "created_at) VALUES (?,?,?,?,?,?) ON CONFLICT(claim_a, claim_b) DO UPDATE SET "
            "score = excluded.score, relation = excluded.relation, "
            "discrepancies = excluded.discrepancies, unrelated = 0",
            rows,
        )
        return max(cur.rowcount, 0)

    def mark_unrelated(self, pairs: Sequence[tuple[int, int, float]]) -> None:
        """Decided pairs (claim, claim, score) the latest analysis no longer relates:
        kept with their decision, related at that score, with no differences."""
        rows = [(float(score), *sorted((a, b))) for a, b, score in pairs]
        self.db.conn.executemany(
            "UPDATE matches SET unrelated = 1, score = ?, relation = 'related', "
            "discrepancies = '[]' WHERE claim_a = ? AND claim_b = ? "
            "AND decision IS NOT NULL", rows)

    def remove_undecided_for_claims(self, claim_ids: Sequence[int]) -> None:
        for chunk, marks in id_chunks(claim_ids, 400):  # each id is bound twice
            self.db.execute(
                f"DELETE FROM matches WHERE decision IS NULL AND "
                f"(claim_a IN ({marks}) OR claim_b IN ({marks}))",
                [*chunk, *chunk],
            )

    def get(self, match_id: int) -> Match | None:
        rows = list(self.db.query("SELECT * FROM matches WHERE id = ?", [match_id]))
        return match_from_row(rows[0]) if rows else None

    def for_claim(self, claim_id: int, *, include_rejected: bool = True) -> list[Match]:
        sql = (
            "SELECT m.* FROM matches m JOIN claims ca ON ca.id = m.claim_a "
            "JOIN claims cb ON cb.id = m.claim_b WHERE (m.claim_a = ? OR m.claim_b = ?) "
            "AND ca.deleted_at IS NULL AND cb.deleted_at IS NULL"
        )
        if not include_rejected:
            sql += " AND (m.decision IS NULL OR m.decision != 'rejected')"
        sql += " ORDER BY (m.decision = 'accepted') DESC, m.score DESC"
        return [match_from_row(r) for r in self.db.query(sql, [claim_id, claim_id])]

    def with_counterpart(self, claim_ids: Sequence[int]) -> set[int]:
        """Those of ``claim_ids`` with a same-fact or conflicting match in another source
        (suggested or accepted, not rejected; the other claim not deleted): the claims
        that show what matching across sources is for."""
        found: set[int] = set()
        for chunk, marks in id_chunks(claim_ids, 400):  # each id is bound twice
            for a, b in self.db.execute(
                "SELECT m.claim_a, m.claim_b FROM matches m "
                "JOIN claims ca ON ca.id = m.claim_a JOIN claims cb ON cb.id = m.claim_b "
                "WHERE m.relation IN ('same fact', 'conflicting') "
                "AND (m.decision IS NULL OR m.decision != 'rejected') "
                "AND ca.deleted_at IS NULL AND cb.deleted_at IS NULL "
                f"AND (m.claim_a IN ({marks}) OR m.claim_b IN ({marks}))",
                [*chunk, *chunk],
            ):
                found.update((a, b))
        return found & set(claim_ids)

    def all(self) -> list[Match]:
        sql = (
            "SELECT m.* FROM matches m JOIN claims ca ON ca.id = m.claim_a "
            "JOIN claims cb ON cb.id = m.claim_b WHERE ca.deleted_at IS NULL "
            "AND cb.deleted_at IS NULL ORDER BY m.claim_a, m.score DESC"
        )
        return [match_from_row(r) for r in self.db.query(sql)]

    def decided_pairs(self) -> dict[tuple[int, int], str]:
        rows = self.db.execute(
            "SELECT claim_a, claim_b, decision FROM matches WHERE decision IS NOT NULL"
        )
        return {(r[0], r[1]): r[2] for r in rows}

    def set_decision(self, match_id: int, decision: str | None, who: str) -> None:
        """Decide (or clear) a match on what it shows now: its relation and differences
        are kept as what the decision was made on."""
        self.db.execute(
            "UPDATE matches SET decision = ?, decided_by = ?, decided_at = ?, "
            "decided_relation = CASE WHEN ? IS NULL THEN NULL ELSE relation END, "
            "decided_discrepancies = CASE WHEN ? IS NULL THEN NULL ELSE discrepancies END "
            "WHERE id = ?",
            [decision, who if decision else None, now_iso() if decision else None,
             decision, decision, match_id],
        )

    def decision_state(self, match_id: int) -> DecisionState | None:
        row = self.db.execute(
            "SELECT decision, decided_by, decided_at, decided_relation, decided_discrepancies "
            "FROM matches WHERE id = ?", [match_id]).fetchone()
        return DecisionState(*row) if row else None

    def restore_decision(self, match_id: int, state: DecisionState) -> None:
        """Put back a decision exactly as :meth:`decision_state` read it (an undo)."""
        self.db.execute(
            "UPDATE matches SET decision = ?, decided_by = ?, decided_at = ?, "
            "decided_relation = ?, decided_discrepancies = ? WHERE id = ?",
            [*state, match_id])

    def decided(self) -> list[Match]:
        """Every decided match between live claims."""
        return [match_from_row(r) for r in self.db.query(
            "SELECT m.* FROM matches m JOIN claims ca ON ca.id = m.claim_a "
            "JOIN claims cb ON cb.id = m.claim_b WHERE m.decision IS NOT NULL "
            "AND ca.deleted_at IS NULL AND cb.deleted_at IS NULL ORDER BY m.id")]

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM matches").fetchone()[0])
