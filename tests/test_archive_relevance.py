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
    PLAIN_FEATURE_NAMES,
    WEIGHTS,
    RelevanceSearch,
    candidate_features,
    is_social_post,
    load_relevance_model,
    plain_columns,
)

REPO = Path(__file__).resolve().parents[1]
CLEF = REPO.parent / "shared" / "eval" / "clef2020-claim-retrieval"


@pytest.fixture(scope="module")
def search() -> RelevanceSearch:
    index = ArchiveIndex(ARCHIVE)
    return RelevanceSearch(index, [t for _, _, t in ARCHIVE])


def test_the_weights_record_their_data_and_features() -> None:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert tuple(data["features"]) == PLAIN_FEATURE_NAMES
    assert len(data["coefficients"]) == len(PLAIN_FEATURE_NAMES)
    assert any("CLEF-2020" in name and "titles" in name for name in data["datasets"])
    assert all(citation for citation in data["datasets"].values())
    assert 0 < data["floor"] < 0.5 and "restatements" in data["floor_rule"]
    figures = data["cross_validation"]
    assert figures["cv_map5_reranked"] >= figures["cv_map5_lexical"]
    assert figures["cv_map5_with_floor"] >= figures["cv_map5_reranked"] - 0.01
    assert figures["cv_restatements_silenced_whole_archive"] <= 0.02


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


#: Checks whose people and words recur in unrelated news (the leaks of the floor before).
NEWS_ARCHIVE = [
    *ARCHIVE,
    ("6", "Kanye West proclaimed: I am the next Nelson Mandela.",
     "Did Kanye West Say He Is the Next Nelson Mandela?"),
    ("7", "President Trump lifted sanctions against Russia.",
     "Did Trump Lift Sanctions on Russia?"),
    ("8", "Bees have been classified as an endangered species.", "Are Bees Endangered?"),
    ("9", "A woman in Idaho was sentenced to seven years in prison for breastfeeding "
          "in public.", "Idaho Woman Jailed for Breastfeeding?"),
    ("10", "The Iran nuclear deal will cost 100,000 Boeing jobs.",
     "Will the Iran Deal Cost Boeing Jobs?"),
]


@pytest.fixture(scope="module")
def news_search() -> RelevanceSearch:
    return RelevanceSearch(ArchiveIndex(NEWS_ARCHIVE), [t for _, _, t in NEWS_ARCHIVE])


def test_an_unrelated_news_sentence_sharing_a_name_or_word_returns_nothing(
        news_search: RelevanceSearch) -> None:
    """News sentences about the checks' people and words, none restating a check. (Not
    all are silenced: "The European Union and the United States tightened sanctions on
    Russia over Crimea" still finds "President Trump lifted sanctions against Russia",
    docs/import-reliability.md.)"""
    unrelated = ["Nelson Mandela's family gathered in Qunu for his funeral on Sunday.",
                 "A judge sentenced the gunman to multiple life prison sentences on "
                 "Saturday.",
                 "Iran and six world powers opened a third day of nuclear talks in Geneva.",
                 "Beekeepers in Ohio reported a mild winter and a good honey harvest."]
    assert news_search.search_many(unrelated) == [[]] * len(unrelated)
    # below the floor the candidates are still there for a checker who asks
    weak = news_search.search_many(unrelated, min_relevance=0.0)
    assert sum(bool(hits) for hits in weak) >= 3  # "beekeepers" shares no term with "bees"
    assert all(hits[0][1] < news_search.model.floor for hits in weak if hits)


def test_a_check_restated_in_a_news_sentence_is_found(news_search: RelevanceSearch) -> None:
    restated = {"Kanye West told the crowd he is the next Nelson Mandela.": "6",
                "Trump has lifted the sanctions the U.S. had placed on Russia.": "7",
                "Bees are now officially classified as an endangered species.": "8",
                "An Idaho woman got seven years in prison for breastfeeding in public.": "9",
                "The city council has banned dogs from every public park.": "5"}
    found = news_search.search_many(list(restated), k=1)
    assert [hits[0][0] for hits in found] == list(restated.values())
    assert all(hits[0][1] >= news_search.model.floor for hits in found)
    # and a check searched by its own claim, word for word
    [[(doc, relevance)]] = news_search.search_many([NEWS_ARCHIVE[6][1]], k=1)
    assert doc == "7" and relevance > 0.5


def test_a_social_post_is_told_from_plain_text() -> None:
    assert is_social_post("Bees are endangered now #SaveTheBees")
    assert is_social_post("Look at this https://t.co/abc — Jo (@jo) May 2, 2020")
    assert is_social_post("@realDonaldTrump lifted the sanctions")
    assert not is_social_post("Bees have been classified as an endangered species.")
    assert not is_social_post("Write to press@example.org about the 5% rise")
    rows = np.arange(2 * len(FEATURE_NAMES), dtype=float).reshape(2, -1)
    plain = plain_columns(rows, "A plain sentence.")
    assert plain.shape == (2, len(PLAIN_FEATURE_NAMES))
    assert np.array_equal(plain[:, len(FEATURE_NAMES):-1], rows) and np.all(plain[:, -1] == 1)
    post = plain_columns(rows, "A post #tag")
    assert np.all(post[:, len(FEATURE_NAMES):] == 0)


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
def test_clef_dev_map_at_5_with_the_floor_and_held_out_restatements() -> None:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from _unrelated_queries import sts_headlines_measured
        from archive_retrieval import evaluate, load_docs, load_split
    finally:
        sys.path.pop(0)
    from factdesk.matching.train_archive_relevance import restatement_checks

    docs = load_docs(CLEF)
    search = RelevanceSearch(ArchiveIndex(docs), [t for _, _, t in docs])
    queries, qrels = load_split("dev", CLEF)
    result = evaluate(lambda qs: search.search_many(list(qs), 5), queries, qrels)
    assert result["map@5"] >= 0.82
    assert load_relevance_model().floor > 0
    # held-out checks (never trained on) found by their own claim, word for word
    relevant = [set().union(*load_split(s, CLEF)[1].values()) for s in ("train", "dev")]
    held = restatement_checks(docs, *relevant)[2][:100]
    by_id = {d[0]: d for d in docs}
    found = search.search_many([by_id[i][1] for i in held], 1)

    def claim(doc_id: str) -> str:  # duplicate checks differ in quotes or case only
        return "".join(c for c in by_id[doc_id][1].lower() if c.isalnum())

    assert sum(bool(h) and claim(h[0][0]) == claim(i)
               for h, i in zip(found, held, strict=True)) >= 95
    # unrelated news headlines (2015-16, never trained on) mostly find nothing
    headlines = sts_headlines_measured()[:300]
    assert sum(not h for h in search.search_many(headlines, 1)) >= 0.85 * len(headlines)
