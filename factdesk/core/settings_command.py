"""Changing project settings as one undoable edit, for the window and the CLI alike.

Preferences ▸ Project and ``factdesk settings`` both push :class:`ChangeSettings`: the
values are checked by :func:`factdesk.model.settings.clean_setting` (one rule for both),
written in one transaction, and undone together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from factdesk.core.commands import Command, CommandError
from factdesk.core.project import Project
from factdesk.model.changes import ChangeSet
from factdesk.model.settings import clean_setting


@dataclass
class ChangeSettings(Command):
    """Set project settings (key -> value; None clears one)."""

    values: dict[str, Any]
    old: dict[str, Any] = field(default_factory=dict)
    written: dict[str, Any] = field(default_factory=dict)

    title = "change project settings"

    @property
    def changed(self) -> bool:
        return bool(self.written)

    def _apply(self, project: Project) -> ChangeSet:
        try:
            clean = {key: clean_setting(key, value) for key, value in self.values.items()}
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        self.old = {key: project.settings.get(key) for key in clean}
        self.written = {key: value for key, value in clean.items() if self.old[key] != value}
        for key, value in self.written.items():
            project.settings.set(key, value)
        return ChangeSet(settings=True) if self.written else ChangeSet()

    def _revert(self, project: Project) -> ChangeSet:
        for key in self.written:
            project.settings.set(key, self.old[key])
        return ChangeSet(settings=True) if self.written else ChangeSet()
