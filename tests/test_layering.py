"""Only factdesk.gui imports Qt widgets; core layers import no Qt at all; spaCy is lazy."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "factdesk"
NO_QT = ("model", "core", "storage", "ingest", "nlp", "matching", "cli")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_no_qt_below_the_gui() -> None:
    offenders = []
    for layer in NO_QT:
        for path in (PACKAGE / layer).rglob("*.py"):
            if path.name == "gui_commands.py":  # the one door into the window, lazily
                continue
            if any(n.startswith(("PySide6", "shiboken6", "factdesk.gui")) for n in _imports(path)):
                offenders.append(str(path.relative_to(PACKAGE)))
    for path in (PACKAGE / "report").rglob("*.py"):
        if any(n.startswith(("PySide6.QtWidgets", "factdesk.gui")) for n in _imports(path)):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_gui_commands_import_the_gui_only_inside_handlers() -> None:
    tree = ast.parse((PACKAGE / "cli" / "gui_commands.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [
                node.module or ""]
            assert not any(n.startswith(("factdesk.gui", "PySide6")) for n in names)


def test_cli_and_services_import_without_qt_or_spacy() -> None:
    code = (
        "import sys, factdesk.cli.main, factdesk.cli.gui_commands, factdesk.core.importing, factdesk.core.analysis;"
        "import factdesk.report.project_json;"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'spacy'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_linter_contracts_hold() -> None:
    exe = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(exe)], capture_output=True, text=True, cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "broken" in result.stdout and "0 broken" in result.stdout
