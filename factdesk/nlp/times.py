"""Finding time expressions in a claim and resolving them against the article date.

Candidates are spaCy DATE/TIME entities plus rules for what the small model misses
(weekday names, ISO dates, "5 days *after recapture*", "*since* 2014"). Each is
classified as a date, an interval, a duration or a relative offset, and resolved to
ISO dates with rules (weekdays, months, "last week") and dateparser (RELATIVE_BASE =
the article date, PREFER_DATES_FROM = past) when a reference date is known; a weekday or
a day without a year whose sentence tells of what is to come ("the special election will
be held June 25", :mod:`factdesk.nlp.future_tense`) is read ahead instead. A
range ("from 1967 to 1979", "1967-79") is one interval from its first end's first day to
its last end's last day; "earlier this month" is the article's month, as "this month".

Reading never raises: an expression whose date falls outside what a calendar date can
hold (years 1-9999: "2,500 years ago" in 2019, "44 BC", "in 20,000 years") keeps its kind
and stays unresolved, and anything unforeseen in one expression leaves that expression
unresolved (logged), never the article unanalysed.
"""

from __future__ import annotations

import calendar
import functools
import logging
import math
import re
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from factdesk.nlp.doc_view import DocView
from factdesk.nlp.future_tense import day_to_come
from factdesk.nlp.quantities import parse_number
from factdesk.nlp.time_actions import time_action, time_actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

log = logging.getLogger(__name__)

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
_UNIT_RE = (r"(minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|"
            r"century|centuries)")
_NUM_RE = r"((?:an?|the|\d[\d,.]*|[a-z]+(?:-[a-z]+)?)(?: [a-z]+)*?)"
_AGO = re.compile(rf"^(?:(.*?) )?{_UNIT_RE} ago$")
_OFFSET = re.compile(rf"^(?:(.*?) )?{_UNIT_RE} (after|before|later|earlier)(?: (.+))?$")
_WINDOW = re.compile(rf"^(?:over |in |during |for )?(?:the )?(past|last|previous|recent|coming|next)"
                     rf"(?: (.*?))? {_UNIT_RE}$")
_RECENT = re.compile(rf"^(?:in )?recent {_UNIT_RE}$")
_CALENDAR = re.compile(r"^(?:(?:earlier|later) (?=this (?:month|year)))?(last|this|next|previous) "
                       r"(week|month|year)$")
#: A range of two dates: "1967 to 1979", "from 1967 until 1979", "1967-79".
_RANGE = re.compile(r"(?:from |between )?(.+?)(?: (?:to|until|through|thru|and) |\s*[-\u2013\u2014]\s*)"
                    r"(.+)")
_PART = re.compile(r"^(?:the )?(beginning|start|end|middle|early|mid|late)(?: of)?[ -](.+)$")
_CLOCK = re.compile(r"^(?:about |around )?\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|h|gmt|"
                    r"local time| )*$")
PARTS_OF_DAY = {"morning", "afternoon", "evening", "night", "noon", "midnight", "dawn", "dusk"}
_DIGIT = re.compile(r"\d")
_LEAD_WORDS = PREFIXES | {
    "the", "past", "nearly", "almost", "about", "around", "some", "over", "more", "than",
    "less", "fewer", "at", "least", "up", "to", "roughly", "just", "only", "a", "an",
    "another", "recent", "first", "beginning", "end", "middle", "of", "start", "few",
    "several", "couple", "-", ",", "previous", "coming", "following", "ago", "later",
    "earlier", "st", "nd", "rd", "th", "a.m", "p.m", "am", "pm", "local", "time",
}
_ISO = re.compile(r"(?=\d)\b(\d{4})-(\d{2})-(\d{2})\b")  # (?=\d) lets re skip ahead
_YEAR = re.compile(r"^(1[6-9]\d\d|20\d\d)$")
_DECADE = re.compile(r"^(?:the )?(1[6-9]\d0|20\d0)s$")
_TIME_WORDS = re.compile(
    r"\b(\d+|today|tonight|yesterday|tomorrow|morning|evening|night|afternoon|noon|"
    r"week|weeks|month|months|year|years|day|days|hour|hours|decade|decades|century|"
    r"spring|summer|autumn|fall|winter|recent|ago|"
    + "|".join(sorted(set(WEEKDAYS) | set(MONTHS), key=len, reverse=True)) + r")\b"
)


@dataclass(frozen=True)
class TimeExpression:
    """A time expression with its kind and, when resolvable, ISO start/end dates.

    ``offset_days`` is the signed offset a relative expression states ("four days ago"
    -> -4; "5 days after recapture" -> +5 from ``anchor``); for a duration it is the
    length in days ("nearly six months" -> 180), for dates and intervals None.
    ``action`` is the lemma of the predicate the expression times ("documents released
    on Friday" -> release; :func:`~factdesk.nlp.time_actions.time_action`); ``""``
    (:data:`~factdesk.nlp.time_actions.NO_ACTION`) when read but the words name none
    ("Obama was in Chicago on Friday"); None when not read (no parse, or a claim
    analysed before actions were kept). ``actor`` is the name of who does it, when the
    parse gives the verb a proper-name subject ("The Senate passed the bill on
    Thursday" -> "Senate"; :func:`~factdesk.nlp.time_actions.time_actor`), else None.
    """

    text: str
    start: int
    end: int
    kind: str
    resolved_start: str | None = None
    resolved_end: str | None = None
    anchor: str | None = None
    offset_days: int | None = None
    action: str | None = None
    actor: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The fields by name, in order (``dataclasses.asdict``, without its deep copy
        of values that are all immutable)."""
        return {name: getattr(self, name) for name in _TIME_FIELDS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimeExpression:
        offset = data.get("offset_days")
        return cls(
            text=str(data["text"]),
            start=int(data["start"]),
            end=int(data["end"]),
            kind=str(data["kind"]),
            resolved_start=data.get("resolved_start"),
            resolved_end=data.get("resolved_end"),
            anchor=data.get("anchor"),
            offset_days=None if offset is None else int(offset),
            action=None if data.get("action") is None else str(data["action"]),
            actor=None if data.get("actor") is None else str(data["actor"]),
        )

    def interval(self) -> tuple[date, date] | None:
        """The resolved (first day, last day), or None when unresolved or open."""
        if not self.resolved_start:
            return None
        first = date.fromisoformat(self.resolved_start)
        last = date.fromisoformat(self.resolved_end) if self.resolved_end else first
        return first, last


_TIME_FIELDS = tuple(f.name for f in fields(TimeExpression))


@dataclass(frozen=True)
class _Reading:
    kind: str
    first: date | None = None
    last: date | None = None
    anchor: str | None = None
    offset: int | None = None


def _iso(value: date | None) -> str | None:
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


def _shift(day: date | None, days: int | None) -> date | None:
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
        return _shift(ref, (day - ref.weekday()) % 7 or 7)
    back = (ref.weekday() - day) % 7
    if modifier == "last" and back == 0:
        back = 7
    return _shift(ref, -back)


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


def classify(text: str, ref: date | None) -> _Reading | None:
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
        return _Reading("date")


def _classify(text: str, ref: date | None) -> _Reading | None:
    t = re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip(" ,.")
    t = re.sub(r"^(?:on|in|at|by|during|of) ", "", t)
    since = t.startswith("since ")
    if since:
        inner = _classify(t[6:], ref)
        if inner is None:
            return None
        first = inner.first
        if first is None or ref is None or first > ref:  # "since 2030" in a 2019 article
            return _Reading("interval")
        return _Reading("interval", first, ref)
    if t.startswith("until "):
        t = t[6:]
    if t in {"today", "tonight", "this morning", "this afternoon", "this evening"}:
        return _Reading("relative", ref, ref, offset=0)
    if t in {"yesterday", "last night"}:
        day = _shift(ref, -1)
        return _Reading("relative", day, day, offset=-1)
    if t == "tomorrow":
        day = _shift(ref, 1)
        return _Reading("relative", day, day, offset=1)
    if m := _AGO.match(t):
        days = _days(_count(m.group(1), m.group(2)), m.group(2))
        day = _shift(ref, None if days is None else -days)
        return _Reading("relative", day, day, offset=None if days is None else -days)
    if m := _OFFSET.match(t):
        days = _days(_count(m.group(1), m.group(2)), m.group(2))
        sign = 1 if m.group(3) in {"after", "later"} else -1
        offset = None if days is None else sign * days
        anchor = m.group(4)
        if anchor:
            anchor = re.sub(r"^(?:the|a|an|its|their|his|her) ", "", anchor)
            base = _classify(anchor, ref)
            if base and base.kind == "date" and base.first and offset is not None:
                day = _shift(base.first, offset)
                return _Reading("date", day, day, anchor=anchor, offset=offset)
        return _Reading("relative", anchor=anchor or "earlier event", offset=offset)
    if m := _CALENDAR.match(t):
        return _calendar(m.group(1), m.group(2), ref)
    if m := _RECENT.match(t):
        unit = m.group(1).removesuffix("s")
        days = {"hour": 1, "day": 7, "week": 28, "month": 182, "year": 1095}.get(unit, 7)
        return _Reading("interval", _shift(ref, -days), ref)
    if m := _WINDOW.match(t):
        count = _count(m.group(2)) if m.group(2) else 1.0
        days = _days(count, m.group(3))
        if days is None:
            days = _days(3.0, m.group(3))
        if m.group(1) in {"coming", "next"}:
            last = _shift(ref, days or 1)
            return _Reading("interval", ref if last else None, last)
        first = _shift(ref, -max(days or 1, 1))
        return _Reading("interval", first, ref if first else None)
    if _CLOCK.match(t) or t in PARTS_OF_DAY:
        return _Reading("date") if _CLOCK.match(t) else None
    words = t.split()
    modifier = words[0] if words and words[0] in PREFIXES else None
    rest = [w for w in words if w not in PREFIXES]
    days_named = [w for w in rest if w.rstrip(".") in WEEKDAYS]
    if days_named and len(rest) <= 2:
        if ref is None:
            return _Reading("date")
        day = _weekday(WEEKDAYS[days_named[0].rstrip(".")], ref, modifier)
        return _Reading("date", day, day)
    if _BC.search(t):  # a year or century before the common era: no calendar date
        return _Reading("interval")
    if m := _PART.match(t):
        base = _classify(m.group(2), ref)
        if base and base.first and base.last and base.kind == "interval":
            first, last = _part(m.group(1), base.first, base.last)
            return _Reading("interval", first, last)
        return _Reading("interval") if base else None
    if len(rest) == 1 and rest[0].rstrip(".") in MONTHS:
        month = MONTHS[rest[0].rstrip(".")]
        year = _recent_month(month, ref) if ref is not None else 0
        if ref is not None and modifier == "last" and month == ref.month and year == ref.year:
            year -= 1
        if not date.min.year <= year <= date.max.year:
            return _Reading("interval")
        first, last = _month_interval(year, month)
        return _Reading("interval", first, last)
    if _YEAR.match(t):
        return _Reading("interval", *(_year_interval(int(t)) or ()))
    if m := _DECADE.match(t):
        year = int(m.group(1))
        return _Reading("interval", *(_year_interval(year, year + 9) or ()))
    if m := _ISO.fullmatch(t):
        try:
            day: date | None = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:  # "2019-13-45", "0000-01-01": looks like a date, is none
            day = None
        return _Reading("date", day, day)
    if (m := _RANGE.fullmatch(t)) and (both := _range(m.group(1), m.group(2), ref)):
        return _Reading("interval", *both)
    if m := re.fullmatch(rf"(.*?) {_UNIT_RE}(?: long)?", t):
        return _Reading("duration", offset=_days(_count(m.group(1), m.group(2)), m.group(2)))
    if not _TIME_WORDS.search(t):
        return None
    try:
        resolved = _dateparser(t, ref)
    except (OverflowError, ValueError, ArithmeticError):  # dateparser's own date limits
        resolved = None
    if resolved is None:
        return _Reading("date")
    first, last = resolved
    return _Reading("date" if first == last else "interval", first, last)


def _range(left: str, right: str, ref: date | None) -> tuple[date, date] | None:
    """(first, last) day of the range from ``left`` to ``right`` ("1967" to "1979",
    "March 2009" to "May 2012", "1967" to "79"), when both ends are dates read to a day,
    month or year, in order; None otherwise."""
    if re.fullmatch(r"\d\d", right) and _YEAR.match(left):
        right = left[:2] + right  # "1967-79"
    start, end = _classify(left, ref), _classify(right, ref)
    if start is None or end is None or {start.kind, end.kind} - {"date", "interval"} \
            or start.first is None or end.last is None or start.first > end.last:
        return None
    return start.first, end.last


def _calendar(which: str, unit: str, ref: date | None) -> _Reading:
    if ref is None:
        return _Reading("interval")
    step = {"last": -1, "previous": -1, "this": 0, "next": 1}[which]
    if unit == "week":
        monday = _shift(ref, 7 * step - ref.weekday())
        sunday = _shift(monday, 6)
        if monday is None or sunday is None:
            return _Reading("interval")
        return _Reading("interval", monday, min(sunday, ref) if step == 0 else sunday)
    if unit == "month":
        month_index = ref.year * 12 + ref.month - 1 + step
        if not date.min.year <= month_index // 12 <= date.max.year:
            return _Reading("interval")
        first, last = _month_interval(month_index // 12, month_index % 12 + 1)
        return _Reading("interval", first, last)
    return _Reading("interval", *(_year_interval(ref.year + step) or ()))


#: Words between the two ends of a range ("1967 to 1979", "between 1967 and 1979").
_RANGE_WORDS = frozenset({"to", "until", "through", "thru", "and", "-", "\u2013", "\u2014"})
_RANGE_OPENERS = frozenset({"from", "between"})


def _joins_a_range(doc: Doc, first: int, second: int) -> bool:
    """Whether one word at ``second - 1`` joins the time starting at ``first`` to the one
    at ``second`` as a range: "*from* 1967 *to* 1979", "*between* 1967 *and* 1979", a
    dash ("1967–1979")."""
    if second < 2 or first < 1:
        return False
    joint = doc[second - 1].lower_
    if joint not in _RANGE_WORDS or doc[second - 2].i < first:
        return False
    return joint in {"-", "\u2013", "\u2014"} or doc[first - 1].lower_ in _RANGE_OPENERS


def _is_age(ent: Span) -> bool:
    text = ent.text.strip()
    return text.isdigit() and len(text) < 4 or "-year-old" in text or "years old" in text


def _is_calendar_name(low: str) -> bool:
    """Could a token of this lower-case form be a weekday or month name outside the
    entities? (Only such tokens are read by :func:`extract_times`.)"""
    word = low.rstrip(".")
    return len(word) > 3 and (word in WEEKDAYS or word in MONTHS)


def extract_times(
    span: Span | Doc, reference_date: date | None = None, *, view: DocView | None = None
) -> list[TimeExpression]:
    """Every time expression in ``span``, resolved against ``reference_date`` if given.

    ``view`` (of ``span``'s document) saves re-reading the document for each span.
    """
    doc: Doc = getattr(span, "doc", span)
    if view is None or view.doc is not doc:
        view = DocView(doc)
    text = view.text
    lo_tok = getattr(span, "start", 0)
    hi_tok = getattr(span, "end", len(doc))
    lo_char = doc[lo_tok].idx if lo_tok < len(doc) else len(text)
    hi_char = doc[hi_tok - 1].idx + len(doc[hi_tok - 1]) if hi_tok > 0 else 0
    ranges: list[tuple[int, int]] = []  # token ranges
    iso_chars: list[tuple[int, int]] = []
    for m in _ISO.finditer(text, lo_char, hi_char):
        iso_chars.append((m.start(), m.end()))
    for ent in view.ents_within(lo_tok, hi_tok):
        if ent.label_ not in {"DATE", "TIME"}:
            continue
        if _is_age(ent) or any(a < ent.end_char and ent.start_char < b for a, b in iso_chars):
            continue
        ranges.append((ent.start, ent.end))
    taken = {i for a, b in ranges for i in range(a, b)}
    for i in view.tokens_where(_is_calendar_name, lo_tok, hi_tok):
        tok = doc[i]
        word = tok.lower_.rstrip(".")
        if tok.i in taken or not (word in WEEKDAYS and len(word) > 3 or word in MONTHS
                                  and len(word) > 3 and tok.pos_ == "PROPN"):
            continue
        if any(a <= tok.idx < b for a, b in iso_chars):
            continue
        ranges.append((tok.i, tok.i + 1))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(ranges):  # "Tuesday" + "night" -> one expression
        if merged and (merged[-1][1] == a or _joins_a_range(doc, merged[-1][0], a)):
            merged[-1] = (merged[-1][0], b)  # "from 1967" + "to" + "1979": one range
        else:
            merged.append((a, b))
    found: list[TimeExpression] = []
    for a, b in merged:
        expr = _expression(doc, text, a, b, hi_tok, reference_date)
        if expr is not None and not (found and expr.start < found[-1].end):
            found.append(expr)
    for start, end in iso_chars:
        reading = classify(text[start:end], reference_date)
        if reading is not None:
            tokens = doc.char_span(start, end, alignment_mode="expand")
            action, actor = (time_action(doc, tokens.start, tokens.end),
                             time_actor(doc, tokens.start, tokens.end)) \
                if tokens is not None else (None, None)
            found.append(TimeExpression(text[start:end], start, end, reading.kind,
                                        _iso(reading.first), _iso(reading.last),
                                        action=action, actor=actor))
    found.sort(key=lambda e: e.start)
    return _after_a_later_day(found, text)


def _after_a_later_day(found: list[TimeExpression], text: str) -> list[TimeExpression]:
    """A bare weekday read in the past a week before the day it is said to come after
    ("in critical condition on Thursday after a lone gunman opened fire Wednesday
    morning", in Wednesday's paper: not the Thursday before) is the one after it."""
    out = list(found)
    for n, first in enumerate(found):
        if first.kind != "date" or not first.resolved_start or not _bare_weekday(first.text):
            continue
        between = text[first.end:]
        if not re.match(r"^\W*(?:after|since)\b", between, re.IGNORECASE):
            continue
        later = next((e for e in found[n + 1:] if e.kind == "date" and e.resolved_start
                      and _bare_weekday(e.text)), None)
        if later is None or later.resolved_start is None:
            continue
        day, then = date.fromisoformat(first.resolved_start), date.fromisoformat(
            later.resolved_start)
        if 0 < (then - day).days < 7:
            moved = _iso(_shift(day, 7))
            out[n] = replace(first, resolved_start=moved, resolved_end=moved)
    return out


def _expression(
    doc: Doc, doc_text: str, a: int, b: int, limit: int, ref: date | None
) -> TimeExpression | None:
    """Extend an entity with the words that change its meaning, then classify it."""
    # drop words the model wrongly swept in ("the city 5 days" -> "5 days")
    for i in range(b - 1, a - 1, -1):
        word = doc[i].lower_.rstrip(".")
        if not (doc[i].like_num or word in _LEAD_WORDS or word in WEEKDAYS or word in MONTHS
                or _DIGIT.search(word) or _TIME_WORDS.fullmatch(word)
                or (word in _RANGE_WORDS and i > a and _DIGIT.search(doc[i - 1].text))):
            a = i + 1
            break
    if a >= b:
        return None
    # prefix words: "since 2014", "early Thursday", "last week"
    while a > 0 and doc[a - 1].lower_ in PREFIXES - {"until"}:
        a -= 1
    # a range's end the model left out: "from 1967 to 1979" with only "1967" tagged
    if b + 1 < limit and _YEAR.match(doc[b + 1].text) and _joins_a_range(doc, a, b + 1):
        b += 2
    # suffix: "ago", or "after <event>" for a bare duration
    if b < limit and doc[b].lower_ == "ago":
        b += 1
    elif b < limit and doc[b].lower_ in {"after", "before"} and re.search(
            r"(?<![a-z])" + _UNIT_RE + r"$", doc[a:b].text.lower()):
        # a count of units ("5 days after recapture"), not a name ending in one
        # ("Thursday after a long search": the clause after it is no anchor)
        b = min(_anchor_end(doc, b), limit)
    start_char = doc[a].idx
    end_char = doc[b - 1].idx + len(doc[b - 1].text)
    text = doc_text[start_char:end_char]
    reading = classify(text, ref)
    if reading is None:
        return None
    if ref is not None and reading.kind == "date" and reading.first is not None \
            and reading.first < ref:
        # "could use a public event as soon as Wednesday" in Monday's paper: the coming
        # Wednesday; "the special election will be held June 25" in January: this June
        ahead = day_to_come(doc, a, b, text, reading.first, ref,
                            bare_weekday=_bare_weekday(text))
        if ahead is not None:
            reading = _Reading("date", ahead, ahead)
    anchor = reading.anchor
    if anchor:  # give the anchor back its original case
        where = text.lower().rfind(anchor)
        anchor = text[where:where + len(anchor)] if where >= 0 else anchor
    return TimeExpression(text, start_char, end_char, reading.kind, _iso(reading.first),
                          _iso(reading.last), anchor, reading.offset,
                          time_action(doc, a, b), time_actor(doc, a, b))


def _bare_weekday(text: str) -> bool:
    """Whether the expression is a weekday alone, perhaps with a part of the day
    ("Wednesday", "Thursday night"): no "last" or "next" to say which."""
    words = text.lower().rstrip(".").split()
    return bool(words) and words[0].rstrip(".") in WEEKDAYS and all(
        w in PARTS_OF_DAY or _CLOCK.match(w) for w in words[1:])


def _anchor_end(doc: Doc, prep_i: int) -> int:
    """End token of the event phrase after "after"/"before" ("recapture", "the invasion")."""
    prep = doc[prep_i]
    obj = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
    if obj is None and prep.dep_ == "mark" and prep.head.i > prep_i:
        obj = prep.head  # "after the invasion began", parsed as a clause marker
    if obj is None:
        return prep_i + 2
    if obj.pos_ in {"VERB", "AUX"}:  # "after the invasion began": the subject is the event
        subj = next((c for c in obj.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        return (subj.i if subj is not None else obj.i) + 1
    stop = obj.i + 1
    for right in obj.rights:
        if right.dep_ in {"relcl", "acl", "punct", "cc", "conj", "appos", "advcl"}:
            break
        stop = right.right_edge.i + 1
    for i in range(prep_i + 1, stop):  # never across a line break or sentence
        tok = doc[i]
        if tok.is_space or (i > prep_i + 1 and tok.is_sent_start) or (
                tok.is_punct and tok.text not in {"'", "’", "-"}):
            return i
    return stop
