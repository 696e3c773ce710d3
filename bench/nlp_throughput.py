"""NLP throughput: FactDesk's import + extraction + matching against raw ``nlp.pipe``.

The reference is ``nlp.pipe(texts)`` with the very spaCy ``Language`` FactDesk uses (the
base model plus the ``factdesk_sentences`` / ``factdesk_claims`` components), in one
process, the docs consumed and discarded, called as spaCy's defaults have it (batches of
``nlp.batch_size``, 256). FactDesk parses in batches of
:data:`~factdesk.nlp.pipeline.EXTRACTION_BATCH_SIZE` (16), which alone parses news
articles faster, so ``nlp.pipe`` at that batch size is timed too and every ratio is given
against both: the second says how much FactDesk's own work beside parsing costs. The bare
base model is printed too, for transparency. The texts are the ones FactDesk parses:
each article as an import stores it, its headline line then its body. FactDesk's real
path is then timed end to end on them: the articles are written as files, imported into
a fresh project file, their claims extracted and stored, and matched against the
project, with one process and with two; and, to show what matching costs, on one process
without it.
Everything is warmed up first, on six other articles (models loaded, worker processes
started). The paths are then run in rounds, one of each per round, so that a shared
machine's changing load weighs on all of them alike; each figure is the best of
``--runs`` rounds, and the ratios are also given as the median of the per-round ratios.

``--stages`` then runs the one-process path once more with CPU timers around its stages
(import, claim drafting from the parsed documents, merging spellings, storing, matching
and within it pair scoring; parsing is the rest) and prints what each costs beside the
parse, and the budget the 0.9x goal leaves for all of them.

    python bench/nlp_throughput.py [--articles 60] [--runs 3] [--stages]
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import basil_articles  # noqa: E402


def best_of(runs: int, fn: Callable[[], object]) -> tuple[float, object]:
    """The shortest wall time of ``runs`` calls of ``fn``, and the last result."""
    best, result = float("inf"), None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--stages", action="store_true",
                        help="also print the CPU seconds of each stage of the 1-process path")
    args = parser.parse_args()
    articles = basil_articles(args.articles + 6)
    articles, others = articles[:args.articles], articles[args.articles:]  # others: warm-up

    import importlib

    from factdesk.core import importing
    from factdesk.core.analysis import analyse_articles, get_extractor
    from factdesk.core.analysis_pool import shared_pool
    from factdesk.core.project import Project
    from factdesk.nlp.pipeline import EXTRACTION_BATCH_SIZE
    from factdesk.nlp.worthiness import DEFAULT_THRESHOLD

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for i, a in enumerate(articles):
            (folder / f"{i:04d}.txt").write_text(f"{a['title']}\n\n{a['text']}\n", "utf-8")
        counter = iter(range(10**6))

        def full_path(n_process: int, source: Path = folder, match: bool = True
                      ) -> tuple[int, int]:
            path = Path(tmp) / f"bench-{next(counter)}.factdesk"
            with Project.open(path) as project:
                report = importing.import_paths(project, [source])
                result = analyse_articles(project, [aid for _, aid in report.added],
                                          n_process=n_process, match=match)
                stored = project.matches.count()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            return result.claims, stored

        # the texts FactDesk parses (each article as imported: its headline, then its body)
        with Project.open(Path(tmp) / "texts.factdesk") as project:
            imported = importing.import_paths(project, [folder])
            texts = [project.articles.get(aid).text for _, aid in imported.added]
        words = sum(len(t.split()) for t in texts)

        # the pipeline FactDesk uses, exactly as analyse_articles builds it
        with Project.open(Path(tmp) / "settings.factdesk") as project:
            threshold = project.claim_threshold(DEFAULT_THRESHOLD)
        extractor = get_extractor(None, threshold)
        factdesk_nlp = extractor.nlp
        bare = importlib.import_module(extractor.model_name).load()

        warm = Path(tmp) / "warm"
        warm.mkdir()
        for i, a in enumerate(others):
            (warm / f"{i:04d}.txt").write_text(f"{a['title']}\n\n{a['text']}\n", "utf-8")
        for nlp in (bare, factdesk_nlp):
            for _ in nlp.pipe([a["text"] for a in others]):
                pass
        full_path(1, warm)
        with shared_pool(2, extractor.model_name, extractor.threshold) as pool:
            pool.warm_up()
            full_path(2, warm)

            def raw(nlp: object, batch_size: int | None = None) -> Callable[[], None]:
                def run() -> None:
                    options = {} if batch_size is None else {"batch_size": batch_size}
                    for _ in nlp.pipe(texts, **options):  # type: ignore[attr-defined]
                        pass
                return run

            rounds: list[tuple[float, ...]] = []
            for _ in range(args.runs):
                bare_t, _ = best_of(1, raw(bare))
                raw_t, _ = best_of(1, raw(factdesk_nlp))
                small_t, _ = best_of(1, raw(factdesk_nlp, EXTRACTION_BATCH_SIZE))
                one_t, (claims1, matches1) = best_of(1, lambda: full_path(1))
                two_t, (claims2, matches2) = best_of(1, lambda: full_path(2))
                unmatched_t, _ = best_of(1, lambda: full_path(1, match=False))
                rounds.append((bare_t, raw_t, small_t, one_t, two_t, unmatched_t))
            bare_s, raw_s, small_s, one_s, two_s, unmatched_s = (
                min(r[i] for r in rounds) for i in range(6))
        stages = stage_costs(lambda: full_path(1), raw(factdesk_nlp, EXTRACTION_BATCH_SIZE)
                             ) if args.stages else None

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"model {extractor.model_name}; {len(texts)} BASIL articles, {words} words; "
          f"cores: {os.cpu_count()}; load average {load:.2f}; best of {args.runs} rounds")
    print(f"{'path':56} {'seconds':>8} {'words/s':>8} {'vs raw':>7} "
          f"{'vs raw at ' + str(EXTRACTION_BATCH_SIZE):>13}")
    for label, seconds in (
        ("raw nlp.pipe, bare base model, 1 process", bare_s),
        ("raw nlp.pipe, FactDesk pipeline, 1 process (reference)", raw_s),
        (f"raw nlp.pipe, FactDesk pipeline, batch_size={EXTRACTION_BATCH_SIZE}", small_s),
        ("import+extract+match (FactDesk), 1 process", one_s),
        ("import+extract+match (FactDesk), 2 processes", two_s),
        ("import+extract without matching, 1 process", unmatched_s),
    ):
        print(f"{label:56} {seconds:8.2f} {words / seconds:8.0f} {raw_s / seconds:6.2f}x "
              f"{small_s / seconds:12.2f}x")
    references = (("raw nlp.pipe", 1), (f"raw nlp.pipe at batch {EXTRACTION_BATCH_SIZE}", 2))
    for name, column in references:
        one_ratios = [r[column] / r[3] for r in rounds]
        two_ratios = [r[column] / r[4] for r in rounds]
        per_round = ", ".join(f"{a:.2f}/{b:.2f}"
                              for a, b in zip(one_ratios, two_ratios, strict=True))
        print(f"median of the per-round ratios to {name}: 1 process "
              f"{statistics.median(one_ratios):.2f}x, 2 processes "
              f"{statistics.median(two_ratios):.2f}x (per round, 1/2 processes: {per_round})")
    print(f"claims: {claims1} (1 process), {claims2} (2 processes); "
          f"matches stored: {matches1} (1 process), {matches2} (2 processes)")
    if stages is not None:
        print_stages(stages)


STAGES = (  # (module, function, label): the stages of the 1-process path, timed in CPU
    ("factdesk.core.importing", "import_paths", "import (read, clean, store articles)"),
    ("factdesk.nlp.pipeline", "analysis_from_doc", "claim drafts (quantities, times, terms)"),
    ("factdesk.core.spellings", "BatchSpellings.forms", "merging spellings"),
    ("factdesk.core.analysis", "refresh_canonical_forms", "merging spellings (project)"),
    ("factdesk.core.analysis", "store_analysis", "storing claims and mentions"),
    ("factdesk.core.matching_service", "match_articles", "matching"),
    ("factdesk.core.matching_service", "rate_pairs", "  of which pair scoring"),
)


def stage_costs(full_path: Callable[[], object], raw: Callable[[], None]) -> dict[str, float]:
    """CPU seconds per stage of one run of ``full_path`` (the functions of :data:`STAGES`
    wrapped with timers for that run), its total, and the raw parse's."""
    import importlib

    costs: dict[str, float] = {label: 0.0 for _, _, label in STAGES}
    originals = []
    for module_name, name, label in STAGES:
        owner: object = importlib.import_module(module_name)
        *path, name = name.split(".")  # "Class.method" patches the class
        for part in path:
            owner = getattr(owner, part)
        original = getattr(owner, name)
        originals.append((owner, name, original))

        def timed(*a: object, _f: Callable = original, _label: str = label, **k: object) -> object:
            t0 = time.process_time()
            try:
                return _f(*a, **k)
            finally:
                costs[_label] += time.process_time() - t0

        setattr(owner, name, functools.wraps(original)(timed))
    try:
        t0 = time.process_time()
        raw()
        costs["raw nlp.pipe (reference)"] = time.process_time() - t0
        t0 = time.process_time()
        full_path()
        costs["total"] = time.process_time() - t0
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)
    return costs


def print_stages(costs: dict[str, float]) -> None:
    raw = costs.pop("raw nlp.pipe (reference)")
    total = costs.pop("total")
    nested = {label for label in costs if label.startswith("  ")}
    beside = sum(v for k, v in costs.items() if k not in nested)
    print(f"\nCPU seconds of one 1-process run (total {total:.2f}; raw nlp.pipe at FactDesk's "
          f"batch size {raw:.2f}):")
    for label, value in costs.items():
        print(f"  {label:44} {value:6.2f}")
    print(f"  {'parsing and the rest':44} {total - beside:6.2f}")
    print(f"besides parsing: {beside:.2f} s; 0.9x of raw nlp.pipe at the same batch size "
          f"leaves {raw / 0.9 - raw:.2f} s for all of it")


if __name__ == "__main__":
    main()
