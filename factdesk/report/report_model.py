"""What a verdict report holds: frozen records every renderer reads (pure Python, no Qt).

:class:`ReportData` is one report: the cover figures, one :class:`ClaimEntry` per claim
(its verdict, :class:`EvidenceItem` rows, other outlets' :class:`OtherReport`) and the
appendix of :class:`SourceEntry` rows. Which claims it includes is
:mod:`factdesk.report.report_filter`'s :class:`ReportFilter`; assembling them from a
project is :mod:`factdesk.report.data`'s part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from factdesk.model.text import counted
from factdesk.report.claimants import Claimant, same_claimant
from factdesk.report.quotes import balanced
from factdesk.report.report_filter import PUBLISHED_STATUS, ReportFilter

#: Words in quotation marks: a quotation, however short ("“Mickey Mouse” bombs").
_QUOTED = re.compile(r"[“\"«„][^“”\"«»„]*\w[^“”\"«»„]*[”\"»“]")
#: Words telling that the sentence gives someone else's account: "according to",
#: "authorities have identified as", "police said". A sentence with one and no speaker
#: found reports an unnamed source; it is not the outlet's own claim.
_ATTRIBUTED = re.compile(
    r"\b(?:according to|said|says|told|tells|stated|reported|announced|confirmed|claimed|"
    r"alleged|identified(?:\s+\S+){0,3}\s+as)\b", re.IGNORECASE)


def and_joined(items: list[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


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
        the devices “Mickey Mouse” bombs"), or words giving a source's account ("who
        authorities have identified as", "according to"). Without a claimant, such a claim's author is
        unknown; it is never the outlet's (:mod:`factdesk.report.claimreview`)."""
        return (self.kind in ("quote", "attribution") or _QUOTED.search(self.text) is not None
                or _ATTRIBUTED.search(self.text) is not None)

    @property
    def headline(self) -> str:
        """The checker's statement, else the sentence with the quotation marks it lacks
        out of its paragraph (:func:`~factdesk.report.quotes.balanced`)."""
        return self.statement or balanced(self.text)

    @property
    def printed_differs(self) -> bool:
        """Whether the sentence as printed adds anything to the headline: a statement
        the checker wrote, or the rest of the sentence around a claim that is part of one.
        When it adds nothing, the reports do not print the same words twice."""
        if self.context_before.strip() or self.context_after.strip():
            return True
        return " ".join(self.headline.split()) != " ".join(balanced(self.text).split())

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
        as a sentence naming an anonymous official or no one; an outlet's own claim appears
        wherever another outlet reports it, sourced or not); never a suggestion or a
        conflicting report."""
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
    filter_text: str  # the selection in the export's terms (notes, an empty report)
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
    scope_text: str = ""  # the selection as a reader is told it (ReportFilter.scope)

    @cached_property
    def drafts(self) -> int:
        """How many of the report's checks are unfinished (asked for every page)."""
        return sum(1 for e in self.claims if e.draft)

    @cached_property
    def summary(self) -> str:
        """The cover's standfirst, one paragraph a reader takes in first: how many claims,
        printed by whom and when, the verdicts, and which claims other outlets reported
        differently ("6 claims checked, printed by HuffPost and Fox News between
        2017-06-14 and 2017-06-15. Verdicts: 3 True, 2 Mostly true and 1 Unverifiable.
        Another outlet reported claim 2 differently."); "" for a report without claims."""
        if not self.claims:
            return ""
        outlets = list(dict.fromkeys(e.outlet for e in self.claims if e.outlet))
        days = sorted({e.date for e in self.claims if e.date})
        when = "" if not days else f" on {days[0]}" if len(days) == 1 else (
            f" between {days[0]} and {days[-1]}")
        text = counted(len(self.claims), "claim") + " checked" + (
            f", printed by {and_joined(outlets)}{when}" if outlets else when) + "."
        # the verdicts of finished checks only: a draft's rating is not a verdict yet
        done = [e.rating.name if e.rating else "Not rated" for e in self.claims if not e.draft]
        verdicts = [f"{n} {c.name}" for c in self.counts if (n := done.count(c.name))]
        if verdicts:
            text += f" Verdicts: {and_joined(verdicts)}."
        if self.drafts:
            text += (f" {counted(self.drafts, 'check')} {'is' if self.drafts == 1 else 'are'} "
                     "not finished (DRAFT).")
        told = [str(e.number) for e in self.claims
                if any(o.reviewed for o in e.reported_differently)]
        if told:
            who = "Another outlet" if len({o.outlet for e in self.claims
                                           for o in e.reported_differently
                                           if o.reviewed}) == 1 else "Other outlets"
            text += (f" {who} reported {'claim' if len(told) == 1 else 'claims'} "
                     f"{and_joined(told)} differently.")
        return text
