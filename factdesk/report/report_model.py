"""What a verdict report holds: frozen records every renderer reads (pure Python, no Qt).

:class:`ReportData` is one report: the cover figures, one :class:`ClaimEntry` per claim
(its verdict, :class:`EvidenceItem` rows, other outlets' :class:`OtherReport`) and the
appendix of :class:`SourceEntry` rows; :class:`ReportFilter` says which claims it
includes. Assembling them from a project is :mod:`factdesk.report.data`'s part.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from factdesk.model.models import STATUSES
from factdesk.report.claimants import Claimant, same_claimant

#: The status of a finished check: the only one a report publishes unless told otherwise.
PUBLISHED_STATUS = "done"
#: Words in quotation marks: a quotation, however short ("“Mickey Mouse” bombs").
_QUOTED = re.compile(r"[“\"«„][^“”\"«»„]*\w[^“”\"«»„]*[”\"»“]")


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


@dataclass(frozen=True)
class RatingInfo:
    name: str
    value: int | None
    color: str
    publishable: bool = True
    # (ratingValue, bestRating, worstRating) on the scale's numbers; None for a rating off
    # the ordinal scale, an unpublished one, or a scale whose numbers are not ordinal
    place: tuple[int, int, int] | None = None

    @property
    def scale_text(self) -> str:
        """The rating's number on its scale as readers and the archive importer write it
        ("5 on 1-6"); empty off the scale."""
        if self.place is None:
            return ""
        value, best, worst = self.place
        return f"{value} on {worst}-{best}"


@dataclass(frozen=True)
class RatingCount:
    name: str
    value: int | None
    color: str
    count: int


@dataclass(frozen=True)
class EvidenceItem:
    url: str
    title: str
    note: str
    accessed: str | None


@dataclass(frozen=True)
class OtherReport:
    """The same (or a related) fact as another outlet reported it."""

    claim_id: int
    article_id: int
    text: str
    outlet: str
    article_title: str
    date: str | None
    url: str
    relation: str
    score: float
    decision: str | None
    discrepancies: tuple[str, ...]  # explanations, most severe first
    # what changed since the checker accepted it ("now conflicting (was same fact); new
    # difference in date"), "" when nothing did: the change itself is not reviewed
    changed: str = ""
    claimant: Claimant | None = None  # who said it, when its sentence names a speaker

    @property
    def reviewed(self) -> bool:
        """Whether the checker accepted this match (else it is an undecided suggestion)."""
        return self.decision == "accepted"

    @property
    def conflicting(self) -> bool:
        """The same event reported with a different detail (not the claim appearing
        again): shown as "reported differently", never a ClaimReview appearance."""
        return self.relation == "conflicting"


@dataclass(frozen=True)
class ClaimEntry:
    number: int  # 1-based position in the report
    claim_id: int
    article_id: int
    text: str  # the sentence as printed (the appearance), cleaned of source artefacts
    context_before: str  # the rest of the sentence(s) before the quote
    context_after: str
    outlet: str
    article_title: str
    date: str | None
    url: str
    kind: str
    score: float
    speaker: str | None
    rating: RatingInfo | None
    status: str
    rationale_html: str  # sanitised fragment
    rationale_text: str
    rationale_markdown: str
    evidence: tuple[EvidenceItem, ...]
    others: tuple[OtherReport, ...]
    checker: str
    created_at: str | None
    updated_at: str | None
    statement: str = ""  # the claim as checked (the sentence when the checker wrote none)
    claimant: Claimant | None = None

    @property
    def anchor(self) -> str:
        return f"claim-{self.claim_id}"

    @property
    def draft(self) -> bool:
        """An unfinished check (shown only when the export chose its status)."""
        return self.status != PUBLISHED_STATUS

    @property
    def reports_someone(self) -> bool:
        """Whether the claim gives someone else's words, not the outlet's own report: a
        quotation or reported speech (its kind), or words in quotation marks ("called
        the devices “Mickey Mouse” bombs"). Without a claimant, such a claim's author is
        unknown; it is never the outlet's (:mod:`factdesk.report.claimreview`)."""
        return self.kind in ("quote", "attribution") or _QUOTED.search(self.text) is not None

    @property
    def headline(self) -> str:
        return self.statement or self.text

    @property
    def printed_differs(self) -> bool:
        """Whether the sentence as printed adds anything to the headline: a statement
        the checker wrote, or the rest of the sentence around a claim that is part of one.
        When it adds nothing, the reports do not print the same words twice."""
        if self.context_before.strip() or self.context_after.strip():
            return True
        return " ".join(self.headline.split()) != " ".join(self.text.split())

    @property
    def reported_differently(self) -> tuple[OtherReport, ...]:
        """Other outlets' reports of the same event with a different detail (conflicting
        matches), accepted ones first."""
        return tuple(o for o in self.others if o.conflicting)

    @property
    def reported_alike(self) -> tuple[OtherReport, ...]:
        """Other outlets' reports of the same fact (and accepted related ones): the
        "As other outlets reported it" list."""
        return tuple(o for o in self.others if not o.conflicting)

    @property
    def appearances(self) -> tuple[OtherReport, ...]:
        """Where the claim itself appears elsewhere: accepted "same fact" reports (an
        accepted related one is the checker's same fact) of the same claimant
        (:func:`~factdesk.report.claimants.same_claimant`: Wray's claim does not appear
        as a sentence naming an anonymous official or no one; an outlet's own claim as
        another outlet's own sentence); never a suggestion or a conflicting report."""
        return tuple(o for o in self.others if o.reviewed and o.relation == "same fact"
                     and same_claimant(self.claimant, o.claimant))


@dataclass(frozen=True)
class SourceEntry:
    article_id: int
    outlet: str
    title: str
    author: str
    date: str | None
    url: str
    file_name: str
    claims_in_report: int


@dataclass(frozen=True)
class ReportData:
    project_name: str
    title: str  # the "report_title" setting, else "<project>: verdict report"
    organisation: str
    organisation_url: str
    report_url: str
    checkers: tuple[str, ...]
    date_from: str | None  # first verdict change (YYYY-MM-DD)
    date_to: str | None
    exported_at: str
    filter_text: str
    counts: tuple[RatingCount, ...]  # scale order; "Not rated" last when present
    best: int | None
    worst: int | None
    claims: tuple[ClaimEntry, ...]
    sources: tuple[SourceEntry, ...]
    filter: ReportFilter = ReportFilter()
    unfinished_left_out: int = 0  # checks not shown only because they are not done
    unpublished_left_out: int = 0  # checks not shown: the scale does not publish the rating
    scale_problem: str = ""  # why the scale's numbers are not one ordinal scale (none shown)
    unsigned: int = 0  # checks whose verdict names no checker (made before a name was set)

    @cached_property
    def drafts(self) -> int:
        """How many of the report's checks are unfinished (asked for every page)."""
        return sum(1 for e in self.claims if e.draft)
