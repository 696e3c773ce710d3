"""NLP throughput: FactDesk's import + extraction + matching against raw ``nlp.pipe``.

The reference is ``nlp.pipe(texts)`` with the very spaCy ``Language`` FactDesk uses (the
base model plus the ``factdesk_sentences`` / ``factdesk_claims`` components), in one
process, the docs consumed and discarded, called as spaCy's defaults have it (batches of
``nlp.batch_size``). FactDesk parses in batches of
:data:`~factdesk.nlp.pipeline.EXTRACTION_BATCH_SIZE` (16), which alone parses news
articles faster, so ``nlp.pipe`` at that batch size is timed too and every ratio is given
against both: the second says how much FactDesk's own work beside parsing costs. The bare
base model is printed too, for transparency. The texts are the ones FactDesk parses:
each article as an import stores it, its headline line then its body. FactDesk's real
path is then timed end to end on them: the articles are written as files, imported into
a fresh project file, their claims extracted and stored, and matched against the
project, with one process and with two; and, to show what matching costs, on one process
without it.

Everything runs on one BLAS thread, as FactDesk does (``factdesk/__init__.py``). The raw
references and every one-process path run in a child process that starts no thread
(it counts them, and says so): once a process has had a second thread, even one that
has ended, spaCy parses ~11% slower in it (FactDesk's pipeline over these texts: 5.2 s
against 5.8 s, measured here), so a reference timed beside this parent's worker-pool
threads would flatter the two-process figure (it did, by that much, before this bench
moved the references out). The two-process path runs here, as the command line runs
it: the parent (with the pool's threads) stores and decides, its workers parse and rate
pairs.
Everything is warmed up first (models loaded, worker processes started, each path run
on six other articles), and every process that parses has parsed the timed texts once,
unmeasured: the raw references' first pass over them, and each worker process's. spaCy
keeps per-process caches (the vocabulary's lexemes, the tokenizer's and lemmatizer's
caches) that a first pass over new text fills, which costs a tenth more here; a
best-of-rounds raw reference is always timed warm, so every path is. (Before this, the
workers, each of which had seen about half of the texts, were a round or two behind.)
The paths are then run in rounds, one of each per round, so that a shared
machine's changing load weighs on all of them alike; each figure is the best of
``--runs`` rounds, and the ratios are also given as the median of the per-round ratios.

The one-process paths are also given by CPU time: the child starts no thread, so its
CPU seconds are the path's own work, which time a shared machine steals from it does not
inflate. (On 2026-12-05 they varied from round to round as much as the wall-clock
ratios, 0.80x-0.93x: the variation was in the speed of the work itself.)

``--stages`` then runs the one-process path once more (in the child) with CPU timers
around its stages (import, claim drafting from the parsed documents, merging spellings,
storing, matching and within it pair scoring; parsing is the rest) and prints what each
costs beside the parse, and the budget the 0.9x goal leaves for all of them.

    python bench/nlp_throughput.py [--articles 60] [--runs 3] [--stages]
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import basil_articles

ONE_PROCESS_PATHS = ("bare", "raw", "small", "one", "unmatched")


def timed(fn: Callable[[], object]) -> tuple[float, float, object]:
    """Wall seconds, this process's CPU seconds and the result of one call of ``fn``."""
    t0, c0 = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - t0, time.process_time() - c0, result


def best_of(runs: int, fn: Callable[[], object]) -> tuple[float, object]:
    """The shortest wall time of ``runs`` calls of ``fn``, and the last result."""
    best, result = float("inf"), None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


ANSWER = "@answer "  # the child's answers are the stdout lines that start so
_started_threads = [0]  # threads the child has started (it must start none)


def _count_thread_starts() -> None:
    import threading

    start = threading.Thread.start

    def counted(self: threading.Thread) -> None:
        _started_threads[0] += 1
        start(self)

    threading.Thread.start = counted  # type: ignore[method-assign]


class Paths:
    """The timed paths over one folder of articles (FactDesk's and the raw parses)."""

    def __init__(self, tmp: Path, folder: Path, warm: Path) -> None:
        from factdesk.core.extractors import get_extractor
        from factdesk.core.project import Project

        self.tmp, self.folder, self.warm = tmp, folder, warm
        self.counter = iter(range(10**6))
        self.texts: list[str] = []  # for the raw paths: load_raw_paths()
        self.words = 0
        # the pipeline FactDesk uses, exactly as analyse_articles builds it
        with Project.open(tmp / f"settings-{os.getpid()}.factdesk") as project:
            threshold = project.claim_threshold()
        self.extractor = get_extractor(None, threshold)
        self.factdesk_nlp = self.extractor.nlp
        self.bare: object | None = None  # the plain model: loaded for the raw paths only

    def stored_articles(self) -> list[tuple[int, str, date | None]]:
        """(id, text, publication date) of the folder's articles as an import stores
        them: the text FactDesk parses is the headline line, then the body."""
        from factdesk.core import importing
        from factdesk.core.project import Project
        from factdesk.model.models import published_date

        with Project.open(self.tmp / f"texts-{os.getpid()}.factdesk") as project:
            imported = importing.import_paths(project, [self.folder])
            stored = [project.articles.get(aid) for _, aid in imported.added]
        return [(a.id, a.text, published_date(a.published)) for a in stored]

    def load_raw_paths(self) -> None:
        """The texts FactDesk parses and the plain model, for the raw ``nlp.pipe`` paths
        (the child's only)."""
        import importlib

        self.texts = [text for _, text, _ in self.stored_articles()]
        self.words = sum(len(t.split()) for t in self.texts)
        self.bare = importlib.import_module(self.extractor.model_name).load()

    def full_path(self, n_process: int, source: Path | None = None, match: bool = True
                  ) -> tuple[int, int]:
        from factdesk.core import importing
        from factdesk.core.analysis import analyse_articles
        from factdesk.core.project import Project

        path = self.tmp / f"bench-{os.getpid()}-{next(self.counter)}.factdesk"
        with Project.open(path) as project:
            report = importing.import_paths(project, [source or self.folder])
            result = analyse_articles(project, [aid for _, aid in report.added],
                                      n_process=n_process, match=match)
            stored = project.matches.count()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return result.claims, stored

    def raw(self, nlp: object, batch_size: int | None = None) -> Callable[[], None]:
        def run() -> None:
            options = {} if batch_size is None else {"batch_size": batch_size}
            for _ in nlp.pipe(self.texts, **options):  # type: ignore[attr-defined]
                pass
        return run

    def warm_up_one_process(self, others: list[str]) -> None:
        for nlp in (self.bare, self.factdesk_nlp):
            assert nlp is not None, "load_raw_paths() first"
            for _ in nlp.pipe(others + self.texts):  # type: ignore[attr-defined]
                pass
        self.full_path(1, self.warm)

    def one_process_round(self) -> dict[str, object]:
        """One of each one-process path: seconds, and the counts of the full path."""
        from factdesk.nlp.pipeline import EXTRACTION_BATCH_SIZE

        out: dict[str, object] = {}
        # wall and CPU seconds: the child starts no thread, so its CPU time is the path's
        # own work, which a shared machine's stolen time does not count
        out["bare"], out["bare_cpu"], _ = timed(self.raw(self.bare))
        out["raw"], out["raw_cpu"], _ = timed(self.raw(self.factdesk_nlp))
        out["small"], out["small_cpu"], _ = timed(
            self.raw(self.factdesk_nlp, EXTRACTION_BATCH_SIZE))
        out["one"], out["one_cpu"], counts = timed(lambda: self.full_path(1))
        out["unmatched"], out["unmatched_cpu"], _ = timed(lambda: self.full_path(1, match=False))
        out["counts"] = counts
        out["threads_started"] = _started_threads[0]
        return out


def child(tmp: str, folder: str, warm: str) -> None:
    """The single-threaded process of the one-process paths: commands on stdin, one
    JSON line per answer on stdout."""
    _count_thread_starts()
    paths = Paths(Path(tmp), Path(folder), Path(warm))
    paths.load_raw_paths()
    others = [p.read_text("utf-8") for p in sorted(Path(warm).glob("*.txt"))]
    paths.warm_up_one_process(others)

    def answer(value: object) -> None:
        print(ANSWER + json.dumps(value), flush=True)

    answer({"words": paths.words, "articles": len(paths.texts),
            "model": paths.extractor.model_name})
    for line in sys.stdin:
        command = line.strip()
        if command == "round":
            answer(paths.one_process_round())
        elif command == "stages":
            from factdesk.nlp.pipeline import EXTRACTION_BATCH_SIZE

            answer(stage_costs(lambda: paths.full_path(1),
                               paths.raw(paths.factdesk_nlp, EXTRACTION_BATCH_SIZE)))
        else:
            break


class Child:
    """The parent's handle on :func:`child`."""

    def __init__(self, tmp: Path, folder: Path, warm: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--child", str(tmp), str(folder), str(warm)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.ready = self.answer()

    def answer(self) -> dict:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith(ANSWER):
                return json.loads(line[len(ANSWER):])
            sys.stdout.write(line)  # anything else the child printed
        raise SystemExit("the one-process child ended without an answer")

    def ask(self, command: str) -> dict:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self.answer()

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        child(*sys.argv[2:5])
        return
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--stages", action="store_true",
                        help="also print the CPU seconds of each stage of the 1-process path")
    args = parser.parse_args()
    if args.runs < 1 or args.articles < 1:
        parser.error("--runs and --articles must be at least 1")
    articles = basil_articles(args.articles + 6)
    articles, others = articles[:args.articles], articles[args.articles:]  # others: warm-up

    from factdesk.core.analysis_pool import shared_pool
    from factdesk.nlp.pipeline import EXTRACTION_BATCH_SIZE

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        folder, warm = tmp / "in", tmp / "warm"
        for where, items in ((folder, articles), (warm, others)):
            where.mkdir()
            for i, a in enumerate(items):
                (where / f"{i:04d}.txt").write_text(f"{a['title']}\n\n{a['text']}\n", "utf-8")
        single = Child(tmp, folder, warm)  # loads and warms up while nothing else runs
        try:
            paths = Paths(tmp, folder, warm)
            with shared_pool(2, paths.extractor.model_name,
                             paths.extractor.threshold) as pool:
                warmed = pool.warm_up(paths.stored_articles())
                if len(warmed) < pool.processes:
                    raise SystemExit("a worker process missed the warm-up; run again")
                paths.full_path(2, warm)
                rounds: list[dict[str, float]] = []
                child_threads = 0
                for _ in range(args.runs):
                    one = single.ask("round")
                    child_threads = max(child_threads, int(one["threads_started"]))
                    claims1, matches1 = one["counts"]
                    two_t, (claims2, matches2) = best_of(1, lambda: paths.full_path(2))
                    rounds.append({**{k: float(one[k]) for k in ONE_PROCESS_PATHS},
                                   **{f"{k}_cpu": float(one[f"{k}_cpu"])
                                      for k in ONE_PROCESS_PATHS},
                                   "two": two_t})
            stages = single.ask("stages") if args.stages else None
        finally:
            single.close()
    best = {k: min(r[k] for r in rounds) for k in (*ONE_PROCESS_PATHS, "two")}
    raw_s, small_s, words = best["raw"], best["small"], single.ready["words"]

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"model {single.ready['model']}; {single.ready['articles']} BASIL articles, "
          f"{words} words; cores: {os.cpu_count()}; load average {load:.2f}; best of "
          f"{args.runs} rounds; threads started by the one-process child: {child_threads}")
    print(f"{'path':56} {'seconds':>8} {'words/s':>8} {'vs raw':>7} "
          f"{'vs raw at ' + str(EXTRACTION_BATCH_SIZE):>13}")
    for label, seconds in (
        ("raw nlp.pipe, bare base model, 1 process", best["bare"]),
        ("raw nlp.pipe, FactDesk pipeline, 1 process (reference)", raw_s),
        (f"raw nlp.pipe, FactDesk pipeline, batch_size={EXTRACTION_BATCH_SIZE}", small_s),
        ("import+extract+match (FactDesk), 1 process", best["one"]),
        ("import+extract+match (FactDesk), 2 processes", best["two"]),
        ("import+extract without matching, 1 process", best["unmatched"]),
    ):
        print(f"{label:56} {seconds:8.2f} {words / seconds:8.0f} {raw_s / seconds:6.2f}x "
              f"{small_s / seconds:12.2f}x")
    for name, key in (("raw nlp.pipe", "raw"),
                      (f"raw nlp.pipe at batch {EXTRACTION_BATCH_SIZE}", "small")):
        one_ratios = [r[key] / r["one"] for r in rounds]
        two_ratios = [r[key] / r["two"] for r in rounds]
        per_round = ", ".join(f"{a:.2f}/{b:.2f}"
                              for a, b in zip(one_ratios, two_ratios, strict=True))
        print(f"median of the per-round ratios to {name}: 1 process "
              f"{statistics.median(one_ratios):.2f}x, 2 processes "
              f"{statistics.median(two_ratios):.2f}x (per round, 1/2 processes: {per_round})")
    for name, key in (("raw nlp.pipe", "raw_cpu"),
                      (f"raw nlp.pipe at batch {EXTRACTION_BATCH_SIZE}", "small_cpu")):
        ratios = [r[key] / r["one_cpu"] for r in rounds]
        print(f"1 process by CPU time (the child's CPU seconds, which time stolen by a shared "
              f"machine does not inflate), ratio to {name}: median "
              f"{statistics.median(ratios):.2f}x (per round: "
              f"{', '.join(f'{x:.2f}' for x in ratios)}); without matching "
              f"{statistics.median([r[key] / r['unmatched_cpu'] for r in rounds]):.2f}x")
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
    ("factdesk.core.analysis", "match_articles", "matching"),  # as analysis calls it
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
