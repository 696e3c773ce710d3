"""The rationale editor: rich text that commits as one undoable edit.

Ctrl+Enter commits the text as one ``SetVerdictField(rationale)`` command; Esc leaves the
editor and keeps the draft, visibly unsaved (see the verdict pane's draft line); a draft
is only thrown away by "Discard draft", which Ctrl+Z in the editor takes back. Typing
inside keeps Qt's own text undo.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QTextCursor, QTextListFormat
from PySide6.QtWidgets import QTextEdit, QWidget

_COMMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class RationaleEdit(QTextEdit):
    """A QTextEdit with commit (Ctrl+Enter) and leave (Esc) keys."""

    commit_requested = Signal()
    leave_requested = Signal()
    draft_changed = Signal(bool)  # True: the text differs from the committed rationale

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rationaleEdit")
        self.setAcceptRichText(True)
        self.setTabChangesFocus(True)
        self.setPlaceholderText("Rationale: why this rating (e to edit, Ctrl+Enter to commit)")
        self.committed = ""
        self._was_dirty = False
        self.document().contentsChanged.connect(self._check_draft)

    def load(self, rationale: str) -> None:
        """Show a stored rationale (HTML or plain text) as the committed state."""
        if "<" in rationale:
            self.setHtml(rationale)
        else:
            self.setPlainText(rationale)
        self.committed = self.current_value()
        self.document().setModified(False)
        self._check_draft()

    def mark_committed(self, value: str) -> None:
        """The text ``value`` is now stored: no draft any more."""
        self.committed = value
        self.document().setModified(False)
        self._check_draft()

    def _check_draft(self) -> None:
        dirty = self.dirty
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.draft_changed.emit(dirty)

    def current_value(self) -> str:
        """What would be stored: empty when blank, else the document as HTML."""
        if not self.toPlainText().strip():
            return ""
        return self.toHtml()

    @property
    def dirty(self) -> bool:
        return self.document().isModified() and self.current_value() != self.committed

    def restore(self) -> None:
        """Back to the committed rationale ("Discard draft"), as one edit that Ctrl+Z in
        the editor takes back: the text typed since is not lost."""
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.removeSelectedText()
        if self.committed:
            cursor.insertHtml(self.committed)
        cursor.endEditBlock()
        self.document().setModified(False)
        self._check_draft()

    def _is_commit(self, event: QKeyEvent) -> bool:
        return event.key() in _COMMIT_KEYS and bool(
            event.modifiers() & Qt.KeyboardModifier.ControlModifier)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if self._is_commit(key_event) or key_event.key() == Qt.Key.Key_Escape:
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if self._is_commit(event):
            self.commit_requested.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.leave_requested.emit()  # the draft stays, marked unsaved
            return
        super().keyPressEvent(event)

    # formatting (toolbar buttons) ----------------------------------------------------------

    def toggle_bold(self) -> None:
        bold = self.fontWeight() < QFont.Weight.Bold
        self.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)

    def toggle_italic(self) -> None:
        self.setFontItalic(not self.fontItalic())

    def toggle_list(self) -> None:
        cursor = self.textCursor()
        current = cursor.currentList()
        if current is not None:
            block = cursor.blockFormat()
            current.remove(cursor.block())
            block.setIndent(0)
            cursor.setBlockFormat(block)
        else:
            cursor.createList(QTextListFormat.Style.ListDisc)
