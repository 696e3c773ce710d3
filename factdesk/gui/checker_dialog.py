"""Who is checking: the checker's name and organisation, asked once per user.

The name goes on every verdict, match decision and history row this person makes in the
window; the organisation is the publisher of the checks (reports, ClaimReview). Both are
stored in the user's settings, never taken from the operating-system account, and can
be changed in Preferences ▸ General.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from factdesk.gui import settings as user

NAME_KEY, ORGANISATION_KEY, ASKED_KEY = "user/checker", "user/organisation", "user/asked"


def checker_name() -> str:
    return user.get_str(NAME_KEY, "").strip()


def organisation() -> str:
    return user.get_str(ORGANISATION_KEY, "").strip()


def already_asked() -> bool:
    return bool(checker_name()) or user.get_str(ASKED_KEY, "") == "yes"


class CheckerDialog(QDialog):
    """Name and organisation, with a sentence on where they appear."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkerDialog")
        self.setWindowTitle("Who is checking?")
        intro = QLabel("Your name goes on the verdicts you record and on reports; the "
                       "organisation is the publisher of the checks. Both stay on this "
                       "computer and can be changed in Preferences.")
        intro.setWordWrap(True)
        self.name = QLineEdit(checker_name())
        self.name.setPlaceholderText("e.g. Ana Lima")
        self.organisation = QLineEdit(organisation())
        self.organisation.setPlaceholderText("e.g. Lupa Fact-checking (optional)")
        form = QFormLayout()
        form.addRow("Your &name", self.name)
        form.addRow("&Organisation", self.organisation)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Later")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def save(self) -> None:
        user.set_value(NAME_KEY, self.name.text().strip())
        user.set_value(ORGANISATION_KEY, self.organisation.text().strip())


def ask_once(parent: QWidget | None) -> bool:
    """On first use: ask for name and organisation (once, even when put off). True when
    the answer was saved."""
    if already_asked():
        return False
    user.set_value(ASKED_KEY, "yes")
    dialog = CheckerDialog(parent)
    saved = bool(dialog.exec())
    if saved:
        dialog.save()
    dialog.deleteLater()
    return saved
