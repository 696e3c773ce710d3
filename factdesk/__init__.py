"""FactDesk: a desktop fact-checking workstation (claims, cross-source matching, verdicts).

Importing the package asks OpenBLAS (numpy's BLAS) for one thread, unless the user's
environment says otherwise. spaCy's CNN pipelines multiply small matrices, for which
OpenBLAS's thread pool costs more than it brings: measured here, ``nlp.pipe`` parsed 60
news articles in 5.2 s on one thread against 5.8-5.9 s with OpenBLAS's default threads,
on the same core. FactDesk's parallelism is its worker processes, one per core, which
inherit the setting. It must be in the environment before OpenBLAS starts: a limit set
later (threadpoolctl) leaves the parse as slow as before.
"""

import os as _os

_os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
