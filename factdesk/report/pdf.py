"""Rendering a :class:`ReportData` to PDF with Qt's own writer (QtGui only, no widgets).

Each part of the report (cover, contents, one section per claim, appendix) is laid out
as its own ``QTextDocument`` at the PDF writer's resolution; this module then places the
parts on pages itself so that a claim's section never breaks across a page when it fits
on one (a longer one starts on a fresh page and breaks between lines), draws the rating
chart with the painter, and draws the running header and the page numbers on every page.
Qt embeds the fonts (subset TrueType) and keeps the text selectable; links in the HTML
become PDF link annotations.

Threads: rendering works in any thread once a ``QGuiApplication`` exists (the GUI's
``QApplication`` counts). Without one, :func:`ensure_gui_application` creates it, which is
only allowed on the main thread (the CLI case); offscreen unless a display is available.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from factdesk.report.data import ReportData
from factdesk.report.pdf_html import (
    BODY_PT,
    STYLE,
    appendix_html,
    claim_html,
    contents_html,
    cover_html,
)

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
RESOLUTION = 300  # dots per inch of the layout; the PDF itself is resolution-free
MARGIN_MM = {"left": 20.0, "right": 20.0, "top": 24.0, "bottom": 22.0}
FONT_FAMILIES = ["Noto Sans", "Liberation Sans", "Arial", "Helvetica", "DejaVu Sans"]
SECTION_GAP_PT = 16.0

_app: QGuiApplication | None = None


class PdfRenderError(RuntimeError):
    """The PDF cannot be rendered here (no GUI application and not on the main thread)."""


def ensure_gui_application() -> None:
    """Create a ``QGuiApplication`` if there is no Qt application at all."""
    global _app
    instance = QCoreApplication.instance()
    if instance is not None:
        if not isinstance(instance, QGuiApplication):
            raise PdfRenderError("PDF rendering needs a QGuiApplication, not a QCoreApplication")
        return
    if threading.current_thread() is not threading.main_thread():
        raise PdfRenderError(
            "no Qt application: create one on the main thread before rendering a PDF "
            "in a worker thread"
        )
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and (
        sys.platform.startswith("linux")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([sys.argv[0] if sys.argv else "factdesk"])


def _font(point_size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    # no shaping for Latin text: faster, and no ligatures ("ﬁ" would copy and search as
    # one odd character); scripts that need shaping still get it
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return font


@dataclass
class _Block:
    """One part of the report: a laid-out document or a painted figure."""

    height: float
    doc: QTextDocument | None = None
    paint: Callable[[QPainter, float], None] | None = None  # (painter, width)
    new_page: bool = False
    claim: int | None = None  # index into ReportData.claims


@dataclass
class _Placement:
    block: _Block
    y: float  # top of the block on the page, in body coordinates
    doc_page: int = -1  # which page of a paginated (long) document, -1 if unpaginated


@dataclass
class _Layout:
    pages: list[list[_Placement]] = field(default_factory=lambda: [[]])
    claim_pages: dict[int, int] = field(default_factory=dict)  # claim index -> page (1-based)


class _Geometry:
    """Page and body rectangles in device pixels for one page size."""

    def __init__(self, writer: QPdfWriter) -> None:
        res = writer.resolution()
        self.px_per_mm = res / 25.4
        self.px_per_pt = res / 72.0
        self.page_w = float(writer.width())
        self.page_h = float(writer.height())
        self.left = MARGIN_MM["left"] * self.px_per_mm
        self.top = MARGIN_MM["top"] * self.px_per_mm
        self.body_w = self.page_w - self.left - MARGIN_MM["right"] * self.px_per_mm
        self.body_h = self.page_h - self.top - MARGIN_MM["bottom"] * self.px_per_mm
        self.gap = SECTION_GAP_PT * self.px_per_pt


class _Renderer:
    def __init__(self, data: ReportData, writer: QPdfWriter) -> None:
        self.data = data
        self.writer = writer
        self.geo = _Geometry(writer)
        self.font = _font(BODY_PT)

    # documents -----------------------------------------------------------------------

    def document(self, html: str) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self.writer)
        doc.setDefaultFont(self.font)
        doc.setDocumentMargin(0)
        doc.setDefaultStyleSheet(STYLE)
        doc.setHtml(html)
        doc.setTextWidth(self.geo.body_w)
        return doc

    def doc_block(self, html: str, **kw: object) -> _Block:
        doc = self.document(html)
        return _Block(height=doc.size().height(), doc=doc, **kw)  # type: ignore[arg-type]

    def chart_block(self) -> _Block:
        counts = list(self.data.counts)
        row_h = 15 * self.geo.px_per_pt
        height = row_h * len(counts) + 6 * self.geo.px_per_pt
        top = max((c.count for c in counts), default=0) or 1

        def paint(painter: QPainter, width: float) -> None:
            label_w, count_w = width * 0.28, width * 0.08
            bar_max = width - label_w - count_w - 12 * self.geo.px_per_pt
            painter.setFont(_font(9.5))
            for i, c in enumerate(counts):
                y = i * row_h
                text_rect = QRectF(0, y, label_w - 6 * self.geo.px_per_pt, row_h)
                painter.setPen(QColor("#333333"))
                painter.drawText(text_rect, int(Qt.AlignRight | Qt.AlignVCenter), c.name)
                bar_w = bar_max * c.count / top
                x = label_w
                bar = QRectF(x, y + row_h * 0.18, max(bar_w, 1.5 * self.geo.px_per_pt),
                             row_h * 0.64)
                painter.fillRect(bar, QColor(c.color if c.count else "#e6e6e6"))
                painter.drawText(
                    QRectF(x + bar.width() + 5 * self.geo.px_per_pt, y, count_w, row_h),
                    int(Qt.AlignLeft | Qt.AlignVCenter), str(c.count),
                )

        return _Block(height=height, paint=paint)

    def blocks(self, claim_pages: list[int | None]) -> list[_Block]:
        blocks = [self.doc_block(cover_html(self.data)), self.chart_block()]
        blocks.append(self.doc_block(contents_html(self.data, claim_pages), new_page=True))
        for i, entry in enumerate(self.data.claims):
            blocks.append(self.doc_block(claim_html(entry), new_page=i == 0, claim=i))
        blocks.append(self.doc_block(appendix_html(self.data), new_page=True))
        return blocks

    # pagination ----------------------------------------------------------------------

    def paginate(self, blocks: list[_Block]) -> _Layout:
        layout = _Layout()
        body_h, gap = self.geo.body_h, self.geo.gap
        y = 0.0

        def new_page() -> None:
            nonlocal y
            layout.pages.append([])
            y = 0.0

        for block in blocks:
            if layout.pages[-1] and (block.new_page or y + block.height > body_h):
                new_page()
            if block.claim is not None:
                layout.claim_pages[block.claim] = len(layout.pages)
            if y + block.height <= body_h or block.doc is None:
                layout.pages[-1].append(_Placement(block, y))
                y += block.height + gap
                continue
            # longer than a page: start it on a fresh page and let it break between lines
            if y > 0:
                new_page()
            doc = block.doc
            if doc.pageSize().height() != body_h:  # paginated once, kept for later passes
                doc.setPageSize(QSizeF(self.geo.body_w, body_h))
            count = doc.pageCount()
            for k in range(count):
                if k:
                    new_page()
                layout.pages[-1].append(_Placement(block, 0.0, k))
            last = doc.documentLayout().blockBoundingRect(doc.lastBlock()).bottom()
            y = last - (count - 1) * body_h + gap
        return layout

    # painting ------------------------------------------------------------------------

    def paint(self, layout: _Layout) -> None:
        painter = QPainter()
        if not painter.begin(self.writer):
            raise PdfRenderError("cannot write the PDF file")
        try:
            total = len(layout.pages)
            for number, placements in enumerate(layout.pages, 1):
                if number > 1:
                    self.writer.newPage()
                for placement in placements:
                    self.paint_block(painter, placement)
                self.paint_furniture(painter, number, total)
        finally:
            painter.end()

    def paint_block(self, painter: QPainter, placement: _Placement) -> None:
        geo, block = self.geo, placement.block
        painter.save()
        painter.translate(geo.left, geo.top + placement.y)
        if block.paint is not None:
            block.paint(painter, geo.body_w)
        elif block.doc is not None:
            if placement.doc_page < 0:
                block.doc.drawContents(painter, QRectF(0, 0, geo.body_w, block.height + 1))
            else:
                page_h = block.doc.pageSize().height()
                top = placement.doc_page * page_h
                painter.translate(0, -top)
                block.doc.drawContents(painter, QRectF(0, top, geo.body_w, page_h))
        painter.restore()

    def paint_furniture(self, painter: QPainter, number: int, total: int) -> None:
        geo = self.geo
        painter.save()
        painter.setPen(QColor("#555555"))
        painter.setFont(_font(8.5))
        line_h = 12 * geo.px_per_pt
        header_y = geo.top - 10 * geo.px_per_mm
        left = QRectF(geo.left, header_y - line_h, geo.body_w * 0.6, line_h)
        painter.drawText(left, int(Qt.AlignLeft | Qt.AlignBottom), self.data.project_name)
        right = QRectF(geo.left, header_y - line_h, geo.body_w, line_h)
        painter.drawText(right, int(Qt.AlignRight | Qt.AlignBottom), "FactDesk verdict report")
        painter.setPen(QPen(QColor("#9e9e9e"), 0.6 * geo.px_per_pt))
        rule_y = header_y + 2 * geo.px_per_pt
        painter.drawLine(QPointF(geo.left, rule_y), QPointF(geo.left + geo.body_w, rule_y))
        footer_y = geo.top + geo.body_h + 8 * geo.px_per_mm
        painter.drawLine(QPointF(geo.left, footer_y - 3 * geo.px_per_pt),
                         QPointF(geo.left + geo.body_w, footer_y - 3 * geo.px_per_pt))
        painter.setPen(QColor("#555555"))
        foot = QRectF(geo.left, footer_y, geo.body_w, line_h)
        painter.drawText(foot, int(Qt.AlignLeft | Qt.AlignTop),
                         f"Exported {self.data.exported_at[:10]}")
        painter.drawText(foot, int(Qt.AlignRight | Qt.AlignTop), f"Page {number} of {total}")
        painter.restore()

    def render(self) -> int:
        unknown: list[int | None] = [None] * len(self.data.claims)
        blocks = self.blocks(unknown)
        layout = self.paginate(blocks)
        for _ in range(3):  # contents with real page numbers; they keep its height
            pages: list[int | None] = [
                layout.claim_pages.get(i) for i in range(len(self.data.claims))
            ]
            blocks[2] = self.doc_block(contents_html(self.data, pages), new_page=True)
            again = self.paginate(blocks)
            if again.claim_pages == layout.claim_pages:
                layout = again
                break
            layout = again
        self.paint(layout)
        return len(layout.pages)


def render_pdf(data: ReportData, path: Path, page_size: str = "A4") -> int:
    """Write the report to ``path`` as PDF; returns the number of pages."""
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}")
    ensure_gui_application()
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(QPageSize(PAGE_SIZES[page_size]), QPageLayout.Orientation.Portrait,
                    QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    )
    writer.setTitle(f"{data.project_name} — FactDesk verdict report")
    writer.setCreator("FactDesk")
    return _Renderer(data, writer).render()
