"""Opening a large project and searching it: open time, search latency, memory.

Run on a project made by ``generate_large_project.py``:

    python bench/generate_large_project.py /tmp/big.factdesk
    python bench/search_scale.py /tmp/big.factdesk

Prints: time to open the project (and to list its articles, as the window does), search
latency (median, p95, max) over rare, common and very common terms, phrases, prefixes and
alias-expanded names, and the resident memory.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from pathlib import Path

QUERIES = [
    "Zelensky", "Izyum", "Obama", "senate", "immigration", "tax", "president", "said",
    "the", "police", '"health care"', '"white house"', "elect*", "vot*", "gun control",
    "climate change", "budget deficit", "Trump", "court ruling", "war crimes", "bodies",
    "investigators", "Kharkiv", "NOT", '"unbalanced', "*", "people", "percent", "million",
]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("project", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from factdesk.core.project import Project

    t0 = time.perf_counter()
    project = Project.open(args.project, create=False)
    opened = time.perf_counter() - t0
    t0 = time.perf_counter()
    summaries = project.articles.summaries()
    listed = time.perf_counter() - t0
    claims = project.claims.count()
    timings: list[float] = []
    worst: tuple[float, str] = (0.0, "")
    for _ in range(args.repeat):
        for query in QUERIES:
            t0 = time.perf_counter()
            project.search.search(query, limit=20)
            dt = time.perf_counter() - t0
            timings.append(dt)
            worst = max(worst, (dt, query))
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(f"project: {len(summaries)} articles, {claims} claims, "
          f"{args.project.stat().st_size / 1e6:.0f} MB")
    print(f"open: {opened * 1000:.0f} ms; article list with counts: {listed * 1000:.0f} ms")
    print(f"search over {len(timings)} queries (4 kinds each, top 20): median "
          f"{statistics.median(timings) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
          f"max {worst[0] * 1000:.1f} ms ({worst[1]!r})")
    print(f"peak resident memory: {rss_mb():.0f} MB")
    project.close()


if __name__ == "__main__":
    main()
