"""The reads the window's thin models need, as one small facade over the repositories.

No SQL here: claim rows and texts come from ``ClaimRepository``, verdict states from
``VerdictRepository`` and search from ``SearchRepository`` (FTS5, alias-aware).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from factdesk.storage.search import HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN

if TYPE_CHECKING:
    from factdesk.core.project import Project

SearchFunction = Callable[[str], list[dict[str, Any]]]

# (id, article_id, start, score, kind, speaker, rating, status, origin)
ClaimRow = tuple[int, int, int, float, str, str, str, str, str]


def claim_rows(project: Project, claim_ids: Sequence[int] | None = None) -> list[ClaimRow]:
    """Small tuples for the claims table: every live claim (or the given ones)."""
    return project.claims.table_rows(claim_ids)


def article_claim_rows(project: Project, article_id: int) -> list[ClaimRow]:
    """Small tuples for the claims table: the live claims of one article."""
    return project.claims.table_rows(article_id=article_id)


def claim_count(project: Project) -> int:
    """How many live claims the project has."""
    return project.claims.count()


def claim_texts(project: Project, claim_ids: Sequence[int], limit: int = 400) -> dict[int, str]:
    """The quoted text of some claims (cut to ``limit`` characters), by id."""
    return project.claims.texts(claim_ids, limit)


def verdict_states(project: Project, article_id: int) -> dict[int, tuple[str, str]]:
    """(rating, status) of every judged claim of one article, by claim id."""
    return project.verdicts.states_for_article(article_id)


def search_function(project: Project) -> SearchFunction:
    """``search(query) -> hits`` (dicts with kind, id, article_id, snippet)."""

    def search(query: str) -> list[dict[str, Any]]:
        hits = []
        for hit in project.search.search(query, limit=30):
            snippet = hit.snippet.replace(HIGHLIGHT_OPEN, "[").replace(HIGHLIGHT_CLOSE, "]")
            hits.append({"kind": hit.kind, "id": hit.id, "article_id": hit.article_id,
                         "snippet": snippet})
        return hits

    return search
