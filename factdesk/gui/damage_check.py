"""A damaged project file is said when it is opened, not when an edit fails.

SQLite finds a damaged page only when it reads it, so a project whose damage lies in
pages the first screen does not need opened as if nothing were wrong ("saved"). Right
after a project opens, :class:`DamageCheck` runs SQLite's quick check on a connection of
its own in a background thread (the window does not wait) and, when it finds damage,
says so in a dialog that does not block, with what to do (restore the newest backup).
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget


class DamageCheck(QObject):
    """Checks each opened project once; reports damage to the window that opened it."""

    found = Signal(str, str)  # (project path, warning), emitted from the checking thread

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.current: Path | None = None
        self.thread: threading.Thread | None = None
        self.found.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def start(self, path: Path) -> None:
        self.current = Path(path)
        self.thread = threading.Thread(target=self._run, args=(self.current,),
                                       name="factdesk-damage-check", daemon=True)
        self.thread.start()

    def forget(self) -> None:
        """The project was closed: a result still on its way is not shown."""
        self.current = None

    def _run(self, path: Path) -> None:
        from factdesk.core.checking import damage_warning  # lazy: off the first paint

        try:
            warning = damage_warning(path)
        except Exception as exc:  # a check that cannot run says so, never raises here
            warning = f"{path.name} could not be checked for damage: {exc}"
        if warning:
            try:
                self.found.emit(str(path), warning)
            except RuntimeError:  # the window is gone
                pass

    def _show(self, path: str, warning: str) -> None:
        if self.current is None or Path(path) != self.current:
            return  # another project is open now
        message = getattr(self.window, "message", None)
        if message is not None:
            message(warning, "error")
        show_damage_box(self.window, warning)


def show_damage_box(window: QWidget, text: str) -> QMessageBox:
    """The warning about a damaged project, opened (not run: the window goes on)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Damaged project file", text,
                      QMessageBox.StandardButton.Ok, window)
    box.setObjectName("damaged-project")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
