"""Shared fixtures: offscreen Qt, isolated settings and data folders, seed paths."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point every per-user folder (settings, data, recent files) at a temporary place."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("FACTDESK_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    yield home


@pytest.fixture(scope="session", autouse=True)
def widget_application():
    """One QApplication for the whole run, made before any test can make a bare
    QGuiApplication (the PDF renderer makes one when it runs headless, and Qt allows one
    application object per process: a window test after it would find no widgets)."""
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["factdesk-tests"])


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def shared_eval() -> Path:
    path = SHARED / "eval"
    if not path.is_dir():
        pytest.skip("../shared/eval is not available")
    return path


@pytest.fixture(scope="session")
def nlp():
    """The base spaCy English pipeline, loaded once per test session (skips if absent)."""
    from factdesk.nlp.model import ModelUnavailable, load_base_pipeline

    try:
        return load_base_pipeline()
    except ModelUnavailable as exc:  # pragma: no cover - depends on the machine
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def extractor(nlp):
    """The claim pipeline (threshold 0.3) over :func:`nlp`, built once (skips if absent)."""
    from factdesk.nlp.pipeline import ClaimExtractor  # lazy: loads spaCy

    return ClaimExtractor(None, 0.3)


@pytest.fixture
def marked_project(tmp_path: Path, seeds_dir: Path) -> Path:
    """A project file with the seed articles imported and claim 1 marked by hand in the
    first article (no spaCy needed)."""
    from factdesk.core.commands import MarkClaim
    from factdesk.core.importing import import_paths
    from factdesk.core.project import Project

    path = tmp_path / "marked.factdesk"
    with Project.open(path) as project:
        import_paths(project, [seeds_dir])
        MarkClaim(project.articles.ids()[0], 0, 40).apply(project)
    return path


@pytest.fixture
def deny_writing(monkeypatch: pytest.MonkeyPatch):  # a function
    """``deny_writing(path)``: the operating system's write-access check says no for
    ``path`` (a file or folder), for every user, root included."""
    from factdesk.storage import database

    real_access = os.access
    denied: list[Path] = []

    def access(target: object, mode: int, *args: object, **kwargs: object) -> bool:
        if mode & os.W_OK and any(Path(str(target)).resolve() == d for d in denied):
            return False
        return real_access(target, mode, *args, **kwargs)

    monkeypatch.setattr(database.os, "access", access)
    return lambda path: denied.append(Path(path).resolve())


@pytest.fixture(scope="session")
def compare():
    """Compare two texts as ``factdesk compare`` does: (relation, discrepancies as
    dicts, reason), the texts read as published on the given day."""
    from factdesk.core.comparing import compare_texts

    def run(a: str, b: str, published: date) -> tuple[str, list[dict], str]:
        found = compare_texts([(a, b)], published=published)[0]
        return found.relation, list(found.discrepancies), found.reason

    return run
