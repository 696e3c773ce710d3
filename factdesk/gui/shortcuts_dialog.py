"""The shortcut sheet (?) and the shortcut editor, both generated from the action registry."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from factdesk.gui.actions import CONTEXT_KEYS, ActionRegistry


def sheet_html(registry: ActionRegistry) -> str:
    """The shortcut sheet as HTML: actions grouped by menu, then the in-widget keys."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for action_id, spec in registry.specs.items():
        keys = registry.shortcut_text(action_id)
        group = (spec.menu or "Other").split("/")[0]
        groups.setdefault(group, []).append(
            (keys or "—", registry.title(action_id).replace("&", "")))
    parts = []
    for group, rows in groups.items():
        cells = "".join(f"<tr><td width='130'><code>{html.escape(k)}</code></td>"
                        f"<td>{html.escape(t)}</td></tr>" for k, t in rows)
        parts.append(f"<h3>{html.escape(group)}</h3><table cellspacing='3'>{cells}</table>")
    rows = "".join(f"<tr><td width='130'><code>{html.escape(c.keys)}</code></td>"
                   f"<td>{html.escape(c.does)} <i>({html.escape(c.where)})</i></td></tr>"
                   for c in CONTEXT_KEYS)
    parts.append(f"<h3>Inside a field</h3><table cellspacing='3'>{rows}</table>")
    parts.append("<p><i>Single-letter keys do nothing while you type in a text field. "
                 "Rebind any action in Help ▸ Keyboard shortcuts editor.</i></p>")
    return "".join(parts)


class ShortcutSheet(QDialog):
    """Read-only list of every key, generated from the registry."""

    def __init__(self, parent: QWidget, registry: ActionRegistry) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutSheet")
        self.setWindowTitle("Keyboard shortcuts")
        browser = QTextBrowser()
        browser.setHtml(sheet_html(registry))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        self.resize(620, 640)


class ShortcutEditor(QDialog):
    """Rebind actions; clashes are refused with a message; bindings persist."""

    def __init__(self, parent: QWidget, registry: ActionRegistry) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutEditor")
        self.setWindowTitle("Keyboard shortcuts editor")
        self.registry = registry
        self.filter = QLineEdit(placeholderText="Filter actions…")
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Action", "Key", "Default"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.keys = QKeySequenceEdit()
        self.keys.setMaximumSequenceLength(1)
        assign = QPushButton("&Assign")
        clear = QPushButton("&Clear")
        default = QPushButton("&Default")
        reset = QPushButton("Reset &all")
        self.message = QLabel(objectName="paneHint")
        row = QHBoxLayout()
        row.addWidget(QLabel("New key:"))
        row.addWidget(self.keys, 1)
        for b in (assign, clear, default, reset):
            row.addWidget(b)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        assign.clicked.connect(lambda: self.assign(self.keys.keySequence().toString()))
        clear.clicked.connect(lambda: self.assign(""))
        default.clicked.connect(self.to_default)
        reset.clicked.connect(self.reset_all)
        self.filter.textChanged.connect(self.fill)
        self.resize(640, 600)
        self.fill()

    def fill(self) -> None:
        needle = self.filter.text().casefold()
        ids = [i for i in self.registry.specs
               if needle in self.registry.title(i).casefold() or needle in i]
        self.table.setRowCount(len(ids))
        for r, action_id in enumerate(ids):
            title = QTableWidgetItem(self.registry.title(action_id).replace("&", ""))
            title.setData(Qt.ItemDataRole.UserRole, action_id)
            self.table.setItem(r, 0, title)
            self.table.setItem(r, 1, QTableWidgetItem(self.registry.shortcut_text(action_id)))
            default = QKeySequence(self.registry.specs[action_id].shortcut)
            self.table.setItem(r, 2, QTableWidgetItem(
                default.toString(QKeySequence.SequenceFormat.NativeText)))

    def selected_id(self) -> str | None:
        item = self.table.item(self.table.currentRow(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def assign(self, keys: str) -> bool:
        action_id = self.selected_id()
        if action_id is None:
            self.message.setText("Select an action first.")
            return False
        owner = self.registry.owner_of(keys, besides=action_id) if keys else None
        if owner:
            self.message.setText(f"{keys} already runs “{self.registry.title(owner)}”; "
                                 "clear that first.")
            return False
        self.registry.set_shortcut(action_id, keys)
        self.message.setText(f"“{self.registry.title(action_id)}” is now {keys or 'unbound'}.")
        row = self.table.currentRow()
        self.fill()
        self.table.selectRow(row)
        return True

    def to_default(self) -> None:
        action_id = self.selected_id()
        if action_id:
            self.assign(self.registry.specs[action_id].shortcut)

    def reset_all(self) -> None:
        self.registry.reset_shortcuts()
        self.message.setText("Every key is back to its default.")
        self.fill()
