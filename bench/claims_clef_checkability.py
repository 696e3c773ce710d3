"""Benchmarking three more leads for CLEF 2020 check-worthiness ranking (issue 20, fourth pass).

The shipped scorer (a logistic regression over hashed n-grams and a WordLlama vector,
trained on ClaimBuster alone) has CLEF 2020 dev MAP 0.119 against a held-out goal of
0.12. Three earlier passes measured context, speaker turns, joint training, a pairwise
loss, cue boosts and block weights (docs/claims.md). Measured here:

1. **a small non-linear model over a compact input, stacked on the shipped score**: a
   one-hidden-layer MLP or gradient-boosted trees over [the linear score, a PCA of the
   256-d WordLlama vector (or all of it), spaCy counts: entities by type, numbers,
   first / second person, modal verbs, question mark, length ...];
2. **sentence-level "checkability" features from spaCy** the shipped model lacks (a
   named-entity subject, the root verb's tense, future, imperative, comparatives and
   superlatives, percentages, money, hedges and opinion verbs with a first-person
   subject), stacked on the score by a logistic regression;
3. **ClaimBuster's three classes as ordinal labels**: each UFS (unimportant factual)
   sentence enters training twice, as a positive with weight ``w`` and as a negative with
   weight ``1 - w`` (a soft target ``w``), NFS stays 0 and CFS 1.

Every variant is scored on ClaimBuster crowdsourced (5-fold stratified CV, seed 13, fixed
C 2, pooled out-of-fold best F1 / AP; a stacker is trained on four folds' out-of-fold
scores and applied to the fifth) and on the CLEF CheckThat! development transcripts (MAP
over the 61 documents whose debate is not in ClaimBuster, each with its per-document
paired difference from the shipped scorer ± the standard error). A stacker "learned on
ClaimBuster" is fitted on all of ClaimBuster's out-of-fold rows and applied to the CLEF
sentences scored by the shipped weights; one "learned on CLEF" is fitted in grouped
4-fold CV by document (same-debate twins in one fold). Within each lead, the setting is
**chosen on ClaimBuster CV (F1 not below 0.690) and the 2019 MAP only**; the choice is
then read on 2020.

Usage: ``python bench/claims_clef_checkability.py`` (~8 minutes on one core; the first
run also parses the 79,355 sentences with spaCy, ~10 minutes; the parses and the base
fits are cached under /tmp/factdesk-bench). Exits 0 with a message without the data.
Needs the ``train`` extra.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import _one_core  # noqa: F401  (first: one BLAS thread before NumPy loads)
import numpy as np
from _checkability import CHECKABILITY, COLUMNS, spacy_counts
from _checkworthy_data import IN_CLAIMBUSTER, average_precision, group_folds, read_clef
from _shared import EVAL, eval_path

from factdesk.nlp.train_worthiness import (
    SEED,
    SHIPPED_CONFIG,
    best_threshold,
    build_matrix,
    prf,
)
from factdesk.nlp.worthiness import DEFAULT_WEIGHTS, WorthinessScorer

CACHE = Path("/tmp/factdesk-bench")
FOLDS_CB, FOLDS_CLEF = 5, 4
CB_F1_FLOOR = 0.690
UFS_WEIGHTS = (0.15, 0.3, 0.5)


class Bench:
    """ClaimBuster and CLEF: features, folds, base scores and the two reports."""

    def __init__(self) -> None:
        from sklearn.model_selection import StratifiedKFold  # lazy: train extra

        with open(EVAL / "claimbuster" / "crowdsourced.csv", encoding="utf-8",
                  newline="") as handle:
            rows = list(csv.DictReader(handle))
        self.cb_texts = [r["Text"] for r in rows]
        self.verdict = np.asarray([int(float(r["Verdict"])) for r in rows])
        self.y = (self.verdict == 1).astype(np.int64)
        self.docs = read_clef(EVAL / "clef-checkworthy")
        lens = [len(d.texts) for d in self.docs]
        self.offsets = np.cumsum([0] + lens)
        self.clef_texts = [t for d in self.docs for t in d.texts]
        self.yl = np.concatenate([d.labels for d in self.docs])
        self.row_fold = np.repeat(group_folds(self.docs, FOLDS_CLEF, SEED), lens)
        self.keep_docs = np.asarray([d.name not in IN_CLAIMBUSTER for d in self.docs])
        self.keep_rows = np.repeat(self.keep_docs, lens)
        self.year = np.asarray([d.year for d in self.docs])
        self.X = build_matrix(self.cb_texts, SHIPPED_CONFIG)
        self.Xl = build_matrix(self.clef_texts, SHIPPED_CONFIG)
        hashed, scale = SHIPPED_CONFIG.n_hashed, SHIPPED_CONFIG.embed_scale
        self.emb = self.X[:, hashed:].toarray() / scale
        self.emb_l = self.Xl[:, hashed:].toarray() / scale
        self.splits = list(StratifiedKFold(FOLDS_CB, shuffle=True, random_state=SEED)
                           .split(self.emb, self.y))
        self.cb_fold = np.zeros(len(self.y), dtype=int)
        for k, (_, te) in enumerate(self.splits):
            self.cb_fold[te] = k
        scorer = WorthinessScorer.load(DEFAULT_WEIGHTS)
        self.shipped_l = scorer.decision_function(self.clef_texts)
        self.base_aps = self.aps(self.shipped_l)
        self.oof = self.base_fit("cfs", None)[0]
        self.base_cb = self.cb_figures(self.oof)

    # -- base linear model ------------------------------------------------------------
    def base_fit(self, name: str, ufs_weight: float | None) -> tuple[np.ndarray, np.ndarray]:
        """ClaimBuster out-of-fold linear scores and the all-ClaimBuster model's CLEF
        scores, for binary labels (``ufs_weight`` None) or UFS as a soft target; cached."""
        key = hashlib.sha1(f"{name}-{ufs_weight}-{SEED}-{len(self.y)}".encode()).hexdigest()
        path = CACHE / f"base-{name}-{key[:12]}.npz"
        if path.exists():
            with np.load(path) as data:
                return data["oof"], data["clef"]
        oof = np.zeros(len(self.y))
        for tr, te in self.splits:
            oof[te] = self._linear(tr, ufs_weight).decision_function(self.X[te])
        clef = self._linear(np.arange(len(self.y)), ufs_weight).decision_function(self.Xl)
        CACHE.mkdir(parents=True, exist_ok=True)
        np.savez(path, oof=oof, clef=clef)
        return oof, clef

    def _linear(self, rows: np.ndarray, ufs_weight: float | None) -> Any:
        import scipy.sparse as sp  # lazy: train extra
        from sklearn.linear_model import LogisticRegression

        model = LogisticRegression(C=2.0, solver="liblinear", dual=True, max_iter=5000)
        if ufs_weight is None:
            return model.fit(self.X[rows], self.y[rows])
        ufs = rows[self.verdict[rows] == 0]
        X = sp.vstack([self.X[rows], self.X[ufs]], "csr")
        target = np.r_[self.y[rows], np.ones(len(ufs), dtype=np.int64)]
        weight = np.ones(len(rows))
        weight[self.verdict[rows] == 0] = 1.0 - ufs_weight
        return model.fit(X, target, sample_weight=np.r_[weight, np.full(len(ufs), ufs_weight)])

    # -- reports ----------------------------------------------------------------------
    def split(self, scores: np.ndarray) -> list[np.ndarray]:
        return [scores[self.offsets[i]:self.offsets[i + 1]] for i in range(len(self.docs))]

    def aps(self, scores: np.ndarray) -> np.ndarray:
        return np.asarray([average_precision(s, d.labels)
                           for s, d in zip(self.split(scores), self.docs, strict=True)])

    def cb_figures(self, scores: np.ndarray) -> tuple[float, float]:
        from sklearn.metrics import average_precision_score  # lazy: train extra

        f1 = prf(self.y, (scores >= best_threshold(self.y, scores)).astype(int))[2]
        return f1, float(average_precision_score(self.y, scores))

    def report(self, name: str, cb: np.ndarray | None, clef: np.ndarray) -> dict[str, float]:
        """One row: ClaimBuster F1 / AP, then MAP per year ± the paired difference."""
        out: dict[str, float] = {}
        line = f"  {name:<58}"
        if cb is None:
            line += " " * 15
        else:
            out["f1"], out["ap"] = self.cb_figures(cb)
            line += f" {out['f1']:.3f} / {out['ap']:.3f}"
        aps = self.aps(clef)
        for year in ("2019", "2020"):
            keep = (self.year == year) & self.keep_docs
            delta = aps[keep] - self.base_aps[keep]
            out[year] = float(aps[keep].mean())
            line += (f"   {year} {out[year]:.3f} ({delta.mean():+.3f} "
                     f"±{delta.std(ddof=1) / np.sqrt(keep.sum()):.3f})")
        print(line, flush=True)
        return out

    # -- stacking ---------------------------------------------------------------------
    def stack(self, name: str, make: Callable[[], Any], cb_in: np.ndarray,
              clef_in: np.ndarray, on_clef: bool = False) -> dict[str, float]:
        """A second-level model over compact inputs, learned on ClaimBuster (CV there,
        all of it for CLEF) or on CLEF (grouped CV there; the 61 documents for CB)."""
        cb_out, clef_out = np.zeros(len(self.y)), np.zeros(len(self.yl))
        if not on_clef:
            for tr, te in self.splits:
                cb_out[te] = _decision(make().fit(cb_in[tr], self.y[tr]), cb_in[te])
            clef_out = _decision(make().fit(cb_in, self.y), clef_in)
        else:
            for k in range(FOLDS_CLEF):
                tr, te = (self.row_fold != k) & self.keep_rows, self.row_fold == k
                clef_out[te] = _decision(make().fit(clef_in[tr], self.yl[tr]), clef_in[te])
            cb_out = _decision(make().fit(clef_in[self.keep_rows], self.yl[self.keep_rows]),
                               cb_in)
        return self.report(name, cb_out, clef_out)


def _decision(model: Any, X: np.ndarray) -> np.ndarray:
    """Log-odds of the positive class (ties broken the same way for every model)."""
    if hasattr(model, "decision_function"):
        return model.decision_function(X)
    p = np.clip(model.predict_proba(X)[:, 1], 1e-9, 1 - 1e-9)
    return np.log(p / (1 - p))


def choose(rows: dict[str, dict[str, float]]) -> str:
    """The row with the best 2019 MAP among those keeping ClaimBuster's F1 >= 0.690."""
    allowed = {k: v for k, v in rows.items() if v.get("f1", 1.0) >= CB_F1_FLOOR}
    if not allowed:
        print("  chosen: none keeps ClaimBuster F1 >= 0.690", flush=True)
        return ""
    key = max(allowed, key=lambda k: allowed[k]["2019"])
    print(f"  chosen on ClaimBuster + 2019: {key} -> 2020 {rows[key]['2020']:.3f}", flush=True)
    return key


def ordinal_section(bench: Bench) -> None:
    print("3. UFS as a soft target (one linear model, shipped features, C 2):")
    rows = {"binary (shipped)": bench.report("binary CFS labels (shipped procedure)",
                                             bench.oof, bench.shipped_l)}
    for w in UFS_WEIGHTS:
        oof, clef = bench.base_fit("ufs", w)
        rows[f"UFS {w}"] = bench.report(f"UFS as target {w} (NFS 0, CFS 1)", oof, clef)
    choose(rows)


def logistic(C: float = 1.0) -> Callable[[], Any]:
    from sklearn.linear_model import LogisticRegression  # lazy: train extra
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return lambda: make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=2000))


def checkability_section(bench: Bench, counts: np.ndarray, counts_l: np.ndarray) -> None:
    print("2. spaCy checkability features stacked on the score (logistic stacker):")
    cols = [COLUMNS.index(c) for c in CHECKABILITY]
    rows: dict[str, dict[str, float]] = {}
    for label, take in (("checkability", cols), ("all spaCy counts", list(range(len(COLUMNS))))):
        cb_in, clef_in = np.c_[bench.oof, counts[:, take]], np.c_[bench.shipped_l,
                                                                  counts_l[:, take]]
        rows[f"{label}, ClaimBuster"] = bench.stack(
            f"score + {label}, learned on ClaimBuster", logistic(), cb_in, clef_in)
        rows[f"{label}, CLEF"] = bench.stack(
            f"score + {label}, learned on CLEF", logistic(0.1), cb_in, clef_in, on_clef=True)
    choose(rows)
    cb_in = np.c_[bench.oof, counts[:, cols]]
    weights = logistic()().fit(cb_in, bench.y)[-1].coef_[0]
    print("   standardised coefficients of score + checkability, learned on ClaimBuster: "
          + ", ".join(f"{n} {w:+.2f}" for n, w in sorted(
              zip(("score", *CHECKABILITY), weights, strict=True), key=lambda t: -abs(t[1]))),
          flush=True)


def nonlinear_section(bench: Bench, counts: np.ndarray, counts_l: np.ndarray) -> None:
    from sklearn.decomposition import PCA  # lazy: train extra
    from sklearn.ensemble import HistGradientBoostingClassifier, VotingClassifier
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    print("1. non-linear stacker over [score, WordLlama PCA, spaCy counts]:")
    pca = PCA(32, random_state=SEED).fit(bench.emb)
    p_cb, p_l = pca.transform(bench.emb), pca.transform(bench.emb_l)
    inputs = {
        "score + PCA16 + counts": (np.c_[bench.oof, p_cb[:, :16], counts],
                                   np.c_[bench.shipped_l, p_l[:, :16], counts_l]),
        "score + PCA32 + counts": (np.c_[bench.oof, p_cb, counts],
                                   np.c_[bench.shipped_l, p_l, counts_l]),
        "score + counts": (np.c_[bench.oof, counts], np.c_[bench.shipped_l, counts_l]),
        "score + WordLlama 256": (np.c_[bench.oof, bench.emb],
                                  np.c_[bench.shipped_l, bench.emb_l]),
    }

    def mlp(hidden: int, alpha: float) -> Callable[[], Any]:
        return lambda: make_pipeline(StandardScaler(), MLPClassifier(
            (hidden,), alpha=alpha, max_iter=300, early_stopping=True, random_state=SEED))

    def bagged_mlp(hidden: int, alpha: float, seeds: int = 5) -> Callable[[], Any]:
        # the probabilities of ``seeds`` MLPs with different initialisations, averaged
        return lambda: VotingClassifier(
            [(f"mlp{s}", make_pipeline(StandardScaler(), MLPClassifier(
                (hidden,), alpha=alpha, max_iter=300, early_stopping=True,
                random_state=SEED + s))) for s in range(seeds)], voting="soft")

    def trees(lr: float, depth: int) -> Callable[[], Any]:
        return lambda: HistGradientBoostingClassifier(
            learning_rate=lr, max_depth=depth, max_iter=200, early_stopping=True,
            random_state=SEED)

    models = {"MLP 16, alpha 1e-2": mlp(16, 1e-2), "MLP 32, alpha 1e-1": mlp(32, 1e-1),
              "MLP 16, alpha 1e-1, 5 seeds averaged": bagged_mlp(16, 1e-1),
              "trees depth 3, lr 0.05": trees(0.05, 3), "logistic (linear reference)":
              logistic()}
    rows: dict[str, dict[str, float]] = {}
    for in_name, (cb_in, clef_in) in inputs.items():
        for m_name, make in models.items():
            if in_name == "score + WordLlama 256" and m_name.startswith(("trees", "MLP 16, alpha 1e-1")):
                continue
            rows[f"{m_name} | {in_name}"] = bench.stack(f"{m_name} | {in_name}", make,
                                                        cb_in, clef_in)
    choose(rows)
    print("   learned on CLEF (grouped CV):")
    cb_in, clef_in = inputs["score + PCA16 + counts"]
    rows = {m: bench.stack(f"{m} | score + PCA16 + counts, on CLEF", make, cb_in, clef_in,
                           on_clef=True)
            for m, make in (("MLP 16, alpha 1e-1", mlp(16, 1e-1)),
                            ("trees depth 3, lr 0.05", trees(0.05, 3)))}
    choose(rows)


def standard_errors(bench: Bench) -> None:
    for year in ("2019", "2020"):
        keep = (bench.year == year) & bench.keep_docs
        aps = bench.base_aps[keep]
        print(f"shipped MAP {year}: {aps.mean():.3f} over {keep.sum()} documents, standard "
              f"error across documents {aps.std(ddof=1) / np.sqrt(keep.sum()):.3f}")


def main() -> int:
    for needed in ("claimbuster", "clef-checkworthy"):
        eval_path(needed)  # exits 0 with a message when it is missing
    bench = Bench()
    print(f"{'variant':<60} CB F1 / AP      CLEF MAP (paired difference ± standard error)")
    bench.report("shipped scorer (ClaimBuster only)", bench.oof, bench.shipped_l)
    standard_errors(bench)
    ordinal_section(bench)
    counts, counts_l = spacy_counts(bench.cb_texts, CACHE), spacy_counts(bench.clef_texts,
                                                                         CACHE)
    checkability_section(bench, counts, counts_l)
    nonlinear_section(bench, counts, counts_l)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
