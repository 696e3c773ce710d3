"""A project the window cannot save to opens as a read-only view, saying why."""

from __future__ import annotations

from pathlib import Path


def test_read_only_project_opens_as_a_view(make_window, demo_copy: Path,
                                           deny_writing) -> None:  # noqa: ANN001
    deny_writing(demo_copy)
    before = demo_copy.read_bytes()
    window = make_window(demo_copy)
    assert window.session is not None and window.session.project.read_only
    assert "is read-only" in window.status.bar.currentMessage()
    assert "read-only view" in window.status.bar.currentMessage()
    assert not Path(f"{demo_copy}.lock").exists()
    window.close()
    assert demo_copy.read_bytes() == before
