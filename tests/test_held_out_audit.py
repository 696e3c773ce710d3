"""Differences flagged between outlets on BASIL events nobody had audited before.

The sentences are short excerpts of four BASIL development events (Fan et al., EMNLP
2019): Rep. Michael Grimm's expected indictment, Nebraska and Oklahoma suing Colorado
over marijuana, the elephant trophy imports held off, and the border-wall national
emergency; and, for the claim reported against its denial, the Blumenthal event. Each
test holds a rule fixed after the held-out audit (docs/matching.md, "Panel audit,
held-out events").
"""

from __future__ import annotations

from datetime import date

import pytest

from factdesk.matching.event_frames import is_institution

EMERGENCY_DAY = date(2019, 2, 15)
TROPHY_DAY = date(2017, 11, 17)
LAWSUIT_DAY = date(2014, 12, 18)
GRIMM_DAY = date(2014, 4, 25)
BLUMENTHAL_DAY = date(2010, 5, 17)


def _flagged(found: list[dict], kind: str) -> list[dict]:
    return [d for d in found if d["kind"] == kind and d["severity"] != "compatible"]


SPENDING_BILL = ("Trump is also expected to approve Congress’ spending bill, which grants him "
                 "$1.375 billion for the wall, as opposed to the $5.7 billion he initially "
                 "demanded.")
ALL_BARRIERS = ("Combined with $1.375 billion authorized for fencing in the spending package "
                "passed on Thursday night, Mr. Trump would have about $8 billion in all for "
                "barriers, significantly more than the $5.7 billion he unsuccessfully "
                "demanded from Congress.")


@pytest.mark.parametrize(("a", "b"), [(SPENDING_BILL, ALL_BARRIERS),
                                      (ALL_BARRIERS, SPENDING_BILL)])
def test_a_figure_both_give_is_not_compared_with_another(compare, a: str, b: str) -> None:
    """NYT's "about $8 billion in all" was compared with HuffPost's "$5.7 billion", which
    NYT gives too (only when NYT's claim came first): figures both claims give are
    matched to each other first, whichever claim comes first."""
    relation, found, reason = compare(a, b, EMERGENCY_DAY)
    assert not _flagged(found, "number"), found
    assert relation != "conflicting"
    assert "8 billion" not in reason


def test_billions_on_both_sides_are_one_figure(compare) -> None:
    """NYT's "billions of dollars" and Fox News's "divert billions" are the same vague
    figure; Fox's "$1.4 billion" package is another thing, not a contradiction of it."""
    relation, found, _ = compare(
        "President Trump declared a national emergency on the border with Mexico on Friday "
        "in order to access billions of dollars that Congress refused to give him to build "
        "a wall there.",
        "Trump said Friday he is declaring a national emergency on the southern border, "
        "tapping into executive powers in a bid to divert billions toward construction of a "
        "wall even as he signs a funding package that includes just $1.4 billion for border "
        "security.", EMERGENCY_DAY)
    assert not _flagged(found, "number"), found
    assert relation != "conflicting"


def test_counts_of_other_things_are_not_noted(compare) -> None:
    """Fox News's "two states" and NYT's "many officials" count different things: no
    vague note about "many"."""
    _, found, _ = compare(
        "The two states filed a lawsuit seeking a court order to prevent Colorado from "
        "enforcing the measure known as Amendment 64.",
        "Like many elected officials in Colorado, Mr. Suthers had opposed Amendment 64, "
        "which legalized marijuana.", LAWSUIT_DAY)
    assert not _flagged(found, "number"), found


@pytest.mark.parametrize(("a", "b", "day"), [
    ("The comment comes less than 48 hours after it was first announced that the Trump "
     "administration would reverse a 2014 ban made under President Obama on permits for "
     "elephant trophies from Zambia and Zimbabwe.",
     "Under President Barack Obama, the practice had been banned because of a lack of data "
     "on conservation efforts in Zimbabwe.", TROPHY_DAY),
    ("Trying to regain momentum after losing a grinding two-month battle with lawmakers over "
     "funding the wall, Mr. Trump asserted that the flow of drugs, criminals and illegal "
     "immigrants from Mexico constituted a profound threat to national security.",
     "President Donald Trump on Friday declared a national emergency at the southern U.S. "
     "border in an effort to unilaterally seize funding to begin building his "
     "long-promised wall between the U.S. and Mexico.", EMERGENCY_DAY),
])
def test_a_place_the_other_claim_names_is_no_second_place(compare, a: str, b: str,
                                                          day: date) -> None:
    """Fox News names Zambia and Zimbabwe, NYT Zimbabwe: not "placed in Zambia vs
    Zimbabwe"; HuffPost's wall "between the U.S. and Mexico" names Mexico too."""
    relation, found, reason = compare(a, b, day)
    assert not _flagged(found, "place"), found
    assert relation != "conflicting"
    assert "differs: place" not in reason


def test_an_association_after_from_is_not_a_place(compare) -> None:
    """"a news release ... from Safari Club International" is who released it."""
    assert is_institution("Safari Club International")
    assert is_institution("National Rifle Association")
    assert not is_institution("Zimbabwe")
    _, _, reason = compare(
        "The decision regarding elephants was made public via a celebratory news release "
        "early Tuesday from Safari Club International, a trophy hunting advocacy group.",
        "It was first announced that the Trump administration would reverse a 2014 ban on "
        "permits for elephant trophies from Zambia and Zimbabwe.", TROPHY_DAY)
    assert "Safari Club International vs" not in reason


def test_a_headlines_capitalised_nouns_are_not_people(compare) -> None:
    """Two headlines in title case: the model tags "Marijuana Law" and "Marijuana
    Legalization" as people, which is no actor conflict."""
    relation, found, _ = compare(
        "Nebraska, Oklahoma File Federal Suit Against Colorado Over Marijuana Legalization",
        "Nebraska and Oklahoma Sue Colorado Over Marijuana Law", LAWSUIT_DAY)
    assert not _flagged(found, "actor"), found
    assert relation == "same fact"


def test_a_speaker_told_with_who_they_are_is_the_same_speaker(compare) -> None:
    """Fox News's "said the statement from Grimm's attorney, William McGinley" and
    HuffPost's "McGinley said" quote one man: no note to check who is speaking, and the
    reason names him once."""
    relation, found, reason = compare(
        "\"We are disappointed by the government's decision, but hardly surprised,\" said "
        "the statement from Grimm's attorney, William McGinley.",
        "\"We are disappointed by the government’s decision, but hardly surprised,\" "
        "William McGinley said.", GRIMM_DAY)
    assert not _flagged(found, "attribution"), found
    assert relation == "same fact"
    assert reason.startswith("Both: William McGinley;"), reason


@pytest.mark.parametrize("reported", [
    "Blumenthal, according to the Times, said he had misspoken at a 2008 event in Norfolk "
    "in which he said he had served in Vietnam.",
    "Blumenthal told the Times he had misspoken at the 2008 event in Norfolk in which he "
    "said he served in Vietnam.",
])
def test_a_claim_reported_and_its_denial_are_one_fact(compare, reported: str) -> None:
    """Fox News reports that he said he had served; NYT that he never served: the
    outlets agree on both, so the pair is linked with a note, not a conflict."""
    relation, found, _ = compare(
        reported, "Mr. Blumenthal, a Democrat now running for the United States Senate, "
        "never served in Vietnam.", BLUMENTHAL_DAY)
    notes = _flagged(found, "negation")
    assert relation == "same fact"
    assert [d["severity"] for d in notes] == ["vague"]
    assert "said he" in notes[0]["a_text"] and notes[0]["b_text"] == "never served"


def test_a_denial_of_what_the_other_states_stays_a_conflict(compare) -> None:
    """Neither account reports a claim: one denies what the other states."""
    relation, found, _ = compare(
        "Mr. Blumenthal never served in Vietnam during the war.",
        "Mr. Blumenthal served in Vietnam during the war.", BLUMENTHAL_DAY)
    assert [d["severity"] for d in _flagged(found, "negation")] == ["conflict"]
    assert relation == "conflicting"


def test_a_name_with_jr_is_not_the_form_of_the_fathers_group() -> None:
    """The trophy event names "Donald Trump Jr." once; every "Trump" and "Donald Trump"
    of the project was shown as "Donald Trump Jr." (the longest full name of the group),
    so quotes of the president were credited to his son."""
    from factdesk.nlp.aliases import AliasResolver
    resolved = AliasResolver().resolve([("Trump", "PERSON"), ("Donald Trump", "PERSON"),
                                        ("Donald Trump Jr.", "PERSON")])
    assert resolved["Trump"] == resolved["Donald Trump"] == "Donald Trump"


def test_two_quotes_sharing_one_word_are_not_one_quote(compare) -> None:
    """HuffPost's "for 'virtual invasion purposes'" and Fox News's "'We're talking about
    an invasion of our country'" are two things Trump said, not one quote reworded."""
    relation, found, _ = compare(
        "Trump, who was accompanied by parents of children killed by unauthorized "
        "immigrants, said he was declaring the national emergency for “virtual invasion "
        "purposes.”",
        "\"We’re talking about an invasion of our country,\" Trump said.", EMERGENCY_DAY)
    assert not _flagged(found, "wording"), found
    assert relation != "same fact"


def test_one_quote_told_twice_is_still_one_quote(compare) -> None:
    """The same Rose Garden quote, cut and reordered by Fox News, stays one quote."""
    relation, _, _ = compare(
        "“We’re going to confront the national security crisis on our southern border, and "
        "we’re going to do it one way or the other,” he said in a televised statement in "
        "the Rose Garden.",
        "“We’re going to confront the national security crisis on our southern border … one "
        "way or the other, we have to do it,” Trump said in the Rose Garden.", EMERGENCY_DAY)
    assert relation == "same fact"


def test_a_speaker_phrase_is_not_who_the_event_is_about() -> None:
    """NYT's "the lawsuit from Nebraska and Oklahoma, where marijuana is still outlawed,
    argues" was read as a speaker and shown as "Shares who: the lawsuit from ..." with a
    claim whose speaker is Oklahoma: a phrase is not a name."""
    from factdesk.matching.discrepancies import ClaimFacts
    from factdesk.matching.event_frames import compare_frames, event_frame

    def facts(text: str, speaker: str, places: tuple[str, ...]) -> ClaimFacts:
        return ClaimFacts(text=text, kind="attribution", speaker=speaker, quantities=(),
                          times=(), entities=tuple((p, "GPE", p) for p in places),
                          article_date=LAWSUIT_DAY)

    phrase = "the lawsuit from Nebraska and Oklahoma, where marijuana is still outlawed"
    lawsuit = facts("But the lawsuit from Nebraska and Oklahoma, where marijuana is still "
                    "outlawed, argues that Colorado has “created a dangerous gap” in the "
                    "federal drug-control system.", phrase, ("Nebraska", "Oklahoma", "Colorado"))
    states = facts("They include keeping marijuana in-state — something Oklahoma and Nebraska "
                   "says Colorado has failed to do.", "Oklahoma",
                   ("Oklahoma", "Nebraska", "Colorado"))
    assert phrase not in event_frame(lawsuit).who.values()
    assert not compare_frames(lawsuit, states).shared_who


@pytest.mark.parametrize(("a", "b"), [
    # his 2008 words quoted / NYT's denial
    ("“We have learned something important since the days that I served in Vietnam,” Mr. "
     "Blumenthal said to the group gathered in Norwalk in March 2008.",
     "Mr. Blumenthal, a Democrat now running for the United States Senate, never served "
     "in Vietnam."),
    # two statements, each reported: his debate words / what newspapers wrote of him
    ("In a televised March debate, Blumenthal stated clearly he had not served in Vietnam.",
     "In at least eight newspaper articles published in Connecticut from 2003 to 2009, he "
     "is described as having served in Vietnam."),
])
def test_a_quote_or_a_report_against_a_denial_is_a_note(a: str, b: str) -> None:
    """The Blumenthal event's remaining negation "conflicts" after the first fix: a
    quote is what someone said, as "said he had served" is; two statements reported
    (each may have been made) are no disagreement between the outlets either."""
    from factdesk.matching.contradictions import contradictions
    from factdesk.matching.discrepancies import ClaimFacts

    def facts(text: str) -> ClaimFacts:
        return ClaimFacts(text=text, kind="event", speaker=None, quantities=(), times=(),
                          entities=(), article_date=BLUMENTHAL_DAY)

    for x, y in ((a, b), (b, a)):
        found = [d for d in contradictions(facts(x), facts(y)) if d.kind == "negation"]
        assert [d.severity for d in found] == ["vague"], found


def test_one_quote_negated_by_one_outlet_stays_a_conflict() -> None:
    """Two outlets quoting one statement, one with the negation and one without, is a
    misquote: a conflict (BASIL, the tax-deal event's "don't pass this bill")."""
    from factdesk.matching.contradictions import contradictions
    from factdesk.matching.discrepancies import ClaimFacts

    def facts(text: str) -> ClaimFacts:
        return ClaimFacts(text=text, kind="quote", speaker=None, quantities=(), times=(),
                          entities=(), article_date=BLUMENTHAL_DAY)

    found = contradictions(
        facts("\"To pass this bill in the next couple of weeks would materially increase the "
              "risk that the economy would stall out,\" he told reporters."),
        facts("\"If they don't pass this bill in the next couple weeks it will materially "
              "increase the risk that the economy would stall out,\" he told reporters."))
    assert [d.severity for d in found if d.kind == "negation"] == ["conflict"]
