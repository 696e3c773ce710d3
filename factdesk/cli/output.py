"""Small helpers the CLI commands share: errors, progress on stderr, JSON lines."""

from __future__ import annotations

import json
import sys
from typing import Any


class CliError(Exception):
    """A failure the user can act on; its message is printed as is."""


def fail(message: str, code: int = 1) -> int:
    print(f"factdesk: {message}", file=sys.stderr)
    return code


def info(message: str) -> None:
    print(message, file=sys.stderr)


def json_line(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


class StderrProgress:
    """Progress on stderr for long batches: a line per item when stderr is not a terminal."""

    def __init__(self, label: str, minimum_total: int = 2) -> None:
        self.label = label
        self.minimum_total = minimum_total
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int, name: str) -> None:
        if total < self.minimum_total:
            return
        text = f"{self.label} {done}/{total}" + (f" {name}" if name else "")
        if self.tty:
            sys.stderr.write("\r\033[K" + text[:100] + ("\n" if done == total else ""))
            sys.stderr.flush()
        elif done < total:
            sys.stderr.write(text + "\n")
