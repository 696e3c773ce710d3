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
"border" in the shutdown coverage). Its days too: the day words (a frame's *when*) in at
least :data:`STORY_DAY_SHARE` of the claims (:func:`main_days`: "Wednesday", the day of
the baseball shooting, in the claims of the next day's articles about it).
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
#: Share of the two articles' claims that must name a day word for it to be the story's
#: (a day of a frame's *when*; every claim of an event told the next day may name it):
#: on BASIL's baseball shooting (58f414e5) "wednesday" in 0.09-0.16 of each pair of its
#: three articles' claims, "thursday" 0.07-0.09; the mail bombs' (1f99798f) "friday"
#: 0.12-0.22, the next 0.03; Fox's visit (8abec8d9) "wednesday" 0.12-0.24.
STORY_DAY_SHARE = 0.08
#: The story's lead: the person (or place) named most, in at least this share of the two
#: articles' claims and :data:`LEAD_MARGIN` times as many as the next name. Scalise in
#: 0.13-0.16 of each pair of the shooting's articles (the next 0.06-0.07); the mail bombs
#: have none (Trump 0.12-0.24, Clapper 0.12-0.14).
LEAD_SHARE = 0.1
LEAD_MARGIN = 2.0


@dataclass(frozen=True)
class Story:
    """What the two articles of a pair give in most of their claims: names (frame keys),
    figures (what they measure, value) and action lemmas."""

    names: frozenset[str] = frozenset()
    figures: frozenset[tuple[str, float]] = frozenset()
    words: frozenset[str] = frozenset()
    days: frozenset[str] = frozenset()  # the frames' when words ("wednesday")
    lead: frozenset[str] = frozenset()  # the name named most by far (:func:`lead_name`)


@dataclass(frozen=True)
class NameCounts:
    """How many claims one article has, and how many of them name each frame key."""

    claims: int
    names: Counter[str]
    figures: Counter[tuple[str, float]] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)
    days: Counter[str] = field(default_factory=Counter)


def name_counts(frames: Iterable[EventFrame]) -> NameCounts:
    """The counts of one article's claims' frames (each name, figure and action lemma
    once per claim)."""
    names: Counter[str] = Counter()
    figures: Counter[tuple[str, float]] = Counter()
    words: Counter[str] = Counter()
    days: Counter[str] = Counter()
    claims = 0
    for frame in frames:
        claims += 1
        names.update(set(frame.who) | set(frame.where))
        figures.update(frame.figures)
        days.update(frame.when)
        # "reopen" is the story's "open" again (:mod:`factdesk.matching.action_lemmas`)
        words.update(frame.action | {w[2:] for w in frame.action
                                     if w.startswith("re") and means_again(w, w[2:])})
    return NameCounts(claims, names, figures, words, days)


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


def main_days(*articles: NameCounts, share: float = STORY_DAY_SHARE) -> frozenset[str]:
    """The day words (frames' *when*) in at least ``share`` of the articles' claims taken
    together; none when they hold fewer than :data:`MIN_CLAIMS` claims."""
    return _counted(articles, "days", share * sum(a.claims for a in articles))


def lead_name(*articles: NameCounts, share: float = LEAD_SHARE,
              margin: float = LEAD_MARGIN) -> frozenset[str]:
    """The frame key named most in the articles' claims taken together, when it is named
    in at least ``share`` of them and ``margin`` times as often as the next ("steve
    scalise" in the baseball shooting's), as a set; none when they hold fewer than
    :data:`MIN_CLAIMS` claims."""
    claims = sum(a.claims for a in articles)
    if claims < MIN_CLAIMS:
        return frozenset()
    counts: Counter = Counter()
    for article in articles:
        counts.update(article.names)
    top = counts.most_common(2)
    if not top or top[0][1] < share * claims:
        return frozenset()
    if len(top) > 1 and top[0][1] < margin * top[1][1]:
        return frozenset()
    return frozenset({top[0][0]})


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
                main_names(*counts), main_figures(*counts), main_words(*counts),
                main_days(*counts), lead_name(*counts))
        return found

    def counts(self, article_id: int) -> NameCounts:
        """One article's :class:`NameCounts`."""
        found = self._counts.get(article_id)
        if found is None:
            found = self._counts[article_id] = name_counts(self._frames_of(article_id))
        return found
