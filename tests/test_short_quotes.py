"""Short quotations of several sentences stay one sentence (review 19, item 9).

Real excerpts of BASIL dev articles (Fan et al., EMNLP 2019): the NYT on Peter Strzok's
firing and on elephant trophies, Fox News on Vicente Fox. Real spaCy model.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _sentences(extractor, text: str) -> list[str]:
    return [s.text for s in extractor.nlp(text).sents]


def test_a_reply_of_short_sentences_is_one_sentence_with_its_introduction(extractor) -> None:
    text = ("Mr. Strzok’s text exchanges with Ms. Page demonstrated animosity toward Mr. "
            "Trump. In one, Ms. Page asks: Trump is “not ever going to become president, "
            "right? Right?!” Mr. Strzok responds: “No. No he won’t. We’ll stop it.” The "
            "inspector general, who uncovered the messages, found no evidence of bias.")
    assert _sentences(extractor, text) == [
        "Mr. Strzok’s text exchanges with Ms. Page demonstrated animosity toward Mr. Trump.",
        "In one, Ms. Page asks: Trump is “not ever going to become president, right? Right?!”",
        "Mr. Strzok responds: “No. No he won’t. We’ll stop it.”",
        "The inspector general, who uncovered the messages, found no evidence of bias.",
    ]


def test_a_quoted_tweet_ending_in_a_short_sentence_is_one_statement(extractor) -> None:
    text = ("“Under study for years. Will update soon with Secretary Zinke. Thank you!” "
            "Ryan Zinke, the interior secretary, said in a statement late Friday that he "
            "agreed.")
    sentences = _sentences(extractor, text)
    assert sentences[0] == ("“Under study for years. Will update soon with Secretary Zinke. "
                            "Thank you!”")


def test_quoted_sentences_long_enough_to_be_claims_stay_apart(extractor) -> None:
    text = ("“He is not welcome to Mexico,” Fox told CNN. “We don’t like him. We don’t want "
            "him. We reject his visit.”")
    assert _sentences(extractor, text) == [
        "“He is not welcome to Mexico,” Fox told CNN.", "“We don’t like him.",
        "We don’t want him.", "We reject his visit.”"]
    (analysis,) = extractor.analyse([(1, text, None)])
    assert analysis.sentences == 4
