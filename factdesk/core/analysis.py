"""Claim extraction and cross-source matching of stored articles, as one service.

Runs the NLP pipeline over articles, merges entity spellings (user aliases win; see
:mod:`factdesk.core.spellings`), and stores each article's claims and mentions
atomically (a savepoint of its batch's transaction), so a crash leaves every article
either fully analysed or untouched (and then re-analysed by the next ``factdesk
extract``). Matching of the new claims against
the project follows.

One article that fails to analyse never stops the batch: the batch it was parsed in is
analysed again article by article, the one that fails is kept, marked not analysed
with the reason (:meth:`ArticleRepository.mark_not_analysed`) and reported by name in
:attr:`AnalysisReport.failed`, and the next extraction tries it again.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date

from factdesk.core.analysis_pool import AnalysisPool, discard_pool, shared_pool
from factdesk.core.batch_gc import fewer_collections
from factdesk.core.claim_analysis import analyse_claims
from factdesk.core.claim_index import INDEXES
from factdesk.core.extractors import get_extractor
from factdesk.core.failures import ArticleFailure, error_text
from factdesk.core.matching_service import match_articles
from factdesk.core.project import Project
from factdesk.core.spellings import BatchSpellings, refresh_canonical_forms
from factdesk.model.changes import ChangeSet
from factdesk.model.models import MAX_ANALYSED_CHARS, MentionDraft, published_date
from factdesk.nlp.pipeline import ArticleAnalysis, ClaimExtractor, with_canonical_entities

STORE_BATCH = 8  # articles analysed per alias resolution and store
AUTO_MAX_PROCESSES = 4  # automatic choice: at most this many worker processes
AUTO_MIN_CHARS = 60_000  # ... and only for this much text (~10,000 words) or more
ProgressCallback = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]
Article = tuple[int, str, date | None]
# MAX_ANALYSED_CHARS (spaCy's ``nlp.max_length``, in model.models): a longer article is
# kept, marked not analysed with the ArticleTooLong reason, and never handed to spaCy
log = logging.getLogger(__name__)


class ArticleTooLong(ValueError):
    """An article longer than :data:`MAX_ANALYSED_CHARS`: the checker should split it."""

    def __init__(self, length: int) -> None:
        super().__init__(
            f"too long to analyse: {length:,} characters (at most {MAX_ANALYSED_CHARS:,}); "
            "split it into several articles")


@dataclass
class AnalysisReport:
    """What an extraction (and matching) run did."""

    articles: int = 0
    claims: int = 0
    matches: int = 0
    cancelled: bool = False
    failed: list[ArticleFailure] = field(default_factory=list)  # kept, not analysed
    match_failures: list[ArticleFailure] = field(default_factory=list)

    @property
    def changes(self) -> ChangeSet:
        return ChangeSet(claims=True, entities=True, matches=self.matches > 0)


@dataclass
class Stored:
    """One article's claims stored: how many new, the kept claims refreshed from a
    draft of their span, and the kept claims to read again on their own span."""

    claims: int
    refreshed: list[int] = field(default_factory=list)
    to_read: list[int] = field(default_factory=list)


def store_analysis(project: Project, analysis: ArticleAnalysis,
                   canonical: dict[str, str]) -> Stored:
    """Replace one article's detected claims and mentions, in one transaction.

    The claims re-extraction keeps (marked by hand, judged, with evidence or decided
    matches) keep the checker's edits and get what the analysis reads from the text
    afresh: times, quantities, speaker, entities (:meth:`ClaimRepository.refresh_kept`);
    those without a draft of their span are listed to be read on their own span."""
    with project.transaction():
        mentions = [  # made directly: dataclasses.replace is several times slower
            MentionDraft(m.start, m.end, m.text, m.label, canonical.get(m.text, m.text))
            for m in analysis.mentions
        ]
        project.entities.replace_mentions(analysis.article_id, mentions)
        drafts = [with_canonical_entities(d, canonical) for d in analysis.claims]
        refreshed, to_read = project.claims.refresh_kept(analysis.article_id, drafts)
        ids = project.claims.replace_detected(analysis.article_id, drafts)
        project.articles.mark_extracted(analysis.article_id, analysis.sentences or None)
    return Stored(len(ids), refreshed, to_read)


def worker_processes(requested: int | None, project: Project, article_ids: Sequence[int]) -> int:
    """How many processes to analyse with: ``requested``, or when None one per core (at
    most :data:`AUTO_MAX_PROCESSES`) once the texts are long enough to repay starting
    worker processes."""
    if requested is not None:
        return max(1, int(requested))
    cores = min(os.cpu_count() or 1, AUTO_MAX_PROCESSES)
    if cores < 2 or len(article_ids) < 2:
        return 1
    return cores if project.articles.text_length(article_ids) >= AUTO_MIN_CHARS else 1


def analyse_articles(
    project: Project,
    article_ids: Sequence[int] | None = None,
    *,
    model: str | None = None,
    threshold: float | None = None,
    match: bool = True,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    n_process: int | None = None,
) -> AnalysisReport:
    """Extract claims of the given articles (default: all) and match them.

    With several processes (``n_process``; None: automatic, see :func:`worker_processes`)
    worker processes parse the articles and score the claim pairs while this one stores
    the results, article after article, exactly as one process would.
    """
    if threshold is None:
        threshold = project.claim_threshold()
    extractor = get_extractor(model or project.settings.get("spacy_model"), threshold)
    ids = list(article_ids) if article_ids is not None else project.articles.ids()
    processes = worker_processes(n_process, project, ids)
    if progress:
        progress(0, len(ids), "loading the language model")
    if processes > 1:
        with (shared_pool(processes, extractor.model_name, extractor.threshold) as pool,
              fewer_collections()):
            return _analyse(project, ids, extractor, match, progress, cancelled, pool)
    with fewer_collections():
        return _analyse(project, ids, extractor, match, progress, cancelled, None)


def _analyse(
    project: Project,
    ids: list[int],
    extractor: ClaimExtractor,
    match: bool,
    progress: ProgressCallback | None,
    cancelled: CancelCheck | None,
    pool: AnalysisPool | None,
) -> AnalysisReport:
    report = AnalysisReport()
    total = len(ids)

    def items() -> Iterator[tuple[int, str, date | None]]:
        for article_id in ids:
            article = project.articles.get(article_id)
            if article is not None and len(article.text) > MAX_ANALYSED_CHARS:
                fail(article.id, ArticleTooLong(len(article.text)))
            elif article is not None:
                yield article.id, article.text, published_date(article.published)

    analysed: list[int] = []
    refreshed: list[int] = []  # kept claims refreshed in place (their terms may change)
    to_read: list[int] = []  # kept claims to read again on their own span
    pending: list[ArticleAnalysis] = []
    spellings = BatchSpellings(project)

    def fail(article_id: int, exc: BaseException) -> None:
        explained = isinstance(exc, ArticleTooLong)  # the reason says what to do
        if explained:  # reported to the checker below; no traceback to log
            log.info("article %s not analysed: %s", article_id, exc)
        else:
            log.warning("article %s not analysed", article_id, exc_info=exc)
        article = project.articles.get(article_id)
        failure = ArticleFailure(article_id, article.title if article else "",
                                 str(exc) if explained else error_text(exc),
                                 retried=not explained)
        with project.transaction():
            project.articles.mark_not_analysed(article_id, failure.error)
        report.failed.append(failure)

    def flush() -> None:
        # Spellings are merged once per small batch of articles, not once per article:
        # alias resolution looks at every name in the project.
        if not pending:
            return
        new_names = [(m.text, m.label) for a in pending for m in a.mentions]
        canonical = spellings.forms(new_names)
        # one commit for the batch (a commit waits for the disk), each article in its
        # own savepoint: one that fails to store leaves the others stored
        with project.transaction():
            for item in pending:
                try:
                    with project.transaction():  # a savepoint: this article only
                        stored = store_analysis(project, item, canonical)
                except Exception as exc:  # one article never stops the batch
                    fail(item.article_id, exc)
                    continue
                report.claims += stored.claims
                refreshed.extend(stored.refreshed)
                to_read.extend(stored.to_read)
                report.articles += 1
                analysed.append(item.article_id)
                if progress:
                    progress(report.articles + len(report.failed), total,
                             f"article {item.article_id}")
        pending.clear()

    lengths = project.articles.text_lengths(ids) if pool is not None else {}
    stream = _isolated(items(), extractor, pool, [lengths.get(i, 0) for i in ids])
    try:
        for analysis in stream:
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            if isinstance(analysis, _Failed):
                fail(analysis.article_id, analysis.error)
                continue
            pending.append(analysis)
            if len(pending) >= STORE_BATCH:
                flush()
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()  # stops the workers' queued tasks when cancelled
    flush()
    if progress:
        progress(report.articles, total, "merging name spellings across the project")
    refresh_canonical_forms(project)
    INDEXES.invalidate(project, refreshed)
    unread = project.claims.unread_manual_ids(analysed) if not report.cancelled else []
    # hand-marked claims a missing model or a closed window left unread, and kept claims
    # whose span no draft has (marked or moved by hand): read on their own span
    reread = list(dict.fromkeys([*unread, *(to_read if not report.cancelled else [])]))
    if reread:
        analyse_claims(project, reread, match=False, cancelled=cancelled, extractor=extractor)
    if match and report.articles and not report.cancelled:
        report.matches = match_articles(
            project, analysed, progress=progress, cancelled=cancelled,
            rate_async=pool.rate if pool is not None else None,
            failures=report.match_failures,
        )
    return report


@dataclass(frozen=True)
class _Failed:
    article_id: int
    error: BaseException


def _isolated(
    articles: Iterator[Article],
    extractor: ClaimExtractor,
    pool: AnalysisPool | None,
    lengths: Sequence[int],
) -> Iterator[ArticleAnalysis | _Failed]:
    """The analyses of ``articles`` in order, from the pool's workers or this process,
    with each article that fails to analyse as a :class:`_Failed` instead.

    Articles are parsed in batches, so an exception loses the whole batch in flight: its
    articles (handed out, not yet returned) are analysed again one by one in this
    process, and the stream then resumes with the articles after them. A pool whose
    worker died is left for this process to finish the run without.
    """
    in_flight: deque[Article] = deque()
    handed = [0]

    def feed() -> Iterator[Article]:
        for article in articles:
            in_flight.append(article)
            handed[0] += 1
            yield article

    source = feed()  # one generator: each restart goes on where the last one stopped
    while True:
        if pool is not None:
            stream = pool.analyse(source, lengths[handed[0]:])
        else:
            stream = extractor.analyse(source)
        try:
            for analysis in stream:
                while in_flight and in_flight[0][0] != analysis.article_id:
                    in_flight.popleft()
                if in_flight:
                    in_flight.popleft()
                yield analysis
            return
        except Exception as exc:  # isolated below, article by article
            log.warning("a batch of %d articles failed to analyse (%s); analysing them "
                        "one by one", len(in_flight), error_text(exc))
            if isinstance(exc, BrokenProcessPool) and pool is not None:
                discard_pool(pool)
                pool = None
            retry = list(in_flight)
            in_flight.clear()
            for article in retry:
                try:
                    yield from extractor.analyse([article])
                except Exception as one:  # this article alone fails
                    yield _Failed(article[0], one)
        finally:
            close = getattr(stream, "close", None)
            if close is not None:
                close()  # stops the workers' queued tasks when cancelled
