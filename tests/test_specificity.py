"""Tests of the checkable-specific cue and of the calibration by specificity it drives."""

from __future__ import annotations

import json

import numpy as np
import pytest

from factdesk.model.settings import DEFAULT_CLAIM_SHARE
from factdesk.model.triage import article_cut, shown_by_default
from factdesk.nlp.specificity import has_proper_noun, is_specific, specific_mask
from factdesk.nlp.worthiness import (
    DEFAULT_THRESHOLD,
    DEFAULT_WEIGHTS,
    WorthinessScorer,
    quoted_words,
)


@pytest.mark.parametrize("text", [
    "Ukrainian officials said more than 400 bodies were found.",   # number, source
    "Taxes rose sharply under Governor Smith.",                     # a name
    "The bridge reopened on Tuesday.",                              # a date
    "Crime is higher than it was.",                                 # a comparison
    "According to the report, the plant closed.",                   # a named source
    "It happened four days ago.",                                   # number, time
])
def test_sentences_with_a_checkable_specific(text: str) -> None:
    assert is_specific(text)


@pytest.mark.parametrize("text", [
    "He received no special treatment from anyone.",
    "Let us do better by this generation of men and women.",
    "I think we can do it together.",
    "“It’s a shame,” he went on.",
])
def test_sentences_without_one(text: str) -> None:
    assert not is_specific(text)


def test_a_capital_after_a_full_stop_or_opening_is_no_name() -> None:
    assert not has_proper_noun("The plan failed. The team left.")
    assert not has_proper_noun("“The plan failed,” I said.")
    assert has_proper_noun("The plan failed, Mr. Obama said.")
    assert has_proper_noun("He met Sen. Ted Cruz.")
    assert specific_mask(["He left.", "Obama left in 2017."]).tolist() == [False, True]


def test_shipped_calibration_maps_sentences_without_a_specific() -> None:
    meta = json.loads(DEFAULT_WEIGHTS.with_suffix(".json").read_text(encoding="utf-8"))
    isotonic = meta["model"]["isotonic"]
    assert set(isotonic) == {"nonspecific"}
    xs, ys = isotonic["nonspecific"]
    assert len(xs) == len(ys) == 201
    assert np.all(np.diff(xs) > 0) and np.all(np.diff(ys) >= 0)  # a monotone map
    assert ys[0] >= 0.0 and np.all(np.asarray(ys) <= np.asarray(xs))  # never raises


def test_filler_with_nothing_to_check_is_not_shown_beside_specific_claims() -> None:
    scorer = WorthinessScorer.load()
    filler = ["He received no special treatment from anyone.",
              "Let us do better by this generation of men and women."]
    claims = ["Ukrainian officials said more than 400 bodies were found.",
              "Ukrainian President Volodymyr Zelenskyy looked on Wednesday as the national "
              "anthem was sung and the Ukrainian flag was raised in front of the burned-out "
              "city hall, until four days ago, Russia’s main bastion and logistics hub in "
              "the region."]
    # the exhortation is no check-worthy claim at all
    assert scorer.score_one(filler[1]) < DEFAULT_THRESHOLD
    # the same model's Platt probability alone scored the first one higher (0.77 before)
    platt_only = WorthinessScorer(scorer.coef, scorer.intercept, scorer.config, scorer.platt)
    assert platt_only.score_one(filler[0]) > scorer.score_one(filler[0])
    # specific claims are check-worthy and rank above the filler: in an article of these
    # four sentences the default budget shows the two claims, not the filler
    assert all(scorer.score_one(claim) >= DEFAULT_THRESHOLD for claim in claims)
    scores = scorer.score(filler + claims)
    assert max(scores[:2]) < min(scores[2:])
    cut = article_cut([(s, i, i) for i, s in enumerate(scores)], 4, DEFAULT_THRESHOLD,
                      DEFAULT_CLAIM_SHARE)
    shown = [shown_by_default(s, i, "detected", cut, claim_id=i) for i, s in enumerate(scores)]
    assert shown == [False, False, True, True]


@pytest.mark.parametrize("texts", [
    [f"Taxes rose {i}% in {1990 + i}, the report said." for i in range(20)],
    ["He left.", "We did it together.", "He received no special treatment from anyone.",
     "They will not take it from us.", "It is what it is.", "We can win this."],
])
def test_calibration_keeps_order_within_a_group(texts: list[str]) -> None:
    scorer = WorthinessScorer.load()
    z = scorer.decision_function(texts)
    scores = np.asarray(scorer.score(texts))
    assert np.all(np.diff(scores[np.argsort(z)]) > 0)
    specific = scorer.score([t for t in texts if is_specific(t)])
    platt = WorthinessScorer(scorer.coef, scorer.intercept, scorer.config, scorer.platt)
    assert specific == pytest.approx(platt.score([t for t in texts if is_specific(t)]))


def test_a_quotation_scores_at_least_its_own_words() -> None:
    scorer = WorthinessScorer.load()
    framed = ("“Everyone who has tried over a thousand years of history has failed in "
              "Afghanistan,” Mr. Steele said at a fund-raiser on Thursday night.")
    assert quoted_words(framed) == ("Everyone who has tried over a thousand years of "
                                    "history has failed in Afghanistan")
    assert quoted_words('He said "no" and left.') is None  # too short to stand alone
    words = quoted_words(framed)
    both = scorer.score([framed, words])
    assert both[0] == pytest.approx(max(scorer.score([framed], quoted=False)[0], both[1]))
    plain = ["Taxes rose 12% last year.", "He left."]
    assert scorer.score(plain) == scorer.score(plain, quoted=False)
