"""Starting the application: QApplication, theme, icon, error hook and the main window.

:func:`run` is what the CLI calls (``factdesk``, ``factdesk open``, ``factdesk demo``):
it shows the window at once (before any language model loads), opens the requested or
last project (or the welcome page), and can save a screenshot and quit after a delay,
for smoke tests and documentation.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from factdesk import __version__
from factdesk.gui import key_guard, theme
from factdesk.gui import settings as user
from factdesk.gui.errors import install_excepthook, setup_logging
from factdesk.gui.platform_check import first_start_problem

log = logging.getLogger(__name__)


@dataclass
class LaunchOptions:
    """What the command line asked for."""

    project: Path | None = None
    demo: bool = False
    last: bool = True  # open the last project when no project is named
    theme: str | None = None
    screenshot: Path | None = None
    quit_after_ms: int | None = None
    claim_id: int = 0


def application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (created once), named, with icon and the key guard."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName("FactDesk")
    app.setOrganizationName("FactDesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("factdesk")
    app.setWindowIcon(theme.app_icon())
    key_guard.install(app)  # type: ignore[arg-type]
    return app  # type: ignore[return-value]


def create_window(options: LaunchOptions, *, defer: bool = False):
    """Build the window and open what the options ask for (the demo may build later).

    With ``defer`` the project opens right after the window's first paint, so that the
    window appears before the project (and its libraries) load.
    """
    # loaded when a window is made: it brings every service (~0.5 s), after the platform check
    from factdesk.gui.main_window import MainWindow

    app = application()
    theme.apply_theme(app, options.theme or user.get_str("ui/theme", "system"))
    window = MainWindow()
    install_excepthook(lambda text: window.message(text, "error"))
    if defer:
        window.after_first_paint(lambda: open_requested(window, options))
    else:
        open_requested(window, options)
    return window


def open_requested(window, options: LaunchOptions) -> None:  # MainWindow
    """Open the project, the demo, or the last project, as the options say."""
    if options.project is not None:
        window.open_project(options.project, claim_id=options.claim_id)
    elif options.demo:
        window.files.open_demo()
        if options.claim_id and window.session is not None:
            window.session.select_claim(options.claim_id)
    elif options.last:
        last = user.last_project()
        if last is not None:
            window.open_project(last)


def run(options: LaunchOptions, argv: Sequence[str] | None = None) -> int:
    """Show the window and run the event loop; returns the exit code."""
    setup_logging()
    if QApplication.instance() is None:
        problem = first_start_problem()
        if problem:  # said before Qt would abort with a misleading hint
            print(problem, file=sys.stderr)
            return 1
    app = application(argv)
    window = create_window(options, defer=True)
    window.show()
    if options.screenshot is None and options.quit_after_ms is None:  # a person is there
        window.after_first_paint(window.ask_checker)
    if options.screenshot is not None:
        delay = max(300, (options.quit_after_ms or 2500) - 500)
        QTimer.singleShot(delay, lambda: _screenshot(window, options.screenshot))
    if options.quit_after_ms is not None:
        QTimer.singleShot(options.quit_after_ms, window.close)
    return app.exec()


def _screenshot(window, path: Path | None) -> None:  # MainWindow
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if window.grab().save(str(path)):
        log.info("screenshot saved to %s", path)
        print(f"screenshot saved to {path}", file=sys.stderr)
    else:
        print(f"factdesk: could not save the screenshot to {path}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m factdesk.gui.app [PROJECT]``."""
    args = list(sys.argv[1:] if argv is None else argv)
    project = Path(args[0]) if args else None
    return run(LaunchOptions(project=project))


if __name__ == "__main__":
    sys.exit(main())
