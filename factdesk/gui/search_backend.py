"""TEMPORARY: the few SQL reads the window needs that storage does not offer yet.

Everything here should move to ``factdesk/storage`` (``storage/search.py`` for full-text
search; ``ClaimRepository.table_rows`` / ``verdict_states`` for the thin claims model).
Until then this is the only GUI module that talks SQL, and it only reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from factdesk.core.project import Project

SearchFunction = Callable[[str], list[dict[str, Any]]]

# (id, article_id, start, score, kind, speaker, rating, status)
ClaimRow = tuple[int, int, int, float, str, str, str, str]


def claim_rows(project: Project, claim_ids: Sequence[int] | None = None) -> list[ClaimRow]:
    """Small tuples for the claims table: every live claim (or the given ones)."""
    sql = (
        "SELECT c.id, c.article_id, c.start, c.score, c.kind, coalesce(c.speaker, ''), "
        "coalesce(v.rating, ''), coalesce(v.status, 'to check') FROM claims c "
        "LEFT JOIN verdicts v ON v.claim_id = c.id WHERE c.deleted_at IS NULL"
    )
    if claim_ids is None:
        return [tuple(r) for r in project.db.execute(sql)]  # type: ignore[misc]
    rows: list[ClaimRow] = []
    ids = list(claim_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows += [tuple(r) for r in project.db.execute(f"{sql} AND c.id IN ({marks})", chunk)]  # type: ignore[misc]
    return rows


def claim_texts(project: Project, claim_ids: Sequence[int], limit: int = 400) -> dict[int, str]:
    """The quoted text of some claims (cut to ``limit`` characters), by id."""
    out: dict[int, str] = {}
    ids = list(claim_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for cid, text in project.db.execute(
            f"SELECT id, substr(text, 1, ?) FROM claims WHERE id IN ({marks})", [limit, *chunk]
        ):
            out[cid] = text
    return out


def verdict_states(project: Project, article_id: int) -> dict[int, tuple[str, str]]:
    """(rating, status) of every judged claim of one article, by claim id."""
    rows = project.db.execute(
        "SELECT v.claim_id, coalesce(v.rating, ''), v.status FROM verdicts v "
        "JOIN claims c ON c.id = v.claim_id WHERE c.article_id = ? AND c.deleted_at IS NULL",
        [article_id],
    )
    return {r[0]: (r[1], r[2]) for r in rows}


def _fts_query(text: str) -> str:
    words = re.findall(r"\w+", text)
    return " ".join(f'"{w}"*' for w in words)


def fts_search(project: Project, query: str, limit: int = 50) -> list[dict[str, Any]]:
    """Search articles, claims and rationales through the project's FTS5 tables."""
    match = _fts_query(query)
    if not match:
        return []
    hits: list[dict[str, Any]] = []
    db = project.db
    for cid, article_id, snippet in db.execute(
        "SELECT c.id, c.article_id, snippet(claims_fts, 0, '[', ']', '…', 12) FROM claims_fts "
        "JOIN claims c ON c.id = claims_fts.rowid WHERE claims_fts MATCH ? "
        "AND c.deleted_at IS NULL ORDER BY rank LIMIT ?", [match, limit]
    ):
        hits.append({"kind": "claim", "id": cid, "article_id": article_id, "snippet": snippet})
    for cid, article_id, snippet in db.execute(
        "SELECT c.id, c.article_id, snippet(verdicts_fts, 0, '[', ']', '…', 12) "
        "FROM verdicts_fts JOIN claims c ON c.id = verdicts_fts.rowid "
        "WHERE verdicts_fts MATCH ? AND c.deleted_at IS NULL ORDER BY rank LIMIT ?",
        [match, limit],
    ):
        hits.append({"kind": "rationale", "id": cid, "article_id": article_id,
                     "snippet": snippet})
    for aid, title, snippet in db.execute(
        "SELECT a.id, a.title, snippet(articles_fts, 1, '[', ']', '…', 12) FROM articles_fts "
        "JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ? "
        "ORDER BY rank LIMIT ?", [match, limit]
    ):
        hits.append({"kind": "article", "id": aid, "article_id": aid,
                     "snippet": f"{title} — {snippet}"})
    return hits


def search_function(project: Project) -> SearchFunction:
    """``search(query) -> hits``: storage/search.py when it exists, else the FTS fallback."""
    try:
        from factdesk.storage import search as storage_search  # type: ignore[attr-defined]
    except ImportError:
        storage_search = None
    fn = getattr(storage_search, "search", None) if storage_search else None
    if callable(fn):
        def search(query: str) -> list[dict[str, Any]]:
            return list(fn(project, query))  # type: ignore[misc]
        return search
    return lambda query: fts_search(project, query)
