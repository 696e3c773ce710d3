"""Canonical text form: Unicode, line ends, spaces and paragraph layout, applied once.

Two steps. :func:`normalize_text` runs on the decoded file before any parsing: NFC,
LF line ends, odd spaces and invisible characters, trailing spaces, blank-line runs.
:func:`join_paragraphs` builds the final article body the rest of FactDesk takes
offsets into: one paragraph per line, paragraphs separated by exactly one blank line,
single spaces inside a paragraph. Both are idempotent, and ``normalize_body`` of a body
returns it unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Characters that end a line besides "\n" (after CRLF/CR have been folded).
_LINE_BREAKS = str.maketrans({
    "\u2028": "\n",  # LINE SEPARATOR
    "\u2029": "\n\n",  # PARAGRAPH SEPARATOR
    "\x85": "\n",  # NEXT LINE
    "\x0b": "\n",  # vertical tab
    "\x0c": "\n",  # form feed
})

# Invisible characters dropped outright. ZWJ/ZWNJ stay: they matter in Indic and Persian
# scripts and in emoji sequences. Bidi overrides and isolates go (they reorder what is
# displayed without changing what is stored); the LRM/RLM marks stay.
_DROP = dict.fromkeys(
    map(ord, "\u200b\u2060\u00ad\ufeff\u180e\u202a\u202b\u202c\u202d\u202e"
             "\u2066\u2067\u2068\u2069\x1a"),
    None,
)

# Both tables as one regular expression pass (str.translate with a dict looks every
# character of the text up in Python). The tables share no character and a line break
# becomes none of the dropped ones, so one pass does what the two translations did.
_BREAK_OR_INVISIBLE: dict[str, str] = {
    chr(code): replacement or "" for code, replacement in {**_LINE_BREAKS, **_DROP}.items()
}
_BREAKS_AND_INVISIBLES = re.compile("[" + re.escape("".join(_BREAK_OR_INVISIBLE)) + "]")

# Every other kind of space (tab, no-break, thin, em, ideographic...) becomes " ".
_SPACES = re.compile(r"[^\S\n ]")
_THREE_OR_MORE_NEWLINES = re.compile(r"\n{3,}")
_ASCII_SPECIAL = re.compile(r"[\x0b\x0c\x1a]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")


def normalize_text(text: str) -> str:
    """Return ``text`` in canonical form, keeping its line and paragraph structure.

    NFC composition; CRLF, CR and Unicode line/paragraph separators become LF; tabs,
    no-break and other spaces become plain spaces; zero-width and control characters
    are removed; trailing spaces are stripped; runs of blank lines collapse to one;
    leading and trailing blank lines go. Leading spaces are kept (Markdown lists and
    the seed date line use them).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii() or _ASCII_SPECIAL.search(text):
        text = unicodedata.normalize("NFC", _BREAKS_AND_INVISIBLES.sub(
            lambda m: _BREAK_OR_INVISIBLE[m.group()], text))
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    lines = [line.rstrip(" ") for line in text.split("\n")]
    text = _THREE_OR_MORE_NEWLINES.sub("\n\n", "\n".join(lines))
    return text.strip("\n")


def clean_paragraph(text: str) -> str:
    """Fold a paragraph onto one line with single spaces and no edge whitespace.

    (Every whitespace character, as ``str.split`` and the regular expressions' ``\\s``
    both define it, separates words.)
    """
    return " ".join(text.split())


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """The article body: cleaned, non-empty paragraphs separated by one blank line.

    The paragraphs must already be normalised text (from :func:`normalize_text`).
    """
    cleaned = (clean_paragraph(p) for p in paragraphs)
    return "\n\n".join(p for p in cleaned if p)


def normalize_body(text: str) -> str:
    """Normalise already-joined body text (blank-line separated paragraphs)."""
    return join_paragraphs(normalize_text(text).split("\n\n"))


def split_blocks(text: str) -> list[list[str]]:
    """Split normalised text into blocks of lines separated by blank lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks
