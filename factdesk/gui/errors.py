"""Readable error messages and the exception hook: users see sentences, logs get tracebacks."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from factdesk.core.paths import user_data_dir

log = logging.getLogger("factdesk.gui")


def readable_error(exc: BaseException) -> str:
    """One sentence for the status bar: the message of errors meant for users."""
    text = str(exc).strip()
    if isinstance(exc, FileNotFoundError) and getattr(exc, "filename", None):
        return f"file not found: {exc.filename}"
    if isinstance(exc, PermissionError) and getattr(exc, "filename", None):
        return f"not allowed to open {exc.filename}"
    if isinstance(exc, ImportError):
        return f"a part of FactDesk is not installed ({exc.name or text})"
    if not text:
        return f"unexpected error ({type(exc).__name__}); details are in the log"
    return text[:300]


def log_file() -> str:
    return str(user_data_dir() / "factdesk-gui.log")


def setup_logging() -> None:
    root = logging.getLogger()
    if any(getattr(h, "_factdesk", False) for h in root.handlers):
        return
    try:
        handler: logging.Handler = logging.FileHandler(log_file(), encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler._factdesk = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)


def install_excepthook(show: Callable[[str], None]) -> None:
    """Log uncaught exceptions with their traceback; show the user one plain sentence."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("uncaught exception:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        try:
            show(f"Something went wrong: {readable_error(exc)} (details in {log_file()})")
        except Exception:  # the hook itself must never raise
            pass

    sys.excepthook = hook
