"""The export dialog: one dialog asks format, scope and file; the window's worker writes
the file; the choices come back next time; the options are the CLI's own."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest


def _finish_first_claim(project, status: str = "done", rating: str = "False") -> int:
    from factdesk.core.commands import SetVerdictField

    claim_id = project.claims.for_article(project.articles.ids()[0])[0].id
    SetVerdictField(claim_id, "rating", rating).apply(project)
    SetVerdictField(claim_id, "status", status).apply(project)
    return claim_id


def _run_dialog(window, qtbot, fill) -> None:
    """Open File ▸ Export report…, let ``fill`` act on the dialog, wait for the worker."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from factdesk.gui.export_dialog import ExportDialog

    seen = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ExportDialog):
            QTimer.singleShot(20, act)
            return
        seen.append(dialog)
        fill(dialog)

    QTimer.singleShot(0, act)
    window.files.export_dialog()
    assert seen, "the export dialog did not open"
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)


def test_csv_export_through_the_dialog_writes_the_finished_check(
        make_window, demo_copy, qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    window = make_window(demo_copy)
    project = window.session.project
    claim_id = _finish_first_claim(project)
    from factdesk.core.commands import SetVerdictField

    unfinished = project.claims.for_article(project.articles.ids()[0])[1].id
    SetVerdictField(unfinished, "rating", "False").apply(project)
    SetVerdictField(unfinished, "status", "in progress").apply(project)
    statement = window.session.project.claims.get(claim_id).text
    done = []
    window.runner.started.connect(done.append)

    def fill(dialog) -> None:
        assert dialog.path_edit.text() == str(demo_copy.parent / "demo-report.pdf")
        dialog.format.setCurrentIndex(dialog.format.findData("csv"))
        assert dialog.path_edit.text() == str(demo_copy.parent / "demo-checks.csv")
        assert dialog.encoding.isVisibleTo(dialog) and not dialog.page_size.isVisibleTo(dialog)
        qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)  # Enter exports

    _run_dialog(window, qtbot, fill)
    out = demo_copy.parent / "demo-checks.csv"
    assert done, "the export did not run in the window's worker"
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert len(rows) == 1 and statement[:30] in json.dumps(rows[0], ensure_ascii=False)
    box = window.findChild(QMessageBox, "export-notes")  # as before the dialog: the notes
    assert box is not None and box.isVisible()
    assert "1 rated check not done left out" in box.text()
    box.close()


def test_escape_cancels_and_nothing_is_written(make_window, demo_copy, qtbot) -> None:
    from PySide6.QtCore import Qt

    window = make_window(demo_copy)
    started = []
    window.runner.started.connect(started.append)

    def fill(dialog) -> None:
        dialog.format.setFocus()
        qtbot.keyClick(dialog.format, Qt.Key.Key_Escape)

    _run_dialog(window, qtbot, fill)
    assert not started
    assert not list(demo_copy.parent.glob("demo-*"))


def test_choices_are_remembered_per_project(demo_copy, tmp_path, qtbot) -> None:
    from factdesk.gui.export_dialog import ExportDialog

    folder = tmp_path / "out"
    folder.mkdir()
    dialog = ExportDialog(demo_copy, (1, "An article"), ratings=["True", "False"])
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("markdown"))
    dialog.only_ratings.setChecked(True)
    assert not dialog.export_button.isEnabled()  # no rating ticked yet
    dialog.rating_checks["False"].setChecked(True)
    dialog.by_status.setChecked(True)
    dialog.status_checks["done"].setChecked(False)
    dialog.status_checks["to check"].setChecked(False)
    dialog.suggested.setChecked(True)
    dialog.path_edit.setText(str(folder / "weekly.md"))
    dialog._accept()
    assert dialog.result() == ExportDialog.DialogCode.Accepted

    again = ExportDialog(demo_copy, (1, "An article"), ratings=["True", "False"])
    qtbot.addWidget(again)
    choice = again.choice()
    assert choice.ratings == ["False"] and choice.options().rating == ["False"]
    assert choice.fmt == "markdown" and choice.scope == "statuses"
    assert choice.statuses == ["in progress", "needs review"] and choice.include_suggested
    assert choice.output == folder / "demo-report.md"

    other = tmp_path / "other.factdesk"
    other.write_bytes(b"")
    fresh = ExportDialog(other, None)
    qtbot.addWidget(fresh)
    assert fresh.choice().fmt == "pdf" and fresh.choice().scope == "finished"
    assert not fresh.this_article.isEnabled()


def test_the_dialog_refuses_what_cannot_be_written(demo_copy, tmp_path, qtbot) -> None:
    from factdesk.gui.export_dialog import ExportDialog

    dialog = ExportDialog(demo_copy, None)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "missing" / "r.pdf"))
    assert "does not exist" in dialog.problem.text() and not dialog.export_button.isEnabled()
    dialog.path_edit.setText(str(demo_copy))
    assert not dialog.export_button.isEnabled()
    dialog.path_edit.setText(str(tmp_path / "r.pdf"))
    dialog.by_status.setChecked(True)
    for check in dialog.status_checks.values():
        check.setChecked(False)
    assert "at least one status" in dialog.problem.text()
    dialog.status_checks["done"].setChecked(True)
    assert dialog.export_button.isEnabled() and dialog.problem.text() == ""


@pytest.mark.parametrize("scope, cli", [
    ("finished", []),
    ("statuses", ["--status", "in progress"]),
    ("statuses", ["--status", "in progress", "--rating", "False"]),
    ("statuses", ["--status", "in progress", "--rating", "True"]),
    ("all", ["--all", "--include-suggested"]),
])
def test_the_dialogs_options_are_the_clis(demo_copy, tmp_path, qtbot, scope, cli) -> None:
    """The same file as 'factdesk export --format markdown' with the same choice."""
    from factdesk.cli.main import main
    from factdesk.core.project import Project
    from factdesk.gui import jobs
    from factdesk.gui.export_dialog import ExportDialog

    with Project.open(demo_copy) as project:
        _finish_first_claim(project, status="in progress")
    with Project.open(demo_copy) as project:
        scale = project.rating_scale().names()
    dialog = ExportDialog(demo_copy, None, ratings=scale)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("markdown"))
    rating = cli[cli.index("--rating") + 1] if "--rating" in cli else None
    dialog.only_ratings.setChecked(rating is not None)
    if rating is not None:
        dialog.rating_checks[rating].setChecked(True)
    {"finished": dialog.finished, "statuses": dialog.by_status,
     "all": dialog.every}[scope].setChecked(True)
    for status, check in dialog.status_checks.items():
        check.setChecked(status == "in progress")
    dialog.suggested.setChecked("--include-suggested" in cli)
    dialog.path_edit.setText(str(tmp_path / "gui.md"))
    choice = dialog.choice()
    with Project.open(demo_copy) as project:
        jobs.export(choice.fmt, choice.output, choice.options())(
            project, lambda *a: None, lambda: False)
    assert main(["export", str(demo_copy), "--format", "markdown", "-o",
                 str(tmp_path / "cli.md"), *cli]) == 0
    gui_text = (tmp_path / "gui.md").read_text(encoding="utf-8")
    assert gui_text == (tmp_path / "cli.md").read_text(encoding="utf-8")
    if scope != "finished" and rating != "True":
        assert "DRAFT" in gui_text
    if rating == "True":  # the one check in progress is rated False
        assert "DRAFT" not in gui_text


def test_json_format_writes_the_whole_project(make_window, demo_copy, qtbot) -> None:
    window = make_window(demo_copy)
    articles = len(window.session.project.articles.ids())

    def fill(dialog) -> None:
        dialog.format.setCurrentIndex(dialog.format.findData("json"))
        assert not dialog.scope_box.isEnabled()
        dialog.export_button.click()

    _run_dialog(window, qtbot, fill)
    data = json.loads(Path(demo_copy.parent / "demo-project.json").read_text("utf-8"))
    assert len(data["articles"]) == articles


def test_every_field_has_its_own_mnemonic_and_tab_reaches_it(demo_copy, qtbot) -> None:
    import re

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from factdesk.gui.export_dialog import ExportDialog

    dialog = ExportDialog(demo_copy, (1, "An article"), ratings=["Right", "Wrong"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    texts = [w.text() for kind in (QLabel, QAbstractButton) for w in dialog.findChildren(kind)]
    keys = [m.group(1).lower() for t in texts if (m := re.search(r"&(\w)", t))]
    assert len(keys) == len(set(keys)) >= 10, keys
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.path_edit
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.browse
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.format
