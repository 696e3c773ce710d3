"""The names a story gives in most of its claims: its main actors and places.

Two outlets' articles on one story name its protagonist in sentence after sentence
("Trump" in about half the claims of each outlet's article on the shutdown deal,
"Cowan" in a third of the articles on his appointment). Two of their claims that share
only that name share the story, not one fact: "Trump signaled that a large down payment
could be sufficient" and "the announcement ... is a clear cave by Trump".
:func:`main_names` finds those names, from the event frames of every claim of the two
articles (:mod:`factdesk.matching.event_frames`, candidates below the display
threshold included: they are the articles' sentences too), so that
:func:`factdesk.matching.relations.decide` asks for something else in common before it
takes a shared name for one event.

A name counts once per claim, as a frame's who or where (a claim's speaker is among its
who, so "He said ..." resolved to Trump names him). Both articles are counted together:
a name is the story's when at least :data:`MAIN_SHARE` of their claims name it. Two
articles too short to have a story (:data:`MIN_CLAIMS`) have none.

A story has its sums and its words as it has its names (:class:`Story`): "$5.7 billion",
Trump's demand for the wall, is given by two claims of Fox News's article on the deal,
two of NYT's and one of HuffPost's, each time as the detail of another statement (the
demand, the bill that failed, the down payment that might do, the economy's loss).
A figure given by at least :data:`STORY_FIGURE_CLAIMS` claims of the two articles is
the story's (:func:`main_figures`), and the action lemmas in at least
:data:`STORY_WORD_SHARE` of their claims are its words (:func:`main_words`: "wall",
"border" in the shutdown coverage).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from factdesk.matching.action_lemmas import means_again
from factdesk.matching.event_frames import EventFrame

#: Share of the two articles' claims that must name someone (or somewhere) for the name
#: to be the story's. On the reviewer's two BASIL events: Trump 0.47-0.65 of each
#: outlet's claims; Cowan 0.17 / 0.34 / 0.38, Deval Patrick 0.39 / 0.41 / 0.15; the next
#: names (the Senate, McConnell, Kerry) 0.09-0.19.
MAIN_SHARE = 0.3
#: Fewer claims than this in the two articles together: no story to speak of (two pasted
#: paragraphs), every name is evidence as before.
MIN_CLAIMS = 8
#: Claims of the two articles that must give one figure for it to be the story's: the
#: two of a pair and one more. "$5.7 billion" is in 3 to 4 claims of each pair of the
#: shutdown deal's three articles, "$84,000" (Farenthold's settlement) in 3 to 4, Jesse
#: Jackson Jr.'s "$750,000" in 3 to 4; most sums of a story are given once.
STORY_FIGURE_CLAIMS = 3
#: Share of the two articles' claims whose action lemmas must hold a word for it to be
#: the story's: "wall" in 0.21-0.32 of each outlet's claims on the shutdown deal,
#: "border" 0.18-0.44, "demand" 0.14 (Fox News) and fewer elsewhere.
STORY_WORD_SHARE = 0.15


@dataclass(frozen=True)
class Story:
    """What the two articles of a pair give in most of their claims: names (frame keys),
    figures (what they measure, value) and action lemmas."""

    names: frozenset[str] = frozenset()
    figures: frozenset[tuple[str, float]] = frozenset()
    words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class NameCounts:
    """How many claims one article has, and how many of them name each frame key."""

    claims: int
    names: Counter[str]
    figures: Counter[tuple[str, float]] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)


def name_counts(frames: Iterable[EventFrame]) -> NameCounts:
    """The counts of one article's claims' frames (each name, figure and action lemma
    once per claim)."""
    names: Counter[str] = Counter()
    figures: Counter[tuple[str, float]] = Counter()
    words: Counter[str] = Counter()
    claims = 0
    for frame in frames:
        claims += 1
        names.update(set(frame.who) | set(frame.where))
        figures.update(frame.figures)
        # "reopen" is the story's "open" again (:mod:`factdesk.matching.action_lemmas`)
        words.update(frame.action | {w[2:] for w in frame.action
                                     if w.startswith("re") and means_again(w, w[2:])})
    return NameCounts(claims, names, figures, words)


def _counted(articles: tuple[NameCounts, ...], field: str, least: float) -> frozenset:
    """The keys of ``field`` counted at least ``least`` times over the articles' claims
    taken together; none when they hold fewer than :data:`MIN_CLAIMS` claims."""
    if sum(article.claims for article in articles) < MIN_CLAIMS:
        return frozenset()
    counts: Counter = Counter()
    for article in articles:
        counts.update(getattr(article, field))
    return frozenset(key for key, n in counts.items() if n >= least)


def main_names(*articles: NameCounts, share: float = MAIN_SHARE) -> frozenset[str]:
    """The frame keys (who and where) named in at least ``share`` of the articles'
    claims taken together; none when they hold fewer than :data:`MIN_CLAIMS` claims."""
    return _counted(articles, "names", share * sum(a.claims for a in articles))


def main_figures(*articles: NameCounts, claims: int = STORY_FIGURE_CLAIMS
                 ) -> frozenset[tuple[str, float]]:
    """The figures given by at least ``claims`` of the articles' claims taken together;
    none when they hold fewer than :data:`MIN_CLAIMS` claims."""
    return _counted(articles, "figures", claims)


def main_words(*articles: NameCounts, share: float = STORY_WORD_SHARE) -> frozenset[str]:
    """The action lemmas in at least ``share`` of the articles' claims taken together;
    none when they hold fewer than :data:`MIN_CLAIMS` claims."""
    return _counted(articles, "words", share * sum(a.claims for a in articles))


class StoryNames:
    """:func:`main_names` of article pairs for one matching run, each article's claims
    read once (``frames_of``: the event frames of an article's claims)."""

    MAX_CACHED = 20_000

    def __init__(self, frames_of: Callable[[int], Iterable[EventFrame]]) -> None:
        self._frames_of = frames_of
        self._counts: dict[int, NameCounts] = {}
        self._pairs: dict[tuple[int, int], Story] = {}

    def of(self, article_a: int, article_b: int) -> frozenset[str]:
        """The names the two articles give in most of their claims."""
        return self.story(article_a, article_b).names

    def story(self, article_a: int, article_b: int) -> Story:
        """The names, figures and words the two articles give in most of their claims."""
        key = (article_a, article_b) if article_a < article_b else (article_b, article_a)
        found = self._pairs.get(key)
        if found is None:
            if len(self._pairs) > self.MAX_CACHED:
                self._pairs.clear()
                self._counts.clear()
            counts = [self.counts(a) for a in key]
            found = self._pairs[key] = Story(
                main_names(*counts), main_figures(*counts), main_words(*counts))
        return found

    def counts(self, article_id: int) -> NameCounts:
        """One article's :class:`NameCounts`."""
        found = self._counts.get(article_id)
        if found is None:
            found = self._counts[article_id] = name_counts(self._frames_of(article_id))
        return found
