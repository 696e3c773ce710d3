"""The time of a saying does not date what is said (issue 21's "not changed"): a time
the parser hangs on the reported clause while it stands outside it, by the reporting
verb ("Officials said Monday the bridge collapsed"), times the saying; one inside the
clause ("said the bridge collapsed two days ago") times the reported act. The real
spaCy model reads every sentence."""

from __future__ import annotations

from datetime import date

import pytest

from factdesk.nlp.time_actions import time_action, time_actor

DAY = date(2013, 1, 30)


def _timed(nlp, text: str) -> tuple[str | None, str | None]:  # noqa: ANN001
    doc = nlp(text)
    ent = next(e for e in doc.ents if e.label_ in {"DATE", "TIME"})
    return time_action(doc, ent.start, ent.end), time_actor(doc, ent.start, ent.end)


@pytest.mark.parametrize(("text", "action", "actor"), [
    # the parser hangs "Monday" on "collapsed"; it stands before the reported clause
    ("Officials said Monday the bridge collapsed.", "say", None),
    ("Zelensky said on Monday that Russian troops withdrew from Izium.", "say", "Zelensky"),
    ("On Monday, Zelensky said Russian troops withdrew from Izium.", "say", "Zelensky"),
    ("The governor told reporters on Tuesday that the storm killed 12 people.", "tell",
     None),
    ("The mayor said two days ago that the bridge collapsed.", "say", None),
    # inside the reported clause: the reported act's time
    ("Zelensky said that Russian troops withdrew from Izium on Monday.", "withdraw", None),
    ("Zelensky said Russian troops withdrew from Izium four days ago.", "withdraw", None),
    ("Officials said the bridge, on Monday, collapsed.", "collapse", None),
])
def test_a_time_outside_the_reported_clause_times_the_saying(
        nlp, text: str, action: str, actor: str | None) -> None:
    assert _timed(nlp, text) == (action, actor)


def _dates(differences: list[dict]) -> list[str]:
    return [d["severity"] for d in differences if d["kind"] == "date"]


def test_a_saying_counted_in_days_is_not_the_act_counted_in_days(compare) -> None:
    _, differences, _ = compare("The mayor said two days ago that the bridge collapsed.",
                                "The bridge collapsed four days ago.", DAY)
    assert _dates(differences) == []
    # the count inside the reported clause dates the collapse: 2 vs 4 days conflicts
    _, differences, _ = compare("The mayor said the bridge collapsed two days ago.",
                                "The bridge collapsed four days ago.", DAY)
    assert _dates(differences) == ["conflict"]
    # two sayings' counts are compared with each other
    _, differences, _ = compare("Officials said four days ago the bridge collapsed.",
                                "Officials said five days ago that the bridge collapsed.",
                                DAY)
    assert _dates(differences) == ["conflict"]


def test_a_saying_dated_before_its_verb_is_not_the_acts_date(compare) -> None:
    _, differences, _ = compare("On Monday, officials said the bridge collapsed.",
                                "The bridge collapsed on Sunday.", DAY)
    assert _dates(differences) == []
    _, differences, _ = compare("The bridge collapsed on Monday.",
                                "The bridge collapsed on Sunday.", DAY)
    assert _dates(differences) == ["conflict"]
