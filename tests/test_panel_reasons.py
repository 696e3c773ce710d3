"""The panel's one-line reason: who a quote is credited to, vague figures that agree,
and each side told from the panel's claim."""

from __future__ import annotations

from datetime import date

from factdesk.matching.discrepancies import ClaimFacts
from factdesk.matching.panel import consistent_notes, differences, match_reason

TRUMP = "“We really have no choice but to build a powerful wall or steel barrier,” Mr. Trump said."
SCHUMER = ("“We really have no choice but to build a powerful wall or a steel barrier,” "
           "Senator Chuck Schumer said.")


def test_a_quote_credited_to_two_speakers_names_the_speakers_not_the_words(compare) -> None:
    # review 17, SHUT claim 95: "differs: attribution We really have no choice but to
    # build a… vs We really have no choice but to build a…" (the same words twice)
    relation, found, reason = compare(TRUMP, SCHUMER, date(2019, 1, 25))
    assert relation == "conflicting"
    assert [d["kind"] for d in found] == ["attribution"]
    assert "speaker Trump vs Chuck Schumer" in reason, reason
    assert "no choice" not in reason.split("differs:")[1]


def test_vague_but_consistent_figures_are_not_a_difference(compare) -> None:
    # the seeds, DE against Reuters: "differs: number more than 400 vs hundreds" while
    # the note itself says "vague but consistent"
    relation, found, reason = compare(
        "Ukrainian officials on site said of the more than 400 bodies discovered, most are "
        "civilians.",
        "Ukrainian authorities discovered hundreds of civilians’ bodies dumped in streets, "
        "yards, and mass graves.", date(2022, 9, 16))
    assert [(d["kind"], d["severity"]) for d in found] == [("number", "vague")]
    assert "differs" not in reason, reason
    assert "vague but consistent: more than 400 vs hundreds" in reason


def test_a_vague_figure_that_cannot_be_the_other_still_differs(compare) -> None:
    _relation, found, reason = compare(
        "Investigators found dozens of bodies in the forest near Izium.",
        "Investigators found 450 bodies in the forest near Izium.", date(2022, 9, 16))
    assert ("number", "conflict") in [(d["kind"], d["severity"]) for d in found]
    assert "differs: number dozens vs 450" in reason, reason


def _facts(text: str, speaker: str | None = None) -> ClaimFacts:
    return ClaimFacts(text=text, kind="quote" if speaker else "statistic", speaker=speaker,
                      quantities=(), times=(), entities=(), article_date=None,
                      is_quote=bool(speaker))


def test_each_side_is_told_from_the_panels_claim() -> None:
    # a discrepancy is stored once per match, found with the claims in either order; the
    # panel of each claim says its own figure first
    stored = [{"kind": "number", "severity": "conflict", "a_text": "300", "b_text": "450"},
              {"kind": "number", "severity": "vague", "a_text": "hundreds",
               "b_text": "more than 400"}]
    here = _facts("They found 450 bodies, more than 400 of them civilians.")
    there = _facts("They found 300 bodies, hundreds of them civilians.")
    assert differences(stored, here, there) == ["number 450 vs 300"]
    assert differences(stored, there, here) == ["number 300 vs 450"]
    assert consistent_notes(stored, here) == ["more than 400 vs hundreds"]
    reason = match_reason(here, there, stored)
    assert reason.endswith("differs: number 450 vs 300 · vague but consistent: "
                           "more than 400 vs hundreds."), reason


def test_an_unnamed_speaker_asks_the_checker_to_check_who_speaks() -> None:
    stored = [{"kind": "attribution", "severity": "vague",
               "a_text": "We really have no choice", "b_text": "We really have no choice"}]
    huffpost = _facts("“We really have no choice,” he said.", "Chuck Schumer")
    nyt = _facts("“We really have no choice,” Mr. Trump said.", "Donald Trump")
    assert differences(stored, huffpost, nyt) == [
        "speaker Chuck Schumer vs Donald Trump (check who is speaking)"]
    assert differences(stored, nyt, huffpost) == [
        "speaker Donald Trump vs Chuck Schumer (check who is speaking)"]
