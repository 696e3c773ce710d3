"""A project the window cannot save to opens as a read-only view, saying why."""

from __future__ import annotations

import os
from pathlib import Path

from factdesk.storage import database


def test_read_only_project_opens_as_a_view(make_window, demo_copy: Path, monkeypatch) -> None:  # noqa: ANN001
    real_access = os.access

    def access(target: object, mode: int, *args: object, **kwargs: object) -> bool:
        if mode & os.W_OK and Path(str(target)).resolve() == demo_copy.resolve():
            return False
        return real_access(target, mode, *args, **kwargs)

    monkeypatch.setattr(database.os, "access", access)
    before = demo_copy.read_bytes()
    window = make_window(demo_copy)
    assert window.session is not None and window.session.project.read_only
    assert "is read-only" in window.status.bar.currentMessage()
    assert "read-only view" in window.status.bar.currentMessage()
    assert not Path(f"{demo_copy}.lock").exists()
    window.close()
    assert demo_copy.read_bytes() == before
