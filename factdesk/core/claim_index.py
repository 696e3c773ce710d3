"""The in-memory term index over each open project's claims, shared by every service.

Matching retrieves candidates from it; the services that rewrite claims (hand-marked
claims, refreshed spellings) invalidate the claims they changed. One cache per process,
keyed by the project file, kept up to date incrementally.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from factdesk.core.project import Project
from factdesk.matching.candidate_index import CandidateIndex


class ProjectIndexCache:
    """One candidate index per project file, kept up to date incrementally."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._indexes: dict[str, tuple[CandidateIndex, set[int]]] = {}

    def get(self, project: Project) -> CandidateIndex:
        key = str(project.path.resolve())
        with self._lock:
            index, seen = self._indexes.get(key, (None, set()))
            if index is None:
                index = CandidateIndex()
                seen = set()
            # Only ids are read for every claim; terms only for claims the index lacks.
            live = project.claims.live_ids()
            fresh = [(claim_id, article_id, lemmas.split()) for claim_id, article_id, lemmas
                     in project.claims.retrieval_terms(sorted(live - seen))]
            if fresh:
                index.add_many(fresh)
            for gone in seen - live:
                index.remove(gone)
            self._indexes[key] = (index, live)
            return index

    def invalidate(self, project: Project, claim_ids: Iterable[int]) -> None:
        """Forget these claims' terms (they were rewritten): the next :meth:`get` reads
        them again."""
        key = str(project.path.resolve())
        with self._lock:
            index, seen = self._indexes.get(key, (None, set()))
            if index is None:
                return
            for claim_id in claim_ids:
                if claim_id in seen:
                    index.remove(claim_id)
                    seen.discard(claim_id)


INDEXES = ProjectIndexCache()
