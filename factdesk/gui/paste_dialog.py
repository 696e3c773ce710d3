"""Paste as article: the clipboard text with a title and an outlet."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)


class PasteDialog(QDialog):
    """Shows the pasted text (editable) and asks for title and outlet."""

    def __init__(self, parent: QWidget | None, text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste as article")
        first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
        self.title_edit = QLineEdit(first_line[:120], placeholderText="title")
        self.outlet = QLineEdit(placeholderText="outlet (e.g. Reuters)")
        self.text = QPlainTextEdit(text)
        form = QFormLayout(self)
        form.addRow("&Title", self.title_edit)
        form.addRow("&Outlet", self.outlet)
        form.addRow("Te&xt", self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(640, 480)

    def values(self) -> tuple[str, str, str]:
        return (self.text.toPlainText(), self.title_edit.text().strip(),
                self.outlet.text().strip())
