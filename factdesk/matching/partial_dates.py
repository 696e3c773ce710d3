"""Dates read without a year: the month and day, or the weekday, a date expression names.

An undated article's "September 14" or "Wednesday" cannot be resolved to a day
(:mod:`factdesk.nlp.times` reads them against the publication date), yet two claims
about one event that give "September 14" and "September 15, 2022", or "Wednesday" and
"Thursday", still disagree. This module reads what such an expression does say, from its
resolved day when it has one and from its words otherwise, so that
:mod:`factdesk.matching.discrepancies` can compare it, and tells whether two such
expressions can name the same moment of one event at all (:func:`same_time_slot`), and
whether a resolved date's year was only assumed from its article's date
(:func:`year_assumed`): "the March 2 event" in a 2010 article is read as 2010-03-02,
which says nothing against another outlet's "March 2008".
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from factdesk.nlp.times import MONTHS, WEEKDAYS, TimeExpression

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\b", re.I)
_MONTH_DAY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_WEEKDAY = re.compile(r"\b(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\b",
                      re.I)
#: Words of a span of days ("May 5-7", "Monday to Wednesday", "between the 3rd and 5th"):
#: such an expression names no single day.
_SPAN = re.compile(r"\d\s*[-\u2013\u2014/]\s*\d|\b(?:to|through|thru|until|till|and|or|"
                   r"between|from)\b", re.I)
_MONTH_NAME = re.compile(rf"\b(?:{_MONTH})\b", re.I)
_DIGIT = re.compile(r"\d")
#: A leap year, in which every (month, day) exists.
_LEAP_YEAR = 2000


def _names_a_span(text: str) -> bool:
    return bool(_SPAN.search(text))


def calendar_day(expr: TimeExpression) -> tuple[int, int] | None:
    """(month, day) the expression names: of its resolved day, or read from its words
    ("September 14", "14 Sept.", "the 14th of September") when it has no year; None for
    anything else (a span of days, a month alone, a year the reader could not
    resolve)."""
    span = expr.interval()
    if span is not None:
        first, last = span
        return (first.month, first.day) if first == last else None
    text = expr.text
    if expr.kind != "date" or _YEAR.search(text) or _names_a_span(text):
        return None
    found = _DAY_MONTH.findall(text)
    if found:
        (day_text, month_text), *others = found
    else:
        found = [(d, m) for m, d in _MONTH_DAY.findall(text)]
        if not found:
            return None
        (day_text, month_text), *others = found
    month = MONTHS.get(month_text.lower())
    if others or month is None:
        return None
    try:
        date(_LEAP_YEAR, month, int(day_text))
    except ValueError:
        return None  # "February 31"
    return month, int(day_text)


def weekday(expr: TimeExpression) -> int | None:
    """Weekday (Monday 0) the expression names: of its resolved day, or of the one
    weekday name in its words ("Wednesday", "last Wed."); None otherwise."""
    span = expr.interval()
    if span is not None:
        first, last = span
        return first.weekday() if first == last else None
    if expr.kind != "date" or _names_a_span(expr.text):
        return None
    found = {WEEKDAYS.get(name.lower()) for name in _WEEKDAY.findall(expr.text)}
    return found.pop() if len(found) == 1 else None


def _in_year(year: int, month_day: tuple[int, int]) -> date | None:
    try:
        return date(year, *month_day)
    except ValueError:
        return None  # February 29 in a common year


def days_from(day: date, month_day: tuple[int, int]) -> int | None:
    """Days between a resolved day and the nearest (month, day) within half a year of it,
    in its year or across the year end ("December 31" is a day from 2023-01-01); None
    when there is none (February 29 near a common year's March)."""
    gaps = [gap for year in (day.year - 1, day.year, day.year + 1)
            if (other := _in_year(year, month_day)) is not None
            and (gap := abs((other - day).days)) <= 183]
    return min(gaps) if gaps else None


def calendar_days_apart(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two (month, day) of one unknown year, the shorter way round the year
    end ("December 31" and "January 1": a day), counted in a common year unless one of
    them is February 29."""
    year = _LEAP_YEAR if (2, 29) in (a, b) else _LEAP_YEAR + 1
    length = 366 if year == _LEAP_YEAR else 365
    gap = abs((date(year, *a) - date(year, *b)).days)
    return min(gap, length - gap)


def day_name(month_day: tuple[int, int]) -> str:
    """"September 14" for (9, 14)."""
    return f"{calendar.month_name[month_day[0]]} {month_day[1]}"


def weekday_name(day: int) -> str:
    """"Wednesday" for 2."""
    return calendar.day_name[day]


def year_assumed(expr: TimeExpression, text: str = "") -> bool:
    """Whether the expression's year was only assumed: it names a month ("March 2", "the
    2nd of March", "last March") but no year, and was read in a year taken from its
    article's date, a year ``text`` (its claim's words) does not name either. A day
    counted from the publication ("on Monday", "yesterday") is not assumed: the date
    of publication is what it means; nor is a year written in the claim ("In 2008, on
    March 2")."""
    span = expr.interval()
    words = expr.text
    if span is None or _YEAR.search(words) or not _MONTH_NAME.search(words):
        return False
    written = {int(year.group(0)) for year in _YEAR.finditer(text)}
    return not written & set(range(span[0].year, span[1].year + 1))


def in_year(span: tuple[date, date], year: int) -> tuple[date, date] | None:
    """``span`` moved to start in ``year`` (None when a February 29 has no such day)."""
    shift = year - span[0].year
    try:
        return (span[0].replace(year=span[0].year + shift),
                span[1].replace(year=span[1].year + shift))
    except ValueError:
        return None


def precision(span: tuple[date, date]) -> str | None:
    """The calendar unit a resolved span is exactly: "day", "month" or "year"; None for
    anything else (a week, a season, "early 2012", several years)."""
    first, last = span
    if first == last:
        return "day"
    if first.day == 1 and (first.year, first.month) == (last.year, last.month) \
            and last.day == calendar.monthrange(last.year, last.month)[1]:
        return "month"
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) \
            and first.year == last.year:
        return "year"
    return None


def unit_label(span: tuple[date, date], unit: str) -> str:
    """The span as its unit says it: "1979", "January 2013", "June 25, 2013"."""
    first = span[0]
    if unit == "year":
        return str(first.year)
    if unit == "month":
        return f"{calendar.month_name[first.month]} {first.year}"
    return f"{calendar.month_name[first.month]} {first.day}, {first.year}"


_UNITS = ("day", "month", "year")


def apart_in_units(x: tuple[date, date], y: tuple[date, date]) -> str | None:
    """How far apart two disjoint spans are, in the coarser unit either is given in,
    each said in its own: "1979 vs 1978: a year apart", "January 2013 vs 2012: a year
    apart", "March 2012 vs May 2012: 2 months apart"; None when either is no whole
    day, month or year, or both are days (a count of days says it then)."""
    px, py = precision(x), precision(y)
    if px is None or py is None or px == py == "day":
        return None
    unit = max(px, py, key=_UNITS.index)
    if unit == "year":
        count = abs(x[0].year - y[0].year)
    else:
        count = abs((x[0].year - y[0].year) * 12 + x[0].month - y[0].month)
    if count == 0:
        return None
    amount = f"a {unit}" if count == 1 else f"{count} {unit}s"
    return f"{unit_label(x, px)} vs {unit_label(y, py)}: {amount} apart"


def is_range(expr: TimeExpression) -> bool:
    """Whether the expression is a range between two dates it names ("from 1967 to
    1979", "1966-1978", "March 2009 to May 2012"), resolved."""
    return expr.kind == "interval" and expr.interval() is not None \
        and _names_a_span(expr.text) and bool(_DIGIT.search(expr.text))


def _end_unit(day: date, first: bool) -> str:
    """The unit a range's end is given in: a year when it falls on the year's first
    (``first``) or last day, a month on the month's, else a day."""
    if (day.month, day.day) == ((1, 1) if first else (12, 31)):
        return "year"
    if day.day == (1 if first else calendar.monthrange(day.year, day.month)[1]):
        return "month"
    return "day"


def _end_label(day: date, unit: str) -> str:
    return unit_label((day, day), unit)


def range_difference(x: tuple[date, date], y: tuple[date, date]) -> str:
    """How two ranges' ends differ, each said in the unit it is given in: "from 1967 vs
    1966 (a year apart), to 1979 vs 1978 (a year apart)"."""
    said = []
    for word, first, a, b in (("from", True, x[0], y[0]), ("to", False, x[1], y[1])):
        if a == b:
            continue
        unit = max(_end_unit(a, first), _end_unit(b, first), key=_UNITS.index)
        if unit == "year":
            count = abs(a.year - b.year)
        elif unit == "month":
            count = abs((a.year - b.year) * 12 + a.month - b.month)
        else:
            count = abs((a - b).days)
        amount = f"a {unit}" if count == 1 else f"{count} {unit}s"
        said.append(f"{word} {_end_label(a, unit)} vs {_end_label(b, unit)} ({amount} apart)")
    return ", ".join(said)


#: A span at least this long (days) is a month, season or year rather than a day.
_COARSE_DAYS = 28


def _deictic(expr: TimeExpression) -> bool:
    """Whether the expression is read only from the publication date ("on Monday",
    "yesterday", "last week"): it names no month and no year in its words."""
    words = expr.text
    return (not _YEAR.search(words) and not _MONTH_NAME.search(words)
            and not _DIGIT.search(words))


def _coarse(expr: TimeExpression) -> bool:
    """Whether the expression names a month or longer ("2008", "March 2008")."""
    span = expr.interval()
    return span is not None and (span[1] - span[0]).days + 1 >= _COARSE_DAYS


def same_time_slot(a: TimeExpression, b: TimeExpression) -> bool:
    """Whether two claims' time expressions can be the same slot of one event.

    A day counted from the publication ("In an interview on Monday") times the
    reporting, while a month or year given in words ("at a 2008 event") times the
    background event: NYT's interview "on Monday" and Fox News's "2008 event" are the
    times of two events, not two dates of one, so they are never a date conflict. Two
    days ("Wednesday" / "Thursday"), or two explicit dates, stay comparable, and so does
    a month or year counted from the publication against one given in words: "left
    last year" in a 2012 article and "left in 2011" are two years for one departure."""
    return not ((_day_counted(a) and _coarse(b) and not _deictic(b))
                or (_day_counted(b) and _coarse(a) and not _deictic(a)))


def counted_from_publication(expr: TimeExpression) -> bool:
    """Whether the expression is read only from the publication date ("last year",
    "on Monday"): it names no month, year or number in its words."""
    return _deictic(expr)


def _day_counted(expr: TimeExpression) -> bool:
    """Whether the expression is a day or days counted from the publication ("on
    Monday", "last week"), not a month or year ("last year", "earlier this month")."""
    return _deictic(expr) and not _coarse(expr)
