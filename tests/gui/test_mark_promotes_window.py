"""m on the words of a hidden candidate promotes that claim: no second claim, its
matches kept, and the status bar says so."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from factdesk.model.triage import shown_by_default


def test_m_on_a_candidate_promotes_it(make_window, demo_copy, qtbot) -> None:
    window = make_window(demo_copy)
    session = window.session
    project = session.project
    cuts = {s.id: s.cut for s in project.articles.summaries(project.triage())}
    hidden = [c for c in project.claims.iter_all()
              if c.origin == "detected" and project.matches.for_claim(c.id)
              and not shown_by_default(c.score, c.start, c.origin, cuts[c.article_id],
                                       claim_id=c.id)]
    if not hidden:
        pytest.skip("needs the demo built by the real pipeline")
    candidate = hidden[0]
    matches = sorted(m.id for m in project.matches.for_claim(candidate.id))
    count = project.claims.count()
    session.select_article(candidate.article_id)
    body = window.workspace.article.body
    cursor = body.textCursor()
    cursor.setPosition(candidate.start)
    cursor.setPosition(candidate.end, QTextCursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_M)
    assert session.claim_id == candidate.id
    assert project.claims.count() == count
    assert project.claims.get(candidate.id).origin == "manual"
    assert sorted(m.id for m in project.matches.for_claim(candidate.id)) == matches
    assert candidate.id in {c.id for c in window.workspace.article.body.claims}
    assert f"claim {candidate.id} was detected here: now marked by hand" in \
        window.status.messages.item(0).text()
    window.registry.trigger("edit.undo")
    assert project.claims.get(candidate.id).origin == "detected"
    assert candidate.id not in {c.id for c in window.workspace.article.body.claims}
    window.close()
