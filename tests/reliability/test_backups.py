"""Rotating backups and ``factdesk restore`` (issue 9, point 3).

Opening with ``backup=True`` after a change copies the file (SQLite backup API) into
``<name>.backups/``; an unchanged project is not copied again; at most ten are kept;
``factdesk restore`` brings one back and first saves the version it replaces.
"""

from __future__ import annotations

from pathlib import Path

from reliability_helpers import factdesk

from factdesk.core.commands import SetVerdictField
from factdesk.core.project import Project
from factdesk.storage.backup import KEEP, backup_folder, list_backups


def _first_claim(path: Path) -> int:
    with Project.open(path, create=False, read_only=True) as project:
        return next(project.claims.iter_all()).id


def _rationale(path: Path, claim: int) -> str:
    with Project.open(path, create=False, read_only=True) as project:
        verdict = project.verdicts.get(claim)
        return verdict.rationale if verdict else ""


def _edit(path: Path, claim: int, value: str) -> None:
    with Project.open(path, create=False) as project:
        SetVerdictField(claim, "rationale", value).apply(project)


def _open_with_backup(path: Path) -> None:
    Project.open(path, create=False, backup=True).close()


def test_backup_taken_on_open_after_changes_only(small_project: Path) -> None:
    claim = _first_claim(small_project)
    folder = backup_folder(small_project)
    assert folder.name == "small.factdesk.backups" and folder.parent == small_project.parent
    _open_with_backup(small_project)
    assert len(list_backups(small_project)) == 1
    _open_with_backup(small_project)  # unchanged: no new copy
    _open_with_backup(small_project)
    assert len(list_backups(small_project)) == 1
    _edit(small_project, claim, "<p>second thoughts</p>")
    _open_with_backup(small_project)
    backups = list_backups(small_project)
    assert len(backups) == 2
    assert _rationale(backups[0].path, claim) == "<p>second thoughts</p>"  # newest first
    assert _rationale(backups[1].path, claim) != "<p>second thoughts</p>"
    for backup in backups:  # each backup is a whole, self-contained project file
        assert not Path(str(backup.path) + "-wal").exists()
        assert factdesk("check", backup.path).returncode == 0


def test_no_backup_of_a_new_empty_project(tmp_path: Path) -> None:
    path = tmp_path / "empty.factdesk"
    Project.open(path).close()
    _open_with_backup(path)
    assert list_backups(path) == []


def test_rotation_keeps_at_most_ten(small_project: Path) -> None:
    claim = _first_claim(small_project)
    for n in range(KEEP + 3):
        _edit(small_project, claim, f"<p>version {n}</p>")
        _open_with_backup(small_project)
    backups = list_backups(small_project)
    assert KEEP == 10
    assert len(backups) == KEEP
    assert _rationale(backups[0].path, claim) == f"<p>version {KEEP + 2}</p>"
    assert _rationale(backups[-1].path, claim) == "<p>version 3</p>"


def test_restore_brings_back_newest_and_keeps_the_replaced_version(small_project: Path) -> None:
    claim = _first_claim(small_project)
    _edit(small_project, claim, "<p>good version</p>")
    _open_with_backup(small_project)
    _edit(small_project, claim, "<p>mistaken edit</p>")
    listed = factdesk("restore", small_project, "--list")
    assert listed.returncode == 0 and len(listed.stdout.strip().splitlines()) == 1
    result = factdesk("restore", small_project)
    assert result.returncode == 0, result.stderr
    assert "restored" in result.stdout
    assert "the replaced version was saved as" in result.stderr
    assert _rationale(small_project, claim) == "<p>good version</p>"
    newest = list_backups(small_project)[0].path
    assert _rationale(newest, claim) == "<p>mistaken edit</p>"
    assert factdesk("check", small_project).returncode == 0
    undo = factdesk("restore", small_project, newest)  # restoring can itself be undone
    assert undo.returncode == 0, undo.stderr
    assert _rationale(small_project, claim) == "<p>mistaken edit</p>"
    assert factdesk("check", small_project).returncode == 0


def test_restore_refuses_a_non_project_backup(small_project: Path, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.factdesk"
    bogus.write_bytes(b"not a database at all")
    before = small_project.read_bytes()
    result = factdesk("restore", small_project, bogus)
    assert result.returncode != 0
    assert "bogus.factdesk" in result.stderr and "Traceback" not in result.stderr
    assert small_project.read_bytes() == before


def test_restore_the_oldest_of_ten_backups(small_project: Path) -> None:
    claim = _first_claim(small_project)
    for n in range(KEEP):
        _edit(small_project, claim, f"<p>version {n}</p>")
        _open_with_backup(small_project)
    oldest = list_backups(small_project)[-1].path
    assert _rationale(oldest, claim) == "<p>version 0</p>"
    result = factdesk("restore", small_project, oldest)
    assert result.returncode == 0, result.stderr
    assert _rationale(small_project, claim) == "<p>version 0</p>"
