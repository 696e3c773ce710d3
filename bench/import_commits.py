"""Import commits: how long storing 60 BASIL articles takes, and how many commits it makes.

Each commit of a project waits for the disk (WAL with ``synchronous = FULL``), so the
importer writes several articles per commit, each in a savepoint of its own
(``core/importing.py``). The 60 articles are the first 60 of BASIL's dev file
(``../shared/eval/basil/articles-dev.jsonl``, Fan et al., EMNLP 2019), written as
``.txt`` files with title / outlet / date / url headers, imported without extraction
into a fresh project on this machine's disk, ``--rounds`` times; prints the median and
best wall time, the CPU time and the commits (counted with SQLite's trace callback).

Usage: ``python bench/import_commits.py [--rounds 7] [--dir /var/tmp]``
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BASIL = REPO.parent / "shared" / "eval" / "basil" / "articles-dev.jsonl"
OUTLETS = {"nyt": "New York Times", "fox": "Fox News", "hpo": "HuffPost"}


def write_articles(folder: Path, count: int = 60) -> int:
    lines = BASIL.read_text(encoding="utf-8").splitlines()[:count]
    for i, line in enumerate(lines):
        row = json.loads(line)
        body = "\n\n".join(" ".join(p) for p in row["body-paragraphs"])
        (folder / f"{i:02d}-{row['source']}.txt").write_text(
            f"Title: {row['title']}\nOutlet: {OUTLETS.get(row['source'], row['source'])}\n"
            f"Date: {row['date']}\nURL: {row['url']}\n\n{body}\n", encoding="utf-8")
    return len(lines)


def one_import(source: Path, target: Path) -> tuple[float, float, int, int]:
    from factdesk.core.importing import import_paths
    from factdesk.core.project import Project

    commits = [0]

    def count(statement: str) -> None:
        if statement.strip().upper().startswith(("COMMIT", "END")):
            commits[0] += 1

    with Project.open(target) as project:
        project.db.conn.set_trace_callback(count)
        wall, cpu = time.perf_counter(), time.process_time()
        report = import_paths(project, [source])
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        project.db.conn.set_trace_callback(None)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    return wall, cpu, commits[0], len(report.added)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--dir", type=Path, default=None, help="where the projects go")
    args = parser.parse_args()
    if not BASIL.exists():
        print(f"skipped: {BASIL} is not here")
        return 0
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        n = write_articles(folder)
        one_import(folder, Path(tmp) / "warm.factdesk")  # imports loaded, caches warm
        runs = [one_import(folder, Path(tmp) / f"p{i}.factdesk") for i in range(args.rounds)]
    walls = [r[0] for r in runs]
    print(f"{n} articles, {runs[0][3]} imported per run, {args.rounds} runs")
    print(f"wall: median {statistics.median(walls):.3f} s, best {min(walls):.3f} s")
    print(f"cpu:  median {statistics.median(r[1] for r in runs):.3f} s")
    print(f"commits per import: {runs[0][2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
