"""A real window on a real X server (Xvfb), driven by real key presses from xdotool.

The demo project is opened with ``factdesk open`` in a child process; xdotool types j, 1,
e, a rationale, Ctrl+Enter and Ctrl+Q, and the verdict must then be in the project file.
Skips when Xvfb or xdotool is not installed (CI installs both).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factdesk.core.project import Project

DRIVER = r"""
set -u
"$PYTHON" -m factdesk open "$PROJECT" &
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
xdotool key --delay 150 j
xdotool key --delay 150 1
xdotool key --delay 150 e
sleep 0.3
xdotool type --delay 20 "Confirmed by the AFP wire and the military statement."
xdotool key --delay 150 ctrl+Return
sleep 0.5
xdotool key --delay 150 ctrl+q
for _ in $(seq 1 40); do
  kill -0 $app 2>/dev/null || exit 0
  sleep 0.25
done
echo "window did not close"; kill $app; exit 4
"""


@pytest.mark.skipif(not (shutil.which("xvfb-run") and shutil.which("xdotool")),
                    reason="needs xvfb-run and xdotool")
def test_xdotool_keys_leave_the_verdict_in_the_file(demo_copy: Path, tmp_path: Path) -> None:
    with Project.open(demo_copy, read_only=True) as project:
        rated_before = {cid for cid, _ in _ratings(project)}
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(PYTHON=sys.executable, PROJECT=str(demo_copy),
               FACTDESK_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="xcb")
    script = tmp_path / "drive.sh"
    script.write_text(DRIVER, encoding="utf-8")
    done = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", "bash", str(script)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    with Project.open(demo_copy, read_only=True) as project:
        ratings = dict(_ratings(project))
        new = {cid: r for cid, r in ratings.items() if cid not in rated_before}
        assert list(new.values()) == ["True"], ratings
        verdict = project.verdicts.get(next(iter(new)))
        assert "Confirmed by the AFP wire" in verdict.rationale


def _ratings(project: Project) -> list[tuple[int, str]]:
    out = []
    for aid in project.articles.ids():
        for claim in project.claims.for_article(aid):
            verdict = project.verdicts.get(claim.id)
            if verdict is not None and verdict.rating:
                out.append((claim.id, verdict.rating))
    return out
