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
:func:`word_vectors` gives single words' vectors (all 256 dimensions, float32, cached per
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
#: Words whose vectors are kept between calls (a project's vocabulary fits).
_WORD_CACHE_SIZE = 200_000
_word_cache: dict[str, np.ndarray] = {}
_word_lock = threading.Lock()


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


def word_vectors(words: Sequence[str]) -> np.ndarray:
    """Unit vectors (len(words), WORD_DIM) float32 of single words (each the mean of
    its subword vectors), cached per word for the process."""
    missing = [w for w in dict.fromkeys(words) if w not in _word_cache]
    if missing:
        vectors = embed_sentences(missing, WORD_DIM)
        with _word_lock:
            if len(_word_cache) + len(missing) > _WORD_CACHE_SIZE:
                _word_cache.clear()
            _word_cache.update(zip(missing, vectors, strict=True))
    if not words:
        return np.zeros((0, WORD_DIM), dtype=np.float32)
    cache = _word_cache
    rows = [cache.get(w) for w in words]
    if any(row is None for row in rows):  # cleared by another thread meanwhile
        return embed_sentences(list(words), WORD_DIM)
    return np.array(rows, dtype=np.float32)


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
