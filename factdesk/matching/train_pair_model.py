"""Training the pair scorer's weights from MRPC (and the STS news genre) with scikit-learn.

Run ``python -m factdesk.matching.train_pair_model`` to parse the training sentences
(cached under /tmp), cross-validate, fit the final logistic regression with Platt
calibration and thresholds tuned on out-of-fold predictions, and write
``factdesk/matching/weights/pair_model.npz`` + ``pair_model.json``. The logistic
regression is stacked on a sparse lexical model (which hashed lemma / word n-grams
differ between the sentences); its input column for the training pairs is always an
out-of-fold margin (cross-fitting), so the dense model never sees a margin fitted on the
pair's own label. Only numbers are written: feature weights, calibration, thresholds, a
hashed document-frequency table and hashed lexical weights (no strings of the data).
scikit-learn is needed here only; FactDesk's runtime evaluates the exported arrays with
numpy (:mod:`factdesk.matching.pair_model`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz

from factdesk.matching.calibration import (
    best_threshold,
    expected_calibration_error,
    fit_platt,
    metrics,
)
from factdesk.matching.claim_vectors import WORD_DIM, embed_for_pairs
from factdesk.matching.pair_alignment import ALIGNMENT_NAMES
from factdesk.matching.pair_features import (
    FEATURE_NAMES,
    LEXICAL_BUCKETS,
    PairInput,
    pair_feature_matrix,
    pair_input_from_span,
)
from factdesk.matching.pair_model import (
    DEFAULT_WEIGHTS,
    LEXICAL_FEATURE,
    HashedIdf,
    LexicalModel,
    LinearModel,
    PairScorer,
)
from factdesk.matching.train_event_model import (
    BASIL_WEIGHT,
    EVENT_C,
    TREE_PARAMS,
    TREE_SHARE,
    EventPairs,
    auc,
    basil_weak_pairs,
    event_arrays,
    event_features,
    fit_event_head,
    load_ecbplus,
    out_of_group_probabilities,
)
from factdesk.nlp.model import load_base_pipeline

REPO_ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"
MRPC_TRAIN = EVAL_DIR / "mrpc" / "msr_paraphrase_train.txt"
STS_NEWS = EVAL_DIR / "sts-news" / "sts-news-train-dev.tsv"
ECBPLUS = EVAL_DIR / "ecbplus" / "pairs-train-dev.tsv"
BASIL_DEV = EVAL_DIR / "basil" / "articles-dev.jsonl"
CACHE_DIR = Path("/tmp/factdesk_pair_cache")
#: Bump when PairInput (or its cached derived data) changes, to invalidate cached parses.
FEATURES_VERSION = "4"
SEED = 20240611
N_FOLDS = 5
#: Columns the shipped model may use: never the speaker flag (absent in training). The
#: vector cosine is the WordLlama sentence vectors' (the claims' stored int8 codes).
EXCLUDED = ("speaker_agree",)
#: Columns of the stacked feature vector: the pair features, then the lexical margin.
ALL_NAMES: tuple[str, ...] = FEATURE_NAMES + (LEXICAL_FEATURE,)
MODEL_COLUMNS: tuple[int, ...] = tuple(
    i for i, name in enumerate(ALL_NAMES) if name not in EXCLUDED
)
#: Columns of the graded-similarity regressor: the pair features only. The lexical model
#: is trained on MRPC, whose pairs partly reappear in STS (MSRpar), so its margin is
#: kept out of the STS regressor; so are the paraphrase metrics of
#: :mod:`factdesk.matching.pair_alignment` (measured for the same-fact head only).
STS_COLUMNS: tuple[int, ...] = tuple(
    c for c in MODEL_COLUMNS if c < len(FEATURE_NAMES) and ALL_NAMES[c] not in ALIGNMENT_NAMES)
#: Inverse L2 strength of the sparse lexical model (0.1-1 land within 0.2 points in CV).
LEXICAL_C = 0.3
#: Folds of the cross-fitting that produces out-of-fold lexical margins for training.
LEXICAL_FOLDS = 5
#: Unrelated pairs (two sentences of different training pairs, label 0) added to the
#: dense model's training, per real training pair. MRPC holds no unrelated pairs, so
#: without them the model extrapolates freely where the app's weaker candidates lie
#: (no shared words). Never used for the lexical model, calibration or thresholds.
UNRELATED_SHARE = 0.25
#: Inverse L2 strength of the logistic regression (chosen by CV on MRPC train; 0.3-10
#: all land within 0.5 accuracy points, gradient-boosted trees did worse).
LOGREG_C = 1.0
#: Ridge strength of the separate graded-similarity regressor (STS train).
RIDGE_ALPHA = 10.0
CITATIONS = {
    "MRPC": "Dolan, W. B. and Brockett, C. (2005). Automatically Constructing a Corpus of "
    "Sentential Paraphrases. Proceedings of the Third International Workshop on "
    "Paraphrasing (IWP2005).",
    "ECB+": "Cybulska, A. and Vossen, P. (2014). Using a sledgehammer to crack a nut? "
    "Lexical diversity and event coreference resolution. LREC 2014. (CC BY 3.0; pairs "
    "derived from its event coreference annotation.)",
    "STS-B": "Cer, D., Diab, M., Agirre, E., Lopez-Gazpio, I. and Specia, L. (2017). "
    "SemEval-2017 Task 1: Semantic Textual Similarity Multilingual and Crosslingual "
    "Focused Evaluation. Proceedings of SemEval-2017.",
}


@dataclass(frozen=True)
class PairSet:
    """Sentence pairs with a label (0/1 for MRPC, 0-5 for STS)."""

    left: tuple[str, ...]
    right: tuple[str, ...]
    labels: np.ndarray
    sources: tuple[str, ...] = ()


# ------------------------------------------------------------------------- data

def load_mrpc(path: Path = MRPC_TRAIN) -> PairSet:
    """MRPC: Quality, #1 ID, #2 ID, #1 String, #2 String (BOM, tabs, raw quotes)."""
    left, right, labels = [], [], []
    with open(path, encoding="utf-8-sig") as fh:
        next(fh)
        for line in fh:
            parts = line.rstrip("\n").rstrip("\r").split("\t")
            if len(parts) < 5:
                continue
            labels.append(int(parts[0]))
            left.append(parts[3])
            right.append(parts[4])
    return PairSet(tuple(left), tuple(right), np.asarray(labels, dtype=np.int64))


def load_sts(path: Path = STS_NEWS, split: str = "dev") -> PairSet:
    """STS-B news genre rows of one split (``train`` or ``dev``).

    The file is a plain TSV without quoting (its sentences hold unbalanced ``"``): split
    on tabs only, never read with CSV quoting."""
    left, right, scores, sources = [], [], [], []
    with open(path, encoding="utf-8-sig") as fh:
        next(fh)
        for line in fh:
            parts = line.rstrip("\n").rstrip("\r").split("\t")
            if len(parts) < 8 or parts[0] != split:
                continue
            left.append(parts[6])
            right.append(parts[7])
            scores.append(float(parts[5]))
            sources.append(parts[2])
    return PairSet(
        tuple(left), tuple(right), np.asarray(scores, dtype=np.float64), tuple(sources)
    )


def parse_sentences(texts: Sequence[str], nlp, cache: bool = True) -> dict[str, PairInput]:
    """:class:`PairInput` of each distinct text; parses are cached in /tmp per model."""
    meta = nlp.meta
    tag = f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}-{FEATURES_VERSION}"
    cache_file = CACHE_DIR / f"parses-{hashlib.sha1(tag.encode()).hexdigest()[:12]}.pkl"
    known: dict[str, PairInput] = {}
    if cache and cache_file.exists():
        with open(cache_file, "rb") as fh:
            known = pickle.load(fh)
    missing = sorted(set(texts) - known.keys())
    if missing:
        docs = nlp.pipe(missing, batch_size=256)
        known.update(
            (t, pair_input_from_span(doc)) for t, doc in zip(missing, docs, strict=True)
        )
        if cache:
            CACHE_DIR.mkdir(parents=True, exist_ok=True)
            tmp = cache_file.with_suffix(".tmp")
            with open(tmp, "wb") as fh:
                pickle.dump(known, fh)
            tmp.replace(cache_file)
    wanted = sorted(set(texts))
    # sentence vectors are cheap (tens of thousands a second): computed, not cached
    vectors = embed_for_pairs(wanted)
    return {t: replace(known[t], vector=v) for t, v in zip(wanted, vectors, strict=True)}


def features_for(
    pairs: PairSet, parsed: dict[str, PairInput], idf, lexical: np.ndarray | None = None
) -> np.ndarray:
    """Pair-feature matrix of ``pairs``; with ``lexical`` margins appended as last column."""
    x = pair_feature_matrix(
        ((parsed[a], parsed[b]) for a, b in zip(pairs.left, pairs.right, strict=True)), idf
    )
    return x if lexical is None else np.hstack([x, np.asarray(lexical)[:, None]])


def subset(pairs: PairSet, rows) -> PairSet:
    return PairSet(tuple(pairs.left[i] for i in rows), tuple(pairs.right[i] for i in rows),
                   pairs.labels[rows])


def unrelated_pairs(
    pairs: PairSet, rows, share: float = UNRELATED_SHARE, seed: int = SEED
) -> PairSet:
    """Label-0 pairs of the left sentence of one of ``rows`` and the right sentence of
    another (rows drawn at random without repeats)."""
    rows = np.asarray(rows)
    n = int(round(share * len(rows)))
    if n == 0 or len(rows) < 2:
        return PairSet((), (), np.zeros(0, dtype=np.int64))
    rng = np.random.default_rng(seed + 3)
    first = rng.choice(rows, size=min(n, len(rows)), replace=False)
    offset = rng.integers(1, len(rows), size=len(first))
    pos = {int(r): i for i, r in enumerate(rows)}
    second = rows[(np.array([pos[int(r)] for r in first]) + offset) % len(rows)]
    return PairSet(tuple(pairs.left[i] for i in first), tuple(pairs.right[j] for j in second),
                   np.zeros(len(first), dtype=np.int64))


# ------------------------------------------------------------- lexical model

def lexical_matrix(pairs: PairSet, parsed: dict[str, PairInput]):
    """Sparse 0/1 matrix (n_pairs, LEXICAL_BUCKETS): buckets in exactly one sentence."""
    # training only: scikit-learn and SciPy are not runtime dependencies
    from scipy import sparse

    indices: list[int] = []
    indptr = [0]
    for a, b in zip(pairs.left, pairs.right, strict=True):
        indices.extend(sorted(parsed[a].lexical_ids ^ parsed[b].lexical_ids))
        indptr.append(len(indices))
    data = np.ones(len(indices))
    return sparse.csr_matrix((data, indices, indptr), shape=(len(indptr) - 1, LEXICAL_BUCKETS))


def fit_lexical(xs, y: np.ndarray, c: float = LEXICAL_C) -> LexicalModel:
    """L2 logistic regression on the sparse difference matrix; weights kept as float16
    (as shipped), so training and runtime margins agree."""
    # training only: scikit-learn and SciPy are not runtime dependencies
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=c, max_iter=5000).fit(xs, y)
    return LexicalModel(lr.coef_[0].astype(np.float16), float(lr.intercept_[0]))


def lexical_margin_of(model: LexicalModel, xs) -> np.ndarray:
    return np.asarray(xs @ model.weights).ravel() + model.intercept


def lexical_crossfit(
    xs, y: np.ndarray, folds: int = LEXICAL_FOLDS, seed: int = SEED
) -> tuple[LexicalModel, np.ndarray]:
    """Lexical model on all rows, and out-of-fold margins of the same rows."""
    # training only: scikit-learn and SciPy are not runtime dependencies
    from sklearn.model_selection import StratifiedKFold

    folds = max(2, min(folds, int(np.bincount(y).min())))
    oof = np.zeros(len(y))
    skf = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed + 2)
    for tr, te in skf.split(np.zeros(len(y)), y):
        oof[te] = lexical_margin_of(fit_lexical(xs[tr], y[tr]), xs[te])
    return fit_lexical(xs, y), oof


def idf_from(pairs: PairSet, parsed: dict[str, PairInput], rows=None) -> HashedIdf:
    """Hashed IDF from the sentences of ``pairs`` (only ``rows`` if given)."""
    idx = range(len(pairs.left)) if rows is None else rows
    texts = {pairs.left[i] for i in idx} | {pairs.right[i] for i in idx}
    return HashedIdf.from_documents(parsed[t].lemmas for t in sorted(texts))


# ------------------------------------------------------------------------ model

def fit_linear(x: np.ndarray, y: np.ndarray, c: float = LOGREG_C) -> LinearModel:
    """L2 logistic regression on standardised model columns of ``x``."""
    # training only: scikit-learn and SciPy are not runtime dependencies
    from sklearn.linear_model import LogisticRegression

    xm = x[:, MODEL_COLUMNS]
    mean = xm.mean(axis=0)
    scale = xm.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=c, max_iter=5000).fit((xm - mean) / scale, y)
    return LinearModel(mean, scale, lr.coef_[0], float(lr.intercept_[0]))


def fit_ridge(x: np.ndarray, y: np.ndarray, alpha: float = RIDGE_ALPHA) -> LinearModel:
    """Ridge regression of 0-5 STS scores on standardised pair-feature columns of ``x``."""
    # training only: scikit-learn and SciPy are not runtime dependencies
    from sklearn.linear_model import Ridge

    xm = x[:, STS_COLUMNS]
    mean = xm.mean(axis=0)
    scale = xm.std(axis=0)
    scale[scale == 0] = 1.0
    r = Ridge(alpha=alpha).fit((xm - mean) / scale, y)
    return LinearModel(mean, scale, r.coef_, float(r.intercept_))


def recall_threshold(prob: np.ndarray, y: np.ndarray, recall: float = 0.95) -> float:
    """Highest threshold keeping ``recall`` of the positive pairs."""
    pos = np.sort(prob[y == 1])
    return round(float(pos[int((1.0 - recall) * len(pos))]), 3) if len(pos) else 0.5


def fit_calibrated(
    x: np.ndarray, y: np.ndarray, inner_folds: int = 4, seed: int = SEED,
    lexical: LexicalModel | None = None, x_unrelated: np.ndarray | None = None,
) -> tuple[PairScorer, np.ndarray]:
    """Model on all of ``x``; Platt + thresholds from inner out-of-fold margins.

    ``x`` carries the out-of-fold lexical margin as last column; ``lexical`` is the
    lexical model the runtime scorer will use to compute that column. Rows of
    ``x_unrelated`` (label 0) join every model fit but not the calibration."""
    # training only: scikit-learn and SciPy are not runtime dependencies
    from sklearn.model_selection import StratifiedKFold

    extra = np.zeros((0, x.shape[1])) if x_unrelated is None else x_unrelated
    y_extra = np.zeros(len(extra), dtype=y.dtype)

    def fit(rows) -> LinearModel:
        return fit_linear(np.vstack([x[rows], extra]), np.concatenate([y[rows], y_extra]))

    oof = np.zeros(len(y))
    skf = StratifiedKFold(n_splits=inner_folds, shuffle=True, random_state=seed + 1)
    for tr, te in skf.split(x, y):
        oof[te] = fit(tr).margin(x[te][:, MODEL_COLUMNS])
    a, b = fit_platt(oof, y)
    prob = 1.0 / (1.0 + np.exp(-(a * oof + b)))
    same = best_threshold(prob, y)
    related = min(recall_threshold(prob, y, 0.95), same)
    scorer = PairScorer(fit(np.arange(len(y))), MODEL_COLUMNS, (a, b), None, same, related,
                        lexical=lexical, similarity_columns=STS_COLUMNS)
    return scorer, prob


def unrelated_features(
    pairs: PairSet, parsed: dict[str, PairInput], rows, idf, lexical: LexicalModel,
    seed: int = SEED,
) -> np.ndarray:
    """Stacked features of :func:`unrelated_pairs` of ``rows`` (margins of ``lexical``,
    which never saw these pairs)."""
    extra = unrelated_pairs(pairs, rows, seed=seed)
    margins = [lexical.margin(parsed[a], parsed[b])
               for a, b in zip(extra.left, extra.right, strict=True)]
    return features_for(extra, parsed, idf, np.asarray(margins, dtype=np.float64))


def cross_validate(
    pairs: PairSet, parsed: dict[str, PairInput], n_folds: int = N_FOLDS, seed: int = SEED,
    inner_folds: int = 4, log=print,
) -> dict:
    """Outer k-fold CV: IDF, lexical model, model, calibration and threshold all fit
    inside each fold (the lexical margins of the fold's training pairs cross-fitted).

    Reports the model and a ``token_set_ratio`` threshold baseline on the same folds.
    """
    # training only: scikit-learn and SciPy are not runtime dependencies
    from sklearn.model_selection import StratifiedKFold

    y = pairs.labels
    tsr = np.array([fuzz.token_set_ratio(a, b) / 100.0 for a, b in zip(pairs.left, pairs.right, strict=True)])
    skf = StratifiedKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    pred = np.zeros(len(y), dtype=bool)
    base_pred = np.zeros(len(y), dtype=bool)
    prob_all = np.zeros(len(y))
    threshold_all = np.zeros(len(y))
    xs = lexical_matrix(pairs, parsed)
    for k, (tr, te) in enumerate(skf.split(np.zeros(len(y)), y)):
        idf = idf_from(pairs, parsed, tr)
        lexical, lex_oof = lexical_crossfit(xs[tr], y[tr], seed=seed)
        x_tr = features_for(subset(pairs, tr), parsed, idf, lex_oof)
        x_te = features_for(subset(pairs, te), parsed, idf, lexical_margin_of(lexical, xs[te]))
        x_un = unrelated_features(pairs, parsed, tr, idf, lexical, seed)
        scorer, _ = fit_calibrated(x_tr, y[tr], inner_folds, seed, lexical, x_un)
        prob = scorer.probabilities(x_te)
        prob_all[te] = prob
        threshold_all[te] = scorer.same_threshold
        pred[te] = prob >= scorer.same_threshold
        grid = np.arange(0.0, 1.0001, 0.01)
        accs = [np.mean((tsr[tr] >= t) == y[tr]) for t in grid]
        base_pred[te] = tsr[te] >= grid[int(np.argmax(accs))]
        acc, f1 = metrics(pred[te], y[te])
        log(f"  fold {k + 1}: acc {acc:.3f} F1 {f1:.3f} (threshold {scorer.same_threshold:.3f})")
    acc, f1 = metrics(pred, y)
    b_acc, b_f1 = metrics(base_pred, y)
    brier = float(np.mean((prob_all - y) ** 2))
    return {"accuracy": acc, "f1": f1, "brier": brier, "baseline_accuracy": b_acc,
            "baseline_f1": b_f1, "probabilities": prob_all, "thresholds": threshold_all}


def correlations(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """(Pearson, Spearman) without scipy."""
    def ranks(v: np.ndarray) -> np.ndarray:
        _, inverse, counts = np.unique(v, return_inverse=True, return_counts=True)
        starts = np.cumsum(counts) - counts
        return (starts + (counts - 1) / 2.0)[inverse]

    pearson = float(np.corrcoef(x, y)[0, 1])
    spearman = float(np.corrcoef(ranks(x), ranks(y))[0, 1])
    return pearson, spearman


# ------------------------------------------------------------------------- main

def train_and_save(
    pairs: PairSet, parsed: dict[str, PairInput], out: Path, extra_idf_docs=(),
    datasets: dict | None = None, cv: dict | None = None, sts: PairSet | None = None,
    event: EventPairs | None = None, tree_share: float = TREE_SHARE,
) -> PairScorer:
    """Fit the final model on all of ``pairs`` and write ``out`` (+ ``.json`` metadata)."""
    idf = HashedIdf.from_documents(
        [parsed[t].lemmas for t in sorted(set(pairs.left) | set(pairs.right))]
        + [list(d) for d in extra_idf_docs]
    )
    lexical, lex_oof = lexical_crossfit(lexical_matrix(pairs, parsed), pairs.labels)
    x = features_for(pairs, parsed, idf, lex_oof)
    rows = np.arange(len(pairs.labels))
    x_un = unrelated_features(pairs, parsed, rows, idf, lexical)
    scorer, _ = fit_calibrated(x, pairs.labels, lexical=lexical, x_unrelated=x_un)
    m = scorer.model
    extra_arrays: dict[str, np.ndarray] = {}
    if sts is not None and len(sts.labels) > 1:
        reg = fit_ridge(features_for(sts, parsed, idf), sts.labels)
        extra_arrays = {"sts_mean": reg.mean, "sts_scale": reg.scale, "sts_coef": reg.coef,
                        "sts_intercept": np.float64(reg.intercept),
                        "sts_columns": np.asarray(STS_COLUMNS, dtype=np.int32)}
    event_meta: dict = {}
    if event is not None and len(event.labels):
        x_event = event_features(event, parsed, idf)
        head = fit_event_head(x_event, event, tree_share)
        extra_arrays.update(event_arrays(head))
        ecb = np.char.startswith(event.groups.astype(str), "ecb")
        unseen = out_of_group_probabilities(x_event, event)
        event_meta = {
            "model": f"L2 logistic regression (C {EVENT_C:g}) on the pair features, Platt "
            "calibration and threshold from leave-one-group-out margins",
            "threshold": head.threshold,
            "ecbplus_train_leave_one_topic_out_auc": round(
                auc(head.oof_probability[ecb], event.labels[ecb]), 4),
            # the calibration as a topic never seen in training gets it (nested: the
            # held-out topic's calibrator is fitted on the other topics' margins)
            "ecbplus_train_leave_one_topic_out_ece": round(
                expected_calibration_error(unseen[ecb], event.labels[ecb]), 4),
        }
        if head.ranking_oof_probability is not None:
            event_meta["ranking"] = {
                "model": f"the logistic regression's margin blended in log-odds "
                f"({1 - tree_share:g} / {tree_share:g}) with boosted trees (scikit-learn "
                "HistGradientBoostingClassifier, "
                + ", ".join(f"{k} {v}" for k, v in TREE_PARAMS.items())
                + ") on the event columns but those found in one sentence only "
                "(*unmatched*), exported as node arrays; its own Platt calibration from "
                "leave-one-group-out margins; orders pairs (the score), decides nothing",
                "tree_share": tree_share,
                "ecbplus_train_leave_one_topic_out_auc": round(
                    auc(head.ranking_oof_probability[ecb], event.labels[ecb]), 4),
            }
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out,
        feature_names=np.asarray(ALL_NAMES),
        columns=np.asarray(MODEL_COLUMNS, dtype=np.int32),
        mean=m.mean, scale=m.scale, coef=m.coef, intercept=np.float64(m.intercept),
        platt=np.asarray([scorer.platt_a, scorer.platt_b]),
        same_threshold=np.float64(scorer.same_threshold),
        related_threshold=np.float64(scorer.related_threshold),
        idf_df=idf.df.astype(np.uint16 if idf.df.max() < 65535 else np.uint32),
        idf_n_docs=np.int64(idf.n_docs),
        lex_weights=lexical.weights.astype(np.float16),
        lex_intercept=np.float64(lexical.intercept),
        **extra_arrays,
    )
    meta = {
        "model": "L2 logistic regression on standardised features (scikit-learn "
        "LogisticRegression) + Platt calibration on inner out-of-fold margins; stacked on "
        "a sparse L2 logistic regression over hashed lemma/word unigrams+bigrams present "
        f"in only one sentence ({LEXICAL_FOLDS}-fold cross-fitted margins for training); "
        f"{UNRELATED_SHARE:g} unrelated pairs (sentences of two different training pairs, "
        "label 0) per training pair added to the logistic regression's fit only; "
        "its inputs include the soft word alignment (IDF-weighted best cosines of the "
        f"content lemmas' WordLlama vectors, {WORD_DIM} dimensions) and BLEU n-gram "
        "precisions of matching/pair_alignment.py (same-fact head only)",
        "logreg_C": LOGREG_C,
        "lexical_C": LEXICAL_C,
        "lexical": f"crc32 of prefixed lemma/word n-gram keys modulo {LEXICAL_BUCKETS}; "
        "float16 weights, no strings",
        "similarity_model": (
            f"ridge regression (alpha {RIDGE_ALPHA:g}) of STS-B news train scores / 5"
            if extra_arrays else None
        ),
        "features": [ALL_NAMES[i] for i in MODEL_COLUMNS],
        "similarity_features": [ALL_NAMES[i] for i in STS_COLUMNS],
        "excluded_features": list(EXCLUDED),
        "same_threshold": scorer.same_threshold,
        "related_threshold": scorer.related_threshold,
        "idf": "hashed document frequencies (crc32 mod 2^18) of lemma sets of the "
        "training sentences",
        "datasets": datasets or {},
        "citations": CITATIONS,
        "seed": SEED,
        "cross_validation": cv or {},
        "event_head": event_meta,
        "trained": time.strftime("%Y-%m-%d"),
    }
    out.with_suffix(".json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return scorer


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mrpc", type=Path, default=MRPC_TRAIN)
    ap.add_argument("--sts", type=Path, default=STS_NEWS)
    ap.add_argument("--out", type=Path, default=DEFAULT_WEIGHTS)
    ap.add_argument("--no-cv", action="store_true", help="skip the 5-fold CV report")
    ap.add_argument("--no-cache", action="store_true", help="do not cache parses in /tmp")
    ap.add_argument("--folds", type=int, default=N_FOLDS)
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: base model)")
    ap.add_argument("--ecbplus", type=Path, default=ECBPLUS,
                    help="ECB+ pairs (train topics only are used) for the same-event head")
    ap.add_argument("--basil", type=Path, default=BASIL_DEV,
                    help="BASIL articles for weak same-event pairs")
    ap.add_argument("--no-basil", action="store_true", help="no BASIL weak pairs")
    ap.add_argument("--tree-share", type=float, default=TREE_SHARE,
                    help="share of boosted trees in the event head's ranking margin (0: none)")
    args = ap.parse_args(argv)
    if not args.mrpc.exists():
        print(f"MRPC training data not found at {args.mrpc}", file=sys.stderr)
        return 2
    nlp = load_base_pipeline(args.model)
    pairs = load_mrpc(args.mrpc)
    sts = load_sts(args.sts, "train") if args.sts.exists() else None
    event = load_ecbplus(args.ecbplus, "train") if args.ecbplus.exists() else None
    if event is not None and args.basil.exists() and not args.no_basil:
        event = event + basil_weak_pairs(args.basil)
    texts = list(pairs.left + pairs.right) + (list(sts.left + sts.right) if sts else [])
    texts += list(event.left + event.right) if event else []
    t0 = time.time()
    parsed = parse_sentences(texts, nlp, cache=not args.no_cache)
    print(f"parsed {len(parsed)} sentences in {time.time() - t0:.1f}s")
    cv: dict = {}
    if not args.no_cv:
        res = cross_validate(pairs, parsed, n_folds=args.folds)
        cv = {k: round(v, 4) for k, v in res.items() if k not in ("probabilities", "thresholds")}
        cv["folds"] = args.folds
        print(f"MRPC {args.folds}-fold CV: acc {res['accuracy']:.4f} F1 {res['f1']:.4f} "
              f"(token_set_ratio: {res['baseline_accuracy']:.4f} / {res['baseline_f1']:.4f})")
    extra = [parsed[t].lemmas for t in sorted(set(sts.left) | set(sts.right))] if sts else []
    datasets = {"MRPC": f"{args.mrpc.name} ({len(pairs.labels)} pairs, labels)"}
    if sts:
        datasets["STS-B news train"] = (
            f"{len(sts.labels)} pairs: graded-similarity regressor and document frequencies"
        )
    if event:
        n_basil = int(np.char.startswith(event.groups.astype(str), "basil").sum())
        datasets["ECB+ train"] = (
            f"{len(event.labels) - n_basil} same-event / look-alike pairs of topics 1-22 "
            "(same-event head; dev topics 23-25 kept for evaluation)")
        if n_basil:
            datasets["BASIL dev"] = (f"{n_basil} weak same-event pairs (same-event head, "
                                     f"weight {BASIL_WEIGHT:g})")
    scorer = train_and_save(pairs, parsed, args.out, extra, datasets, cv, sts, event=event,
                            tree_share=args.tree_share)
    print(f"wrote {args.out} (same >= {scorer.same_threshold:.3f}, "
          f"related >= {scorer.related_threshold:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
