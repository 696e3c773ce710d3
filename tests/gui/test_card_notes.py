"""A match card's notes read in full at 1366×768 without the mouse (issue 21: each
suggestion says why it is related or conflicting): the cards box grows to the current
card as far as the pane can spare, the notes come before the other claim's text, and the
card's tooltip holds its reason and every note."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QTextDocument

from factdesk.core.archive_service import import_archive
from factdesk.core.project import Project
from factdesk.gui import settings as user
from factdesk.gui.layout import STANDARD
from factdesk.model.models import MatchDraft

REACTION = ("hpo gives Xavier Becerra's words; nyt neither quotes nor names Xavier "
            "Becerra: a reaction to the same event (or another account of it), not a "
            "report of the same fact.")
CONFLICT = ("the numbers differ: 8 billion dollars here, 5.7 billion dollars there; the "
            "two reports cannot both be right about the amount the wall is to cost.")


def _long_claim_with_a_noted_match(project) -> tuple[int, int]:  # noqa: ANN001
    """The demo's longest claim, given a match whose notes run to several lines."""
    claims = list(project.claims.iter_all())
    here = max(claims, key=lambda c: len(c.text))
    there = max((c for c in claims if c.article_id != here.article_id),
                key=lambda c: len(c.text))
    notes = ({"kind": "reaction", "severity": "variant", "explanation": REACTION},
             {"kind": "amount", "severity": "conflict", "explanation": CONFLICT})
    with project.transaction():
        project.matches.save_suggestions([MatchDraft(here.id, there.id, 0.41, "related",
                                                     notes)])
    match = next(m for m in project.matches.for_claim(here.id)
                 if {m.claim_a, m.claim_b} == {here.id, there.id})
    return here.id, match.id


def _shown_whole(browser, text: str) -> bool:  # noqa: ANN001
    """True when ``text`` lies inside the cards box's viewport as it is scrolled."""
    cursor = browser.document().find(text[-40:], 0, QTextDocument.FindFlag(0))
    start = browser.document().find(text[:40], 0, QTextDocument.FindFlag(0))
    if cursor.isNull() or start.isNull():
        return False
    viewport = browser.viewport().rect()
    return all(viewport.contains(browser.cursorRect(c).center()) for c in (start, cursor))


def test_a_long_note_reads_whole_on_the_current_card_at_1366x768(
        make_window, demo_copy, qtbot) -> None:
    user.set_value("window/layout", STANDARD)
    window = make_window()
    window.resize(1366, 768)
    window.open_project(demo_copy)
    window.reset_layout()
    qtbot.wait(50)
    claim_id, match_id = _long_claim_with_a_noted_match(window.session.project)
    window.session.select_claim(claim_id)
    qtbot.wait(20)
    across = window.workspace.across
    shrinks_to = across.minimumSizeHint().height()
    across.go_to([m.id for m in across.matches].index(match_id))
    # the settled pane: the earlier checks' lookup (150 ms after the selection, then a
    # thread) has answered, so the notes are judged as the checker reads them
    qtbot.waitUntil(lambda: across._earlier_shown_for == claim_id, timeout=30_000)
    qtbot.wait(50)
    browser = across.browser
    assert browser.isVisible()
    for note in (REACTION, CONFLICT):
        assert _shown_whole(browser, note), f"the note is cut off: {note[:30]}…"
        assert note.replace("'", "&#x27;") in browser.toolTip() or note in browser.toolTip()
    # the reason line (what is shared) is in the tooltip too, and the card's header shows
    assert "related" in browser.toPlainText()
    # the other cards stay reachable: the box is not the whole pane
    assert browser.height() < across.height()
    # fitting raised no minimum: the checker can still drag the dock smaller
    assert across.minimumSizeHint().height() <= shrinks_to
    # the demo's archive is empty: that one-line status gave its box up to the card and
    # is said in the pane's heading instead (its full sentence in the tooltip)
    assert not across.earlier.isVisible()
    assert "archive empty" in across.heading.text()
    assert 'href="import:"' in across.heading.text(), "the heading says how to import"
    assert "Import earlier fact-checks" in across.heading.toolTip()
    assert "Ctrl+Shift+R" in across.heading.toolTip()
    window.close()


def test_earlier_checks_keep_their_box_beside_a_long_card_at_1366x768(
        make_window, demo_copy: Path, qtbot, tmp_path: Path) -> None:
    """Real earlier checks are never folded away: their box keeps its minimum and the
    card scrolls instead."""
    user.set_value("window/layout", STANDARD)
    with Project.open(demo_copy) as project:
        claim_id, match_id = _long_claim_with_a_noted_match(project)
        feed = tmp_path / "checks.json"
        feed.write_text(json.dumps([{
            "@context": "https://schema.org", "@type": "ClaimReview",
            "claimReviewed": project.claims.get(claim_id).text,
            "url": "https://checks.example/1", "author": {"name": "Desk Checks"},
            "reviewRating": {"@type": "Rating", "alternateName": "Half True"}}]),
            encoding="utf-8")
        assert import_archive(project, feed).stored == 1
    window = make_window()
    window.resize(1366, 768)
    window.open_project(demo_copy)
    window.reset_layout()
    window.session.select_claim(claim_id)
    across = window.workspace.across
    across.go_to([m.id for m in across.matches].index(match_id))
    qtbot.waitUntil(lambda: across._earlier_shown_for == claim_id, timeout=30_000)
    qtbot.wait(50)
    assert "Desk Checks" in across.earlier.toPlainText()
    assert across.earlier.isVisible()
    assert across.earlier.height() >= across.earlier.minimumHeight() > 0
    assert "earlier" not in across.heading.text().lower()
    # the card scrolls in what is left, its header still shown
    assert across.browser.isVisible() and across.browser.height() > 0
    assert "related" in across.browser.toPlainText()
    window.close()
