"""Training the same-event head of the pair scorer: ECB+ train topics and BASIL weak pairs.

MRPC asks "do these sentences say the same thing?"; its negatives are mostly the same
event told with different details. ECB+ asks "do they report the same event, or a
similar but different one?" (Tara Reid's rehab against Lindsay Lohan's). One linear model
cannot serve both: fitted on both, it lost on each (leave-one-topic-out AUC on ECB+
train 0.70-0.76 against 0.80 alone; MRPC CV AUC 0.78-0.82 against 0.835). So the
scorer has a second head, fitted here on the same pair features (sentence-vector cosine
and event-frame slots included, the lexical margin and speaker flag left out):

* **ECB+ train** (topics 1-22; dev topics 23-25 are kept for evaluation; only the two
  sentences are read, never the topic or file names, which leak the label);
* **BASIL dev, weak pairs** (``--basil``): for a sentence of one outlet's article, its
  nearest sentence by meaning in another outlet's article on the same event (``triplet``)
  is a positive when their cosine is high, and its nearest sentence in an article on
  another event is a negative (a look-alike). Weighted :data:`BASIL_WEIGHT`.

Platt calibration and the decision threshold come from leave-one-group-out margins
(ECB+ topics; BASIL events in five groups). Only numbers are written (by
:func:`factdesk.matching.train_pair_model.train_and_save`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from factdesk.matching.calibration import best_threshold, fit_platt
from factdesk.matching.claim_vectors import embed_for_pairs
from factdesk.matching.pair_alignment import ALIGNMENT_NAMES
from factdesk.matching.pair_features import FEATURE_NAMES, PairInput, pair_feature_matrix
from factdesk.matching.pair_model import EVENT_TREE_PREFIX, LinearModel
from factdesk.matching.tree_ensemble import TreeEnsemble, ensemble_from_sklearn

#: Columns of the event head: the pair features but the speaker flag (absent in training)
#: and the paraphrase metrics of :mod:`factdesk.matching.pair_alignment` (measured for the
#: same-fact head only; the event head is unchanged by them).
EVENT_COLUMNS: tuple[int, ...] = tuple(
    i for i, name in enumerate(FEATURE_NAMES)
    if name != "speaker_agree" and name not in ALIGNMENT_NAMES)
#: Columns the event head's boosted trees read: the event columns but the "only in one
#: sentence" evidence (``*_unmatched_*``, ``cap_unmatched_*``). Trees split hardest on what
#: only the shorter sentence lacks, the look-alike construction of ECB+, which a short
#: real report ("Russian forces withdrew from Izium") fits; the regression keeps them.
TREE_COLUMNS: tuple[int, ...] = tuple(
    i for i in EVENT_COLUMNS if "unmatched" not in FEATURE_NAMES[i])
#: The trees: HistGradientBoosting, depth 3, 150 trees, rate 0.05, 40 rows a leaf (the
#: eighth pass's, docs/matching.md; not tuned further).
TREE_PARAMS = {"max_depth": 3, "max_iter": 150, "learning_rate": 0.05,
               "min_samples_leaf": 40, "random_state": 0}
#: The trees' share of the ranking margin, in log-odds (0: no trees; the logistic
#: regression alone decides in any case, see :class:`EventHead`). ECB+ through compare,
#: nested out of topic, scoring only: AUC 0.772 / 0.806 (23 / 20 topics) against 0.762 /
#: 0.794, topic bootstrap 5-95% of the gain +0.002 / +0.019 (docs/matching.md, "tenth
#: pass").
TREE_SHARE = 0.5
#: Inverse L2 strength (ECB+ train leave-one-topic-out AUC without BASIL: 0.803 at 0.01,
#: 0.804 at 0.03, 0.799 at 0.1).
EVENT_C = 0.03
#: Weight of a BASIL weak pair against an ECB+ pair (labels inferred, not annotated).
#: ECB+ leave-one-topic-out AUC / dev AUC at C 0.03: weight 0 0.804 / 0.581, 0.25 0.796 /
#: 0.592, 0.5 0.785 / 0.590, 1 0.765 / 0.591.
BASIL_WEIGHT = 0.25
#: Cosine at which two sentences of one event's articles count as reporting one fact.
BASIL_POSITIVE_COSINE = 0.85
#: Cosine a look-alike from another event needs to be a useful (hard) negative.
BASIL_NEGATIVE_COSINE = 0.6
BASIL_MAX_PAIRS = 800


@dataclass(frozen=True)
class EventPairs:
    """Labelled pairs for the event head, each with its CV group and weight."""

    left: tuple[str, ...]
    right: tuple[str, ...]
    labels: np.ndarray
    groups: np.ndarray
    weights: np.ndarray

    def __add__(self, other: EventPairs) -> EventPairs:
        return EventPairs(self.left + other.left, self.right + other.right,
                          np.concatenate([self.labels, other.labels]),
                          np.concatenate([self.groups, other.groups]),
                          np.concatenate([self.weights, other.weights]))


def load_ecbplus(path: Path, split: str = "train") -> EventPairs:
    """ECB+ pairs of one split (label 1 = the same event). The topic is read only as the
    cross-validation group, never as a feature."""
    left, right, labels, groups = [], [], [], []
    with open(path, encoding="utf-8") as fh:
        header = next(fh).rstrip("\n").split("\t")
        col = {name: i for i, name in enumerate(header)}
        for line in fh:
            parts = line.rstrip("\n").rstrip("\r").split("\t")
            if len(parts) < len(header) or parts[col["split"]] != split:
                continue
            left.append(parts[col["sentence_a"]])
            right.append(parts[col["sentence_b"]])
            labels.append(int(parts[col["label"]]))
            groups.append(f"ecb{parts[col['topic']]}")
    n = len(labels)
    return EventPairs(tuple(left), tuple(right), np.asarray(labels, dtype=np.int64),
                      np.asarray(groups), np.ones(n))


def basil_sentences(path: Path) -> list[tuple[str, str, str]]:
    """(event, article uuid, sentence) of every BASIL article sentence of 6+ words."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            article = json.loads(line)
            for paragraph in article.get("body-paragraphs", []):
                for sentence in paragraph:
                    sentence = " ".join(str(sentence).split())
                    if len(sentence.split()) >= 6:
                        rows.append((article["triplet-uuid"], article["uuid"], sentence))
    return rows


def basil_weak_pairs(path: Path, seed: int = 7) -> EventPairs:
    """Weak same-event pairs from BASIL (see the module docstring)."""
    rows = basil_sentences(path)
    events = np.array([e for e, _, _ in rows])
    articles = np.array([a for _, a, _ in rows])
    vectors = embed_for_pairs([s for _, _, s in rows])
    event_ids = {e: i for i, e in enumerate(dict.fromkeys(events))}
    rng = np.random.default_rng(seed)
    positives: list[tuple[int, int]] = []
    negatives: list[tuple[int, int]] = []
    for i in rng.permutation(len(rows)):
        cos = vectors @ vectors[i]
        same_event = events == events[i]
        other_article = same_event & (articles != articles[i])
        if other_article.any():
            j = int(np.flatnonzero(other_article)[np.argmax(cos[other_article])])
            if cos[j] >= BASIL_POSITIVE_COSINE and cos[j] < 0.99:
                positives.append((int(i), j))
        elsewhere = ~same_event
        j = int(np.flatnonzero(elsewhere)[np.argmax(cos[elsewhere])])
        if cos[j] >= BASIL_NEGATIVE_COSINE:
            negatives.append((int(i), j))
    n = min(len(positives), len(negatives), BASIL_MAX_PAIRS)
    chosen = [(p, 1) for p in positives[:n]] + [(q, 0) for q in negatives[:n]]
    return EventPairs(
        tuple(rows[i][2] for (i, _), _ in chosen), tuple(rows[j][2] for (_, j), _ in chosen),
        np.array([y for _, y in chosen], dtype=np.int64),
        np.array([f"basil{event_ids[rows[i][0]] % 5}" for (i, _), _ in chosen]),
        np.full(len(chosen), BASIL_WEIGHT))


def event_features(pairs: EventPairs, parsed: dict[str, PairInput], idf) -> np.ndarray:
    return pair_feature_matrix(
        ((parsed[a], parsed[b]) for a, b in zip(pairs.left, pairs.right, strict=True)), idf)


def _fit(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> LinearModel:
    from sklearn.linear_model import LogisticRegression  # lazy: a training-time dependency

    xm = x[:, EVENT_COLUMNS]
    mean = xm.mean(axis=0)
    scale = xm.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=EVENT_C, max_iter=5000).fit((xm - mean) / scale, y,
                                                          sample_weight=w)
    return LinearModel(mean, scale, lr.coef_[0], float(lr.intercept_[0]))


def fit_event_trees(x: np.ndarray, y: np.ndarray, w: np.ndarray):
    """Boosted trees on the columns of ``x`` (already cut to the trees' columns)."""
    from sklearn.ensemble import HistGradientBoostingClassifier  # lazy: training only

    return HistGradientBoostingClassifier(**TREE_PARAMS).fit(x, y, sample_weight=w)


@dataclass(frozen=True)
class FittedHead:
    """The event head's margin before calibration: the logistic regression, blended in
    log-odds with exported boosted trees when ``trees`` is set (as ``PairScorer`` reads it)."""

    linear: LinearModel
    trees: TreeEnsemble | None = None
    tree_share: float = 0.0

    def margin(self, x: np.ndarray) -> np.ndarray:
        """Margins of full pair-feature rows."""
        linear = self.linear.margin(x[:, EVENT_COLUMNS])
        if self.trees is None:
            return linear
        return (1.0 - self.tree_share) * linear + self.tree_share * self.trees.margin(x)


def fit_margin_model(x: np.ndarray, y: np.ndarray, w: np.ndarray,
                     tree_share: float = 0.0) -> FittedHead:
    """The logistic regression, and with ``tree_share`` > 0 the trees on
    :data:`TREE_COLUMNS`, exported to arrays (their margins are the runtime's)."""
    linear = _fit(x, y, w)
    if not tree_share:
        return FittedHead(linear)
    trees = fit_event_trees(x[:, TREE_COLUMNS], y, w)
    return FittedHead(linear, ensemble_from_sklearn(trees, TREE_COLUMNS), tree_share)


def out_of_group_margins(x: np.ndarray, pairs: EventPairs,
                         tree_share: float = 0.0) -> np.ndarray:
    """Margins of each row from a head fitted without the row's group."""
    oof = np.zeros(len(pairs.labels))
    for group in np.unique(pairs.groups):
        held = pairs.groups == group
        model = fit_margin_model(x[~held], pairs.labels[~held], pairs.weights[~held],
                                 tree_share)
        oof[held] = model.margin(x[held])
    return oof


def out_of_group_probabilities(x: np.ndarray, pairs: EventPairs,
                               tree_share: float = 0.0) -> np.ndarray:
    """Calibrated probabilities of each row as for a topic never seen in training: the
    head fitted without the row's group, its Platt calibration fitted on the
    out-of-group margins of the *other* groups only (nested leave-one-group-out). Their
    reliability (ECE) is what a new topic can expect of the shipped calibration."""
    prob = np.zeros(len(pairs.labels))
    for group in np.unique(pairs.groups):
        held = pairs.groups == group
        rest = EventPairs(
            tuple(t for t, h in zip(pairs.left, held, strict=True) if not h),
            tuple(t for t, h in zip(pairs.right, held, strict=True) if not h),
            pairs.labels[~held], pairs.groups[~held], pairs.weights[~held])
        inner = out_of_group_margins(x[~held], rest, tree_share)
        a, b = fit_platt(inner, rest.labels)
        model = fit_margin_model(x[~held], rest.labels, rest.weights, tree_share)
        prob[held] = 1.0 / (1.0 + np.exp(-(a * model.margin(x[held]) + b)))
    return prob


@dataclass(frozen=True)
class EventHead:
    """The deciding logistic regression (``model``, its Platt calibration and threshold)
    and, with trees, the ranking blend and its own Platt calibration."""

    model: LinearModel
    platt: tuple[float, float]
    threshold: float
    oof_probability: np.ndarray
    ranking: FittedHead | None = None
    ranking_platt: tuple[float, float] | None = None
    ranking_oof_probability: np.ndarray | None = None


def fit_event_head(x: np.ndarray, pairs: EventPairs,
                   tree_share: float = TREE_SHARE) -> EventHead:
    """The head on all rows; Platt and threshold from out-of-group margins. With
    ``tree_share``, also the ranking blend, calibrated on its own out-of-group margins."""
    oof = out_of_group_margins(x, pairs)
    a, b = fit_platt(oof, pairs.labels)
    prob = 1.0 / (1.0 + np.exp(-(a * oof + b)))
    threshold = best_threshold(prob, pairs.labels)
    linear = _fit(x, pairs.labels, pairs.weights)
    if not tree_share:
        return EventHead(linear, (a, b), threshold, prob)
    blend_oof = out_of_group_margins(x, pairs, tree_share)
    ra, rb = fit_platt(blend_oof, pairs.labels)
    blend = fit_margin_model(x, pairs.labels, pairs.weights, tree_share)
    return EventHead(linear, (a, b), threshold, prob, blend, (ra, rb),
                     1.0 / (1.0 + np.exp(-(ra * blend_oof + rb))))


def event_arrays(head: EventHead) -> dict[str, np.ndarray]:
    """The head as arrays for the weights file (read by ``PairScorer``)."""
    m = head.model
    arrays = {"event_mean": m.mean, "event_scale": m.scale, "event_coef": m.coef,
              "event_intercept": np.float64(m.intercept),
              "event_columns": np.asarray(EVENT_COLUMNS, dtype=np.int32),
              "event_platt": np.asarray(head.platt, dtype=np.float64),
              "event_threshold": np.float64(head.threshold)}
    if head.ranking is not None and head.ranking.trees is not None:
        arrays.update(head.ranking.trees.arrays(EVENT_TREE_PREFIX))
        arrays["event_tree_share"] = np.float64(head.ranking.tree_share)
        arrays["event_tree_platt"] = np.asarray(head.ranking_platt, dtype=np.float64)
    return arrays


def auc(score: Sequence[float], y: Sequence[int]) -> float:
    """Ranking AUC (ties count half)."""
    from scipy.stats import rankdata  # lazy: comes with scikit-learn, for training only

    ranks = rankdata(np.asarray(score))
    pos = np.asarray(y) == 1
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))
