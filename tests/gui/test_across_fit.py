"""At 1366×768 the across-sources dock shows at least three whole match cards (a BASIL
event's claim with eight suggestions showed one and a half, its "conflicting: place
Norfolk vs Norwalk" ones below the fold): the other cards are compact on a short pane,
an empty archive's note is one line of the heading, the "this claim" block keeps two
lines with the whole claim in its tooltip and behind "more", and the verdict's header
keeps two lines. Larger windows and the small-screen layout still show three cards."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QHelpEvent, QTextDocument
from PySide6.QtWidgets import QApplication, QToolTip

from factdesk.core.project import Project
from factdesk.gui import across_cards
from factdesk.gui import settings as user
from factdesk.gui.across_cards import Card
from factdesk.gui.card_fit import line_count, longest_fitting
from factdesk.gui.layout import SMALL, STANDARD
from factdesk.model.models import MatchDraft

PLACE = {"kind": "place", "severity": "conflict", "a_text": "Norwalk", "b_text": "Norfolk",
         "explanation": "HuffPost places it in Norwalk, Fox News in Norfolk: the same event "
                        "cannot have happened in both places (one may be a mistake)."}
DATE = {"kind": "date", "severity": "compatible", "a_text": "March 2008", "b_text": "2008",
        "explanation": "HuffPost's “March 2008” (article of 2010-05-18) means 2008-03-01 to "
                       "2008-03-31; Fox News's “2008” means 2008-01-01 to 2008-12-31 — "
                       "these overlap."}


def _claim_with_eight_matches(path: Path) -> int:
    """The demo's longest claim, given eight matches as BASIL's Blumenthal claim had:
    two same-fact ones first, then two conflicting ones with a place and a date note."""
    with Project.open(path) as project:
        claims = list(project.claims.iter_all())
        here = max(claims, key=lambda c: len(c.text))
        others = sorted((c for c in claims if c.article_id != here.article_id),
                        key=lambda c: -len(c.text))[:8]
        assert len(others) == 8, "the demo has too few claims in other articles"
        drafts = []
        for i, other in enumerate(others):
            conflicting = i in (2, 3)
            drafts.append(MatchDraft(
                here.id, other.id, 0.99 - 0.06 * i,
                "conflicting" if conflicting else "same fact",
                (PLACE, DATE) if conflicting else ()))
        with project.transaction():
            project.matches.save_suggestions(drafts)
        return here.id


def _whole_cards(browser) -> int:  # noqa: ANN001
    """How many cards lie wholly inside the cards box's viewport as it is scrolled."""
    doc = browser.document()
    layout = doc.documentLayout()
    top = browser.verticalScrollBar().value()
    bottom = top + browser.viewport().height()
    return sum(1 for frame in doc.rootFrame().childFrames()
               if top <= layout.frameBoundingRect(frame).top()
               and layout.frameBoundingRect(frame).bottom() <= bottom)


def _plain(rich: str) -> str:
    doc = QTextDocument()
    doc.setHtml(rich)
    return doc.toPlainText()


def _open(make_window, path: Path, qtbot, size: tuple[int, int], layout: str = STANDARD):  # noqa: ANN001, ANN202
    user.set_value("window/layout", layout)
    window = make_window()
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(*size)
    window.open_project(path)
    window.reset_layout()
    qtbot.wait(50)
    return window


def _settle(window, claim_id: int, qtbot) -> None:  # noqa: ANN001
    window.session.select_claim(claim_id)
    across = window.workspace.across
    # the earlier checks' lookup (150 ms, then a thread) has answered: the pane as read
    qtbot.waitUntil(lambda: across._earlier_shown_for == claim_id, timeout=30_000)
    qtbot.wait(50)


def test_three_whole_cards_at_1366x768_with_the_claim_in_its_tooltip(
        make_window, demo_copy: Path, qtbot) -> None:
    claim_id = _claim_with_eight_matches(demo_copy)
    window = _open(make_window, demo_copy, qtbot, (1366, 768))
    _settle(window, claim_id, qtbot)
    across = window.workspace.across
    claim = window.session.project.claims.get(claim_id)
    assert len(across.matches) >= 8
    assert across._compact, "a 1366x768 pane is short for eight whole cards"
    assert _whole_cards(across.browser) >= 3, "fewer than three whole cards at 1366x768"
    # a conflicting card says so first on its compact line, its notes left for when
    # it is current (and for its tooltip)
    conflicting = next(c for c in across._cards if c.relation == "conflicting")
    line = across_cards.compact_reason(conflicting)
    assert line.startswith("▲ ") and line[:30] in across.browser.toPlainText()
    # the empty archive's note: one line of the heading, still saying how to import
    assert not across.earlier.isVisible()
    assert across.heading.height() <= across.heading.fontMetrics().lineSpacing() * 2
    # (beside the conflicting count, in fewer words: "archive empty" is the link)
    assert 'href="import:"' in across.heading.text()
    assert "Import earlier fact-checks" in across.heading.toolTip()
    assert "conflicting (c)" in _plain(across.heading.text())
    # the claim's block: two lines, the whole claim in its tooltip, its accessible
    # description and behind "more"
    label = across.this_claim
    assert label.height() <= label.fontMetrics().lineSpacing() * 2 + 8
    assert claim.text in _plain(label.toolTip())
    assert label.accessibleDescription() == claim.text
    assert "…" in _plain(label.text()) and 'href="more"' in label.text()
    label.linkActivated.emit("more")
    assert claim.text in _plain(label.text()).replace("\n", " ")
    assert 'href="less"' in label.text()
    label.linkActivated.emit("less")
    assert 'href="more"' in label.text()
    # the verdict's header: two lines at most, the claim whole in its tooltip
    header = window.workspace.verdict.claim_label
    assert header.toolTip() == claim.text
    assert line_count(header.text(), header.font(), header.contentsRect().width()) <= 2
    window.close()


def test_each_card_has_its_own_tooltip_and_n_makes_a_compact_card_whole(
        make_window, demo_copy: Path, qtbot) -> None:
    claim_id = _claim_with_eight_matches(demo_copy)
    window = _open(make_window, demo_copy, qtbot, (1366, 768))
    _settle(window, claim_id, qtbot)
    across = window.workspace.across
    browser = across.browser
    k = next(i for i, c in enumerate(across._cards) if c.relation == "conflicting")
    assert k > 0, "the first card is current: the conflicting one must be another"
    third = across._cards[k]
    assert PLACE["explanation"] not in browser.toPlainText(), "compact: no notes"
    # the pointer on that card: its reason, notes and whole text
    frame = browser.document().rootFrame().childFrames()[k]
    rect = browser.document().documentLayout().frameBoundingRect(frame)
    point = QPoint(int(rect.center().x()),
                   int(rect.center().y()) - browser.verticalScrollBar().value())
    assert across_cards.card_at(browser, point) == k
    event = QHelpEvent(QHelpEvent.Type.ToolTip, point, browser.viewport().mapToGlobal(point))
    QApplication.sendEvent(browser.viewport(), event)
    assert PLACE["explanation"].replace("'", "’")[:40] in QToolTip.text() \
        or PLACE["explanation"][:40] in QToolTip.text()
    assert _plain(QToolTip.text()).count(third.text[:30]) == 1
    QToolTip.hideText()
    # n to it: the conflicting card is current, whole, its notes read in the box
    for _ in range(k):
        qtbot.keyClick(window.workspace.article.body, Qt.Key.Key_N)
    qtbot.wait(20)
    assert across.current == k
    assert PLACE["explanation"] in browser.toPlainText()
    start = browser.document().find("places it in Norwalk", 0, QTextDocument.FindFlag(0))
    assert not start.isNull()
    assert browser.viewport().rect().contains(browser.cursorRect(start).center())
    window.close()


def test_larger_windows_and_the_small_layout_show_three_whole_cards(
        make_window, demo_copy: Path, qtbot) -> None:
    claim_id = _claim_with_eight_matches(demo_copy)
    for size, layout in (((1920, 1080), STANDARD), ((1024, 640), SMALL)):
        window = _open(make_window, demo_copy, qtbot, size, layout)
        if layout == SMALL:
            window.toggle_across()
        _settle(window, claim_id, qtbot)
        across = window.workspace.across
        assert _whole_cards(across.browser) >= 3, (size, layout)
        assert across.browser.isVisible()
        window.close()


def test_an_empty_archives_link_opens_the_import(make_window, demo_copy: Path, qtbot,
                                                 monkeypatch) -> None:
    from factdesk.gui import archive_import

    asked: list[str] = []
    monkeypatch.setattr(archive_import.QFileDialog, "getOpenFileName",
                        lambda _parent, title, *_a: (asked.append(title), ("", ""))[1])
    claim_id = _claim_with_eight_matches(demo_copy)
    window = _open(make_window, demo_copy, qtbot, (1366, 768))
    _settle(window, claim_id, qtbot)
    window.workspace.across.heading.linkActivated.emit("import:")
    assert asked == ["Import earlier fact-checks"]
    window.close()


def test_compact_reason_says_what_differs_first() -> None:
    card = Card(1, 2, "HuffPost", "2010-05-18", "conflicting", 0.76, None,
                "Both: Richard Blumenthal; served; in Vietnam · differs: "
                "place Norfolk vs Norwalk.", (PLACE, DATE), "text", [])
    assert across_cards.compact_reason(card) == (
        "▲ differs: place Norfolk vs Norwalk · Both: Richard Blumenthal; served; in "
        "Vietnam")
    tip = across_cards.tooltip(card, with_text=True)
    assert "Norfolk vs Norwalk" in tip and "place: HuffPost places it" in tip
    assert "<i>text</i>" in tip


def test_longest_fitting_cuts_where_a_word_ends(qapp) -> None:  # noqa: ANN001
    text = "one two three four five six seven eight nine ten"
    assert longest_fitting(text, lambda n: True) == len(text)
    assert text[:longest_fitting(text, lambda n: n <= 16)] == "one two three"
    assert longest_fitting(text, lambda n: n <= 2) == 0
    font = QFont()
    wide = line_count(text, font, 2000)
    narrow = line_count(text, font, 60)
    assert wide == 1 and narrow > 2


def test_a_card_header_that_would_wrap_drops_the_word_score(qapp) -> None:
    """At 1366×768 "The New York Times · 2015-03-05 · same fact · score 0.61 · open" (BASIL
    event a4edca3f, Fox claim 49's cards) put "open" alone on a second line, every card
    a line taller: on a short pane the header reads "same fact 0.61" when it would wrap."""
    from PySide6.QtWidgets import QTextBrowser

    from factdesk.gui import theme

    card = Card(1, 2, "The New York Times", "2015-03-05", "same fact", 0.61, None,
                "Both: Clinton, State Department; emails, request, secretaries.", (),
                "The decision to ask Mrs. Clinton for her emails went all the way to "
                "Secretary of State John Kerry’s chief of staff.", [])
    browser = QTextBrowser()
    browser.resize(420, 240)
    narrow = _plain(across_cards.card_html(card, theme.colors(), current=True,
                                           compact_in=browser))
    assert "same fact 0.61 · open" in narrow and "score" not in narrow
    browser.resize(900, 240)
    wide = _plain(across_cards.card_html(card, theme.colors(), current=True,
                                         compact_in=browser))
    assert "same fact · score 0.61 · open" in wide
    # a tall pane (no compact cards) keeps the word whatever the width
    assert "score 0.61" in _plain(across_cards.card_html(card, theme.colors(), current=True))
    browser.deleteLater()
