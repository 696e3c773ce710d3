"""A project the window cannot save to opens as a read-only view, saying why."""

from __future__ import annotations

from pathlib import Path


def test_read_only_project_opens_as_a_view(make_window, demo_copy: Path,
                                           deny_writing) -> None:
    deny_writing(demo_copy)
    before = demo_copy.read_bytes()
    window = make_window(demo_copy)
    assert window.session is not None and window.session.project.read_only
    assert "is read-only" in window.status.bar.currentMessage()
    assert "read-only view" in window.status.bar.currentMessage()
    assert not Path(f"{demo_copy}.lock").exists()
    window.close()
    assert demo_copy.read_bytes() == before


def test_a_read_only_view_can_be_exported(make_window, demo_copy: Path, deny_writing,
                                          tmp_path: Path, qtbot) -> None:
    from types import SimpleNamespace

    from factdesk.gui import jobs
    from factdesk.gui.workers import Job

    deny_writing(demo_copy)
    window = make_window(demo_copy)
    assert window.session.project.read_only
    out = tmp_path / "report.csv"
    done: list[object] = []
    window.runner.submit(Job("Exporting", jobs.export("csv", out, SimpleNamespace(all=True)),
                             demo_copy, on_done=done.append, writes=False))
    qtbot.waitUntil(lambda: bool(done) or not window.runner.busy, timeout=20000)
    assert out.exists() and out.read_text("utf-8-sig").startswith("claim_id,")
