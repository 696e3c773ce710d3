"""Nearest claims by meaning: exact cosine search over the stored int8 claim vectors.

Beside the term index (:mod:`factdesk.matching.candidate_index`), which finds claims
sharing rare words, this finds claims that say the same in other words ("visited" /
"went to"). It keeps every claim's int8 codes (:mod:`factdesk.matching.claim_vectors`)
in one growing matrix with their inverse norms, and answers a query by exact search:
one float32 product of all of an article's query vectors against a 64-dimension prefix of
the codes (the encoder is Matryoshka-trained; the prefix is converted to float32 and
normalised once, when a claim is added), a blockwise top-k selection, then the best 8 x k
of each query rescored on all 128 dimensions (100k claims: 39 MB held;
``bench/matching_scale.py`` measures latency, and recall against a float32 brute force
over every claim).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from factdesk.matching.claim_vectors import VECTOR_DIM

#: Dimensions of the first, approximate pass (a Matryoshka prefix of the codes); the
#: best :data:`RESCORE_FACTOR` x k of each query are then scored on all dimensions.
SCAN_DIM = 64
RESCORE_FACTOR = 8
#: Columns per block in the top-k selection: a row's best ``w`` scores lie in the ``w``
#: blocks of highest maximum, so only those blocks are partitioned. Capacities are kept
#: a multiple of it.
_TOPK_BLOCK = 256


class SemanticIndex:
    """Claim ids with their article and int8 vector; top-k cosine among other articles."""

    def __init__(self, dim: int = VECTOR_DIM) -> None:
        self.dim = dim
        self._codes = np.zeros((1024, dim), dtype=np.int8)
        # The scan prefix converted once to float32 and divided by its norm, so a query is
        # one matrix product; zero for removed or unused rows.
        self._scan = np.zeros((1024, min(SCAN_DIM, dim)), dtype=np.float32)
        # Added to every score: 0 for a live claim, -inf for a removed or unused row.
        self._bias = np.full(1024, -np.inf, dtype=np.float32)
        self._inv_norm = np.zeros(1024, dtype=np.float32)
        self._claims = np.zeros(1024, dtype=np.int64)
        self._articles = np.full(1024, -1, dtype=np.int32)
        self._n = 0
        self._slot: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._slot)

    def memory_bytes(self) -> int:
        return int(self._codes.nbytes + self._scan.nbytes + self._bias.nbytes
                   + self._inv_norm.nbytes + self._claims.nbytes + self._articles.nbytes)

    def _grow(self, need: int) -> None:
        size = len(self._claims)
        if need <= size:
            return
        new = -(-max(need, size * 2) // _TOPK_BLOCK) * _TOPK_BLOCK
        for name in ("_codes", "_scan", "_bias", "_inv_norm", "_claims", "_articles"):
            old = getattr(self, name)
            fill = {"_bias": -np.inf, "_articles": -1}.get(name, 0)
            grown = np.full((new, *old.shape[1:]), fill, dtype=old.dtype)
            grown[: self._n] = old[: self._n]
            setattr(self, name, grown)

    def add_many(self, items: Sequence[tuple[int, int, np.ndarray]]) -> None:
        """Add (claim id, article id, int8 codes); a known claim is replaced."""
        for claim_id, _, _ in items:
            if claim_id in self._slot:
                self.remove(claim_id)
        if not items:
            return
        self._grow(self._n + len(items))
        start = self._n
        codes = np.stack([np.asarray(c, dtype=np.int8)[: self.dim] for _, _, c in items])
        end = start + len(items)
        self._codes[start:end] = codes
        full = codes.astype(np.float32)
        self._inv_norm[start:end] = _inverse_norms(full)
        prefix = full[:, : self._scan.shape[1]]
        self._scan[start:end] = prefix * _inverse_norms(prefix)[:, None]
        self._bias[start:end] = np.where(self._inv_norm[start:end] > 0, 0.0, -np.inf)
        self._claims[start:end] = [c for c, _, _ in items]
        self._articles[start:end] = [a for _, a, _ in items]
        for offset, (claim_id, _, _) in enumerate(items):
            self._slot[claim_id] = start + offset
        self._n = end

    def codes_of(self, claim_id: int) -> np.ndarray | None:
        """The int8 codes of an indexed claim (a copy), or None."""
        slot = self._slot.get(claim_id)
        return None if slot is None else self._codes[slot].copy()

    def remove(self, claim_id: int) -> None:
        """Forget a claim (its row is zeroed, so it never scores)."""
        slot = self._slot.pop(claim_id, None)
        if slot is not None:
            self._inv_norm[slot] = 0.0
            self._scan[slot] = 0.0
            self._bias[slot] = -np.inf
            self._articles[slot] = -1

    def query_many(self, vectors: np.ndarray, exclude_article: int | None = None,
                   k: int = 8, floor: float = 0.0) -> list[list[tuple[int, float]]]:
        """For each query unit vector (float32, ``dim`` wide), the ``k`` stored claims of
        highest cosine (>= ``floor``) outside ``exclude_article``, best first.

        All queries at once: one float32 product against the unit prefix matrix, the best
        :data:`RESCORE_FACTOR` x k rows of each by prefix cosine, then their full cosine
        from the int8 codes."""
        queries = np.ascontiguousarray(np.asarray(vectors, dtype=np.float32)[:, : self.dim])
        if self._n == 0 or len(queries) == 0 or k <= 0:
            return [[] for _ in range(len(queries))]
        width = -(-self._n // _TOPK_BLOCK) * _TOPK_BLOCK  # <= capacity, a block multiple
        prefix = queries[:, : self._scan.shape[1]]
        prefix = prefix * _inverse_norms(prefix)[:, None]
        scores = prefix @ self._scan[:width].T
        scores += self._bias[:width]
        if exclude_article is not None:
            scores[:, np.flatnonzero(self._articles[:width] == exclude_article)] = -np.inf
        rows = _top_columns(scores, min(k * RESCORE_FACTOR, width))
        # the full cosine of those, from the int8 codes
        candidates = self._codes[rows].astype(np.float32)  # queries x wide x dim
        exact = np.einsum("qwd,qd->qw", candidates, queries) * self._inv_norm[rows]
        exact[~np.isfinite(np.take_along_axis(scores, rows, axis=1))] = -np.inf
        order = np.argsort(-exact, axis=1, kind="stable")[:, :k]
        best_rows = np.take_along_axis(rows, order, axis=1)
        best_scores = np.take_along_axis(exact, order, axis=1)
        keep = best_scores >= floor
        claims = self._claims[best_rows]
        return [[(int(c), float(s)) for c, s in zip(claims[j][keep[j]], best_scores[j][keep[j]],
                                                      strict=True)]
                for j in range(len(queries))]

    def brute_force(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        """Exact top ``k`` by float64 cosine over the codes (what recall is measured
        against, with the query in full precision)."""
        n = self._n
        if n == 0:
            return []
        codes = self._codes[:n].astype(np.float64)
        scores = (codes @ np.asarray(vector, dtype=np.float64)[: self.dim]) * self._inv_norm[:n]
        order = np.argsort(-scores)[:k]
        return [(int(self._claims[i]), float(scores[i])) for i in order
                if self._inv_norm[i] > 0]


def _inverse_norms(rows: np.ndarray) -> np.ndarray:
    """1 / the Euclidean norm of each row (0 for a zero row)."""
    norms = np.linalg.norm(rows, axis=1)
    return np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)


def _top_columns(scores: np.ndarray, wide: int) -> np.ndarray:
    """The column indices of each row's ``wide`` highest scores (unordered), exactly.

    ``scores`` has a multiple of :data:`_TOPK_BLOCK` columns. A row's best ``wide``
    values lie in at most ``wide`` blocks, each with a maximum at least the ``wide``-th
    best value, so they lie among the ``wide`` blocks of highest maximum: only those
    blocks' columns are partitioned, instead of the whole row."""
    n_rows, width = scores.shape
    blocks = width // _TOPK_BLOCK
    if blocks > wide:
        block_max = scores.reshape(n_rows, blocks, _TOPK_BLOCK).max(axis=2)
        top_blocks = np.argpartition(block_max, blocks - wide, axis=1)[:, blocks - wide:]
        columns = (top_blocks[:, :, None] * _TOPK_BLOCK
                   + np.arange(_TOPK_BLOCK)).reshape(n_rows, -1)
    else:
        columns = np.broadcast_to(np.arange(width), (n_rows, width))
    values = np.take_along_axis(scores, columns, axis=1)
    if values.shape[1] > wide:
        picked = np.argpartition(values, values.shape[1] - wide, axis=1)[:, -wide:]
        columns = np.take_along_axis(columns, picked, axis=1)
    return np.ascontiguousarray(columns)
