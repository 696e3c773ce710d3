"""CLI command ``article``: show an article's details, or correct them.

With ``--remove`` the article goes, with its claims and their matches, after a backup
(see :mod:`factdesk.core.removal`). Otherwise the title, outlet, author, date and web
address are corrected as one undoable edit
(recorded in the history); the text never changes, since claims are anchored in it. A
new date resolves the article's relative times again ("four days ago"), so the claims of
the article are detected again unless ``--no-extract`` (judged and hand-marked claims are
kept).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from factdesk.cli.output import CliError, StderrProgress, info
from factdesk.cli.project_commands import open_existing, tell_changed_decisions
from factdesk.core.article_edit import ARTICLE_FIELDS, EditArticle
from factdesk.core.commands import CommandError
from factdesk.core.removal import remove_article


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("article", help="show an article's details, or correct them")
    p.add_argument("project", type=Path)
    p.add_argument("article_id", type=int)
    p.add_argument("--title")
    p.add_argument("--outlet")
    p.add_argument("--author")
    p.add_argument("--date", dest="published", help="publication date (YYYY-MM-DD); \"\" "
                                                    "clears it")
    p.add_argument("--url", help="the web address it was saved from; \"\" clears it")
    p.add_argument("--no-extract", action="store_true",
                   help="after a new date, do not detect the article's claims again")
    p.add_argument("--json", action="store_true", help="print the details as JSON")
    p.add_argument("--remove", action="store_true",
                   help="remove the article with its claims and matches (a backup is taken "
                        "first; 'factdesk restore' brings it back)")
    p.add_argument("--with-verdicts", action="store_true",
                   help="with --remove: also when its claims carry verdicts or evidence")
    p.set_defaults(handler=cmd_article)


def cmd_article(args: argparse.Namespace) -> int:
    if args.remove:
        return _remove(args)
    values = {k: getattr(args, k) for k in ARTICLE_FIELDS if getattr(args, k) is not None}
    with open_existing(args.project, reading=not values) as project:
        if values:
            command = EditArticle(args.article_id, values)
            try:
                command.apply(project)
            except CommandError as exc:
                raise CliError(str(exc)) from exc
            for key, new in command.values.items():
                info(f"{key}: {command.old[key] or '(none)'} -> {new or '(none)'}")
            if not command.values:
                info("nothing changed")
            if "published" in command.values and not args.no_extract:
                # loaded when used: extraction and matching add ~0.3 s to every CLI start
                from factdesk.core.analysis import analyse_articles

                analyse_articles(project, [args.article_id],
                                 progress=StderrProgress("detecting claims again"))
                tell_changed_decisions(project, args.project)
        article = project.articles.get(args.article_id)
        if article is None:
            raise CliError(f"there is no article {args.article_id}")
        details = {"id": article.id, **{k: getattr(article, k) for k in ARTICLE_FIELDS},
                   "source": article.source_name}
        if args.json:
            print(json.dumps(details, ensure_ascii=False))
        else:
            for key, value in details.items():
                print(f"{'date' if key == 'published' else key}\t{value or ''}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    with open_existing(args.project) as project:
        title = getattr(project.articles.get(args.article_id), "title", "")
        try:
            cost, backup = remove_article(project, args.article_id,
                                          with_work=args.with_verdicts)
        except ValueError as exc:
            message = str(exc).replace("say so", "pass --with-verdicts")
            raise CliError(message) from exc
    info(f"removed article {args.article_id} ({title}): {cost.describe()}")
    if backup is not None:
        info(f"backup taken before: {backup} ('factdesk restore {args.project}' brings it "
             "back)")
    return 0
