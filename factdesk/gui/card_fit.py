"""How tall a match card or a short note is once laid out, so the across pane can give it room.

At 1366×768 the across-sources dock is ~340 px high: the claim, the cards box, the earlier
checks and the buttons share it. A card whose notes (a reaction, a conflict's
explanation) run past the cards box cannot be read without the mouse, so the pane asks
here for the current card's laid-out height and gives the box that room from the
earlier checks (down to their minimum), and fits a one-sentence earlier-checks message
to its lines instead of a fixed block. On a short pane the other cards and the "this
claim" block are cut to a few lines (:func:`longest_fitting`, :func:`line_count`), the
whole text in their tooltips.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QTextBrowser

_GAP = re.compile(r"\s+")


def html_height(html: str, like: QTextBrowser, width: int) -> int:
    """Height in pixels of ``html`` laid out ``width`` px wide in ``like``'s font, style
    and margins (the frame excluded)."""
    return _height(html, like.font().toString(), like.document().defaultStyleSheet(),
                   like.document().documentMargin(), width)


# the same cards are measured again on n / p, a / x and each resize of a short pane
@lru_cache(maxsize=512)
def _height(html: str, font: str, style: str, margin: float, width: int) -> int:
    doc = QTextDocument()
    face = QFont()
    face.fromString(font)
    doc.setDefaultFont(face)
    doc.setDefaultStyleSheet(style)
    doc.setDocumentMargin(margin)
    doc.setTextWidth(max(1, width))
    doc.setHtml(html)
    return int(doc.size().height() + 0.5)


def content_height(browser: QTextBrowser) -> int:
    """Height of what ``browser`` shows, laid out at its viewport's width, with its frame."""
    doc = browser.document().clone()
    doc.setTextWidth(max(1, browser.viewport().width()))
    return int(doc.size().height() + 0.5) + 2 * browser.frameWidth()


def fit_short_text(browser: QTextBrowser, low: int, high: int) -> None:
    """Let ``browser`` be as short as its text when that is under ``low`` (a one-line
    message takes one line), and at most ``high`` (never under that minimum)."""
    needed = content_height(browser)
    lowest = min(low, needed)
    browser.setMinimumHeight(lowest)
    browser.setMaximumHeight(max(lowest, min(high, needed)))


def line_count(html: str, font: QFont, width: int) -> int:
    """Lines ``html`` takes laid out ``width`` px wide in ``font`` (no margin: a label's
    text, or the inside of a card)."""
    return _lines(html, font.toString(), width)


@lru_cache(maxsize=2048)
def _lines(html: str, font: str, width: int) -> int:
    doc = QTextDocument()
    face = QFont()
    face.fromString(font)
    doc.setDefaultFont(face)
    doc.setDocumentMargin(0)
    doc.setTextWidth(max(1, width))
    doc.setHtml(html)
    doc.size()  # lays the document out: its blocks' line counts are 0 until then
    lines, block = 0, doc.begin()
    while block.isValid():
        layout = block.layout()
        lines += layout.lineCount() if layout is not None else 1
        block = block.next()
    return lines


def longest_fitting(text: str, fits: Callable[[int], bool]) -> int:
    """The length of ``text``'s longest beginning, cut where a word ends, for which
    ``fits(length)`` holds: ``len(text)`` when the whole fits, 0 when not even its first
    word does. ``fits`` must hold for every shorter cut when it holds for a longer one."""
    if fits(len(text)):
        return len(text)
    cuts = [m.start() for m in _GAP.finditer(text.rstrip()) if m.start() > 0]
    best, low, high = 0, 0, len(cuts) - 1
    while low <= high:
        mid = (low + high) // 2
        if fits(cuts[mid]):
            best, low = cuts[mid], mid + 1
        else:
            high = mid - 1
    return best


def shift_marks(marks: list, start: int, end: int) -> list:
    """The word-diff marks of ``text[start:end]``, counted from ``start``."""
    return [(max(s, start) - start, min(e, end) - start, number) for s, e, number in marks
            if s < end and e > start]


def window_fitting(text: str, keep: tuple[int, int],
                   fits: Callable[[int, int], bool], after_words: int = 2) -> tuple[int, int]:
    """The part ``(start, end)`` of ``text`` to show when the whole does not fit, cut
    where words end, that holds ``keep`` (a span of ``text``) whole: the longest one
    starting as early as it can while still reaching ``after_words`` words past the span
    (else the span's end). ``fits(start, end)`` says whether ``text[start:end]`` fits,
    and must hold for every shorter part with the same start when it holds for a longer
    one, and for every later start with the same end. When even the span alone does not
    fit, the part starts at the span's first word."""
    first, last = keep
    starts = [0] + [m.end() for m in _GAP.finditer(text) if 0 < m.end() <= first]
    starts = [s for s in starts if s <= first]
    tail = [m.start() for m in _GAP.finditer(text, last)][:after_words]
    wanted = [tail[-1] if tail else len(text), last] if after_words else [last]

    def reach(start: int) -> int:
        return start + longest_fitting(text[start:], lambda n: fits(start, start + n))

    for target in wanted:
        low, high, found = 0, len(starts) - 1, None
        while low <= high:  # the earliest start whose longest part reaches the target
            mid = (low + high) // 2
            if reach(starts[mid]) >= target:
                found, high = starts[mid], mid - 1
            else:
                low = mid + 1
        if found is not None:
            return found, reach(found)
    start = starts[-1]
    end = reach(start)
    return start, end if end > start else min(len(text), last)


def part_to_show(text: str, keep: tuple[int, int] | None,
                 fits: Callable[[int, int], bool]) -> tuple[int, int, bool]:
    """``(start, end, windowed)``: the part of ``text`` a clamped block shows. The
    longest start that ``fits`` (``end`` 0 when not even one word does), unless it would
    hide ``keep`` (the words that differ), then the part around it
    (:func:`window_fitting`, ``windowed`` True)."""
    length = longest_fitting(text, lambda n: fits(0, n))
    if keep is not None and length < len(text) and keep[1] > length:
        return (*window_fitting(text, keep, fits), True)
    return 0, length, False
