"""CLI command ``settings``: the project settings a checker sets by hand.

The checker's name (on verdicts), the organisation that publishes the checks with its
web address, the web address the report is published at (ClaimReview's author and url)
and the report's title (the PDF's cover and document title).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from factdesk.cli.output import CliError, info
from factdesk.cli.project_commands import open_existing
from factdesk.model.models import web_address

#: Settings by name, with what each is for.
EDITABLE = {
    "checker": "the checker's name, on verdicts and in reports",
    "organisation": "who publishes the checks (the ClaimReview author)",
    "organisation_url": "the organisation's web address (the ClaimReview author's url)",
    "report_url": "the web address the report is published at (the ClaimReview url)",
    "report_title": "the title of the PDF report (its cover and document title)",
}
#: Settings whose value is a web address.
ADDRESSES = ("report_url", "organisation_url")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("settings", help="show or set a project's checker, organisation, "
                                        "report address and report title")
    p.add_argument("project", type=Path)
    p.add_argument("name", nargs="?", choices=list(EDITABLE), help="the setting")
    p.add_argument("value", nargs="?", help="its new value (none: show it)")
    p.add_argument("--unset", action="store_true", help="clear the setting")
    p.set_defaults(handler=cmd_settings)


def setting_value(name: str, value: str) -> str:
    """The value to store for ``name``, checked (a report address must be a web address)."""
    value = value.strip()
    if name in ADDRESSES:
        try:
            return web_address(value)
        except ValueError as exc:
            raise CliError(f"{name}: {exc}") from None
    if not value:
        raise CliError(f"{name}: give a value, or --unset to clear it")
    return value


def cmd_settings(args: argparse.Namespace) -> int:
    if (args.value is not None or args.unset) and args.name is None:
        raise CliError("say which setting: " + ", ".join(EDITABLE))
    with open_existing(args.project, reading=args.value is None and not args.unset) as project:
        if args.unset:
            with project.transaction():
                project.settings.set(args.name, None)
            info(f"{args.name} cleared")
        elif args.value is not None:
            value = setting_value(args.name, args.value)
            with project.transaction():
                project.settings.set(args.name, value)
            info(f"{args.name} = {value}")
        for name in [args.name] if args.name else list(EDITABLE):
            value = project.settings.get(name)
            if value in (None, ""):
                value = (f"(not set: verdicts use {project.checker!r})" if name == "checker"
                         else "(not set)")
            print(f"{name}\t{value}\t{EDITABLE[name]}")
    return 0
