"""Candidate definitions of the pair score, measured as ``factdesk compare`` prints it.

The score a checker reads (``factdesk compare``, the across-sources panel) is one number
per pair. This script rates every ECB+ train + dev pair through the compare path
(:func:`factdesk.core.comparing.rate_texts`, the pair model, :func:`decide`), with the
same-event probability of each **train** topic taken from a head that never saw it
(fitted on the other train topics and the BASIL weak pairs as shipped, its Platt
calibration fitted on their own leave-one-group-out margins, i.e. nested); the dev
topics get the shipped head, which never saw them. The relation of each pair is
decided with that probability, and each candidate score is computed from the pair's
same-fact probability ``p``, same-event probability ``e``, the relation and its reason.

Printed per candidate: ranking AUC over the 20 train topics, the 3 dev topics and all
23 (label: same event), and on dev the ECE (10 bins) and accuracy at the same-fact
threshold. Candidates whose weights are fitted (logistic stacks) are fitted leaving
each of the 23 topics out in turn. Rule (fixed before the finer candidates were
measured, docs/matching.md): the highest 23-topic AUC among scores that keep the
relation bands (same fact / conflicting at or above the same-fact threshold, the rest
below it); within 0.005 of it, the candidate that reads both heads.

When the shipped event head ranks with boosted trees, a last row gives the shipped
score with each train topic's ranking probability from a blend that never saw it.

Uses ``../shared/eval``; exits 0 with a message without it. About a minute (10-20 more
with the trees' row on a shared machine).

    python bench/pair_score_experiments.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[1]
for _path in (REPO_ROOT, REPO_ROOT / "bench"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"
ECBPLUS = EVAL_DIR / "ecbplus" / "pairs-train-dev.tsv"
BASIL = EVAL_DIR / "basil" / "articles-dev.jsonl"
DEV_TOPICS = ("ecb23", "ecb24", "ecb25")


def unseen_event_probabilities(scorer, train, x_compare: np.ndarray, shipped: np.ndarray,
                               nlp) -> np.ndarray:
    """Same-event probability of each pair, from a head that never saw its topic."""
    from factdesk.matching.calibration import fit_platt
    from factdesk.matching.train_event_model import (
        EVENT_COLUMNS,
        EventPairs,
        _fit,
        basil_weak_pairs,
        event_features,
        out_of_group_margins,
    )
    from factdesk.matching.train_pair_model import parse_sentences

    events = train + basil_weak_pairs(BASIL) if BASIL.exists() else train
    parsed = parse_sentences(list(events.left + events.right), nlp)
    x_event = event_features(events, parsed, scorer.default_idf)
    prob = np.array(shipped, dtype=np.float64)  # dev topics: the shipped head
    for group in np.unique(train.groups):
        held = events.groups == group
        rest = EventPairs(
            tuple(t for t, h in zip(events.left, held, strict=True) if not h),
            tuple(t for t, h in zip(events.right, held, strict=True) if not h),
            events.labels[~held], events.groups[~held], events.weights[~held])
        a, b = fit_platt(out_of_group_margins(x_event[~held], rest), rest.labels)
        model = _fit(x_event[~held], rest.labels, rest.weights)
        rows = np.flatnonzero(train.groups == group)  # train rows come first
        margin = model.margin(x_compare[rows][:, EVENT_COLUMNS])
        prob[rows] = 1.0 / (1.0 + np.exp(-(a * margin + b)))
    return prob


def unseen_ranking_probabilities(train, x_compare: np.ndarray, shipped: np.ndarray
                                 ) -> np.ndarray:
    """The ranking (trees blend) same-event probability of each train pair from a blend
    that never saw its topic, calibrated on 5 inner folds of the other groups (as
    ``event_head_compare_experiments.py --trees``); dev topics: the shipped one."""
    from event_head_compare_experiments import Recipe, nested_probabilities

    from factdesk.matching.pair_model import PairScorer
    from factdesk.matching.train_event_model import TREE_SHARE, basil_weak_pairs, event_features
    from factdesk.matching.train_pair_model import parse_sentences
    from factdesk.nlp.model import load_base_pipeline

    events = train + basil_weak_pairs(BASIL) if BASIL.exists() else train
    parsed = parse_sentences(list(events.left + events.right), load_base_pipeline())
    x_event = event_features(events, parsed, PairScorer.load().default_idf)
    topics = np.concatenate([train.groups, np.full(len(x_compare) - len(train.groups),
                                                   DEV_TOPICS[0])])
    recipe = Recipe("shipped blend", 0.25, TREE_SHARE, two_sided_trees=True)
    prob, _ = nested_probabilities(recipe, x_event, events, x_compare, topics, 5)
    dev = len(train.groups)
    prob[dev:] = shipped[dev:]  # dev topics: the shipped ranking head, which never saw them
    return prob


def rate_through_compare(pairs, scorer):
    """Per pair: (same-fact probability, graded similarity or None, shipped event
    probability), the feature row, and both claims' facts (as ``factdesk compare``)."""
    from factdesk.core.comparing import rate_texts
    from factdesk.core.pair_rating import facts_of_claim as _facts
    from factdesk.matching.claim_vectors import embed_for_pairs
    from factdesk.matching.pair_inputs import pair_input

    rated = rate_texts(list(zip(pairs.left, pairs.right, strict=True)))
    vectors = embed_for_pairs([c.text for r in rated for c in (r.a, r.b)])
    inputs = [(pair_input(r.a, vector=vectors[2 * i]), pair_input(r.b, vector=vectors[2 * i + 1]))
              for i, r in enumerate(rated)]
    ratings = [(r.probability, r.similarity, r.event, r.ranking_event) for r in rated]
    facts = [(_facts(r.a, None), _facts(r.b, None)) for r in rated]
    return ratings, scorer.feature_matrix(inputs), facts


def previous_score(p: float, s: float, reason: str, same_band: bool, st: float,
                   rt: float) -> float:
    """The score ``decide`` printed before this definition (for the first row)."""
    from factdesk.matching.pair_score import RELATED_MARGIN
    from factdesk.matching.relations import RELATED_SIMILARITY

    if same_band:
        return max(p, st)  # max(p, e, st): e is added by the caller
    if reason == "":
        return p
    score = {"same story": max(p, rt), "another event": p,
             "similar": max(p, s * rt / RELATED_SIMILARITY * 0.99)}.get(reason, p)
    return min(score, st - RELATED_MARGIN)


def main() -> int:
    if not ECBPLUS.exists():
        print(f"ECB+ pairs not found at {ECBPLUS}; skipping.")
        return 0
    from scipy.stats import rankdata
    from sklearn.linear_model import LogisticRegression

    from factdesk.matching.calibration import expected_calibration_error
    from factdesk.matching.pair_model import PairScorer
    from factdesk.matching.pair_score import RELATED_MARGIN, pair_score
    from factdesk.matching.relations import decide
    from factdesk.matching.train_event_model import load_ecbplus
    from factdesk.nlp.model import load_base_pipeline

    scorer = PairScorer.load()
    st, rt = scorer.same_threshold, scorer.related_threshold
    train = load_ecbplus(ECBPLUS, "train")
    pairs = train + load_ecbplus(ECBPLUS, "dev")
    ratings, x, facts = rate_through_compare(pairs, scorer)
    p = np.array([r[0] for r in ratings])
    s = np.array([0.0 if r[1] is None else r[1] for r in ratings])
    e = unseen_event_probabilities(scorer, train, x, np.array([r[2] for r in ratings]),
                                   load_base_pipeline())
    decided = [decide(p[i], s[i], fa, fb, same_threshold=st, related_threshold=rt,
                      event=e[i], event_threshold=scorer.event_threshold)
               for i, (fa, fb) in enumerate(facts)]
    same = np.array([d.relation in ("same fact", "conflicting") for d in decided])
    y, topics = pairs.labels, pairs.groups
    dev = np.isin(topics, DEV_TOPICS)

    def auc(score: np.ndarray, mask: np.ndarray) -> float:
        ranks, pos = rankdata(score[mask]), y[mask] == 1
        n_pos, n_neg = int(pos.sum()), int((~pos).sum())
        return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))

    def banded(q: np.ndarray) -> np.ndarray:  # clamped into the relation's band
        return np.where(same, np.maximum(q, st), np.minimum(q, st - RELATED_MARGIN))

    def logit(v: np.ndarray) -> np.ndarray:
        v = np.clip(v, 1e-4, 1 - 1e-4)
        return np.log(v / (1 - v))

    def stacked(columns: list[np.ndarray]) -> np.ndarray:
        xs, out = np.column_stack(columns), np.zeros(len(y))
        for topic in np.unique(topics):
            held = topics == topic
            out[held] = LogisticRegression().fit(xs[~held], y[~held]).predict_proba(
                xs[held])[:, 1]
        return banded(out)

    old = np.array([max(previous_score(p[i], s[i], d.reason, bool(same[i]), st, rt), e[i])
                    if same[i] else previous_score(p[i], s[i], d.reason, False, st, rt)
                    for i, d in enumerate(decided)])
    another = np.array([d.reason == "another event" for d in decided], dtype=float)
    candidates = {
        "previous (decide before)": old,
        "same-fact probability p (no bands)": p,
        "same-event probability e (no bands)": e,
        "e, clamped to the bands": banded(e),
        "max(p, e), clamped": banded(np.maximum(p, e)),
        "mean(p, e), clamped": banded((p + e) / 2),
        "noisy-or of p and e, clamped": banded(1 - (1 - p) * (1 - e)),
        "stack: logit p, logit e": stacked([logit(p), logit(e)]),
        "stack: + same-fact band": stacked([logit(p), logit(e), same.astype(float)]),
        "stack: + band, another event": stacked([logit(p), logit(e), same.astype(float),
                                                 another]),
        "e, in order within the bands": np.array([
            pair_score(0.0, e[i], same_band=bool(same[i]), same_threshold=st,
                       related_threshold=rt) for i in range(len(y))]),
        "pair_score: max(p, e), in order": np.array([d.score for d in decided]),
    }
    if scorer.event is not None and scorer.event.trees is not None:
        # as shipped: the logistic regression decides, the blend with the trees ranks
        r = unseen_ranking_probabilities(train, x, np.array([r[3] for r in ratings]))
        candidates["pair_score with the trees' ranking (shipped)"] = np.array([
            pair_score(p[i], r[i], same_band=bool(same[i]), same_threshold=st,
                       related_threshold=rt) for i in range(len(y))])
    print(f"ECB+ through the compare path: {len(y)} pairs, {int(same.sum())} decided same "
          f"fact / conflicting; same-event probability of train topics from heads that "
          f"never saw them\n")
    print(f"  {'score':38s} {'23 topics':>9s} {'train 20':>9s} {'dev 3':>6s} "
          f"{'dev ECE':>8s} {'dev acc':>8s}")
    for name, score in candidates.items():
        print(f"  {name:38s} {auc(score, np.ones(len(y), bool)):9.3f} "
              f"{auc(score, ~dev):9.3f} {auc(score, dev):6.3f} "
              f"{expected_calibration_error(score[dev], y[dev]):8.3f} "
              f"{np.mean((score[dev] >= st) == y[dev]):8.3f}")
    print("\n  (no bands: not a candidate, the bound of what one head gives alone)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
