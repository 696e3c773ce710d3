"""Edit article details in the window: a wrong value keeps the dialog open; undo works."""

from __future__ import annotations

from pathlib import Path


def test_details_dialog_checks_and_the_edit_is_undoable(make_window, demo_copy: Path,
                                                        qtbot) -> None:
    from factdesk.core.article_edit import EditArticle
    from factdesk.gui.article_dialog import ArticleDialog

    window = make_window(demo_copy)
    session = window.session
    article = session.project.articles.get(session.article_id)
    dialog = ArticleDialog(window, article)
    qtbot.addWidget(dialog)
    dialog.fields["published"].setText("Sep 14")
    dialog.accept()
    assert dialog.result() == 0 and "not one day" in dialog.problem.text()
    dialog.fields["published"].setText("2022-09-15")
    dialog.fields["outlet"].setText("Agence France-Presse")
    dialog.accept()
    assert dialog.result() == 1
    assert session.push(EditArticle(article.id, dialog.changes()))
    assert session.project.articles.get(article.id).outlet == "Agence France-Presse"
    session.undo()
    assert session.project.articles.get(article.id).outlet == article.outlet
    assert window.registry.shortcut_text("import.edit_article") == "Ctrl+Shift+D"
    assert not window.registry.clashes()


def test_removing_an_article_asks_backs_up_and_forgets_the_undo(make_window, demo_copy: Path,
                                                                  monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from factdesk.core.commands import SetVerdictField
    from factdesk.storage.backup import list_backups

    window = make_window(demo_copy)
    session = window.session
    project = session.project
    doomed = session.article_id
    claim_id = project.claims.for_article(doomed)[0].id
    session.push(SetVerdictField(claim_id, "rating", "False"))
    asked: list[str] = []

    def answer(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel if len(asked) == 1 else \
            QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    before = len(list_backups(demo_copy))
    window.files.remove_article()  # cancelled
    assert project.articles.get(doomed) is not None
    assert "1 with a verdict or evidence" in asked[0]
    window.files.remove_article()
    assert project.articles.get(doomed) is None and project.claims.get(claim_id) is None
    assert len(list_backups(demo_copy)) == before + 1
    assert not session.undo_stack.can_undo
    assert session.article_id in project.articles.ids()


def test_a_long_title_shows_its_start(make_window, demo_copy: Path, qtbot) -> None:
    """The Fox News Blumenthal title opened as "Blumenthal Retains Washington Support,
    …": the field showed the end of the text and hid "While"."""
    from dataclasses import replace

    from factdesk.gui.article_dialog import ArticleDialog

    window = make_window(demo_copy)
    article = window.session.project.articles.get(window.session.article_id)
    long_title = ("While Blumenthal Retains Washington Support, Republicans Smell Opening "
                  "in CT, and the Party's Senate Campaign Committee Says So")
    dialog = ArticleDialog(window, replace(article, title=long_title))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    title = dialog.fields["title"]
    assert title.fontMetrics().horizontalAdvance(long_title) > title.width()  # too long
    assert title.cursorPosition() == 0 and title.toolTip() == long_title
    dialog.reject()


def test_the_article_header_follows_an_edit_and_its_undo(make_window, demo_copy: Path,
                                                         qtbot) -> None:
    """Correcting the open article's outlet or date left its header showing the old one
    until another article was opened."""
    from factdesk.core.article_edit import EditArticle

    window = make_window(demo_copy)
    session, view = window.session, window.workspace.article
    article = session.project.articles.get(session.article_id)
    assert article.outlet in view.meta.text()
    scroll = view.body.verticalScrollBar().value()
    assert session.push(EditArticle(article.id, {"outlet": "Agence France-Presse",
                                                 "published": "2022-09-10"}))
    assert "Agence France-Presse · 2022-09-10" in view.meta.text()
    assert view.body.verticalScrollBar().value() == scroll  # the text did not move
    session.undo()
    assert f"{article.outlet} · {article.published}" in view.meta.text()
    title = "A corrected headline"
    assert session.push(EditArticle(article.id, {"title": title}))
    assert view.title.text() == title and not view.title.isHidden()
