"""NLP throughput: import + claim extraction against raw ``nlp.pipe`` on BASIL articles.

Prints words per second for: the raw spaCy pipeline (``nlp.pipe``, one process), the
FactDesk extraction (pipeline + claim components + quantities/times) on one process and
on two, and the full import path (parse, store, extract, match) into a fresh project.

    python bench/nlp_throughput.py [--articles 120]
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import basil_articles  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=120)
    args = parser.parse_args()
    articles = basil_articles(args.articles)
    texts = [a["text"] for a in articles]
    words = sum(len(t.split()) for t in texts)

    from factdesk.nlp.model import resolve_model_name
    from factdesk.nlp.pipeline import ClaimExtractor

    name = resolve_model_name()
    raw = importlib.import_module(name).load()
    list(raw.pipe(texts[:4]))  # warm up
    t0 = time.perf_counter()
    for _ in raw.pipe(texts, batch_size=16):
        pass
    raw_s = time.perf_counter() - t0

    extractor = ClaimExtractor()
    items = [(i, t, None) for i, t in enumerate(texts)]
    list(extractor.analyse(items[:4]))
    t0 = time.perf_counter()
    claims = sum(len(a.claims) for a in extractor.analyse(items))
    one_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    claims2 = sum(len(a.claims) for a in extractor.analyse(items, n_process=2))
    two_s = time.perf_counter() - t0

    from factdesk.core.analysis import analyse_articles
    from factdesk.core.importing import import_paths
    from factdesk.core.project import Project

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for i, a in enumerate(articles):
            (folder / f"{i:04d}.txt").write_text(f"{a['title']}\n\n{a['text']}\n", "utf-8")
        t0 = time.perf_counter()
        with Project.open(Path(tmp) / "bench.factdesk") as project:
            report = import_paths(project, [folder])
            analyse_articles(project, [aid for _, aid in report.added], n_process=2)
        full_s = time.perf_counter() - t0

    print(f"model {name}; {len(texts)} BASIL articles, {words} words; cores: {os.cpu_count()}")
    print(f"{'path':44} {'seconds':>8} {'words/s':>9} {'vs raw':>7}")
    for label, seconds in (("raw nlp.pipe, 1 process", raw_s),
                           ("FactDesk extraction, 1 process", one_s),
                           ("FactDesk extraction, 2 processes", two_s),
                           ("import+extract+match, 2 processes", full_s)):
        print(f"{label:44} {seconds:8.2f} {words / seconds:9.0f} {raw_s / seconds:7.2f}")
    print(f"claims: {claims} (1 process), {claims2} (2 processes)")


if __name__ == "__main__":
    main()
