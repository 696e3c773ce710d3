"""Rating and deciding claim pairs: the pair model's probabilities and graded
similarity of each pair (cheaply bounded first, so most unrelated pairs never pay for
the costly features), then the relation decided from them and the two claims' facts.

Used by a matching run (:mod:`factdesk.core.matching_service`), by ``factdesk
compare`` (:mod:`factdesk.core.comparing`) and by the worker processes that rate pairs
in the background (:mod:`factdesk.core.analysis_pool`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future
from datetime import date
from typing import NamedTuple

import numpy as np

from factdesk.matching.claim_vectors import embed_for_pairs
from factdesk.matching.discrepancies import ClaimFacts
from factdesk.matching.pair_features import (
    PARTIAL_RATIO_COLUMNS,
    PairInput,
    lemma_partial_ratio,
    raw_partial_ratio,
)
from factdesk.matching.pair_inputs import pair_input
from factdesk.matching.pair_model import PairScorer
from factdesk.matching.relations import (
    FRAME_OVERRULE_MAX,
    QUOTE_SIMILARITY,
    RELATED_SIMILARITY,
    decide,
)
from factdesk.matching.story_names import Story
from factdesk.model.models import Article, Claim, published_date


def _article_date(article: Article | None) -> date | None:
    return published_date(article.published if article else None)


def _needs_similarity(probability: float, scorer: PairScorer) -> bool:
    """Whether :func:`~factdesk.matching.relations.decide` reads the graded similarity."""
    return probability < FRAME_OVERRULE_MAX


def decide_rating(
    probability: float, similarity: float | None, facts_a: ClaimFacts, facts_b: ClaimFacts,
    scorer: PairScorer, term_similarity: float | None, event: float = 0.0,
    story_names: frozenset[str] = frozenset(), ranking_event: float | None = None,
    story: Story | None = None,
) -> tuple[float, str | None, list[dict]]:
    if story is not None:
        story_names = story.names
    relation = decide(probability, 0.0 if similarity is None else similarity, facts_a, facts_b,
                      same_threshold=scorer.same_threshold,
                      related_threshold=scorer.related_threshold,
                      term_similarity=term_similarity, event=event,
                      event_threshold=scorer.event_threshold, story_names=story_names,
                      ranking_event=ranking_event,
                      story_figures=story.figures if story is not None else frozenset(),
                      story_words=story.words if story is not None else frozenset(),
                      story_days=story.days if story is not None else frozenset(),
                      story_lead=story.lead if story is not None else frozenset())
    return relation.score, relation.relation, [d.as_dict() for d in relation.discrepancies]


def facts_of_claim(claim: Claim, article: Article | None, published: date | None = None
           ) -> ClaimFacts:
    """The claim's facts; ``published`` dates a claim without an article."""
    if article is None:
        return ClaimFacts.from_claim(claim, published, "")
    return ClaimFacts.from_claim(claim, _article_date(article), article.outlet)


def rate_claims(a: Claim, b: Claim, scorer: PairScorer | None = None) -> PairScore:
    """(same-fact probability, graded similarity or None, same-event probability, the
    same-event probability that ranks) of two claims, rated exactly."""
    scorer = scorer or PairScorer.load()
    va, vb = embed_for_pairs([a.text, b.text])
    pa, pb = pair_input(a, vector=va), pair_input(b, vector=vb)
    return rate_pairs(scorer, [(pa, pb)], exact=True)[0]  # type: ignore[return-value]


def decide_claims(
    a: Claim, b: Claim, probability: float, similarity: float | None, event: float,
    article_a: Article | None = None, article_b: Article | None = None,
    scorer: PairScorer | None = None, term_similarity: float | None = None,
    published: date | None = None, ranking_event: float | None = None,
) -> tuple[float, str | None, list[dict]]:
    """(score, relation or None when unrelated, discrepancies as dicts) of two claims
    already rated: :func:`factdesk.matching.relations.decide`'s decision from the pair
    model's probabilities, the graded STS similarity and the claims' facts.
    ``published`` stands for the publication date of a claim without an article;
    ``ranking_event`` for the same-event probability that ranks (the deciding one
    when None)."""
    scorer = scorer or PairScorer.load()
    return decide_rating(probability, similarity, facts_of_claim(a, article_a, published),
                   facts_of_claim(b, article_b, published), scorer, term_similarity, event,
                   ranking_event=ranking_event)


#: (same-fact probability, graded similarity or None, deciding same-event probability,
#: ranking same-event probability): see :meth:`PairScorer.event_ranking_probabilities`.
PairScore = tuple[float, float | None, float, float]


class Unrelated(NamedTuple):
    """A pair rated only as far as to know it is unrelated, unless its claims date one
    person's event alike: upper bounds of its probability and graded similarity, each
    below what every other relation needs (see :func:`rate_pairs`). It has no ranking
    same-event probability: a pair decided unrelated is not stored, and one the bounds
    leave a relation is rated again exactly (:meth:`PairJudge._judge_one`)."""

    probability: float
    similarity: float
    event: float


# rates pairs in the background for one run (named by a string): (how many pairs, their
# future ratings) per consecutive slice
RAW_PARTIAL_COLUMN, LEMMA_PARTIAL_COLUMN = PARTIAL_RATIO_COLUMNS
RatePairs = Callable[[list[tuple[PairInput, PairInput]], str],
                     list[tuple[int, "Future[list[PairScore | Unrelated]]"]]]
#: Graded similarity below which only a dated event can relate two claims the model
#: does not relate (a same quote and a similar pair need this much).
_SIMILARITY_FOR_MORE_THAN_A_DATED_EVENT = min(QUOTE_SIMILARITY, RELATED_SIMILARITY)


def _settle_unrelated(scorer: PairScorer, x: np.ndarray, rows: np.ndarray,
                      ratings: list[PairScore | Unrelated | None]) -> np.ndarray:
    """Rate :class:`Unrelated` the ``rows`` of ``x`` whose upper bounds show them so (see
    :func:`rate_pairs`); the rows still open."""
    most_likely, most_similar = scorer.upper_bounds(x[rows])
    most_eventful = scorer.event_upper_bound(x[rows])
    unrelated = ((most_likely < scorer.related_threshold)
                 & (most_similar < _SIMILARITY_FOR_MORE_THAN_A_DATED_EVENT)
                 & (most_eventful < scorer.event_threshold))
    for j in np.flatnonzero(unrelated).tolist():
        ratings[int(rows[j])] = Unrelated(float(most_likely[j]), float(most_similar[j]),
                                          float(most_eventful[j]))
    return rows[~unrelated]


def ranking_event_of(rating: PairScore | Unrelated) -> float | None:
    """The ranking same-event probability of a rated pair (none for :class:`Unrelated`)."""
    return None if isinstance(rating, Unrelated) else rating[3]


def rate_pairs(scorer: PairScorer, pairs: Sequence[tuple[PairInput, PairInput]],
               exact: bool = False) -> list[PairScore | Unrelated]:
    """(probability, graded similarity or None when :func:`decide` will not read it,
    same-event probability, ranking same-event probability).

    When the scorer can grade a precomputed feature matrix (``PairScorer.graded``), the
    pair features are computed once for both models; otherwise ``score_many`` and
    ``similarity_many`` compute them each.

    Unless ``exact``, the costly partial-ratio features are first replaced by their
    floors: a pair whose probability, similarity and same-event probability stay below
    their thresholds even then (:meth:`PairScorer.upper_bounds`,
    :meth:`PairScorer.event_upper_bound`) is :class:`Unrelated` without them. The
    others get the cheaper lemma partial ratio exactly and are bounded again; the rest
    are rated exactly. :func:`decide` only relates pairs above thresholds of
    both, so a pair it leaves unrelated at the bounds is unrelated at the exact values.
    """
    if not pairs:
        return []
    graded = getattr(scorer, "graded", None)
    if not callable(graded) or getattr(scorer, "similarity_model", None) is None:
        probabilities = scorer.score_many(pairs)
        wanted = [i for i, p in enumerate(probabilities) if _needs_similarity(p, scorer)]
        similarities = dict(zip(wanted, scorer.similarity_many([pairs[i] for i in wanted]),
                                strict=True))
        return [(p, similarities.get(i), 0.0, 0.0) for i, p in enumerate(probabilities)]
    x = scorer.feature_matrix(pairs, partial_ratios=exact)
    ratings: list[PairScore | Unrelated | None] = [None] * len(pairs)
    rest = np.arange(len(pairs))
    if not exact:
        # both partial ratios at their floors; then the cheaper lemma one exact: only the
        # pairs that both leave open pay for the raw one
        rest = _settle_unrelated(scorer, x, rest, ratings)
        for i in rest.tolist():
            x[i, LEMMA_PARTIAL_COLUMN] = lemma_partial_ratio(*pairs[i])
        rest = _settle_unrelated(scorer, x, rest, ratings)
        for i in rest.tolist():
            x[i, RAW_PARTIAL_COLUMN] = raw_partial_ratio(*pairs[i])
    if len(rest):
        x = x[rest]
        probabilities = [float(p) for p in scorer.probabilities(x)]
        wanted = [i for i, p in enumerate(probabilities) if _needs_similarity(p, scorer)]
        similarities = (dict(zip(wanted, graded(x[wanted]).tolist(), strict=True))
                        if wanted else {})
        events = scorer.event_probabilities(x).tolist()
        ranking = scorer.event_ranking_probabilities(x).tolist()
        for j, (i, p) in enumerate(zip(rest.tolist(), probabilities, strict=True)):
            ratings[i] = (p, similarities.get(j), events[j], ranking[j])
    return ratings  # type: ignore[return-value] - every slot is filled
