"""Whether a time expression's sentence tells of what is still to come.

A day without a year or week ("June 25", "Wednesday") is read in the past of the
article's date (:mod:`factdesk.nlp.times`), which is right for what was done, and
wrong for what will be: "the special election will be held June 25" in a January paper
is this year's June 25, "could use a public event as soon as Wednesday" in Monday's
paper the coming Wednesday. :func:`tells_what_will_be` reads the tense from the parse,
:func:`day_to_come` moves such a day ahead.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Modal verbs of what is to come; "could" and "may" only without "have" ("could have
#: met on Monday" is past).
_FUTURE_MODALS = frozenset({"will", "'ll", "\u2019ll", "shall", "could", "may", "might"})
#: Verbs whose object is a plan: "is scheduled to speak Thursday", "plans to vote Tuesday".
_PLANNING_VERBS = frozenset({"plan", "schedule", "expect", "set", "intend", "prepare"})
#: Verbs that date what is planned whatever follows: "the vote is scheduled for Thursday"
#: ("slated" is lemmatised "slat" by the small model).
_SCHEDULED = frozenset({"schedule", "slate", "slat"})
#: Verbs that date what is planned when the time is what they set it *for*: "the
#: election is set for June 25" ("set the record on June 25" is past).
_SET_FOR = frozenset({"set", "plan", "reschedule"})
_MONTH_NAMES = sorted({*(calendar.month_name[i].lower() for i in range(1, 13)),
                       *(calendar.month_abbr[i].lower() for i in range(1, 13)), "sept"},
                      key=len, reverse=True)
_MONTH_NAME = re.compile(r"\b(?:" + "|".join(_MONTH_NAMES) + r")\b", re.IGNORECASE)
_DAY_NUMBER = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b")
_FOUR_DIGITS = re.compile(r"\b\d{4}\b")
#: Days back beyond which a yearless day said in the present or with "would" ("the
#: election is on June 25", "the June 25 election would be his third race" in January)
#: is the one to come; nearer, these may tell of a day just past ("the deadline is Jan.
#: 15" in a paper of January 30).
_WEAK_SIGNS_FROM = 90
_AS_SOON_AS = re.compile(r"\b(?:as soon as|as early as|no sooner than|upcoming|coming)\s*$",
                         re.IGNORECASE)


def _governing(verb: Token) -> list[Token]:
    """The verb an infinitive's tense is told by ("will be a likely favorite *to win*
    the June 25 election" -> be), within three steps up; [] for a finite verb."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []
    node = verb.head
    for _ in range(3):
        if node.pos_ in {"VERB", "AUX"} and node is not verb:
            return [node]
        if node.head is node:
            break
        node = node.head
    return []


def tells_what_will_be(doc: Doc, a: int, b: int, *, weak_signs: bool) -> bool:
    """Whether the time at tokens ``a:b`` dates what is still to come: "as soon as
    Wednesday", or the verb it belongs to is told with "will", "could" (not "could
    have"), "is going to" or a plan ("is scheduled to speak Thursday", "is set for June
    25"), or, when ``weak_signs`` count, "would" or a copula in the present ("the vote
    is on Friday")."""
    start = doc[a].sent.start if doc.has_annotation("SENT_START") else max(0, a - 8)
    if _AS_SOON_AS.search(doc[start:a].text):
        return True
    verb, via = doc[a], doc[a]
    while verb.dep_ != "ROOT" and verb.pos_ not in {"VERB", "AUX"} and verb.head is not verb:
        verb, via = verb.head, verb
    for node in (verb, *([verb.head] if verb.dep_ in {"xcomp", "ccomp"} else []),
                 *_governing(verb)):
        lows = {c.lower_ for c in node.children if c.dep_ in {"aux", "auxpass"}}
        if lows & _FUTURE_MODALS and not lows & {"have", "'ve", "\u2019ve"}:
            return True
        lemma = node.lemma_.lower()
        if "going" in lows or lemma in _SCHEDULED or (
                lemma in _PLANNING_VERBS and any(c.dep_ == "xcomp" for c in node.children)):
            return True
        if lemma in _SET_FOR and node is verb and via.lower_ == "for":
            return True  # "is set for June 25"
        if weak_signs and ("would" in lows or (lemma == "be" and node.dep_ == "ROOT"
                                               and node.tag_ in {"VBZ", "VBP"})):
            return True  # "the special election is on June 25": present, so to come
    return False


def yearless_day(text: str) -> bool:
    """Whether the expression names a month and a day but no year ("June 25", "the 25th
    of June"): dateparser reads it in the year that puts it in the past."""
    return bool(_MONTH_NAME.search(text)) and bool(_DAY_NUMBER.search(text)) \
        and not _FOUR_DIGITS.search(text)


def day_to_come(doc: Doc, a: int, b: int, text: str, day: date, ref: date, *,
                bare_weekday: bool) -> date | None:
    """The day the time ``text`` at tokens ``a:b``, read as ``day`` before the article's
    date ``ref``, means when its sentence tells of what is to come: a bare weekday's a
    week later, a yearless day's a year later ("would" or a present copula counts for a
    day more than :data:`_WEAK_SIGNS_FROM` days back); None when it stays as read."""
    try:
        if bare_weekday:
            return day + timedelta(days=7) if tells_what_will_be(doc, a, b, weak_signs=False) \
                else None
        if not yearless_day(text) or not tells_what_will_be(
                doc, a, b, weak_signs=(ref - day).days > _WEAK_SIGNS_FROM):
            return None
        return day.replace(year=day.year + 1)
    except (ValueError, OverflowError):  # February 29 without one; past year 9999
        return None
