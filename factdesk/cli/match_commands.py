"""CLI commands for matching: ``match``, ``compare``, ``archive import|search``."""

from __future__ import annotations

import argparse
import csv
import io
import sys
from datetime import date
from pathlib import Path

from factdesk.cli.output import CliError, StderrProgress, info, json_line, read_input_text
from factdesk.cli.project_commands import check_articles, open_existing, tell_changed_decisions
from factdesk.core.archive_service import (
    RELEVANCE_FLOOR,
    ArchiveFormatError,
    default_floor,
    import_archive,
    search_archive,
)
from factdesk.core.failures import error_text


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
    a.add_argument("file", type=Path, help="ClaimReview JSON-LD (also JSON lines, a "
                   "DataFeed...), an HTML page with ClaimReview, or a CSV with a claim column")
    a.add_argument("--json", action="store_true", help="print the counts as JSON")
    a.set_defaults(handler=cmd_archive_import)
    a = asub.add_parser("search", help="search the archive for a text, or for each query "
                                       "of a TSV file")
    a.add_argument("project", type=Path)
    a.add_argument("text", nargs="*", help="the claim to look for")
    a.add_argument("--queries", type=Path, help="TSV with header id<TAB>text")
    a.add_argument("-k", type=int, default=5)
    a.add_argument("--min-relevance", "--min-score", dest="min_relevance", type=float,
                   help="answer only when the best hit's relevance (0-1, a calibrated "
                        f"probability) is at least this (default {RELEVANCE_FLOOR}); "
                        "0 shows the weaker hits too, marked weak")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_archive_search)


def cmd_match(args: argparse.Namespace) -> int:
    # loaded when used: the matching service adds ~0.3 s to every CLI start
    from factdesk.core.matching_service import match_articles

    failures: list = []
    with open_existing(args.project) as project:
        check_articles(project, args.article)
        count = match_articles(project, args.article, progress=StderrProgress("matching"),
                               failures=failures)
        for failure in failures:
            info(failure.line())
        tell_changed_decisions(project, args.project)
        info(f"{count} matches suggested or refreshed")
    return 2 if failures else 0


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
        rows = [r for r in csv.reader(read_input_text(args.pairs).splitlines(),
                                      delimiter="\t", quoting=csv.QUOTE_NONE) if r]
        bad = [i + 1 for i, r in enumerate(rows) if len(r) < 2]
        if bad:
            raise CliError(f"{args.pairs}: line {bad[0]} does not have two tab-separated texts")
        pairs = [(r[0], r[1]) for r in rows]
        # an empty side is no sentence: reported on its line, never scored
        comparable = [pair for pair in pairs if _both_written(pair)]
        try:
            compared: list = compare_texts(comparable, published=published)
        except Exception:  # compared again pair by pair, below
            compared = [_compare_one(compare_texts, pair, published) for pair in comparable]
        found = iter(compared)
        results = [next(found) if _both_written(pair) else EMPTY_TEXT for pair in pairs]
        failed = 0
        for line, result in enumerate(results, start=1):
            if isinstance(result, str):
                failed += 1
                info(f"{args.pairs}: line {line} not compared: {result}")
                json_line({"line": line, "error": result})
                continue
            json_line({"score": round(result.score, 4), "relation": result.relation,
                       "same": result.relation in ("same fact", "conflicting")})
        return 2 if failed else 0
    if len(args.texts) != 2:
        raise CliError('compare needs two texts: factdesk compare "TEXT A" "TEXT B"')
    if not _both_written((args.texts[0], args.texts[1])):
        raise CliError(f'the two texts could not be compared: {EMPTY_TEXT}')
    result = _compare_one(compare_texts, (args.texts[0], args.texts[1]), published)
    if isinstance(result, str):
        raise CliError(f"the two texts could not be compared: {result}")
    print(f"score: {result.score:.3f}")
    print(f"relation: {result.relation}")
    print(f"reason: {result.reason}")
    for d in result.discrepancies:
        print(f"- {d['kind']} ({d['severity']}): {d['explanation']}")
    if not result.discrepancies:
        print("no differences found")
    return 0


EMPTY_TEXT = "one of the two texts is empty"


def _both_written(pair: tuple[str, str]) -> bool:
    return all(text.strip() for text in pair)


def _compare_one(compare_texts, pair: tuple[str, str], published):
    """The comparison of one pair, or the reason it failed (one bad pair is reported and
    the others go on)."""
    try:
        return compare_texts([pair], published=published)[0]
    except Exception as exc:  # reported per pair
        return error_text(exc)


def cmd_archive_import(args: argparse.Namespace) -> int:
    if not args.file.exists():
        raise CliError(f"{args.file}: no such file")
    with open_existing(args.project) as project:
        try:
            report = import_archive(project, args.file,
                                    progress=StderrProgress(f"reading {args.file.name}:"))
        except ArchiveFormatError as exc:
            raise CliError(str(exc)) from exc
        total = project.archive.count()
    if args.json:
        json_line({"file": str(args.file), "read": report.read, "stored": report.stored,
                   "new": report.new, "updated": report.updated,
                   "unchanged": report.unchanged,
                   "skipped": [{"record": r, "reason": why} for r, why in report.skipped],
                   "notes": report.notes, "archive": total})
        return 0
    for record, why in report.skipped:
        info(f"skipped {record}: {why}")
    for note in report.notes:
        info(f"note: {note}")
    info(f"{args.file.name}: {report.summary()}; {total} earlier checks in the archive")
    return 0


def _hit_record(check, relevance: float, floor: float) -> dict:  # an ArchivedCheck
    return {"id": check.id, "relevance": round(float(relevance), 4),
            "weak": bool(relevance < floor), "claim": check.claim,
            "rating": check.rating_text(), "rating_name": check.rating,
            "rating_value": check.rating_value, "best_rating": check.best_rating,
            "worst_rating": check.worst_rating, "publisher": check.publisher,
            "url": check.url, "date": check.date, "title": check.title}


def _read_queries(path: Path) -> list[tuple[str, str]]:
    text = read_input_text(path)
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter="\t")
    fields = {(f or "").strip().lower(): f for f in reader.fieldnames or []}
    text_key = fields.get("text") or fields.get("tweet_content")
    id_key = fields.get("id") or (reader.fieldnames[0] if reader.fieldnames else None)
    if text_key is None or id_key is None:
        raise CliError(f"{path}: needs a header with id and text columns")
    return [(row[id_key], row[text_key] or "") for row in reader]


def _print_hits(query_id: str, hits: list, default: float, size: int,
                asked: float | None) -> None:
    """One query's answer in plain text: the hits, a weak one (below ``default``, the
    calibrated floor) marked as such; or, when none is relevant, a sentence saying so."""
    if not hits and asked is not None and asked <= 0:
        print(f"{query_id}: no earlier check is relevant (none of the {size:,} in the "
              "archive shares a word with it)")
        return
    if not hits:
        print(f"{query_id}: no earlier check is relevant (none of the {size:,} in the archive "
              f"reaches the relevance floor {default if asked is None else asked:g}; "
              "--min-relevance 0 shows the weaker ones)")
        return
    weak = sum(relevance < default for _, relevance in hits)
    count = f"{len(hits)} earlier check{'s' if len(hits) != 1 else ''}"
    if weak == len(hits):
        print(f"{query_id}: {count}, all weak (below the relevance floor {default:g}: "
              "probably not the claim)")
    elif weak:
        print(f"{query_id}: {count}, {weak} of them weak (below the relevance floor "
              f"{default:g})")
    else:
        print(f"{query_id}: {count}")
    for check, relevance in hits:
        mark = "  weak" if relevance < default else ""
        print(f"  relevance {relevance:.2f}{mark}  {check.claim}")
        print(f"        rating: {check.rating_text() or '(none given)'}"
              f" | {check.publisher or 'publisher unknown'}"
              f" | {check.date or 'undated'}")
        if check.url:
            print(f"        {check.url}")


def cmd_archive_search(args: argparse.Namespace) -> int:
    if args.queries is None and not args.text:
        raise CliError('archive search needs a text or --queries FILE: '
                       'factdesk archive search PROJECT "claim text"')
    queries = _read_queries(args.queries) if args.queries else []
    if args.text:
        queries.append(("query", " ".join(args.text)))
    with open_existing(args.project, reading=True) as project:
        if project.archive.count() == 0:
            raise CliError("the project's archive is empty: run 'factdesk archive import' first")
        results = search_archive(project, [q for _, q in queries], args.k,
                                 args.min_relevance)
        default = default_floor(project)
        size = project.archive.count()
    floor = default if args.min_relevance is None else args.min_relevance
    for (query_id, text), hits in zip(queries, results, strict=True):
        if args.json:
            json_line({"query_id": query_id, "query": text, "relevance_floor": floor,
                       "default_floor": default,
                       "results": [_hit_record(c, s, default) for c, s in hits]})
            continue
        _print_hits(query_id, hits, default, size, asked=args.min_relevance)
    sys.stdout.flush()
    return 0
