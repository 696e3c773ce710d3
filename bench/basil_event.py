"""Build a project of one BASIL development event, to look at it as a checker would.

    python bench/basil_event.py --list                  # every event: triplet uuid, title
    python bench/basil_event.py 85475456 /tmp/blum.factdesk   # the event whose uuid starts so

Imports the event's three articles (New York Times, Fox News, HuffPost) as pasted text
with their titles, outlets and dates, then extracts and matches them, as an import does.
The data is read from ../shared/eval/basil; the script exits 0 with a message without it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from _shared import basil_articles

OUTLETS = {"nyt": "The New York Times", "hpo": "HuffPost", "fox": "Fox News"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("event", nargs="?", help="the start of the event's triplet uuid")
    parser.add_argument("project", nargs="?", type=Path, help="the project file to write")
    parser.add_argument("--list", action="store_true", help="list the events and stop")
    args = parser.parse_args()
    articles = basil_articles()
    if args.list or not args.event:
        for triplet, title in dict((a["triplet"], a["title"]) for a in articles).items():
            print(triplet, title)
        return
    if args.project is None:
        parser.error("give the project file to write")
    chosen = [a for a in articles if a["triplet"].startswith(args.event)]
    if not chosen:
        parser.error(f"no event starts with {args.event!r} (see --list)")
    # imported here: the listing needs neither spaCy nor the project code
    from factdesk.core.analysis import analyse_articles
    from factdesk.core.importing import store_parsed
    from factdesk.core.project import Project
    from factdesk.ingest import parse_pasted

    args.project.unlink(missing_ok=True)
    with Project.open(args.project) as project:
        ids = [store_parsed(project, parse_pasted(
            a["text"], title=a["title"] or "", outlet=OUTLETS.get(a["source"], a["source"] or ""),
            published=a["date"] or ""))[0] for a in chosen]
        analyse_articles(project, ids, n_process=1)
    print(f"{args.project}: articles {ids} of event {chosen[0]['triplet']}")


if __name__ == "__main__":
    main()
