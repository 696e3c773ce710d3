"""A small dialog to add or edit one evidence row (url, title, note)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from factdesk.model.models import web_address


class EvidenceDialog(QDialog):
    """Asks for url, title and note; OK is enabled once the url is a web address."""

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
        self.problem = QLabel(wordWrap=True)
        form.insertRow(1, "", self.problem)
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.url.textChanged.connect(self._check)
        self._check(url)

    def _check(self, text: str) -> None:
        """OK once the url is a web address; otherwise say what is wrong with it."""
        try:
            web_address(text)
        except ValueError as exc:
            self._ok.setEnabled(False)
            self.problem.setText(str(exc) if text.strip() else "")
        else:
            self._ok.setEnabled(True)
            self.problem.setText("")

    def values(self) -> dict[str, str]:
        return {"url": web_address(self.url.text()), "title": self.title_edit.text().strip(),
                "note": self.note.text().strip()}
