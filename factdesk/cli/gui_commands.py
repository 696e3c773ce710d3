"""CLI commands that open the window: ``gui`` (the default), ``open PROJECT``, ``demo``.

Qt is imported only inside the handlers, so the rest of the CLI never loads it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from factdesk.cli.output import CliError


def _window_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--theme", choices=["light", "dark", "system"],
                   help="colour theme (default: the one chosen in Preferences)")
    p.add_argument("--screenshot", type=Path, metavar="FILE",
                   help="save a PNG of the window shortly before --quit-after (or after 2 s)")
    p.add_argument("--quit-after", type=int, metavar="MS",
                   help="close the window after MS milliseconds (smoke tests)")
    p.add_argument("--claim", type=int, default=0, metavar="ID",
                   help="select this claim when the project opens")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="open the workstation (last project or the welcome page)")
    _window_options(p)
    p.set_defaults(handler=cmd_gui)

    p = sub.add_parser("open", help="open a project in the workstation")
    p.add_argument("project", type=Path)
    _window_options(p)
    p.set_defaults(handler=cmd_open)

    p = sub.add_parser("demo", help="build (if needed) and open the demo project")
    _window_options(p)
    p.set_defaults(handler=cmd_demo)


def _run(args: argparse.Namespace, **launch: object) -> int:
    # The one door from the CLI into the GUI, imported only when a window is wanted
    # (an allowed exception in the layering contracts).
    from factdesk.gui import app
    options = app.LaunchOptions(
        theme=getattr(args, "theme", None),
        screenshot=getattr(args, "screenshot", None),
        quit_after_ms=getattr(args, "quit_after", None),
        claim_id=getattr(args, "claim", 0) or 0,
        **launch,
    )
    return int(app.run(options))


def cmd_gui(args: argparse.Namespace) -> int:
    return _run(args)


def cmd_open(args: argparse.Namespace) -> int:
    path: Path = args.project
    if not path.exists():
        raise CliError(f"{path}: no such project (create it with 'factdesk new {path}')")
    return _run(args, project=path)


def cmd_demo(args: argparse.Namespace) -> int:
    return _run(args, demo=True, last=False)
