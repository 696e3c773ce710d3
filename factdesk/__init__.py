"""FactDesk: a desktop fact-checking workstation (claims, cross-source matching, verdicts).

Importing the package asks OpenBLAS (numpy's BLAS) for one thread, unless the user's
environment says otherwise. With its default thread pool, OpenBLAS makes every process
that loads numpy multi-threaded, and spaCy parses ~11% slower in a process that has had
a second thread (measured here: ``nlp.pipe`` over 60 news articles, 5.2 s against 5.8 s
on the same core; a Python thread that has come and gone costs the same). FactDesk's
parallelism is its worker processes, one per core, which inherit the setting and start
no thread; a one-process command-line run starts none either. The setting must be in
the environment before OpenBLAS starts: a limit set later (threadpoolctl) does not help.

For the same reason it asks the ``tokenizers`` library (the WordLlama encoder's tokenizer,
:mod:`factdesk.nlp.embeddings`) not to encode batches in parallel: its ``encode_batch``
otherwise starts a Rayon thread pool (one thread per core) at the first claim vector,
which made every later parse in the process a threaded one; and the batches matching
embeds (a claim, a pair's new words) are too small to gain from threads.
"""

import os as _os

_os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
_os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

__version__ = "0.1.0"
