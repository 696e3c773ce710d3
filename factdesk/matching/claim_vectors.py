"""Claim sentence vectors as stored and compared: a 128-d Matryoshka prefix, int8 codes.

The shared WordLlama encoder (:mod:`factdesk.nlp.embeddings`) gives 256 dimensions; its
first 128 are themselves an embedding. Measured on the evaluation data (cosine alone,
``bench/matching_quality.py`` and docs/matching.md): STS-B news dev Pearson 0.764 at 256
float32, 0.756 at 128, 0.725 at 64; int8 codes change nothing at three decimals, binary
codes lose 0.05-0.07. So a claim keeps 128 int8 codes (128 bytes; 297k claims: 38 MB
against 304 MB for 256 float32), scaled so the largest magnitude is 127. Cosine does not
depend on that scale: :func:`unit_vectors` turns codes back into unit float32 vectors.

:func:`claim_vectors` reads a project's stored codes and computes the missing or stale
ones (their text changed), for the caller to store when the project is writable.
:class:`WordTable` holds single words' vectors (all 256 dimensions, float32, one row per
word) for the pair model's soft word alignment (:mod:`factdesk.matching.pair_alignment`).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from factdesk.nlp.embeddings import embed_sentences

if TYPE_CHECKING:
    from factdesk.storage.claim_vectors import ClaimVectorRepository

#: Dimensions kept per claim (a Matryoshka prefix of the encoder's 256).
VECTOR_DIM = 128
#: Dimensions of the word vectors the pair model's soft alignment compares
#: (:mod:`factdesk.matching.pair_alignment`).
WORD_DIM = 256
#: Words a :class:`WordTable` holds before the next words start a new table.
WORD_TABLE_LIMIT = 200_000


def encode_codes(texts: Sequence[str]) -> np.ndarray:
    """int8 codes (len(texts), VECTOR_DIM) of the texts' sentence vectors."""
    vectors = embed_sentences(list(texts), VECTOR_DIM) if texts else np.zeros(
        (0, VECTOR_DIM), np.float32)
    return quantise(vectors)


def quantise(vectors: np.ndarray) -> np.ndarray:
    """int8 codes of float vectors, each scaled so its largest magnitude is 127."""
    vectors = np.asarray(vectors, dtype=np.float32)
    peak = np.abs(vectors).max(axis=1, keepdims=True) if len(vectors) else vectors[:, :1]
    with np.errstate(divide="ignore", invalid="ignore"):
        scaled = np.where(peak > 0, vectors * (127.0 / peak), 0.0)
    return np.rint(scaled).astype(np.int8)


def unit_vectors(codes: np.ndarray) -> np.ndarray:
    """Unit float32 vectors of int8 codes (a zero code stays zero)."""
    x = np.asarray(codes, dtype=np.float32)
    norms = np.linalg.norm(x, axis=-1, keepdims=True)
    return np.divide(x, norms, out=np.zeros_like(x), where=norms > 0)


def embed_for_pairs(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors of ``texts`` as the pair model reads them (through the codes)."""
    return unit_vectors(encode_codes(texts))


class WordTable:
    """Unit word vectors (WORD_DIM float32, each the mean of the word's subword vectors)
    in one matrix, a row per word seen: a sentence keeps its words' row numbers, not
    copies of their vectors. Rows never move or change; the matrix grows by copying."""

    def __init__(self, capacity: int = 4096) -> None:
        self.matrix = np.zeros((capacity, WORD_DIM), dtype=np.float32)
        self.size = 0
        self._rows: dict[str, int] = {}
        self._lock = threading.Lock()

    def rows(self, words: Sequence[str]) -> np.ndarray:
        """Row numbers (int64) of ``words`` in :attr:`matrix`, embedding the new ones."""
        known = self._rows
        missing = [w for w in dict.fromkeys(words) if w not in known]
        if missing:
            vectors = embed_sentences(missing, WORD_DIM)
            with self._lock:
                new = [(w, v) for w, v in zip(missing, vectors, strict=True) if w not in known]
                if self.size + len(new) > len(self.matrix):
                    grown = np.zeros((max(self.size + len(new), 2 * len(self.matrix)),
                                      WORD_DIM), dtype=np.float32)
                    grown[: self.size] = self.matrix[: self.size]
                    self.matrix = grown
                for word, vector in new:  # the row is written before the word is known
                    self.matrix[self.size] = vector
                    known[word] = self.size
                    self.size += 1
        return np.fromiter((known[w] for w in words), dtype=np.int64, count=len(words))

    def __len__(self) -> int:
        return self.size


_table: WordTable | None = None
_table_lock = threading.Lock()


def word_table() -> WordTable:
    """The process's current word table (a fresh one once it holds WORD_TABLE_LIMIT
    words; sentences that index an older one keep it alive)."""
    global _table
    with _table_lock:
        if _table is None or len(_table) >= WORD_TABLE_LIMIT:
            _table = WordTable()
        return _table


def claim_vectors(repository: ClaimVectorRepository, claim_ids: Sequence[int]
                  ) -> tuple[dict[int, np.ndarray], list[tuple[int, str, np.ndarray]]]:
    """int8 codes of each claim, stored or computed now; and the computed ones as
    (claim id, text, codes) rows for the caller to store when the project is writable."""
    rows = repository.texts_and_vectors(claim_ids)
    out: dict[int, np.ndarray] = {}
    missing: list[tuple[int, str]] = []
    for claim_id, text, blob in rows:
        if blob is not None and len(blob) == VECTOR_DIM:
            out[claim_id] = np.frombuffer(blob, dtype=np.int8)
        else:
            missing.append((claim_id, text))
    computed: list[tuple[int, str, np.ndarray]] = []
    if missing:
        codes = encode_codes([text for _, text in missing])
        for (claim_id, text), code in zip(missing, codes, strict=True):
            out[claim_id] = code
            computed.append((claim_id, text, code))
    return out, computed
