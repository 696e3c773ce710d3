"""Tests of the archive search with the pair model's same-fact inputs, and its fallback
without a spaCy model (the real spaCy model and the real pair model)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from archive_texts import ARCHIVE as FIVE_CHECKS

from factdesk.matching import archive_relevance, archive_samefact
from factdesk.matching.archive_index import ArchiveIndex
from factdesk.matching.archive_relevance import (
    PLAIN_FEATURE_NAMES,
    SAME_FACT_FEATURE_NAMES,
    SAME_FACT_WEIGHTS,
    WEIGHTS,
    RelevanceSearch,
    load_relevance_model,
    pair_columns,
)
from factdesk.matching.archive_samefact import SameFactScorer, same_fact_available

pytestmark = pytest.mark.skipif(not same_fact_available(), reason="no spaCy English model")

ARCHIVE = [
    *FIVE_CHECKS,
    ("6", "Bees have been classified as an endangered species.", "Are bees endangered?"),
    ("7", "A woman in Idaho was sentenced to seven years in prison for breastfeeding "
          "in public.", "Idaho breastfeeding sentence"),
]
UNRELATED = ["The central bank kept interest rates unchanged on Thursday.",
             "Octopuses have three hearts and blue blood.",
             "A judge sentenced the gunman to multiple life prison sentences on Saturday.",
             "Biologists call on the administration to overturn rules on endangered "
             "species legislation."]


@pytest.fixture(scope="module")
def search() -> RelevanceSearch:
    model = load_relevance_model(same_fact=True)
    return RelevanceSearch(ArchiveIndex(ARCHIVE), [t for _, _, t in ARCHIVE], model)


def test_both_weight_sets_record_their_data_features_and_floor() -> None:
    old = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    new = json.loads(SAME_FACT_WEIGHTS.read_text(encoding="utf-8"))
    assert tuple(old["features"]) == PLAIN_FEATURE_NAMES
    assert tuple(new["features"]) == SAME_FACT_FEATURE_NAMES
    assert len(new["coefficients"]) == len(SAME_FACT_FEATURE_NAMES)
    for weights in (old, new):
        assert any("CLEF-2020" in name for name in weights["datasets"])
        assert any(name.startswith("MRPC") for name in weights["datasets"])
        assert all(weights["datasets"].values())
    assert "pair" in new["model"] and "plain-text" in old["model"]
    assert 0 < old["floor"] < 0.5 and 0 < new["floor"] < 0.5
    assert new["cross_validation"]["cv_map5_with_floor"] >= (
        new["cross_validation"]["cv_map5_reranked"] - 0.01)


def test_the_default_is_the_shipped_model_without_the_pair_inputs() -> None:
    default = RelevanceSearch(ArchiveIndex(ARCHIVE), [t for _, _, t in ARCHIVE])
    assert not default.model.uses_same_fact and default.same_fact is None
    assert default.model.floor == load_relevance_model().floor


def test_the_measured_model_reads_the_pair_inputs(search: RelevanceSearch) -> None:
    assert search.model.uses_same_fact and search.same_fact is not None
    [(positions, rows)] = search.features(["Bees are now an endangered species"])
    assert rows.shape == (len(positions), len(SAME_FACT_FEATURE_NAMES))
    same, best = rows[:, -2], rows[:, -1]
    assert np.all((0 <= same) & (same <= 1)) and np.allclose(best, same.max())
    assert same[0] == same.max() > 0.5  # the bees check: the same fact
    [hits] = search.search_many(["Wow, a shark swimming down the flooded Houston highway!"])
    assert hits[0][0] == "4" and hits[0][1] >= search.model.floor
    assert search.search_many(UNRELATED[:2]) == [[], []]


def test_why_it_is_not_the_default_a_clean_restatement_is_pushed_down(
        search: RelevanceSearch) -> None:
    """Fitted with tweets as the only relevant queries, the measured model weighs the
    same-fact inputs negatively: a clean sentence stating a check's fact scores lower."""
    new = json.loads(SAME_FACT_WEIGHTS.read_text(encoding="utf-8"))
    assert new["coefficients"][SAME_FACT_FEATURE_NAMES.index("best_same_fact")] < 0
    shipped = RelevanceSearch(ArchiveIndex(ARCHIVE), [t for _, _, t in ARCHIVE])
    claim = ARCHIVE[3][1]
    [[(doc, kept)]] = shipped.search_many([claim], k=1)
    [[(same_doc, pushed)]] = search.search_many([claim], k=1)
    assert doc == same_doc == "4" and pushed < kept / 2


def test_the_checks_pair_inputs_are_parsed_once_and_the_cache_is_bounded() -> None:
    scorer = SameFactScorer(cache_size=None)
    claims = [c for _, c, _ in ARCHIVE]
    first = scorer.scores(["Bees are endangered now"], [claims])
    assert len(scorer) == len(claims) + 1
    again = scorer.scores(["Bees are endangered now", "The Elbe rose six metres"],
                          [claims[:3], claims[:1]])
    assert len(scorer) == len(claims) + 2  # only the new query was parsed
    assert np.allclose(first[0][:3], again[0]) and again[1].shape == (1,)
    small = SameFactScorer(cache_size=3)
    small.scores(["Bees are endangered now"], [claims])
    assert len(small) == 3
    assert pair_columns(np.zeros(0)).shape == (0, 2)


def test_a_spacy_model_failing_at_search_time_falls_back_quietly(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    def broken(preferred: str | None = None):
        raise OSError("[E050] Can't find model 'en_core_web_sm'")

    search = RelevanceSearch(ArchiveIndex(ARCHIVE), [t for _, _, t in ARCHIVE],
                             load_relevance_model(same_fact=True))
    monkeypatch.setattr(archive_samefact, "load_base_pipeline", broken)
    [hits] = search.search_many(["Wow, a shark swimming down the flooded Houston highway!"])
    assert hits[0][0] == "4"
    assert not search.model.uses_same_fact
    assert search.model.floor == archive_relevance.load_relevance_model().floor
    assert "without the same-fact inputs" in caplog.text
