"""Benchmarking three more ideas for CLEF 2020 check-worthiness ranking (issue 20, third pass).

The shipped scorer is trained on ClaimBuster alone; its CLEF 2020 dev MAP sits at the
held-out goal (0.12). Measured here, on data no one here wrote, without fitting anything
to the folds reported:

* **a within-document pairwise head**: a logistic regression on the differences of the
  shipped (hashed n-gram + WordLlama) features of a checked and an unchecked sentence of
  the same CLEF document (up to 30 unchecked ones per checked one), i.e. a ranking loss,
  added to the ClaimBuster score at weight ``alpha`` (the head rescaled to the score's
  spread on the training documents). A single linear model in the same feature space, so
  it would ship as one coefficient vector at no speed cost;
* **one model on ClaimBuster + the CLEF training transcripts**, CLEF rows weighted to a
  share of ClaimBuster's total weight, their positives to ClaimBuster's 24% share;
* **speaker turns** the CLEF files carry: the speaker's share of the document's turns,
  and rows spoken by "SYSTEM" / "QUESTION" put last (an upper bound: the window and the
  CLI see articles and sentences, not turns).

Every CLEF-trained part is learned in grouped 4-fold CV by document (same-debate twins in
one fold; seed 13). MAP is over the 61 documents whose debate is not in ClaimBuster.
Hyper-parameters are chosen on the **2019** MAP only, and the choice is then read on
2020. Each row also gives the per-document paired difference from the shipped scorer
and its standard error. For the 2019-chosen variant of the first two ideas, the cost on
ClaimBuster's 5-fold CV (fixed C 2, pooled out-of-fold best F1 / AP) is measured too:
the head is trained on the CLEF documents whose debate is not in ClaimBuster.

Usage: ``python bench/claims_clef_ranking.py`` (~15 minutes on one core). Exits 0 with a
message without the data. Needs the ``train`` extra.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import _one_core  # noqa: F401  (first: one BLAS thread before NumPy loads)
import numpy as np
from _checkworthy_data import (
    IN_CLAIMBUSTER,
    Transcript,
    average_precision,
    group_folds,
    read_clef,
)
from _shared import EVAL, eval_path

from factdesk.nlp.train_worthiness import (
    SEED,
    SHIPPED_CONFIG,
    best_threshold,
    build_matrix,
    prf,
    read_claimbuster,
)
from factdesk.nlp.worthiness import DEFAULT_WEIGHTS, WorthinessScorer

FOLDS = 4
NEGATIVES_PER_POSITIVE = 30
#: Rows of a transcript that no candidate speaks.
NOT_A_SPEAKER = frozenset({"SYSTEM", "QUESTION", "AUDIENCE", "UNKNOWN"})


class Clef:
    """The CLEF documents, their features, folds and the shipped score; MAP reporting."""

    def __init__(self, docs: list[Transcript]) -> None:
        self.docs = docs
        lens = [len(d.texts) for d in docs]
        self.offsets = np.cumsum([0] + lens)
        self.y = np.concatenate([d.labels for d in docs])
        self.X = build_matrix([t for d in docs for t in d.texts], SHIPPED_CONFIG)
        self.doc_fold = np.asarray(group_folds(docs, FOLDS, SEED))
        self.row_fold = np.repeat(self.doc_fold, lens)
        self.in_cb = np.asarray([d.name in IN_CLAIMBUSTER for d in docs])
        self.year = np.asarray([d.year for d in docs])
        scorer = WorthinessScorer.load(DEFAULT_WEIGHTS)
        self.shipped = np.concatenate([scorer.decision_function(d.texts) for d in docs])
        self.base = self.aps(self.shipped)

    def split(self, scores: np.ndarray) -> list[np.ndarray]:
        return [scores[self.offsets[i]:self.offsets[i + 1]] for i in range(len(self.docs))]

    def aps(self, scores: np.ndarray) -> np.ndarray:
        return np.asarray([average_precision(s, d.labels)
                           for s, d in zip(self.split(scores), self.docs, strict=True)])

    def report(self, name: str, scores: np.ndarray) -> dict[str, float]:
        """Print MAP per year with the paired difference from the shipped scorer."""
        aps, out, line = self.aps(scores), {}, f"  {name:<50}"
        for year in ("2019", "2020"):
            keep = (self.year == year) & ~self.in_cb
            delta = aps[keep] - self.base[keep]
            out[year] = float(aps[keep].mean())
            line += (f" {year} {out[year]:.3f} ({delta.mean():+.3f} "
                     f"±{delta.std(ddof=1) / np.sqrt(keep.sum()):.3f})")
        print(line, flush=True)
        return out


def pair_rows(clef: Clef, docs: np.ndarray, rng: np.random.RandomState) -> tuple:
    """(checked row, unchecked row) index pairs within each of the documents ``docs``."""
    left: list[int] = []
    right: list[int] = []
    for i in np.flatnonzero(docs):
        rows = np.arange(clef.offsets[i], clef.offsets[i + 1])
        positives, negatives = rows[clef.y[rows] == 1], rows[clef.y[rows] == 0]
        for p in positives:
            chosen = rng.choice(negatives, min(NEGATIVES_PER_POSITIVE, len(negatives)),
                                replace=False)
            left.extend([p] * len(chosen))
            right.extend(chosen)
    return np.asarray(left), np.asarray(right)


def pairwise_head(clef: Clef, docs: np.ndarray, C: float) -> np.ndarray:
    """Coefficients of a logistic regression on within-document feature differences."""
    import scipy.sparse as sp  # lazy: train extra
    from sklearn.linear_model import LogisticRegression

    left, right = pair_rows(clef, docs, np.random.RandomState(SEED))
    diff = clef.X[left] - clef.X[right]
    target = np.r_[np.ones(len(left)), np.zeros(len(left))]
    model = LogisticRegression(C=C, solver="liblinear", fit_intercept=False, max_iter=5000)
    return model.fit(sp.vstack([diff, -diff], "csr"), target).coef_[0]


def choose_on_2019(rows: dict[Any, dict[str, float]]) -> Any:
    key = max(rows, key=lambda k: rows[k]["2019"])
    print(f"  chosen on 2019: {key} -> 2020 {rows[key]['2020']:.3f}", flush=True)
    return key


def pairwise_section(clef: Clef) -> tuple[float, float]:
    print("within-document pairwise head + shipped score (grouped CV):")
    rows: dict[tuple[float, float], dict[str, float]] = {}
    for C in (0.03, 0.1, 0.3):
        head, spread = np.zeros(len(clef.y)), []
        for k in range(FOLDS):
            coef = pairwise_head(clef, clef.doc_fold != k, C)
            train, test = clef.row_fold != k, clef.row_fold == k
            scale = clef.shipped[train].std() / (clef.X[train] @ coef).std()
            spread.append(scale)
            head[test] = (clef.X[test] @ coef) * scale
        clef.report(f"head alone, C {C}", head)
        for alpha in (0.25, 0.5, 1.0):
            rows[(C, alpha)] = clef.report(f"shipped + {alpha} x head (C {C})",
                                           clef.shipped + alpha * head)
    return choose_on_2019(rows)


def joint_fit(Xcb: Any, ycb: np.ndarray, Xclef: Any, yclef: np.ndarray,
              share: float) -> Any:
    """One logistic regression on ClaimBuster + CLEF rows (weights: module doc)."""
    import scipy.sparse as sp  # lazy: train extra
    from sklearn.linear_model import LogisticRegression

    total = share * len(ycb)
    positives = int(yclef.sum())
    weights = np.where(yclef == 1, 0.24 * total / positives,
                       0.76 * total / (len(yclef) - positives))
    model = LogisticRegression(C=2.0, solver="liblinear", dual=True, max_iter=5000)
    return model.fit(sp.vstack([Xcb, Xclef], "csr"), np.r_[ycb, yclef],
                     sample_weight=np.r_[np.ones(len(ycb)), weights])


def joint_section(clef: Clef, Xcb: Any, ycb: np.ndarray) -> float:
    print("one model on ClaimBuster + CLEF training folds (grouped CV):")
    rows: dict[float, dict[str, float]] = {}
    for share in (0.25, 1.0):
        oof = np.zeros(len(clef.y))
        for k in range(FOLDS):
            train, test = clef.row_fold != k, clef.row_fold == k
            model = joint_fit(Xcb, ycb, clef.X[train], clef.y[train], share)
            oof[test] = model.decision_function(clef.X[test])
        rows[share] = clef.report(f"CLEF weight {share} x ClaimBuster's, positives 24%", oof)
    return choose_on_2019(rows)


def speaker_section(clef: Clef) -> None:
    print("speaker turns (upper bound; the window sees articles, not turns):")
    spread = clef.shipped / clef.shipped.std()
    share, silent = [], []
    for doc in clef.docs:
        counts = Counter(s.upper() for s in doc.speakers)
        share.extend(counts[s.upper()] / len(doc.speakers) for s in doc.speakers)
        silent.extend(s.upper() in NOT_A_SPEAKER for s in doc.speakers)
    share_arr, silent_arr = np.asarray(share), np.asarray(silent, dtype=float)
    clef.report("SYSTEM / QUESTION rows last", spread - 5 * silent_arr)
    for beta in (0.5, 1.0):
        clef.report(f"  + {beta} x the speaker's share of turns",
                    spread - 5 * silent_arr + beta * share_arr)


def claimbuster_cost(clef: Clef, Xcb: Any, ycb: np.ndarray, head_choice: tuple[float, float],
                     share: float) -> None:
    """ClaimBuster 5-fold CV with each 2019-chosen variant (CLEF parts trained on the CLEF
    documents whose debate is not in ClaimBuster)."""
    from sklearn.linear_model import LogisticRegression  # lazy: train extra
    from sklearn.metrics import average_precision_score
    from sklearn.model_selection import StratifiedKFold

    keep_docs = ~clef.in_cb
    keep_rows = np.repeat(keep_docs, np.diff(clef.offsets))
    C, alpha = head_choice
    coef = pairwise_head(clef, keep_docs, C)
    alone, joint = np.zeros(len(ycb)), np.zeros(len(ycb))
    head_on_cb = Xcb @ coef
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=SEED).split(Xcb, ycb):
        model = LogisticRegression(C=2.0, solver="liblinear", dual=True, max_iter=5000)
        alone[te] = model.fit(Xcb[tr], ycb[tr]).decision_function(Xcb[te])
        joint[te] = joint_fit(Xcb[tr], ycb[tr], clef.X[keep_rows], clef.y[keep_rows],
                              share).decision_function(Xcb[te])
    scale = alone.std() / head_on_cb.std()
    print("ClaimBuster 5-fold CV (C 2, pooled out-of-fold best F1 / AP):")
    scores: dict[str, np.ndarray] = {
        "ClaimBuster only (shipped)": alone,
        f"+ {alpha} x pairwise head (C {C})": alone + alpha * scale * head_on_cb,
        f"one model with CLEF x{share}": joint,
    }
    for name, s in scores.items():
        f1 = prf(ycb, (s >= best_threshold(ycb, s)).astype(int))[2]
        print(f"  {name:<50} {f1:.3f} / {average_precision_score(ycb, s):.3f}", flush=True)


def main() -> int:
    for needed in ("claimbuster", "clef-checkworthy"):
        eval_path(needed)  # exits 0 with a message when it is missing
    texts, ycb = read_claimbuster(EVAL / "claimbuster" / "crowdsourced.csv")
    Xcb = build_matrix(texts, SHIPPED_CONFIG)
    clef = Clef(read_clef(EVAL / "clef-checkworthy"))
    print(f"CLEF MAP over the 61 documents not in ClaimBuster (paired difference from the "
          f"shipped scorer ± its standard error); grouped {FOLDS}-fold CV, seed {SEED}")
    clef.report("shipped scorer (ClaimBuster only)", clef.shipped)
    head_choice = pairwise_section(clef)
    share = joint_section(clef, Xcb, ycb)
    speaker_section(clef)
    claimbuster_cost(clef, Xcb, ycb, head_choice, share)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
