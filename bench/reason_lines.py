"""Every suggestion's one-line reason in some projects, to compare two revisions' wording.

``dump``: one JSON line per stored match of each project (project, match, relation,
score, the two claims, the reason as the panel and ``factdesk matches`` show it from
the first claim's side). Run it once with another revision on ``PYTHONPATH`` (e.g. a
checkout of main) and once with this one: the matches are the projects' stored ones, so
only the reason's wording can differ. ``compare``: counts of the wordings review 18
found (a lower-case day or month, a newspaper as who, a name inside another shown
name, a describing word or time of day as what) on each side, and how many reasons
changed.

Usage::

    PYTHONPATH=OTHER python bench/reason_lines.py dump P.factdesk ... > before.jsonl
    PYTHONPATH=.     python bench/reason_lines.py dump P.factdesk ... > after.jsonl
    python bench/reason_lines.py compare before.jsonl after.jsonl

(seconds; the projects from ``bench/basil_event.py`` or ``factdesk demo``).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

_DAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                  r"january|february|march|april|june|july|august|september|october|"
                  r"november|december)\b")
_PUBLICATION = re.compile(r"\b(?:Times|CNN|Fox News|Post|Journal)\b")
_DESCRIBING = re.compile(r"\b(?:suspicious|eastern|morning|night|internal|political|"
                         r"congressional|critical|nationwide|important|outrageous|"
                         r"clearly|simply|likely|overseas|broken)\b")

#: a time of day told with its day ("Friday morning"): a when, not a what
_AT_DAY = re.compile(r"\b[A-Z][a-z]+day (?:morning|night)\b")


def dump(paths: list[str]) -> None:
    from factdesk.cli.project_commands import open_existing
    from factdesk.core.claim_facts import stored_claim_facts
    from factdesk.matching.panel import match_reason

    for path in paths:
        with open_existing(Path(path), read_only=True) as project:
            ids = [row[0] for row in project.db.execute("SELECT id FROM matches ORDER BY id")]
            outlets: dict[int, str] = {}
            for match_id in ids:
                match = project.matches.get(match_id)
                a, b = project.claims.get(match.claim_a), project.claims.get(match.claim_b)
                if a is None or b is None:
                    continue
                for claim in (a, b):
                    if claim.article_id not in outlets:
                        article = project.articles.get(claim.article_id)
                        outlets[claim.article_id] = article.outlet if article else ""
                reason = match_reason(stored_claim_facts(project, a, outlets[a.article_id]),
                                      stored_claim_facts(project, b, outlets[b.article_id]),
                                      match.discrepancies)
                print(json.dumps({"project": Path(path).stem, "match": match_id,
                                  "relation": match.relation, "score": round(match.score, 2),
                                  "a": a.text, "b": b.text, "reason": reason}))


def _shared(reason: str) -> str:
    return reason.split(" · ")[0]


def _who(reason: str) -> str:
    shared = _shared(reason)
    if shared.startswith("Shares who: "):
        return shared.split(";")[0]
    return shared.removeprefix("Both: ").split(";")[0] if shared.startswith("Both: ") else ""


def _contained(reason: str) -> bool:
    for part in _shared(reason).split(";"):
        names = [n.strip(" .") for n in re.sub(r"^.*?: ", "", part).split(",")]
        if any(i != j and f" {x} " in f" {y} " for i, x in enumerate(names)
               for j, y in enumerate(names) if x):
            return True
    return False


def compare(before_path: str, after_path: str) -> None:
    before = [json.loads(line) for line in open(before_path, encoding="utf-8")]
    after = [json.loads(line) for line in open(after_path, encoding="utf-8")]
    print(f"{len(before)} reasons; {sum(x['reason'] != y['reason'] for x, y in zip(before, after, strict=True))} changed")
    checks = {"lower-case day or month": lambda r: bool(_DAY.search(r)),
              "newspaper or broadcaster as who": lambda r: bool(_PUBLICATION.search(_who(r))),
              "a name inside another shown": _contained,
              "describing word or time of day shared": lambda r: bool(
                  _DESCRIBING.search(_AT_DAY.sub("", _shared(r))))}
    for name, check in checks.items():
        print(f"{name}: {sum(check(x['reason']) for x in before)} -> "
              f"{sum(check(y['reason']) for y in after)}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "dump":
        dump(sys.argv[2:])
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        compare(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
