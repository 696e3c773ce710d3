"""The one rule for opening a project (factdesk.core.opening), as the window and CLI use it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from factdesk.core.opening import open_project
from factdesk.core.project import Project
from factdesk.storage.database import ProjectFileError
from factdesk.storage.lock import ProjectLock, ProjectLocked, lock_path, read_owner

_HOLD_LOCK = r"""
import sys, time
from factdesk.storage.database import ProjectFileError
from factdesk.storage.lock import ProjectLock
ProjectLock(sys.argv[1]).acquire()
print("locked", flush=True)
time.sleep(60)
"""


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    path = tmp_path / "p.factdesk"
    with Project.open(path, create=True) as project:
        project.settings.set("checker", "Ana")
    return path


@pytest.fixture
def held_elsewhere(project_file: Path) -> Iterator[Path]:
    proc = subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, str(project_file)],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        yield project_file
    finally:
        proc.kill()
        proc.wait()


def test_writing_holds_the_lock_until_closed(project_file: Path) -> None:
    with open_project(project_file, "write") as project:
        assert not project.read_only and project.view_reason is None
        assert lock_path(project_file).exists()
    assert not lock_path(project_file).exists()


def test_reading_takes_no_lock(project_file: Path) -> None:
    with open_project(project_file, "read") as project:
        assert project.settings.get("checker") == "Ana"
        assert not lock_path(project_file).exists()


def test_a_writer_is_refused_while_another_process_edits(held_elsewhere: Path) -> None:
    with pytest.raises(ProjectLocked):
        open_project(held_elsewhere, "write")
    with pytest.raises(ProjectLocked):  # the window's checker declined the view
        open_project(held_elsewhere, "edit", view_when_locked=lambda exc: False)


def test_the_window_may_view_a_project_edited_elsewhere(held_elsewhere: Path) -> None:
    asked: list[ProjectLocked] = []

    def view(exc: ProjectLocked) -> bool:
        asked.append(exc)
        return True

    with open_project(held_elsewhere, "edit", view_when_locked=view) as project:
        assert project.read_only and project.view_reason == "is open elsewhere"
        assert project.settings.get("checker") == "Ana"
    assert len(asked) == 1
    assert read_owner(held_elsewhere) is not None  # the other holder keeps its lock


def test_an_unwritable_file_opens_as_a_view_for_the_window_only(
        project_file: Path, deny_writing: Callable[[Path], None]) -> None:
    deny_writing(project_file)
    with open_project(project_file, "edit") as project:
        assert project.read_only and project.view_reason
    with open_project(project_file, "read") as project:
        assert project.read_only
    with pytest.raises(ProjectFileError, match="read-only"):
        open_project(project_file, "write")


def test_a_failed_open_lets_go_of_the_lock(tmp_path: Path) -> None:
    junk = tmp_path / "junk.factdesk"
    junk.write_bytes(b"not a database at all" * 10)
    with pytest.raises(ProjectFileError):
        open_project(junk, "write")
    assert not lock_path(junk).exists()
    ProjectLock(junk).acquire()  # free to take

