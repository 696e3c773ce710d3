"""Candidate inputs for the same-event head, measured by ECB+ leave-one-topic-out AUC.

Prints the shipped head's leave-one-topic-out (LOTO) AUC over the 23 ECB+ train + dev
topics (ECB+ pairs only, the shipped IDF, L2 logistic regression at the shipped C) and
the same with each group of candidate inputs added, with each input's AUC alone:

* the main event from the dependency parse: the root verb (below a reporting verb, its
  complement; a light verb's object), its wordllama cosine, soft verb / noun alignment;
* the root's arguments (subject, object, prepositional objects), shared or clashing;
* named entities by type (person, place, organisation, time, number, group), shared or
  clashing (both name one, none in common);
* rarity-weighted shared proper nouns (parse) and names (capitalised words and entity
  words, what stored claims carry), IDF from the shipped table (MRPC + STS, not ECB+);
* IDF-weighted soft alignment of content words by their static vectors;
* low-rank sentence-vector interactions (u*v, |u-v| on a PCA basis of MRPC and STS
  sentences, not ECB+);
* per-feature non-linearity (splines, quantiles) of the shipped inputs, and the shipped
  inputs with each weight held to its expected sign (overlap for, differences against);
* the sentence cosine less each sentence's neighbourhood level (CSLS), which reads the
  topic's other sentences and so is ruled out for the benchmark (sized, not a candidate);
* then calibrators for a topic never seen in training (nested LOTO, ECB+ and BASIL weak
  pairs as shipped): Platt on all groups' margins (shipped) or on ECB+'s only.

Scratch measurement for docs/matching.md; none of these inputs is shipped. Uses
``../shared/eval`` and exits 0 with a message without it.

    python bench/event_head_experiments.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"
ECBPLUS = EVAL_DIR / "ecbplus" / "pairs-train-dev.tsv"
DEV_TOPICS = ("ecb23", "ecb24", "ecb25")
REPORTING = frozenset("say tell report announce confirm claim accord add state note write "
                      "believe think".split())
LIGHT = frozenset("be have take make do get give".split())
ENTITY_TYPES = {"PERSON": "per", "GPE": "loc", "LOC": "loc", "FAC": "loc", "ORG": "org",
                "NORP": "norp", "DATE": "time", "TIME": "time", "CARDINAL": "num",
                "QUANTITY": "num", "MONEY": "num", "PERCENT": "num"}


def main_event(doc) -> dict:
    """The sentence's main predicate, its arguments, and its typed entities."""
    from factdesk.nlp.name_folding import canonical_key

    def key(tok) -> str:
        for ent in doc.ents:
            if ent.start <= tok.i < ent.end:
                return canonical_key(ent.text) or tok.lemma_.lower()
        return tok.lemma_.lower()

    root = next((t for t in doc if t.dep_ == "ROOT"), doc[0])
    for _ in range(2):
        comp = [c for c in root.children if c.dep_ in ("ccomp", "xcomp", "advcl")]
        if root.lemma_.lower() not in REPORTING or not comp:
            break
        root = comp[0]
    args: dict[str, list[str]] = {}
    for c in root.children:
        slot = {"nsubj": "subj", "nsubjpass": "subj", "agent": "subj", "dobj": "obj",
                "attr": "obj", "oprd": "obj"}.get(c.dep_)
        if slot:
            args.setdefault(slot, []).append(key(c))
        elif c.dep_ == "prep":
            args.setdefault("pobj", []).extend(key(p) for p in c.children if p.dep_ == "pobj")
    pred = root.lemma_.lower()
    if pred in LIGHT and args.get("obj"):
        pred = args["obj"][0]
    ents: dict[str, set[str]] = {}
    for ent in doc.ents:
        if ent.label_ in ENTITY_TYPES:
            ents.setdefault(ENTITY_TYPES[ent.label_], set()).add(
                canonical_key(ent.text) or ent.text.lower())
    return {"pred": pred, "args": args, "ents": ents,
            "nouns": {t.lemma_.lower() for t in doc if t.pos_ == "NOUN"},
            "verbs": {t.lemma_.lower() for t in doc if t.pos_ == "VERB"
                      and t.lemma_.lower() not in REPORTING},
            "propn": {t.lemma_.lower() for t in doc if t.pos_ == "PROPN"},
            "content": [t.lemma_.lower() for t in doc if t.is_alpha and not t.is_stop
                        and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM")]}


def _same(p: str, q: str) -> bool:
    return p == q or (len(p) > 3 and len(q) > 3 and (p in q or q in p))


def candidate_features(fa: dict, fb: dict, pa, pb, idf, unit) -> dict[str, float]:
    """Every candidate input of one pair (``unit``: word -> unit static vector)."""
    def cos(x: str, y: str) -> float:
        return float(unit[x] @ unit[y])

    def soft(xs, ys) -> float:
        if not xs or not ys:
            return 0.0
        return float(np.mean([max(cos(x, y) for y in ys) for x in xs]))

    out = {"pred_same": float(fa["pred"] == fb["pred"]), "pred_cos": cos(fa["pred"], fb["pred"]),
           "verb_soft": (soft(fa["verbs"], fb["verbs"]) + soft(fb["verbs"], fa["verbs"])) / 2,
           "noun_soft": (soft(fa["nouns"], fb["nouns"]) + soft(fb["nouns"], fa["nouns"])) / 2}
    for slot in ("subj", "obj", "pobj"):
        xa, xb = fa["args"].get(slot, []), fb["args"].get(slot, [])
        shared = any(_same(p, q) for p in xa for q in xb)
        out[f"{slot}_shared"], out[f"{slot}_clash"] = float(shared), float(
            bool(xa and xb) and not shared)
    for kind in ("per", "loc", "org", "time", "num", "norp"):
        ea, eb = fa["ents"].get(kind, set()), fb["ents"].get(kind, set())
        shared = any(_same(p, q) for p in ea for q in eb)
        out[f"{kind}_shared"], out[f"{kind}_clash"] = float(shared), float(
            bool(ea and eb) and not shared)

    def weigh(words) -> float:
        return sum(max(idf(w), 0.0) for w in words)

    for name, (a, b) in {"propn": (fa["propn"], fb["propn"]),
                         "names": (_names(pa), _names(pb))}.items():
        both = a & b
        total = weigh(a | b)
        out[f"{name}_shared_idf"] = weigh(both)
        out[f"{name}_shared_frac"] = weigh(both) / total if total else 0.0
    ca, cb = fa["content"], fb["content"]
    if ca and cb:
        sim = np.array([[cos(x, y) for y in cb] for x in ca])
        wa = np.array([max(idf(w), 0.0) for w in ca]) + 1e-9
        wb = np.array([max(idf(w), 0.0) for w in cb]) + 1e-9
        out["soft_align"] = float(((sim.max(1) * wa).sum() / wa.sum()
                                   + (sim.max(0) * wb).sum() / wb.sum()) / 2)
    else:
        out["soft_align"] = 0.0
    return out


def _names(p) -> set[str]:
    words = set(p.derived.caps)
    for ent in p.entities:
        words.update(w for w in ent.split() if w.isalpha() and len(w) > 1)
    return words


GROUPS = {
    "main event (root verb, soft verbs / nouns)": ("pred_same", "pred_cos", "verb_soft",
                                                  "noun_soft"),
    "arguments (subject, object, pobj) shared / clash": (
        "subj_shared", "subj_clash", "obj_shared", "obj_clash", "pobj_shared", "pobj_clash"),
    "typed entities shared": tuple(f"{k}_shared" for k in ("per", "loc", "org", "time",
                                                           "num", "norp")),
    "typed entities clash": tuple(f"{k}_clash" for k in ("per", "loc", "org", "time",
                                                         "num", "norp")),
    "rare proper nouns shared (parse)": ("propn_shared_idf", "propn_shared_frac"),
    "rare names shared (stored claim data)": ("names_shared_idf", "names_shared_frac"),
    "soft alignment of content words": ("soft_align",),
    "main event + rare proper nouns": ("pred_same", "pred_cos", "verb_soft", "noun_soft",
                                       "propn_shared_idf", "propn_shared_frac"),
}


def main() -> int:
    if not ECBPLUS.exists():
        print(f"ECB+ pairs not found at {ECBPLUS}; skipping.")
        return 0
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import QuantileTransformer, SplineTransformer, StandardScaler

    from factdesk.matching.pair_features import FEATURE_NAMES
    from factdesk.matching.pair_model import PairScorer
    from factdesk.matching.train_event_model import EVENT_C, EVENT_COLUMNS, auc, event_features
    from factdesk.matching.train_pair_model import (
        MRPC_TRAIN,
        STS_NEWS,
        load_ecbplus,
        load_mrpc,
        load_sts,
        parse_sentences,
    )
    from factdesk.nlp.embeddings import embed_sentences
    from factdesk.nlp.model import load_base_pipeline

    nlp = load_base_pipeline()
    idf = PairScorer.load().default_idf
    pairs = load_ecbplus(ECBPLUS, "train") + load_ecbplus(ECBPLUS, "dev")
    texts = sorted(set(pairs.left + pairs.right))
    parsed = parse_sentences(texts, nlp)
    frames = {t: main_event(doc) for t, doc in zip(texts, nlp.pipe(texts), strict=True)}
    vocab = sorted({w for f in frames.values()
                    for w in [f["pred"], *f["nouns"], *f["verbs"], *f["content"]]})
    vectors = embed_sentences(vocab, 128).astype(np.float64)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    unit = dict(zip(vocab, vectors, strict=True))
    x = event_features(pairs, parsed, idf)[:, EVENT_COLUMNS]
    rows = [candidate_features(frames[a], frames[b], parsed[a], parsed[b], idf, unit)
            for a, b in zip(pairs.left, pairs.right, strict=True)]
    names = list(rows[0])
    extra = np.array([[r[n] for n in names] for r in rows])
    y, groups = pairs.labels, pairs.groups
    dev = np.isin(groups, DEV_TOPICS)

    def loto(xm: np.ndarray, make=None) -> np.ndarray:
        margin = np.zeros(len(y))
        for topic in np.unique(groups):
            held = groups == topic
            model = (make or (lambda: make_pipeline(
                StandardScaler(), LogisticRegression(C=EVENT_C, max_iter=5000))))()
            model.fit(xm[~held], y[~held])
            margin[held] = model.decision_function(xm[held])
        return margin

    def line(label: str, margin: np.ndarray) -> None:
        print(f"  {label:52s} LOTO-23 {auc(margin, y):.3f}  train topics "
              f"{auc(margin[~dev], y[~dev]):.3f}  dev topics {auc(margin[dev], y[dev]):.3f}",
              flush=True)

    print(f"ECB+ train + dev: {len(y)} pairs, {len(np.unique(groups))} topics")
    print("\neach candidate input alone (AUC, all / dev topics):")
    for i, name in enumerate(names):
        print(f"  {name:20s} {auc(extra[:, i], y):.3f} / {auc(extra[dev, i], y[dev]):.3f}")
    print(f"\nsame-event head (L2 logistic regression, C {EVENT_C:g}) with:")
    line("shipped inputs", loto(x))
    for label, group in GROUPS.items():
        cols = [names.index(n) for n in group]
        line("+ " + label, loto(np.hstack([x, extra[:, cols]])))
    line("+ all candidate inputs", loto(np.hstack([x, extra])))

    # sentence-vector interactions on a basis learnt from other corpora's sentences
    others = list(load_mrpc(MRPC_TRAIN).left) + list(load_sts(STS_NEWS, "train").left)
    basis_vectors = np.array([v.vector for v in parse_sentences(others, nlp).values()])
    mean = basis_vectors.mean(axis=0)
    basis = np.linalg.svd(basis_vectors - mean, full_matrices=False)[2]
    va = np.array([parsed[t].vector for t in pairs.left]) - mean
    vb = np.array([parsed[t].vector for t in pairs.right]) - mean
    for k in (4, 8, 16):
        pa, pb = va @ basis[:k].T, vb @ basis[:k].T
        line(f"+ u*v on a {k}-d PCA basis", loto(np.hstack([x, pa * pb])))
        line(f"+ u*v and |u-v| on a {k}-d PCA basis",
             loto(np.hstack([x, pa * pb, np.abs(pa - pb)])))
    for c in (0.003, 0.01):
        line(f"splines (3 knots) of the shipped inputs, C {c:g}", loto(x, lambda c=c: make_pipeline(
            SplineTransformer(n_knots=3, degree=2, knots="quantile"), StandardScaler(),
            LogisticRegression(C=c, max_iter=5000))))
    line("quantile-transformed shipped inputs", loto(x, lambda: make_pipeline(
        QuantileTransformer(n_quantiles=200), StandardScaler(),
        LogisticRegression(C=EVENT_C, max_iter=5000))))
    signs = np.array([_expected_sign(FEATURE_NAMES[c]) for c in EVENT_COLUMNS])
    line("shipped inputs, weights held to their expected sign",
         loto(x, lambda: SignedLogistic(signs, EVENT_C)))
    for k in (1, 3, 10):
        scaled = local_scaled_cosines(pairs, parsed, k)
        line(f"+ cosine less its {k}-neighbour levels (CSLS; reads the topic's pool)",
             loto(np.hstack([x, scaled[:, None]])))
    calibrators(nlp, idf)
    return 0


#: Name parts of the inputs where more means the same event (weight >= 0) or another
#: one (weight <= 0); the lengths and counts are left free.
_SAME_WAY = ("ratio", "cov_", "jaccard", "gram", "lcs_", "soft_lem", "lev_",
             "vector_cosine", "num_equal_sets", "who_shared", "where_shared")
_OTHER_WAY = ("unmatched", "mismatch", "clash", "low_overlap")


def _expected_sign(name: str) -> int:
    if any(part in name for part in _OTHER_WAY):
        return -1
    return 1 if any(part in name for part in _SAME_WAY) else 0


class SignedLogistic:
    """L2 logistic regression (sklearn's scaling of C) whose weights keep given signs:
    with them, more overlap can never mean another event, so a head cannot learn that
    ECB+ drew its look-alikes to overlap as much as its true pairs."""

    def __init__(self, signs: np.ndarray, c: float) -> None:
        self.signs, self.c = signs, c

    def fit(self, x: np.ndarray, y: np.ndarray) -> SignedLogistic:
        from scipy.optimize import minimize

        self.mean, self.scale = x.mean(axis=0), x.std(axis=0)
        self.scale[self.scale == 0] = 1.0
        x = (x - self.mean) / self.scale
        d = x.shape[1]

        def loss(p: np.ndarray) -> tuple[float, np.ndarray]:
            z = x @ p[:d] + p[d]
            grad = 1.0 / (1.0 + np.exp(-z)) - y
            value = 0.5 * p[:d] @ p[:d] + self.c * np.logaddexp(0, -z * (2 * y - 1)).sum()
            return value, np.concatenate([p[:d] + self.c * (x.T @ grad), [self.c * grad.sum()]])

        bounds = [(0, None) if s > 0 else (None, 0) if s < 0 else (None, None)
                  for s in self.signs] + [(None, None)]
        self.params = minimize(loss, np.zeros(d + 1), jac=True, method="L-BFGS-B",
                               bounds=bounds).x
        return self

    def decision_function(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.mean) / self.scale) @ self.params[:-1] + self.params[-1]


def local_scaled_cosines(pairs, parsed, k: int) -> np.ndarray:
    """CSLS (Conneau et al. 2018) of each pair's sentence vectors: ``2 cos(a, b) - r(a) -
    r(b)``, ``r(s)`` the mean cosine of ``s`` to its ``k`` nearest sentences of other
    documents of its topic in the pairs file. It reads sentences beyond the pair, which
    the ECB+ README rules out for the benchmark ("a model must see only the two
    sentences"): measured to size the signal a claim's neighbours could give the panel,
    not a candidate for the head. Document names serve only to leave out the same
    document's sentences."""
    docs: dict[str, set[str]] = {}
    topic: dict[str, str] = {}
    with open(ECBPLUS, encoding="utf-8") as fh:
        next(fh)
        for row in fh:
            part = row.rstrip("\n").split("\t")
            if part[0] in ("train", "dev"):
                for doc, text in ((part[2], part[5]), (part[3], part[6])):
                    docs.setdefault(text, set()).add(doc)
                    topic[text] = part[1]
    pool: dict[str, list[str]] = {}
    for text, t in topic.items():
        pool.setdefault(t, []).append(text)
    vec = {t: np.asarray(parsed[t].vector, dtype=np.float64) for t in topic}
    level = {}
    for text in topic:
        near = sorted((float(vec[text] @ vec[o]) for o in pool[topic[text]]
                       if not docs[o] & docs[text]), reverse=True)[:k]
        level[text] = float(np.mean(near)) if near else 0.0
    return np.array([2 * float(vec[a] @ vec[b]) - level[a] - level[b]
                     for a, b in zip(pairs.left, pairs.right, strict=True)])


def calibrators(nlp, idf) -> None:
    """Nested LOTO over the 23 topics with the shipped training rows (ECB+ topics and
    BASIL weak pairs): the held-out topic's head and calibrator never see it."""
    from factdesk.matching.calibration import best_threshold, fit_platt
    from factdesk.matching.calibration import expected_calibration_error as ece
    from factdesk.matching.train_event_model import (
        EVENT_COLUMNS,
        EventPairs,
        _fit,
        basil_weak_pairs,
        event_features,
        load_ecbplus,
        out_of_group_margins,
    )
    from factdesk.matching.train_pair_model import BASIL_DEV, parse_sentences

    if not BASIL_DEV.exists():
        print("BASIL dev not found; skipping the calibrators.")
        return
    pairs = (load_ecbplus(ECBPLUS, "train") + basil_weak_pairs(BASIL_DEV)
             + load_ecbplus(ECBPLUS, "dev"))
    x = event_features(pairs, parse_sentences(list(pairs.left + pairs.right), nlp), idf)
    y, groups = pairs.labels, pairs.groups.astype(str)
    ecb = np.char.startswith(groups, "ecb")
    dev = np.isin(groups, DEV_TOPICS)

    def without(held: np.ndarray) -> EventPairs:
        keep = ~held
        return EventPairs(tuple(np.asarray(pairs.left)[keep]),
                          tuple(np.asarray(pairs.right)[keep]), y[keep], pairs.groups[keep],
                          pairs.weights[keep])

    prob = {"all groups (shipped)": np.zeros(len(y)), "ECB+ topics only": np.zeros(len(y))}
    right = {k: np.zeros(len(y), dtype=bool) for k in prob}
    for topic in np.unique(groups[ecb]):
        held = groups == topic
        rest = without(held)
        inner = out_of_group_margins(x[~held], rest)
        margin = _fit(x[~held], rest.labels, rest.weights).margin(x[held][:, EVENT_COLUMNS])
        rest_ecb = np.char.startswith(rest.groups.astype(str), "ecb")
        for label, rows in (("all groups (shipped)", np.ones(len(rest.labels), dtype=bool)),
                            ("ECB+ topics only", rest_ecb)):
            a, b = fit_platt(inner[rows], rest.labels[rows])
            prob[label][held] = 1.0 / (1.0 + np.exp(-(a * margin + b)))
            threshold = best_threshold(1.0 / (1.0 + np.exp(-(a * inner[rows] + b))),
                                       rest.labels[rows])
            right[label][held] = (prob[label][held] >= threshold) == y[held]
    print("\nPlatt calibrator for an unseen topic (nested LOTO, head on ECB+ and BASIL), "
          "ECE / accuracy:")
    for label, p in prob.items():
        print(f"  fitted on {label:22s} 23 topics {ece(p[ecb], y[ecb]):.3f} / "
              f"{right[label][ecb].mean():.3f}  train topics {ece(p[ecb & ~dev], y[ecb & ~dev]):.3f}"
              f" / {right[label][ecb & ~dev].mean():.3f}  dev topics {ece(p[dev], y[dev]):.3f} / "
              f"{right[label][dev].mean():.3f}")


if __name__ == "__main__":
    sys.exit(main())
