"""A project FactDesk cannot save to (read-only file or folder): a clear message for
what would write, a read-only view for what only reads, and nothing half-done.

The tests run as any user (root may write to a read-only file), so they make the
operating system's access check say no for the project's file or folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factdesk.cli.main import main
from factdesk.core.project import Project
from factdesk.storage.database import ProjectFileError, open_database, write_problem


@pytest.fixture
def project(marked_project: Path) -> Path:
    return marked_project


@pytest.mark.parametrize("which", ["file", "folder"])
def test_what_would_write_is_refused_with_the_reason(project: Path, deny_writing, capsys,
                                                     which: str) -> None:
    deny_writing(project if which == "file" else project.parent)
    expected = "is read-only" if which == "file" else "is in a read-only folder"
    assert expected in (write_problem(project) or "")
    with pytest.raises(ProjectFileError) as caught:
        open_database(project)
    assert caught.value.kind == "read-only"
    before = project.read_bytes()
    assert main(["verdict", str(project), "1", "--status", "done"]) == 1
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err
    assert project.read_bytes() == before


def test_what_only_reads_still_works(project: Path, deny_writing, capsys) -> None:
    deny_writing(project)
    assert main(["articles", str(project)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3
    assert main(["search", str(project), "Izyum", "--kind", "article"]) == 0
    assert "Izyum" in capsys.readouterr().out
    assert main(["check", str(project)]) == 0
    assert "search indexes were not checked" in capsys.readouterr().err
    assert main(["check", str(project), "--repair"]) == 1


def test_a_copy_can_be_worked_on(project: Path, tmp_path: Path, deny_writing) -> None:
    deny_writing(project)
    copy = tmp_path / "copy.factdesk"
    shutil.copy(project, copy)
    assert write_problem(copy) is None
    assert main(["verdict", str(copy), "1", "--status", "done"]) == 0


def test_changes_still_in_the_journal_are_never_read_stale(marked_project: Path, tmp_path,
                                                           deny_writing, capsys) -> None:
    # a copy taken while a writer had changes in the journal (the -wal file)
    folder = tmp_path / "copy"
    folder.mkdir()
    with Project.open(marked_project) as project:
        project.db.execute("PRAGMA wal_autocheckpoint = 0")
        with project.transaction():
            project.articles.update_metadata(project.articles.ids()[0], outlet="Fixed outlet")
        for suffix in ("", "-wal"):
            shutil.copy(f"{marked_project}{suffix}", folder / f"p.factdesk{suffix}")
    copy = folder / "p.factdesk"
    assert (folder / "p.factdesk-wal").stat().st_size > 0
    deny_writing(folder)
    assert main(["articles", str(copy)]) != 0
    assert "changes still in its journal" in capsys.readouterr().err
