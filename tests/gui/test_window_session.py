"""The window end to end: move, rate, write a rationale, decide a match, undo, reopen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from factdesk.core.project import Project
from factdesk.model.models import MatchDraft


def _claim_with_match(window) -> int:
    project = window.session.project
    matches = project.matches.all()
    if not matches:
        ids = [c.id for c in project.claims.iter_all()]
        a = project.claims.get(ids[0])
        b = next(project.claims.get(i) for i in ids if project.claims.get(i).article_id
                 != a.article_id)
        with project.transaction():
            project.matches.save_suggestions([MatchDraft(a.id, b.id, 0.8, "same fact")])
        return a.id
    return matches[0].claim_a


def test_keyboard_editing_persists(make_window, demo_copy: Path, qtbot) -> None:
    window = make_window(demo_copy)
    assert "FactDesk" in window.windowTitle() and demo_copy.stem in window.windowTitle()
    session, ws = window.session, window.workspace
    body = ws.article.body
    first = session.claim_id
    assert first and body.hasFocus()

    qtbot.keyClick(body, Qt.Key.Key_J)
    second = session.claim_id
    assert second and second != first
    assert ws.verdict.claim_id == second and ws.across.claim is not None
    assert ws.across.claim.id == second
    qtbot.keyClick(body, Qt.Key.Key_K)
    assert session.claim_id == first
    qtbot.keyClick(body, Qt.Key.Key_J)

    qtbot.keyClick(body, Qt.Key.Key_5)  # "False" in the default scale
    assert session.project.verdicts.get(second).rating == "False"
    assert ws.verdict.rating.currentData() == "False"

    qtbot.keyClick(body, Qt.Key.Key_E)
    assert ws.verdict.rationale.hasFocus()
    qtbot.keyClicks(ws.verdict.rationale, "Police said 450 jk")
    qtbot.keyClick(ws.verdict.rationale, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert session.claim_id == second, "typing j/k in the rationale must not move"
    assert "Police said 450 jk" in session.project.verdicts.get(second).rationale
    assert body.hasFocus()

    qtbot.keyClick(body, Qt.Key.Key_S)
    assert session.project.verdicts.get(second).status == "in progress"

    match_claim = _claim_with_match(window)
    session.select_claim(match_claim)
    assert ws.across.current_match() is not None
    match_id = ws.across.current_match().id
    qtbot.keyClick(body, Qt.Key.Key_A)
    assert session.project.matches.get(match_id).decision == "accepted"

    qtbot.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo accept
    assert session.project.matches.get(match_id).decision is None
    qtbot.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # redo
    assert session.project.matches.get(match_id).decision == "accepted"
    qtbot.keyClick(body, Qt.Key.Key_X)
    qtbot.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.project.matches.get(match_id).decision == "accepted"

    window.close()
    with Project.open(demo_copy, create=False) as project:
        verdict = project.verdicts.get(second)
        assert verdict.rating == "False" and verdict.status == "in progress"
        assert "Police said 450 jk" in verdict.rationale
        assert project.matches.get(match_id).decision == "accepted"
        assert [h.field for h in project.verdicts.history_for_claim(second)][:3] == [
            "rating", "rationale", "status"]

    again = make_window(demo_copy)
    assert again.session.claim_id == match_claim, "the last claim is selected on reopen"


def test_typing_letters_in_text_fields_does_not_fire_actions(make_window, demo_copy,
                                                             qtbot) -> None:
    window = make_window(demo_copy)
    session, ws = window.session, window.workspace
    start = session.claim_id
    qtbot.keyClick(ws.article.body, Qt.Key.Key_E)
    for key in (Qt.Key.Key_J, Qt.Key.Key_K, Qt.Key.Key_1, Qt.Key.Key_A, Qt.Key.Key_S,
                Qt.Key.Key_M, Qt.Key.Key_Question, Qt.Key.Key_Slash):
        qtbot.keyClick(ws.verdict.rationale, key)
    assert ws.verdict.rationale.toPlainText() == "jk1asm?/"
    assert session.claim_id == start
    assert session.project.verdicts.get(start) is None
    qtbot.keyClick(ws.verdict.rationale, Qt.Key.Key_Escape)  # leave; the draft stays
    assert ws.verdict.rationale.toPlainText() == "jk1asm?/"
    assert ws.verdict.has_draft and ws.verdict.draft_line.isVisibleTo(ws.verdict)
    assert ws.article.body.hasFocus()
    ws.verdict.discard_draft()
    assert ws.verdict.rationale.toPlainText() == "" and not ws.verdict.has_draft

    ws.claims.min_score.setFocus()
    qtbot.keyClick(ws.claims.min_score, Qt.Key.Key_J)
    assert session.claim_id == start

    window.registry.trigger("edit.palette")
    from factdesk.gui.palette import CommandPalette

    pal = window.findChild(CommandPalette)
    assert pal is not None and pal.isVisible()
    qtbot.keyClicks(pal.edit, "next claim")
    assert session.claim_id == start
    qtbot.keyClick(pal.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.claim_id != start, timeout=1000)


def test_mark_adjust_delete_claim(make_window, demo_copy, qtbot) -> None:
    window = make_window(demo_copy)
    session, ws = window.session, window.workspace
    body = ws.article.body
    before = session.project.claims.count()
    cursor = body.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(25, cursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)
    qtbot.keyClick(body, Qt.Key.Key_M)
    assert session.project.claims.count() == before + 1
    new = session.claim_id
    claim = session.project.claims.get(new)
    assert claim.origin == "manual" and claim.start == 0
    qtbot.keyClick(body, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    longer = session.project.claims.get(new)
    assert longer.end > claim.end
    qtbot.keyClick(body, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert session.project.claims.get(new).start > 0
    qtbot.keyClick(body, Qt.Key.Key_Delete)
    assert session.project.claims.get(new) is None
    assert session.claim_id != new
    for _ in range(4):
        qtbot.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.project.claims.get(new) is None  # the mark itself was undone last
    assert session.project.claims.count() == before


def test_esc_in_the_rationale_can_be_taken_back(make_window, demo_copy, qtbot) -> None:
    window = make_window(demo_copy)
    editor = window.workspace.verdict.rationale
    editor.load("<p>The <b>committed</b> reasoning.</p>")
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Typed since, not yet committed.")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # leaves the editor, keeps the draft
    assert "Typed since, not yet committed." in editor.toPlainText() and editor.dirty
    window.workspace.verdict.discard_draft()
    assert editor.toPlainText().strip() == "The committed reasoning."
    assert not editor.dirty
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Typed since, not yet committed." in editor.toPlainText()
    assert editor.dirty
