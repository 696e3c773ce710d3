"""Paste as article: the clipboard text with a title, an outlet and a publication date."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from factdesk.ingest.metadata import to_iso_date as convert


def to_iso_date(value: str) -> str | None:
    """The ISO form of a date typed in any common form (ingest is imported on first use:
    it is not needed to open the window)."""
    return convert(value)


class PasteDialog(QDialog):
    """Shows the pasted text (editable) and asks for title, outlet and date.

    The date matters: "four days ago" in the text is resolved against it. A date that
    cannot be understood keeps the dialog open with a message, so nothing typed is lost.
    """

    def __init__(self, parent: QWidget | None, text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste as article")
        first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
        self.title_edit = QLineEdit(first_line[:120], placeholderText="title")
        self.outlet = QLineEdit(placeholderText="outlet (e.g. Reuters)")
        self.date = QLineEdit(placeholderText="publication date, e.g. 2022-09-16 (optional)")
        self.date_problem = QLabel()
        self.date_problem.setObjectName("dateProblem")
        self.date_problem.hide()
        self.text = QPlainTextEdit(text)
        form = QFormLayout(self)
        form.addRow("&Title", self.title_edit)
        form.addRow("&Outlet", self.outlet)
        form.addRow("&Date", self.date)
        form.addRow("", self.date_problem)
        form.addRow("Te&xt", self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(640, 480)

    def accept(self) -> None:
        given = self.date.text().strip()
        if given and to_iso_date(given) is None:
            self.date_problem.setText(f"“{given}” is not one day FactDesk can be sure of "
                                      "(give the year; for 04/05 say which is the month): "
                                      "write it as YYYY-MM-DD or leave it empty.")
            self.date_problem.show()
            self.date.setFocus()
            self.date.selectAll()
            return
        super().accept()

    def values(self) -> tuple[str, str, str, str]:
        """(text, title, outlet, ISO date or "")."""
        given = self.date.text().strip()
        return (self.text.toPlainText(), self.title_edit.text().strip(),
                self.outlet.text().strip(), to_iso_date(given) or "" if given else "")
