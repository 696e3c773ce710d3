"""Benchmark of the learned pair scorer: MRPC cross-validation and STS news correlation.

Prints (0) ECB+ dev ranking AUC, accuracy and calibration error of the shipped model's
two heads and of the score ``factdesk compare`` prints (what outside judges read), and
the same-event head's leave-one-topic-out AUC over the 23 ECB+ train + dev topics,
(1) MRPC train 5-fold cross-validated accuracy / F1 of the pair model against a
rapidfuzz ``token_set_ratio`` threshold on the same folds (IDF, model, calibration and
both thresholds are fitted inside each training fold), and (2) the Pearson / Spearman
correlation on the STS Benchmark news dev split of the shipped model's same-fact
probability, of its graded similarity (ridge regressor trained on STS news train) and
of ``token_set_ratio``, and (3) the cost of :meth:`PairScorer.score_many` per pair
(microseconds, inputs built from spaCy parses of MRPC sentences, fresh ``PairInput``
objects so their cached per-sentence data is rebuilt, as when the app scores new
claims). Uses ``../shared/eval`` relative to the repository root and exits 0 with a
message when that folder is absent.

    python bench/matching_quality.py [--folds 5] [--no-speed]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"
MRPC = EVAL_DIR / "mrpc" / "msr_paraphrase_train.txt"
STS = EVAL_DIR / "sts-news" / "sts-news-train-dev.tsv"
ECBPLUS = EVAL_DIR / "ecbplus" / "pairs-train-dev.tsv"


def roc_auc(score: np.ndarray, y: np.ndarray) -> float:
    """Ranking AUC (ties count half) without scikit-learn."""
    from scipy.stats import rankdata

    ranks = rankdata(score)
    pos = y == 1
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    if not n_pos or not n_neg:  # one class only (a topic of all look-alikes): undefined
        return float("nan")
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def expected_calibration_error(prob: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    """ECE over equal-width bins (see :mod:`factdesk.matching.calibration`)."""
    from factdesk.matching.calibration import expected_calibration_error as ece

    return ece(prob, y, bins)


def reliability(prob: np.ndarray, y: np.ndarray, bins: int = 5) -> str:
    """Mean probability -> positive rate (pairs) per equal-width bin, on one line."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(prob, edges[1:-1]), 0, bins - 1)
    return ", ".join(f"{prob[which == b].mean():.2f}->{y[which == b].mean():.2f} "
                     f"({int((which == b).sum())})" for b in range(bins) if (which == b).any())


def ecbplus_report(scorer, nlp) -> None:
    """ECB+ dev (topics 23-25): same event or a look-alike; the shipped model never saw
    these topics (it is trained on train topics 1-22 at most)."""
    from rapidfuzz import fuzz

    from factdesk.matching.train_pair_model import load_ecbplus, parse_sentences

    dev = load_ecbplus(ECBPLUS, "dev")
    parsed = parse_sentences(list(dev.left + dev.right), nlp)
    pairs = [(parsed[a], parsed[b]) for a, b in zip(dev.left, dev.right, strict=True)]
    x = scorer.feature_matrix(pairs)
    prob = scorer.probabilities(x)
    y = dev.labels
    acc = float(np.mean((prob >= scorer.same_threshold) == y))
    tsr = np.array([fuzz.token_set_ratio(a, b) for a, b in zip(dev.left, dev.right,
                                                                strict=True)])
    print(f"\nECB+ dev ({len(y)} pairs, {y.mean():.2f} same event): "
          "ranking AUC / accuracy at the same-fact threshold / ECE (10 bins)")
    print(f"  {'pair model, same fact':28s} AUC {roc_auc(prob, y):.3f}  acc {acc:.3f}  "
          f"ECE {expected_calibration_error(prob, y):.3f}  "
          f"(always different {1 - y.mean():.3f})")
    if getattr(scorer, "event", None) is not None:
        event = scorer.event_probabilities(x)
        acc = float(np.mean((event >= scorer.event_threshold) == y))
        print(f"  {'pair model, same event':28s} AUC {roc_auc(event, y):.3f}  acc {acc:.3f}  "
              f"ECE {expected_calibration_error(event, y):.3f}  "
              f"(threshold {scorer.event_threshold:.3f})")
        print(f"    reliability, mean probability -> same-event rate (pairs): "
              f"{reliability(event, y)}")
        loto = scorer.metadata.get("event_head", {}).get(
            "ecbplus_train_leave_one_topic_out_auc")
        if loto is not None:
            print(f"  (same-event head, ECB+ train leave-one-topic-out AUC at training: "
                  f"{loto:.3f})")
    try:
        from factdesk.nlp.embeddings import embed_sentences

        va, vb = embed_sentences(list(dev.left)), embed_sentences(list(dev.right))
        print(f"  {'embedding cosine (256 d)':28s} AUC {roc_auc((va * vb).sum(1), y):.3f}")
    except Exception as exc:  # noqa: BLE001 - the baseline line is optional
        print(f"  embedding cosine: unavailable ({exc})")
    print(f"  {'token_set_ratio':28s} AUC {roc_auc(tsr, y):.3f}")
    printed_compare_score(dev)
    leave_one_topic_out(scorer, nlp)


def printed_compare_score(dev) -> None:
    """What ``factdesk compare --pairs`` prints for the dev pairs (the full FactDesk
    parse, the relation decision, the score of both heads): ranking AUC of its score,
    accuracy of its ``same`` (same fact or conflicting), ECE and reliability."""
    from factdesk.core.comparing import compare_texts

    results = compare_texts(list(zip(dev.left, dev.right, strict=True)))
    score = np.array([r.score for r in results])
    same = np.array([r.relation in ("same fact", "conflicting") for r in results])
    y = dev.labels
    print(f"  {'factdesk compare (printed)':28s} AUC {roc_auc(score, y):.3f}  "
          f"acc {float(np.mean(same == y)):.3f}  "
          f"ECE {expected_calibration_error(score, y):.3f}  (score of both heads, "
          f"'same' = same fact or conflicting)")
    print(f"    reliability, mean score -> same-event rate (pairs): {reliability(score, y)}")


def leave_one_topic_out(scorer, nlp) -> None:
    """The same-event head refitted 23 times on ECB+ pairs alone (no BASIL weak pairs),
    each time without one of the 23 train + dev topics, and scored on that topic: the
    model-selection figure (dev alone is 3 topics, 180 pairs)."""
    from factdesk.matching.train_event_model import (
        EVENT_COLUMNS,
        EventPairs,
        _fit,
        event_features,
        out_of_group_probabilities,
    )
    from factdesk.matching.train_pair_model import load_ecbplus, parse_sentences

    pairs: EventPairs = load_ecbplus(ECBPLUS, "train") + load_ecbplus(ECBPLUS, "dev")
    parsed = parse_sentences(list(pairs.left + pairs.right), nlp)
    x = event_features(pairs, parsed, scorer.default_idf)
    y, groups = pairs.labels, pairs.groups
    margin = np.zeros(len(y))
    for topic in np.unique(groups):
        held = groups == topic
        model = _fit(x[~held], y[~held], pairs.weights[~held])
        margin[held] = model.margin(x[held][:, EVENT_COLUMNS])
    dev = np.isin(groups, ["ecb23", "ecb24", "ecb25"])
    print(f"  same-event head, leave-one-topic-out over {len(np.unique(groups))} topics "
          f"(ECB+ only): AUC {roc_auc(margin, y):.3f} (train topics {roc_auc(margin[~dev], y[~dev]):.3f}, "
          f"dev topics {roc_auc(margin[dev], y[dev]):.3f})")
    # each topic's probabilities from a head and a Platt calibration fitted without it
    prob = out_of_group_probabilities(x, pairs)
    print(f"  same, calibrated without the held-out topic (nested): ECE "
          f"{expected_calibration_error(prob, y):.3f} (train topics "
          f"{expected_calibration_error(prob[~dev], y[~dev]):.3f}, dev topics "
          f"{expected_calibration_error(prob[dev], y[dev]):.3f})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Pair-scorer quality on MRPC and STS news.")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--no-speed", action="store_true", help="skip the scoring-cost timing")
    args = ap.parse_args(argv)
    if not EVAL_DIR.is_dir() or not MRPC.exists():
        print(f"Evaluation data not found at {EVAL_DIR}; skipping the matching benchmark.")
        return 0

    from rapidfuzz import fuzz

    from factdesk.matching.pair_model import PairScorer
    from factdesk.matching.train_pair_model import (
        correlations,
        cross_validate,
        load_mrpc,
        load_sts,
        parse_sentences,
    )
    from factdesk.nlp.model import load_base_pipeline, resolve_model_name

    nlp = load_base_pipeline()
    print(f"spaCy pipeline: {resolve_model_name()}")
    mrpc = load_mrpc(MRPC)
    sts = load_sts(STS, "dev") if STS.exists() else None
    texts = list(mrpc.left + mrpc.right) + (list(sts.left + sts.right) if sts else [])
    t0 = time.time()
    parsed = parse_sentences(texts, nlp)
    print(f"parsed {len(parsed)} sentences in {time.time() - t0:.1f}s (cached in /tmp)")

    print(f"\nMRPC train, {args.folds}-fold CV (stratified, fixed seed), "
          f"{len(mrpc.labels)} pairs, {mrpc.labels.mean():.3f} positive")
    res = cross_validate(mrpc, parsed, n_folds=args.folds)
    print(f"  {'method':28s} {'accuracy':>9s} {'F1':>7s}")
    print(f"  {'always same':28s} {mrpc.labels.mean():9.4f} "
          f"{2 * mrpc.labels.mean() / (1 + mrpc.labels.mean()):7.4f}")
    print(f"  {'token_set_ratio threshold':28s} {res['baseline_accuracy']:9.4f} "
          f"{res['baseline_f1']:7.4f}")
    print(f"  {'pair model (stacked logreg)':28s} {res['accuracy']:9.4f} {res['f1']:7.4f}")
    print(f"  pair model Brier score (out-of-fold probabilities): {res['brier']:.4f}")

    scorer = PairScorer.load()
    if ECBPLUS.exists():
        ecbplus_report(scorer, nlp)
    if not args.no_speed:
        speed(scorer, nlp, mrpc)
    if sts is None:
        print("\nSTS news file not found; skipping STS.")
        return 0
    x = scorer.feature_matrix(
        (parsed[a], parsed[b]) for a, b in zip(sts.left, sts.right, strict=True)
    )
    prob = scorer.probabilities(x)
    graded = scorer.graded(x) if scorer.similarity_model is not None else prob
    tsr = np.array([fuzz.token_set_ratio(a, b) for a, b in zip(sts.left, sts.right, strict=True)])
    print(f"\nSTS-B news dev ({len(sts.labels)} pairs), Pearson r / Spearman rho of: "
          "same-fact probability (MRPC-trained), graded similarity (ridge on STS news "
          "train), token_set_ratio")
    print(f"  {'subset':16s} {'n':>5s} {'prob r':>7s} {'prob rho':>8s} {'sim r':>7s} "
          f"{'sim rho':>8s} {'tsr r':>7s} {'tsr rho':>8s}")
    src = np.asarray(sts.sources)
    subsets = {"all": np.ones(len(src), dtype=bool),
               "without MSRpar": src != "MSRpar"}
    for name, mask in subsets.items():
        mp, ms = correlations(prob[mask], sts.labels[mask])
        gp, gs = correlations(graded[mask], sts.labels[mask])
        bp, bs = correlations(tsr[mask], sts.labels[mask])
        print(f"  {name:16s} {int(mask.sum()):5d} {mp:7.4f} {ms:8.4f} {gp:7.4f} {gs:8.4f} "
              f"{bp:7.4f} {bs:8.4f}")
    print("  (MSRpar pairs come from the MRPC corpus, some possibly from MRPC train.)")
    return 0


def speed(scorer, nlp, mrpc, n: int = 300, repeats: int = 7) -> None:
    """Best-of-``repeats`` cost of ``score_many`` per pair on ``n`` MRPC pairs."""
    from factdesk.matching.pair_features import pair_input_from_span

    docs = list(nlp.pipe(list(mrpc.left[:n]) + list(mrpc.right[:n])))
    inputs = [pair_input_from_span(d) for d in docs]
    n = len(inputs) // 2

    def fresh():
        new = [dataclasses.replace(p) for p in inputs]  # no cached per-sentence data
        return [(new[i], new[n + i]) for i in range(n)]

    scorer.score_many(fresh())  # warm-up (IDF memo, imports)
    cold = warm = float("inf")
    for _ in range(repeats):
        pairs = fresh()
        t0 = time.perf_counter()
        scorer.score_many(pairs)
        cold = min(cold, time.perf_counter() - t0)
        t0 = time.perf_counter()
        scorer.score_many(pairs)
        warm = min(warm, time.perf_counter() - t0)
    print(f"\nscore_many cost ({n} MRPC pairs, best of {repeats}): "
          f"{cold / n * 1e6:.0f} us/pair with fresh inputs, "
          f"{warm / n * 1e6:.0f} us/pair with per-sentence data cached")


if __name__ == "__main__":
    sys.exit(main())
