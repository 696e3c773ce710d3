"""Opening, validating, creating and closing ``*.factdesk`` project files; transactions.

A file is inspected read-only before anything writes to it: not SQLite, corrupt, a
SQLite file of some other program, or a schema newer than this FactDesk each get a
:class:`ProjectFileError` saying which, and the file's bytes stay as they were. Only a
valid (or new, or empty) file is then opened read-write, switched to WAL with foreign
keys on, and migrated to the current schema.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from factdesk.storage.migrations import (
    APPLICATION_ID,
    READABLE_FROM,
    SCHEMA_VERSION,
    apply_migrations,
    known_migration_names,
)

SQLITE_HEADER = b"SQLite format 3\x00"
PROJECT_SUFFIX = ".factdesk"


class ProjectFileError(Exception):
    """The file cannot be used as a FactDesk project; the message says why."""

    def __init__(self, path: Path, reason: str, kind: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        # "missing", "not-sqlite", "corrupt", "foreign", "newer", "locked", "read-only"
        self.kind = kind


@dataclass(frozen=True)
class FileInspection:
    """What a read-only look at a file found."""

    exists: bool
    empty: bool
    schema_version: int


def write_problem(path: Path) -> str | None:
    """Why FactDesk could not save to the project at ``path`` (the file or its folder is
    read-only), or None when it can."""
    path = Path(path)
    folder = path.resolve().parent
    if path.exists() and not os.access(path, os.W_OK):
        return ("is read-only: FactDesk cannot save to it (allow writing to the file, or "
                "work on a copy)")
    if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
        return (f"is in a read-only folder ({folder}), where FactDesk cannot keep the "
                "journal that makes every save safe: move it, or work on a copy")
    return None


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that only reads the project at ``path`` (a view of a file this
    process may not write, or a reader of its own for another thread)."""
    # In a folder no one can write to, SQLite cannot create the shared-memory file a WAL
    # database is read with: a file whose journal is empty (every change checkpointed) is
    # read as immutable; one with changes still in its journal, and no shared-memory file
    # beside it, cannot be read whole here, and says so.
    immutable = ""
    folder = path.resolve().parent
    if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
        wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
        if wal.exists() and wal.stat().st_size > 0:
            if not shm.exists():
                raise ProjectFileError(
                    path, f"has changes still in its journal ({wal.name}) in a read-only "
                    "folder: copy the project and that file to a writable folder", "read-only")
        else:
            immutable = "&immutable=1"
    uri = f"{path.resolve().as_uri()}?mode=ro{immutable}"
    return sqlite3.connect(uri, uri=True, timeout=5)


def inspect_project_file(path: Path) -> FileInspection:
    """Check ``path`` without modifying it; raise :class:`ProjectFileError` if unusable."""
    if not path.exists():
        return FileInspection(exists=False, empty=True, schema_version=0)
    if path.is_dir():
        raise ProjectFileError(path, "is a folder, not a FactDesk project file", "not-sqlite")
    size = path.stat().st_size
    if size == 0:
        return FileInspection(exists=True, empty=True, schema_version=0)
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise ProjectFileError(
            path, "is not a FactDesk project (not an SQLite database file)", "not-sqlite"
        )
    journal = [Path(f"{path}-wal"), Path(f"{path}-shm")]
    journal_before = [p.exists() for p in journal]
    try:
        conn = read_only_connection(path)
    except sqlite3.Error as exc:
        raise ProjectFileError(path, f"cannot be opened: {exc}", "corrupt") from exc
    try:
        return _inspect_open_file(path, conn)
    except ProjectFileError:
        # refused: leave no empty journal files behind that reading it created
        if not any(journal_before) and all(
                p.exists() for p in journal) and journal[0].stat().st_size == 0:
            for file in journal:
                file.unlink(missing_ok=True)
        raise


def _inspect_open_file(path: Path, conn: sqlite3.Connection) -> FileInspection:
    """The inspection of a file already opened read-only (see inspect_project_file)."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {
            row[0]
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        applied: list[str] = []
        if "_sqlite_migrations" in tables:
            applied = [
                row[0]
                for row in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = 'factdesk'"
                )
            ]
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise ProjectFileError(
            path, f"is corrupt (SQLite says: {exc}); FactDesk left it untouched", "corrupt"
        ) from exc
    finally:
        conn.close()
    if app_id != APPLICATION_ID:
        user_tables = {t for t in tables if not t.startswith("sqlite_")}
        if app_id == 0 and not user_tables:
            return FileInspection(exists=True, empty=True, schema_version=0)
        raise ProjectFileError(
            path, "is an SQLite database of another program, not a FactDesk project", "foreign"
        )
    unknown = [name for name in applied if name not in known_migration_names()]
    if version > SCHEMA_VERSION or unknown:
        raise ProjectFileError(
            path,
            f"was written by a newer FactDesk (schema {max(version, len(applied))}; this "
            f"version reads schemas up to {SCHEMA_VERSION}). Update FactDesk to open it.",
            "newer",
        )
    return FileInspection(exists=True, empty=False, schema_version=version)


def check_integrity(path: Path) -> list[str]:
    """Problems SQLite's own integrity and foreign-key checks report (read-only)."""
    return _sqlite_problems(path, quick=False)


def quick_check(path: Path) -> list[str]:
    """Damage SQLite's quick check finds (read-only; it reads every page once, without
    checking that indexes match their tables: ~0.1 s for a 45 MB project)."""
    return _sqlite_problems(path, quick=True)


def _sqlite_problems(path: Path, *, quick: bool) -> list[str]:
    conn = read_only_connection(path)
    try:
        check = "quick_check" if quick else "integrity_check"
        problems = [row[0] for row in conn.execute(f"PRAGMA {check}") if row[0] != "ok"]
        if not quick:
            problems += [
                f"foreign key: {row[0]} row {row[1]} refers to a missing {row[2]}"
                for row in conn.execute("PRAGMA foreign_key_check")
            ]
        return problems
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        return [f"corrupt: {exc}"]
    finally:
        conn.close()


def open_database(path: Path, *, create: bool = True, read_only: bool = False) -> Database:
    """A migrated sqlite-utils ``Database`` for the project at ``path``.

    ``create`` allows a missing file to be created. ``read_only`` opens without any
    write (no migration, no WAL switch); the file must then already be current.
    """
    path = Path(path)
    found = inspect_project_file(path)
    if not found.exists and not create:
        raise ProjectFileError(path, "does not exist", "missing")
    if read_only:
        if found.empty or found.schema_version < READABLE_FROM:
            raise ProjectFileError(
                path, "needs an upgrade, which a read-only open cannot do", "locked"
            )
        conn = read_only_connection(path)
        conn.execute("PRAGMA query_only = ON")
    else:
        if not found.exists:
            path.parent.mkdir(parents=True, exist_ok=True)
        problem = write_problem(path)
        if problem:
            raise ProjectFileError(path, problem, "read-only")
        conn = sqlite3.connect(str(path), timeout=10, check_same_thread=False)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 10000")
    db = Database(conn, execute_plugins=False)
    if not read_only:
        apply_migrations(db)
    return db


@contextmanager
def transaction(db: Database, *, read_only: bool = False) -> Iterator[Database]:
    """One atomic write: all of it lands, or none of it does.

    The outermost transaction starts with ``BEGIN IMMEDIATE`` so that it takes the
    write lock up front and waits (busy timeout) for another writer, instead of
    failing with "database is locked" when it upgrades from reading to writing.
    Nested ones are savepoints.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic() as inner:
            yield inner
        return
    conn.execute("BEGIN" if read_only else "BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.rollback()
        raise
    else:
        conn.execute("COMMIT")


def close_database(db: Database) -> None:
    """Close ``db``, first letting SQLite refresh its query planner statistics."""
    with suppress(Exception):  # closing must not fail on a best-effort hint
        db.conn.execute("PRAGMA optimize")
    db.close()


def fold_journal(db: Database) -> None:
    """Write the WAL journal back into the database file and empty it (a file that is
    then moved or copied carries all its data)."""
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def rebuild_indexes(db: Database) -> None:
    """Rebuild every SQLite index from its table (indexes are derived data: always safe)."""
    db.execute("REINDEX")
