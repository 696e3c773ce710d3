"""Per-user folders (data, settings) and where the bundled seeds and resources are.

``FACTDESK_HOME`` overrides every per-user folder (tests point it at a temporary one).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

PACKAGE_DIR = Path(__file__).resolve().parents[1]


def user_data_dir() -> Path:
    home = os.environ.get("FACTDESK_HOME")
    path = Path(home) / "data" if home else Path(platformdirs.user_data_dir("FactDesk", False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_config_dir() -> Path:
    home = os.environ.get("FACTDESK_HOME")
    path = Path(home) / "config" if home else Path(platformdirs.user_config_dir("FactDesk",
                                                                               False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def seeds_dir() -> Path:
    """The sample articles: inside the installed package, else the source tree's seeds/."""
    for candidate in (PACKAGE_DIR / "resources" / "seeds", PACKAGE_DIR.parent / "seeds"):
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    raise FileNotFoundError("the sample articles (seeds/) are not installed")


def resources_dir() -> Path:
    for candidate in (PACKAGE_DIR / "resources", PACKAGE_DIR.parent / "resources"):
        if candidate.is_dir():
            return candidate
    return PACKAGE_DIR / "resources"
