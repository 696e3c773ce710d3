"""Crash safety with real subprocesses killed by SIGKILL (issue 9, point 1).

An import of 300 files, a verdict-editing loop and (when its weights are there) claim
extraction are killed part-way; the project must then open, pass ``factdesk check``,
hold only whole articles and every edit reported saved, and an interrupted import must
complete when simply run again, without duplicates. Two deterministic variants kill the
process *inside* a transaction (after its first statements, before the commit) to prove
that a half-written article or verdict edit never lands.
"""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

import pytest
from reliability_helpers import (
    PYTHON,
    count_rows,
    factdesk,
    kill_import,
    kill_verdict_edits,
    kill_when,
    project_with_claims,
    verify_project,
    write_articles,
)

from factdesk.core.importing import STORE_BATCH
from factdesk.core.project import Project

REPO = Path(__file__).resolve().parents[2]
WORTHINESS = REPO / "factdesk" / "nlp" / "weights" / "worthiness.npz"

# Imports articles, but SIGKILLs itself right after the Nth article's rows were written
# and before that article's transaction commits. Articles are stored STORE_BATCH per
# commit (each in a savepoint); the time limit on a batch is lifted so that the batches
# are the same on a loaded machine.
_IMPORT_DIES_MID_TRANSACTION = r"""
import os, signal, sys
import factdesk.core.importing as importing
from factdesk.core.importing import import_paths
importing.STORE_SECONDS = float("inf")
from factdesk.core.project import Project
from factdesk.storage.articles import ArticleRepository

original, die_at, calls = ArticleRepository.add, int(sys.argv[3]), [0]

def add(self, **fields):
    article_id = original(self, **fields)
    calls[0] += 1
    if calls[0] == die_at:
        os.kill(os.getpid(), signal.SIGKILL)
    return article_id

ArticleRepository.add = add
with Project.open(sys.argv[1], create=False) as project:
    import_paths(project, [sys.argv[2]])
"""

# Edits one claim's rationale; SIGKILLs itself inside the Nth edit's transaction (the
# verdict row is already updated, its history row not yet written, nothing committed).
_EDIT_DIES_MID_TRANSACTION = r"""
import os, signal, sys
from factdesk.core.commands import SetVerdictField
from factdesk.core.project import Project
from factdesk.storage.verdicts import VerdictRepository

original, die_at, calls = VerdictRepository.record, int(sys.argv[2]), [0]

def record(self, *args, **kwargs):
    calls[0] += 1
    if calls[0] == die_at:
        os.kill(os.getpid(), signal.SIGKILL)
    return original(self, *args, **kwargs)

VerdictRepository.record = record
with Project.open(sys.argv[1], create=False) as project:
    claim = next(project.claims.iter_all()).id
    for n in range(1, 1000):
        SetVerdictField(claim, "rationale", f"edit {n}").apply(project)
        print(f"saved {n}", flush=True)
"""


@pytest.mark.slow
def test_import_killed_midway_leaves_whole_articles_and_resumes(tmp_path: Path) -> None:
    outcome = kill_import(tmp_path, files=300, kill_after=20)
    assert outcome.killed
    assert 0 < outcome.progress_at_kill < 300
    assert outcome.problems == []
    assert outcome.lost == 0


def test_import_killed_inside_a_transaction_keeps_no_half_article(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    total = STORE_BATCH + 6
    write_articles(folder, total)
    project = tmp_path / "p.factdesk"
    factdesk("new", project, check=True)
    result = subprocess.run([PYTHON, "-c", _IMPORT_DIES_MID_TRANSACTION, str(project),
                             str(folder), str(STORE_BATCH + 3)], capture_output=True,
                            timeout=60)
    assert result.returncode == -signal.SIGKILL
    # the first batch committed whole; of the second, killed in its third article, nothing
    assert count_rows(project, "SELECT count(*) FROM articles") == STORE_BATCH
    assert count_rows(project, "SELECT count(*) FROM article_sources") == STORE_BATCH
    assert verify_project(project) == []
    factdesk("import", project, folder, "--no-extract", check=True)
    assert count_rows(project, "SELECT count(*) FROM articles") == total
    assert verify_project(project) == []


def test_verdict_edits_reported_saved_survive_sigkill(tmp_path: Path) -> None:
    outcome = kill_verdict_edits(tmp_path, kill_after=30)
    assert outcome.killed
    assert outcome.reported_saved == 30
    assert outcome.problems == []
    assert outcome.lost == 0


def test_verdict_edit_killed_inside_its_transaction_is_all_or_nothing(tmp_path: Path) -> None:
    project = project_with_claims(tmp_path, articles=1, claims_per_article=1)
    proc = subprocess.run([PYTHON, "-c", _EDIT_DIES_MID_TRANSACTION, str(project), "6"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == -signal.SIGKILL
    saved = [line for line in proc.stdout.splitlines() if line.startswith("saved")]
    assert saved[-1] == "saved 5"
    assert verify_project(project) == []
    with Project.open(project, create=False) as opened:
        claim = next(opened.claims.iter_all()).id
        verdict = opened.verdicts.get(claim)
        assert verdict is not None and verdict.rationale == "edit 5"  # not "edit 6"
        edits = opened.verdicts.history("verdict", claim)
        assert [h.new for h in edits] == [f"edit {n}" for n in range(1, 6)]


def test_killed_editor_and_concurrent_reader(tmp_path: Path) -> None:
    """A reader polling read-only while the writer is killed sees only committed data."""
    project = project_with_claims(tmp_path, articles=2, claims_per_article=2)
    from reliability_helpers import EDIT_SCRIPT

    proc = subprocess.Popen([PYTHON, "-c", EDIT_SCRIPT, str(project), "100000"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True)
    seen: list[int] = []

    def enough_read() -> bool:
        with Project.open(project, create=False, read_only=True) as reader:
            seen.append(reader.db.execute("SELECT count(*) FROM history").fetchone()[0])
        return len(seen) >= 10 and seen[-1] > seen[0]

    assert kill_when(proc, enough_read)
    assert seen == sorted(seen)  # committed history only grows
    assert verify_project(project) == []


@pytest.mark.slow
@pytest.mark.skipif(not WORTHINESS.exists(), reason="claim-detection weights not trained yet")
def test_extraction_killed_midway_can_be_rerun(tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    folder = tmp_path / "articles"
    write_articles(folder, 40)
    project = tmp_path / "p.factdesk"
    factdesk("new", project, check=True)
    factdesk("import", project, folder, "--no-extract", check=True)
    proc = subprocess.Popen([PYTHON, "-m", "factdesk", "extract", str(project), "--no-match"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    killed = kill_when(proc, lambda: count_rows(
        project, "SELECT count(*) FROM articles WHERE extracted_at IS NOT NULL") >= 2,
        timeout=60)
    assert verify_project(project) == []
    if killed:
        factdesk("extract", project, "--no-match", check=True, timeout=300)
    assert count_rows(project, "SELECT count(*) FROM articles WHERE extracted_at IS NULL") == 0
    duplicates = count_rows(project, "SELECT count(*) FROM (SELECT 1 FROM claims "
                                     "GROUP BY article_id, start, \"end\" HAVING count(*) > 1)")
    assert duplicates == 0
    assert verify_project(project) == []
