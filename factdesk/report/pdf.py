"""Rendering a :class:`ReportData` to PDF with Qt's own writer (QtGui only, no widgets).

Each part of the report (cover, contents, one section per claim, appendix) is laid out
as its own ``QTextDocument`` at the PDF writer's resolution; this module then places the
parts on pages itself, one after the other (the cover, its chart and the contents share
the first page when they fit), so that a claim's section never breaks across a page when
it fits on one (a longer one starts on a fresh page and breaks between lines), draws the
rating chart (the ratings used) with the painter, a DRAFT mark beside an unfinished
check, and the running header and the page numbers on every page. Qt embeds the fonts
(subset TrueType), keeps the text selectable and turns the HTML's links, to the web and
to the report's own anchors, into PDF link annotations; it writes PDF/A-1b
(``QPdfWriter.PdfVersion_A1b``: XMP metadata, an sRGB output intent, no transparency).
:mod:`factdesk.report.pdf_finish` then adds what Qt cannot write: the outline
(bookmarks), the subject and keywords, the document language.

Threads: rendering works in any thread once a ``QGuiApplication`` exists (the GUI's
``QApplication`` counts). Without one, :func:`ensure_gui_application` creates it, which is
only allowed on the main thread (the CLI case); offscreen unless a display is available.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from factdesk import __version__
from factdesk.model.text import shorten
from factdesk.report.data import ReportData
from factdesk.report.pdf_finish import OutlineEntry, document_info, finish_pdf
from factdesk.report.pdf_html import (
    BODY_PT,
    STYLE,
    appendix_html,
    claim_html,
    contents_html,
    cover_html,
)
from factdesk.report.pdf_layout import Block, Layout, Placement, break_points, paginate

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
RESOLUTION = 300  # dots per inch of the layout; the PDF itself is resolution-free
MARGIN_MM = {"left": 18.0, "right": 18.0, "top": 20.0, "bottom": 18.0}
FONT_FAMILIES = ["Noto Sans", "Liberation Sans", "Arial", "Helvetica", "DejaVu Sans"]
SECTION_GAP_PT = 12.0
#: How far inside a piece of a broken part the painter's clip lies (device pixels, 1/300 in).
CLIP_INSET_PX = 0.5
#: Paragraphs a section never breaks after (they head what follows them).
HEADINGS = frozenset({"Rationale", "Evidence", "As other outlets reported it", "Contents",
                      "Appendix: sources", "Verdicts by rating"})

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

    def doc_block(self, html: str, **kw: object) -> Block:
        doc = self.document(html)
        block = Block(height=doc.size().height(), doc=doc, **kw)  # type: ignore[arg-type]
        block.breaks = break_points(doc, HEADINGS)
        if block.claim is not None:  # the claim's head stays together: up to "Rationale"
            found = doc.find("Rationale")
            if not found.isNull():
                block.keep_top = doc.documentLayout().blockBoundingRect(found.block()).top()
        return block

    def chart_block(self) -> Block:
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

        return Block(height=height, paint=paint)

    def blocks(self, claim_pages: list[int | None]) -> list[Block]:
        blocks = [self.doc_block(cover_html(self.data))]
        if self.data.counts:  # no chart (nor its heading) for a report without verdicts
            blocks.append(self.chart_block())
        blocks.append(self.doc_block(contents_html(self.data, claim_pages), key="contents"))
        in_report = {e.claim_id: e.number for e in self.data.claims}
        for i, entry in enumerate(self.data.claims):
            blocks.append(self.doc_block(claim_html(entry, in_report), claim=i,
                                         key=entry.anchor))
        blocks.append(self.doc_block(appendix_html(self.data), key="appendix"))
        return blocks

    # painting ------------------------------------------------------------------------

    def paint(self, layout: Layout) -> None:
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
                    self.paint_continued(painter, placement)
                self.paint_furniture(painter, number, total)
        finally:
            painter.end()

    def paint_draft_mark(self, painter: QPainter, placement: Placement) -> None:
        """A DRAFT label in the left margin beside an unfinished check's section."""
        block = placement.block
        if block.claim is None or not self.data.claims[block.claim].draft:
            return
        geo = self.geo
        height = (block.height if placement.bottom is None else placement.bottom) - \
            placement.top
        painter.save()
        painter.translate(geo.left - 9 * geo.px_per_mm, geo.top + placement.y + min(
            height, 60 * geo.px_per_mm))
        painter.rotate(-90)
        painter.setPen(QColor("#b71c1c"))
        painter.setFont(_font(10, bold=True))
        painter.drawText(QRectF(0, 0, min(height, 60 * geo.px_per_mm), 6 * geo.px_per_mm),
                         int(Qt.AlignCenter), "DRAFT")
        painter.restore()

    def paint_continued(self, painter: QPainter, placement: Placement) -> None:
        """Above a claim's section carried over from the page before, in the margin under
        the running header: which claim it is ("2. Former Rep. … (continued)"); a reader
        landing on "As other outlets reported it" at a page's top would otherwise take it
        for the next claim's."""
        if placement.block.claim is None or placement.top <= 0 or placement.y > 0:
            return
        geo, entry = self.geo, self.data.claims[placement.block.claim]
        font = _font(8)
        font.setItalic(True)
        label = f"{entry.number}. {_short(entry.headline, 90)} (continued)"
        painter.save()
        painter.setPen(QColor("#555555"))
        painter.setFont(font)
        line_h = 11 * geo.px_per_pt
        painter.drawText(QRectF(geo.left, geo.top - 2 * geo.px_per_mm - line_h, geo.body_w,
                                line_h), int(Qt.AlignLeft | Qt.AlignBottom), label)
        painter.restore()

    def paint_block(self, painter: QPainter, placement: Placement) -> None:
        geo, block = self.geo, placement.block
        self.paint_draft_mark(painter, placement)
        painter.save()
        painter.translate(geo.left, geo.top + placement.y)
        if block.paint is not None:
            block.paint(painter, geo.body_w)
        elif block.doc is not None:
            top = placement.top
            bottom = block.height + 1 if placement.bottom is None else placement.bottom
            painter.translate(0, -top)
            # Qt draws every line that touches the clip rectangle, clipped or not: a line
            # starting right at a page break would be written (invisibly) on both pages,
            # found twice by search and copied twice. A hair inside the piece, it is not.
            block.doc.drawContents(painter, QRectF(0, top + CLIP_INSET_PX, geo.body_w,
                                                   bottom - top - 2 * CLIP_INSET_PX))
        painter.restore()

    def paint_furniture(self, painter: QPainter, number: int, total: int) -> None:
        geo = self.geo
        painter.save()
        painter.setPen(QColor("#555555"))
        painter.setFont(_font(8.5))
        line_h = 12 * geo.px_per_pt
        header_y = geo.top - 10 * geo.px_per_mm
        label = running_label(self.data)
        metrics = QFontMetricsF(painter.font(), painter.device())
        room = geo.body_w - metrics.horizontalAdvance(label) - 6 * geo.px_per_mm
        left = QRectF(geo.left, header_y - line_h, room, line_h)
        painter.drawText(left, int(Qt.AlignLeft | Qt.AlignBottom),
                         fit_words(self.data.title, metrics.horizontalAdvance, room))
        right = QRectF(geo.left, header_y - line_h, geo.body_w, line_h)
        painter.drawText(right, int(Qt.AlignRight | Qt.AlignBottom), label)
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

    def outline(self, layout: Layout) -> list[OutlineEntry]:
        """The bookmarks: contents, each claim, the appendix, at their page and height."""
        geo = self.geo

        def entry(key: str, title: str) -> OutlineEntry:
            page, y = layout.starts[key]
            top_pt = (geo.page_h - geo.top - y) / geo.px_per_pt
            return OutlineEntry(title, page - 1, top_pt)

        claims = [entry(e.anchor, f"{e.number}. {'DRAFT: ' if e.draft else ''}"
                                  f"{_short(e.headline)} ({e.rating.name if e.rating else 'not rated'})")
                  for e in self.data.claims]
        return [OutlineEntry(self.data.title, 0, geo.page_h / geo.px_per_pt),
                entry("contents", "Contents"),
                OutlineEntry("Claims", claims[0].page, claims[0].top, tuple(claims))
                if claims else entry("contents", "Claims (none)"),
                entry("appendix", "Appendix: sources")]

    def render(self) -> int:
        unknown: list[int | None] = [None] * len(self.data.claims)
        blocks = self.blocks(unknown)
        layout = paginate(blocks, self.geo.body_h, self.geo.gap)
        for _ in range(3):  # contents with real page numbers; they keep its height
            pages: list[int | None] = [
                layout.claim_pages.get(i) for i in range(len(self.data.claims))
            ]
            at = next(i for i, b in enumerate(blocks) if b.key == "contents")
            blocks[at] = self.doc_block(contents_html(self.data, pages), key="contents")
            again = paginate(blocks, self.geo.body_h, self.geo.gap)
            if again.claim_pages == layout.claim_pages:
                layout = again
                break
            layout = again
        self.paint(layout)
        self.layout = layout
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
    writer.setPdfVersion(QPdfWriter.PdfVersion.PdfVersion_A1b)
    info = document_info(data)
    writer.setTitle(info.title)
    writer.setAuthor(info.author)
    writer.setCreator(f"FactDesk {__version__}")
    renderer = _Renderer(data, writer)
    pages = renderer.render()
    outline = renderer.outline(renderer.layout)
    del renderer, writer  # the writer closes the file when it goes
    finish_pdf(path, info, outline)
    return pages


def running_label(data: ReportData) -> str:
    """The running header's right side: a draft says so; else who publishes the report
    (the organisation), not the tool that wrote it."""
    if data.drafts:
        return "DRAFT · verdict report"
    return data.organisation or "Verdict report"


def fit_words(text: str, width_of: Callable[[str], float], room: float) -> str:
    """``text`` cut at a word with "…" to fit ``room`` (as ``width_of`` measures it):
    a running title clipped mid-word ("what the first reports got ri") reads as a
    misprint."""
    if width_of(text) <= room:
        return text
    words = text.split()
    while words:
        words.pop()
        cut = " ".join(words).rstrip(" ,;:—–-") + "…"
        if width_of(cut) <= room:
            return cut
    return "…"


def _short(text: str, limit: int = 80) -> str:
    return shorten(text, limit)
