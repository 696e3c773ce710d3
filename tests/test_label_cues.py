"""Labels a checker reads that must not mislead (review 19, defect 11, on the BASIL
events b764f81f "Nebraska and Oklahoma sue Colorado" and 2a3fde8a "Strzok fired"): a
number word counting a set the text named is no "number" ("the two states"); the number
of a name is no figure, nor makes a "statistic" ("Amendment 64", "Route 66", "Flight
370", "Chapter 11"); "rather than" is a choice, no "comparison"; a note saying two dates agree is listed apart from the differences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factdesk.cli.main import main
from factdesk.model.models import Claim
from factdesk.nlp.quantities import extract_quantities
from factdesk.nlp.reasons import counts_a_set, is_comparison, shown_reason

HAYWARD = ("“We’re seeing a lot of marijuana coming over from Colorado,” said Sheriff Adam "
           "Hayward of Deuel County, Neb., who said that he was gratified that the two states "
           "were challenging Colorado’s marijuana laws.")
SUTHERS = ("Like many elected officials in Colorado, Mr. Suthers had opposed Amendment 64, "
           "which legalized marijuana.")
LAWSUIT = ("The two states filed a lawsuit seeking a court order to prevent Colorado from "
           "enforcing the measure known as Amendment 64, which was approved by voters in 2012 "
           "and allows recreational marijuana for adults over 21.")
DISMISSED = ("A spokeswoman for the F.B.I. did not respond to a message seeking comment "
             "about why Mr. Strzok was dismissed rather than demoted.")


def test_a_count_of_a_named_set_is_no_figure() -> None:
    assert counts_a_set("who said that he was gratified that the ", "two",
                        " states were challenging")
    assert counts_a_set("The ", "two", " states filed a lawsuit")
    assert counts_a_set("after the ", "two", " met to discuss immigration enforcement.")
    assert counts_a_set("quickly judged the ", "two", " young ladies in a way")
    assert counts_a_set("Clinton had counted on winning all ", "three", ".")
    # a figure stays one: digits, no definite determiner, a big number word, a
    # compound, a singular noun, a relative clause telling how many there are
    assert not counts_a_set("the ", "23", " states")
    assert not counts_a_set("arrested ", "two", " men")
    assert not counts_a_set("the ", "million", " people")
    assert not counts_a_set('"Who are you!" the ', "seven", "-term congressman demands.")
    assert not counts_a_set("it (barely) clears the ", "two", "-thirds majority support")
    assert not counts_a_set("The ", "five", " vote conservative majority that included")
    assert not counts_a_set("the ", "two", " states that border Colorado")
    assert not counts_a_set("Crystal Griner, one of the ", "two",
                            " U.S. Capitol Police officers injured in the attack")


def test_rather_than_is_no_comparison() -> None:
    assert not is_comparison(DISMISSED)
    assert not is_comparison("No one other than the director signed it.")
    assert is_comparison("Sales were higher than last year.")
    assert is_comparison("The state collected more than $60 million.")


def _claim(text: str, kind: str, quantities: tuple = (), start: int = 0,
           speaker: str | None = None) -> Claim:
    return Claim(id=1, article_id=1, start=start, end=start + len(text), text=text,
                 prefix="", suffix="", kind=kind, score=0.9, speaker=speaker,
                 origin="detected", quantities=quantities)


def test_the_shown_reason_of_stored_claims() -> None:
    # suit NYT 43: the quantity stored is "two" (states), at article offset 1826
    at = 1676
    two = {"text": "two", "start": at + HAYWARD.index("two states"),
           "end": at + HAYWARD.index("two states") + 3, "value": 2.0, "low": 2.0,
           "high": 2.0, "qualifier": "exact", "unit": "states"}
    assert shown_reason(_claim(HAYWARD, "quote", (two,), at, "Adam Hayward")) == "quote"
    five = {**two, "text": "five", "value": 5.0, "low": 5.0, "high": 5.0,
            "start": at + 12, "end": at + 16}
    assert shown_reason(_claim("It referred five FBI employees.", "statistic", (five,), at)) \
        .startswith("number")
    assert shown_reason(_claim(DISMISSED, "other")) == "named actor"


def test_a_name_s_number_is_no_quantity(nlp) -> None:
    for text in ("Voters approved Measure 91 and Proposition 19 last year.",
                 "The plane on Flight 370 vanished, and the company filed for Chapter 11 "
                 "after Title IX cases on Route 66.", SUTHERS):
        assert all(q.text not in ("91", "19", "370", "11", "66", "64")
                   for q in extract_quantities(nlp(text))), text
    assert [q.text for q in extract_quantities(nlp("Some 500 people marched."))] == \
        ["Some 500"]


@pytest.mark.slow
def test_kinds_and_reasons_at_extraction(extractor) -> None:
    rows = extractor.score_sentences([
        HAYWARD, SUTHERS, LAWSUIT, DISMISSED, "The company filed for Chapter 11 on Route 66.",
        "Some 500 people marched, and the 23 states sued.",
        "The Trumps also met with Crystal Griner, one of the two U.S. Capitol Police officers "
        "injured in the attack, and her wife."])
    hayward, suthers, lawsuit, dismissed, chapter, figures, injured = rows
    assert hayward["reason"] == "quote"
    assert suthers["kind"] != "statistic" and "number" not in suthers["reason"]
    assert lawsuit["kind"] == "event" and "number" not in lawsuit["reason"]
    assert "comparison" not in dismissed["reason"]
    assert chapter["kind"] != "statistic"
    assert figures["kind"] == "statistic" and "number" in figures["reason"]
    # the clause after the noun tells how many were injured: a figure
    assert injured["kind"] == "statistic"


def test_matches_json_lists_agreeing_dates_apart(tmp_path: Path, capsys) -> None:
    from factdesk.core.importing import store_parsed
    from factdesk.core.project import Project
    from factdesk.ingest import parse_pasted
    from factdesk.model.models import ClaimDraft, MatchDraft

    overlap = {"kind": "date", "severity": "compatible",
               "explanation": "The New York Times’s “January” means 2014-01-01 to 2014-01-31; "
                              "Fox News’s “since January” means 2014-01-01 to 2014-12-19 — "
                              "these overlap.",
               "a_text": "since January", "b_text": "January"}
    number = {"kind": "number", "severity": "conflict", "explanation": "60 vs 50",
              "a_text": "$60 million", "b_text": "$50 million"}
    path = tmp_path / "suit.factdesk"
    with Project.open(path) as project:
        ids = []
        for outlet, text in (("Fox News", "Colorado has raised more than $60 million in "
                              "taxes since January."),
                             ("The New York Times", "Colorado raised $50 million after "
                              "sales began in January.")):
            article = store_parsed(project, parse_pasted(text, title=outlet, outlet=outlet,
                                                         published="2014-12-19"))[0]
            start = project.articles.get(article).text.index(text)
            with project.transaction():
                ids.append(project.claims.add(article, ClaimDraft(
                    start, start + len(text), text, "", "", "statistic", 0.9)))
        with project.transaction():
            project.matches.save_suggestions([MatchDraft(ids[0], ids[1], 0.51, "same fact",
                                                         (overlap, number))])
    capsys.readouterr()
    assert main(["matches", str(path), str(ids[0]), "--json"]) == 0
    row = json.loads(capsys.readouterr().out.splitlines()[0])
    assert row["discrepancies"] == ["60 vs 50"]
    assert row["consistent"] == [overlap["explanation"]]


def test_a_number_word_in_an_idiom_makes_no_statistic(extractor) -> None:
    """BASIL dev (1f99798f): "zero in on" stored no figure 0, but the kind still read
    a number in it."""
    from factdesk.nlp.claim_kinds import has_number

    idiom = extractor.nlp("The FBI was reaching out to retailers to zero in on where the "
                          "elements of the bombs were made.")
    count = extractor.nlp("Police said zero people were hurt in the blast.")
    assert not any(has_number(s) for s in idiom.sents)
    assert all(has_number(s) for s in count.sents)
