"""How two matched claims' dates differ: resolved dates and intervals, days not
resolved to a year ("September 14", "Wednesday"), and relative day counts read as
offsets from the article's date ("four days ago" against "5 days after recapture").

The dates part of :func:`factdesk.matching.discrepancies.find_discrepancies`; every
difference is said in plain English with both outlets' words. Two days or dates
conflict only when they time one action (:func:`~factdesk.matching.timed_actions.same_action`:
"documents released on Friday" and "pleaded guilty Wednesday" date two actions); the
relative day counts, whose anchors say which event they count from, are compared by
their anchors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from factdesk.matching.partial_dates import (
    apart_in_units,
    calendar_day,
    calendar_days_apart,
    counted_from_publication,
    day_name,
    days_from,
    in_year,
    is_range,
    precision,
    range_difference,
    same_time_slot,
    weekday,
    weekday_name,
    year_assumed,
)
from factdesk.matching.timed_actions import REPORTING, acted, action_class, same_action
from factdesk.model.models import Discrepancy
from factdesk.nlp.name_folding import canonical_key

if TYPE_CHECKING:
    from factdesk.matching.discrepancies import ClaimFacts
    from factdesk.nlp.times import TimeExpression

ANCHOR_MIN = 80.0
#: A reporting verb, then at most four words that do not start a reported clause, just
#: before a date: the date says when something was said.
_WHEN_SAID = re.compile(
    r"\b(?:said|says|told|tells|wrote|writes|writing|announced|stated|tweeted|posted|"
    r"blasted|added|confirmed|argued|testified|responded|expressed|declared|insisted|"
    r"warned|celebrated|denounced)\b"
    r"(?:[\s,]+(?!(?:that|was|were|is|are|had|has|have|will|would|he|she|they|it)\b)"
    r"[\w'’-]+){0,4}[\s,]+(?:on\s+|late\s+|early\s+)?$", re.IGNORECASE)
#: The occasion a statement was made at, just before a date ("in a statement Wednesday
#: night", "at a news conference on Monday") or just after it ("In a Wednesday press
#: conference ..., Hutchinson said"): the date says when something was said.
_STATEMENT_NOUNS = (r"(?:press conference|news conference|press briefing|briefing|statement|"
                    r"interview|speech|tweet|post|letter|press release|radio address)")
_STATEMENT_BEFORE = re.compile(
    r"\b(?:in|at|during)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w'’-]+\s+)?"
    + _STATEMENT_NOUNS + r"[\s,]+(?:on\s+|late\s+|early\s+)?$", re.IGNORECASE)
_STATEMENT_AFTER = re.compile(r"^(?:\s+(?:morning|afternoon|evening|night))?\s+"
                              + _STATEMENT_NOUNS + r"\b", re.IGNORECASE)
_PUNCTUATION = re.compile(r"[^\w\s]")


def _in_article(expr: TimeExpression, facts: ClaimFacts) -> str:
    who = f"{facts.outlet}\u2019s " if facts.outlet else ""
    where = f" (article of {facts.article_date.isoformat()})" if facts.article_date else ""
    return f"{who}\u201c{expr.text}\u201d{where}"


def _means(expr: TimeExpression) -> str:
    span = expr.interval()
    if span is None:
        return "an unresolved date"
    first, last = span
    return first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"


def _timed(ea: TimeExpression, eb: TimeExpression) -> str:
    """What both expressions time, when known: " (both time “visit”)"."""
    if not ea.action or not eb.action:
        return ""
    if ea.action == eb.action:
        return f" (both time \u201c{ea.action}\u201d)"
    return f" (\u201c{ea.action}\u201d / \u201c{eb.action}\u201d, read as one action)"


def _gap(x: tuple[date, date], y: tuple[date, date]) -> int:
    """Days between two disjoint intervals."""
    return max((y[0] - x[1]).days, (x[0] - y[1]).days)


def is_when_said(expr: TimeExpression, facts: ClaimFacts) -> bool:
    """Whether the claim dates a statement with ``expr`` ("Goelman said in a statement
    Monday", "blasted the bureau on Monday", "writing Monday", "In a Wednesday press
    conference ..., Hutchinson said"), not what it reports ("said that Strzok was fired
    Friday")."""
    start = facts.text.find(expr.text)
    if start < 0:
        return False
    before = facts.text[max(0, start - 80):start]
    return _WHEN_SAID.search(before) is not None or _STATEMENT_BEFORE.search(before) \
        is not None or _STATEMENT_AFTER.match(facts.text[start + len(expr.text):]) is not None


def dates_the_saying(expr: TimeExpression, facts: ClaimFacts, *, words: bool = True) -> bool:
    """Whether ``expr`` says when something was said: by the parse, the time of a
    reporting verb ("On Monday, officials said the bridge collapsed"; one the parser
    hung on the reported clause while it stands outside it is the reporting verb's,
    :func:`factdesk.nlp.time_actions.time_action`); or by the words before or after it
    (:func:`is_when_said`), always with ``words``, else only when the parse was not
    read (its four-word reach also takes "said the bridge collapsed two days ago")."""
    if action_class(expr) == REPORTING:
        return True
    return is_when_said(expr, facts) if words or expr.action is None else False


def _dates_another_event(facts: ClaimFacts) -> bool:
    """Whether the claim also dates an event from another ("signed ... on Thursday, one
    day after refusing to sign an earlier version"): its one date is then one of two
    events' days, and which the other claim's date matches is not known."""
    return any(t.kind == "relative" and t.anchor for t in facts.times)


def _compare_absolute(a: ClaimFacts, b: ClaimFacts) -> list[Discrepancy]:
    ta, tb = a.absolute_times, b.absolute_times
    if len(ta) != 1 or len(tb) != 1 or _dates_another_event(a) or _dates_another_event(b):
        return []
    ea, eb = ta[0], tb[0]
    if not same_time_slot(ea, eb):
        return []  # e.g. an interview "on Monday" and a "2008 event": two events' times
    if dates_the_saying(ea, a) != dates_the_saying(eb, b):
        return []  # when a statement was made and when what it tells happened
    ia, ib = ea.interval(), eb.interval()
    assert ia is not None and ib is not None
    said = f"{_in_article(ea, a)} means {_means(ea)}; {_in_article(eb, b)} means {_means(eb)}"
    if ia != ib and is_range(ea) and is_range(eb):
        if not (acted(ea) and acted(eb) and same_action(ea, a, eb, b)):
            return []  # Fox's presidency "from 2000 to 2006", Calderón's "2006 to 2012"
        # "served from 1967 to 1979" / "held the seat from 1966 to 1978": two ranges
        # that overlap, yet disagree at their ends
        return [Discrepancy("date", "conflict", f"{said} — these disagree: "
                            f"{range_difference(ia, ib)}{_timed(ea, eb)}.", ea.text, eb.text)]
    if ia == ib:
        if ea.text.lower() == eb.text.lower():
            return []
        same = "span" if is_range(ea) or is_range(eb) else \
            {"year": "year", "month": "month"}.get(precision(ia) or "", "date")
        return [Discrepancy("date", "compatible", f"{said} — the same {same}.", ea.text,
                            eb.text)]
    if max(ia[0], ib[0]) <= min(ia[1], ib[1]):
        return [Discrepancy("date", "compatible", f"{said} — these overlap.", ea.text, eb.text)]
    assumed = _assumed_year(ea, a, eb, b)
    if assumed is not None:
        return assumed
    if not same_action(ea, a, eb, b):
        return []  # "documents released on Friday", "pleaded guilty Wednesday morning"
    days = _gap(ia, ib)
    if _same_weekday_named(ea, eb) and (ia[0] - ib[0]).days % 7 == 0:
        # "Monday evening" twice, read a week apart: which week a bare weekday means is
        # told by the tense ("is expected to disclose ... on Monday evening" against "he
        # asked members to join him ... Monday evening"), not a difference between outlets
        return []
    units = apart_in_units(ia, ib)  # "1979 vs 1978: a year apart", not "by a day"
    how = f"these disagree, {units}" if units else f"these disagree by {_days(days)}"
    return [Discrepancy("date", "conflict", f"{said} — {how}{_timed(ea, eb)}.",
                        ea.text, eb.text)]


_BARE_WEEKDAY = re.compile(r"^(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|"
                           r"saturday|sunday)\b", re.IGNORECASE)


def _same_weekday_named(ea: TimeExpression, eb: TimeExpression) -> bool:
    """Whether both expressions are the same weekday without "last", "next" or "this"."""
    ma, mb = _BARE_WEEKDAY.match(ea.text), _BARE_WEEKDAY.match(eb.text)
    return ma is not None and mb is not None and ma.group(1).lower() == mb.group(1).lower()


def _assumed_year(ea: TimeExpression, a: ClaimFacts, eb: TimeExpression, b: ClaimFacts
                  ) -> list[Discrepancy] | None:
    """What to say of two dates in different years when one's year was only assumed from
    its article's date (:func:`~factdesk.matching.partial_dates.year_assumed`): no
    conflict, as the two may be events a year apart ("the March 2 event", read as 2010,
    and "March 2008"); a compatible note when the yearless one, read in the other's year,
    agrees with it. None when both years were given (the dates then disagree)."""
    if year_assumed(ea, a.text):
        loose, facts, given, other = ea, a, eb, b
    elif year_assumed(eb, b.text):
        loose, facts, given, other = eb, b, ea, a
    else:
        return None
    span, fixed = loose.interval(), given.interval()
    assert span is not None and fixed is not None
    if fixed[0].year != fixed[1].year:
        return []  # "from 2000 to 2006" says nothing of the year of a "February"
    if counted_from_publication(given):
        # "last year" against "as recently as February": a writer meaning last year's
        # February says "last February"; read in its article's year, it is another year
        return []
    if {*range(span[0].year, span[1].year + 1)} & {*range(fixed[0].year, fixed[1].year + 1)}:
        return None  # the same year: the month or day disagrees whatever the year
    moved = in_year(span, fixed[0].year)
    if moved is None or max(moved[0], fixed[0]) > min(moved[1], fixed[1]):
        return []  # another month or day in another year: likely another event
    if year_assumed(given, other.text):
        said = (f"neither {_in_article(ea, a)} nor {_in_article(eb, b)} gives a year (each "
                "was read in its article's year); in one year, they agree")
    else:
        said = (f"{_in_article(loose, facts)} gives no year (read as {span[0].year} from "
                f"its article's date); in {fixed[0].year}, the year "
                f"{_in_article(given, other)} gives, they agree")
    return [Discrepancy("date", "compatible", f"{said}.", ea.text, eb.text)]


def _days(n: int) -> str:
    """A count of days as a reader says it: "a day", "5 days", and from two years on in
    years ("2,500 years ago" is 912,500 days, which no one can check at a glance)."""
    n = abs(n)
    if n == 1:
        return "a day"
    if n < 2 * 365:
        return f"{n} days"
    if n % 365 == 0:
        return f"{n // 365:,} years"
    return f"{n:,} days (about {round(n / 365.25):,} years)"


def _day_counts(x: int, y: int) -> str:
    """Two day counts side by side: "4 vs 5 days", or "2,500 years vs 2,400 years"."""
    x, y = abs(x), abs(y)
    if max(x, y) < 2 * 365:
        return f"{x} vs {y} days"
    return f"{_days(x)} vs {_days(y)}"


@dataclass(frozen=True)
class Offset:
    """A relative expression read as: event ``anchor`` happened ``gap`` days before
    the reference point (article date or the claim's own date), on ``event_date``."""

    expr: TimeExpression
    gap: int
    event_date: date | None
    base: date | None


def day_offsets(facts: ClaimFacts) -> tuple[Offset, ...]:
    """The claim's relative day counts, each read as an offset from a reference date."""
    return facts.offsets


def read_day_offsets(facts: ClaimFacts) -> list[Offset]:
    """Build the claim's offsets (:attr:`ClaimFacts.offsets` keeps them)."""
    found = []
    dates = [t for t in facts.times if t.kind == "date" and t.interval() and not t.anchor]
    own = dates[0].interval()[0] if len(dates) == 1 else None  # type: ignore[index]
    for expr in facts.times:
        if expr.kind != "relative" or not expr.offset_days:
            continue
        if expr.anchor and expr.anchor != "earlier event":
            base = own or facts.article_date  # the claim's event is "N days after <anchor>"
            gap = expr.offset_days
        elif expr.anchor is None:
            base = facts.article_date  # "N days ago": counted from publication
            gap = -expr.offset_days
        else:
            continue
        try:
            event = base - timedelta(days=gap) if base else None
        except OverflowError:  # "2,500 years ago" in 2019: before the calendar's year 1
            event = None
        found.append(Offset(expr, gap, event, base))
    return found


def _describe_offset(o: Offset, facts: ClaimFacts) -> str:
    text = _in_article(o.expr, facts)
    what = f"the {o.expr.anchor}" if o.expr.anchor else "the event"
    if o.event_date and o.base:
        return (f"{text} puts {what} on {o.event_date.isoformat()} "
                f"({_days(o.gap)} before {o.base.isoformat()})")
    since = "its own event" if o.expr.anchor else (
        f"publication on {o.base.isoformat()}" if o.base else
        "publication (the article is undated)")
    return f"{text} puts {what} {_days(o.gap)} {'before' if o.gap > 0 else 'after'} {since}"


def _compare_offsets(a: ClaimFacts, b: ClaimFacts) -> list[Discrepancy]:
    oa, ob = day_offsets(a), day_offsets(b)
    if not oa or not ob:
        return []
    x, y = oa[0], ob[0]
    if len(oa) > 1 or len(ob) > 1:  # several: pair the ones about the same event
        pairs = [(p, q) for p in oa for q in ob if same_anchor(p, q)
                 and _said_alike(p, a, q, b)]
        if not pairs:
            return []
        x, y = pairs[0]
    if not same_anchor(x, y):
        return []
    if not _said_alike(x, a, y, b):
        return []  # "said two days ago that the bridge collapsed": when it was said
    said = f"{_describe_offset(x, a)}; {_describe_offset(y, b)}"
    if x.event_date and y.event_date:
        apart = abs((x.event_date - y.event_date).days)
        if apart == 0:
            if x.expr.text.lower() == y.expr.text.lower():
                return []
            return [Discrepancy("date", "compatible", f"{said} — the same date.",
                                x.expr.text, y.expr.text)]
        if abs(x.gap) == abs(y.gap):
            return [Discrepancy("date", "variant", f"{said} — the same interval counted "
                                f"from different dates ({_days(apart)} apart).",
                                x.expr.text, y.expr.text)]
        return [Discrepancy("date", "conflict", f"{said} — these disagree: "
                            f"{_day_counts(x.gap, y.gap)}, and the implied dates are {_days(apart)} "
                            "apart.", x.expr.text, y.expr.text)]
    if abs(x.gap) == abs(y.gap):
        return []
    return [Discrepancy("date", "conflict", f"{said} — these disagree by "
                        f"{_days(abs(x.gap) - abs(y.gap))} ({_day_counts(x.gap, y.gap)}).",
                        x.expr.text, y.expr.text)]


def _said_alike(x: Offset, a: ClaimFacts, y: Offset, b: ClaimFacts) -> bool:
    """Whether two day counts both count to a saying, or neither (by the parse)."""
    return dates_the_saying(x.expr, a, words=False) == dates_the_saying(y.expr, b,
                                                                         words=False)


def same_anchor(x: Offset, y: Offset) -> bool:
    """Could two offsets count from the same event? (unnamed events are assumed to)."""
    if not x.expr.anchor or not y.expr.anchor:
        return True
    ka, kb = canonical_key(x.expr.anchor), canonical_key(y.expr.anchor)
    return fuzz.token_set_ratio(ka, kb) >= ANCHOR_MIN


def _compare_unresolved(a: ClaimFacts, b: ClaimFacts) -> list[Discrepancy]:
    """One date in each claim, at least one not resolved to a day (an undated article's
    "September 14" or "Wednesday"): compared by what both say, the month and day, or
    else the weekday."""
    dates_a, dates_b = a.dates, b.dates
    if len(dates_a) != 1 or len(dates_b) != 1:
        return []
    ea, eb = dates_a[0], dates_b[0]
    if ea.interval() is not None and eb.interval() is not None:
        return []  # both resolved: compared as dates
    day_a, day_b = calendar_day(ea), calendar_day(eb)
    if day_a is not None and day_b is not None:
        said = (f"{_naming(ea, a, day_name(day_a), 'means')}; "
                f"{_naming(eb, b, day_name(day_b), 'means')}")
        if day_a == day_b:
            other_weekdays = _weekday_conflict(ea, a, eb, b)
            if other_weekdays:  # "Wednesday, Sept. 14" / "Thursday, Sept. 14"
                return other_weekdays
            return [] if ea.text.lower() == eb.text.lower() else [Discrepancy(
                "date", "compatible", f"{said} — the same day (a year is not given).",
                ea.text, eb.text)]
        if not same_action(ea, a, eb, b):
            return []  # the days of two actions
        resolved = ea.interval() or eb.interval()
        if resolved is not None:  # the other is read in this one's year, or either side
            gap = days_from(resolved[0], day_b if ea.interval() else day_a)
            if gap is None:
                return []
            year = "the nearest such day to the other's date"
        else:
            gap = calendar_days_apart(day_a, day_b)
            year = "counted within one year, which neither gives"
        return [Discrepancy(
            "date", "conflict",
            f"{said} — these disagree by {_days(gap)} ({year}){_timed(ea, eb)}.",
            ea.text, eb.text)]
    return _weekday_conflict(ea, a, eb, b)


def _weekday_conflict(ea: TimeExpression, a: ClaimFacts, eb: TimeExpression,
                      b: ClaimFacts) -> list[Discrepancy]:
    """The two expressions' weekdays, when both name one and they differ."""
    week_a, week_b = weekday(ea), weekday(eb)
    if week_a is None or week_b is None or week_a == week_b or not same_action(ea, a, eb, b):
        return []
    return [Discrepancy(
        "date", "conflict", f"{_naming(ea, a, weekday_name(week_a), 'is a')}; "
        f"{_naming(eb, b, weekday_name(week_b), 'is a')} — different days, unless they mean "
        f"different weeks{_timed(ea, eb)}.", ea.text, eb.text)]


def _naming(expr: TimeExpression, facts: ClaimFacts, name: str, verb: str) -> str:
    """The expression as the article gives it, and the day it names when its words do
    not already say it ("“September 15, 2022” is a Thursday", not "“last Thursday” is a
    Thursday")."""
    words = set(_PUNCTUATION.sub("", expr.text).lower().split())
    if set(name.lower().split()) <= words:
        return _in_article(expr, facts)
    return f"{_in_article(expr, facts)} {verb} {name}"


def date_discrepancies(a: ClaimFacts, b: ClaimFacts) -> list[Discrepancy]:
    """How two claims' dates differ: resolved dates, unresolved days, day counts."""
    return _compare_absolute(a, b) + _compare_unresolved(a, b) + _compare_offsets(a, b)
