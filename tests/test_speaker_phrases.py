"""A speaker described by common nouns reads as the article wrote it: the possessive
kept whole, the determiners of its prepositional phrase kept, clauses left out."""

from __future__ import annotations

import pytest

from factdesk.nlp.pipeline import ClaimExtractor


@pytest.fixture(scope="module")
def extractor(nlp) -> ClaimExtractor:  # skips without the model
    return ClaimExtractor(None, 0.3)


@pytest.mark.parametrize("text,speaker", [
    ("The president's budget director said the deficit would fall by $200 billion.",
     "The president's budget director"),
    ("A statement from the Democratic committee said 40 members had signed the letter.",
     "A statement from the Democratic committee"),
    ("The Ukrainian official in charge of the eastern Donetsk region said 12 people "
     "were killed in the strike.", "The Ukrainian official in charge of the eastern "
                                   "Donetsk region"),
    ("Wal-Mart's appeal said the class of 1.5 million women was too large.",
     "Wal-Mart's appeal"),
])
def test_common_noun_speaker_is_the_phrase_as_written(extractor: ClaimExtractor, text: str,
                                                      speaker: str) -> None:
    doc = extractor.nlp(text)
    speakers = [s._.speaker for s in doc.spans["sentences"]]
    assert speakers == [speaker]


def test_a_date_is_no_speaker_but_a_named_apposition_is(extractor: ClaimExtractor) -> None:
    doc = extractor.nlp("One of its members, Demetrios Minor, said critics had taken 12 "
                        "statements out of context.")
    assert [s._.speaker for s in doc.spans["sentences"]] == ["Demetrios Minor"]
    text = ("Let us have some eight week fight and on February the 15th come in and say, "
            "alright, now we are ready to make a compromise.")
    doc = extractor.nlp(text)
    assert [s._.speaker for s in doc.spans["sentences"]] == [None]  # was "the 15th"
