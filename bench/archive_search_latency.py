"""How long ``factdesk archive search`` takes on an archive of 10,000 checks, with the
checks' sentence vectors stored in the project (migration 0007) and without them (as
before: every run embedded every archived claim and title).

    python bench/archive_search_latency.py [--checks 10000] [--runs 3]

The archive is the CLEF-2020 verified claims (``../shared/eval``), stored in a project
under a temporary folder; each run is a fresh ``python -m factdesk archive search``
process, timed from start to exit. "Without" deletes the stored vectors before each run
(the run then computes and stores them again, as the first search of a project imported
before 0007 does). Then, in one process as the window's *Earlier checks* asks
(``archive_service.earlier_checks``), the per-query time of ``--queries`` CLEF dev
tweets: fresh (the query's first search: its candidates' pair inputs parsed unless an
earlier query made them candidates) and cached (the same query again), median and p95,
and the one-off first search (loading the spaCy model). Without the data the script says
so and exits 0.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from factdesk.core.archive_service import archive_index, earlier_checks  # noqa: E402
from factdesk.core.project import Project  # noqa: E402
from factdesk.model.models import ArchivedCheck  # noqa: E402

DOCS = REPO.parent / "shared" / "eval" / "clef2020-claim-retrieval" / "verified_claims.docs.tsv"
QUERY = "A photo shows a shark swimming on a flooded highway in Houston"


def _build(path: Path, n: int) -> None:
    rows = [line.rstrip("\n").split("\t") for line in DOCS.open(encoding="utf-8")][1:]
    checks = [ArchivedCheck(id=r[0], claim=r[1], title=r[2]) for r in rows if len(r) >= 3][:n]
    with Project.open(path) as project:
        with project.transaction():
            project.archive.store(checks)
        t0 = time.perf_counter()
        archive_index(project)  # computes and stores the vectors, as an import does
        print(f"{len(checks)} checks stored; vectors computed and stored in "
              f"{time.perf_counter() - t0:.2f} s")


def _search(path: Path) -> float:
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "factdesk", "archive", "search", str(path),
                           QUERY], capture_output=True, text=True, cwd=REPO, timeout=300)
    elapsed = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"archive search failed: {done.stderr}")
    return elapsed


def _per_query(path: Path, queries: list[str]) -> None:
    """Median and p95 ms of a lookup, fresh and cached (see the module's docstring)."""
    with Project.open(path, create=False, read_only=True) as project:
        search = archive_index(project)
        assert search is not None and search.relevance is not None
        t0 = time.perf_counter()
        earlier_checks(project, QUERY)
        print(f"first search of the process (loads the models): "
              f"{time.perf_counter() - t0:.2f} s; model "
              f"{'with' if search.relevance.model.uses_same_fact else 'without'} "
              "the same-fact inputs")
        fresh, cached = [], []
        for query in queries:
            for times in (fresh, cached):
                t = time.perf_counter()
                earlier_checks(project, query)
                times.append((time.perf_counter() - t) * 1000)
    for label, times in (("fresh", fresh), ("cached", cached)):
        ordered = sorted(times)
        print(f"per query, {label:6}: median {statistics.median(ordered):.1f} ms, "
              f"p95 {ordered[int(0.95 * (len(ordered) - 1))]:.1f} ms "
              f"({len(ordered)} CLEF dev tweets)")


def _dev_tweets(n: int) -> list[str]:
    path = DOCS.parent / "dev" / "tweets.queries.tsv"
    rows = [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8")][1:]
    return [r[1] for r in rows if len(r) >= 2][:n]


def _drop_vectors(path: Path) -> None:
    with Project.open(path, create=False) as project:
        with project.transaction():
            project.db.execute("DELETE FROM archive_vectors")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--checks", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--queries", type=int, default=100,
                        help="dev tweets timed in one process (0: skip)")
    args = parser.parse_args()
    if not DOCS.exists():
        print(f"skipped: evaluation data not found at {DOCS}")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "archive.factdesk"
        _build(path, args.checks)
        if args.queries:
            _per_query(path, _dev_tweets(args.queries))
        stored = [_search(path) for _ in range(args.runs)]
        missing = []
        for _ in range(args.runs):
            _drop_vectors(path)
            missing.append(_search(path))
    print(f"archive search, vectors stored:  median {statistics.median(stored):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in stored)})")
    print(f"archive search, vectors missing: median {statistics.median(missing):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in missing)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
