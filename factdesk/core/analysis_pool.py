"""Worker processes for claim extraction and pair scoring, started once and reused.

An :class:`AnalysisPool` runs ``spawn``-started worker processes (safe next to Qt and
threads, and in the frozen app, whose launcher calls ``freeze_support``). Each worker
builds FactDesk's spaCy pipeline once, in its initializer, and then serves two kinds of
task, so that only small picklable values cross the process boundary, never a ``Doc``:

* extraction: a few ``(article id, text, date)`` in, their
  :class:`~factdesk.nlp.pipeline.ArticleAnalysis` (claim and mention drafts) out;
* pair scoring: pair-model inputs in, ``(probability, graded similarity)`` out (or
  bounds that show a pair unrelated)
  (:func:`factdesk.core.pair_rating.rate_pairs`).

Results come back in submission order, with a bounded number of tasks in flight, so the
caller stores article after article (and may stop between any two) while the workers
parse the next ones. Pools are shared per (processes, model, threshold) through
:func:`shared_pool` and closed after :data:`IDLE_SECONDS` unused, or at exit: the model
loads once per session, and idle workers do not hold its memory for long.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING

from factdesk.core.batch_gc import use_batch_thresholds
from factdesk.core.pair_rating import PairScore, Unrelated, rate_pairs
from factdesk.matching.pair_model import PairScorer
from factdesk.nlp.pipeline import ArticleAnalysis, ClaimExtractor

if TYPE_CHECKING:
    from factdesk.matching.pair_features import PairInput

Article = tuple[int, str, date | None]

#: Articles per extraction task, about: the batch FactDesk parses in
#: (:data:`~factdesk.nlp.pipeline.EXTRACTION_BATCH_SIZE`). spaCy parses a batch of 2-3
#: news articles ~7% slower than one of 16 (``bench/nlp_throughput.py``'s texts), so a
#: task is one full batch, not a few articles.
ARTICLES_PER_TASK = 16
#: ... and at most this many, however uneven the articles' lengths.
MAX_ARTICLES_PER_TASK = 2 * ARTICLES_PER_TASK
#: Pairs per pair-scoring task (~0.15 s of work): each task carries its pairs' inputs,
#: which a worker prepares once per run, so fewer, larger tasks send and prepare less.
PAIRS_PER_TASK = 160
TASKS_PER_WORKER = 2  # extraction tasks in flight per worker (one running, one queued)
IDLE_SECONDS = 300.0  # an unused pool's workers exit after this long

# -- in the worker processes ------------------------------------------------------------

_extractor: ClaimExtractor | None = None


def _init_worker(model_name: str, threshold: float) -> None:
    """Build the pipeline once per worker process (and load the worthiness weights)."""
    global _extractor
    use_batch_thresholds()  # a worker only analyses batches
    _extractor = ClaimExtractor(model_name, threshold)
    # load everything the first real task would (pipeline, worthiness weights, dateparser)
    warm_up = "“About 30 people came,” the mayor said on Monday, a week after the vote."
    list(_extractor.analyse([(0, warm_up, date(2022, 9, 14))]))


_inputs: dict[PairInput, PairInput] = {}  # equal inputs -> one object (keeps its cache)
_inputs_run: list[str] = [""]
MAX_CACHED_INPUTS = 8_000  # with their cached n-gram sets, ~10 kB each


def _analyse_task(articles: list[Article]) -> list[ArticleAnalysis]:
    assert _extractor is not None, "worker not initialised"
    _inputs.clear()  # a new import: the last matching run's inputs are not needed
    return list(_extractor.analyse(articles, batch_size=max(len(articles), 1)))


def _rate_task(run: str, pairs: list[tuple[PairInput, PairInput]]
               ) -> list[PairScore | Unrelated]:
    # A claim's input arrives with many tasks of one matching run; the features'
    # per-sentence preparation (cached on the PairInput object) is done once per worker
    # and run, not once per task.
    if run != _inputs_run[0] or len(_inputs) > MAX_CACHED_INPUTS:
        _inputs.clear()
        _inputs_run[0] = run
    interned = [(_inputs.setdefault(a, a), _inputs.setdefault(b, b)) for a, b in pairs]
    return rate_pairs(PairScorer.load(), interned)


def _ready_task(delay: float, articles: list[Article]) -> int:
    time.sleep(delay)  # long enough for every idle worker to take one of these
    assert _extractor is not None, "worker not initialised"
    for _ in _extractor.analyse(articles):
        pass
    return os.getpid()


# -- in the parent -------------------------------------------------------------------------


def plan_tasks(lengths: Sequence[int], processes: int) -> list[int]:
    """Sizes of the extraction tasks for articles of these text lengths, in order.

    About :data:`ARTICLES_PER_TASK` articles each and never more than
    :data:`MAX_ARTICLES_PER_TASK`, their number a multiple of ``processes`` (but never
    more than the articles), and each run of consecutive articles about as much work as
    the others (its text, plus an average article's worth for each article): the
    workers, taking tasks as they free up, then finish together instead of one parsing
    the last task alone.
    """
    n = len(lengths)
    if n == 0:
        return []
    processes = max(processes, 1)
    rounds = max(1, int(n / (processes * ARTICLES_PER_TASK) + 0.5))
    tasks = min(n, processes * rounds)
    mean = sum(max(length, 0) for length in lengths) / n
    weights = [max(length, 0) + mean + 1.0 for length in lengths]
    total = sum(weights)
    sizes: list[int] = []
    start, left = 0, total
    for k in range(1, tasks):
        share = left / (tasks - k + 1)  # the even share of what is left
        end, taken = start + 1, weights[start]  # a task holds at least one article ...
        # ... and leaves at least one for each task after it; it ends nearest its share
        while (end < n - (tasks - k) and end - start < MAX_ARTICLES_PER_TASK
               and taken + weights[end] / 2 <= share):
            taken += weights[end]
            end += 1
        sizes.append(end - start)
        start, left = end, left - taken
    rest = n - start  # the last task, or more where the cap held the others back
    pieces = -(-rest // MAX_ARTICLES_PER_TASK)
    base, extra = divmod(rest, pieces)
    return sizes + [base + 1] * extra + [base] * (pieces - extra)


def _chunks(articles: Iterable[Article], sizes: Sequence[int]) -> Iterator[list[Article]]:
    """Consecutive articles grouped into tasks of the given sizes; articles beyond them
    (or all, when ``sizes`` is empty) in tasks of :data:`ARTICLES_PER_TASK`."""
    planned = iter(sizes)
    chunk: list[Article] = []
    size = next(planned, ARTICLES_PER_TASK)
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
            size = next(planned, ARTICLES_PER_TASK)
    if chunk:
        yield chunk


class AnalysisPool:
    """Worker processes that extract claims and score claim pairs (see module docstring)."""

    def __init__(self, processes: int, model_name: str, threshold: float) -> None:
        self.processes = max(1, int(processes))
        self.key = (self.processes, model_name, float(threshold))
        self._executor = ProcessPoolExecutor(
            max_workers=self.processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(model_name, float(threshold)),
        )
        self.users = 0
        self.last_used = time.monotonic()

    def warm_up(self, articles: Sequence[Article] = ()) -> set[int]:
        """Start every worker and wait until each has loaded the pipeline; then each
        idle worker analyses ``articles`` once, unstored (spaCy's vocabulary and its
        tokenizer's and lemmatizer's caches then hold their words, as a session's
        earlier imports would have filled them). The ids of the processes that did."""
        futures = [self._executor.submit(_ready_task, 0.2, list(articles))
                   for _ in range(self.processes)]
        return {future.result() for future in futures}

    def analyse(self, articles: Iterable[Article], lengths: Sequence[int]
                ) -> Iterator[ArticleAnalysis]:
        """One analysis per article, in input order, parsed in the workers.

        ``lengths`` (the articles' text lengths, in order) plan the tasks
        (:func:`plan_tasks`); articles beyond them go in tasks of
        :data:`ARTICLES_PER_TASK`.

        Closing the iterator early (the caller was cancelled) drops the queued tasks;
        at most one task per worker is still finished, and its result discarded.
        """
        window: deque[Future[list[ArticleAnalysis]]] = deque()
        limit = TASKS_PER_WORKER * self.processes
        try:
            for chunk in _chunks(articles, plan_tasks(lengths, self.processes)):
                window.append(self._executor.submit(_analyse_task, chunk))
                while len(window) >= limit or (window and window[0].done()):
                    yield from window.popleft().result()
            while window:
                yield from window.popleft().result()
        finally:
            for future in window:
                future.cancel()

    def rate(
        self, pairs: Sequence[tuple[PairInput, PairInput]], run: str
    ) -> list[tuple[int, Future[list[PairScore | Unrelated]]]]:
        """Submit pair scoring in tasks of up to :data:`PAIRS_PER_TASK` consecutive pairs:
        (number of pairs, future ratings) per task, in order. ``run`` names the matching
        run (the workers' caches last for one run)."""
        tasks = []
        for i in range(0, len(pairs), PAIRS_PER_TASK):
            part = list(pairs[i:i + PAIRS_PER_TASK])
            tasks.append((len(part), self._executor.submit(_rate_task, run, part)))
        return tasks

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


_lock = threading.Lock()
_pools: dict[tuple[int, str, float], AnalysisPool] = {}
_timer: threading.Timer | None = None


def _close_idle() -> None:
    global _timer
    with _lock:
        _timer = None
        now = time.monotonic()
        idle = [k for k, p in _pools.items() if not p.users and now - p.last_used >= IDLE_SECONDS]
        pools = [_pools.pop(k) for k in idle]
        if _pools:
            _schedule()
    for pool in pools:
        pool.close()


def _schedule() -> None:
    global _timer
    if _timer is None:
        _timer = threading.Timer(IDLE_SECONDS + 1.0, _close_idle)
        _timer.daemon = True
        _timer.start()


@contextmanager
def shared_pool(processes: int, model_name: str, threshold: float) -> Iterator[AnalysisPool]:
    """The session's pool for these settings, started on first use.

    A pool whose worker died is discarded, so that the next call starts a fresh one.
    """
    key = (max(1, int(processes)), model_name, float(threshold))
    with _lock:
        pool = _pools.get(key)
        if pool is None:
            pool = _pools[key] = AnalysisPool(*key)
        pool.users += 1
    try:
        yield pool
    except BaseException as exc:
        if isinstance(exc, BrokenProcessPool):
            with _lock:
                if _pools.get(key) is pool:
                    del _pools[key]
        raise
    finally:
        with _lock:
            pool.users -= 1
            pool.last_used = time.monotonic()
            _schedule()


def discard_pool(pool: AnalysisPool) -> None:
    """Forget a pool whose worker died (the next run starts a fresh one) and stop it."""
    with _lock:
        if _pools.get(pool.key) is pool:
            del _pools[pool.key]
    pool._executor.shutdown(wait=False, cancel_futures=True)


def close_pools() -> None:
    """Stop every shared pool's workers (at exit, or to free their memory now)."""
    with _lock:
        pools = [p for p in _pools.values() if not p.users]
        for pool in pools:
            del _pools[pool.key]
    for pool in pools:
        pool.close()


atexit.register(close_pools)
