"""A headline in title case read as it would be written in sentence case.

"Nebraska and Oklahoma Sue Colorado Over Marijuana Law" capitalises every longer word,
so the parser takes common nouns for names ("Oklahoma Sue" a place, "Marijuana Law" a
person) and the pair model's capitalised-word features see names where there are none.
:func:`sentence_cased` lowers the capitals the article's body does not write ("sue",
"over", "marijuana", "law"), keeping those of the names it does ("Nebraska",
"Oklahoma", "Colorado"), acronyms ("FBI", "F.B.I."), days and months and the first
word. Only a sentence whose longer words are all capitalised
(:func:`whole_title_case`) is re-cased; the letters change case only, so offsets into
the text stay valid.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

_TITLE_CASE_MIN_WORDS = 4  # longer words a text needs to be told a headline

#: Capitalised in any sentence, so no sign of a headline, and kept so.
_ALWAYS_CAPITALISED = frozenset("""monday tuesday wednesday thursday friday saturday
    sunday january february march april june july august september october november
    december""".split())

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


def whole_title_case(words: Sequence[str]) -> bool:
    """Whether a text's words are a headline's in title case: every longer word
    capitalised (the names of days and months left out). A sentence full of names is
    not ("President Volodymyr Zelensky went to Izium on Wednesday.")."""
    longer = [w for w in words if len(w) > 3 and w.lower() not in _ALWAYS_CAPITALISED]
    return len(longer) >= _TITLE_CASE_MIN_WORDS and all(w[0].isupper() for w in longer)


def _is_acronym(word: str) -> bool:
    """"FBI", and each letter of "F.B.I." or an initial ("Michael E. Horowitz")."""
    return word.isupper()


def body_names(words: Iterable[tuple[str, bool]]) -> frozenset[str]:
    """The lower-cased words a text writes as names: capitalised inside a sentence more
    often than in lower case. ``words``: (word, whether it starts a sentence)."""
    capital: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for word, first in words:
        if first or not word[:1].isalpha():
            continue
        (capital if word[0].isupper() else lower)[word.lower()] += 1
    return frozenset(w for w, n in capital.items() if n > lower[w])


def recase(text: str, names: Iterable[str]) -> str:
    """``text`` in sentence case: each capitalised word but the first lowered unless it
    is an acronym or its lower-cased form is in ``names``."""
    keep = {n.lower() for n in names}
    out = list(text)
    for i, found in enumerate(_WORD.finditer(text)):
        word = found.group()
        if i == 0 or not word[0].isupper() or word.lower() in keep \
                or word.lower() in _ALWAYS_CAPITALISED:
            continue
        article = word == "A" and not text.startswith(".", found.end())  # "Gets A Boost"
        if not article and (_is_acronym(word) or any(c.isupper() for c in word[1:])):
            continue  # "FBI", "F.B.I.", "E." and "McCabe" are written so on purpose
        out[found.start()] = word[0].lower()
    return "".join(out)


#: A word and whether a sentence starts before it (after a line break or ". ").
_TEXT_WORD = re.compile(r"(^|\n|[.!?][\"\u201d\u2019']?\s+)?([^\W\d_][\w'\u2019-]*)")


def names_in_text(text: str) -> frozenset[str]:
    """:func:`body_names` of a plain text, its sentences told by their punctuation and
    line breaks (for an article read in excerpts)."""
    return body_names((m.group(2), m.group(1) is not None) for m in _TEXT_WORD.finditer(text))


def sentence_cased(doc: Any, start: int, end: int,
                   names: frozenset[str] | None = None, text: str | None = None
                   ) -> str | None:
    """The text of ``doc`` from character ``start`` to ``end`` in sentence case, when it
    is in title case (None otherwise); the names kept are ``names`` or, when None, those
    the rest of ``doc`` writes with a capital inside its sentences. ``text``: that text,
    when the caller has it (``Doc.text`` joins the whole document at each read)."""
    if text is None:
        text = doc.text[start:end]
    if not whole_title_case(text.split()):
        return None
    if names is None:
        starts = {s.start for s in doc.spans.get("sentences", [])} or {
            s.start for s in doc.sents}
        names = body_names((t.text, t.i in starts) for t in doc
                           if t.idx >= end or t.idx + len(t.text) <= start)
    recased = recase(text, names)
    return recased if recased != text else None
