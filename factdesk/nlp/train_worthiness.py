"""Training the check-worthiness scorer on ClaimBuster and exporting its numpy weights.

Run ``python -m factdesk.nlp.train_worthiness [--data PATH] [--out DIR]``. Needs the
optional ``train`` extra (scikit-learn). The procedure, used identically for the final
model and inside every fold of the cross-validation (so the CV is honest):

1. hash the sentences with :func:`factdesk.nlp.worthiness.featurize` (no fitting);
2. choose the L2 strength ``C`` by inner stratified 5-fold CV (best pooled out-of-fold
   F1); the calibration below is fitted on the same out-of-fold scores, from models
   trained on 4/5 of the rows, so they are close to the final model's;
3. fit a Platt scaling on the inner out-of-fold decision values, then, for the
   sentences without a checkable specific (:mod:`factdesk.nlp.specificity`), a map of
   their Platt probability to their observed rate (bagged isotonic regression), so
   scores are calibrated probabilities in both groups;
4. choose the decision thresholds on those calibrated out-of-fold probabilities: the
   default (F-0.5, precision weighted twice: a flag a checker acts on), and, for
   reference, the F1 optimum and a recall-leaning F-beta;
5. refit the logistic regression on all training rows with the chosen ``C``.

Only numeric weights leave this module: ``worthiness.npz`` (float16 coefficients and
the intercept) and ``worthiness.json`` (feature config, Platt parameters, threshold,
CV figures, dataset and citation). No text of the dataset is written.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from factdesk.nlp.specificity import specific_mask
from factdesk.nlp.worthiness import (
    DEFAULT_WEIGHTS,
    TIE_BREAK,
    FeatureConfig,
    WorthinessScorer,
    embedding_block,
    featurize,
)

DEFAULT_DATA = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "eval"
    / "claimbuster"
    / "crowdsourced.csv"
)
DEFAULT_CS: tuple[float, ...] = (2.0, 4.0, 8.0)
#: The shipped feature space: hashed word/char n-grams plus the 256-dim WordLlama
#: sentence vector at half weight (``bench/claims_quality.py`` measures each block).
SHIPPED_CONFIG = FeatureConfig(embed_dim=256, embed_scale=0.5)
DEFAULT_BETA = 1.25
#: The F-beta whose optimum is the project's default claim threshold. A default flag
#: costs a checker's attention, so precision weighs twice (beta 0.5). On ClaimBuster's
#: pooled out-of-fold scores the optimum lands at P 0.80 / R 0.52, which beats the
#: reference TF-IDF + logistic regression's own default point (P 0.78 / R 0.42) on both;
#: the F1 optimum (0.33) flags 1.7 times as many sentences for 0.15 less precision.
DEFAULT_OPERATING_BETA = 0.5
SEED = 13
#: Bootstrap isotonic fits averaged into the map of sentences without a specific.
ISOTONIC_BAGS = 50

DATASET = {
    "name": "ClaimBuster crowdsourced.csv",
    "doi": "10.5281/zenodo.3609356",
    "url": "https://zenodo.org/records/3609356",
    "positive_class": "Verdict == 1 (check-worthy factual sentence, CFS)",
    "negative_class": "Verdict in {0, -1} (unimportant factual, non-factual)",
    "citation": (
        "Arslan, F., Hassan, N., Li, C., Tremayne, M. (2020). A Benchmark Dataset of "
        "Check-worthy Factual Claims. Proceedings of the 14th International AAAI "
        "Conference on Web and Social Media (ICWSM 2020)."
    ),
}


@dataclass
class TrainedModel:
    """Exportable result of :func:`fit`."""

    coef: np.ndarray
    intercept: float
    config: FeatureConfig
    platt: tuple[float, float]
    threshold: float
    threshold_f1: float
    #: max F-0.5 on the inner out-of-fold probabilities: the project's default claim
    #: threshold (precision weighted twice; see :data:`DEFAULT_OPERATING_BETA`)
    threshold_default: float
    C: float
    beta: float
    inner: dict[str, Any] = field(default_factory=dict)
    #: group ("nonspecific") -> (Platt probabilities, calibrated ones)
    isotonic: dict[str, tuple[list[float], list[float]]] = field(default_factory=dict)

    def scorer(self, isotonic: bool = True) -> WorthinessScorer:
        """The runtime scorer for these weights, as it will be after export
        (``isotonic=False``: Platt scaling only, for comparison)."""
        return WorthinessScorer(
            self.coef.astype(np.float16).astype(np.float32),
            self.intercept,
            self.config,
            self.platt,
            self.threshold,
            isotonic=self.isotonic if isotonic else None,
        )


def read_claimbuster(path: Path) -> tuple[list[str], np.ndarray]:
    """Sentences and binary labels (1 = CFS) from a ClaimBuster CSV (Text, Verdict)."""
    texts: list[str] = []
    labels: list[int] = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            texts.append(row["Text"])
            labels.append(1 if int(float(row["Verdict"])) == 1 else 0)
    return texts, np.asarray(labels, dtype=np.int64)


def build_matrix(texts: Sequence[str], config: FeatureConfig) -> Any:
    """The features of ``texts`` as a scipy CSR matrix (exactly the runtime ones)."""
    # training only: scikit-learn and SciPy are not runtime dependencies
    import scipy.sparse as sp

    sid, idx, val = featurize(list(texts), config)
    hashed = sp.csr_matrix((val, (sid, idx)), shape=(len(texts), config.n_hashed))
    if not config.embed_dim:
        return hashed
    dense = sp.csr_matrix(embedding_block(list(texts), config).astype(np.float64))
    return sp.hstack([hashed, dense], format="csr")


def _logreg(C: float) -> Any:
    # training only: scikit-learn and SciPy are not runtime dependencies
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, solver="liblinear", dual=True, max_iter=5000)


def prf(labels: np.ndarray, predicted: np.ndarray) -> tuple[float, float, float]:
    """Precision, recall and F1 of the positive class."""
    tp = float(np.sum((predicted == 1) & (labels == 1)))
    fp = float(np.sum((predicted == 1) & (labels == 0)))
    fn = float(np.sum((predicted == 0) & (labels == 1)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold(labels: np.ndarray, scores: np.ndarray, beta: float = 1.0) -> float:
    """The score threshold (predict positive when score >= it) maximising F-beta."""
    order = np.argsort(-scores, kind="stable")
    s, y = scores[order], labels[order]
    tp = np.cumsum(y)
    k = np.arange(1, len(y) + 1)
    last = np.r_[s[1:] != s[:-1], True]  # only cut between distinct scores
    p, r = tp / k, tp / max(int(y.sum()), 1)
    b2 = beta * beta
    f = np.where(p + r > 0, (1 + b2) * p * r / np.maximum(b2 * p + r, 1e-12), 0.0)
    f[~last] = -1.0
    return float(s[int(np.argmax(f))])


def operating_points(
    labels: np.ndarray,
    probs: np.ndarray,
    thresholds: Sequence[float] = tuple(np.arange(0.15, 0.66, 0.05)),
) -> list[dict[str, float]]:
    """Precision/recall/F1 of ``probs >= t`` for a grid of thresholds ``t``."""
    out = []
    for t in thresholds:
        p, r, f = prf(labels, (probs >= t).astype(int))
        out.append(
            {
                "threshold": round(float(t), 2),
                "precision": round(p, 4),
                "recall": round(r, 4),
                "f1": round(f, 4),
            }
        )
    return out


def _fit_platt(decision: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    # training only: scikit-learn and SciPy are not runtime dependencies
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=1e6, max_iter=1000).fit(decision.reshape(-1, 1), labels)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])


def _fit_isotonic(prob: np.ndarray, labels: np.ndarray, specific: np.ndarray,
                  bags: int = ISOTONIC_BAGS,
                  seed: int = SEED) -> dict[str, tuple[list[float], list[float]]]:
    """The calibration map of sentences without a checkable specific: Platt probability
    -> observed rate, the mean of ``bags`` isotonic fits on bootstrap samples (so it is
    smooth, not a staircase), on a grid of 201 points, capped at the Platt probability.
    Sentences with a specific keep the Platt probability (no map)."""
    # training only: scikit-learn and SciPy are not runtime dependencies
    from sklearn.isotonic import IsotonicRegression

    rows = np.flatnonzero(~specific)
    if len(rows) < 50 or labels[rows].min() == labels[rows].max():
        return {}  # too few to calibrate apart: Platt alone
    grid = np.linspace(0.0, 1.0, 201)
    rng = np.random.RandomState(seed)
    curves = []
    for _ in range(bags):
        sample = rng.choice(rows, len(rows))
        iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip")
        curves.append(iso.fit(prob[sample], labels[sample]).predict(grid))
    # Never above the Platt probability: the group is over-rated, not under-rated (its
    # logit shift is negative on ClaimBuster and on CLEF); where the map would rise above
    # it, a handful of sentences decide (out of fold, all 8 above 0.93 are CFS).
    curve = np.minimum(np.mean(curves, axis=0), grid)
    return {"nonspecific": ([round(float(x), 4) for x in grid],
                            [round(float(v), 5) for v in curve])}


def fit(
    X: Any,
    labels: np.ndarray,
    config: FeatureConfig,
    Cs: Sequence[float] = DEFAULT_CS,
    inner_folds: int = 5,
    beta: float = DEFAULT_BETA,
    seed: int = SEED,
    specific: np.ndarray | None = None,
) -> TrainedModel:
    """Train on hashed features ``X`` (from :func:`build_matrix`); see the module doc.

    ``specific``: :func:`specific_mask` of the training sentences (None: Platt only).
    """
    # training only: scikit-learn and SciPy are not runtime dependencies
    from sklearn.model_selection import StratifiedKFold

    n_splits = max(2, min(inner_folds, int(labels.sum()), int((1 - labels).sum())))
    splits = list(StratifiedKFold(n_splits, shuffle=True, random_state=seed).split(X, labels))
    best: tuple[float, float, np.ndarray] | None = None
    per_c: dict[str, float] = {}
    for C in Cs:
        oof = np.zeros(len(labels))
        for tr, te in splits:
            oof[te] = _logreg(C).fit(X[tr], labels[tr]).decision_function(X[te])
        f1 = prf(labels, (oof >= best_threshold(labels, oof)).astype(int))[2]
        per_c[str(C)] = round(f1, 4)
        if best is None or f1 > best[1]:
            best = (C, f1, oof)
    assert best is not None
    C, _, oof = best
    platt = _fit_platt(oof, labels)
    prob = 1.0 / (1.0 + np.exp(-(platt[0] * oof + platt[1])))
    isotonic = _fit_isotonic(prob, labels, specific) if specific is not None else {}
    if isotonic:
        assert specific is not None
        calibrated = prob.copy()
        xs, ys = isotonic["nonspecific"]
        calibrated[~specific] = np.interp(prob[~specific], xs, ys) + TIE_BREAK * prob[~specific]
        prob = calibrated
    threshold = best_threshold(labels, prob, beta)
    threshold_f1 = best_threshold(labels, prob, 1.0)
    threshold_default = best_threshold(labels, prob, DEFAULT_OPERATING_BETA)
    final = _logreg(C).fit(X, labels)
    return TrainedModel(
        coef=final.coef_[0].astype(np.float32),
        intercept=float(final.intercept_[0]),
        config=config,
        platt=platt,
        threshold=threshold,
        threshold_f1=threshold_f1,
        threshold_default=threshold_default,
        C=C,
        beta=beta,
        inner={"folds": n_splits, "f1_by_C": per_c},
        isotonic=isotonic,
    )


def cross_validate(
    texts: Sequence[str],
    labels: np.ndarray,
    config: FeatureConfig | None = None,
    folds: int = 5,
    seed: int = SEED,
    log: Any = None,
) -> dict[str, Any]:
    """Outer stratified CV of the whole procedure, scored through the runtime scorer.

    Returns per-fold and mean precision/recall/F1 at the in-fold recall-leaning and
    F1 thresholds, plus the pooled out-of-fold probabilities (key ``oof``; ``oof_platt``:
    the same with Platt scaling only, without the isotonic maps by specificity).
    """
    # training only: scikit-learn and SciPy are not runtime dependencies
    from sklearn.model_selection import StratifiedKFold

    config = config or SHIPPED_CONFIG
    X = build_matrix(texts, config)
    specific = specific_mask(texts)
    oof, oof_platt = np.zeros(len(labels)), np.zeros(len(labels))
    rows: list[dict[str, Any]] = []
    splitter = StratifiedKFold(folds, shuffle=True, random_state=seed)
    for k, (tr, te) in enumerate(splitter.split(X, labels)):
        model = fit(X[tr], labels[tr], config, seed=seed, specific=specific[tr])
        held_out = [texts[i] for i in te]
        scores = np.asarray(model.scorer().score(held_out))
        oof[te] = scores
        oof_platt[te] = model.scorer(isotonic=False).score(held_out)
        row: dict[str, Any] = {"fold": k, "C": model.C, "threshold": model.threshold}
        row["recall_leaning"] = prf(labels[te], (scores >= model.threshold).astype(int))
        row["f1_threshold"] = model.threshold_f1
        row["f1_opt"] = prf(labels[te], (scores >= model.threshold_f1).astype(int))
        row["default_threshold"] = model.threshold_default
        row["default_point"] = prf(labels[te], (scores >= model.threshold_default).astype(int))
        rows.append(row)
        if log:
            log(
                f"fold {k}: C={model.C} thr={model.threshold:.3f} "
                f"P/R/F1={'/'.join(f'{v:.3f}' for v in row['recall_leaning'])}"
            )
    summary: dict[str, Any] = {"folds": folds, "seed": seed, "per_fold": rows, "oof": oof,
                               "oof_platt": oof_platt}
    for key in ("recall_leaning", "f1_opt", "default_point"):
        arr = np.asarray([r[key] for r in rows])
        summary[key] = {
            "precision": round(float(arr[:, 0].mean()), 4),
            "recall": round(float(arr[:, 1].mean()), 4),
            "f1": round(float(arr[:, 2].mean()), 4),
            "f1_std": round(float(arr[:, 2].std()), 4),
        }
    return summary


def export(model: TrainedModel, out_dir: Path, extra_meta: dict[str, Any] | None = None) -> Path:
    """Write ``worthiness.npz`` and ``worthiness.json`` into ``out_dir``; return the npz."""
    out_dir.mkdir(parents=True, exist_ok=True)
    npz = out_dir / DEFAULT_WEIGHTS.name
    np.savez_compressed(
        npz,
        coef=model.coef.astype(np.float16),
        intercept=np.asarray(model.intercept, dtype=np.float64),
    )
    meta: dict[str, Any] = {
        "description": ("Check-worthiness scorer: logistic regression on hashed word/char "
                        "n-grams and a WordLlama sentence embedding; Platt scaling, then "
                        "isotonic maps for sentences with and without a checkable "
                        "specific (factdesk.nlp.specificity)."),
        "dataset": DATASET,
        "claimbuster_threshold_fbeta": round(model.threshold, 4),
        "threshold_policy": (f"claimbuster_threshold_fbeta: max F-beta (beta={model.beta}) "
                             "on inner out-of-fold probabilities (recall-leaning, for the "
                             "record); the project's default claim threshold "
                             "(settings.DEFAULT_CLAIM_THRESHOLD) is "
                             "claimbuster_threshold_default rounded: max F-beta "
                             f"(beta={DEFAULT_OPERATING_BETA}, precision weighted twice) "
                             "on the same probabilities; a per-article claim share "
                             "chosen on BASIL dev caps what news shows"),
        "claimbuster_threshold_f1": round(model.threshold_f1, 4),
        "claimbuster_threshold_default": round(model.threshold_default, 4),
        "model": {
            "type": "logistic_regression",
            "C": model.C,
            "features": model.config.to_dict(),
            "platt": [model.platt[0], model.platt[1]],
            "isotonic": model.isotonic,
            "coef_dtype": "float16",
            "inner_cv": model.inner,
        },
        "trained": time.strftime("%Y-%m-%d"),
    }
    meta.update(extra_meta or {})
    npz.with_suffix(".json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return npz


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="ClaimBuster CSV")
    parser.add_argument("--out", type=Path, default=DEFAULT_WEIGHTS.parent, help="output dir")
    parser.add_argument("--cv-folds", type=int, default=5, help="outer CV folds (0: skip CV)")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"training data not found: {args.data}", file=sys.stderr)
        return 2
    texts, labels = read_claimbuster(args.data)
    print(f"{len(texts)} sentences, {int(labels.sum())} check-worthy", flush=True)
    config = SHIPPED_CONFIG
    extra: dict[str, Any] = {"n_train": len(texts), "n_positive": int(labels.sum())}
    if args.cv_folds >= 2:
        cv = cross_validate(
            texts, labels, config, folds=args.cv_folds, log=lambda m: print(m, flush=True)
        )
        oof = cv.pop("oof")
        cv.pop("oof_platt")
        cv["operating_points_pooled_oof"] = operating_points(labels, oof)
        extra["cross_validation"] = cv
        print(json.dumps({k: cv[k] for k in ("recall_leaning", "f1_opt", "default_point")}),
              flush=True)
    model = fit(build_matrix(texts, config), labels, config, specific=specific_mask(texts))
    path = export(model, args.out, extra)
    print(f"wrote {path} (C={model.C}, threshold={model.threshold:.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
