"""Edit article details in the window: a wrong value keeps the dialog open; undo works."""

from __future__ import annotations

from pathlib import Path


def test_details_dialog_checks_and_the_edit_is_undoable(make_window, demo_copy: Path,
                                                        qtbot) -> None:  # noqa: ANN001
    from factdesk.core.commands import EditArticle
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
