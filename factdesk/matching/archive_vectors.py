"""Sentence vectors of archived checks as stored and compared: 256 int8 codes per text.

The archive search's relevance model (:mod:`factdesk.matching.archive_relevance`) reads
the cosine between a query and each candidate check's claim, and its fact-check title,
on WordLlama's full 256 dimensions. Embedding a 10,000-check archive takes seconds, so
the vectors are stored in the project (``archive_vectors``, migration 0007) as int8
codes (the scaling of :func:`factdesk.matching.claim_vectors.quantise`; cosines change
by about 0.001), computed at import and, for a project imported before, at the first
search. The search itself always reads vectors through the codes, stored or fresh, so
it ranks the same either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from factdesk.matching.claim_vectors import quantise, unit_vectors
from factdesk.model.models import ArchivedCheck
from factdesk.nlp.embeddings import embed_sentences

if TYPE_CHECKING:
    from factdesk.storage.archive import ArchiveVectorRepository

__all__ = ["ARCHIVE_VECTOR_DIM", "VectorRow", "archive_vectors", "check_vector_rows",
           "encode_codes", "vectors_of"]

#: Dimensions of a stored archive vector (the encoder's full width).
ARCHIVE_VECTOR_DIM = 256
#: (check id, claim, title, claim codes, title codes): a row to store.
VectorRow = tuple[str, str, str, bytes, bytes]


def encode_codes(texts: Sequence[str]) -> np.ndarray:
    """int8 codes (len(texts), ARCHIVE_VECTOR_DIM) of the texts' sentence vectors."""
    if not texts:
        return np.zeros((0, ARCHIVE_VECTOR_DIM), dtype=np.int8)
    return quantise(embed_sentences(list(texts), ARCHIVE_VECTOR_DIM))


def vectors_of(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors of ``texts`` as the search reads them (through the codes)."""
    return unit_vectors(encode_codes(texts))


def check_vector_rows(checks: Sequence[ArchivedCheck]) -> list[VectorRow]:
    """The rows to store for ``checks`` (their claims and titles embedded now)."""
    claims = encode_codes([c.claim for c in checks])
    titles = encode_codes([c.title for c in checks])
    return [(c.id, c.claim, c.title, claim.tobytes(), title.tobytes())
            for c, claim, title in zip(checks, claims, titles, strict=True)]


def archive_vectors(repository: ArchiveVectorRepository, checks: Sequence[ArchivedCheck]
                    ) -> tuple[np.ndarray, np.ndarray, list[VectorRow]]:
    """Unit claim and title vectors of ``checks`` (in order): stored ones read, missing
    or stale ones computed now and also returned as rows for the caller to store when
    the project is writable."""
    stored = repository.current()
    width = ARCHIVE_VECTOR_DIM
    claim_codes = np.zeros((len(checks), width), dtype=np.int8)
    title_codes = np.zeros((len(checks), width), dtype=np.int8)
    missing: list[int] = []
    for i, check in enumerate(checks):
        blobs = stored.get(check.id)
        if blobs is not None and len(blobs[0]) == width and len(blobs[1]) == width:
            claim_codes[i] = np.frombuffer(blobs[0], dtype=np.int8)
            title_codes[i] = np.frombuffer(blobs[1], dtype=np.int8)
        else:
            missing.append(i)
    computed = check_vector_rows([checks[i] for i in missing]) if missing else []
    for i, row in zip(missing, computed, strict=True):
        claim_codes[i] = np.frombuffer(row[3], dtype=np.int8)
        title_codes[i] = np.frombuffer(row[4], dtype=np.int8)
    return unit_vectors(claim_codes), unit_vectors(title_codes), computed
