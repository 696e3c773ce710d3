"""A whole checking session by keys alone: real key events sent to the focused widget."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from factdesk.core.project import Project

CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)


def _focused(window: QWidget) -> QWidget:
    """The focused widget; it must be a visible, enabled one (never nowhere)."""
    widget = QApplication.focusWidget()
    if widget is None:  # offscreen: a closed modal dialog does not give activation back
        window.activateWindow()
        widget = window.focusWidget()
    assert widget is not None and widget.isVisible() and widget.isEnabled(), widget
    return widget


def _press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> QWidget:  # noqa: ANN001
    qtbot.keyClick(_focused(window), key, modifier)
    return _focused(window)


def _on_dialog(qtbot, act: Callable[[QWidget], None]) -> None:  # noqa: ANN001
    """Run ``act`` on the next modal dialog once it has focus (it runs in exec's loop)."""
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        qtbot.waitUntil(lambda: dialog.focusWidget() is not None, timeout=2000)
        act(dialog)
    QTimer.singleShot(0, poll)


def test_a_checking_session_by_keyboard_alone(make_window, demo_copy, qtbot) -> None:
    window = make_window(demo_copy)
    session, ws = window.session, window.workspace
    first = session.claim_id
    _press(qtbot, window, Qt.Key.Key_J)
    assert session.claim_id != first
    _press(qtbot, window, Qt.Key.Key_K)
    assert session.claim_id == first
    article = session.article_id
    _press(qtbot, window, Qt.Key.Key_J, SHIFT)
    assert session.article_id != article
    _press(qtbot, window, Qt.Key.Key_K, SHIFT)
    assert session.article_id == article
    _press(qtbot, window, Qt.Key.Key_H)
    assert session.show_candidates

    # mark a sentence by hand: Ctrl+1, arrows, Shift+End, m; then edit its words and text
    assert _press(qtbot, window, Qt.Key.Key_1, CTRL) is ws.article.body
    for _ in range(3):
        _press(qtbot, window, Qt.Key.Key_Down)
    _press(qtbot, window, Qt.Key.Key_Home)
    _press(qtbot, window, Qt.Key.Key_End, SHIFT)
    _press(qtbot, window, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=30_000)
    marked = session.claim_id
    assert session.project.claims.get(marked).origin == "manual"
    _press(qtbot, window, Qt.Key.Key_Right, ALT)
    field = _press(qtbot, window, Qt.Key.Key_T)
    assert field is ws.verdict.statement.line
    qtbot.keyClicks(field, "A statement typed by hand")
    assert _press(qtbot, window, Qt.Key.Key_Return) is not field
    assert session.project.claims.get(marked).statement == "A statement typed by hand"

    # across sources: on to a claim with matches by j, Ctrl+5, accept and reject
    _press(qtbot, window, Qt.Key.Key_2, CTRL)
    for _ in range(80):
        if len(ws.across.matches) > 1:
            break
        _press(qtbot, window, Qt.Key.Key_J)
    assert len(ws.across.matches) > 1
    assert _press(qtbot, window, Qt.Key.Key_5, CTRL) is ws.across.browser
    claim = session.claim_id
    _press(qtbot, window, Qt.Key.Key_A)
    _press(qtbot, window, Qt.Key.Key_X)
    decisions = sorted(m.decision or "" for m in session.project.matches.for_claim(claim))
    assert "accepted" in decisions and "rejected" in decisions

    # the verdict: Ctrl+4, rating, status, rationale, evidence
    assert _press(qtbot, window, Qt.Key.Key_4, CTRL) is ws.verdict.rating
    _press(qtbot, window, Qt.Key.Key_3)
    _press(qtbot, window, Qt.Key.Key_S)
    editor = _press(qtbot, window, Qt.Key.Key_E)
    assert editor is ws.verdict.rationale
    qtbot.keyClicks(editor, "the count differs between outlets")
    _press(qtbot, window, Qt.Key.Key_Return, CTRL)

    def rationale() -> str:
        return session.project.verdicts.get(claim).rationale or ""

    # undo takes the rationale back, redo brings it again
    _press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert "count differs" not in rationale()
    _press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert "count differs" in rationale()

    def add_evidence(dialog: QWidget) -> None:
        qtbot.keyClicks(dialog.focusWidget(), "https://example.org/report")
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    _on_dialog(qtbot, add_evidence)
    _press(qtbot, window, Qt.Key.Key_E, CTRL | SHIFT)
    assert [e.url for e in ws.verdict.evidence] == ["https://example.org/report"]

    # search: /, type, Down, Enter opens the hit
    window.activateWindow()  # offscreen: the evidence dialog did not give activation back
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(_focused(window), Qt.Key.Key_Slash)
    panel = window.dialogs._search
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.edit, timeout=2000)
    qtbot.keyClicks(panel.edit, "Izium")
    qtbot.waitUntil(lambda: panel.list.count() > 0, timeout=2000)
    before = session.claim_id
    _press(qtbot, window, Qt.Key.Key_Down)
    qtbot.keyClick(_focused(window), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=2000)
    assert session.claim_id and session.claim_id != before

    # the export dialog opens on Ctrl+E and Esc cancels it; nothing is written
    opened: list[QWidget] = []

    def cancel(dialog: QWidget) -> None:
        opened.append(dialog)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)

    _on_dialog(qtbot, cancel)
    window.activateWindow()  # offscreen: the evidence dialog did not give activation back
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(_focused(window), Qt.Key.Key_E, CTRL)  # focus after it: see the docs
    assert opened and not list(demo_copy.parent.glob("demo-*"))
    rated = session.scale().by_key("3").name
    window.close()
    with Project.open(demo_copy, read_only=True) as project:
        verdict = project.verdicts.get(claim)
        assert verdict.rating == rated
        assert "count differs" in verdict.rationale and verdict.status == "in progress"
        assert project.claims.get(marked).statement == "A statement typed by hand"


def test_ctrl_5_on_a_claim_without_matches_says_so(make_window, demo_copy, qtbot) -> None:
    """The match cards are hidden then: Ctrl+5 focused them and focus went nowhere."""
    window = make_window(demo_copy)
    session, ws = window.session, window.workspace
    lonely = next(c.id for c in session.project.claims.iter_all()
                  if not list(session.project.matches.for_claim(c.id)))
    session.select_claim(lonely)
    ws.claims.setFocus()
    messages: list[str] = []
    window.status.show_message = lambda text, level="info": messages.append(text)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_5, CTRL)
    focus = QApplication.focusWidget()
    assert focus is not None and focus.isVisible()
    if focus is not ws.across.earlier:
        assert any("no matches across sources" in m for m in messages)
    window.close()
