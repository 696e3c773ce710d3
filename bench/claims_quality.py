"""Benchmarking claim triage: ClaimBuster CV, CLEF dev MAP, calibration, speed, BASIL share.

Every figure is measured on data no one here wrote (``../shared/eval``):

1. **ClaimBuster** crowdsourced set, 5-fold stratified CV (seed 13), positive class CFS
   (Verdict == 1) against the others:
   * the plain baseline, TF-IDF word 1-2 grams + logistic regression, at 0.5 and at an
     F1 threshold chosen by inner CV on the training part;
   * the ingredients on the same folds with one fixed C (pooled out-of-fold best F1 and
     average precision): hashed word n-grams, + char n-grams, the WordLlama embedding
     alone, n-grams + embedding;
   * the shipped procedure (:func:`factdesk.nlp.train_worthiness.cross_validate`: C,
     Platt scaling and threshold chosen inside each fold), scored through the numpy
     runtime: per-fold P/R/F1 at the in-fold F1 threshold, reliability (ECE) of its
     calibrated out-of-fold probabilities;
   * the spaCy cue boosts the pipeline used to add (kind of sentence: quote, statistic,
     attribution, event), applied to those out-of-fold probabilities: best F1 and AP
     with and without them.
2. **CLEF CheckThat!** development transcripts, MAP over documents per year: the
   shipped scorer (trained on ClaimBuster only, so evaluated on every document whose
   debate is not in ClaimBuster), and, in grouped 4-fold CV by document (same-debate
   twins in one fold), the README's TF-IDF baseline and the shipped features trained on
   CLEF, a blend of both, and the neighbouring sentences' scores as context; whether the
   shipped model should also learn from CLEF (one model on ClaimBuster + CLEF training
   folds, or a blend), on CLEF and on ClaimBuster's CV (``joint``, ~10 minutes).
3. **Speed** on one core: the runtime scorer alone (sentences/s), and the whole claim
   pipeline (spaCy parse + speakers + kinds + scorer) on BASIL articles.
4. **BASIL** dev (225 news articles): the share of sentences shown by default (the
   project rule, :mod:`factdesk.model.triage`: score at least the default claim
   threshold and within the article's budget, the default claim share of its
   sentences, plus the article's lead from LEAD_FLOOR), over the threshold, and kept as candidates, overall and per outlet, and
   the shown share for a sweep of claim shares (how the default share was chosen).

Exits 0 with a message when the evaluation data is absent. Needs the ``train`` extra.

Usage: ``python bench/claims_quality.py [--skip cv,ingredients,clef,joint,speed,basil]
[--folds 5]``
"""

from __future__ import annotations

import argparse
import time

import _one_core  # first: one BLAS thread before NumPy loads
import numpy as np
from _checkworthy_data import (
    IN_CLAIMBUSTER,
    group_folds,
    map_by_year,
    read_clef,
    reliability,
)
from _shared import EVAL, basil_articles, eval_path

from factdesk.model.settings import DEFAULT_CLAIM_SHARE, DEFAULT_CLAIM_THRESHOLD
from factdesk.model.triage import LEAD_FLOOR, Triage, lead_of, shown_by_default
from factdesk.nlp.specificity import specific_mask
from factdesk.nlp.train_worthiness import (
    SEED,
    SHIPPED_CONFIG,
    best_threshold,
    build_matrix,
    cross_validate,
    prf,
    read_claimbuster,
)
from factdesk.nlp.worthiness import (
    CANDIDATE_FLOOR,
    DEFAULT_THRESHOLD,
    DEFAULT_WEIGHTS,
    FeatureConfig,
    WorthinessScorer,
)

#: The cue boosts the pipeline added before this benchmark measured them (noisy OR).
OLD_CUE_BOOST = {"quote": 0.55, "statistic": 0.6, "attribution": 0.5, "event": 0.2,
                 "other": 0.0}


def _ap(labels: np.ndarray, scores: np.ndarray) -> float:
    from sklearn.metrics import average_precision_score  # lazy: train extra

    return float(average_precision_score(labels, scores))


def _best_f1(labels: np.ndarray, scores: np.ndarray) -> float:
    return prf(labels, (scores >= best_threshold(labels, scores)).astype(int))[2]


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


def ingredient_oof(texts: list[str], labels: np.ndarray, folds: int) -> None:
    """Pooled out-of-fold best F1 / AP of each feature block, one fixed C, same folds."""
    import scipy.sparse as sp  # lazy: train extra
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    from factdesk.nlp.embeddings import embed_sentences

    words = build_matrix(texts, FeatureConfig(char_bits=1, char_min=9, char_max=9))
    ngrams = build_matrix(texts, FeatureConfig())
    emb = sp.csr_matrix(embed_sentences(texts, 256).astype(np.float64))
    variants = {
        "hashed word 1-2 grams + cues": (words, 4.0),
        "+ char 2-5 grams": (ngrams, 4.0),
        "WordLlama 256-d embedding alone": (emb, 1.0),
        "n-grams + embedding x0.5 (shipped)": (sp.hstack([ngrams, emb * 0.5], "csr"), 4.0),
        "n-grams + embedding x1.0": (sp.hstack([ngrams, emb], "csr"), 4.0),
    }
    splits = list(StratifiedKFold(folds, shuffle=True, random_state=SEED).split(words, labels))
    print(f"\n{'ingredient (C fixed, pooled out-of-fold)':<44} {'best F1':>8} {'AP':>6}")
    for name, (X, C) in variants.items():
        oof = np.zeros(len(labels))
        for tr, te in splits:
            lr = LogisticRegression(C=C, solver="liblinear", max_iter=5000)
            oof[te] = lr.fit(X[tr], labels[tr]).decision_function(X[te])
        print(f"{name:<44} {_best_f1(labels, oof):>8.3f} {_ap(labels, oof):>6.3f}", flush=True)


def sentence_kinds(texts: list[str]) -> tuple[list[str], float]:
    """The pipeline's kind of each sentence (spaCy parse), and sentences/s of the parse."""
    from factdesk.nlp.pipeline import ClaimExtractor

    t0 = time.perf_counter()
    rows = ClaimExtractor().score_sentences(texts)
    return [r["kind"] for r in rows], len(texts) / (time.perf_counter() - t0)


def claimbuster_section(folds: int, with_ingredients: bool) -> None:
    texts, labels = read_claimbuster(EVAL / "claimbuster" / "crowdsourced.csv")
    print(f"== ClaimBuster crowdsourced: {len(texts)} sentences, {int(labels.sum())} CFS; "
          f"{folds}-fold stratified CV, seed {SEED}", flush=True)
    base = baseline_cv(texts, labels, folds)
    if with_ingredients:
        ingredient_oof(texts, labels, folds)
    ours = cross_validate(texts, labels, SHIPPED_CONFIG, folds=folds)
    header = f"{'CFS vs the others, mean over folds':<50} {'P':>6} {'R':>6} {'F1':>6} (std)"
    print("\n" + header + "\n" + "-" * len(header))
    for name, arr in base.items():
        print(_row(f"baseline TF-IDF 1-2g + LR, {name}", arr))
    per = ours["per_fold"]
    print(_row("shipped procedure, in-fold F1 threshold", np.asarray([r["f1_opt"] for r in per])))
    print(_row("shipped procedure, in-fold F-0.5 threshold (default)",
               np.asarray([r["default_point"] for r in per])))
    oof = ours["oof"]
    specific = specific_mask(texts)
    print("\ncalibration (pooled out-of-fold): Platt alone, then + the map of sentences "
          "without a checkable specific (shipped)")
    for name, probs in (("Platt alone", ours["oof_platt"]), ("+ map without a specific", oof)):
        ece_p, _ = reliability(probs, labels)
        print(f"  {name:<28} best F1 {_best_f1(labels, probs):.3f}  AP "
              f"{_ap(labels, probs):.3f}  ECE {ece_p:.3f}  shown at {DEFAULT_THRESHOLD}: "
              f"with a specific {np.mean(probs[specific] >= DEFAULT_THRESHOLD):.3f}, "
              f"without {np.mean(probs[~specific] >= DEFAULT_THRESHOLD):.3f}")
    for group, mask in (("with a specific", specific), ("without a specific", ~specific)):
        _, rows = reliability(ours["oof_platt"][mask], labels[mask])
        print(f"  Platt alone, {group} (n {mask.sum()}): " + ", ".join(
            f"{low:.1f}: p {mean_p:.2f} CFS {rate:.2f} (n {n})" for low, n, mean_p, rate
            in rows if low >= 0.5))
    ece, rows = reliability(oof, labels)
    print(f"\ncalibration of the out-of-fold probabilities: ECE {ece:.3f}")
    print("  bin    n   mean p  CFS rate")
    for low, n, mean_p, rate in rows:
        print(f"  {low:.1f} {n:>6} {mean_p:>7.3f} {rate:>8.3f}")
    kinds, parse_rate = sentence_kinds(texts)
    boosted = np.asarray([1 - (1 - p) * (1 - OLD_CUE_BOOST[k]) for p, k in zip(oof, kinds,
                                                                                 strict=True)])
    print("\ncue boosts by sentence kind (spaCy), on the out-of-fold probabilities:")
    print(f"  {'scorer alone':<34} best F1 {_best_f1(labels, oof):.3f}  AP {_ap(labels, oof):.3f}")
    print(f"  {'scorer + old cue boosts':<34} best F1 {_best_f1(labels, boosted):.3f}  "
          f"AP {_ap(labels, boosted):.3f}")
    for kind in OLD_CUE_BOOST:
        mask = np.asarray([k == kind for k in kinds])
        if mask.any():
            print(f"  kind {kind:<11} n {mask.sum():>5}  CFS rate {labels[mask].mean():.3f}  "
                  f"mean scorer p {oof[mask].mean():.3f}")
    print(f"  (spaCy parse of these sentences: {parse_rate:,.0f} sentences/s)")
    p, r, f = prf(labels, (oof >= DEFAULT_THRESHOLD).astype(int))
    print(f"pooled out-of-fold at the default claim threshold {DEFAULT_THRESHOLD} (what "
          f"`factdesk score` calls a claim): P {p:.3f} R {r:.3f} F1 {f:.3f}", flush=True)
    # lazy: train extra. The same outer folds as cross_validate (StratifiedKFold
    # depends on the labels only)
    from sklearn.model_selection import StratifiedKFold

    splitter = StratifiedKFold(folds, shuffle=True, random_state=SEED)
    folds_at_default = np.asarray([
        prf(labels[te], (oof[te] >= DEFAULT_THRESHOLD).astype(int))
        for _, te in splitter.split(np.zeros(len(labels)), labels)])
    print(_row(f"per fold at the default {DEFAULT_THRESHOLD}", folds_at_default) + "\n")


def _row(name: str, prf_rows: np.ndarray) -> str:
    p, r, f = prf_rows.mean(axis=0)
    return f"{name:<50} {p:>6.3f} {r:>6.3f} {f:>6.3f} ±{prf_rows[:, 2].std():.3f}"


def _neighbours(scores: np.ndarray) -> np.ndarray:
    prev = np.r_[scores[:1], scores[:-1]]
    nxt = np.r_[scores[1:], scores[-1:]]
    return (prev + nxt) / 2


def clef_section(folds: int = 4, joint: bool = True) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    docs = read_clef(EVAL / "clef-checkworthy")
    scorer = WorthinessScorer.load(DEFAULT_WEIGHTS)
    shipped = [scorer.decision_function(d.texts) for d in docs]
    print(f"== CLEF CheckThat! dev: {len(docs)} documents, "
          f"{sum(len(d.texts) for d in docs)} sentences; MAP per year folder")
    n_eval = sum(d.name not in IN_CLAIMBUSTER for d in docs)
    m = map_by_year(docs, [np.asarray(scorer.score(d.texts)) for d in docs], IN_CLAIMBUSTER)
    print(f"{'shipped scorer (ClaimBuster only), ' + str(n_eval) + ' docs':<52} "
          f"2019 {m['2019']:.3f}  2020 {m['2020']:.3f}")
    m = map_by_year(docs, shipped, IN_CLAIMBUSTER)
    print(f"{'  its linear score (Platt alone ranks the same)':<52} "
          f"2019 {m['2019']:.3f}  2020 {m['2020']:.3f}")
    for w in (0.5,):
        ctx = [s + w * _neighbours(s) for s in shipped]
        m = map_by_year(docs, ctx, IN_CLAIMBUSTER)
        print(f"{f'  + {w} x neighbours (context)':<52} 2019 {m['2019']:.3f}  2020 {m['2020']:.3f}")
    fold = group_folds(docs, folds, SEED)
    X = build_matrix([t for d in docs for t in d.texts], SHIPPED_CONFIG)
    offsets = np.cumsum([0] + [len(d.texts) for d in docs])
    y = np.concatenate([d.labels for d in docs])
    doc_fold = np.repeat(fold, [len(d.texts) for d in docs])
    texts = np.asarray([t for d in docs for t in d.texts], dtype=object)
    tfidf_oof, ours_oof = np.zeros(len(y)), np.zeros(len(y))
    for k in range(folds):
        tr, te = doc_fold != k, doc_fold == k
        vec = TfidfVectorizer(ngram_range=(1, 2))
        lr = LogisticRegression(class_weight="balanced", max_iter=2000)
        lr.fit(vec.fit_transform(texts[tr]), y[tr])
        tfidf_oof[te] = lr.decision_function(vec.transform(texts[te]))
        lr = LogisticRegression(C=0.1, solver="liblinear", class_weight="balanced")
        ours_oof[te] = lr.fit(X[tr], y[tr]).decision_function(X[te])
    split = lambda a: [a[offsets[i]:offsets[i + 1]] for i in range(len(docs))]  # noqa: E731
    print(f"grouped {folds}-fold CV by document on CLEF (all {len(docs)} docs):")
    for name, scores in (("TF-IDF 1-2g + balanced LR (README baseline)", split(tfidf_oof)),
                         ("shipped features trained on CLEF", split(ours_oof)),
                         ("blend: CLEF-trained + ClaimBuster scorer",
                          [a + b for a, b in zip(split(ours_oof), shipped, strict=True)])):
        m = map_by_year(docs, scores)
        print(f"  {name:<50} 2019 {m['2019']:.3f}  2020 {m['2020']:.3f}")
    m = map_by_year(docs, shipped)
    print(f"  {'shipped scorer on all docs (3 debates leak)':<50} 2019 {m['2019']:.3f}  "
          f"2020 {m['2020']:.3f}", flush=True)
    if joint:
        clef_with_claimbuster(docs, X, y, doc_fold, folds, split(ours_oof), shipped)
    print()


def clef_with_claimbuster(docs: list, X, y: np.ndarray, doc_fold: np.ndarray, folds: int,
                          clef_oof: list[np.ndarray], shipped: list[np.ndarray]) -> None:
    """Should the shipped model also learn from CLEF? Same grouped folds, scored on the
    61 documents whose debate is not in ClaimBuster (it is in every training set):
    one model on ClaimBuster + the CLEF training folds (CLEF rows weighted), and the
    shipped scorer plus a CLEF-trained model. Then the ClaimBuster side (C fixed, the
    5 stratified folds, pooled out-of-fold best F1 / AP): the same two, trained with
    the CLEF documents whose debate is not in ClaimBuster."""
    import scipy.sparse as sp  # lazy: train extra
    from sklearn.linear_model import LogisticRegression

    texts, labels = read_claimbuster(EVAL / "claimbuster" / "crowdsourced.csv")
    Xcb = build_matrix(texts, SHIPPED_CONFIG)
    offsets = np.cumsum([0] + [len(d.texts) for d in docs])
    print("  should ClaimBuster's model learn from CLEF? (61 docs, same folds, C 2)")
    for weight, pos_boost in ((0.3, 1.0), (0.3, 5.0), (1.0, 3.0)):
        oof = np.zeros(len(y))
        for k in range(folds):
            tr, te = doc_fold != k, doc_fold == k
            sw = np.r_[np.ones(len(labels)), np.where(y[tr] == 1, weight * pos_boost, weight)]
            lr = LogisticRegression(C=2.0, solver="liblinear", dual=True, max_iter=5000)
            lr.fit(sp.vstack([Xcb, X[tr]], "csr"), np.r_[labels, y[tr]], sample_weight=sw)
            oof[te] = lr.decision_function(X[te])
        m = map_by_year(docs, [oof[offsets[i]:offsets[i + 1]] for i in range(len(docs))],
                        IN_CLAIMBUSTER)
        name = f"ClaimBuster + CLEF folds x{weight} (positives x{weight * pos_boost:g})"
        print(f"    {name:<48} 2019 {m['2019']:.3f}  2020 {m['2020']:.3f}", flush=True)
    for alpha in (0.25, 0.5, 1.0):
        m = map_by_year(docs, [s + alpha * c for s, c in zip(shipped, clef_oof, strict=True)],
                        IN_CLAIMBUSTER)
        name = f"shipped + {alpha} x CLEF-trained"
        print(f"    {name:<48} 2019 {m['2019']:.3f}  2020 {m['2020']:.3f}", flush=True)
    from sklearn.model_selection import StratifiedKFold

    keep = np.repeat([d.name not in IN_CLAIMBUSTER for d in docs], [len(d.texts) for d in docs])
    Xk, yk = X[keep], y[keep]
    clef_model = LogisticRegression(C=0.1, solver="liblinear", class_weight="balanced")
    on_cb = clef_model.fit(Xk, yk).decision_function(Xcb)
    alone, joint = np.zeros(len(labels)), np.zeros(len(labels))
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=SEED).split(Xcb, labels):
        lr = LogisticRegression(C=2.0, solver="liblinear", dual=True, max_iter=5000)
        alone[te] = lr.fit(Xcb[tr], labels[tr]).decision_function(Xcb[te])
        sw = np.r_[np.ones(len(tr)), np.where(yk == 1, 3.0, 1.0)]
        lr = LogisticRegression(C=2.0, solver="liblinear", dual=True, max_iter=5000)
        lr.fit(sp.vstack([Xcb[tr], Xk], "csr"), np.r_[labels[tr], yk], sample_weight=sw)
        joint[te] = lr.decision_function(Xcb[te])
    print("  ClaimBuster 5-fold CV (C 2, pooled out-of-fold best F1 / AP):")
    for name, scores in (("ClaimBuster only", alone),
                         ("ClaimBuster + CLEF x1 (positives x3)", joint),
                         ("ClaimBuster + 0.5 x CLEF-trained", alone + 0.5 * on_cb)):
        print(f"    {name:<48} {_best_f1(labels, scores):.3f} / {_ap(labels, scores):.3f}",
              flush=True)


def speed_section() -> None:
    from factdesk.nlp.pipeline import ClaimExtractor

    _one_core.pin_to_one_cpu()
    texts, _ = read_claimbuster(EVAL / "claimbuster" / "crowdsourced.csv")
    t0 = time.perf_counter()
    scorer = WorthinessScorer.load(DEFAULT_WEIGHTS)
    scorer.score(texts[:200])
    load_s = time.perf_counter() - t0
    sample = texts[:20_000]
    best, best_cpu = float("inf"), float("inf")
    for _ in range(3):
        t0, c0 = time.perf_counter(), time.process_time()
        scorer.score(sample)
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    print(f"== speed (one core; CPU time, which other processes on a shared machine do not "
          f"inflate, and wall time)\nruntime scorer: {len(sample) / best_cpu:,.0f} sentences/s "
          f"CPU, {len(sample) / best:,.0f} wall, on {len(sample):,} sentences (load + first "
          f"batch {load_s * 1000:.0f} ms)")
    articles = basil_articles(limit=60)
    extractor = ClaimExtractor()
    list(extractor.analyse([(0, articles[0]["text"], None)]))  # load the pipeline
    t0, c0 = time.perf_counter(), time.process_time()
    n = 0
    for analysis in extractor.analyse((i, a["text"], None) for i, a in enumerate(articles)):
        n += analysis.sentences
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"whole claim pipeline (spaCy parse, speakers, kinds, reasons, scorer): "
          f"{n / cpu:,.0f} sentences/s CPU, {n / dt:,.0f} wall ({len(articles)} BASIL "
          f"articles, {n} sentences)\n", flush=True)


def basil_section() -> None:
    from factdesk.nlp.pipeline import ClaimExtractor

    articles = basil_articles()
    extractor = ClaimExtractor()
    # per article: outlet, sentences, (score, start, an id) of its automatic claims
    analysed: list[tuple[str, int, list[tuple[float, int, int]]]] = [
        (str(article["source"]).lower(), analysis.sentences,
         [(c.score, c.start, k) for k, c in enumerate(analysis.claims)])
        for analysis, article in zip(
            extractor.analyse((i, a["text"], None) for i, a in enumerate(articles)),
            articles, strict=True)]
    default = Triage(DEFAULT_CLAIM_THRESHOLD, DEFAULT_CLAIM_SHARE)
    by_source: dict[str, list[int]] = {}
    for source, sentences, claims in analysed:
        row = by_source.setdefault(source, [0, 0, 0, 0])
        row[0] += sentences
        row[1] += _shown(claims, sentences, default)
        row[2] += sum(score >= default.threshold for score, _, _ in claims)
        row[3] += len(claims)
    total = [sum(r[i] for r in by_source.values()) for i in range(4)]
    print(f"== BASIL dev: {len(articles)} articles, {total[0]} sentences; shown by default "
          f"= score >= {default.threshold} and within the article's budget "
          f"(ceil({default.share} x sentences), at least 1), plus the lead from "
          f"{LEAD_FLOOR} (factdesk/model/triage.py)")
    print(f"{'outlet':<10} {'sentences':>9} {'shown':>7} {'share':>6} "
          f"{'over threshold':>15} {'candidates':>11}")
    for source, (n, shown, over, cands) in sorted(by_source.items()) + [("all", total)]:
        print(f"{source:<10} {n:>9} {shown:>7} {shown / n:>6.1%} {over / n:>15.1%} "
              f"{cands / n:>11.1%}")
    for threshold in (default.threshold, 0.70):
        sweep = "  ".join(
            f"{share:.2f}: {_shown_share(analysed, Triage(threshold, share)):.1%}"
            for share in (0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.50, 1.0))
        print(f"shown share by claim share at threshold {threshold}: {sweep}")
    print(f"default threshold {default.threshold}, share {default.share}, candidate floor "
          f"{CANDIDATE_FLOOR}\n")


def _shown(claims: list[tuple[float, int, int]], sentences: int, triage: Triage) -> int:
    """How many of one article's automatic claims are shown by default."""
    cut = triage.cut(claims, sentences, lead_of(claims))  # the text opens with its lead
    return sum(shown_by_default(score, start, "detected", cut, claim_id=claim_id)
               for score, start, claim_id in claims)


def _shown_share(analysed: list[tuple[str, int, list[tuple[float, int, int]]]],
                 triage: Triage) -> float:
    shown = sum(_shown(claims, n, triage) for _, n, claims in analysed)
    return shown / sum(n for _, n, _ in analysed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--skip", default="", help="comma-separated: cv,ingredients,clef,"
                                                   "joint,speed,basil")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    for needed in ("claimbuster", "clef-checkworthy", "basil"):
        eval_path(needed)  # exits 0 with a message when it is missing
    if "cv" not in skip:
        claimbuster_section(args.folds, "ingredients" not in skip)
    if "clef" not in skip:
        clef_section(joint="joint" not in skip)
    if "basil" not in skip:
        basil_section()
    if "speed" not in skip:
        speed_section()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
