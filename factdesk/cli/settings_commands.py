"""CLI command ``settings``: show or change the project settings a checker sets by hand.

The checker's name (on verdicts), the organisation that publishes the checks with its
web address, the web address the report is published at (ClaimReview's author and url),
the report's title (the PDF's cover and document title), the claim threshold and the
rating scale: the fields of the window's Preferences ▸ Project. Keys, defaults
and checks live in :mod:`factdesk.model.settings`; a change is the same undoable
:class:`~factdesk.core.settings_command.ChangeSettings` the window pushes.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from factdesk.cli.output import CliError, info
from factdesk.cli.project_commands import open_existing
from factdesk.core.commands import CommandError
from factdesk.core.project import Project
from factdesk.core.settings_command import ChangeSettings
from factdesk.model.settings import CHECKER, SETTINGS, ProjectSettings

#: Settings by name, with what each is for.
EDITABLE = {key: spec.help for key, spec in SETTINGS.items() if spec.by_hand}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("settings", help="show or set a project's checker, organisation, "
                                        "report address and title, claim threshold and share, "
                                        "and rating scale")
    p.add_argument("project", type=Path)
    p.add_argument("name", nargs="?", choices=list(EDITABLE), help="the setting")
    p.add_argument("value", nargs="?", help="its new value (none: show it)")
    p.add_argument("--unset", action="store_true", help="clear the setting (its default)")
    p.set_defaults(handler=cmd_settings)


def _shown(project: Project, settings: ProjectSettings, name: str) -> str:
    stored = project.settings.get(name)
    if name == CHECKER and stored in (None, ""):
        return f"(not set: verdicts use {project.checker!r})"
    if stored in (None, ""):
        default = getattr(settings, name)
        if hasattr(default, "names"):  # the rating scale
            return "(not set: " + ", ".join(default.names()) + ")"
        return f"(not set: {default})" if default is not None else "(not set)"
    return stored if isinstance(stored, str) else json.dumps(stored, ensure_ascii=False)


def cmd_settings(args: argparse.Namespace) -> int:
    if (args.value is not None or args.unset) and args.name is None:
        raise CliError("say which setting: " + ", ".join(EDITABLE))
    if args.value is not None and not args.value.strip():
        raise CliError(f"{args.name}: give a value, or --unset to clear it")
    with open_existing(args.project, reading=args.value is None and not args.unset) as project:
        if args.unset or args.value is not None:
            try:
                ChangeSettings({args.name: None if args.unset else args.value}).apply(project)
            except CommandError as exc:
                raise CliError(str(exc)) from None
            value = project.settings.get(args.name)
            info(f"{args.name} cleared" if args.unset else f"{args.name} = "
                 f"{value if isinstance(value, str) else json.dumps(value)}")
        settings = project.project_settings()
        for name in [args.name] if args.name else list(EDITABLE):
            print(f"{name}\t{_shown(project, settings, name)}\t{EDITABLE[name]}")
    return 0
