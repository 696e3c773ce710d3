"""``factdesk check``: is this project file whole, and can what is wrong be rebuilt?

Checks SQLite integrity and foreign keys, the schema version, the FTS indexes against
their tables, and every claim's anchor (its offsets still select its quoted text).
With ``repair``, FTS indexes are rebuilt and drifted claims are re-anchored by quote and
context; claims that cannot be re-anchored are listed, never silently dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from factdesk.core.project import Project
from factdesk.model.anchoring import context_for, reanchor
from factdesk.storage.backup import list_backups
from factdesk.storage.database import (
    ProjectFileError,
    check_integrity,
    inspect_project_file,
    quick_check,
    rebuild_indexes,
    write_problem,
)
from factdesk.storage.migrations import SCHEMA_VERSION


@dataclass
class CheckReport:
    """What a check found and, with repair, what it fixed."""

    problems: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    advice: str = ""  # what to do when the problems cannot be repaired here

    @property
    def ok(self) -> bool:
        return not self.problems


def damaged_file_advice(path: Path, repair: bool) -> str:
    """What to do with a file SQLite calls malformed: FactDesk leaves it as it is (a
    rebuild could drop what is still readable), so a backup is the way back."""
    cannot = "--repair cannot rebuild a damaged file; " if repair else ""
    return f"{cannot}the file is damaged and was left as it is: {way_back(path)}"


def way_back(path: Path) -> str:
    """How to get the work in a damaged project back: its newest backup, or salvage."""
    backups = list_backups(path)
    if backups:
        return (f"restore the newest backup (taken {backups[0].taken_text}, "
                f"{len(backups)} in all) with "
                f"'factdesk restore {path}' (the damaged file is kept beside it)")
    return ("it has no backup: keep a copy of it before anything else; the sqlite3 "
            "tool's '.recover' command can salvage what is still readable into a new file")


def damage_warning(path: Path) -> str:
    """For the window, right after it opened ``path``: "" when SQLite's quick check finds
    the file whole, else what is wrong and what to do. A damaged page is found only when
    it is read, so a damaged file otherwise opens as if nothing were wrong."""
    lines = [line.strip() for problem in quick_check(path) for line in problem.splitlines()
             if line.strip() and not line.startswith("*** in database")]
    if not lines:
        return ""
    shown = "; ".join(lines[:2]) + (f" (and {len(lines) - 2} more)" if len(lines) > 2 else "")
    return (f"{path.name} is damaged: SQLite reports {shown}. Edits may fail or be lost. "
            f"Close it, then {way_back(path)}.")


def check_project(path: Path, *, repair: bool = False) -> CheckReport:
    """Check (and optionally repair) the project at ``path``."""
    report = CheckReport()
    found = inspect_project_file(path)  # raises ProjectFileError for foreign/newer/corrupt
    report.notes.append(f"schema version {found.schema_version} (current {SCHEMA_VERSION})")
    integrity = check_integrity(path)
    fatal = any(p.startswith("corrupt") or "malformed" in p for p in integrity)
    if integrity and repair and not fatal:
        # Indexes are derived data: rebuilding them from their tables is always safe.
        with Project.open(path, create=False) as project:
            rebuild_indexes(project.db)
        report.repaired.append("rebuilt the SQLite indexes (REINDEX)")
        integrity = check_integrity(path)
    report.problems += integrity
    if fatal:
        report.advice = damaged_file_advice(path, repair)
        return report
    problem = write_problem(path)
    if problem and repair:
        raise ProjectFileError(path, problem, "read-only")
    with Project.open(path, create=False, read_only=bool(problem)) as project:
        if problem:  # FTS5's own integrity check is a write statement
            report.notes.append("read-only file: the search indexes were not checked")
            fts = []
        else:
            fts = project.search.integrity_problems()
        if fts and repair:
            with project.transaction():
                project.search.rebuild()
            report.repaired += [f"rebuilt {p.split(':')[0]}" for p in fts]
            fts = project.search.integrity_problems()
        report.problems += fts
        texts: dict[int, str] = {}
        checked = 0
        for claim in project.claims.iter_all():
            checked += 1
            if claim.article_id not in texts:
                article = project.articles.get(claim.article_id)
                texts[claim.article_id] = article.text if article else ""
            text = texts[claim.article_id]
            anchor = reanchor(text, claim.text, claim.prefix, claim.suffix, claim.start,
                              claim.end)
            if anchor.status == "ok":
                continue
            if anchor.status == "moved" and repair:
                assert anchor.start is not None and anchor.end is not None
                prefix, suffix = context_for(text, anchor.start, anchor.end)
                with project.transaction():
                    project.claims.update(claim.id, start=anchor.start, end=anchor.end,
                                          prefix=prefix, suffix=suffix)
                report.repaired.append(
                    f"claim {claim.id} re-anchored from {claim.start}-{claim.end} to "
                    f"{anchor.start}-{anchor.end}")
            elif anchor.status == "moved":
                report.problems.append(
                    f"claim {claim.id}: offsets {claim.start}-{claim.end} no longer select its "
                    f"text; it is found at {anchor.start}-{anchor.end} (--repair re-anchors)")
            else:
                report.problems.append(
                    f"claim {claim.id}: its text {claim.text[:60]!r} is not in article "
                    f"{claim.article_id} any more ({anchor.status}); kept as it is")
        report.notes.append(f"{checked} claim anchors checked")
    return report
