"""Importing articles into a project: files, folders or pasted text, each article whole.

Each article is stored with its original bytes and its cleaned text in a savepoint of its
own, so a crash mid-batch leaves only whole articles behind, and running the same import
again skips what is already there (recognised by the hash of the cleaned text). A commit
waits for the disk, so the files are read and parsed first and then stored several per
commit (:data:`STORE_BATCH` articles, or what :data:`STORE_SECONDS` of parsing gave);
the write lock is held only while storing, never while a file is parsed.
"""

from __future__ import annotations

import logging
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factdesk.core.failures import error_text
from factdesk.core.project import Project
from factdesk.ingest import (
    IngestError,
    ParsedArticle,
    parse_file,
    parse_pasted,
    scan,
)
from factdesk.model.changes import ChangeSet

ProgressCallback = Callable[[int, int, str], None]  # done, total, current name
CancelCheck = Callable[[], bool]
STORE_BATCH = 16  # parsed articles stored per commit, at most
STORE_SECONDS = 0.5  # ... or fewer, once parsing them took this long (a kill loses less)
log = logging.getLogger(__name__)


@dataclass
class ImportReport:
    """What an import did, file by file."""

    added: list[tuple[str, int]] = field(default_factory=list)  # (file name, article id)
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (file, existing id)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file name, message)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (file name, what to check)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def changes(self) -> ChangeSet:
        ids = frozenset(i for _, i in self.added)
        return ChangeSet(articles=bool(ids), article_ids=ids)

    def lines(self) -> list[str]:
        """Human-readable lines, one per file, for the CLI and the status bar."""
        out = [f"imported {name} (article {aid})" for name, aid in self.added]
        out += [f"already in the project: {name} (article {aid})" for name, aid in self.duplicates]
        out += [f"refused {msg}" if msg.startswith(name) else f"refused {name}: {msg}"
                for name, msg in self.failed]
        out += [f"check {name}: {note}" for name, note in self.notes]
        return out

    def note_warnings(self, name: str, warnings: Sequence[str]) -> None:
        """Keep what a checker should look at in an imported article (a guessed title or
        outlet, a date not understood, the whole page taken as text); the promotional
        lines removed are counted, not listed."""
        removed = [w for w in warnings if w.startswith("removed promotional line")]
        self.notes += [(name, w) for w in warnings if w not in removed]
        if removed:
            self.notes.append((name, f"{len(removed)} promotional line(s) removed"))


#: A paragraph of at most this many words may differ between two saves of one page (a
#: footer, a share count, a time stamp); any longer difference is a new version.
FURNITURE_WORDS = 12
_REVISION = re.compile(r"\b(?:correct|clarif|update|editor'?s note|amend)", re.IGNORECASE)


def _same_page(project: Project, parsed: ParsedArticle) -> int | None:
    """An article saved from the same web address whose text differs from this one only in
    short paragraphs that say nothing of a revision: the same page saved twice. A changed
    sentence, however small, or a correction makes it a new version, imported as such."""
    mine = Counter(parsed.text.split("\n\n"))
    for article_id, text in project.articles.texts_at_url(parsed.url):
        theirs = Counter(text.split("\n\n"))
        differing = list(((mine - theirs) + (theirs - mine)).elements())
        if all(len(p.split()) <= FURNITURE_WORDS and not _REVISION.search(p)
               for p in differing):
            return article_id
    return None


def store_parsed(project: Project, parsed: ParsedArticle) -> tuple[int, bool]:
    """Store one parsed article; returns (article id, True if new, False if a duplicate:
    the same text, or the same page saved again from its web address)."""
    with project.transaction():
        existing = project.articles.id_for_hash(parsed.text_hash)
        if existing is None:
            existing = _same_page(project, parsed)
        if existing is not None:
            return existing, False
        article_id = project.articles.add(
            title=parsed.title,
            outlet=parsed.outlet,
            author=parsed.author,
            published=parsed.published,
            url=parsed.url,
            source_name=parsed.source_name,
            text=parsed.text,
            text_hash=parsed.text_hash,
            raw=parsed.raw,
            title_guessed=parsed.title_guessed,
        )
        return article_id, True


def _store_batch(project: Project, pending: list[tuple[str, ParsedArticle]],
                 report: ImportReport) -> None:
    """Store the parsed articles in one commit, each in its own savepoint, in order."""
    if not pending:
        return
    with project.transaction():
        for name, parsed in pending:
            try:
                article_id, is_new = store_parsed(project, parsed)  # a savepoint: nested
            except Exception as exc:  # one article never stops the batch; none of it stays
                log.warning("%s not stored", name, exc_info=True)
                report.failed.append((name, f"{name}: could not be stored ({error_text(exc)})"))
                continue
            (report.added if is_new else report.duplicates).append((name, article_id))
            if is_new:
                report.note_warnings(name, parsed.warnings)
    pending.clear()


def import_paths(
    project: Project,
    paths: Iterable[str | Path],
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> ImportReport:
    """Import files and folders; a bad file is reported and the batch goes on."""
    report = ImportReport()
    found = scan([Path(p) for p in paths])
    files = list(found.files)
    for skipped in found.skipped:
        name = skipped.path.name if getattr(skipped, "path", None) else "?"
        report.failed.append((name, str(skipped)))
    total = len(files)
    pending: list[tuple[str, ParsedArticle]] = []
    started = 0.0
    for done, path in enumerate(files):
        if cancelled is not None and cancelled():
            report.cancelled = True
            break
        if progress is not None:
            progress(done, total, path.name)
        if not pending:
            started = time.monotonic()
        try:
            pending.append((path.name, parse_file(path)))
        except IngestError as exc:
            report.failed.append((path.name, str(exc)))
        except OSError as exc:
            report.failed.append((path.name, f"{path.name}: cannot be read ({exc.strerror})"))
        if len(pending) >= STORE_BATCH or (
                pending and time.monotonic() - started >= STORE_SECONDS):
            _store_batch(project, pending, report)
    _store_batch(project, pending, report)
    for folder, names in found.passed_over:
        report.notes.append((folder.name, "not articles, passed over: " + ", ".join(names)))
    if progress is not None and not report.cancelled:
        progress(total, total, "")
    return report


def import_text(
    project: Project, text: str, *, title: str = "", outlet: str = "", published: str = ""
) -> ImportReport:
    """Import pasted text as one article (``published``: its date, in any common form)."""
    report = ImportReport()
    try:
        parsed = parse_pasted(text, title=title, outlet=outlet, published=published)
    except IngestError as exc:
        report.failed.append(("pasted text", str(exc)))
        return report
    article_id, is_new = store_parsed(project, parsed)
    (report.added if is_new else report.duplicates).append(("pasted text", article_id))
    if is_new:
        report.note_warnings("pasted text", parsed.warnings)
    return report


def article_ids(report: ImportReport) -> Sequence[int]:
    """Ids of the articles an import added."""
    return [aid for _, aid in report.added]
