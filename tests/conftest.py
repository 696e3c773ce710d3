"""Shared fixtures: offscreen Qt, isolated settings and data folders, seed paths."""

from __future__ import annotations

import os
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
