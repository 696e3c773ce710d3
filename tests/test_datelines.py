"""Openings and misfires: a dateline or label opening a paragraph is its own fragment,
never a claim's speaker, and neither is a lone initialism the NER took for a person."""

from __future__ import annotations

import pytest

from factdesk.nlp.pipeline import ClaimExtractor


@pytest.mark.parametrize("text,claim_start,speaker", [
    ("KANSAS CITY, Mo. — Leaders of the NAACP accused tea party activists on Tuesday of "
     "tolerating bigotry.", "Leaders of the NAACP", "leaders of the NAACP"),
    ("WASHINGTON (Reuters) - The Senate majority leader said on Tuesday that the $5.7 "
     "billion bill would pass.", "The Senate majority leader", "the Senate majority leader"),
    ("KYIV, Sept 16 (Reuters) - Ukrainian President Volodymyr Zelenskiy said on Friday that "
     "450 bodies were found.", "Ukrainian President", "Volodymyr Zelenskiy"),
    ("UPDATE: AARP CEO A. Barry Rand said in a statement that 40 million people rely on "
     "the program.", "AARP CEO", "A. Barry Rand"),
    # the main clause's speaker states it: the prosecutors, not the paper reporting it
    ("UPDATE: 7:19 p.m. -- The Washington Post now reports that Grimm was indicted on 20 "
     "counts, prosecutors said.", "The Washington Post", "prosecutors"),
])
def test_datelines_are_cut_off_the_sentence(extractor: ClaimExtractor, text: str,
                                            claim_start: str, speaker: str) -> None:
    doc = extractor.nlp(text)
    claims = list(doc.spans["claims"])
    assert len(claims) == 1 and claims[0].text.startswith(claim_start)
    assert claims[0]._.speaker.startswith(speaker)


@pytest.mark.parametrize("text", [
    "UN-backed forces took the city on Monday, officials said.",
    "US-led coalition officials said 30 fighters died.",
    "NYPD - the city's police - said 12 people were arrested.",
    "COVID-19 cases rose to 400 in March.",
])
def test_hyphens_and_asides_are_not_datelines(extractor: ClaimExtractor, text: str) -> None:
    assert len(list(extractor.nlp(text).sents)) == 1


def test_a_lone_initialism_is_not_a_plausible_person() -> None:
    # the NER sometimes tags "O.K." as a person; "He continued:" then resolved to it
    from factdesk.nlp.speakers import plausible_person

    assert not any(map(plausible_person, ["O.K.", "O.K", "U.S."]))
    assert all(map(plausible_person, ["Obama", "Xi", "AOC", "J.K. Rowling", "Adam Schiff"]))


def test_a_single_letter_is_never_a_speaker(extractor: ClaimExtractor) -> None:
    doc = extractor.nlp("E-mails released by the White House on Wednesday revealed a fierce "
                        "fight over the talking points after 4 attacks.")
    assert [c._.speaker for c in doc.spans["claims"]] == [None]
    doc = extractor.nlp("Xi said China would grow 5 percent this year.")
    assert [c._.speaker for c in doc.spans["claims"]] == ["Xi"]


def test_a_possessive_after_a_headline_stays_in_its_sentence(extractor: ClaimExtractor) -> None:
    doc = extractor.nlp("Mayor says 80% of Izium destroyed\n\nIzium’s mayor Valeriy Marchenko "
                        "said on Thursday that about 80% of the housing had been destroyed.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[1].startswith("Izium’s mayor Valeriy Marchenko said")
    assert len(sentences) == 2
    # a closing single quote still ends a sentence
    quoted = extractor.nlp("He wrote ‘It is over.’ The army left the city on Monday.")
    assert [s.text.strip() for s in quoted.sents][-1] == "The army left the city on Monday."


def test_a_quotation_opening_a_paragraph_is_one_quote_with_its_speaker(
        extractor: ClaimExtractor) -> None:
    doc = extractor.nlp("Title\n\n“We lost 30 tanks in Izium. Now we have none,” Colonel "
                        "Petrenko told reporters.")
    sentences = [(s.text, s._.claim_kind, s._.speaker) for s in doc.spans["sentences"]]
    assert sentences[1] == ("“We lost 30 tanks in Izium.", "quote", "Petrenko")
    assert sentences[2][2] == "Petrenko" and len(sentences) == 3
