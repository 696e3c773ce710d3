"""Verdicts from scripts: one run's checker, no empty history, clearing, the history export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factdesk.cli.main import main
from factdesk.core.project import Project


@pytest.fixture
def project(marked_project: Path) -> Path:
    return marked_project


def history(path: Path, capsys) -> list[dict]:
    """The exported history of verdicts (the claim's marking is recorded too)."""
    assert main(["export", str(path), "--format", "json"]) == 0
    changes = json.loads(capsys.readouterr().out)["history"]
    assert changes[0]["entity"] == "claim" and changes[0]["field"] == "marked"
    return [h for h in changes if h["entity"] == "verdict"]


def test_checker_of_one_run_and_no_empty_changes(project: Path, capsys) -> None:
    p = str(project)
    assert main(["verdict", p, "1", "--rating", "Half true", "--status", "In Progress",
                 "--checker", "alice"]) == 0
    assert main(["verdict", p, "1", "--rating", "half TRUE"]) == 0  # already so
    with Project.open(project) as opened:
        assert opened.settings.get("checker") is None  # alice signed one run only
        verdict = opened.verdicts.get(1)
        assert (verdict.rating, verdict.status, verdict.checker) == (
            "Half true", "in progress", "alice")
    changes = history(project, capsys)
    assert [(h["field"], h["old"], h["new"], h["who"]) for h in changes] == [
        ("rating", None, "Half true", "alice"), ("status", "to check", "in progress", "alice")]


def test_rating_cleared_and_recorded(project: Path, capsys) -> None:
    p = str(project)
    assert main(["verdict", p, "1", "--rating", "False"]) == 0
    assert main(["verdict", p, "1", "--rating", ""]) == 0
    assert "no rating" in capsys.readouterr().err
    assert [(h["old"], h["new"]) for h in history(project, capsys)] == [
        (None, "False"), ("False", None)]
