"""Fuzzing runs for ``bench/reliability.py``: time expressions and archive files.

``fuzz_times`` reads random time expressions against random publication dates (years
1-9999) and checks every reading; every 100th pair goes through ``compare_texts``.
``fuzz_archive`` imports random ClaimReview JSON-LD, JSON lines, CSV and HTML. A crash is
any exception other than the importer's own refusal (``ArchiveFormatError``).
"""

from __future__ import annotations

import json
import logging
import random
import signal
from dataclasses import dataclass, field
from datetime import date

BUDGET_SECONDS = 10
UNITS = ["minute", "hour", "day", "night", "week", "fortnight", "month", "year", "decade",
         "century", "centuries", "millennium", "millennia"]
WORDS = ["a", "an", "one", "two", "twenty-five", "a hundred", "a few", "several", "dozens of",
         "a dozen", "2.5 million", "three billion", "nearly six", "more than 4,000", "-3",
         "0", "a couple of", "ten thousand", "nine hundred ninety-nine", "half a", "½", "IV",
         "1e9", "NaN", "inf", "٣", "十"]
TEMPLATES = ["{n} {u} ago", "{n} {u}s ago", "{n} {u}s later", "{n} {u}s after the war",
             "{n} {u}s before the invasion", "the past {n} {u}s", "the next {n} {u}s",
             "over the last {n} {u}s", "in {n} {u}s", "for {n} {u}s", "since {n} {u}s ago",
             "early {n} {u}s ago", "{n} {u}s earlier", "until {n} {u}s from now"]
FIXED = ["{y} BC", "{y} B.C.", "the {y}th century BCE", "in {y}", "the year {y}", "AD {y}",
         "the {y}s", "{y}-{m:02d}-{d:02d}", "since {y}", "until {y}", "spring {y}",
         "early {y}", "the end of {y}", "{mon} {d}, {y}", "{d} {mon} {y}", "last {mon}",
         "next {mon}", "last week", "next month", "this year", "next year", "yesterday",
         "tomorrow", "last {wd}", "next {wd}"]
MONTHS = ["January", "Feb.", "March", "Sept.", "December", "Febtember"]
WEEKDAYS = ["Monday", "Wed.", "Sunday", "Funday"]


@dataclass
class TimesOutcome:
    tried: int = 0
    compared: int = 0
    crashes: int = 0
    rescued: int = 0  # readings the resolver's last-resort guard had to catch
    bad: int = 0  # readings with dates out of order or an unknown kind
    failures: list[str] = field(default_factory=list)


@dataclass
class ArchiveOutcome:
    tried: int = 0
    refused: int = 0
    records: int = 0
    crashes: int = 0
    hangs: int = 0
    failures: list[str] = field(default_factory=list)


def random_number(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.3:
        return str(rng.randrange(0, 10 ** rng.randrange(1, 16)))
    if roll < 0.5:
        return f"{rng.randrange(1000, 10 ** rng.randrange(4, 13)):,}"
    if roll < 0.6:
        return f"{rng.uniform(0, 10 ** rng.randrange(1, 12)):.{rng.randrange(0, 4)}f}"
    return rng.choice(WORDS)


def random_expression(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.5:
        return rng.choice(TEMPLATES).format(n=random_number(rng), u=rng.choice(UNITS))
    if roll < 0.9:
        return rng.choice(FIXED).format(
            y=rng.choice([rng.randrange(0, 100_000), rng.randrange(1, 10_000), 0, 1, 9999,
                          10_000]),
            m=rng.randrange(0, 20), d=rng.randrange(0, 40), mon=rng.choice(MONTHS),
            wd=rng.choice(WEEKDAYS))
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 ,.-'’/:"
    return "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))


def random_date(rng: random.Random) -> date | None:
    roll = rng.random()
    if roll < 0.1:
        return None
    if roll < 0.2:
        return rng.choice([date.min, date.max, date(1, 1, 7), date(9999, 12, 25)])
    return date.fromordinal(rng.randrange(1, date.max.toordinal() + 1))


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class _Hang(BaseException):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Hang()


def fuzz_times(count: int, seed: int) -> TimesOutcome:
    """Read ``count`` random expressions against random dates (see module docstring)."""
    from factdesk.core.comparing import compare_texts
    from factdesk.nlp.times import KINDS, classify

    rng = random.Random(seed)
    out = TimesOutcome()
    guard = _Counter()
    logger = logging.getLogger("factdesk.nlp.times")
    logger.addHandler(guard)
    previous = logger.propagate
    logger.propagate = False  # counted, not printed
    try:
        for n in range(count):
            text, published = random_expression(rng), random_date(rng)
            out.tried += 1
            try:
                reading = classify(text, published)
                if reading is not None and (reading.kind not in KINDS or (
                        reading.first and reading.last and reading.first > reading.last)):
                    out.bad += 1
                    out.failures.append(f"bad reading: {text!r} at {published}: {reading}")
                if n % 100 == 99:
                    other = random_expression(rng)
                    out.compared += 1
                    compare_texts([(f"The temple was built {text}, officials said.",
                                    f"The temple was built {other}, officials said.")],
                                  published=published)
            except Exception as exc:  # counting crashes is the point
                out.crashes += 1
                out.failures.append(f"crash: time {text!r} at {published}: "
                                    f"{type(exc).__name__}: {exc}")
    finally:
        logger.removeHandler(guard)
        logger.propagate = previous
    out.rescued = guard.count
    out.failures = out.failures[:10]
    return out


# -- archive files ------------------------------------------------------------------------

KEYS = ["claimReviewed", "reviewRating", "alternateName", "ratingValue", "bestRating",
        "worstRating", "author", "publisher", "name", "url", "datePublished", "itemReviewed",
        "dataFeedElement", "item", "mainEntity", "review", "itemListElement", "@graph", "@id",
        "@type", "@list", "@value", "@language", "@context", "id", "type", "@set", "@reverse"]
TYPES = ["ClaimReview", "Rating", "Organization", "DataFeed", "DataFeedItem", "NewsArticle",
         "ItemList", "ListItem", "Claim", "Thing", "schema:ClaimReview", 5, None]
CONTEXTS = ["https://schema.org", "http://schema.org/", "https://unreachable.invalid/ctx",
            {"@vocab": "https://schema.org/"}, {"@vocab": 5}, ["https://schema.org", None],
            {"s": "http://schema.org/", "claimReviewed": "s:claimReviewed"}, "", 42]


def _value(rng: random.Random, depth: int) -> object:
    roll = rng.random()
    if depth > 4 or roll < 0.35:
        return rng.choice(["False", "Mostly True", "", " ", "https://x.example/a", "2020-02-30",
                           3, 4.5, -1, True, False, None, "Peña ☃ 你好", "x" * 300])
    if roll < 0.55:
        return [_value(rng, depth + 1) for _ in range(rng.randrange(0, 4))]
    if roll < 0.65:
        return {"@value": _value(rng, depth + 2), "@language": rng.choice(["en", "es", "", 3])}
    return _node(rng, depth + 1)


def _node(rng: random.Random, depth: int = 0) -> dict[str, object]:
    node: dict[str, object] = {}
    if rng.random() < 0.7:
        node["@type"] = rng.choice(TYPES)
    for _ in range(rng.randrange(0, 7)):
        key = rng.choice(KEYS)
        if key == "@context":
            node[key] = rng.choice(CONTEXTS)
        else:
            node[key] = _value(rng, depth)
    if rng.random() < 0.5:
        node["claimReviewed"] = _value(rng, 4)
    return node


def random_archive(rng: random.Random) -> tuple[bytes, str]:
    kind = rng.randrange(5)
    if kind == 0:
        document = _node(rng)
        if rng.random() < 0.8:
            document["@context"] = rng.choice(CONTEXTS)
        return json.dumps(document, ensure_ascii=False).encode("utf-8"), "fuzz.json"
    if kind == 1:
        lines = [json.dumps(_node(rng)) for _ in range(rng.randrange(1, 6))]
        if rng.random() < 0.3:
            lines.insert(rng.randrange(len(lines) + 1), "{broken")
        return "\n".join(lines).encode("utf-8"), "fuzz.jsonl"
    if kind == 2:
        sep = rng.choice([",", ";", "\t", "|", " "])
        header = sep.join(rng.sample(["claim", "rating", "url", "publisher", "date", "id",
                                      "ratingValue", "statement", "x"], rng.randrange(1, 7)))
        rows = [sep.join(rng.choice(['"a, b"', "Peña", "", '"', "1", "x\ny"])
                         for _ in range(rng.randrange(0, 8))) for _ in range(rng.randrange(0, 6))]
        text = "\n".join([header, *rows])
        return text.encode(rng.choice(["utf-8", "cp1252", "utf-16", "latin-1"]),
                           errors="replace"), "fuzz.csv"
    if kind == 3:
        script = json.dumps(_node(rng)) if rng.random() < 0.8 else "{not json"
        micro = ('<div itemscope itemtype="https://schema.org/ClaimReview">'
                 '<span itemprop="claimReviewed">X</span><div itemprop="reviewRating" '
                 'itemscope><span itemprop="alternateName">False</span></div></div>')
        page = (f"<!DOCTYPE html><html><head><script type=\"application/ld+json\">{script}"
                f"</script></head><body>{micro if rng.random() < 0.5 else ''}</body></html>")
        return page.encode("utf-8"), "fuzz.html"
    return rng.randbytes(rng.randrange(0, 2048)), "fuzz.bin"


def fuzz_archive(count: int, seed: int) -> ArchiveOutcome:
    """Import ``count`` random archive files (parsing only; see module docstring)."""
    from factdesk.core.archive_service import ArchiveFormatError, parse_archive

    rng = random.Random(seed)
    out = ArchiveOutcome()
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for n in range(count):
            data, name = random_archive(rng)
            out.tried += 1
            signal.setitimer(signal.ITIMER_REAL, BUDGET_SECONDS)
            try:
                checks, report = parse_archive(data, name)
                out.records += report.read
                assert len(checks) + len(report.skipped) == report.read
            except ArchiveFormatError:
                out.refused += 1
            except _Hang:
                out.hangs += 1
                out.failures.append(f"hang: archive {name} #{n} (seed {seed})")
            except Exception as exc:  # counting crashes is the point
                out.crashes += 1
                out.failures.append(f"crash: archive {name} #{n} (seed {seed}): "
                                    f"{type(exc).__name__}: {exc}"[:300])
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, previous)
    out.failures = out.failures[:10]
    return out
