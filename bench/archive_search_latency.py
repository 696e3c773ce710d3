"""How long ``factdesk archive search`` takes on an archive of 10,000 checks, with the
checks' sentence vectors stored in the project (migration 0007) and without them (as
before: every run embedded every archived claim and title).

    python bench/archive_search_latency.py [--checks 10000] [--runs 3]

The archive is the CLEF-2020 verified claims (``../shared/eval``), stored in a project
under a temporary folder; each run is a fresh ``python -m factdesk archive search``
process, timed from start to exit. "Without" deletes the stored vectors before each run
(the run then computes and stores them again, as the first search of a project imported
before 0007 does). Without the data the script says so and exits 0.
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

from factdesk.core.archive_service import archive_index  # noqa: E402
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


def _drop_vectors(path: Path) -> None:
    with Project.open(path, create=False) as project:
        with project.transaction():
            project.db.execute("DELETE FROM archive_vectors")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--checks", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not DOCS.exists():
        print(f"skipped: evaluation data not found at {DOCS}")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "archive.factdesk"
        _build(path, args.checks)
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
