"""Opening a project of an older schema in the window says it was upgraded and where the
file as it was is kept."""

from __future__ import annotations

from pathlib import Path

from schema_rollback import undo_migrations

from factdesk.core.project import Project
from factdesk.storage.backup import list_backups
from factdesk.storage.migrations import SCHEMA_VERSION


def test_the_window_says_where_the_file_before_the_upgrade_is(make_window,
                                                              tmp_path: Path) -> None:
    path = tmp_path / "old.factdesk"
    with Project.open(path) as project:
        project.settings.set("checker", "Ana Lima")
    undo_migrations(path)
    window = make_window(path)
    (kept,) = list_backups(path)
    messages = [window.status.messages.item(i).text()
                for i in range(window.status.messages.count())]
    assert any(f"upgraded from schema {SCHEMA_VERSION - 1} to {SCHEMA_VERSION}" in m
               and kept.path.name in m for m in messages), messages
    window.close()
