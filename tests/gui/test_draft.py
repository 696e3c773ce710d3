"""A rationale draft is never lost: Esc keeps it, Ctrl+Z after Esc brings it back before
any project edit is undone, and closing with a draft asks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from factdesk.core.project import Project

TEXT = "Confirmed by two wires"


def test_j_1_e_type_esc_undo_e_commit_keeps_rating_and_text(make_window, demo_copy: Path,
                                                            qtbot) -> None:
    window = make_window(demo_copy)
    session, ws = window.session, window.workspace
    body = ws.article.body
    qtbot.keyClick(body, Qt.Key.Key_J)
    claim = session.claim_id
    qtbot.keyClick(body, Qt.Key.Key_1)
    rating = session.scale().by_key("1").name
    assert session.project.verdicts.get(claim).rating == rating
    qtbot.keyClick(body, Qt.Key.Key_E)
    assert ws.verdict.rationale.hasFocus()
    qtbot.keyClicks(ws.verdict.rationale, TEXT)
    qtbot.keyClick(ws.verdict.rationale, Qt.Key.Key_Escape)
    assert body.hasFocus() and ws.verdict.has_draft
    assert "not saved" in window.windowTitle()
    assert window.registry.is_enabled("edit.undo")
    qtbot.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.project.verdicts.get(claim).rating == rating, "Ctrl+Z undid the rating"
    assert TEXT in ws.verdict.rationale.toPlainText()
    assert "draft of claim" in window.status.messages.item(0).text()
    qtbot.keyClick(body, Qt.Key.Key_E)
    assert ws.verdict.rationale.hasFocus()
    qtbot.keyClick(ws.verdict.rationale, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not ws.verdict.has_draft and "not saved" not in window.windowTitle()
    window.close()
    with Project.open(demo_copy, read_only=True) as project:
        verdict = project.verdicts.get(claim)
        assert verdict.rating == rating
        assert TEXT in verdict.rationale and TEXT + "e" not in verdict.rationale


def test_a_second_ctrl_z_undoes_the_project_edit(make_window, demo_copy, qtbot) -> None:
    window = make_window(demo_copy)
    session, ws = window.session, window.workspace
    body = ws.article.body
    qtbot.keyClick(body, Qt.Key.Key_1)
    qtbot.keyClick(body, Qt.Key.Key_E)
    qtbot.keyClicks(ws.verdict.rationale, "draft")
    qtbot.keyClick(ws.verdict.rationale, Qt.Key.Key_Escape)
    qtbot.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.project.verdicts.get(session.claim_id).rating is not None
    qtbot.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.project.verdicts.get(session.claim_id).rating is None
    assert "draft" in ws.verdict.rationale.toPlainText(), "the draft outlives the undo"


def test_closing_with_a_draft_asks(make_window, demo_copy: Path, qtbot, monkeypatch) -> None:
    window = make_window(demo_copy)
    session, ws = window.session, window.workspace
    claim = session.claim_id
    ws.verdict.edit_rationale()
    qtbot.keyClicks(ws.verdict.rationale, "keep me")
    asked: list[str] = []

    def answer(choice):
        def question(_parent, _title, text, *_args):
            asked.append(text)
            return choice
        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    assert not window.close(), "Cancel keeps the window open"
    assert asked and f"claim {claim}" in asked[0] and ws.verdict.has_draft
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Save))
    assert window.close()
    with Project.open(demo_copy, read_only=True) as project:
        assert "keep me" in project.verdicts.get(claim).rationale


def test_the_history_shows_what_a_rationale_said(make_window, demo_copy, qtbot) -> None:  # noqa: ANN001
    """A rationale change read "rationale — → …": nothing of what was written."""
    from factdesk.core.commands import SetVerdictField
    from factdesk.model.models import VerdictField

    window = make_window(demo_copy)
    session, verdict = window.session, window.workspace.verdict
    claim = session.claim_id
    long_text = ("<p>Selective Service records list <b>five</b> deferments, 1965-1970, "
                 "and a place in the Marine Reserve.</p>")
    assert session.push(SetVerdictField(claim, VerdictField.RATIONALE, long_text))
    line = verdict.history.item(0)
    assert line.text().endswith("rationale — → Selective Service records list five def…")
    assert "after: Selective Service records list five deferments, 1965-1970, and a " \
           "place in the Marine Reserve." in line.toolTip()
    assert "<b>" not in line.text() + line.toolTip()


def test_a_history_line_wraps_in_the_pane(make_window, demo_copy, qtbot) -> None:  # noqa: ANN001
    """At 1366 x 768 the history's lines ran off the pane behind a sideways scroll bar
    ("… rationale — → NYT says as many as 1…", BASIL Wal-Mart event)."""
    from factdesk.core.commands import SetVerdictField
    from factdesk.model.models import VerdictField

    window = make_window(demo_copy)
    window.resize(1366, 768)
    session, verdict = window.session, window.workspace.verdict
    claim = session.claim_id
    assert session.push(SetVerdictField(claim, VerdictField.RATIONALE,
                                        "NYT says as many as 1.5 million; Fox News says 1.5 "
                                        "million; HuffPost says up to 1.6 million."))
    qtbot.wait(50)
    history = verdict.history
    line = history.item(0)
    assert history.fontMetrics().horizontalAdvance(line.text()) > history.viewport().width()
    assert history.horizontalScrollBar().maximum() == 0
    assert history.visualItemRect(line).width() <= history.viewport().width()
    assert history.visualItemRect(line).height() > history.fontMetrics().height() * 1.5
