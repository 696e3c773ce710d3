"""Benchmark of :class:`ArchiveIndex` on CLEF-2020 CheckThat! Task 2 (claim retrieval).

Prints MAP@5, MAP@1 and recall@5 on the train and dev queries for FactDesk's archive
index and for the plain TF-IDF cosine baseline over claim + title (scikit-learn, only
when installed), plus build and per-query times; then the calibrated relevance
re-ranking with and without its floor, and the share of each set of unrelated queries
(``bench/_unrelated_queries.py``) that the floor silences.

    python bench/archive_retrieval.py [--floors 0,0.01,0.02,...] [--survivors N]

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

DATA = REPO.parent / "shared" / "eval" / "clef2020-claim-retrieval"

Ranked = list[tuple[str, float]]


def load_docs(data: Path = DATA) -> list[tuple[str, str, str]]:
    """The verified claims as ``(id, claim, title)``."""
    with open(data / "verified_claims.docs.tsv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    return [(r[0], r[1], r[2]) for r in rows[1:] if len(r) >= 3]


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
                       same_fact: bool = False) -> None:
    """MAP@5 re-ranked by the calibrated relevance, with and without its floor, and the
    share of unrelated queries it silences (``same_fact``: the measured model with the
    pair model's inputs instead of the shipped one)."""
    from factdesk.matching.archive_relevance import RelevanceSearch, load_relevance_model
    from factdesk.nlp.embeddings import EmbeddingsUnavailable

    try:
        t0 = time.perf_counter()
        search = RelevanceSearch(index, [t for _, _, t in docs],
                                 load_relevance_model(same_fact=same_fact))
    except EmbeddingsUnavailable as exc:
        print(f"note: relevance model skipped: {exc}")
        return
    floor = search.model.floor
    inputs = ("with the pair model's same-fact inputs (measured, not the default)"
              if search.model.uses_same_fact else "as shipped")
    print(f"relevance model {inputs}: claim/title vectors in "
          f"{time.perf_counter() - t0:.2f} s; floor {floor}")
    _verbatim_figures(search, docs)
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


def _verbatim_figures(search, docs: list[tuple[str, str, str]], n: int = 150) -> None:
    """How often a check's own claim, searched verbatim, finds it first above the floor
    (a clean restatement, as a claim from a news article is: the CLEF queries are all
    tweets)."""
    import random

    sample = random.Random(5).sample(docs, n)
    results = search.search_many([claim for _, claim, _ in sample], 5)
    first = sum(bool(h) and h[0][0] == d[0] for h, d in zip(results, sample, strict=True))
    silenced = sum(not h for h in results)
    print(f"checks' own claims searched verbatim ({n} random): found first {first}/{n}, "
          f"silenced {silenced}/{n}")


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
    for name, unrelated in unrelated_sets.items():
        empty = sum(not index.search(t, 5, min_score=SCORE_FLOOR, min_peak=PEAK_FLOOR)
                    for t in unrelated)
        print(f"unrelated queries ({name}): {empty}/{len(unrelated)} "
              f"= {empty / len(unrelated):.1%} return nothing with the lexical floor")
    _relevance_figures(docs, index, splits, unrelated_sets, survivors, floors,
                       args.same_fact)
    ms = sorted(t * 1000 for t in times)
    print(
        f"ArchiveIndex query time: median {statistics.median(ms):.1f} ms,"
        f" p95 {ms[int(0.95 * (len(ms) - 1))]:.1f} ms, max {ms[-1]:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
