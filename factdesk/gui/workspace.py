"""The panes of one open project, built together and wired only to the session."""

from __future__ import annotations

from factdesk.gui.across_pane import AcrossPane
from factdesk.gui.article_view import ArticlePane
from factdesk.gui.articles_pane import ArticlesPane
from factdesk.gui.claims_pane import ClaimsPane
from factdesk.gui.session import Session
from factdesk.gui.verdict_pane import VerdictPane

#: Articles looked through, in the list's order, for a first claim with a counterpart.
FIRST_LOOK_ARTICLES = 20


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
        """Select a starting point: the given (or remembered) claim; else the top claim
        of the first article whose claims have a same-fact or conflicting match in
        another source (a first look at what FactDesk is for: the demo had opened on a
        claim whose only match shared the word "eastern"); else the first article's
        top claim."""
        if claim_id and self.session.project.claims.get(claim_id) is not None:
            self.session.select_claim(claim_id)
            return
        ids = self.articles.ordered_ids()
        if not ids:
            return
        article_id, first = ids[0], self.first_claim_of(ids[0])
        matches = self.session.project.matches
        for candidate in ids[:FIRST_LOOK_ARTICLES]:
            claim_ids = self.claims.model.article_claim_ids(candidate)
            found = matches.with_counterpart(claim_ids) if claim_ids else set()
            if found:
                article_id = candidate
                first = next(c for c in claim_ids if c in found)
                break
        self.session.select_article(article_id)
        if first:
            self.session.select_claim(first)

    def widgets(self) -> list:
        return [self.articles, self.article, self.claims, self.across, self.verdict]
