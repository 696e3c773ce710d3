"""How likely an archive hit is the earlier check a query repeats: a calibrated relevance.

:class:`RelevanceSearch` asks the lexical :class:`~factdesk.matching.archive_index.ArchiveIndex`
for its :data:`DEPTH` best candidates, then scores each with a small logistic regression
over what the words say and what the meaning says: the lexical score, its share of the
best one, the lexical rank, the cosine between the query's and the claim's sentence
embeddings (WordLlama, :mod:`factdesk.nlp.embeddings`), the cosine with the fact-check's
title, the claim cosine's distance from the best claim cosine among the candidates, how
far the best lexical score stands above the tenth, and what the query and the check
share, weighted by rarity (:mod:`factdesk.matching.archive_overlap`). The hits are
re-ranked by that probability, which is what a checker is shown ("relevance 0.87").

A tweet and a sentence from a news article restate a check differently: a tweet shares
a name or a photo's subject with it, a news sentence most of its wording. So the model
reads **plain text** (no link, ``@handle`` or ``#hashtag``: :func:`is_social_post`) with
weights of its own: every feature appears twice, once for all queries and once only for
plain ones (:data:`PLAIN_FEATURE_NAMES`), plus a plain-text intercept. The plain-text
weights were fitted on fact-checkers' own titles restating their checks (relevant) and on
news sentences (unrelated), so that an unrelated news sentence sharing a name or a common
word with a check finds nothing, while a sentence restating a check finds it.

A second weight set, **measured and not the default**, adds two inputs from FactDesk's
sentence-pair model (:mod:`factdesk.matching.archive_samefact`): the same-fact probability
of the query and the candidate's claim, and its best over the query's candidates
(``load_relevance_model(same_fact=True)``, ``weights/archive_relevance_samefact.json``,
its own floor, over :data:`FEATURE_NAMES` without the plain-text weights). Fitted on
tweets as the only relevant queries, it weighs both inputs *negatively* (a clean sentence
the pair model reads as the same fact is not a tweet) and silences 56 of 150 checks' own
claims searched verbatim, so the searches of the CLI and the window keep the model
without them (docs/import-reliability.md).

A query is answered only when its best hit's relevance reaches the floor stored with the
weights: below it, nothing in the archive is likely to be the claim, and nothing is shown.

The weights (``weights/archive_relevance.json``) are fitted by
:mod:`factdesk.matching.train_archive_relevance` on the CLEF-2020 CheckThat! Task 2
training queries and the verified claims' fact-check titles (restatements), with MRPC
and ClaimBuster sentences, STS 2013-2014 news headlines and tweets whose check is not in
the archive as unrelated queries; the JSON records the datasets, their citations and the
cross-validated figures. The documents' vectors come stored with the project
(:mod:`factdesk.matching.archive_vectors`) or are computed here.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from factdesk.matching.archive_index import ArchiveIndex, normalise_text
from factdesk.matching.archive_overlap import OVERLAP_FEATURES, overlap_features, query_terms
from factdesk.matching.archive_samefact import SameFactScorer
from factdesk.matching.archive_vectors import ARCHIVE_VECTOR_DIM, vectors_of
from factdesk.nlp.embeddings import embed_sentences
from factdesk.nlp.model import ModelUnavailable

__all__ = ["DEPTH", "FEATURE_NAMES", "PLAIN_FEATURE_NAMES", "SAME_FACT_FEATURE_NAMES",
           "RelevanceModel", "RelevanceSearch", "candidate_features", "is_social_post",
           "load_relevance_model", "pair_columns", "plain_columns"]

log = logging.getLogger(__name__)

WEIGHTS = Path(__file__).with_name("weights") / "archive_relevance.json"
#: The model with the pair model's same-fact inputs (:data:`SAME_FACT_FEATURE_NAMES`).
SAME_FACT_WEIGHTS = WEIGHTS.with_name("archive_relevance_samefact.json")
#: Lexical candidates re-scored per query.
DEPTH = 20
#: Sentence-embedding width (WordLlama's full 256, as the archive vectors are stored).
EMBEDDING_DIM = ARCHIVE_VECTOR_DIM
#: The log peak ratio is clipped to [0, MAX_LOG_PEAK] (an archive of a few records has
#: no tenth hit: its best hit then counts as standing out fully).
MAX_LOG_PEAK = 3.0
FEATURE_NAMES = ("lexical_score", "lexical_share_of_best", "log1p_lexical_rank",
                 "claim_cosine", "title_cosine", "claim_cosine_minus_best", "log_peak_ratio",
                 *OVERLAP_FEATURES)
#: The shipped model's features: each of :data:`FEATURE_NAMES`, each again counted only
#: for a plain-text query (not a social-media post), and the plain-text indicator.
PLAIN_FEATURE_NAMES = (*FEATURE_NAMES, *(f"{name}_if_plain" for name in FEATURE_NAMES),
                       "plain_text")
#: A link, a pic.twitter.com photo, an @handle or a #hashtag: a social-media post.
_SOCIAL_RE = re.compile(r"https?://|www\.|pic\.twitter\.com|(?<![\w@])[@#][A-Za-z0-9_]")
#: The pair model's inputs: same-fact probability, and its best over the candidates.
PAIR_FEATURES = ("same_fact", "best_same_fact")
SAME_FACT_FEATURE_NAMES = (*FEATURE_NAMES, *PAIR_FEATURES)


def candidate_features(lexical: np.ndarray, claim_cosine: np.ndarray,
                       title_cosine: np.ndarray, peak: float,
                       overlap: np.ndarray) -> np.ndarray:
    """The feature matrix (one row per candidate, lexical order, best first);
    ``overlap``: the candidates' rows of :func:`overlap_features`."""
    n = lexical.size
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    best = max(float(lexical[0]), 1e-9)
    log_peak = MAX_LOG_PEAK if math.isinf(peak) else math.log(max(peak, 1.0))
    return np.column_stack([
        lexical,
        lexical / best,
        np.log1p(np.arange(n, dtype=np.float64)),
        claim_cosine,
        title_cosine,
        claim_cosine - float(claim_cosine.max()),
        np.full(n, min(max(log_peak, 0.0), MAX_LOG_PEAK)),
        overlap,
    ])


def is_social_post(query: str) -> bool:
    """Whether ``query`` reads like a social-media post: it holds a link, an ``@handle``
    or a ``#hashtag`` (the CLEF tweets all but two of 800 do; a news sentence does not)."""
    return _SOCIAL_RE.search(query) is not None


def plain_columns(rows: np.ndarray, query: str) -> np.ndarray:
    """``rows`` (:data:`FEATURE_NAMES`) widened to :data:`PLAIN_FEATURE_NAMES` for ``query``."""
    plain = 0.0 if is_social_post(query) else 1.0
    return np.hstack([rows, rows * plain, np.full((rows.shape[0], 1), plain)])


def pair_columns(same_fact: np.ndarray) -> np.ndarray:
    """The :data:`PAIR_FEATURES` columns of a query's candidates (lexical order)."""
    best = float(same_fact.max()) if same_fact.size else 0.0
    return np.column_stack([same_fact, np.full(same_fact.size, best)])


@dataclass(frozen=True)
class RelevanceModel:
    """Logistic-regression weights over :data:`PLAIN_FEATURE_NAMES` (or
    :data:`FEATURE_NAMES`, :data:`SAME_FACT_FEATURE_NAMES`) and the list floor."""

    coefficients: np.ndarray
    intercept: float
    floor: float
    features: tuple[str, ...] = PLAIN_FEATURE_NAMES

    @property
    def uses_same_fact(self) -> bool:
        return self.features == SAME_FACT_FEATURE_NAMES

    @property
    def reads_plain_text(self) -> bool:
        """Whether plain-text queries have weights of their own."""
        return self.features == PLAIN_FEATURE_NAMES

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        if features.shape[0] == 0:
            return np.zeros(0)
        margin = features @ self.coefficients + self.intercept
        return 1.0 / (1.0 + np.exp(-margin))

    @classmethod
    def from_json(cls, data: dict) -> RelevanceModel:
        features = tuple(data["features"])
        if features not in (FEATURE_NAMES, PLAIN_FEATURE_NAMES, SAME_FACT_FEATURE_NAMES):
            raise ValueError("archive relevance weights were fitted on other features")
        return cls(np.asarray(data["coefficients"], dtype=np.float64),
                   float(data["intercept"]), float(data["floor"]), features)


@lru_cache(maxsize=2)
def load_relevance_model(same_fact: bool = False) -> RelevanceModel:
    """The shipped model (read once), or the measured one with the pair model's
    same-fact inputs (``same_fact``; needs a spaCy English model at search time)."""
    path = SAME_FACT_WEIGHTS if same_fact else WEIGHTS
    return RelevanceModel.from_json(json.loads(path.read_text(encoding="utf-8")))


class RelevanceSearch:
    """Lexical candidates re-ranked and floored by their calibrated relevance."""

    def __init__(self, index: ArchiveIndex, titles: Sequence[str],
                 model: RelevanceModel | None = None, *,
                 claim_vectors: np.ndarray | None = None,
                 title_vectors: np.ndarray | None = None,
                 same_fact: SameFactScorer | None = None) -> None:
        """``claim_vectors`` / ``title_vectors``: the documents' unit vectors as stored
        (:mod:`factdesk.matching.archive_vectors`); computed here when not given.
        ``same_fact``: the pair inputs' cache to use (one per search by default)."""
        self.index = index
        self.model = model or load_relevance_model()
        self.same_fact = (same_fact or SameFactScorer()) if self.model.uses_same_fact \
            else None
        self.claim_vectors = vectors_of(index.claims) if claim_vectors is None \
            else claim_vectors
        self.title_vectors = vectors_of(titles) if title_vectors is None else title_vectors

    def features(self, queries: Sequence[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        """For each query, its candidates' positions and feature rows (lexical order)."""
        vectors = embed_sentences([normalise_text(q) for q in queries], EMBEDDING_DIM)
        out = []
        for query, vector in zip(queries, vectors, strict=True):
            positions, lexical, peak = self.index.candidates(query, DEPTH)
            claim_cos = self.claim_vectors[positions] @ vector
            title_cos = self.title_vectors[positions] @ vector
            overlap = overlap_features(self.index, query_terms(self.index, query), positions)
            out.append((positions, candidate_features(lexical, claim_cos.astype(np.float64),
                                                      title_cos.astype(np.float64), peak,
                                                      overlap)))
        if self.same_fact is not None:
            try:
                same = self.same_fact.scores(
                    list(queries), [[self.index.claims[int(p)] for p in positions]
                                    for positions, _ in out])
            except (ModelUnavailable, OSError, ImportError, ValueError) as exc:
                # the spaCy model went missing or broke: keep searching without it
                log.warning("archive relevance without the same-fact inputs: %s", exc)
                self.model, self.same_fact = load_relevance_model(same_fact=False), None
            else:
                return [(positions, np.hstack([rows, pair_columns(s)]))
                        for (positions, rows), s in zip(out, same, strict=True)]
        if self.model.reads_plain_text:
            return [(positions, plain_columns(rows, query))
                    for (positions, rows), query in zip(out, queries, strict=True)]
        return out

    def search_many(self, queries: Sequence[str], k: int = 5,
                    min_relevance: float | None = None) -> list[list[tuple[str, float]]]:
        """For each query its ``k`` most relevant documents as ``(doc_id, relevance)``,
        or none when the best relevance is below ``min_relevance`` (default: the
        model's calibrated floor)."""
        floor = self.model.floor if min_relevance is None else min_relevance
        results: list[list[tuple[str, float]]] = []
        for positions, rows in self.features(queries):
            p = self.model.probabilities(rows)
            if p.size == 0 or float(p.max()) < floor:
                results.append([])
                continue
            order = np.argsort(-p, kind="stable")[:k]
            results.append([(self.index.doc_ids[int(positions[i])], float(p[i]))
                            for i in order])
        return results
