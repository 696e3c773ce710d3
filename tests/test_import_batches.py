"""Imports store several articles per commit, each article whole (a savepoint of its own).

A commit waits for the disk: 60 BASIL articles made 60 commits (0.272 s median, now 4 and
0.148 s; ``bench/import_commits.py``). One article that fails to store leaves nothing of
itself and the rest of its batch stored; a cancelled import keeps what it had parsed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import factdesk.core.importing as importing
from factdesk.core.importing import STORE_BATCH, import_paths
from factdesk.core.project import Project

COUNT = STORE_BATCH + 4


def _folder(tmp_path: Path, count: int = COUNT) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(count):
        (folder / f"{i:02d}.txt").write_text(
            f"Title: Story {i}\nOutlet: Gazette\nDate: 2024-03-{i % 28 + 1:02d}\n\n"
            f"The council said {i + 3} bridges were repaired in 2023, at a cost of "
            f"{i + 1} million dollars.\n", encoding="utf-8")
    return folder


def _commits(project: Project) -> list[int]:
    counted = [0]

    def trace(statement: str) -> None:
        if statement.strip().upper().startswith("COMMIT"):
            counted[0] += 1

    project.db.conn.set_trace_callback(trace)
    return counted


def test_one_commit_per_batch_every_article_stored_in_order(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    with Project.open(tmp_path / "p.factdesk") as project:
        commits = _commits(project)
        report = import_paths(project, [folder])
        project.db.conn.set_trace_callback(None)
    assert commits[0] == 2  # 16 articles, then 4: not one commit per article
    assert [name for name, _ in report.added] == [f"{i:02d}.txt" for i in range(COUNT)]
    with Project.open(tmp_path / "p.factdesk", read_only=True) as project:
        titles = [project.articles.get(aid).title for _, aid in report.added]
    assert titles == [f"Story {i}" for i in range(COUNT)]


def test_the_same_text_twice_in_one_batch_is_one_article(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 3)
    (folder / "03-copy.txt").write_bytes((folder / "01.txt").read_bytes())
    with Project.open(tmp_path / "p.factdesk") as project:
        report = import_paths(project, [folder])
        assert len(report.added) == 3 and report.duplicates == [
            ("03-copy.txt", dict(report.added)["01.txt"])]
        assert len(project.articles.ids()) == 3


def test_an_article_failing_half_stored_leaves_nothing_and_its_batch_stored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path)
    path = tmp_path / "p.factdesk"
    with Project.open(path) as project:
        add = project.articles.add

        def half_written(**fields):  # the row is written, then the disk fails
            article_id = add(**fields)
            if fields["title"] == "Story 5":
                raise OSError("disk full")
            return article_id

        monkeypatch.setattr(project.articles, "add", half_written)
        report = import_paths(project, [folder])
    assert [name for name, _ in report.failed] == ["05.txt"]
    assert "could not be stored (OSError: disk full)" in report.failed[0][1]
    with Project.open(path, read_only=True) as project:  # what reached the file
        titles = {project.articles.get(aid).title for aid in project.articles.ids()}
    assert "Story 5" not in titles
    assert titles == {f"Story {i}" for i in range(COUNT) if i != 5}


def test_a_cancelled_import_keeps_what_it_had_parsed(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    asked = [0]

    def cancel_after_seven() -> bool:
        asked[0] += 1
        return asked[0] > 7

    path = tmp_path / "p.factdesk"
    with Project.open(path) as project:
        report = import_paths(project, [folder], cancelled=cancel_after_seven)
    assert report.cancelled and len(report.added) == 7
    with Project.open(path, read_only=True) as project:
        assert len(project.articles.ids()) == 7


def test_a_slow_batch_is_committed_before_it_is_full(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Parsing that takes long (big files) commits sooner: a kill loses less."""
    folder = _folder(tmp_path, 6)
    monkeypatch.setattr(importing, "STORE_SECONDS", 0.0)
    with Project.open(tmp_path / "p.factdesk") as project:
        commits = _commits(project)
        import_paths(project, [folder])
        project.db.conn.set_trace_callback(None)
    assert commits[0] == 6
