"""A time expression knows the action it times, and two dates disagree only for one action."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from factdesk.matching.discrepancies import ClaimFacts, find_discrepancies
from factdesk.nlp.times import TimeExpression, extract_times

JACKSON_DAY = date(2013, 2, 20)


def _actions(nlp, text: str) -> list[tuple[str, str | None]]:
    return [(t.text, t.action) for t in extract_times(nlp(text), JACKSON_DAY)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Documents released on Friday showed how Mr. Jackson used his campaign money.",
     [("Friday", "release")]),
    ("Former Rep. Jesse Jackson Jr. (D-Ill.) pleaded guilty in a federal courtroom "
     "Wednesday morning to using campaign funds.", [("Wednesday morning", "plead")]),
    ("In court papers filed against Jackson on Friday, prosecutors said that he must "
     "forfeit $750,000.", [("Friday", "file")]),
    ("Zelensky on Wednesday visited Izyum.", [("Wednesday", "visit")]),
    ("His visit on Thursday was brief.", [("Thursday", "visit")]),
    ("They held talks on Monday in Paris.", [("Monday", "talk")]),
    ("He took part in a ceremony on Wednesday.", [("Wednesday", "ceremony")]),
    ("He spoke at the March 2 event in Norwalk.", [("March 2", "speak")]),
    ("He was arrested on 2018-10-26 in Florida.", [("2018-10-26", "arrest")]),
    ("John Smith was taken into custody on Tuesday in Miami.", [("Tuesday", "custody")]),
    ("Hurricane Michael made landfall on Wednesday in Florida.", [("Wednesday", "landfall")]),
    ("The gunman opened fire on Tuesday in Dallas.", [("Tuesday", "shoot")]),
    ("There was a shooting on Monday.", [("Monday", "shooting")]),
    ("The vote was on Friday.", [("Friday", "vote")]),
    # no action said: where someone was, a light or happening verb alone
    ("Obama was in Chicago on Friday for a fundraiser with donors.", [("Friday", "")]),
    ("Trump was in Iowa on Monday for a rally with farmers.", [("Monday", "")]),
    ("It happened on Monday.", [("Monday", "")]),
    ("He did it on Monday.", [("Monday", "")]),
])
def test_a_time_knows_the_action_it_times(nlp, text, expected) -> None:
    assert _actions(nlp, text) == expected


def test_stored_times_without_an_action_still_read() -> None:
    stored = {"text": "Friday", "start": 0, "end": 6, "kind": "date",
              "resolved_start": "2013-02-15", "resolved_end": "2013-02-15",
              "anchor": None, "offset_days": None}
    old = TimeExpression.from_dict(stored)
    assert old.action is None
    new = replace(old, action="release")
    assert TimeExpression.from_dict(new.as_dict()) == new


def _facts(nlp, text: str, outlet: str, *, keep_actions: bool = True) -> ClaimFacts:
    doc = nlp(text)
    times = tuple(t if keep_actions else replace(t, action=None)
                  for t in extract_times(doc, JACKSON_DAY))
    lemmas = tuple(t.lemma_.lower() for t in doc if t.is_alpha and not t.is_stop)
    return ClaimFacts(text=text, kind="statistic", speaker=None, quantities=(), times=times,
                      entities=(), article_date=JACKSON_DAY, outlet=outlet, lemmas=lemmas)


def _dates(a: ClaimFacts, b: ClaimFacts) -> list[str]:
    return [d.severity for d in find_discrepancies(a, b) if d.kind == "date"]


HUFFPOST = ("Former Rep. Jesse Jackson Jr. (D-Ill.) pleaded guilty in a federal courtroom "
            "Wednesday morning to using campaign funds to purchase an array of personal "
            "items including Bruce Lee memorabilia, a $43,000 Rolex watch and a mink "
            "cashmere cape.")
NYT = ("Documents released on Friday showed how Mr. Jackson used his campaign money to buy "
       "items like fur capes, celebrity memorabilia and expensive furniture.")


def test_two_actions_dated_apart_do_not_conflict(nlp) -> None:
    assert _dates(_facts(nlp, HUFFPOST, "HuffPost"), _facts(nlp, NYT, "New York Times")) == []
    # claims analysed before actions were kept are compared as before
    old = _dates(_facts(nlp, HUFFPOST, "HuffPost", keep_actions=False),
                 _facts(nlp, NYT, "New York Times", keep_actions=False))
    assert old == ["conflict"]


@pytest.mark.parametrize(("first", "second"), [
    ("Zelensky visited Izium on Wednesday.", "Zelensky visited Izium on Thursday."),
    ("Zelensky went to Izium on Wednesday.", "Zelensky visited Izium on Thursday."),
    ("Jackson pleaded guilty on Wednesday.", "Jackson's plea came on Thursday."),
    ("Jackson pleaded guilty on Wednesday.", "Jackson admitted his guilt on Friday."),
    # one action worded two ways by two outlets
    ("The suspect, John Smith, was arrested on Monday in Miami.",
     "John Smith was taken into custody on Tuesday in Miami."),
    ("Police detained John Smith on Monday in Miami.",
     "John Smith was arrested on Tuesday in Miami."),
    ("Paul Manafort was charged on Monday with conspiracy.",
     "Paul Manafort was indicted on Tuesday on money laundering charges."),
    ("The gunman killed five people on Monday at a Dallas mall.",
     "The gunman opened fire on Tuesday at a Dallas mall."),
    ("Hurricane Michael made landfall on Wednesday in Florida.",
     "Hurricane Michael hit Florida on Tuesday."),
])
def test_one_action_dated_apart_conflicts(nlp, first, second) -> None:
    a, b = _facts(nlp, first, "A"), _facts(nlp, second, "B")
    assert _dates(a, b) == ["conflict"]


def test_statements_of_two_named_speakers_are_two_statements(nlp) -> None:
    a = replace(_facts(nlp, "Burr said Tuesday that the panel sent a letter.", "Fox News"),
                speaker="Richard Burr")
    b = replace(_facts(nlp, "Schiff said on Wednesday that the committee will issue "
                            "subpoenas.", "New York Times"), speaker="Adam Schiff")
    assert _dates(a, b) == []
    assert _dates(a, replace(b, speaker="Richard Burr")) == ["conflict"]


def test_undated_weekdays_of_two_actions_do_not_conflict(nlp) -> None:
    def undated(text: str, outlet: str) -> ClaimFacts:
        return replace(_facts(nlp, text, outlet), article_date=None,
                       times=tuple(extract_times(nlp(text), None)))

    visit = undated("Zelensky visited Izium on Wednesday.", "AFP")
    found = find_discrepancies(visit, undated("Zelensky visited Izium on Thursday.", "DE"))
    dates = [d for d in found if d.kind == "date"]
    assert [d.severity for d in dates] == ["conflict"]
    assert "both time \u201cvisit\u201d" in dates[0].explanation
    raised = undated("The flag was raised over the city hall on Thursday.", "DE")
    assert _dates(visit, raised) == []


def test_the_same_date_for_two_actions_is_still_noted(nlp) -> None:
    # agreement notes are kept: only a conflict needs one action
    a = _facts(nlp, "Documents released on Wednesday showed the purchases.", "New York Times")
    assert _dates(_facts(nlp, HUFFPOST, "HuffPost"), a) == ["compatible"]


def _person(facts: ClaimFacts, name: str) -> ClaimFacts:
    return replace(facts, entities=((name, "PERSON", name),))


def test_one_persons_action_dated_alike_is_the_same_fact(nlp) -> None:
    from factdesk.matching.relations import decide
    from factdesk.matching.timed_actions import dated_alike

    fox = _person(_facts(nlp, "Former Rep. Jesse Jackson Jr. pleaded guilty Wednesday in "
                              "federal court to charges that he spent $750,000 in campaign "
                              "cash on personal items.", "Fox News"), "Jesse Jackson Jr.")
    hpo = _person(_facts(nlp, HUFFPOST, "HuffPost"), "Jesse Jackson Jr.")
    nyt = _person(_facts(nlp, NYT, "New York Times"), "Jesse Jackson Jr.")
    assert dated_alike(fox, hpo)
    assert not dated_alike(hpo, nyt)  # the plea and the release of documents
    found = decide(0.1, 0.3, fox, hpo, same_threshold=0.435, related_threshold=0.3)
    assert (found.relation, found.reason) == ("same fact", "dated event")
    # a statement's day is no sign of one fact
    said = [_person(_facts(nlp, text, outlet), "Adam Schiff") for text, outlet in (
        ("Schiff said on Wednesday that the committee will issue subpoenas.", "NYT"),
        ("Schiff told reporters Wednesday that he would not step down.", "Fox News"))]
    assert not dated_alike(*said)


def test_without_a_parse_no_action_is_read(nlp) -> None:
    doc = nlp.make_doc("Zelensky visited Izium on Wednesday.")  # tokens only
    assert [(t.text, t.action) for t in extract_times(doc, JACKSON_DAY)] == [("Wednesday", None)]


def test_what_storms_do_is_not_what_critics_do(nlp) -> None:
    # "hit" and "slammed" each say a landfall, but not one action with each other
    a = _facts(nlp, "Trump hit Clinton on Monday over her e-mails.", "A")
    b = _facts(nlp, "Trump slammed Clinton on Tuesday over her e-mails.", "B")
    assert _dates(a, b) == []


@pytest.mark.parametrize(("first", "second"), [
    ("Obama was in Chicago on Friday for a fundraiser with donors.",
     "Obama was in Denver on Friday to speak to students about loans."),
    ("Trump was in Iowa on Monday, where he praised farmers.",
     "Trump was in Ohio on Monday to tour a steel factory."),
])
def test_where_someone_was_on_a_day_is_no_dated_action(nlp, first, second) -> None:
    from factdesk.matching.timed_actions import dated_alike

    name = first.split()[0]
    a, b = (_person(_facts(nlp, text, outlet), name)
            for text, outlet in ((first, "A"), (second, "B")))
    # one person in two places on one day: two times of no known action, not one fact
    assert not dated_alike(a, b) and not dated_alike(b, a)
    assert _dates(a, b) == []  # one day: no date conflict either


def test_where_someone_was_is_dated_against_what_they_did_there(nlp) -> None:
    def placed(text: str, outlet: str, *places: str) -> ClaimFacts:
        return replace(_facts(nlp, text, outlet), entities=(
            ("Trump", "PERSON", "Trump"), *((p, "GPE", p) for p in places)))

    was = placed("Trump was in Iowa on Monday for a rally with farmers.", "A", "Iowa")
    visited = placed("Trump visited Iowa on Tuesday for a rally with farmers.", "B", "Iowa")
    assert _dates(was, visited) == ["conflict"]
    # a day with no action named is no sign of one action elsewhere
    elsewhere = placed("Trump visited Ohio on Tuesday for a rally with farmers.", "B", "Ohio")
    assert _dates(was, elsewhere) == []
