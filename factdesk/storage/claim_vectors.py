"""Stored sentence vectors of claims (table ``claim_vectors``, migration 0006).

One row per claim: the int8 codes of its sentence vector (see
:mod:`factdesk.matching.claim_vectors` for how they are made) and the crc32 of the text
they were computed from, so that a vector whose claim text was edited is recognised as
stale. A project opened read-only from before migration 0006 has no such table: reads
then find nothing and the caller computes the vectors in memory.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np
from sqlite_utils import Database

from factdesk.storage.rows import id_chunks


def text_crc(text: str) -> int:
    """The crc32 of a claim text, as stored beside its vector."""
    return zlib.crc32(text.encode("utf-8"))


class ClaimVectorRepository:
    """Reads and writes ``claim_vectors``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def available(self) -> bool:
        """Whether the file has the table (a read-only file may predate it)."""
        return self.db["claim_vectors"].exists()

    def texts_and_vectors(self, claim_ids: Sequence[int]
                          ) -> list[tuple[int, str, bytes | None]]:
        """(claim id, text, stored codes or None when missing or stale) of each claim."""
        has_table = self.available()
        rows: list[tuple[int, str, bytes | None]] = []
        for chunk, marks in id_chunks(claim_ids):
            if has_table:
                found = self.db.execute(
                    "SELECT c.id, c.text, v.text_crc, v.vector FROM claims c LEFT JOIN "
                    f"claim_vectors v ON v.claim_id = c.id WHERE c.id IN ({marks})", chunk)
                rows += [(cid, text, blob if crc == text_crc(text) else None)
                         for cid, text, crc, blob in found]
            else:
                found = self.db.execute(
                    f"SELECT id, text FROM claims WHERE id IN ({marks})", chunk)
                rows += [(cid, text, None) for cid, text in found]
        return rows

    def save(self, rows: Sequence[tuple[int, str, np.ndarray]]) -> None:
        """Store (claim id, text, int8 codes) rows, replacing older ones."""
        if rows:
            self.db.conn.executemany(
                "INSERT OR REPLACE INTO claim_vectors (claim_id, text_crc, vector) "
                "VALUES (?, ?, ?)",
                [(cid, text_crc(text), np.ascontiguousarray(codes, dtype=np.int8).tobytes())
                 for cid, text, codes in rows])

    def bytes_stored(self) -> int:
        """Bytes of vector codes stored (without SQLite's row overhead)."""
        if not self.available():
            return 0
        return int(self.db.execute(
            "SELECT coalesce(sum(length(vector)), 0) FROM claim_vectors").fetchone()[0])
