"""Differences between claims of different outlets: numbers, dates, names, quotes."""

from __future__ import annotations

from datetime import date

import pytest

from factdesk.matching.discrepancies import (
    ClaimFacts,
    find_discrepancies,
    is_conflicting,
)
from factdesk.model.models import Claim, Discrepancy
from factdesk.nlp.aliases import AliasResolver
from factdesk.nlp.quantities import extract_quantities
from factdesk.nlp.times import extract_times

LABELS = {"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC"}




@pytest.fixture(scope="module")
def make(nlp):
    """Build ClaimFacts for several (text, article date, outlet, speaker) claims at once."""

    def build(*claims: tuple[str, date | None, str, str | None]) -> list[ClaimFacts]:
        docs = [nlp(text) for text, *_ in claims]
        mentions = [(e.text, e.label_) for doc in docs for e in doc.ents if e.label_ in LABELS]
        canonical = AliasResolver().resolve(mentions)
        out = []
        for doc, (text, day, outlet, speaker) in zip(docs, claims, strict=True):
            out.append(ClaimFacts(
                text=text, kind="quote" if speaker else "statistic", speaker=speaker,
                quantities=tuple(extract_quantities(doc)),
                times=tuple(extract_times(doc, day)),
                entities=tuple((e.text, e.label_, canonical[e.text]) for e in doc.ents
                               if e.label_ in LABELS),
                article_date=day, outlet=outlet, is_quote=bool(speaker)))
        return out

    return build


def of_kind(found: list[Discrepancy], kind: str) -> list[Discrepancy]:
    return [d for d in found if d.kind == kind]


REUTERS_450 = ("In Izium, we found 450 dead people buried.", date(2022, 9, 15), "Reuters", None)


def test_exact_against_lower_bound_is_compatible(make) -> None:
    a, b = make(REUTERS_450, (
        "Ukrainian officials on site said of the more than 400 bodies discovered, most are "
        "civilians.", date(2022, 9, 15), "Dallas Express", None))
    numbers = of_kind(find_discrepancies(a, b), "number")
    assert len(numbers) == 1
    d = numbers[0]
    assert d.severity == "compatible"
    assert "450" in d.explanation and "more than 400" in d.explanation
    assert "450 is more than 400" in d.explanation
    assert not is_conflicting(numbers)


def test_as_many_as_against_the_same_number_is_compatible_not_a_difference(make) -> None:
    # NYT "as many as 1.5 million women" / Fox News "covers 1.5 million women": the panel
    # once said "differs: number as many as 1.5 million vs 1.5 million" ("no number to
    # check")
    from factdesk.matching.panel import differences

    nyt, fox = make(("Justices expressed qualms about a lawsuit involving as many as 1.5 "
                     "million women.", None, "nyt", None),
                    ("Ginsburg expressed concerns about the lawsuit that covers 1.5 million "
                     "women.", None, "fox", None))
    numbers = of_kind(find_discrepancies(nyt, fox), "number")
    assert [d.severity for d in numbers] == ["compatible"]
    assert "1,500,000 is not more than 1,500,000" in numbers[0].explanation
    assert differences([d.as_dict() for d in numbers]) == []


def test_different_exact_numbers_conflict(make) -> None:
    a, b = make(REUTERS_450, ("In Izium, investigators found 300 bodies.", date(2022, 9, 15),
                              "AFP", None))
    found = find_discrepancies(a, b)
    numbers = of_kind(found, "number")
    assert [d.severity for d in numbers] == ["conflict"]
    assert "450" in numbers[0].explanation and "300" in numbers[0].explanation
    assert is_conflicting(found)


@pytest.mark.parametrize(("one", "other", "words"), [
    ("He faces up to 48 years in prison.", "He faces up to 58 years in prison.",
     "both give upper bounds (at most), 48 vs 58"),
    ("At least 12 people were killed in the attack.",
     "At least 20 people were killed in the attack.", "both give lower bounds (at least), 12 vs 20"),
    ("As many as 30 people were killed.", "As many as 40 people were killed.",
     "both give upper bounds (at most), 30 vs 40"),
])
def test_two_bounds_of_one_kind_that_differ_conflict(make, one, other, words) -> None:
    # review 18, item 17: the intervals overlap, yet the outlets give two figures (a
    # maximum sentence is one number; "at least 12" / "at least 20" is an update)
    a, b = make((one, None, "HuffPost", None), (other, None, "Fox", None))
    numbers = of_kind(find_discrepancies(a, b), "number")
    assert [d.severity for d in numbers] == ["conflict"]
    assert words in numbers[0].explanation


def test_a_lower_and_an_upper_bound_that_overlap_stay_compatible(make) -> None:
    a, b = make(("At least 12 people were killed.", None, "A", None),
                ("As many as 20 people were killed.", None, "B", None))
    numbers = of_kind(find_discrepancies(a, b), "number")
    assert [d.severity for d in numbers] == ["compatible"]


def test_hundreds_against_450_is_vague(make) -> None:
    a, b = make((
        "Ukrainian authorities discovered hundreds of civilians’ bodies dumped in streets, "
        "yards, and mass graves.", date(2022, 9, 16), "Dallas Express", None), REUTERS_450)
    numbers = of_kind(find_discrepancies(a, b), "number")
    assert [d.severity for d in numbers] == ["vague"]
    assert "hundreds" in numbers[0].explanation


def test_dozens_against_450_conflicts(make) -> None:
    a, b = make(("Investigators found dozens of bodies.", None, "X", None), REUTERS_450)
    assert [d.severity for d in of_kind(find_discrepancies(a, b), "number")] == ["conflict"]


def test_four_days_ago_against_five_days_after_recapture(make) -> None:
    a, b = make((
        "Ukrainian President Volodymyr Zelenskyy looked on Wednesday as the Ukrainian flag was "
        "raised in front of the burned-out city hall, until four days ago, Russia’s main "
        "bastion and logistics hub in the region.", date(2022, 9, 15), "Dallas Express", None), (
        "Ukraine's Zelensky visits newly-liberated Kharkiv city 5 days after recapture",
        date(2022, 9, 14), "AFP", None))
    found = find_discrepancies(a, b)
    dates = of_kind(found, "date")
    assert [d.severity for d in dates] == ["conflict"]
    text = dates[0].explanation
    assert "four days ago" in text and "5 days after recapture" in text
    assert "2022-09-11" in text and "2022-09-09" in text
    assert "4 vs 5 days" in text
    assert is_conflicting(found)
    # the names differ only in spelling
    names = of_kind(found, "name")
    assert [d.severity for d in names] == ["variant"]


def test_offsets_without_article_dates_still_compare(make) -> None:
    a, b = make(("Until four days ago the city was Russia’s main base.", None, "A", None),
                ("Zelensky visits the city 5 days after recapture", None, "B", None))
    dates = of_kind(find_discrepancies(a, b), "date")
    assert [d.severity for d in dates] == ["conflict"]
    assert "4 vs 5 days" in dates[0].explanation


def test_same_event_date_from_different_article_dates_agrees(make) -> None:
    a, b = make(("Russian troops left the city four days ago.", date(2022, 9, 15), "A", None),
                ("Russian troops left the city five days ago.", date(2022, 9, 16), "B", None))
    dates = of_kind(find_discrepancies(a, b), "date")
    assert [d.severity for d in dates] == ["compatible"]
    assert not is_conflicting(dates)


def test_absolute_dates(make) -> None:
    a, b = make(("Zelensky visited Izium on Wednesday.", date(2022, 9, 15), "A", None),
                ("Zelensky visited Izium on Tuesday.", date(2022, 9, 14), "B", None))
    dates = of_kind(find_discrepancies(a, b), "date")
    assert [d.severity for d in dates] == ["conflict"]
    assert "2022-09-14" in dates[0].explanation and "2022-09-13" in dates[0].explanation
    a, b = make(("Zelensky visited Izium on Wednesday.", date(2022, 9, 15), "A", None),
                ("Zelensky visited Izium on Wednesday.", date(2022, 9, 14), "B", None))
    assert of_kind(find_discrepancies(a, b), "date") == []


def test_a_weekday_of_one_event_is_not_compared_with_a_year_of_another(make) -> None:
    # The interview was on Monday; the speech it is about was in 2008: two events' times,
    # not two dates of one (BASIL's Blumenthal event: NYT against Fox News).
    interview = ("In an interview on Monday, the attorney general said he had misspoken "
                 "about his service during the Norwalk event.", date(2010, 5, 17), "nyt", None)
    speech_2008 = ("He said he had misspoken at a 2008 event in Norfolk.", date(2010, 5, 18),
                   "fox", None)
    a, b = make(interview, speech_2008)
    assert of_kind(find_discrepancies(a, b), "date") == []
    # the same slot still disagrees: two years of the speech, or two days
    a, b = make(speech_2008, ("He said he had misspoken at a 2009 event in Norfolk.",
                              date(2010, 5, 18), "hpo", None))
    assert [d.severity for d in of_kind(find_discrepancies(a, b), "date")] == ["conflict"]
    a, b = make(interview, ("In an interview on May 12, 2010, the attorney general said he "
                            "had misspoken.", date(2010, 5, 18), "fox", None))
    dates = of_kind(find_discrepancies(a, b), "date")
    assert [d.severity for d in dates] == ["conflict"]
    assert "2010-05-17" in dates[0].explanation and "2010-05-12" in dates[0].explanation


def test_name_spelling_variant(make) -> None:
    a, b = make(("President Volodymyr Zelenskiy told Reuters the scene was proof.", None,
                 "Reuters", None),
                ("President Volodymyr Zelenskyy told reporters the scene was proof.", None,
                 "Dallas Express", None))
    names = of_kind(find_discrepancies(a, b), "name")
    assert len(names) == 1 and names[0].severity == "variant"
    assert {names[0].a_text, names[0].b_text} == {"Volodymyr Zelenskiy", "Volodymyr Zelenskyy"}
    assert not is_conflicting(names)


def test_a_place_name_with_one_word_respelled_is_a_spelling_variant(make) -> None:
    # BASIL dev, Blumenthal event: Fox News writes "Paris Island", HuffPost "Parris
    # Island" (the recruit depot); the shared last word once hid the difference
    fox, hpo = make(
        ("His service in the Marines - six months on Paris Island and six years in the "
         "reserves.", None, "fox", None),
        ("He served for six months in Parris Island, SC and six years in the reserves.",
         None, "hpo", None))
    names = of_kind(find_discrepancies(fox, hpo), "name")
    assert [(d.severity, d.a_text, d.b_text) for d in names] == [
        ("variant", "Paris Island", "Parris Island")]
    assert "fox" in names[0].explanation and "hpo" in names[0].explanation
    assert not of_kind(find_discrepancies(fox, hpo), "place")
    assert not is_conflicting(find_discrepancies(fox, hpo))


def _names(*entities: tuple[str, str, str]) -> ClaimFacts:
    return ClaimFacts(text="", kind="other", speaker=None, quantities=(), times=(),
                      entities=entities, article_date=None)


def test_more_of_a_name_or_another_given_name_is_no_spelling_variant() -> None:
    full = _names(("Volodymyr Zelensky", "PERSON", "Volodymyr Zelensky"))
    surname = _names(("Zelensky", "PERSON", "Volodymyr Zelensky"))
    other_given = _names(("Vladimir Zelensky", "PERSON", "Volodymyr Zelensky"))
    # one names more of him, the other his given name otherwise: not a respelled word
    assert not find_discrepancies(full, surname)
    assert not find_discrepancies(full, other_given)
    # both spellings in one claim, one of them in the other: a spelling in common
    both = _names(("Paris Island", "LOC", "Parris Island"),
                  ("Parris Island", "LOC", "Parris Island"))
    assert not find_discrepancies(both, _names(("Parris Island", "GPE", "Parris Island")))
    # a first word that is another word, not a small edit of it, is not respelled
    assert not find_discrepancies(_names(("North Carolina", "GPE", "Carolina")),
                                  _names(("South Carolina", "GPE", "Carolina")))


QUOTE = "“The view is very shocking, but it is not shocking for me,” {} told journalists."


def test_same_quote_different_speaker_is_an_attribution_conflict(make) -> None:
    a, b = make((QUOTE.format("Zelensky"), None, "NY Post", "Zelensky"),
                (QUOTE.format("Andriy Kostin"), None, "AFP", "Andriy Kostin"))
    found = of_kind(find_discrepancies(a, b), "attribution")
    assert [d.severity for d in found] == ["conflict"]
    assert "Zelensky" in found[0].explanation and "Andriy Kostin" in found[0].explanation


def test_same_speaker_spelled_differently_is_no_attribution_conflict(make) -> None:
    a, b = make((QUOTE.format("Zelensky"), None, "NY Post", "Zelensky"),
                (QUOTE.format("Volodymyr Zelenskiy"), None, "Reuters", "Volodymyr Zelenskiy"))
    found = find_discrepancies(a, b)
    assert of_kind(found, "attribution") == [] and of_kind(found, "wording") == []


def test_translated_quote_is_a_wording_variant(make) -> None:
    a, b = make((
        "“After Bucha, we’re seeing similar sights in de-occupied regions of our country,” "
        "Zelenskiy said.", None, "Reuters", "Zelenskiy"), (
        "“After Bucha, we are seeing the same pictures in the de-occupied territories of our "
        "country,” Zelensky said.", None, "NY Post", "Zelensky"))
    wording = of_kind(find_discrepancies(a, b), "wording")
    assert [d.severity for d in wording] == ["variant"]
    assert "translation" in wording[0].explanation


def test_from_claim_and_as_dict() -> None:
    claim = Claim(
        id=1, article_id=2, start=0, end=10, text="450 dead people", prefix="", suffix="",
        kind="statistic", score=0.9, speaker=None, origin="detected",
        quantities=({"text": "450", "start": 0, "end": 3, "value": 450.0, "low": 450.0,
                     "high": 450.0, "qualifier": "exact", "unit": "people"},),
        times=({"text": "four days ago", "start": 0, "end": 13, "kind": "relative",
                "resolved_start": None, "resolved_end": None, "anchor": None,
                "offset_days": -4},),
        entities=({"text": "Izium", "label": "GPE", "canonical": "Izium"},),
    )
    facts = ClaimFacts.from_claim(claim, date(2022, 9, 15), "Reuters")
    assert facts.quantities[0].value == 450 and facts.times[0].offset_days == -4
    assert facts.entities == (("Izium", "GPE", "Izium"),)
    d = Discrepancy("number", "conflict", "x", "450", "300")
    assert Discrepancy.from_dict(d.as_dict()) == d


# ------------------------------------------------------- dates an undated article gives


@pytest.mark.parametrize(("first", "second", "severity", "words"), [
    ("on September 14", "on September 15", "conflict", "disagree by a day"),
    ("on September 14", "on September 15, 2022", "conflict", "disagree by a day"),
    ("on 14 September", "on Sept. 14", "compatible", "the same day"),
    ("on Wednesday", "on Thursday", "conflict", "different days"),
    ("on December 31", "on January 2", "conflict", "disagree by 2 days"),
    ("on February 28, 2023", "on March 1", "conflict", "disagree by a day"),
    ("on Wednesday, Sept. 14", "on Thursday, Sept. 14", "conflict", "different days"),
])
def test_dates_without_a_year_or_a_publication_date_are_compared(
        make, first: str, second: str, severity: str, words: str) -> None:
    a, b = make((f"Zelensky visited Izium {first}.", None, "Dallas Express", None),
                (f"Zelensky visited Izium {second}.", None, "AFP", None))
    dates = of_kind(find_discrepancies(a, b), "date")
    assert [d.severity for d in dates] == [severity]
    assert words in dates[0].explanation
    assert "Dallas Express" in dates[0].explanation and "AFP" in dates[0].explanation


def test_a_resolved_date_is_compared_by_its_weekday_with_an_undated_weekday(make) -> None:
    a, b = make(("Zelensky visited Izium on September 14, 2022.", None, "AFP", None),
                ("Zelensky visited Izium on Thursday.", None, "Dallas Express", None))
    (d,) = of_kind(find_discrepancies(a, b), "date")
    assert d.severity == "conflict"
    assert "is a Wednesday" in d.explanation  # 2022-09-14; "Thursday" needs no gloss
    assert "“Thursday” is a" not in d.explanation


def test_same_undated_day_and_unreadable_dates_say_nothing(make) -> None:
    same = make(("Zelensky visited Izium on Wednesday.", None, "AFP", None),
                ("On Wednesday, Zelensky went to Izium.", None, "Reuters", None))
    assert not of_kind(find_discrepancies(*same), "date")
    vague = make(("Zelensky visited Izium in September.", None, "AFP", None),
                 ("Zelensky visited Izium on Thursday.", None, "Reuters", None))
    assert not of_kind(find_discrepancies(*vague), "date")
    spans = make(("Zelensky visited Izium on May 5-7.", None, "AFP", None),
                 ("Zelensky visited Izium on May 6.", None, "Reuters", None))
    assert not [d for d in of_kind(find_discrepancies(*spans), "date")
                if d.severity == "conflict"]


def test_calendar_days_read_from_words_and_from_resolved_days() -> None:
    from factdesk.matching.partial_dates import (
        calendar_day,
        calendar_days_apart,
        days_from,
        weekday,
    )
    from factdesk.nlp.times import TimeExpression

    def expr(text: str, resolved: str | None = None) -> TimeExpression:
        return TimeExpression(text, 0, len(text), "date", resolved, resolved)

    assert calendar_day(expr("September 14")) == (9, 14)
    assert calendar_day(expr("the 14th of Sept.")) == (9, 14)
    assert calendar_day(expr("Sept. 14")) == (9, 14)
    assert calendar_day(expr("February 31")) is None
    assert calendar_day(expr("September 14, 1999")) is None  # a year left unresolved
    assert calendar_day(expr("Wednesday", "2022-09-14")) == (9, 14)
    assert weekday(expr("last Wed.")) == 2
    assert weekday(expr("September 14")) is None
    assert calendar_day(expr("May 5-7")) is None  # a span names no single day
    assert calendar_day(expr("17-18 September")) is None
    assert weekday(expr("Monday to Wednesday")) is None
    assert calendar_days_apart((12, 31), (1, 1)) == 1
    assert calendar_days_apart((3, 1), (2, 28)) == 1  # in a common year ...
    assert calendar_days_apart((3, 1), (2, 29)) == 1  # ... unless one is February 29
    assert days_from(date(2023, 2, 28), (3, 1)) == 1  # in the resolved day's year
    assert days_from(date(2023, 1, 1), (12, 31)) == 1  # or the year either side
    assert days_from(date(2023, 3, 1), (2, 29)) is None


def test_long_day_counts_read_in_years() -> None:
    from factdesk.matching.date_discrepancies import _day_counts, _days

    assert _days(1) == "a day" and _days(-5) == "5 days" and _days(729) == "729 days"
    assert _days(912500) == "2,500 years"
    assert _days(1000) == "1,000 days (about 3 years)"
    assert _day_counts(4, 5) == "4 vs 5 days"
    assert _day_counts(912500, 876000) == "2,500 years vs 2,400 years"


def test_a_date_whose_year_was_assumed_is_no_conflict_with_another_year(make) -> None:
    # "the March 2 event" in a 2010 article is read as 2010-03-02; another outlet's
    # "March 2008" may be an event two years earlier in the same story: no conflict
    march_2 = ("He said he had misspoken at the March 2 event in Norwalk.",
               date(2010, 5, 18), "nyt", None)
    a, b = make(march_2, ("He said he had misspoken at an event in March 2008 in Norfolk.",
                          date(2010, 5, 18), "fox", None))
    dates = of_kind(find_discrepancies(a, b), "date")
    assert [d.severity for d in dates] == ["compatible"]  # in 2008, March 2 is in March
    assert "gives no year" in dates[0].explanation and "2008" in dates[0].explanation
    assert not is_conflicting(find_discrepancies(b, a))
    # another month in another year: two events, nothing to compare
    a, b = make(march_2, ("He spoke at an event in June 2008 in Norfolk.",
                          date(2010, 5, 18), "fox", None))
    assert of_kind(find_discrepancies(a, b), "date") == []


def test_a_year_given_keeps_the_date_conflict(make) -> None:
    # both years written: they disagree
    a, b = make(("He spoke on March 2, 2010 in Norwalk.", date(2010, 5, 18), "nyt", None),
                ("He spoke in March 2008 in Norfolk.", date(2010, 5, 18), "fox", None))
    assert [d.severity for d in of_kind(find_discrepancies(a, b), "date")] == ["conflict"]
    # a yearless date in the other's year still disagrees on the day
    a, b = make(("He spoke at the March 2 event in Norwalk.", date(2010, 5, 18), "nyt", None),
                ("He spoke on March 5, 2010 in Norfolk.", date(2010, 5, 18), "fox", None))
    dates = of_kind(find_discrepancies(a, b), "date")
    assert [d.severity for d in dates] == ["conflict"]
    assert "2010-03-02" in dates[0].explanation and "2010-03-05" in dates[0].explanation
    # a day counted from publication is resolved by its meaning, not assumed
    a, b = make(("He spoke in Norwalk on Monday.", date(2010, 5, 18), "nyt", None),
                ("He spoke in Norwalk on May 12, 2009.", date(2010, 5, 18), "fox", None))
    assert [d.severity for d in of_kind(find_discrepancies(a, b), "date")] == ["conflict"]


def test_year_assumed_reads_the_words_and_the_claim() -> None:
    from factdesk.matching.partial_dates import year_assumed
    from factdesk.nlp.times import TimeExpression

    def expr(text: str, first: str, last: str | None = None) -> TimeExpression:
        return TimeExpression(text, 0, len(text), "date", first, last)

    assert year_assumed(expr("March 2", "2010-03-02"), "at the March 2 event")
    assert not year_assumed(expr("March 2, 2010", "2010-03-02"), "on March 2, 2010")
    assert not year_assumed(expr("March 2", "2010-03-02"), "In 2010, on March 2, he spoke")
    assert not year_assumed(expr("Monday", "2010-05-17"), "on Monday")
    assert not year_assumed(TimeExpression("March 2", 0, 7, "date"), "March 2")  # unresolved


def test_a_newspaper_a_claim_cites_is_not_the_events_place(make) -> None:
    # BASIL's Blumenthal event: Fox News cites "a report in the New York Times"; the
    # place conflict shown with HuffPost once read "Parris Island vs New York Times".
    from factdesk.matching.event_frames import compare_frames, event_frame

    fox = ("Blumenthal's campaign disputed a report in the New York Times as an outrageous "
           "distortion of his service in the Marines - six months on Paris Island and six "
           "years in the reserves, according to his campaign.", date(2010, 5, 18), "Fox News",
           None)
    hpo = ("Blumenthal voluntarily joined the Marine Corps Reserves in 1970 and served for "
           "six months in Parris Island, SC and six years in the reserves.", date(2010, 5, 18),
           "HuffPost", None)
    a, b = make(fox, hpo)
    assert not any("Times" in place for place in event_frame(a).where.values())
    alignment = compare_frames(a, b)
    assert "New York Times" not in (alignment.place_a, alignment.place_b)
    assert not any("New York Times" in d.explanation for d in find_discrepancies(a, b))
    # a town after "in" is still the event's place; a paper cited "according to" is not
    a, b = make(("He spoke at a rally in Norwalk.", None, "NYT", None),
                ("According to the Hartford Courant, he spoke at a rally in Norfolk.", None,
                 "Fox News", None))
    assert set(event_frame(b).where.values()) == {"Norfolk"}
    assert compare_frames(a, b).verdict == "place conflict"
