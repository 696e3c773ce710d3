"""The cyclic collector runs less often during a batch analysis, and its thresholds come
back afterwards."""

from __future__ import annotations

import gc
import threading

from factdesk.core import analysis
from factdesk.core.batch_gc import BATCH_THRESHOLD, fewer_collections
from factdesk.core.project import Project


def test_thresholds_raised_inside_and_restored_after_nesting_and_threads() -> None:
    before = gc.get_threshold()
    seen: list[int] = []
    entered, release = threading.Event(), threading.Event()

    def other_batch() -> None:
        with fewer_collections():
            seen.append(gc.get_threshold()[0])
            entered.set()
            release.wait(5)

    with fewer_collections():
        assert gc.get_threshold()[0] == max(before[0], BATCH_THRESHOLD)
        worker = threading.Thread(target=other_batch)
        worker.start()
        assert entered.wait(5)
        with fewer_collections():
            assert gc.get_threshold()[0] == max(before[0], BATCH_THRESHOLD)
        assert gc.get_threshold()[0] == max(before[0], BATCH_THRESHOLD)
    assert gc.get_threshold()[0] == max(before[0], BATCH_THRESHOLD)  # the thread still runs
    release.set()
    worker.join()
    assert seen == [max(before[0], BATCH_THRESHOLD)]
    assert gc.get_threshold() == before


def test_restored_when_the_batch_fails() -> None:
    before = gc.get_threshold()
    try:
        with fewer_collections():
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert gc.get_threshold() == before


def test_analysis_runs_with_the_batch_threshold(tmp_path, monkeypatch) -> None:
    during: list[int] = []

    def fake_analyse(*args, **kwargs):
        during.append(gc.get_threshold()[0])
        return analysis.AnalysisReport()

    monkeypatch.setattr(analysis, "_analyse", fake_analyse)
    monkeypatch.setattr(analysis, "get_extractor", lambda *a, **k: None)
    before = gc.get_threshold()
    with Project.open(tmp_path / "p.factdesk") as project:
        analysis.analyse_articles(project, [], n_process=1)
    assert during == [max(before[0], BATCH_THRESHOLD)]
    assert gc.get_threshold() == before
