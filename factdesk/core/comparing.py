"""Comparing two free texts as claims: score, relation and discrepancies.

Backs ``factdesk compare``: each text is parsed by the FactDesk pipeline (quantities,
times, entities, speaker), spellings are merged across the pair, and the pair goes
through the same pair model and discrepancy finder as the project's matches, with the
one-line reason the across-sources panel shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from factdesk.core.extractors import get_extractor
from factdesk.core.pair_rating import decide_claims, rate_claims
from factdesk.matching.discrepancies import ClaimFacts
from factdesk.matching.panel import match_reason
from factdesk.model.models import Claim
from factdesk.nlp.aliases import AliasResolver
from factdesk.nlp.name_folding import canonical_key
from factdesk.nlp.pipeline import MENTION_LABELS, retrieval_terms
from factdesk.nlp.quantities import extract_quantities
from factdesk.nlp.times import extract_times


@dataclass(frozen=True)
class Comparison:
    """The verdict of the matcher on one pair of texts."""

    score: float
    relation: str  # "same fact", "related", "conflicting" or "unrelated"
    discrepancies: tuple[dict[str, Any], ...]
    reason: str = ""  # one line: what the texts share (who, what, where), what differs


def _names(doc: Any) -> list[Any]:
    """The entities that are names (people, places, organisations...), as the project
    keeps mentions: dates and numbers are compared as such, not as spellings."""
    return [e for e in doc.ents if e.label_ in MENTION_LABELS]


def _claim_from_doc(doc: Any, canonical: dict[str, str], day: date | None = None) -> Claim:
    span = doc[:]
    sentences = list(doc.spans.get("sentences", []))
    best = max(sentences, key=lambda s: s._.claim_score) if sentences else None
    quantities = extract_quantities(span)
    entities = tuple({"text": e.text, "label": e.label_,
                      "canonical": canonical.get(e.text, e.text)} for e in _names(doc))
    keys = [canonical_key(e["canonical"]) for e in entities]
    numbers = [q.value for q in quantities if q.value is not None]
    speaker = best._.speaker if best is not None else None
    return Claim(
        id=0, article_id=0, start=0, end=len(doc.text), text=doc.text, prefix="", suffix="",
        kind=best._.claim_kind if best is not None else "other",
        score=float(best._.claim_score) if best is not None else 0.0,
        speaker=canonical.get(speaker, speaker) if speaker else None, origin="manual",
        quantities=tuple(q.as_dict() for q in quantities),
        times=tuple(t.as_dict() for t in extract_times(span, day)),
        entities=entities, lemmas=retrieval_terms(span, keys, numbers),
    )


@dataclass(frozen=True)
class RatedTexts:
    """Two texts read as claims, with the pair model's ratings of them."""

    a: Claim
    b: Claim
    probability: float  # the same-fact head's calibrated probability
    similarity: float | None  # the graded (STS) similarity, when the decision needs it
    event: float  # the same-event head's probability (decides)
    ranking_event: float | None = None  # its probability that ranks (None: ``event``)


def rate_texts(pairs: Sequence[tuple[str, str]], model: str | None = None,
               published: date | None = None) -> list[RatedTexts]:
    """Read each (text a, text b) pair as two claims and rate it with the pair model;
    ``published``: the texts' publication date."""
    extractor = get_extractor(model)
    texts = [t for pair in pairs for t in pair]
    docs = list(extractor.nlp.pipe(texts, batch_size=64))
    rated = []
    for i in range(0, len(docs), 2):
        a_doc, b_doc = docs[i], docs[i + 1]
        names = [(e.text, e.label_) for d in (a_doc, b_doc) for e in _names(d)]
        canonical = AliasResolver({}).resolve(names) if names else {}
        a = _claim_from_doc(a_doc, canonical, published)
        b = replace(_claim_from_doc(b_doc, canonical, published), id=1, article_id=1)
        probability, similarity, event, ranking_event = rate_claims(a, b)
        rated.append(RatedTexts(a, b, probability, similarity, event, ranking_event))
    return rated


def decide_texts(rated: RatedTexts, published: date | None = None) -> Comparison:
    """The relation of one rated pair (a bench may replace its ratings, e.g. with an
    out-of-fold probability, before deciding)."""
    score, relation, found = decide_claims(
        rated.a, rated.b, rated.probability, rated.similarity, rated.event,
        published=published, ranking_event=rated.ranking_event)
    reason = match_reason(ClaimFacts.from_claim(rated.a, published),
                          ClaimFacts.from_claim(rated.b, published), found)
    return Comparison(score, relation or "unrelated", tuple(found), reason)


def compare_texts(pairs: Sequence[tuple[str, str]], model: str | None = None,
                  published: date | None = None) -> list[Comparison]:
    """Compare each (text a, text b) pair; ``published``: the texts' publication date,
    against which dates without a year and "four days ago" are read."""
    return [decide_texts(rated, published) for rated in rate_texts(pairs, model, published)]
