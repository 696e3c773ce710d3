"""Cross-outlet matching on BASIL: is a claim's best match from the same event?

BASIL (Fan et al., EMNLP 2019) has 75 events each covered by the New York Times, Fox
News and HuffPost. All 225 development articles go into one project; claims are
extracted and matched as FactDesk does on import. For every claim whose best match
exists, we check that it comes from another outlet's article on the same event
(``triplet-uuid``) rather than from one of the 74 other events. Goal >= 0.9.

Articles are imported with their title, outlet and publication date, as FactDesk reads
them from a saved page; ``--no-dates`` leaves the dates out (text only).

``--show N`` prints the N highest-scoring best matches that come from another event
(relation, score, both outlets, days apart and both claims), to read by eye.

    python bench/basil_matching.py [--events 75] [--keep BASIL.factdesk] [--no-dates]
                                   [--show 20]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import basil_articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=75)
    parser.add_argument("--keep", type=Path, help="also save the project to this file")
    parser.add_argument("--no-dates", action="store_true",
                        help="import without the articles' publication dates")
    parser.add_argument("--show", type=int, default=0, metavar="N",
                        help="print the N highest-scoring best matches from another event")
    args = parser.parse_args()
    articles = basil_articles()
    triplets = list(dict.fromkeys(a["triplet"] for a in articles))[: args.events]
    articles = [a for a in articles if a["triplet"] in set(triplets)]

    from factdesk.core.analysis import analyse_articles
    from factdesk.core.importing import store_parsed
    from factdesk.core.project import Project
    from factdesk.ingest import parse_pasted

    with tempfile.TemporaryDirectory() as tmp:
        project = Project.open(Path(tmp) / "basil.factdesk")
        event_of: dict[int, str] = {}
        row_of: dict[int, dict] = {}
        for a in articles:
            parsed = parse_pasted(a["text"], title=a["title"] or "", outlet=a["source"] or "",
                                  published="" if args.no_dates else a["date"] or "")
            article_id, _ = store_parsed(project, parsed)
            event_of[article_id] = a["triplet"]
            row_of[article_id] = a
        t0 = time.perf_counter()
        analyse_articles(project, list(event_of), n_process=2)
        seconds = time.perf_counter() - t0
        best: dict[int, tuple[float, int]] = {}
        relation: dict[tuple[int, int], str] = {}
        claims = {c.id: c for c in project.claims.iter_all()}
        article_of = {claim_id: c.article_id for claim_id, c in claims.items()}
        for m in project.matches.all():
            for mine, other in ((m.claim_a, m.claim_b), (m.claim_b, m.claim_a)):
                relation[mine, other] = m.relation
                if m.score > best.get(mine, (-1.0, 0))[0]:
                    best[mine] = (m.score, other)
        hits = defaultdict(int)
        totals = defaultdict(int)
        for claim_id, (score, other) in best.items():
            relation_ok = event_of[article_of[other]] == event_of[article_of[claim_id]]
            for bucket, low in (("all", 0.0), ("score>=0.5", 0.5), ("score>=0.8", 0.8)):
                if score >= low:
                    totals[bucket] += 1
                    hits[bucket] += relation_ok
        n_claims = len(article_of)
        shown = _other_events(args.show, best, relation, claims, row_of) if args.show else []
        project.close()
        if args.keep:
            import shutil

            shutil.copy(Path(tmp) / "basil.factdesk", args.keep)
    print(f"BASIL dev: {len(articles)} articles, {len(triplets)} events, {n_claims} claims, "
          f"{'without' if args.no_dates else 'with'} publication dates, "
          f"extract+match {seconds:.0f} s")
    print(f"{'best matches':14} {'claims':>7} {'same event':>11}")
    for bucket in ("all", "score>=0.5", "score>=0.8"):
        if totals[bucket]:
            print(f"{bucket:14} {totals[bucket]:7d} {hits[bucket] / totals[bucket]:11.3f}")
    print(f"claims with any match: {len(best)} of {n_claims} ({len(best) / max(1, n_claims):.2f})")
    print("\n".join(shown))


def _other_events(n: int, best: dict[int, tuple[float, int]],
                  relation: dict[tuple[int, int], str], claims: dict,
                  row_of: dict[int, dict]) -> list[str]:
    """Lines showing the ``n`` highest-scoring best matches whose claims come from two
    events."""
    wrong = sorted(((score, mine, other) for mine, (score, other) in best.items()
                    if row_of[claims[mine].article_id]["triplet"]
                    != row_of[claims[other].article_id]["triplet"]), reverse=True)
    lines = [f"best matches from another event: {len(wrong)}; the {min(n, len(wrong))} highest:"]
    for score, mine, other in wrong[:n]:
        a, b = row_of[claims[mine].article_id], row_of[claims[other].article_id]
        apart = ""
        if a["date"] and b["date"]:
            days = date.fromisoformat(a["date"][:10]) - date.fromisoformat(b["date"][:10])
            apart = f", {abs(days.days)} day{'' if abs(days.days) == 1 else 's'} apart"
        lines += [f"- {score:.3f} {relation[mine, other]} ({a['source']} / {b['source']}{apart})",
                  f"    {claims[mine].text[:160]}", f"    {claims[other].text[:160]}"]
    return lines


if __name__ == "__main__":
    main()
