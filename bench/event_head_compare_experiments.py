"""Same-event head recipes measured where the judges read them: ``compare``'s score.

For each candidate recipe of the same-event head, every ECB+ train + dev pair is rated
through the compare path (as :mod:`bench.pair_score_experiments` does) with its
same-event probability from a head that never saw the pair's topic: for a train topic,
the head, its Platt calibration and its decision threshold are fitted on the other 19
train topics (+ the BASIL weak pairs when the recipe uses them), the calibration and
threshold on those rows' own leave-one-group-out margins (nested); for a dev topic, on
all 20 train topics (dev is never trained on). :func:`decide` is re-run with that
probability and threshold, and the printed score (:func:`pair_score`, max of the
same-fact and same-event probabilities inside the relation's band) is ranked.

Printed per recipe: AUC of the printed score over the 23 topics, the 20 train topics and
the 3 dev topics; the AUC of the event probability alone (no bands) over the 23; and a
paired bootstrap over topics (1,000 draws) of the 23-topic gain of the printed score
against the shipped recipe (5th-95th percentile), with the count of topics whose own
AUC rises.

Recipes: the shipped one (ECB+ train + BASIL weak pairs at 0.25, L2 logistic regression
C 0.03); without the BASIL pairs; BASIL at 0.1; logistic regression blended 50/50 in
log-odds with gradient-boosted trees (HistGradientBoosting, depth 3, 150 trees, rate
0.05, 40 rows a leaf; ``--trees``: the shipped recipe and the blends, each recipe's
calibration then fitted on 5 inner folds of groups instead of one group each, to bound
the trees' fits); ``--two-sided-trees``: the shipped recipe and the blend with trees
that never read the "only in one sentence" inputs (``*unmatched*`` and ``cap_*``
columns, :data:`~factdesk.matching.train_event_model.TREE_COLUMNS`) at tree shares 0.5
and 0.25 (5 inner folds too). Uses ``../shared/eval``; exits 0 without it. About 5
minutes without ``--trees``, 20-40 with either tree option on a shared machine.

    nice python bench/event_head_compare_experiments.py [--trees | --two-sided-trees]
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[1]
for path in (REPO_ROOT, REPO_ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from matching_quality import roc_auc as _auc  # noqa: E402
from pair_score_experiments import BASIL, DEV_TOPICS, ECBPLUS  # noqa: E402

#: Relations whose score lies in the same-fact band.
SAME_BAND = ("same fact", "conflicting")


class Recipe:
    """How a head is fitted: ``fit(x, y, w)`` returns a margin function of rows.

    ``tree_share`` 0: the logistic regression alone; else its margin blended in log-odds
    with boosted trees' (``(1 - share) * lr + share * trees``), the trees reading every
    event column, or with ``two_sided_trees`` only those that are not "in one sentence
    only" evidence (no ``*unmatched*`` / ``cap_*`` column; the regression keeps them).
    """

    def __init__(self, name: str, basil_weight: float | None, tree_share: float = 0.0,
                 two_sided_trees: bool = False) -> None:
        self.name, self.basil_weight = name, basil_weight
        self.tree_share, self.two_sided_trees = tree_share, two_sided_trees

    def fit(self, x: np.ndarray, y: np.ndarray, w: np.ndarray):
        from factdesk.matching.train_event_model import (
            EVENT_COLUMNS,
            TREE_COLUMNS,
            _fit,
            fit_event_trees,
        )

        linear = _fit(x, y, w)
        cols = list(EVENT_COLUMNS)
        if not self.tree_share:
            return lambda rows: linear.margin(rows[:, cols])
        tree_cols = list(TREE_COLUMNS if self.two_sided_trees else EVENT_COLUMNS)
        gbm = fit_event_trees(x[:, tree_cols], y, w)
        share = self.tree_share
        return lambda rows: ((1.0 - share) * linear.margin(rows[:, cols])
                             + share * gbm.decision_function(rows[:, tree_cols]))


def _inner_folds(groups: np.ndarray, folds: int | None) -> list[np.ndarray]:
    """Row masks of the inner folds: one group each (``folds`` None), or the groups
    dealt in sorted order into ``folds`` folds."""
    names = np.unique(groups)
    if folds is None:
        return [groups == g for g in names]
    return [np.isin(groups, names[k::folds]) for k in range(folds)]


def nested_probabilities(recipe: Recipe, x_train: np.ndarray, events, x_compare: np.ndarray,
                         topics: np.ndarray, inner_folds: int | None = None
                         ) -> tuple[np.ndarray, np.ndarray]:
    """Per compare row: the event probability and the decision threshold from a head,
    calibration and threshold fitted without its topic (dev topics: on all train)."""
    from factdesk.matching.calibration import best_threshold, fit_platt

    keep = np.ones(len(events.labels), dtype=bool)
    if recipe.basil_weight is None:
        keep = np.char.startswith(events.groups.astype(str), "ecb")
    weights = np.where(np.char.startswith(events.groups.astype(str), "basil"),
                       recipe.basil_weight or 0.0, events.weights)
    prob = np.zeros(len(topics))
    threshold = np.zeros(len(topics))
    train_topics = [t for t in np.unique(topics) if t not in DEV_TOPICS]
    for held_topic in [*train_topics, None]:  # None: the dev topics, held out together
        fit_rows = keep & (events.groups != held_topic)
        xs, ys, ws, gs = (x_train[fit_rows], events.labels[fit_rows], weights[fit_rows],
                          events.groups[fit_rows])
        inner = np.zeros(len(ys))
        for held in _inner_folds(gs, inner_folds):
            inner[held] = recipe.fit(xs[~held], ys[~held], ws[~held])(xs[held])
        a, b = fit_platt(inner, ys)
        inner_prob = 1.0 / (1.0 + np.exp(-(a * inner + b)))
        margin = recipe.fit(xs, ys, ws)
        rows = (topics == held_topic if held_topic is not None
                else np.isin(topics, DEV_TOPICS))
        prob[rows] = 1.0 / (1.0 + np.exp(-(a * margin(x_compare[rows]) + b)))
        threshold[rows] = best_threshold(inner_prob, ys)
    return prob, threshold


def nested_share_probabilities(shares: tuple[float, ...], x_train: np.ndarray, events,
                                x_compare: np.ndarray, topics: np.ndarray,
                                inner_folds: int = 5) -> dict[float, tuple[np.ndarray,
                                                                            np.ndarray]]:
    """:func:`nested_probabilities` of the two-sided-trees blend (BASIL 0.25) at several
    tree shares at once: the regression and the trees are fitted once per fold, only the
    blend, its calibration and threshold differ by share."""
    from factdesk.matching.calibration import best_threshold, fit_platt
    from factdesk.matching.train_event_model import (
        EVENT_COLUMNS,
        TREE_COLUMNS,
        _fit,
        fit_event_trees,
    )

    cols, tree_cols = list(EVENT_COLUMNS), list(TREE_COLUMNS)

    def parts(x, y, w):
        linear, gbm = _fit(x, y, w), fit_event_trees(x[:, tree_cols], y, w)
        return lambda rows: (linear.margin(rows[:, cols]),
                             gbm.decision_function(rows[:, tree_cols]))

    weights = np.where(np.char.startswith(events.groups.astype(str), "basil"), 0.25,
                       events.weights)
    out = {share: (np.zeros(len(topics)), np.zeros(len(topics))) for share in shares}
    train_topics = [t for t in np.unique(topics) if t not in DEV_TOPICS]
    for held_topic in [*train_topics, None]:
        fit_rows = events.groups != held_topic
        xs, ys, ws, gs = (x_train[fit_rows], events.labels[fit_rows], weights[fit_rows],
                          events.groups[fit_rows])
        inner_lr, inner_tr = np.zeros(len(ys)), np.zeros(len(ys))
        for held in _inner_folds(gs, inner_folds):
            inner_lr[held], inner_tr[held] = parts(xs[~held], ys[~held], ws[~held])(xs[held])
        rows = (topics == held_topic if held_topic is not None
                else np.isin(topics, DEV_TOPICS))
        lr, tr = parts(xs, ys, ws)(x_compare[rows])
        for share in shares:
            inner = (1 - share) * inner_lr + share * inner_tr
            a, b = fit_platt(inner, ys)
            prob, threshold = out[share]
            prob[rows] = 1.0 / (1.0 + np.exp(-(a * ((1 - share) * lr + share * tr) + b)))
            threshold[rows] = best_threshold(1.0 / (1.0 + np.exp(-(a * inner + b))), ys)
    return out


def main() -> int:
    if not ECBPLUS.exists():
        print(f"ECB+ pairs not found at {ECBPLUS}; skipping.")
        return 0
    from pair_score_experiments import rate_through_compare

    from factdesk.matching.pair_model import PairScorer
    from factdesk.matching.pair_score import pair_score
    from factdesk.matching.relations import decide
    from factdesk.matching.train_event_model import (
        basil_weak_pairs,
        event_features,
        load_ecbplus,
    )
    from factdesk.matching.train_pair_model import parse_sentences
    from factdesk.nlp.model import load_base_pipeline

    scorer = PairScorer.load()
    st, rt = scorer.same_threshold, scorer.related_threshold
    train = load_ecbplus(ECBPLUS, "train")
    pairs = train + load_ecbplus(ECBPLUS, "dev")
    ratings, x_compare, facts = rate_through_compare(pairs, scorer)
    p = np.array([r[0] for r in ratings])
    s = np.array([0.0 if r[1] is None else r[1] for r in ratings])
    events = train + basil_weak_pairs(BASIL) if BASIL.exists() else train
    parsed = parse_sentences(list(events.left + events.right), load_base_pipeline())
    x_train = event_features(events, parsed, scorer.default_idf)
    y, topics = pairs.labels, pairs.groups
    dev = np.isin(topics, DEV_TOPICS)
    recipes = [Recipe("shipped: ECB+ train + BASIL 0.25, logistic regression", 0.25),
               Recipe("ECB+ train only (no BASIL weak pairs)", None),
               Recipe("ECB+ train + BASIL 0.1", 0.1)]
    inner_folds = None
    if "--trees" in sys.argv:  # the trees' nested fits are slow: 5 inner folds for all
        inner_folds = 5
        recipes = [recipes[0], Recipe("LR + trees 50/50, ECB+ train + BASIL 0.25", 0.25, 0.5),
                   Recipe("LR + trees 50/50, ECB+ train only", None, 0.5)]
    if "--two-sided-trees" in sys.argv:  # trees kept off the one-sentence-only inputs
        inner_folds = 5
        recipes = [recipes[0],
                   Recipe("LR + two-sided trees 50/50, BASIL 0.25", 0.25, 0.5, True),
                   Recipe("LR + two-sided trees 75/25, BASIL 0.25", 0.25, 0.25, True)]
    rng = np.random.default_rng(0)
    names = np.unique(topics)
    draws = [rng.choice(names, len(names)) for _ in range(1000)]
    rows_of = {t: np.flatnonzero(topics == t) for t in names}
    reference: np.ndarray | None = None
    shipped_e: tuple[np.ndarray, np.ndarray] | None = None

    def report(name: str, score: np.ndarray, e: np.ndarray) -> None:
        gains = []
        for draw in draws:
            r = np.concatenate([rows_of[t] for t in draw])
            gains.append(_auc(score[r], y[r]) - _auc(reference[r], y[r]))
        up = sum(_auc(score[r], y[r]) > _auc(reference[r], y[r]) + 1e-9
                 for r in rows_of.values())
        print(f"  {name:56s} {_auc(score, y):6.3f} {_auc(score[~dev], y[~dev]):6.3f} "
              f"{_auc(score[dev], y[dev]):6.3f} {_auc(e, y):6.3f}  "
              f"[{np.percentile(gains, 5):+.3f}, {np.percentile(gains, 95):+.3f}] "
              f"{up:2d}/23", flush=True)

    print(f"ECB+ through the compare path, {len(y)} pairs; nested out-of-topic heads\n")
    print(f"  {'recipe':56s} {'23':>6s} {'20':>6s} {'dev':>6s} {'e 23':>6s}  "
          f"bootstrap gain 5-95%, topics up")
    shared_fits: dict[float, tuple[np.ndarray, np.ndarray]] = {}
    if "--two-sided-trees" in sys.argv:  # one fit of the trees per fold for both shares
        shared_fits = nested_share_probabilities(
            tuple(r.tree_share for r in recipes if r.tree_share), x_train, events, x_compare,
            topics)
    for recipe in recipes:
        e, thresholds = shared_fits.get(recipe.tree_share) or nested_probabilities(
            recipe, x_train, events, x_compare, topics, inner_folds)
        relations = [decide(p[i], s[i], fa, fb, same_threshold=st, related_threshold=rt,
                            event=e[i], event_threshold=thresholds[i])
                     for i, (fa, fb) in enumerate(facts)]
        score = np.array([r.score for r in relations])
        if reference is None:
            reference, shipped_e = score, (e, thresholds)
        report(recipe.name, score, e)
        if recipe.tree_share and shipped_e is not None:
            # the relation (and its band) decided by the shipped head, the score in
            # that band from this recipe's probability: only the order changes
            shipped = [decide(p[i], s[i], fa, fb, same_threshold=st, related_threshold=rt,
                              event=shipped_e[0][i], event_threshold=shipped_e[1][i])
                       for i, (fa, fb) in enumerate(facts)]
            banded = np.array([pair_score(p[i], e[i], same_band=r.relation in SAME_BAND,
                                          same_threshold=st, related_threshold=rt)
                               for i, r in enumerate(shipped)])
            report("  the same, scoring only (shipped head decides)", banded, e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
