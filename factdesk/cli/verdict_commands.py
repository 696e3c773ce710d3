"""CLI command ``verdict``: record a verdict on a claim from scripts."""

from __future__ import annotations

import argparse
from pathlib import Path

from factdesk.cli.output import CliError, info
from factdesk.cli.project_commands import open_existing
from factdesk.core.commands import AddEvidence, CommandError, SetVerdictField
from factdesk.model.models import STATUSES, VerdictField


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verdict", help="set the verdict of a claim")
    p.add_argument("project", type=Path)
    p.add_argument("claim_id", type=int)
    p.add_argument("--rating", help="a rating name of the project's scale, e.g. 'Mostly true' "
                                    "(\"\" clears the rating)")
    p.add_argument("--status", choices=list(STATUSES), type=lambda s: " ".join(s.lower().split()))
    p.add_argument("--rationale", help="the reasoning (plain text or HTML)")
    p.add_argument("--evidence", nargs="*", default=[], metavar="URL", help="source urls")
    p.add_argument("--checker", help="who made the verdict (default: the project's checker; "
                                     "'factdesk settings P checker NAME' changes that)")
    p.set_defaults(handler=cmd_verdict)


def cmd_verdict(args: argparse.Namespace) -> int:
    if not any([args.rating is not None, args.status, args.rationale is not None,
                args.evidence]):
        raise CliError("say what to set: --rating (\"\" clears it), --status, --rationale "
                       "or --evidence")
    with open_existing(args.project) as project:
        project.act_as(args.checker)  # this run's verdict only; the setting stays
        commands = []
        if args.rating is not None:
            commands.append(SetVerdictField(args.claim_id, VerdictField.RATING, args.rating.strip() or None))
        if args.status:
            commands.append(SetVerdictField(args.claim_id, VerdictField.STATUS, args.status))
        if args.rationale is not None:
            commands.append(SetVerdictField(args.claim_id, VerdictField.RATIONALE, args.rationale))
        commands += [AddEvidence(args.claim_id, url) for url in args.evidence]
        try:
            with project.transaction():
                for command in commands:
                    command._apply(project)
        except CommandError as exc:
            raise CliError(str(exc)) from exc
        verdict = project.verdicts.get(args.claim_id)  # None: evidence only, no verdict yet
        rating = verdict.rating if verdict else None
        status = verdict.status if verdict else STATUSES[0]
        evidence = project.verdicts.evidence(args.claim_id)
        info(f"claim {args.claim_id}: {rating or 'no rating'}, {status}, "
             f"{len(evidence)} evidence")
    return 0
