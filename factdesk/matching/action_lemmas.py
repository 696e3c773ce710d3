"""What two event frames did in common: their shared action lemmas, "reopen" read as "open".

Two outlets tell one act with the verb and with its "again" form: HuffPost's "a bill to
open the government through Feb. 15" and NYT's "agreed ... to reopen the federal
government"; Fox News's "re-open" is split by the parse and already gives "open". The
lemmas differ, so the frames shared nothing but the story's protagonist.

A lemma ``re`` + X is read as X when X is a word of its own (four letters or more) and
the two mean one act by the sentence vectors' word table (cosine of the two words'
WordLlama vectors >= :data:`AGAIN_SIMILARITY`). The prefix alone is no rule: "resign" is
not "sign" again, nor "reserve" "serve", "repay" "pay" (a debt paid back is not a sum
paid), which an earlier attempt that dropped every "re" got wrong. Measured with
:func:`~factdesk.nlp.embeddings.embed_sentences` (256 dimensions): reopen / open 0.65,
rebuild / build 0.68, reelect / elect 0.67, recapture / capture 0.58, rename / name
0.54; retake / take 0.38, reveal / "veal" 0.36, reform / form 0.30, repay / pay 0.16,
resign / sign 0.14, reserve / serve 0.06, restore / store 0.03.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from factdesk.nlp.embeddings import EmbeddingsUnavailable, embed_sentences

#: Cosine of the two words' vectors from which "re" + X is X done again.
AGAIN_SIMILARITY = 0.5
#: Shortest X read in "re" + X ("reuse" / "use" is not asked: too short to tell).
_MIN_BASE = 4


@lru_cache(maxsize=4096)
def means_again(prefixed: str, base: str) -> bool:
    """Whether ``prefixed`` ("reopen") is ``base`` ("open") done again."""
    if prefixed != "re" + base or len(base) < _MIN_BASE:
        return False
    try:
        vectors = embed_sentences([prefixed, base])
    except EmbeddingsUnavailable:  # pragma: no cover - without wordllama
        return False
    return float(vectors[0] @ vectors[1]) >= AGAIN_SIMILARITY


def shared_actions(a: Iterable[str], b: Iterable[str]) -> list[str]:
    """The action lemmas of ``a`` and ``b`` in common, sorted, a lemma done again on one
    side ("reopen") counting as its base ("open") when :func:`means_again` says so."""
    set_a, set_b = frozenset(a), frozenset(b)
    shared = set(set_a & set_b)
    for x, y in ((set_a, set_b), (set_b, set_a)):
        for word in x - shared:
            if word.startswith("re") and (base := word[2:]) in y and means_again(word, base):
                shared.add(base)
    return sorted(shared)
