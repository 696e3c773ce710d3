"""Whether a sentence names anything a checker could look up: its checkable specifics.

A sentence is *specific* when its raw text has at least one of: a digit or a number
word, a proper noun (a capitalised word not opening the sentence), a date or time
expression, a comparison or superlative, a named or described source ("according to",
"a report", "officials", "said"). Without any of them ("He received no special
treatment from anyone.") there is nothing to check it against.

spaCy-free (regular expressions on the text as written, case kept), so the scorer can
use it on every sentence at full speed. The scorer does not add it as a feature (the
n-gram model already sees most of it); it calibrates the two groups separately, because
on ClaimBuster a high-scoring sentence without a specific is less often check-worthy
than its score says (docs/claims.md).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

__all__ = ["SPECIFIC_CUES", "is_specific", "specific_mask"]

_MONTHS = (r"January|February|March|April|May|June|July|August|September|October|"
           r"November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Monday|"
           r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")

SPECIFIC_CUES: dict[str, re.Pattern[str]] = {
    "number": re.compile(
        r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
        r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|"
        r"trillion|half|dozens?|twice|percent)\b", re.IGNORECASE),
    "date": re.compile(
        rf"\b({_MONTHS})\b|\b(yesterday|today|tonight|tomorrow|ago|last (year|week|month|"
        r"night)|this (year|week|month)|since|decade|century)\b", re.IGNORECASE),
    "comparison": re.compile(
        r"\b\w+er than\b|\b(more|less|fewer|than|most|least|highest|lowest|largest|biggest|"
        r"smallest|worst|best|record|increased?|decreased?|doubled?|tripled?|rose|risen|"
        r"fell|fallen|grew|grown|dropped|higher|lower|first|only|every|never|always|all)\b",
        re.IGNORECASE),
    "source": re.compile(
        r"\b(according to|reported|reports?|study|studies|survey|polls?|data|statistics|"
        r"census|bureau|department|agency|committee|officials?|records?|documents?|said|"
        r"says|told|announced|testified)\b", re.IGNORECASE),
}

_WORD_RE = re.compile(r"[A-Za-z0-9'’$%.-]+")
#: A word ending in a full stop that does not end a sentence: a title or an initial.
_NOT_AN_END_RE = re.compile(r"^(?:[A-Z]|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|"
                            r"Prof|Rev|Cong|Atty|Sec|St|Jr|Sr|U\.S|U\.N)\.$")
#: Capitalised words that name no one: the pronoun I, sentence-opening function words
#: after a quotation mark or a dash, titles alone.
_NOT_NAMES = frozenset({"I", "I'm", "I've", "I'll", "I'd", "I’m", "I’ve", "I’ll", "I’d",
                        "A", "The", "And", "But", "So", "OK", "Okay", "Mr.", "Mrs.", "Ms.",
                        "Dr."})


def has_proper_noun(text: str) -> bool:
    """A capitalised word that does not open the sentence (or follow a full stop)."""
    words = _WORD_RE.findall(text.strip().lstrip("\"“‘'"))
    for i in range(1, len(words)):
        word = words[i]
        previous = words[i - 1]
        after_an_end = previous.endswith((".", "?", "!")) and not _NOT_AN_END_RE.match(previous)
        if word[:1].isupper() and word not in _NOT_NAMES and not after_an_end:
            return True
    return False


def is_specific(text: str) -> bool:
    """Whether ``text`` has a checkable specific (module doc)."""
    return has_proper_noun(text) or any(p.search(text) for p in SPECIFIC_CUES.values())


def specific_mask(texts: Sequence[str]) -> np.ndarray:
    """:func:`is_specific` of each text, as a boolean array."""
    return np.fromiter((is_specific(t) for t in texts), dtype=bool, count=len(texts))
