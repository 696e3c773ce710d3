"""A keyboard-only session: ten claims judged with keys alone, no mouse event at all."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from factdesk.core.project import Project

MOUSE_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                QEvent.Type.MouseButtonDblClick}


class MouseSpy(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in MOUSE_EVENTS:
            self.count += 1
        return False


def test_judge_ten_claims_by_keyboard(make_window, demo_copy, qtbot) -> None:
    spy = MouseSpy()
    QApplication.instance().installEventFilter(spy)
    try:
        window = make_window(demo_copy)
        session = window.session
        judged: dict[int, str] = {}
        for i in range(10):
            focus = QApplication.focusWidget()
            if i:
                qtbot.keyClick(focus, Qt.Key.Key_J)
            claim_id = session.claim_id
            assert claim_id not in judged, "j moved on to a new claim"
            key = "123456789"[i % 6]
            qtbot.keyClick(QApplication.focusWidget(), key)
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E)
            editor = QApplication.focusWidget()
            assert editor is window.workspace.verdict.rationale
            qtbot.keyClicks(editor, f"reason {i}")
            qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S)
            judged[claim_id] = session.scale().by_key(key).name
        window.close()
    finally:
        QApplication.instance().removeEventFilter(spy)
    assert spy.count == 0
    with Project.open(demo_copy, create=False) as project:
        for i, (claim_id, rating) in enumerate(judged.items()):
            verdict = project.verdicts.get(claim_id)
            assert verdict.rating == rating
            assert f"reason {i}" in verdict.rationale
            assert verdict.status == "in progress"


def test_ctrl_4_lands_on_the_rating_and_the_verdict_keys_still_work(
        make_window, demo_copy, qtbot) -> None:  # noqa: ANN001
    """Ctrl+4 focused the verdict pane's container, which shows no focus at all."""
    window = make_window(demo_copy)
    ws, session = window.workspace, window.session
    qtbot.keyClick(ws.article.body, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is ws.verdict.rating
    qtbot.keyClick(ws.verdict.rating, Qt.Key.Key_3)
    rating = session.project.verdicts.get(session.claim_id).rating
    assert rating == session.scale().ratings[2].name
    assert ws.verdict.rating.currentText().endswith(rating)
    qtbot.keyClick(ws.verdict.rating, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is ws.verdict.status
