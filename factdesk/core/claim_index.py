"""The in-memory indexes over each open project's claims, shared by every service.

A term index (:class:`CandidateIndex`: shared rare words) and a semantic index
(:class:`SemanticIndex`: the claims' stored sentence vectors, computed and stored for
claims that lack them). Matching retrieves candidates from both; the services that rewrite claims (hand-marked
claims, refreshed spellings) invalidate the claims they changed. One cache per process,
keyed by the project file, kept up to date incrementally.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence

from factdesk.core.project import Project
from factdesk.matching.candidate_index import CandidateIndex
from factdesk.matching.claim_vectors import claim_vectors
from factdesk.matching.semantic_index import SemanticIndex
from factdesk.storage.claim_vectors import ClaimVectorRepository


class ProjectIndexCache:
    """One candidate index (terms) and one semantic index (claim vectors) per project
    file, kept up to date incrementally."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._indexes: dict[str, tuple[CandidateIndex, set[int]]] = {}
        self._semantic: dict[str, SemanticIndex] = {}

    def get(self, project: Project) -> CandidateIndex:
        key = str(project.path.resolve())
        with self._lock:
            index, seen = self._indexes.get(key, (None, set()))
            semantic = self._semantic.get(key)
            if index is None or semantic is None:
                index, semantic = CandidateIndex(), SemanticIndex()
                seen = set()
            # Only ids are read for every claim; terms only for claims the index lacks.
            live = project.claims.live_ids()
            fresh = [(claim_id, article_id, lemmas.split()) for claim_id, article_id, lemmas
                     in project.claims.retrieval_terms(sorted(live - seen))]
            if fresh:
                index.add_many(fresh)
                _add_vectors(project, semantic, [(c, a) for c, a, _ in fresh])
            for gone in seen - live:
                index.remove(gone)
                semantic.remove(gone)
            self._indexes[key] = (index, live)
            self._semantic[key] = semantic
            return index

    def semantic(self, project: Project) -> SemanticIndex:
        """The project's semantic index (brought up to date by :meth:`get`)."""
        self.get(project)
        with self._lock:
            return self._semantic[str(project.path.resolve())]

    def invalidate(self, project: Project, claim_ids: Iterable[int]) -> None:
        """Forget these claims' terms (they were rewritten): the next :meth:`get` reads
        them again."""
        key = str(project.path.resolve())
        with self._lock:
            index, seen = self._indexes.get(key, (None, set()))
            if index is None:
                return
            semantic = self._semantic.get(key)
            for claim_id in claim_ids:
                if claim_id in seen:
                    index.remove(claim_id)
                    if semantic is not None:
                        semantic.remove(claim_id)
                    seen.discard(claim_id)


#: Claims whose vectors are read (or computed and stored) at once: bounds the texts held.
VECTOR_CHUNK = 20_000


def _add_vectors(project: Project, semantic: SemanticIndex,
                 claims: Sequence[tuple[int, int]]) -> None:
    """Index the (claim id, article id) claims' vectors: stored ones read, missing or
    stale ones computed (and stored, unless the project is read-only), chunk by chunk."""
    repository = ClaimVectorRepository(project.db)
    writable = not project.read_only and repository.available()
    for start in range(0, len(claims), VECTOR_CHUNK):
        chunk = claims[start : start + VECTOR_CHUNK]
        codes, computed = claim_vectors(repository, [c for c, _ in chunk])
        if computed and writable:
            with project.transaction():
                repository.save(computed)
        semantic.add_many([(c, a, codes[c]) for c, a in chunk if c in codes])


INDEXES = ProjectIndexCache()
