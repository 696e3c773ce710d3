"""Speakers from a checker's review of unseen BASIL events (session 19): a participle
credited to the wrong subject, an institution's mid-sentence attribution, a surname the
NER missed after the full name. Short excerpts of BASIL articles (Fan et al., EMNLP
2019) and of the seeds' AFP article, read by the real spaCy model."""

from __future__ import annotations

from datetime import date

import pytest
from speaker_reading import speakers

from factdesk.nlp.pipeline import ClaimExtractor


def test_a_description_before_a_name_is_not_the_speaker(extractor: ClaimExtractor) -> None:
    # HuffPost, Rubio's foreign policy: the parser gives "challenged" two subjects, the
    # description and the name; "saying" was credited to "the son of Cuban immigrants"
    text = ("The son of Cuban immigrants, Rubio has challenged Obama's efforts to normalize "
            "diplomatic relations with the island, saying that closer ties would only help "
            "the communist Castro government keep power.")
    assert speakers(extractor, text) == ["Rubio"]


def test_a_participle_after_another_subject_s_clause_is_no_one_s(
        extractor: ClaimExtractor) -> None:
    # Fox News, Rice on Netanyahu's speech: "saying" is Netanyahu's, hung by the parser
    # on "came"; the outlet's narration was credited to "Rice's comments"
    text = ("Rice's comments came as Netanyahu turned down an invitation to meet privately "
            "with leading Senate Democrats during his trip to Washington, saying such a "
            "session could \"compound the misperception of partisanship\" surrounding his "
            "visit.")
    assert speakers(extractor, text) == [None]


@pytest.mark.parametrize("text,speaker", [
    # NYT, the congressional baseball game: the speech verb is the main clause's
    ("“We don’t dislike each other,” Mr. McConnell said, deploying a rare complimentary "
     "double negative.", "McConnell"),
    # NYT, the shutdown's end: the clause between has the speaker for its subject
    ("Mr. Trump began his remarks as if he had actually emerged victorious, saying that he "
     "was “very proud to announce” what he called “a deal to end the shutdown and reopen "
     "the federal government.”", "Trump"),
    # NYT, the Flynn event: a participle with no clause between keeps its verb's subject
    ("Flynn stepped down in February, saying that he had misled the transition team.",
     "Flynn"),
])
def test_a_participle_of_the_speaker_keeps_the_speaker(extractor: ClaimExtractor, text: str,
                                                       speaker: str) -> None:
    assert speakers(extractor, text) == [speaker]


@pytest.mark.parametrize("text,speaker", [
    # AFP (seeds/003): the attribution set inside the sentence
    ("Ukrainian President Volodymyr Zelensky on Wednesday visited the east Ukraine city of "
     "Izyum, the military said, one of the largest cities recently recaptured from Russia "
     "by Kyiv's army in a lightning counter-offensive.", "the military"),
    ("The bridge was destroyed overnight, the army said on Thursday.", "the army"),
    ("The military said 5 tanks were destroyed.", "the military"),
])
def test_an_institution_said_is_a_speaker(extractor: ClaimExtractor, text: str,
                                          speaker: str) -> None:
    assert speakers(extractor, text) == [speaker]


def test_a_bare_common_noun_is_still_no_speaker(extractor: ClaimExtractor) -> None:
    assert speakers(extractor, "Records show the charges were false.") == [None]


@pytest.mark.slow
def test_a_surname_the_ner_missed_is_the_full_name_named_before(nlp) -> None:
    """HuffPost, the suspicious packages: "Wray" is tagged as nothing, so the project's
    alias resolution never gave it "Chris Wray"; the claims list showed both forms."""
    text = ("Cesar Sayoc, 56, of South Florida was taken into custody on Friday, FBI "
            "Director Chris Wray confirmed at a press conference.\n\n"
            "Wray elaborated at Friday’s press briefing that each device contained roughly "
            "6 inches of PVC pipe, as well as a small clock and wiring. “These are not hoax "
            "devices,” he said.\n\n"
            "Wray noted that the investigation was ongoing and warned there could be other "
            "packages not yet intercepted.")
    analysis = next(ClaimExtractor(None, 0.3).analyse([(1, text, date(2018, 10, 26))]))
    said = {c.text[:12]: c.speaker for c in analysis.claims}
    assert said["Cesar Sayoc,"] == "Chris Wray"
    assert said["Wray noted t"] == "Chris Wray"
