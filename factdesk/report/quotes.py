"""Quotes as a report prints them: the article's words without the source's artefacts.

Articles saved from the web or pasted from feeds carry marks that are not the writer's:
quotation marks doubled by a CSV or JSON export (``“""We have learned``, ``said ""no""``),
a list bullet or dash glued to the first word of a paragraph (``-In the past``,
``•The city``). The stored claim keeps the article's text untouched (its offsets anchor
it); reports print the cleaned words.
"""

from __future__ import annotations

import re

_QUOTES = "“”\"„‟«»"
_DOUBLED = re.compile(f"([{_QUOTES}])[{_QUOTES}]+")
_LEADING_MARK = re.compile(r"^(\s*)[-–—•*·]+(?=[A-Z“\"‘'(])")
_SPACES = re.compile(r"[ \t\u00a0]{2,}")


def clean_quote(text: str, *, start: bool = True) -> str:
    """``text`` with doubled quotation marks made single and, when it starts a
    paragraph (``start``), a dash or bullet glued to its first word removed."""
    if not text:
        return text
    cleaned = _DOUBLED.sub(lambda m: _keep(m.group(0)), text)
    if start:
        cleaned = _LEADING_MARK.sub(r"\1", cleaned)
    return _SPACES.sub(" ", cleaned)


def _keep(run: str) -> str:
    """One mark for a run of them: the typographic one when there is one (“ or ”)."""
    for mark in run:
        if mark != '"':
            return mark
    return '"'


_OPENING_STRAIGHT = re.compile(r'(?:^|(?<=[\s(\[—–-]))"')


def quoted(text: str) -> str:
    """``text`` in quotation marks, unless it already opens and closes with its own.

    The quotation marks inside become single ones, as English nests them: a claim that
    starts with a quote and goes on (``“We served,” he said.``) prints as
    ``“‘We served,’ he said.”``, not with two opening marks side by side."""
    if text[:1] in "“\"«" and text.rstrip(" .,")[-1:] in "”\"»":
        return text
    inner = text.replace("“", "‘").replace("”", "’")
    inner = _OPENING_STRAIGHT.sub("‘", inner).replace('"', "’")
    return f"“{inner}”"
