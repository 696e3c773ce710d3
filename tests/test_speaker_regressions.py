"""Speakers a checker can trust, on the reviewer's reproductions of issue #20: a subject
inside the quotation is not who says it, a title the full name never had keeps a
surname apart from a relative, and "the woman" introduced with her name is that name.
The real spaCy model reads each text."""

from __future__ import annotations

import pytest

from factdesk.nlp.pipeline import ClaimExtractor


@pytest.fixture(scope="module")
def extractor(nlp) -> ClaimExtractor:  # skips without the model
    return ClaimExtractor()


def speakers(extractor: ClaimExtractor, text: str) -> list[str | None]:
    doc = extractor.nlp(text)  # kept: the span group needs its document alive
    return [s._.speaker for s in doc.spans["sentences"]]


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
