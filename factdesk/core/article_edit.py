"""Editing an article's details (title, outlet, author, date, address) as one undoable
command, and the rule for a typed detail as stored."""

from __future__ import annotations

from dataclasses import dataclass, field

from factdesk.core.commands import Command, CommandError, checked_web_address
from factdesk.core.project import Project
from factdesk.ingest.metadata import to_iso_date
from factdesk.model.changes import ChangeSet

ARTICLE_FIELDS = ("title", "outlet", "author", "published", "url")


def article_value(field_name: str, value: str) -> str | None:
    """A typed article detail as stored: a date as YYYY-MM-DD (surely one day), an
    address as a web address, "" as no value; CommandError, saying why, otherwise."""
    value = " ".join(value.split())
    if not value:
        if field_name == "title":
            raise CommandError("an article needs a title")
        return None if field_name == "published" else ""
    if field_name == "published":
        iso = to_iso_date(value)
        if iso is None:
            raise CommandError(f"{value!r} is not one day FactDesk can be sure of: give the "
                               "date with its year, as YYYY-MM-DD")
        return iso
    if field_name == "url":
        return checked_web_address(value)
    return value


@dataclass
class EditArticle(Command):
    """Correct an article's title, outlet, author, date or web address (its text stays:
    claims are anchored in it)."""

    article_id: int
    values: dict[str, str | None]
    old: dict[str, str | None] = field(default_factory=dict)
    title = "edit article details"

    def _apply(self, project: Project) -> ChangeSet:
        article = project.articles.get(self.article_id)
        if article is None:
            raise CommandError(f"there is no article {self.article_id}")
        unknown = set(self.values) - set(ARTICLE_FIELDS)
        if unknown:
            raise CommandError(f"unknown article detail(s): {', '.join(sorted(unknown))}")
        self.values = {k: article_value(k, v or "") for k, v in self.values.items()}
        self.old = {k: getattr(article, k) for k in self.values}
        changed = {k: v for k, v in self.values.items() if (self.old[k] or "") != (v or "")}
        self.values = changed
        self.old = {k: self.old[k] for k in changed}
        if not changed:
            return ChangeSet()
        project.articles.update_metadata(self.article_id, **changed)
        for k, v in changed.items():
            project.verdicts.record("article", self.article_id, k, self.old[k], v,
                                    project.checker)
        return self._changes()

    def _revert(self, project: Project) -> ChangeSet:
        if not self.values:
            return ChangeSet()
        project.articles.update_metadata(self.article_id, **self.old)
        for k, v in self.old.items():
            project.verdicts.record("article", self.article_id, k, self.values[k], v,
                                    project.checker)
        return self._changes()

    @property
    def changed(self) -> bool:
        return bool(self.values)

    def _changes(self) -> ChangeSet:
        ids = frozenset({self.article_id})
        # a new date (done, undone or redone) moves the article's relative times
        return ChangeSet(articles=True, article_ids=ids,
                         analyse_article_ids=ids if "published" in self.values else frozenset())
