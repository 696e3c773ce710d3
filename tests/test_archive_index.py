"""Tests of ArchiveIndex: tweet normalisation, stemming, ranking and the CLEF benchmark."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from factdesk.matching.archive_index import ArchiveIndex, normalise_text, stem, tokenise

REPO = Path(__file__).resolve().parents[1]
CLEF = REPO.parent / "shared" / "eval" / "clef2020-claim-retrieval"

DOCS = [
    (
        "0",
        "122 detainees released from Guantanamo Bay under President Obama re-engaged in terrorism.",
        "Did 122 Prisoners Released from Guantanamo Return to the Battlefield?",
    ),
    (
        "1",
        "70 per cent of the persons arrested during protests in Charlotte had out-of-state IDs.",
        "70% of Arrested Charlotte Protesters Are Out-of-State Criminals",
    ),
    (
        "2",
        "The U.S. Army is sending text messages about a military draft.",
        "Is the U.S. Army Texting People About a Military Draft?",
    ),
    (
        "3",
        "A video shows a drone strike that killed Iranian general Qassem Soleimani.",
        "Does Video Show the Drone Strike on Soleimani?",
    ),
    ("4", "Eating carrots improves your night vision.", "Do Carrots Improve Night Vision?"),
]


def test_normalise_tweet():
    tweet = (
        "The US drone attack on #QassemSoleimani caught on camera.#IranUSApic.twitter.com/Tv"
        " https://t.co/abc — Some Person (@handle) January 6, 2020"
    )
    text = normalise_text(tweet)
    assert "pic.twitter" not in text and "t.co" not in text and "@handle" not in text
    assert "January" not in text
    assert "Qassem Soleimani" in text and "Iran USA" in text and "Some Person" in text


def test_stem_and_tokenise():
    assert stem("prisoners") == stem("prisoner") == "prison"
    assert stem("released") == stem("releasing") == stem("release")
    assert stem("ponies") == "poni"
    tokens, flags = tokenise("Obama released the prisoners in Cuba")
    assert tokens == ["obama", "releas", "prison", "cuba"]
    assert flags == [False, False, False, True]


def test_stemming_from_several_threads_agrees_with_one_thread():
    """A PyStemmer instance must not be shared by threads: each thread has its own (the
    window builds the archive index in a worker while the CLI or tests stem elsewhere)."""
    from concurrent.futures import ThreadPoolExecutor

    words = [f"{base}{end}" for base in ("connect", "relat", "general", "hop", "agree")
             for end in ("ed", "ing", "ions", "ational", "ness", "ly", "s")] * 40
    expected = [stem.__wrapped__(w) for w in words]
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda chunk: [stem.__wrapped__(w) for w in chunk],
                                [words] * 8))
    assert all(r == expected for r in results)
    assert stem.__wrapped__("connections") == "connect"


def test_exact_and_paraphrased_queries_rank_first():
    index = ArchiveIndex(DOCS)
    for doc_id, claim, _ in DOCS:
        res = index.search(claim, k=3)
        assert res[0][0] == doc_id
    res = index.search(
        "BREAKING: Army says it is NOT texting anyone about the draft pic.twitter.com/x"
        " — U.S. Army CGSC (@USACGSC) January 8, 2020"
    )
    assert res[0][0] == "2"
    assert all(0.0 <= s <= 1.0 for _, s in res)
    assert all(a[1] >= b[1] for a, b in zip(res, res[1:], strict=False))
    assert index.search("#Soleimani drone", k=1)[0][0] == "3"


def test_search_many_and_edge_cases():
    index = ArchiveIndex(DOCS, fuzzy_weight=0.2, bigram_weight=0.5, entity_boost=1.5)
    many = index.search_many(["carrots night vision", "Charlotte protesters arrested"], k=2)
    assert [r[0][0] for r in many] == ["4", "1"]
    assert index.search("", k=5) == []
    assert index.search("zzzz qqqq", k=5) == []
    assert index.search("carrots", k=0) == []
    assert ArchiveIndex([]).search("carrots") == []
    assert len(index) == len(DOCS)


def test_build_and_query_speed():
    docs = [
        (
            str(i),
            f"claim number {i} about topic{i % 97} and subject{i % 13} with word{i % 1009}",
            f"title {i % 31} topic{i % 97}",
        )
        for i in range(10_000)
    ]
    t0 = time.perf_counter()
    index = ArchiveIndex(docs)
    assert time.perf_counter() - t0 < 5.0  # ~0.5 s on a laptop; generous for CI
    t0 = time.perf_counter()
    for i in range(50):
        index.search(f"a claim about topic{i} and word{i * 7}", k=5)
    assert (time.perf_counter() - t0) / 50 < 0.05


@pytest.mark.skipif(not CLEF.is_dir(), reason="CLEF-2020 evaluation data not available")
def test_clef_dev_map_at_5():
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from archive_retrieval import evaluate, load_docs, load_split
    finally:
        sys.path.pop(0)
    index = ArchiveIndex(load_docs(CLEF))
    queries, qrels = load_split("dev", CLEF)
    result = evaluate(lambda qs: index.search_many(qs, 5), queries, qrels)
    assert result["map@5"] >= 0.80
