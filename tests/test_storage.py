"""The project file: migrations, pragmas, and refusal of files that are not ours."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from factdesk.core.project import Project
from factdesk.storage.database import ProjectFileError, inspect_project_file, open_database
from factdesk.storage.migrations import APPLICATION_ID, SCHEMA_VERSION, known_migration_names


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_project_has_the_whole_schema(tmp_path: Path) -> None:
    db = open_database(tmp_path / "p.factdesk")
    tables = set(db.table_names())
    for name in ("articles", "article_sources", "claims", "entity_mentions", "aliases",
                 "matches", "verdicts", "evidence", "history", "settings", "archive",
                 "articles_fts", "claims_fts", "verdicts_fts", "evidence_fts"):
        assert name in tables
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    applied = [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations")]
    assert applied == known_migration_names()
    db.close()


def test_empty_file_migrates_to_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "empty.factdesk"
    path.write_bytes(b"")
    with Project.open(path) as project:
        assert project.articles.count() == 0
    assert inspect_project_file(path).schema_version == SCHEMA_VERSION


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "p.factdesk"
    Project.open(path).close()
    with Project.open(path) as project:
        count = project.db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    assert count == SCHEMA_VERSION


def test_newer_schema_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.factdesk"
    Project.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(ProjectFileError) as info:
        Project.open(path)
    assert info.value.kind == "newer"
    assert "newer FactDesk" in str(info.value)
    assert _digest(path) == before


def test_unknown_migration_name_means_newer(tmp_path: Path) -> None:
    path = tmp_path / "future2.factdesk"
    Project.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('factdesk', '0099_from_the_future', 'x')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(ProjectFileError) as info:
        Project.open(path)
    assert info.value.kind == "newer"


def test_random_bytes_refused_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "x.factdesk"
    path.write_bytes(bytes(range(256)) * 64)
    before = _digest(path)
    with pytest.raises(ProjectFileError) as info:
        Project.open(path)
    assert info.value.kind == "not-sqlite"
    assert "not an SQLite database" in str(info.value)
    assert _digest(path) == before
    assert not Path(str(path) + "-wal").exists()


def test_foreign_sqlite_database_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.factdesk"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(ProjectFileError) as info:
        Project.open(path)
    assert info.value.kind == "foreign"
    assert _digest(path) == before


def test_corrupt_database_refused(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.factdesk"
    Project.open(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page after the header
    path.write_bytes(bytes(data))
    before = _digest(path)
    with pytest.raises(ProjectFileError) as info:
        Project.open(path)
    assert info.value.kind in ("corrupt", "foreign")
    assert _digest(path) == before


def test_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.factdesk") as project:
        with pytest.raises(RuntimeError), project.transaction():
            project.settings.set("checker", "Ana")
            raise RuntimeError("crash in the middle")
        assert project.settings.get("checker") is None
