"""A speech verb in a clause of time or cause is background, not the sentence's
attribution (second review of session 19, R2; BASIL dev, Fan et al., EMNLP 2019).

Fox News (suit against Colorado): the lead was credited to "Nebraska and Oklahoma",
whose request is only what Colorado's promise answers; its first cards became wrong
"same fact" pairs on that shared speaker.
"""

from __future__ import annotations

import pytest
from speaker_reading import speakers

from factdesk.nlp.pipeline import ClaimExtractor

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "Colorado's top law enforcement official promises to vigorously defend the state's "
    "historic law legalizing marijuana after Nebraska and Oklahoma asked the U.S. Supreme "
    "Court to declare it unconstitutional, saying the drug is freely flowing into "
    "neighboring states.",
    "The discovery of those records reopened the case against Clinton, several months "
    "after Comey said he wasn’t recommending any charges be filed in the case.",
])
def test_what_was_said_before_the_claim_is_no_attribution(extractor: ClaimExtractor,
                                                          text: str) -> None:
    assert speakers(extractor, text) == [None]


def test_a_quotation_in_the_clause_keeps_its_speaker(extractor: ClaimExtractor) -> None:
    text = ("This was after Trump’s account tweeted Saturday: “I had to fire General Flynn "
            "because he lied to the Vice President and the FBI.”")
    assert speakers(extractor, text) == ["Trump’s account"]


def test_while_gives_the_speakers_own_position(extractor: ClaimExtractor) -> None:
    text = ("While Fox said that he believes that Americans will not elect the real estate "
            "tycoon to the White House, he is concerned about the results of the Nevada "
            "caucus.")
    assert speakers(extractor, text)[0] == "Fox"


def test_who_after_a_thing_of_a_person_is_that_person(extractor: ClaimExtractor) -> None:
    """Fox News on the Wal-Mart sex bias case (second review, item 5): the speaker was
    the fragment "the ire of Justice Antonin Scalia"."""
    text = ("The case drew the ire of Justice Antonin Scalia who said the plaintiffs had "
            "not shown a common policy.")
    assert speakers(extractor, text) == ["Antonin Scalia"]
