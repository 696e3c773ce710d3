"""GUI latency bench: first paint, opening a 10k-word article, and j/k between claims.

    QT_QPA_PLATFORM=offscreen python bench/gui_latency.py [--claims 100000] [--rounds 200]
        [--project LARGE.factdesk]

Measures on the demo project (the real one when it can be built, else the spaCy-free
stand-in of tests/gui/projects.py) and on a generated project of synthetic articles of
10,000 words with 300 claims each (100k claims by default; built once and cached), and
on any ``--project`` given (the 10k-article project of generate_large_project.py).
Article open is timed with and without painting; the claims list (all articles) is
scrolled by wheel steps and pages, jumped around as when dragging the thumb, and sorted,
each frame painted.
Goals: window <= 0.5 s, article open <= 50 ms, j/k <= 16 ms median, no scroll frame
over 16 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "gui"))

FIRST_PAINT = r"""
import time, sys
t0 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from factdesk.gui.app import LaunchOptions, application, create_window
app = application()
window = create_window(LaunchOptions(project=__import__("pathlib").Path(sys.argv[1]),
                                     last=False, theme="light"), defer=True)
def ready():
    assert window.workspace is not None
    print(f"{time.perf_counter() - t0:.4f}", flush=True)
    app.quit()
class Painted(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and obj is window:
            print(f"{time.perf_counter() - t0:.4f}", flush=True)
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, ready))
            obj.removeEventFilter(self)
        return False
spy = Painted()
window.installEventFilter(spy)
window.show()
app.exec()
"""


def first_paint(project: Path, home: Path, runs: int = 3) -> tuple[float, float, float]:
    """Seconds to first paint (in process), to the project shown, and wall incl. Python."""
    inside, ready, wall = [], [], []
    env = {**os.environ, "FACTDESK_HOME": str(home)}
    for _ in range(runs):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", FIRST_PAINT, str(project)], env=env,
                             capture_output=True, text=True, timeout=120)
        wall.append(time.perf_counter() - t0)
        lines = [x for x in out.stdout.split() if x.replace(".", "").isdigit()]
        if not lines:
            raise RuntimeError(out.stderr[-2000:])
        inside.append(float(lines[0]))
        ready.append(float(lines[1]))
    return min(inside), min(ready), min(wall)


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def measure_window(project: Path, rounds: int) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from factdesk.gui.app import LaunchOptions, application, create_window

    app = application()
    window = create_window(LaunchOptions(project=project, last=False, theme="light"))
    window.show()
    app.processEvents()
    ws, session = window.workspace, window.session
    # the article with the most claims
    article_id = max(session.summaries().values(), key=lambda s: s.claims).id
    other = next(i for i in session.summaries() if i != article_id)
    opens, opens_painted, panes = [], [], []
    for _ in range(5):
        session.select_article(other)
        window.repaint()
        t0 = time.perf_counter()
        ws.article.show_article(article_id)
        opens.append(time.perf_counter() - t0)
        ws.article.repaint()
        opens_painted.append(time.perf_counter() - t0)
        session.select_article(other)
        t0 = time.perf_counter()
        session.select_article(article_id)
        panes.append(time.perf_counter() - t0)
    article = session.project.articles.get(article_id)
    words = len(article.text.split())
    claims = len(ws.article.body.claims)
    session.select_claim(ws.first_claim_of(article_id))
    steps, painted = [], []
    for i in range(rounds):
        action = "go.next_claim" if (i // 20) % 2 == 0 else "go.prev_claim"
        t0 = time.perf_counter()
        window.registry.trigger(action)
        t1 = time.perf_counter()
        window.repaint()
        t2 = time.perf_counter()
        steps.append(t1 - t0)
        painted.append(t2 - t0)
        app.processEvents()
    result = {
        "words": words, "claims_in_article": claims,
        "total_claims": ws.claims.model.total(),
        "open_article_ms": statistics.median(opens) * 1000,
        "open_article_painted_ms": statistics.median(opens_painted) * 1000,
        "open_article_all_panes_ms": statistics.median(panes) * 1000,
        "jk_median_ms": statistics.median(steps) * 1000,
        "jk_p95_ms": pct(steps, 0.95) * 1000,
        "jk_painted_median_ms": statistics.median(painted) * 1000,
        "jk_painted_p95_ms": pct(painted, 0.95) * 1000,
    }
    result.update(measure_scroll(window))
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    return result


def measure_scroll(window) -> dict[str, float]:  # MainWindow
    """Frames of the claims list over all articles: wheel steps, pages and jumps, painted."""
    pane = window.workspace.claims
    pane.set_all_articles(True)
    view = pane.view
    bar = view.verticalScrollBar()
    view.viewport().repaint()
    frames: list[float] = []
    moves = [bar.singleStep() * 3] * 300 + [bar.pageStep()] * 200
    for move in moves:
        t0 = time.perf_counter()
        bar.setValue(min(bar.maximum(), bar.value() + move))
        view.viewport().repaint()
        frames.append(time.perf_counter() - t0)
    jumps: list[float] = []
    rng = random.Random(3)
    for _ in range(100):  # dragging the scroll bar thumb: anywhere in the list
        t0 = time.perf_counter()
        bar.setValue(rng.randrange(bar.maximum() + 1))
        view.viewport().repaint()
        jumps.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    from PySide6.QtCore import Qt

    view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    view.viewport().repaint()
    sort_ms = (time.perf_counter() - t0) * 1000
    rows = pane.model.rowCount()
    pane.set_all_articles(False)
    return {"rows": rows, "scroll_median_ms": statistics.median(frames) * 1000,
            "scroll_max_ms": max(frames) * 1000, "jump_median_ms": statistics.median(jumps) * 1000,
            "jump_max_ms": max(jumps) * 1000, "sort_by_score_ms": sort_ms}


def demo_project(folder: Path) -> tuple[Path, str]:
    os.environ["FACTDESK_HOME"] = str(folder)
    try:
        from factdesk.core.demo import build_demo

        return build_demo(folder / "demo.factdesk"), "demo (real pipeline)"
    except Exception as exc:  # fall back to the stand-in
        from projects import synthetic_demo

        print(f"(real demo unavailable: {str(exc)[:90]}; using the spaCy-free stand-in)")
        path = folder / "synthetic-demo.factdesk"
        path.unlink(missing_ok=True)
        return synthetic_demo(path), "demo (stand-in)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--project", type=Path, action="append", default=[],
                        help="also measure this project (e.g. one from generate_large_project.py)")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir())
                        / "factdesk-bench")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    from projects import big_project

    home = args.cache / "home"
    home.mkdir(exist_ok=True)
    demo, demo_label = demo_project(args.cache)
    big = args.cache / f"big-{args.claims}.factdesk"
    if not big.exists():
        t0 = time.perf_counter()
        tmp = big.with_suffix(".building")
        tmp.unlink(missing_ok=True)
        big_project(tmp, claims=args.claims, articles=max(1, args.claims // 300),
                    words_per_article=10_000)
        tmp.replace(big)
        print(f"(built {big.name} in {time.perf_counter() - t0:.1f} s)")
    os.environ["FACTDESK_HOME"] = str(home)
    rows = []
    targets = [(demo_label, demo), (f"{args.claims:,} claims", big)]
    targets += [(p.name[:21], p) for p in args.project]
    for label, path in targets:
        paint, ready, wall = first_paint(path, home)
        m = measure_window(path, args.rounds)
        rows.append((label, paint, ready, wall, m))
    print()
    print(f"{'project':<22}{'first paint':>12}{'loaded':>9}{'(+python)':>11}{'article':>18}{'open':>9}"
          f"{'all panes':>11}{'j/k med':>9}{'p95':>7}{'+paint med':>12}{'p95':>7}")
    for label, paint, ready, wall, m in rows:
        article = f"{m['words']}w/{m['claims_in_article']}c"
        print(f"{label:<22}{paint:>11.3f}s{ready:>8.3f}s{wall:>10.3f}s{article:>18}"
              f"{m['open_article_ms']:>7.1f}ms{m['open_article_all_panes_ms']:>9.1f}ms"
              f"{m['jk_median_ms']:>7.2f}ms{m['jk_p95_ms']:>5.1f}ms"
              f"{m['jk_painted_median_ms']:>10.2f}ms{m['jk_painted_p95_ms']:>5.1f}ms")
    print(f"\n{'project':<22}{'article open+paint':>20}{'list rows':>11}{'scroll med':>12}"
          f"{'max':>8}{'jump med':>10}{'max':>8}{'sort':>9}")
    for label, _, _, _, m in rows:
        print(f"{label:<22}{m['open_article_painted_ms']:>18.1f}ms{m['rows']:>11,}"
              f"{m['scroll_median_ms']:>10.2f}ms{m['scroll_max_ms']:>6.1f}ms"
              f"{m['jump_median_ms']:>8.2f}ms{m['jump_max_ms']:>6.1f}ms{m['sort_by_score_ms']:>7.0f}ms")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory of the measuring window process: {peak:.0f} MB")
    print("goals: first paint <= 0.5 s; article open <= 50 ms; j/k <= 16 ms median; "
          "no scroll frame over 16 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
