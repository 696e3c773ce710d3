"""How much two articles are about the same story, from their claims' retrieval terms.

Two claims that resemble each other are worth suggesting when their articles cover the
same story, and are mostly noise when one comes from an article on something else: a
large project holds many stories that share common words and stock phrases.
Each article's profile is the bag of its claims' retrieval terms (lemmas and canonical
entity keys), weighted by sublinear term frequency times the claim-level inverse document
frequency of the project's candidate index; the similarity is the cosine of two profiles
(for a short article, the share of its weight the other covers).

Publication dates, when both articles have one, are the second witness: coverage of one
event appears within days, so articles more than :data:`STORY_WINDOW_DAYS` apart must be
much closer in vocabulary (:data:`SAME_STORY_MIN_APART`) to count as one story, which a
long-running story's follow-ups are and the next event on the same topic is not.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date

import numpy as np

#: Similarity below which two articles are taken to be about different stories. On
#: BASIL dev (75 events x 3 outlets, 225 articles), 0.2 keeps 96.4% of the same-event
#: article pairs and 0.6% of the others (0.15: 99.1% / 2.9%; 0.25: 91.6% / 0.25%).
SAME_STORY_MIN = 0.2
#: Similarity enough for articles published within :data:`CLOSE_DAYS` of each other
#: (the date is a second witness; on BASIL dev, undated, 0.15 keeps 99.1% of the
#: same-event pairs; NYT's and Fox News's articles on Blumenthal's Vietnam words, a day
#: apart, are at 0.19 in a project of only those three articles).
SAME_STORY_MIN_CLOSE = 0.15
CLOSE_DAYS = 2
#: Days apart within which the articles of one event are published. On BASIL dev the
#: three outlets' articles on one event are at most 4 days apart (of 225 same-event
#: pairs: 153 the same day, 49 one day, 17 two, 5 three, 1 four), while a running
#: story's next event follows within a week: of the 56 pairs of different events 5-7
#: days apart, 14 pass the undated minimum of 0.2 (the shutdown deal of one Saturday
#: and the reopening of the next Friday), and their claims made 2.3 points of the
#: best matches come from another event with a window of 7 days.
STORY_WINDOW_DAYS = 4
#: Similarity needed for articles published further apart than that: the median of
#: same-event pairs is 0.35-0.40 on BASIL dev; of the 24,912 pairs of different events
#: more than 4 days apart, 2 reach 0.35 (99.9th percentile 0.29; 132 pass the undated
#: minimum of 0.2).
SAME_STORY_MIN_APART = 0.35
#: Profiles with fewer terms than this (a pasted paragraph) are compared by how much of
#: their weight the other article covers, not by cosine, which long articles would dilute.
SHORT_PROFILE = 40

TermsOf = Callable[[int], Sequence[str]]
IdfOf = Callable[[Sequence[str]], np.ndarray]
DateOf = Callable[[int], "str | date | None"]  # ISO string or date; None when unknown


class ArticleContext:
    """Cached article profiles and their pairwise similarity for one matching run."""

    MAX_CACHED = 5_000

    def __init__(self, terms_of: TermsOf, idf_of: IdfOf, date_of: DateOf | None = None) -> None:
        self._terms_of = terms_of
        self._idf_of = idf_of
        self._date_of = date_of
        self._profiles: dict[int, dict[str, float]] = {}
        self._pairs: dict[tuple[int, int], float] = {}
        self._dates: dict[int, date | None] = {}

    def published(self, article_id: int) -> date | None:
        """The article's publication date (None when unknown or not given)."""
        if self._date_of is None:
            return None
        if article_id not in self._dates:
            if len(self._dates) > self.MAX_CACHED:
                self._dates.clear()
            value = self._date_of(article_id)
            if isinstance(value, str):
                try:
                    value = date.fromisoformat(value[:10])
                except ValueError:
                    value = None
            self._dates[article_id] = value
        return self._dates[article_id]

    def days_apart(self, a: int, b: int) -> int | None:
        """Days between the two articles' publication, None when a date is unknown."""
        da, db = self.published(a), self.published(b)
        return abs((da - db).days) if da is not None and db is not None else None

    def profile(self, article_id: int) -> dict[str, float]:
        """Unit-length weights of the article's terms."""
        found = self._profiles.get(article_id)
        if found is None:
            if len(self._profiles) > self.MAX_CACHED:
                self._profiles.clear()
            counts = Counter(self._terms_of(article_id))
            terms = list(counts)
            idf = self._idf_of(terms) if terms else np.zeros(0)
            weights = {t: (1.0 + math.log(counts[t])) * float(w)
                       for t, w in zip(terms, idf, strict=True)}
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            found = self._profiles[article_id] = {t: w / norm for t, w in weights.items()}
        return found

    def similarity(self, a: int, b: int) -> float:
        """Cosine of the two articles' profiles (1.0 for the same article)."""
        if a == b:
            return 1.0
        key = (a, b) if a < b else (b, a)
        found = self._pairs.get(key)
        if found is None:
            pa, pb = self.profile(a), self.profile(b)
            if len(pa) > len(pb):
                pa, pb = pb, pa
            shared = pa.keys() & pb.keys()
            if len(pa) < SHORT_PROFILE:
                found = math.fsum([pa[t] * pa[t] for t in shared])
            else:
                found = math.fsum([pa[t] * pb[t] for t in shared])
            self._pairs[key] = found
        return found

    def same_story(self, a: int, b: int) -> bool:
        """Whether the two articles cover one story (see the module docstring)."""
        similarity = self.similarity(a, b)
        if similarity < SAME_STORY_MIN_CLOSE:
            return False
        apart = self.days_apart(a, b)
        if apart is not None and apart <= CLOSE_DAYS:
            return True
        if apart is None or apart <= STORY_WINDOW_DAYS:
            return similarity >= SAME_STORY_MIN
        return similarity >= SAME_STORY_MIN_APART
