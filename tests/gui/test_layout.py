"""The window fits a laptop: minimum at most 1024×640 in both layouts, nothing drawn over
the article at that size, the url elided with a tooltip, the layout remembered, and the
across-sources pane one key (c) away in the small-screen layout."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt

from factdesk.gui import settings as user
from factdesk.gui.layout import SMALL, STANDARD, elide_url

LONG_URL = ("https://www.example-news-outlet.com/world/europe/2024/03/11/"
            "a-very-long-slug-that-goes-on-and-on-about-the-story?utm_source=feed&ref=x")


def test_elide_url_keeps_host_and_end() -> None:
    short = elide_url(LONG_URL)
    assert len(short) <= 48 and short.startswith("example-news-outlet.com/")
    assert "…" in short and short.endswith("story")
    assert elide_url("https://a.org/x") == "a.org/x"


def _no_overlap(window) -> None:
    article = window.workspace.article
    top_left = article.mapTo(window, article.rect().topLeft())
    body = QRect(top_left, article.size())
    for name in ("claimsDock", "verdictDock"):
        dock = window.docks[name]
        if dock.isVisible():
            assert not dock.geometry().intersects(body), f"{name} drawn over the article"


def test_both_layouts_fit_1024_by_640(make_window, demo_copy, qtbot) -> None:
    for layout in (STANDARD, SMALL):
        user.set_value("window/layout", layout)
        window = make_window()
        window.resize(1024, 640)
        window.open_project(demo_copy)
        qtbot.wait(50)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1024 and hint.height() <= 640, (layout, hint)
        assert (window.width(), window.height()) == (1024, 640), layout
        _no_overlap(window)
        verdict = window.workspace.verdict
        for widget in (verdict.rating, verdict.evidence_buttons["add"]):
            pos = widget.mapTo(window, widget.rect().bottomRight())
            assert window.rect().contains(pos), f"{layout}: a verdict control is off-screen"
        window.close()


def test_small_layout_across_one_key_away_and_remembered(make_window, demo_copy,
                                                         qtbot) -> None:
    user.set_value("window/layout", SMALL)
    window = make_window(demo_copy)
    assert window.layout_name == SMALL
    across, verdict = window.docks["acrossDock"], window.docks["verdictDock"]
    assert verdict in window.tabifiedDockWidgets(across)
    qtbot.keyClick(window.workspace.article.body, Qt.Key.Key_O)
    qtbot.waitUntil(lambda: not across.visibleRegion().isEmpty(), timeout=1000)
    assert verdict.visibleRegion().isEmpty()
    qtbot.keyClick(window.workspace.article.body, Qt.Key.Key_O)
    qtbot.waitUntil(lambda: not verdict.visibleRegion().isEmpty(), timeout=1000)
    window.registry.trigger("view.switch_layout")
    assert window.layout_name == STANDARD and not window.tabifiedDockWidgets(across)
    window.close()
    assert user.get_str("window/layout") == STANDARD
    again = make_window(demo_copy)
    assert again.layout_name == STANDARD


def test_long_url_header_is_elided_with_tooltip(make_window, demo_copy) -> None:
    window = make_window(demo_copy)
    project, article = window.session.project, window.workspace.article
    with project.transaction():
        project.articles.update_metadata(article.article_id, url=LONG_URL)
    article.show_article(article.article_id)
    assert LONG_URL in article.meta.toolTip()
    assert f'href="{LONG_URL.replace("&", "&amp;")}"' in article.meta.text()
    assert article.meta.wordWrap() and article.minimumSizeHint().width() < 400


def test_the_article_address_opens_from_the_menu(make_window, demo_copy, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString())
                        or True)
    window = make_window(demo_copy)
    project, article = window.session.project, window.workspace.article
    with project.transaction():
        project.articles.update_metadata(article.article_id, url=LONG_URL)
    article.show_article(article.article_id)
    window.registry.refresh_enabled()
    assert window.registry.is_enabled("import.open_url")
    window.registry.trigger("import.open_url")
    assert opened == [LONG_URL]
