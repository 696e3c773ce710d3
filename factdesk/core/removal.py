"""Removing an article from a project (a junk import, a duplicate), never by surprise.

An article goes with its claims, their matches, verdicts and evidence (the database's
cascades), in one transaction. What that takes away is counted first; an article whose
claims carry a checker's work (a verdict or evidence) is removed only when the caller
says so, and a backup of the project is always taken before (``factdesk restore`` brings
it back): a removal cannot be undone from the undo stack.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from factdesk.core.project import Project


@dataclass(frozen=True)
class RemovalCost:
    """What removing one article takes away."""

    claims: int
    verdicts: int  # claims with a verdict row or evidence: the checker's work
    matches: int

    @property
    def loses_work(self) -> bool:
        return self.verdicts > 0

    def describe(self) -> str:
        return (f"{self.claims} claim(s), {self.verdicts} with a verdict or evidence, "
                f"{self.matches} match(es) with other articles")


def removal_cost(project: Project, article_id: int) -> RemovalCost:
    """Count what removing ``article_id`` would take away."""
    return RemovalCost(*project.articles.removal_counts(article_id))


def remove_article(project: Project, article_id: int, *, with_work: bool = False
                   ) -> tuple[RemovalCost, Path | None]:
    """Remove one article (see the module docstring); returns what it took away and the
    backup taken before. ValueError when there is no such article, or when it carries a
    checker's work and ``with_work`` is not given."""
    if project.articles.get(article_id) is None:
        raise ValueError(f"there is no article {article_id}")
    cost = removal_cost(project, article_id)
    if cost.loses_work and not with_work:
        raise ValueError(f"article {article_id} carries a checker's work ({cost.describe()});"
                         " say so to remove it anyway (a backup is taken first)")
    backup = project.back_up()
    with project.transaction():
        project.articles.delete(article_id)
    return cost, backup
