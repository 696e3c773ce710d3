"""Does an article's text look cut short? A saved page behind a paywall, a teaser.

Signs, any of which gives the checker a warning (the text is kept as it is): the last
paragraph stops mid-sentence or with an ellipsis, a "subscribe to continue reading" line
ends it, the page declares a word count well above the text's, or marks the article as
not free to read while the text is short.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Fewer words than this share of the page's declared wordCount looks truncated.
DECLARED_SHARE = 0.6
SHORT_WORDS = 250  # a text this short behind a paywall is likely only its teaser
_ENDS_SENTENCE = re.compile(r"""[.!?:;)"”’'\]*]\s*$""")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*[\]\)]?\s*$")
_PAYWALL = re.compile(
    r"\b(?:subscribe|sign in|log in|register|become a (?:member|subscriber))\b.{0,60}"
    r"\b(?:to (?:continue|keep) reading|to read (?:the|this) (?:full|rest|whole|entire)"
    r"|to read more|for full access|to unlock)\b"
    r"|\b(?:this (?:article|story|content) is (?:for|only available to|exclusive to) "
    r"(?:subscribers|members))\b"
    r"|\bthe rest of this (?:article|story) is\b",
    re.IGNORECASE)


def truncation_warning(paragraphs: Sequence[str], *, expected_words: int | None = None,
                       paywalled: bool = False) -> str | None:
    """A warning saying why the text looks cut short, or None when nothing suggests it."""
    if not paragraphs:
        return None
    words = sum(len(p.split()) for p in paragraphs)
    last = paragraphs[-1].strip()
    tail = " ".join(p.strip() for p in paragraphs[-2:])
    reasons = []
    if _PAYWALL.search(tail):
        reasons.append("it ends with a subscription prompt")
    elif _ELLIPSIS.search(last):
        reasons.append("its last paragraph ends with an ellipsis")
    elif len(last.split()) >= 8 and not _ENDS_SENTENCE.search(last):
        reasons.append("its last paragraph stops mid-sentence")
    if expected_words and words < DECLARED_SHARE * expected_words:
        reasons.append(f"the page declares {expected_words} words, the text has {words}")
    if paywalled and words < SHORT_WORDS:
        reasons.append(f"the page marks the article as not free and the text has only "
                       f"{words} words")
    if not reasons:
        return None
    return "the text looks truncated: " + "; ".join(reasons) + " (check the original page)"
