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


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _factdesk_imports(path: Path, known: set[str]) -> set[str]:
    """Every factdesk module ``path`` imports, at module level or inside a function (an
    import inside a function still ties the two modules together); imports only for
    type checkers are left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for_types = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                 and "TYPE_CHECKING" in ast.unparse(node.test) for n in ast.walk(node)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in for_types:
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in known}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in known else node.module)
    return found & known


def test_no_import_circles() -> None:
    """No module reaches itself again through its imports, in-function ones included:
    a circle hidden inside a function is still a circle."""
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    known = set(paths)
    graph = {name: _factdesk_imports(path, known) - {name} for name, path in paths.items()}
    circles: list[list[str]] = []
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    assert circles == []
