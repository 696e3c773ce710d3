"""The claim extractors of this process, one per (spaCy model, threshold), shared.

Loading a spaCy pipeline takes seconds; every service that parses text (extraction,
hand-marked claims, ``factdesk compare``) asks here, so it is loaded once per process.
"""

from __future__ import annotations

import threading

from factdesk.nlp.pipeline import ClaimExtractor

_extractors: dict[tuple[str | None, float | None], ClaimExtractor] = {}
_extractors_lock = threading.Lock()


def get_extractor(model: str | None = None, threshold: float | None = None) -> ClaimExtractor:
    """One shared extractor per (model, threshold): the spaCy model loads once."""
    with _extractors_lock:
        key = (model, threshold)
        if key not in _extractors:
            _extractors[key] = ClaimExtractor(model, threshold)
        return _extractors[key]
