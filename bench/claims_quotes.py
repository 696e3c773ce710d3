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

``--content`` measures the other idea instead (~3 minutes): score a quotation's own
words, not the attribution frame around them ("“...,” Mr. Steele said in a speech
Thursday night ..."): the score of a sentence holding a quotation of at least four words
becomes the score of the quoted words alone, or the larger of the two (shipped:
``WorthinessScorer.score``); on ClaimBuster
(fixed-C fold models, out-of-fold), CLEF (shipped scorer, 61 documents) and on BASIL
(shown share, the sentences that change).

Usage: ``python bench/claims_quotes.py [--content]``. Exits 0 with a message without the
data.
"""

from __future__ import annotations

import sys

import _one_core  # noqa: F401  (first: one BLAS thread before NumPy loads)
import numpy as np
from _checkworthy_data import IN_CLAIMBUSTER, group_folds, map_by_year, read_clef
from _shared import EVAL, basil_articles, eval_path

from factdesk.nlp.train_worthiness import (
    SEED,
    SHIPPED_CONFIG,
    best_threshold,
    build_matrix,
    prf,
    read_claimbuster,
)
from factdesk.nlp.worthiness import (
    DEFAULT_WEIGHTS,
    WorthinessScorer,
    quoted_words,
)

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


def content_main() -> int:
    """Scoring the quoted words instead of the whole sentence (module doc)."""
    from sklearn.linear_model import LogisticRegression  # lazy: train extra
    from sklearn.metrics import average_precision_score
    from sklearn.model_selection import StratifiedKFold

    from factdesk.nlp.worthiness import DEFAULT_THRESHOLD

    texts, labels = read_claimbuster(EVAL / "claimbuster" / "crowdsourced.csv")
    inner = [quoted_words(t) for t in texts]
    has = np.asarray([q is not None for q in inner])
    X = build_matrix(texts, SHIPPED_CONFIG)
    Xq = build_matrix([q or t for q, t in zip(inner, texts, strict=True)], SHIPPED_CONFIG)
    full, content = np.zeros(len(labels)), np.zeros(len(labels))
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=SEED).split(X, labels):
        lr = LogisticRegression(C=2.0, solver="liblinear", dual=True, max_iter=5000)
        lr.fit(X[tr], labels[tr])
        full[te], content[te] = lr.decision_function(X[te]), lr.decision_function(Xq[te])
    scorer = WorthinessScorer.load(DEFAULT_WEIGHTS)
    docs = read_clef(EVAL / "clef-checkworthy")
    c_full = [np.asarray(scorer.score(d.texts, quoted=False)) for d in docs]
    c_inner = [[quoted_words(t) for t in d.texts] for d in docs]
    c_content = [np.asarray(scorer.score([q or t for q, t in zip(qs, d.texts, strict=True)],
                                         quoted=False))
                 for qs, d in zip(c_inner, docs, strict=True)]
    n_clef = sum(q is not None for qs in c_inner for q in qs)
    print(f"sentences holding a quotation of >= 4 words: ClaimBuster {has.sum()} (CFS rate "
          f"{labels[has].mean():.3f}), CLEF {n_clef}")
    print(f"{'score of a sentence with a quotation':<40} {'CB best F1 / AP':>16}  "
          f"CLEF MAP 2019 / 2020")
    for name, cb, clef in (
            ("whole sentence", full, c_full),
            ("quoted words alone", content, c_content),
            ("larger of the two (shipped)", np.maximum(full, content),
             [np.maximum(a, b) for a, b in zip(c_full, c_content, strict=True)])):
        f1 = prf(labels, (cb >= best_threshold(labels, cb)).astype(int))[2]
        m = map_by_year(docs, clef, IN_CLAIMBUSTER)
        print(f"  {name:<38} {f1:>8.3f} / {average_precision_score(labels, cb):.3f}  "
              f"{m['2019']:.3f} / {m['2020']:.3f}")
    from factdesk.nlp.pipeline import ClaimExtractor  # lazy: spaCy

    sentences = [s.text for doc in ClaimExtractor().nlp.pipe(
        a["text"] for a in basil_articles()) for s in doc.spans["sentences"]]
    quoted = [(s, quoted_words(s)) for s in sentences]
    quoted = [(s, q) for s, q in quoted if q]
    whole = np.asarray(scorer.score([s for s, _ in quoted], quoted=False))
    alone = np.asarray(scorer.score([q for _, q in quoted], quoted=False))
    print(f"BASIL dev: {len(sentences)} sentences, {len(quoted)} hold a quotation; shown at "
          f"{DEFAULT_THRESHOLD}: whole sentence {np.mean(whole >= DEFAULT_THRESHOLD):.3f}, "
          f"quoted words {np.mean(alone >= DEFAULT_THRESHOLD):.3f}, larger of the two "
          f"{np.mean(np.maximum(whole, alone) >= DEFAULT_THRESHOLD):.3f}; mean score "
          f"{whole.mean():.3f} -> {alone.mean():.3f}")
    for (s, q), a, b in zip(quoted, whole, alone, strict=True):
        if "Steele" in s and ("prosecuted" in s or "land war" in s or "choosing" in s):
            print(f"  {a:.2f} -> {b:.2f}  {q[:90]}")
    return 0


def main() -> int:
    from sklearn.linear_model import LogisticRegression  # lazy: train extra
    from sklearn.metrics import average_precision_score
    from sklearn.model_selection import StratifiedKFold

    for needed in ("claimbuster", "clef-checkworthy"):
        eval_path(needed)  # exits 0 with a message when it is missing
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
    raise SystemExit(content_main() if "--content" in sys.argv[1:] else main())
