"""How the speaker tests read a text: each sentence's speaker, from the real pipeline."""

from __future__ import annotations

from factdesk.nlp.pipeline import ClaimExtractor


def speakers(extractor: ClaimExtractor, text: str) -> list[str | None]:
    """The speaker of each sentence of ``text``, in order."""
    doc = extractor.nlp(text)  # kept: the span group needs its document alive
    return [s._.speaker for s in doc.spans["sentences"]]
