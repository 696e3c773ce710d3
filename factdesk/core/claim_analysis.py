"""Analysing claims marked or re-spanned by hand, and matching them across sources.

A claim the checker marks (or whose boundaries they move) is stored at once by its
undoable command, with nothing but its text. This service then gives it what detected
claims have: kind and speaker from its sentence, quantities, times, entities in their
canonical spelling and retrieval terms, parsed from the paragraph around it. Its terms
in the candidate index are refreshed, and its article is matched again against the
project, so the across-sources panel shows how other outlets reported it.
The claim's offsets are never changed here, nor the score of a claim the checker
marked; a detected claim whose boundaries were moved is scored again on its words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from factdesk.core.claim_index import INDEXES
from factdesk.core.extractors import get_extractor
from factdesk.core.matching_service import match_articles
from factdesk.core.project import Project
from factdesk.core.spellings import BatchSpellings
from factdesk.model.models import Article, Claim, ClaimDraft, published_date
from factdesk.nlp.pipeline import ClaimExtractor, with_canonical_entities

CancelCheck = Callable[[], bool]


@dataclass
class ClaimAnalysisReport:
    """What :func:`analyse_claims` did."""

    claims: int = 0
    matches: int = 0
    skipped: int = 0  # deleted claims, or spans without a word


def analyse_claims(
    project: Project,
    claim_ids: Sequence[int],
    *,
    model: str | None = None,
    match: bool = True,
    cancelled: CancelCheck | None = None,
    extractor: ClaimExtractor | None = None,
) -> ClaimAnalysisReport:
    """Analyse the given claims in place (see the module docstring) and re-match their
    articles. Deleted or vanished claims are skipped. The pipeline is the one claim
    extraction uses (loaded once per process), unless ``extractor`` is given."""
    if extractor is None:
        extractor = get_extractor(model or project.settings.get("spacy_model"),
                                  project.claim_threshold())
    report = ClaimAnalysisReport()
    articles: dict[int, Article | None] = {}
    drafts: list[tuple[Claim, ClaimDraft]] = []
    for claim_id in dict.fromkeys(claim_ids):
        if cancelled is not None and cancelled():
            break
        claim = project.claims.get(claim_id)
        if claim is not None and claim.article_id not in articles:
            articles[claim.article_id] = project.articles.get(claim.article_id)
        article = articles.get(claim.article_id) if claim is not None else None
        if claim is None or article is None:
            report.skipped += 1
            continue
        try:
            drafts.append((claim, extractor.analyse_span(
                article.text, claim.start, claim.end, published_date(article.published),
                claim.score, claim.origin)))
        except ValueError:
            report.skipped += 1
    if not drafts:
        return report
    # one spelling resolution for all of them (project-wide, or in a large archive
    # against the related stored spellings)
    canonical = BatchSpellings(project).forms([(e["text"], e["label"])
                                               for _, draft in drafts for e in draft.entities])
    with project.transaction():
        for claim, draft in drafts:
            draft = with_canonical_entities(draft, canonical)
            project.claims.update(claim.id, kind=draft.kind, speaker=draft.speaker,
                                  score=draft.score, quantities=draft.quantities,
                                  times=draft.times, entities=draft.entities,
                                  lemmas=draft.lemmas)
    report.claims = len(drafts)
    INDEXES.invalidate(project, [claim.id for claim, _ in drafts])
    if match and not (cancelled is not None and cancelled()):
        article_ids = list(dict.fromkeys(claim.article_id for claim, _ in drafts))
        report.matches = match_articles(project, article_ids, cancelled=cancelled)
    return report
