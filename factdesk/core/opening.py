"""The one rule for opening a project, shared by the window and the CLI.

A project is edited by one holder at a time: whoever edits it holds its lock file
(:mod:`factdesk.storage.lock`) until the project is closed. Everyone else gets a
read-only view, and so does anyone opening a file or folder they cannot write to.
Three ways of opening follow from that rule:

``"read"``
    Reading only (listing, exporting, searching): no lock is taken, so it works while a
    window edits the project; a file that cannot be written is opened read-only.
``"edit"``
    The window: it takes the lock when it can. A file that cannot be written opens as a
    read-only view; a project edited elsewhere opens as one only when ``view_when_locked``
    (asked with the holder) says so, and otherwise raises :class:`ProjectLocked`.
``"write"``
    A command that must write (import, rate, settings): it takes the lock or raises
    :class:`ProjectLocked`; a file that cannot be written raises
    :class:`~factdesk.storage.database.ProjectFileError` saying why.

A lock file that cannot be written beside the project (no such folder permission) does
not stop an open: the open itself then says what is wrong, or succeeds without a lock.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from factdesk.core.project import Project
from factdesk.storage.database import write_problem
from factdesk.storage.lock import ProjectLock, ProjectLocked

OpenMode = Literal["read", "edit", "write"]


def open_project(
    path: Path,
    mode: OpenMode,
    *,
    create: bool = False,
    backup: bool = False,
    view_when_locked: Callable[[ProjectLocked], bool] | None = None,
) -> Project:
    """Open ``path`` under the rule above. The project's ``view_reason`` says why it is a
    read-only view (None when it can be edited); the lock, if taken, is released when
    the project is closed. ``backup`` takes the rotating backup of a project opened for
    writing (the window does this on every open)."""
    path = Path(path)
    unwritable = write_problem(path) if path.exists() else None
    if mode == "read" or (mode == "edit" and unwritable):
        project = Project.open(path, create=create, read_only=unwritable is not None)
        project.view_reason = unwritable
        return project
    lock: ProjectLock | None = ProjectLock(path, "command" if mode == "write" else "window")
    assert lock is not None
    try:
        lock.acquire()
    except ProjectLocked as exc:
        if mode == "write" or view_when_locked is None or not view_when_locked(exc):
            raise
        project = Project.open(path, create=False, read_only=True)
        project.view_reason = "is open elsewhere"
        return project
    except OSError:
        lock = None  # no lock file can be written beside it; the open says why
    try:
        project = Project.open(path, create=create, backup=backup)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    if lock is not None:
        project.hold_until_closed(lock.release)
    return project
