"""Boosted trees evaluated with numpy: the exported arrays give scikit-learn's margins, the
upper bound with open columns never falls below a margin the open columns can reach, and
the event head's blend and bound in :class:`PairScorer` hold with trees in it."""

from __future__ import annotations

import functools

import numpy as np
import pytest

from factdesk.matching.pair_features import N_FEATURES, PARTIAL_RATIO_COLUMNS
from factdesk.matching.pair_model import EventModel, LinearModel
from factdesk.matching.tree_ensemble import LEAF, TreeEnsemble, ensemble_from_sklearn

sklearn_ensemble = pytest.importorskip("sklearn.ensemble")


def _synthetic(n: int, columns: int, seed: int, missing: float = 0.05
               ) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.random((n, columns))
    signal = x[:, 0] + x[:, 1] ** 2 - 0.5 * x[:, 2] + 0.3 * (x[:, 3] > 0.5)
    y = (signal + rng.normal(0, 0.3, n) > 0.9).astype(int)
    x[rng.random(x.shape) < missing] = np.nan  # missing values take a learned side
    return x, y


def _fitted(x: np.ndarray, y: np.ndarray, weights: np.ndarray | None = None, **params):
    settings = {"max_depth": 3, "max_iter": 60, "learning_rate": 0.1,
                "min_samples_leaf": 20, "random_state": 0, **params}
    return sklearn_ensemble.HistGradientBoostingClassifier(**settings).fit(
        x, y, sample_weight=weights)


def test_numpy_traversal_equals_sklearn_decision_function() -> None:
    x, y = _synthetic(2000, 6, seed=1)
    weights = np.where(np.arange(len(y)) % 3 == 0, 0.25, 1.0)  # as the BASIL rows weigh
    model = _fitted(x, y, weights)
    trees = ensemble_from_sklearn(model)
    assert trees.n_trees == 60 and trees.depth <= 3
    unseen, _ = _synthetic(1500, 6, seed=2)
    np.testing.assert_allclose(trees.margin(unseen), model.decision_function(unseen),
                               rtol=0, atol=1e-10)
    # rows exactly on a threshold go left, as in scikit-learn
    inner = np.flatnonzero(trees.feature != LEAF)
    on_split = np.tile(unseen[:len(inner)], 1)
    on_split[np.arange(len(inner)), trees.feature[inner]] = trees.threshold[inner]
    np.testing.assert_allclose(trees.margin(on_split), model.decision_function(on_split),
                               rtol=0, atol=1e-10)
    assert trees.margin(np.zeros((0, 6))).shape == (0,)


def test_columns_map_the_model_inputs_into_wider_rows_and_survive_storage() -> None:
    x, y = _synthetic(1500, 4, seed=3)
    model = _fitted(x, y, max_iter=30)
    wide_columns = [7, 2, 9, 0]  # the model's input i is column wide_columns[i]
    trees = ensemble_from_sklearn(model, wide_columns)
    wide = np.random.default_rng(4).random((500, 10))
    wide[:, wide_columns] = _synthetic(500, 4, seed=5)[0]
    expected = model.decision_function(wide[:, wide_columns])
    np.testing.assert_allclose(trees.margin(wide), expected, atol=1e-10)
    stored = TreeEnsemble.from_arrays(trees.arrays("t_"), "t_")
    np.testing.assert_allclose(stored.margin(wide), expected, atol=1e-10)
    assert set(stored.columns.tolist()) <= set(wide_columns)


def test_margin_of_one_hand_built_tree() -> None:
    # root: column 0 <= 0.5 ? (column 1 <= 0.2 ? 3 : -1) : 2
    trees = TreeEnsemble(feature=np.array([0, 1, LEAF, LEAF, LEAF]),
                         threshold=np.array([0.5, 0.2, 0, 0, 0]),
                         left=np.array([1, 3, 0, 0, 0]), right=np.array([2, 4, 0, 0, 0]),
                         missing_left=np.array([True, False, False, False, False]),
                         value=np.array([0.0, 0.0, 2.0, 3.0, -1.0]),
                         roots=np.array([0]), baseline=0.5)
    rows = np.array([[0.1, 0.1], [0.1, 0.9], [0.9, 0.1], [np.nan, 0.9]])
    np.testing.assert_allclose(trees.margin(rows), [3.5, -0.5, 2.5, -0.5])
    with pytest.raises(ValueError):
        TreeEnsemble(np.array([0, LEAF, LEAF]), np.zeros(3), np.array([1, 0, 0]),
                     np.array([5, 0, 0]), np.zeros(3, bool), np.zeros(3), np.array([0]), 0.0)


@functools.cache
def _event_parts() -> tuple[LinearModel, TreeEnsemble, np.ndarray]:
    rng = np.random.default_rng(9)
    n = 1500
    x = rng.random((n, N_FEATURES))
    raw, lemma = PARTIAL_RATIO_COLUMNS
    signal = x[:, raw] - x[:, lemma] ** 2 + 0.8 * x[:, 10] - 0.4 * x[:, 20]
    y = (signal + rng.normal(0, 0.2, n) > 0.3).astype(int)
    tree_columns = [raw, lemma, 10, 20, 30]
    trees = ensemble_from_sklearn(_fitted(x[:, tree_columns], y), tree_columns)
    coef = rng.normal(size=40)
    coef[raw], coef[lemma] = 1.5, -1.2  # one partial ratio helps, the other hurts
    return LinearModel(np.zeros(40), np.ones(40), coef, 0.1), trees, x


def _event_model(share: float) -> tuple[EventModel, np.ndarray]:
    """An event head on the full pair-feature row: a linear part and trees that split on
    the partial-ratio columns among others."""
    linear, trees, x = _event_parts()
    return EventModel(linear, np.arange(40), (0.9, -0.3), 0.48, trees, share, (1.1, -0.2)), x


@pytest.mark.parametrize("share", [0.0, 0.25, 0.5, 1.0])
def test_event_head_bound_holds_with_trees_in_the_blend(share: float) -> None:
    event, x = _event_model(share)
    exact = x[:300]
    floors = exact.copy()
    floors[:, list(PARTIAL_RATIO_COLUMNS)] *= 0.6
    rng = np.random.default_rng(10)
    for _ in range(30):  # the deciding probability's bound: the trees only rank
        filled = floors.copy()
        for column in PARTIAL_RATIO_COLUMNS:
            filled[:, column] += rng.random(len(filled)) * (1.0 - floors[:, column])
        assert (event.upper_bound(floors) >= event.probabilities(filled) - 1e-12).all()
    # the blend is (1 - share) * linear + share * trees before calibration; the linear
    # margin alone decides
    linear = event.model.margin(exact[:, event.columns])
    blend = (1 - share) * linear + share * event.trees.margin(exact)
    np.testing.assert_allclose(event.ranking_margin(exact), blend, atol=1e-12)
    np.testing.assert_allclose(event.margin(exact), linear, atol=1e-12)


def test_event_head_without_trees_keeps_the_linear_bound() -> None:
    event, x = _event_model(0.5)
    linear = EventModel(event.model, event.columns, (0.9, -0.3), 0.48)
    floors = x[:50].copy()
    floors[:, list(PARTIAL_RATIO_COLUMNS)] = 0.0
    raised = floors.copy()
    raised[:, PARTIAL_RATIO_COLUMNS[0]] = 1.0  # only the column of positive weight
    np.testing.assert_allclose(linear.upper_bound(floors), linear.probabilities(raised))
    np.testing.assert_allclose(linear.ranking_probabilities(raised),
                               linear.probabilities(raised))
    with pytest.raises(ValueError):
        EventModel(event.model, event.columns, (0.9, -0.3), 0.48, event.trees, 1.5)


@pytest.mark.slow
def test_trained_blend_is_what_the_scorer_reads_from_the_weights_file(tmp_path) -> None:
    from factdesk.matching.pair_model import DEFAULT_WEIGHTS, PairScorer
    from factdesk.matching.train_event_model import (
        EVENT_COLUMNS,
        TREE_COLUMNS,
        EventPairs,
        event_arrays,
        fit_event_head,
    )

    rng = np.random.default_rng(11)
    n, groups = 360, 3
    y = rng.integers(0, 2, n)
    x = rng.random((n, N_FEATURES))
    x[:, TREE_COLUMNS[3]] += 0.8 * y * (x[:, TREE_COLUMNS[5]] > 0.5)  # an interaction
    texts = tuple(f"s{i}" for i in range(n))
    pairs = EventPairs(texts, texts, y.astype(np.int64),
                       np.repeat([f"t{g}" for g in range(groups)], n // groups), np.ones(n))
    head = fit_event_head(x, pairs, tree_share=0.5)
    assert head.ranking is not None and head.ranking.trees is not None
    assert set(head.ranking.trees.columns.tolist()) <= set(TREE_COLUMNS)
    with np.load(DEFAULT_WEIGHTS, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files if not k.startswith("event_")}
    arrays.update(event_arrays(head))
    assert all(v.dtype.kind in "fiu" for v in arrays.values() if v.dtype.kind != "U")
    out = tmp_path / "pair_model.npz"
    np.savez_compressed(out, **arrays)
    scorer = PairScorer.load(out)
    assert scorer.event is not None and scorer.event.tree_share == 0.5
    rows = np.hstack([x[:50], np.zeros((50, 1))])  # the scorer's rows end with the lexical margin
    # the logistic regression decides, with its own calibration and threshold
    a, b = head.platt
    deciding = 1.0 / (1.0 + np.exp(-(a * head.model.margin(x[:50][:, EVENT_COLUMNS]) + b)))
    np.testing.assert_allclose(scorer.event_probabilities(rows), deciding, atol=1e-12)
    assert scorer.event_threshold == pytest.approx(head.threshold)
    # the blend ranks, with its own calibration
    ra, rb = head.ranking_platt
    ranking = 1.0 / (1.0 + np.exp(-(ra * head.ranking.margin(x[:50]) + rb)))
    np.testing.assert_allclose(scorer.event_ranking_probabilities(rows), ranking, atol=1e-12)
    assert not np.allclose(ranking, deciding)
    # the deciding bound holds with the partial ratios at floors
    floors = rows.copy()
    floors[:, list(PARTIAL_RATIO_COLUMNS)] *= 0.5
    assert (scorer.event_upper_bound(floors) >= deciding - 1e-12).all()
    # without trees the file is the linear head alone, as before, which also ranks
    linear = fit_event_head(x, pairs, tree_share=0.0)
    assert not any(k.startswith("event_tree") for k in event_arrays(linear))
