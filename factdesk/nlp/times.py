"""Finding time expressions in a claim and resolving them against the article date.

Candidates are spaCy DATE/TIME entities plus rules for what the small model misses
(weekday names, ISO dates, "5 days *after recapture*", "*since* 2014"). Each is
classified as a date, an interval, a duration or a relative offset, and resolved to
ISO dates (:func:`factdesk.nlp.time_reading.classify`) with rules (weekdays, months, "last week") and dateparser (RELATIVE_BASE =
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

import re
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from factdesk.nlp.doc_view import DocView
from factdesk.nlp.future_tense import day_to_come
from factdesk.nlp.time_actions import time_action, time_actor
from factdesk.nlp.time_reading import (
    CLOCK,
    ISO_DATE,
    KINDS,
    MONTHS,
    PARTS_OF_DAY,
    PREFIXES,
    TIME_WORDS,
    UNIT_RE,
    WEEKDAYS,
    YEAR,
    Reading,
    classify,
    iso_day,
    shift_day,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["KINDS", "MONTHS", "WEEKDAYS", "TimeExpression", "classify", "extract_times"]

_DIGIT = re.compile(r"\d")
_LEAD_WORDS = PREFIXES | {
    "the", "past", "nearly", "almost", "about", "around", "some", "over", "more", "than",
    "less", "fewer", "at", "least", "up", "to", "roughly", "just", "only", "a", "an",
    "another", "recent", "first", "beginning", "end", "middle", "of", "start", "few",
    "several", "couple", "-", ",", "previous", "coming", "following", "ago", "later",
    "earlier", "st", "nd", "rd", "th", "a.m", "p.m", "am", "pm", "local", "time",
}


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
    for m in ISO_DATE.finditer(text, lo_char, hi_char):
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
                                        iso_day(reading.first), iso_day(reading.last),
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
            moved = iso_day(shift_day(day, 7))
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
                or _DIGIT.search(word) or TIME_WORDS.fullmatch(word)
                or (word in _RANGE_WORDS and i > a and _DIGIT.search(doc[i - 1].text))):
            a = i + 1
            break
    if a >= b:
        return None
    # prefix words: "since 2014", "early Thursday", "last week"
    while a > 0 and doc[a - 1].lower_ in PREFIXES - {"until"}:
        a -= 1
    # a range's end the model left out: "from 1967 to 1979" with only "1967" tagged
    if b + 1 < limit and YEAR.match(doc[b + 1].text) and _joins_a_range(doc, a, b + 1):
        b += 2
    # suffix: "ago", or "after <event>" for a bare duration
    if b < limit and doc[b].lower_ == "ago":
        b += 1
    elif b < limit and doc[b].lower_ in {"after", "before"} and re.search(
            r"(?<![a-z])" + UNIT_RE + r"$", doc[a:b].text.lower()):
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
            reading = Reading("date", ahead, ahead)
    anchor = reading.anchor
    if anchor:  # give the anchor back its original case
        where = text.lower().rfind(anchor)
        anchor = text[where:where + len(anchor)] if where >= 0 else anchor
    return TimeExpression(text, start_char, end_char, reading.kind, iso_day(reading.first),
                          iso_day(reading.last), anchor, reading.offset,
                          time_action(doc, a, b), time_actor(doc, a, b))


def _bare_weekday(text: str) -> bool:
    """Whether the expression is a weekday alone, perhaps with a part of the day
    ("Wednesday", "Thursday night"): no "last" or "next" to say which."""
    words = text.lower().rstrip(".").split()
    return bool(words) and words[0].rstrip(".") in WEEKDAYS and all(
        w in PARTS_OF_DAY or CLOCK.match(w) for w in words[1:])


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
