"""CLI commands on a project's articles: ``new``, ``import``, ``articles``, ``export``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from factdesk.cli.output import CliError, StderrProgress, info
from factdesk.core.importing import ImportReport, import_paths, import_text
from factdesk.core.opening import open_project
from factdesk.core.project import Project
from factdesk.model.match_changes import changed_decisions
from factdesk.model.models import STATUSES
from factdesk.model.text import counted
from factdesk.report.project_json import project_json_text, write_project_json
from factdesk.storage.lock import ProjectLocked


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="create an empty project file")
    p.add_argument("project", type=Path)
    p.set_defaults(handler=cmd_new)

    p = sub.add_parser("import", help="import article files or folders into a project")
    p.add_argument("project", type=Path)
    p.add_argument("paths", nargs="+", type=Path,
                   help="files or folders; '-' reads one article's text from stdin")
    p.add_argument("--title", default="", help="stdin text: its headline")
    p.add_argument("--outlet", default="", help="stdin text: its outlet")
    p.add_argument("--date", default="", help="stdin text: its publication date")
    p.add_argument("--no-extract", action="store_true", help="do not detect claims now")
    p.add_argument("--no-match", action="store_true", help="do not match across sources now")
    p.add_argument("--model", help="spaCy pipeline to use (default: en_core_web_sm)")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("articles", help="list the articles of a project, one per line")
    p.add_argument("project", type=Path)
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(handler=cmd_articles)

    p = sub.add_parser("export", help="export the project or a verdict report")
    p.add_argument("project", type=Path)
    p.add_argument("--format", choices=["json", "pdf", "claimreview", "csv", "markdown"],
                   help="default: from the output file's extension (.pdf, .csv, .md, "
                        ".jsonld for ClaimReview), else json")
    p.add_argument("-o", "--output", type=Path, help="output file (default: stdout)")
    p.add_argument("--all", action="store_true",
                   help="reports: every claim: unjudged ones, unfinished ones (marked DRAFT) "
                        "and unpublished ratings")
    p.add_argument("--status", action="append", choices=list(STATUSES),
                   type=lambda s: " ".join(s.lower().split()),
                   help="reports: claims with this status (default: done only); "
                        "unfinished ones are marked DRAFT")
    p.add_argument("--rating", action="append", help="reports: only claims with this rating")
    p.add_argument("--article", action="append", type=int, help="reports: only this article")
    p.add_argument("--include-suggested", action="store_true",
                   help="reports: show other outlets' undecided match suggestions too, "
                        "marked as not reviewed (never in ClaimReview)")
    p.add_argument("--page-size", choices=["A4", "Letter"], default="A4")
    p.add_argument("--encoding", choices=["utf-8-sig", "utf-8"], default="utf-8-sig",
                   help="CSV file: utf-8-sig (with a byte-order mark, for spreadsheets; "
                        "the default) or utf-8 (none, for scripts)")
    p.set_defaults(handler=cmd_export)


def open_existing(path: Path, *, read_only: bool = False, reading: bool = False) -> Project:
    """The existing project at ``path``, opened by the rule the window follows too
    (:mod:`factdesk.core.opening`). A command that only reads (``reading``) opens a
    project it cannot save to (read-only file or folder) read-only, instead of failing;
    one that writes is refused while a window has the project open (the window would
    neither see the change nor keep from undoing over it)."""
    if not path.exists():
        raise CliError(f"{path}: no such project (create it with 'factdesk new {path}')")
    if path.is_file() and path.stat().st_size == 0:  # would silently become a project
        raise CliError(f"{path}: is an empty file, not a FactDesk project (make it one "
                       f"with 'factdesk new {path}')")
    if read_only:
        return Project.open(path, create=False, read_only=True)
    try:
        project = open_project(path, "read" if reading else "write")
    except ProjectLocked as exc:
        if exc.owner.holder == "command":
            raise CliError(f"{path} is being changed by {exc.owner.holding()}: try again "
                           "when it has finished") from None
        raise CliError(f"{path} is open in {exc.owner.holding()}: "
                       "make the change there, or close the project there first") from None
    if project.upgrade_note:
        info(project.upgrade_note)
    return project


def check_articles(project: Project, article_ids: list[int] | None) -> None:
    """Refuse ``--article`` ids the project does not have (a typo would otherwise list,
    analyse or export nothing without a word)."""
    if not article_ids:
        return
    known = set(project.articles.ids())
    missing = [str(aid) for aid in article_ids if aid not in known]
    if missing:
        raise CliError(f"there is no article {', '.join(missing)} in {project.path.name} "
                       "('factdesk articles' lists them)")


def tell_changed_decisions(project: Project, path: Path, limit: int = 5) -> int:
    """After claims were analysed again: say which decided matches now differ from what
    the checker decided on (:mod:`factdesk.model.match_changes`). Returns how many."""
    changed = changed_decisions(project.matches.decided())
    if not changed:
        return 0
    info(f"{counted(len(changed), 'decided match', 'decided matches')} changed since the checker decided "
         f"{'it' if len(changed) == 1 else 'them'} ('factdesk matches {path} CLAIM' shows "
         "each; deciding again takes what it shows now):")
    for match, change in changed[:limit]:
        info(f"  match {match.id} (claims {match.claim_a} and {match.claim_b}): {change.note}")
    if len(changed) > limit:
        info(f"  ... and {len(changed) - limit} more")
    return len(changed)


def cmd_new(args: argparse.Namespace) -> int:
    path: Path = args.project
    if path.exists() and path.stat().st_size > 0:
        raise CliError(f"{path}: already exists; FactDesk will not overwrite it")
    with Project.open(path, create=True):
        pass
    print(f"created {path}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    with open_existing(args.project) as project:
        files = [path for path in args.paths if str(path) != "-"]
        report = import_paths(project, files, progress=StderrProgress("importing")) \
            if files else ImportReport()
        if len(files) < len(args.paths):
            pasted = import_text(project, sys.stdin.read(), title=args.title,
                                 outlet=args.outlet, published=args.date)
            report.added += pasted.added
            report.duplicates += pasted.duplicates
            report.failed += pasted.failed
        for line in report.lines():
            info(line)
        new_ids = [aid for _, aid in report.added]
        not_analysed = 0
        if new_ids and not args.no_extract:
            # loaded when used: extraction and matching add ~0.3 s to every CLI start
            from factdesk.core.analysis import analyse_articles

            analysis = analyse_articles(
                project, new_ids, model=args.model, match=not args.no_match,
                progress=StderrProgress("analysing"),
            )
            for failure in analysis.failed + analysis.match_failures:
                info(failure.line())
            tell_changed_decisions(project, args.project)
            not_analysed = len(analysis.failed)
            if analysis.failed:
                retry = ": 'factdesk extract' tries them again" if any(
                    f.retried for f in analysis.failed) else ""
                info(f"{len(analysis.failed)} article(s) kept but not analysed{retry}")
        added, dup, bad = len(report.added), len(report.duplicates), len(report.failed)
        info(f"{added} imported, {dup} already there, {bad} refused")
        if dup and not added and not bad:
            info("nothing new: the articles are already in the project")
    return 0 if report.ok and not not_analysed else 2


def cmd_articles(args: argparse.Namespace) -> int:
    with open_existing(args.project, reading=True) as project:
        for s in project.articles.summaries(project.triage()):
            if args.json:
                fields = {k: v for k, v in s.__dict__.items() if k != "cut"}
                print(json.dumps({**fields, "candidates": s.candidates}, ensure_ascii=False))
            else:
                date = s.published or "----------"
                outlet = s.outlet or "?"
                state = "" if s.analysed else (
                    f", not analysed ({s.analysis_error})" if s.analysis_error
                    else ", not analysed")
                print(f"{s.id}\t{date}\t{outlet}\t{s.title}\t{counted(s.shown, 'claim')} "
                      f"(+{counted(s.candidates, 'candidate')}), "
                      f"{counted(s.verdicts, 'verdict')}{state}")
    return 0


FORMAT_BY_SUFFIX = {".pdf": "pdf", ".csv": "csv", ".md": "markdown",
                    ".markdown": "markdown", ".jsonld": "claimreview", ".json": "json"}


def export_format(args: argparse.Namespace) -> str:
    """The format asked for, else the one the output file's extension names, else json
    (so that ``-o report.pdf`` never writes JSON into a file named .pdf)."""
    if args.format:
        return args.format
    if args.output is not None:
        return FORMAT_BY_SUFFIX.get(args.output.suffix.lower(), "json")
    return "json"


def cmd_export(args: argparse.Namespace) -> int:
    args.format = export_format(args)
    with open_existing(args.project, reading=True) as project:
        args.rating = _scale_names(project, args.rating)
        check_articles(project, args.article)
        if args.format == "json":
            if args.output is None:
                sys.stdout.write(project_json_text(project))
                return 0
            write_project_json(project, args.output)
            info(f"wrote {args.output}")
            return 0
        # loaded when used: the report renderers add ~0.15 s to every CLI start
        from factdesk.report.exporting import export_report

        if args.format == "pdf" and args.output is None:
            raise CliError("a PDF needs an output file: -o FILE.pdf")
        notes: list[str] = []
        result = export_report(project, args.format, args.output, args, notes)
        if args.output is None and isinstance(result, str):
            sys.stdout.write(result)
        elif args.output is not None:
            info(f"wrote {args.output}")
        for note in notes:
            info(f"note: {note}")
    return 0


def _scale_names(project: Project, ratings: list[str] | None) -> list[str] | None:
    """The ``--rating`` names as the project's scale spells them; an unknown one is an
    error (a typo would otherwise export an empty report without a word)."""
    if not ratings:
        return ratings
    scale = project.rating_scale()
    names = []
    for name in ratings:
        rating = scale.by_name(name)
        if rating is None:
            raise CliError(f"unknown rating {name!r}; the scale has: {', '.join(scale.names())}")
        names.append(rating.name)
    return names

