"""The articles list fits its pane: the title keeps at least half the width at 1366×768
and 1024×640; the other columns are as wide as their contents and hide when there is no
room (judged, claims, date), their values then in the title's tooltip."""

from __future__ import annotations

import pytest

from factdesk.gui import settings as user
from factdesk.gui.articles_pane import (
    CLAIMS,
    COLUMNS,
    DATE,
    JUDGED,
    OUTLET,
    TITLE,
    ArticlesPane,
)
from factdesk.gui.layout import SMALL, STANDARD


def _shown(view) -> list[int]:  # ArticlesPane
    return [c for c in range(view.model().columnCount()) if not view.isColumnHidden(c)]


@pytest.mark.parametrize(("layout", "size"), [(STANDARD, (1366, 768)), (SMALL, (1024, 640)),
                                              (STANDARD, (1920, 1080))])
def test_the_title_keeps_half_the_list(make_window, demo_copy, qtbot, layout, size) -> None:
    user.set_value("window/layout", layout)
    window = make_window()
    window.resize(*size)
    window.open_project(demo_copy)
    qtbot.waitExposed(window)
    qtbot.wait(50)
    view = window.workspace.articles
    width = view.viewport().width()
    assert view.header().length() <= width, "the articles list scrolls sideways"
    assert {OUTLET, TITLE} <= set(_shown(view))
    assert view.columnWidth(TITLE) >= width // 2 - 1, (view.columnWidth(TITLE), width)
    model = view.model_
    for column in set(range(model.columnCount())) - set(_shown(view)):
        assert column in model.hidden_columns
        tip = model.index(0, TITLE).data(3)  # ToolTipRole
        assert f"{COLUMNS[column]}: {model.index(0, column).data()}" in tip
    window.close()


def test_a_wide_list_shows_every_column_and_a_narrow_one_the_most_needed(
        make_window, demo_copy, qtbot) -> None:
    window = make_window(demo_copy)
    pane = ArticlesPane(window.session)
    try:
        pane.resize(900, 300)
        pane.show()
        qtbot.waitExposed(pane)
        assert _shown(pane) == [OUTLET, TITLE, DATE, CLAIMS, JUDGED]
        assert pane.model_.hidden_columns == ()
        first = pane.model_.index(0, TITLE)
        assert first.data(3) == pane.model_.rows[0].title  # nothing hidden: the title alone
        pane.resize(330, 300)
        qtbot.waitUntil(lambda: pane.isColumnHidden(JUDGED))
        assert JUDGED in pane.model_.hidden_columns
        assert pane.columnWidth(TITLE) >= pane.viewport().width() // 2 - 1
        assert "Judged: " in first.data(3)
        # the outlet never hides: it elides, the whole name in its tooltip
        assert not pane.isColumnHidden(OUTLET)
        assert pane.model_.index(0, OUTLET).data(3) == pane.model_.rows[0].outlet
    finally:
        pane.close()
        pane.deleteLater()
    window.close()


def test_a_warning_sign_only_for_an_analysis_that_failed(qapp) -> None:  # noqa: ANN001
    """An article waiting for its analysis (an import under way) was listed as
    "⚠ not analysed", like one whose analysis failed."""
    from factdesk.gui.articles_pane import NOT_ANALYSED, NOT_YET, ArticlesModel
    from factdesk.storage.articles import ArticleSummary

    def row(i: int, error: str | None, analysed: bool) -> ArticleSummary:
        return ArticleSummary(i, f"Story {i}", "Gazette", "2024-03-01", "", f"{i}.txt", 0,
                              0, analysed=analysed, analysis_error=error)

    model = ArticlesModel()
    model.set_rows([row(1, None, True), row(2, None, False),
                    row(3, "too long to analyse: 1,200,000 characters", False)])
    titles = [model.index(r, TITLE).data() for r in range(3)]
    assert titles == ["Story 1", f"{NOT_YET} · Story 2", f"{NOT_ANALYSED} · Story 3"]
    assert "⚠" not in titles[1]
