"""The across-sources pane's cards and its "this claim" block, as HTML.

A card reads "HuffPost · 2010-05-18 · conflicting · score 0.76 · open", then the one-line
reason (what the two claims share and what differs), the notes (why related, what
conflicts) and the other claim's text with the words this claim lacks marked.

On a short pane (a 1366×768 laptop: the cards box holds ~230 px) the cards other than
the current one are **compact**: the reason on one line with what differs first ("▲
differs: place Norfolk vs Norwalk · Both: Richard Blumenthal; …"), no notes, the other claim's text on
two lines cut at a word with "…"; each card's tooltip holds its reason, notes and whole
text, and ``n`` / ``p`` make a card current, which shows it whole. The "this claim" block
keeps two lines there, the whole claim in its tooltip and behind its "more" link.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QTextBrowser

from factdesk.gui.card_fit import (
    line_count,
    part_to_show,
    shift_marks,
)
from factdesk.gui.word_diff import Marks, marked_html
from factdesk.model.models import severity_rank
from factdesk.model.score_display import score_text

SEVERITY_ICONS = {"conflict": "▲", "vague": "◆", "compatible": "✓"}
CARD_PADDING, COMPACT_PADDING = 6, 3  # px inside a card
CARD_GAP, COMPACT_GAP = 6, 2  # px above a card
COMPACT_TEXT_LINES = 2  # of the other claim's text on a compact card
THIS_CLAIM_LINES = 2  # of the "this claim" block on a short pane, unless expanded
ELLIPSIS = "…"


@dataclass(frozen=True)
class Card:
    """What one card shows."""

    match_id: int
    other_id: int
    outlet: str
    date: str
    relation: str
    score: float
    decision: str | None
    reason: str
    notes: tuple[Mapping[str, Any], ...]  # the discrepancies, most severe first
    text: str  # the other claim's
    marks: Marks  # its words this claim lacks
    # a decided match the analysis changed since: the note, then what changed
    change: tuple[str, ...] = ()


def sorted_notes(discrepancies: Sequence[Mapping[str, Any]]) -> tuple[Mapping[str, Any], ...]:
    return tuple(sorted(discrepancies,
                        key=lambda d: severity_rank(str(d.get("severity", "")))))


def compact_reason(card: Card) -> str:
    """The reason with what differs first (the end of a one-line reason is cut), after
    the most severe note's sign: "▲ differs: place Norfolk vs Norwalk · Both: Richard Blumenthal; …"."""
    parts = [p.strip().removesuffix(".") for p in card.reason.split(" · ") if p.strip()]
    parts.sort(key=lambda p: not p.startswith(("differs", "Words of")))
    icon = SEVERITY_ICONS.get(str(card.notes[0].get("severity", ""))) if card.notes else None
    return (f"{icon} " if icon else "") + " · ".join(parts)


def differences_line(card: Card) -> str:
    """": differs: date four days ago vs 5 days after recapture" from the card's reason
    (for a status message), or ""."""
    part = next((p.strip().removesuffix(".") for p in card.reason.split(" · ")
                 if p.strip().startswith("differs")), "")
    return f": {part}" if part else ""


def conflicts(card: Card) -> bool:
    """Whether the card is shown as a conflict: the two outlets differ on a detail of
    one fact (and the checker did not reject it)."""
    return card.relation == "conflicting" and card.decision != "rejected"


def tooltip(card: Card, *, with_text: bool) -> str:
    """The card's reason and notes in full (and the other claim's text, for a compact
    card, whose text is cut), as rich text."""
    lines = [card.reason] + [f"{d.get('kind', '')}: {d.get('explanation', '')}"
                             for d in card.notes] + list(card.change)
    body = "<br>".join(html.escape(line) for line in lines)
    if with_text:
        body += f"<br><i>{html.escape(card.text)}</i>"
    return f"<p>{body}</p>"


def _inner_width(browser: QTextBrowser, padding: int) -> int:
    """The width a card's text is laid out in: the viewport (a scroll bar assumed) less
    the document's margins, the card's border and padding, and a few px to spare."""
    viewport = (browser.width() - 2 * browser.frameWidth()
                - browser.verticalScrollBar().sizeHint().width())
    margin = int(browser.document().documentMargin())
    return max(40, viewport - 2 * margin - 2 * padding - 2 - 6)


def clamp_marked(text: str, marks: Marks, colors: dict[str, str], background: str,
                 font: QFont, width: int, lines: int,
                 keep: tuple[int, int] | None = None) -> tuple[str, bool]:
    """``text`` with its marks as HTML, cut at a word with "…" to at most ``lines``
    lines ``width`` px wide; and whether it was cut. A span to ``keep`` (the words that
    differ) that the cut would hide stays in view: the text is then cut around it
    ("… 2008 event in Norwalk and might …")."""
    def shown(start: int, end: int) -> str:
        return ((ELLIPSIS if start > 0 else "")
                + marked_html(text[start:end], shift_marks(marks, start, end), colors,
                              background)
                + (ELLIPSIS if end < len(text) else ""))

    def fits(start: int, end: int) -> bool:
        return line_count(shown(start, end), font, width) <= lines

    start, end, windowed = part_to_show(text, keep, fits)
    if windowed:
        return shown(start, end), True
    end = end or min(len(text), 40)  # one word longer than the lines: cut anyway
    return shown(0, end), end < len(text)


def differing_span(text: str, notes: Sequence[Mapping[str, Any]]) -> tuple[int, int] | None:
    """Where in ``text`` (one side of a match) the most severe difference the notes tell
    is written: the first note, most severe first, one of whose sides ``text`` holds (the
    longer side when it holds both: "March 2008" over "2008"); None when none is there or
    every note says the two agree."""
    for d in notes:
        if d.get("severity") == "compatible":
            continue
        found = []
        for side in (str(d.get("a_text") or "").strip(), str(d.get("b_text") or "").strip()):
            # whole words only: "13" is no side of "2013"
            at = re.search(rf"(?<!\w){re.escape(side)}(?!\w)", text, re.IGNORECASE) \
                if side else None
            if at is not None:
                found.append((len(side), -at.start(), at.start()))
        if found:
            size, _, at = max(found)
            return at, at + size
    return None


def _change_html(card: Card, colors: dict[str, str]) -> str:
    """A decided card the analysis changed since: its note on a line of its own in the
    conflict colour ("⚠ changed since you accepted: new difference: ..."), else ""."""
    if not card.change:
        return ""
    color = colors.get("conflict", colors.get("text", "#000000"))
    return f'<br><b style="color:{color}">⚠ {html.escape(card.change[0])}</b>'


def card_html(card: Card, colors: dict[str, str], *, current: bool,
              compact_in: QTextBrowser | None = None) -> str:
    """The card as shown: whole, or compact (``compact_in``: the cards box it is laid out
    in) unless it is the current one."""
    compact = compact_in is not None and not current
    decision = ""
    if card.decision:
        mark = "✓" if card.decision == "accepted" else "✗"
        decision = (f' · <b style="color:{colors[card.decision]}">{mark} '
                    f"{card.decision}</b>")
    padding = COMPACT_PADDING if compact_in is not None else CARD_PADDING
    gap = COMPACT_GAP if compact_in is not None else CARD_GAP
    relation = html.escape(card.relation)
    border = colors["border"]
    if conflicts(card):  # what a checker must not miss: its own colour, on every card
        border = colors.get("conflict", border)
        relation = f'<b style="color:{border}">▲ {relation}</b>'
    def header(scored: str) -> str:
        return (f'<a href="match:{card.match_id}" style="text-decoration:none;'
                f'color:{colors["text"]}">{"▶ " if current else ""}'
                f"<b>{html.escape(card.outlet)}</b></a> · {html.escape(card.date)} · "
                f"{relation}{scored}{decision} · "
                f'<a href="claim:{card.other_id}">open</a>')

    score = score_text(card.score, card.relation)
    head = header(f" · score {score}")
    if compact_in is not None and line_count(
            head, compact_in.font(), _inner_width(compact_in, padding)) > 1:
        # a short pane: "The New York Times · 2015-03-05 · same fact 0.61 · open" on one
        # line rather than "open" alone on a second one, every card a line shorter
        head = header(f" {score}")
    head += f"{_change_html(card, colors)}<br>"
    if compact:
        assert compact_in is not None
        width = _inner_width(compact_in, padding)
        reason = QFontMetrics(compact_in.font()).elidedText(
            compact_reason(card), Qt.TextElideMode.ElideRight, width)
        body, _cut = clamp_marked(card.text, card.marks, colors, colors["added"],
                                  compact_in.font(), width, COMPACT_TEXT_LINES,
                                  keep=differing_span(card.text, card.notes))
        inner = (f'{head}<span style="color:{colors["muted"]}">{html.escape(reason)}'
                 f"</span><br>{body}")
    else:
        items = []
        for d in card.notes:
            severity = str(d.get("severity", ""))
            color = colors.get(severity, colors["muted"])
            items.append(
                f'<tr><td valign="top" style="color:{color}">'
                f'{SEVERITY_ICONS.get(severity, "•")}</td>'
                f'<td><span style="color:{color}">{html.escape(str(d.get("kind", "")))}'
                f'</span> {html.escape(str(d.get("explanation", "")))}</td></tr>')
        table = f'<table cellspacing="2">{"".join(items)}</table>' if items else ""
        # the notes (why related, what conflicts) before the claim's text: on a short
        # screen a card too tall for the box still shows why it is here
        inner = (f'{head}<span style="color:{colors["muted"]}">{html.escape(card.reason)}'
                 f"</span>{table or '<br>'}"
                 f'{marked_html(card.text, card.marks, colors, colors["added"])}')
    bg = colors["current"] if current else colors["card"]
    return (f'<a name="m{card.match_id}"></a>'
            f'<table width="100%" cellpadding="{padding}" cellspacing="0" bgcolor="{bg}" '
            f'style="margin-top:{gap}px; border:1px solid {border};">'
            f"<tr><td>{inner}</td></tr></table>")


def card_at(browser: QTextBrowser, pos: QPoint) -> int:
    """The index of the card under ``pos`` (viewport coordinates), or -1."""
    doc = browser.document()
    point = pos + QPoint(browser.horizontalScrollBar().value(),
                         browser.verticalScrollBar().value())
    layout = doc.documentLayout()
    for i, frame in enumerate(doc.rootFrame().childFrames()):
        if layout.frameBoundingRect(frame).contains(point.toPointF()):
            return i
    return -1


def this_claim_html(who: str, text: str, marks: Marks, colors: dict[str, str], *,
                    font: QFont | None, width: int, expanded: bool,
                    keep: tuple[int, int] | None = None) -> tuple[str, bool]:
    """The "this claim" block: "this claim · Fox News · said by …" then the claim with the
    words the current match lacks marked. With ``font`` (a short pane) it keeps
    :data:`THIS_CLAIM_LINES` lines, the claim cut at a word with "…" and a "more" link
    (``expanded``: whole, with a "less" link); a span to ``keep`` (where the current
    match differs, :func:`differing_span`) that the cut would hide stays in view, the
    claim cut around it. Returns the HTML and whether a link to expand or collapse is
    shown."""
    head = f'<span style="color:{colors["muted"]}">this claim · {html.escape(who)}</span>'
    whole = marked_html(text, marks, colors, colors["removed"])
    if font is None:
        return f"{head}<br>{whole}", False
    link = f' <a href="{"less" if expanded else "more"}">{"less" if expanded else "more"}</a>'
    if expanded:
        return f"{head}<br>{whole}{link}", True

    def shown(start: int, end: int) -> str:
        return (f"{head} · " + (ELLIPSIS if start > 0 else "")
                + marked_html(text[start:end], shift_marks(marks, start, end), colors,
                              colors["removed"])
                + (ELLIPSIS + link if end < len(text) or start > 0 else ""))

    def fits(start: int, end: int) -> bool:
        return line_count(shown(start, end), font, width) <= THIS_CLAIM_LINES

    start, end, windowed = part_to_show(text, keep, fits)
    return shown(start, end), windowed or end < len(text)
