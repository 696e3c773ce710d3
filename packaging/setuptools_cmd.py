"""setuptools ``build_py`` that puts the top-level ``resources/`` and ``seeds/`` into the wheel.

Referenced from pyproject.toml::

    [tool.setuptools.cmdclass]
    build_py = "packaging.setuptools_cmd.BuildPy"

In the source tree the application reads ``<repo>/resources`` and ``<repo>/seeds``; an
installed ``factdesk`` reads ``factdesk/resources`` and ``factdesk/resources/seeds``
(``factdesk.core.paths`` tries those first). This command copies the former to the latter
in the build directory only, so the checkout keeps a single copy of each file and no
symlinks (which Windows checkouts do not reliably have).

Editable installs (``pip install -e .``) need nothing: they read the source tree.
"""

from __future__ import annotations

import os
from pathlib import Path

from setuptools.command.build_py import build_py

# (source folder relative to the project root, destination inside the package, patterns)
DATA_TREES = (
    ("resources", "factdesk/resources", ("**/*",)),
    ("seeds", "factdesk/resources/seeds", ("*.txt", "sources.json")),
)
SKIP_PARTS = {"__pycache__", ".git", ".DS_Store"}


class BuildPy(build_py):
    """The standard command, plus the application's data trees copied into build_lib."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        root = Path.cwd()
        for src_rel, dest_rel, patterns in DATA_TREES:
            src = root / src_rel
            if not src.is_dir():
                raise FileNotFoundError(
                    f"{src}: missing; the wheel must carry it (is it in the sdist? "
                    f"see MANIFEST.in)"
                )
            for pattern in patterns:
                for path in sorted(src.glob(pattern)):
                    if not path.is_file() or SKIP_PARTS.intersection(path.parts):
                        continue
                    target = Path(self.build_lib, dest_rel, path.relative_to(src))
                    self.mkpath(os.fspath(target.parent))
                    self.copy_file(os.fspath(path), os.fspath(target), preserve_mode=False)
