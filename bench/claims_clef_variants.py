"""Benchmarking ideas for CLEF 2020 check-worthiness ranking, against ClaimBuster's CV.

Every variant is scored twice, on data no one here wrote: ClaimBuster crowdsourced
(5-fold stratified CV, seed 13, fixed C 2, pooled out-of-fold best F1 / AP) and the
CLEF CheckThat! development transcripts (MAP over the 61 documents whose debate is not in
ClaimBuster; a part learned on CLEF is learned in grouped 4-fold CV, same-debate twins in
one fold). The variants:

* checkable-specific cues (:mod:`factdesk.nlp.specificity`: number, date, comparison,
  source, proper noun, any of them) as extra features of the model, or stacked on its
  score (the stacker learned on ClaimBuster's out-of-fold scores, or on CLEF);
* context: the neighbouring sentences' scores (weights learned on ClaimBuster, whose
  sentences keep their debate and line number, or fixed);
* a second head trained on CLEF (TF-IDF 1-2 grams, balanced LR), combined with the
  ClaimBuster score by rank within the document or by standardised score;
* class weighting and C.

Document-relative ranking (a sentence's score minus its document's mean) is not listed:
MAP ranks the sentences of one document, so a per-document shift changes nothing.
Ends with the bootstrap standard error of each year's MAP over documents.

Usage: ``python bench/claims_clef_variants.py`` (~6 minutes on one core). Exits 0 with a
message without the data. Needs the ``train`` extra.
"""

from __future__ import annotations

import csv

import _one_core  # noqa: F401  (first: one BLAS thread before NumPy loads)
import numpy as np
from _checkworthy_data import (
    IN_CLAIMBUSTER,
    average_precision,
    group_folds,
    map_by_year,
    read_clef,
)
from _shared import EVAL, eval_path

from factdesk.nlp.specificity import SPECIFIC_CUES, has_proper_noun
from factdesk.nlp.train_worthiness import (
    SEED,
    SHIPPED_CONFIG,
    best_threshold,
    build_matrix,
    prf,
)

CUES = (*SPECIFIC_CUES, "proper noun", "any specific")


def cue_matrix(texts: list[str]) -> np.ndarray:
    """0/1 columns: each specific cue, a proper noun, any of them."""
    rows = []
    for text in texts:
        row = [p.search(text) is not None for p in SPECIFIC_CUES.values()]
        row.append(has_proper_noun(text))
        row.append(any(row))
        rows.append(row)
    return np.asarray(rows, dtype=float)


def main() -> int:
    import scipy.sparse as sp  # lazy: train extra
    from scipy.stats import rankdata
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import average_precision_score
    from sklearn.model_selection import StratifiedKFold

    for needed in ("claimbuster", "clef-checkworthy"):
        eval_path(needed)  # exits 0 with a message when it is missing
    with open(EVAL / "claimbuster" / "crowdsourced.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    texts = [r["Text"] for r in rows]
    y = np.asarray([1 if int(float(r["Verdict"])) == 1 else 0 for r in rows])
    docs = read_clef(EVAL / "clef-checkworthy")
    lens = [len(d.texts) for d in docs]
    offsets = np.cumsum([0] + lens)
    clef_texts = [t for d in docs for t in d.texts]
    yl = np.concatenate([d.labels for d in docs])
    fold = np.repeat(group_folds(docs, 4, SEED), lens)
    keep = np.repeat([d.name not in IN_CLAIMBUSTER for d in docs], lens)
    X, Xl = build_matrix(texts, SHIPPED_CONFIG), build_matrix(clef_texts, SHIPPED_CONFIG)
    F, Fl = cue_matrix(texts), cue_matrix(clef_texts)
    splits = list(StratifiedKFold(5, shuffle=True, random_state=SEED).split(X, y))

    def split(a: np.ndarray) -> list[np.ndarray]:
        return [a[offsets[i]:offsets[i + 1]] for i in range(len(docs))]

    def lr(C: float = 2.0, weight: str | None = None) -> LogisticRegression:
        return LogisticRegression(C=C, solver="liblinear", dual=True, max_iter=5000,
                                  class_weight=weight)

    def show(name: str, cb: np.ndarray | None, clef: np.ndarray | list) -> None:
        m = map_by_year(docs, clef if isinstance(clef, list) else split(clef),
                        IN_CLAIMBUSTER)
        cb_text = "      -       " if cb is None else (
            f"{prf(y, (cb >= best_threshold(y, cb)).astype(int))[2]:.3f} / "
            f"{average_precision_score(y, cb):.3f}")
        print(f"  {name:<52} {cb_text}   {m['2019']:.3f} / {m['2020']:.3f}", flush=True)

    def train(Xa, Xb, C: float = 2.0, weight: str | None = None):
        oof = np.zeros(len(y))
        for tr, te in splits:
            oof[te] = lr(C, weight).fit(Xa[tr], y[tr]).decision_function(Xa[te])
        return oof, lr(C, weight).fit(Xa, y).decision_function(Xb)

    print(f"{'variant':<54} {'CB F1 / AP':<16} CLEF MAP 2019 / 2020")
    oof, z = train(X, Xl)
    show("ClaimBuster model (shipped features, C 2)", oof, z)
    for scale in (0.3, 1.0):
        show(f"+ specific cues as features x{scale}",
             *train(sp.hstack([X, sp.csr_matrix(F * scale)], "csr"),
                    sp.hstack([Xl, sp.csr_matrix(Fl * scale)], "csr")))
    for name, cols in (("'no specific'", [len(CUES) - 1]), ("all cues", list(range(len(CUES))))):
        a, b = np.c_[oof, F[:, cols]], np.c_[z, Fl[:, cols]]
        stacked = np.zeros(len(y))
        for tr, te in splits:
            stacked[te] = LogisticRegression(max_iter=1000).fit(a[tr], y[tr]) \
                .decision_function(a[te])
        show(f"score + {name}, stacker learned on ClaimBuster", stacked,
             LogisticRegression(max_iter=1000).fit(a, y).decision_function(b))
        on_clef = np.zeros(len(yl))
        for k in range(4):
            tr, te = (fold != k) & keep, fold == k
            on_clef[te] = LogisticRegression(max_iter=2000).fit(b[tr], yl[tr]) \
                .decision_function(b[te])
        show(f"score + {name}, stacker learned on CLEF (grouped CV)", None, on_clef)
    where = {(r["File_id"], int(float(r["Line_number"]))): i for i, r in enumerate(rows)}

    def neighbour(step: int) -> np.ndarray:
        idx = [where.get((r["File_id"], int(float(r["Line_number"])) + step), i)
               for i, r in enumerate(rows)]
        return oof[idx]

    ctx = np.c_[oof, neighbour(-1), neighbour(1)]
    stacked = np.zeros(len(y))
    for tr, te in splits:
        stacked[te] = LogisticRegression(max_iter=1000).fit(ctx[tr], y[tr]) \
            .decision_function(ctx[te])
    stacker = LogisticRegression(max_iter=1000).fit(ctx, y)
    show("+ neighbours' scores, weights learned on ClaimBuster", stacked,
         [stacker.decision_function(np.c_[s, np.r_[s[:1], s[:-1]], np.r_[s[1:], s[-1:]]])
          for s in split(z)])
    for w in (0.1, 0.2):
        show(f"+ {w} x mean of the neighbours' scores", None,
             [s + w * (np.r_[s[:1], s[:-1]] + np.r_[s[1:], s[-1:]]) / 2 for s in split(z)])
    arr = np.asarray(clef_texts, dtype=object)
    head = np.zeros(len(yl))
    for k in range(4):
        tr, te = fold != k, fold == k
        vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
        model = LogisticRegression(class_weight="balanced", max_iter=2000)
        head[te] = model.fit(vec.fit_transform(arr[tr]), yl[tr]).decision_function(
            vec.transform(arr[te]))
    show("CLEF-trained TF-IDF head alone (grouped CV)", None, head)
    for w in (0.2, 0.35):
        show(f"ClaimBuster + CLEF head by rank in document, w {w}", None,
             [(1 - w) * rankdata(a) / len(a) + w * rankdata(b) / len(b)
              for a, b in zip(split(z), split(head), strict=True)])
        zz, hz = (z - z.mean()) / z.std(), (head - head.mean()) / head.std()
        show(f"ClaimBuster + CLEF head by standardised score, w {w}", None,
             zz + w / (1 - w) * hz)
    show("class weight balanced", *train(X, Xl, weight="balanced"))
    for C in (1.0, 4.0):
        show(f"C {C}", *train(X, Xl, C=C))
    rng = np.random.RandomState(0)
    for year in ("2019", "2020"):
        aps = np.asarray([average_precision(s, d.labels) for d, s in zip(docs, split(z),
                                                                         strict=True)
                          if d.year == year and d.name not in IN_CLAIMBUSTER])
        boot = [aps[rng.randint(0, len(aps), len(aps))].mean() for _ in range(2000)]
        print(f"MAP {year}: {aps.mean():.3f} over {len(aps)} documents, bootstrap standard "
              f"error {np.std(boot):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
