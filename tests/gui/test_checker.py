"""Who is checking: asked once per user, stored in the user's settings, used on verdicts
and reports; never the operating-system account."""

from __future__ import annotations

import getpass
from pathlib import Path

from PySide6.QtCore import Qt

from factdesk.core.project import UNNAMED_CHECKER, Project
from factdesk.gui import checker_dialog
from factdesk.gui import settings as user


def test_asked_once_then_on_verdicts_and_reports(make_window, demo_copy: Path, qtbot,
                                                 monkeypatch, tmp_path) -> None:
    shown: list[int] = []

    def answer(dialog) -> int:
        shown.append(1)
        dialog.name.setText("Ana Lima")
        dialog.organisation.setText("Lupa")
        return 1

    monkeypatch.setattr(checker_dialog.CheckerDialog, "exec", answer)
    window = make_window(demo_copy)
    window.ask_checker()
    window.ask_checker()
    assert shown == [1], "asked once"
    assert user.get_str("user/checker") == "Ana Lima"
    assert user.get_str("user/organisation") == "Lupa"
    session = window.session
    claim = session.claim_id
    qtbot.keyClick(window.workspace.article.body, Qt.Key.Key_2)
    assert session.project.verdicts.get(claim).checker == "Ana Lima"
    assert "Ana Lima" in window.workspace.verdict.checker.text()
    assert session.project.settings.get("organisation") == "Lupa"
    window.close()
    from factdesk.report.data import build_report  # the reports read this

    with Project.open(demo_copy, read_only=True) as project:
        data = build_report(project)
        assert "Ana Lima" in data.checkers and getpass.getuser() not in data.checkers


def test_without_a_name_no_os_account(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.factdesk", create=True) as project:
        assert project.checker == UNNAMED_CHECKER != getpass.getuser()
