"""The reads the window's thin models need, as one small facade over the repositories.

No SQL here: claim rows and texts come from ``ClaimRepository``, verdict states from
``VerdictRepository`` and search from ``SearchRepository`` (FTS5, alias-aware).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from factdesk.storage.search import (
    HIGHLIGHT_CLOSE,
    HIGHLIGHT_OPEN,
    OPERATORS,
    build_match_expression,
)

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


def claim_spans(project: Project, article_id: int) -> list[tuple[int, int, int, int, float, str]]:
    """(id, article, start, end, score, origin) of one article's live claims, in text
    order (the article text's highlights)."""
    return project.claims.spans(article_id)


def verdict_states(project: Project, article_id: int) -> dict[int, tuple[str, str]]:
    """(rating, status) of every judged claim of one article, by claim id."""
    return project.verdicts.states_for_article(article_id)


def search_function(project: Project) -> SearchFunction:
    """``search(query) -> hits`` (dicts with kind, id, article_id, snippet)."""

    def search(query: str) -> list[dict[str, Any]]:
        hits = []
        articles: dict[int, tuple[str, str]] = {}
        for hit in project.search.search(query, limit=30):
            snippet = hit.snippet.replace(HIGHLIGHT_OPEN, "[").replace(HIGHLIGHT_CLOSE, "]")
            if hit.article_id not in articles:
                article = project.articles.get(hit.article_id)
                articles[hit.article_id] = (
                    (article.outlet or "unknown outlet", article.published or "undated")
                    if article else ("", ""))
            outlet, date = articles[hit.article_id]
            hits.append({"kind": hit.kind, "id": hit.id, "article_id": hit.article_id,
                         "snippet": snippet, "outlet": outlet, "date": date})
        return hits

    return search


def query_problem(query: str) -> str | None:
    """Why ``query`` cannot be searched (None when it can): empty, only operators, or no
    letter or digit at all."""
    words = query.split()
    if not words:
        return "type words to find in articles, claims, rationales and evidence"
    if build_match_expression(query) is not None:
        return None
    if all(w in OPERATORS for w in words):
        ops = " ".join(dict.fromkeys(words))
        return (f"“{ops}” only joins words (AND, OR, NOT): add the words to find, e.g. "
                "Kharkiv AND Izyum; to find the word itself, quote it in lower case: \"and\"")
    return "nothing to search: a query needs at least one word of letters or digits"


def no_hits_reason(query: str) -> str:
    """What to try when a searchable query finds nothing."""
    return (f"nothing contains “{query}”: words are matched whole; end one with * for "
            "its beginning (Zelensk*), or use OR between spellings")
