"""The status bar: background progress with Cancel, the saved state, counts, messages.

Messages (import results, refused edits, errors) are kept in a list that the
"Messages" dock shows; the latest one is also shown in the status bar for a while.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStatusBar,
    QWidget,
)

LEVEL_COLORS = {"info": None, "warning": "#b06000", "error": "#c5221f"}


class MessageList(QListWidget):
    """Non-modal notification list."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("messages")
        self.setWordWrap(True)

    def add(self, text: str, level: str) -> None:
        item = QListWidgetItem(f"{time.strftime('%H:%M:%S')}  {text}")
        color = LEVEL_COLORS.get(level)
        if color:
            item.setForeground(QColor(color))
        self.insertItem(0, item)
        while self.count() > 500:
            self.takeItem(self.count() - 1)


class StatusArea(QWidget):
    """Builds the widgets into a QStatusBar and updates them."""

    cancel_requested = Signal()

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.bar = bar
        self.task = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.cancel = QPushButton("Cancel")
        self.cancel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel.clicked.connect(self.cancel_requested)
        self.counts = QLabel()
        self.saved = QLabel(objectName="saveState")
        for w in (self.task, self.progress, self.cancel):
            bar.addPermanentWidget(w)
            w.setVisible(False)
        bar.addPermanentWidget(self.counts)
        bar.addPermanentWidget(self.saved)
        self.messages = MessageList()

    def show_message(self, text: str, level: str = "info") -> None:
        self.messages.add(text, level)
        self.bar.showMessage(text, 8000 if level == "info" else 15000)

    def set_saved(self, state: str) -> None:
        self.saved.setText(state)

    def set_counts(self, text: str) -> None:
        self.counts.setText(text)

    def job_started(self, title: str) -> None:
        self.task.setText(title)
        self.progress.setRange(0, 0)
        for w in (self.task, self.progress, self.cancel):
            w.setVisible(True)

    def job_progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        if text:
            self.progress.setFormat(f"%v/%m {text[:30]}")

    def job_finished(self) -> None:
        for w in (self.task, self.progress, self.cancel):
            w.setVisible(False)
