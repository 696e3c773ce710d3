"""The merged result's review (issue 20 and 21): a pronoun whose paragraph names only
people of the other gender is no one; two people of one surname act apart; a sentence
naming a person and a day is no headline; a hyphenated name keeps its hyphen; an empty
text is never compared. The real spaCy model reads every text."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from speaker_reading import speakers

DAY = date(2013, 1, 30)


def test_he_in_a_paragraph_naming_only_a_woman_is_no_one(extractor) -> None:
    """Not the man named a paragraph before: the previous paragraph counts only when
    this one names no one."""
    text = ("Senate Majority Leader Mitch McConnell spoke on the floor on Tuesday.\n\n"
            "House Speaker Nancy Pelosi called on the president to delay the address. He "
            "said on Thursday that the speech would go ahead on Feb. 5.")
    assert speakers(extractor, text)[-1] is None


def test_he_in_a_paragraph_naming_no_one_is_the_man_named_before(extractor) -> None:
    text = ("Senate Majority Leader Mitch McConnell spoke on the floor on Tuesday.\n\n"
            "“We will not take it up,” he said.")
    assert speakers(extractor, text)[-1] == "Mitch McConnell"


def test_she_after_a_quotation_naming_a_man_is_the_woman_named_before(extractor) -> None:
    """Fox News, Warren's tweet: the man is named only inside the quotation."""
    text = ("Attorney General William Barr released a summary of the report on Sunday.\n\n"
            "Sen. Elizabeth Warren of Massachusetts pointed to a recent unanimous vote in "
            "the House to urge the release of the report.\n\n"
            "“Congress didn’t ask for a 'summary,' Attorney General Barr. Members of the "
            "House voted 420-0 to release the report. The American people deserve to see "
            "the full report. #ReleaseTheFullReport,” she wrote on Twitter.")
    assert speakers(extractor, text)[-1] == "Elizabeth Warren"


def test_a_hyphenated_name_found_through_a_pronoun_keeps_its_hyphen(extractor) -> None:
    text = ("Representative Alexandria Ocasio-Cortez spoke to reporters on Monday. She "
            "said the vote would be held on March 3.")
    assert speakers(extractor, text)[-1] == "Alexandria Ocasio-Cortez"


def test_two_people_of_one_surname_on_two_days_differ_on_who_not_when(compare) -> None:
    relation, differences, _ = compare("Michelle Obama visited Iowa on Monday.",
                                       "Barack Obama visited Iowa on Tuesday.", DAY)
    kinds = {(d["kind"], d["severity"]) for d in differences}
    assert ("date", "conflict") not in kinds
    assert ("actor", "conflict") in kinds, differences
    assert relation == "conflicting"


def test_one_body_on_two_days_still_conflicts(compare) -> None:
    _, differences, _ = compare("The Senate passed the bill on Thursday.",
                                "The Senate passed the bill on Friday.", DAY)
    assert [d for d in differences if d["kind"] == "date" and d["severity"] == "conflict"]


def test_compare_refuses_an_empty_text(tmp_path) -> None:
    run = [sys.executable, "-m", "factdesk", "compare"]
    single = subprocess.run([*run, "", "B"], capture_output=True, text=True, timeout=120)
    assert single.returncode != 0
    assert "empty" in single.stderr
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("A cat sat on the mat.\tA cat sat on the mat.\n\tB\n", encoding="utf-8")
    batch = subprocess.run([*run, "--pairs", str(pairs)], capture_output=True, text=True,
                           timeout=120)
    lines = batch.stdout.splitlines()
    assert len(lines) == 2 and '"same": true' in lines[0]
    assert '"line": 2' in lines[1] and "empty" in lines[1]
    assert batch.returncode == 2
