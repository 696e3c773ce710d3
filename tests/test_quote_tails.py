"""A quoted question or exclamation and its attribution are one sentence; a "City, St."
place before a capital ends one. Found in the second triage audit (docs/claims.md,
"Operating point variants"); BASIL excerpts are from its development articles (Fan et
al., EMNLP 2019). Real spaCy model.
"""

from __future__ import annotations

from datetime import date

import pytest

from factdesk.nlp.pipeline import ClaimExtractor


def _read(extractor: ClaimExtractor, text: str) -> list[tuple[str, str | None]]:
    doc = extractor.nlp(text)
    return [(s.text, s._.speaker) for s in doc.spans["sentences"]]


@pytest.mark.parametrize(("text", "speaker"), [
    ('"Why would we do that?" he asked.', None),
    ('"Is this fair?" said Smith.', "Smith"),
    ('"Is this fair?" Smith asked.', "Smith"),
    ("“Is this fair?” Smith asked.", "Smith"),
    ('"Is this fair?" asked Sen. John Smith, D-Ill.', "John Smith"),
    # BASIL dev: the Wal-Mart case (NYT), Akin, Tlaib (the Pelosi quotation)
    ("“How do you work out the back pay?” Justice Ginsburg asked.", "Ginsburg"),
    ('"Let Mitt Romney run his race and I\'ll run mine?" Akin continued.', None),
    ("“Have I not been clear on a wall?” Ms. Pelosi said at a news conference.", "Pelosi"),
    ("“Stop lying!” Mr. Fox wrote.", "Fox"),
])
def test_a_quoted_question_and_its_speaker_are_one_sentence(extractor, text: str,
                                                            speaker: str | None) -> None:
    (sentence,) = _read(extractor, "The senator paused. " + text)[1:]
    assert sentence[0] == text
    if speaker is not None:  # None: "he" with no one before it; "continued" is no speech verb
        assert sentence[1] is not None and sentence[1].endswith(speaker)


def test_the_sentence_count_follows(extractor) -> None:
    text = ('Jones spoke on Monday. "Is this fair?" Smith asked. The vote was 5-4.')
    (analysis,) = extractor.analyse([(1, text, date(2016, 8, 31))])
    assert analysis.sentences == 3


@pytest.mark.parametrize("text", [
    # a new quotation after the verb: its own sentence (Weiner, BASIL dev)
    'Asked point-blank, "Is that picture you?" Weiner replied, "You know I\'m not going '
    'to get into that."',
    # no name after the closing mark
    "“Is there something wrong with this?” But the lingering animosity stayed.",
    # the verb introduces a quotation with a colon
    "“He is going to win, right?” Mr. Strzok responds: “No he won’t.”",
])
def test_what_follows_a_quoted_question_may_start_a_sentence(extractor, text: str) -> None:
    first = text[:text.index("?") + 2]
    assert _read(extractor, text)[0][0] == first


@pytest.mark.parametrize(("text", "parts"), [
    # Fox, Jesse Jackson Jr.: "D.C. Jackson's" was one sentence
    ("The Jacksons were appearing separately before U.S. District Judge Robert L. Wilkins "
     "in Washington, D.C. Jackson's wife spent $5,150 on fur capes and parkas, court "
     "documents said.", 2),
    ("Betty Dukes worked at a Sam's Club in Concord, Calif. Dukes is a greeter.", 2),
    # a comma after the state, or a country before a title: the sentence goes on
    ("Police in Kansas City, Mo., said on Monday that two men were held.", 1),
    ("Kicking off his campaign, U.S. Sen. Marco Rubio said he would act.", 1),
    ("The U.S. Senate voted on Monday.", 1),
])
def test_a_city_and_state_before_a_capital_end_a_sentence(extractor, text: str,
                                                         parts: int) -> None:
    assert len(_read(extractor, text)) == parts
