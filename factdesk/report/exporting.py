"""The one entry point of verdict reports: ``export_report`` for the CLI and the GUI.

Selects the claims (see :class:`ReportFilter`), assembles the :class:`ReportData` and
hands it to the renderer of the format. Files are written atomically (``name.part``, then
replaced). The GUI may call this from a worker thread once its ``QApplication`` exists.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from factdesk.core.project import Project
from factdesk.model.text import counted
from factdesk.report.claimreview import claim_reviews, publication_notes, unsigned_note
from factdesk.report.data import ReportData, ReportFilter, and_joined, build_report
from factdesk.report.tabular import CSV_ENCODINGS, DEFAULT_CSV_ENCODING, to_csv, to_markdown

SUPPORTED_FORMATS: tuple[str, ...] = ("pdf", "claimreview", "csv", "markdown")


def render_text(data: ReportData, fmt: str, notes: list[str] | None = None) -> str:
    """The report as text in one of the text formats (``notes``: see
    :func:`export_report`)."""
    if fmt == "claimreview":
        reviews = claim_reviews(data)
        if notes is not None:
            notes.extend(publication_notes(data, reviews))
        return json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return to_csv(data)
    if fmt == "markdown":
        return to_markdown(data)
    raise ValueError(f"{fmt!r} is not a text format")


def report_notes(project: Project, data: ReportData) -> list[str]:
    """What an editor should know about a PDF, Markdown or CSV report before filing it:
    checks it leaves out for not being finished, a title that is only the file's name,
    finished checks citing no evidence."""
    notes = []
    if data.unfinished_left_out:
        notes.append(f"{counted(data.unfinished_left_out, 'rated check')} not done left out: only "
                     "finished checks (status done) are reported; --status adds others, "
                     "marked DRAFT")
    if not project.project_settings().report_title:
        notes.append(f"the report is titled {data.title!r} after the project file's name: "
                     "set its title in Preferences ▸ Project (Report title) or with 'factdesk "
                     "settings P report_title \"...\"'")
    if data.unsigned:
        notes.append(unsigned_note(data.unsigned))
    bare = [e.number for e in data.claims if not e.draft and e.rating is not None
            and not e.evidence]
    if bare:
        notes.append(f"{counted(len(bare), 'finished check')} ("
                     f"{'claim' if len(bare) == 1 else 'claims'} "
                     f"{and_joined([str(n) for n in bare])} of the report) "
                     f"{'cites' if len(bare) == 1 else 'cite'} no evidence: a reader sees "
                     "\"No evidence recorded.\"; add sources with 'factdesk verdict P ID "
                     "--evidence URL ...' or the verdict editor")
    return notes


def _part(output: Path) -> Path:
    return output.with_name(output.name + ".part")


def export_report(
    project: Project, fmt: str, output: Path | None, options: Any = None,
    notes: list[str] | None = None,
) -> str | None:
    """Export a verdict report; returns the text when ``output`` is None (not for PDF).

    ``options`` has ``all``, ``status``, ``rating``, ``article``, ``include_suggested``,
    ``page_size`` and ``encoding`` (any missing attribute takes its default: finished,
    judged checks with a publishable rating, accepted matches only, A4, CSV with a BOM). ``notes``, when given,
    receives what the user should know about the export (for ClaimReview: see
    :func:`~factdesk.report.claimreview.publication_notes`).
    """
    if fmt not in SUPPORTED_FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; use one of {SUPPORTED_FORMATS}")
    data = build_report(project, ReportFilter.from_options(options))
    if not data.claims and fmt != "claimreview" and notes is not None:
        notes.append(f"no claim matches the report's filters ({data.filter_text}): the "
                     "report lists none ('--all' takes every claim)")
    if fmt not in ("claimreview", "json") and notes is not None:
        notes.extend(report_notes(project, data))
    if fmt == "pdf":
        if output is None:
            raise ValueError("a PDF report needs an output file")
        from factdesk.report.pdf import render_pdf  # Qt only when a PDF is asked for

        output = Path(output)
        tmp = _part(output)
        try:
            render_pdf(data, tmp, getattr(options, "page_size", None) or "A4")
            tmp.replace(output)
        finally:
            tmp.unlink(missing_ok=True)
        return None
    text = render_text(data, fmt, notes)
    if output is None:
        return text
    encoding = "utf-8"
    if fmt == "csv":
        encoding = getattr(options, "encoding", None) or DEFAULT_CSV_ENCODING
        if encoding not in CSV_ENCODINGS:
            raise ValueError(f"CSV encoding must be one of {', '.join(CSV_ENCODINGS)}")
    output = Path(output)
    tmp = _part(output)
    try:
        # newline="" keeps the CSV's own line endings (RFC 4180 \r\n) untranslated
        with open(tmp, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
        tmp.replace(output)
    finally:
        tmp.unlink(missing_ok=True)
    return None
