"""Notes and reasons of the across panel on BASIL events of the third audit.

The sentences are short excerpts of five BASIL development events (Fan et al., EMNLP
2019) no earlier audit read: Obama's gun-violence plan (January 2013), Arkansas's
religious freedom bill (April 2015), the congressional baseball shooting (June 2017),
Kathy Griffin's photo (May 2017) and the Democrats' call to cancel the Putin summit
(July 2018). Each test holds a rule fixed after that audit (docs/matching.md, "Panel
audit, third round").
"""

from __future__ import annotations

from datetime import date

import pytest

from factdesk.nlp.times import extract_times

GUN_PLAN_DAY = date(2013, 1, 16)
SHOOTING_DAY = date(2017, 6, 15)
SUMMIT_DAY = date(2018, 7, 13)


def _notes(found: list[dict], kind: str) -> list[dict]:
    return [d for d in found if d["kind"] == kind]


def test_a_plural_or_adjective_of_a_group_is_no_spelling(compare) -> None:
    """NYT's "controlled by Republicans" and Fox News's "Republican lawmakers" (likewise
    "Russians" / "Russian", "Democrats" / "Democrat") were "the same name spelled
    differently": one word in two forms, not a spelling to check."""
    _, found, reason = compare(
        "Still, gun legislation is likely to begin in the Senate because the House is "
        "controlled by Republicans, many of whom oppose new restrictions on guns.",
        "Already facing stiff opposition from gun-rights advocates and Republican "
        "lawmakers, the president called on Congress to pass several major changes to the "
        "country's current gun laws.", GUN_PLAN_DAY)
    assert not _notes(found, "name"), found
    assert "spelling" not in reason


def test_a_name_with_its_initial_suffix_or_brackets_is_no_spelling(compare) -> None:
    """NYT's "Robert S. Mueller III" against HuffPost's quote "[special prosecutor
    Robert] Mueller" was noted as spelled "Robert] Mueller": the editor's brackets, the
    middle initial and the suffix are no other spelling of the name."""
    _, found, reason = compare(
        "The indictment is part of an open investigation led by Robert S. Mueller III, the "
        "special counsel, who is examining whether the Trump campaign colluded with Russia.",
        "“It’s a big F-U from [special prosecutor Robert] Mueller,” a White House official "
        "told Politico, adding that it “wasn’t an accident” that the indictments were "
        "announced before the Helsinki summit.", SUMMIT_DAY)
    assert not _notes(found, "name"), found
    assert "]" not in reason


def test_another_first_name_is_still_noted(compare) -> None:
    """"Joseph R. Biden Jr." and "Joe Biden" are one person written two ways: the note
    stays, named without the editor's marks."""
    _, found, _ = compare(
        "Mr. Obama said a task force led by Vice President Joseph R. Biden Jr. had presented "
        "him with a list of steps on gun violence.",
        "The proposal comes at the end of a month-long review process spearheaded by Vice "
        "President Joe Biden on gun violence.", GUN_PLAN_DAY)
    notes = _notes(found, "name")
    assert notes, found
    assert "Joe Biden" in notes[0]["explanation"]


def test_a_state_before_a_lawmakers_title_is_not_a_place(compare) -> None:
    """Fox News's "a staffer from Texas Rep. Roger Williams’ office" put the shooting "in
    Texas" against HuffPost's Alexandria park: the state qualifies the congressman."""
    _, found, reason = compare(
        "Six people, including two congressmen, two police officers, a congressional aide "
        "and a lobbyist, were injured in the attack in an Alexandria, Virginia, park.",
        "The Wednesday attack injured Scalise; Matt Mika, a lobbyist for Tyson Foods; Zack "
        "Barth, a staffer from Texas Rep. Roger Williams’ office; and two U.S. Capitol "
        "Police officers.", SHOOTING_DAY)
    assert not _notes(found, "place"), found
    assert "Texas" not in reason


def test_a_headline_taken_for_one_long_name_shares_the_name_written_in_both(
        compare) -> None:
    """HuffPost's title-case headline is one PERSON "Obama Gun Control Proposals
    Unveiled" to the small model; the reason named that as who both headlines share.
    What both write is "Obama"."""
    _, _, reason = compare(
        "Obama Gun Control Proposals Unveiled, Marking Biggest Legislative Effort In A "
        "Generation",
        "Obama urges new restrictions on assault weapons, magazines as part of gun control "
        "plan", GUN_PLAN_DAY)
    assert reason.startswith("Both: Obama"), reason
    assert "Proposals Unveiled" not in reason


NYT_PREVIEW_DAY = date(2013, 1, 14)  # a Monday


@pytest.mark.parametrize(("sentence", "day"), [
    ("Lawmakers and other officials said that the president could use a public event as "
     "soon as Wednesday to signal his intention to engage in the biggest Congressional "
     "fight over guns in nearly two decades.", "2013-01-16"),
    ("Obama Will Meet With Sanders On Thursday", "2013-01-17"),
    ("The House is scheduled to vote Thursday on the bill.", "2013-01-17"),
])
def test_a_weekday_of_what_is_to_come_is_the_coming_one(nlp, sentence: str, day: str
                                                        ) -> None:
    """NYT's preview of Monday 14 January 2013 ("as soon as Wednesday") was read as the
    Wednesday before, and noted "Wednesday vs Wednesday ... disagree by 7 days" against
    Fox News's report of the Wednesday event: a weekday told with "could", "will", "as
    soon as" or a schedule is the coming one."""
    found = extract_times(nlp(sentence), NYT_PREVIEW_DAY)
    assert found[0].resolved_start == day


@pytest.mark.parametrize(("sentence", "day"), [
    ("The president met with lawmakers on Wednesday.", "2013-01-09"),
    ("Senators said Friday they will keep fighting.", "2013-01-11"),
    ("He said on Monday that he could have acted on his own.", "2013-01-14"),
])
def test_a_weekday_of_what_was_done_is_the_last_one(nlp, sentence: str, day: str) -> None:
    """What was done, and a statement about what will be, keep the weekday before."""
    found = extract_times(nlp(sentence), NYT_PREVIEW_DAY)
    assert found[0].resolved_start == day


BILL_DAY = date(2015, 4, 1)


@pytest.mark.parametrize("statement", [
    "In a Wednesday press conference announcing his opposition to the initial version of "
    "the bill, Hutchinson said his son had asked him to veto the legislation.",
    "At a news conference on Wednesday, Hutchinson said his son had asked him to veto "
    "the legislation.",
])
def test_the_day_of_a_press_conference_dates_what_was_said(compare, statement: str
                                                           ) -> None:
    """NYT's "on Saturday ... the younger Mr. Hutchinson wrote to his father" against
    HuffPost's "In a Wednesday press conference ..., Hutchinson said his son had asked
    him to veto" was noted "date Saturday vs Wednesday": the Wednesday is when the
    governor told of the letter, not when it was written."""
    _, found, reason = compare(
        "And so it was on Saturday, with lawmakers nearing a vote on the legislation, that "
        "the younger Mr. Hutchinson wrote to his father and warned that the proposal could "
        "damage Arkansas’s reputation and economy.", statement, BILL_DAY)
    assert not _notes(found, "date"), found
    assert "Saturday vs" not in reason


def test_the_day_of_what_was_done_is_still_compared(compare) -> None:
    """A press conference named elsewhere in the claim does not hide the day of the
    event it reports."""
    _, found, _ = compare(
        "Hutchinson signed the bill on Thursday, his office said at a press conference.",
        "Hutchinson signed the bill on Wednesday.", BILL_DAY)
    assert _notes(found, "date"), found


def test_one_weekday_read_a_week_apart_is_not_a_conflict(compare) -> None:
    """In BASIL's Steele event (Sunday 12 December 2010), Fox News's "he asked members to
    join him ... Monday evening" and NYT's "is expected to disclose his intentions ... on
    Monday evening" name one Monday; read with and without the future, they fell a week
    apart ("these disagree by 7 days"). The same weekday named twice is no conflict."""
    _, found, reason = compare(
        "In the note, he asked members to join him \"for a private conference call\" Monday "
        "evening.",
        "Mr. Steele is expected to disclose his intentions during a conference call with "
        "committee members on Monday evening.", date(2010, 12, 12))
    assert not [d for d in _notes(found, "date") if d["severity"] == "conflict"], found
    assert "Monday evening vs" not in reason


def test_two_weekdays_are_still_compared(compare) -> None:
    """Two different weekdays for one event stay a conflict (the seeds' Wednesday /
    Thursday)."""
    _, found, _ = compare("Zelensky visited Izium on Wednesday.",
                          "Zelensky visited Izium on Thursday.", date(2022, 9, 16))
    assert [d for d in _notes(found, "date") if d["severity"] == "conflict"], found


def test_a_claim_dating_two_events_is_not_compared_by_its_one_date(compare) -> None:
    """HuffPost's "signed a revised version ... on Thursday, one day after refusing to
    sign an earlier version" against Fox News's "on Wednesday urged state lawmakers to
    change" was "differs: date Thursday vs Wednesday": HuffPost dates two events, the
    refusal being the Wednesday."""
    _, found, reason = compare(
        "Gov. Asa Hutchinson (R) signed a revised version of the state's Religious Freedom "
        "Reformation Act on Thursday, one day after refusing to sign an earlier version of "
        "the bill over concerns about discrimination.",
        "Republican Gov. Asa Hutchinson on Wednesday urged state lawmakers to change a "
        "controversial religious freedom bill sent to his desk a day earlier.",
        date(2015, 4, 2))
    assert not _notes(found, "date"), found
    assert "Thursday vs" not in reason


def test_an_editors_brackets_are_no_part_of_a_name() -> None:
    """HuffPost's quote "a big F-U from [special prosecutor Robert] Mueller" gave the
    name "Robert] Mueller", which then named the group of Mueller's spellings in notes
    ("the same name (Robert] Mueller)", "gives Barack] Obama's words")."""
    from factdesk.nlp.pipeline import ClaimExtractor

    text = ("“It’s a big F-U from [special prosecutor Robert] Mueller,” a White House "
            "official told Politico, adding that it “wasn’t an accident” that the indictments "
            "were announced before the Helsinki summit.")
    analysis = next(ClaimExtractor().analyse([(1, text, SUMMIT_DAY)]))
    names = [m.text for m in analysis.mentions] + [e["text"] for c in analysis.claims
                                                    for e in c.entities]
    assert any("Mueller" in name for name in names), names
    assert not any("[" in name or "]" in name for name in names), names
