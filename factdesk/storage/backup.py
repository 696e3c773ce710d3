"""Rotating backups of a project file with SQLite's online backup API, and restore.

Backups live in a sibling folder ``<name>.backups/``. A backup is taken when a project
is opened after it changed since the newest backup (a cheap fingerprint of the data
decides), and before a file of an older schema is upgraded (whatever opens it for
writing: the window, or any CLI command); the oldest beyond ``keep`` are deleted, and a
restore first backs up the file it replaces, so restoring can itself be undone.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from factdesk.storage.database import (
    ProjectFileError,
    inspect_project_file,
    read_only_connection,
    write_problem,
)
from factdesk.storage.migrations import SCHEMA_VERSION

KEEP = 10
_FINGERPRINT_SQL = (
    "SELECT (SELECT count(*) FROM articles) || ':' || (SELECT coalesce(max(id), 0) FROM claims)"
    " || ':' || (SELECT count(*) FROM claims WHERE deleted_at IS NULL)"
    " || ':' || (SELECT coalesce(max(id), 0) FROM history)"
    " || ':' || (SELECT coalesce(max(updated_at), '') FROM verdicts)"
    " || ':' || (SELECT count(*) FROM matches WHERE decision IS NOT NULL)"
    " || ':' || (SELECT count(*) FROM settings)"
)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file."""

    path: Path
    taken_at: str  # the file name's UTC stamp, "20261207T080612123456"
    fingerprint: str

    @property
    def taken_text(self) -> str:
        """When it was taken, as a reader sees it: "2026-12-07 08:06 UTC"."""
        try:
            taken = datetime.strptime(self.taken_at, "%Y%m%dT%H%M%S%f")
        except ValueError:
            return self.taken_at
        return taken.strftime("%Y-%m-%d %H:%M UTC")


def backup_folder(project: Path) -> Path:
    return project.with_name(project.name + ".backups")


def fingerprint(conn: sqlite3.Connection) -> str:
    try:
        return str(conn.execute(_FINGERPRINT_SQL).fetchone()[0])
    except sqlite3.OperationalError:  # a schema from before a column it counts
        return "schema " + str(conn.execute("PRAGMA user_version").fetchone()[0])


def list_backups(project: Path) -> list[BackupInfo]:
    """Backups of ``project``, newest first."""
    folder = backup_folder(project)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{project.stem}-*.factdesk"):
        parts = path.stem.rsplit("-", 2)
        stamp = parts[-2] if len(parts) >= 3 else ""
        found.append(BackupInfo(path, stamp, parts[-1] if len(parts) >= 3 else ""))
    return sorted(found, key=lambda b: b.path.name, reverse=True)


def _copy(source: sqlite3.Connection, target: Path) -> None:
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    dest = sqlite3.connect(tmp)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    except BaseException:
        dest.close()
        tmp.unlink(missing_ok=True)  # no half copy left behind
        raise
    dest.close()
    tmp.replace(target)


def take_backup(project: Path, conn: sqlite3.Connection, *, keep: int = KEEP,
                force: bool = False) -> Path | None:
    """Back ``project`` up if it changed since the newest backup; rotate old ones."""
    mark = fingerprint(conn)
    digest = _short(mark)
    backups = list_backups(project)
    if backups and backups[0].fingerprint == digest and not force:
        return None
    folder = backup_folder(project)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = folder / f"{project.stem}-{stamp}-{digest}.factdesk"
    _copy(conn, target)
    for old in list_backups(project)[keep:]:
        old.path.unlink(missing_ok=True)
    return target


def take_opening_backup(project: Path, db: Database) -> Path | None:
    """The backup taken when a project is opened for work: only once it holds articles,
    and only when it changed since the newest backup."""
    if db.execute("SELECT count(*) FROM articles").fetchone()[0]:
        return take_backup(project, db.conn)
    return None


def back_up_now(project: Path, db: Database) -> Path:
    """A backup of the open project ``db`` (at ``project``) now, changed or not."""
    path = take_backup(project, db.conn, force=True)
    assert path is not None  # forced
    return path


@dataclass(frozen=True)
class UpgradeBackup:
    """The copy of a project file kept before it was upgraded to the current schema."""

    path: Path
    schema_version: int  # the file's schema before the upgrade


def back_up_before_upgrade(project: Path) -> UpgradeBackup | None:
    """Keep the project file as it is before an upgrade changes it, among its backups
    (``factdesk restore`` lists it; an older FactDesk can still open it). None when there
    is nothing to upgrade: the file is missing, empty or current, or cannot be written
    (its open then says why, and upgrades nothing). A copy that cannot be made stops
    the upgrade: :class:`ProjectFileError`."""
    found = inspect_project_file(project)
    if not found.exists or found.empty or found.schema_version >= SCHEMA_VERSION \
            or write_problem(project):
        return None
    try:
        conn = read_only_connection(project)
        try:
            path = take_backup(project, conn, force=True)
        finally:
            conn.close()
    except (OSError, sqlite3.Error) as exc:
        raise ProjectFileError(
            project, f"needs an upgrade (schema {found.schema_version} to "
            f"{SCHEMA_VERSION}), and no copy of it as it is could be kept first ({exc}); "
            "it was left untouched", "locked") from exc
    assert path is not None  # forced
    return UpgradeBackup(path, found.schema_version)


def back_up_file(project: Path) -> Path:
    """Back up the project file at ``project`` now (``factdesk backup``), reading it on
    a read-only connection of its own; a file that is no project raises
    :class:`~factdesk.storage.database.ProjectFileError`."""
    inspect_project_file(project)
    conn = sqlite3.connect(f"{project.resolve().as_uri()}?mode=ro", uri=True)
    try:
        path = take_backup(project, conn, force=True)
    finally:
        conn.close()
    assert path is not None  # forced
    return path


def _short(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:10]


def set_aside_damaged(project: Path) -> Path:
    """Move a project file SQLite cannot read (and its journal files) into the backups
    folder as it is, byte for byte, named so that it is never taken for a backup."""
    folder = backup_folder(project)
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = folder / f"{project.stem}.damaged-{stamp}{project.suffix}"
    project.replace(target)
    for suffix in ("-wal", "-shm"):  # they belong to the damaged file, not to the restore
        journal = Path(f"{project}{suffix}")
        if journal.exists():
            journal.replace(Path(f"{target}{suffix}"))
    return target


def restore_backup(project: Path, backup: Path) -> Path | None:
    """Replace ``project`` by ``backup``; the replaced state is backed up first (a file
    too damaged to be read is moved aside as it is)."""
    saved = None
    # Opened first: backing up the current file may rotate the chosen backup away.
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    source.execute("SELECT count(*) FROM sqlite_master").fetchone()
    try:
        if project.exists() and project.stat().st_size > 0:
            current = sqlite3.connect(project)
            try:
                saved = take_backup(project, current, force=True, keep=KEEP + 1)
            except sqlite3.DatabaseError:  # damaged: SQLite cannot read it to copy it
                current.close()
                saved = set_aside_damaged(project)
            finally:
                current.close()
        target = sqlite3.connect(project)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    return saved
