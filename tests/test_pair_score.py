"""The pair score: one number for "these two report the same fact or event", read from
both heads of the pair scorer, in the band of the relation found."""

from __future__ import annotations

import numpy as np
import pytest

from factdesk.matching.pair_score import RELATED_MARGIN, pair_score

SAME, RELATED = 0.435, 0.341


def _score(p: float, e: float, same_band: bool) -> float:
    return pair_score(p, e, same_band=same_band, same_threshold=SAME,
                      related_threshold=RELATED)


def test_the_bands_hold_whatever_the_heads_say() -> None:
    grid = np.linspace(0.0, 1.0, 41)
    for p in grid:
        for e in grid:
            assert SAME <= _score(p, e, True) <= 1.0
            assert 0.0 <= _score(p, e, False) <= SAME - RELATED_MARGIN


def test_the_surer_head_counts_and_order_is_kept_within_a_band() -> None:
    # a paraphrase the event head misses keeps its same-fact probability, two accounts
    # of one event in other words keep their same-event probability
    assert _score(0.9, 0.1, True) == _score(0.1, 0.9, True) == 0.9
    assert _score(0.2, 0.05, False) == _score(0.05, 0.2, False) == 0.2
    below = [_score(0.0, e, False) for e in np.linspace(0.0, 1.0, 101)]
    assert all(x < y for x, y in zip(below, below[1:], strict=False))  # never tied
    above = [_score(p, 0.0, True) for p in np.linspace(SAME, 1.0, 50)]
    assert all(x < y for x, y in zip(above, above[1:], strict=False))
    # no jump where the probabilities start to be mapped into the top of the band
    assert abs(_score(RELATED + 1e-9, 0.0, False) - RELATED) < 1e-6


@pytest.mark.slow
def test_compare_ranks_one_event_in_other_words_above_its_look_alike(nlp) -> None:  # noqa: ANN001
    from factdesk.core.comparing import compare_texts
    from factdesk.matching.pair_model import PairScorer

    same_threshold = PairScorer.load().same_threshold
    pairs = [
        # Lindsay Lohan's rehab, told twice; Tara Reid's is a look-alike (ECB+ topic 1)
        ("Lindsay Lohan checked into the Betty Ford Center on Thursday.",
         "Lohan entered rehab at Betty Ford in California this week, her lawyer said."),
        ("Lindsay Lohan checked into the Betty Ford Center on Thursday.",
         "Tara Reid checked into Promises Treatment Center in Malibu."),
        # the Indian navy's capture of 23 pirates, and another navy's operation
        ("The Indian navy captured 23 pirates in the Gulf of Aden on Saturday.",
         "An Indian warship seized 23 Somali sea brigands who tried to board a "
         "merchant ship."),
        ("The Indian navy captured 23 pirates in the Gulf of Aden on Saturday.",
         "A Dutch frigate freed 20 fishermen held by pirates off Somalia."),
        ("Zelensky visited Izium on Wednesday.",
         "The Ukrainian president went to the recaptured city of Izium on Wednesday."),
        ("Zelensky visited Izium on Wednesday.", "Biden visited Kyiv on Monday."),
    ]
    results = compare_texts(pairs)
    for same_event, look_alike in zip(results[::2], results[1::2], strict=True):
        assert same_event.score > look_alike.score + 0.1, (same_event, look_alike)
    for r in results:  # the printed number agrees with the printed relation
        assert (r.score >= same_threshold) == (r.relation in ("same fact", "conflicting")), r
