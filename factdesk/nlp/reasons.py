"""The short reason a claim is worth checking, in a checker's words.

At most two of "number", "quote", "named source", "comparison", "verifiable event",
or, when none of those stands out, "named actor" (the sentence names a person, place or
organisation a checker can look up), from what extraction already stored (kind, speaker, quantities, times) and the claim's
words, so every claim of every project has one without parsing again and without a
schema change. spaCy-free: the window and the CLI call it for each claim they show.
What they show is :func:`shown_reason`, never empty: a claim marked by hand says so, and
one only the model's score made stand out says that score.
"""

from __future__ import annotations

import re

from factdesk.nlp.specificity import has_proper_noun

REASONS = ("number", "quote", "named source", "comparison", "verifiable event",
           "named actor")
MAX_REASONS = 2

#: "higher than", "the largest", "twice as many", "doubled", "record high", "ranks
#: second"; not "more and more", "at least", "best wishes" or "declined to say" (a
#: change is one by or to a number), nor a choice or an exception ("dismissed rather than
#: demoted", "anyone other than him"): nothing measured.
_COMPARISON_RE = re.compile(
    r"\b((?<!rather )(?<!other )than|twice as|three times|(?:double|triple|half)d?|as (?:many|much) as|"
    r"(?:high|low|larg|small|bigg|great|fast|slow|rich|poor|old|young|deadl|warm|"
    r"cold|hott)(?:i)?est|record(?:-| )(?:high|low|number)|compared (?:with|to)|"
    r"(?:rose|fell|jumped|dropped|increased|decreased|grew|declined|doubled) (?:by|to|from) "
    r"(?:about |nearly |almost |roughly |more than |less than )?[$\u20ac\u00a3]?\d+(?:[.,]\d+)*|"
    r"rank(?:s|ed)? (?:first|second|third|fourth|fifth|last|\d+(?:st|nd|rd|th)))\b",
    re.IGNORECASE,
)


#: A vague count names a checkable magnitude from here ("dozens", "hundreds"); "several",
#: "a few", "many" do not.
VAGUE_COUNT_FLOOR = 10.0
_ONE_WORDS = frozenset({"one", "a", "an", "single"})


def is_countable(quantity: dict) -> bool:
    """Whether a stored quantity is a number a checker can check: not the word "one"
    ("One candidate, Scott Smith", "one-on-one talks", "including one a couple weeks
    ago") and not a vague count without a magnitude ("many corners", "the wealthiest
    few", "several letters"); "nearly 90", "1 percent", "dozens" and "hundreds" are."""
    if quantity.get("qualifier") == "vague":
        low = quantity.get("low")
        return low is not None and float(low) >= VAGUE_COUNT_FLOOR
    words = str(quantity.get("text", "")).strip(" -\u2013").lower().split()
    return not (quantity.get("value") == 1 and words and words[-1] in _ONE_WORDS)


#: What opens a count of a set the text has named: "the two states" (Nebraska and
#: Oklahoma), "these three men", "all five", "the other two".
_SET_OPENER_RE = re.compile(r"\b(?:the|these|those|all)(?: other)?\s+$", re.IGNORECASE)
_SET_WORDS = frozenset("two three four five six seven eight nine ten".split())
#: What may follow such a count: the plural noun counted, after any capitalised words
#: and one other ("the two U.S. Capitol Police officers", "the two young ladies"), then
#: no relative clause nor participle ("the two states that border it", "the two officers
#: injured in the attack" say how many there are); or nothing, or a verb, the count
#: standing for the set ("the two met", "the two have said", "all three.").
_SET_AFTER_RE = re.compile(
    r"^(?:\s+(?:[A-Z][\w.\u2019']*\s+)*(?:[a-z]+\s+)?"
    r"(?:[a-z]+[^s\W]s|men|women|people|children|police)"
    r"\b(?!\s+(?:who|whom|that|which|[a-z]+ed\s+(?:in|by|at|on|during|from|near|"
    r"after|while|when))\b)"
    r"|\s+(?:have|had|are|were|will|would|could|can|may|might|should|did|do|met|said|"
    r"fought|spoke|held|left|made|went|[a-z]+ed)\b"
    r"|\s*[.,;:!?\u201d\")]|\s*$)")


def counts_a_set(before: str, number: str, after: str = "") -> bool:
    """Whether ``number`` (a number's words), between the texts ``before`` and ``after``
    it, counts the members of a set the text has already named rather than stating a
    figure: a number word from two to ten after a definite determiner, counting a
    plural noun or standing for the set ("the two states were challenging Colorado's
    marijuana laws", "the three men", "the two met"). A figure stays one: digits ("the
    23 states"), a compound ("the seven-term congressman", "the two-thirds majority"), a
    singular noun ("the five vote majority"), a clause after the noun ("the two states
    that border it", "the two officers injured in the attack")."""
    return number.strip().lower() in _SET_WORDS \
        and _SET_OPENER_RE.search(before[-20:]) is not None \
        and _SET_AFTER_RE.match(after[:80]) is not None


def is_comparison(text: str) -> bool:
    """Whether ``text`` compares something a checker can measure."""
    return _COMPARISON_RE.search(text) is not None


def claim_reason(kind: str, speaker: str | None, text: str, has_number: bool,
                 has_time: bool) -> str:
    """The reason(s), comma-separated (or "" when nothing specific stands out).

    ``has_number``: a count, amount or percentage was found in the claim; ``has_time``:
    a date or time expression was.
    """
    reasons = []
    if has_number:
        reasons.append("number")
    if kind == "quote":
        reasons.append("quote")
    elif speaker:
        reasons.append("named source")
    if len(reasons) < MAX_REASONS and is_comparison(text):
        reasons.append("comparison")
    if len(reasons) < MAX_REASONS and (kind == "event" or (has_time and kind != "quote")):
        reasons.append("verifiable event")
    if not reasons and has_proper_noun(text):
        reasons.append("named actor")
    if not reasons and reports_action(text):
        reasons.append("verifiable event")
    return ", ".join(reasons[:MAX_REASONS])


#: Something done, told in the perfect tense: "They have raised their offer", "has been
#: arrested", "had signed"; not a state of mind ("have always believed") nor "has been
#: critical".
_ACTION_RE = re.compile(
    r"\b(?:has|have|had)(?: (?:already|now|also|just|recently|since|twice|not|never))?"
    r"(?: been)? (?!(?:believed|thought|felt|hoped|wanted|wished|liked|loved|needed|"
    r"seemed|tried|wondered|been)\b)(?:[a-z]{2,}ed|[a-z]{2,}en|made|paid|built|cut|sent|"
    r"spent|sold|won|lost|held|met|left|put|set|struck|brought|bought|fought|taught)\b",
    re.IGNORECASE,
)


def reports_action(text: str) -> bool:
    """Whether ``text`` reports something done (the perfect tense of an action)."""
    return _ACTION_RE.search(text) is not None


def _states_a_figure(quantity: dict, text: str, start: int) -> bool:
    """A stored quantity of a claim (``text`` from article offset ``start``) that is a
    figure to check: countable (:func:`is_countable`) and no count of a named set
    (:func:`counts_a_set`)."""
    if not is_countable(quantity):
        return False
    at = int(quantity.get("start", -1)) - start
    number = str(quantity.get("text", ""))
    return not (0 <= at <= len(text)
                and counts_a_set(text[:at], number, text[at + len(number):]))


def reason_of(claim: object) -> str:
    """The reason of a stored claim (anything with kind, speaker, text, quantities, times)."""
    text = getattr(claim, "text", "")
    start = int(getattr(claim, "start", 0) or 0)
    return claim_reason(
        getattr(claim, "kind", "other"), getattr(claim, "speaker", None), text,
        any(_states_a_figure(q, text, start) for q in getattr(claim, "quantities", ())),
        bool(getattr(claim, "times", ())),
    )


#: A calibrated check-worthiness from which the model's score alone is a reason.
LIKELY_CHECK_WORTHY = 0.5


def shown_reason(claim: object) -> str:
    """The reason to show with a stored claim, never empty: :func:`reason_of`; else
    "marked by hand" for the checker's own claim; else the model's score, which is all
    that made it stand out ("check-worthy by the model (0.81)")."""
    reason = reason_of(claim)
    if reason:
        return reason
    if getattr(claim, "origin", "detected") == "manual":
        return "marked by hand"
    score = float(getattr(claim, "score", 0.0) or 0.0)
    if score >= LIKELY_CHECK_WORTHY:
        return f"check-worthy by the model ({score:.2f})"
    return f"model score {score:.2f}, no specific cue"
