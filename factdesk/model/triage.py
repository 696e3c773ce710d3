"""The triage rule: which claims an article shows by default.

A professional checker expects each article to offer its most check-worthy claims
within an attention budget, not every factual sentence. So a detected claim is shown
by default when

* its check-worthiness score is at least the project's claim threshold (it is a
  check-worthy claim at all), **and**
* it is within the article's budget: among the article's automatic (detected) claims
  that pass the threshold, at most ``ceil(share x sentences)`` (at least one) are shown,
  the highest-scoring first, ties broken by position (earlier first), then by claim
  id (two claims may start at one offset: a detected sentence and a claim inside it);
  the order is total, so exactly the budget is shown.

and, on top of the budget, the article's **lead** (its first detected claim after the
headline: in news the sentence that states the key fact) when it scores at least
:data:`LEAD_FLOOR`, under the threshold or outside the budget.

A claim marked by hand, or judged (rated, or moved on from "to check"), is always shown.
Hand-marked claims do not use up the budget (they are not ranked with the detected
ones). Judged detected claims are ranked with the others like any detected claim: one
inside the budget takes its place there, one outside it is shown on top of the budget.
So judging a claim never hides or reveals another one.

The rule is expressed as one :class:`ArticleCut` per article (the lowest automatic
claim it shows), computed by :func:`article_cut`; :func:`shown_by_default` is the one
test every view, count and CLI command applies.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace

#: The start of a cut that admits every claim at its score (no budget binds).
_ANY_START = sys.maxsize

#: The score from which an article's lead is shown by default, whatever the threshold
#: and the budget. The lead of a news article (its first body sentence) usually states
#: the key fact, and the check-worthiness model, trained on debate sentences, often
#: scores it under the threshold ("A young Republican congressional aide resigned Monday
#: after her Facebook post ..." 0.42). Chosen on 24 BASIL dev articles read sentence by
#: sentence by a checker: leads from 0.40 up added 8 checker picks and 1 filler;
#: docs/claims.md, "Operating point variants". Not a project setting: the threshold and
#: the share are (:mod:`factdesk.model.settings`).
LEAD_FLOOR: float = 0.40


@dataclass(frozen=True)
class Triage:
    """The project's two triage settings."""

    threshold: float  # score from which a sentence is a check-worthy claim
    share: float  # most of an article's sentences shown by default (1.0: no cap)

    def cut(self, automatic: Iterable[tuple[float, int, int]], sentences: int,
            lead: tuple[float, int, int] | None = None) -> ArticleCut:
        """:func:`article_cut` with these settings."""
        return article_cut(automatic, sentences, self.threshold, self.share, lead)

    def open_cut(self) -> ArticleCut:
        """The cut of an article whose budget does not bind (a single sentence, or an
        article not counted yet): the threshold alone."""
        return ArticleCut(self.threshold, _ANY_START, _ANY_START)


@dataclass(frozen=True)
class ArticleCut:
    """The lowest automatic claim an article shows by default, by (score, position,
    id): a detected claim is admitted when it scores more than ``score``, or exactly
    ``score`` and starts before ``start``, or at ``start`` with an id up to
    ``claim_id``. The order is total: two claims never tie."""

    score: float
    start: int = _ANY_START
    claim_id: int = _ANY_START
    #: the article's lead ``(score, start, claim id)`` when it scores at least
    #: LEAD_FLOOR (None: none); it is admitted on top of the budget
    lead: tuple[float, int, int] | None = None

    def admits(self, score: float, start: int, claim_id: int) -> bool:
        return (self.lead is not None and claim_id == self.lead[2]) or self.ranks(
            score, start, claim_id)

    def lead_on_top(self) -> bool:
        """Whether the lead is shown only by the lead rule (the threshold or the budget
        leaves it out): one claim more than the budget's."""
        return self.lead is not None and not self.ranks(*self.lead)

    def ranks(self, score: float, start: int, claim_id: int) -> bool:
        """Whether the claim is admitted by the threshold and the budget (the lead
        aside)."""
        return score > self.score or (score == self.score and (
            start < self.start or (start == self.start and claim_id <= self.claim_id)))

    def with_lead(self, lead: tuple[float, int, int] | None) -> ArticleCut:
        """This cut, also admitting the article's lead ``(score, start, claim id)`` when
        it scores at least :data:`LEAD_FLOOR`."""
        return replace(self, lead=lead if lead is not None and lead[0] >= LEAD_FLOOR
                       else None)


def claim_budget(sentences: int, share: float) -> int:
    """How many automatic claims an article of ``sentences`` sentences shows at most:
    ``ceil(share x sentences)``, at least 1 (the rounding error of a product such as
    0.3 x 10 is not a sentence more)."""
    return max(1, math.ceil(round(share * sentences, 6)))


#: A sentence end in plain text: a full stop, "!", "?" or "…" (and closing quotation
#: marks or brackets), then space and a capital, a digit or an opening mark.
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")


def estimate_sentences(text: str) -> int:
    """An article's sentence count read from its text alone, for an article analysed
    before FactDesk stored the parser's count: each paragraph's sentence ends plus one.
    Within about a fifth of spaCy's count on BASIL articles (abbreviations such as
    "Sen." count as ends, quotations running over paragraphs do not)."""
    return sum(1 + len(_SENTENCE_END.findall(paragraph.strip()))
               for paragraph in _PARAGRAPHS.split(text) if paragraph.strip())


_PARAGRAPHS = re.compile(r"\n\s*\n")


def sentence_count(stored: int | None, text_estimate: int) -> int:
    """An article's sentence count for the budget: the parser's, stored when it was
    analysed; for an article analysed before FactDesk stored it, its text's
    (:func:`estimate_sentences`). Neither changes when claims are edited or deleted, so
    an edit never moves another claim in or out of the budget."""
    return stored if stored is not None and stored > 0 else max(1, text_estimate)


def article_cut(automatic: Iterable[tuple[float, int, int]], sentences: int,
                threshold: float, share: float,
                lead: tuple[float, int, int] | None = None) -> ArticleCut:
    """The cut of one article from its automatic claims' ``(score, start, claim id)``
    (any order; those under ``threshold`` play no part), its sentence count, the
    threshold and the share; ``lead``: the article's lead claim (:func:`lead_of`), if
    it has one."""
    passing = [claim for claim in automatic if claim[0] >= threshold]
    budget = claim_budget(sentences, share)
    if len(passing) <= budget:
        return ArticleCut(threshold, _ANY_START, _ANY_START).with_lead(lead)
    passing.sort(key=lambda c: (-c[0], c[1], c[2]))
    score, start, claim_id = passing[budget - 1]
    return ArticleCut(score, start, claim_id).with_lead(lead)


def lead_of(automatic: Iterable[tuple[float, int, int]],
            body_start: int = 0) -> tuple[float, int, int] | None:
    """An article's lead among its automatic claims' ``(score, start, claim id)``: the
    first one starting at or after ``body_start`` (after the headline's paragraph; 0 for
    a text without one), or None."""
    after = [claim for claim in automatic if claim[1] >= body_start]
    return min(after, key=lambda c: (c[1], c[2])) if after else None


def shown_by_default(score: float, start: int, origin: str, cut: ArticleCut,
                     judged: bool = False, *, claim_id: int) -> bool:
    """The triage: a claim is shown (highlighted, listed, stepped through with j/k) when
    it was marked by hand, is judged, or is an automatic claim its article's ``cut``
    admits (at least the threshold and within the budget: ``claim_id`` breaks a tie of
    score and start); the others are candidates, shown on request."""
    return judged or origin == "manual" or cut.admits(score, start, claim_id)
