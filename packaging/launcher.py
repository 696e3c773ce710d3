"""Entry point of the PyInstaller bundle: the same as the ``factdesk`` console script."""

from __future__ import annotations

import multiprocessing
import sys

from factdesk.cli.main import main

if __name__ == "__main__":
    # Worker processes of a frozen app re-execute this file; let them start properly.
    multiprocessing.freeze_support()
    sys.exit(main())
