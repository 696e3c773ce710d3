"""The claims pane fits a laptop: at 1024×640 (small-screen layout) and 1366×768
(standard layout) the table needs no sideways scrolling, the claim text takes the spare
width, and every filter control gets at least its size hint (the bar wraps)."""

from __future__ import annotations

import pytest

from factdesk.gui import settings as user
from factdesk.gui.claims_model import KIND, SCORE, SPEAKER, TEXT
from factdesk.gui.layout import SMALL, STANDARD


def _fits(window) -> None:
    pane = window.workspace.claims
    view = pane.view
    header = view.horizontalHeader()
    assert header.length() <= view.viewport().width(), "claims table scrolls sideways"
    assert not view.horizontalScrollBar().isVisible()
    shown = [c for c in range(view.model().columnCount()) if not view.isColumnHidden(c)]
    assert TEXT in shown
    others = sum(view.columnWidth(c) for c in shown if c != TEXT)
    assert view.columnWidth(TEXT) >= others, "the claim text is not the widest column"
    for widget in pane.filter_widgets():
        assert widget.isVisible()
        geometry = widget.geometry()
        assert geometry.width() >= widget.sizeHint().width(), widget
        assert geometry.height() >= widget.sizeHint().height(), widget
        right = widget.mapTo(pane, geometry.topLeft() - widget.pos()).x() + geometry.width()
        assert right <= pane.width(), f"{widget} clipped at the pane's right edge"


@pytest.mark.parametrize(("layout", "size"), [(SMALL, (1024, 640)), (STANDARD, (1366, 768)),
                                              (STANDARD, (1024, 640))])
def test_claims_table_and_filters_fit(make_window, demo_copy, qtbot, layout, size) -> None:
    user.set_value("window/layout", layout)
    window = make_window()
    window.resize(*size)
    window.open_project(demo_copy)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    _fits(window)
    window.close()


def _small_window(make_window, demo_copy, qtbot):  # noqa: ANN001, ANN202
    user.set_value("window/layout", SMALL)
    window = make_window()
    window.resize(1024, 640)
    window.open_project(demo_copy)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_hidden_columns_come_back_from_the_header_menu_and_are_remembered(
        make_window, demo_copy, qtbot) -> None:
    window = _small_window(make_window, demo_copy, qtbot)
    pane = window.workspace.claims
    assert pane.view.isColumnHidden(SPEAKER), "a narrow pane hides the speaker column"
    actions = {a.text(): a for a in pane.column_menu().actions()}
    assert "Claim" not in actions and {"Score", "Kind", "Speaker"} <= set(actions)
    assert not actions["Speaker"].isChecked()
    actions["Speaker"].setChecked(True)
    assert not pane.view.isColumnHidden(SPEAKER)
    window.close()
    again = _small_window(make_window, demo_copy, qtbot)
    claims = again.workspace.claims
    assert not claims.view.isColumnHidden(SPEAKER), "the choice is remembered"
    actions = {a.text(): a for a in claims.column_menu().actions()}
    actions["Fit columns to the pane"].trigger()
    assert claims.view.isColumnHidden(SPEAKER)
    again.close()


def test_hidden_columns_are_in_the_text_tooltip(make_window, demo_copy, qtbot) -> None:
    from PySide6.QtCore import Qt

    window = make_window(demo_copy)
    pane = window.workspace.claims
    model = pane.model
    assert model.rowCount() > 0
    pane.set_column_shown(SCORE, False)
    pane.set_column_shown(KIND, False)
    tip = model.data(model.index(0, TEXT), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, SCORE)) in tip
    assert model.data(model.index(0, KIND)) in tip
    window.close()


def test_the_header_is_one_line_high(make_window, demo_copy, qtbot) -> None:
    window = _small_window(make_window, demo_copy, qtbot)
    header = window.workspace.claims.view.horizontalHeader()
    assert header.height() <= header.sizeHint().height() + 2
    window.close()
