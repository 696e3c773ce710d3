"""Tests of CandidateIndex: ranking, article exclusion, removal, recall against brute force."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pytest

from factdesk.matching.candidate_index import CandidateIndex, idf_weights

VOCAB = 3_000


def _claims(n: int, seed: int = 0) -> list[tuple[int, int, list[str]]]:
    """Zipf-distributed term sets, 25 claims per article, with entity and number keys."""
    rng = np.random.default_rng(seed)
    p = 1.0 / np.arange(1, VOCAB + 1) ** 1.05
    p /= p.sum()
    out = []
    for i in range(n):
        words = [f"w{t}" for t in rng.choice(VOCAB, int(rng.integers(4, 14)), p=p)]
        words.append(f"ent:e{int(rng.integers(0, n // 3 + 1))}")
        if rng.random() < 0.5:
            words.append(f"num:{int(rng.integers(0, 1000))}")
        out.append((i, i // 25, words))
    return out


def _brute(claims, query, exclude, k):
    """Independent pure-Python IDF-weighted cosine top-k."""
    df = Counter(t for _, _, ts in claims for t in set(ts))
    n = len(claims)

    def idf(t: str) -> float:
        return math.log1p(n / max(df.get(t, 0), 1))

    q = set(query)
    qn = math.sqrt(sum(idf(t) ** 2 for t in q))
    scored = []
    for cid, art, ts in claims:
        if art == exclude:
            continue
        d = set(ts)
        dot = sum(idf(t) ** 2 for t in q & d)
        if dot:
            scored.append((cid, dot / (qn * math.sqrt(sum(idf(t) ** 2 for t in d)))))
    scored.sort(key=lambda x: (-x[1], x[0]))
    return scored[:k]


@pytest.fixture(scope="module")
def claims():
    return _claims(5_000)


@pytest.fixture(scope="module")
def index(claims):
    ix = CandidateIndex()
    ix.add_many(claims)
    return ix


def test_identical_claim_ranks_first(index, claims):
    for cid in (3, 777, 4_321):
        res = index.query(claims[cid][2], exclude_article=-1, k=5)
        assert res[0][0] == cid
        assert res[0][1] == pytest.approx(1.0)
        assert all(a[1] >= b[1] for a, b in zip(res, res[1:], strict=False))


def test_excluded_article_never_returned(index, claims):
    art = {cid: a for cid, a, _ in claims}
    for cid in range(0, 5_000, 97):
        excl = art[cid]
        res = index.query(claims[cid][2], exclude_article=excl, k=50)
        assert res and all(art[c] != excl for c, _ in res)
    many = index.query_many([claims[c][2] for c in range(25, 50)], exclude_article=1, k=20)
    assert all(art[c] != 1 for res in many for c, _ in res)


def test_brute_force_matches_independent_computation(index, claims):
    rng = np.random.default_rng(5)
    for _ in range(20):
        q = [f"w{t}" for t in rng.integers(0, 400, 8)] + ["never-seen"]
        exclude = int(rng.integers(0, 200))
        ours = index.brute_force(q, exclude, 10)
        ref = _brute(claims, q, exclude, 10)
        assert [s for _, s in ours] == pytest.approx([s for _, s in ref], abs=1e-5)


@pytest.mark.parametrize("max_postings", [20_000, 400])
def test_recall_against_brute_force(claims, max_postings):
    ix = CandidateIndex(max_postings=max_postings)
    ix.add_many(claims)
    queries = _claims(300, seed=7)
    recalls = []
    for i, (_, _, q) in enumerate(queries):
        exact = ix.brute_force(q, exclude_article=i % 200, k=10)
        got = {c for c, _ in ix.query(q, exclude_article=i % 200, k=50)}
        if exact:
            recalls.append(sum(c in got for c, _ in exact) / len(exact))
    assert np.mean(recalls) >= 0.95


def test_remove_and_remove_article():
    ix = CandidateIndex()
    ix.add_many(_claims(500))
    target = ["alpha", "beta", "gamma", "ent:delta"]
    ix.add(10_000, 900, target)
    ix.add(10_001, 901, target)
    assert {c for c, _ in ix.query(target, k=2)} == {10_000, 10_001}
    assert ix.remove(10_000)
    assert not ix.remove(10_000)
    assert [c for c, _ in ix.query(target, k=1)] == [10_001]
    assert ix.remove_article(901) == 1
    assert ix.query(target, k=5) == []
    assert len(ix) == 500
    ix.compact()
    assert len(ix) == 500
    assert ix.query(target, k=5) == []


def test_incremental_adds_and_merges_keep_results_exact():
    claims = _claims(3_000, seed=3)
    ix = CandidateIndex(min_merge=100, merge_ratio=0.05)
    ix.add_many(claims[:1_000])
    ix.query(["w1"], k=1)  # builds the main segment
    for start in range(1_000, 3_000, 30):  # article-sized additions, each then queried
        ix.add_many(claims[start : start + 30])
        ix.query(claims[start][2], exclude_article=-1, k=1)
    assert len(ix) == 3_000
    ix.compact()
    fresh = CandidateIndex()
    fresh.add_many(claims)
    for cid in (5, 1_500, 2_999):
        q = claims[cid][2]
        ours, ref = ix.query(q, 7, 10), fresh.query(q, 7, 10)
        assert [c for c, _ in ours] == [c for c, _ in ref]
        assert [s for _, s in ours] == pytest.approx([s for _, s in ref])


def test_empty_and_unknown():
    ix = CandidateIndex()
    assert ix.query(["x"], 1) == []
    ix.add(1, 1, ["x", "y"])
    assert ix.query(["zzz"], 2) == []
    assert ix.query([], 2) == []
    assert ix.query(["x"], 1) == []  # only claim belongs to the excluded article
    assert ix.query(["x"], 2)[0][0] == 1


def test_idf_weights():
    w = idf_weights(np.array([0, 1, 10]), 10)
    assert w[0] == w[1] == pytest.approx(math.log(11))
    assert w[2] == pytest.approx(math.log(2))


@pytest.mark.parametrize("max_postings", [50, 400, 20_000])
def test_query_many_gives_exactly_one_query_per_claim(max_postings):
    """Batched queries (several segments, removed claims, an excluded article, claims
    that read only their rarer terms, empty and unknown ones) equal single queries."""
    claims = _claims(2_000, seed=5)
    ix = CandidateIndex(max_postings=max_postings, min_merge=100, merge_ratio=0.05)
    ix.add_many(claims[:1_500])
    ix.query(["w1"], k=1)  # builds the main segment; the rest goes to the tail
    ix.add_many(claims[1_500:1_560])
    for gone in (3, 700, 1_510):
        ix.remove(gone)
    queries = [ts for _, _, ts in claims[1_560:1_600]] + [[], ["unknown:term"], ["w0", "w1"]]
    for exclude, k in ((62, 12), (None, 50), (3, 1)):
        batched = ix.query_many(queries, exclude_article=exclude, k=k)
        assert batched == [ix.query(q, exclude_article=exclude, k=k) for q in queries]
    assert any(batched)
