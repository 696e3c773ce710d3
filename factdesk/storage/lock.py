"""One writer per project: a lock file beside the project naming who has it open.

``<project>.lock`` holds the owner's user, host, process id and the time it was taken.
A lock whose process is gone (a crash, ``kill -9``) is stale and is taken over. A second
window or process is told who has the project and can open it read-only instead.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path


@dataclass(frozen=True)
class LockOwner:
    """Who holds a project's lock."""

    user: str
    host: str
    pid: int
    since: str
    holder: str = "window"  # "window" (the workstation) or "command" (a CLI command)

    def describe(self, now: datetime | None = None) -> str:
        return f"{self.user} on {self.host} (process {self.pid}, since {self.since_text(now)})"

    def since_text(self, now: datetime | None = None) -> str:
        """When it was taken, in this machine's local time: "07:50" today, else
        "2026-12-05 07:50" (the stored ISO stamp as it is when it cannot be read)."""
        try:
            taken = datetime.fromisoformat(self.since)
        except ValueError:
            return self.since
        if taken.tzinfo is None:
            taken = taken.replace(tzinfo=UTC)
        local = taken.astimezone()
        today = (now or datetime.now(UTC)).astimezone().date()
        return local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d %H:%M")

    def holding(self) -> str:
        """What holds it, for a sentence: "the FactDesk window of ..." or "a running
        'factdesk' command of ..."."""
        what = "a running 'factdesk' command" if self.holder == "command" \
            else "the FactDesk window"
        return f"{what} of {self.describe()}"


class ProjectLocked(Exception):
    """The project is open for writing elsewhere."""

    def __init__(self, path: Path, owner: LockOwner) -> None:
        super().__init__(
            f"{path} is open in another FactDesk: {owner.describe()}. "
            "Open it read-only, or close it there first."
        )
        self.path = path
        self.owner = owner


def lock_path(project: Path) -> Path:
    return project.with_name(project.name + ".lock")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_owner(project: Path) -> LockOwner | None:
    """The live owner of ``project``'s lock, or None if unlocked or stale."""
    path = lock_path(project)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        owner = LockOwner(str(data["user"]), str(data["host"]), int(data["pid"]),
                          str(data["since"]), str(data.get("holder", "window")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if owner.host == socket.gethostname() and not _alive(owner.pid):
        return None
    if owner.host == socket.gethostname() and owner.pid == os.getpid():
        return None
    return owner


def _mine(path: Path) -> bool:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return int(data.get("pid", -1)) == os.getpid() and data.get("host") == socket.gethostname()
    except (OSError, ValueError, TypeError):
        return False


class ProjectLock:
    """Holds the lock of one project while the object lives (call :meth:`release`)."""

    def __init__(self, project: Path, holder: str = "window") -> None:
        self.project = Path(project)
        self.holder = holder  # what takes it: "window" or "command" (told to the others)
        self.held = False

    def acquire(self) -> None:
        """Take the lock atomically (O_EXCL); take over a stale one; else raise."""
        try:
            user = getpass.getuser()
        except Exception:  # no login name on some systems
            user = "someone"
        data = json.dumps({"user": user, "host": socket.gethostname(), "pid": os.getpid(),
                           "since": datetime.now(UTC).replace(microsecond=0).isoformat(),
                           "holder": self.holder})
        path = lock_path(self.project)
        for _attempt in range(2):
            # The content is written to a private file first and then hard-linked into
            # place: creation is atomic and a lock file is never seen half-written.
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            tmp.write_text(data, encoding="utf-8")
            try:
                os.link(tmp, path)
            except FileExistsError:
                owner = read_owner(self.project)
                if owner is not None:
                    raise ProjectLocked(self.project, owner) from None
                if _mine(path):
                    self.held = True
                    return
                stale = path.with_name(f"{path.name}.stale.{os.getpid()}")
                try:
                    path.rename(stale)  # only one process wins the rename
                    stale.unlink()
                except OSError:
                    pass
                continue
            finally:
                tmp.unlink(missing_ok=True)
            self.held = True
            return
        owner = read_owner(self.project)
        if owner is not None:
            raise ProjectLocked(self.project, owner)

    def release(self) -> None:
        if self.held:
            path = lock_path(self.project)
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if int(data.get("pid", -1)) == os.getpid():
                    path.unlink()
            except (OSError, ValueError):
                pass
            self.held = False
