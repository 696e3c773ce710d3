"""Rows of the archive of claims fact-checked earlier (ClaimReview or CSV imports)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from factdesk.model.models import ArchivedCheck
from factdesk.storage.rows import now_iso


class ArchiveRepository:
    """Reads and writes the ``archive`` table."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add_many(self, checks: Iterable[ArchivedCheck]) -> int:
        added = 0
        now = now_iso()
        for c in checks:
            cur = self.db.execute(
                "INSERT INTO archive (id, claim, title, rating, url, date, imported_at) "
                "VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET claim = excluded.claim, "
                "title = excluded.title, rating = excluded.rating, url = excluded.url, "
                "date = excluded.date",
                [c.id, c.claim, c.title, c.rating, c.url, c.date, now],
            )
            added += cur.rowcount
        return added

    def all(self) -> list[ArchivedCheck]:
        rows = self.db.query("SELECT id, claim, title, rating, url, date FROM archive ORDER BY id")
        return [ArchivedCheck(**r) for r in rows]

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM archive").fetchone()[0])
