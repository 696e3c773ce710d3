"""A described speaker is not another person than the one the other account names
(second review of session 19, R1: BASIL dev 2a3fde8a, Peter Strzok's firing).

Fox News: He added, "A lengthy investigation ..." (the speaker read back to "Strzok's
attorney"); HuffPost: "... his work," Goelman said. Goelman is Strzok's attorney: the
matcher printed "speaker Strzok's attorney vs Goelman" and the report dropped the
checker's accepted appearance as "another speaker".
"""

from __future__ import annotations

from factdesk.matching.discrepancies import (
    ClaimFacts,
    find_discrepancies,
    is_description,
    same_speaker,
)
from factdesk.report.claimants import Claimant, same_claimant

FOX = ("He added, “A lengthy investigation and multiple rounds of Congressional testimony "
       "failed to produce a shred of evidence that Special Agent Strzok’s personal views "
       "ever affected his work.”")
HUFFPOST = ("“A lengthy investigation and multiple rounds of Congressional testimony failed "
            "to produce a shred of evidence that Special Agent Strzok’s personal views ever "
            "affected his work,” Goelman said.")


def _quote(text: str, speaker: str, outlet: str) -> ClaimFacts:
    return ClaimFacts(text=text, kind="quote", speaker=speaker, quantities=(), times=(),
                      entities=((speaker, "PERSON", speaker),), article_date=None,
                      outlet=outlet, is_quote=True)


def test_a_described_speaker_may_be_the_named_one() -> None:
    fox, huffpost = _quote(FOX, "Strzok's attorney", "Fox News"), _quote(
        HUFFPOST, "Goelman", "HuffPost")
    assert same_speaker(fox, huffpost) is None
    assert not [d for d in find_discrepancies(fox, huffpost) if d.kind == "attribution"]


def test_two_named_speakers_of_one_quote_still_differ() -> None:
    fox, huffpost = _quote(FOX, "Peter Strzok", "Fox News"), _quote(
        HUFFPOST, "Aitan Goelman", "HuffPost")
    assert same_speaker(fox, huffpost) is False
    assert [d for d in find_discrepancies(fox, huffpost) if d.kind == "attribution"]


def test_descriptions_and_names() -> None:
    assert is_description("Strzok's attorney") and is_description("the military")
    assert not is_description("Aitan Goelman")
    assert not is_description("the Justice Department")


def test_an_accepted_appearance_by_the_described_speaker_is_kept() -> None:
    attorney = Claimant("Strzok's attorney", "Person")
    assert same_claimant(attorney, Claimant("Aitan Goelman", "Person"))
    # an anonymous source is still no one's: Wray's claim does not appear there
    assert not same_claimant(Claimant("Chris Wray", "Person"),
                             Claimant("a law enforcement official", "Person"))
