"""Quick pickers: the command palette (Ctrl+K) and the search panel (/).

Both are a line edit over a list: type to filter, Up/Down to move, Enter to run, Esc to
close. The palette lists every enabled action of the registry, ranked by rapidfuzz; the
search panel runs ``search(query)`` (FTS5 over articles, claims and rationales).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)
from rapidfuzz import fuzz

from factdesk.gui.actions import ActionRegistry


class QuickPicker(QDialog):
    """A small frameless list chooser placed at the top of its parent window."""

    def __init__(self, parent: QWidget, placeholder: str) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        self.setModal(True)
        self.edit = QLineEdit(placeholderText=placeholder)
        self.edit.setObjectName("pickerEdit")
        self.list = QListWidget()
        self.list.setObjectName("pickerList")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hint = QLabel(objectName="paneHint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        self.edit.installEventFilter(self)
        self.edit.textChanged.connect(self.on_text)
        self.list.itemActivated.connect(lambda _item: self.run_current())
        self.resize(min(680, max(420, parent.width() // 2)), 420)

    def open_at_top(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            top_left = parent.mapToGlobal(parent.rect().topLeft())
            self.move(top_left.x() + (parent.width() - self.width()) // 2, top_left.y() + 60)
        self.edit.clear()
        self.on_text("")
        self.show()
        self.raise_()
        self.activateWindow()
        self.edit.setFocus()

    def set_items(self, rows: list[tuple[str, str, Any]]) -> None:
        self.list.clear()
        for label, detail, payload in rows:
            item = QListWidgetItem(f"{label}    {detail}" if detail else label)
            item.setData(Qt.ItemDataRole.UserRole, payload)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 8,
                        Qt.Key.Key_PageUp: -8}[key]
                row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
                self.list.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.run_current()
                return True
        return super().eventFilter(watched, event)

    def run_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        payload = item.data(Qt.ItemDataRole.UserRole)
        self.accept()
        self.chosen(payload)

    def on_text(self, text: str) -> None:
        """Refill the list for ``text``; the palette and search dialogs each do their own."""

    def chosen(self, payload: Any) -> None:
        """Act on the chosen entry; the palette and search dialogs each do their own."""


def palette_score(query: str, title: str) -> float:
    """Fuzzy rank of a title: substring and word-start hits first, typos forgiven."""
    q, t = query.casefold().strip(), title.casefold()
    score = 0.6 * fuzz.partial_ratio(q, t) + 0.4 * fuzz.WRatio(q, t)
    if q in t:
        score += 25
    if any(word.startswith(q) for word in t.split()):
        score += 10
    return score


class CommandPalette(QuickPicker):
    """Every action by name (fuzzy), with its key."""

    def __init__(self, parent: QWidget, registry: ActionRegistry) -> None:
        super().__init__(parent, "Type a command…")
        self.setObjectName("commandPalette")
        self.registry = registry
        self.hint.setText("Enter runs · Esc closes · every action of the menus is here")

    def entries(self) -> list[tuple[str, str, str]]:
        return [(self.registry.title(i).replace("&", ""), self.registry.shortcut_text(i), i)
                for i in self.registry.specs if self.registry.is_enabled(i)]

    def on_text(self, text: str) -> None:
        entries = self.entries()
        if not text.strip():
            self.set_items(entries)
            return
        # equal scores keep the menus' order ("Rate: True 1" before "Rate: False 5"):
        # sorted in reverse, "rating" listed the ratings from the last one up
        ranked = sorted((-palette_score(text, e[0]), i) for i, e in enumerate(entries))
        self.set_items([entries[i] for score, i in ranked[:25] if -score >= 50])

    def chosen(self, payload: Any) -> None:
        QTimer.singleShot(0, lambda: self.registry.trigger(str(payload)))


class SearchPanel(QuickPicker):
    """Full-text search over articles, claims and rationales."""

    def __init__(self, parent: QWidget, search: Callable[[str], list[dict[str, Any]]],
                 open_hit: Callable[[dict[str, Any]], None]) -> None:
        super().__init__(parent, "Search articles, claims, rationales…")
        self.setObjectName("searchPanel")
        self.search = search
        self.open_hit = open_hit
        self.timer = QTimer(self, singleShot=True, interval=120)
        self.timer.timeout.connect(self._run)
        self.hint.setText("Enter opens · Esc closes")
        self.hint.setWordWrap(True)
        # a hit's snippet wraps onto more lines instead of running off the panel's edge
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def on_text(self, text: str) -> None:
        self.timer.start()

    def _run(self) -> None:
        from factdesk.gui.search_backend import no_hits_reason, query_problem  # lazy: storage

        query = self.edit.text().strip()
        problem = query_problem(query)
        if problem:
            self.set_items([])
            self.hint.setText(f"{problem} · Esc closes" if query
                              else "Enter opens · Esc closes")
            return
        try:
            hits = self.search(query)
        except Exception as exc:  # a bad query is a message, not a crash
            self.set_items([])
            self.hint.setText(f"search failed: {exc}")
            return
        self.set_items([(f"[{h['kind']}] {h.get('outlet', '')} · {h.get('date', '')} — "
                         f"{' '.join(str(h['snippet']).split())}", "", h) for h in hits])
        count = f"{len(hits)} hit" + ("" if len(hits) == 1 else "s")
        self.hint.setText(f"{count} · Enter opens · Esc closes" if hits
                          else no_hits_reason(query))

    def chosen(self, payload: Any) -> None:
        self.open_hit(dict(payload))
