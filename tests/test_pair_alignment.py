"""Soft word alignment and BLEU inputs of the same-fact head (matching/pair_alignment.py)."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from factdesk.matching.claim_vectors import WordTable
from factdesk.matching.pair_alignment import (
    ALIGNMENT_NAMES,
    alignment_values,
    bleu_values,
    soft_alignment,
)
from factdesk.matching.pair_features import (
    FEATURE_INDEX,
    PairInput,
    pair_feature_values,
    pair_input_from_text,
)
from factdesk.matching.pair_model import PairScorer
from factdesk.matching.train_event_model import EVENT_COLUMNS
from factdesk.matching.train_pair_model import MODEL_COLUMNS, STS_COLUMNS


def _idf(word: str) -> float:
    return 1.0


@pytest.fixture(scope="module")
def parse(nlp):
    return lambda text: pair_input_from_text(text, nlp)


def _values(a: PairInput, b: PairInput) -> dict[str, float]:
    values = alignment_values(a.derived.alignment(), b.derived.alignment(), _idf)
    return dict(zip(ALIGNMENT_NAMES, values, strict=True))


def test_a_sentence_aligns_fully_with_itself(parse) -> None:
    a = parse("Zelensky visited the recaptured city of Izium on Wednesday.")
    values = _values(a, parse(a.text))
    assert all(v == pytest.approx(1.0, abs=1e-6) for v in values.values())


def test_soft_alignment_credits_synonyms_that_exact_overlap_misses(parse) -> None:
    car = parse("The automobile was stolen from the garage.")
    synonym = parse("The car was stolen from the garage.")
    unrelated = parse("The banana was stolen from the garage.")
    lemma_cov = FEATURE_INDEX["lem_cov_min"]
    # the same exact overlap (one content lemma differs in both) ...
    assert pair_feature_values(car, synonym)[lemma_cov] == pytest.approx(
        pair_feature_values(car, unrelated)[lemma_cov])
    # ... but "car" is near "automobile", "banana" is not
    assert _values(car, synonym)["soft_p_min"] > _values(car, unrelated)["soft_p_min"] + 0.05
    assert _values(car, synonym)["soft_f"] > _values(car, unrelated)["soft_f"]


def test_bleu_clips_repeated_words(parse) -> None:
    a = parse("the the the cat")
    b = parse("the cat")
    p1_min, p1_max = bleu_values(a.derived.alignment(), b.derived.alignment())[:2]
    # "the" matches at most once (b has it once): 2 of a's 4 unigrams, both of b's 2
    assert (p1_min, p1_max) == (0.5, 1.0)


def test_values_are_exactly_symmetric_and_survive_pickling(parse) -> None:
    a = parse("Russian forces withdrew from the city of Izium last week, officials said.")
    b = parse("Kyiv's army recently recaptured Izyum from Russia, the officials said.")
    ab = alignment_values(a.derived.alignment(), b.derived.alignment(), _idf)
    ba = alignment_values(b.derived.alignment(), a.derived.alignment(), _idf)
    assert ab == ba
    # a worker process receives the sentence without its word rows and looks them up again
    a2, b2 = pickle.loads(pickle.dumps((a, b)))
    assert a2.derived.alignment().rows is None
    again = alignment_values(a2.derived.alignment(), b2.derived.alignment(), _idf)
    assert again == pytest.approx(ab, abs=1e-6)
    soft = soft_alignment(a.derived.alignment(), b.derived.alignment(), _idf)
    assert 0.0 < soft[0] <= soft[1] < 1.0


def test_empty_sentences(parse) -> None:
    empty, other = parse("..."), parse("Prices rose.")
    assert soft_alignment(empty.derived.alignment(), empty.derived.alignment(), _idf) == (
        1.0, 1.0, 1.0)
    assert soft_alignment(empty.derived.alignment(), other.derived.alignment(), _idf) == (
        0.0, 0.0, 0.0)
    assert all(np.isfinite(alignment_values(empty.derived.alignment(),
                                            other.derived.alignment(), _idf)))


def test_word_table_rows_stay_valid_when_it_grows() -> None:
    table = WordTable(capacity=2)
    first = table.rows(["izium", "visit"])
    before = table.matrix[first].copy()
    table.rows([f"word{i}" for i in range(20)] + ["izium"])
    assert len(table) == 22 and table.matrix.shape[0] >= 22
    assert np.array_equal(table.matrix[table.rows(["izium", "visit"])], before)
    assert np.linalg.norm(before, axis=1) == pytest.approx([1.0, 1.0], abs=1e-5)


def test_only_the_same_fact_head_reads_the_alignment_columns() -> None:
    columns = {FEATURE_INDEX[name] for name in ALIGNMENT_NAMES}
    assert columns <= set(MODEL_COLUMNS)
    assert not columns & set(EVENT_COLUMNS)
    assert not columns & set(STS_COLUMNS)
    scorer = PairScorer.load()
    assert columns <= set(scorer.columns.tolist())
    assert not columns & set(scorer.similarity_columns.tolist())
    assert scorer.event is not None and not columns & set(scorer.event.columns.tolist())
