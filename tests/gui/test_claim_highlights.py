"""The article text's highlights after a change: only what changed is repainted, and the
text ends as a full repaint leaves it (triage, threshold, verdict, overlapping claims)."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat, QTextCursor

from factdesk.core.commands import MarkClaim, SetVerdictField
from factdesk.core.settings_command import ChangeSettings
from factdesk.gui.article_view import ArticlePane
from factdesk.gui.claim_highlights import repaint_plan
from factdesk.model.settings import CLAIM_THRESHOLD

RED, BLUE = ("#ff0000", 120), ("#0000ff", 120)


def test_plan_repaints_what_changed_and_what_overlaps_it() -> None:
    painted = {1: (0, 10, RED), 2: (20, 30, RED), 3: (25, 40, RED), 4: (50, 60, RED),
               5: (70, 80, RED)}
    wanted = {1: (0, 10, RED), 2: (20, 30, BLUE), 3: (25, 40, RED), 4: (50, 60, RED),
              6: (55, 58, BLUE)}
    plan = repaint_plan(painted, wanted)
    # 2 changed colour and 5 went: their stretches are cleared
    assert plan.clear == [(20, 30), (70, 80)]
    # 2 repainted, then 3 over it (it overlaps what was cleared: later claims stay on
    # top); 6 is new, and 4, under it, is painted first so that 6 stays on top
    assert plan.paint == [2, 3, 4, 6]
    assert repaint_plan(wanted, wanted).paint == [] and repaint_plan(wanted, wanted).clear == []


def test_plan_follows_overlaps_transitively() -> None:
    painted = {1: (0, 10, RED), 2: (8, 20, RED), 3: (18, 30, RED), 4: (40, 50, RED)}
    wanted = {1: (0, 10, BLUE), 2: (8, 20, RED), 3: (18, 30, RED), 4: (40, 50, RED)}
    assert repaint_plan(painted, wanted).paint == [1, 2, 3]


def _backgrounds(pane: ArticlePane) -> list[tuple[int, int, int]]:
    """(rgba, bold, underline) of every character of the text as loaded."""
    out = []
    cursor = QTextCursor(pane.body.document())
    for position in range(1, pane.loaded + 1):
        cursor.setPosition(position)
        fmt = cursor.charFormat()
        out.append((fmt.background().color().rgba() if fmt.background().style() else 0,
                    int(fmt.fontWeight()), int(fmt.underlineStyle().value)))
    return out


def _underline(pane: ArticlePane, claim) -> QTextCharFormat.UnderlineStyle:  # ClaimSpan
    cursor = QTextCursor(pane.body.document())
    cursor.setPosition(claim.start + 1)
    return cursor.charFormat().underlineStyle()


def test_candidates_shown_are_underlined_with_dots(make_window, demo_copy) -> None:
    # a candidate far under the threshold had a tint barely darker than the page: "show
    # all candidates" (h) seemed to show nothing more in the text
    window = make_window(demo_copy)
    session, pane = window.session, window.workspace.article
    worth = set(c.id for c in pane.body.claims)
    session.set_show_candidates(True)
    candidates = [c for c in pane.body.claims if c.id not in worth]
    assert candidates and worth
    dotted = QTextCharFormat.UnderlineStyle.DotLine
    assert all(_underline(pane, c) == dotted for c in candidates)
    assert all(_underline(pane, c) != dotted for c in pane.body.claims if c.id in worth)
    session.set_show_candidates(False)
    assert all(_underline(pane, c) != dotted for c in candidates)
    window.close()


def _as_full_repaint(pane: ArticlePane) -> list[tuple[int, int, int]]:
    now = _backgrounds(pane)
    pane.load_claims(reset=True)
    return now


def test_triage_threshold_and_verdict_changes_repaint_only_what_changed(
        make_window, demo_copy, monkeypatch) -> None:
    window = make_window(demo_copy)
    session, pane = window.session, window.workspace.article
    assert pane.article_id and pane.is_complete()
    every = len(pane._spans)
    shown = len(pane.body.claims)
    assert 0 < shown < every, "the demo article has claims and other candidates"
    painted: list[int] = []
    original = ArticlePane._paint

    def counting(self, cursor, claim_ids, wanted) -> None:  # noqa: ANN001
        painted.extend(claim_ids)
        original(self, cursor, claim_ids, wanted)

    monkeypatch.setattr(ArticlePane, "_paint", counting)
    reads: list[int] = []
    spans = session.project.claims.spans
    monkeypatch.setattr(session.project.claims, "spans",
                        lambda article_id: reads.append(article_id) or spans(article_id))
    # all candidates: the new ones are painted (and claims they overlap), nothing re-read
    session.set_show_candidates(True)
    assert len(pane.body.claims) == every and not reads
    assert every - shown <= len(painted) < every
    after = _as_full_repaint(pane)
    assert after == _backgrounds(pane), "the incremental repaint differs from a full one"
    painted.clear()
    session.set_show_candidates(False)
    assert len(pane.body.claims) == shown and len(painted) < shown
    assert _as_full_repaint(pane) == _backgrounds(pane)
    # a higher threshold (an undoable settings edit) hides some: only they are cleared
    painted.clear()
    scores = sorted(c.score for c in pane.body.claims if c.origin != "manual")
    assert session.push(ChangeSettings({CLAIM_THRESHOLD: scores[len(scores) // 2]}))
    assert 0 < len(pane.body.claims) < shown and len(painted) < shown
    assert _as_full_repaint(pane) == _backgrounds(pane)
    # a claim marked by hand over a highlighted one: painted on top, as a full repaint does
    claim = pane.body.claims[0]
    painted.clear()
    command = MarkClaim(pane.article_id, claim.start + 2, claim.end + 5)
    assert session.push(command)
    assert command.claim_id in painted and len(painted) <= 3
    assert _as_full_repaint(pane) == _backgrounds(pane)
    # a verdict changes one claim's colour: that claim (and what overlaps it) repainted
    painted.clear()
    assert session.push(SetVerdictField(claim.id, "rating", session.scale().ratings[0].name))
    assert claim.id in painted and len(painted) <= 3
    assert _as_full_repaint(pane) == _backgrounds(pane)
    window.close()
