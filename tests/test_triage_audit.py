"""Sentences, reasons and speakers fixed after the triage audit on four BASIL events.

Each text is a short excerpt of a BASIL development article (Fan et al., EMNLP 2019):
Jan Brewer and Arizona's SB 1062, the Georgetown faculty's letter to Paul Ryan, Elizabeth
Lauten's Facebook post, and Obama and Boehner's fiscal-cliff meeting. The audit and its
counts are in docs/claims.md, "Triage audit on BASIL events (issue 20)". Real spaCy model.
"""

from __future__ import annotations

from datetime import date

import pytest

from factdesk.nlp.pipeline import ClaimExtractor
from factdesk.nlp.reasons import is_countable, reason_of
from tests.speaker_reading import speakers


def _sentences(extractor: ClaimExtractor, text: str) -> list[str]:
    doc = extractor.nlp(text)
    return [s.text for s in doc.spans["sentences"]]


def _drafts(extractor: ClaimExtractor, text: str) -> dict[str, object]:
    (analysis,) = extractor.analyse([(1, text, date(2012, 12, 10))])
    return {d.text: d for d in analysis.claims}


# --- sentences -------------------------------------------------------------------------

def test_a_closing_quotation_mark_at_a_paragraphs_end_is_no_sentence(extractor) -> None:
    """Fox News: the closing mark after "week." was a sentence of its own ('"'), 205
    times on BASIL dev; it counted in the article's budget of shown claims."""
    text = ("It came after Boehner publicly chided Obama on Friday for the lack of progress "
            "to date, accusing the president of having \"wasted another week.\"\n\n"
            "Both sides were tightlipped about the surprise Sunday afternoon meeting.")
    sentences = _sentences(extractor, text)
    assert sentences == [text.split("\n\n")[0], text.split("\n\n")[1]]
    (analysis,) = extractor.analyse([(1, text, None)])
    assert analysis.sentences == 2


def test_a_quotation_ending_a_paragraph_keeps_its_closing_mark(extractor) -> None:
    text = ("\"We brought this to their attention five weeks ago,\" said Sen. Steve "
            "Gallardo, D-Phoenix. \"We said this is exactly what is going to happen. And "
            "that's exactly what happened.\"\n\nThe bill was pushed by the Center for "
            "Arizona Policy, a social conservative group.")
    sentences = _sentences(extractor, text)
    assert "And that's exactly what happened.\"" in sentences
    assert all(any(c.isalnum() for c in s) for s in sentences)


@pytest.mark.parametrize(("text", "whole"), [
    # Fox News, Lauten: the attribution after a closed quotation, in lower case
    ("\"Rise to the occasion. Dress like you deserve respect ... And certainly don't make "
     "faces during televised, public events.\" added Lauten, who works for Rep. Stephen "
     "Fincher, R-Tenn.",
     "And certainly don't make faces during televised, public events.\" added Lauten, who "
     "works for Rep. Stephen Fincher, R-Tenn."),
    # HuffPost, Georgetown: "(R-Wisc.)" cut the lead in two
    ("Nearly 90 Georgetown University faculty and administrators have called "
     "Representative Paul Ryan (R-Wisc.) to task for his misuse of Catholic social "
     "teaching in defending his budget, which hurts the poor.",
     "Nearly 90 Georgetown University faculty and administrators have called "
     "Representative Paul Ryan (R-Wisc.) to task for his misuse of Catholic social "
     "teaching in defending his budget, which hurts the poor."),
    # New York Times, Lauten: a quoted exclamation, a dash, a relative clause
    ("Enter Ms. Lauten — a former Republican National Committee new media aide who "
     "describes herself on Twitter as loving God, cats, the Daughters of the American "
     "Revolution “& all things pink, green and pearls!” — whose commentary had a sharper "
     "edge.",
     "Enter Ms. Lauten — a former Republican National Committee new media aide who "
     "describes herself on Twitter as loving God, cats, the Daughters of the American "
     "Revolution “& all things pink, green and pearls!” — whose commentary had a sharper "
     "edge."),
])
def test_a_lower_case_continuation_stays_in_its_sentence(extractor, text: str,
                                                        whole: str) -> None:
    assert _sentences(extractor, text)[-1] == whole


def test_a_dateline_with_an_unspaced_dash_is_one_sentence(extractor) -> None:
    """HuffPost: "WASHINGTON—Joining ..." was three sentences: "WASHINGTON", "—" and the
    lead."""
    text = ("Paul Ryan Challenged On Budget By Georgetown Faculty\n\nWASHINGTON—Joining a "
            "chorus of Catholic bishops, theologians, priests, and social justice leaders, "
            "nearly 90 Georgetown University faculty and administrators have called "
            "Representative Paul Ryan to task.")
    sentences = _sentences(extractor, text)
    assert sentences[1] == "WASHINGTON—"
    assert sentences[2].startswith("Joining a chorus")
    assert len(sentences) == 3
    claims = [c.text for c in _drafts(extractor, text).values()]
    assert "WASHINGTON—" not in claims


def test_a_hyphenated_word_after_a_capitalised_one_is_no_dateline(extractor) -> None:
    assert _sentences(extractor, "UN-backed forces attacked the town on Monday.") == \
        ["UN-backed forces attacked the town on Monday."]


# --- reasons ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # New York Times, Boehner: "one-on-one" was read as two counts of one
    "They were the first one-on-one deficit talks between Mr. Obama and Mr. Boehner since "
    "the summer of 2011, when the search for a “grand bargain” on taxes and spending "
    "ultimately failed.",
    # New York Times, Brewer: "One candidate" and "many corners"
    "One candidate, Scott Smith, the mayor of Mesa, who is a Mormon, said that the bill "
    "“gives carte blanche for anybody to discriminate under the guise of religion.”",
    "As the Arizona Legislature sent a bill to her desk Monday, Gov. Jan Brewer, a "
    "Republican, faced pressure from many corners to veto the measure.",
    # New York Times and Fox News, Georgetown: "several letters", "the wealthiest few"
    "The United States Conference of Catholic Bishops has also issued several letters to "
    "members of Congress calling for a budget that prioritizes aid to the poor.",
    "Ryan, since introducing the budget last month, has talked about the doctrine in "
    "several interviews including one a couple weeks ago on the Christian Broadcasting "
    "Network.",
])
def test_no_number_where_no_count_is_checkable(extractor, text: str) -> None:
    draft = _drafts(extractor, text)[text]
    assert "number" not in reason_of(draft), draft.quantities
    doc = extractor.nlp(text)  # kept: the span group needs its document alive
    assert "number" not in doc.spans["sentences"][0]._.claim_reason


@pytest.mark.parametrize("text", [
    "A group of nearly 90 professors and administrators connected to the school has sent "
    "Ryan a letter saying he has misused Catholic doctrine.",
    "Dozens of faculty members at Notre Dame sent a letter to the president of the "
    "university last Friday.",
    "Boehner last week put a counter-proposal on the table that included $800 billion in "
    "revenue increases over the next decade.",
    "Signing the letter were over a dozen Georgetown Jesuit priests.",
])
def test_a_checkable_count_is_still_a_number(extractor, text: str) -> None:
    assert reason_of(_drafts(extractor, text)[text]).startswith("number")


def test_countable_quantities() -> None:
    assert not is_countable({"text": "one-", "value": 1.0, "qualifier": "exact"})
    assert not is_countable({"text": "many", "value": None, "low": None, "high": None,
                             "qualifier": "vague"})
    assert not is_countable({"text": "several", "value": None, "low": 3.0, "high": 9.0,
                             "qualifier": "vague"})
    assert is_countable({"text": "dozens", "value": None, "low": 24.0, "high": 99.0,
                         "qualifier": "vague"})
    assert is_countable({"text": "1", "value": 1.0, "qualifier": "exact"})
    assert is_countable({"text": "two", "value": 2.0, "qualifier": "exact"})


# --- speakers --------------------------------------------------------------------------

def test_a_quoted_word_is_not_the_speaker(extractor) -> None:
    """New York Times, Lauten: the parser made both "Nah" and Malia subjects of "said"."""
    text = ("“You want to pet him?” Mr. Obama asked his daughters.\n\n"
            "“Nah,” Malia said quickly.")
    assert speakers(extractor, text)[-1] == "Malia"


def test_a_parenthetical_speaker_is_the_speaker(extractor) -> None:
    """New York Times, Boehner: "That group of Republicans, Mr. Corker said on Fox, was
    beginning to realize ..." was the group's."""
    text = ("That group of Republicans, Mr. Corker said on Fox, was beginning to realize "
            "“that we don’t have a lot of cards as it relates to the tax issue before year "
            "end” — but that a tax-rate concession could be converted, jujitsu style, into "
            "a tactical advantage.")
    assert speakers(extractor, text) == ["Corker"]


def test_he_after_a_passive_subject_is_that_subject(extractor) -> None:
    """New York Times, Georgetown: "he claimed" took "Chide Ryan", a name the NER read in
    the headline, for its speaker."""
    text = ("Georgetown Faculty Latest to Chide Ryan\n\nRepresentative Paul D. Ryan, the "
            "Republican chairman of the House Budget Committee, has been excoriated by some "
            "Roman Catholic leaders ever since he claimed this month that his budget plan, "
            "which slashes antipoverty programs, was inspired by the moral teachings of his "
            "Catholic faith.")
    assert speakers(extractor, text)[-1] == "Paul D. Ryan"


def test_a_floating_all_is_not_part_of_the_source(extractor) -> None:
    text = ("The state's two Republican senators, Jeff Flake and John McCain, called on "
            "Brewer to veto it, and major corporations like Marriott, Apple and American "
            "Airlines all wrote to the governor and expressed their opposition.")
    assert speakers(extractor, text) == [
        "major corporations like Marriott, Apple and American Airlines"]


def test_an_unclosed_quotation_runs_to_its_paragraphs_end(extractor) -> None:
    """Fox News, Brewer: a straight quotation that goes on in the next paragraph, as news
    prints it, had no speaker and was no quote."""
    text = ("\"What's happened is our opponents have employed a new political tactic, and "
            "it's working,\" Cathi Herrod said. \"Throw out the threat of a boycott to "
            "attempt to defeat a bill, and you might just be able to be successful.\n\n"
            "Herrod added she was surprised and disappointed.")
    doc = extractor.nlp(text)
    second = doc.spans["sentences"][1]
    assert second.text.startswith("\"Throw out")
    assert (second._.claim_kind, second._.speaker) == ("quote", "Cathi Herrod")


def test_a_participle_joined_to_another_speaks_as_its_subject(extractor) -> None:
    """New York Times, Brewer: American Airlines' chief's letter "citing ... and saying,
    “...”" had no speaker; "issued a statement saying" already had one."""
    text = ("An executive from Apple Inc., which plans to build a big manufacturing plant in "
            "Mesa, called Ms. Brewer to urge her to reject it, and W. Douglas Parker, "
            "chairman and chief executive of American Airlines, sent her a letter citing the "
            "state’s “economic comeback” and saying, “There is genuine concern throughout "
            "the business community that this bill, if signed into law, would jeopardize all "
            "that has been accomplished so far.”")
    assert speakers(extractor, text) == ["W. Douglas Parker"]
