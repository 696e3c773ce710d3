"""CLI commands on claims and their matches: ``claims``, ``claim``, ``matches``, ``decide``.

What the window does with ``m``, ``Delete``, the span keys, the verdict editor's statement
field and the across-sources panel's accept / reject, for scripts: list claims, mark one
by hand (by offsets or by its words), delete one, move its boundaries, state it as
checked, list a claim's matches and decide them. A claim marked
or moved here is read and matched at once, as in the window.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from factdesk.cli.output import CliError, info, json_line
from factdesk.cli.project_commands import check_articles, open_existing
from factdesk.core.claim_facts import stored_claim_facts
from factdesk.core.commands import (
    STATEMENT_ADVISED_LENGTH,
    ChangeClaimSpan,
    Command,
    CommandError,
    DecideMatch,
    DeleteClaim,
    MarkClaim,
    SetClaimStatement,
    UndoStack,
)
from factdesk.core.project import Project
from factdesk.matching.panel import match_reason, panel_order
from factdesk.model.match_changes import decision_change
from factdesk.model.models import Claim, is_judged
from factdesk.model.score_display import score_text
from factdesk.model.triage import ArticleCut, shown_by_default
from factdesk.nlp.reasons import shown_reason

DECISIONS = {"accept": "accepted", "reject": "rejected", "clear": None}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("claims", help="list the claims worth checking, one per line, "
                                      "most check-worthy first within each article")
    p.add_argument("project", type=Path)
    p.add_argument("--article", type=int, action="append", help="only these article ids")
    p.add_argument("--all", action="store_true",
                   help="also the other candidates (under the project's claim threshold, "
                        "or outside their article's claim share)")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(handler=cmd_claims)

    p = sub.add_parser("claim", help="mark a claim by hand, delete one, or move its span")
    p.add_argument("project", type=Path)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = actions.add_parser("mark", help="mark article text as a claim (offsets or --text)")
    a.add_argument("article_id", type=int)
    a.add_argument("offsets", nargs="*", type=int, metavar="START END")
    a.add_argument("--text", help="the claim's exact words (their first occurrence)")
    a.add_argument("--no-match", action="store_true", help="do not read and match it now")
    a = actions.add_parser("delete", help="delete a claim (its verdict is kept for undo)")
    a.add_argument("claim_id", type=int)
    a = actions.add_parser("span", help="move a claim's start and end")
    a.add_argument("claim_id", type=int)
    a.add_argument("start", type=int)
    a.add_argument("end", type=int)
    a.add_argument("--no-match", action="store_true", help="do not read and match it now")
    a = actions.add_parser("statement", help="state the claim as checked (the ClaimReview "
                                             "claimReviewed and the report's headline)")
    a.add_argument("claim_id", type=int)
    a.add_argument("text", nargs="?", help="the short statement (none: show it)")
    a.add_argument("--clear", action="store_true", help="back to the sentence as printed")
    p.set_defaults(handler=cmd_claim)

    p = sub.add_parser("matches", help="list a claim's matches in other sources")
    p.add_argument("project", type=Path)
    p.add_argument("claim_id", type=int)
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(handler=cmd_matches)

    p = sub.add_parser("decide", help="accept or reject a suggested match (or clear it)")
    p.add_argument("project", type=Path)
    p.add_argument("match_id", type=int)
    p.add_argument("decision", choices=list(DECISIONS))
    p.set_defaults(handler=cmd_decide)


def cmd_claims(args: argparse.Namespace) -> int:
    with open_existing(args.project, read_only=True) as project:
        check_articles(project, args.article)
        cuts = {summary.id: summary.cut for summary in project.articles.summaries(
            project.triage())}
        ids = args.article or project.articles.ids()
        for article_id in ids:
            judged = {claim_id for claim_id, (rating, status)
                      in project.verdicts.states_for_article(article_id).items()
                      if is_judged(rating, status)}
            for claim, shown in ranked_claims(project.claims.for_article(article_id),
                                              cuts[article_id], judged):
                if not (shown or args.all):
                    continue
                if args.json:
                    json_line({"id": claim.id, "article": claim.article_id,
                               "start": claim.start, "end": claim.end, "kind": claim.kind,
                               "score": round(claim.score, 4), "shown": shown,
                               "reason": shown_reason(claim), "speaker": claim.speaker,
                               "origin": claim.origin, "text": claim.text,
                               "statement": claim.statement})
                else:
                    print(f"{claim.id}\t{claim.article_id}\t{claim.kind}\t{claim.score:.2f}\t"
                          f"{' '.join(claim.text.split())}")
    return 0


def ranked_claims(claims: list[Claim], cut: ArticleCut,
                  judged: frozenset[int] | set[int] = frozenset()) -> list[tuple[Claim, bool]]:
    """An article's claims with whether each is shown by default (as in the window: worth
    checking and within the article's budget, i.e. admitted by its ``cut``, marked by
    hand, or judged: an id in ``judged``): the shown ones first, each group most
    check-worthy first (hand-marked claims lead), then by position."""
    marked = [(c, shown_by_default(c.score, c.start, c.origin, cut, c.id in judged,
                                   claim_id=c.id))
              for c in claims]
    return sorted(marked, key=lambda cs: (not cs[1], cs[0].origin != "manual", -cs[0].score,
                                          cs[0].start))


def _run(project: Project, command: Command) -> None:
    try:
        UndoStack(project).push(command)
    except CommandError as exc:
        raise CliError(str(exc)) from exc


def _read_and_match(project: Project, claim_id: int, match: bool) -> None:
    # loaded when used: claim analysis and matching add ~0.3 s to every CLI start
    from factdesk.core.claim_analysis import analyse_claims

    analyse_claims(project, [claim_id], match=match)
    claim = project.claims.get(claim_id)
    assert claim is not None
    found = len(project.matches.for_claim(claim_id))
    info(f"claim {claim_id}: {claim.kind}"
         + (f", speaker {claim.speaker}" if claim.speaker else "")
         + (f", {found} match(es) in other sources" if match else ""))


def _mark_offsets(project: Project, args: argparse.Namespace) -> tuple[int, int]:
    if args.text:
        if args.offsets:
            raise CliError("give either START END or --text, not both")
        article = project.articles.get(args.article_id)
        if article is None:
            raise CliError(f"there is no article {args.article_id}")
        start = article.text.find(args.text)
        if start < 0:
            raise CliError(f"article {args.article_id} does not contain {args.text!r}")
        return start, start + len(args.text)
    if len(args.offsets) != 2:
        raise CliError("give the claim's START and END offsets, or --text")
    return args.offsets[0], args.offsets[1]


def cmd_statement(args: argparse.Namespace) -> int:
    if args.text is not None and args.clear:
        raise CliError("give either the statement or --clear, not both")
    writing = args.text is not None or args.clear
    with open_existing(args.project, reading=not writing) as project:
        if writing:
            _run(project, SetClaimStatement(args.claim_id, None if args.clear else args.text))
        claim = project.claims.get(args.claim_id)
        if claim is None:
            raise CliError(f"there is no claim {args.claim_id}")
        print(claim.as_checked)
        if claim.statement is None:
            info(f"claim {args.claim_id}: no statement, the sentence as printed is used")
        elif len(claim.statement) > STATEMENT_ADVISED_LENGTH:
            info(f"note: {len(claim.statement)} characters; search engines advise under "
                 f"{STATEMENT_ADVISED_LENGTH}")
    return 0


def cmd_claim(args: argparse.Namespace) -> int:
    if args.action == "statement":
        return cmd_statement(args)
    with open_existing(args.project) as project:
        if args.action == "mark":
            start, end = _mark_offsets(project, args)
            mark = MarkClaim(args.article_id, start, end)
            _run(project, mark)
            assert mark.claim_id is not None
            print(mark.claim_id)
            if mark.promoted is not None:
                info(f"claim {mark.claim_id} was detected here: now marked by hand, with "
                     "its matches and verdict")
            else:
                _read_and_match(project, mark.claim_id, not args.no_match)
        elif args.action == "delete":
            _run(project, DeleteClaim(args.claim_id))
            info(f"claim {args.claim_id} deleted")
        else:
            _run(project, ChangeClaimSpan(args.claim_id, args.start, args.end))
            _read_and_match(project, args.claim_id, not args.no_match)
    return 0


def cmd_matches(args: argparse.Namespace) -> int:
    with open_existing(args.project, read_only=True) as project:
        claim = project.claims.get(args.claim_id)
        if claim is None:
            raise CliError(f"there is no claim {args.claim_id}")
        matches = panel_order(project.matches.for_claim(args.claim_id))
        if not matches:
            info(f"claim {args.claim_id}: no matches in other sources ('factdesk match' "
                 "looks for them again)")
        other_ids = [m.claim_b if m.claim_a == args.claim_id else m.claim_a for m in matches]
        others = project.claims.get_many(other_ids)
        articles = {c.article_id for c in others.values()}
        articles.add(claim.article_id)
        outlets = {aid: a.outlet for aid in articles if (a := project.articles.get(aid))}
        facts = stored_claim_facts(project, claim, outlets.get(claim.article_id, ""))
        names = project.articles.outlet_names()  # differences told with today's outlets
        for match, other_id in zip(matches, other_ids, strict=True):
            other = others.get(other_id)
            change = decision_change(names.match_now(
                match, (claim.article_id, other.article_id) if other else ()))
            told = names.now(match.discrepancies,
                             (claim.article_id, other.article_id) if other else ())
            row = {"match": match.id, "claim": other_id,
                   "outlet": outlets.get(other.article_id, "") if other else "",
                   "score": round(match.score, 4), "relation": match.relation,
                   "decision": match.decision,
                   # a "compatible" note ("January" / "since January": these overlap)
                   # says the two agree: no difference
                   "discrepancies": [d.get("explanation", "") for d in told
                                     if d.get("severity") != "compatible"],
                   "consistent": [d.get("explanation", "") for d in told
                                  if d.get("severity") == "compatible"],
                   "reason": match_reason(facts, stored_claim_facts(
                       project, other, outlets.get(other.article_id, "")),
                       match.discrepancies) if other else "",
                   "text": other.text if other else "",
                   # what the checker decided on, when the analysis now says otherwise
                   "changed": change.note if change else None,
                   "decided_relation": match.decided_relation}
            if args.json:
                json_line(row)
            else:
                relation = "unrelated now" if match.unrelated else row["relation"]
                print(f"{match.id}\t{relation}\t{score_text(match.score, match.relation)}\t"
                      f"{match.decision or 'undecided'}\t{row['outlet']}\t"
                      f"{' '.join(row['text'].split())}\t{row['reason']}")
                if change is not None:  # under its line, to be seen, not parsed
                    print(f"\t! {change.note} (factdesk decide {args.project} {match.id} "
                          f"{'accept' if match.decision == 'accepted' else 'reject'}: "
                          "decide again on what it shows now)")
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    with open_existing(args.project) as project:
        _run(project, DecideMatch(args.match_id, DECISIONS[args.decision]))
        info(f"match {args.match_id}: {DECISIONS[args.decision] or 'undecided'}")
    return 0
