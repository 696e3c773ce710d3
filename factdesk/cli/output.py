"""Small helpers the CLI commands share: errors, progress on stderr, JSON lines."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from factdesk.ingest.decoding import decode_bytes
from factdesk.ingest.errors import IngestError


class CliError(Exception):
    """A failure the user can act on; its message is printed as is."""


def read_input_text(path: Path) -> str:
    """The text of an input file a command reads (pairs, queries, sentences), decoded as
    articles are; a missing, empty or binary file is a :class:`CliError` saying so."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise CliError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        return decode_bytes(data, str(path)).text
    except IngestError as exc:
        raise CliError(str(exc)) from None


def fail(message: str, code: int = 1) -> int:
    print(f"factdesk: {message}", file=sys.stderr)
    return code


def info(message: str) -> None:
    print(message, file=sys.stderr)


def json_line(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


#: Steps that report progress under their own name within a longer job: an import's
#: analysis goes on to match the new articles, counting them again from 1.
LATER_STEPS = ("matching",)


class StderrProgress:
    """Progress on stderr for long batches: a line per item when stderr is not a terminal.

    A later step of the job (a name starting with one of :data:`LATER_STEPS`) is labelled
    by that step, so "analysing 3/3" is followed by "matching 1/3", not "analysing 1/3".
    """

    def __init__(self, label: str, minimum_total: int = 2) -> None:
        self.label = label
        self.minimum_total = minimum_total
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int, name: str) -> None:
        if total < self.minimum_total:
            return
        label = self.label
        step, _, rest = name.partition(" ")
        if step in LATER_STEPS and step != label:
            label, name = step, rest
        text = f"{label} {done}/{total}" + (f" {name}" if name else "")
        if self.tty:
            sys.stderr.write("\r\033[K" + text[:100] + ("\n" if done == total else ""))
            sys.stderr.flush()
        elif done < total:
            sys.stderr.write(text + "\n")
