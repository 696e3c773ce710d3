"""What Qt's PDF writer cannot write, added to its file afterwards with pikepdf (qpdf).

Qt writes the pages, the fonts, the links and PDF/A-1b's XMP metadata and output intent,
but has no API for an outline (bookmarks), a subject, keywords or the document language.
:func:`finish_pdf` opens the file Qt wrote, adds them (the document information and its
XMP copy kept in step, as PDF/A asks) and saves it in place, atomically. See
docs/reports.md for why pikepdf and what the PDF still lacks (it is not tagged).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pikepdf

from factdesk.model.text import counted
from factdesk.report.data import ReportData

LANGUAGE = "en"


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class OutlineEntry:
    """A bookmark: its title, the page (0-based) and the height on it (PDF points from
    the bottom) it opens at, and its children."""

    title: str
    page: int
    top: float
    children: tuple[OutlineEntry, ...] = ()


def document_info(data: ReportData) -> DocumentInfo:
    """Title (the report-title setting), author (the organisation and the checkers),
    subject and keywords (the ratings, outlets and checked speakers) of a report."""
    checkers = ", ".join(data.checkers)
    author = (f"{data.organisation} ({checkers})" if checkers else data.organisation) \
        if data.organisation else checkers
    period = data.date_from or "no verdicts"
    if data.date_to and data.date_to != data.date_from:
        period += f" to {data.date_to}"
    drafts = f", {data.drafts} of them {'a draft' if data.drafts == 1 else 'drafts'}" \
        if data.drafts else ""
    subject = (f"Fact-check verdicts on {counted(len(data.claims), 'claim')}{drafts}, "
               f"verdicts dated {period}")
    words: list[str] = ["fact check", "ClaimReview"]
    words += [c.name for c in data.counts]
    words += sorted({e.outlet for e in data.claims if e.outlet})
    words += sorted({e.claimant.name for e in data.claims if e.claimant})
    return DocumentInfo(data.title, author, subject, tuple(dict.fromkeys(words)))


def _add_outline(pdf: pikepdf.Pdf, entries: list[OutlineEntry]) -> None:
    def item(entry: OutlineEntry) -> pikepdf.OutlineItem:
        page = min(entry.page, len(pdf.pages) - 1)
        node = pikepdf.OutlineItem(entry.title, destination=page, page_location="XYZ",
                                   left=0, top=round(entry.top, 2))
        node.children.extend(item(child) for child in entry.children)
        return node

    with pdf.open_outline() as outline:
        outline.root.extend(item(e) for e in entries)
    pdf.Root.PageMode = pikepdf.Name.UseOutlines  # a reader shows the bookmarks


def finish_pdf(path: Path, info: DocumentInfo, outline: list[OutlineEntry]) -> None:
    """Add the outline, document information and language to the PDF at ``path``."""
    path = Path(path)
    tmp = path.with_name(path.name + ".finishing")
    try:
        with pikepdf.open(path) as pdf:
            _add_outline(pdf, outline)
            pdf.Root.Lang = pikepdf.String(LANGUAGE)
            with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
                # the XMP and the document information dictionary, kept in step
                meta["dc:title"] = info.title
                meta["dc:creator"] = [info.author]
                meta["dc:description"] = info.subject
                meta["pdf:Keywords"] = ", ".join(info.keywords)
                meta["dc:subject"] = list(info.keywords)
                meta["dc:language"] = [LANGUAGE]
            pdf.docinfo[pikepdf.Name.Subject] = info.subject
            pdf.docinfo[pikepdf.Name.Keywords] = ", ".join(info.keywords)
            pdf.save(tmp, object_stream_mode=pikepdf.ObjectStreamMode.disable)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
