"""Verdict rows, their evidence, and the history of every change to them."""

from __future__ import annotations

import re
from html import unescape

from sqlite_utils import Database

from factdesk.model.models import Evidence, HistoryEntry, Verdict, VerdictField
from factdesk.storage.rows import evidence_from_row, history_from_row, now_iso

_TAG = re.compile(r"<[^>]+>")
_STYLE = re.compile(r"<(style|head)[^>]*>.*?</\1>", re.S | re.I)


def html_to_plain(html: str) -> str:
    """Plain text of a rationale's rich text (for search, CSV and history)."""
    if "<" not in html:
        return html.strip()
    text = _STYLE.sub(" ", html)
    text = re.sub(r"<(br|/p|/li|/div|/h\d)[^>]*>", "\n", text, flags=re.I)
    text = _TAG.sub("", text)
    text = unescape(text)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


class VerdictRepository:
    """Reads and writes ``verdicts``, ``evidence`` and ``history``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, claim_id: int) -> Verdict | None:
        rows = list(self.db.query("SELECT * FROM verdicts WHERE claim_id = ?", [claim_id]))
        if not rows:
            return None
        row = rows[0]
        return Verdict(
            claim_id=row["claim_id"],
            rating=row["rating"],
            status=row["status"],
            rationale=row["rationale"],
            checker=row["checker"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            evidence=tuple(self.evidence(claim_id)),
        )

    def all(self) -> list[Verdict]:
        ids = [r[0] for r in self.db.execute(
            "SELECT v.claim_id FROM verdicts v JOIN claims c ON c.id = v.claim_id "
            "WHERE c.deleted_at IS NULL ORDER BY v.claim_id"
        )]
        return [v for v in (self.get(i) for i in ids) if v is not None]

    def set_field(self, claim_id: int, field: VerdictField | str, value: str | None,
                  checker: str) -> None:
        """Set one of rating, status, rationale (creating the verdict row if needed)."""
        field = VerdictField(field)  # ValueError for anything else: it names a column
        now = now_iso()
        self.db.execute(
            "INSERT INTO verdicts (claim_id, checker, created_at, updated_at) VALUES (?,?,?,?) "
            "ON CONFLICT(claim_id) DO NOTHING",
            [claim_id, checker, now, now],
        )
        if field is VerdictField.STATUS and value is None:
            value = "to check"
        extra = ", rationale_text = ?" if field is VerdictField.RATIONALE else ""
        params: list[object] = [value]
        if field is VerdictField.RATIONALE:
            params.append(html_to_plain(value or ""))
        self.db.execute(
            f"UPDATE verdicts SET {field.value} = ?{extra}, checker = ?, updated_at = ? "
            "WHERE claim_id = ?",
            [*params, checker, now, claim_id],
        )

    def evidence(self, claim_id: int, *, include_deleted: bool = False) -> list[Evidence]:
        where = "" if include_deleted else " AND deleted_at IS NULL"
        rows = self.db.query(
            f"SELECT * FROM evidence WHERE claim_id = ?{where} ORDER BY position, id", [claim_id]
        )
        return [evidence_from_row(r) for r in rows]

    def add_evidence(
        self, claim_id: int, url: str, title: str = "", note: str = "",
        accessed: str | None = None,
    ) -> int:
        position = self.db.execute(
            "SELECT coalesce(max(position), -1) + 1 FROM evidence WHERE claim_id = ?", [claim_id]
        ).fetchone()[0]
        cur = self.db.execute(
            "INSERT INTO evidence (claim_id, url, title, note, accessed, position) "
            "VALUES (?,?,?,?,?,?)",
            [claim_id, url, title, note, accessed or now_iso()[:10], position],
        )
        return int(cur.lastrowid)

    def update_evidence(self, evidence_id: int, **fields: str) -> None:
        allowed = {"url", "title", "note", "accessed"}
        if set(fields) - allowed:
            raise ValueError(f"cannot change evidence fields {sorted(set(fields) - allowed)}")
        if fields:
            sets = ", ".join(f"{k} = ?" for k in fields)
            self.db.execute(
                f"UPDATE evidence SET {sets} WHERE id = ?", [*fields.values(), evidence_id]
            )

    def get_evidence(self, evidence_id: int) -> Evidence | None:
        rows = list(self.db.query("SELECT * FROM evidence WHERE id = ?", [evidence_id]))
        return evidence_from_row(rows[0]) if rows else None

    def set_evidence_deleted(self, evidence_id: int, deleted: bool) -> None:
        self.db.execute(
            "UPDATE evidence SET deleted_at = ? WHERE id = ?",
            [now_iso() if deleted else None, evidence_id],
        )

    def record(
        self, entity: str, entity_id: int, field: str, old: str | None, new: str | None,
        who: str,
    ) -> None:
        self.db.execute(
            "INSERT INTO history (entity, entity_id, field, old, new, who, at) "
            "VALUES (?,?,?,?,?,?,?)",
            [entity, entity_id, field, old, new, who, now_iso()],
        )

    def history(self, entity: str, entity_id: int) -> list[HistoryEntry]:
        rows = self.db.query(
            "SELECT * FROM history WHERE entity = ? AND entity_id = ? ORDER BY id",
            [entity, entity_id],
        )
        return [history_from_row(r) for r in rows]

    def all_history(self) -> list[HistoryEntry]:
        """Every recorded change, oldest first."""
        return [history_from_row(r) for r in self.db.query("SELECT * FROM history ORDER BY id")]

    def history_for_claim(self, claim_id: int) -> list[HistoryEntry]:
        rows = self.db.query(
            "SELECT * FROM history WHERE (entity IN ('verdict', 'claim') AND entity_id = ?) "
            "OR (entity = 'evidence' AND entity_id IN "
            "(SELECT id FROM evidence WHERE claim_id = ?)) ORDER BY id",
            [claim_id, claim_id],
        )
        return [history_from_row(r) for r in rows]

    def states_for_article(self, article_id: int) -> dict[int, tuple[str, str]]:
        """(rating, status) of every claim of one article that has a verdict row."""
        rows = self.db.execute(
            "SELECT v.claim_id, coalesce(v.rating, ''), v.status FROM verdicts v "
            "JOIN claims c ON c.id = v.claim_id WHERE c.article_id = ? "
            "AND c.deleted_at IS NULL",
            [article_id],
        )
        return {r[0]: (r[1], r[2]) for r in rows}

    def counts_by_rating(self) -> dict[str, int]:
        rows = self.db.execute(
            "SELECT v.rating, count(*) FROM verdicts v JOIN claims c ON c.id = v.claim_id "
            "WHERE c.deleted_at IS NULL AND v.rating IS NOT NULL GROUP BY v.rating"
        )
        return {r[0]: r[1] for r in rows}
