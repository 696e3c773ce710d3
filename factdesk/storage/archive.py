"""Rows of the archive of claims fact-checked earlier (ClaimReview or CSV imports)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from factdesk.model.models import ArchivedCheck
from factdesk.storage.rows import now_iso

_FIELDS = ("claim", "title", "rating", "url", "date", "publisher", "rating_value",
           "best_rating", "worst_rating")


class ArchiveRepository:
    """Reads and writes the ``archive`` table."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add_many(self, checks: Iterable[ArchivedCheck]) -> int:
        """Store each check (a check of the same id is replaced); how many were new or
        changed."""
        return sum(status != "unchanged" for status in self.store(checks))

    def store(self, checks: Iterable[ArchivedCheck]) -> list[str]:
        """Store each check by its id: "new", "updated" (the same id, other fields) or
        "unchanged", in order."""
        statuses = []
        now = now_iso()
        for c in checks:
            values = [c.claim, c.title, c.rating, c.url, c.date, c.publisher, c.rating_value,
                      c.best_rating, c.worst_rating]
            row = self.db.execute(
                f"SELECT {', '.join(_FIELDS)} FROM archive WHERE id = ?", [c.id]).fetchone()
            if row is not None and list(row) == values:
                statuses.append("unchanged")
                continue
            self.db.execute(
                f"INSERT INTO archive (id, {', '.join(_FIELDS)}, imported_at) "
                f"VALUES (?,{','.join('?' * len(_FIELDS))},?) ON CONFLICT(id) DO UPDATE SET "
                + ", ".join(f"{f} = excluded.{f}" for f in _FIELDS),
                [c.id, *values, now],
            )
            statuses.append("new" if row is None else "updated")
        return statuses

    def get(self, check_id: str) -> ArchivedCheck | None:
        rows = list(self.db.query(f"SELECT id, {', '.join(_FIELDS)} FROM archive WHERE id = ?",
                                  [check_id]))
        return ArchivedCheck(**rows[0]) if rows else None

    def all(self) -> list[ArchivedCheck]:
        rows = self.db.query(f"SELECT id, {', '.join(_FIELDS)} FROM archive ORDER BY id")
        return [ArchivedCheck(**r) for r in rows]

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM archive").fetchone()[0])
