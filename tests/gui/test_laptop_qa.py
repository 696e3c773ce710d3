"""What a checker tripped over in an hour of keyboard work at 1366×768 (BASIL's Santorum
event, docs/window.md "Laptop QA, held-out events"): who said the claim when the list
hides its speaker column; a match score that reads as its relation ranks."""

from __future__ import annotations

from factdesk.gui import settings as user
from factdesk.gui.claims_model import SPEAKER
from factdesk.gui.layout import STANDARD


def _claim_with_speaker(window) -> tuple[int, str]:  # noqa: ANN001
    project = window.session.project
    for claim in project.claims.iter_all():
        if claim.speaker:
            return claim.id, claim.speaker
    raise AssertionError("the demo has no claim with a speaker")


def test_the_speaker_shows_beside_the_claim_when_the_list_hides_its_column(
        make_window, demo_copy, qtbot) -> None:
    user.set_value("window/layout", STANDARD)
    window = make_window()
    window.resize(1366, 768)
    window.open_project(demo_copy)
    qtbot.wait(50)
    assert window.workspace.claims.view.isColumnHidden(SPEAKER), (
        "at 1366 px the claims list hides the speaker column")
    claim_id, speaker = _claim_with_speaker(window)
    window.session.select_claim(claim_id)
    qtbot.wait(20)
    verdict = window.workspace.verdict.claim_label
    assert verdict.isVisible()
    assert f"said by <b>{speaker}</b>" in verdict.text()
    # the reason a checker reads ("quote", "number, named source"), not the bare kind
    from factdesk.nlp.reasons import reason_of

    claim = window.session.project.claims.get(claim_id)
    assert reason_of(claim) and f"· {reason_of(claim)} ·" in verdict.text()
    across = window.workspace.across.this_claim.text()
    assert f"said by {speaker}" in across
    # a claim without a speaker says nothing of one
    silent = next(c for c in window.session.project.claims.iter_all() if not c.speaker)
    window.session.select_claim(silent.id)
    qtbot.wait(20)
    assert "said by" not in window.workspace.verdict.claim_label.text()
    assert "said by" not in window.workspace.across.this_claim.text()
    window.close()


def test_score_text_keeps_the_bands_apart() -> None:
    from factdesk.matching.pair_score import pair_score
    from factdesk.model.score_display import score_text

    assert f"{0.435:.2f}" == "0.43", "plain rounding: the case this fixes"
    assert score_text(0.435, "same fact") == "0.44"
    assert score_text(0.435, "conflicting") == "0.44"
    assert score_text(0.430, "related") == "0.43"
    assert score_text(0.842, "same fact") == "0.84", "as factdesk matches prints it"
    assert score_text(0.8451, "conflicting") == "0.85"
    assert score_text(0.29, "related") == "0.29", "binary 0.29 must not round down to 0.28"
    assert score_text(0.3483, "related") == "0.34"
    assert score_text(1.0, "same fact") == "1.00" and score_text(0.0, None) == "0.00"
    # whatever the threshold, a shown same-band score reads above every related one
    for threshold in (0.3, 0.435, 0.5, 0.555, 0.61):
        related_top = pair_score(0.999, 0.999, same_band=False, same_threshold=threshold,
                                 related_threshold=0.341)
        lowest_same = pair_score(0.0, 0.0, same_band=True, same_threshold=threshold,
                                 related_threshold=0.341)
        assert float(score_text(related_top, "related")) < float(
            score_text(lowest_same, "same fact")), threshold
        assert abs(float(score_text(lowest_same, "same fact")) - lowest_same) <= 0.005 + 1e-9


def test_a_same_fact_card_at_the_threshold_reads_above_the_related_top(
        make_window, demo_copy, qtbot) -> None:
    from factdesk.core.project import Project
    from factdesk.model.models import MatchDraft

    with Project.open(demo_copy) as project:
        claims = list(project.claims.iter_all())
        this = claims[0]
        others = [c for c in claims if c.article_id != this.article_id][:2]
        project.matches.remove_undecided_for_claims([this.id])
        with project.transaction():
            project.matches.save_suggestions([
                MatchDraft(this.id, others[0].id, 0.430, "related", ()),
                MatchDraft(this.id, others[1].id, 0.435, "same fact", ())])
    window = make_window(demo_copy)
    window.session.select_claim(this.id)
    qtbot.wait(20)
    cards = window.workspace.across.browser.toPlainText()
    assert "same fact · score 0.44" in cards
    assert "related · score 0.43" in cards
    assert cards.index("same fact · score 0.44") < cards.index("related · score 0.43")
    window.close()


def test_a_first_start_on_a_laptop_screen_is_maximised_with_the_status_bar_on_it(
        make_window, qtbot) -> None:
    from PySide6.QtCore import Qt

    window = make_window()
    screen = window.screen().availableGeometry()
    assert screen.width() <= 1440 or screen.height() <= 900, "offscreen: a small screen"
    assert window.windowState() & Qt.WindowState.WindowMaximized
    bar = window.statusBar()
    bottom = bar.mapToGlobal(bar.rect().bottomLeft()).y()
    assert bar.isVisible() and bottom <= screen.bottom(), "the status bar is off the screen"
    window.close()  # the maximised state is remembered with the geometry
    again = make_window()
    assert again.windowState() & Qt.WindowState.WindowMaximized
    again.showNormal()
    again.close()
    third = make_window()
    assert not third.windowState() & Qt.WindowState.WindowMaximized, (
        "a window the checker restored is not maximised again")
    third.close()


def test_a_quote_claim_is_not_quoted_twice_above_the_verdict() -> None:
    from factdesk.gui.verdict_pane import quoted

    # a quotation the sentence split left open is closed, not quoted again
    assert quoted("“I’m worried about undermining our civil liberties") == (
        "“I’m worried about undermining our civil liberties”")
    assert quoted('"Phony theology" <b>') == "“‘Phony theology’ &lt;b&gt;”"
    assert quoted("Mr. Santorum did not say") == "“Mr. Santorum did not say”"
    # a claim that starts inside a quotation (review 19): one opening mark, nested
    assert quoted("A lengthy investigation … his work,” Goelman said.") == (
        "“‘A lengthy investigation … his work,’ Goelman said.”")


def test_the_match_cards_get_room_for_a_whole_card_at_1366(
        make_window, demo_copy, qtbot) -> None:
    user.set_value("window/layout", STANDARD)
    window = make_window()
    window.resize(1366, 749)  # maximised under a window manager's title bar
    window.open_project(demo_copy)
    window.reset_layout()
    qtbot.wait(50)
    ws = window.workspace
    claim = next(c for c in window.session.project.claims.iter_all()
                 if window.session.project.matches.for_claim(c.id))
    window.session.select_claim(claim.id)
    qtbot.wait(20)
    across, verdict_dock = window.docks["acrossDock"], window.docks["verdictDock"]
    # half the column each, unless the verdict needs more for its controls
    assert (across.height() >= verdict_dock.height() - 12
            or verdict_dock.height() <= verdict_dock.minimumSizeHint().height() + 12), (
        across.height(), verdict_dock.height(), verdict_dock.minimumSizeHint().height())
    cards = ws.across.browser
    lines = cards.viewport().height() / cards.fontMetrics().lineSpacing()
    assert lines >= 7, "a match card (header, reason, claim) does not fit in the cards box"
    verdict = ws.verdict
    for button in (verdict.rating, verdict.status):
        assert not button.visibleRegion().isEmpty(), "the verdict lost a control"
    window.close()


def test_the_palette_lists_equal_matches_in_the_menus_order(
        make_window, demo_copy, qtbot) -> None:
    from factdesk.gui.palette import CommandPalette, palette_score

    window = make_window(demo_copy)
    palette = CommandPalette(window, window.registry)
    palette.on_text("rate")
    shown = [palette.list.item(i).text() for i in range(palette.list.count())]
    rates = [t.split("    ")[0] for t in shown if t.startswith("Rate: ")]
    titles = [e[0] for e in palette.entries() if e[0].startswith("Rate: ")]
    assert len(rates) >= 5
    scores = [palette_score("rate", t) for t in rates]
    # among titles scored alike, the menus' order (the scale's, True first)
    for (a, sa), (b, sb) in zip(zip(rates, scores, strict=True),
                                zip(rates[1:], scores[1:], strict=True), strict=False):
        if sa == sb:
            assert titles.index(a) < titles.index(b), (a, b)
    palette.deleteLater()


def test_a_taller_window_keeps_the_verdict_its_larger_share(
        make_window, demo_copy, qtbot) -> None:
    user.set_value("window/layout", STANDARD)
    window = make_window()
    window.resize(1440, 900)
    window.open_project(demo_copy)
    window.reset_layout()
    qtbot.wait(50)
    across, verdict = window.docks["acrossDock"], window.docks["verdictDock"]
    assert verdict.height() > across.height() + 60, (across.height(), verdict.height())
    window.close()
