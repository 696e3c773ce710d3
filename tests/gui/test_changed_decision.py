"""A decided match card the re-analysis changed says so (issue 21's "not changed"): a
line of its own on the card ("changed since you accepted: new difference: ..."), the
count in the heading, the change in the tooltip; ``a`` accepts it again on what it shows
now, ``a`` once more clears it, and undo brings the earlier decision and the note back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from factdesk.model.changes import ChangeSet
from factdesk.model.models import MatchDraft

DATE = {"kind": "date", "severity": "conflict",
        "explanation": "Reuters dates the visit 2022-09-14, AFP 2022-09-15.",
        "a_text": "Wednesday", "b_text": "Thursday"}


def _claim_with_a_match(project) -> tuple[int, int]:  # noqa: ANN001
    match = next(iter(project.matches.all()), None)
    if match is None:
        claims = list(project.claims.iter_all())
        a = claims[0]
        b = next(c for c in claims if c.article_id != a.article_id)
        with project.transaction():
            project.matches.save_suggestions([MatchDraft(a.id, b.id, 0.9, "same fact")])
        match = project.matches.all()[0]
    return match.claim_a, match.id


def test_an_accepted_card_the_analysis_changed_says_so(make_window, demo_copy,
                                                       qtbot) -> None:
    window = make_window(demo_copy)
    session, ws = window.session, window.workspace
    project = session.project
    claim, match_id = _claim_with_a_match(project)
    with project.transaction():  # a same-fact suggestion, not yet decided
        project.matches.set_decision(match_id, None, "test")
        m = project.matches.get(match_id)
        project.matches.save_suggestions([MatchDraft(m.claim_a, m.claim_b, 0.9,
                                                     "same fact", ())])
    session.select_claim(0)
    session.select_claim(claim)
    across = ws.across
    across.go_to([x.id for x in across.matches].index(match_id))
    qtbot.keyClick(ws.article.body, Qt.Key.Key_A)
    assert project.matches.get(match_id).decision == "accepted"
    assert "changed since" not in across.browser.toPlainText()
    # the claims are analysed again and the pair now conflicts on the date
    with project.transaction():
        project.matches.save_suggestions([MatchDraft(m.claim_a, m.claim_b, 0.8,
                                                     "conflicting", (DATE,))])
    session.broadcast(ChangeSet(claims=True, entities=True, matches=True))
    across.go_to([x.id for x in across.matches].index(match_id))
    text = across.browser.toPlainText()
    assert ("⚠ changed since you accepted: now conflicting (was same fact); new "
            "difference: Reuters dates the visit 2022-09-14") in text
    assert "✓ accepted" in text  # the decision stays
    assert "1 changed since decided" in across.heading.text()
    assert "new: Reuters dates the visit" in across.browser.toolTip()
    # a: accepted again on the conflict; the note goes, the decision stays
    qtbot.keyClick(ws.article.body, Qt.Key.Key_A)
    again = project.matches.get(match_id)
    assert again.decision == "accepted" and again.decided_relation == "conflicting"
    assert "changed since" not in across.browser.toPlainText()
    # undo: the first acceptance, made on the same fact, and its note are back
    session.undo()
    assert project.matches.get(match_id).decided_relation == "same fact"
    assert "⚠ changed since you accepted" in across.browser.toPlainText()
    session.redo()
    # a once more clears the decision, as on any decided card
    across.go_to([x.id for x in across.matches].index(match_id))
    qtbot.keyClick(ws.article.body, Qt.Key.Key_A)
    assert project.matches.get(match_id).decision is None
