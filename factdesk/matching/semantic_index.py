"""Nearest claims by meaning: exact cosine search over the stored int8 claim vectors.

Beside the term index (:mod:`factdesk.matching.candidate_index`), which finds claims
sharing rare words, this finds claims that say the same in other words ("visited" /
"went to"). It keeps every claim's int8 codes (:mod:`factdesk.matching.claim_vectors`)
in one growing matrix with their inverse norms, and answers a query by a brute-force
product over it, block by block in float32: first on a 64-dimension prefix of the codes (the
encoder is Matryoshka-trained), then the best 8 x k of each query on all 128 (100k
claims: 13 MB held; ``bench/matching_scale.py`` measures latency, and recall against a
float32 brute force over every claim).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from factdesk.matching.claim_vectors import VECTOR_DIM

#: Rows converted to float32 at once during a query.
_BLOCK = 32_768
#: Dimensions of the first, approximate pass (a Matryoshka prefix of the codes); the
#: best :data:`RESCORE_FACTOR` x k of each query are then scored on all dimensions.
SCAN_DIM = 64
RESCORE_FACTOR = 8


class SemanticIndex:
    """Claim ids with their article and int8 vector; top-k cosine among other articles."""

    def __init__(self, dim: int = VECTOR_DIM) -> None:
        self.dim = dim
        self._codes = np.zeros((1024, dim), dtype=np.int8)
        self._inv_norm = np.zeros(1024, dtype=np.float32)
        self._inv_norm_scan = np.zeros(1024, dtype=np.float32)
        self._claims = np.zeros(1024, dtype=np.int64)
        self._articles = np.zeros(1024, dtype=np.int32)
        self._n = 0
        self._slot: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._slot)

    def memory_bytes(self) -> int:
        return int(self._codes.nbytes + self._inv_norm.nbytes + self._inv_norm_scan.nbytes
                   + self._claims.nbytes + self._articles.nbytes)

    def _grow(self, need: int) -> None:
        size = len(self._claims)
        if need <= size:
            return
        new = max(need, size * 2)
        codes = np.zeros((new, self.dim), dtype=np.int8)
        codes[: self._n] = self._codes[: self._n]
        self._codes = codes
        for name in ("_inv_norm", "_inv_norm_scan", "_claims", "_articles"):
            old = getattr(self, name)
            grown = np.zeros(new, dtype=old.dtype)
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
        for target, width in ((self._inv_norm, self.dim), (self._inv_norm_scan, SCAN_DIM)):
            norms = np.linalg.norm(codes[:, :width].astype(np.float32), axis=1)
            target[start:end] = np.divide(1.0, norms, out=np.zeros_like(norms),
                                          where=norms > 0)
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
            self._inv_norm[slot] = self._inv_norm_scan[slot] = 0.0
            self._articles[slot] = -1

    def query_many(self, vectors: np.ndarray, exclude_article: int | None = None,
                   k: int = 8, floor: float = 0.0) -> list[list[tuple[int, float]]]:
        """For each query unit vector (float32, ``dim`` wide), the ``k`` stored claims of
        highest cosine (>= ``floor``) outside ``exclude_article``, best first."""
        queries = np.ascontiguousarray(np.asarray(vectors, dtype=np.float32)[:, : self.dim])
        n = self._n
        if n == 0 or len(queries) == 0:
            return [[] for _ in range(len(queries))]
        scan = min(SCAN_DIM, self.dim)
        # pass 1: the prefix's cosine (the query's prefix normalised), one row per query
        prefix = queries[:, :scan]
        norms = np.linalg.norm(prefix, axis=1, keepdims=True)
        prefix = np.divide(prefix, norms, out=np.zeros_like(prefix), where=norms > 0)
        scores = np.empty((len(queries), n), dtype=np.float32)
        for start in range(0, n, _BLOCK):
            end = min(start + _BLOCK, n)
            block = self._codes[start:end, :scan].astype(np.float32)
            np.matmul(prefix, block.T, out=scores[:, start:end])
        scores *= self._inv_norm_scan[:n]
        dead = self._inv_norm[:n] == 0  # removed (or empty) claims never rank
        if exclude_article is not None:
            dead |= self._articles[:n] == exclude_article
        scores[:, dead] = -2.0
        wide = min(k * RESCORE_FACTOR, n)
        out: list[list[tuple[int, float]]] = []
        for j in range(len(queries)):
            row = scores[j]
            rows = np.argpartition(-row, wide - 1)[:wide] if n > wide else np.arange(n)
            rows = rows[row[rows] > -2.0]
            # pass 2: the full cosine of those
            exact = (self._codes[rows].astype(np.float32) @ queries[j]) * self._inv_norm[rows]
            order = np.argsort(-exact, kind="stable")[:k]
            out.append([(int(self._claims[rows[i]]), float(exact[i])) for i in order
                        if exact[i] >= floor])
        return out

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
