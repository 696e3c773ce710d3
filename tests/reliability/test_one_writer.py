"""One writer per project (issue 9, point 4).

A second process is told who holds the project (user, host, pid); a lock left by a dead
process is taken over; a read-only open works while the project is locked and cannot
write; nothing is corrupted either way (``factdesk check`` passes).
"""

from __future__ import annotations

import getpass
import json
import os
import signal
import socket
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from reliability_helpers import EDIT_SCRIPT, PYTHON, factdesk

from factdesk.core.commands import SetVerdictField
from factdesk.core.project import Project
from factdesk.storage.lock import ProjectLock, ProjectLocked, lock_path, read_owner

_HOLD_LOCK = r"""
import sys, time
from factdesk.storage.lock import ProjectLock
lock = ProjectLock(sys.argv[1])
lock.acquire()
print("locked", flush=True)
time.sleep(60)
"""

# Waits for the start file, then tries to take the lock (with time passing between looking
# for an owner and writing the lock file, as on a busy disk); holds it (if got) for 3 s.
_RACE_FOR_LOCK = r"""
import os, sys, time
from pathlib import Path
import factdesk.storage.lock as lock_module
from factdesk.storage.lock import ProjectLock, ProjectLocked

looked_up = lock_module.read_owner

def slow_read_owner(project):  # a busy disk: time passes between looking and writing
    owner = looked_up(project)
    time.sleep(0.5)
    return owner

lock_module.read_owner = slow_read_owner
start = Path(sys.argv[2])
while not start.exists():
    time.sleep(0.001)
try:
    ProjectLock(sys.argv[1]).acquire()
    print("got", flush=True)
except ProjectLocked:
    print("refused", flush=True)
time.sleep(3)
"""


def _holder(project: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([PYTHON, "-c", _HOLD_LOCK, str(project)], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "someone"


def test_second_writer_is_told_who_has_the_project(small_project: Path) -> None:
    holder = _holder(small_project)
    try:
        with pytest.raises(ProjectLocked) as caught:
            ProjectLock(small_project).acquire()
        owner = caught.value.owner
        assert owner.pid == holder.pid
        assert owner.host == socket.gethostname()
        assert owner.user == _user()
        message = str(caught.value)
        assert str(holder.pid) in message and socket.gethostname() in message
        assert _user() in message and "read-only" in message
        assert read_owner(small_project) == owner
    finally:
        holder.kill()
        holder.wait()


def test_read_only_open_while_locked_reads_and_cannot_write(small_project: Path) -> None:
    holder = _holder(small_project)
    try:
        before = small_project.read_bytes()
        with Project.open(small_project, create=False, read_only=True) as project:
            assert project.read_only
            assert project.articles.count() == 3
            claim = next(project.claims.iter_all()).id
            assert project.verdicts.get(claim) is not None
            assert project.search.search("Reuters") is not None
            with pytest.raises(sqlite3.OperationalError, match="readonly|read-only|query_only"):
                SetVerdictField(claim, "rationale", "<p>sneaky</p>").apply(project)
            with pytest.raises(sqlite3.OperationalError, match="readonly|read-only|query_only"):
                project.db.execute("DELETE FROM articles")
        assert small_project.read_bytes() == before
    finally:
        holder.kill()
        holder.wait()
    assert factdesk("check", small_project).returncode == 0
    with Project.open(small_project, create=False, read_only=True) as project:
        assert project.articles.count() == 3


def test_lock_of_a_killed_process_is_taken_over(small_project: Path) -> None:
    holder = _holder(small_project)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert lock_path(small_project).exists()  # left behind by the crash
    assert read_owner(small_project) is None  # ...and recognised as stale
    lock = ProjectLock(small_project)
    lock.acquire()
    data = json.loads(lock_path(small_project).read_text(encoding="utf-8"))
    assert data["pid"] == os.getpid()
    lock.release()
    assert not lock_path(small_project).exists()
    assert factdesk("check", small_project).returncode == 0


def test_stale_lock_with_a_dead_pid_is_taken_over(small_project: Path) -> None:
    gone = subprocess.Popen([PYTHON, "-c", "pass"])
    gone.wait()
    lock_path(small_project).write_text(json.dumps({
        "user": "ghost", "host": socket.gethostname(), "pid": gone.pid,
        "since": "2024-01-01T00:00:00+00:00"}), encoding="utf-8")
    lock = ProjectLock(small_project)
    lock.acquire()
    assert lock.held
    lock.release()


def test_garbled_lock_file_does_not_block(small_project: Path) -> None:
    lock_path(small_project).write_bytes(b"\x00\xffnot json")
    lock = ProjectLock(small_project)
    lock.acquire()
    assert lock.held
    data = json.loads(lock_path(small_project).read_text(encoding="utf-8"))
    assert data["pid"] == os.getpid()  # the garbled file was replaced by ours
    lock.release()
    assert not lock_path(small_project).exists()


def test_lock_from_another_host_is_respected(small_project: Path) -> None:
    lock_path(small_project).write_text(json.dumps({
        "user": "ana", "host": "laptop-of-ana.example", "pid": 1,
        "since": "2024-01-01T00:00:00+00:00"}), encoding="utf-8")
    with pytest.raises(ProjectLocked, match="ana on laptop-of-ana.example"):
        ProjectLock(small_project).acquire()


@pytest.mark.slow
def test_only_one_of_many_simultaneous_openers_gets_the_lock(tmp_path: Path) -> None:
    project = tmp_path / "race.factdesk"
    start = tmp_path / "start"
    procs = [subprocess.Popen([PYTHON, "-c", _RACE_FOR_LOCK, str(project), str(start)],
                              stdout=subprocess.PIPE, text=True) for _ in range(8)]
    time.sleep(1.5)  # let every process reach its start line
    start.touch()
    answers = [proc.communicate(timeout=30)[0].strip() for proc in procs]
    assert sorted(answers).count("got") == 1, answers


def test_two_unlocked_writers_never_corrupt(small_project: Path) -> None:
    """Even without the lock (scripts, the CLI), SQLite serialises two writers."""
    writers = [subprocess.Popen([PYTHON, "-c", EDIT_SCRIPT, str(small_project), "40"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for _ in range(2)]
    outputs = [w.communicate(timeout=60) for w in writers]
    for writer, (out, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err[-400:]
        assert len(out.splitlines()) == 40
    assert factdesk("check", small_project).returncode == 0
    with Project.open(small_project, create=False, read_only=True) as project:
        edits = project.db.execute(
            "SELECT count(*) FROM history WHERE entity IN ('verdict', 'evidence') "
            "AND who != '' AND new LIKE '%edit%' OR new LIKE 'https://example.org/evidence/%'"
        ).fetchone()[0]
        assert edits == 80


def test_scripts_do_not_write_behind_a_windows_back(tmp_path, seeds_dir, capsys) -> None:
    import json
    import os
    import socket

    from factdesk.cli.main import main
    from factdesk.core.commands import MarkClaim
    from factdesk.core.importing import import_paths
    from factdesk.core.project import Project
    from factdesk.storage.lock import lock_path

    path = tmp_path / "w.factdesk"
    with Project.open(path) as project:
        import_paths(project, [seeds_dir])
        MarkClaim(project.articles.ids()[0], 0, 40).apply(project)
    # a window of another (live) process holds the project
    lock_path(path).write_text(json.dumps({"user": "ada", "host": socket.gethostname(),
                                           "pid": os.getppid(), "since": "2026-12-04T10:00"}))
    assert main(["verdict", str(path), "1", "--status", "done"]) == 1
    err = capsys.readouterr().err
    assert "is open in the FactDesk window of ada" in err
    assert main(["articles", str(path)]) == 0  # reading is fine
    assert main(["settings", str(path)]) == 0
    with Project.open(path) as project:
        assert project.verdicts.get(1) is None


def test_a_writing_command_holds_the_lock_to_its_end(marked_project) -> None:
    from factdesk.cli.project_commands import open_existing
    from factdesk.storage.lock import lock_path

    with open_existing(marked_project) as project:
        assert lock_path(marked_project).exists()  # a window opening now is told so
        assert project.verdicts.get(1) is None
    assert not lock_path(marked_project).exists()
    with open_existing(marked_project, reading=True):
        assert not lock_path(marked_project).exists()  # reading takes no lock


def test_the_owner_is_described_with_a_readable_time() -> None:
    """The "Project in use" dialog said "since 2026-12-07T07:50:58+00:00"."""
    from datetime import UTC, datetime

    from factdesk.storage.lock import LockOwner

    taken = datetime(2026, 12, 7, 7, 50, 58, tzinfo=UTC)
    owner = LockOwner("ana", "desk-3", 4242, taken.isoformat())
    local = taken.astimezone()
    same_day = owner.describe(now=taken.replace(minute=59))
    assert same_day == f"ana on desk-3 (process 4242, since {local:%H:%M})"
    later = owner.describe(now=datetime(2026, 12, 9, 12, 0, tzinfo=UTC))
    assert later.endswith(f"since {local:%Y-%m-%d %H:%M})")
    assert "T07:50:58" not in same_day + later
    assert LockOwner("ana", "h", 1, "garbled").since_text() == "garbled"
