"""MRPC through ``factdesk compare``: the ``same`` decision, cross-validated.

``factdesk compare --pairs`` prints ``same`` (the relation is same fact or conflicting),
and that, not the same-fact head alone, is what an MRPC test is read from. The relation
adds rules on top of the head (a quote translated twice, one person's event dated
alike, the same-event head with aligned frames), so the head's cross-validated figure
does not tell what ``same`` scores. Here each MRPC pair goes through the whole decision
with the same-fact probability replaced by its out-of-fold one (head, IDF, calibration
and threshold fitted without the pair's fold). The same-event head and the graded
similarity are the shipped ones: neither is trained on MRPC.

    python bench/mrpc_compare.py [--folds 5] [--seed N] [--show]

Prints accuracy / F1 of the head alone and of ``same``, and the pairs each rule of the
decision made "same" where the head did not, with how many of them MRPC calls
paraphrases; then each rule's flips against the head, right and wrong by MRPC's label
(``--show`` prints the wrong ones' sentences: MRPC's text is read here, never kept).
``--seed`` changes the cross-validation's folds (default: the trainer's seed).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench._shared import eval_path  # noqa: E402 - after the path set-up


def accuracy_f1(pred: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    tp = float(np.sum(pred & (y == 1)))
    precision = tp / max(1.0, float(pred.sum()))
    recall = tp / max(1.0, float((y == 1).sum()))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return float(np.mean(pred == (y == 1))), f1


def decisions_with(probabilities: np.ndarray, rated: list
                   ) -> tuple[np.ndarray, list[str], list]:
    """``same`` for each rated pair when the head gives ``probabilities``; each pair's
    decision reason ("" when not same); and each pair's whole decision."""
    from factdesk.core import comparing, pair_rating
    from factdesk.matching import relations

    reasons: list[str] = []
    decided: list = []
    original = relations.decide

    def recording(*args, **kwargs):
        relation = original(*args, **kwargs)
        same_fact = relation.relation in ("same fact", "conflicting")
        reasons.append(relation.reason if same_fact else "")
        decided.append(relation)
        return relation

    same = np.zeros(len(rated), dtype=bool)
    # the decision's reason is not part of a Comparison: read it where it is made
    pair_rating.decide = recording
    try:
        for i, pair in enumerate(rated):
            result = comparing.decide_texts(
                dataclasses.replace(pair, probability=float(probabilities[i])))
            same[i] = result.relation in ("same fact", "conflicting")
    finally:
        pair_rating.decide = original
    return same, reasons, decided


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=None, help="CV seed (default: the trainer's)")
    ap.add_argument("--show", action="store_true", help="print the wrong flips' sentences")
    args = ap.parse_args(argv)
    mrpc_path = eval_path("mrpc", "msr_paraphrase_train.txt")

    from factdesk.core.comparing import rate_texts
    from factdesk.matching.claim_vectors import embed_for_pairs
    from factdesk.matching.pair_inputs import pair_input
    from factdesk.matching.pair_model import PairScorer
    from factdesk.matching.train_pair_model import (
        SEED,
        cross_validate,
        load_mrpc,
        parse_sentences,
    )
    from factdesk.nlp.model import load_base_pipeline

    mrpc = load_mrpc(mrpc_path)
    y = mrpc.labels
    parsed = parse_sentences(list(mrpc.left + mrpc.right), load_base_pipeline())
    seed = SEED if args.seed is None else args.seed
    print(f"MRPC train, {len(y)} pairs; {args.folds}-fold CV of the same-fact head, seed {seed}")
    cv = cross_validate(mrpc, parsed, n_folds=args.folds, seed=seed, log=lambda *_: None)
    oof, thresholds = cv["probabilities"], cv["thresholds"]

    rated = rate_texts(list(zip(mrpc.left, mrpc.right, strict=True)))
    scorer = PairScorer.load()
    # the graded similarity is computed only when the shipped probability needs it; an
    # out-of-fold probability may need it where the shipped one did not
    for i, pair in enumerate(rated):
        if pair.similarity is None:
            va, vb = embed_for_pairs([pair.a.text, pair.b.text])
            rated[i] = dataclasses.replace(pair, similarity=scorer.similarity(
                pair_input(pair.a, vector=va), pair_input(pair.b, vector=vb)))
    # each fold's own threshold, read as the shipped threshold by the decision
    shifted = oof - thresholds + scorer.same_threshold
    head = oof >= thresholds
    same, reasons, relations = decisions_with(shifted, rated)

    print(f"  {'':34s} {'accuracy':>9s} {'F1':>7s}")
    for name, pred in (("same-fact head alone", head), ("compare's same (the whole decision)", same)):
        acc, f1 = accuracy_f1(pred, y)
        print(f"  {name:34s} {acc:9.4f} {f1:7.4f}")
    made = same & ~head
    unmade = head & ~same
    print(f"  made same by a rule where the head said no: {int(made.sum())} "
          f"({int(y[made].sum())} of them paraphrases); "
          f"left out where the head said yes: {int(unmade.sum())} ({int(y[unmade].sum())})")
    by_reason = Counter(r for r in reasons if r)
    print("  same decisions by reason (of them paraphrases): " + ", ".join(
        f"{k} {v} ({int(sum(y[i] for i, r in enumerate(reasons) if r == k))})"
        for k, v in by_reason.most_common()))
    print("  of those, where the head said no: " + ", ".join(
        f"{k} {int(sum(1 for i, r in enumerate(reasons) if r == k and not head[i]))}"
        for k in by_reason))
    print_flips(head, same, relations, y, mrpc if args.show else None)
    return 0


def print_flips(head: np.ndarray, same: np.ndarray, relations: list, y: np.ndarray,
                pairs=None) -> None:
    """Each rule's flips against the head, right and wrong by the label; with ``pairs``,
    the wrong ones' sentences."""
    flips: dict[tuple[str, str], list[int]] = {}
    for i in np.flatnonzero(head != same):
        kind = "made same" if same[i] else "left out"
        flips.setdefault((kind, relations[i].reason or "-"), []).append(int(i))
    print("  flips against the head, by the rule that decided (right / wrong by MRPC):")
    for (kind, why), rows in sorted(flips.items()):
        right = sum(1 for i in rows if same[i] == (y[i] == 1))
        print(f"    {kind:9s} {why:14s} {len(rows):4d}: right {right:3d}, wrong {len(rows) - right:3d}")
        for i in rows if pairs is not None else ():
            if same[i] != (y[i] == 1):
                print(f"      #{i} label {y[i]}, {relations[i].relation}\n"
                      f"        {pairs.left[i]}\n        {pairs.right[i]}")


if __name__ == "__main__":
    raise SystemExit(main())
