"""Marking a claim by hand with the keyboard: it is read and matched in the background."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from factdesk.core.commands import DeleteClaim


def test_a_claim_marked_with_m_is_read_and_shows_other_sources(
        make_window, demo_copy, qtbot) -> None:
    window = make_window(demo_copy)
    session = window.session
    project = session.project
    found = [c for c in project.claims.iter_all() if "more than 400 bodies" in c.text]
    if not found:
        pytest.skip("needs the demo built by the real pipeline")
    detected = found[0]
    partners = {m.claim_a ^ m.claim_b ^ detected.id for m in project.matches.for_claim(detected.id)}
    assert partners
    session.push(DeleteClaim(detected.id))
    session.select_article(detected.article_id)
    body = window.workspace.article.body
    cursor = body.textCursor()
    cursor.setPosition(detected.start)
    cursor.setPosition(detected.end, QTextCursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)
    body.setFocus()
    with qtbot.waitSignal(window.runner.idle, timeout=60_000):
        qtbot.keyClick(body, Qt.Key.Key_M)
    marked = session.claim_id
    assert marked and marked != detected.id
    claim = project.claims.get(marked)
    assert claim.origin == "manual" and claim.lemmas and claim.quantities
    shown = {m.claim_a ^ m.claim_b ^ marked for m in window.workspace.across.matches}
    assert shown == partners
    window.close()


def test_moving_a_boundary_word_by_word_reads_the_claim_once(
        make_window, demo_copy, qtbot) -> None:
    window = make_window(demo_copy)
    session = window.session
    found = [c for c in session.project.claims.iter_all()
             if c.text.startswith("In Izium, we found 450 dead people buried")]
    if not found:
        pytest.skip("needs the demo built by the real pipeline")
    claim = found[0]
    session.select_claim(claim.id)
    jobs: list[str] = []
    window.runner.started.connect(jobs.append)
    steps = 0
    with qtbot.waitSignal(window.runner.idle, timeout=60_000):
        while not session.project.claims.get(claim.id).text.endswith("separate"):
            window.registry.trigger("claim.end_right")  # "But there are others, separate"
            steps += 1
            assert steps < 10
    assert steps > 3 and jobs == ["Reading the marked claim"]
    moved = session.project.claims.get(claim.id)
    assert moved.text.endswith("separate") and "separate" in moved.lemmas.split()
    window.close()
