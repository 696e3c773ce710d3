"""Imported first by a benchmark that measures one core: pins the BLAS and OpenMP
thread pools to one thread before NumPy loads, and puts the repository and ``bench/`` on
``sys.path`` so that ``factdesk`` and the shared helpers import from this checkout."""

from __future__ import annotations

import os
import sys
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

REPO = Path(__file__).resolve().parents[1]
for _path in (REPO / "bench", REPO):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))


def pin_to_one_cpu() -> None:
    """Run this process on one CPU (where the platform allows), so that a speed figure
    is one core's whatever else the machine does."""
    if hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
        except OSError:
            pass
