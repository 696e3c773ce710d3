"""Word-level differences between two claim texts, rendered as HTML marks.

Tokens are words and numbers; punctuation is compared but never marked (it is noise to a
reader). Differing tokens get a background, numbers among them are bold and coloured, so
"450" against "more than 400" stands out at a glance.
"""

from __future__ import annotations

import html
import re
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\d[\d,.]*\d%?|\d%?|\w+(?:['’]\w+)*|[^\w\s]")
NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve twenty thirty forty "
    "fifty hundred hundreds thousand thousands million millions billion dozen dozens half "
    "first second third fourth fifth more less fewer than nearly almost about some".split()
)

Marks = list[tuple[int, int, bool]]  # (start, end, is_number) of each differing token


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


def is_number(token: str) -> bool:
    return any(ch.isdigit() for ch in token) or token.casefold() in NUMBER_WORDS


def diff_marks(a: str, b: str) -> tuple[Marks, Marks]:
    """Spans of the words of ``a`` not in ``b`` and of ``b`` not in ``a``, in order."""
    ta, tb = _tokens(a), _tokens(b)
    ka = [t.group().casefold().replace("’", "'") for t in ta]
    kb = [t.group().casefold().replace("’", "'") for t in tb]
    marks_a: Marks = []
    marks_b: Marks = []
    matcher = SequenceMatcher(None, ka, kb, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        for tok in ta[i1:i2]:
            if tok.group()[0].isalnum():
                marks_a.append((tok.start(), tok.end(), is_number(tok.group())))
        for tok in tb[j1:j2]:
            if tok.group()[0].isalnum():
                marks_b.append((tok.start(), tok.end(), is_number(tok.group())))
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
