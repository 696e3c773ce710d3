"""Placing the report's parts on pages: where a part may break, and the pagination.

The report flows: each part (cover, chart, contents, a claim's section, the appendix)
follows the one before on the same page. A part that fits on what is left of the page
stays whole; one that does not is kept whole on the next page when it fits on a page and
little room is left here, else it starts here and breaks at a line, between list items
or between table rows, never between a heading and what follows it, nor inside a claim's
head (its headline, rating and the sentence as printed: :attr:`Block.keep_top`), nor
where only a stray line or two would go over (:data:`MIN_TAIL`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtGui import QPainter, QTextCursor, QTextDocument

#: A part is started on a fresh page rather than broken when less than this share of the
#: page is left and it fits on a page of its own.
MIN_ROOM = 0.3
#: A broken part carries at least this share of a page over to the next one: a claim's
#: last two lines ("Evidence", "No evidence recorded.") alone on a page read as a stray.
MIN_TAIL = 0.12


@dataclass
class Block:
    """One part of the report: a laid-out document or a painted figure."""

    height: float
    doc: QTextDocument | None = None
    paint: Callable[[QPainter, float], None] | None = None  # (painter, width)
    new_page: bool = False
    claim: int | None = None  # index into ReportData.claims
    key: str = ""  # the outline entry it starts: "contents", "claim-<id>", "appendix"
    keep_top: float = 0.0  # no break above this height (a claim's head)
    breaks: list[float] = field(default_factory=list)  # heights it may break at, sorted


@dataclass
class Placement:
    block: Block
    y: float  # top of the piece on the page, in body coordinates
    top: float = 0.0  # the piece of the block shown: from this height of it...
    bottom: float | None = None  # ...to this one (None: its end)


@dataclass
class Layout:
    pages: list[list[Placement]] = field(default_factory=lambda: [[]])
    claim_pages: dict[int, int] = field(default_factory=dict)  # claim index -> page (1-based)
    # where each outline entry starts: key -> (page 1-based, y in body pixels)
    starts: dict[str, tuple[int, float]] = field(default_factory=dict)


def break_points(doc: QTextDocument, headings: frozenset[str]) -> list[float]:
    """Heights at which ``doc`` may break: the top of every line of a paragraph, the top
    of every list item and of every table row; not right after a heading (a paragraph
    whose text is one of ``headings``)."""
    layout = doc.documentLayout()
    device = layout.paintDevice()
    # Qt lays out CSS pixels at 96 to the inch of the paint device (scaleToDevice)
    px_per_css_px = device.logicalDpiY() / 96.0 if device is not None else 1.0
    points: set[float] = set()
    rows: dict[tuple[int, int], float] = {}
    block = doc.begin()
    after_heading = True
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        table = QTextCursor(block).currentTable()
        if table is not None:
            # the row's top is its cells' top, above the text by the cell's padding and
            # the table's border: a break at the text would leave the row's background
            # (the contents' rating bar) on the page before
            cell = table.cellAt(block.position())
            key = (table.firstPosition(), cell.row())
            cell_format = cell.format().toTableCellFormat()
            table_format = table.format()
            padding = cell_format.topPadding() or table_format.cellPadding()
            top = rect.top() - (padding + table_format.border()) * px_per_css_px
            rows[key] = min(rows.get(key, top), top)
        elif block.textList() is not None and not after_heading:
            points.add(rect.top())  # a list item (an evidence entry) stays whole
        elif not after_heading:
            lines = block.layout()
            for i in range(lines.lineCount()):
                points.add(rect.top() + lines.lineAt(i).y())
        after_heading = block.text().strip() in headings
        block = block.next()
    points.update(rows.values())
    return sorted(p for p in points if p > 0)


def paginate(blocks: list[Block], body_h: float, gap: float) -> Layout:
    """The blocks placed on pages (see the module's docstring)."""
    layout = Layout()
    y = 0.0

    def new_page() -> None:
        nonlocal y
        layout.pages.append([])
        y = 0.0

    for block in blocks:
        room = body_h - y
        if layout.pages[-1] and (block.new_page or (block.height > room and (
                block.doc is None or not _can_break(block, room)
                or (block.height <= body_h and room < MIN_ROOM * body_h)))):
            new_page()
        _record_start(layout, block, y)
        top = 0.0
        while True:
            room = body_h - y
            if block.height - top <= room or block.doc is None:
                layout.pages[-1].append(Placement(block, y, top, None))
                y += block.height - top + gap
                break
            cut = _cut(block, top, top + room)
            if cut is not None and block.height - cut < MIN_TAIL * body_h:
                # only a stray line or two would go over: break earlier, or keep the part
                # whole on the next page when it fits there
                earlier = _cut(block, top, block.height - MIN_TAIL * body_h)
                if earlier is not None:
                    cut = earlier
                elif y > 0 and top == 0 and block.height <= body_h:
                    new_page()
                    _record_start(layout, block)
                    continue
            if cut is None:  # nothing fits in what is left: a fresh page
                if y == 0:  # not even on a fresh page: break where the page ends
                    cut = top + room
                else:
                    new_page()
                    continue
            layout.pages[-1].append(Placement(block, y, top, cut))
            top = cut
            new_page()
    return layout


def _record_start(layout: Layout, block: Block, y: float = 0.0) -> None:
    """Note the page (and height) ``block`` starts at: the contents and the outline."""
    if block.claim is not None:
        layout.claim_pages[block.claim] = len(layout.pages)
    if block.key:
        layout.starts[block.key] = (len(layout.pages), y)


def _can_break(block: Block, room: float) -> bool:
    return _cut(block, 0.0, room) is not None


def _cut(block: Block, top: float, limit: float) -> float | None:
    """The lowest break point of ``block`` in (top, limit], past its kept head."""
    i = bisect_right(block.breaks, limit)
    if i == 0:
        return None
    cut = block.breaks[i - 1]
    return cut if cut > top and cut >= block.keep_top else None
