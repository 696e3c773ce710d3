"""A figure two claims share: one detail of one fact, or the story's sum said of two things.

Two accounts of one event give its figures alike ("Cesar Sayoc, 56" twice; "Farenthold
pledged to repay the $84,000" / "would repay the $84,000"), so a shared exact figure is
evidence of one fact (:func:`~factdesk.matching.relations.decide`). But a story has its
sum (:mod:`factdesk.matching.story_names`): the shutdown coverage gives Trump's "$5.7
billion" in claim after claim, each about something else: "the shutdown was sparked by
... Trump's demand for $5.7 billion in funding for a wall", "the bill backed by Mr. Trump
... in exchange for $5.7 billion for his proposed border wall" (a vote), "potentially
less than the $5.7 billion, could be sufficient" (a signal), "lost at least $6 billion
... more than the $5.7 billion that Mr. Trump had requested" (the economy's loss).

So the story's figure is one detail only when both claims say it of the same thing:
the content words next to it (:data:`CONTEXT_WORDS` on each side, names, titles and
number words left out) share a stem ("his demands for $5.7 billion in funds" / "Trump's
demand for $5.7 billion in funding"; "repay the $84,000 in taxpayer money" / "used
$84,000 in taxpayer funds"). A figure the story does not keep returning to is evidence
as before.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factdesk.matching.archive_index import stem
from factdesk.matching.discrepancies import ClaimFacts, content_words, measure_of
from factdesk.matching.event_frames import GENERIC_ACTIONS, NUMBER_WORDS, event_frame

#: Content words read on each side of a figure.
CONTEXT_WORDS = 2
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: Words that say how much or in what, not of what: "$5.7 billion in dollars".
_MEASURE_WORDS = NUMBER_WORDS | frozenset(
    "dollar dollars cents percent total least more than less about nearly almost "
    "roughly some around over under".split())


def _name_words(facts: ClaimFacts) -> frozenset[str]:
    return frozenset(w.casefold().strip("'’.,") for text, _l, canonical in facts.entities
                     for w in f"{text} {canonical}".split())


def _nearest(words: list[str], skip: frozenset[str]) -> list[str]:
    """The first :data:`CONTEXT_WORDS` content words of ``words``, stemmed."""
    found: list[str] = []
    for word in words:
        low = word.casefold()
        bare = re.sub(r"['’]s?$", "", low)
        if bare in skip or bare in GENERIC_ACTIONS or bare in _MEASURE_WORDS \
                or not content_words(bare):
            continue
        found.append(stem(bare))
        if len(found) == CONTEXT_WORDS:
            break
    return found


@lru_cache(maxsize=8192)
def _context(text: str, figure: str, names: frozenset[str]) -> frozenset[str]:
    """The stems of the content words next to each place ``figure`` is written."""
    stems: set[str] = set()
    start = text.find(figure)
    while start >= 0 and figure:
        end = start + len(figure)
        stems.update(_nearest(_WORD.findall(text[:start])[::-1], names))
        stems.update(_nearest(_WORD.findall(text[end:]), names))
        start = text.find(figure, end)
    return frozenset(stems)


def figure_context(facts: ClaimFacts, measure: tuple[str, float]) -> frozenset[str]:
    """The stems of the words next to the claim's figure ``measure`` ((what it measures,
    value), as :class:`~factdesk.matching.event_frames.EventFrame` keeps figures)."""
    names = _name_words(facts)
    stems: set[str] = set()
    for q in facts.quantities:
        if q.qualifier == "exact" and q.value == measure[1] \
                and measure_of(facts, q)[0] == measure[0]:
            stems |= _context(facts.text, q.text, names)
    return frozenset(stems)


def figure_evidence(a: ClaimFacts, b: ClaimFacts,
                    story_figures: frozenset[tuple[str, float]] = frozenset()
                    ) -> tuple[bool, bool]:
    """(whether a figure both claims give is a detail of one fact, whether they share
    only the story's figures said of other things). A figure that is not the story's
    counts as before; a story's figure counts when said of the same thing
    (:func:`figure_context`)."""
    shared = event_frame(a).figures & event_frame(b).figures
    if not shared:
        return False, False
    for figure in shared:
        if figure not in story_figures or figure_context(a, figure) & figure_context(b, figure):
            return True, False
    return False, True
