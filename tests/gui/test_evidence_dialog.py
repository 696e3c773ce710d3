"""The evidence dialog accepts only web addresses and says what is wrong with the rest;
an export tells what a publisher of its ClaimReviews lacks."""

from __future__ import annotations


def test_dialog_accepts_only_web_addresses(qtbot) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from factdesk.gui.evidence_dialog import EvidenceDialog

    dialog = EvidenceDialog()
    qtbot.addWidget(dialog)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and dialog.problem.text() == ""
    dialog.url.setText("notaurl")
    assert not ok.isEnabled() and "not a web address" in dialog.problem.text()
    dialog.url.setText("reuters.com/world")
    assert ok.isEnabled() and dialog.problem.text() == ""
    assert dialog.values()["url"] == "https://reuters.com/world"


def test_claimreview_export_says_what_a_publisher_lacks(make_window, demo_copy, tmp_path,
                                                       qtbot) -> None:
    from types import SimpleNamespace

    from PySide6.QtWidgets import QMessageBox

    from factdesk.core.commands import SetVerdictField
    from factdesk.gui import jobs

    window = make_window(demo_copy)
    project = window.session.project
    claim_id = project.claims.for_article(project.articles.ids()[0])[0].id
    SetVerdictField(claim_id, "rating", "False").apply(project)
    SetVerdictField(claim_id, "status", "done").apply(project)
    outcome = jobs.export("claimreview", tmp_path / "r.json",
                          SimpleNamespace(all=False, page_size="A4"))(
        project, lambda *a: None, lambda: False)
    assert (tmp_path / "r.json").exists()
    assert any("no url" in line for line in outcome.lines[1:])
    status = window.files._exported(outcome)
    assert status.startswith("exported claimreview")
    box = window.findChild(QMessageBox, "export-notes")
    assert box is not None and box.isVisible()
    assert "no url" in box.text()
    box.close()


def test_delete_in_the_evidence_table_removes_the_evidence_not_the_claim(
        make_window, demo_copy, qtbot) -> None:
    from PySide6.QtCore import Qt

    from factdesk.core.commands import AddEvidence

    window = make_window(demo_copy)
    session = window.session
    project = session.project
    claim_id = project.claims.for_article(project.articles.ids()[0])[0].id
    session.select_claim(claim_id)
    session.push(AddEvidence(claim_id, "https://example.org/a", "A", ""))
    session.push(AddEvidence(claim_id, "https://example.org/b", "B", ""))
    table = window.workspace.verdict.evidence_table
    assert table.rowCount() == 2
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert project.claims.get(claim_id) is not None, "Delete removed the claim"
    assert [e.url for e in project.verdicts.evidence(claim_id)] == ["https://example.org/b"]
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(project.verdicts.evidence(claim_id)) == 2
