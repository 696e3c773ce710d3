"""Tests of the learned pair scorer: shipped weights, ordering sanity, and the trainer."""

from __future__ import annotations

import json
import random
import threading
import zlib

import numpy as np
import pytest

from factdesk.matching.pair_features import (
    FEATURE_INDEX,
    FEATURE_NAMES,
    LEXICAL_BUCKETS,
    PairInput,
    extract_numbers,
    lexical_keys,
    pair_features,
    pair_input_from_text,
)
from factdesk.matching.pair_model import (
    DEFAULT_WEIGHTS,
    LEXICAL_FEATURE,
    RELATED_THRESHOLD,
    SAME_THRESHOLD,
    PairScorer,
)


@pytest.fixture(scope="module")
def scorer() -> PairScorer:
    return PairScorer.load()


def test_weights_load(scorer: PairScorer) -> None:
    assert DEFAULT_WEIGHTS.exists()
    assert PairScorer.load() is scorer
    assert 0.0 < scorer.related_threshold <= scorer.same_threshold < 1.0
    # the code defaults document the shipped values; retraining may move them slightly
    assert scorer.same_threshold == pytest.approx(SAME_THRESHOLD, abs=0.03)
    assert scorer.related_threshold == pytest.approx(RELATED_THRESHOLD, abs=0.03)
    meta = json.loads(DEFAULT_WEIGHTS.with_suffix(".json").read_text(encoding="utf-8"))
    assert "Dolan" in meta["citations"]["MRPC"]
    assert "Cer" in meta["citations"]["STS-B"]
    assert "vector_cosine" in meta["features"]  # the claims' sentence vectors
    assert "speaker_agree" not in meta["features"]
    assert "Cybulska" in meta["citations"]["ECB+"]
    assert scorer.event is not None and 0.2 < scorer.event_threshold < 0.8
    assert LEXICAL_FEATURE in meta["features"]
    assert LEXICAL_FEATURE not in meta["similarity_features"]


def test_shipped_weights_are_numbers_only_and_small() -> None:
    # MRPC's license forbids shipping its text: only numbers (and feature names) go out
    with np.load(DEFAULT_WEIGHTS, allow_pickle=False) as z:
        for key in z.files:
            if key != "feature_names":
                assert z[key].dtype.kind in "fiu", key
        assert z["lex_weights"].shape == (LEXICAL_BUCKETS,)
    total = sum(p.stat().st_size for p in DEFAULT_WEIGHTS.parent.glob("pair_model.*"))
    assert total < 10 * 1024 * 1024


def test_lexical_margin_in_features(nlp, scorer: PairScorer) -> None:
    assert scorer.lexical is not None
    a = pair_input_from_text("The senator approved the budget on Monday.", nlp)
    b = pair_input_from_text("On Monday the senator did not approve the budget.", nlp)
    f = scorer.features(a, b)
    assert f.shape == (len(scorer.feature_names),)
    assert scorer.feature_names[-1] == LEXICAL_FEATURE
    assert f[-1] == pytest.approx(scorer.lexical.margin(a, b))
    assert scorer.lexical.margin(a, b) == pytest.approx(scorer.lexical.margin(b, a))
    # identical sentences differ in nothing: the margin is the intercept
    assert scorer.lexical.margin(a, a) == pytest.approx(scorer.lexical.intercept)
    assert scorer.score_many([(a, b)])[0] == pytest.approx(scorer.score(a, b))


def test_lexical_margin_is_the_weight_of_the_keys_in_one_sentence_only(scorer) -> None:
    # computed from each sentence's cached total, less twice the shared buckets: it must
    # equal the definition (the weights of the symmetric difference) and be symmetric
    lexical = scorer.lexical
    assert lexical is not None
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(60)]

    def sentence() -> PairInput:
        words = rng.sample(vocabulary, rng.randint(0, 12))
        return PairInput(text=" ".join(words), lemmas=tuple(words), tokens=tuple(words))

    inputs = [sentence() for _ in range(40)]
    for a, b in zip(inputs, inputs[1:] + inputs[:1], strict=True):
        only_one = sorted(a.lexical_ids ^ b.lexical_ids)
        expected = lexical.intercept + float(lexical.weights[only_one].sum())
        assert lexical.margin(a, b) == pytest.approx(expected, abs=1e-9)
        assert lexical.margin(a, b) == lexical.margin(b, a)
        again = PairInput(text=a.text, lemmas=a.lemmas, tokens=a.tokens)  # no cache yet
        assert lexical.margin(again, b) == lexical.margin(a, b)


def test_lexical_keys_and_ids() -> None:
    keys = lexical_keys(("profit", "rise"), ["profits", "rose", "12"])
    assert keys == {"l:profit", "l:rise", "l2:profit rise", "t:profits", "t:rose", "t:12",
                    "t2:profits rose", "t2:rose 12"}
    p = PairInput(text="Profits rose 12%.", lemmas=("profit", "rise", "12"),
                  tokens=("profits", "rose", "12", "%", "."))
    ids = p.lexical_ids
    assert ids and all(0 <= i < LEXICAL_BUCKETS for i in ids)
    # crc32-based: stable across processes and platforms
    again = PairInput(text=p.text, lemmas=p.lemmas, tokens=p.tokens)
    assert again.lexical_ids == ids
    assert ids == {zlib.crc32(k.encode("utf-8")) % LEXICAL_BUCKETS
                   for k in lexical_keys(p.lemmas, ["profits", "rose", "12"])}


def test_paraphrase_beats_unrelated(nlp, scorer: PairScorer) -> None:
    a = pair_input_from_text(
        "The company said on Tuesday that its quarterly profit rose 12 percent.", nlp
    )
    b = pair_input_from_text(
        "Quarterly profit at the company rose 12 percent, it said Tuesday.", nlp
    )
    c = pair_input_from_text("Heavy rain flooded several villages in the north.", nlp)
    same, unrelated = scorer.score(a, b), scorer.score(a, c)
    assert same > unrelated
    assert same >= scorer.related_threshold
    assert unrelated < scorer.same_threshold


def test_number_mismatch_scores_lower(nlp, scorer: PairScorer) -> None:
    a = pair_input_from_text("450 bodies were found", nlp)
    same_num = pair_input_from_text("Police found 450 bodies", nlp)
    other_num = pair_input_from_text("300 bodies were found", nlp)
    assert scorer.score(a, same_num) > scorer.score(a, other_num)
    feats = pair_features(a, other_num)
    assert feats[FEATURE_INDEX["num_mismatch"]] == 1.0


def test_scores_in_unit_interval_and_symmetric(nlp, scorer: PairScorer) -> None:
    texts = [
        "Six people died in the fire, officials said.",
        "Officials said six people were killed in the blaze.",
        "The senator denied the report.",
        "The senator did not deny the report.",
        "",
        "Shares of Oracle rose 14 cents to $13.62.",
    ]
    inputs = [pair_input_from_text(t, nlp) for t in texts]
    pairs = [(x, y) for x in inputs for y in inputs]
    scores = scorer.score_many(pairs)
    assert len(scores) == len(pairs)
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert scorer.score(inputs[0], inputs[1]) == pytest.approx(scorer.score(inputs[1], inputs[0]))
    sims = scorer.similarity_many(pairs)
    assert all(0.0 <= s <= 1.0 for s in sims)
    assert scorer.score_many([]) == []


def test_speaker_mismatch_lowers_score(scorer: PairScorer) -> None:
    base = dict(text="Taxes will rise next year.", lemmas=("tax", "rise", "year"),
                tokens=("taxes", "will", "rise", "next", "year", "."))
    a = PairInput(**base, speaker="Smith")
    b_same = PairInput(**base, speaker="smith")
    b_other = PairInput(**base, speaker="Jones")
    assert scorer.score(a, b_same) > scorer.score(a, b_other)


def test_feature_vector_shape_and_custom_idf(nlp) -> None:
    a = pair_input_from_text("Apple bought Beats for $3 billion.", nlp)
    b = pair_input_from_text("Apple acquired Beats for three billion dollars.", nlp)
    f = pair_features(a, b, idf=lambda w: 2.0)
    assert f.shape == (len(FEATURE_NAMES),)
    assert np.isfinite(f).all()
    assert f[FEATURE_INDEX["num_equal_sets"]] == 1.0


def test_extract_numbers() -> None:
    assert extract_numbers("$ 2.5 billion".split()) == (2.5e9,)
    assert extract_numbers(["twenty", "-", "five", "dogs"]) == (25.0,)
    assert extract_numbers(["5,000", "in", "1998"]) == (5000.0, 1998.0)


def test_thread_safe_scoring(nlp, scorer: PairScorer) -> None:
    a = pair_input_from_text("The minister resigned on Friday.", nlp)
    b = pair_input_from_text("On Friday the minister stepped down.", nlp)
    expected = scorer.score(a, b)
    results: list[float] = []

    def work() -> None:
        for _ in range(50):
            results.append(scorer.score(a, b))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == pytest.approx([expected] * 200)


def _synthetic_mrpc(path, n: int = 48) -> None:
    rng = random.Random(0)
    subjects = ["The mayor", "Police", "The company", "Officials", "The court", "Rebels"]
    verbs = ["announced", "reported", "confirmed", "denied", "said", "rejected"]
    objects = ["a new plan", "the deal", "the figures", "an inquiry", "the ruling"]
    lines = ["\ufeffQuality\t#1 ID\t#2 ID\t#1 String\t#2 String"]
    for i in range(n):
        s, v, o = rng.choice(subjects), rng.choice(verbs), rng.choice(objects)
        num = rng.randint(2, 900)
        first = f'{s} {v} {o} on Monday, citing {num} "cases".'
        if i % 2 == 0:
            second = f"On Monday {s.lower()} {v} {o}, citing {num} cases."
            label = 1
        else:
            second = f"{rng.choice(subjects)} {rng.choice(verbs)} {num + 7} new jobs."
            label = 0
        lines.append(f"{label}\t{i}\t{i + 1000}\t{first}\t{second}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _synthetic_ecbplus(path) -> None:
    """ECB+-shaped pairs in four topics: the same act told twice, or another act of the
    same kind (a look-alike), as the corpus pairs them."""
    places = ["Qeshm", "Tehran", "Lima", "Oslo", "Cairo", "Quito"]
    acts = [("an earthquake struck", "a quake hit"), ("a fire destroyed a warehouse",
            "flames gutted a warehouse"), ("police arrested a man", "officers detained a man"),
            ("the company announced layoffs", "the firm said it would cut jobs")]
    lines = ["split\ttopic\tdoc_a\tdoc_b\tlabel\tsentence_a\tsentence_b"]
    for topic, (told, retold) in enumerate(acts, start=1):
        for i, place in enumerate(places):
            other = places[(i + 1) % len(places)]
            lines.append(f"train\t{topic}\t{topic}_{i}ecb\t{topic}_{i}ecbplus\t1\t"
                         f"In {place}, {told} on Sunday, killing {i + 3} people.\t"
                         f"{retold.capitalize()} in {place} on Sunday; {i + 3} died.")
            lines.append(f"train\t{topic}\t{topic}_{i}ecb\t{topic}_{i + 9}ecbplus\t0\t"
                         f"In {place}, {told} on Sunday, killing {i + 3} people.\t"
                         f"{retold.capitalize()} in {other} in {2001 + i}; {i + 40} died.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.slow
def test_training_runs_on_synthetic_data(tmp_path, nlp) -> None:
    from factdesk.matching import train_pair_model as tpm

    mrpc = tmp_path / "mrpc.txt"
    _synthetic_mrpc(mrpc)
    sts = tmp_path / "sts.tsv"
    sts.write_text(
        "split\tgenre\tfilename\tyear\tid\tscore\tsentence1\tsentence2\n"
        + "".join(
            f"train\tmain-news\theadlines\t2015\t{i:04d}\t{i % 6}.0\tA man runs {i}.\t"
            f"A man walks {i if i % 2 else i + 1}.\n"
            for i in range(12)
        ),
        encoding="utf-8",
    )
    ecbplus = tmp_path / "ecbplus.tsv"
    _synthetic_ecbplus(ecbplus)
    out = tmp_path / "weights" / "pair_model.npz"
    # synthetic event pairs and no BASIL: the real ones cost minutes of parsing here, and
    # what this test checks is that training runs and writes a model the scorer reads
    rc = tpm.main(["--mrpc", str(mrpc), "--sts", str(sts), "--out", str(out),
                   "--no-cache", "--folds", "2", "--tree-share", "0.5",
                   "--ecbplus", str(ecbplus), "--no-basil"])
    assert rc == 0
    assert out.exists() and out.with_suffix(".json").exists()
    meta = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert meta["cross_validation"]["folds"] == 2
    assert meta["event_head"]["ranking"]["tree_share"] == 0.5
    assert PairScorer.load(out).event.trees is not None
    trained = PairScorer.load(out)
    a = pair_input_from_text("The mayor announced the deal on Monday, citing 40 cases.", nlp)
    b = pair_input_from_text("On Monday the mayor announced the deal, citing 40 cases.", nlp)
    c = pair_input_from_text("Rebels rejected 47 new jobs.", nlp)
    assert 0.0 <= trained.score(a, c) < trained.score(a, b) <= 1.0
    assert trained.similarity_model is not None
    assert trained.lexical is not None
    assert LEXICAL_FEATURE not in [trained.feature_names[i] for i in
                                   trained.similarity_columns]


def test_partial_ratio_floor_never_exceeds_partial_ratio() -> None:
    from rapidfuzz import fuzz

    from factdesk.matching.pair_features import partial_ratio_floor

    rng = random.Random(7)
    cases = [("", ""), ("", "abc"), ("a", "a"), ("abc", "abc"), ("ab", "ba"),
             ("the mayor said", "the mayor said on monday that the vote was fair")]
    for _ in range(20_000):
        alphabet = "abcde "[: rng.randint(2, 6)]
        cases.append(tuple("".join(rng.choice(alphabet) for _ in range(rng.randint(0, n)))
                           for n in (rng.choice((4, 30, 120)), rng.choice((4, 30, 120)))))
    for s, t in cases:
        floor = partial_ratio_floor(fuzz.ratio(s, t) / 100.0, s, t)
        assert 0.0 <= floor <= fuzz.partial_ratio(s, t) / 100.0 + 1e-12, (s, t)
    # equal lengths: the whole other string is a window, so the floor is the ratio itself
    assert partial_ratio_floor(0.8, "abcde", "abcdf") == pytest.approx(0.8, abs=1e-5)


def test_upper_bounds_hold_with_floors_and_with_exact_values(nlp, scorer) -> None:
    texts = [
        "Six people died in the fire, officials said on Monday.",
        "Officials said six people were killed in the blaze.",
        "The senator denied the report, calling it false.",
        "Shares of Oracle rose 14 cents to $13.62 in late trading.",
        "Heavy rain flooded several villages in the north of the country.",
        "Zelensky visited Izium, four days after Ukrainian forces retook the city.",
        "Ukraine's president went to Izium five days after it was recaptured.",
    ]
    inputs = [pair_input_from_text(t, nlp) for t in texts]
    pairs = [(x, y) for i, x in enumerate(inputs) for y in inputs[i + 1:]]
    exact = scorer.feature_matrix(pairs)
    floors = scorer.feature_matrix(pairs, partial_ratios=False)
    columns = [FEATURE_INDEX["raw_partial_ratio"], FEATURE_INDEX["lem_partial_ratio"]]
    assert (floors[:, columns] <= exact[:, columns] + 1e-12).all()
    others = [c for c in range(exact.shape[1]) if c not in columns]
    assert np.array_equal(floors[:, others], exact[:, others])
    most_likely, most_similar = scorer.upper_bounds(floors)
    assert (most_likely >= scorer.probabilities(exact) - 1e-12).all()
    assert (most_similar >= scorer.graded(exact) - 1e-12).all()
    same = scorer.upper_bounds(exact)  # with the exact values in, the bound moves only up
    assert (same[0] >= scorer.probabilities(exact) - 1e-12).all()


def test_token_sort_columns_are_rapidfuzz_token_sort_ratio() -> None:
    """The token-sort features come from words sorted once per sentence; they must equal
    rapidfuzz's ``token_sort_ratio``, which splits the words of a text of characters
    below U+0100 at fewer characters than ``str.split`` (not at U+00A0 or U+0085)."""
    from rapidfuzz import fuzz

    texts = ["the vote was fair , the mayor said", "The mayor said the vote was fair",
             "zeta\u00a0alpha beta", "alpha beta zeta", "zeta\u0085alpha\u2003beta",
             "  beta\talpha\u3000zeta  ", "", "one", "zeta\u00a0alpha beta\u0100",
             "caf\u00e9\u0085ol\u00e9 beta", "\U0001f600 zeta\u00a0alpha"]
    for a in texts:
        for b in texts:
            pa = PairInput(a, tuple(a.lower().split()), tuple(a.lower().split()))
            pb = PairInput(b, tuple(b.lower().split()), tuple(b.lower().split()))
            x = pair_features(pa, pb)
            assert x[FEATURE_INDEX["raw_token_sort_ratio"]] == (
                fuzz.token_sort_ratio(a.lower(), b.lower()) / 100.0), (a, b)
            assert x[FEATURE_INDEX["lem_token_sort_ratio"]] == (
                fuzz.token_sort_ratio(" ".join(pa.lemmas), " ".join(pb.lemmas)) / 100.0)
