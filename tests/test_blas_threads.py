"""Importing FactDesk asks OpenBLAS for one thread (spaCy parses faster so), unless the
environment already says how many."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def _threads_after_import(env_value: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if env_value is not None:
        env["OPENBLAS_NUM_THREADS"] = env_value
    code = ("import factdesk, os, numpy\n"
            "print(os.environ['OPENBLAS_NUM_THREADS'])")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                         text=True, check=True)
    return out.stdout.strip()


def test_import_asks_for_one_blas_thread() -> None:
    assert _threads_after_import(None) == "1"


def test_the_users_setting_wins() -> None:
    assert _threads_after_import("2") == "2"


def test_openblas_runs_one_thread_after_import() -> None:
    pytest.importorskip("threadpoolctl")  # installed with the test extra's scikit-learn
    env = {k: v for k, v in os.environ.items()
           if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
    code = ("import factdesk, numpy, threadpoolctl\n"
            "print(sorted({i['num_threads'] for i in threadpoolctl.threadpool_info()"
            " if i['internal_api'] == 'openblas'}))")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() in ("[1]", "[]"), out.stdout  # []: numpy without OpenBLAS
