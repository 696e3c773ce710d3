"""A project FactDesk cannot save to (read-only file or folder): a clear message for
what would write, a read-only view for what only reads, and nothing half-done.

The tests run as any user (root may write to a read-only file), so they make the
operating system's access check say no for the project's file or folder.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from factdesk.cli.main import main
from factdesk.core.project import Project
from factdesk.storage import database
from factdesk.storage.database import ProjectFileError, open_database, write_problem


@pytest.fixture
def project(tmp_path: Path, seeds_dir: Path) -> Path:
    from factdesk.core.commands import MarkClaim
    from factdesk.core.importing import import_paths

    path = tmp_path / "ro.factdesk"
    with Project.open(path) as opened:
        import_paths(opened, [seeds_dir])
        MarkClaim(opened.articles.ids()[0], 0, 40).apply(opened)  # claim 1
    return path


def deny_writing(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    real_access = os.access

    def access(target: object, mode: int, *args: object, **kwargs: object) -> bool:
        if mode & os.W_OK and Path(str(target)).resolve() == denied.resolve():
            return False
        return real_access(target, mode, *args, **kwargs)

    monkeypatch.setattr(database.os, "access", access)


@pytest.mark.parametrize("which", ["file", "folder"])
def test_what_would_write_is_refused_with_the_reason(project: Path, monkeypatch, capsys,
                                                     which: str) -> None:
    deny_writing(monkeypatch, project if which == "file" else project.parent)
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


def test_what_only_reads_still_works(project: Path, monkeypatch, capsys) -> None:
    deny_writing(monkeypatch, project)
    assert main(["articles", str(project)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3
    assert main(["search", str(project), "Izyum", "--kind", "article"]) == 0
    assert "Izyum" in capsys.readouterr().out
    assert main(["check", str(project)]) == 0
    assert "search indexes were not checked" in capsys.readouterr().err
    assert main(["check", str(project), "--repair"]) == 1


def test_a_copy_can_be_worked_on(project: Path, tmp_path: Path, monkeypatch) -> None:
    deny_writing(monkeypatch, project)
    copy = tmp_path / "copy.factdesk"
    shutil.copy(project, copy)
    assert write_problem(copy) is None
    assert main(["verdict", str(copy), "1", "--status", "done"]) == 0
