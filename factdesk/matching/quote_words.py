"""The words of two quotes to compare, the names written in them set aside.

Two remarks of one speaker name the same people the same way: a lawyer's "The decision
to fire Special Agent Strzok is not only a departure from typical bureau practice ..."
and his "A lengthy investigation ... that Special Agent Strzok's personal views ever
affected his work" share "special", "agent", "strzok", which is whom they are about, not
what was said. :func:`quote_word_sets` gives the quoted content words of two claims
without such names (a run of capitalised words, :func:`said_words`), or with them when a
quote is mostly a name; :mod:`factdesk.matching.relations` compares them to tell one
quote told twice from two remarks.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factdesk.matching.archive_index import stem
from factdesk.matching.discrepancies import (
    _STOP,
    ClaimFacts,
    _quoted_stretches,
    content_words,
    quote_text,
)


@lru_cache(maxsize=4096)  # a claim is compared with many others
def _quoted_words_of(text: str) -> frozenset[str]:
    return frozenset(content_words(quote_text(text)))


#: Two capitalised words or more in a row inside a quotation: a name with its title or
#: given name ("Special Agent Strzok", "Director Wray", "Sheriff Arpaio"), how the speaker
#: names someone. A capitalised word alone ("Christian", "Religion", "Indiana") stays.
_NAME_IN_QUOTE = re.compile(r"\b[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|the))*\s+[A-Z][\w’'.-]*")


def _name_run(found: re.Match[str]) -> str:
    """The capitalised run less the sentence's first words before it ("After Bucha":
    "After" opens the sentence, "Bucha" alone stays)."""
    words = found.group(0).split()
    lead = 0
    while lead < len(words) and (words[lead].lower() in _STOP or len(words[lead]) < 4
                                 and not words[lead].endswith(".")):
        lead += 1
    if len(words) - lead < 2:
        return found.group(0)
    return " ".join(words[:lead]) + " "


def said_words(quoted: str) -> str:
    """The quoted words without the names written in them: two remarks of one lawyer
    both say "Special Agent Strzok", which is whom they are about, not what was said
    ("... a departure from typical bureau practice ..." / "A lengthy investigation ...
    failed to produce a shred of evidence ...")."""
    return _NAME_IN_QUOTE.sub(_name_run, quoted)


@lru_cache(maxsize=4096)
def _said_words_of(text: str) -> frozenset[str]:
    """The quoted content words less the names written in the quote (:func:`said_words`)."""
    stretches = _quoted_stretches(text) or [quote_text(text)]
    return frozenset(w for part in stretches for w in content_words(said_words(part)))


#: Quoted words (names set aside) each quote must keep for them to be compared without
#: the names: a quote that is mostly a name ("to the Democratic National Convention")
#: is compared with its name.
SAID_WORDS_MIN = 3


def quote_word_sets(a: ClaimFacts, b: ClaimFacts) -> tuple[frozenset[str], frozenset[str]]:
    """The two quotes' words to compare: without the names in them
    (:func:`_said_words_of`) when both keep :data:`SAID_WORDS_MIN`, else all of them."""
    said_a, said_b = _said_words_of(a.text), _said_words_of(b.text)
    if min(len(said_a), len(said_b)) >= SAID_WORDS_MIN:
        return said_a, said_b
    return _quoted_words_of(a.text), _quoted_words_of(b.text)


@lru_cache(maxsize=8192)
def quote_stems(words: frozenset[str]) -> frozenset[str]:
    """The quoted content words' stems: "I know of no pressure" and "I know of nobody
    who pressured anybody" have "pressur" in common."""
    return frozenset(stem(word) for word in words)
