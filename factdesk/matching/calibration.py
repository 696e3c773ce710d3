"""Calibration and decision thresholds shared by the pair scorer's two training scripts.

Platt scaling of out-of-fold margins, accuracy / F1 of a decision, the threshold
that maximises their sum (smoothed), and the expected calibration error of
probabilities, as :mod:`factdesk.matching.train_pair_model` and
:mod:`factdesk.matching.train_event_model` fit them. scikit-learn is imported only
when fitting.
"""

from __future__ import annotations

import numpy as np


def fit_platt(margin: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    # training only: scikit-learn and SciPy are not runtime dependencies
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=1e4).fit(margin[:, None], y)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def best_threshold(prob: np.ndarray, y: np.ndarray) -> float:
    """Threshold maximising accuracy + F1 on ``prob``, smoothed over +-0.02."""
    grid = np.round(np.arange(0.20, 0.80, 0.005), 3)
    score = np.array([sum(metrics(prob >= t, y)) for t in grid])
    smooth = np.convolve(score, np.ones(9) / 9.0, mode="same")
    smooth[:4] = smooth[-4:] = -np.inf
    return float(grid[int(np.argmax(smooth))])


def metrics(pred: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    tp = float(np.sum(pred & (y == 1)))
    fp = float(np.sum(pred & (y == 0)))
    fn = float(np.sum(~pred & (y == 1)))
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return float(np.mean(pred == y)), f1


def expected_calibration_error(prob: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    """ECE: the bin-size-weighted gap between mean probability and positive rate, over
    ``bins`` equal-width probability bins."""
    prob, y = np.asarray(prob, dtype=np.float64), np.asarray(y)
    if not len(prob):
        return 0.0
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(prob, edges[1:-1]), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            total += mask.sum() * abs(prob[mask].mean() - y[mask].mean())
    return float(total / len(prob))
