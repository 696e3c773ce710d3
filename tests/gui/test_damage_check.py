"""A damaged project file is said as soon as the window opens it (SQLite's quick check in
the background), with the way back; a whole one opens without a word."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from factdesk.storage.backup import back_up_file


def _damage(path: Path) -> None:
    """Scribble over a few pages of the search index, as a failing disk would: pages
    the window does not read when it opens the project (which pages those are depends
    on what the claims hold, so they are looked up, not guessed by position)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    index_pages = [row[0] for row in conn.execute(
        "SELECT pageno FROM dbstat WHERE name LIKE '%_fts_%' ORDER BY pageno")]
    conn.close()
    with path.open("r+b") as handle:
        for page in index_pages[::3]:
            handle.seek((page - 1) * page_size)
            handle.write(b"\xde\xad\xbe\xef" * (page_size // 4))


def _warning_box() -> QMessageBox | None:
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.objectName() == "damaged-project"
                 and w.isVisible()), None)


def test_a_damaged_project_is_said_at_once_with_its_backup(
        make_window, demo_copy: Path, tmp_path: Path, qtbot) -> None:
    project = tmp_path / "damaged.factdesk"
    shutil.copy(demo_copy, project)
    back_up_file(project)
    _damage(project)
    window = make_window()
    assert window.open_project(project)  # it opens: the damage lies in pages not read yet
    qtbot.waitUntil(lambda: _warning_box() is not None, timeout=5000)
    box = _warning_box()
    assert box is not None
    text = box.text()
    assert text.startswith("damaged.factdesk is damaged: SQLite reports")
    assert "\n" not in text and "*** in database" not in text  # one paragraph, not 100 lines
    assert f"'factdesk restore {project}'" in text and "newest backup (taken " in text
    assert "damaged.factdesk is damaged" in window.status.messages.item(0).text()
    box.close()
    window.close()


def test_a_whole_project_opens_without_a_warning(make_window, demo_copy: Path, qtbot) -> None:
    window = make_window(demo_copy)
    thread = window.damage_check.thread
    assert thread is not None
    thread.join(5)
    qtbot.wait(50)  # a queued result would arrive now
    assert _warning_box() is None
    window.close()


def test_a_project_too_damaged_to_open_says_the_way_back(
        make_window, demo_copy: Path, tmp_path: Path, qtbot) -> None:
    """It said only "cannot open …: is corrupt" in the status bar."""
    project = tmp_path / "broken.factdesk"
    shutil.copy(demo_copy, project)
    back_up_file(project)
    conn = sqlite3.connect(project)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    with project.open("r+b") as handle:  # every other page, the schema's too
        for page in range(1, pages, 2):
            handle.seek(page * page_size + 100)
            handle.write(b"\xde\xad\xbe\xef" * 64)
    damaged = project.read_bytes()
    window = make_window()
    assert not window.open_project(project)
    box = _warning_box()
    assert box is not None and "To get the work back: restore the newest backup" in box.text()
    assert f"'factdesk restore {project}'" in box.text()
    assert project.read_bytes() == damaged  # left untouched
    box.close()
    window.close()
