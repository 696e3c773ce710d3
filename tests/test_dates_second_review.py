"""Dates after the second review: what happens, who acts, years, future days, ranges.

Every pair goes through ``compare`` (the real spaCy model), read as published on
2013-01-30, the day Deval Patrick named Mo Cowan to John Kerry's seat.
"""

from __future__ import annotations

from datetime import date

import pytest

from factdesk.nlp.times import extract_times

PATRICK_DAY = date(2013, 1, 30)


def _dates(compare, first: str, second: str) -> list[dict]:
    _relation, differences, _reason = compare(first, second, PATRICK_DAY)
    return [d for d in differences if d["kind"] == "date"]


def _conflicts(compare, first: str, second: str) -> list[str]:
    return [d["explanation"] for d in _dates(compare, first, second)
            if d["severity"] == "conflict"]


def _actions(nlp, text: str) -> list[tuple[str, str | None]]:
    return [(t.text, t.action) for t in extract_times(nlp(text), PATRICK_DAY)]


# defect 2: a happening, phase, light or scheduling verb is timed by the thing it is about

@pytest.mark.parametrize(("text", "expected"), [
    ("The shutdown began on Dec. 22.", [("Dec. 22", "begin shutdown")]),
    ("The government shutdown, which started Dec. 22, is the longest.",
     [("Dec. 22", "begin shutdown")]),
    ("Congress ended the shutdown on Friday.", [("Friday", "end shutdown")]),
    ("The special election will be held June 25.", [("June 25", "election")]),
    ("The special election is set for June 25.", [("June 25", "election")]),
    ("Patrick said the pick should not run in the general election slated for June 25.",
     [("June 25", "election")]),
    ("Voters will choose a successor in a special election set for June 25.",
     [("June 25", "election")]),
    ("The special election will take place June 25.", [("June 25", "election")]),
    # the day something was scheduled on dates the scheduling
    ("The vote was scheduled on Monday for Thursday.",
     [("Monday", "schedule"), ("Thursday", "vote")]),
    # no thing named: still no action
    ("It happened on Monday.", [("Monday", "")]),
    ("He began on Monday.", [("Monday", "")]),
])
def test_the_thing_a_verb_is_about_is_its_action(nlp, text, expected) -> None:
    assert _actions(nlp, text) == expected


@pytest.mark.parametrize(("first", "second"), [
    ("The shutdown began on Dec. 22.", "The shutdown began on Dec. 21."),
    ("The special election will be held June 25.", "The special election will be held June 26."),
    ("The special election is set for June 25.", "The special election will be held June 26."),
    ("The shutdown began on Dec. 22.", "The shutdown, which started Dec. 21, is the longest."),
])
def test_one_thing_happening_on_two_days_conflicts(compare, first, second) -> None:
    found = _conflicts(compare, first, second)
    assert len(found) == 1 and "disagree by a day" in found[0]


def test_a_things_beginning_and_end_do_not_conflict(compare) -> None:
    assert _conflicts(compare, "The shutdown began on Dec. 22.",
                      "Congress ended the shutdown on Jan. 25.") == []


# defect 3: two actors' acts are two events

def test_two_actors_of_one_verb_are_two_events(compare) -> None:
    assert _conflicts(compare, "The Senate passed the bill on Thursday.",
                      "The House passed the bill on Friday.") == []
    found = _conflicts(compare, "The Senate passed the bill on Thursday.",
                       "The Senate passed the bill on Friday.")
    assert len(found) == 1 and "both time \u201cpass\u201d" in found[0]


def test_one_person_named_two_ways_is_one_actor(compare) -> None:
    found = _conflicts(compare, "Jesse Jackson Jr. pleaded guilty on Wednesday.",
                       "Jackson pleaded guilty on Thursday.")
    assert len(found) == 1


# defect 5: years and months apart are said in years and months

@pytest.mark.parametrize(("first", "second", "said"), [
    ("Edward Brooke served in the Senate until 1979.",
     "Edward Brooke served in the Senate until 1978.", "1979 vs 1978: a year apart"),
    ("Cowan quit the Patrick administration in January 2013.",
     "Cowan left the Patrick administration in 2012.", "January 2013 vs 2012: a year apart"),
    ("Cowan joined the Patrick administration in March 2009.",
     "Cowan joined the Patrick administration in May 2009.",
     "March 2009 vs May 2009: 2 months apart"),
])
def test_years_and_months_apart_are_said_in_their_units(compare, first, second, said) -> None:
    found = _conflicts(compare, first, second)
    assert len(found) == 1 and said in found[0] and "by a day" not in found[0]


def test_days_apart_are_still_counted_in_days(compare) -> None:
    found = _conflicts(compare, "Cowan joined the Patrick administration on March 2, 2009.",
                       "Cowan joined the Patrick administration on March 5, 2009.")
    assert len(found) == 1 and "disagree by 3 days" in found[0]


# defect 9: a yearless day still to come is this year's

@pytest.mark.parametrize(("text", "day"), [
    ("The special election is set for June 25.", "2013-06-25"),
    ("The special election will be held June 25.", "2013-06-25"),
    ("The special election is on June 25.", "2013-06-25"),
    ("Patrick said the pick should not run in the general election slated for June 25.",
     "2013-06-25"),
    # told in the past, or a day just past told in the present: last year's, or this one
    ("The special election was held June 25.", "2012-06-25"),
    ("He set the record on June 25.", "2012-06-25"),
    ("The deadline is Jan. 15.", "2013-01-15"),
])
def test_a_yearless_day_to_come_is_read_ahead(nlp, text, day) -> None:
    times = extract_times(nlp(text), PATRICK_DAY)
    assert [t.resolved_start for t in times] == [day]


def test_a_yearless_day_to_come_agrees_with_its_year(compare) -> None:
    dates = _dates(compare, "The special election is set for June 25.",
                   "The special election is set for June 25, 2013.")
    assert [d["severity"] for d in dates] == ["compatible"]
    assert "2013-06-25" in dates[0]["explanation"]
    assert "read as 2012" not in dates[0]["explanation"]
