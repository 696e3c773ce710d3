"""Whether a time expression's sentence tells of what is still to come.

A day without a year or week ("June 25", "Wednesday") is read in the past of the
article's date (:mod:`factdesk.nlp.times`), which is right for what was done, and
wrong for what will be: "the special election will be held June 25" in a January paper
is this year's June 25, "could use a public event as soon as Wednesday" in Monday's
paper the coming Wednesday. :func:`tells_what_will_be` reads the tense from the parse.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

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
_SET_FOR = frozenset({"set", "plan", "reschedule", "move", "push"})
_AS_SOON_AS = re.compile(r"\b(?:as soon as|as early as|no sooner than|upcoming|coming)\s*$",
                         re.IGNORECASE)


def tells_what_will_be(doc: Doc, a: int, b: int, *, present: bool) -> bool:
    """Whether the time at tokens ``a:b`` dates what is still to come: "as soon as
    Wednesday", or the verb it belongs to is told with "will", "could" (not "could
    have"), "is going to" or a plan ("is scheduled to speak Thursday", "is set for June
    25"), or, when ``present`` counts, a copula in the present ("the vote is on
    Friday")."""
    start = doc[a].sent.start if doc.has_annotation("SENT_START") else max(0, a - 8)
    if _AS_SOON_AS.search(doc[start:a].text):
        return True
    verb, via = doc[a], doc[a]
    while verb.dep_ != "ROOT" and verb.pos_ not in {"VERB", "AUX"} and verb.head is not verb:
        verb, via = verb.head, verb
    for node in (verb, *([verb.head] if verb.dep_ in {"xcomp", "ccomp"} else [])):
        lows = {c.lower_ for c in node.children if c.dep_ in {"aux", "auxpass"}}
        if lows & _FUTURE_MODALS and not lows & {"have", "'ve", "\u2019ve"}:
            return True
        lemma = node.lemma_.lower()
        if "going" in lows or lemma in _SCHEDULED or (
                lemma in _PLANNING_VERBS and any(c.dep_ == "xcomp" for c in node.children)):
            return True
        if lemma in _SET_FOR and node is verb and via.lower_ == "for":
            return True  # "is set for June 25"
        if present and lemma == "be" and node.tag_ in {"VBZ", "VBP"} and node.dep_ == "ROOT":
            return True  # "the special election is on June 25": present, so to come
    return False
