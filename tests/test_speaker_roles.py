"""Speakers by role, suffix and apposition (issue 20, part 4): "the attorney general",
"the A.G." and "the Washington gov" are the person the article names with that office,
else the office as a described source; a generational suffix ("III") is never the
key a person is known by; the name in apposition to a described source speaks.
Excerpts in the style of BASIL articles (Fan et al., EMNLP 2019), the real spaCy
model."""

from __future__ import annotations

import pytest
from speaker_reading import speakers

from factdesk.nlp.person_names import person_key, split_generations
from factdesk.nlp.pipeline import ClaimExtractor


def claim_speakers(extractor: ClaimExtractor, text: str) -> list[str | None]:
    """The speakers of the claims an import stores, after the article-level naming."""
    (analysis,) = extractor.analyse([(1, text, None)])
    return [c.speaker for c in analysis.claims]


def test_a_generational_suffix_is_no_key() -> None:
    assert person_key("George T. Conway III") == person_key("Mr. Conway") == "conway"
    assert person_key("Robert S. Mueller III's") == "mueller"
    # "Jr." is kept only where the writer tells two people apart by it
    assert split_generations(["George T. Conway III", "Kellyanne Conway"]) == set()
    split = split_generations(["President Trump", "Donald Trump Jr.", "Trump Jr."])
    assert person_key("Donald Trump Jr.", split) == person_key("Trump Jr.", split) == \
        "trump jr"
    assert person_key("President Trump", split) == "trump"
    assert person_key("Joseph R. Biden Jr.", split) == "biden"


def test_he_after_a_surname_is_the_person_with_the_suffix(extractor) -> None:
    # NYT style: full name with its suffix once, then "Mr." and the surname
    text = ("Robert S. Mueller III, the special counsel, declined to comment on Monday. "
            "Mr. Mueller has charged 34 people. “We will finish the work,” he said.")
    assert speakers(extractor, text)[-1] == "Robert S. Mueller III"


def test_a_husband_and_wife_of_one_surname_stay_two_people(extractor) -> None:
    # the NYT, Trump's national emergency (2019)
    text = ("Among those predicting a flurry of judicial decisions against Mr. Trump was "
            "George T. Conway III, a conservative lawyer and the husband of Kellyanne "
            "Conway, the president’s counselor. “If he knows he is going to lose,” Mr. "
            "Conway, a vocal critic of Mr. Trump, wrote on Twitter, “then he knows he is "
            "violating the Constitution and laws he has sworn to uphold.”")
    said = claim_speakers(extractor, text)[-1]
    assert said in ("Conway", "George T. Conway III")
    # two people of the surname, told apart by their given names: the one named last
    # ("III" made them two surnames, and "he" no one)
    text = ("Kellyanne Conway, the president’s counselor, defended the order on Monday. "
            "Her husband, George T. Conway III, filed a brief against it. “It is a power "
            "grab,” he said.")
    assert speakers(extractor, text)[-1] == "George T. Conway III"
    # with him alone named, "Mr. Conway" is he
    text = ("George T. Conway III, a conservative lawyer, filed a brief on Monday.\n\n"
            "Mr. Conway said the order was unlawful.")
    assert claim_speakers(extractor, text)[-1] == "George T. Conway III"


HOLDER = "Attorney General Eric Holder spoke in Boston on Monday.\n\n"
INSLEE = "Gov. Jay Inslee signed the bill on Friday in Olympia.\n\n"


@pytest.mark.parametrize(("text", "speaker"), [
    # the office written short, or in full, is the one who holds it in the article
    (HOLDER + "The A.G. said the department would appeal the ruling.", "Eric Holder"),
    (HOLDER + "The attorney general told reporters that the ruling was wrong.",
     "Eric Holder"),
    (INSLEE + "The Washington gov said the law would cut emissions by 40 percent.",
     "Jay Inslee"),
    # an office's staff: the holder's, a described source
    (INSLEE + "The governor's office said the law would take effect in July.",
     "Jay Inslee's office"),
    (INSLEE + "The law will take effect in July, according to the governor's spokesman.",
     "Jay Inslee's spokesman"),
    (HOLDER + "The A.G.'s office said it would appeal.", "Eric Holder's office"),
    # no one holds the office in the article: the office, written out, never "A.G."
    ("The A.G. said the department would appeal the ruling.", "the attorney general"),
    ("The A.G.'s office said it would appeal the ruling.", "the attorney general's office"),
    ("The Washington gov said the law would cut emissions by 40 percent.",
     "the Washington governor"),
    (HOLDER + "The governor's office said the law would take effect in July.",
     "the governor's office"),
])
def test_an_office_is_its_holder_in_the_article_else_written_out(extractor, text: str,
                                                                  speaker: str) -> None:
    assert speakers(extractor, text)[-1] == speaker


def test_a_quotation_closed_by_an_office_takes_its_holder(extractor) -> None:
    text = (HOLDER + "“We will appeal,” the A.G. said. “The ruling is wrong on the law "
            "and on the facts.”")
    assert speakers(extractor, text)[1:] == ["Eric Holder", "Eric Holder"]


@pytest.mark.parametrize("said", [
    "“We are proud of the vote,” said a woman from the office of the senator, Jane Doe.",
    "“We are proud of the vote,” a woman from the office of the senator, Jane Doe, said.",
])
def test_a_split_quote_introduced_by_a_described_person_keeps_her(
        extractor, said: str) -> None:
    # "Jane Doe" follows "the senator": the senator's name, not the woman's; the
    # woman is the described source, the senator named in it, for the whole quotation
    text = ("Sen. Mary Smith voted for the bill on Tuesday.\n\n" + said +
            " “It was the right thing to do for the state.”")
    woman = "a woman from the office of the senator, Jane Doe"
    assert speakers(extractor, text)[1:] == [woman, woman]
    # a spokesman named so too
    text = "A spokesman for the company, John Smith, said sales fell 5 percent."
    assert speakers(extractor, text) == ["John Smith"]


def test_the_president_tagged_a_proper_noun_is_still_the_president(extractor) -> None:
    # the NYT, the 2019 shutdown: the tagger takes "president" for a proper noun
    text = ("WASHINGTON — President Trump and Democratic congressional leaders dug in "
            "Wednesday.\n\n“The United States needs a physical barrier,” the president "
            "said during the cabinet meeting, comparing the southern border to “a sieve.”")
    assert speakers(extractor, text)[-1] == "Trump"


def test_an_office_owning_named_people_is_not_their_speaker(extractor) -> None:
    # the NYT, the Mueller report: the attorneys are named, not "Trump's attorneys"
    text = ("President Trump spent the weekend at his golf club.\n\n“We’re pleased that "
            "the Office of Special Counsel has delivered its report,” said the president’s "
            "personal attorneys Rudy Giuliani and Jay Sekulow in a joint statement.")
    assert speakers(extractor, text)[-1] == "Rudy Giuliani"


@pytest.mark.parametrize(("text", "speaker"), [
    # Fox News, 2019: the NER tags "Dem" a person; the senator in apposition speaks
    ("Another leading Dem, Sen. Kristen Gillibrand of New York, who announced her White "
     "House bid on Jan. 15, said she would fight for the middle class.",
     "Kristen Gillibrand"),
    # HuffPost, Chick-fil-A (2012): the parser splits the name at "and"
    ("The Gay and Lesbian Alliance Against Defamation said it would ask supporters to "
     "donate $6.50.", "Gay and Lesbian Alliance Against Defamation"),
    # two bodies or people stay the first named, as before
    ("Democrats and Republicans said the bill would cost $4 billion.", "Democrats"),
])
def test_a_fragment_of_a_name_is_no_speaker(extractor, text: str, speaker: str) -> None:
    assert speakers(extractor, text)[-1] == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    # the reviewer's cases: "general" of another office, or alone, is not an untitled
    # person of the paragraph
    ("Andrew McCabe, who was fired in March, has denied any wrongdoing. \u201cHe lacked "
     "candor on four occasions, three of them under oath,\u201d the inspector general "
     "said in the report.", "the inspector general"),
    ("Mark Milley, a businessman, spoke on Monday. \u201cThe base will close,\u201d the "
     "general said.", "the general"),
    ("James Comey testified on Thursday. \u201cThe bureau followed the rules,\u201d the "
     "attorney general said.", "the attorney general"),
    ("Blumenthal spoke on Monday. The A.G., according to the Times, said the bureau "
     "followed the rules.", "the attorney general"),
    # the article gives the office: its holder
    ("Attorney General Eric Holder spoke on Monday. \u201cThe bureau followed the "
     "rules,\u201d the attorney general said.", "Eric Holder"),
])
def test_general_is_an_office_only_someone_given_it_holds(extractor: ClaimExtractor,
                                                          text: str, speaker: str) -> None:
    assert speakers(extractor, text)[-1] == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    ("A spokesman for the campaign of the former vice president, Joe Biden, said the ad "
     "was false.", "Joe Biden's spokesman"),
    ("\u201cThe ad is false,\u201d said an aide in the office of the governor, Andrew M. "
     "Cuomo.", "Andrew M. Cuomo's aide"),
    ("\u201cThe ad is false,\u201d said a spokeswoman for the governor, Andrew M. Cuomo.",
     "Andrew M. Cuomo's spokeswoman"),
    ("A spokesman for the mayor, Bill de Blasio, said the ad was false.",
     "Bill de Blasio's spokesman"),
    ("A lawyer for the family of the victim, Botham Jean, said the ad was false.",
     "Botham Jean's lawyer"),
    # the name is the described speaker's own
    ("A spokesman for the company, John Smith, said the ad was false.", "John Smith"),
    ("A woman from Ohio, Jane Doe, said the ad was false.", "Jane Doe"),
    # a statement is no person: the attorney named speaks (BASIL, Fox)
    ("\u201cWe are disappointed,\u201d said the statement from Grimm's attorney, "
     "William McGinley.", "William McGinley"),
])
def test_a_name_after_an_office_is_the_office_holder_s(extractor: ClaimExtractor,
                                                      text: str, speaker: str) -> None:
    assert speakers(extractor, text)[-1] == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    ("Martin Luther King Jr. said on Monday that the march would go on.",
     "Martin Luther King Jr."),
    ("Martin Luther King Jr. spoke in Memphis.\n\nKing Jr. said on Monday that the "
     "march would go on.", "King Jr."),
    ("Billie Jean King said on Monday that the match would go on.", "Billie Jean King"),
    ("King Abdullah said on Monday that the talks would go on.", "Abdullah"),
    # HuffPost (BASIL): the tagger takes "Bruning" for a verb
    ("\u201cFederal law prohibits the sale of marijuana,\u201d Nebraska Attorney General "
     "Jon Bruning said Thursday.\n\nBruning, along with Oklahoma Attorney General Scott "
     "Pruitt, argue that the legalization of marijuana is unconstitutional.", "Bruning"),
])
def test_a_surname_is_never_a_suffix_or_lower_case(extractor: ClaimExtractor, text: str,
                                                   speaker: str) -> None:
    assert speakers(extractor, text)[-1] == speaker
