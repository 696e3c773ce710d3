"""Feedback a checker can act on: refused files listed in one dialog, a non-project file
named for what it is, search that explains itself, undo that shows what it changed,
controls that cannot act are disabled, one key per rating label, a visible current claim."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from factdesk.gui.search_backend import query_problem


def test_every_refused_file_in_one_dialog(make_window, demo_copy, tmp_path: Path,
                                          qtbot) -> None:  # noqa: ANN001
    window = make_window(demo_copy)
    pdf, png, empty = tmp_path / "a.pdf", tmp_path / "b.png", tmp_path / "c.txt"
    pdf.write_bytes(b"%PDF-1.4 stuff")
    png.write_bytes(b"\x89PNG\r\n\x1a\n0000")
    empty.write_bytes(b"")
    window.files.import_paths([pdf, png, empty])
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "refusedFiles") is not None,
                    timeout=30_000)
    box = window.findChild(QMessageBox, "refusedFiles")
    text = box.informativeText()
    for name, reason in (("a.pdf", "PDF"), ("b.png", "PNG"), ("c.txt", "empty")):
        assert name in text and reason in text
    assert box.text() == "3 files could not be imported."
    box.close()


def test_a_non_project_file_is_named(make_window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    window = make_window()
    png = tmp_path / "photo.factdesk"
    png.write_bytes(b"\x89PNG\r\n\x1a\n0000")
    assert not window.open_project(png)
    box = window.findChild(QMessageBox, "notAProject")
    assert box is not None and "photo.factdesk is a PNG image" in box.text()
    box.close()
    text = tmp_path / "notes.txt"
    text.write_text("Some notes", encoding="utf-8")
    assert not window.open_project(text)
    box = [b for b in window.findChildren(QMessageBox, "notAProject") if b.isVisible()][0]
    assert "a text file" in box.text() and "import" in box.informativeText()
    box.close()


def test_search_explains_and_names_outlet_and_date(make_window, demo_copy, qtbot) -> None:  # noqa: ANN001
    assert "only joins words" in query_problem("AND")
    assert "at least one word" in query_problem("--- !!")
    assert query_problem("Kharkiv") is None
    window = make_window(demo_copy)
    window.registry.trigger("edit.search")
    from factdesk.gui.palette import SearchPanel

    panel = window.findChild(SearchPanel)
    panel.edit.setText("AND")
    panel._run()
    assert "only joins words" in panel.hint.text() and panel.list.count() == 0
    panel.edit.setText("zzzqqqx")
    panel._run()
    assert "nothing contains" in panel.hint.text()
    article = window.session.project.articles.get(window.session.article_id)
    word = max(article.text.split()[:40], key=len).strip(".,;:\"'")
    panel.edit.setText(word)
    panel._run()
    assert panel.list.count() > 0
    first = panel.list.item(0).text()
    hit = panel.list.item(0).data(Qt.ItemDataRole.UserRole)
    assert hit["outlet"] in first and hit["date"] in first
    panel.close()


def test_undo_redo_select_what_they_changed(make_window, demo_copy, qtbot) -> None:  # noqa: ANN001
    window = make_window(demo_copy)
    session, body = window.session, window.workspace.article.body
    rated = session.claim_id
    qtbot.keyClick(body, Qt.Key.Key_3)
    qtbot.keyClick(body, Qt.Key.Key_J)
    qtbot.keyClick(body, Qt.Key.Key_J)
    assert session.claim_id != rated
    qtbot.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.claim_id == rated, "undo goes to the claim it changed"
    assert window.workspace.verdict.claim_id == rated
    assert f"claim {rated}" in window.status.messages.item(0).text()
    qtbot.keyClick(body, Qt.Key.Key_J)
    qtbot.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert session.claim_id == rated and session.project.verdicts.get(rated).rating


def test_controls_that_cannot_act_are_disabled(make_window, demo_copy) -> None:  # noqa: ANN001
    window = make_window(demo_copy)
    verdict = window.workspace.verdict
    assert verdict.evidence_buttons["add"].isEnabled()
    for name in ("edit", "remove", "open"):
        assert not verdict.evidence_buttons[name].isEnabled(), name
    window.session.select_claim(0)
    assert not verdict.evidence_buttons["add"].isEnabled()
    assert not window.registry.is_enabled("verdict.add_evidence")
    assert not window.registry.is_enabled("match.accept")
    window.close()
    empty = make_window()
    for action in ("import.edit_article", "import.remove_article", "edit.undo",
                   "claim.delete"):
        assert not empty.registry.is_enabled(action), action


def test_a_rating_shows_its_key_once(make_window, demo_copy) -> None:  # noqa: ANN001
    window = make_window(demo_copy)
    combo = window.workspace.verdict.rating
    labels = [combo.itemText(i) for i in range(1, combo.count())]
    assert labels[0] == "1 · True"
    for label in labels:
        assert sum(ch.isdigit() for ch in label) == 1, label


def test_j_and_k_land_on_a_plainly_marked_claim(make_window, demo_copy, qtbot) -> None:  # noqa: ANN001
    window = make_window(demo_copy)
    body = window.workspace.article.body
    for _ in range(5):
        qtbot.keyClick(body, Qt.Key.Key_J)
        claim = window.session.project.claims.get(window.session.claim_id)
        selections = body.extraSelections()
        assert len(selections) == 1
        sel = selections[0]
        assert (sel.cursor.selectionStart(), sel.cursor.selectionEnd()) == (
            claim.start, min(claim.end, len(body.toPlainText())))
        assert sel.format.background().color().alpha() >= 60


def test_search_hits_wrap_inside_the_panel(make_window, demo_copy, qtbot) -> None:  # noqa: ANN001
    """A hit's snippet ran off the panel's right edge behind a sideways scroll bar."""
    window = make_window(demo_copy)
    window.registry.trigger("edit.search")
    from factdesk.gui.palette import SearchPanel

    panel = window.findChild(SearchPanel)
    qtbot.waitExposed(panel)
    panel.edit.setText("Izium")
    panel._run()
    count = panel.list.count()
    assert count > 1 and panel.hint.text().startswith(f"{count} hits ·")
    qtbot.wait(50)
    width = panel.list.viewport().width()
    metrics = panel.list.fontMetrics()
    long_items = [panel.list.item(i) for i in range(count)
                  if metrics.horizontalAdvance(panel.list.item(i).text()) > width]
    assert long_items, "the demo's snippets are longer than the panel"
    for item in long_items:  # wrapped: as wide as the list, two lines or more high
        rect = panel.list.visualItemRect(item)
        assert rect.width() <= width and rect.height() >= 2 * metrics.height()
    assert not panel.list.horizontalScrollBar().isVisible()
    panel.close()


def test_an_import_summary_is_the_runs_not_a_failure_line(make_window, demo_copy,
                                                          tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    """The refused-files dialog read "2 file(s) could not be imported (article 11 (…) not
    analysed: too long …; kept)": an analysis failure stood in for the summary."""
    from factdesk.core.analysis import MAX_ANALYSED_CHARS

    window = make_window(demo_copy)
    empty, long = tmp_path / "empty.txt", tmp_path / "dump.txt"
    empty.write_bytes(b"")
    sentence = "The council said the bridge cost 4 million dollars in 2021. "
    long.write_text("Title: A dump\n\n" + sentence * (MAX_ANALYSED_CHARS // len(sentence) + 5),
                    encoding="utf-8")
    window.files.import_paths([empty, long])
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "refusedFiles") is not None,
                    timeout=60_000)
    box = window.findChild(QMessageBox, "refusedFiles")
    assert box.text().startswith("1 file could not be imported. The others: found 0 claims "
                                 "in 0 articles"), box.text()
    messages = [window.status.messages.item(i).text()
                for i in range(window.status.messages.count())]
    assert any("(A dump) not analysed: too long to analyse" in m for m in messages)
    box.close()
