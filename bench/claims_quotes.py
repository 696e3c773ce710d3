"""Benchmarking a speaker/quote feature for the check-worthiness score (issue 20).

Quotes from named people look under-ranked on news by a scorer trained on debates. No
news sentences here are labelled for check-worthiness by anyone outside the project, so
the feature is measured where others labelled: ClaimBuster crowdsourced (5-fold CV,
pooled out-of-fold best F1 / AP of a fixed-C model's decision values) and the CLEF
CheckThat! development transcripts (MAP on the 61 documents whose debate is not in
ClaimBuster, shipped scorer). The pipeline's own analysis gives each sentence a kind
(quote, attribution, ...) and a speaker; the candidates are a boost on the logit for
(a) a quotation with a named speaker, (b) any named speaker, (c) an attribution, and a
logistic stacker over all of them, learned under the same CV (grouped by document on
CLEF). Parsing every sentence with spaCy takes ~13 minutes on one core.

Usage: ``python bench/claims_quotes.py``. Exits 0 with a message without the data.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from _checkworthy_data import IN_CLAIMBUSTER, group_folds, map_by_year, read_clef  # noqa: E402
from _shared import EVAL  # noqa: E402

from factdesk.nlp.train_worthiness import (  # noqa: E402
    SEED,
    SHIPPED_CONFIG,
    best_threshold,
    build_matrix,
    prf,
    read_claimbuster,
)
from factdesk.nlp.worthiness import DEFAULT_WEIGHTS, WorthinessScorer  # noqa: E402

FEATURES = ("quote, named speaker", "quote", "attribution", "any speaker", "named speaker")


def speaker_features(texts: list[str]) -> np.ndarray:
    """0/1 columns (see FEATURES) from the pipeline's kind and speaker of each sentence."""
    from factdesk.nlp.pipeline import ClaimExtractor  # lazy: spaCy

    rows = ClaimExtractor().score_sentences(texts)
    kind = np.asarray([r["kind"] for r in rows])
    speaker = np.asarray([r["speaker"] is not None for r in rows])
    named = np.asarray([bool(r["speaker"]) and r["speaker"][:1].isupper() for r in rows])
    return np.c_[(kind == "quote") & named, kind == "quote", kind == "attribution", speaker,
                 named].astype(float)


def main() -> int:
    from sklearn.linear_model import LogisticRegression  # lazy: train extra
    from sklearn.metrics import average_precision_score
    from sklearn.model_selection import StratifiedKFold

    for needed in ("claimbuster", "clef-checkworthy"):
        if not (EVAL / needed).exists():
            print(f"skipped: evaluation data not found at {EVAL / needed}")
            return 0
    texts, labels = read_claimbuster(EVAL / "claimbuster" / "crowdsourced.csv")
    X = build_matrix(texts, SHIPPED_CONFIG)
    splits = list(StratifiedKFold(5, shuffle=True, random_state=SEED).split(X, labels))
    oof = np.zeros(len(labels))
    for tr, te in splits:
        lr = LogisticRegression(C=2.0, solver="liblinear", dual=True, max_iter=5000)
        oof[te] = lr.fit(X[tr], labels[tr]).decision_function(X[te])
    docs = read_clef(EVAL / "clef-checkworthy")
    lens = [len(d.texts) for d in docs]
    offsets = np.cumsum([0] + lens)
    clef_y = np.concatenate([d.labels for d in docs])
    scorer = WorthinessScorer.load(DEFAULT_WEIGHTS)
    shipped = np.concatenate([scorer.decision_function(d.texts) for d in docs])
    f_cb = speaker_features(texts)
    f_clef = speaker_features([t for d in docs for t in d.texts])

    def on_cb(scores: np.ndarray) -> str:
        f1 = prf(labels, (scores >= best_threshold(labels, scores)).astype(int))[2]
        return f"{f1:.3f} / {average_precision_score(labels, scores):.3f}"

    def on_clef(scores: np.ndarray) -> str:
        m = map_by_year(docs, [scores[offsets[i]:offsets[i + 1]] for i in range(len(docs))],
                        IN_CLAIMBUSTER)
        return f"{m['2019']:.3f} / {m['2020']:.3f}"

    print("sentences with the feature: positive rate (ClaimBuster CFS | CLEF checked)")
    for j, name in enumerate(FEATURES):
        cb, cl = f_cb[:, j] == 1, f_clef[:, j] == 1
        print(f"  {name:<22} CB n {cb.sum():>5} rate {labels[cb].mean() if cb.any() else 0:.3f}"
              f" | CLEF n {cl.sum():>5} rate {clef_y[cl].mean() if cl.any() else 0:.3f}")
    print(f"  {'all sentences':<22} CB rate {labels.mean():.3f} | CLEF rate {clef_y.mean():.3f}")
    print(f"\n{'boost added to the logit':<34} {'CB best F1 / AP':>16}  CLEF MAP 2019 / 2020")
    for j in (0, 4, 2):
        for boost in (0.0, 0.5, 1.0):
            name = f"{FEATURES[j]} +{boost}"
            print(f"  {name:<32} {on_cb(oof + boost * f_cb[:, j]):>16}  "
                  f"{on_clef(shipped + boost * f_clef[:, j])}")
    stacked = np.zeros(len(labels))
    z = np.c_[oof, f_cb]
    for tr, te in splits:
        stacked[te] = LogisticRegression(max_iter=1000).fit(z[tr], labels[tr]) \
            .decision_function(z[te])
    fold = np.repeat(group_folds(docs, 4, SEED), lens)
    zc, stacked_clef = np.c_[shipped, f_clef], np.zeros(len(clef_y))
    for k in range(4):
        tr, te = fold != k, fold == k
        lr = LogisticRegression(max_iter=1000, class_weight="balanced")
        stacked_clef[te] = lr.fit(zc[tr], clef_y[tr]).decision_function(zc[te])
    print(f"  {'stacker over all (learned in CV)':<32} {on_cb(stacked):>16}  "
          f"{on_clef(stacked_clef)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
