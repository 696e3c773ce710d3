"""Dates read without a year: the month and day, or the weekday, a date expression names.

An undated article's "September 14" or "Wednesday" cannot be resolved to a day
(:mod:`factdesk.nlp.times` reads them against the publication date), yet two claims
about one event that give "September 14" and "September 15, 2022", or "Wednesday" and
"Thursday", still disagree. This module reads what such an expression does say, from its
resolved day when it has one and from its words otherwise, so that
:mod:`factdesk.matching.discrepancies` can compare it.
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
#: A leap year, in which every (month, day) exists: days apart are counted in it.
_ANY_YEAR = 2000


def calendar_day(expr: TimeExpression) -> tuple[int, int] | None:
    """(month, day) the expression names: of its resolved day, or read from its words
    ("September 14", "14 Sept.", "the 14th of September") when it has no year; None for
    anything else (a range, a month alone, a year the reader could not resolve)."""
    span = expr.interval()
    if span is not None:
        first, last = span
        return (first.month, first.day) if first == last else None
    if expr.kind != "date" or _YEAR.search(expr.text):
        return None
    found = _DAY_MONTH.search(expr.text)
    if found:
        day, month = int(found.group(1)), MONTHS[found.group(2).lower()]
    else:
        found = _MONTH_DAY.search(expr.text)
        if not found:
            return None
        month, day = MONTHS[found.group(1).lower()], int(found.group(2))
    try:
        date(_ANY_YEAR, month, day)
    except ValueError:
        return None  # "February 31"
    return month, day


def weekday(expr: TimeExpression) -> int | None:
    """Weekday (Monday 0) the expression names: of its resolved day, or of the weekday
    name in its words ("Wednesday", "last Wed."); None otherwise."""
    span = expr.interval()
    if span is not None:
        first, last = span
        return first.weekday() if first == last else None
    if expr.kind != "date":
        return None
    found = _WEEKDAY.search(expr.text)
    return WEEKDAYS[found.group(1).lower()] if found else None


def calendar_days_apart(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two (month, day) in one year, the shorter way round the year end
    ("December 31" and "January 1": a day)."""
    gap = abs((date(_ANY_YEAR, *a) - date(_ANY_YEAR, *b)).days)
    return min(gap, 366 - gap)


def day_name(month_day: tuple[int, int]) -> str:
    """"September 14" for (9, 14)."""
    return f"{calendar.month_name[month_day[0]]} {month_day[1]}"


def weekday_name(day: int) -> str:
    """"Wednesday" for 2."""
    return calendar.day_name[day]
