"""References back: "the former congressman said" is the person named before it whose
titles, party, age and gender fit the description; else the description itself, a
described source; never a person it does not fit. Short excerpts in the style of BASIL
articles (Fan et al., EMNLP 2019) and the real spaCy model."""

from __future__ import annotations

import pytest
from speaker_reading import speakers

from factdesk.nlp.pipeline import ClaimExtractor


@pytest.mark.parametrize("text,speaker", [
    # a title before the name, "former" in the description and in the mention
    ("Former Rep. Anthony Weiner resigned from Congress in 2011.\n\nThe former congressman "
     "told reporters on Monday that he would run for mayor.", "Anthony Weiner"),
    # a party in brackets after the name; a place the article gives him
    ("New Jersey Gov. Chris Christie (R) ordered a review of the lane closures.\n\nThe New "
     "Jersey Republican said the review would take four weeks.", "Chris Christie"),
    # the governor, not the U.S. attorney named after him
    ("Gov. Chris Christie (R) said he knew nothing of the plan. U.S. Attorney Paul Fishman "
     "is reviewing the matter.\n\nThe governor said on Thursday that his staff would "
     "cooperate.", "Chris Christie"),
    # HuffPost, the Braley event: "he" in the clause of "the representative", whose
    # paragraph before names Braley and Grassley
    ("Rep. Bruce Braley (D-Iowa) apologized to Sen. Chuck Grassley (R-Iowa) on Tuesday."
     "\n\nThe representative also posted a statement Tuesday in which he apologized and "
     "emphasized that he has farmers in his family.", "Bruce Braley"),
    # a party given in apposition
    ("Anthony Weiner, a Democrat, has represented the district since 1999. Sen. Chuck Grassley "
     "(R-Iowa) declined to comment.\n\nThe Democrat said the photo was not his.",
     "Anthony Weiner"),
    # an age given between commas
    ("Anthony Weiner, 48, is running for mayor.\n\nThe 48-year-old said he had made "
     "mistakes.", "Anthony Weiner"),
    # a gender: the congresswoman is not the congressman named after her
    ("Rep. Nancy Pelosi criticized the bill. Ms. Pelosi voted against it. Rep. Anthony "
     "Weiner voted for it, and Mr. Weiner spoke in favour.\n\nThe congresswoman said the "
     "bill would cost $2 billion.", "Nancy Pelosi"),
    # two people with one surname: the former vice president is not his daughter
    ("Former Vice President Dick Cheney spoke on Monday. His daughter Mary Cheney wrote "
     "on Facebook that she disagreed.\n\n\"Freedom means freedom for everyone,\" the "
     "former vice president said.", "Dick Cheney"),
    # a name in apposition to the description is the speaker
    ("The Democrat, Representative Adam B. Schiff of California, said Mr. Flynn had "
     "declined the panel's request for documents.", "Adam B. Schiff"),
])
def test_a_reference_back_is_the_person_it_fits(extractor: ClaimExtractor, text: str,
                                                 speaker: str) -> None:
    assert speakers(extractor, text)[-1] == speaker


@pytest.mark.parametrize("text,speaker", [
    # only a governor was named: "the senator" is not he
    ("Gov. Chris Christie said the lanes were closed for a traffic study.\n\nThe senator "
     "said the study never existed.", "the senator"),
    # "the president" is not the vice president
    ("Vice President Joe Biden met the governors on Monday.\n\nThe president said the "
     "talks would continue.", "the president"),
    # the one named before is a congressman, not a former official
    ("Rep. Anthony Weiner said his account was hacked.\n\nThe former official said if "
     "Weiner had called the FBI, the public would already know.", "the former official"),
    # a party that does not fit: the Republican is not the Democrat named before
    ("Rep. Bruce Braley (D-Iowa) apologized on Tuesday.\n\nThe Republican said the "
     "apology came too late.", "the Republican"),
])
def test_a_description_that_fits_no_one_named_is_a_described_source(
        extractor: ClaimExtractor, text: str, speaker: str) -> None:
    assert speakers(extractor, text)[-1] == speaker


@pytest.mark.parametrize("text,speaker", [
    # Fox News, the Weiner event: the one named before is a congressman, not a former
    # official; the official was introduced unnamed, and is that source
    ("Rep. Anthony Weiner said his account was hacked. A former Justice Department "
     "computer crimes prosecutor said it would not cost much to ask the FBI.\n\nThe former "
     "official said if Weiner had called the FBI, the public would already know.",
     "a former Justice Department computer crimes prosecutor"),
    # HuffPost, the AARP event: "one union official"
    ("\"The top folks like to be in the inside game,\" one union official said.\n\nThe "
     "official said opponents of benefit cuts had been told the position had not changed.",
     "one union official"),
])
def test_a_reference_back_to_someone_unnamed_is_that_source(
        extractor: ClaimExtractor, text: str, speaker: str) -> None:
    assert speakers(extractor, text)[-1] == speaker


def test_a_reference_back_skips_an_unnamed_source_it_does_not_fit(
        extractor: ClaimExtractor) -> None:
    # a spokeswoman introduced after the governor is not "the governor"
    text = ("Gov. Mike Pence signed the bill on Thursday. A spokeswoman for the Chamber of "
            "Commerce said businesses were worried.\n\nThe governor said the law would "
            "not allow discrimination.")
    assert speakers(extractor, text)[-1] == "Mike Pence"


def test_a_title_keeps_a_surname_apart_from_a_relative(extractor: ClaimExtractor) -> None:
    # HuffPost, the Lauten event: "Sasha Obama" is the one full name; "President Obama"
    # is not she
    text = ("A staffer criticized Malia and Sasha Obama's appearance at the ceremony. The "
            "First Daughters join President Obama at the ceremony every year.\n\nBefore "
            "approaching the two turkeys, the president remarked that it was \"puzzling "
            "that I do this every year.\"")
    assert speakers(extractor, text)[-1] == "Obama"


def test_an_indefinite_description_is_someone_new(extractor: ClaimExtractor) -> None:
    # "a former official" is never the person named before, even one who fits
    text = ("Former Rep. Anthony Weiner resigned in 2011.\n\nA former congressman said the "
            "rules were clear.")
    assert speakers(extractor, text)[-1] != "Anthony Weiner"


def test_a_noun_that_says_nothing_is_no_speaker(extractor: ClaimExtractor) -> None:
    # "a student" says no gender: "the man" may be anyone
    text = ("Rep. Bob Etheridge grabbed a student by the neck.\n\nThe man said he was only "
            "working on a project.")
    assert speakers(extractor, text)[-1] is None


def test_the_woman_is_the_woman_introduced_before(extractor: ClaimExtractor) -> None:
    # HuffPost, the Weiner event: the student is not named in the article
    text = ("Last weekend, a lewd photo was sent to a 21-year-old female college student in "
            "Seattle from Weiner's Twitter account.\n\nThe woman told the New York Daily "
            "News that she had never met Weiner.")
    assert speakers(extractor, text)[-1].endswith("female college student in Seattle")


def test_a_quotation_takes_its_resolved_speaker(extractor: ClaimExtractor) -> None:
    text = ("Former Rep. Anthony Weiner announced his campaign on Wednesday.\n\n"
            "\u201cI made some big mistakes. I am asking for a second chance,\u201d the former "
            "congressman said in a video.")
    assert speakers(extractor, text)[-2:] == ["Anthony Weiner", "Anthony Weiner"]


def test_a_resolved_reference_resolves_a_later_he(extractor: ClaimExtractor) -> None:
    # "he" after the paragraph named two men: the one the description resolved to
    text = ("Rep. Bruce Braley (D-Iowa) spoke at a fundraiser. Sen. Chuck Grassley (R-Iowa) "
            "was not there.\n\nThe congressman said farmers would be fine. He said the "
            "remarks were taken out of context.")
    assert speakers(extractor, text)[-2:] == ["Bruce Braley", "Bruce Braley"]


def test_a_reference_back_that_states_nothing_names_he(extractor: ClaimExtractor) -> None:
    # HuffPost, the Weiner event: the paragraph names no one ("Weiner's" is tagged ORG
    # before it); its first sentence's subject refers back to the congressman
    text = ("Congressman Anthony Weiner (D-N.Y.) broke his silence Wednesday.\n\n"
            "Earlier this week, the colorful and sometimes combative congressman who "
            "represents parts of Brooklyn and Queens was characteristically sharp tongued, "
            "refusing to answer reporters' questions about it. He insisted that he wanted "
            "to move on from the incident.")
    assert speakers(extractor, text)[-1] == "Anthony Weiner"


def test_a_name_in_passing_is_not_the_one_referred_to(extractor: ClaimExtractor) -> None:
    # NYT, the Arkansas law event: Huckabee is named later, but only in passing
    text = ("Gov. Asa Hutchinson said on Wednesday that he would not sign the bill.\n\n"
            "His son rallied for gay rights during the tenure of another Republican, Gov. "
            "Mike Huckabee.\n\nOn Wednesday, the governor said he would ask lawmakers to "
            "recall the bill.")
    assert speakers(extractor, text)[-1] == "Asa Hutchinson"


def test_an_owner_in_an_apposition_is_not_the_persons_title(
        extractor: ClaimExtractor) -> None:
    # NYT, the border wall event: Kellyanne Conway is the president's counselor, not the
    # president
    text = ("President Donald Trump signed the bill on Friday. Among its critics was George "
            "Conway, the husband of Kellyanne Conway, the president's counselor.\n\nThe "
            "president said the money would go to the wall.")
    assert speakers(extractor, text)[-1] == "Donald Trump"


@pytest.mark.parametrize("text,speaker", [
    # HuffPost, the Weiner event: a web address the NER leaves out, called a website
    ("The tweet was first reported Saturday by BigGovernment.com, a website run by "
     "conservative commentator Andrew Breitbart.\n\nThe site said the photo was tweeted "
     "to a female college student in Seattle.", "BigGovernment.com"),
    # NYT, the Wal-Mart event: "Inc." marks a company
    ("The women sued Wal-Mart Stores Inc. in 2001.\n\nThe company says its policies "
     "expressly bar discrimination.", "Wal-Mart Stores Inc."),
    # Fox News, the Arizona event: an apposition says what the body is
    ("The bill was pushed by the Center for Arizona Policy, a social conservative group "
     "that opposes gay marriage.\n\nThe group says the proposal simply clarifies state "
     "law.", "Center for Arizona Policy"),
])
def test_a_reference_back_to_an_organisation(extractor: ClaimExtractor, text: str,
                                             speaker: str) -> None:
    assert speakers(extractor, text)[-1] == speaker


def test_a_name_alone_does_not_make_a_body_the_one_referred_to(
        extractor: ClaimExtractor) -> None:
    # Fox News, the ad event: a consultancy with "Group" in its name is not "the
    # organization" (nor "the group"); a bare body noun is no speaker
    text = ("Secure America Now paid for the ad. A study by the Boston Consulting Group "
            "was cited in it.\n\nThe group confirmed the ad would cost $1 million.")
    assert speakers(extractor, text)[-1] is None


def test_a_speech_verb_the_parser_took_for_a_noun(extractor: ClaimExtractor) -> None:
    # Fox News, the Etheridge event: "demands" is tagged a plural noun
    text = ("Rep. Bob Etheridge grabbed the student's wrist.\n\n\"Who are you!\" the "
            "seven-term congressman demands.")
    assert speakers(extractor, text)[-1] == "Bob Etheridge"


# HuffPost, Vicente Fox on Trump's wall (BASIL d4a4bc34): "GOP presidential hopeful
# Donald Trump" is who "The GOP front-runner, who ..., insists" is
HPO_FOX_WALL = (
    "Former Mexican President Vicente Fox says Mexico will not pay for a wall along the "
    "U.S. border, despite what GOP presidential hopeful Donald Trump may claim.\n\n"
    "Fox said, as a taxpayer, he’s not willing to fund Trump’s big idea.\n\n"
    "“I’m not going to pay for that fucking wall,” Fox told Fusion’s Jorge Ramos in an "
    "interview airing Thursday. “He should pay [for] it. He’s got the money.”\n\n"
    "The GOP front-runner, who has made many outrageous comments about Latinos including "
    "calling Mexican immigrants \"criminals\" and \"rapists,\" insists he'll coerce Mexico "
    "into paying for a wall to keep undocumented migrants out of the U.S. if he's elected.")


def test_a_hyphened_person_noun_refers_back(extractor: ClaimExtractor) -> None:
    assert speakers(extractor, HPO_FOX_WALL)[-1] == "Donald Trump"


def test_a_front_runner_of_another_party_is_not_the_one_named(
        extractor: ClaimExtractor) -> None:
    text = ("GOP presidential hopeful Donald Trump spoke in Iowa on Monday.\n\n"
            "The Democratic front-runner said the wall would never be built.")
    assert speakers(extractor, text)[-1] == "the Democratic front-runner"


def test_the_noun_a_name_is_the_subject_of_is_given_to_that_person(
        extractor: ClaimExtractor) -> None:
    text = ("Donald Trump is the GOP front-runner. Jeb Bush disagreed with him on Monday."
            "\n\nThe front-runner said the wall would be built.")
    assert speakers(extractor, text)[-1] == "Donald Trump"
