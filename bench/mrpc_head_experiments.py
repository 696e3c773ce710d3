"""Candidate changes to the same-fact (paraphrase) head, measured by MRPC train CV.

Every figure is the trainer's own 5-fold cross-validation
(:func:`factdesk.matching.train_pair_model.cross_validate`, re-implemented here so that
extra input columns and other heads can be plugged in): the IDF, the sparse lexical
model (cross-fitted), the unrelated pairs, the head, its Platt calibration and its
decision threshold are all fitted inside each outer fold. Each row is given for three
split seeds (the bench's 20240611 and two others) and their mean, because one seed
moves the same model by about 0.004. Candidates:

* soft word alignment with WordLlama's static vectors (BERTScore-style): each content
  lemma's vector is the mean of its subword vectors; greedy max-cosine precision /
  recall / F, IDF-weighted; the IDF share of each side's lemmas without a partner above
  0.4 / 0.6 / 0.8; the share aligned (>= 0.6) but not identical;
* MT-metric inputs (Madnani et al. 2012): BLEU n-gram precisions n = 1..4 in both
  directions, smoothed BLEU, brevity, a TER-like word edit rate over each side's
  length, character n-gram F-score (chrF, n = 1..6, beta 1 and 2);
* a non-linear head: gradient-boosted trees (scikit-learn HistGradientBoosting) on the
  same inputs, and trees blended 50/50 with the logistic regression (log-odds);
* the decision threshold, chosen inside the folds: accuracy + F1 (shipped), accuracy
  alone, or 0.5.

The first row is the head's inputs before this work (the shipped pair features less
the :mod:`factdesk.matching.pair_alignment` columns); "shipped now" is the trainer's
own inputs, which carry the compact set (soft P / R / F and BLEU) that passed the gate
and ships. ``--ablation`` prints each group alone and all less each group. Also prints
the cost per 1,000 pairs of each feature group. Figures in docs/matching.md (section
"MRPC: soft alignment and BLEU for the same-fact head"). Uses ``../shared/eval`` and
exits 0 with a message without it.

    python bench/mrpc_head_experiments.py [--seeds 20240611 1 2] [--quick]
"""

from __future__ import annotations

import argparse
import hashlib
import math
import pickle
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench._shared import eval_path  # noqa: E402

CACHE = Path("/tmp/factdesk_mrpc_head_cache")
SEEDS = (20240611, 1, 2)
#: Cosines from which a word of one side counts as aligned to one of the other.
ALIGN_LEVELS = (0.4, 0.6, 0.8)

SOFT_NAMES = ("soft_p_min", "soft_p_max", "soft_f",
              *(f"soft_unaligned{int(t * 10)}_{m}" for t in ALIGN_LEVELS
                for m in ("min", "max")),
              "soft_near_min", "soft_near_max")
MT_NAMES = ("bleu1_min", "bleu1_max", "bleu2_min", "bleu2_max", "bleu3_min", "bleu3_max",
            "bleu4_min", "bleu4_max", "bleu_min", "bleu_max", "brevity",
            "ter_min", "ter_max", "chrf1", "chrf2_min", "chrf2_max")


# ------------------------------------------------------------ soft word alignment

class WordVectors:
    """Unit vectors of lemmas (the mean of their WordLlama subword vectors), cached."""

    def __init__(self, dim: int = 256) -> None:
        from factdesk.nlp.embeddings import load_sentence_encoder

        self.encoder = load_sentence_encoder()
        self.dim = dim
        self.known: dict[str, np.ndarray] = {}
        self.sentences: dict[str, tuple[tuple[str, ...], np.ndarray]] = {}

    def add(self, words) -> None:
        missing = sorted(set(words) - self.known.keys())
        if missing:
            vectors = self.encoder.encode(missing, self.dim)
            self.known.update(zip(missing, vectors, strict=True))

    def of(self, p) -> tuple[tuple[str, ...], np.ndarray]:
        """The sentence's distinct lemmas and their vectors (rows)."""
        cached = self.sentences.get(p.text)
        if cached is None:
            words = tuple(sorted(set(p.lemmas)))
            self.add(words)
            matrix = (np.array([self.known[w] for w in words], dtype=np.float32)
                      if words else np.zeros((0, self.dim), np.float32))
            cached = self.sentences[p.text] = (words, matrix)
        return cached


def soft_alignment(pa, pb, idf, vectors: WordVectors) -> list[float]:
    """:data:`SOFT_NAMES` of one pair (symmetric: directional measures as min / max)."""
    wa, ma = vectors.of(pa)
    wb, mb = vectors.of(pb)
    if not wa or not wb:
        empty = float(not wa and not wb)
        return [empty, empty, empty] + [1.0 - empty] * 6 + [0.0, 0.0]
    sim = ma @ mb.T
    best_a, best_b = sim.max(axis=1), sim.max(axis=0)
    weight_a = np.array([max(idf(w), 0.0) for w in wa])
    weight_b = np.array([max(idf(w), 0.0) for w in wb])
    total_a, total_b = max(weight_a.sum(), 1e-9), max(weight_b.sum(), 1e-9)
    p_a = float(weight_a @ best_a / total_a)
    p_b = float(weight_b @ best_b / total_b)
    f = 2 * p_a * p_b / (p_a + p_b) if p_a + p_b > 0 else 0.0
    out = [min(p_a, p_b), max(p_a, p_b), f]
    for level in ALIGN_LEVELS:
        u_a = float(weight_a @ (best_a < level) / total_a)
        u_b = float(weight_b @ (best_b < level) / total_b)
        out += [min(u_a, u_b), max(u_a, u_b)]
    set_a, set_b = set(wa), set(wb)
    near_a = np.array([w not in set_b for w in wa]) & (best_a >= 0.6)
    near_b = np.array([w not in set_a for w in wb]) & (best_b >= 0.6)
    n_a, n_b = float(weight_a @ near_a / total_a), float(weight_b @ near_b / total_b)
    return out + [min(n_a, n_b), max(n_a, n_b)]


# ------------------------------------------------------------------ MT metrics

_NGRAMS: dict[str, list[Counter]] = {}
_CHARS: dict[str, list[Counter]] = {}


def _word_ngrams(p) -> list[Counter]:
    grams = _NGRAMS.get(p.text)
    if grams is None:
        words = p.derived.words
        grams = _NGRAMS[p.text] = [Counter(zip(*(words[i:] for i in range(n)), strict=False))
                                   for n in range(1, 5)]
    return grams


def _char_ngrams(p) -> list[Counter]:
    grams = _CHARS.get(p.text)
    if grams is None:
        chars = "".join(p.derived.low.split())
        grams = _CHARS[p.text] = [Counter(chars[i:i + n] for i in range(len(chars) - n + 1))
                                  for n in range(1, 7)]
    return grams


def _f_beta(precision: float, recall: float, beta: float) -> float:
    b2 = beta * beta
    denom = b2 * precision + recall
    return (1 + b2) * precision * recall / denom if denom > 0 else 0.0


def mt_metrics(pa, pb) -> list[float]:
    """:data:`MT_NAMES` of one pair (symmetric)."""
    from rapidfuzz.distance import Levenshtein

    ga, gb = _word_ngrams(pa), _word_ngrams(pb)
    out: list[float] = []
    logs_a, logs_b = [], []
    for n in range(4):
        match = sum((ga[n] & gb[n]).values())
        tot_a, tot_b = sum(ga[n].values()), sum(gb[n].values())
        p_a = match / tot_a if tot_a else 0.0
        p_b = match / tot_b if tot_b else 0.0
        out += [min(p_a, p_b), max(p_a, p_b)]
        # add-one smoothing above unigrams (Lin and Och 2004)
        smooth = 0 if n == 0 else 1
        logs_a.append(math.log((match + smooth) / (tot_a + smooth)) if match + smooth else -9)
        logs_b.append(math.log((match + smooth) / (tot_b + smooth)) if match + smooth else -9)
    bleu_a, bleu_b = math.exp(sum(logs_a) / 4), math.exp(sum(logs_b) / 4)
    out += [min(bleu_a, bleu_b), max(bleu_a, bleu_b)]
    na, nb = len(pa.derived.words), len(pb.derived.words)
    short, long_ = min(na, nb), max(na, nb)
    out.append(math.exp(1 - long_ / short) if short else 0.0)
    edits = Levenshtein.distance(pa.derived.words, pb.derived.words)
    ter_a, ter_b = edits / max(na, 1), edits / max(nb, 1)
    out += [min(ter_a, ter_b), max(ter_a, ter_b)]
    ca, cb = _char_ngrams(pa), _char_ngrams(pb)
    prec_a, prec_b = [], []
    for n in range(6):
        tot_a, tot_b = sum(ca[n].values()), sum(cb[n].values())
        if not tot_a or not tot_b:
            continue
        match = sum((ca[n] & cb[n]).values())
        prec_a.append(match / tot_a)
        prec_b.append(match / tot_b)
    pa_, pb_ = (float(np.mean(prec_a)), float(np.mean(prec_b))) if prec_a else (0.0, 0.0)
    # chrF of a against b: precision of b's n-grams in a is pa_, recall pb_
    f2_a, f2_b = _f_beta(pa_, pb_, 2.0), _f_beta(pb_, pa_, 2.0)
    out += [_f_beta(pa_, pb_, 1.0), min(f2_a, f2_b), max(f2_a, f2_b)]
    return out


def extra_matrix(left, right, parsed, idf, vectors: WordVectors) -> np.ndarray:
    rows = [soft_alignment(parsed[a], parsed[b], idf, vectors) + mt_metrics(parsed[a], parsed[b])
            for a, b in zip(left, right, strict=True)]
    return np.array(rows, dtype=np.float64).reshape(len(rows), len(SOFT_NAMES) + len(MT_NAMES))


# --------------------------------------------------------------------- folds

def fold_data(pairs, parsed, seed: int, vectors: WordVectors, n_folds: int = 5
              ) -> list[dict]:
    """Per outer fold: rows, stacked base inputs (pair features + lexical margin) and
    the extra columns, of the fold's training, test and unrelated pairs (cached)."""
    from sklearn.model_selection import StratifiedKFold

    from factdesk.matching.train_pair_model import (
        features_for,
        idf_from,
        lexical_crossfit,
        lexical_margin_of,
        lexical_matrix,
        subset,
        unrelated_features,
        unrelated_pairs,
    )

    tag = hashlib.sha1(f"{seed}-{n_folds}-{len(pairs.labels)}-{vectors.dim}-v4".encode()).hexdigest()[:10]
    path = CACHE / f"folds-{tag}.pkl"
    if path.exists():
        with open(path, "rb") as fh:
            return pickle.load(fh)
    y = pairs.labels
    xs = lexical_matrix(pairs, parsed)
    skf = StratifiedKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    out = []
    for tr, te in skf.split(np.zeros(len(y)), y):
        idf = idf_from(pairs, parsed, tr)
        lexical, lex_oof = lexical_crossfit(xs[tr], y[tr], seed=seed)
        train, test = subset(pairs, tr), subset(pairs, te)
        unrelated = unrelated_pairs(pairs, tr, seed=seed)
        out.append({
            "tr": tr, "te": te,
            "x_tr": features_for(train, parsed, idf, lex_oof),
            "x_te": features_for(test, parsed, idf, lexical_margin_of(lexical, xs[te])),
            "x_un": unrelated_features(pairs, parsed, tr, idf, lexical, seed),
            "e_tr": extra_matrix(train.left, train.right, parsed, idf, vectors),
            "e_te": extra_matrix(test.left, test.right, parsed, idf, vectors),
            "e_un": extra_matrix(unrelated.left, unrelated.right, parsed, idf, vectors),
        })
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        pickle.dump(out, fh)
    return out


# ---------------------------------------------------------------------- heads

def _linear(x: np.ndarray, y: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=c, max_iter=5000).fit((x - mean) / scale, y)
    return lambda z: lr.decision_function((z - mean) / scale)


def _trees(x: np.ndarray, y: np.ndarray, seed: int):
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(
        max_depth=3, max_iter=200, learning_rate=0.05, min_samples_leaf=40,
        l2_regularization=1.0, early_stopping=False, random_state=seed).fit(x, y)
    return model.decision_function


def fit_head(kind: str, x: np.ndarray, y: np.ndarray, x_un: np.ndarray, seed: int,
             c: float = 1.0, inner: int = 4):
    """A head on ``x`` (+ unrelated rows), Platt-calibrated on inner out-of-fold margins
    as the trainer does; returns (probability function, inner out-of-fold probabilities)."""
    from sklearn.model_selection import StratifiedKFold

    from factdesk.matching.calibration import fit_platt

    def fit(rows):
        xf = np.vstack([x[rows], x_un])
        yf = np.concatenate([y[rows], np.zeros(len(x_un), dtype=y.dtype)])
        if kind == "logreg":
            return _linear(xf, yf, c)
        trees = _trees(xf, yf, seed)
        if kind == "trees":
            return trees
        linear = _linear(xf, yf, c)
        return lambda z: 0.5 * linear(z) + 0.5 * trees(z)

    oof = np.zeros(len(y))
    skf = StratifiedKFold(n_splits=inner, shuffle=True, random_state=seed + 1)
    for tr, te in skf.split(x, y):
        oof[te] = fit(tr)(x[te])
    a, b = fit_platt(oof, y)
    final = fit(np.arange(len(y)))
    prob = 1.0 / (1.0 + np.exp(-(a * oof + b)))
    return (lambda z: 1.0 / (1.0 + np.exp(-(a * final(z) + b)))), prob


def accuracy_threshold(prob: np.ndarray, y: np.ndarray) -> float:
    """Threshold maximising accuracy alone, smoothed over +-0.02 (as best_threshold)."""
    grid = np.round(np.arange(0.20, 0.80, 0.005), 3)
    score = np.array([np.mean((prob >= t) == y) for t in grid])
    smooth = np.convolve(score, np.ones(9) / 9.0, mode="same")
    smooth[:4] = smooth[-4:] = -np.inf
    return float(grid[int(np.argmax(smooth))])


THRESHOLDS = {"acc+F1": None, "acc": accuracy_threshold, "0.5": lambda p, y: 0.5}


def evaluate(folds: list[dict], y: np.ndarray, extra_cols, kind: str, seed: int,
             c: float = 1.0) -> dict[str, tuple[float, float]]:
    """CV accuracy / F1 of one head and input set, for each threshold rule."""
    from factdesk.matching.calibration import best_threshold, metrics
    from factdesk.matching.pair_alignment import ALIGNMENT_NAMES
    from factdesk.matching.train_pair_model import ALL_NAMES, MODEL_COLUMNS

    # the head's inputs before the pair_alignment columns; ``extra_cols`` None: the
    # shipped inputs as they are now (with those columns, at the shipped word dimension)
    before = [c for c in MODEL_COLUMNS if ALL_NAMES[c] not in ALIGNMENT_NAMES]

    preds = {name: np.zeros(len(y), dtype=bool) for name in THRESHOLDS}
    for fold in folds:
        tr, te = fold["tr"], fold["te"]

        def inputs(x, e):
            if extra_cols is None:
                return x[:, MODEL_COLUMNS]
            return np.hstack([x[:, before], e[:, extra_cols]])

        prob_fn, inner = fit_head(kind, inputs(fold["x_tr"], fold["e_tr"]), y[tr],
                                  inputs(fold["x_un"], fold["e_un"]), seed, c)
        prob = prob_fn(inputs(fold["x_te"], fold["e_te"]))
        for name, rule in THRESHOLDS.items():
            t = best_threshold(inner, y[tr]) if rule is None else rule(inner, y[tr])
            preds[name][te] = prob >= t
    return {name: metrics(pred, y) for name, pred in preds.items()}


def cost_per_1000(pairs, parsed, idf) -> dict[str, float]:
    """Best-of-3 seconds per 1,000 pairs of each new feature group as this script
    computes them (per-sentence data built fresh) and of all the pair features as the
    shipped code computes them (with the compact set, :mod:`~factdesk.matching.pair_alignment`)."""
    import dataclasses

    from factdesk.matching.pair_features import pair_feature_values

    n = 1000
    texts = list(pairs.left[:n]) + list(pairs.right[:n])
    vectors = WordVectors()
    vectors.add(w for t in texts for w in parsed[t].lemmas)  # the word table, as warm
    out: dict[str, float] = {}
    groups = {
        "all pair features as now": lambda a, b: pair_feature_values(a, b, idf),
        "soft alignment": lambda a, b: soft_alignment(a, b, idf, vectors),
        "MT metrics": lambda a, b: mt_metrics(a, b),
    }
    for name, fn in groups.items():
        best = float("inf")
        for _ in range(3):
            fresh = {t: dataclasses.replace(parsed[t]) for t in texts}
            vectors.sentences.clear()
            _NGRAMS.clear()
            _CHARS.clear()
            t0 = time.perf_counter()
            for a, b in zip(pairs.left[:n], pairs.right[:n], strict=True):
                fn(fresh[a], fresh[b])
            best = min(best, time.perf_counter() - t0)
        out[name] = best * 1000 / n
    return out


#: The groups that carry the gain in the ablation: soft P / R / F and BLEU precisions.
COMPACT = ("soft_p_min", "soft_p_max", "soft_f", *(n for n in MT_NAMES if n.startswith("bleu")))
#: Groups of new inputs for the ablation rows.
GROUPS = {
    "soft P / R / F": ("soft_p_min", "soft_p_max", "soft_f"),
    "soft unaligned shares": tuple(n for n in SOFT_NAMES if "unaligned" in n),
    "soft aligned, not identical": ("soft_near_min", "soft_near_max"),
    "BLEU precisions + BLEU": tuple(n for n in MT_NAMES if n.startswith("bleu")),
    "brevity + TER": ("brevity", "ter_min", "ter_max"),
    "chrF": ("chrf1", "chrf2_min", "chrf2_max"),
}


def ablation_rows(names) -> list[tuple[str, list[int] | None, str, float]]:
    """Each group alone, and all new inputs less each group (logistic regression, C 1)."""
    every = [n for group in GROUPS.values() for n in group]
    rows = [(f"+ {label} only", [names.index(n) for n in group], "logreg", 1.0)
            for label, group in GROUPS.items()]
    rows += [(f"+ all new less {label}", [names.index(n) for n in every if n not in group],
              "logreg", 1.0) for label, group in GROUPS.items()]
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=list(SEEDS))
    ap.add_argument("--quick", action="store_true", help="logistic-regression rows only")
    ap.add_argument("--word-dim", type=int, default=256,
                    help="dimensions of the word vectors (a Matryoshka prefix of 256)")
    ap.add_argument("--ablation", action="store_true",
                    help="logistic regression with each group of new inputs alone / left out")
    args = ap.parse_args(argv)
    mrpc_path = eval_path("mrpc", "msr_paraphrase_train.txt")

    from factdesk.matching.train_pair_model import idf_from, load_mrpc, parse_sentences
    from factdesk.nlp.model import load_base_pipeline

    pairs = load_mrpc(mrpc_path)
    parsed = parse_sentences(list(pairs.left + pairs.right), load_base_pipeline())
    y = pairs.labels
    vectors = WordVectors(args.word_dim)
    names = SOFT_NAMES + MT_NAMES
    soft = [names.index(n) for n in SOFT_NAMES]
    mt = [names.index(n) for n in MT_NAMES]
    compact = [names.index(n) for n in COMPACT]
    rows: list[tuple[str, list[int] | None, str, float]] = [
        ("inputs before, logistic regression C 1", [], "logreg", 1.0),
        ("+ soft alignment", soft, "logreg", 1.0),
        ("+ MT metrics", mt, "logreg", 1.0),
        ("+ soft alignment + MT metrics", soft + mt, "logreg", 1.0),
        ("+ soft alignment + MT metrics, C 0.3", soft + mt, "logreg", 0.3),
        ("+ soft P / R / F + BLEU precisions (the compact set)", compact, "logreg", 1.0),
        ("shipped now (trainer's features, compact set)", None, "logreg", 1.0),
    ]
    if args.ablation:
        rows = [rows[0]] + ablation_rows(names)
    elif not args.quick:
        rows += [
            ("trees, inputs before", [], "trees", 1.0),
            ("trees + logistic regression 50/50, inputs before", [], "blend", 1.0),
            ("trees + logistic regression, + soft + MT", soft + mt, "blend", 1.0),
        ]
    results: dict[str, list[dict]] = {label: [] for label, *_ in rows}
    for seed in args.seeds:
        t0 = time.time()
        folds = fold_data(pairs, parsed, seed, vectors)
        print(f"seed {seed}: folds ready in {time.time() - t0:.0f}s", flush=True)
        for label, cols, kind, c in rows:
            results[label].append(evaluate(folds, y, cols, kind, seed, c))
            acc, f1 = results[label][-1]["acc+F1"]
            print(f"  {label:55s} {acc:.4f} / {f1:.4f}", flush=True)

    print(f"\nMRPC train 5-fold CV accuracy / F1, seeds {' '.join(map(str, args.seeds))}")
    for rule in THRESHOLDS:
        print(f"\nthreshold chosen inside each fold by: {rule}")
        print(f"  {'head and inputs':55s} " + " ".join(f"{s:>15d}" for s in args.seeds)
              + f" {'mean':>15s}")
        for label, *_ in rows:
            runs = [r[rule] for r in results[label]]
            mean = np.mean(runs, axis=0)
            print(f"  {label:55s} " + " ".join(f"{a:.4f} / {f:.4f}" for a, f in runs)
                  + f" {mean[0]:.4f} / {mean[1]:.4f}")

    idf = idf_from(pairs, parsed)
    print("\ncost per 1,000 pairs (best of 3, per-sentence data built fresh):")
    for name, seconds in cost_per_1000(pairs, parsed, idf).items():
        print(f"  {name:28s} {seconds * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
