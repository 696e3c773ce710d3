"""The claims pane's footer counts what it shows out of the article's and the project's
claims and candidates, and says why an article has none (not analysed, with the reason)."""

from __future__ import annotations

from factdesk.core.project import Project


def test_the_footer_counts_the_article_and_the_project(make_window, demo_copy, qtbot) -> None:
    first = make_window(demo_copy)
    article = first.session.article_id  # the article a window opens on
    first.close()
    with Project.open(demo_copy, create=False) as project:
        per_article = {aid: len(project.claims.for_article(aid))
                       for aid in project.articles.ids()}
        other = next(aid for aid in per_article if aid != article)
        with project.transaction():
            project.articles.mark_not_analysed(other, "too long to analyse: 1,200,000 "
                                               "characters (at most 1,000,000)")
    total = sum(per_article.values())
    window = make_window(demo_copy)
    pane = window.workspace.claims
    assert window.session.article_id == article
    shown = pane.model.rowCount()
    assert 0 < shown < per_article[article]  # the triage hides some candidates
    assert pane.count.text() == (f"{shown} shown of {per_article[article]} in this article"
                                 f" · {total} in the project")
    pane.set_all_articles(True)
    assert pane.count.text() == f"{pane.model.rowCount()} shown of {total} in the project"
    pane.set_all_articles(False)
    window.session.select_article(other)
    assert "This article was not analysed: too long to analyse" in pane.count.text()
    assert pane.count.wordWrap()  # a long reason wraps, never widens the pane
    window.close()
