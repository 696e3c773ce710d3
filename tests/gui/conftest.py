"""GUI fixtures: one demo project per session (copied per test) and a window factory.

The demo is the real one (``build_demo``: spaCy extraction and matching) when the NLP
weights and the matching service are installed; otherwise a heuristic stand-in built
from the same seed articles without spaCy (see ``projects.py``), so that the window's
tests do not wait for the models.
"""

from __future__ import annotations

import os
import shutil
import sys
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from projects import synthetic_demo

REPO = Path(__file__).resolve().parents[2]


def _real_demo_possible() -> bool:
    if os.environ.get("FACTDESK_TEST_SYNTHETIC_DEMO"):
        return False
    try:
        import factdesk.core.matching_service  # noqa: F401
    except ImportError:
        return False
    return (REPO / "factdesk" / "nlp" / "weights" / "worthiness.npz").exists()


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo project, built once per test session."""
    folder = tmp_path_factory.mktemp("demo-master")
    if _real_demo_possible():
        old = os.environ.get("FACTDESK_HOME")
        os.environ["FACTDESK_HOME"] = str(folder)
        try:
            from factdesk.core.demo import build_demo

            return build_demo(folder / "demo.factdesk")
        except Exception as exc:  # fall back, but say so
            warnings.warn(f"real demo build failed ({exc}); using the synthetic demo",
                          stacklevel=1)
        finally:
            if old is None:
                os.environ.pop("FACTDESK_HOME", None)
            else:
                os.environ["FACTDESK_HOME"] = old
    return synthetic_demo(folder / "synthetic-demo.factdesk")


@pytest.fixture
def demo_copy(demo_master: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.factdesk"
    shutil.copy(demo_master, target)
    return target


@pytest.fixture
def make_window(qtbot, qapp) -> Iterator[Callable[..., object]]:
    """Open real main windows; after the test, fail if any top-level widget leaked."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from factdesk.gui.app import LaunchOptions, application, create_window

    application()
    before = set(QApplication.topLevelWidgets())
    windows = []

    def factory(project: Path | None = None, **kwargs: object):
        window = create_window(LaunchOptions(project=project, last=False, theme="light",
                                             **kwargs))
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        windows.append(window)
        return window

    yield factory
    for window in windows:
        ws = getattr(window, "workspace", None)
        if ws is not None and ws.verdict.has_draft:  # closing would ask (a modal question)
            ws.verdict.rationale.restore()
        if window.isVisible():
            window.close()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    leaked = [w for w in QApplication.topLevelWidgets() if w not in before]
    leaked = [w for w in leaked if not w.objectName().startswith("qt_")]
    assert not leaked, f"top-level widgets leaked: {[type(w).__name__ for w in leaked]}"
