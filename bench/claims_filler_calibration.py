"""Benchmarking how firmly filler falls below the claim threshold, by calibration family.

"He received no special treatment from anyone." (BASIL, HuffPost) has no checkable
specific (:mod:`factdesk.nlp.specificity`); the shipped map of such sentences (bagged
isotonic, capped at the Platt probability) puts it at 0.698 against the 0.70 default.
How firm is that, and does a different principled calibration of the group give a
margin that also shows on labelled data? On ClaimBuster crowdsourced (5-fold stratified
CV, seed 13, C 2), each calibration family is fitted on four folds' out-of-fold
decision values and applied to the fifth (cross-fitted), then scored on the pooled
result with proper scoring rules (log loss, Brier) and ECE, overall and on the sentences
without a specific; the filler's probability under each of the five fits shows the
spread. Families: Platt alone; the shipped isotonic map; a separate Platt fit for the
group (capped like the shipped map); a logit shift for the group (one extra parameter).
Then the CFS rate of high-scoring sentences without a specific, by length: what
ClaimBuster's coders say of sentences like it.

Usage: ``python bench/claims_filler_calibration.py`` (~3 minutes on one core). Exits 0
with a message without the data. Needs the ``train`` extra.
"""

from __future__ import annotations

from collections.abc import Callable

import _one_core  # noqa: F401  (first: one BLAS thread before NumPy loads)
import numpy as np
from _checkworthy_data import reliability
from _shared import EVAL, eval_path

from factdesk.nlp.specificity import specific_mask
from factdesk.nlp.train_worthiness import (
    SEED,
    SHIPPED_CONFIG,
    _fit_isotonic,
    _fit_platt,
    build_matrix,
    read_claimbuster,
)
from factdesk.nlp.worthiness import DEFAULT_THRESHOLD, WorthinessScorer

FILLER = "He received no special treatment from anyone."
#: (train decision values, labels, specific mask, test decision values, test mask) -> p
Calibrator = Callable[[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray],
                      np.ndarray]


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def platt(z: np.ndarray, y: np.ndarray, spec: np.ndarray, zt: np.ndarray,
          st: np.ndarray) -> np.ndarray:
    a, b = _fit_platt(z, y)
    return _sigmoid(a * zt + b)


def isotonic_map(z: np.ndarray, y: np.ndarray, spec: np.ndarray, zt: np.ndarray,
                 st: np.ndarray) -> np.ndarray:
    a, b = _fit_platt(z, y)
    xs, ys = _fit_isotonic(_sigmoid(a * z + b), y, spec)["nonspecific"]
    out = _sigmoid(a * zt + b)
    out[~st] = np.interp(out[~st], xs, ys)
    return out


def group_platt(z: np.ndarray, y: np.ndarray, spec: np.ndarray, zt: np.ndarray,
                st: np.ndarray) -> np.ndarray:
    out = platt(z, y, spec, zt, st)
    a, b = _fit_platt(z[~spec], y[~spec])
    out[~st] = np.minimum(_sigmoid(a * zt[~st] + b), out[~st])
    return out


def logit_shift(z: np.ndarray, y: np.ndarray, spec: np.ndarray, zt: np.ndarray,
                st: np.ndarray) -> np.ndarray:
    from sklearn.linear_model import LogisticRegression  # lazy: train extra

    model = LogisticRegression(C=1e6, max_iter=1000).fit(np.c_[z, ~spec], y)
    return model.predict_proba(np.c_[zt, ~st])[:, 1]


def _log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def main() -> int:
    from sklearn.linear_model import LogisticRegression  # lazy: train extra
    from sklearn.model_selection import StratifiedKFold

    eval_path("claimbuster")  # exits 0 with a message when it is missing
    texts, y = read_claimbuster(EVAL / "claimbuster" / "crowdsourced.csv")
    X = build_matrix(texts, SHIPPED_CONFIG)
    spec = specific_mask(texts)
    z, fold = np.zeros(len(y)), np.zeros(len(y), dtype=int)
    for k, (tr, te) in enumerate(StratifiedKFold(5, shuffle=True, random_state=SEED)
                                 .split(X, y)):
        model = LogisticRegression(C=2.0, solver="liblinear", dual=True, max_iter=5000)
        z[te], fold[te] = model.fit(X[tr], y[tr]).decision_function(X[te]), k
    z_filler = WorthinessScorer.load().decision_function([FILLER])
    families: dict[str, Calibrator] = {
        "Platt alone": platt, "isotonic map (shipped)": isotonic_map,
        "separate Platt for the group": group_platt, "logit shift for the group": logit_shift}
    ns = ~spec
    print(f"ClaimBuster, cross-fitted calibration of 5-fold out-of-fold scores; "
          f"{ns.sum()} of {len(y)} sentences without a specific")
    print(f"{'family':<30} {'ECE':>6} {'LL':>7} | without a specific: {'ECE':>6} {'LL':>7} "
          f"{'Brier':>7} | filler by fit (threshold {DEFAULT_THRESHOLD})")
    for name, fit in families.items():
        p, filler = np.zeros(len(y)), []
        for k in range(5):
            tr, te = fold != k, fold == k
            p[te] = fit(z[tr], y[tr], spec[tr], z[te], spec[te])
            filler.append(float(fit(z[tr], y[tr], spec[tr], z_filler, np.zeros(1, bool))[0]))
        print(f"{name:<30} {reliability(p, y)[0]:>6.4f} {_log_loss(p, y):>7.4f} | "
              f"{'':<20} {reliability(p[ns], y[ns])[0]:>6.4f} {_log_loss(p[ns], y[ns]):>7.4f} "
              f"{np.mean((p[ns] - y[ns]) ** 2):>7.4f} | "
              + " ".join(f"{f:.3f}" for f in filler), flush=True)
    words = np.asarray([len(t.split()) for t in texts])
    a, b = _fit_platt(z, y)
    prob = _sigmoid(a * z + b)
    print("\nsentences with out-of-fold Platt probability > 0.6, by length: n, mean "
          "p, CFS rate (without a specific | with one)")
    for low, high in ((0, 8), (8, 12), (12, 20), (20, 999)):
        cells = []
        for group in (ns, spec):
            m = group & (prob > 0.6) & (words >= low) & (words < high)
            cells.append(f"n {m.sum():>4} p {prob[m].mean():.2f} CFS {y[m].mean():.2f}")
        print(f"  {low:>2}-{high if high < 999 else '':<3} words: {cells[0]} | {cells[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
