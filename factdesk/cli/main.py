"""The ``factdesk`` command line: argument parsing and dispatch to the command modules.

No Qt is imported here; ``factdesk`` with no command, ``open`` and ``demo`` import the
GUI package only when they run. Every failure ends with a one-line message on stderr and
a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence

from factdesk import __version__
from factdesk.cli import project_commands
from factdesk.cli.output import CliError, fail
from factdesk.storage.database import ProjectFileError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factdesk",
        description="FactDesk: a desktop fact-checking workstation.",
    )
    parser.add_argument("--version", action="version", version=f"FactDesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    project_commands.register(sub)
    for module_name in ("nlp_commands", "match_commands", "claim_commands", "verdict_commands",
                        "search_commands", "settings_commands", "article_commands",
                        "gui_commands", "maintenance_commands"):
        try:
            module = __import__(f"factdesk.cli.{module_name}", fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name != f"factdesk.cli.{module_name}":
                raise
            continue
        module.register(sub)
    parser._factdesk_commands = tuple(sub.choices)  # type: ignore[attr-defined]
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        if "gui" not in getattr(parser, "_factdesk_commands", ()):
            parser.print_help()
            return 0
        args = parser.parse_args(["gui"])
    try:
        return int(args.handler(args) or 0)
    except ProjectFileError as exc:
        return fail(str(exc))
    except CliError as exc:
        return fail(str(exc))
    except sqlite3.DatabaseError as exc:  # damage inside a file that opened fine
        where = getattr(args, "project", None)
        name = f"{where}: " if where else ""
        return fail(f"{name}the project could not be read or written (SQLite says: {exc}): "
                    "the command stopped. 'factdesk check' tells what is wrong, "
                    "'factdesk restore' brings back a backup")
    except KeyboardInterrupt:
        return fail("interrupted", code=130)
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
