"""Rows of the archive of claims fact-checked earlier (ClaimReview or CSV imports), and
their stored sentence vectors (table ``archive_vectors``, migration 0007)."""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence

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


def texts_crc(claim: str, title: str) -> int:
    """The crc32 of a check's claim and title, as stored beside their vectors."""
    return zlib.crc32(f"{claim}\x1f{title}".encode())


class ArchiveVectorRepository:
    """Reads and writes ``archive_vectors``: per check, the codes of its claim's and its
    title's sentence vectors and the crc32 of the texts they were computed from."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def available(self) -> bool:
        """Whether the file has the table (a read-only file may predate it)."""
        return self.db["archive_vectors"].exists()

    def current(self) -> dict[str, tuple[bytes, bytes]]:
        """(claim codes, title codes) of each check whose stored vectors were computed
        from its present claim and title (stale and missing ones are left out)."""
        if not self.available():
            return {}
        rows = self.db.execute(
            "SELECT a.id, a.claim, a.title, v.text_crc, v.claim_vector, v.title_vector "
            "FROM archive a JOIN archive_vectors v ON v.check_id = a.id")
        return {check_id: (claim_blob, title_blob)
                for check_id, claim, title, crc, claim_blob, title_blob in rows
                if crc == texts_crc(claim, title)}

    def save(self, rows: Sequence[tuple[str, str, str, bytes, bytes]]) -> None:
        """Store (check id, claim, title, claim codes, title codes) rows, replacing
        older ones."""
        if rows:
            self.db.conn.executemany(
                "INSERT OR REPLACE INTO archive_vectors "
                "(check_id, text_crc, claim_vector, title_vector) VALUES (?, ?, ?, ?)",
                [(check_id, texts_crc(claim, title), claim_codes, title_codes)
                 for check_id, claim, title, claim_codes, title_codes in rows])

    def count(self) -> int:
        if not self.available():
            return 0
        return int(self.db.execute("SELECT count(*) FROM archive_vectors").fetchone()[0])
