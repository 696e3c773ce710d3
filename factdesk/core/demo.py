"""The demo project: the three seed articles imported, claims extracted, matches computed.

Built in the user's data folder, rebuilt when missing (or when it cannot be opened), and
built under a temporary name first so that an interrupted build never leaves a
half-made demo behind.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from factdesk.core.analysis import analyse_articles
from factdesk.core.importing import import_paths
from factdesk.core.paths import seeds_dir, user_data_dir
from factdesk.core.project import Project
from factdesk.storage.database import ProjectFileError

DEMO_NAME = "demo.factdesk"


def demo_path() -> Path:
    return user_data_dir() / DEMO_NAME


def build_demo(
    path: Path | None = None,
    *,
    rebuild: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
) -> Path:
    """The demo project at ``path`` (default: the user's data folder), built if needed."""
    path = Path(path) if path else demo_path()
    if path.exists() and not rebuild:
        try:
            with Project.open(path, create=False) as project:
                if project.articles.count() >= 3 and project.claims.count() > 0:
                    return path
        except ProjectFileError:
            pass
    tmp = path.with_name(path.name + ".building")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    with Project.open(tmp) as project:  # no checker named: the window's user is the one
        report = import_paths(project, [seeds_dir()], progress=progress)
        analyse_articles(project, [aid for _, aid in report.added], progress=progress)
        project.fold_journal()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    tmp.replace(path)
    return path
