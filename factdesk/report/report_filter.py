"""Which claims a verdict report includes (:class:`ReportFilter`), and how the selection
is told: in the export's terms to the desk (:meth:`ReportFilter.describe`, the notes)
and to a reader (:meth:`ReportFilter.scope`, the cover's "Claims checked")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from factdesk.model.models import STATUSES

#: The status of a finished check: the only one a report publishes unless told otherwise.
PUBLISHED_STATUS = "done"


@dataclass(frozen=True)
class ReportFilter:
    """Which claims a report includes. Empty tuples mean "no restriction"."""

    include_all: bool = False  # every claim, status and rating (else judged, publishable)
    statuses: tuple[str, ...] = ()  # empty: finished checks only (PUBLISHED_STATUS)
    ratings: tuple[str, ...] = ()
    articles: tuple[int, ...] = ()
    include_suggested: bool = False  # other outlets' undecided suggestions too, marked

    @property
    def effective_statuses(self) -> tuple[str, ...]:
        """The statuses shown: the chosen ones; every one for "all claims"; else only
        finished checks."""
        if self.statuses:
            return self.statuses
        return STATUSES if self.include_all else (PUBLISHED_STATUS,)

    @classmethod
    def from_options(cls, options: Any) -> ReportFilter:
        """From an argparse Namespace (or any object) with all/status/rating/article."""

        def seq(name: str) -> tuple[Any, ...]:
            value = getattr(options, name, None)
            return tuple(value) if value else ()

        return cls(
            include_all=bool(getattr(options, "all", False)),
            statuses=seq("status"),
            ratings=seq("rating"),
            articles=tuple(int(a) for a in seq("article")),
            include_suggested=bool(getattr(options, "include_suggested", False)),
        )

    def describe(self, article_names: Mapping[int, str] | None = None) -> str:
        """The filter in words; ``article_names`` names the chosen articles (else their
        ids, which a reader of the report cannot look up)."""
        names = article_names or {}
        parts = ["all claims" if self.include_all else "judged claims"]
        parts.append("status " + ", ".join(self.effective_statuses))
        if self.ratings:
            parts.append("rating " + ", ".join(self.ratings))
        if self.articles:
            parts.append(("article " if len(self.articles) == 1 else "articles ")
                         + ", ".join(names.get(a, str(a)) for a in self.articles))
        parts.append("suggested matches shown" if self.include_suggested
                     else "accepted matches only")
        return "; ".join(parts)

    def scope(self, article_names: Mapping[int, str] | None = None) -> str:
        """What a reader of the report is told of the selection: only what makes it
        other than the finished, published checks with the matches the checker accepted
        (a rating or article chosen, every claim, suggestions shown); "" for the usual
        report. Unfinished checks are told by the drafts line."""
        names = article_names or {}
        parts = []
        if self.include_all:
            parts.append("every claim, judged or not")
        if self.ratings:
            parts.append("only claims rated " + ", ".join(self.ratings))
        if self.articles:
            parts.append("only claims from " + ", ".join(names.get(a, str(a))
                                                         for a in self.articles))
        if self.include_suggested:
            parts.append("with other outlets' reports suggested by FactDesk, not reviewed")
        return "; ".join(parts)
