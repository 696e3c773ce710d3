"""Keys typed into a text field go to the field, not to single-key window shortcuts.

Window actions such as ``j``, ``a`` or ``1`` are ordinary QAction shortcuts. Qt asks the
focus widget first with a ``ShortcutOverride`` event; this application-wide filter
accepts that event for typing keys whenever the focus is an editable text input, so the
key reaches the field. Read-only views (the article text, lists, combos) are left alone
and the shortcuts work there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QKeySequenceEdit,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

_EDIT_KEYS = {
    Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Home, Qt.Key.Key_End,
    Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
    Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space,
}
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def is_text_input(widget: QWidget | None) -> bool:
    """True for a widget that the user types text into right now."""
    if widget is None:
        return False
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QAbstractSpinBox | QKeySequenceEdit):
        return True
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return False


def is_typing_key(event: QKeyEvent) -> bool:
    """A key that edits text: printable characters and the editing keys, no Ctrl/Alt."""
    if event.modifiers() & _COMMAND_MODIFIERS:
        return False
    if event.key() in _EDIT_KEYS:
        return True
    text = event.text()
    return bool(text) and text.isprintable()


class TextKeyGuard(QObject):
    """Install once on the QApplication (see :func:`install`)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, QWidget):
            if is_text_input(QApplication.focusWidget()) and is_typing_key(event):  # type: ignore[arg-type]
                event.accept()
                return True
        return False


_guard: TextKeyGuard | None = None


def install(app: QApplication) -> TextKeyGuard:
    """Install the guard on ``app`` (idempotent)."""
    global _guard
    if _guard is None:
        _guard = TextKeyGuard(app)
        app.installEventFilter(_guard)
    return _guard
