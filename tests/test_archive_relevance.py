"""Tests of the archive search's calibrated relevance: re-ranking, the floor, the weights."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest
from archive_texts import ARCHIVE

from factdesk.matching.archive_index import ArchiveIndex
from factdesk.matching.archive_overlap import (
    OVERLAP_FEATURES,
    overlap_features,
    query_terms,
    term_weight,
)
from factdesk.matching.archive_relevance import (
    FEATURE_NAMES,
    WEIGHTS,
    RelevanceSearch,
    candidate_features,
    load_relevance_model,
)

REPO = Path(__file__).resolve().parents[1]
CLEF = REPO.parent / "shared" / "eval" / "clef2020-claim-retrieval"


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
    overlap = np.zeros((2, len(OVERLAP_FEATURES)))
    rows = candidate_features(np.array([0.5, 0.25]), np.array([0.8, 0.2]),
                              np.array([0.6, 0.1]), float("inf"), overlap)
    assert rows.shape == (2, len(FEATURE_NAMES))
    peak = FEATURE_NAMES.index("log_peak_ratio")
    assert rows[0, peak] == rows[1, peak] == 3.0
    assert rows[1, 1] == pytest.approx(0.5) and rows[0, 5] == 0.0
    empty = candidate_features(np.zeros(0), np.zeros(0), np.zeros(0), 0.0,
                               np.zeros((0, len(OVERLAP_FEATURES))))
    assert empty.shape == (0, len(FEATURE_NAMES))


def test_a_shared_number_alone_is_not_relevance() -> None:
    """The QA pass's case: a query sharing only "400" with a check got relevance 0.64."""
    archive = [("bike", "The city has 400 miles of bike lanes.", "Bike lanes"),
               ("rain", "Rainfall was twice the average.", "Rainfall record"),
               ("cars", "The mayor banned cars downtown.", "Car ban"),
               ("vote", "The senator voted 40 times against the bill.", "Voting record"),
               ("shark", "A photo shows a shark on a flooded highway.", "Shark photo")]
    search = RelevanceSearch(ArchiveIndex(archive), [t for _, _, t in archive])
    assert search.search_many(["More than 400 bodies were found in Izium"]) == [[]]
    [hits] = search.search_many(["The city has 400 miles of bike lanes, the mayor says"])
    assert hits[0][0] == "bike"


def test_overlap_features_weigh_words_by_rarity_and_numbers_apart() -> None:
    index = ArchiveIndex([("a", "The city has 400 miles of bike lanes.", ""),
                          ("b", "The city has 12 parks.", "")])
    row = dict(zip(OVERLAP_FEATURES, overlap_features(
        index, query_terms(index, "More than 400 bodies were found in Izium"), [0])[0],
        strict=True))
    assert row["number_shared"] == 1.0 and row["number_conflict"] == 0.0
    assert row["word_coverage_check"] == 0.0  # "400" is the only shared term
    assert 0 < row["query_coverage_claim"] < 0.3
    other = dict(zip(OVERLAP_FEATURES, overlap_features(
        index, query_terms(index, "The city has 500 parks"), [1])[0], strict=True))
    assert other["number_conflict"] == 1.0 and other["number_shared"] == 0.0
    assert other["word_coverage_check"] == pytest.approx(1.0)
    # an archive of two checks weighs words as if it held a thousand
    assert term_weight(index, "citi") > 5.0


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
