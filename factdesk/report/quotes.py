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


_OPENERS = {"“": "”", "«": "»"}
_CLOSERS = {"”": "“", "»": "«"}


def balanced(text: str) -> str:
    """``text`` with the quotation marks a sentence cut out of its paragraph lacks: a
    claim that starts inside a quotation (``A lengthy investigation … his work,”
    Goelman said.``) gets the opening mark its closing one answers, and one whose
    quotation runs on into the next sentence (``"Peter Strzok was fired … elected.``)
    the closing mark, each of the kind the text uses. A straight mark opens after a
    space or a bracket, or at the start, and closes elsewhere."""
    depth, missing_open, first_closer, opener = 0, 0, "", ""
    for i, mark in enumerate(text):
        if mark == '"':
            opens = i == 0 or text[i - 1] in " \t\n([—–-"
            closing = None if opens else '"'
        elif mark in _OPENERS:
            opens, closing = True, None
        elif mark in _CLOSERS:
            opens, closing = False, mark
        else:
            continue
        if opens:
            depth += 1
            opener = opener or mark
        elif depth:
            depth -= 1
        else:
            missing_open += 1
            first_closer = first_closer or closing or '"'
    if missing_open:
        text = _CLOSERS.get(first_closer, '"') + text
    if depth:
        end = len(text.rstrip())
        text = text[:end] + _OPENERS.get(opener, '"') + text[end:]
    return text


def quoted(text: str) -> str:
    """``text`` in quotation marks, unless it already opens and closes with its own.

    The quotation marks inside become single ones, as English nests them: a claim that
    starts with a quote and goes on (``“We served,” he said.``) prints as
    ``“‘We served,’ he said.”``, not with two opening marks side by side. Marks the
    sentence lacks out of its paragraph are put back first (:func:`balanced`)."""
    text = balanced(text)
    if text[:1] in "“\"«" and text.rstrip(" .,")[-1:] in "”\"»":
        return text
    inner = text.replace("“", "‘").replace("”", "’")
    inner = _OPENING_STRAIGHT.sub("‘", inner).replace('"', "’")
    return f"“{inner}”"
