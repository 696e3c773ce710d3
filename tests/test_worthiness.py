"""Tests of the check-worthiness scorer: shipped weights, runtime behaviour, training script."""

from __future__ import annotations

import csv
import json
import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from factdesk.nlp.worthiness import (
    DEFAULT_THRESHOLD,
    DEFAULT_WEIGHTS,
    FeatureConfig,
    WorthinessScorer,
    featurize,
)

CLAIM = "In Izium, we found 450 dead people buried."
PLEASANTRY = "Thank you very much, it's good to be here."


@pytest.fixture(scope="module")
def scorer() -> WorthinessScorer:
    return WorthinessScorer.load()


def test_shipped_weights_are_small_documented_and_load_fast() -> None:
    assert DEFAULT_WEIGHTS.exists()
    assert DEFAULT_WEIGHTS.stat().st_size < 3_000_000
    meta = json.loads(DEFAULT_WEIGHTS.with_suffix(".json").read_text(encoding="utf-8"))
    assert "Arslan" in meta["dataset"]["citation"]
    assert meta["dataset"]["doi"] == "10.5281/zenodo.3609356"
    # the default threshold is the F-0.5 threshold the training procedure chooses on
    # ClaimBuster (news shows fewer through the per-article claim share, model/triage.py)
    assert DEFAULT_THRESHOLD == round(meta["claimbuster_threshold_default"], 2)
    assert meta["cross_validation"]["f1_opt"]["f1"] > 0.6
    # precision-leaning: nested CV precision at the default's rule well above the F1 rule's
    point = meta["cross_validation"]["default_point"]
    assert point["precision"] > meta["cross_validation"]["f1_opt"]["precision"] + 0.1
    t0 = time.perf_counter()
    loaded = WorthinessScorer.load(DEFAULT_WEIGHTS)
    assert time.perf_counter() - t0 < 1.0  # 0.3 s target; loose for slow CI machines
    assert loaded.config == FeatureConfig(**meta["model"]["features"])


def test_default_scorer_is_shared(scorer: WorthinessScorer) -> None:
    assert WorthinessScorer.load() is scorer


def test_scores_are_probabilities(scorer: WorthinessScorer) -> None:
    texts = [CLAIM, PLEASANTRY, "", "   ", "?", "Ünïcödé — “quotes” 42 €", "x" * 5000]
    scores = scorer.score(texts)
    assert len(scores) == len(texts)
    assert all(isinstance(s, float) and 0.0 <= s <= 1.0 for s in scores)
    assert scorer.score([]) == []
    assert scorer.score_one(CLAIM) == pytest.approx(scores[0])


def test_statistic_outranks_pleasantry(scorer: WorthinessScorer) -> None:
    assert scorer.score_one(CLAIM) > scorer.score_one(PLEASANTRY)
    assert scorer.score_one(CLAIM) >= DEFAULT_THRESHOLD > scorer.score_one(PLEASANTRY)
    assert scorer.is_check_worthy(CLAIM) and not scorer.is_check_worthy(PLEASANTRY)


def test_batch_and_single_scores_agree(scorer: WorthinessScorer) -> None:
    texts = [f"Sentence {i} says taxes rose {i}% in {1990 + i}." for i in range(50)]
    batch = scorer.score(texts)
    assert batch == pytest.approx([scorer.score_one(t) for t in texts])


def test_features_are_stable_and_in_range() -> None:
    cfg = FeatureConfig()
    sid, idx, val = featurize([CLAIM, PLEASANTRY], cfg)
    assert set(sid.tolist()) == {0, 1}
    assert idx.min() >= 0 and idx.max() < cfg.n_features
    for k in (0, 1):  # each block L2-normalised: total squared norm is 2
        assert float(np.sum(val[sid == k] ** 2)) == pytest.approx(2.0)
    again = featurize([CLAIM, PLEASANTRY], cfg)
    assert np.array_equal(idx, again[1])


def test_thread_safe(scorer: WorthinessScorer) -> None:
    texts = [CLAIM, PLEASANTRY] * 100
    expected = scorer.score(texts)
    barrier = threading.Barrier(4)

    def work() -> list[float]:
        barrier.wait(timeout=30)  # all four score at the same time
        return list(scorer.score(texts))

    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(work) for _ in range(4)]
    # .result() re-raises an exception of the thread: a failing scorer fails the test
    results = [f.result(timeout=60) for f in futures]
    assert len(results) == 4
    for result in results:
        assert result == pytest.approx(list(expected))


def test_throughput_sanity(scorer: WorthinessScorer) -> None:
    texts = [CLAIM, PLEASANTRY, "The deficit was $1.2 trillion last year."] * 700
    t0 = time.perf_counter()
    scorer.score(texts)
    assert time.perf_counter() - t0 < 20.0  # ~0.3 s expected; only catches pathologies


def _synthetic_csv(path: Path) -> None:
    rng = random.Random(3)
    things = ["taxes", "jobs", "the deficit", "crime", "wages", "exports"]
    rows = []
    for i in range(40):
        thing = rng.choice(things)
        rows.append((f"{thing.capitalize()} rose {rng.randint(2, 90)}% since {1990 + i}.", 1))
        rows.append((f"I think {thing} matter to all of us, my friend.", -1))
        if i % 4 == 0:
            rows.append((f"We talked about {thing} on Tuesday.", 0))
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Sentence_id", "Text", "Verdict"])
        for i, (text, verdict) in enumerate(rows):
            writer.writerow([i, text, verdict])


def test_training_script_produces_loadable_weights(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from factdesk.nlp import train_worthiness

    data = tmp_path / "tiny.csv"
    _synthetic_csv(data)
    out = tmp_path / "weights"
    assert train_worthiness.main(["--data", str(data), "--out", str(out), "--cv-folds", "2"]) == 0
    npz = out / "worthiness.npz"
    meta = json.loads(npz.with_suffix(".json").read_text(encoding="utf-8"))
    assert meta["n_train"] == 90 and meta["n_positive"] == 40
    assert "cross_validation" in meta
    trained = WorthinessScorer.load(npz)
    assert 0.0 <= trained.threshold <= 1.0
    high, low = trained.score(["Wages rose 12% since 2004.", "I think jobs matter, my friend."])
    assert high > low


def test_training_script_reports_missing_data(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from factdesk.nlp import train_worthiness

    assert train_worthiness.main(["--data", str(tmp_path / "absent.csv")]) == 2
