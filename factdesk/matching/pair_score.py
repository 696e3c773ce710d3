"""The one score of a pair: how likely two claims report the same fact or event.

The pair scorer has two calibrated heads: the same-fact probability (MRPC: do the two
sentences say the same thing?) and the same-event probability (ECB+ and BASIL: do they
report one event, or a similar but different one?). A checker reads one number, the
score ``factdesk compare`` prints and the across-sources panel ranks by, so
:func:`pair_score` makes it the larger of the two: a pair is as likely to report one
fact or event as the surer head says (a paraphrase the event head misses keeps its
same-fact probability; two accounts of one event in other words keep their event
probability).

The relation :func:`~factdesk.matching.relations.decide` found sets the band the score
lies in, so that a number reads the same everywhere:

* **same fact** and **conflicting** score at least the same-fact threshold;
* **related** and unrelated pairs score below it. Up to the related threshold the score
  is the probability itself; above it, the probabilities from the related threshold to 1
  are mapped in order onto the related threshold to just below the same-fact threshold,
  so a related pair the event head is sure of still ranks above one it doubts
  (clamping them all to one value lost that order: ECB+ AUC over 23 topics, each rated
  by an event head that never saw it, 0.746 against 0.760, see docs/matching.md).
"""

from __future__ import annotations

#: How far below the same-fact threshold the score of a pair of another relation stays.
RELATED_MARGIN = 0.005


def pair_score(probability: float, event: float, *, same_band: bool,
               same_threshold: float, related_threshold: float) -> float:
    """The score of a pair from its same-fact ``probability`` and same-event ``event``
    probability; ``same_band``: the pair was found the same fact (or conflicting)."""
    likely = max(float(probability), float(event))
    if same_band:
        return max(likely, same_threshold)
    knee = min(related_threshold, same_threshold - RELATED_MARGIN)
    if likely <= knee:
        return likely
    top = same_threshold - RELATED_MARGIN
    return knee + (top - knee) * (likely - knee) / (1.0 - knee)
