"""Migrations (issue 9, point 6): a project made by the first released schema opens intact.

``tests/fixtures/schema_v1/project_v1.factdesk`` was written by schema version 1 (see
``build_fixture.py`` next to it) and ``expected.json`` lists what it holds. A copy is
opened with the current FactDesk, upgraded if need be, and must hold exactly that, pass
``factdesk check``, stay searchable and accept new edits.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from reliability_helpers import factdesk

from factdesk.core.commands import SetVerdictField
from factdesk.core.project import Project
from factdesk.storage.database import ProjectFileError
from factdesk.storage.migrations import READABLE_FROM, SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v1"
sys.path.insert(0, str(FIXTURES))

from build_fixture import snapshot  # noqa: E402


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    target = tmp_path / "project_v1.factdesk"
    shutil.copyfile(FIXTURES / "project_v1.factdesk", target)
    return target


def _expected() -> dict[str, object]:
    return json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


def test_fixture_is_a_small_self_contained_schema_1_file() -> None:
    path = FIXTURES / "project_v1.factdesk"
    assert path.stat().st_size < 300_000
    assert not Path(str(path) + "-wal").exists()
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()


def test_schema_1_project_opens_with_everything_intact(v1_copy: Path) -> None:
    expected = _expected()
    assert expected.pop("schema_version") == 1
    with Project.open(v1_copy, create=False) as project:
        found = snapshot(project)
        version = project.db.execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION
    for key in expected:
        assert found[key] == expected[key], key
    assert found == expected


def test_schema_1_project_passes_check_after_upgrade(v1_copy: Path) -> None:
    result = factdesk("check", v1_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"(current {SCHEMA_VERSION})" in result.stderr


def test_schema_1_project_is_searchable_and_editable(v1_copy: Path) -> None:
    with Project.open(v1_copy, create=False) as project:
        assert project.search.search("Izyum", kinds=("article",))  # via the stored alias
        claim = _expected()["verdicts"][0]["claim_id"]  # type: ignore[index]
        SetVerdictField(claim, "rationale", "<p>Re-checked after the upgrade.</p>").apply(project)
        assert project.search.search("upgrade", kinds=("rationale",))
    assert factdesk("check", v1_copy).returncode == 0


def test_read_only_open_of_an_old_file(v1_copy: Path) -> None:
    before = v1_copy.read_bytes()
    if READABLE_FROM <= 1:  # the later migrations only add indexes: read as it is
        with Project.open(v1_copy, create=False, read_only=True) as project:
            assert project.articles.count() == 3
            expected = {a["id"]: a for a in _expected()["articles"]}  # type: ignore[index]
            assert {s.id for s in project.articles.summaries()} == set(expected)
    else:  # an upgrade needs writing: refused with a message, the file left as it was
        with pytest.raises(ProjectFileError, match="upgrade"):
            Project.open(v1_copy, create=False, read_only=True)
    assert v1_copy.read_bytes() == before
