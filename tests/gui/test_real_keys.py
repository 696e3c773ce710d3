"""A real window on a real X server (Xvfb), driven by real key presses from xdotool.

The demo project is opened with ``factdesk open`` in a child process; xdotool types j, 1,
e, a rationale, Ctrl+Enter and Ctrl+Q, and the verdict must then be in the project file.
The draft sequence (j, 1, e, type, Esc, Ctrl+Z, e, Ctrl+Enter) and match review (x, then
a) are typed the same way. Skips when Xvfb or xdotool is not installed (CI installs both).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factdesk.core.project import Project

DRIVER = r"""
set -u
if [ -n "${WINDOW_MANAGER:-}" ]; then "$WINDOW_MANAGER" >/dev/null 2>&1 & sleep 1; fi
"$PYTHON" -m factdesk open "$PROJECT" ${OPEN_ARGS:-} &
app=$!
win=""
for _ in $(seq 1 120); do
  win=$(xdotool search --onlyvisible --name "FactDesk" 2>/dev/null | head -n1)
  [ -n "$win" ] && break
  sleep 0.25
done
if [ -z "$win" ]; then echo "no window"; kill $app; exit 3; fi
sleep 1.5
xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win"
sleep 0.3
eval "$STEPS"
sleep 0.5
xdotool key --delay 150 ctrl+q
for _ in $(seq 1 40); do
  kill -0 $app 2>/dev/null || exit 0
  sleep 0.25
done
echo "window did not close"; kill $app; exit 4
"""


needs_x = pytest.mark.skipif(not (shutil.which("xvfb-run") and shutil.which("xdotool")),
                             reason="needs xvfb-run and xdotool")
pytestmark = pytest.mark.slow  # a real X server and a child process each: ~10 s
CHECKER = "Ana Lima"
KEY = "xdotool key --delay 150"
TYPE = 'xdotool type --delay 20'


def _drive(project: Path, tmp_path: Path, steps: str, open_args: str = "",
           window_manager: str = "") -> None:
    """Open ``project`` in a real window under Xvfb (managed by ``window_manager`` when
    one is named), press ``steps``, quit with Ctrl+Q."""
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "factdesk-gui.ini").write_text(  # asked before: no first-use dialog
        f"[user]\nchecker={CHECKER}\nasked=yes\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(PYTHON=sys.executable, PROJECT=str(project), FACTDESK_HOME=str(home),
               QT_QPA_PLATFORM="xcb", STEPS=steps, OPEN_ARGS=open_args,
               WINDOW_MANAGER=window_manager)
    script = tmp_path / "drive.sh"
    script.write_text(DRIVER, encoding="utf-8")
    # -a alone starts looking at :99 and races any other X server started at the same
    # moment (a second test run, a screenshot script): start at a display of our own
    first_display = str(random.randrange(200, 5000))
    done = subprocess.run(["xvfb-run", "-a", "-n", first_display,
                           "-s", "-screen 0 1366x768x24", "bash",
                           str(script)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


@needs_x
def test_xdotool_keys_leave_the_verdict_in_the_file(demo_copy: Path, tmp_path: Path) -> None:
    with Project.open(demo_copy, read_only=True) as project:
        rated_before = {cid for cid, _ in _ratings(project)}
    _drive(demo_copy, tmp_path, f"""{KEY} j; {KEY} 1; {KEY} e; sleep 0.3
{TYPE} "Confirmed by the AFP wire and the military statement."
{KEY} ctrl+Return""")
    with Project.open(demo_copy, read_only=True) as project:
        ratings = dict(_ratings(project))
        new = {cid: r for cid, r in ratings.items() if cid not in rated_before}
        assert list(new.values()) == ["True"], ratings
        verdict = project.verdicts.get(next(iter(new)))
        assert "Confirmed by the AFP wire" in verdict.rationale
        assert verdict.checker == CHECKER


@needs_x
def test_real_keys_draft_survives_esc_and_ctrl_z(demo_copy: Path, tmp_path: Path) -> None:
    """j, 1, e, type, Esc, Ctrl+Z, e, Ctrl+Enter: the rating and the typed text saved."""
    with Project.open(demo_copy, read_only=True) as project:
        rated_before = {cid for cid, _ in _ratings(project)}
    _drive(demo_copy, tmp_path, f"""{KEY} j; {KEY} 1; {KEY} e; sleep 0.3
{TYPE} "Both wires agree on the date."
{KEY} Escape; sleep 0.3; {KEY} ctrl+z; sleep 0.3; {KEY} e; sleep 0.3
{KEY} ctrl+Return""")
    with Project.open(demo_copy, read_only=True) as project:
        new = {cid: r for cid, r in _ratings(project) if cid not in rated_before}
        assert list(new.values()) == ["True"], new
        rationale = project.verdicts.get(next(iter(new))).rationale
        assert "Both wires agree on the date." in rationale
        assert "date.e" not in rationale, "the e after Ctrl+Z went into the text"


@needs_x
@pytest.mark.skipif(not shutil.which("openbox"), reason="needs a window manager (openbox)")
def test_real_keys_reach_the_window_after_a_dialog_closes(demo_copy: Path,
                                                          tmp_path: Path) -> None:
    """Ctrl+E, Esc, then j and 1 under a window manager: the dialog takes the keys while
    open and the window has them back once it closes, so a checker goes on typing.
    (Without a window manager, X gives a new dialog no input focus at all.)"""
    with Project.open(demo_copy, read_only=True) as project:
        rated_before = {cid for cid, _ in _ratings(project)}
    _drive(demo_copy, tmp_path, f"""{KEY} ctrl+e; sleep 1; {KEY} Escape; sleep 0.8
{KEY} j; {KEY} 1""", window_manager="openbox")
    with Project.open(demo_copy, read_only=True) as project:
        new = {cid: r for cid, r in _ratings(project) if cid not in rated_before}
        assert list(new.values()) == ["True"], new


@needs_x
def test_real_keys_x_then_a_accepts_the_match_that_was_next(demo_copy: Path,
                                                            tmp_path: Path) -> None:
    from collections import Counter

    from factdesk.model.models import MatchDraft

    with Project.open(demo_copy) as project:
        counts = Counter()
        for m in project.matches.all():
            counts[m.claim_a] += 1
            counts[m.claim_b] += 1
        claim = next((c for c, n in counts.items() if n >= 2), 0)
        if not claim:
            claims = list(project.claims.iter_all())
            claim = claims[0].id
            others = [c for c in claims if c.article_id != claims[0].article_id][:3]
            with project.transaction():
                project.matches.save_suggestions(
                    [MatchDraft(claim, b.id, 0.9 - 0.1 * i, "same fact")
                     for i, b in enumerate(others)])
        with project.transaction():
            for m in project.matches.for_claim(claim):
                project.matches.set_decision(m.id, None, "test")
        order = [m.id for m in project.matches.for_claim(claim)]
    _drive(demo_copy, tmp_path, f"{KEY} x; sleep 0.3; {KEY} a", f"--claim {claim}")
    with Project.open(demo_copy, read_only=True) as project:
        assert project.matches.get(order[0]).decision == "rejected"
        assert project.matches.get(order[1]).decision == "accepted"
        assert all(project.matches.get(m).decision is None for m in order[2:])


def _ratings(project: Project) -> list[tuple[int, str]]:
    out = []
    for aid in project.articles.ids():
        for claim in project.claims.for_article(aid):
            verdict = project.verdicts.get(claim.id)
            if verdict is not None and verdict.rating:
                out.append((claim.id, verdict.rating))
    return out
