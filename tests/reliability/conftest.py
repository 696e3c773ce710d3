"""Fixtures of the reliability tests: a small project with claims, verdicts and evidence."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from reliability_helpers import build_small_project  # noqa: E402


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    return build_small_project(tmp_path / "small.factdesk")
