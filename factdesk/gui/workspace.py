"""The panes of one open project, built together and wired only to the session."""

from __future__ import annotations

from factdesk.gui.across_pane import AcrossPane
from factdesk.gui.article_view import ArticlePane
from factdesk.gui.articles_pane import ArticlesPane
from factdesk.gui.claims_pane import ClaimsPane
from factdesk.gui.session import Session
from factdesk.gui.verdict_pane import VerdictPane


class Workspace:
    """Articles, article, claims, across-sources and verdict panes of one session."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.articles = ArticlesPane(session)
        self.article = ArticlePane(session)
        self.claims = ClaimsPane(session)
        self.across = AcrossPane(session)
        self.verdict = VerdictPane(session)
        self.verdict.left_editor.connect(lambda: self.article.body.setFocus())

    def first_claim_of(self, article_id: int) -> int:
        ids = self.claims.model.article_claim_ids(article_id)
        return ids[0] if ids else 0

    def start(self, claim_id: int = 0) -> None:
        """Select a starting point: the given claim, else the first article's first claim."""
        if claim_id and self.session.project.claims.get(claim_id) is not None:
            self.session.select_claim(claim_id)
            return
        ids = self.articles.ordered_ids()
        if ids:
            self.session.select_article(ids[0])
            first = self.first_claim_of(ids[0])
            if first:
                self.session.select_claim(first)

    def widgets(self) -> list:
        return [self.articles, self.article, self.claims, self.across, self.verdict]
