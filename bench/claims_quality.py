"""Benchmarking the check-worthiness scorer against a TF-IDF baseline on ClaimBuster.

5-fold stratified CV (fixed seed) on ``../shared/eval/claimbuster/crowdsourced.csv``;
the positive class is CFS (Verdict == 1). On the same folds it reports CFS
precision/recall/F1 of:

* FactDesk's scorer, trained inside each fold by
  :func:`factdesk.nlp.train_worthiness.fit` (C, Platt scaling and thresholds all
  chosen by inner CV on the training part only) and scored through the numpy runtime;
* the plain baseline: ``TfidfVectorizer(ngram_range=(1, 2))`` +
  ``LogisticRegression()``, at its default 0.5 threshold and, for a fairer view, at
  the F1-optimal threshold chosen by inner 3-fold CV on the training part.

Then the single-core throughput of the shipped runtime scorer on 20,000 sentences.
Exits 0 with a message when the evaluation data is absent.

Usage: ``python bench/claims_quality.py [--data PATH] [--folds 5] [--no-cv]``
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from factdesk.nlp.train_worthiness import (  # noqa: E402
    SEED,
    best_threshold,
    cross_validate,
    prf,
    read_claimbuster,
)
from factdesk.nlp.worthiness import DEFAULT_THRESHOLD, DEFAULT_WEIGHTS, WorthinessScorer  # noqa: E402

DATA = REPO.parent / "shared" / "eval" / "claimbuster" / "crowdsourced.csv"


def baseline_cv(texts: list[str], labels: np.ndarray, folds: int) -> dict[str, np.ndarray]:
    """Per-fold (P, R, F1) of TF-IDF word 1-2 grams + LogisticRegression on the same folds."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold
    from sklearn.pipeline import make_pipeline

    def model():
        return make_pipeline(TfidfVectorizer(ngram_range=(1, 2)), LogisticRegression(max_iter=1000))

    arr = np.asarray(texts, dtype=object)
    at_half, tuned = [], []
    outer = StratifiedKFold(folds, shuffle=True, random_state=SEED)
    for tr, te in outer.split(arr, labels):
        inner_oof = np.zeros(len(tr))
        inner = StratifiedKFold(3, shuffle=True, random_state=SEED)
        for itr, ite in inner.split(arr[tr], labels[tr]):
            m = model().fit(arr[tr][itr], labels[tr][itr])
            inner_oof[ite] = m.predict_proba(arr[tr][ite])[:, 1]
        thr = best_threshold(labels[tr], inner_oof)
        prob = model().fit(arr[tr], labels[tr]).predict_proba(arr[te])[:, 1]
        at_half.append(prf(labels[te], (prob >= 0.5).astype(int)))
        tuned.append(prf(labels[te], (prob >= thr).astype(int)))
    return {"at 0.5": np.asarray(at_half), "inner-CV F1 threshold": np.asarray(tuned)}


def throughput(texts: list[str], n: int = 20_000) -> tuple[float, float]:
    """Sentences/second of the shipped scorer on one core, and its load time in seconds."""
    if hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        except OSError:
            pass
    t0 = time.perf_counter()
    scorer = WorthinessScorer.load(DEFAULT_WEIGHTS)
    load_s = time.perf_counter() - t0
    sample = (texts * (n // max(len(texts), 1) + 1))[:n]
    scorer.score(sample[:500])  # warm-up
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        scorer.score(sample)
        best = min(best, time.perf_counter() - t0)
    return n / best, load_s


def _row(name: str, prf_rows: np.ndarray) -> str:
    p, r, f = prf_rows.mean(axis=0)
    return f"{name:<50} {p:>6.3f} {r:>6.3f} {f:>6.3f} ±{prf_rows[:, 2].std():.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-cv", action="store_true", help="throughput only")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"skipped: evaluation data not found at {args.data}")
        return 0
    texts, labels = read_claimbuster(args.data)
    print(
        f"ClaimBuster: {len(texts)} sentences, {int(labels.sum())} CFS; {args.folds}-fold "
        f"stratified CV, seed {SEED}\n",
        flush=True,
    )
    if not args.no_cv:
        t0 = time.perf_counter()
        ours = cross_validate(texts, labels, folds=args.folds, log=print)
        t_ours = time.perf_counter() - t0
        t0 = time.perf_counter()
        base = baseline_cv(texts, labels, args.folds)
        t_base = time.perf_counter() - t0
        per = ours["per_fold"]
        header = f"{'CFS (Verdict == 1), mean over folds':<50} {'P':>6} {'R':>6} {'F1':>6} (std)"
        print("\n" + header + "\n" + "-" * len(header))
        for name, arr in base.items():
            print(_row(f"baseline TF-IDF 1-2g + LR, {name}", arr))
        print(_row("FactDesk scorer, in-fold F1 threshold", np.asarray([r["f1_opt"] for r in per])))
        print(
            _row(
                "FactDesk scorer, in-fold recall-leaning thr.",
                np.asarray([r["recall_leaning"] for r in per]),
            )
        )
        thr = [r["threshold"] for r in per]
        thr1 = [r["f1_threshold"] for r in per]
        print(
            f"\nin-fold thresholds: recall-leaning {np.mean(thr):.3f} (range "
            f"{min(thr):.3f}-{max(thr):.3f}), F1 {np.mean(thr1):.3f}; shipped "
            f"DEFAULT_THRESHOLD = {DEFAULT_THRESHOLD}"
        )
        oof = ours["oof"]
        p, r, f = prf(labels, (oof >= DEFAULT_THRESHOLD).astype(int))
        print(f"pooled out-of-fold at DEFAULT_THRESHOLD: P {p:.3f} R {r:.3f} F1 {f:.3f}")
        print(f"CV time: FactDesk {t_ours:.0f} s, baseline {t_base:.0f} s\n")
    rate, load_s = throughput(texts)
    print(
        f"runtime scorer (numpy, 1 thread, 1 core): {rate:,.0f} sentences/s on 20,000 "
        f"sentences; load {load_s * 1000:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
