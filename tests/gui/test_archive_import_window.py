"""File ▸ Import earlier fact-checks…: in the worker, with progress and cancel, and a
dialog that lists read / stored / skipped with reasons."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factdesk.core.project import Project
from factdesk.gui import archive_import

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "archive"


def _choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(archive_import.QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))


def _import(qtbot, window) -> archive_import.ArchiveImportDialog:  # noqa: ANN001
    window.registry.actions["import.archive"].trigger()
    qtbot.waitUntil(lambda: window.files.archive.last_dialog is not None, timeout=30_000)
    dialog = window.files.archive.last_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _archive_count(path: Path) -> int:
    with Project.open(path, create=False, read_only=True) as project:
        return project.archive.count()


def test_the_import_lists_read_stored_and_skipped_with_reasons(
        qtbot, make_window, demo_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(demo_copy)
    assert window.registry.shortcut("import.archive").toString() == "Ctrl+Shift+R"
    before = _archive_count(demo_copy)
    _choose(monkeypatch, FIXTURES / "jsonlines.jsonl")
    progress: list[tuple[int, int, str]] = []
    window.runner.progress.connect(lambda *a: progress.append(a))
    dialog = _import(qtbot, window)
    text = dialog.details.toPlainText()
    assert "Read\n4\n" in text and "Stored\n2\n2 new, 0 updated" in text
    assert "Skipped\n2\n" in text
    assert "no claimReviewed" in text and "repeated in the file" in text
    assert "https://lines.example/3" in text
    assert progress and progress[0][2].startswith("reading jsonlines.jsonl")
    assert _archive_count(demo_copy) == before + 2
    dialog.close()


def test_a_file_that_is_no_archive_is_refused_in_the_dialog(
        qtbot, make_window, demo_copy: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(demo_copy)
    bad = tmp_path / "notes.json"
    bad.write_text(json.dumps({"@type": "NewsArticle", "headline": "No checks here"}),
                   encoding="utf-8")
    _choose(monkeypatch, bad)
    dialog = _import(qtbot, window)
    assert "Nothing was imported" in dialog.details.toPlainText()
    assert "without any ClaimReview" in dialog.details.toPlainText()
    assert dialog.windowTitle() == "Earlier fact-checks not imported"
    dialog.close()


def test_cancel_stores_nothing(qtbot, make_window, demo_copy: Path, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(demo_copy)
    before = _archive_count(demo_copy)
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({
        "@context": "https://schema.org", "@type": "DataFeed",
        "dataFeedElement": [{"@type": "DataFeedItem", "item": {
            "@type": "ClaimReview", "claimReviewed": f"Claim {i}.",
            "url": f"https://feed.example/{i}"}} for i in range(1500)]}), encoding="utf-8")
    _choose(monkeypatch, feed)
    window.registry.actions["import.archive"].trigger()
    assert window.runner.busy
    window.cancel_background()
    qtbot.waitUntil(lambda: window.files.archive.last_dialog is not None, timeout=30_000)
    dialog = window.files.archive.last_dialog
    assert "cancelled" in dialog.details.toPlainText()
    assert "Nothing was stored" in dialog.details.toPlainText()
    assert _archive_count(demo_copy) == before
    dialog.close()
