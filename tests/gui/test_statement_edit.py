"""The claim as checked in the verdict editor: t, type, Enter; Esc cancels; undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from factdesk.core.project import Project


def test_t_states_the_claim_as_checked_and_undo_takes_it_back(
        make_window, demo_copy, qtbot) -> None:
    window = make_window(demo_copy)
    session = window.session
    pane = window.workspace.verdict
    claim_id = session.claim_id
    assert claim_id
    sentence = " ".join(session.project.claims.get(claim_id).text.split())
    assert pane.statement.line.placeholderText() == sentence
    assert pane.statement.counter.text() == "sentence"

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_T)
    field = QApplication.focusWidget()
    assert field is pane.statement.line
    qtbot.keyClicks(field, "Russia  withdrew from Izium ")
    assert pane.statement.counter.text() == f"{len('Russia withdrew from Izium')}/75"
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is not field  # Enter commits and leaves
    assert session.project.claims.get(claim_id).statement == "Russia withdrew from Izium"

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_T)
    qtbot.keyClicks(QApplication.focusWidget(), "something else")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert pane.statement.line.text() == "Russia withdrew from Izium"  # Esc cancels
    assert session.project.claims.get(claim_id).statement == "Russia withdrew from Izium"

    session.undo()
    assert session.project.claims.get(claim_id).statement is None
    assert pane.statement.line.text() == ""
    window.close()
    with Project.open(demo_copy, read_only=True) as project:
        assert project.claims.get(claim_id).statement is None
