"""Lead for a stricter archive-search floor: the pair model's "same fact?" as input.

The archive relevance model (:mod:`factdesk.matching.archive_relevance`) is trained on
CLEF tweets that all have a relevant check, so it learns *which* candidate is the claim
more than *whether* any is. FactDesk's sentence-pair model
(:mod:`factdesk.matching.pair_model`) asks the other question: do these two sentences
state the same fact (its head trained on MRPC), and how similar are they (its graded
STS regressor)? This bench gives each (query, candidate claim) pair those two scores,
from inputs built as ``factdesk compare`` builds them from plain sentences (spaCy parse,
:func:`~factdesk.matching.pair_features.pair_input_from_span`, and the pair model's
sentence vector), adds them to the relevance model's features, refits it exactly as
``python -m factdesk.matching.train_archive_relevance`` does (floor by the training
rule) with :func:`archive_floor_leads.run`, and prints dev MAP@5 and the share of each
unrelated set silenced (``bench/_unrelated_queries.py``), with the same fits compared
at common floors. It also times the per-query cost of the pair scores.

    python bench/archive_samefact_lead.py        # about 15 min on one core
    python bench/archive_samefact_lead.py --smoke   # the whole path on 40 queries a set
    python bench/archive_samefact_lead.py --top 5   # pair scores of the 5 lexically best only

Needs ``../shared/eval`` (exits 0 without it), scikit-learn, wordllama and spaCy.
"""

from __future__ import annotations

import dataclasses
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))  # its helper modules

import archive_floor_leads as leads  # noqa: E402
from _shared import eval_path  # noqa: E402

#: The pair scores added per candidate (probabilities, and their log-odds), and the
#: best of each over the query's candidates ("is any candidate the same fact?").
PAIR_EXTRA = ("same_fact", "sts_similarity", "same_fact_logit", "sts_logit", "same_event",
              "best_same_fact", "best_sts")


def weak_pair(column: str, below: float) -> leads.Tier:
    """A second gate on the top hit: its pair score below ``below`` needs a higher floor."""
    def rule(extra: np.ndarray, p: np.ndarray) -> bool:
        return bool(extra[int(np.argmax(p)), PAIR_EXTRA.index(column)] < below)
    return rule


VARIANTS: list[tuple[str, list[str], leads.Tier | None]] = [
    ("shipped features, refitted", [], None),
    ("+ same-fact probability", ["same_fact"], None),
    ("+ STS similarity", ["sts_similarity"], None),
    ("+ same-fact and STS", ["same_fact", "sts_similarity"], None),
    ("+ same-fact and STS (log-odds)", ["same_fact_logit", "sts_logit"], None),
    ("+ same-fact, STS and same-event", ["same_fact", "sts_similarity", "same_event"], None),
    ("+ same-fact, its best over candidates", ["same_fact", "best_same_fact"], None),
    ("+ same-fact, STS and their best", ["same_fact", "sts_similarity", "best_same_fact",
                                         "best_sts"], None),
    *((f"gate: top hit same-fact < {t}", [], weak_pair("same_fact", t))
      for t in (0.02, 0.05, 0.1, 0.2)),
    *((f"gate: top hit STS < {t}", [], weak_pair("sts_similarity", t))
      for t in (0.2, 0.3, 0.4)),
]


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-4, 1 - 1e-4)
    return np.log(p / (1 - p))


class PairInputs:
    """The pair model's input of each text, parsed once (no dependency parse needed)."""

    def __init__(self) -> None:
        from factdesk.nlp.model import load_base_pipeline

        self.nlp = load_base_pipeline()
        self.cache: dict[str, object] = {}
        self.seconds = 0.0

    def of(self, texts: list[str]) -> None:
        from factdesk.matching.claim_vectors import embed_for_pairs
        from factdesk.matching.pair_features import pair_input_from_span

        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if not missing:
            return
        t0 = time.perf_counter()
        with self.nlp.select_pipes(disable=["parser"]):
            parsed = [pair_input_from_span(d) for d in self.nlp.pipe(missing, batch_size=256)]
        vectors = embed_for_pairs(missing)
        for text, p, v in zip(missing, parsed, vectors, strict=True):
            self.cache[text] = dataclasses.replace(p, vector=v)
        self.seconds += time.perf_counter() - t0


def pair_scores(inputs: PairInputs, pairs: list[tuple[str, str]],
                cache: dict[tuple[str, str], np.ndarray]) -> np.ndarray:
    """One row of :data:`PAIR_EXTRA` per (query, claim) pair."""
    from factdesk.matching.pair_model import PairScorer

    scorer = PairScorer.load()
    missing = [p for p in dict.fromkeys(pairs) if p not in cache]
    if missing:
        x = scorer.feature_matrix([(inputs.cache[q], inputs.cache[c]) for q, c in missing])
        same, sts = scorer.probabilities(x), scorer.graded(x)
        event = scorer.event_probabilities(x)
        for key, row in zip(missing, np.column_stack(  # the first five of PAIR_EXTRA
                [same, sts, _logit(same), _logit(sts), event]), strict=True):
            cache[key] = row
    return (np.array([cache[p] for p in pairs]) if pairs
            else np.zeros((0, 5)))


def candidates(archive: list[tuple[str, str, str]], texts: list[str], inputs: PairInputs,
               cache: dict[tuple[str, str], np.ndarray], top: int = 20) -> leads.Candidates:
    """Every query's candidates, with the pair scores of its ``top`` first (lexical order)."""
    from factdesk.matching.archive_index import ArchiveIndex
    from factdesk.matching.archive_relevance import (
        FEATURE_NAMES,
        RelevanceModel,
        RelevanceSearch,
    )

    index = ArchiveIndex(archive)
    placeholder = RelevanceModel(np.zeros(len(FEATURE_NAMES)), 0.0, 0.0, FEATURE_NAMES)
    found = RelevanceSearch(index, [t for _, _, t in archive], placeholder).features(texts)
    inputs.of(list(texts) + [index.claims[int(p)] for ps, _ in found for p in ps[:top]])
    extra = []
    for q, (ps, _) in zip(texts, found, strict=True):
        scored = pair_scores(inputs, [(q, index.claims[int(p)]) for p in ps[:top]], cache)
        rows = np.zeros((len(ps), 5))  # candidates past the lexical top get no pair scores
        rows[:, 2:4] = _logit(np.zeros(1))
        rows[:len(scored)] = scored
        best = rows[:, :2].max(axis=0) if len(rows) else np.zeros(2)
        extra.append(np.column_stack([rows, np.tile(best, (len(rows), 1))]))
    return leads.Candidates([[index.doc_ids[int(i)] for i in p] for p, _ in found],
                            [f for _, f in found], extra)


def per_query_cost(inputs: PairInputs, queries: list[str], claims: list[str],
                   top: int) -> tuple[float, float]:
    """Median ms a query: parsing it, and scoring it against ``top`` claims already parsed."""
    from factdesk.matching.pair_model import PairScorer

    scorer = PairScorer.load()
    inputs.of(claims)
    parse, score = [], []
    for i, q in enumerate(queries):
        t0 = time.perf_counter()
        inputs.cache.pop(q, None)
        inputs.of([q])
        t1 = time.perf_counter()
        x = scorer.feature_matrix([(inputs.cache[q], inputs.cache[c])
                                   for c in claims[i:i + top]])
        scorer.probabilities(x), scorer.graded(x)
        score.append(time.perf_counter() - t1)
        parse.append(t1 - t0)
    return float(np.median(parse) * 1000), float(np.median(score) * 1000)


def main() -> int:
    from _unrelated_queries import unrelated_sets

    from factdesk.matching.train_archive_relevance import (
        load_clef,
        load_docs,
        training_archives,
        unrelated_training_queries,
    )

    if not eval_path("clef2020-claim-retrieval").exists():
        return 0
    leads.EXTRA = PAIR_EXTRA  # the leads bench's columns() reads its extra features by name
    docs = load_docs()
    tweets, qrels = load_clef("train")
    dev_queries, dev_qrels = load_clef("dev")
    sets = unrelated_sets()
    unrelated = unrelated_training_queries()
    if "--smoke" in sys.argv:  # a quick run of the whole path on a few queries
        tweets, qrels, unrelated = tweets[:40], qrels[:40], unrelated[:40]
        dev_queries, dev_qrels = dev_queries[:40], dev_qrels[:40]
        sets = {name: texts_of_set[:40] for name, texts_of_set in sets.items()}
    texts = tweets + unrelated
    # --top N: pair scores for the N lexically best candidates only (fewer claims to parse)
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 20
    variants = VARIANTS if top == 20 else [VARIANTS[i] for i in (0, 1, 6, 7)]
    print(f"pair scores for the {top} lexically best candidates of each query")
    inputs, cache = PairInputs(), {}
    t0 = time.perf_counter()
    training = {"qrels": qrels, "archives": {}}
    for name, archive in training_archives(docs, qrels):
        training["archives"][name] = candidates(archive, texts, inputs, cache, top)
        print(f"archive {name}: {time.perf_counter() - t0:.0f} s", flush=True)
    measured_all = candidates(docs, dev_queries + [t for s in sets.values() for t in s],
                              inputs, cache, top)
    print(f"candidates and pair scores in {time.perf_counter() - t0:.0f} s "
          f"(spaCy and vectors {inputs.seconds:.0f} s for {len(inputs.cache)} texts; "
          f"{len(cache)} pairs)", flush=True)
    parse_ms, score_ms = per_query_cost(inputs, dev_queries[:100], [d[1] for d in docs[:120]],
                                        5)
    print(f"per query: parse {parse_ms:.1f} ms, pair scores of 5 claims {score_ms:.1f} ms "
          "(medians of 100 dev tweets)", flush=True)

    measured = leads.split_measured(measured_all, len(dev_queries), dev_qrels, sets)
    leads.report(variants, training, measured, sets)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
