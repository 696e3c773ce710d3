"""How tall a match card or a short note is once laid out, so the across pane can give it room.

At 1366×768 the across-sources dock is ~340 px high: the claim, the cards box, the earlier
checks and the buttons share it. A card whose notes (a reaction, a conflict's
explanation) run past the cards box cannot be read without the mouse, so the pane asks
here for the current card's laid-out height and gives the box that room from the
earlier checks (down to their minimum), and fits a one-sentence earlier-checks message
to its lines instead of a fixed block.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser


def html_height(html: str, like: QTextBrowser, width: int) -> int:
    """Height in pixels of ``html`` laid out ``width`` px wide in ``like``'s font, style
    and margins (the frame excluded)."""
    doc = QTextDocument()
    doc.setDefaultFont(like.font())
    doc.setDefaultStyleSheet(like.document().defaultStyleSheet())
    doc.setDocumentMargin(like.document().documentMargin())
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
