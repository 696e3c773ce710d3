"""Training the archive search's relevance model (logistic regression, scikit-learn).

Run ``python -m factdesk.matching.train_archive_relevance`` (needs ``../shared/eval``).
For each CLEF-2020 CheckThat! Task 2 **training** query, the lexical index's
:data:`~factdesk.matching.archive_relevance.DEPTH` best verified claims are candidates:
the claims its qrels name are positives, the other candidates negatives. Candidates are
drawn from the whole archive (10,375 claims) and from two smaller ones (the training
queries' claims plus 300 or 2,000 others), so that the model holds for a project's
small archive too. Unrelated queries, whose candidates are all negatives, come from
three sources no CLEF tweet repeats: the first sentences of 2,000 MRPC training pairs
(news sentences), 2,000 ClaimBuster debate sentences of six words or more (random, seed
24), and the STS-benchmark news headlines of the 2013 and 2014 sets (both sentences of
each pair; ``bench/archive_retrieval.py`` measures unrelated queries on the 2015 and
2016 headlines, never on these). Five folds grouped by query give out-of-fold
probabilities; the list floor is the strictest (on a 0.001 grid) whose out-of-fold
training MAP@5 stays within :data:`MAX_MAP_COST` of the re-ranked list with no floor.
The dev split is never used here; ``bench/archive_retrieval.py`` reports it.
Only numbers are written (``weights/archive_relevance.json``).

``--same-fact`` fits the model with the pair model's two inputs as well
(:data:`~factdesk.matching.archive_relevance.SAME_FACT_FEATURE_NAMES`: every candidate's
same-fact probability with the query, and the best over the query's candidates) by the
same rule, into ``weights/archive_relevance_samefact.json`` (needs a spaCy English model;
about 10 min here).
"""

from __future__ import annotations

import csv
import json
import random
import sys
from collections.abc import Collection, Sequence
from pathlib import Path

import numpy as np

from factdesk.matching.archive_index import ArchiveIndex
from factdesk.matching.archive_relevance import (
    FEATURE_NAMES,
    SAME_FACT_FEATURE_NAMES,
    SAME_FACT_WEIGHTS,
    WEIGHTS,
    RelevanceModel,
    RelevanceSearch,
)
from factdesk.matching.archive_samefact import SameFactScorer

REPO_ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"
CLEF = EVAL_DIR / "clef2020-claim-retrieval"
MRPC_TRAIN = EVAL_DIR / "mrpc" / "msr_paraphrase_train.txt"
CLAIMBUSTER = EVAL_DIR / "claimbuster" / "crowdsourced.csv"
STS_NEWS = EVAL_DIR / "sts-news" / "sts-news-train-dev.tsv"
#: STS headline sets (years) used as unrelated training queries; the bench measures on
#: the others (:data:`MEASURED_HEADLINE_YEARS`).
TRAINING_HEADLINE_YEARS = ("2013", "2014")
MEASURED_HEADLINE_YEARS = ("2015", "2016")
UNRELATED_QUERIES = 2000
#: Sizes of the smaller training archives: the training queries' claims + this many others.
SMALL_ARCHIVES = (300, 2000)
SEED = 24
MAX_MAP_COST = 0.01
FOLDS = 5
C = 1.0


def _read_tsv(path: Path) -> list[list[str]]:
    return [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8-sig")]


def load_clef(split: str) -> tuple[list[str], list[set[str]]]:
    """The judged queries of a CLEF split and the ids of their relevant claims."""
    queries = {r[0]: r[1] for r in _read_tsv(CLEF / split / "tweets.queries.tsv")[1:]
               if len(r) >= 2}
    qrels: dict[str, set[str]] = {}
    for line in (CLEF / split / "tweet-vclaim-pairs.qrels").open(encoding="utf-8"):
        parts = line.split()
        if len(parts) >= 4 and parts[3] != "0":
            qrels.setdefault(parts[0], set()).add(parts[2])
    ids = [q for q in queries if q in qrels]
    return [queries[q] for q in ids], [qrels[q] for q in ids]


def mrpc_sentences(limit: int = UNRELATED_QUERIES) -> list[str]:
    rows = _read_tsv(MRPC_TRAIN)[1:]
    return list(dict.fromkeys(r[3] for r in rows if len(r) > 3))[:limit]


def claimbuster_sentences(limit: int = UNRELATED_QUERIES) -> list[str]:
    """Debate sentences of six words or more, shuffled (seed :data:`SEED`)."""
    with CLAIMBUSTER.open(encoding="utf-8", newline="") as fh:
        texts = [r["Text"] for r in csv.DictReader(fh) if len(r["Text"].split()) >= 6]
    texts = list(dict.fromkeys(texts))
    random.Random(SEED).shuffle(texts)
    return texts[:limit]


def sts_headlines(years: Sequence[str], exclude: Collection[str] = ()) -> list[str]:
    """Both sentences of the STS-benchmark news headline pairs of ``years`` (any split),
    in file order, unique, without those in ``exclude``. The file is split on tabs only
    (its sentences hold unbalanced quotes)."""
    rows = [line.rstrip("\n").split("\t") for line in STS_NEWS.open(encoding="utf-8")][1:]
    chosen = [r for r in rows if len(r) > 7 and r[2] == "headlines" and r[3] in years]
    texts = dict.fromkeys([r[6] for r in chosen] + [r[7] for r in chosen])
    return [t for t in texts if t not in set(exclude)]


def unrelated_training_queries() -> list[str]:
    """The unrelated queries of the training (see the module's docstring)."""
    return list(dict.fromkeys(mrpc_sentences() + claimbuster_sentences()
                              + sts_headlines(TRAINING_HEADLINE_YEARS)))


def average_precision(doc_ids: list[str], relevant: set[str], k: int = 5) -> float:
    hits, total = 0, 0.0
    for i, d in enumerate(doc_ids[:k], start=1):
        if d in relevant:
            hits += 1
            total += hits / i
    return total / min(len(relevant), k) if relevant else 0.0


def list_map(lists: list[tuple[list[str], np.ndarray, set[str]]], floor: float) -> float:
    """MAP@5 of lists re-ranked by probability, silenced below ``floor``."""
    aps = []
    for ids, p, relevant in lists:
        if p.size == 0 or p.max() < floor:
            aps.append(0.0)
            continue
        order = np.argsort(-p, kind="stable")
        aps.append(average_precision([ids[i] for i in order], relevant))
    return float(np.mean(aps)) if aps else 0.0


def training_archives(docs: list[tuple[str, str, str]], qrels: list[set[str]]
                      ) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """The archives the candidates are drawn from: the whole CLEF archive, and smaller
    ones (the training queries' claims plus random others), because a project's archive
    may hold a few hundred checks, and the relative features (share of the best, lead
    over the tenth) read differently there."""
    relevant = set().union(*qrels)
    others = [d for d in docs if d[0] not in relevant]
    mine = [d for d in docs if d[0] in relevant]
    archives = [("full", docs)]
    for size in SMALL_ARCHIVES:
        archives.append((str(size), mine + random.Random(SEED + size).sample(others, size)))
    return archives


def main(argv: Sequence[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    same_fact = "--same-fact" in args
    names = SAME_FACT_FEATURE_NAMES if same_fact else FEATURE_NAMES
    pair_inputs = SameFactScorer(cache_size=None)  # shared by the three archives
    # Lazy: scikit-learn is a training-time dependency only.
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    if not all(p.exists() for p in (CLEF, MRPC_TRAIN, CLAIMBUSTER, STS_NEWS)):
        print(f"evaluation data not found under {EVAL_DIR}")
        return 1
    docs = [(r[0], r[1], r[2]) for r in _read_tsv(CLEF / "verified_claims.docs.tsv")[1:]
            if len(r) >= 3]
    queries, qrels = load_clef("train")
    unrelated = unrelated_training_queries()
    placeholder = RelevanceModel(np.zeros(len(names)), 0.0, 0.0, names)
    rows, labels, groups, lists = [], [], [], []
    unrelated_spans: list[tuple[int, int]] = []  # in the whole archive
    for size, archive in training_archives(docs, qrels):
        index = ArchiveIndex(archive)
        search = RelevanceSearch(index, [t for _, _, t in archive], placeholder,
                                 same_fact=pair_inputs)
        print(f"archive {size}: candidates", flush=True)
        for g, (positions, features) in enumerate(search.features(queries + unrelated)):
            ids = [index.doc_ids[int(p)] for p in positions]
            relevant = qrels[g] if g < len(queries) else set()
            rows.append(features)
            labels.extend(int(d in relevant) for d in ids)
            groups.extend([g] * len(ids))  # a query is one group in every archive
            if size == "full" and g < len(queries):
                lists.append((ids, len(labels) - len(ids), relevant))
            elif size == "full":
                unrelated_spans.append((len(labels) - len(ids), len(ids)))
    x, y, groups_arr = np.vstack(rows), np.array(labels), np.array(groups)
    oof = np.zeros(len(y))
    for train, test in GroupKFold(FOLDS).split(x, y, groups_arr):
        model = LogisticRegression(C=C, max_iter=2000).fit(x[train], y[train])
        oof[test] = model.predict_proba(x[test])[:, 1]
    oof_lists = [(ids, oof[start:start + len(ids)], rel) for ids, start, rel in lists]
    base = list_map(oof_lists, 0.0)
    lexical = float(np.mean([average_precision(ids, rel) for ids, _, rel in lists]))
    floor = 0.0
    for candidate in np.arange(0.001, 0.5, 0.001):
        if list_map(oof_lists, float(candidate)) < base - MAX_MAP_COST:
            break
        floor = round(float(candidate), 3)
    silenced = float(np.mean([n == 0 or oof[start:start + n].max() < floor
                              for start, n in unrelated_spans]))
    final = LogisticRegression(C=C, max_iter=2000).fit(x, y)
    figures = {
        "train_queries": len(queries), "unrelated_queries": len(unrelated),
        "archives": ["CLEF verified claims (10,375)"] + [
            f"training queries' claims + {n} others" for n in SMALL_ARCHIVES],
        "candidates": len(y), "positives": int(y.sum()),
        "cv_auc": round(float(roc_auc_score(y, oof)), 4),
        "cv_map5_lexical": round(lexical, 4), "cv_map5_reranked": round(base, 4),
        "cv_map5_with_floor": round(list_map(oof_lists, floor), 4),
        "cv_unrelated_silenced_whole_archive": round(silenced, 4),
    }
    out = {
        "model": f"L2 logistic regression (scikit-learn, C={C}) over the candidates of "
                 "the lexical archive index; probability = relevance shown",
        "features": list(names),
        "coefficients": [round(float(c), 6) for c in final.coef_[0]],
        "intercept": round(float(final.intercept_[0]), 6),
        "floor": floor,
        "floor_rule": f"strictest 0.001 step whose {FOLDS}-fold out-of-fold training "
                      f"MAP@5 is within {MAX_MAP_COST} of the unfloored re-ranking",
        "datasets": {
            "CLEF-2020 CheckThat! Task 2 (train split; verified claims)":
                "Shaar et al., 'Overview of CheckThat! 2020 ... Task 2: Verified Claim "
                "Retrieval', CLEF 2020 Working Notes. Free for general research use.",
            "MRPC (training part, first sentences as unrelated queries)":
                "Dolan & Brockett, 'Automatically Constructing a Corpus of Sentential "
                "Paraphrases', IWP 2005. No text is stored here, only weights.",
            "ClaimBuster crowdsourced sentences (unrelated queries)":
                "Arslan et al., 'A Benchmark Dataset of Check-worthy Factual Claims', "
                "ICWSM 2020 (Zenodo 10.5281/zenodo.3609356).",
            "STS benchmark, news headlines 2013-2014 (unrelated queries)":
                "Cer et al., 'SemEval-2017 Task 1: Semantic Textual Similarity', "
                "SemEval 2017. Scores CC BY-SA 4.0.",
        },
        "cross_validation": figures,
    }
    if same_fact:
        out["model"] += ("; same_fact: the same-fact probability of FactDesk's sentence-pair "
                         "model (weights/pair_model.json, trained on MRPC; see its "
                         "datasets) for the query and the candidate's claim, "
                         "best_same_fact: its best over the query's candidates")
    path = SAME_FACT_WEIGHTS if same_fact else WEIGHTS
    path.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))
    print(f"floor {floor}; written {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
