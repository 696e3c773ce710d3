"""Who states a claim: the one who states, never the one the statement is about; a
described source is a speaker, a bare noun or a fragment is not; a brand the NER took
for a person is a thing. Short excerpts of BASIL articles (Fan et al., EMNLP 2019) and
the real spaCy model."""

from __future__ import annotations

import pytest
from speaker_reading import speakers

from factdesk.nlp.pipeline import ClaimExtractor


def test_what_a_poll_said_is_the_polls_not_its_subjects(extractor: ClaimExtractor) -> None:
    # HuffPost, the Cheney event: the parser makes "said" a conjunct of "sought", whose
    # subject is Cheney; the claim was stored as said by Cheney
    text = ("According to The Hill, Cheney sought to clarify her position after an alleged "
            "poll in Wyoming said she \"supports abortion and aggressively promotes gay "
            "marriage.\"")
    assert speakers(extractor, text) == ["an alleged poll in Wyoming"]


def test_a_verb_joined_to_another_still_takes_its_subject(extractor: ClaimExtractor) -> None:
    text = "Cheney sought to clarify her position and said she opposed the amendment."
    assert speakers(extractor, text) == ["Cheney"]


@pytest.mark.parametrize("text,speaker", [
    # NYT, the Jackson Jr. plea: "recommended" was no speech verb
    ("As part of a plea agreement, prosecutors recommended that Mr. Jackson receive a "
     "sentence of 46 to 57 months in prison.", "prosecutors"),
    # NYT, the Christie subpoenas
    ("A person briefed on the matter said the prosecutors had also issued subpoenas to some "
     "of the 20 people and entities.", "a person briefed on the matter"),
    ("Federal officials said 12 people were arrested.", "federal officials"),
    ("His lawyer said the charges were false.", "his lawyer"),
    # Fox News, the Braley event: a participle takes the subject of its verb
    ("A spokesperson for Grassley fired back Tuesday, telling FoxNews.com that by Braley's "
     "logic he, as a trial lawyer, would not be eligible to speak out on a number of policy "
     "issues.", "a spokesperson for Grassley"),
    ("On Sunday, Ms. Zimmer issued a statement saying prosecutors in Mr. Fishman's office "
     "had interviewed her about her accusation.", "Zimmer"),
    # NYT: the name is hung on "Hoboken", not on "the mayor"
    ("On Saturday, the mayor of Hoboken, Dawn Zimmer, said Mr. Christie's lieutenant "
     "governor had threatened in May to withhold federal recovery aid.", "Dawn Zimmer"),
])
def test_described_and_named_sources_are_speakers(extractor: ClaimExtractor, text: str,
                                                  speaker: str) -> None:
    assert speakers(extractor, text) == [speaker]


def test_a_bare_noun_is_no_description(extractor: ClaimExtractor) -> None:
    assert speakers(extractor, "His campaign said the charges were false.") == [None]


def test_a_time_is_no_description(extractor: ClaimExtractor) -> None:
    # HuffPost, the Weiner event: was "the congressman over the weekend"; the office is a
    # described source (no one was named before it), the time is not part of it
    text = ("The congressman over the weekend joked about the incident on Twitter, asking "
            "whether his kitchen blender would be next to \"attack\" him.")
    assert speakers(extractor, text) == ["the congressman"]


def test_the_main_clause_speaks_for_the_sentence(extractor: ClaimExtractor) -> None:
    # Fox News, the Weiner event: the claim of federal crimes is the former official's;
    # it was stored as Weiner's. Weiner is named, but not as a former official: the
    # description is the speaker (tests/test_speaker_references.py)
    text = ("Though Weiner said the incident did not constitute a federal crime, the former "
            "official said multiple federal crimes would have been committed if somebody did "
            "hack into his account.")
    assert speakers(extractor, text) == ["the former official"]


@pytest.mark.parametrize("text,speaker", [
    # Fox News, the Weiner event: "who" stands for "the congressman", no source by
    # itself, so it is resolved as "he" is, to the one person named before (first
    # sentence shortened)
    ("Rep. Anthony Weiner said Wednesday he did not send the photo.\n\nThe congressman, "
     "who described the incident as \"mischief,\" continued to allege that he was the "
     "victim of a computer hacker.", "Anthony Weiner"),
    # NYT, Trump's immigration offer (first sentence shortened): "Some" is no one to
    # resolve (it was resolved to the one person named)
    ("Sen. Richard Blumenthal said the offer was a start.\n\nSome on the right also "
     "pushed back, describing the proposal as amnesty.", None),
])
def test_relative_and_other_pronouns(extractor: ClaimExtractor, text: str,
                                     speaker: str | None) -> None:
    assert speakers(extractor, text)[-1] == speaker


def test_a_speech_verb_inside_the_quotation_is_not_the_sentences(
        extractor: ClaimExtractor) -> None:
    # Fox News: "we won't comment" is inside the quotation; it resolved to Weiner
    text = ("\"While we won't comment on individual accounts, news reports of the past few "
            "days are a good reminder of the importance of actively protecting your account "
            "credentials,\" Twitter's Adam Sharp wrote.")
    assert speakers(extractor, text) == ["Adam Sharp"]


def test_he_is_not_the_woman_an_honorific_names(extractor: ClaimExtractor) -> None:
    # NYT, the Weiner event (first and last sentences shortened): two people named in
    # the paragraph, one of them "Ms."; "Twitter", tagged a person three times and never
    # given an honorific in an article that gives them, is no one "he" can be
    text = ("Mr. Weiner said he had hired a lawyer and that a wayward Twitter message had "
            "become the talk of the town.\n\n"
            "He said he did not know the woman who received the photo, Gennette Cordova, a "
            "student at Whatcom Community College in Bellingham, Wash.; she followed him on "
            "Twitter. He said he regretted that Ms. Cordova was caught in the middle of the "
            "controversy. She issued a statement over the weekend saying she had never met "
            "him.\n\n"
            "Twitter, which does not comment on individual user accounts for privacy "
            "reasons, has declined to say whether Mr. Weiner's account was hacked.")
    assert speakers(extractor, text) == ["Weiner", "Weiner", "Weiner", "Gennette Cordova",
                                         None]


def test_who_after_someone_new_is_no_one_named_before(extractor: ClaimExtractor) -> None:
    # HuffPost, the Trump Jr. event (first sentence shortened): the parser hangs "who"
    # on "June 2016"; it was resolved to the paragraph's one person
    text = ("Alyssa Farah said the White House had no comment.\n\nTrump Jr. became "
            "embroiled in the Russia investigation after it was revealed he and other "
            "campaign officials met with a Kremlin-backed attorney in June 2016 who had "
            "promised damaging information about Clinton.")
    assert speakers(extractor, text)[-1] != "Alyssa Farah"


def test_a_priced_brand_is_a_thing_not_a_person(extractor: ClaimExtractor) -> None:
    # HuffPost, the Jackson Jr. plea: the NER tags "Rolex" as a person
    doc = extractor.nlp("WASHINGTON -- Former Rep. Jesse Jackson Jr. (D-Ill.) pleaded guilty "
                        "in a federal courtroom Wednesday morning to using campaign funds to "
                        "purchase an array of personal items including Bruce Lee memorabilia, "
                        "a $43,000 Rolex watch and a mink cashmere cape.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Rolex"] == "PRODUCT"
    assert labels["Jesse Jackson Jr."] == "PERSON"


@pytest.mark.parametrize("text,name", [
    ("The Obama administration said 40 people were killed.", "Obama"),
    ("Trump's Putin summit was criticised. Putin said 12 deals were signed.", "Putin"),
])
def test_a_person_modifying_a_noun_stays_a_person(extractor: ClaimExtractor, text: str,
                                                  name: str) -> None:
    labels = {e.text: e.label_ for e in extractor.nlp(text).ents}
    assert labels.get(name) == "PERSON"


@pytest.mark.parametrize("text,speaker", [
    # NYT and Reuters, the border-wall emergency: the act, reported by the outlet
    ("President Trump declared a national emergency on the border with Mexico on Friday "
     "in order to access billions of dollars that Congress refused to give him.", None),
    ("The company declared bankruptcy in 2019.", None),
    # what someone declares to be so is still their statement
    ("Trump declared that the situation at the border was a national emergency.",
     "Trump"),
])
def test_declaring_an_emergency_is_an_act_not_a_statement(
        extractor: ClaimExtractor, text: str, speaker: str | None) -> None:
    assert speakers(extractor, text) == [speaker]
