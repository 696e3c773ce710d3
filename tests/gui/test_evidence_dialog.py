"""The evidence dialog accepts only web addresses and says what is wrong with the rest."""

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
