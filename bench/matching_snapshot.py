"""Matching results as a snapshot: did a change meant only for speed change what it finds?

Imports the seed articles, and BASIL development events (the Blumenthal event, whose
Norwalk / Norfolk conflict the matching must find, and the first ``--events`` others),
into fresh project files, extracts and matches them in one process, and writes every
stored suggestion, keyed by both claims' texts and articles (claim ids differ between
runs), with its relation, score and explained differences. ``--save FILE`` keeps the
snapshot (outside the repository: it is derived from ../shared/eval); ``--compare
FILE`` runs again and lists every suggestion that appeared, vanished or changed its
relation, differences or score beyond ``--tolerance`` (floating-point noise), and
exits 1 if any did.

    python bench/matching_snapshot.py --save /tmp/before.json     # on the code before
    python bench/matching_snapshot.py --compare /tmp/before.json  # on the code after
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from _shared import REPO, basil_articles

Key = str  # "set | article title | claim text || article title | claim text"


def snapshot(folder: Path | None, articles: list[dict], name: str, tmp: Path
             ) -> dict[Key, dict]:
    """Every suggestion of one project made of ``folder``'s files or ``articles``."""
    from factdesk.core.analysis import analyse_articles
    from factdesk.core.importing import import_paths, store_parsed
    from factdesk.core.project import Project
    from factdesk.ingest import parse_pasted

    out: dict[Key, dict] = {}
    with Project.open(tmp / f"{name}.factdesk") as project:
        if folder is not None:
            ids = [article_id for _, article_id in import_paths(project, [folder]).added]
        else:
            ids = [store_parsed(project, parse_pasted(
                a["text"], title=a["title"] or "", outlet=a["source"] or "",
                published=a["date"] or ""))[0] for a in articles]
        analyse_articles(project, ids, n_process=1)
        titles = {a.id: f"{a.outlet}: {a.title}" for a in project.articles.all()}
        claims = {c.id: c for c in project.claims.iter_all()}
        for match in project.matches.all():
            a, b = claims[match.claim_a], claims[match.claim_b]
            sides = sorted([(titles[a.article_id], a.text), (titles[b.article_id], b.text)])
            key = f"{name} | {sides[0][0]} | {sides[0][1]} || {sides[1][0]} | {sides[1][1]}"
            out[key] = {"relation": match.relation, "score": match.score,
                        "discrepancies": sorted(json.dumps(d, sort_keys=True)
                                                for d in match.discrepancies)}
    return out


def take(events: int) -> dict[Key, dict]:
    found: dict[Key, dict] = {}
    articles = basil_articles()
    triplets = list(dict.fromkeys(a["triplet"] for a in articles))[:events]
    blumenthal = next((a["triplet"] for a in articles if "Blumenthal" in (a["title"] or "")),
                      None)
    chosen = set(triplets) | ({blumenthal} if blumenthal else set())
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        found.update(snapshot(REPO / "seeds", [], "seeds", tmp))
        found.update(snapshot(None, [a for a in articles if a["triplet"] in chosen],
                              "basil", tmp))
    return found


def compare(before: dict[Key, dict], after: dict[Key, dict], tolerance: float) -> list[str]:
    problems = [f"vanished: {k}" for k in before.keys() - after.keys()]
    problems += [f"new: {k}" for k in after.keys() - before.keys()]
    for key in sorted(before.keys() & after.keys()):
        x, y = before[key], after[key]
        if x["relation"] != y["relation"] or x["discrepancies"] != y["discrepancies"]:
            problems.append(f"changed: {key}: {x['relation']} -> {y['relation']}")
        elif abs(x["score"] - y["score"]) > tolerance:
            problems.append(f"score: {key}: {x['score']:.12f} -> {y['score']:.12f}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--save", type=Path, help="write the snapshot to this file")
    what.add_argument("--compare", type=Path, help="compare with this saved snapshot")
    parser.add_argument("--events", type=int, default=10,
                        help="BASIL dev events besides the Blumenthal one (default 10)")
    parser.add_argument("--tolerance", type=float, default=1e-9)
    args = parser.parse_args()
    found = take(args.events)
    relations: dict[str, int] = {}
    for item in found.values():
        relations[item["relation"]] = relations.get(item["relation"], 0) + 1
    print(f"{len(found)} suggestions: "
          + ", ".join(f"{n} {r}" for r, n in sorted(relations.items())))
    if args.save:
        args.save.write_text(json.dumps(found, indent=1, sort_keys=True), "utf-8")
        print(f"saved to {args.save}")
        return
    before = json.loads(args.compare.read_text("utf-8"))
    problems = compare(before, found, args.tolerance)
    for line in problems:
        print(line)
    print(f"{len(problems)} differences from {args.compare} ({len(before)} suggestions "
          f"there; scores compared to {args.tolerance:g})")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
