"""One spaCy ``Doc``'s shared reading for extractors that work span by span.

:class:`DocView` holds what the quantity, time and claim extractors (:mod:`factdesk.nlp.
quantities`, :mod:`factdesk.nlp.times`, :mod:`factdesk.nlp.pipeline`) would otherwise
recompute for every claim of an article: the document text, its entities, the tokens
passing a test, and the character ranges of numeric dates and clock times.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_DATE_PATTERN = re.compile(  # (?=\d): every form starts with a digit; lets re skip ahead
    r"(?=\d)(?:\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}:\d{2}\b)"
)


def _date_char_ranges(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _DATE_PATTERN.finditer(text)]


class DocView:
    """What several spans of one ``Doc`` share, computed once per document.

    spaCy rebuilds ``doc.text`` and ``doc.ents`` on every access (a pass over the whole
    document), so extracting quantities and times claim by claim is quadratic in the
    article length unless the claims share one view. The view must not outlive changes
    to the document's entities.
    """

    __slots__ = ("doc", "text", "ents", "_starts", "_date_ranges", "_forms", "_where")

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        """``text``: the string ``doc`` was made from, when the caller has it (spaCy's
        tokenization keeps every character, so it is ``doc.text``, which is otherwise
        joined again from the tokens)."""
        self.doc = doc
        self.text: str = doc.text if text is None else text
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        self._starts = [e.start for e in self.ents]
        self._date_ranges: list[tuple[int, int]] | None = None
        self._forms: tuple[list[str], Any] | None = None
        self._where: dict[Callable[[str], bool], list[int]] = {}

    def tokens_where(self, test: Callable[[str], bool], start: int, end: int) -> list[int]:
        """Indices, from ``start`` up to ``end``, of the tokens whose lower-case form
        (``Token.lower_``) passes ``test``, in order. Per view, ``test`` (a module-level
        function) is called once per distinct form in the document and the tokens are
        found in one pass, without making a ``Token`` of each."""
        found = self._where.get(test)
        if found is None:
            if self._forms is None:
                codes, where = np.unique(self.doc.to_array("LOWER"), return_inverse=True)
                strings = self.doc.vocab.strings
                self._forms = [strings[code] for code in codes.tolist()], where
            forms, where = self._forms
            passed = np.array([test(form) for form in forms], dtype=bool)
            found = self._where[test] = np.flatnonzero(passed[where]).tolist()
        return found[bisect_left(found, start):bisect_left(found, end)]

    def span_text(self, span: Span) -> str:
        """``span.text``, cut from the document text (a span's characters are its
        tokens' texts and the spaces between them) instead of joined token by token."""
        return self.text[span.start_char:span.end_char]

    def ents_within(self, start: int, end: int) -> list[Span]:
        """The entities lying wholly inside tokens ``start:end``, in order."""
        out = []
        for ent in self.ents[bisect_left(self._starts, start):]:
            if ent.start >= end:
                break
            if ent.end <= end:
                out.append(ent)
        return out

    @property
    def date_ranges(self) -> list[tuple[int, int]]:
        """Character ranges of numeric dates and clock times in the whole text."""
        if self._date_ranges is None:
            self._date_ranges = _date_char_ranges(self.text)
        return self._date_ranges
