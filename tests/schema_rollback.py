"""Takes a project file back before a migration: the file a user of an earlier release
has, for the tests of what opening it in this release does (upgrade, backup, message)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from factdesk.storage.migrations import migrations


def undo_migrations(path: Path, since: str | None = None,
                    settings: dict[str, str] | None = None) -> int:
    """Mark the migration named ``since`` (the last one when None) and every later one
    as not applied, and store ``settings`` (what the earlier release may have written,
    e.g. a pinned default), so that the next open upgrades the file again. Returns the
    file's schema now (the number of migrations still applied)."""
    names = [m.name for m in migrations._migrations]
    first_undone = names.index(since) if since is not None else len(names) - 1
    conn = sqlite3.connect(path)
    try:
        with conn:
            for name in names[first_undone:]:
                conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [name])
            for key, value in (settings or {}).items():
                conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                             [key, value])
            conn.execute(f"PRAGMA user_version = {first_undone}")
    finally:
        conn.close()
    return first_undone
