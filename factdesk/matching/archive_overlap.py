"""What a query and an archived check share, word by word: the overlap features.

The lexical score of :class:`~factdesk.matching.archive_index.ArchiveIndex` says how well
a claim matches *relative to the archive*; it does not say whether the query and the
claim are about the same thing. An unrelated query still has a best hit, often one that
shares a single number or a common word ("more than 400 bodies were found in Izium" →
"The city has 400 miles of bike lanes"). These features describe the overlap itself,
each weighted by the term's rarity in the archive (its BM25 IDF, computed as if the
archive held at least :data:`MIN_IDF_DOCUMENTS` checks: in a project's archive of a
handful of checks every word is "common", and a query word no check holds would
outweigh all the shared ones):

* how much of the query's content the claim holds, and the claim with its title;
* how much of the claim's content the query holds;
* the same share of the query counting words only (a shared number is not a topic);
* the rarity mass of the shared words (log of the summed IDF);
* whether a number of the query is in the check, or both give numbers and none agree;
* the share of the query's entity-like words (names, acronyms, hashtags) the check lacks.

The query's length is deliberately not a feature: the training's relevant queries are
long tweets and short fact-check titles, its unrelated ones many short headlines, so a
length would teach the model the genre, not the relevance, and silence a checker's
short claims. (Whether the query is a social-media post is read, openly, by the
relevance model's plain-text weights: :mod:`factdesk.matching.archive_relevance`.)

The terms are the index's own (normalised, stopword-free, Porter-stemmed), so a query
is tokenised once for both the lexical search and these features.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from factdesk.matching.archive_index import ArchiveIndex, tokenise

__all__ = ["MIN_IDF_DOCUMENTS", "OVERLAP_FEATURES", "QueryTerms", "overlap_features",
           "query_terms", "term_weight"]

OVERLAP_FEATURES = ("query_coverage_claim", "query_coverage_check", "claim_coverage_query",
                    "word_coverage_check", "log1p_shared_word_idf", "number_shared",
                    "number_conflict", "entity_missing_share")


#: The IDF weights count an archive as holding at least this many checks.
MIN_IDF_DOCUMENTS = 1000


def term_weight(index: ArchiveIndex, term: str) -> float:
    """The rarity weight of a stemmed term: BM25 IDF over max(archive, 1,000) checks."""
    n = max(len(index), MIN_IDF_DOCUMENTS)
    df = index.document_frequency(term)
    return math.log(1.0 + (n - df + 0.5) / (df + 0.5))


def _is_number(term: str) -> bool:
    return any(c.isdigit() for c in term)


class QueryTerms:
    """A query's unique content terms with their IDF in one archive."""

    def __init__(self, index: ArchiveIndex, query: str) -> None:
        tokens, flags = tokenise(query)
        entity: dict[str, bool] = {}
        for token, flag in zip(tokens, flags, strict=True):
            entity[token] = entity.get(token, False) or flag
        self.idf = {t: term_weight(index, t) for t in entity}
        self.total = sum(self.idf.values())
        self.words = {t for t in entity if not _is_number(t)}
        self.numbers = set(entity) - self.words
        self.entities = {t for t, e in entity.items() if e and not _is_number(t)}
        self.word_total = sum(self.idf[t] for t in self.words)


def query_terms(index: ArchiveIndex, query: str) -> QueryTerms:
    """The query's terms as :func:`overlap_features` reads them."""
    return QueryTerms(index, query)


def _claim_idf(index: ArchiveIndex, terms: frozenset[str], cache: dict[str, float]) -> float:
    total = 0.0
    for t in terms:
        idf = cache.get(t)
        if idf is None:
            idf = cache[t] = term_weight(index, t)
        total += idf
    return total


def overlap_features(index: ArchiveIndex, query: QueryTerms,
                     positions: Sequence[int] | np.ndarray) -> np.ndarray:
    """One row of :data:`OVERLAP_FEATURES` per candidate document position."""
    rows = np.zeros((len(positions), len(OVERLAP_FEATURES)))
    total = max(query.total, 1e-9)
    word_total = max(query.word_total, 1e-9)
    cache: dict[str, float] = {}
    entity_total = sum(query.idf[t] for t in query.entities)
    for row, position in enumerate(positions):
        claim = index.claim_terms[int(position)]
        check = claim | index.title_terms[int(position)]
        in_claim = sum(w for t, w in query.idf.items() if t in claim)
        in_check = sum(w for t, w in query.idf.items() if t in check)
        shared_words = sum(query.idf[t] for t in query.words if t in check)
        claim_total = _claim_idf(index, claim, cache)
        claim_numbers = any(_is_number(t) for t in check)
        number_shared = any(t in check for t in query.numbers)
        missing_entities = sum(query.idf[t] for t in query.entities if t not in check)
        rows[row] = (
            in_claim / total,
            in_check / total,
            in_claim / claim_total if claim_total > 0 else 0.0,
            shared_words / word_total if query.word_total > 0 else 0.0,
            math.log1p(shared_words),
            float(number_shared),
            float(bool(query.numbers) and claim_numbers and not number_shared),
            missing_entities / total if entity_total > 0 else 0.0,
        )
    return rows
