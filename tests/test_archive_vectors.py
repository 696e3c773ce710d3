"""Archived checks' sentence vectors are stored at import and read by the search
(migration 0007), computed lazily for a project imported before, recomputed when a
check's text changed, and never written to a read-only project."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from factdesk.core import archive_service
from factdesk.core.archive_service import earlier_checks, import_archive
from factdesk.core.project import Project
from factdesk.matching.archive_vectors import ARCHIVE_VECTOR_DIM, vectors_of
from factdesk.model.models import ArchivedCheck
from factdesk.storage.archive import ArchiveVectorRepository, texts_crc
from factdesk.storage.migrations import known_migration_names

FIXTURES = Path(__file__).parent / "fixtures" / "archive"


@pytest.fixture(autouse=True)
def _fresh_search_cache():
    archive_service._INDEXES.clear()
    yield
    archive_service._INDEXES.clear()


def _vectors(project: Project) -> ArchiveVectorRepository:
    return ArchiveVectorRepository(project.db)


def test_the_migration_is_known_and_builds_the_table(tmp_path: Path) -> None:
    assert "0007_archive_vectors" in known_migration_names()
    with Project.open(tmp_path / "p.factdesk") as project:
        assert _vectors(project).available()


def test_import_stores_each_checks_vectors(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.factdesk") as project:
        report = import_archive(project, FIXTURES / "roundup_same_url.json")
        assert report.stored == 20
        stored = _vectors(project).current()
        assert set(stored) == {c.id for c in project.archive.all()}
        check = project.archive.all()[0]
        claim_codes, title_codes = stored[check.id]
        assert len(claim_codes) == len(title_codes) == ARCHIVE_VECTOR_DIM
        fresh = vectors_of([check.claim])[0]
        kept = np.frombuffer(claim_codes, dtype=np.int8).astype(np.float32)
        assert float(fresh @ (kept / np.linalg.norm(kept))) > 0.999


def test_an_older_project_gets_its_vectors_at_the_first_search(tmp_path: Path) -> None:
    path = tmp_path / "p.factdesk"
    with Project.open(path) as project:
        import_archive(project, FIXTURES / "roundup_same_url.json")
        hits_before = earlier_checks(project, project.archive.all()[3].claim, k=3)
        project.db.execute("DELETE FROM archive_vectors")  # as imported before 0007
        project.db.conn.commit()
    archive_service._INDEXES.clear()
    with Project.open(path) as project:
        assert _vectors(project).count() == 0
        hits = earlier_checks(project, project.archive.all()[3].claim, k=3)
        assert [(c.id, round(s, 6)) for c, s in hits] == \
            [(c.id, round(s, 6)) for c, s in hits_before]
        assert _vectors(project).count() == 20


def test_a_changed_check_text_is_embedded_again(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.factdesk") as project:
        import_archive(project, FIXTURES / "roundup_same_url.json")
        check = project.archive.all()[0]
        edited = ArchivedCheck(**{**check.__dict__, "claim": "Sharks swim on highways."})
        with project.transaction():
            project.archive.store([edited])
        assert check.id not in _vectors(project).current()  # stale: another text
        archive_service.archive_index(project)
        assert check.id in _vectors(project).current()
        row = project.db.execute("SELECT text_crc FROM archive_vectors WHERE check_id = ?",
                                 [check.id]).fetchone()
        assert row[0] == texts_crc(edited.claim, edited.title)


def test_a_read_only_project_is_searched_without_writing(tmp_path: Path) -> None:
    path = tmp_path / "p.factdesk"
    with Project.open(path) as project:
        import_archive(project, FIXTURES / "roundup_same_url.json")
        claim = project.archive.all()[5].claim
        project.db.execute("DELETE FROM archive_vectors")
        project.db.conn.commit()
    archive_service._INDEXES.clear()
    with Project.open(path, create=False, read_only=True) as project:
        hits = earlier_checks(project, claim, k=1)
        assert hits and hits[0][0].claim == claim
        assert _vectors(project).count() == 0
