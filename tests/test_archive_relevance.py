"""Tests of the archive search's calibrated relevance: re-ranking, the floor, the weights."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from factdesk.matching.archive_index import ArchiveIndex
from factdesk.matching.archive_relevance import (
    FEATURE_NAMES,
    WEIGHTS,
    RelevanceSearch,
    candidate_features,
    load_relevance_model,
)

REPO = Path(__file__).resolve().parents[1]
CLEF = REPO.parent / "shared" / "eval" / "clef2020-claim-retrieval"

ARCHIVE = [
    ("1", "The river in Dresden rose six metres during the flood.", "Did the Elbe rise 6 m?"),
    ("2", "Drinking bleach cures the coronavirus.", "Bleach is not a cure"),
    ("3", "The senator voted 40 times against the infrastructure bill.",
     "Senator's voting record on infrastructure"),
    ("4", "A photo shows a shark swimming on a flooded highway in Houston.",
     "Shark on a Houston freeway?"),
    ("5", "The city council banned dogs from all public parks.", "Dog ban in parks"),
]


@pytest.fixture(scope="module")
def search() -> RelevanceSearch:
    index = ArchiveIndex(ARCHIVE)
    return RelevanceSearch(index, [t for _, _, t in ARCHIVE])


def test_the_weights_record_their_data_and_features() -> None:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert tuple(data["features"]) == FEATURE_NAMES
    assert len(data["coefficients"]) == len(FEATURE_NAMES)
    assert any("CLEF-2020" in name for name in data["datasets"])
    assert 0 < data["floor"] < 0.5
    assert data["cross_validation"]["cv_map5_reranked"] >= data["cross_validation"][
        "cv_map5_lexical"]


def test_a_repeated_claim_is_found_with_a_high_relevance(search: RelevanceSearch) -> None:
    [hits] = search.search_many(["Wow, a shark swimming down the flooded Houston highway!"])
    doc_id, relevance = hits[0]
    assert doc_id == "4"
    assert 0.5 < relevance <= 1.0
    assert [p for _, p in hits] == sorted((p for _, p in hits), reverse=True)


def test_an_unrelated_query_returns_nothing(search: RelevanceSearch) -> None:
    unrelated = ["The central bank kept interest rates unchanged on Thursday.",
                 "Octopuses have three hearts and blue blood."]
    assert search.search_many(unrelated) == [[], []]


def test_an_explicit_floor_of_zero_shows_the_candidates(search: RelevanceSearch) -> None:
    [hits] = search.search_many(["The council discussed parks on Tuesday."], k=5,
                                min_relevance=0.0)
    assert hits and hits[0][0] == "5"


def test_features_of_a_small_archive_count_the_best_as_standing_out() -> None:
    rows = candidate_features(np.array([0.5, 0.25]), np.array([0.8, 0.2]),
                              np.array([0.6, 0.1]), float("inf"))
    assert rows.shape == (2, len(FEATURE_NAMES))
    assert rows[0, -1] == rows[1, -1] == 3.0
    assert rows[1, 1] == pytest.approx(0.5) and rows[0, 5] == 0.0
    assert candidate_features(np.zeros(0), np.zeros(0), np.zeros(0), 0.0).shape == (0, 7)


@pytest.mark.slow
@pytest.mark.skipif(not CLEF.is_dir(), reason="CLEF-2020 evaluation data not available")
def test_clef_dev_map_at_5_with_the_floor() -> None:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from archive_retrieval import evaluate, load_docs, load_split
    finally:
        sys.path.pop(0)
    docs = load_docs(CLEF)
    search = RelevanceSearch(ArchiveIndex(docs), [t for _, _, t in docs])
    queries, qrels = load_split("dev", CLEF)
    result = evaluate(lambda qs: search.search_many(list(qs), 5), queries, qrels)
    assert result["map@5"] >= 0.82
    assert load_relevance_model().floor > 0
