"""Training the pair scorer's weights from MRPC (and the STS news genre) with scikit-learn.

Run ``python -m factdesk.matching.train_pair_model`` to parse the training sentences
(cached under /tmp), cross-validate, fit the final logistic regression with Platt
calibration and thresholds tuned on out-of-fold predictions, and write
``factdesk/matching/weights/pair_model.npz`` + ``pair_model.json``. Only numbers are
written: feature weights, calibration, thresholds and a hashed document-frequency table.
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
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from factdesk.matching.pair_features import (
    FEATURE_NAMES,
    PairInput,
    pair_feature_matrix,
    pair_input_from_span,
)
from factdesk.matching.pair_model import DEFAULT_WEIGHTS, HashedIdf, LinearModel, PairScorer

REPO_ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"
MRPC_TRAIN = EVAL_DIR / "mrpc" / "msr_paraphrase_train.txt"
STS_NEWS = EVAL_DIR / "sts-news" / "sts-news-train-dev.tsv"
CACHE_DIR = Path("/tmp/factdesk_pair_cache")
#: Bump when PairInput construction changes, to invalidate cached parses.
FEATURES_VERSION = "1"
SEED = 20240611
N_FOLDS = 5
#: Columns the shipped model may use: never the word-vector cosine (en_core_web_sm has no
#: vectors, so the model must not depend on it) nor the speaker flag (absent in training).
EXCLUDED = ("vector_cosine", "speaker_agree")
MODEL_COLUMNS: tuple[int, ...] = tuple(
    i for i, name in enumerate(FEATURE_NAMES) if name not in EXCLUDED
)
#: Inverse L2 strength of the logistic regression (chosen by CV on MRPC train; 0.3-10
#: all land within 0.5 accuracy points, gradient-boosted trees did worse).
LOGREG_C = 1.0
#: Ridge strength of the separate graded-similarity regressor (STS train).
RIDGE_ALPHA = 10.0
CITATIONS = {
    "MRPC": "Dolan, W. B. and Brockett, C. (2005). Automatically Constructing a Corpus of "
    "Sentential Paraphrases. Proceedings of the Third International Workshop on "
    "Paraphrasing (IWP2005).",
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


def _unquote(field: str) -> str:
    """Undo the (not always balanced) CSV quoting of the STS export."""
    if field.startswith('"'):
        field = field[1:]
    trailing = len(field) - len(field.rstrip('"'))
    if trailing % 2 == 1:
        field = field[:-1]
    return field.replace('""', '"')


def load_sts(path: Path = STS_NEWS, split: str = "dev") -> PairSet:
    """STS-B news genre rows of one split (``train`` or ``dev``); split on tabs."""
    left, right, scores, sources = [], [], [], []
    with open(path, encoding="utf-8-sig") as fh:
        next(fh)
        for line in fh:
            parts = line.rstrip("\n").rstrip("\r").split("\t")
            if len(parts) < 8 or parts[0] != split:
                continue
            left.append(_unquote(parts[6]))
            right.append(_unquote(parts[7]))
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
    return {t: known[t] for t in set(texts)}


def features_for(pairs: PairSet, parsed: dict[str, PairInput], idf) -> np.ndarray:
    return pair_feature_matrix(
        ((parsed[a], parsed[b]) for a, b in zip(pairs.left, pairs.right, strict=True)), idf
    )


def idf_from(pairs: PairSet, parsed: dict[str, PairInput], rows=None) -> HashedIdf:
    """Hashed IDF from the sentences of ``pairs`` (only ``rows`` if given)."""
    idx = range(len(pairs.left)) if rows is None else rows
    texts = {pairs.left[i] for i in idx} | {pairs.right[i] for i in idx}
    return HashedIdf.from_documents(parsed[t].lemmas for t in sorted(texts))


# ------------------------------------------------------------------------ model

def fit_linear(x: np.ndarray, y: np.ndarray, c: float = LOGREG_C) -> LinearModel:
    """L2 logistic regression on standardised model columns of ``x``."""
    from sklearn.linear_model import LogisticRegression

    xm = x[:, MODEL_COLUMNS]
    mean = xm.mean(axis=0)
    scale = xm.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=c, max_iter=5000).fit((xm - mean) / scale, y)
    return LinearModel(mean, scale, lr.coef_[0], float(lr.intercept_[0]))


def fit_ridge(x: np.ndarray, y: np.ndarray, alpha: float = RIDGE_ALPHA) -> LinearModel:
    """Ridge regression of 0-5 STS scores on standardised model columns of ``x``."""
    from sklearn.linear_model import Ridge

    xm = x[:, MODEL_COLUMNS]
    mean = xm.mean(axis=0)
    scale = xm.std(axis=0)
    scale[scale == 0] = 1.0
    r = Ridge(alpha=alpha).fit((xm - mean) / scale, y)
    return LinearModel(mean, scale, r.coef_, float(r.intercept_))


def fit_platt(margin: np.ndarray, y: np.ndarray) -> tuple[float, float]:
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


def recall_threshold(prob: np.ndarray, y: np.ndarray, recall: float = 0.95) -> float:
    """Highest threshold keeping ``recall`` of the positive pairs."""
    pos = np.sort(prob[y == 1])
    return round(float(pos[int((1.0 - recall) * len(pos))]), 3) if len(pos) else 0.5


def fit_calibrated(
    x: np.ndarray, y: np.ndarray, inner_folds: int = 4, seed: int = SEED
) -> tuple[PairScorer, np.ndarray]:
    """Model on all of ``x``; Platt + thresholds from inner out-of-fold margins."""
    from sklearn.model_selection import StratifiedKFold

    oof = np.zeros(len(y))
    skf = StratifiedKFold(n_splits=inner_folds, shuffle=True, random_state=seed + 1)
    for tr, te in skf.split(x, y):
        oof[te] = fit_linear(x[tr], y[tr]).margin(x[te][:, MODEL_COLUMNS])
    a, b = fit_platt(oof, y)
    prob = 1.0 / (1.0 + np.exp(-(a * oof + b)))
    same = best_threshold(prob, y)
    related = min(recall_threshold(prob, y, 0.95), same)
    scorer = PairScorer(fit_linear(x, y), MODEL_COLUMNS, (a, b), None, same, related)
    return scorer, prob


def metrics(pred: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    tp = float(np.sum(pred & (y == 1)))
    fp = float(np.sum(pred & (y == 0)))
    fn = float(np.sum(~pred & (y == 1)))
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return float(np.mean(pred == y)), f1


def cross_validate(
    pairs: PairSet, parsed: dict[str, PairInput], n_folds: int = N_FOLDS, seed: int = SEED,
    inner_folds: int = 4, log=print,
) -> dict:
    """Outer k-fold CV: IDF, model, calibration and threshold all fit inside each fold.

    Reports the model and a ``token_set_ratio`` threshold baseline on the same folds.
    """
    from rapidfuzz import fuzz
    from sklearn.model_selection import StratifiedKFold

    y = pairs.labels
    tsr = np.array([fuzz.token_set_ratio(a, b) / 100.0 for a, b in zip(pairs.left, pairs.right, strict=True)])
    skf = StratifiedKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    pred = np.zeros(len(y), dtype=bool)
    base_pred = np.zeros(len(y), dtype=bool)
    prob_all = np.zeros(len(y))
    for k, (tr, te) in enumerate(skf.split(np.zeros(len(y)), y)):
        idf = idf_from(pairs, parsed, tr)
        sub_tr = PairSet(tuple(pairs.left[i] for i in tr), tuple(pairs.right[i] for i in tr), y[tr])
        sub_te = PairSet(tuple(pairs.left[i] for i in te), tuple(pairs.right[i] for i in te), y[te])
        scorer, _ = fit_calibrated(features_for(sub_tr, parsed, idf), y[tr], inner_folds, seed)
        prob = scorer.probabilities(features_for(sub_te, parsed, idf))
        prob_all[te] = prob
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
            "baseline_f1": b_f1, "probabilities": prob_all}


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
) -> PairScorer:
    """Fit the final model on all of ``pairs`` and write ``out`` (+ ``.json`` metadata)."""
    idf = HashedIdf.from_documents(
        [parsed[t].lemmas for t in sorted(set(pairs.left) | set(pairs.right))]
        + [list(d) for d in extra_idf_docs]
    )
    x = features_for(pairs, parsed, idf)
    scorer, _ = fit_calibrated(x, pairs.labels)
    m = scorer.model
    extra_arrays: dict[str, np.ndarray] = {}
    if sts is not None and len(sts.labels) > 1:
        reg = fit_ridge(features_for(sts, parsed, idf), sts.labels)
        extra_arrays = {"sts_mean": reg.mean, "sts_scale": reg.scale, "sts_coef": reg.coef,
                        "sts_intercept": np.float64(reg.intercept)}
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out,
        feature_names=np.asarray(FEATURE_NAMES),
        columns=np.asarray(MODEL_COLUMNS, dtype=np.int32),
        mean=m.mean, scale=m.scale, coef=m.coef, intercept=np.float64(m.intercept),
        platt=np.asarray([scorer.platt_a, scorer.platt_b]),
        same_threshold=np.float64(scorer.same_threshold),
        related_threshold=np.float64(scorer.related_threshold),
        idf_df=idf.df.astype(np.uint16 if idf.df.max() < 65535 else np.uint32),
        idf_n_docs=np.int64(idf.n_docs),
        **extra_arrays,
    )
    meta = {
        "model": "L2 logistic regression on standardised features (scikit-learn "
        "LogisticRegression) + Platt calibration on inner out-of-fold margins",
        "logreg_C": LOGREG_C,
        "similarity_model": (
            f"ridge regression (alpha {RIDGE_ALPHA:g}) of STS-B news train scores / 5"
            if extra_arrays else None
        ),
        "features": [FEATURE_NAMES[i] for i in MODEL_COLUMNS],
        "excluded_features": list(EXCLUDED),
        "same_threshold": scorer.same_threshold,
        "related_threshold": scorer.related_threshold,
        "idf": "hashed document frequencies (crc32 mod 2^18) of lemma sets of the "
        "training sentences",
        "datasets": datasets or {},
        "citations": CITATIONS,
        "seed": SEED,
        "cross_validation": cv or {},
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
    args = ap.parse_args(argv)
    if not args.mrpc.exists():
        print(f"MRPC training data not found at {args.mrpc}", file=sys.stderr)
        return 2
    from factdesk.nlp.model import load_base_pipeline

    nlp = load_base_pipeline(args.model)
    pairs = load_mrpc(args.mrpc)
    sts = load_sts(args.sts, "train") if args.sts.exists() else None
    texts = list(pairs.left + pairs.right) + (list(sts.left + sts.right) if sts else [])
    t0 = time.time()
    parsed = parse_sentences(texts, nlp, cache=not args.no_cache)
    print(f"parsed {len(parsed)} sentences in {time.time() - t0:.1f}s")
    cv: dict = {}
    if not args.no_cv:
        res = cross_validate(pairs, parsed, n_folds=args.folds)
        cv = {k: round(v, 4) for k, v in res.items() if k != "probabilities"}
        cv["folds"] = args.folds
        print(f"MRPC {args.folds}-fold CV: acc {res['accuracy']:.4f} F1 {res['f1']:.4f} "
              f"(token_set_ratio: {res['baseline_accuracy']:.4f} / {res['baseline_f1']:.4f})")
    extra = [parsed[t].lemmas for t in sorted(set(sts.left) | set(sts.right))] if sts else []
    datasets = {"MRPC": f"{args.mrpc.name} ({len(pairs.labels)} pairs, labels)"}
    if sts:
        datasets["STS-B news train"] = (
            f"{len(sts.labels)} pairs: graded-similarity regressor and document frequencies"
        )
    scorer = train_and_save(pairs, parsed, args.out, extra, datasets, cv, sts)
    print(f"wrote {args.out} (same >= {scorer.same_threshold:.3f}, "
          f"related >= {scorer.related_threshold:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
