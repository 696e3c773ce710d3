"""A long article opens without blocking: its first screenfuls at once, the rest appended
slice by slice with its highlights; a claim selected before its slice arrives is shown on
arrival. An article too long to analyse says so, and does not promise that the next
extraction analyses it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCursor

from factdesk.core.analysis import ArticleTooLong
from factdesk.core.project import Project
from factdesk.gui import article_view
from factdesk.gui.articles_pane import not_analysed_tooltip
from factdesk.model.models import MAX_ANALYSED_CHARS, ClaimDraft

PARAGRAPH = ("The council said unemployment fell to 4.2 percent in March, the lowest rate "
             "since 2008, while the opposition disputed the figure. ")


def _project(path: Path, length: int, *, too_long: bool = False,
             other_failure: bool = False) -> tuple[Path, dict[str, int], str]:
    paragraphs = (PARAGRAPH * 3).strip()
    text = "\n\n".join([paragraphs] * (length // (len(paragraphs) + 2) + 1))[:length]
    ids: dict[str, int] = {}
    with Project.open(path) as project, project.transaction():
        ids["small"] = project.articles.add(
            title="Small", outlet="nyt", author="", published="2020-01-01", url="",
            source_name="small.txt", text=PARAGRAPH, text_hash="small", raw=b"")
        project.articles.mark_extracted(ids["small"])
        ids["large"] = project.articles.add(
            title="Large", outlet="fox", author="", published="2020-01-02", url="",
            source_name="large.txt", text=text, text_hash="large", raw=b"")
        for start in (10, len(text) // 2, len(text) - 300):
            start = text.find("unemployment", start)
            end = text.find(".", start + 20) + 1
            project.claims.add(ids["large"], ClaimDraft(
                start, end, text[start:end], "", "", "statistic", 0.9, None, origin="manual"))
        if too_long:
            project.articles.mark_not_analysed(ids["large"], str(ArticleTooLong(len(text))))
        elif other_failure:
            project.articles.mark_not_analysed(ids["large"], "the parser ran out of memory")
        else:
            project.articles.mark_extracted(ids["large"])
    return path, ids, text


def test_a_long_article_is_shown_progressively_with_its_highlights(
        make_window, tmp_path, qtbot) -> None:
    path, ids, text = _project(tmp_path / "long.factdesk", 600_000)
    window = make_window(path)
    session, pane = window.session, window.workspace.article
    session.select_article(ids["small"])
    session.select_article(ids["large"])
    assert not pane.is_complete(), "the whole text was laid out on the GUI thread at once"
    assert pane.loaded <= article_view.FIRST_CHARS * 2
    assert pane.body.toPlainText() == text[:pane.loaded]
    last = max(pane.body.claims, key=lambda c: c.start)
    assert last.start > pane.loaded
    session.select_claim(last.id)  # as j / k or the claims list would, before it arrives
    assert session.claim_id == last.id
    qtbot.waitUntil(pane.is_complete, timeout=10_000)
    qtbot.wait(20)
    assert pane.body.toPlainText() == text, "the text changed while appended"
    for claim in pane.body.claims:  # every claim highlighted, across slice boundaries
        for position in (claim.start + 1, claim.end - 1):
            cursor = QTextCursor(pane.body.document())
            cursor.setPosition(position)
            assert cursor.charFormat().background().color().alpha() > 0
    selections = pane.body.extraSelections()
    assert len(selections) == 1, "the claim selected meanwhile is not outlined"
    assert selections[0].cursor.selectionStart() == last.start
    assert pane.body.textCursor().position() == last.start
    assert pane.body.verticalScrollBar().value() > 0, "not scrolled to the claim"
    window.close()


def test_a_short_article_is_shown_whole_at_once(make_window, tmp_path) -> None:
    path, ids, text = _project(tmp_path / "short.factdesk", 20_000)
    window = make_window(path)
    window.session.select_article(ids["large"])
    pane = window.workspace.article
    assert pane.is_complete() and pane.body.toPlainText() == text
    assert not pane.notice.isVisible()
    window.close()


def test_an_article_too_long_to_analyse_says_so(make_window, tmp_path, qtbot) -> None:
    path, ids, _ = _project(tmp_path / "huge.factdesk", MAX_ANALYSED_CHARS + 50_000,
                            too_long=True)
    window = make_window(path)
    window.show()
    window.session.select_article(ids["large"])
    pane = window.workspace.article
    assert pane.notice.isVisible()
    assert "Too long to analyse" in pane.notice.text() and "split" in pane.notice.text()
    summary = window.session.summary(ids["large"])
    assert summary.too_long and not summary.analysed
    tooltip = not_analysed_tooltip(summary)
    assert pane.notice.toolTip() == tooltip
    assert "next extraction" not in tooltip and "split" in tooltip
    qtbot.waitUntil(pane.is_complete, timeout=20_000)
    window.close()


def test_another_failure_still_promises_the_next_extraction(make_window, tmp_path) -> None:
    path, ids, _ = _project(tmp_path / "failed.factdesk", 20_000, other_failure=True)
    window = make_window(path)
    window.show()
    window.session.select_article(ids["large"])
    pane = window.workspace.article
    summary = window.session.summary(ids["large"])
    assert not summary.too_long
    assert pane.notice.isVisible() and "parser ran out of memory" in pane.notice.text()
    assert "the next extraction tries it again" in pane.notice.toolTip()
    window.close()


def test_the_notice_goes_once_the_article_is_analysed(make_window, tmp_path) -> None:
    from factdesk.model.changes import ChangeSet

    path, ids, _ = _project(tmp_path / "retried.factdesk", 20_000, other_failure=True)
    window = make_window(path)
    window.show()
    session, pane = window.session, window.workspace.article
    session.select_article(ids["large"])
    assert pane.notice.isVisible()
    session.project.articles.mark_extracted(ids["large"])  # as a later extraction does
    session.broadcast(ChangeSet(claims=True, article_ids=frozenset({ids["large"]})))
    assert not pane.notice.isVisible()
    window.close()


def test_a_verdict_given_while_loading_colours_the_later_slices(
        make_window, tmp_path, qtbot) -> None:
    from factdesk.core.commands import SetVerdictField

    path, ids, _ = _project(tmp_path / "rated.factdesk", 600_000)
    window = make_window(path)
    session, pane = window.session, window.workspace.article
    session.select_article(ids["large"])
    last = max(pane.body.claims, key=lambda c: c.start)
    assert not pane.is_complete() and last.start > pane.loaded
    rating = session.scale().ratings[0]
    session.push(SetVerdictField(last.id, "rating", rating.name))
    qtbot.waitUntil(pane.is_complete, timeout=10_000)
    cursor = QTextCursor(pane.body.document())
    cursor.setPosition(last.start + 1)
    assert cursor.charFormat().background().color().name() == rating.color.lower()
    window.close()
