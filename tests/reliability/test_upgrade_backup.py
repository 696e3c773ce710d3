"""An upgrade keeps the file as it was: whatever opens an older project for writing (a
reading CLI command such as ``factdesk settings P`` included) copies it among its
backups first; a copy that cannot be made stops the upgrade; a read-only open upgrades
nothing."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from reliability_helpers import factdesk
from schema_rollback import undo_migrations

from factdesk.cli.main import main
from factdesk.core.project import Project
from factdesk.storage.backup import list_backups
from factdesk.storage.database import ProjectFileError
from factdesk.storage.migrations import SCHEMA_VERSION

V1 = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v1" / "project_v1.factdesk"


def _version(path: Path) -> int:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def _rows(path: Path, table: str) -> int:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def schema_8(tmp_path: Path) -> Path:
    """A project of schema 8 (the one before the last migration), with a setting the
    upgrade changes (it drops the 0.33 threshold an old Preferences stored)."""
    path = tmp_path / "old.factdesk"
    with Project.open(path) as project:
        project.settings.set("checker", "Ana Lima")
    undo_migrations(path, "0009_unpin_triage_defaults", {"claim_threshold": "0.33"})
    return path


def test_a_reading_command_that_upgrades_keeps_the_old_file(schema_8: Path, capsys) -> None:
    # review 17: `factdesk settings P` (no change) upgraded a schema-8 file to 9 and left
    # no backup beside it
    assert main(["settings", str(schema_8)]) == 0
    err = capsys.readouterr().err
    (kept,) = list_backups(schema_8)
    assert _version(schema_8) == SCHEMA_VERSION and _version(kept.path) == 8
    assert f"upgraded from schema 8 to {SCHEMA_VERSION}" in err and str(kept.path) in err
    conn = sqlite3.connect(f"{kept.path.as_uri()}?mode=ro", uri=True)
    assert conn.execute("SELECT value FROM settings WHERE key = 'claim_threshold'"
                        ).fetchone() == ("0.33",)  # the file as it was, before 0009
    conn.close()
    # current now: the next command neither upgrades nor copies again
    assert main(["settings", str(schema_8)]) == 0
    assert "upgraded" not in capsys.readouterr().err
    assert len(list_backups(schema_8)) == 1
    # and restore brings the old file back
    assert factdesk("restore", schema_8, kept.path).returncode == 0
    assert _version(schema_8) == 8


def test_the_first_schema_is_kept_whole_before_its_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "v1.factdesk"
    shutil.copyfile(V1, path)
    with Project.open(path, create=False) as project:
        assert project.upgrade_backup is not None
        assert project.upgrade_backup.schema_version == 1
        kept = project.upgrade_backup.path
        assert "upgraded from schema 1" in project.upgrade_note
    assert kept.read_bytes() != path.read_bytes()
    assert _version(kept) == 1 and _rows(kept, "articles") == _rows(V1, "articles") == 3
    assert _rows(kept, "verdicts") == _rows(V1, "verdicts")


def test_no_copy_no_upgrade(schema_8: Path) -> None:
    before = schema_8.read_bytes()
    Path(f"{schema_8}.backups").write_text("a file where the backups folder should be")
    with pytest.raises(ProjectFileError, match="no copy of it as it is could be kept"):
        Project.open(schema_8, create=False)
    assert schema_8.read_bytes() == before and _version(schema_8) == 8


def test_a_read_only_file_is_read_as_it_is(schema_8: Path, deny_writing, capsys) -> None:
    before = schema_8.read_bytes()
    deny_writing(schema_8)
    assert main(["settings", str(schema_8)]) == 0
    assert "Ana Lima" in capsys.readouterr().out
    assert schema_8.read_bytes() == before and not list_backups(schema_8)


def test_a_current_file_is_not_copied_on_open(tmp_path: Path) -> None:
    path = tmp_path / "new.factdesk"
    with Project.open(path) as project:
        project.settings.set("checker", "Ana Lima")
    with Project.open(path, create=False) as project:
        assert project.upgrade_backup is None and project.upgrade_note == ""
    assert not list_backups(path)
