"""CLI commands that keep a project safe: ``check``, ``backup``, ``restore``."""

from __future__ import annotations

import argparse
from pathlib import Path

from factdesk.cli.output import CliError, info
from factdesk.core.checking import check_project, damaged_file_advice
from factdesk.storage.backup import back_up_file, list_backups, restore_backup
from factdesk.storage.database import ProjectFileError, inspect_project_file


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check a project file (exit code 0 only when all is well)")
    p.add_argument("project", type=Path)
    p.add_argument("--repair", action="store_true", help="rebuild what can be rebuilt")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("backup", help="take a backup of a project now")
    p.add_argument("project", type=Path)
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="list backups, or restore one (default: the newest)")
    p.add_argument("project", type=Path)
    p.add_argument("backup", nargs="?", type=Path, help="a backup file (see --list)")
    p.add_argument("--list", action="store_true", help="list the backups")
    p.set_defaults(handler=cmd_restore)


def cmd_check(args: argparse.Namespace) -> int:
    if not args.project.exists():
        raise CliError(f"{args.project}: no such project")
    try:
        report = check_project(args.project, repair=args.repair)
    except ProjectFileError as exc:
        if exc.kind != "corrupt":
            raise
        raise CliError(f"{exc}\n{damaged_file_advice(args.project, args.repair)}") from None
    for note in report.notes:
        info(note)
    for line in report.repaired:
        print(f"repaired: {line}")
    for line in report.problems:
        print(f"problem: {line}")
    print("ok" if report.ok else f"{len(report.problems)} problem(s)")
    if report.advice:
        info(report.advice)
    return 0 if report.ok else 1


def cmd_backup(args: argparse.Namespace) -> int:
    path = back_up_file(args.project)
    print(f"backed up to {path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    backups = list_backups(args.project)
    if args.list or (not backups and args.backup is None):
        if not backups:
            info(f"{args.project}: no backups yet")
        for b in backups:
            print(f"{b.path}\t{b.taken_at}")
        return 0
    chosen = args.backup or backups[0].path
    if not chosen.exists():
        raise CliError(f"{chosen}: no such backup")
    inspect_project_file(chosen)
    saved = restore_backup(args.project, chosen)
    print(f"restored {args.project} from {chosen}")
    if saved:
        info(f"the replaced version was saved as {saved}")
    return 0
