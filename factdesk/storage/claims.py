"""Claim rows: spans of article text with their kind, score, speaker and details."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlite_utils import Database

from factdesk.model.models import Claim, ClaimDraft
from factdesk.storage.rows import claim_from_row, dumps, id_chunks, now_iso

_LIVE = "deleted_at IS NULL"


class ClaimRepository:
    """Reads and writes the ``claims`` table; deletion is soft so that it can be undone."""

    def __init__(self, db: Database) -> None:
        self.db = db

    _INSERT = (
        'INSERT INTO claims (article_id, start, "end", text, prefix, suffix, kind, score, '
        "speaker, origin, quantities, times, entities, lemmas, created_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
    )

    @staticmethod
    def _row(article_id: int, draft: ClaimDraft, created: str) -> list[Any]:
        return [
            article_id, draft.start, draft.end, draft.text, draft.prefix, draft.suffix,
            draft.kind, min(1.0, max(0.0, float(draft.score))), draft.speaker, draft.origin,
            dumps(list(draft.quantities)), dumps(list(draft.times)),
            dumps(list(draft.entities)), draft.lemmas, created,
        ]

    def add(self, article_id: int, draft: ClaimDraft) -> int:
        cursor = self.db.execute(self._INSERT, self._row(article_id, draft, now_iso()))
        return int(cursor.lastrowid)

    def unread_manual_ids(self, article_ids: Iterable[int]) -> list[int]:
        """Live claims marked by hand that were never read (no retrieval terms yet: the
        language model was missing, or the window closed before reading them)."""
        found: list[int] = []
        for chunk, marks in id_chunks(article_ids):
            found += [r[0] for r in self.db.execute(
                f"SELECT id FROM claims WHERE article_id IN ({marks}) AND {_LIVE} "
                "AND origin = 'manual' AND coalesce(lemmas, '') = '' ORDER BY id", chunk)]
        return found

    def protected_ids(self, article_id: int) -> set[int]:
        """Claims that re-extraction must keep: manual, judged, or with decided matches."""
        rows = self.db.execute(
            f"""SELECT c.id FROM claims c WHERE c.article_id = ? AND c.{_LIVE} AND (
                c.origin = 'manual'
                OR EXISTS (SELECT 1 FROM verdicts v WHERE v.claim_id = c.id AND
                    (v.rating IS NOT NULL OR v.rationale_text != '' OR v.status != 'to check'))
                OR EXISTS (SELECT 1 FROM evidence e WHERE e.claim_id = c.id)
                OR EXISTS (SELECT 1 FROM matches m WHERE (m.claim_a = c.id OR m.claim_b = c.id)
                    AND m.decision IS NOT NULL))""",
            [article_id],
        )
        return {r[0] for r in rows}

    def refresh_kept(self, article_id: int, drafts: Sequence[ClaimDraft]
                     ) -> tuple[list[int], list[int]]:
        """Refresh what analysis reads from the text of the claims re-extraction keeps
        (:meth:`protected_ids`): a kept claim with a draft of exactly its span takes the
        draft's kind, speaker, quantities, times, entities and retrieval terms, and its
        score unless marked by hand (the checker's 1.0). The checker's own edits stay:
        span, text, origin, the claim as checked. Returns (refreshed ids, kept ids with
        no draft of their span: marked or moved by hand, or no longer detected), the
        latter to be read again on their own span."""
        keep = self.protected_ids(article_id)
        if not keep:
            return [], []
        by_span = {(d.start, d.end): d for d in drafts}
        refreshed: list[int] = []
        rest: list[int] = []
        for chunk, marks in id_chunks(sorted(keep)):
            for cid, start, end, origin in self.db.execute(
                    f'SELECT id, start, "end", origin FROM claims WHERE id IN ({marks})',
                    chunk).fetchall():
                draft = by_span.get((start, end))
                if draft is None:
                    rest.append(cid)
                    continue
                fields: dict[str, Any] = {
                    "kind": draft.kind, "speaker": draft.speaker,
                    "quantities": draft.quantities, "times": draft.times,
                    "entities": draft.entities, "lemmas": draft.lemmas}
                if origin != "manual":
                    fields["score"] = min(1.0, max(0.0, float(draft.score)))
                self.update(cid, **fields)
                refreshed.append(cid)
        return refreshed, rest

    def replace_detected(self, article_id: int, drafts: Sequence[ClaimDraft]) -> list[int]:
        """Swap the article's detected claims for ``drafts``, keeping protected claims.

        A draft whose span overlaps a kept (or deleted) claim is dropped, so a judged
        claim is never duplicated and a claim the checker deleted does not come back.
        """
        keep = self.protected_ids(article_id)
        placeholders = ",".join("?" * len(keep)) or "NULL"
        self.db.execute(
            f"DELETE FROM claims WHERE article_id = ? AND {_LIVE} AND id NOT IN ({placeholders})",
            [article_id, *keep],
        )
        # Soft-deleted claims stay (their deletion can be undone) and block re-detection.
        kept_spans = [
            (r[0], r[1])
            for r in self.db.execute(
                'SELECT start, "end" FROM claims WHERE article_id = ?', [article_id]
            )
        ]
        created = now_iso()
        rows = [
            self._row(article_id, draft, created) for draft in drafts
            if not any(draft.start < end and start < draft.end for start, end in kept_spans)
        ]
        if not rows:
            return []
        # one statement for all rows (call inside a transaction): their ids are the next ones
        before = self.db.execute("SELECT coalesce(max(id), 0) FROM claims").fetchone()[0]
        self.db.conn.executemany(self._INSERT, rows)
        return [r[0] for r in self.db.execute(
            "SELECT id FROM claims WHERE article_id = ? AND id > ? ORDER BY id",
            [article_id, before])]

    def get(self, claim_id: int, *, include_deleted: bool = False) -> Claim | None:
        where = "id = ?" if include_deleted else f"id = ? AND {_LIVE}"
        rows = list(self.db.query(f"SELECT * FROM claims WHERE {where}", [claim_id]))
        return claim_from_row(rows[0]) if rows else None

    def get_many(self, claim_ids: Sequence[int]) -> dict[int, Claim]:
        result: dict[int, Claim] = {}
        for chunk, marks in id_chunks(claim_ids):
            for row in self.db.query(
                f"SELECT * FROM claims WHERE id IN ({marks}) AND {_LIVE}", chunk
            ):
                result[row["id"]] = claim_from_row(row)
        return result

    def for_article(self, article_id: int) -> list[Claim]:
        rows = self.db.query(
            f'SELECT * FROM claims WHERE article_id = ? AND {_LIVE} ORDER BY start, "end"',
            [article_id],
        )
        return [claim_from_row(r) for r in rows]

    def spans(self, article_id: int) -> list[tuple[int, int, int, int, float, str]]:
        """(id, article, start, end, score, origin) of one article's live claims, in text
        order: what highlighting needs, without reading and decoding their details."""
        rows = self.db.execute(
            f'SELECT id, article_id, start, "end", score, origin FROM claims '
            f'WHERE article_id = ? AND {_LIVE} ORDER BY start, "end"', [article_id])
        return rows.fetchall()  # plain tuples: the connection has no row factory

    def iter_all(self) -> Iterator[Claim]:
        for row in self.db.query(f"SELECT * FROM claims WHERE {_LIVE} ORDER BY article_id, start"):
            yield claim_from_row(row)

    def live_ids(self) -> set[int]:
        """Ids of every live claim."""
        return {r[0] for r in self.db.execute(f"SELECT id FROM claims WHERE {_LIVE}")}

    def retrieval_terms(self, claim_ids: Sequence[int]) -> list[tuple[int, int, str]]:
        """(claim id, article id, lemma string) of the given claims, for the match index."""
        rows: list[tuple[int, int, str]] = []
        for chunk, marks in id_chunks(claim_ids):
            rows += self.db.execute(
                f"SELECT id, article_id, lemmas FROM claims WHERE id IN ({marks})", chunk
            ).fetchall()
        return rows

    def mentioning(self, names: set[str]) -> list[Claim]:
        """Live claims naming any of ``names`` as an entity (its spelling or canonical
        form) or as their speaker.

        One pass over the claims, with the names in a temporary table that each claim's
        entities (read by SQLite's JSON functions) and speaker are looked up in, instead
        of a scan of every claim per name.
        """
        if not names:
            return []
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS lookup_names (name TEXT PRIMARY KEY)")
        self.db.execute("DELETE FROM temp.lookup_names")
        self.db.conn.executemany("INSERT OR IGNORE INTO temp.lookup_names VALUES (?)",
                                 [(n,) for n in names])
        wanted = "IN (SELECT name FROM temp.lookup_names)"
        rows = self.db.query(
            f"SELECT * FROM claims c WHERE c.{_LIVE} AND (c.speaker {wanted} OR EXISTS ("
            "SELECT 1 FROM json_each(c.entities) AS e WHERE "
            f"json_extract(e.value, '$.text') {wanted} OR "
            f"json_extract(e.value, '$.canonical') {wanted}))")
        found = [claim_from_row(row) for row in rows]
        self.db.execute("DELETE FROM temp.lookup_names")
        return found

    def table_rows(
        self, claim_ids: Sequence[int] | None = None, *, article_id: int | None = None
    ) -> list[tuple[int, int, int, float, str, str, str, str, str]]:
        """Small tuples for a claims table: (id, article, start, score, kind, speaker,
        rating, status, origin) of every live claim, of the given ones, or of one
        article's."""
        sql = (
            "SELECT c.id, c.article_id, c.start, c.score, c.kind, coalesce(c.speaker, ''), "
            "coalesce(v.rating, ''), coalesce(v.status, 'to check'), c.origin FROM claims c "
            f"LEFT JOIN verdicts v ON v.claim_id = c.id WHERE c.{_LIVE}"
        )
        if article_id is not None:
            rows = self.db.execute(f"{sql} AND c.article_id = ?", [article_id])
            return [tuple(r) for r in rows]  # type: ignore[misc]
        if claim_ids is None:
            return [tuple(r) for r in self.db.execute(sql)]  # type: ignore[misc]
        rows = []
        for chunk, marks in id_chunks(claim_ids):
            rows += [tuple(r) for r in self.db.execute(f"{sql} AND c.id IN ({marks})", chunk)]
        return rows  # type: ignore[return-value]

    def texts(self, claim_ids: Sequence[int], limit: int = 400) -> dict[int, str]:
        """The quoted text of some claims, cut to ``limit`` characters, by id."""
        out: dict[int, str] = {}
        for chunk, marks in id_chunks(claim_ids):
            for cid, text in self.db.execute(
                f"SELECT id, substr(text, 1, ?) FROM claims WHERE id IN ({marks})",
                [limit, *chunk],
            ):
                out[cid] = text
        return out

    def article_terms(self, article_id: int) -> list[str]:
        """The retrieval terms of every live claim of one article, concatenated."""
        rows = self.db.execute(f"SELECT lemmas FROM claims WHERE article_id = ? AND {_LIVE}",
                               [article_id])
        return [t for (lemmas,) in rows for t in (lemmas or "").split()]

    def count(self) -> int:
        return int(self.db.execute(f"SELECT count(*) FROM claims WHERE {_LIVE}").fetchone()[0])

    def update(self, claim_id: int, **fields: Any) -> None:
        """Change stored fields of one claim (span, text, context, kind, speaker, score,
        origin)."""
        allowed = {"start", "end", "text", "prefix", "suffix", "kind", "speaker", "score",
                   "origin", "quantities", "times", "entities", "lemmas"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"cannot change claim fields {sorted(unknown)}")
        values = [
            dumps(list(v)) if k in {"quantities", "times", "entities"} else v
            for k, v in fields.items()
        ]
        assignments = ", ".join(f'"{name}" = ?' for name in fields)
        self.db.execute(f"UPDATE claims SET {assignments} WHERE id = ?", [*values, claim_id])

    def set_statement(self, claim_id: int, statement: str | None) -> None:
        """Set the claim as checked (None: the sentence as printed)."""
        self.db.execute("UPDATE claims SET statement = ? WHERE id = ?", [statement, claim_id])

    def set_deleted(self, claim_id: int, deleted: bool) -> None:
        self.db.execute(
            "UPDATE claims SET deleted_at = ? WHERE id = ?",
            [now_iso() if deleted else None, claim_id],
        )
