"""CLI commands for matching: ``match``, ``compare``, ``archive import|search``."""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date
from pathlib import Path

from factdesk.cli.output import CliError, StderrProgress, info, json_line
from factdesk.cli.project_commands import open_existing
from factdesk.core.archive_service import ArchiveFormatError, archive_index, import_archive


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("match", help="match claims across the project's articles")
    p.add_argument("project", type=Path)
    p.add_argument("--article", type=int, action="append", help="only these article ids")
    p.set_defaults(handler=cmd_match)

    p = sub.add_parser("compare", help="compare two sentences: score, relation, differences")
    p.add_argument("texts", nargs="*", help='"TEXT A" "TEXT B"')
    p.add_argument("--pairs", type=Path, help="TSV of two columns (no header)")
    p.add_argument("--date", help="the texts' publication date (YYYY-MM-DD), against which "
                   "dates without a year and 'four days ago' are read")
    p.set_defaults(handler=cmd_compare)

    p = sub.add_parser("archive", help="earlier fact-checks: import or search")
    asub = p.add_subparsers(dest="archive_command", required=True)
    a = asub.add_parser("import", help="import ClaimReview JSON-LD or CSV")
    a.add_argument("project", type=Path)
    a.add_argument("file", type=Path)
    a.set_defaults(handler=cmd_archive_import)
    a = asub.add_parser("search", help="search the archive with queries from a TSV file")
    a.add_argument("project", type=Path)
    a.add_argument("--queries", type=Path, required=True, help="TSV with header id<TAB>text")
    a.add_argument("-k", type=int, default=5)
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_archive_search)


def cmd_match(args: argparse.Namespace) -> int:
    # loaded when used: the matching service adds ~0.3 s to every CLI start
    from factdesk.core.matching_service import match_articles

    with open_existing(args.project) as project:
        count = match_articles(project, args.article, progress=StderrProgress("matching"))
        info(f"{count} matches suggested or refreshed")
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    # loaded when used: comparing loads the matching service (~0.3 s)
    from factdesk.core.comparing import compare_texts

    published = None
    if args.date:
        try:
            published = date.fromisoformat(args.date)
        except ValueError:
            raise CliError(f"--date {args.date!r}: give the date as YYYY-MM-DD") from None

    if args.pairs:
        if not args.pairs.exists():
            raise CliError(f"{args.pairs}: no such file")
        rows = [r for r in csv.reader(args.pairs.open(encoding="utf-8"), delimiter="\t",
                                      quoting=csv.QUOTE_NONE) if r]
        bad = [i + 1 for i, r in enumerate(rows) if len(r) < 2]
        if bad:
            raise CliError(f"{args.pairs}: line {bad[0]} does not have two tab-separated texts")
        for result in compare_texts([(r[0], r[1]) for r in rows], published=published):
            json_line({"score": round(result.score, 4), "relation": result.relation,
                       "same": result.relation in ("same fact", "conflicting")})
        return 0
    if len(args.texts) != 2:
        raise CliError('compare needs two texts: factdesk compare "TEXT A" "TEXT B"')
    result = compare_texts([(args.texts[0], args.texts[1])], published=published)[0]
    print(f"score: {result.score:.3f}")
    print(f"relation: {result.relation}")
    for d in result.discrepancies:
        print(f"- {d['kind']} ({d['severity']}): {d['explanation']}")
    if not result.discrepancies:
        print("no differences found")
    return 0


def cmd_archive_import(args: argparse.Namespace) -> int:
    if not args.file.exists():
        raise CliError(f"{args.file}: no such file")
    with open_existing(args.project) as project:
        try:
            count, _ = import_archive(project, args.file)
        except ArchiveFormatError as exc:
            raise CliError(str(exc)) from exc
        info(f"{count} earlier checks imported ({project.archive.count()} in the archive)")
    return 0


def cmd_archive_search(args: argparse.Namespace) -> int:
    if not args.queries.exists():
        raise CliError(f"{args.queries}: no such file")
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(args.queries.open(encoding="utf-8"), delimiter="\t")
    fields = {(f or "").strip().lower(): f for f in reader.fieldnames or []}
    text_key = fields.get("text") or fields.get("tweet_content")
    id_key = fields.get("id") or (reader.fieldnames[0] if reader.fieldnames else None)
    if text_key is None or id_key is None:
        raise CliError(f"{args.queries}: needs a header with id and text columns")
    queries = [(row[id_key], row[text_key] or "") for row in reader]
    with open_existing(args.project) as project:
        index = archive_index(project)
        if index is None:
            raise CliError("the project's archive is empty: run 'factdesk archive import' first")
        results = index.search_many([q for _, q in queries], args.k)
    for (query_id, _), hits in zip(queries, results, strict=True):
        record = {"query_id": query_id,
                  "results": [{"id": i, "score": round(float(s), 6)} for i, s in hits]}
        if args.json:
            json_line(record)
        else:
            print(f"{query_id}\t" + " ".join(f"{i}:{s:.3f}" for i, s in hits))
    sys.stdout.flush()
    return 0


