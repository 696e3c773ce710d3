"""Shared building blocks of the reliability tests and ``bench/reliability.py``.

Generating article folders, running the ``factdesk`` CLI in a subprocess, killing such a
subprocess with SIGKILL part-way through a write, and verifying afterwards that the project
still opens, passes ``factdesk check``, holds only whole articles and every edit that was
reported saved. Each ``kill_*`` scenario returns a :class:`KillOutcome` instead of
asserting, so the bench can run them many times and count.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

PYTHON = sys.executable
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
_WORDS = (
    "minister said unemployment rose percent march inflation fell according official "
    "figures released tuesday government report economy growth budget deficit hospital "
    "schools police election turnout council mayor river flood bridge railway exports "
    "wheat prices energy grid storm village harbour museum court judge appeal"
).split()

# A verdict-editing loop run in a subprocess: it prints "saved <n> <claim> <value>" only
# after the edit's transaction committed, so every such line is a promise to keep.
EDIT_SCRIPT = r"""
import os
import sys
from factdesk.core.commands import AddEvidence, SetVerdictField
from factdesk.core.project import Project

path, count = sys.argv[1], int(sys.argv[2])
with Project.open(path, create=False) as project:
    ids = [c.id for c in project.claims.iter_all()]
    for n in range(count):
        claim = ids[n % len(ids)]
        if n % 5 == 4:
            AddEvidence(claim, f"https://example.org/evidence/{n}", f"source {n}").apply(project)
            print(f"saved {n} {claim} evidence https://example.org/evidence/{n}", flush=True)
        else:
            value = f"<p>rationale of {os.getpid()}, edit {n}</p>"  # each write a change
            SetVerdictField(claim, "rationale", value).apply(project)
            print(f"saved {n} {claim} rationale {value}", flush=True)
"""


@dataclass
class KillOutcome:
    """What one kill scenario found: problems (must be none) and lost edits (must be 0)."""

    scenario: str
    killed: bool = False
    progress_at_kill: int = 0
    reported_saved: int = 0
    lost: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def survived(self) -> bool:
        return not self.problems and self.lost == 0


def write_articles(folder: Path, count: int, *, seed: int = 0) -> list[Path]:
    """``count`` small distinct plain-text articles in ``folder`` (created)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        paragraphs = [
            " ".join(rng.choice(_WORDS) for _ in range(rng.randint(25, 60))).capitalize() + "."
            for _ in range(rng.randint(2, 5))
        ]
        body = f"Report number {i} from the desk\n\n" + "\n\n".join(paragraphs)
        path = folder / f"article_{i:04d}.txt"
        path.write_text(body + f"\n\nFiled as item {seed}-{i}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def factdesk(*args: str | Path, timeout: float = 60,
             check: bool = False) -> subprocess.CompletedProcess[str]:
    """Run ``python -m factdesk ARGS`` and capture its output."""
    result = subprocess.run(
        [PYTHON, "-m", "factdesk", *map(str, args)], capture_output=True, text=True,
        timeout=timeout, env=_child_env(),
    )
    if check and result.returncode != 0:
        raise AssertionError(f"factdesk {args} failed ({result.returncode}): "
                             f"{result.stdout}{result.stderr}")
    return result


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONUNBUFFERED"] = "1"
    return env


def count_rows(project: Path, sql: str) -> int:
    """A count from a read-only connection; 0 while the file is not readable yet."""
    if not project.exists():
        return 0
    try:
        conn = sqlite3.connect(f"{project.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute(sql).fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def kill_when(proc: subprocess.Popen[str], ready: Callable[[], bool], *,
              timeout: float = 30, poll: float = 0.005) -> bool:
    """SIGKILL ``proc`` as soon as ``ready()`` is true; False if it ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        if ready():
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
            return True
        time.sleep(poll)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    return True


def verify_project(project: Path) -> list[str]:
    """Problems with ``project`` after a crash: check, whole articles, raw bytes."""
    from factdesk.core.checking import check_project
    from factdesk.core.project import Project

    problems: list[str] = []
    try:
        report = check_project(project)
    except Exception as exc:  # any failure to check is a finding
        return [f"check raised {type(exc).__name__}: {exc}"]
    problems += [f"check: {p}" for p in report.problems]
    result = factdesk("check", project, timeout=60)
    if result.returncode != 0:
        problems.append(f"factdesk check exited {result.returncode}: {result.stdout.strip()}")
    with Project.open(project, create=False) as opened:
        for article in opened.articles.iter_all():
            digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
            if digest != article.text_hash:
                problems.append(f"article {article.id}: text does not match its hash")
            raw = opened.articles.raw_bytes(article.id)
            if not raw:
                problems.append(f"article {article.id}: original bytes missing")
    return problems


def kill_import(workdir: Path, *, files: int = 300, kill_after: int = 20,
                seed: int = 0) -> KillOutcome:
    """Kill ``factdesk import --no-extract`` part-way; check; re-run; expect no duplicates."""
    started = time.monotonic()
    outcome = KillOutcome("import")
    folder = workdir / "articles"
    write_articles(folder, files, seed=seed)
    project = workdir / "import.factdesk"
    factdesk("new", project, check=True)
    proc = subprocess.Popen(
        [PYTHON, "-m", "factdesk", "import", str(project), str(folder), "--no-extract"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True, env=_child_env(),
    )
    outcome.killed = kill_when(
        proc, lambda: count_rows(project, "SELECT count(*) FROM articles") >= kill_after)
    outcome.progress_at_kill = count_rows(project, "SELECT count(*) FROM articles")
    if not outcome.killed:
        outcome.problems.append("the import finished before it could be killed")
    outcome.problems += verify_project(project)
    again = factdesk("import", project, folder, "--no-extract", timeout=120)
    if again.returncode != 0:
        outcome.problems.append(f"re-import exited {again.returncode}: {again.stderr[-500:]}")
    total = count_rows(project, "SELECT count(*) FROM articles")
    if total != files:
        outcome.problems.append(f"after re-import {total} articles, expected {files}")
    distinct = count_rows(project, "SELECT count(DISTINCT source_name) FROM articles")
    if distinct != files:
        outcome.problems.append(f"{distinct} distinct source files, expected {files}")
    outcome.lost = max(0, outcome.progress_at_kill - total)
    outcome.problems += verify_project(project)
    outcome.seconds = time.monotonic() - started
    return outcome


def project_with_claims(workdir: Path, *, articles: int = 4, claims_per_article: int = 3,
                        seed: int = 0) -> Path:
    """A project with a few imported articles and hand-marked claims (no spaCy needed)."""
    from factdesk.core.commands import MarkClaim
    from factdesk.core.importing import import_paths
    from factdesk.core.project import Project

    folder = workdir / "claim_articles"
    write_articles(folder, articles, seed=seed)
    project = workdir / "edits.factdesk"
    with Project.open(project) as opened:
        report = import_paths(opened, [folder])
        for _, article_id in report.added:
            article = opened.articles.get(article_id)
            assert article is not None
            for start, end in sentence_spans(article.text)[:claims_per_article]:
                MarkClaim(article_id, start, end).apply(opened)
    return project


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of ``text`` (good enough as a claim span)."""
    spans = []
    offset = 0
    for paragraph in text.split("\n\n"):
        if paragraph.strip():
            spans.append((offset, offset + len(paragraph)))
        offset += len(paragraph) + 2
    return spans


def kill_verdict_edits(workdir: Path, *, kill_after: int = 25, edits: int = 5000,
                       seed: int = 0) -> KillOutcome:
    """Kill a verdict-editing loop after ``kill_after`` reported saves; nothing may be lost."""
    from factdesk.core.project import Project

    started = time.monotonic()
    outcome = KillOutcome("verdict edits")
    project = project_with_claims(workdir, seed=seed)
    proc = subprocess.Popen(
        [PYTHON, "-c", EDIT_SCRIPT, str(project), str(edits)], stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, env=_child_env(),
    )
    assert proc.stdout is not None
    saved: list[tuple[int, int, str, str]] = []
    for line in proc.stdout:
        parts = line.rstrip("\n").split(" ", 4)
        if len(parts) == 5 and parts[0] == "saved":
            saved.append((int(parts[1]), int(parts[2]), parts[3], parts[4]))
        if len(saved) >= kill_after:
            os.kill(proc.pid, signal.SIGKILL)
            outcome.killed = True
            break
    proc.wait(timeout=10)
    if not outcome.killed:
        assert proc.stderr is not None
        outcome.problems.append(f"the edit loop ended before the kill: {proc.stderr.read()[-500:]}")
    outcome.reported_saved = outcome.progress_at_kill = len(saved)
    outcome.problems += verify_project(project)
    with Project.open(project, create=False) as opened:
        history = {(row["entity"], row["entity_id"], row["new"]) for row in opened.db.query(
            "SELECT entity, entity_id, new FROM history")}
        evidence = {(e["claim_id"], e["url"]) for e in opened.db.query(
            "SELECT claim_id, url FROM evidence WHERE deleted_at IS NULL")}
        last_value: dict[int, int] = {}
        for n, claim, kind, value in saved:
            if kind == "evidence":
                if (claim, value) not in evidence:
                    outcome.lost += 1
            elif ("verdict", claim, value) not in history:
                outcome.lost += 1
            else:
                last_value[claim] = n
        for claim, n in last_value.items():
            verdict = opened.verdicts.get(claim)
            stored = verdict.rationale if verdict else ""
            number = int(stored.split("edit ")[-1].split("<")[0]) if "edit " in stored else -1
            if number < n:  # a later (unreported) edit may have landed, never an earlier one
                outcome.lost += 1
                outcome.problems.append(f"claim {claim}: rationale is edit {number}, "
                                        f"but edit {n} was reported saved")
    outcome.seconds = time.monotonic() - started
    return outcome


def build_small_project(path: Path) -> Path:
    """Seeds imported (no extraction), two hand-marked claims each, verdicts and evidence."""
    from factdesk.core.commands import AddEvidence, MarkClaim, SetVerdictField
    from factdesk.core.importing import import_paths
    from factdesk.core.project import Project

    with Project.open(path) as project:
        report = import_paths(project, [SEEDS])
        assert report.ok and len(report.added) == 3, report.lines()
        for _, article_id in report.added:
            article = project.articles.get(article_id)
            assert article is not None
            for start, end in sentence_spans(article.text)[1:3]:
                mark = MarkClaim(article_id, start, end)
                mark.apply(project)
                assert mark.claim_id is not None
                SetVerdictField(mark.claim_id, "rating", "Mostly true").apply(project)
                SetVerdictField(mark.claim_id, "rationale",
                                f"<p>Checked claim {mark.claim_id} against the record.</p>"
                                ).apply(project)
                AddEvidence(mark.claim_id, f"https://example.org/{mark.claim_id}",
                            "Official record", "primary source").apply(project)
    return path
