"""Assembling the data of a verdict report from a project (pure Python, no Qt).

:func:`build_report` selects claims (judged only by default, or all; by status, rating,
article) and gathers everything every renderer (PDF, ClaimReview, CSV, Markdown) needs
into a frozen :class:`ReportData`: the cover figures, one :class:`ClaimEntry` per claim in
article order with its sentence context, verdict, evidence and the same fact as other
outlets reported it, and the appendix of sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from factdesk.core.project import Project
from factdesk.model.models import Article, Claim, Match, Verdict, severity_rank
from factdesk.report.richtext import html_to_markdown, html_to_text, sanitise_html
from factdesk.storage.rows import now_iso

UNRATED_COLOR = "#bdbdbd"
SENTENCE_LIMIT = 320  # characters of context on each side at most
_SENTENCE_END = re.compile(r"[.!?…](?:[\"'”’)\]]*)\s+|\n")


@dataclass(frozen=True)
class ReportFilter:
    """Which claims a report includes. Empty tuples mean "no restriction"."""

    include_all: bool = False  # False: judged claims only (a verdict with a rating)
    statuses: tuple[str, ...] = ()
    ratings: tuple[str, ...] = ()
    articles: tuple[int, ...] = ()

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
        )

    def describe(self) -> str:
        parts = ["all claims" if self.include_all else "judged claims"]
        if self.statuses:
            parts.append("status " + ", ".join(self.statuses))
        if self.ratings:
            parts.append("rating " + ", ".join(self.ratings))
        if self.articles:
            parts.append("articles " + ", ".join(str(a) for a in self.articles))
        return "; ".join(parts)


@dataclass(frozen=True)
class RatingInfo:
    name: str
    value: int | None
    color: str


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


@dataclass(frozen=True)
class ClaimEntry:
    number: int  # 1-based position in the report
    claim_id: int
    article_id: int
    text: str
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

    @property
    def anchor(self) -> str:
        return f"claim-{self.claim_id}"


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
    organisation: str
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


def sentence_context(article: Article | None, claim: Claim) -> tuple[str, str]:
    """The text around the claim up to its sentence boundaries (else prefix/suffix)."""
    if article is None or article.text[claim.start : claim.end] != claim.text:
        return claim.prefix.lstrip(), claim.suffix.rstrip()
    text = article.text
    lo = max(0, claim.start - SENTENCE_LIMIT)
    before = text[lo : claim.start]
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    elif lo > 0:
        before = "…" + before.split(" ", 1)[-1]
    hi = min(len(text), claim.end + SENTENCE_LIMIT)
    after = text[claim.end : hi]
    if claim.text.rstrip()[-1:] in ".!?…" and (not after or after[0].isspace()):
        after = ""  # the quote ends its sentence
    elif end := _SENTENCE_END.search(after):
        after = after[: end.start()] + end.group().rstrip()
    elif hi < len(text):
        after = after.rsplit(" ", 1)[0] + "…"
    return _squash(before), _squash(after)


def _squash(text: str) -> str:
    """Runs of whitespace as one space, keeping one at either end if there was one."""
    core = " ".join(text.split())
    if not core:
        return ""
    return (" " if text[0].isspace() else "") + core + (" " if text[-1].isspace() else "")


def _selected(
    claim: Claim, verdict: Verdict | None, flt: ReportFilter, rating_names: set[str]
) -> bool:
    if flt.articles and claim.article_id not in flt.articles:
        return False
    rated = verdict is not None and verdict.rating is not None
    if not flt.include_all and not rated:
        return False
    status = verdict.status if verdict else "to check"
    if flt.statuses and status.casefold() not in {s.casefold() for s in flt.statuses}:
        return False
    if flt.ratings:
        if verdict is None or verdict.rating is None:
            return False
        return verdict.rating.casefold() in rating_names
    return True


def _others(
    project: Project, claim_id: int, articles: dict[int, Article]
) -> tuple[OtherReport, ...]:
    # a report tells how other outlets reported the same fact: the matches the checker
    # accepted and the suggestions of the same fact; a suggestion only related is not one
    matches: list[Match] = [
        m for m in project.matches.for_claim(claim_id, include_rejected=False)
        if m.decision == "accepted" or m.relation != "related"]
    if not matches:
        return ()
    other_ids = [m.claim_b if m.claim_a == claim_id else m.claim_a for m in matches]
    claims = project.claims.get_many(other_ids)
    result = []
    for match, other_id in zip(matches, other_ids, strict=True):
        other = claims.get(other_id)
        if other is None:
            continue
        article = articles.get(other.article_id)
        ordered = sorted(match.discrepancies,
                         key=lambda d: severity_rank(str(d.get("severity", ""))))
        result.append(
            OtherReport(
                claim_id=other.id,
                article_id=other.article_id,
                text=other.text,
                outlet=article.outlet if article else "",
                article_title=article.title if article else "",
                date=article.published if article else None,
                url=article.url if article else "",
                relation=match.relation,
                score=float(match.score),
                decision=match.decision,
                discrepancies=tuple(
                    str(d.get("explanation") or d.get("kind") or "") for d in ordered
                    if d.get("explanation") or d.get("kind")
                ),
            )
        )
    return tuple(result)


def _day(stamp: str | None) -> str | None:
    return stamp[:10] if stamp else None


def build_report(project: Project, flt: ReportFilter | None = None) -> ReportData:
    """Everything a report about ``project`` shows, for the claims ``flt`` selects."""
    flt = flt or ReportFilter()
    scale = project.rating_scale()
    rating_names = {
        (scale.by_name(r).name if scale.by_name(r) else r).casefold() for r in flt.ratings
    }
    articles = {a.id: a for a in project.articles.iter_all()}
    verdicts = {v.claim_id: v for v in project.verdicts.all()}
    entries: list[ClaimEntry] = []
    per_article: dict[int, int] = {}
    for claim in project.claims.iter_all():
        verdict = verdicts.get(claim.id)
        if not _selected(claim, verdict, flt, rating_names):
            continue
        article = articles.get(claim.article_id)
        before, after = sentence_context(article, claim)
        rating = scale.by_name(verdict.rating) if verdict and verdict.rating else None
        rating_info = None
        if rating is not None:
            rating_info = RatingInfo(rating.name, rating.value, rating.color)
        elif verdict is not None and verdict.rating:
            rating_info = RatingInfo(verdict.rating, None, UNRATED_COLOR)
        rationale = verdict.rationale if verdict else ""
        entries.append(
            ClaimEntry(
                number=len(entries) + 1,
                claim_id=claim.id,
                article_id=claim.article_id,
                text=claim.text,
                context_before=before,
                context_after=after,
                outlet=article.outlet if article else "",
                article_title=article.title if article else "",
                date=article.published if article else None,
                url=article.url if article else "",
                kind=claim.kind,
                score=float(claim.score),
                speaker=claim.speaker,
                rating=rating_info,
                status=verdict.status if verdict else "to check",
                rationale_html=sanitise_html(rationale or ""),
                rationale_text=html_to_text(rationale or ""),
                rationale_markdown=html_to_markdown(rationale or ""),
                evidence=tuple(
                    EvidenceItem(e.url, e.title, e.note, e.accessed)
                    for e in (verdict.evidence if verdict
                              else project.verdicts.evidence(claim.id))
                ),
                others=_others(project, claim.id, articles),
                checker=verdict.checker if verdict else "",
                created_at=verdict.created_at if verdict else None,
                updated_at=verdict.updated_at if verdict else None,
            )
        )
        per_article[claim.article_id] = per_article.get(claim.article_id, 0) + 1

    counts = _counts(entries, scale.ratings)
    stamps = sorted(s for e in entries for s in (e.created_at, e.updated_at) if s)
    checkers = tuple(sorted({e.checker for e in entries if e.checker})) or (project.checker,)
    sources = tuple(
        SourceEntry(a.id, a.outlet, a.title, a.author, a.published, a.url, a.source_name,
                    per_article.get(a.id, 0))
        for a in articles.values()
        if not flt.articles or a.id in flt.articles
    )
    return ReportData(
        project_name=project.name,
        organisation=str(project.settings.get("organisation") or ""),
        report_url=str(project.settings.get("report_url") or ""),
        checkers=checkers,
        date_from=_day(stamps[0]) if stamps else None,
        date_to=_day(stamps[-1]) if stamps else None,
        exported_at=now_iso(),
        filter_text=flt.describe(),
        counts=counts,
        best=scale.best,
        worst=scale.worst,
        claims=tuple(entries),
        sources=sources,
        filter=flt,
    )


def _counts(entries: Iterable[ClaimEntry], ratings: Iterable[Any]) -> tuple[RatingCount, ...]:
    tally: dict[str, int] = {}
    unrated = 0
    for entry in entries:
        if entry.rating is None:
            unrated += 1
        else:
            tally[entry.rating.name] = tally.get(entry.rating.name, 0) + 1
    result = [RatingCount(r.name, r.value, r.color, tally.pop(r.name, 0)) for r in ratings]
    result += [RatingCount(name, None, UNRATED_COLOR, n) for name, n in tally.items()]
    if unrated:
        result.append(RatingCount("Not rated", None, UNRATED_COLOR, unrated))
    return tuple(result)
