"""Benchmark of :class:`ArchiveIndex` on CLEF-2020 CheckThat! Task 2 (claim retrieval).

Prints MAP@5, MAP@1 and recall@5 on the train and dev queries for FactDesk's archive
index and for the plain TF-IDF cosine baseline over claim + title (scikit-learn, only
when installed), plus build and per-query times; then the calibrated relevance
re-ranking with and without its floor, and the share of each set of unrelated queries
(``bench/_unrelated_queries.py``) that the floor silences; the relevant dev tweets it
silences, and dev tweets searched without their checks; 300 held-out checks searched
by their own claim and by their fact-check title (that title replaced by the claim in
the index, so that only the claim's wording can be found), none of them trained on.

    python bench/archive_retrieval.py [--floors 0,0.01,0.02,...] [--survivors N]
                                      [--weights FILE]

The data lives outside the repository in ``../shared/eval/clef2020-claim-retrieval``
(relative to the repository root); without it the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))  # its helper modules

from factdesk.matching.archive_index import ArchiveIndex  # noqa: E402
from factdesk.matching.train_archive_relevance import load_docs as read_docs  # noqa: E402

DATA = REPO.parent / "shared" / "eval" / "clef2020-claim-retrieval"

Ranked = list[tuple[str, float]]


def load_docs(data: Path = DATA) -> list[tuple[str, str, str]]:
    """The verified claims as ``(id, claim, title)``, read as the trainer reads them."""
    return read_docs(data / "verified_claims.docs.tsv")


def load_split(split: str, data: Path = DATA) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Queries ``{query_id: tweet}`` and relevance ``{query_id: {vclaim_id}}`` of a split."""
    queries: dict[str, str] = {}
    with open(data / split / "tweets.queries.tsv", encoding="utf-8", newline="") as fh:
        for r in list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]:
            if len(r) >= 2:
                queries[r[0]] = r[1]
    qrels: dict[str, set[str]] = {}
    with open(data / split / "tweet-vclaim-pairs.qrels", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 4 and parts[3] != "0":
                qrels.setdefault(parts[0], set()).add(parts[2])
    return queries, qrels


def evaluate(
    rank: Callable[[Sequence[str]], list[Ranked]],
    queries: dict[str, str],
    qrels: dict[str, set[str]],
    k: int = 5,
) -> dict[str, float]:
    """MAP@k, MAP@1 and recall@k of ``rank`` (a batch ranker) over the judged queries.

    AP@k = sum over ranks i <= k holding a relevant document of precision@i, divided by
    min(number relevant, k) — with one relevant claim per tweet this is the reciprocal
    rank within the top k, as in the CheckThat! scorer.
    """
    qids = [q for q in queries if q in qrels]
    results = rank([queries[q] for q in qids])
    ap_k, ap_1, rec = [], [], []
    for qid, ranked in zip(qids, results, strict=True):
        rel = qrels[qid]
        ids = [d for d, _ in ranked[:k]]
        hits, total = 0, 0.0
        for i, d in enumerate(ids, start=1):
            if d in rel:
                hits += 1
                total += hits / i
        ap_k.append(total / min(len(rel), k))
        ap_1.append(1.0 if ids[:1] and ids[0] in rel else 0.0)
        rec.append(len(rel.intersection(ids)) / len(rel))
    n = max(len(qids), 1)
    return {"map@5": sum(ap_k) / n, "map@1": sum(ap_1) / n, "recall@5": sum(rec) / n, "n": n}


def tfidf_baseline(
    docs: list[tuple[str, str, str]],
) -> Callable[[Sequence[str]], list[Ranked]] | None:
    """Plain TF-IDF cosine over claim + title (scikit-learn defaults), or None if absent."""
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
    except ImportError:
        return None
    vec = TfidfVectorizer()
    matrix = vec.fit_transform([f"{c} {t}" for _, c, t in docs])
    ids = [d for d, _, _ in docs]

    def rank(texts: Sequence[str]) -> list[Ranked]:
        sims = (vec.transform(list(texts)) @ matrix.T).toarray()
        out = []
        for row in sims:
            top = row.argsort()[::-1][:5]
            out.append([(ids[i], float(row[i])) for i in top])
        return out

    return rank


def _unrelated_queries(limit: int = 1500) -> dict[str, list[str]]:
    """Queries with no Snopes claim in mind, by set (``bench/_unrelated_queries.py``:
    STS headlines 2015-16, STS deft-news 2014, ECB+, BASIL, MRPC held-out rows; none
    used in training), and, for comparison with the figures before, the first 1,500
    sentences of the STS train part (1,000 MSRpar, which overlaps MRPC, a training
    source; 300 deft-news; 200 headlines)."""
    from _unrelated_queries import unrelated_sets

    sets = unrelated_sets()
    path = REPO.parent / "shared" / "eval" / "sts-news" / "sts-news-train-dev.tsv"
    if path.exists():
        rows = [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8")][1:]
        sets["STS train rows 1-1500 (earlier set)"] = [
            r[6] for r in rows if len(r) > 6 and r[0] == "train"][:limit]
    return sets


def _floor_curve(search, splits: dict, unrelated_sets: dict[str, list[str]],
                 floors: Sequence[float]) -> None:
    """Dev MAP@5 and the share of each unrelated set silenced at each of ``floors``: the
    trade-off a checker picks from with ``--min-relevance``."""
    queries, qrels = splits["dev"]
    qids = [q for q in queries if q in qrels]
    dev = search.search_many([queries[q] for q in qids], 5, 0.0)
    best = {name: [hits[0][1] if hits else 0.0
                   for hits in search.search_many(texts, 1, 0.0)]
            for name, texts in unrelated_sets.items()}
    names = [n.split(" (")[0] for n in best]
    print(f"{'floor':>7} {'dev MAP@5':>10} {'dev MAP@1':>10}  silenced: " + " | ".join(names))
    for floor in floors:
        floored = [hits if hits and hits[0][1] >= floor else [] for hits in dev]
        m = evaluate(lambda _texts, floored=floored: floored, queries, qrels)
        shares = [sum(b < floor for b in values) / max(len(values), 1)
                  for values in best.values()]
        print(f"{floor:7.3f} {m['map@5']:10.3f} {m['map@1']:10.3f}  "
              + " | ".join(f"{share:{len(n)}.1%}" for share, n in zip(shares, names,
                                                                      strict=True)))


def _relevance_figures(docs: list[tuple[str, str, str]], index: ArchiveIndex,
                       splits: dict, unrelated_sets: dict[str, list[str]],
                       survivors: int = 0, floors: Sequence[float] = (),
                       same_fact: bool = False, weights: Path | None = None) -> None:
    """MAP@5 re-ranked by the calibrated relevance, with and without its floor, and the
    share of unrelated queries it silences (``same_fact``: the measured model with the
    pair model's inputs instead of the shipped one; ``weights``: another weights file)."""
    import json

    from factdesk.matching.archive_relevance import (
        RelevanceModel,
        RelevanceSearch,
        load_relevance_model,
    )
    from factdesk.nlp.embeddings import EmbeddingsUnavailable

    model = load_relevance_model(same_fact=same_fact) if weights is None else \
        RelevanceModel.from_json(json.loads(weights.read_text(encoding="utf-8")))
    try:
        t0 = time.perf_counter()
        search = RelevanceSearch(index, [t for _, _, t in docs], model)
    except EmbeddingsUnavailable as exc:
        print(f"note: relevance model skipped: {exc}")
        return
    floor = search.model.floor
    inputs = ("with the pair model's same-fact inputs (measured, not the default)"
              if search.model.uses_same_fact else "as shipped" if weights is None
              else f"from {weights}")
    print(f"relevance model {inputs}: claim/title vectors in "
          f"{time.perf_counter() - t0:.2f} s; floor {floor}")
    _restatement_figures(search, docs, splits)
    for label, minimum in (("relevance re-rank", 0.0), ("relevance re-rank + floor", None)):
        for split, (queries, qrels) in splits.items():
            m = evaluate(lambda texts, lo=minimum: search.search_many(list(texts), 5, lo),
                         queries, qrels)
            print(f"{label:30} {split:6} {m['n']:4d} {m['map@5']:7.3f} {m['map@1']:7.3f}"
                  f" {m['recall@5']:7.3f}")
    claims = dict(zip(index.doc_ids, index.claims, strict=True))
    for name, unrelated in unrelated_sets.items():
        t0 = time.perf_counter()
        results = search.search_many(unrelated, 5)
        per_query = (time.perf_counter() - t0) / len(unrelated) * 1000
        empty = sum(not hits for hits in results)
        print(f"unrelated queries ({name}): {empty}/{len(unrelated)} = "
              f"{empty / len(unrelated):.1%} return nothing with the relevance floor "
              f"({per_query:.1f} ms a query)")
        kept = sorted(((hits[0][1], text, claims[hits[0][0]])
                       for text, hits in zip(unrelated, results, strict=True) if hits),
                      reverse=True)
        for relevance, text, claim in kept[:survivors]:
            print(f"  {relevance:.2f}  {text!r}\n        -> {claim!r}")
    first = next(iter(unrelated_sets.values()), [])
    if floors:
        _floor_curve(search, splits, unrelated_sets, floors)
    _small_archive_figures(docs, splits, first, search.model)


def _restatement_figures(search, docs: list[tuple[str, str, str]], splits: dict) -> None:
    """Checks a checker would expect found: 300 held-out checks (never trained on) by
    their own claim verbatim and by their fact-check title, a real restatement, with that
    title replaced by the claim in the index, text and vector (else the title field
    matches it word for word);
    the titles that restate the claim (six words or more, a word in common) apart. Then
    the relevant dev tweets silenced, and dev tweets searched without their checks (a
    tweet about a check the archive lacks: silenced is right)."""
    import re

    import numpy as np

    from factdesk.matching.archive_relevance import RelevanceSearch
    from factdesk.matching.train_archive_relevance import restatement_checks, restates

    train_relevant = set().union(*splits["train"][1].values())
    dev_queries, dev_qrels = splits["dev"]
    dev_relevant = set().union(*dev_qrels.values())
    held = restatement_checks(docs, train_relevant, dev_relevant)[2]
    by_id = {d[0]: d for d in docs}
    position = {d: i for i, d in enumerate(search.index.doc_ids)}

    def variant(retitle: set[str] = frozenset(), drop: set[str] = frozenset()):
        kept = [d for d in docs if d[0] not in drop]
        rows = [(i, c, c if i in retitle else t) for i, c, t in kept]
        at = np.array([position[i] for i, _, _ in kept])
        titles = np.where(np.array([i in retitle for i, _, _ in kept])[:, None],
                          search.claim_vectors[at], search.title_vectors[at])
        return RelevanceSearch(ArchiveIndex(rows), [t for _, _, t in rows], search.model,
                               claim_vectors=search.claim_vectors[at], title_vectors=titles)

    def same_claim(doc_id: str) -> str:  # duplicates differ only in quotes or case
        return " ".join(re.sub(r"[^a-z0-9 ]", " ", by_id[doc_id][1].lower()).split())

    def report(label: str, found: list, wanted: list[str]) -> None:
        first = sum(bool(h) and h[0][0] == w for h, w in zip(found, wanted, strict=True))
        alike = sum(bool(h) and same_claim(h[0][0]) == same_claim(w)
                    for h, w in zip(found, wanted, strict=True))
        quiet = sum(not h for h in found)
        n = len(wanted)
        print(f"{label}: found first {first}/{n} = {first / n:.1%} ({alike / n:.1%} counting "
              f"a duplicate check of the same claim), silenced {quiet}/{n} = {quiet / n:.1%}")

    report(f"held-out checks by their own claim ({len(held)})",
           search.search_many([by_id[i][1] for i in held], 5), held)
    titled = variant(retitle=set(held)).search_many([by_id[i][2] for i in held], 5)
    report(f"held-out checks by their fact-check title ({len(held)}, its title replaced "
           "by its claim)",
           titled, held)
    restating = [k for k, i in enumerate(held) if restates(by_id[i][2], by_id[i][1])]
    report(f"  of which titles restating the claim ({len(restating)})",
           [titled[k] for k in restating], [held[k] for k in restating])
    absent = variant(drop=set(held)).search_many([by_id[i][2] for i in held], 5)
    quiet = sum(not h for h in absent)
    print(f"held-out titles with their check absent: silenced {quiet}/{len(held)} = "
          f"{quiet / len(held):.1%}")
    qids = [q for q in dev_queries if q in dev_qrels]
    found = search.search_many([dev_queries[q] for q in qids], 5)
    quiet = sum(not h for h in found)
    print(f"relevant dev tweets silenced: {quiet}/{len(qids)} = {quiet / len(qids):.1%}")
    found = variant(drop=dev_relevant).search_many([dev_queries[q] for q in qids], 5)
    quiet = sum(not h for h in found)
    print(f"dev tweets with their checks absent: silenced {quiet}/{len(qids)} = "
          f"{quiet / len(qids):.1%}")


def _small_archive_figures(docs: list[tuple[str, str, str]], splits: dict,
                           unrelated: list[str], model=None, others: int = 300) -> None:
    """The same in a project-sized archive: dev's relevant claims + ``others`` random."""
    import random

    from factdesk.matching.archive_relevance import RelevanceSearch

    queries, qrels = splits["dev"]
    relevant = set().union(*qrels.values())
    rest = [d for d in docs if d[0] not in relevant]
    small = [d for d in docs if d[0] in relevant] + random.Random(7).sample(rest, others)
    search = RelevanceSearch(ArchiveIndex(small), [t for _, _, t in small], model)
    m = evaluate(lambda texts: search.search_many(list(texts), 5), queries, qrels)
    empty = sum(not hits for hits in search.search_many(unrelated, 5)) if unrelated else 0
    print(f"small archive ({len(small)} claims: dev's relevant + {others} others): dev MAP@5 "
          f"{m['map@5']:.3f} with the floor; unrelated (STS headlines 2015-16) silenced "
          f"{empty}/{len(unrelated)} = {empty / max(len(unrelated), 1):.1%}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--survivors", type=int, default=0, metavar="N",
                        help="print the N unrelated queries of each set that the floor "
                             "lets through, most relevant first, with their best hit")
    parser.add_argument("--floors", default="", metavar="F,F,...",
                        help="also print dev MAP@5 and the share of each unrelated set "
                             "silenced at each of these relevance floors")
    parser.add_argument("--weights", type=Path, default=None, metavar="FILE",
                        help="measure the relevance weights in FILE (a JSON written by "
                             "train_archive_relevance) instead of the shipped ones")
    parser.add_argument("--same-fact", action="store_true",
                        help="measure the relevance model with the pair model's same-fact "
                             "inputs (not the default; needs a spaCy model)")
    args = parser.parse_args()
    survivors = args.survivors
    floors = [float(f) for f in args.floors.split(",") if f.strip()]
    if not DATA.is_dir():
        print(f"skipped: evaluation data not found at {DATA}")
        return 0
    docs = load_docs()
    splits = {s: load_split(s) for s in ("train", "dev")}
    t0 = time.perf_counter()
    index = ArchiveIndex(docs)
    build = time.perf_counter() - t0
    print(f"{len(docs)} verified claims; ArchiveIndex built in {build:.2f} s")
    times: list[float] = []

    def ours(texts: Sequence[str]) -> list[Ranked]:
        out = []
        for text in texts:
            t = time.perf_counter()
            out.append(index.search(text, 5))
            times.append(time.perf_counter() - t)
        return out

    systems: list[tuple[str, Callable[[Sequence[str]], list[Ranked]]]] = [("ArchiveIndex", ours)]
    baseline = tfidf_baseline(docs)
    if baseline is None:
        print("note: scikit-learn is not installed; TF-IDF baseline skipped")
    else:
        systems.append(("TF-IDF cosine (claim+title)", baseline))
    print(f"{'system':30} {'split':6} {'n':>4} {'MAP@5':>7} {'MAP@1':>7} {'R@5':>7}")
    for name, rank in systems:
        for split, (queries, qrels) in splits.items():
            m = evaluate(rank, queries, qrels)
            print(
                f"{name:30} {split:6} {m['n']:4d} {m['map@5']:7.3f} {m['map@1']:7.3f}"
                f" {m['recall@5']:7.3f}"
            )
    from factdesk.core.archive_service import PEAK_FLOOR, SCORE_FLOOR

    print(f"with the archive search floor (score >= {SCORE_FLOOR}, best >= {PEAK_FLOOR} x "
          "10th best):")
    for split, (queries, qrels) in splits.items():
        m = evaluate(lambda texts: index.search_many(texts, 5, min_score=SCORE_FLOOR,
                                                     min_peak=PEAK_FLOOR), queries, qrels)
        print(f"{'ArchiveIndex + floor':30} {split:6} {m['n']:4d} {m['map@5']:7.3f} "
              f"{m['map@1']:7.3f} {m['recall@5']:7.3f}")
    unrelated_sets = _unrelated_queries()
    from _unrelated_queries import training_overlap

    five = {name: texts for name, texts in unrelated_sets.items() if "earlier" not in name}
    print(f"queries of the five unrelated sets that are training queries: "
          f"{training_overlap(five)}")
    for name, unrelated in unrelated_sets.items():
        empty = sum(not index.search(t, 5, min_score=SCORE_FLOOR, min_peak=PEAK_FLOOR)
                    for t in unrelated)
        print(f"unrelated queries ({name}): {empty}/{len(unrelated)} "
              f"= {empty / len(unrelated):.1%} return nothing with the lexical floor")
    _relevance_figures(docs, index, splits, unrelated_sets, survivors, floors,
                       args.same_fact, args.weights)
    ms = sorted(t * 1000 for t in times)
    print(
        f"ArchiveIndex query time: median {statistics.median(ms):.1f} ms,"
        f" p95 {ms[int(0.95 * (len(ms) - 1))]:.1f} ms, max {ms[-1]:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
