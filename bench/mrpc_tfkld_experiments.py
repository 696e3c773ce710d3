"""TF-KLD latent factors (Ji and Eisenstein 2013) for the same-fact head, by MRPC train CV.

Ji, Y. and Eisenstein, J. (2013). Discriminative Improvements to Distributional Sentence
Similarity. EMNLP 2013. Each term (a word, optionally a word bigram) is weighted by the
KL divergence between the Bernoulli distributions of "the term is in sentence 1, given
it is in sentence 2" over paraphrase and over non-paraphrase training pairs (TF-KLD);
the weighted sentence x term matrix is factorised (truncated SVD or NMF) into latent
sentence vectors ``u``, ``v``; a pair is read from ``u + v`` and ``|u - v|``.

Here the pair's latent reading reaches the head (the trainer's logistic regression on
its shipped inputs) as a few stacked columns:

* ``tfkld_margin``: the margin of a small logistic regression on ``[u + v, |u - v|]``;
* ``tfkld_cos``: the cosine of ``u`` and ``v``;
* ``kld_cov``: the KLD weight of the terms both sentences hold over that of their union
  (the discriminative weighting without the factorisation);
* ``kld_raw_cos``: the cosine of the two TF-KLD vectors.

Everything label-dependent (the KLD weights, the factorisation of the weighted matrix,
the small logistic regression) is fitted inside each outer fold on its training pairs;
the new columns of the fold's *training* pairs are cross-fitted (inner 5 folds, each
refitting weights, factorisation and model), as the lexical margin is, so the head never
reads a column fitted on the pair's own label. Unlabeled sentences may join the
factorisation (``--unlabeled``): the fold's MRPC training sentences always do; STS news
train + dev and BASIL dev sentences on request. The outer folds, split seeds, head,
calibration and threshold rule are those of ``bench/mrpc_head_experiments.py`` (whose
cached folds are reused). Figures in docs/matching.md (section "MRPC: discriminative
latent factors (TF-KLD)"). Uses ``../shared/eval`` and exits 0 with a message without it.

    python bench/mrpc_tfkld_experiments.py [--seeds 20240611 1 2] [--dims 100]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench._shared import eval_path  # noqa: E402 - after the path set-up
from bench.mrpc_head_experiments import SEEDS, WordVectors, fit_head, fold_data  # noqa: E402

NEW_NAMES = ("tfkld_margin", "tfkld_cos", "kld_cov", "kld_raw_cos")


# ----------------------------------------------------------------------- terms

def sentence_terms(p, bigrams: bool) -> Counter:
    """Term counts of one parsed sentence: its lower-cased words (and word bigrams)."""
    words = p.derived.words
    terms = Counter(words)
    if bigrams:
        terms.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return terms


@dataclass
class Config:
    dims: int = 100
    bigrams: bool = False
    method: str = "svd"  # or "nmf"
    min_pairs: int = 2  # a term must occur in this many training pairs to get a weight
    #: pseudo-pairs of the prior (the corpus-wide rate of each class) in each term's
    #: Bernoulli estimate: the 0.05 add-constant leaves rare terms' weights all noise
    #: (AUC of the latent margin 0.64 against 0.73 at 150, bench seed, out of fold)
    prior: float = 150.0
    c: float = 0.1  # inverse L2 strength of the small logistic regression
    unlabeled: bool = False
    tf: str = "log"  # "raw" or "log" (1 + log tf) term frequency


def kld_weights(terms_a: list[Counter], terms_b: list[Counter], y: np.ndarray,
                cfg: Config) -> dict[str, float]:
    """KL divergence of each term's "in the other sentence too" Bernoulli between
    paraphrase and non-paraphrase pairs (both orders of each pair counted)."""
    both = {0: Counter(), 1: Counter()}
    one = {0: Counter(), 1: Counter()}
    seen: Counter = Counter()
    for ta, tb, label in zip(terms_a, terms_b, y, strict=True):
        sa, sb = set(ta), set(tb)
        shared = sa & sb
        both[int(label)].update(shared)
        one[int(label)].update(sa ^ sb)
        seen.update(sa | sb)
    # given the term is in sentence 2: in sentence 1 too (2 orders of a shared pair) or
    # not (1 order of a pair holding it on one side); shrunk to the class's overall rate
    rate = {k: 2 * sum(both[k].values()) / max(2 * sum(both[k].values())
                                               + sum(one[k].values()), 1) for k in (0, 1)}
    a = cfg.prior
    out: dict[str, float] = {}
    for term, n in seen.items():
        if n < cfg.min_pairs:
            continue
        p = (2 * both[1][term] + a * rate[1]) / (2 * both[1][term] + one[1][term] + a)
        q = (2 * both[0][term] + a * rate[0]) / (2 * both[0][term] + one[0][term] + a)
        p, q = min(max(p, 1e-6), 1 - 1e-6), min(max(q, 1e-6), 1 - 1e-6)
        out[term] = float(p * np.log(p / q) + (1 - p) * np.log((1 - p) / (1 - q)))
    return out


class TfKld:
    """KLD weights, the factorisation and the small pair model of one training set."""

    def __init__(self, cfg: Config, seed: int) -> None:
        self.cfg = cfg
        self.seed = seed

    def matrix(self, term_rows: list[Counter]):
        from scipy import sparse

        rows, cols, vals = [], [], []
        for i, terms in enumerate(term_rows):
            for term, tf in terms.items():
                j = self.index.get(term)
                if j is not None:
                    rows.append(i)
                    cols.append(j)
                    vals.append((1.0 + np.log(tf) if self.cfg.tf == "log" else tf)
                                * self.weight[j])
        return sparse.csr_matrix((vals, (rows, cols)), shape=(len(term_rows), len(self.index)))

    def fit(self, terms_a, terms_b, y, unlabeled: list[Counter]) -> TfKld:
        from sklearn.decomposition import NMF, TruncatedSVD
        from sklearn.linear_model import LogisticRegression

        weights = kld_weights(terms_a, terms_b, y, self.cfg)
        self.index = {t: j for j, t in enumerate(sorted(weights))}
        self.weight = np.array([weights[t] for t in sorted(weights)])
        docs = self.matrix(list(terms_a) + list(terms_b) + list(unlabeled))
        if self.cfg.method == "nmf":
            self.factor = NMF(self.cfg.dims, init="nndsvd", max_iter=200,
                              random_state=self.seed).fit(docs)
        else:
            self.factor = TruncatedSVD(self.cfg.dims, random_state=self.seed).fit(docs)
        x = self.pair_inputs(terms_a, terms_b)
        self.mean, self.scale = x.mean(axis=0), x.std(axis=0) + 1e-9
        self.lr = LogisticRegression(C=self.cfg.c, max_iter=3000).fit(
            (x - self.mean) / self.scale, y)
        return self

    def latent(self, term_rows):
        return self.factor.transform(self.matrix(term_rows))

    def pair_inputs(self, terms_a, terms_b) -> np.ndarray:
        u, v = self.latent(terms_a), self.latent(terms_b)
        return np.hstack([u + v, np.abs(u - v)])

    def columns(self, terms_a, terms_b) -> np.ndarray:
        """:data:`NEW_NAMES` of each pair."""
        ma, mb = self.matrix(terms_a), self.matrix(terms_b)
        u, v = self.factor.transform(ma), self.factor.transform(mb)
        x = np.hstack([u + v, np.abs(u - v)])
        margin = self.lr.decision_function((x - self.mean) / self.scale)
        cos = _row_cos(u, v)
        norms = np.sqrt(np.asarray(ma.multiply(ma).sum(axis=1)).ravel()
                        * np.asarray(mb.multiply(mb).sum(axis=1)).ravel())
        dots = np.asarray(ma.multiply(mb).sum(axis=1)).ravel()
        raw_cos = np.where(norms > 0, dots / np.maximum(norms, 1e-12), 0.0)
        cov = []
        for ta, tb in zip(terms_a, terms_b, strict=True):
            wa = {t: self.weight[self.index[t]] for t in ta if t in self.index}
            wb = {t: self.weight[self.index[t]] for t in tb if t in self.index}
            union = sum(wa.values()) + sum(w for t, w in wb.items() if t not in wa)
            shared = sum(w for t, w in wa.items() if t in wb)
            cov.append(shared / union if union > 0 else 1.0)
        return np.column_stack([margin, cos, np.array(cov), raw_cos])


def _row_cos(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    num = np.einsum("ij,ij->i", u, v)
    den = np.linalg.norm(u, axis=1) * np.linalg.norm(v, axis=1)
    return np.where(den > 0, num / np.maximum(den, 1e-12), 0.0)


def crossfit_columns(terms_a, terms_b, y, unlabeled, cfg: Config, seed: int,
                     folds: int = 5) -> tuple[TfKld, np.ndarray]:
    """The model on all rows, and out-of-fold columns of the same rows."""
    from sklearn.model_selection import StratifiedKFold

    oof = np.zeros((len(y), len(NEW_NAMES)))
    skf = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed + 5)
    for tr, te in skf.split(np.zeros(len(y)), y):
        model = TfKld(cfg, seed).fit([terms_a[i] for i in tr], [terms_b[i] for i in tr],
                                     y[tr], unlabeled)
        oof[te] = model.columns([terms_a[i] for i in te], [terms_b[i] for i in te])
    return TfKld(cfg, seed).fit(terms_a, terms_b, y, unlabeled), oof


# ------------------------------------------------------------------ evaluation

def new_columns(pairs, parsed, folds, seed: int, cfg: Config, unlabeled_terms) -> list[dict]:
    """Per outer fold: the new columns of its training (cross-fitted), test and
    unrelated pairs."""
    from factdesk.matching.train_pair_model import unrelated_pairs

    y = pairs.labels
    terms = {t: sentence_terms(parsed[t], cfg.bigrams) for t in parsed}
    out = []
    for fold in folds:
        tr, te = fold["tr"], fold["te"]
        ta = [terms[pairs.left[i]] for i in tr]
        tb = [terms[pairs.right[i]] for i in tr]
        unlabeled = list(unlabeled_terms) if cfg.unlabeled else []
        model, oof = crossfit_columns(ta, tb, y[tr], unlabeled, cfg, seed)
        un = unrelated_pairs(pairs, tr, seed=seed)
        out.append({
            "n_tr": oof,
            "n_te": model.columns([terms[pairs.left[i]] for i in te],
                                  [terms[pairs.right[i]] for i in te]),
            "n_un": model.columns([terms[a] for a in un.left], [terms[b] for b in un.right]),
        })
    return out


def evaluate(folds, extra, y, cols: list[int], seed: int) -> tuple[float, float]:
    """CV accuracy / F1 of the head on the shipped inputs plus new columns ``cols``
    (threshold by the shipped accuracy + F1 rule)."""
    from factdesk.matching.calibration import best_threshold, metrics
    from factdesk.matching.train_pair_model import MODEL_COLUMNS

    pred = np.zeros(len(y), dtype=bool)
    for fold, new in zip(folds, extra, strict=True):
        tr, te = fold["tr"], fold["te"]

        def inputs(x, n):
            return np.hstack([x[:, MODEL_COLUMNS], n[:, cols]])

        prob_fn, inner = fit_head("logreg", inputs(fold["x_tr"], new["n_tr"]), y[tr],
                                  inputs(fold["x_un"], new["n_un"]), seed)
        prob = prob_fn(inputs(fold["x_te"], new["n_te"]))
        pred[te] = prob >= best_threshold(inner, y[tr])
    return metrics(pred, y)


def unlabeled_sentences() -> list[str]:
    """STS news train + dev and BASIL dev sentences (no labels read)."""
    from factdesk.matching.train_event_model import basil_sentences
    from factdesk.matching.train_pair_model import load_sts

    texts: list[str] = []
    sts_path = eval_path("sts-news", "sts-news-train-dev.tsv")
    for split in ("train", "dev"):
        sts = load_sts(sts_path, split)
        texts += list(sts.left + sts.right)
    texts += [s for _, _, s in basil_sentences(eval_path("basil", "articles-dev.jsonl"))]
    return sorted(set(texts))


# ------------------------------------------- the lexical model reading shared keys

#: Buckets of the shared keys in the variant lexical model (beside the 2^18 of the
#: keys in one sentence only).
SHARED_BUCKETS = 1 << 16


def lexical_matrix_with_shared(left, right, parsed, shared_buckets: int):
    """The trainer's sparse difference matrix, plus (with ``shared_buckets``) the keys
    both sentences hold in a bucket space of their own: the discriminative weighting of
    shared terms that TF-KLD gives, learned by the sparse model itself."""
    from scipy import sparse

    from factdesk.matching.pair_features import LEXICAL_BUCKETS

    indices: list[int] = []
    indptr = [0]
    for a, b in zip(left, right, strict=True):
        ids_a, ids_b = parsed[a].lexical_ids, parsed[b].lexical_ids
        indices.extend(sorted(ids_a ^ ids_b))
        if shared_buckets:
            indices.extend(sorted({LEXICAL_BUCKETS + i % shared_buckets
                                   for i in ids_a & ids_b}))
        indptr.append(len(indices))
    return sparse.csr_matrix((np.ones(len(indices)), indices, indptr),
                             shape=(len(indptr) - 1, LEXICAL_BUCKETS + shared_buckets))


def lexical_variant_folds(pairs, parsed, folds, seed: int, shared_buckets: int,
                          average: bool, c: float) -> list[dict]:
    """The folds with the lexical-margin column replaced by a variant's: cross-fitted
    for the fold's training pairs as the trainer does; for its test and unrelated pairs
    the model refitted on all its training pairs, or (``average``) the mean of the five
    cross-fitting models' weights (one linear model: no cost at run time)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    from factdesk.matching.train_pair_model import unrelated_pairs

    y = pairs.labels
    xs = lexical_matrix_with_shared(pairs.left, pairs.right, parsed, shared_buckets)
    out = []
    for fold in folds:
        tr, te = fold["tr"], fold["te"]
        unrelated = unrelated_pairs(pairs, tr, seed=seed)
        xu = lexical_matrix_with_shared(unrelated.left, unrelated.right, parsed, shared_buckets)
        oof = np.zeros(len(tr))
        fitted = []
        skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed + 2)
        for a, b in skf.split(np.zeros(len(tr)), y[tr]):
            lr = LogisticRegression(C=c, max_iter=5000).fit(xs[tr[a]], y[tr[a]])
            oof[b] = lr.decision_function(xs[tr[b]])
            fitted.append((lr.coef_[0], lr.intercept_[0]))
        if average:
            w = np.mean([coef for coef, _ in fitted], axis=0)
            b0 = float(np.mean([bias for _, bias in fitted]))
        else:
            lr = LogisticRegression(C=c, max_iter=5000).fit(xs[tr], y[tr])
            w, b0 = lr.coef_[0], float(lr.intercept_[0])
        w = w.astype(np.float16).astype(np.float64)  # as the trainer ships them
        changed = dict(fold)
        for key, margin in (("x_tr", oof), ("x_te", xs[te] @ w + b0), ("x_un", xu @ w + b0)):
            changed[key] = fold[key].copy()
            changed[key][:, -1] = margin
        out.append(changed)
    return out


LEXICAL_VARIANTS = {
    "lexical: + shared keys (2^18 buckets)": (1 << 18, False),
    "lexical: + shared keys (2^16 buckets)": (SHARED_BUCKETS, False),
    "lexical: test margins of the averaged cross-fit models": (0, True),
    "lexical: + shared keys (2^16), averaged": (SHARED_BUCKETS, True),
}


# ------------------------------------------------------------------------ cost

def cost_and_size(pairs, parsed, cfg: Config, seed: int) -> tuple[float, int, int]:
    """Seconds per 1,000 fresh pairs of the four columns (terms counted, matrices built,
    projected; best of 3), and the bytes the KLD weights (float16, one per term) and the
    factorisation (float16, terms x dimensions) would ship as (uncompressed)."""
    import dataclasses

    texts = sorted(parsed)
    model = TfKld(cfg, seed).fit(
        [sentence_terms(parsed[a], cfg.bigrams) for a in pairs.left],
        [sentence_terms(parsed[b], cfg.bigrams) for b in pairs.right], pairs.labels, [])
    n = 1000
    best = float("inf")
    for _ in range(3):
        fresh = {t: dataclasses.replace(parsed[t]) for t in texts}
        for p in fresh.values():  # the words: built for the shipped features already
            _ = p.derived
        t0 = time.perf_counter()
        model.columns([sentence_terms(fresh[a], cfg.bigrams) for a in pairs.left[:n]],
                      [sentence_terms(fresh[b], cfg.bigrams) for b in pairs.right[:n]])
        best = min(best, time.perf_counter() - t0)
    terms = len(model.index)
    return best * 1000 / n, 2 * terms, 2 * terms * cfg.dims


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=list(SEEDS))
    ap.add_argument("--configs", nargs="*", default=["base", "bigrams"],
                    help=f"TF-KLD configurations, of {' '.join(CONFIGS)}")
    ap.add_argument("--lexical", action="store_true",
                    help="also the lexical-model variants (shared keys, averaged models)")
    args = ap.parse_args(argv)
    mrpc_path = eval_path("mrpc", "msr_paraphrase_train.txt")

    from factdesk.matching.train_pair_model import LEXICAL_C, load_mrpc, parse_sentences
    from factdesk.nlp.model import load_base_pipeline

    pairs = load_mrpc(mrpc_path)
    nlp = load_base_pipeline()
    parsed = parse_sentences(list(pairs.left + pairs.right), nlp)
    configs = {name: CONFIGS[name] for name in args.configs}
    unlabeled_terms: dict[bool, list[Counter]] = {}
    if any(c.unlabeled for c in configs.values()):
        extra = parse_sentences(unlabeled_sentences(), nlp)
        for bigrams in (False, True):
            unlabeled_terms[bigrams] = [sentence_terms(p, bigrams) for p in extra.values()]
    y = pairs.labels
    vectors = WordVectors()
    rows: dict[str, list[tuple[float, float]]] = {"shipped now": []}

    def record(key: str, seed: int, result: tuple[float, float], t0: float) -> None:
        rows.setdefault(key, []).append(result)
        print(f"  seed {seed} {key:55s} {result[0]:.4f} / {result[1]:.4f} "
              f"({time.time() - t0:.0f}s)", flush=True)

    for seed in args.seeds:
        folds = fold_data(pairs, parsed, seed, vectors)
        none = [{key: np.zeros((len(f[x]), len(NEW_NAMES))) for key, x in
                 (("n_tr", "x_tr"), ("n_te", "x_te"), ("n_un", "x_un"))} for f in folds]
        t0 = time.time()
        record("shipped now", seed, evaluate(folds, none, y, [], seed), t0)
        for name, cfg in configs.items():
            t0 = time.time()
            extra = new_columns(pairs, parsed, folds, seed, cfg,
                                unlabeled_terms.get(cfg.bigrams, []))
            for label, cols in COLUMN_SETS.items():
                record(f"{name}: {label}", seed, evaluate(folds, extra, y, cols, seed), t0)
        if args.lexical:
            for label, (buckets, average) in LEXICAL_VARIANTS.items():
                t0 = time.time()
                changed = lexical_variant_folds(pairs, parsed, folds, seed, buckets, average,
                                                LEXICAL_C)
                record(label, seed, evaluate(changed, none, y, [], seed), t0)

    print(f"\nMRPC train 5-fold CV accuracy / F1 (threshold by accuracy + F1), "
          f"seeds {' '.join(map(str, args.seeds))}")
    for key, runs in rows.items():
        mean = np.mean(runs, axis=0)
        print(f"  {key:55s} " + " ".join(f"{a:.4f} / {f:.4f}" for a, f in runs)
              + f"  mean {mean[0]:.4f} / {mean[1]:.4f}")
    if configs:
        print("\ncost of the four columns per 1,000 fresh pairs (best of 3), and what the "
              "weights would ship as (float16, uncompressed):")
        for name, cfg in configs.items():
            seconds, kld_bytes, factor_bytes = cost_and_size(pairs, parsed, cfg, args.seeds[0])
            print(f"  {name:12s} {seconds * 1000:7.1f} ms; KLD weights {kld_bytes:,} B, "
                  f"factorisation {factor_bytes:,} B")
    return 0


#: The new columns given to the head, by row label.
COLUMN_SETS = {
    "all four": [0, 1, 2, 3],
    "latent margin": [0],
    "latent margin + latent cos": [0, 1],
    "kld_cov + raw TF-KLD cos + latent cos": [1, 2, 3],
}


CONFIGS = {
    "base": Config(),
    "k50": Config(dims=50),
    "k200": Config(dims=200),
    "bigrams": Config(bigrams=True),
    "unlabeled": Config(unlabeled=True),
    "nmf": Config(method="nmf"),
    "c1": Config(c=1.0),
    "rawtf": Config(tf="raw"),
    "prior40": Config(prior=40.0),
    "unlabeled-bigrams": Config(unlabeled=True, bigrams=True),
}


if __name__ == "__main__":
    sys.exit(main())
