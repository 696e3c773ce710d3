"""The verdict editor's "as checked" field: the claim as the checker states it.

One line, empty by default (the sentence as printed is shown greyed as its placeholder
and is what reports use then). Enter commits it as one undoable ``SetClaimStatement``;
Esc restores the committed text and leaves the field; leaving the field otherwise
commits it too, as the rationale does when another claim is chosen. A counter shows the
length against the 75 characters search engines advise for ClaimReview's
``claimReviewed``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from factdesk.core.commands import (
    STATEMENT_ADVISED_LENGTH,
    STATEMENT_MAX_LENGTH,
    SetClaimStatement,
    clean_statement,
)
from factdesk.gui.session import Session
from factdesk.model.models import Claim


class _Line(QLineEdit):
    """A line edit that reports Esc and losing the focus."""

    escaped = Signal()
    focus_lost = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # Qt override
        super().focusOutEvent(event)
        self.focus_lost.emit()


class StatementEdit(QWidget):
    """The claim as checked, with its length counter."""

    left_editor = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.claim_id = 0
        self.committed = ""
        self.line = _Line()
        self.line.setObjectName("statementEdit")
        self.line.setMaxLength(STATEMENT_MAX_LENGTH)
        self.line.setToolTip("The claim as checked: a short statement used as the report's "
                             "headline and ClaimReview's claimReviewed (t to edit, Enter to "
                             "commit, Esc to cancel); empty: the sentence as printed")
        self.counter = QLabel(objectName="statementCounter")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.counter)
        self.line.returnPressed.connect(self._commit_and_leave)
        self.line.escaped.connect(self.cancel)
        self.line.focus_lost.connect(self.commit)
        self.line.textChanged.connect(self._count)

    def load(self, claim: Claim | None) -> None:
        """Show a claim's statement as the committed state (nothing when None)."""
        self.claim_id = claim.id if claim else 0
        self.committed = (claim.statement or "") if claim else ""
        self.line.setPlaceholderText(" ".join(claim.text.split()) if claim else "")
        self.line.setText(self.committed)
        self.line.setCursorPosition(0)
        self.line.setEnabled(claim is not None)
        self._count()

    def refresh(self, claim: Claim | None) -> None:
        """Show ``claim`` after a change, keeping what is being typed over it unless the
        change stored exactly that."""
        typed = clean_statement(self.line.text()) or ""
        stored = (claim.statement or "") if claim else ""
        if claim is None or claim.id != self.claim_id or not self.dirty or typed == stored:
            self.load(claim)

    @property
    def dirty(self) -> bool:
        return (clean_statement(self.line.text()) or "") != self.committed

    def edit(self) -> None:
        """Put the cursor in the field (the "t" key)."""
        if self.claim_id:
            self.line.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.line.selectAll()

    def commit(self) -> None:
        if self.claim_id and self.dirty:
            if self.session.push(SetClaimStatement(self.claim_id, self.line.text())):
                self.session.message.emit("claim as checked saved", "info")

    def cancel(self) -> None:
        self.line.setText(self.committed)
        self.left_editor.emit()

    def _commit_and_leave(self) -> None:
        self.commit()
        self.left_editor.emit()

    def _count(self) -> None:
        length = len(clean_statement(self.line.text()) or "")
        if not length:
            self.counter.setText("sentence")
            self.counter.setToolTip("No statement: reports use the sentence as printed")
            return
        over = length > STATEMENT_ADVISED_LENGTH
        self.counter.setText(f"{length}/{STATEMENT_ADVISED_LENGTH}")
        self.counter.setToolTip("Longer than search engines advise" if over else "")
        self.counter.setStyleSheet("color: #b71c1c;" if over else "")
