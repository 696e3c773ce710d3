"""File-level actions: new, open, demo, import (files, folder, paste, earlier fact-checks),
export, re-analyse.

Long work is submitted to the window's :class:`TaskRunner`; when a job ends, a change-set
is broadcast so that every pane refreshes.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from factdesk.gui import jobs
from factdesk.gui.archive_import import ArchiveImport
from factdesk.gui.export_dialog import ExportDialog
from factdesk.gui.paste_dialog import PasteDialog
from factdesk.gui.workers import Job
from factdesk.model.changes import ChangeSet

if TYPE_CHECKING:
    from factdesk.gui.main_window import MainWindow

PROJECT_FILTER = "FactDesk projects (*.factdesk);;All files (*)"
IMPORT_FILTER = "Articles (*.txt *.md *.html *.htm *.json);;All files (*)"
ANALYSE_DELAY_MS = 500  # a claim marked or moved by hand is read after this pause
ALL_CHANGES = ChangeSet(articles=True, claims=True, entities=True, matches=True, verdicts=True)


def show_refusals(parent: QWidget, refused: list[tuple[str, str]], summary: str) -> QMessageBox:
    """One dialog naming every file that was not imported, with its reason (it does not
    block: the import has finished and what was imported is already in the project)."""
    files = f"{len(refused)} file{'' if len(refused) == 1 else 's'}"
    box = QMessageBox(QMessageBox.Icon.Warning, "Files not imported",
                      f"{files} could not be imported."
                      + (f" The others: {summary}." if summary else ""),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("refusedFiles")
    rows = "".join(f"<li><b>{html.escape(name)}</b>: {html.escape(reason)}</li>"
                   for name, reason in refused)
    box.setInformativeText(f"<ul>{rows}</ul>FactDesk reads articles as text, Markdown, "
                           "HTML or JSON; nothing else changed.")
    box.setDetailedText("\n".join(f"{name}: {reason}" for name, reason in refused))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def not_a_project(parent: QWidget, path: Path, reason: str) -> QMessageBox:
    """Say what a file that is not a project is, and what to do with it instead."""
    kind = "a folder" if path.is_dir() else what_file_is(path)
    hint = ("To read it as an article, open a project and import it (Ctrl+I)."
            if kind.startswith(("a text", "an HTML", "a JSON", "a Markdown")) else
            "A FactDesk project is a .factdesk file made with File ▸ New project.")
    box = QMessageBox(QMessageBox.Icon.Warning, "Not a FactDesk project",
                      f"{path.name} is {kind}, not a FactDesk project.",
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("notAProject")
    box.setInformativeText(f"{hint}\n\n({reason})")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def what_file_is(path: Path) -> str:
    """A few words on what a file holds, from its first bytes."""
    from factdesk.ingest.decoding import sniff_binary  # lazy: off the first paint

    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        return f"a file that cannot be read ({exc.strerror or exc})"
    if not head:
        return "an empty file"
    if head.startswith(b"SQLite format 3\x00"):
        return "an SQLite database of another program"
    binary = sniff_binary(head)
    if binary:
        return f"a {binary}"
    text = head.lstrip()[:1]
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm") or text == b"<":
        return "an HTML or XML file"
    if suffix == ".json" or text in (b"{", b"["):
        return "a JSON file"
    if suffix == ".md":
        return "a Markdown text file"
    return "a text file" if b"\x00" not in head else "a binary file"


class FileActions:
    """The handlers behind the File menu."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._to_analyse: tuple[Path | None, set[int]] = (None, set())
        self._analyse_timer = QTimer(window, singleShot=True, interval=ANALYSE_DELAY_MS)
        self._analyse_timer.timeout.connect(self._submit_analysis)
        self.archive = ArchiveImport(window)

    # projects ------------------------------------------------------------------------------

    def new_project(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self.window, "New project", "untitled.factdesk",
                                              PROJECT_FILTER)
        if name:
            path = Path(name)
            if path.suffix != ".factdesk":
                path = path.with_suffix(".factdesk")
            if path.exists():
                self.window.message(f"{path.name} already exists; opening it", "warning")
            self.window.open_project(path)

    def open_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.window, "Open project", "", PROJECT_FILTER)
        if name:
            self.window.open_project(Path(name))

    def open_demo(self) -> None:
        """Open the demo project at once if it exists; else build it in the background."""
        from factdesk.core.demo import demo_path  # lazy: off the first paint

        path = demo_path()
        if path.exists() and self.window.open_project(path):
            if self.window.workspace and self.window.workspace.claims.model.total():
                return
        self.window.welcome.status.setText("Building the demo project (the language model "
                                           "loads first; this takes a little while)…")
        self.window.runner.submit(Job("Building the demo", jobs.build_demo_job, None,
                                      on_done=self._demo_built, writes=False))

    def _demo_built(self, outcome: jobs.JobOutcome) -> str:
        self.window.welcome.status.setText("")
        self.window.open_project(Path(outcome.value))
        return "; ".join(outcome.lines)

    # importing -----------------------------------------------------------------------------

    def import_dialog(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self.window, "Import articles", "",
                                                IMPORT_FILTER)
        if names:
            self.import_paths([Path(n) for n in names])

    def import_folder_dialog(self) -> None:
        name = QFileDialog.getExistingDirectory(self.window, "Import a folder of articles")
        if name:
            self.import_paths([Path(name)])

    def import_archive_dialog(self) -> None:
        """Import earlier fact-checks (:mod:`factdesk.gui.archive_import`)."""
        self.archive.ask()

    def import_paths(self, paths: list[Path]) -> None:
        self._submit(f"Importing {len(paths)} item(s)", jobs.import_files(paths))

    def paste_article(self) -> None:
        text = QApplication.clipboard().text()
        if not text.strip():
            self.window.message("the clipboard holds no text to import", "warning")
            return
        dialog = PasteDialog(self.window, text)
        if dialog.exec():
            body, title, outlet, published = dialog.values()
            self._submit("Importing pasted text",
                         jobs.import_pasted(body, title, outlet, published))
        dialog.deleteLater()

    def analyse_claims(self, claim_ids: list[int]) -> None:
        """Read claims marked or moved by hand and match them, in the background, once a
        burst of edits (a boundary moved word by word) has paused."""
        session = self.window.session
        if session is None or not claim_ids:
            return
        path, pending = self._to_analyse
        if path != session.path:
            pending = set()
        self._to_analyse = (session.path, pending | set(claim_ids))
        self._analyse_timer.start()

    def _submit_analysis(self) -> None:
        path, pending = self._to_analyse
        self._to_analyse = (None, set())
        session = self.window.session
        if session is None or session.path != path or not pending:
            return  # the project was closed meanwhile
        session.writer_started()
        self.window.runner.submit(Job("Reading the marked claim",
                                      jobs.analyse_claims(sorted(pending)), session.path,
                                      on_done=self._claims_analysed))

    def _claims_analysed(self, outcome: jobs.JobOutcome) -> str:
        self.window.broadcast(ChangeSet(claims=True, matches=True,
                                        claim_ids=frozenset(outcome.claim_ids)))
        return outcome.lines[-1] if outcome.lines else ""

    def edit_article(self) -> None:
        """Correct the current article's details; a new date detects its claims again
        (its relative times count from the date)."""
        session = self.window.session
        article = session.project.articles.get(session.article_id) if session else None
        if session is None or article is None:
            return
        from factdesk.gui.article_dialog import ArticleDialog  # lazy: off the first paint

        dialog = ArticleDialog(self.window, article)
        try:
            if not dialog.exec() or not dialog.changes():
                return
            from factdesk.core.article_edit import EditArticle  # lazy: off the first paint

            session.push(EditArticle(article.id, dialog.changes()))  # a new date: see
            # reanalyse_articles, called for it (and for its undo and redo)
        finally:
            dialog.deleteLater()

    def remove_article(self) -> None:
        """Remove the current article after saying what goes with it (a backup is taken
        first; the removal cannot be undone from Edit ▸ Undo, only restored)."""
        session = self.window.session
        article = session.project.articles.get(session.article_id) if session else None
        if session is None or article is None or session.project.read_only:
            return
        from factdesk.core.removal import (  # lazy: off the first paint
            removal_cost,
            remove_article,
        )

        cost = removal_cost(session.project, article.id)
        answer = QMessageBox.question(
            self.window, "Remove article",
            f"Remove “{article.title}” ({article.outlet or 'outlet unknown'}) with "
            f"{cost.describe()}?\n\nA backup of the project is taken first ('factdesk "
            "restore' brings it back); Edit ▸ Undo cannot.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        _cost, backup = remove_article(session.project, article.id, with_work=True)
        session.undo_stack.clear()
        session.select_article(0)
        self.window.broadcast(ALL_CHANGES)
        ids = session.project.articles.ids()
        if ids:
            session.select_article(ids[0])
        self.window.message(f"removed article {article.id}; backup: "
                            f"{backup.name if backup else 'none needed'}", "info")

    def reanalyse_articles(self, article_ids: list[int]) -> None:
        """Detect the claims of articles whose date changed again (their relative times
        count from it)."""
        if article_ids:
            self._submit("Detecting claims", jobs.reanalyse(list(article_ids)))

    def reanalyse_article(self) -> None:
        session = self.window.session
        if session and session.article_id:
            self._submit("Detecting claims", jobs.reanalyse([session.article_id]))

    def _submit(self, title: str, fn: Any) -> None:
        session = self.window.session
        if session is None:
            self.window.message("open or create a project first", "warning")
            return
        session.writer_started()
        self.window.runner.submit(Job(title, fn, session.path, on_done=self._imported))

    def _imported(self, outcome: jobs.JobOutcome) -> str:
        self.window.broadcast(ALL_CHANGES)
        ws = self.window.workspace
        if ws is not None and outcome.article_ids and not ws.session.claim_id:
            ws.session.select_article(outcome.article_ids[0])
        for line in outcome.lines[:-1]:
            failed = line.startswith(("check ", "refused ")) or " not analysed: " in line \
                or " not fully matched: " in line
            self.window.message(line, "warning" if failed else "info")
        suffix = " (cancelled)" if outcome.cancelled else ""
        summary = (outcome.lines[-1] if outcome.lines else "nothing imported") + suffix
        if outcome.refused:
            show_refusals(self.window, outcome.refused, summary if outcome.article_ids else "")
        return summary

    # exporting -----------------------------------------------------------------------------

    def export_dialog(self) -> None:
        session = self.window.session
        if session is None:
            return
        if not jobs.export_available():
            QMessageBox.information(self.window, "Export",
                                    "Report export is not installed in this build yet "
                                    "(factdesk.report.exporting). Use 'factdesk export "
                                    "PROJECT --format json' from the command line meanwhile.")
            return
        article = session.project.articles.get(session.article_id) if session.article_id \
            else None
        dialog = ExportDialog(session.path, (article.id, article.title) if article else None,
                              self.window, ratings=session.project.rating_scale().names())
        try:
            if dialog.exec() != ExportDialog.DialogCode.Accepted:
                return
            choice = dialog.choice()
        finally:
            dialog.deleteLater()
        # the worker writes the file: a PDF of a large project takes seconds (progress, cancel)
        self.window.runner.submit(Job(f"Exporting {choice.label}",
                                      jobs.export(choice.fmt, choice.output, choice.options()),
                                      session.path, on_done=self._exported, writes=False))

    def _exported(self, outcome: Any) -> str:
        """The status line of an export; what a publisher should know about it (the
        ClaimReview notes) is also shown in a message box (opened, not run: the event
        loop and the jobs go on)."""
        first, notes = (outcome.lines[0], outcome.lines[1:]) if outcome.lines else ("", [])
        if notes:
            box = QMessageBox(QMessageBox.Icon.Information, "Exported",
                              first + "\n\n" + "\n".join(f"• {n}" for n in notes),
                              QMessageBox.StandardButton.Ok, self.window)
            box.setObjectName("export-notes")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
        return "; ".join(outcome.lines)
