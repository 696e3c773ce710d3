"""CLI commands for claim intelligence: ``extract``, ``score``, ``alias``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factdesk.cli.output import CliError, StderrProgress, info, json_line, read_input_text
from factdesk.cli.project_commands import check_articles, open_existing, tell_changed_decisions
from factdesk.core.spellings import refresh_canonical_forms
from factdesk.model.settings import DEFAULT_CLAIM_SHARE, DEFAULT_CLAIM_THRESHOLD
from factdesk.model.triage import Triage, shown_by_default
from factdesk.nlp.model import ModelUnavailable
from factdesk.nlp.pipeline import ClaimExtractor


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="(re-)detect claims in a project's articles")
    p.add_argument("project", type=Path)
    p.add_argument("--article", type=int, action="append", help="only these article ids")
    p.add_argument("--model", help="spaCy pipeline to use, e.g. en_core_web_md")
    p.add_argument("--threshold", type=float,
                   help="also keep as candidates the sentences scoring at least this when "
                        "it is below the candidate floor (0.10); what is shown follows the "
                        "project's claim threshold (factdesk settings)")
    p.add_argument("--no-match", action="store_true", help="do not match across sources")
    p.add_argument("--processes", type=int, default=1, help="worker processes for spaCy")
    p.set_defaults(handler=cmd_extract)

    p = sub.add_parser(
        "score", help="score sentences (one per line) for check-worthiness",
        description="One JSON line per input line, in order: score, claim, kind, reason, "
                    "speaker. Each line is a standalone sentence: claim is true when its "
                    "score is at least the claim threshold. With --document the lines are "
                    "one article's sentences (a transcript) and claim also follows the "
                    "claim share: at most that share of the lines, the highest first.")
    p.add_argument("file", type=Path, help="a text file, or - for standard input")
    p.add_argument("--model", help="spaCy pipeline to use")
    p.add_argument("-p", "--project", type=Path,
                   help="use this project's claim threshold and share (default: FactDesk's)")
    p.add_argument("--document", action="store_true",
                   help="the lines are one article's sentences: apply the claim share")
    p.set_defaults(handler=cmd_score)

    p = sub.add_parser("alias", help="list, add or remove entity spelling aliases")
    p.add_argument("project", type=Path)
    p.add_argument("action", choices=["list", "add", "remove"])
    p.add_argument("variant", nargs="?", help="the spelling to map (add/remove)")
    p.add_argument("canonical", nargs="?", help="the canonical form (add)")
    p.set_defaults(handler=cmd_alias)


def cmd_extract(args: argparse.Namespace) -> int:
    # loaded when used: extraction and matching add ~0.3 s to every CLI start
    from factdesk.core.analysis import analyse_articles

    with open_existing(args.project) as project:
        check_articles(project, args.article)
        try:
            report = analyse_articles(
                project, args.article, model=args.model, threshold=args.threshold,
                match=not args.no_match, progress=StderrProgress("extracting"),
                n_process=max(1, args.processes),
            )
        except ModelUnavailable as exc:
            raise CliError(str(exc)) from exc
        for failure in report.failed + report.match_failures:
            info(failure.line())
        tell_changed_decisions(project, args.project)
        info(f"{report.articles} articles analysed, {report.claims} claims detected, "
             f"{report.matches} matches suggested"
             + (f"; {len(report.failed)} not analysed" if report.failed else ""))
    return 2 if report.failed else 0


def cmd_score(args: argparse.Namespace) -> int:
    if str(args.file) == "-":
        lines = sys.stdin.read().splitlines()
    else:
        lines = read_input_text(args.file).splitlines()
    try:
        extractor = ClaimExtractor(args.model)
    except ModelUnavailable as exc:
        raise CliError(str(exc)) from exc
    triage = Triage(DEFAULT_CLAIM_THRESHOLD, DEFAULT_CLAIM_SHARE)
    if args.project is not None:
        with open_existing(args.project, reading=True) as project:
            triage = project.triage()
    sentences = [line.strip() for line in lines]
    results = extractor.score_sentences([s or "." for s in sentences])
    scored = [(float(r["score"]), i, i) for i, r in enumerate(results) if sentences[i]]
    # --document: the lines are one article's sentences, cut once; else a standalone
    # line is a one-sentence document, whose budget never binds (the threshold alone)
    cut = triage.cut(scored, len(scored)) if args.document else triage.open_cut()
    for i, (sentence, result) in enumerate(zip(sentences, results, strict=True)):
        if not sentence:  # an empty line keeps its place; there is nothing to score
            result = {**result, "score": 0.0}
        claim = bool(sentence) and shown_by_default(result["score"], i, "detected", cut,
                                                        claim_id=i)
        json_line({"sentence": sentence, **result, "claim": claim})
    return 0


def cmd_alias(args: argparse.Namespace) -> int:
    with open_existing(args.project, reading=args.action == "list") as project:
        if args.action == "list":
            for alias in project.entities.aliases():
                print(f"{alias.variant}\t{alias.canonical}")
            return 0
        if not args.variant:
            raise CliError(f"alias {args.action} needs the variant spelling")
        if args.action == "add":
            if not args.canonical:
                raise CliError("alias add needs the variant and its canonical form")
            with project.transaction():
                project.entities.add_alias(args.variant, args.canonical)
            info(f"{args.variant} = {args.canonical}")
        else:
            with project.transaction():
                removed = project.entities.remove_alias(args.variant)
            if not removed:
                raise CliError(f"there is no alias {args.variant!r}")
            info(f"removed alias {args.variant}")
        refresh_canonical_forms(project)
    return 0
