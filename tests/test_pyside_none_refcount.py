"""Regression: PySide6 6.12.0 on Python 3.11 aborted after ~5,000 void-method calls."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_hundred_thousand_void_calls_do_not_abort() -> None:
    # In a child process: the bug kills the interpreter ("none_dealloc"), not a test.
    code = textwrap.dedent(
        """
        import os, sys
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QObject, QTimer
        from PySide6.QtWidgets import QApplication, QLabel
        app = QApplication([])
        label = QLabel()
        timer = QTimer()
        before = sys.getrefcount(None)
        for i in range(100_000):
            label.setText("x")          # void method
            timer.setInterval(i % 100)  # void method
        print("ok", sys.getrefcount(None) - before)
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("ok")


def test_declared_dependency_excludes_the_bad_combination() -> None:
    from importlib.metadata import requires

    reqs = [r for r in requires("factdesk") or [] if r.lower().startswith("pyside6")]
    assert any("<6.12" in r and "python_version < \"3.12\"" in r.replace("'", '"') for r in reqs)
