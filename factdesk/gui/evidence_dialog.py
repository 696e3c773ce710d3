"""A small dialog to add or edit one evidence row (url, title, note)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget


class EvidenceDialog(QDialog):
    """Asks for url, title and note; OK is enabled once there is a url."""

    def __init__(self, parent: QWidget | None = None, *, url: str = "", title: str = "",
                 note: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Evidence")
        self.url = QLineEdit(url, placeholderText="https://…")
        self.title_edit = QLineEdit(title, placeholderText="title of the source")
        self.note = QLineEdit(note, placeholderText="what it shows")
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        form.addRow("&URL", self.url)
        form.addRow("&Title", self.title_edit)
        form.addRow("&Note", self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.url.textChanged.connect(lambda t: ok.setEnabled(bool(t.strip())))
        ok.setEnabled(bool(url.strip()))

    def values(self) -> dict[str, str]:
        return {"url": self.url.text().strip(), "title": self.title_edit.text().strip(),
                "note": self.note.text().strip()}
