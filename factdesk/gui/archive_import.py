"""File ▸ Import earlier fact-checks…: an archive file imported in the background.

The file is read and stored by :func:`factdesk.core.archive_service.import_archive` (the
service behind ``factdesk archive import``) in the window's worker, its progress and
Cancel in the status bar; nothing is stored when it is cancelled. At the end a dialog
lists what was read, stored and skipped, each skip with its reason, and the notes.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from factdesk.gui.jobs import Cancelled, Progress
from factdesk.gui.workers import Job
from factdesk.model.changes import ChangeSet

if TYPE_CHECKING:
    from factdesk.core.archive_service import ArchiveImportReport
    from factdesk.core.project import Project
    from factdesk.gui.main_window import MainWindow

ARCHIVE_FILTER = ("Fact-check archives (*.json *.jsonld *.jsonl *.ndjson *.html *.htm "
                  "*.csv *.tsv *.txt);;All files (*)")
#: Skipped records listed one by one in the dialog (the rest are counted by reason).
LISTED_SKIPS = 200


@dataclass
class ArchiveImportOutcome:
    """What the background import ended with: a report, a refusal, or a cancel."""

    path: Path
    report: ArchiveImportReport | None = None
    refused: str = ""
    cancelled: bool = False
    archive_total: int = 0
    lines: list[str] = field(default_factory=list)


def import_archive_job(path: Path):  # job fn
    """The worker's job: import one archive file with progress and cancel."""
    def job(project: Project | None, progress: Progress,
            cancelled: Cancelled) -> ArchiveImportOutcome:
        # lazy: the archive reader (pyld, extruct) loads in the worker, when first used
        from factdesk.core.archive_service import (
            ArchiveFormatError,
            ReadCancelled,
            archive_index,
            import_archive,
        )

        assert project is not None
        outcome = ArchiveImportOutcome(path)
        progress(0, 0, f"reading {path.name}")
        try:
            outcome.report = import_archive(project, path, progress=progress,
                                            cancelled=cancelled)
        except ArchiveFormatError as exc:
            outcome.refused = str(exc)
        except ReadCancelled:
            outcome.cancelled = True
        except OSError as exc:
            outcome.refused = f"{path.name} could not be read: {exc.strerror or exc}"
        outcome.archive_total = project.archive.count()
        if outcome.report is not None and outcome.report.stored:
            # build the search index here, not on the GUI thread at the next lookup
            progress(0, 0, "indexing the archive for search")
            archive_index(project)
        return outcome
    return job


def summary_line(outcome: ArchiveImportOutcome) -> str:
    """One line for the status bar and the messages list."""
    name = outcome.path.name
    if outcome.cancelled:
        return f"{name}: import cancelled, nothing stored"
    if outcome.report is None:
        return f"{name}: nothing imported ({outcome.refused})"
    return (f"{name}: {outcome.report.summary()}; {outcome.archive_total} earlier checks in "
            "the archive")


def report_html(outcome: ArchiveImportOutcome) -> str:
    """The dialog's text: the counts, the skipped records with their reasons, the notes."""
    esc = html.escape
    if outcome.cancelled:
        return "<p>The import was cancelled. <b>Nothing was stored.</b></p>"
    report = outcome.report
    if report is None:
        return f"<p><b>Nothing was imported.</b></p><p>{esc(outcome.refused)}</p>"
    skipped = len(report.skipped) + report.unchanged
    parts = [
        "<table cellpadding='3'>",
        f"<tr><td>Read</td><td align='right'><b>{report.read}</b></td><td></td></tr>",
        f"<tr><td>Stored</td><td align='right'><b>{report.stored}</b></td>"
        f"<td>{report.new} new, {report.updated} updated</td></tr>",
        f"<tr><td>Skipped</td><td align='right'><b>{skipped}</b></td><td></td></tr>",
        "</table>",
        f"<p>The archive now holds {outcome.archive_total} earlier checks.</p>",
    ]
    reasons: Counter[str] = report.reasons()
    if report.unchanged:
        reasons["already in the archive, unchanged"] = report.unchanged
    if reasons:
        parts.append("<h4>Skipped, by reason</h4><ul>")
        parts += [f"<li>{n} × {esc(reason)}</li>" for reason, n in reasons.most_common()]
        parts.append("</ul>")
    if report.skipped:
        parts.append("<h4>Skipped records</h4><ul>")
        parts += [f"<li>{esc(record)}: {esc(reason)}</li>"
                  for record, reason in report.skipped[:LISTED_SKIPS]]
        if len(report.skipped) > LISTED_SKIPS:
            parts.append(f"<li>… and {len(report.skipped) - LISTED_SKIPS} more</li>")
        parts.append("</ul>")
    if report.notes:
        parts.append("<h4>Notes</h4><ul>")
        parts += [f"<li>{esc(note)}</li>" for note in report.notes]
        parts.append("</ul>")
    return "".join(parts)


class ArchiveImportDialog(QDialog):
    """The end of an archive import: read / stored / skipped with reasons."""

    def __init__(self, outcome: ArchiveImportOutcome, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Earlier fact-checks imported" if outcome.report
                            else "Earlier fact-checks not imported")
        layout = QVBoxLayout(self)
        self.heading = QLabel(f"<b>{html.escape(outcome.path.name)}</b>")
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setHtml(report_html(outcome))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(self.heading)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.resize(560, 420)


class ArchiveImport:
    """Asks for an archive file, imports it in the worker, shows the result."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.last_dialog: ArchiveImportDialog | None = None

    def ask(self) -> None:
        if self.window.session is None:
            self.window.message("open or create a project first", "warning")
            return
        name, _ = QFileDialog.getOpenFileName(self.window, "Import earlier fact-checks", "",
                                              ARCHIVE_FILTER)
        if name:
            self.start(Path(name))

    def start(self, path: Path) -> None:
        session = self.window.session
        if session is None:
            return
        session.writer_started()
        self.window.runner.submit(Job(f"Importing earlier fact-checks from {path.name}",
                                      import_archive_job(path), session.path,
                                      on_done=self._done))

    def _done(self, outcome: ArchiveImportOutcome) -> str:
        if outcome.report is not None and outcome.report.stored:
            self.window.broadcast(ChangeSet(archive=True))
        self.last_dialog = ArchiveImportDialog(outcome, self.window)
        self.last_dialog.open()  # window-modal, does not block the event loop
        return summary_line(outcome)
