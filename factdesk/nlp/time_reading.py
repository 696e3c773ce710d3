"""Reading one time expression's words against the article's date: its kind and its days.

:func:`classify` reads "four days ago", "last week", "5 days after recapture", "since
2014", "1967-79", a weekday, a month, a year or an ISO date as a date, an interval, a
duration or a relative offset, resolved to days with rules and, for free-form dates,
dateparser (RELATIVE_BASE = the article date, PREFER_DATES_FROM = past). Finding the
expressions in a parsed claim is :mod:`factdesk.nlp.times`' part.

Reading never raises: an expression whose date falls outside what a calendar date can
hold (years 1-9999) keeps its kind and stays unresolved, and anything unforeseen leaves
that expression unresolved (logged), never the article unanalysed.
"""

from __future__ import annotations

import calendar
import functools
import logging
import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from factdesk.nlp.quantities import parse_number

# the logger the times had before this module was split from them (bench/fuzz_inputs.py
# counts its warnings)
log = logging.getLogger("factdesk.nlp.times")

KINDS: tuple[str, ...] = ("date", "interval", "duration", "relative")

WEEKDAYS = {name: i for i, name in enumerate(calendar.day_name[i].lower() for i in range(7))}
WEEKDAYS.update({name[:3]: i for name, i in list(WEEKDAYS.items())})
MONTHS = {calendar.month_name[i].lower(): i for i in range(1, 13)}
MONTHS.update({calendar.month_abbr[i].lower(): i for i in range(1, 13)})
MONTHS["sept"] = 9
UNIT_DAYS: dict[str, float] = {
    "minute": 0.0, "hour": 1 / 24, "day": 1.0, "night": 1.0, "week": 7.0, "fortnight": 14.0,
    "month": 30.0, "year": 365.0, "decade": 3650.0, "century": 36500.0,
}
#: Offsets beyond this many days (~10,000 years) are kept as a count, never resolved.
MAX_OFFSET_DAYS = 3_660_000
_BC = re.compile(r"\b(?:b\.?c\.?e?\.?|bce)$")
VAGUE_COUNT = {"a few", "few", "several", "some", "many", "couple", "a couple of"}
PREFIXES = {"since", "early", "late", "last", "this", "next", "mid", "until"}
UNIT_RE = (r"(minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|"
            r"century|centuries)")
_NUM_RE = r"((?:an?|the|\d[\d,.]*|[a-z]+(?:-[a-z]+)?)(?: [a-z]+)*?)"
_AGO = re.compile(rf"^(?:(.*?) )?{UNIT_RE} ago$")
_OFFSET = re.compile(rf"^(?:(.*?) )?{UNIT_RE} (after|before|later|earlier)(?: (.+))?$")
_WINDOW = re.compile(rf"^(?:over |in |during |for )?(?:the )?(past|last|previous|recent|coming|next)"
                     rf"(?: (.*?))? {UNIT_RE}$")
_RECENT = re.compile(rf"^(?:in )?recent {UNIT_RE}$")
_CALENDAR = re.compile(r"^(?:(?:earlier|later) (?=this (?:month|year)))?(last|this|next|previous) "
                       r"(week|month|year)$")
#: A range of two dates: "1967 to 1979", "from 1967 until 1979", "1967-79".
_RANGE = re.compile(r"(?:from |between )?(.+?)(?: (?:to|until|through|thru|and) |\s*[-\u2013\u2014]\s*)"
                    r"(.+)")
_PART = re.compile(r"^(?:the )?(beginning|start|end|middle|early|mid|late)(?: of)?[ -](.+)$")
CLOCK = re.compile(r"^(?:about |around )?\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|h|gmt|"
                   r"local time| )*$")
PARTS_OF_DAY = {"morning", "afternoon", "evening", "night", "noon", "midnight", "dawn", "dusk"}
ISO_DATE = re.compile(r"(?=\d)\b(\d{4})-(\d{2})-(\d{2})\b")  # (?=\d) lets re skip ahead
YEAR = re.compile(r"^(1[6-9]\d\d|20\d\d)$")
_DECADE = re.compile(r"^(?:the )?(1[6-9]\d0|20\d0)s$")
TIME_WORDS = re.compile(
    r"\b(\d+|today|tonight|yesterday|tomorrow|morning|evening|night|afternoon|noon|"
    r"week|weeks|month|months|year|years|day|days|hour|hours|decade|decades|century|"
    r"spring|summer|autumn|fall|winter|recent|ago|"
    + "|".join(sorted(set(WEEKDAYS) | set(MONTHS), key=len, reverse=True)) + r")\b"
)


@dataclass(frozen=True)
class Reading:
    """One expression as read: its kind, first and last day, what a relative one counts
    from and by how many days."""

    kind: str
    first: date | None = None
    last: date | None = None
    anchor: str | None = None
    offset: int | None = None


def iso_day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _count(words: str | None, unit: str = "") -> float | None:
    """The number in "four", "5", "a", "nearly six"; None for vague counts."""
    if not words:
        return None if unit.endswith("s") else 1.0
    words = re.sub(r"^(?:nearly|almost|about|around|some|roughly|over|more than|less than|"
                   r"fewer than|at least|up to|just|only|the|another|other)\s+", "", words)
    if not words or words in VAGUE_COUNT or words.split()[0] in {"few", "several", "many",
                                                                 "some", "couple"}:
        return None
    value = parse_number(words.split())
    return value if value is None or value >= 0 else None  # "-3 days": no count of days


def _days(count: float | None, unit: str) -> int | None:
    unit = "century" if unit == "centuries" else unit.removesuffix("s")
    if count is None or not math.isfinite(count):
        return None
    days = count * UNIT_DAYS.get(unit, 1.0)
    return int(round(days)) if abs(days) <= MAX_OFFSET_DAYS else None


def shift_day(day: date | None, days: int | None) -> date | None:
    """``day`` moved by ``days``, or None when either is unknown or the result falls
    outside the calendar (before 1 January of year 1 or after 9999)."""
    if day is None or days is None:
        return None
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def _year_interval(first_year: int, last_year: int | None = None) -> tuple[date, date] | None:
    """1 January of ``first_year`` to 31 December of ``last_year`` (default the same),
    or None outside years 1-9999."""
    last_year = first_year if last_year is None else last_year
    if not (date.min.year <= first_year <= last_year <= date.max.year):
        return None
    return date(first_year, 1, 1), date(last_year, 12, 31)


def _month_interval(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _recent_month(month: int, ref: date) -> int:
    """The year of the most recent such month on/before ``ref``."""
    return ref.year if month <= ref.month else ref.year - 1


def _weekday(day: int, ref: date, modifier: str | None) -> date | None:
    if modifier == "next":
        return shift_day(ref, (day - ref.weekday()) % 7 or 7)
    back = (ref.weekday() - day) % 7
    if modifier == "last" and back == 0:
        back = 7
    return shift_day(ref, -back)


def _part(part: str, first: date, last: date) -> tuple[date, date]:
    """early/mid/late part of an interval (thirds)."""
    span = (last - first).days + 1
    third = span // 3
    if part in {"beginning", "start", "early"}:
        return first, first + timedelta(days=third - 1)
    if part in {"middle", "mid"}:
        return first + timedelta(days=third), first + timedelta(days=2 * third - 1)
    return first + timedelta(days=2 * third), last


@functools.lru_cache(maxsize=64)
def _date_data_parser(ref: date | None) -> Any:
    """One dateparser parser per reference date (building one costs ~10 ms)."""
    # dateparser is slow to import; only relative and free-form dates need it
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if ref is not None:
        settings["RELATIVE_BASE"] = datetime(ref.year, ref.month, ref.day)
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser(text: str, ref: date | None) -> tuple[date, date] | None:
    """Resolve a calendar expression with dateparser; (start, end) by its period."""
    if ref is None and not re.search(r"\b\d{4}\b", text):
        return None  # a day without a year needs the article date
    data = _date_data_parser(ref).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    if data.period == "year":
        return _year_interval(day.year)
    if data.period == "month":
        return _month_interval(day.year, day.month)
    return day, day


def classify(text: str, ref: date | None) -> Reading | None:
    """Read one time expression; ``ref`` is the article date (may be None).

    Never raises: a reading that fails for a reason not foreseen below leaves the
    expression an unresolved date (and is logged), so one odd phrase never stops the
    analysis of its article.
    """
    try:
        return _classify(text, ref)
    except Exception:  # one expression must never stop an article
        log.warning("time expression %r (article date %s) not resolved", text, ref,
                    exc_info=True)
        return Reading("date")


def _classify(text: str, ref: date | None) -> Reading | None:
    t = re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip(" ,.")
    t = re.sub(r"^(?:on|in|at|by|during|of) ", "", t)
    since = t.startswith("since ")
    if since:
        inner = _classify(t[6:], ref)
        if inner is None:
            return None
        first = inner.first
        if first is None or ref is None or first > ref:  # "since 2030" in a 2019 article
            return Reading("interval")
        return Reading("interval", first, ref)
    if t.startswith("until "):
        t = t[6:]
    if t in {"today", "tonight", "this morning", "this afternoon", "this evening"}:
        return Reading("relative", ref, ref, offset=0)
    if t in {"yesterday", "last night"}:
        day = shift_day(ref, -1)
        return Reading("relative", day, day, offset=-1)
    if t == "tomorrow":
        day = shift_day(ref, 1)
        return Reading("relative", day, day, offset=1)
    if m := _AGO.match(t):
        days = _days(_count(m.group(1), m.group(2)), m.group(2))
        day = shift_day(ref, None if days is None else -days)
        return Reading("relative", day, day, offset=None if days is None else -days)
    if m := _OFFSET.match(t):
        days = _days(_count(m.group(1), m.group(2)), m.group(2))
        sign = 1 if m.group(3) in {"after", "later"} else -1
        offset = None if days is None else sign * days
        anchor = m.group(4)
        if anchor:
            anchor = re.sub(r"^(?:the|a|an|its|their|his|her) ", "", anchor)
            base = _classify(anchor, ref)
            if base and base.kind == "date" and base.first and offset is not None:
                day = shift_day(base.first, offset)
                return Reading("date", day, day, anchor=anchor, offset=offset)
        return Reading("relative", anchor=anchor or "earlier event", offset=offset)
    if m := _CALENDAR.match(t):
        return _calendar(m.group(1), m.group(2), ref)
    if m := _RECENT.match(t):
        unit = m.group(1).removesuffix("s")
        days = {"hour": 1, "day": 7, "week": 28, "month": 182, "year": 1095}.get(unit, 7)
        return Reading("interval", shift_day(ref, -days), ref)
    if m := _WINDOW.match(t):
        count = _count(m.group(2)) if m.group(2) else 1.0
        days = _days(count, m.group(3))
        if days is None:
            days = _days(3.0, m.group(3))
        if m.group(1) in {"coming", "next"}:
            last = shift_day(ref, days or 1)
            return Reading("interval", ref if last else None, last)
        first = shift_day(ref, -max(days or 1, 1))
        return Reading("interval", first, ref if first else None)
    if CLOCK.match(t) or t in PARTS_OF_DAY:
        return Reading("date") if CLOCK.match(t) else None
    words = t.split()
    modifier = words[0] if words and words[0] in PREFIXES else None
    rest = [w for w in words if w not in PREFIXES]
    days_named = [w for w in rest if w.rstrip(".") in WEEKDAYS]
    if days_named and len(rest) <= 2:
        if ref is None:
            return Reading("date")
        day = _weekday(WEEKDAYS[days_named[0].rstrip(".")], ref, modifier)
        return Reading("date", day, day)
    if _BC.search(t):  # a year or century before the common era: no calendar date
        return Reading("interval")
    if m := _PART.match(t):
        base = _classify(m.group(2), ref)
        if base and base.first and base.last and base.kind == "interval":
            first, last = _part(m.group(1), base.first, base.last)
            return Reading("interval", first, last)
        return Reading("interval") if base else None
    if len(rest) == 1 and rest[0].rstrip(".") in MONTHS:
        month = MONTHS[rest[0].rstrip(".")]
        year = _recent_month(month, ref) if ref is not None else 0
        if ref is not None and modifier == "last" and month == ref.month and year == ref.year:
            year -= 1
        if not date.min.year <= year <= date.max.year:
            return Reading("interval")
        first, last = _month_interval(year, month)
        return Reading("interval", first, last)
    if YEAR.match(t):
        return Reading("interval", *(_year_interval(int(t)) or ()))
    if m := _DECADE.match(t):
        year = int(m.group(1))
        return Reading("interval", *(_year_interval(year, year + 9) or ()))
    if m := ISO_DATE.fullmatch(t):
        try:
            day: date | None = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:  # "2019-13-45", "0000-01-01": looks like a date, is none
            day = None
        return Reading("date", day, day)
    if (m := _RANGE.fullmatch(t)) and (both := _range(m.group(1), m.group(2), ref)):
        return Reading("interval", *both)
    if m := re.fullmatch(rf"(.*?) {UNIT_RE}(?: long)?", t):
        return Reading("duration", offset=_days(_count(m.group(1), m.group(2)), m.group(2)))
    if not TIME_WORDS.search(t):
        return None
    try:
        resolved = _dateparser(t, ref)
    except (OverflowError, ValueError, ArithmeticError):  # dateparser's own date limits
        resolved = None
    if resolved is None:
        return Reading("date")
    first, last = resolved
    return Reading("date" if first == last else "interval", first, last)


def _range(left: str, right: str, ref: date | None) -> tuple[date, date] | None:
    """(first, last) day of the range from ``left`` to ``right`` ("1967" to "1979",
    "March 2009" to "May 2012", "1967" to "79"), when both ends are dates read to a day,
    month or year, in order; None otherwise."""
    if re.fullmatch(r"\d\d", right) and YEAR.match(left):
        right = left[:2] + right  # "1967-79"
    start, end = _classify(left, ref), _classify(right, ref)
    if start is None or end is None or {start.kind, end.kind} - {"date", "interval"} \
            or start.first is None or end.last is None or start.first > end.last:
        return None
    return start.first, end.last


def _calendar(which: str, unit: str, ref: date | None) -> Reading:
    if ref is None:
        return Reading("interval")
    step = {"last": -1, "previous": -1, "this": 0, "next": 1}[which]
    if unit == "week":
        monday = shift_day(ref, 7 * step - ref.weekday())
        sunday = shift_day(monday, 6)
        if monday is None or sunday is None:
            return Reading("interval")
        return Reading("interval", monday, min(sunday, ref) if step == 0 else sunday)
    if unit == "month":
        month_index = ref.year * 12 + ref.month - 1 + step
        if not date.min.year <= month_index // 12 <= date.max.year:
            return Reading("interval")
        first, last = _month_interval(month_index // 12, month_index % 12 + 1)
        return Reading("interval", first, last)
    return Reading("interval", *(_year_interval(ref.year + step) or ()))


#: Words between the two ends of a range ("1967 to 1979", "between 1967 and 1979").
