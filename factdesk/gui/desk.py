"""What an action may reach: the narrow interface the window offers its action handlers.

Handlers in :mod:`factdesk.gui.window_actions` receive a :class:`Desk`, never the
``MainWindow`` itself, so an action can only use the open session, its panes, the file
and dialog handlers, background work and a few layout verbs. The main window implements
the protocol; a test may pass anything that has these members.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from factdesk.gui.dialogs import Dialogs
    from factdesk.gui.file_actions import FileActions
    from factdesk.gui.session import Session
    from factdesk.gui.workspace import Workspace
    from factdesk.model.changes import ChangeSet


class Desk(Protocol):
    """The open project (if any), its panes, and the window verbs actions need."""

    @property
    def session(self) -> Session | None: ...

    @property
    def workspace(self) -> Workspace | None: ...

    @property
    def files(self) -> FileActions: ...

    @property
    def dialogs(self) -> Dialogs: ...

    def message(self, text: str, level: str = "info") -> None:
        """Say something in the status bar and the messages list."""

    def broadcast(self, changes: ChangeSet) -> None:
        """Tell every pane that ``changes`` happened (settings, a worker's results)."""

    def background_busy(self) -> bool:
        """Whether a background job is running."""

    def cancel_background(self) -> None:
        """Ask the running background job to stop."""

    def close_project(self) -> None: ...

    def quit(self) -> None: ...

    def reset_layout(self) -> None: ...

    def switch_layout(self) -> None:
        """Between the standard and the small-screen layout."""

    def toggle_across(self) -> None:
        """Bring the across-sources pane into view (again: back to the verdict)."""

    def toggle_dock(self, name: str) -> None:
        """Show or hide the dock with this object name."""

    def focus_pane(self, name: str) -> None:
        """Raise the pane's dock (or tab) and give the pane the keyboard focus."""

    def reveal_pane(self, name: str) -> None:
        """Raise the pane's dock (or tab) without moving the keyboard focus."""

    def settle_draft(self, doing: str) -> bool:
        """Before ``doing`` (e.g. "closing the project"): save or discard an unsaved
        rationale draft, as the user answers; False when the user cancels."""
