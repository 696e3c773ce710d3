"""Defects a checker's review found on two BASIL events nobody had tuned on (the suit of
Nebraska and Oklahoma against Colorado; Strzok's firing): speakers taken from inside a
quotation or a possessive, datelines left on the lead, joint subjects cut to their
first conjunct, a claimant title stitched across the headline and the lead, and quotation
marks a sentence lacks out of its paragraph. Short excerpts of BASIL articles (Fan et
al., EMNLP 2019), read by the real spaCy model where about NLP."""

from __future__ import annotations

import pytest
from speaker_reading import speakers

from factdesk.model.models import Article, EntityMention
from factdesk.nlp.pipeline import ClaimExtractor
from factdesk.report.claimants import resolve_claimant
from factdesk.report.quotes import balanced, quoted

# Fox News, Strzok's firing: headline, lead, and the attorney's two paragraphs
FOX_STRZOK = (
    "FBI fires Peter Strzok, months after anti-Trump texts revealed\n\n"
    "FBI official Peter Strzok, who played a lead role in both the Russian meddling and "
    "Hillary Clinton email probes but became a political lightning rod after the "
    "revelation of anti-Trump text messages, has been fired.\n\n"
    "Strzok’s attorney, meanwhile, blasted the bureau on Monday, saying the deputy director "
    "“reversed the decision of the career FBI official responsible for employee discipline "
    "who concluded, through an independent review process, that a 60-day suspension and "
    "demotion from supervisory duties was the appropriate punishment.”\n\n"
    "He added, “A lengthy investigation and multiple rounds of Congressional testimony "
    "failed to produce a shred of evidence that Special Agent Strzok’s personal views ever "
    "affected his work.”")


def test_a_noun_inside_the_quotation_is_not_the_speaker(extractor: ClaimExtractor) -> None:
    # the parser makes "American" the subject of "said" and hangs Meadows on it
    text = ("\"Peter Strzok was fired from the FBI because of what his own written words "
            "plainly showed: he was willing to use his official FBI position to try and stop "
            "President Trump from getting elected. He tarnished the FBI's sterling reputation "
            "and severely damaged public trust in an institution where trust is paramount. "
            "His conduct should deeply concern every American,\" House Freedom Caucus "
            "Chairman Mark Meadows, R-N.C., said in a statement to Fox News.")
    assert set(speakers(extractor, text)) == {"Mark Meadows"}


def test_he_after_a_named_persons_attorney_is_the_attorney(extractor: ClaimExtractor) -> None:
    found = speakers(extractor, FOX_STRZOK)
    assert found[-2:] == ["Strzok’s attorney", "Strzok’s attorney"]


def test_words_quoted_by_another_subject_are_not_the_earlier_speakers(
        extractor: ClaimExtractor) -> None:
    # NYT: the inspector general's finding was credited to Strzok, quoted just before
    text = ("Mr. Strzok’s text exchanges with Ms. Page demonstrated animosity toward Mr. "
            "Trump. In one, Ms. Page asks: Trump is “not ever going to become president, "
            "right? Right?!” Mr. Strzok responds: “No. No he won’t. We’ll stop it.” The "
            "inspector general, who uncovered the messages, found no evidence that the pair "
            "imposed their political views on their investigative decisions but cited that "
            "exchange as “not only indicative of a biased state of mind but, even more "
            "seriously, implies a willingness to take official action to impact the "
            "presidential candidate’s electoral prospects.”")
    found = speakers(extractor, text)
    assert found[-1] != "Strzok"
    assert "Strzok" in found  # his own reply stays his


@pytest.mark.parametrize("text,claim_start", [
    # Fox News (AP copy): a place in title case, the agency in brackets, an en dash
    ("Denver (AP) – Colorado's top law enforcement official promises to vigorously defend "
     "the state's historic law legalizing marijuana after Nebraska and Oklahoma asked the "
     "U.S. Supreme Court to declare it unconstitutional, saying the drug is freely flowing "
     "into neighboring states.", "Colorado's top law enforcement official"),
    # HuffPost prints the horizontal bar U+2015
    ("WASHINGTON ― FBI Special Agent Peter Strzok, who was taken off special counsel Robert "
     "Mueller’s team after Justice Department investigators discovered his texts "
     "disparaging President Donald Trump, has been fired from the bureau.", "FBI Special"),
])
def test_wire_and_horizontal_bar_datelines_are_cut(extractor: ClaimExtractor, text: str,
                                                   claim_start: str) -> None:
    doc = extractor.nlp(text)
    claims = list(doc.spans["claims"])
    assert len(claims) == 1 and claims[0].text.startswith(claim_start)
    assert claims[0]._.speaker != "Denver"


def test_wire_datelines_give_their_agency_on_import() -> None:
    from factdesk.ingest.metadata import wire_dateline

    assert wire_dateline("Denver (AP) – Colorado's top law enforcement official")[:2] == (
        14, "AP")
    assert wire_dateline("WASHINGTON ― FBI Special Agent Peter Strzok")[0] == 13
    assert wire_dateline("Obama (D) said he would run.")[0] == 0  # no dash: no dateline


@pytest.mark.parametrize("text", [
    "Obama (D) - the senator from Illinois - said he would run.",
    "Denver officials - all of them - said the law would stand.",
])
def test_a_title_case_opening_without_an_agency_is_no_dateline(extractor: ClaimExtractor,
                                                               text: str) -> None:
    assert len(list(extractor.nlp(text).sents)) == 1


@pytest.mark.parametrize("text,speaker", [
    # NYT: two states as one subject
    ("Oklahoma and Nebraska said the influx had led to more arrests, more impounded "
     "vehicles and higher jail and court costs.", "Oklahoma and Nebraska"),
    ("While it is against the law to take legally purchased marijuana across state lines, "
     "Nebraska and Oklahoma said that Colorado does not require consumers to smoke or eat "
     "their marijuana where they buy it.", "Nebraska and Oklahoma"),
    # Fox News: the described source's places, which the parser hangs apart
    ("Attorneys general in Utah and New Mexico said they had no immediate plans to join "
     "the suit.", "attorneys general in Utah and New Mexico"),
])
def test_a_joint_subject_keeps_all_its_conjuncts(extractor: ClaimExtractor, text: str,
                                                 speaker: str) -> None:
    assert speakers(extractor, text) == [speaker]


def test_a_claimant_title_never_runs_from_the_headline_into_the_lead() -> None:
    article = Article(1, "FBI fires Peter Strzok", "Fox News", "", "2018-08-13", "", "x.txt",
                      "2026-12-08T00:00:00", FOX_STRZOK, "h")
    first = FOX_STRZOK.index("Peter Strzok")
    second = FOX_STRZOK.index("Peter Strzok", first + 1)
    mentions = [EntityMention(n, 1, s, s + 12, "Peter Strzok", "PERSON", "Peter Strzok")
                for n, s in enumerate((first, second), 1)]
    claimant = resolve_claimant("Peter Strzok", article, mentions, {})
    assert claimant is not None and claimant.job_title == "FBI official"


def test_an_apposition_opening_a_clause_is_no_title() -> None:
    text = "Smith, months after the inquiry named him an official, said he would stay."
    article = Article(1, "t", "Fox News", "", "2018-08-13", "", "x.txt",
                      "2026-12-08T00:00:00", text, "h")
    mention = EntityMention(1, 1, 0, 5, "Smith", "PERSON", "Smith")
    claimant = resolve_claimant("Smith", article, [mention], {})
    assert claimant is not None and claimant.job_title == ""


def test_a_sentence_cut_from_a_quotation_gets_the_marks_it_lacks() -> None:
    # HuffPost: the claim starts inside Goelman's quotation
    huffpost = ("A lengthy investigation and multiple rounds of Congressional testimony failed "
                "to produce a shred of evidence that Special Agent Strzok’s personal views ever "
                "affected his work,” Goelman said.")
    assert quoted(huffpost) == "“‘" + huffpost[:-len("” Goelman said.")] + "’ Goelman said.”"
    # Fox News: Meadows's quotation runs on past the claim's sentence
    fox = ("\"Peter Strzok was fired from the FBI because of what his own written words "
           "plainly showed: he was willing to use his official FBI position to try and stop "
           "President Trump from getting elected.")
    assert balanced(fox) == fox + "\""
    whole = "He added, “A lengthy investigation … affected his work.”"
    assert balanced(whole) == whole
    assert quoted("The “deep state” is a myth, he said.") == \
        "“The ‘deep state’ is a myth, he said.”"


def test_joint_bodies_and_a_named_persons_lawyer_are_published_as_such() -> None:
    from factdesk.report.claimants import speaker_type

    assert speaker_type("Oklahoma and Nebraska") == "Organization"
    assert speaker_type("Strzok’s attorney") == "Person"
    assert speaker_type("Mr. Strzok’s lawyer") == "Person"
