"""The action registry: every user action declared once, as data.

An :class:`ActionSpec` says what an action is called, its default key, where it sits in
the menus and when it is enabled; its handler and condition take the window's narrow
:class:`~factdesk.gui.desk.Desk` (the tables live in :mod:`factdesk.gui.window_actions`).
:class:`ActionRegistry` turns the specs into QActions
on the main window (so shortcuts work wherever focus is, except inside text fields; see
:mod:`factdesk.gui.key_guard`), builds the menu bar, and feeds the command palette, the
shortcut sheet and the shortcut editor. User rebindings persist in QSettings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from factdesk.gui.settings import user_settings

if TYPE_CHECKING:
    from factdesk.gui.desk import Desk

MENU_ORDER = ("File", "Edit", "View", "Go", "Claim", "Verdict", "Help")


@dataclass(frozen=True)
class ActionSpec:
    """One action: identity, words, default key, place in the menus, behaviour."""

    id: str
    title: str
    run: Callable[[Desk], None]
    shortcut: str = ""  # portable text, e.g. "Ctrl+K", "j", "Shift+J"
    menu: str = ""  # "Edit" or "Verdict/Rating"; empty: palette only
    when: Callable[[Desk], bool] | None = None  # enabled when this holds; None: always
    help: str = ""
    role: QAction.MenuRole = QAction.MenuRole.NoRole


@dataclass(frozen=True)
class ContextKey:
    """A key that only works inside one widget (documented in the sheet, not rebindable)."""

    keys: str
    where: str
    does: str


CONTEXT_KEYS: tuple[ContextKey, ...] = (
    ContextKey("Ctrl+Enter", "rationale editor", "commit the rationale as one undoable edit"),
    ContextKey("Esc", "rationale editor", "leave without committing (restores the text)"),
    ContextKey("Enter", "palette / search", "run the action or open the hit"),
    ContextKey("Esc", "palette / search", "close"),
    ContextKey("Shift+arrows", "article text", "select text (then m marks it as a claim)"),
)


def settings_key(action_id: str) -> str:
    return f"shortcuts/{action_id}"


class ActionRegistry(QObject):
    """Holds the specs, their QActions, and the user's key bindings."""

    shortcuts_changed = Signal()

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.specs: dict[str, ActionSpec] = {}
        self.actions: dict[str, QAction] = {}

    # declaring -----------------------------------------------------------------------------

    def add(self, specs: Iterable[ActionSpec]) -> None:
        for spec in specs:
            if spec.id in self.specs:
                raise ValueError(f"action {spec.id!r} is declared twice")
            self.specs[spec.id] = spec

    def install(self, window: QWidget) -> None:
        """Create one QAction per spec on ``window`` with the user's bindings."""
        settings = user_settings()
        for spec in self.specs.values():
            action = QAction(spec.title, window)
            action.setObjectName(spec.id)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setMenuRole(spec.role)
            if spec.help:
                action.setStatusTip(spec.help)
            bound = settings.value(settings_key(spec.id), None)
            keys = spec.shortcut if bound is None else str(bound)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _=False, s=spec: self._run(s))
            window.addAction(action)
            self.actions[spec.id] = action
        self.refresh_enabled()

    def build_menus(self, window: QMainWindow) -> dict[str, QMenu]:
        """The menu bar, generated from the specs' menu paths, in declaration order."""
        menus: dict[str, QMenu] = {}
        bar = window.menuBar()
        tops = sorted({s.menu.split("/")[0] for s in self.specs.values() if s.menu},
                      key=lambda m: MENU_ORDER.index(m) if m in MENU_ORDER else 99)
        for top in tops:
            menus[top] = bar.addMenu(f"&{top}")
        last_group: dict[str, str] = {}
        for spec in self.specs.values():
            if not spec.menu:
                continue
            parts = spec.menu.split("/")
            path = parts[0]
            menu = menus[path]
            for part in parts[1:]:
                path = f"{path}/{part}"
                if path not in menus:
                    menus[path] = menu.addMenu(part)
                menu = menus[path]
            group = spec.id.split(".")[0]
            if spec.menu in last_group and last_group[spec.menu] != group:
                menu.addSeparator()
            last_group[spec.menu] = group
            menu.addAction(self.actions[spec.id])
        return menus

    # running -------------------------------------------------------------------------------

    def _run(self, spec: ActionSpec) -> None:
        if spec.when is not None and not spec.when(self.desk):
            return
        spec.run(self.desk)
        self.refresh_enabled()

    def trigger(self, action_id: str) -> None:
        self._run(self.specs[action_id])

    def is_enabled(self, action_id: str) -> bool:
        spec = self.specs[action_id]
        return spec.when is None or bool(spec.when(self.desk))

    def refresh_enabled(self) -> None:
        for action_id, action in self.actions.items():
            action.setEnabled(self.is_enabled(action_id))

    def set_title(self, action_id: str, title: str) -> None:
        self.actions[action_id].setText(title)

    def title(self, action_id: str) -> str:
        action = self.actions.get(action_id)
        return action.text() if action else self.specs[action_id].title

    # key bindings --------------------------------------------------------------------------

    def shortcut(self, action_id: str) -> QKeySequence:
        action = self.actions.get(action_id)
        if action is not None:
            return action.shortcut()
        return QKeySequence(self.specs[action_id].shortcut)

    def shortcut_text(self, action_id: str) -> str:
        """The key as people read it: single letters in lower case ("j", "Shift+J")."""
        text = self.shortcut(action_id).toString(QKeySequence.SequenceFormat.NativeText)
        return text.lower() if len(text) == 1 and text.isalpha() else text

    def set_shortcut(self, action_id: str, keys: str) -> None:
        """Rebind one action (empty: no key) and remember it."""
        self.actions[action_id].setShortcut(QKeySequence(keys))
        settings = user_settings()
        if keys == self.specs[action_id].shortcut:
            settings.remove(settings_key(action_id))
        else:
            settings.setValue(settings_key(action_id), keys)
        settings.sync()
        self.shortcuts_changed.emit()

    def reset_shortcuts(self) -> None:
        settings = user_settings()
        settings.remove("shortcuts")
        settings.sync()
        for action_id, spec in self.specs.items():
            self.actions[action_id].setShortcut(QKeySequence(spec.shortcut))
        self.shortcuts_changed.emit()

    def clashes(self) -> dict[str, list[str]]:
        """Key sequences bound to more than one action (should be empty)."""
        by_key: dict[str, list[str]] = {}
        for action_id in self.specs:
            keys = self.shortcut(action_id).toString(QKeySequence.SequenceFormat.PortableText)
            if keys:
                by_key.setdefault(keys, []).append(action_id)
        return {k: v for k, v in by_key.items() if len(v) > 1}

    def owner_of(self, keys: str, *, besides: str = "") -> str | None:
        wanted = QKeySequence(keys).toString(QKeySequence.SequenceFormat.PortableText)
        for action_id in self.specs:
            if action_id == besides:
                continue
            if self.shortcut(action_id).toString(
                    QKeySequence.SequenceFormat.PortableText) == wanted and wanted:
                return action_id
        return None
