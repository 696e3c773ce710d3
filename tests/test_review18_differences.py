"""Differences a checker must see, and one she must not, from the 18th review.

Short sentences in the words of BASIL development events (Fan et al., EMNLP 2019: the
2017 congressional baseball shooting and the 2018 mail bombs), compared with the real
spaCy model as ``factdesk compare`` compares them.
"""

from __future__ import annotations

from datetime import date

import pytest

SHOOTING_DAY = date(2017, 6, 15)
ARREST_DAY = date(2018, 10, 26)


def _kinds(found: list[dict], severity: str = "conflict") -> list[str]:
    return [d["kind"] for d in found if d["severity"] == severity]


@pytest.mark.parametrize(("a", "b", "kind", "words"), [
    ("Scalise was shot in the hip.", "Scalise was shot in the leg.", "detail", "body part"),
    ("The gunman, James T. Hodgkinson, died at a hospital.",
     "The gunman, James Hodgkinson, died at the scene.", "detail", "the place"),
    ("Police arrested the suspect in Aventura on Friday.",
     "Police arrested the suspect in Plantation on Friday.", "place", "Plantation"),
])
def test_one_detail_told_two_ways_conflicts(compare, a, b, kind, words) -> None:
    relation, found, reason = compare(a, b, SHOOTING_DAY)
    assert relation == "conflicting", (found, reason)
    assert kind in _kinds(found)
    assert any(words in d["explanation"] for d in found), found


def test_a_body_part_in_another_role_is_no_conflict(compare) -> None:
    # a broken bone in his leg and a bullet in the hip are two details, both true
    _relation, found, _reason = compare(
        "Scalise was shot in the hip.", "Scalise suffered a broken bone in his leg.",
        SHOOTING_DAY)
    assert "detail" not in _kinds(found)


def test_counts_of_the_injured_worded_apart_are_flagged(compare) -> None:
    relation, found, _reason = compare(
        "A gunman opened fire on members of the Republican baseball team, striking four "
        "people.", "Six people were injured in the attack in an Alexandria, Virginia, park.",
        SHOOTING_DAY)
    assert relation in ("related", "conflicting")
    assert "number" in _kinds(found)


def test_the_dead_and_the_injured_are_not_one_toll(compare) -> None:
    relation, found, _reason = compare(
        "The gunman killed two people before he was shot.",
        "Six people were injured in the attack in an Alexandria, Virginia, park.",
        SHOOTING_DAY)
    assert "number" not in _kinds(found), (relation, found)


def test_two_addressees_of_two_packages_are_two_events(compare) -> None:
    # review 18, item 3: Clapper's package (intercepted in Manhattan) and Brennan's (sent
    # to CNN on Wednesday) are two packages, not one told with another person
    relation, found, _reason = compare(
        "The package addressed to Mr. Clapper was meant to be delivered to the New York "
        "offices of CNN, where he works as an analyst, but was intercepted at a mail "
        "facility in Midtown Manhattan, police officials in New York City said.",
        "The package addressed Brennan was sent to CNN’s New York City bureau, sparking an "
        "evacuation Wednesday.", ARREST_DAY)
    assert relation != "conflicting"
    assert "actor" not in _kinds(found)


def test_namesakes_for_one_package_still_conflict(compare) -> None:
    relation, found, _reason = compare(
        "A package addressed to Hillary Clinton was intercepted on Tuesday.",
        "A package addressed to former President Bill Clinton was intercepted on Tuesday.",
        ARREST_DAY)
    assert relation == "conflicting"
    assert "actor" in _kinds(found)


def test_a_weekday_before_after_is_not_swallowed(compare) -> None:
    relation, found, reason = compare(
        "The suspect was arrested on Thursday after a long search.",
        "The suspect was arrested on Friday after a long search.", SHOOTING_DAY)
    assert relation == "conflicting"
    assert "date Thursday vs Friday" in reason, reason


def test_charged_against_no_charges_yet_is_a_difference_to_check(compare) -> None:
    relation, found, reason = compare(
        "Although no formal charges have been filed yet in the case, the suspect was taken "
        "into custody.",
        "Sayoc has been charged with five federal crimes, the Department of Justice said.",
        ARREST_DAY)
    assert relation in ("related", "same fact", "conflicting")
    assert "negation" in _kinds(found, "vague"), (found, reason)
    assert "whether charges were brought" in reason or any(
        "whether charges were brought" in d["explanation"] for d in found)


def test_someone_else_not_charged_is_no_such_difference(compare) -> None:
    _relation, found, _reason = compare(
        "Hodgkinson was not charged because he died.",
        "Sayoc has been charged with five federal crimes.", ARREST_DAY)
    assert "negation" not in _kinds(found, "vague")


def test_two_lists_of_addressees_that_differ_are_noted(compare) -> None:
    # review 18, item 23: HuffPost's list names former President Bill Clinton, NYT's
    # does not (and names Biden, Holder and Soros): a detail to check, not a conflict
    relation, found, reason = compare(
        "More than 10 packages have been mailed to public figures, including former "
        "President Barack Obama, former President Bill Clinton, Hillary Clinton, Rep. "
        "Maxine Waters and former CIA Director John Brennan.",
        "The packages have been addressed to former President Barack Obama; former Vice "
        "President Joseph R. Biden Jr.; former Secretary of State Hillary Clinton; "
        "Representative Maxine Waters of California; and John O. Brennan.", ARREST_DAY)
    assert relation != "conflicting"
    notes = [d for d in found if d["kind"] == "actor" and d["severity"] == "vague"]
    assert notes and "Bill Clinton" in notes[0]["explanation"], (found, reason)
    assert "Biden" in notes[0]["explanation"]


def test_died_in_a_hospital_and_at_the_scene_conflict(compare) -> None:
    relation, found, _reason = compare("Hodgkinson died in a hospital.",
                                       "Hodgkinson died at the scene.", SHOOTING_DAY)
    assert relation == "conflicting" and "detail" in _kinds(found)
