"""Training the archive search's relevance model (logistic regression, scikit-learn).

Run ``python -m factdesk.matching.train_archive_relevance`` (needs ``../shared/eval``;
about 5 min here). Every query's candidates are the lexical index's
:data:`~factdesk.matching.archive_relevance.DEPTH` best verified claims; a candidate is a
positive when it is the check the query repeats, else a negative. The queries:

* **relevant tweets**: the CLEF-2020 CheckThat! Task 2 **training** queries (their qrels'
  claims are the positives);
* **relevant restatements**: the fact-checkers' own titles of checks
  (``verified_claims.docs.tsv``: "Did 122 Prisoners Released from Guantanamo by President
  Obama Return to the Battlefield?" for "122 detainees released ... have re-engaged"),
  where the title restates the claim (:func:`restates`: six words or more, a content
  word in common). The index ranks the title field too, so each title is searched in an
  archive where **its own check's title is replaced by its claim** (text and vector):
  the query must find the check through the claim's wording, as a news sentence
  restating it would, while the check still has a title as close to its claim as real
  titles are (an empty title taught the model that a title like the query is a sign
  of an unrelated check). Titles of
  the checks the training tweets repeat (those dev repeats excluded), and of 1,500
  random other checks (whole archive only); 300 further random checks are held out
  for ``bench/archive_retrieval.py`` and never trained on (:func:`restatement_checks`);
* **unrelated queries**, all candidates negatives, from sources no measured set holds:
  the first sentences of 2,000 MRPC training pairs, 2,000 ClaimBuster debate sentences
  (six words or more, seed 24), the STS-benchmark news headlines of 2013 and 2014, 2,000
  further MRPC sentences in no row ``bench/_unrelated_queries.py`` measures
  (:func:`mrpc_extra_sentences`), and the training tweets searched in an archive without
  the checks they repeat (a tweet about a check the archive lacks).

Each query is searched in three archives (the whole CLEF archive of 10,375 claims, and the
training tweets' claims plus 300 or 2,000 random others, because a project's archive may
hold a few hundred checks). Five folds grouped by check (a tweet, its title and the
tweet without its check in one fold) give out-of-fold probabilities. The list floor is
the strictest on a 0.001 grid at which (i) the out-of-fold training tweets' MAP@5 stays
within :data:`MAX_MAP_COST` of the unfloored re-ranking and (ii) at most
:data:`MAX_RESTATED_SILENCED` of the training restatements are silenced (both in the
whole archive). The dev split and the held-out checks are never used here;
``bench/archive_retrieval.py`` reports them. Only numbers are written
(``weights/archive_relevance.json``).

``--same-fact`` fits the measured model with the pair model's two inputs instead
(:data:`~factdesk.matching.archive_relevance.SAME_FACT_FEATURE_NAMES`) on the tweets and
the first three unrelated sources only, by rule (i), into
``weights/archive_relevance_samefact.json`` (needs a spaCy English model; about 10 min).
"""

from __future__ import annotations

import csv
import json
import random
import sys
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path

import numpy as np

from factdesk.matching.archive_index import ArchiveIndex, tokenise_plain
from factdesk.matching.archive_relevance import (
    PLAIN_FEATURE_NAMES,
    SAME_FACT_FEATURE_NAMES,
    SAME_FACT_WEIGHTS,
    WEIGHTS,
    RelevanceModel,
    RelevanceSearch,
)
from factdesk.matching.archive_samefact import SameFactScorer
from factdesk.matching.archive_vectors import vectors_of

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
#: MRPC sentences the bench measures on (``bench/_unrelated_queries.py``), at most.
MEASURED_MRPC = 1500
#: Sizes of the smaller training archives: the training queries' claims + this many others.
SMALL_ARCHIVES = (300, 2000)
SEED = 24
MAX_MAP_COST = 0.01
#: The floor may silence at most this share of the training restatements (out of fold).
MAX_RESTATED_SILENCED = 0.02
#: Random checks whose titles are held out for the bench, and further ones trained on.
HELD_OUT_CHECKS = 300
EXTRA_TITLE_CHECKS = 1500
RESTATEMENT_SEED = 2424
#: A title restates its claim when it has this many words and a content word in common.
MIN_RESTATEMENT_WORDS = 6
FOLDS = 5
C = 1.0


def _read_tsv(path: Path) -> list[list[str]]:
    return [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8-sig")]


def load_docs(path: Path | None = None) -> list[tuple[str, str, str]]:
    """The verified claims as ``(id, claim, title)``, the file's CSV quotes undone (as
    ``bench/archive_retrieval.py`` reads them: 10,375 claims)."""
    with (path or CLEF / "verified_claims.docs.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    return [(r[0], r[1], r[2]) for r in rows[1:] if len(r) >= 3]


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


def mrpc_measured_sentences(limit: int = MEASURED_MRPC) -> list[str]:
    """Both sentences of the MRPC rows whose first sentence :func:`mrpc_sentences` does
    not take, in file order, at most ``limit``: the bench's "MRPC held-out rows"."""
    used = set(mrpc_sentences())
    rows = [r for r in _read_tsv(MRPC_TRAIN)[1:] if len(r) > 4 and r[3] not in used]
    texts = dict.fromkeys(s for r in rows for s in (r[3], r[4]))
    return [t for t in texts if t not in used][:limit]


def mrpc_extra_sentences(limit: int = UNRELATED_QUERIES) -> list[str]:
    """MRPC sentences in no row the bench measures and not in :func:`mrpc_sentences`
    (random, seed :data:`SEED`): the second sentences of the first sentences' rows and
    the rows past the bench's cap."""
    used, measured = set(mrpc_sentences()), set(mrpc_measured_sentences())
    texts = [s for r in _read_tsv(MRPC_TRAIN)[1:]
             if len(r) > 4 and r[3] not in measured and r[4] not in measured
             for s in (r[3], r[4]) if s not in used]
    texts = list(dict.fromkeys(texts))
    random.Random(SEED).shuffle(texts)
    return texts[:limit]


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
    """The unrelated queries of the earlier training: MRPC, ClaimBuster, STS 2013-14."""
    return list(dict.fromkeys(mrpc_sentences() + claimbuster_sentences()
                              + sts_headlines(TRAINING_HEADLINE_YEARS)))


def restates(title: str, claim: str) -> bool:
    """Whether a fact-check title restates its claim: :data:`MIN_RESTATEMENT_WORDS` words
    or more and a content word (stem) in common ("Did 122 Prisoners Released from
    Guantanamo ... Return to the Battlefield?"), not a pun or a topic ("Korean Fan Death")."""
    return (len(title.split()) >= MIN_RESTATEMENT_WORDS
            and bool(set(tokenise_plain(title)) & set(tokenise_plain(claim))))


def _has_own_title(claim: str, title: str) -> bool:
    return len(title.split()) >= 3 and title.strip().lower() != claim.strip().lower()


def restatement_checks(docs: Sequence[tuple[str, str, str]], train_relevant: set[str],
                       dev_relevant: set[str]) -> tuple[list[str], list[str], list[str]]:
    """Check ids whose titles are queries: those the training tweets repeat (but no dev
    tweet), :data:`EXTRA_TITLE_CHECKS` random others, and :data:`HELD_OUT_CHECKS` random
    others held out for the bench. The first two keep only titles that :func:`restates`
    accepts; the held-out ones are all kept (the bench reports both)."""
    by_id = {d[0]: d for d in docs}
    trained = [i for i in sorted(train_relevant - dev_relevant)
               if i in by_id and _has_own_title(by_id[i][1], by_id[i][2])]
    pool = [d[0] for d in docs if d[0] not in train_relevant | dev_relevant
            and _has_own_title(d[1], d[2])]
    random.Random(RESTATEMENT_SEED).shuffle(pool)
    held_out = pool[:HELD_OUT_CHECKS]
    extra = pool[HELD_OUT_CHECKS:HELD_OUT_CHECKS + EXTRA_TITLE_CHECKS]

    def restating(ids: list[str]) -> list[str]:
        return [i for i in ids if restates(by_id[i][2], by_id[i][1])]

    return restating(trained), restating(extra), held_out


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


def silenced_share(probabilities: Iterable[np.ndarray], floor: float) -> float:
    """The share of queries whose best candidate is below ``floor``."""
    flags = [p.size == 0 or float(p.max()) < floor for p in probabilities]
    return float(np.mean(flags)) if flags else 0.0


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


class _Searcher:
    """Candidates and feature rows of queries in variants of one archive: some checks
    left out, or some checks' titles replaced by their claims (the vectors read from the
    whole archive's)."""

    def __init__(self, docs: Sequence[tuple[str, str, str]], names: tuple[str, ...],
                 pair_inputs: SameFactScorer) -> None:
        self.position = {d[0]: i for i, d in enumerate(docs)}
        self.claim_vectors = vectors_of([d[1] for d in docs])
        self.title_vectors = vectors_of([d[2] for d in docs])
        self.model = RelevanceModel(np.zeros(len(names)), 0.0, 0.0, names)
        self.pair_inputs = pair_inputs

    def features(self, archive: Sequence[tuple[str, str, str]], queries: Sequence[str],
                 drop: Collection[str] = (), retitle: Collection[str] = ()
                 ) -> list[tuple[list[str], np.ndarray]]:
        """``retitle``: checks whose title is a query; their title field holds their claim
        instead (a title searched for itself would match its own words), so that the
        query finds the check only through the claim's wording, yet reads a title as
        close to the claim as a real title is."""
        kept = [d for d in archive if d[0] not in drop]
        rows = [(i, c, c if i in retitle else t) for i, c, t in kept]
        at = np.array([self.position[i] for i, _, _ in kept], dtype=np.int64)
        titles = np.where(np.array([i in retitle for i, _, _ in kept])[:, None],
                          self.claim_vectors[at], self.title_vectors[at])
        index = ArchiveIndex(rows)
        search = RelevanceSearch(index, [t for _, _, t in rows], self.model,
                                 claim_vectors=self.claim_vectors[at], title_vectors=titles,
                                 same_fact=self.pair_inputs)
        return [([index.doc_ids[int(p)] for p in positions], features)
                for positions, features in search.features(list(queries))]


def _found_first(lists: list[tuple[list[str], np.ndarray, set[str]]], floor: float) -> float:
    """The share of lists whose most probable candidate is relevant and reaches ``floor``."""
    flags = [p.size > 0 and float(p.max()) >= floor and ids[int(np.argmax(p))] in relevant
             for ids, p, relevant in lists]
    return float(np.mean(flags)) if flags else 0.0


def _floor(tweets: list, restated: list, base: float) -> float:
    """The strictest 0.001 step keeping rule (i) and, with restatements, rule (ii)."""
    floor = 0.0
    for candidate in np.arange(0.001, 0.5, 0.001):
        if list_map(tweets, float(candidate)) < base - MAX_MAP_COST:
            break
        if restated and silenced_share((p for _, p, _ in restated),
                                       float(candidate)) > MAX_RESTATED_SILENCED:
            break
        floor = round(float(candidate), 3)
    return floor


DATASETS = {
    "CLEF-2020 CheckThat! Task 2 (train split; verified claims and their fact-check titles)":
        "Shaar et al., 'Overview of CheckThat! 2020 ... Task 2: Verified Claim "
        "Retrieval', CLEF 2020 Working Notes. Free for general research use.",
    "MRPC (training part: first sentences, and sentences of rows the bench does not "
    "measure, as unrelated queries)":
        "Dolan & Brockett, 'Automatically Constructing a Corpus of Sentential "
        "Paraphrases', IWP 2005. No text is stored here, only weights.",
    "ClaimBuster crowdsourced sentences (unrelated queries)":
        "Arslan et al., 'A Benchmark Dataset of Check-worthy Factual Claims', "
        "ICWSM 2020 (Zenodo 10.5281/zenodo.3609356).",
    "STS benchmark, news headlines 2013-2014 (unrelated queries)":
        "Cer et al., 'SemEval-2017 Task 1: Semantic Textual Similarity', "
        "SemEval 2017. Scores CC BY-SA 4.0.",
}


def main(argv: Sequence[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    same_fact = "--same-fact" in args
    names = SAME_FACT_FEATURE_NAMES if same_fact else PLAIN_FEATURE_NAMES
    # Lazy: scikit-learn is a training-time dependency only.
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    if not all(p.exists() for p in (CLEF, MRPC_TRAIN, CLAIMBUSTER, STS_NEWS)):
        print(f"evaluation data not found under {EVAL_DIR}")
        return 1
    docs = load_docs()
    by_id = {d[0]: d for d in docs}
    tweets, qrels = load_clef("train")
    train_relevant = set().union(*qrels)
    titled, extra, _ = restatement_checks(docs, train_relevant,
                                          set().union(*load_clef("dev")[1]))
    unrelated = unrelated_training_queries()
    more_unrelated = [] if same_fact else mrpc_extra_sentences()
    searcher = _Searcher(docs, names, SameFactScorer(cache_size=None))
    tweet_groups = ["check:" + min(r) for r in qrels]
    # (kind, archive, candidate ids, feature rows, relevant ids, fold group) per query
    blocks: list[tuple[str, str, list[str], np.ndarray, set[str], str]] = []

    def add(kind: str, archive: str, found: list[tuple[list[str], np.ndarray]],
            relevant: Sequence[set[str]], groups: Sequence[str]) -> None:
        blocks.extend((kind, archive, ids, rows, rel, group) for (ids, rows), rel, group
                      in zip(found, relevant, groups, strict=True))

    for name, archive in training_archives(docs, qrels):
        print(f"archive {name}: candidates", flush=True)
        add("tweets", name, searcher.features(archive, tweets), qrels, tweet_groups)
        add("unrelated", name, searcher.features(archive, unrelated), [set()] * len(unrelated),
            [f"unrelated:{i}" for i in range(len(unrelated))])
        if same_fact:
            continue
        add("more unrelated", name, searcher.features(archive, more_unrelated),
            [set()] * len(more_unrelated), [f"mrpc:{i}" for i in range(len(more_unrelated))])
        add("tweets without their checks", name,
            searcher.features(archive, tweets, drop=train_relevant), [set()] * len(tweets),
            tweet_groups)
        held = {d[0] for d in archive}
        mine = [i for i in titled if i in held] + (extra if name == "full" else [])
        add("restatements", name,
            searcher.features(archive, [by_id[i][2] for i in mine], retitle=mine),
            [{i} for i in mine], [f"check:{i}" for i in mine])
    x = np.vstack([b[3] for b in blocks])
    y = np.array([int(d in b[4]) for b in blocks for d in b[2]])
    group_of: dict[str, int] = {}
    groups = np.array([group_of.setdefault(b[5], len(group_of))
                       for b in blocks for _ in b[2]])
    oof = np.zeros(len(y))
    for train, test in GroupKFold(FOLDS).split(x, y, groups):
        model = LogisticRegression(C=C, max_iter=3000).fit(x[train], y[train])
        oof[test] = model.predict_proba(x[test])[:, 1]
    lists: dict[str, list[tuple[list[str], np.ndarray, set[str]]]] = {}
    start = 0
    for kind, archive, ids, _, relevant, _ in blocks:
        if archive == "full":
            lists.setdefault(kind, []).append((ids, oof[start:start + len(ids)], relevant))
        start += len(ids)
    base = list_map(lists["tweets"], 0.0)
    restated = lists.get("restatements", [])
    floor = _floor(lists["tweets"], restated, base)
    final = LogisticRegression(C=C, max_iter=3000).fit(x, y)
    figures = {
        "train_queries": len(tweets), "unrelated_queries": len(unrelated),
        "more_unrelated_queries": len(more_unrelated),
        "restatement_queries_whole_archive": len(restated),
        "archives": ["CLEF verified claims (10,375)"] + [
            f"training queries' claims + {n} others" for n in SMALL_ARCHIVES],
        "candidates": len(y), "positives": int(y.sum()),
        "cv_auc": round(float(roc_auc_score(y, oof)), 4),
        "cv_map5_lexical": round(float(np.mean([average_precision(ids, rel)
                                                for ids, _, rel in lists["tweets"]])), 4),
        "cv_map5_reranked": round(base, 4),
        "cv_map5_with_floor": round(list_map(lists["tweets"], floor), 4),
    }
    for kind, tag in (("unrelated", "unrelated"), ("more unrelated", "more_unrelated"),
                      ("tweets without their checks", "tweets_without_their_checks"),
                      ("restatements", "restatements")):
        if kind in lists:
            share = silenced_share((p for _, p, _ in lists[kind]), floor)
            figures[f"cv_{tag}_silenced_whole_archive"] = round(share, 4)
    if restated:
        figures["cv_restatements_found_first"] = round(_found_first(restated, floor), 4)
    rule = (f"strictest 0.001 step whose {FOLDS}-fold out-of-fold training MAP@5 is within "
            f"{MAX_MAP_COST} of the unfloored re-ranking")
    if not same_fact:
        rule += (f" and that silences at most {MAX_RESTATED_SILENCED:.0%} of the training "
                 "restatements out of fold")
    out = {
        "model": f"L2 logistic regression (scikit-learn, C={C}) over the candidates of "
                 "the lexical archive index; probability = relevance shown",
        "features": list(names),
        "coefficients": [round(float(c), 6) for c in final.coef_[0]],
        "intercept": round(float(final.intercept_[0]), 6),
        "floor": floor,
        "floor_rule": rule,
        "datasets": DATASETS,
        "cross_validation": figures,
    }
    if same_fact:
        out["model"] += ("; same_fact: the same-fact probability of FactDesk's sentence-pair "
                         "model (weights/pair_model.json, trained on MRPC; see its "
                         "datasets) for the query and the candidate's claim, "
                         "best_same_fact: its best over the query's candidates")
    else:
        out["model"] += ("; every feature also counted for plain-text queries only (no "
                         "link, @handle or #hashtag), with a plain-text intercept; relevant "
                         "queries: CLEF training tweets and fact-check titles restating "
                         "their claims, each searched with its own check's title "
                         "replaced by its claim")
    path = SAME_FACT_WEIGHTS if same_fact else WEIGHTS
    path.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))
    print(f"floor {floor}; written {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
