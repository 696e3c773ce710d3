"""Speakers a checker can trust, on the reviewer's reproductions of issue #20: a subject
inside the quotation is not who says it, a title the full name never had keeps a
surname apart from a relative, and "the woman" introduced with her name is that name.
The real spaCy model reads each text."""

from __future__ import annotations

import pytest
from speaker_reading import speakers

from factdesk.nlp.person_names import first_reference_names, introduced_name
from factdesk.nlp.pipeline import ClaimExtractor


@pytest.fixture(scope="module")
def extractor(nlp) -> ClaimExtractor:  # skips without the model
    return ClaimExtractor()



@pytest.mark.parametrize("text", [
    # the reviewer's case: the parser hangs "said" under the quotation's "is"
    'Senator Jane Doe arrived late. "The president," she said, "is wrong about taxes."',
    'Senator Jane Doe arrived late. "The governor," she said, "has no plan for schools."',
    "Senator Jane Doe arrived late. \u201cThe president,\u201d she said, \u201cis wrong "
    "about taxes.\u201d",
])
def test_a_split_quotation_s_subject_is_not_its_speaker(extractor: ClaimExtractor,
                                                        text: str) -> None:
    assert speakers(extractor, text)[-1] == "Jane Doe"


@pytest.mark.parametrize("text", [
    'Senator Mary Smith arrived late. "Jane Doe," she said, "is wrong about taxes."',
    'Senator Mary Smith arrived late. "Jane Doe is wrong about taxes," she said.',
])
def test_a_person_named_inside_the_quotation_is_not_she(extractor: ClaimExtractor,
                                                        text: str) -> None:
    assert speakers(extractor, text)[-1] == "Mary Smith"


@pytest.mark.parametrize("short", ["President Trump", "Sen. Trump", "Gov. Trump"])
def test_a_title_the_full_name_never_had_is_someone_else(short: str) -> None:
    """"President Trump" after "Donald Trump Jr." is the father; "Mr. Trump" is the son."""
    introduced = first_reference_names([("Donald Trump Jr.", "PERSON"), (short, "PERSON")])
    assert introduced == {}
    assert introduced_name("Trump", introduced) == "Trump"
    son = first_reference_names([("Donald Trump Jr.", "PERSON"), ("Mr. Trump", "PERSON")])
    assert introduced_name("Mr. Trump", son) == "Donald Trump Jr."


def test_a_title_the_full_name_had_keeps_the_expansion() -> None:
    """"Sen. Jane Doe Jr." then "Sen. Doe": one senator, named without her title."""
    introduced = first_reference_names([("Sen. Jane Doe Jr.", "PERSON"),
                                        ("Sen. Doe", "PERSON")])
    assert introduced_name("Doe", introduced) == "Jane Doe Jr."


@pytest.mark.parametrize(("said", "speaker"), [
    ('"The tariffs will raise $200 billion next year," President Trump said.', "Trump"),
    ("Sen. Trump said the tariffs will raise $200 billion next year.", "Trump"),
    ('"The tariffs will raise $200 billion next year," Mr. Trump said.', "Donald Trump Jr."),
])
def test_a_titled_surname_in_an_article_on_the_son(extractor: ClaimExtractor, said: str,
                                                   speaker: str) -> None:
    text = f"Donald Trump Jr. posted a video on Monday. {said}"
    analysis = next(extractor.analyse([(1, text, None)]))
    claim = next(c for c in analysis.claims if "tariffs" in c.text)
    assert claim.speaker == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    # the reviewer's case: the parser hangs the name on "Ohio"
    ("A woman from Ohio, Jane Doe, testified. The woman said the cost was $5 billion.",
     "Jane Doe"),
    ("A woman, Jane Doe, testified. The woman said the cost was $5 billion.", "Jane Doe"),
    ("A young man in Seattle, John Smith, was arrested. The man said the bail was $5,000.",
     "John Smith"),
    # the name follows "the senator": the senator's, not the woman's
    ("A woman from the office of the senator, Jane Doe, testified. The woman said the "
     "cost was $5 billion.", "a woman from the office of the senator"),
])
def test_the_woman_introduced_with_her_name_is_that_name(extractor: ClaimExtractor,
                                                         text: str, speaker: str) -> None:
    assert speakers(extractor, text)[-1] == speaker
