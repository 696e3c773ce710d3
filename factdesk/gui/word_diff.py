"""Word-level differences between two claim texts, rendered as HTML marks.

Tokens are words and numbers; punctuation is compared but never marked (it is noise to a
reader). Differing tokens get a background, numbers among them are bold and coloured, so
"450" against "more than 400" stands out at a glance. A qualifier ("about", "some",
"more than") is a number's only before one: "expressed some concerns about the
particulars" has no number; nor has "one of the largest cities" (an idiom,
:mod:`factdesk.nlp.number_idioms`).
"""

from __future__ import annotations

import html
import re
from difflib import SequenceMatcher

from factdesk.nlp.number_idioms import is_idiom

_TOKEN = re.compile(r"\d[\d,.]*\d%?|\d%?|\w+(?:['’]\w+)*|[^\w\s]")
NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve twenty thirty forty "
    "fifty hundred hundreds thousand thousands million millions billion billions dozen "
    "dozens half first second third fourth fifth".split()
)
#: Words that qualify a number that follows them within two words ("more than 400",
#: "about 450", "nearly a dozen"); elsewhere they are plain words.
QUALIFIER_WORDS = frozenset("more less fewer than nearly almost about some over under "
                            "up".split())  # not "to": "amount to billions" is no bound

Marks = list[tuple[int, int, bool]]  # (start, end, is_number) of each differing token


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


def is_number(token: str) -> bool:
    return any(ch.isdigit() for ch in token) or token.casefold() in NUMBER_WORDS


def _numbers(tokens: list[re.Match[str]]) -> list[bool]:
    """Which tokens are (part of) a number: numbers, and qualifiers within two words
    before one."""
    words = [t.group() for t in tokens]
    # "one of the largest cities", "zero in on": number words that count nothing
    core = [is_number(w) and not is_idiom(words, i) for i, w in enumerate(words)]
    return [c or (t.group().casefold() in QUALIFIER_WORDS and any(core[i + 1:i + 3]))
            for i, (t, c) in enumerate(zip(tokens, core, strict=True))]


def diff_marks(a: str, b: str) -> tuple[Marks, Marks]:
    """Spans of the words of ``a`` not in ``b`` and of ``b`` not in ``a``, in order."""
    ta, tb = _tokens(a), _tokens(b)
    na, nb = _numbers(ta), _numbers(tb)
    ka = [t.group().casefold().replace("’", "'") for t in ta]
    kb = [t.group().casefold().replace("’", "'") for t in tb]
    marks_a: Marks = []
    marks_b: Marks = []
    matcher = SequenceMatcher(None, ka, kb, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        for tok, number in zip(ta[i1:i2], na[i1:i2], strict=True):
            if tok.group()[0].isalnum():
                marks_a.append((tok.start(), tok.end(), number))
        for tok, number in zip(tb[j1:j2], nb[j1:j2], strict=True):
            if tok.group()[0].isalnum():
                marks_b.append((tok.start(), tok.end(), number))
    return marks_a, marks_b


def marked_html(text: str, marks: Marks, colors: dict[str, str], background: str) -> str:
    """``text`` as HTML with the marked spans highlighted (numbers bold and coloured)."""
    out: list[str] = []
    pos = 0
    for start, end, number in marks:
        out.append(html.escape(text[pos:start]))
        word = html.escape(text[start:end])
        style = f"background-color:{background};"
        if number:
            style += f"color:{colors['number']};font-weight:bold;"
        out.append(f'<span style="{style}">{word}</span>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)
