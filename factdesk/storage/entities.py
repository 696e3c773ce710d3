"""Entity mentions with their canonical forms, and the user's alias table."""

from __future__ import annotations

from collections.abc import Sequence

from sqlite_utils import Database

from factdesk.model.models import Alias, EntityMention, MentionDraft
from factdesk.storage.rows import now_iso


class EntityRepository:
    """Reads and writes ``entity_mentions`` and ``aliases``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def replace_mentions(self, article_id: int, mentions: Sequence[MentionDraft]) -> None:
        self.db.execute("DELETE FROM entity_mentions WHERE article_id = ?", [article_id])
        self.db.conn.executemany(
            'INSERT INTO entity_mentions (article_id, start, "end", text, label, canonical) '
            "VALUES (?,?,?,?,?,?)",
            [(article_id, m.start, m.end, m.text, m.label, m.canonical) for m in mentions],
        )

    def mentions(self, article_id: int | None = None) -> list[EntityMention]:
        if article_id is None:
            rows = self.db.query("SELECT * FROM entity_mentions ORDER BY article_id, start")
        else:
            rows = self.db.query(
                "SELECT * FROM entity_mentions WHERE article_id = ? ORDER BY start", [article_id]
            )
        return [EntityMention(**row) for row in rows]

    def people(self, article_id: int) -> list[tuple[str, str]]:
        """(text, canonical) of the article's person mentions, in reading order."""
        return [(r[0], r[1]) for r in self.db.execute(
            "SELECT text, canonical FROM entity_mentions WHERE article_id = ? "
            "AND label = 'PERSON' ORDER BY start", [article_id])]

    def people_by_article(self) -> list[list[str]]:
        """Each article's distinct person mention texts (for telling people apart)."""
        found: dict[int, list[str]] = {}
        for article_id, text in self.db.execute(
                "SELECT DISTINCT article_id, text FROM entity_mentions WHERE label = 'PERSON' "
                "ORDER BY article_id, text"):
            found.setdefault(article_id, []).append(text)
        return list(found.values())

    def names_by_label(self) -> list[tuple[str, str]]:
        """Every distinct (text, label) mentioned in the project, for alias resolution."""
        return [
            (r[0], r[1])
            for r in self.db.execute(
                "SELECT text, label FROM entity_mentions GROUP BY text, label ORDER BY text"
            )
        ]

    def distinct_spellings(self) -> int:
        """How many different spellings the project's mentions use."""
        return int(self.db.execute(
            "SELECT count(DISTINCT text) FROM entity_mentions").fetchone()[0])

    def canonical_map(self) -> dict[str, str]:
        """Current canonical form of every mentioned spelling."""
        return {r[0]: r[1] for r in self.db.execute(
            "SELECT text, canonical FROM entity_mentions GROUP BY text")}

    def respelled(self) -> list[tuple[str, str]]:
        """Every mentioned spelling whose canonical form is written otherwise, with it."""
        return [(r[0], r[1]) for r in self.db.execute(
            "SELECT text, canonical FROM entity_mentions WHERE canonical != text "
            "GROUP BY text")]

    def recanonicalise(self, mapping: dict[str, str]) -> int:
        """Set the canonical form of every mention whose text is in ``mapping`` (one pass
        over the mentions, joined to the mapping in a temporary table)."""
        if not mapping:
            return 0
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS recanonical "
                        "(text TEXT PRIMARY KEY, canonical TEXT NOT NULL)")
        self.db.execute("DELETE FROM temp.recanonical")
        self.db.conn.executemany("INSERT INTO temp.recanonical VALUES (?, ?)",
                                 list(mapping.items()))
        new_form = ("(SELECT r.canonical FROM temp.recanonical AS r "
                    "WHERE r.text = entity_mentions.text)")
        cur = self.db.execute(  # no UPDATE ... FROM: older SQLite libraries lack it
            f"UPDATE entity_mentions SET canonical = {new_form} "
            f"WHERE text IN (SELECT text FROM temp.recanonical) AND canonical != {new_form}")
        changed = cur.rowcount
        self.db.execute("DELETE FROM temp.recanonical")
        return changed

    def aliases(self) -> list[Alias]:
        rows = self.db.execute("SELECT variant, canonical FROM aliases ORDER BY canonical, variant")
        return [Alias(variant=r[0], canonical=r[1]) for r in rows]

    def add_alias(self, variant: str, canonical: str) -> None:
        self.db.execute(
            "INSERT INTO aliases (variant, canonical, created_at) VALUES (?,?,?) "
            "ON CONFLICT(variant) DO UPDATE SET canonical = excluded.canonical",
            [variant, canonical, now_iso()],
        )

    def remove_alias(self, variant: str) -> bool:
        return self.db.execute("DELETE FROM aliases WHERE variant = ?", [variant]).rowcount > 0
