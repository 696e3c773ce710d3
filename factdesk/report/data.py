"""Assembling the data of a verdict report from a project (pure Python, no Qt).

:func:`build_report` selects claims and gathers everything every renderer (PDF,
ClaimReview, CSV, Markdown) needs into a frozen :class:`ReportData` (the records are
:mod:`factdesk.report.report_model`'s): the cover figures,
one :class:`ClaimEntry` per claim, the story as it was told (the articles by publication
date, oldest first, each article's claims in their order), with the claim as checked, its
sentence in context, verdict, evidence, claimant and the same fact as other outlets
reported it, and the appendix of sources.

What a report publishes is reviewed material only, unless the export asks otherwise:

- checks with status "done" (``--status`` chooses others; an unfinished check is then a
  draft, :attr:`ClaimEntry.draft`, and every renderer marks it so);
- ratings the scale says are publishable (not "Not a claim"), unless ``--rating`` names
  one or ``--all`` asks for every claim;
- other outlets' reports of the same fact that the checker accepted (``--include-suggested``
  adds the undecided suggestions, marked as not reviewed; rejected ones never).

An accepted report is told as the latest analysis found it: its relation and differences
now (a pair accepted as the same fact that now conflicts is "reported differently", with
the difference found since), marked when that changed since the checker accepted it
(:attr:`OtherReport.changed`, :mod:`factdesk.model.match_changes`).

Other outlets' reports come in two kinds (:attr:`OtherReport.conflicting`): the same claim
appearing elsewhere (a "same fact" match, an appearance of the claim in ClaimReview) and
the same event reported with a different detail (a "conflicting" match: 300 bodies where
the claim says 450), which every report shows next to the claim as "reported differently
by <outlet>" and ClaimReview never lists as an appearance.

A rating's numbers (:attr:`RatingInfo.place`) are the scale's own (True 6 on 1-6); a
rating off the ordinal scale (Misleading, Unverifiable) has none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from factdesk.core.project import UNNAMED_CHECKER, Project
from factdesk.model.match_changes import decision_change
from factdesk.model.models import (
    STATUSES,
    Article,
    Claim,
    EntityMention,
    Match,
    Verdict,
    differences_told,
)
from factdesk.model.outlet_names import OutletNames
from factdesk.model.text import shorten
from factdesk.report.claimants import (
    Claimant,
    fullest_titles,
    resolve_claimant,
)
from factdesk.report.published_wording import contradicts, published_difference
from factdesk.report.quotes import clean_quote
from factdesk.report.report_filter import PUBLISHED_STATUS, ReportFilter
from factdesk.report.report_model import (
    ClaimEntry,
    EvidenceItem,
    OtherReport,
    RatingCount,
    RatingInfo,
    ReportData,
    SourceEntry,
    and_joined,
)
from factdesk.report.richtext import html_to_markdown, html_to_text, sanitise_html
from factdesk.storage.rows import now_iso

# the report's records are defined in report_model and report_filter; importers read
# them from here too
__all__ = ["PUBLISHED_STATUS", "SENTENCE_LIMIT", "UNRATED_COLOR", "ClaimEntry", "EvidenceItem",
           "OtherReport", "RatingCount", "RatingInfo", "ReportData", "ReportFilter",
           "SourceEntry", "and_joined", "build_report", "moment_text", "sentence_context",
           "source_note"]

UNRATED_COLOR = "#bdbdbd"
SENTENCE_LIMIT = 320  # characters of context on each side at most
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")
_SENTENCE_END = re.compile(r"[.!?…](?:[\"'”’)\]]*)\s+|\n")


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
    if _ENDS_SENTENCE.search(claim.text.rstrip()) and (not after or after[0].isspace()):
        # the quote ends its sentence, its closing marks too ('said on "Fox & Friends."'
        # was followed by the next sentence, “We were like sitting ducks.”)
        after = ""
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
    claim: Claim, verdict: Verdict | None, flt: ReportFilter, rating_names: set[str],
    unpublished: set[str],
) -> bool:
    if flt.articles and claim.article_id not in flt.articles:
        return False
    rated = verdict is not None and verdict.rating is not None
    if not flt.include_all and not rated:
        return False
    status = verdict.status if verdict else "to check"
    if status.casefold() not in {s.casefold() for s in flt.effective_statuses}:
        return False
    if flt.ratings:
        if verdict is None or verdict.rating is None:
            return False
        return verdict.rating.casefold() in rating_names
    if rated and not flt.include_all and verdict is not None:
        return verdict.rating.casefold() not in unpublished
    return True


def _others(
    project: Project, claim: Claim, articles: dict[int, Article], suggested: bool,
    outlets: OutletNames, claimants: _ClaimantFinder,
) -> tuple[OtherReport, ...]:
    # a report tells how other outlets reported the same fact: the matches the checker
    # accepted; asked to, the undecided suggestions of the same fact too (a suggestion
    # only related is not one), accepted ones first. The checker's acceptance makes a
    # related match the same fact (the window's "accept (same fact)"), or, when it
    # carries a contradicting difference, a conflicting one; an accepted conflicting one
    # stays conflicting. Differences are told with the outlets' names
    # now, without a name's spelling variants (the same name, no difference).
    claim_id = claim.id
    matches: list[Match] = [
        m for m in project.matches.for_claim(claim_id, include_rejected=False)
        if m.decision == "accepted" or (suggested and m.relation != "related")]
    matches.sort(key=lambda m: m.decision != "accepted")
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
        relation = match.relation
        if match.decision == "accepted" and relation == "related":
            # the checker's same fact, unless its account contradicts the claim ("four
            # people" struck against "Six people" injured): that is the same event told
            # otherwise, never an appearance of the claim
            relation = "conflicting" if contradicts(match) else "same fact"
        result.append(
            OtherReport(
                claim_id=other.id,
                article_id=other.article_id,
                text=clean_quote(other.text),
                outlet=article.outlet if article else "",
                article_title=article.title if article else "",
                date=article.published if article else None,
                url=article.url if article else "",
                relation=relation,
                score=float(match.score),
                decision=match.decision,
                discrepancies=tuple(published_difference(d) for d in differences_told(
                    match.discrepancies, outlets, (claim.article_id, other.article_id),
                    spellings=False)),
                changed=change.brief if (change := decision_change(match)) else "",
                claimant=claimants.find(other, article),
            )
        )
    return tuple(result)


class _ClaimantFinder:
    """Claimants of the report's claims, reading each article's mentions once."""

    def __init__(self, project: Project, articles: dict[int, Article]) -> None:
        self.project = project
        self.articles = articles
        self.mentions: dict[int, list[EntityMention]] = {}
        self.aliases = {" ".join(a.variant.replace("’", "'").split()).casefold(): a.canonical
                        for a in project.entities.aliases()}

    def find(self, claim: Claim, article: Article | None) -> Claimant | None:
        if not claim.speaker:
            return None
        if claim.article_id not in self.mentions:
            self.mentions[claim.article_id] = self.project.entities.mentions(claim.article_id)
        return resolve_claimant(claim.speaker, article, self.mentions[claim.article_id],
                                self.aliases, within=(claim.start, claim.end))

    @staticmethod
    def one_title_each(entries: list[ClaimEntry]) -> list[ClaimEntry]:
        """The entries with one title per person: the fullest the articles give."""
        titles = fullest_titles(e.claimant for e in entries)
        return [replace(e, claimant=replace(e.claimant, job_title=titles[e.claimant.name]))
                if e.claimant is not None and e.claimant.name in titles else e
                for e in entries]


def _cited_sources(entries: list[ClaimEntry], articles: dict[int, Article],
                   per_article: dict[int, int]) -> tuple[SourceEntry, ...]:
    """The articles the report cites: those its claims come from, then those of the
    other outlets' reports it shows, in the claims' order (by publication date). An
    article of the project the report does not mention is not a source of it."""
    cited = set(per_article) | {o.article_id for e in entries for o in e.others}
    ordered = sorted(articles.values(), key=lambda a: (a.published or "9999", a.id))
    return tuple(
        SourceEntry(a.id, a.outlet, a.title, a.author, a.published, a.url, a.source_name,
                    per_article.get(a.id, 0))
        for a in ordered if a.id in cited
    )


def source_note(source: SourceEntry) -> str:
    """The small print under a source in the appendix: its author and what the report
    takes from it (the local file name only when nothing else names the article)."""
    parts = [f"by {source.author}"] if source.author else []
    if not source.title and not source.url and source.file_name:
        parts.append(f"file {source.file_name}")
    n = source.claims_in_report
    parts.append(f"{n} claim{'s' if n != 1 else ''} checked in this report" if n
                 else "cited as another outlet's report of a checked claim")
    return " · ".join(parts)


def moment_text(stamp: str) -> str:
    """An ISO time stamp as a reader sees it: "2026-12-07 08:06 UTC" (FactDesk stores
    UTC; a bare "08:06" read as the reader's local time)."""
    day, _, rest = stamp.partition("T")
    if not rest:
        return day
    utc = rest.endswith(("+00:00", "Z"))
    return f"{day} {rest[:5]}{' UTC' if utc else ''}"


def _story_order(claim: Claim, articles: Mapping[int, Article]) -> tuple[str, int, int]:
    """Where a claim comes in the report: the story as it was told, the articles by
    publication date (undated ones last), then as stored, each article's claims in their
    order (a HuffPost report of 14 June before Fox News's of the 15th, whatever order
    the articles were imported in)."""
    article = articles.get(claim.article_id)
    return ((article.published if article and article.published else "9999"),
            claim.article_id, claim.start)


def _day(stamp: str | None) -> str | None:
    return stamp[:10] if stamp else None


def build_report(project: Project, flt: ReportFilter | None = None) -> ReportData:
    """Everything a report about ``project`` shows, for the claims ``flt`` selects."""
    flt = flt or ReportFilter()
    scale = project.rating_scale()
    rating_names = {
        (scale.by_name(r).name if scale.by_name(r) else r).casefold() for r in flt.ratings
    }
    unpublished = {r.name.casefold() for r in scale.ratings if not r.publishable}
    articles = {a.id: a for a in project.articles.iter_all()}
    claimants = _ClaimantFinder(project, articles)
    outlets = project.articles.outlet_names()
    every_status = replace(flt, statuses=STATUSES)
    everything = replace(flt, include_all=True)
    unfinished = 0  # checks left out only because they are not finished
    not_published = 0  # checks left out because the scale does not publish their rating
    verdicts = {v.claim_id: v for v in project.verdicts.all()}
    entries: list[ClaimEntry] = []
    per_article: dict[int, int] = {}
    for claim in sorted(project.claims.iter_all(), key=lambda c: _story_order(c, articles)):
        verdict = verdicts.get(claim.id)
        if not _selected(claim, verdict, flt, rating_names, unpublished):
            if not flt.statuses and not flt.include_all and verdict is not None and _selected(
                    claim, verdict, every_status, rating_names, unpublished):
                unfinished += 1
            elif verdict is not None and (verdict.rating or "").casefold() in unpublished \
                    and _selected(claim, verdict, everything, rating_names, set()):
                not_published += 1
            continue
        article = articles.get(claim.article_id)
        before, after = sentence_context(article, claim)
        rating = scale.by_name(verdict.rating) if verdict and verdict.rating else None
        rating_info = None
        if rating is not None:
            rating_info = RatingInfo(rating.name, rating.value, rating.color,
                                     rating.publishable, scale.place(rating.name))
        elif verdict is not None and verdict.rating:
            # a rating the scale no longer has: shown, but not published (the scale says
            # what is published)
            rating_info = RatingInfo(verdict.rating, None, UNRATED_COLOR, publishable=False)
        rationale = verdict.rationale if verdict else ""
        entries.append(
            ClaimEntry(
                number=len(entries) + 1,
                claim_id=claim.id,
                article_id=claim.article_id,
                text=clean_quote(claim.text),
                context_before=clean_quote(before, start=True),
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
                others=_others(project, claim, articles, flt.include_suggested, outlets,
                               claimants),
                # "unnamed checker" is no name to publish: the check is unsigned
                checker=(verdict.checker if verdict and verdict.checker != UNNAMED_CHECKER
                         else ""),
                created_at=verdict.created_at if verdict else None,
                updated_at=verdict.updated_at if verdict else None,
                statement=claim.statement or "",
                claimant=claimants.find(claim, article),
            )
        )
        per_article[claim.article_id] = per_article.get(claim.article_id, 0) + 1

    entries = claimants.one_title_each(entries)
    counts = tuple(c for c in _counts(entries, scale.ratings) if c.count)
    stamps = sorted(s for e in entries for s in (e.created_at, e.updated_at) if s)
    checkers = tuple(sorted({e.checker for e in entries if e.checker})) or tuple(
        name for name in (project.checker,) if name != UNNAMED_CHECKER)
    unsigned = sum(1 for e in entries if e.rating is not None and not e.checker)
    sources = _cited_sources(entries, articles, per_article)
    settings = project.project_settings()
    article_names = {
        aid: f"{articles[aid].outlet or 'unknown outlet'} “{shorten(articles[aid].title, 60)}”"
        if articles[aid].title else f"{articles[aid].outlet or 'article'} {aid}"
        for aid in flt.articles if aid in articles}
    return ReportData(
        project_name=project.name,
        title=settings.report_title or f"{project.name}: verdict report",
        organisation=settings.organisation or "",
        organisation_url=settings.organisation_url or "",
        report_url=settings.report_url or "",
        checkers=checkers,
        date_from=_day(stamps[0]) if stamps else None,
        date_to=_day(stamps[-1]) if stamps else None,
        exported_at=now_iso(),
        filter_text=flt.describe(article_names),
        scope_text=flt.scope(article_names),
        counts=counts,
        best=scale.best,
        worst=scale.worst,
        claims=tuple(entries),
        sources=sources,
        filter=flt,
        unfinished_left_out=unfinished,
        unpublished_left_out=not_published,
        scale_problem=scale.ordinal_problem() or "",
        unsigned=unsigned,
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
