"""Reliability bench: SIGKILL runs over import and verdict editing, plus fuzzing runs.

Usage::

    python bench/reliability.py [--kills 10] [--fuzz 2000] [--times 20000]
                                [--archive 2000] [--feed 5000] [--seed 1]

Kills alternate between ``factdesk import`` (300 files, killed after a random number of
articles, then re-run: no duplicates allowed) and a verdict-editing loop (killed after a
random number of reported saves: every one must be in the file). The fuzz run feeds random
bytes, random HTML and random text in random encodings to the importers, and random queries
to the search parser. The time-expression run reads random expressions (huge and odd
counts of minutes to millennia ago or later, BC years, years 0-99,999, impossible ISO
dates, random text) against random publication dates from year 1 to 9999, checks each
reading (a valid, ordered pair of dates or none), and sends every 100th pair of them
through ``compare`` (spaCy, quantities, times and the discrepancy rules). The archive run
feeds random ClaimReview JSON-LD (random nesting, lists, language tags, contexts), JSON
lines, CSV (random delimiters and encodings) and HTML to the archive importer. The feed
run imports one DataFeed of ``--feed`` ClaimReviews in the shape of the big public
fact-check feeds (each item with its own context, its claim's author and appearance, a
numeric rating with its scale) and prints reviews per second, read and stored. Prints
kills survived, bad inputs tried, crashes, hangs, edits lost and the time taken; exits 1
if anything was lost or crashed.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import socket
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "reliability"))

from fuzz_inputs import fuzz_archive, fuzz_times  # noqa: E402
from reliability_helpers import KillOutcome, kill_import, kill_verdict_edits  # noqa: E402

from factdesk.ingest import IngestError, parse_bytes  # noqa: E402
from factdesk.storage.search import build_match_expression  # noqa: E402

BUDGET_SECONDS = 10
_TAGS = ["div", "p", "span", "script", "style", "iframe", "img", "a", "table", "td", "article",
         "main", "body", "html", "head", "title", "meta", "link", "svg", "noscript", "object",
         "base", "form", "!--", "![CDATA["]
_ATTRS = ['src="http://evil.example/x.png"', 'href="file:///etc/passwd"', 'onload="alert(1)"',
          'http-equiv="refresh" content="0;url=http://evil.example"', 'charset="utf-7"']
_ENCODINGS = ["utf-8", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1", "shift_jis",
              "koi8-r"]
_QUERY_BITS = list('"*()^:-+_.,;\'\\/{}[]<>|&!? \t\u00e9\u200b\u202e') + [
    "OR", "AND", "NOT", "NEAR", "NEAR(", "text:", "title:", " OR ", " NOT ", "Izyum",
    "Reuters", "bridge", "abc", "x1"]


class Hang(BaseException):
    """An input took longer than the budget."""


def _alarm(signum: int, frame: object) -> None:
    raise Hang()


def _random_text(rng: random.Random, size: int) -> str:
    pools = ["abcdefghijklmnopqrstuvwxyz     .,\n", "éüßçøåñ", "\u200b\u200c\u200d\u200e\u200f"
             "\u202e\ufeff", "مرحبا שלום Привет 你好", "<>&\"'#;"]
    return "".join(rng.choice(rng.choice(pools)) for _ in range(size))


def random_input(rng: random.Random) -> tuple[bytes, str]:
    """One random (data, file name) for the importers."""
    suffix = rng.choice([".txt", ".md", ".html", ""])
    kind = rng.randrange(4)
    if kind == 0:
        data = rng.randbytes(rng.randrange(0, 4096))
    elif kind == 1:
        pieces = []
        for _ in range(rng.randrange(0, 120)):
            roll = rng.random()
            if roll < 0.3:
                pieces.append(f"<{rng.choice(_TAGS)} {rng.choice(_ATTRS)}>")
            elif roll < 0.5:
                pieces.append(f"</{rng.choice(_TAGS)}>")
            else:
                pieces.append(_random_text(rng, rng.randrange(0, 60)))
        data = "".join(pieces).encode("utf-8")
    elif kind == 2:
        data = _random_text(rng, rng.randrange(0, 2000)).encode(rng.choice(_ENCODINGS),
                                                                 errors="replace")
    else:  # a valid article with random bytes spliced in
        base = ("Headline here\n\nThe minister said unemployment rose by 3 percent. " * 20)
        raw = bytearray(base.encode("utf-8"))
        for _ in range(rng.randrange(1, 20)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        data = bytes(raw)
    return data, f"fuzz{suffix}"


def random_query(rng: random.Random) -> str:
    return "".join(rng.choice(_QUERY_BITS) for _ in range(rng.randrange(0, 25)))


def fuzz(count: int, seed: int, workdir: Path) -> tuple[int, int, int, list[str]]:
    """Run ``count`` random inputs; returns (tried, crashes, hangs, first failures)."""
    from reliability_helpers import build_small_project

    from factdesk.core.project import Project

    rng = random.Random(seed)
    tried = crashes = hangs = 0
    failures: list[str] = []
    real = (socket.socket, socket.create_connection, socket.getaddrinfo)

    def refuse(*args: object, **kwargs: object) -> None:
        raise RuntimeError(f"network access attempted: {args!r:.100}")

    path = build_small_project(workdir / "fuzz.factdesk")
    previous = signal.signal(signal.SIGALRM, _alarm)
    socket.socket = socket.create_connection = socket.getaddrinfo = refuse  # type: ignore[assignment,misc]
    try:
        with Project.open(path, create=False, read_only=True) as project:
            for n in range(count):
                tried += 1
                if n % 4 == 3:
                    query = random_query(rng)
                    label, call = f"query {query!r}", lambda q=query: (
                        build_match_expression(q), project.search.search(q))
                else:
                    data, name = random_input(rng)
                    label, call = f"{name} ({len(data)} bytes, seed {seed}, #{n})", (
                        lambda d=data, m=name: parse_bytes(d, m))
                signal.setitimer(signal.ITIMER_REAL, BUDGET_SECONDS)
                try:
                    call()
                except IngestError:
                    pass
                except Hang:
                    hangs += 1
                    failures.append(f"hang: {label}")
                except Exception as exc:  # counting crashes is the point
                    crashes += 1
                    failures.append(f"crash: {label}: {type(exc).__name__}: {exc}")
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        socket.socket, socket.create_connection, socket.getaddrinfo = real  # type: ignore[misc]
        signal.signal(signal.SIGALRM, previous)
    return tried, crashes, hangs, failures[:10]


def datafeed(count: int, seed: int) -> bytes:
    """A DataFeed of ``count`` ClaimReviews shaped like the public fact-check feeds."""
    rng = random.Random(seed)
    ratings = ["False", "Mostly False", "Half True", "Mostly True", "True", "Misleading"]
    elements = []
    for i in range(count):
        value = rng.randint(1, 5)
        review = {
            "@context": rng.choice(["https://schema.org", "http://schema.org"]),
            "@type": "ClaimReview",
            "url": f"https://checks{i % 40}.example/{i}",
            "claimReviewed": f"Claim {i}: {_random_text(rng, 60)}",
            "datePublished": f"20{rng.randint(10, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            "author": {"@type": "Organization", "name": f"Checker {i % 40}",
                       "url": f"https://checks{i % 40}.example"},
            "itemReviewed": {"@type": "Claim", "datePublished": "2020-02-01",
                             "author": {"@type": "Person", "name": f"Speaker {i % 300}"},
                             "appearance": [{"@type": "CreativeWork",
                                             "url": f"https://source.example/{i}"}]},
            "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 5,
                             "worstRating": 1, "alternateName": ratings[value - 1]},
        }
        if i % 7 == 0:
            review["name"] = [{"@language": "en", "@value": f"Fact check {i}"},
                              {"@language": "es", "@value": f"Verificación {i}"}]
        elements.append({"@type": "DataFeedItem", "dateCreated": "2021-01-01",
                         "item": [review]})
    return json.dumps({"@context": "https://schema.org", "@type": "DataFeed",
                       "dataFeedElement": elements}).encode("utf-8")


def feed_speed(count: int, seed: int, workdir: Path) -> None:
    """Import one DataFeed of ``count`` reviews; print reviews per second."""
    from factdesk.core.archive_service import import_archive, parse_archive
    from factdesk.core.project import Project

    path = workdir / "feed.json"
    path.write_bytes(datafeed(count, seed))
    wall, cpu = time.perf_counter(), time.process_time()
    checks, _ = parse_archive(path.read_bytes(), path.name)
    read_wall, read_cpu = time.perf_counter() - wall, time.process_time() - cpu
    with Project.open(workdir / "feed.factdesk") as project:
        wall, cpu = time.perf_counter(), time.process_time()
        report = import_archive(project, path)
        all_wall, all_cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"DataFeed of {count} reviews: read in {read_wall:.2f} s ({count / read_wall:,.0f} "
          f"reviews/s; CPU {read_cpu:.2f} s, {count / read_cpu:,.0f}/s); imported in "
          f"{all_wall:.2f} s ({count / all_wall:,.0f} reviews/s; CPU {all_cpu:.2f} s): "
          f"{report.summary()}")
    if len(checks) != count or report.stored != count:
        raise SystemExit(f"feed run lost records: {len(checks)} read, {report.stored} stored")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--fuzz", type=int, default=2000)
    parser.add_argument("--times", type=int, default=20000,
                        help="time expressions x publication dates to read")
    parser.add_argument("--archive", type=int, default=2000,
                        help="random archive files to import")
    parser.add_argument("--feed", type=int, default=5000,
                        help="reviews in the DataFeed whose import speed is measured (0: skip)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.feed:
        with tempfile.TemporaryDirectory(prefix="factdesk-feed-") as tmp:
            feed_speed(args.feed, args.seed, Path(tmp))
    rng = random.Random(args.seed)
    started = time.monotonic()
    outcomes: list[KillOutcome] = []
    with tempfile.TemporaryDirectory(prefix="factdesk-reliability-") as tmp:
        for n in range(args.kills):
            workdir = Path(tmp) / f"kill{n}"
            workdir.mkdir()
            if n % 2 == 0:
                outcome = kill_import(workdir, files=300, kill_after=rng.randint(5, 150),
                                      seed=n)
            else:
                outcome = kill_verdict_edits(workdir, kill_after=rng.randint(5, 200), seed=n)
            outcomes.append(outcome)
            state = "survived" if outcome.survived else "FAILED"
            print(f"kill {n + 1:2d}: {outcome.scenario:13s} killed at {outcome.progress_at_kill:4d}"
                  f" -> {state} ({outcome.seconds:.1f} s)"
                  + "".join(f"\n    {p}" for p in outcome.problems))
        fuzz_started = time.monotonic()
        fuzz_dir = Path(tmp) / "fuzz"
        fuzz_dir.mkdir()
        tried, crashes, hangs, failures = fuzz(args.fuzz, args.seed, fuzz_dir)
        fuzz_seconds = time.monotonic() - fuzz_started
    times_started = time.monotonic()
    times = fuzz_times(args.times, args.seed)
    times_seconds = time.monotonic() - times_started
    archive_started = time.monotonic()
    archive = fuzz_archive(args.archive, args.seed)
    archive_seconds = time.monotonic() - archive_started
    failures += times.failures + archive.failures
    for line in failures:
        print(f"  {line}")
    survived = sum(o.survived for o in outcomes)
    lost = sum(o.lost for o in outcomes)
    saved = sum(o.reported_saved for o in outcomes if o.scenario == "verdict edits")
    print()
    print(f"kills survived:    {survived}/{len(outcomes)}")
    print(f"edits reported saved before a kill: {saved}")
    print(f"edits lost:        {lost}")
    print(f"bad inputs tried:  {tried} (importers and search parser, {fuzz_seconds:.1f} s)")
    print(f"crashes:           {crashes}")
    print(f"hangs:             {hangs}")
    print(f"time expressions:  {times.tried} read against random dates ({times.compared} "
          f"pairs compared through the matcher, {times_seconds:.1f} s): {times.crashes} "
          f"crashes, {times.rescued} rescued by the resolver's guard, {times.bad} bad "
          f"readings")
    print(f"archive files:     {archive.tried} imported ({archive.refused} refused with a "
          f"message, {archive.records} records read, {archive_seconds:.1f} s): "
          f"{archive.crashes} crashes, {archive.hangs} hangs")
    print(f"time taken:        {time.monotonic() - started:.1f} s")
    broken = crashes + hangs + times.crashes + times.bad + archive.crashes + archive.hangs
    return 0 if lost == 0 and survived == len(outcomes) and broken == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
