"""What a report tells of another outlet's account: whether an accepted match contradicts
the claim (:func:`contradicts`, then it is "reported differently", never an appearance),
and a difference without the matcher's prompt to the checker
(:func:`published_difference`)."""

from __future__ import annotations

import re

from factdesk.model.models import Match

#: A matcher's prompt to the checker closing a difference ("…; check which words were
#: said.", "(one may be older: check when each was written)"): the desk's to-do, not
#: something a report tells its readers.
_PROMPT_IN_BRACKETS = re.compile(
    r":\s*check (?:which|who|when|whether|what|how)\b[^.()]*(?=\))")
_PROMPT_AT_END = re.compile(
    r"\s*[;:]\s*check (?:which|who|when|whether|what|how)\b[^.()]*(?=\.?$)")

def published_difference(text: str) -> str:
    """A difference as a report tells it: without the matcher's prompt to the checker
    ("HuffPost and Fox News quote Rand Paul in different words (51% alike in wording):
    two remarks, or one remark paraphrased; check which words were said." ends at
    "paraphrased.")."""
    told = _PROMPT_AT_END.sub("", _PROMPT_IN_BRACKETS.sub("", text))
    return told if told.endswith((".", "?", "!", ")", "”")) or not text.endswith(".") \
        else told + "."


def contradicts(match: Match) -> bool:
    """Whether a match carries a difference contradicting the claim ("four people"
    struck against "Six people" injured): accepted, it is told as reported differently,
    whatever its relation."""
    return any(d.get("severity") == "conflict" for d in match.discrepancies)
