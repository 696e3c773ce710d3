"""Reliability of the same-event head: the ECE measure and the nested leave-one-topic-out
probabilities (what a topic never seen in training can expect of the calibration)."""

from __future__ import annotations

import numpy as np
import pytest

from factdesk.matching.calibration import expected_calibration_error
from factdesk.matching.pair_features import N_FEATURES
from factdesk.matching.train_event_model import EventPairs, out_of_group_probabilities


def test_ece_is_zero_when_each_bin_matches_its_rate_and_large_when_overconfident() -> None:
    # two bins: 0.25 with a quarter positive, 0.75 with three quarters positive
    prob = np.array([0.25] * 4 + [0.75] * 4)
    y = np.array([1, 0, 0, 0, 1, 1, 1, 0])
    assert expected_calibration_error(prob, y) == pytest.approx(0.0)
    # the same ranking, said with certainty: off by 0.25 everywhere
    sure = np.where(prob > 0.5, 1.0, 0.0)
    assert expected_calibration_error(sure, y) == pytest.approx(0.25)
    assert expected_calibration_error(np.zeros(0), np.zeros(0)) == 0.0


def _grouped(seed: int = 3, groups: int = 5, per_group: int = 60) -> tuple[np.ndarray,
                                                                          EventPairs]:
    rng = np.random.default_rng(seed)
    n = groups * per_group
    y = rng.integers(0, 2, n)
    x = rng.normal(size=(n, N_FEATURES))
    x[:, 0] += 3.0 * y  # one informative column
    texts = tuple(f"s{i}" for i in range(n))
    return x, EventPairs(texts, texts, y.astype(np.int64),
                         np.repeat([f"t{g}" for g in range(groups)], per_group),
                         np.ones(n))


def test_nested_probabilities_never_see_the_held_out_topic() -> None:
    x, pairs = _grouped()
    prob = out_of_group_probabilities(x, pairs)
    assert prob.shape == pairs.labels.shape
    assert np.all((prob > 0) & (prob < 1))
    # they rank by the informative column, as a fitted head does
    y = pairs.labels
    assert prob[y == 1].mean() > prob[y == 0].mean() + 0.2
    # flipping one topic's labels changes nothing of that topic's own probabilities
    held = pairs.groups == "t2"
    flipped = EventPairs(pairs.left, pairs.right, np.where(held, 1 - y, y), pairs.groups,
                         pairs.weights)
    again = out_of_group_probabilities(x, flipped)
    np.testing.assert_allclose(again[held], prob[held])
    assert not np.allclose(again[~held], prob[~held])
