"""The pair model's "same fact?" between an archive query and its candidate checks.

The archive relevance model (:mod:`factdesk.matching.archive_relevance`) learns from CLEF
tweets that all have a relevant check, so it learns *which* candidate is the claim more
than *whether* any is. FactDesk's sentence-pair model (:mod:`factdesk.matching.pair_model`,
the same-fact head of ``factdesk compare``) asks the second question. This module gives
each (query, candidate claim) pair its same-fact probability, from inputs built as
``factdesk compare`` builds them from plain sentences: a spaCy parse without the
dependency parser, :func:`~factdesk.matching.pair_features.pair_input_from_span`, and the
pair model's sentence vector.

A text's input is built the first time it is seen (a query, or a check the first time it
is a candidate) and kept in a bounded in-memory cache: a search parses its query and its
uncached candidates together in one ``nlp.pipe`` batch. When no spaCy English model is
installed, :func:`same_fact_available` says so and the archive search keeps its model
without these inputs.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from factdesk.matching.claim_vectors import embed_for_pairs
from factdesk.matching.pair_features import PairInput, pair_input_from_span
from factdesk.matching.pair_model import PairScorer
from factdesk.nlp.model import ModelUnavailable, load_base_pipeline, resolve_model_name

__all__ = ["CACHE_SIZE", "SameFactScorer", "same_fact_available"]

log = logging.getLogger(__name__)

#: Texts whose pair inputs are kept (a query's 20 candidates each time it is searched;
#: about 3 KB a text).
CACHE_SIZE = 8192


def same_fact_available() -> bool:
    """Whether a spaCy English model is installed to build the pair inputs."""
    try:
        resolve_model_name()
    except ModelUnavailable:
        return False
    return True


class SameFactScorer:
    """Same-fact probabilities of (query, claim) pairs, with the texts' pair inputs cached
    (least recently used dropped first beyond ``cache_size``; ``None``: never)."""

    def __init__(self, cache_size: int | None = CACHE_SIZE) -> None:
        self.cache_size = cache_size
        self._inputs: OrderedDict[str, PairInput] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._inputs)

    def _prepare(self, texts: Sequence[str]) -> dict[str, PairInput]:
        """The pair inputs of ``texts``: the uncached ones parsed in one batch."""
        with self._lock:
            wanted = list(dict.fromkeys(texts))
            found = {t: self._inputs[t] for t in wanted if t in self._inputs}
            for text in found:
                self._inputs.move_to_end(text)
        missing = [t for t in wanted if t not in found]
        if missing:
            nlp = load_base_pipeline()
            disable = [p for p in ("parser",) if p in nlp.pipe_names]
            parsed = [pair_input_from_span(doc)
                      for doc in nlp.pipe(missing, batch_size=64, disable=disable)]
            vectors = embed_for_pairs(missing)
            built = {t: dataclasses.replace(p, vector=v)
                     for t, p, v in zip(missing, parsed, vectors, strict=True)}
            found.update(built)
            with self._lock:
                self._inputs.update(built)
                while self.cache_size is not None and len(self._inputs) > self.cache_size:
                    self._inputs.popitem(last=False)
        return found

    def scores(self, queries: Sequence[str],
               candidates: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """For each query, the same-fact probability with each of its candidate claims."""
        inputs = self._prepare([*queries, *(c for claims in candidates for c in claims)])
        scorer = PairScorer.load()
        pairs = [(inputs[q], inputs[c]) for q, claims in zip(queries, candidates, strict=True)
                 for c in claims]
        p = scorer.probabilities(scorer.feature_matrix(pairs)) if pairs else np.zeros(0)
        out, start = [], 0
        for claims in candidates:
            out.append(np.asarray(p[start:start + len(claims)], dtype=np.float64))
            start += len(claims)
        return out
