"""Background work in a QThread: one job at a time, progress by signals, cancel by flag.

A job is a plain function ``fn(project, progress, cancelled) -> result``. The worker opens
its OWN connection to the project file (WAL lets it write while the window reads), so
the GUI thread's connection is never shared across threads. Results, progress and errors
come back to the GUI thread as queued signals; nothing here calls processEvents.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from factdesk.gui.errors import readable_error
from factdesk.model.changes import ChangeSet

if TYPE_CHECKING:
    from factdesk.core.project import Project

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
JobFunction = Callable[["Project | None", Progress, Callable[[], bool]], Any]


@dataclass
class Job:
    """What to run and what to do with the result (on the GUI thread)."""

    title: str
    fn: JobFunction
    project_path: Path | None
    on_done: Callable[[Any], None] | None = None
    writes: bool = True


class _Worker(QObject):
    """Lives in the worker thread; runs one job."""

    progress = Signal(int, int, str)
    partial = Signal(object)  # ChangeSet: results that already landed in the file
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, job: Job, cancel: threading.Event) -> None:
        super().__init__()
        self.job = job
        self.cancel = cancel
        self._last_partial = 0.0

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress.emit(done, total, text)
        now = time.monotonic()
        if done and now - self._last_partial > 0.4:
            self._last_partial = now
            self.partial.emit(ChangeSet(articles=True, claims=True))

    @Slot()
    def run(self) -> None:
        try:
            if self.job.project_path is None:
                result = self.job.fn(None, self._progress, self.cancel.is_set)
            else:
                # a job that only reads (an export) opens the file read-only: it works on
                # a project the window can only view (a read-only file or folder)
                from factdesk.core.project import Project  # lazy: off the first paint

                with Project.open(self.job.project_path, create=False,
                                  read_only=not self.job.writes) as project:
                    result = self.job.fn(project, self._progress, self.cancel.is_set)
        except Exception as exc:  # reported to the user as a message
            log.exception("background job %r failed", self.job.title)
            self.failed.emit(readable_error(exc))
            return
        self.done.emit(result)


class TaskRunner(QObject):
    """Runs queued jobs one after another in a worker thread."""

    started = Signal(str)  # title
    progress = Signal(int, int, str)
    partial = Signal(object)
    finished = Signal(str, bool, str)  # title, ok, message
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.queue: deque[Job] = deque()
        self.current: Job | None = None
        self.thread: QThread | None = None
        self.worker: _Worker | None = None
        self.cancel_flag = threading.Event()

    @property
    def busy(self) -> bool:
        return self.current is not None

    def submit(self, job: Job) -> None:
        self.queue.append(job)
        if self.current is None:
            self._next()

    def cancel(self) -> None:
        """Ask the running job to stop at its next check and drop the queued ones."""
        self.queue.clear()
        self.cancel_flag.set()

    def _next(self) -> None:
        if not self.queue:
            self.idle.emit()
            return
        job = self.current = self.queue.popleft()
        self.cancel_flag = threading.Event()
        thread = QThread()
        worker = _Worker(job, self.cancel_flag)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self.progress)
        worker.partial.connect(self.partial)
        worker.done.connect(self._on_done)
        worker.failed.connect(self._on_failed)
        self.thread, self.worker = thread, worker
        self.started.emit(job.title)
        thread.start()

    def _stop_thread(self) -> None:
        thread, worker = self.thread, self.worker
        self.thread = self.worker = None
        if thread is not None:
            thread.quit()
            thread.wait()
            thread.deleteLater()
        if worker is not None:
            worker.deleteLater()

    def _on_done(self, result: object) -> None:
        job = self.current
        self._stop_thread()
        self.current = None
        message = ""
        ok = True
        if job is not None and job.on_done is not None:
            try:
                message = job.on_done(result) or ""
            except Exception as exc:  # reported as a message
                log.exception("finishing %r failed", job.title)
                ok, message = False, readable_error(exc)
        self.finished.emit(job.title if job else "", ok, message)
        self._next()

    def _on_failed(self, message: str) -> None:
        job = self.current
        self._stop_thread()
        self.current = None
        self.finished.emit(job.title if job else "", False, message)
        self._next()

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Cancel and wait for the worker (window closing)."""
        self.cancel()
        if self.thread is not None:
            self.thread.quit()
            if not self.thread.wait(timeout_ms):
                log.warning("a background job did not stop in time")
