"""The archive of earlier fact-checks: importing records truthfully, and finding matches.

``import_archive`` reads a ClaimReview JSON-LD file (any nesting; JSON lines too), an
HTML page with ClaimReview in ld+json or microdata, or a CSV (see
:mod:`factdesk.ingest.archive_files`), and stores one record per review. A review's
identity is its own ``@id`` (or id column), else its publisher + url + claim: reviews
sharing a page (a round-up) or a claim (two publishers) stay separate, and importing a
file again updates its records instead of adding copies. The report counts records read,
stored (new or updated) and skipped, each skip with its reason.

``earlier_checks`` finds the archived checks a claim most likely repeats: BM25F
candidates re-ranked by a calibrated relevance (lexical score and sentence-embedding
cosines, :mod:`factdesk.matching.archive_relevance`); below :data:`RELEVANCE_FLOOR`
nothing is shown, so that an unrelated claim finds none. The checks' sentence vectors
are stored in the project (migration 0007): computed at import, and at the first search
of a project imported before.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from factdesk.core.project import Project
from factdesk.ingest.archive_files import ArchiveFormatError, read_archive
from factdesk.ingest.claimreviews import ReviewRecord
from factdesk.ingest.jsonld_expansion import CancelCheck, ReadCancelled, ReadProgress
from factdesk.matching.archive_index import ArchiveIndex
from factdesk.matching.archive_relevance import RelevanceSearch, load_relevance_model
from factdesk.matching.archive_vectors import archive_vectors, check_vector_rows
from factdesk.model.changes import ChangeSet
from factdesk.model.models import ArchivedCheck
from factdesk.nlp.embeddings import EmbeddingsUnavailable
from factdesk.storage.archive import ArchiveVectorRepository

log = logging.getLogger(__name__)

__all__ = ["RELEVANCE_FLOOR", "ArchiveFormatError", "ReadCancelled", "ArchiveImportReport", "ArchiveSearch",
           "SCORE_FLOOR", "archive_index", "archive_index_ready", "default_floor",
           "earlier_checks", "import_archive", "parse_archive", "search_archive"]

#: A query is answered only when its best hit's relevance (the calibrated probability of
#: :mod:`factdesk.matching.archive_relevance`) reaches this floor, fitted with the
#: weights on the CLEF-2020 CheckThat! Task 2 training tweets and fact-check titles
#: (docs/import-reliability.md, "Archive relevance floor: news-style restatements").
RELEVANCE_FLOOR = load_relevance_model().floor
#: The lexical fallback when sentence embeddings are not installed: hits scoring below
#: SCORE_FLOOR are not shown, and none unless the best BM25F score is at least
#: PEAK_FLOOR times the 10th best (calibrated on the same training queries).
SCORE_FLOOR = 0.06
PEAK_FLOOR = 1.25


@dataclass
class ArchiveImportReport:
    """What importing one archive file did."""

    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (which record, why)
    notes: list[str] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.new + self.updated

    @property
    def changes(self) -> ChangeSet:
        return ChangeSet(archive=self.stored > 0)

    def reasons(self) -> Counter[str]:
        return Counter(reason for _, reason in self.skipped)

    def summary(self) -> str:
        line = (f"{self.read} read, {self.stored} stored ({self.new} new, {self.updated} "
                f"updated), {len(self.skipped) + self.unchanged} skipped")
        why = [f"{n} {reason}" for reason, n in self.reasons().most_common()]
        if self.unchanged:
            why.append(f"{self.unchanged} already in the archive, unchanged")
        return line + (f" ({'; '.join(why)})" if why else "")


def _identity(record: ReviewRecord) -> str:
    """The record's own id, else a digest of publisher + url + claim."""
    if record.review_id:
        return record.review_id
    key = "\x1f".join((record.publisher.casefold(), record.url, " ".join(record.claim.split())))
    return "r" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _check(record: ReviewRecord, check_id: str) -> ArchivedCheck:
    return ArchivedCheck(id=check_id, claim=record.claim, title=record.title,
                         rating=record.rating, url=record.url, date=record.date,
                         publisher=record.publisher, rating_value=record.rating_value,
                         best_rating=record.best_rating, worst_rating=record.worst_rating)


def parse_archive(data: bytes, name: str, *, progress: ReadProgress | None = None,
                  cancelled: CancelCheck | None = None,
                  ) -> tuple[list[ArchivedCheck], ArchiveImportReport]:
    """The checks of one archive file, one per review, and the report so far (read,
    skipped with reasons). A record repeated in the file is skipped as a duplicate; a
    review id given to two different claims keeps both, told apart by their content."""
    found = read_archive(data, name, progress=progress, cancelled=cancelled)
    report = ArchiveImportReport(read=found.read, skipped=list(found.skipped),
                                 notes=list(found.notes))
    checks: dict[str, ArchivedCheck] = {}
    for number, record in enumerate(found.records, start=1):
        check_id = _identity(record)
        earlier = checks.get(check_id)
        if earlier is not None and earlier.claim != record.claim and record.review_id:
            report.notes.append(f"the id {record.review_id} is given to different claims: "
                                "they are kept apart")
            check_id = _identity(ReviewRecord(**{**record.__dict__, "review_id": ""}))
            earlier = checks.get(check_id)
        if earlier is not None:
            what = record.url or record.title or f"record {number}"
            report.skipped.append((what, "repeated in the file (same review)"))
            continue
        checks[check_id] = _check(record, check_id)
    return list(checks.values()), report


def import_archive(project: Project, path: Path, *, progress: ReadProgress | None = None,
                   cancelled: CancelCheck | None = None) -> ArchiveImportReport:
    """Store the checks of one archive file; the report says what was read, stored and
    skipped (raises :class:`ArchiveFormatError` for a file with no readable record).
    ``progress(done, total, what)`` follows the reading of a big file; when
    ``cancelled()`` turns true before the records are stored, :class:`ReadCancelled` is
    raised and nothing is stored."""
    path = Path(path)
    checks, report = parse_archive(path.read_bytes(), path.name, progress=progress,
                                   cancelled=cancelled)
    if cancelled is not None and cancelled():
        raise ReadCancelled
    if progress is not None:
        progress(report.read, report.read, "storing")
    vectors = ArchiveVectorRepository(project.db)
    with project.transaction():
        for i, check in enumerate(checks):
            stored = project.archive.get(check.id)
            if stored is not None and stored.claim != check.claim and \
                    stored.publisher != check.publisher:
                # an id another publisher's review already holds: both are kept
                own = ReviewRecord(check.claim, publisher=check.publisher, url=check.url)
                checks[i] = replace(check, id=_identity(own))
        statuses = project.archive.store(checks)
        if vectors.available():
            changed = [c for c, status in zip(checks, statuses, strict=True)
                       if status != "unchanged"]
            if progress is not None and changed:
                progress(report.read, report.read, "embedding the checks for search")
            vectors.save(_vector_rows(changed))
    report.new = statuses.count("new")
    report.updated = statuses.count("updated")
    report.unchanged = statuses.count("unchanged")
    _INDEXES.pop(str(project.path.resolve()), None)
    return report


def _vector_rows(checks: list[ArchivedCheck]) -> list:
    """The sentence-vector rows of ``checks`` to store; none without embeddings."""
    if not checks:
        return []
    try:
        return check_vector_rows(checks)
    except EmbeddingsUnavailable as exc:
        log.warning("archive vectors not computed: %s", exc)
        return []


_INDEXES: dict[str, tuple[int, ArchiveSearch]] = {}
_LOCK = threading.Lock()


@dataclass(frozen=True)
class ArchiveSearch:
    """A project's archive, indexed: the lexical index and, when sentence embeddings
    are installed, the relevance model over it (else the lexical floor is used)."""

    index: ArchiveIndex
    relevance: RelevanceSearch | None

    def search_many(self, queries: list[str], k: int,
                    min_relevance: float | None) -> list[list[tuple[str, float]]]:
        if self.relevance is not None:
            return self.relevance.search_many(queries, k, min_relevance)
        floor, peak = (SCORE_FLOOR, PEAK_FLOOR) if min_relevance is None \
            else (min_relevance, 0.0)
        return self.index.search_many(queries, k, min_score=floor, min_peak=peak)


def archive_index(project: Project) -> ArchiveSearch | None:
    """The project's archive search (built once, rebuilt when the archive changes)."""
    key = str(project.path.resolve())
    count = project.archive.count()
    if count == 0:
        return None
    with _LOCK:
        cached = _INDEXES.get(key)
        if cached is None or cached[0] != count:
            checks = project.archive.all()
            index = ArchiveIndex((c.id, c.claim, c.title) for c in checks)
            try:
                relevance = _relevance_search(project, index, checks)
            except EmbeddingsUnavailable as exc:
                log.warning("archive search without relevance model: %s", exc)
                relevance = None
            cached = (count, ArchiveSearch(index, relevance))
            _INDEXES[key] = cached
        return cached[1]


def _relevance_search(project: Project, index: ArchiveIndex,
                      checks: list[ArchivedCheck]) -> RelevanceSearch:
    """The relevance model over ``index``, reading the checks' stored vectors; the ones
    missing (a project imported before they were stored) or stale are computed and
    stored, unless the project is read-only."""
    repository = ArchiveVectorRepository(project.db)
    claims, titles, computed = archive_vectors(repository, checks)
    if computed and not project.read_only and repository.available():
        try:
            with project.transaction():
                repository.save(computed)
        except sqlite3.Error as exc:  # a busy or damaged file: the vectors are in memory
            log.warning("archive vectors not stored: %s", exc)
    return RelevanceSearch(index, [c.title for c in checks], claim_vectors=claims,
                           title_vectors=titles)


def default_floor(project: Project) -> float:
    """The floor a search applies when none is asked for: the relevance model's calibrated
    :data:`RELEVANCE_FLOOR`, or :data:`SCORE_FLOOR` when the archive is searched without
    sentence embeddings. A hit below it is *weak*: shown only when a checker asks for
    weaker hits (a lower ``min_relevance``), and then marked as such."""
    search = archive_index(project)
    if search is None:
        return RELEVANCE_FLOOR
    return SCORE_FLOOR if search.relevance is None else search.relevance.model.floor


def archive_index_ready(project: Project) -> bool:
    """Whether a lookup in the project's archive answers at once: the archive is empty or
    its search is built (building one of 10,000 checks takes seconds: a window builds it
    off its GUI thread first, with :func:`archive_index`)."""
    count = project.archive.count()
    if count == 0:
        return True
    with _LOCK:
        cached = _INDEXES.get(str(project.path.resolve()))
    return cached is not None and cached[0] == count


def search_archive(project: Project, queries: list[str], k: int = 3,
                   min_relevance: float | None = None
                   ) -> list[list[tuple[ArchivedCheck, float]]]:
    """For each query, the archived checks most likely to be the claim it repeats, as
    ``(check, relevance)`` best first (relevance: a calibrated probability, 0-1); none
    when the best falls below ``min_relevance`` (default: the model's calibrated floor,
    :data:`RELEVANCE_FLOOR`)."""
    search = archive_index(project)
    if search is None:
        return [[] for _ in queries]
    results = search.search_many(queries, k, min_relevance)
    wanted = {i for hits in results for i, _ in hits}
    by_id = {i: project.archive.get(i) for i in wanted}
    return [[(by_id[i], s) for i, s in hits if by_id.get(i) is not None]  # type: ignore[misc]
            for hits in results]


def earlier_checks(project: Project, claim_text: str, k: int = 3,
                   min_relevance: float | None = None) -> list[tuple[ArchivedCheck, float]]:
    """The archived checks most likely repeated by ``claim_text``, best first."""
    return search_archive(project, [claim_text], k, min_relevance)[0]
