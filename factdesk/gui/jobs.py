"""The background jobs the window runs: import, paste, analysis, export, the demo build.

Each is a plain function taking ``(project, progress, cancelled)`` (see
:mod:`factdesk.gui.workers`) and calling the same core services as the CLI.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factdesk.core.project import Project

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


@dataclass
class JobOutcome:
    """What a job did, as lines for the notification list."""

    lines: list[str] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)
    claim_ids: list[int] = field(default_factory=list)
    cancelled: bool = False
    value: Any = None
    refused: list[tuple[str, str]] = field(default_factory=list)  # file name, reason


def matching_available() -> bool:
    try:
        import factdesk.core.matching_service  # noqa: F401
    except ImportError:
        return False
    return True


def analyse(project: Project, article_ids: Sequence[int], progress: Progress,
            cancelled: Cancelled) -> JobOutcome:
    """Extract claims (and match them when the matching service exists)."""
    outcome = JobOutcome(article_ids=list(article_ids))
    if not article_ids:
        return outcome
    match = matching_available()
    from factdesk.core.analysis import analyse_articles  # lazy: off the first paint
    from factdesk.model.match_changes import changed_decisions

    report = analyse_articles(project, list(article_ids), match=match, progress=progress,
                              cancelled=cancelled)
    outcome.cancelled = report.cancelled
    # the failures first: the last line is the run's summary (the status bar's, the
    # refused-files dialog's); each failure is a message of its own
    outcome.lines += [f.line() for f in report.failed + report.match_failures]
    claims = f"{report.claims} claim{'' if report.claims == 1 else 's'}"
    articles = f"{report.articles} article{'' if report.articles == 1 else 's'}"
    # decided matches the analysis changed: their cards say how (model/match_changes)
    changed = len(changed_decisions(project.matches.decided())) if match else 0
    outcome.lines.append(f"found {claims} in {articles}"
                         + (f", {report.matches} matches" if match else
                            " (matching is not available yet)")
                         + (f"; {changed} decided match{'' if changed == 1 else 'es'} "
                            "changed since decided (⚠ on the card)" if changed else ""))
    return outcome


def import_files(paths: Sequence[Path], extract: bool = True):  # job fn
    def job(project: Project | None, progress: Progress, cancelled: Cancelled) -> JobOutcome:
        assert project is not None
        from factdesk.core.importing import import_paths  # lazy: off the first paint

        report = import_paths(project, paths, progress=progress, cancelled=cancelled)
        added, there = len(report.added), len(report.duplicates)
        summary = (f"{added} article{'' if added == 1 else 's'} imported"
                   + (f", {there} already there" if there else ""))
        # the summary last: the status bar shows it (the analysis, when it runs, adds its own)
        outcome = JobOutcome(lines=[*report.lines(), summary], cancelled=report.cancelled)
        outcome.article_ids = [aid for _, aid in report.added]
        outcome.refused = [(name, message.removeprefix(f"{name}: "))
                           for name, message in report.failed]
        if extract and outcome.article_ids and not cancelled():
            more = analyse(project, outcome.article_ids, progress, cancelled)
            outcome.lines += more.lines
            outcome.cancelled |= more.cancelled
        return outcome
    return job


def import_pasted(text: str, title: str, outlet: str, published: str = "",
                  extract: bool = True):
    def job(project: Project | None, progress: Progress, cancelled: Cancelled) -> JobOutcome:
        assert project is not None
        from factdesk.core.importing import import_text  # lazy: off the first paint

        report = import_text(project, text, title=title, outlet=outlet, published=published)
        outcome = JobOutcome(lines=report.lines(), article_ids=[a for _, a in report.added])
        if extract and outcome.article_ids:
            more = analyse(project, outcome.article_ids, progress, cancelled)
            outcome.lines += more.lines
        return outcome
    return job


def analyse_claims(claim_ids: Sequence[int]):  # job fn
    """Analyse claims marked or moved by hand, then match their articles again."""
    def job(project: Project | None, progress: Progress, cancelled: Cancelled) -> JobOutcome:
        assert project is not None
        progress(0, 0, "reading the claim")
        # lazy: off the first paint
        from factdesk.core.claim_analysis import analyse_claims as analyse_marked

        report = analyse_marked(project, list(claim_ids), match=matching_available(),
                                cancelled=cancelled)
        found = sum(len(project.matches.for_claim(cid)) for cid in claim_ids)
        line = (f"claim read: {found} suggestion(s) from other sources" if report.claims
                else "no claim to read (it was removed)")
        return JobOutcome(lines=[line], claim_ids=list(claim_ids),
                          cancelled=bool(cancelled()))
    return job


def reanalyse(article_ids: Sequence[int]):
    def job(project: Project | None, progress: Progress, cancelled: Cancelled) -> JobOutcome:
        assert project is not None
        return analyse(project, article_ids, progress, cancelled)
    return job


def export_available() -> bool:
    try:
        from factdesk.report import exporting  # noqa: F401
    except ImportError:
        return False
    return True


def export(fmt: str, output: Path, options: Any):
    def job(project: Project | None, progress: Progress, cancelled: Cancelled) -> JobOutcome:
        assert project is not None
        progress(0, 1, f"writing {output.name}")
        if cancelled():
            return JobOutcome(lines=[f"export to {output.name} cancelled"], cancelled=True)
        notes: list[str] = []
        if fmt == "json":  # the whole project, as 'factdesk export --format json'
            from factdesk.report.project_json import write_project_json  # lazy: first paint

            write_project_json(project, output)
        else:
            from factdesk.report.exporting import export_report  # lazy: off the first paint

            export_report(project, fmt, output, options, notes)
        progress(1, 1, "")
        return JobOutcome(lines=[f"exported {fmt} to {output}", *notes], value=output)
    return job


def build_demo_job(project: Project | None, progress: Progress,
                   cancelled: Cancelled) -> JobOutcome:
    from factdesk.core.demo import build_demo  # lazy: off the first paint

    path = build_demo(progress=progress)
    return JobOutcome(lines=[f"demo project ready: {path}"], value=path)
