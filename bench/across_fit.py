"""How many match cards the across-sources dock shows whole, per window size.

    QT_QPA_PLATFORM=offscreen python bench/across_fit.py PROJECT CLAIM_ID \\
        [--size 1366x768 ...] [--layout standard|small] [--png DIR]

Opens the window on a copy of PROJECT (a fresh user config: the first start's layout
sizes), resizes it, selects CLAIM_ID, waits for the earlier checks' lookup, then prints
per size: the across and verdict docks' heights, the cards box's viewport, each card's
top and bottom in the viewport and how many lie wholly inside it. ``--png`` saves the
window's picture per size. docs/window.md "Layouts and sizes" has the figures of BASIL
event 85475456 (`bench/basil_event.py`), Fox claim 38.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _spin(app, seconds: float) -> None:  # noqa: ANN001
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()


def measure(project: Path, claim_id: int, width: int, height: int, layout: str,
            png: Path | None) -> int:
    """Print the across pane's figures at ``width`` × ``height``; returns the whole cards."""
    from PySide6.QtCore import Qt

    from factdesk.gui import settings as user
    from factdesk.gui.app import LaunchOptions, application, create_window

    app = application()
    user.set_value("window/layout", layout)
    window = create_window(LaunchOptions(project=None, last=False, theme="light"))
    window.show()
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(width, height)
    window.open_project(project, claim_id=claim_id)
    window.reset_layout()
    if layout == "small":
        window.toggle_across()
    across = window.workspace.across
    deadline = time.monotonic() + 30
    while across._earlier_shown_for != claim_id and time.monotonic() < deadline:
        _spin(app, 0.05)
    _spin(app, 0.3)
    browser = across.browser
    doc = browser.document()
    top = browser.verticalScrollBar().value()
    bottom = top + browser.viewport().height()
    print(f"{width}x{height} {layout}: across dock {window.docks['acrossDock'].height()} px, "
          f"verdict dock {window.docks['verdictDock'].height()} px, cards box "
          f"{browser.viewport().height()} px, compact {across._compact}")
    whole = 0
    for frame in doc.rootFrame().childFrames():
        rect = doc.documentLayout().frameBoundingRect(frame)
        inside = top <= rect.top() and rect.bottom() <= bottom
        whole += inside
        print(f"  card {rect.top() - top:6.0f} .. {rect.bottom() - top:6.0f}"
              f"{'  whole' if inside else ''}")
    print(f"  whole cards: {whole}")
    if png is not None:
        png.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(png / f"across-{width}x{height}-{layout}.png"))
    window.close()
    window.deleteLater()
    _spin(app, 0.1)
    return whole


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("claim_id", type=int)
    parser.add_argument("--size", action="append", default=[],
                        help="WxH (repeatable; default 1366x768, 1440x900, 1920x1050)")
    parser.add_argument("--layout", choices=("standard", "small"), default="standard")
    parser.add_argument("--png", type=Path)
    args = parser.parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="across-fit-"))
    os.environ["HOME"] = os.environ["XDG_CONFIG_HOME"] = str(home)
    for size in args.size or ["1366x768", "1440x900", "1920x1050"]:
        width, height = (int(v) for v in size.lower().split("x"))
        copy = home / f"{width}x{height}.factdesk"
        shutil.copy(args.project, copy)  # the window may write (settings, backups)
        measure(copy, args.claim_id, width, height, args.layout, args.png)
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
