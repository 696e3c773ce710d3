"""CLI command ``search``: full-text, alias-aware search of a project."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factdesk.cli.output import json_line
from factdesk.cli.project_commands import open_existing
from factdesk.storage.search import HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, build_match_expression


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="search articles, claims, rationales and evidence")
    p.add_argument("project", type=Path)
    p.add_argument("query")
    p.add_argument("--json", action="store_true", help="one JSON object per hit")
    p.add_argument("--limit", type=int, default=20, help="hits per kind")
    p.add_argument("--kind", action="append",
                   choices=["article", "claim", "rationale", "evidence"])
    p.set_defaults(handler=cmd_search)


def cmd_search(args: argparse.Namespace) -> int:
    with open_existing(args.project, reading=True) as project:
        hits = project.search.search(args.query, limit=args.limit,
                                     kinds=tuple(args.kind) if args.kind else None)
    if not hits:  # said on stderr: --json output stays one object per hit
        searchable = build_match_expression(args.query) is not None
        print(f"no results for {args.query!r}" if searchable else
              f"nothing to search for in {args.query!r}: give a word, \"a phrase\" or "
              "a prefix* (OR, NOT and -word in capitals combine them)", file=sys.stderr)
    for hit in hits:
        if args.json:
            record = hit.as_dict()
            record["snippet"] = hit.snippet.replace(HIGHLIGHT_OPEN, "").replace(
                HIGHLIGHT_CLOSE, "")
            record["highlighted"] = hit.snippet.replace(HIGHLIGHT_OPEN, "[").replace(
                HIGHLIGHT_CLOSE, "]")
            json_line(record)
        else:
            snippet = hit.snippet.replace(HIGHLIGHT_OPEN, "\033[1m" if _tty() else "[").replace(
                HIGHLIGHT_CLOSE, "\033[0m" if _tty() else "]").replace("\n", " ")
            print(f"{hit.kind}\t{hit.id}\tarticle {hit.article_id}\t{snippet}")
    return 0


def _tty() -> bool:
    return sys.stdout.isatty()
