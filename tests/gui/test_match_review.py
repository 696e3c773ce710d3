"""Match review keeps its place: a / x leave the order alone, mark the card and go on to
the next undecided match; n / p stop at the ends and say so."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt

from factdesk.gui.match_review import keep_order, next_undecided
from factdesk.model.models import MatchDraft


def _claim_with_matches(project, wanted: int = 3) -> int:
    """A claim with at least ``wanted`` matches (made for it when the demo has none)."""
    counts = Counter()
    for m in project.matches.all():
        counts[m.claim_a] += 1
        counts[m.claim_b] += 1
    best = [c for c, n in counts.items() if n >= wanted]
    if best:
        return best[0]
    claims = list(project.claims.iter_all())
    a = claims[0]
    others = [c for c in claims if c.article_id != a.article_id][:wanted]
    with project.transaction():
        project.matches.save_suggestions(
            [MatchDraft(a.id, b.id, 0.9 - 0.1 * i, "same fact") for i, b in enumerate(others)])
    return a.id


def test_x_then_a_accepts_the_match_that_was_next(make_window, demo_copy, qtbot) -> None:
    window = make_window(demo_copy)
    session, ws = window.session, window.workspace
    body = ws.article.body
    session.select_claim(_claim_with_matches(session.project))
    for m in ws.across.matches:  # start from an undecided list
        if m.decision:
            session.project.matches.set_decision(m.id, None, "test")
    ws.across.show_claim(0)
    ws.across.show_claim(session.claim_id)
    order = [m.id for m in ws.across.matches]
    assert len(order) >= 3 and ws.across.current == 0
    qtbot.keyClick(body, Qt.Key.Key_X)
    assert [m.id for m in ws.across.matches] == order, "the cards moved"
    assert session.project.matches.get(order[0]).decision == "rejected"
    assert ws.across.current == 1 and "✗ rejected" in ws.across.browser.toPlainText()
    qtbot.keyClick(body, Qt.Key.Key_A)
    assert session.project.matches.get(order[1]).decision == "accepted"
    assert [m.id for m in ws.across.matches] == order
    assert ws.across.current == 2
    # n / p: one card at a time in that order; past the end the key says so
    qtbot.keyClick(body, Qt.Key.Key_P)
    assert ws.across.current == 1
    for _ in range(len(order) + 1):
        qtbot.keyClick(body, Qt.Key.Key_N)
    assert ws.across.current == len(order) - 1
    assert "last match" in window.status.messages.item(0).text()
    # deciding every remaining card: the last one says that all are decided
    for i in range(2, len(order)):
        ws.across.go_to(i)
        qtbot.keyClick(body, Qt.Key.Key_A)
    assert "all" in window.status.messages.item(0).text()
    assert "decided" in window.status.messages.item(0).text()
    assert [m.id for m in ws.across.matches] == order


def test_next_undecided_looks_below_then_above() -> None:
    class M:
        def __init__(self, id_: int, decision: str | None) -> None:
            self.id, self.decision = id_, decision

    cards = [M(1, None), M(2, "accepted"), M(3, None), M(4, "rejected")]
    assert next_undecided(cards, 0) == 2
    assert next_undecided(cards, 2) == 0
    assert next_undecided([M(1, "accepted")], 0) is None
    assert [m.id for m in keep_order([3, 1], cards)] == [3, 1, 2, 4]


def _claim_with_one_undecided_match(project) -> int:
    """A claim with exactly one match, undecided (made for it when the demo has none)."""
    counts = Counter()
    for m in project.matches.all():
        counts[m.claim_a] += 1
        counts[m.claim_b] += 1
    one = [m for m in project.matches.all()
           if counts[m.claim_a] == 1 and not m.decision]
    if one:
        return one[0].claim_a
    claims = [c for c in project.claims.iter_all() if not counts[c.id]]
    a = claims[0]
    b = next(c for c in claims if c.article_id != a.article_id)
    with project.transaction():
        project.matches.save_suggestions([MatchDraft(a.id, b.id, 0.9, "same fact")])
    return a.id


def test_deciding_a_claims_only_match_says_so_in_the_singular(
        make_window, demo_copy, qtbot) -> None:
    window = make_window(demo_copy)
    session, ws = window.session, window.workspace
    claim = _claim_with_one_undecided_match(session.project)
    session.select_claim(0)
    session.select_claim(claim)
    assert len(ws.across.matches) == 1
    qtbot.keyClick(ws.article.body, Qt.Key.Key_A)
    message = window.status.messages.item(0).text()
    assert "its only match is decided" in message, message
    assert "all 1 matches" not in message


def test_g_goes_to_the_match_in_its_article_and_back(make_window, demo_copy, qtbot) -> None:
    window = make_window(demo_copy)
    session, ws = window.session, window.workspace
    claim = _claim_with_matches(session.project, wanted=2)
    session.select_claim(claim)
    start_article = session.article_id
    ws.across.go_to(1)
    other = ws.across.other_of(ws.across.current_match())
    assert window.registry.shortcut("go.open_match").toString() == "G"
    qtbot.keyClick(ws.article.body, Qt.Key.Key_G)
    assert session.claim_id == other.id and session.article_id == other.article_id
    assert other.article_id != start_article
    assert ws.article.article_id == other.article_id  # the text shows its article
    message = window.status.messages.item(0).text()
    assert "the match in " in message and "g goes back" in message
    back = ws.across.other_of(ws.across.current_match())
    assert back.id == claim  # the card in front is the claim we came from
    qtbot.keyClick(ws.article.body, Qt.Key.Key_G)
    assert session.claim_id == claim and session.article_id == start_article


def test_the_match_cards_are_reachable_by_keyboard(make_window, demo_copy, qtbot) -> None:
    """Ctrl+5 focuses the cards; Tab walks their links, Enter follows one (the "open" of
    the first card goes to that match's claim)."""
    from PySide6.QtWidgets import QApplication

    window = make_window(demo_copy)
    session, ws = window.session, window.workspace
    session.select_claim(_claim_with_matches(session.project, wanted=1))
    first = ws.across.other_of(ws.across.matches[0])
    qtbot.keyClick(ws.article.body, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    browser = ws.across.browser
    assert QApplication.focusWidget() is browser
    for _ in range(3):  # the card's outlet (a link selecting the card), then its "open"
        qtbot.keyClick(browser, Qt.Key.Key_Tab)
        if browser.textCursor().selectedText() == "open":
            break
    assert browser.textCursor().selectedText() == "open"
    assert QApplication.focusWidget() is browser
    qtbot.keyClick(browser, Qt.Key.Key_Return)
    assert session.claim_id == first.id


def _pixels_like(widget, rgb: tuple[int, int, int], tolerance: int = 60) -> int:  # QWidget
    """How many pixels of the widget as painted are close to ``rgb``."""
    image = widget.grab().toImage()
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if sum(abs(a - b) for a, b in zip(image.pixelColor(x, y).getRgb()[:3], rgb,
                                                 strict=True)) < tolerance)


def test_accept_and_reject_look_greyed_without_a_match(make_window, demo_copy) -> None:
    # their green and red text once stayed when disabled: they looked usable with "No
    # match in the other articles."
    window = make_window(demo_copy)
    session, across = window.session, window.workspace.across
    green, red = (0x1E, 0x6B, 0x34), (0xA5, 0x0E, 0x0E)
    session.select_claim(_claim_with_matches(session.project, 1))
    assert across.accept_button.isEnabled()
    assert _pixels_like(across.accept_button, green) > 0
    assert _pixels_like(across.reject_button, red) > 0
    session.select_claim(0)
    assert not across.accept_button.isEnabled() and not across.reject_button.isEnabled()
    assert _pixels_like(across.accept_button, green) == 0
    assert _pixels_like(across.reject_button, red) == 0
    window.close()
