"""Entry point for ``python -m factdesk``."""

from factdesk.cli.main import main

raise SystemExit(main())
