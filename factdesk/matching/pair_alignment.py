"""Soft word alignment and BLEU n-gram precisions of a sentence pair.

Two groups of same-fact inputs that read a pair the way paraphrase metrics do:

* **Soft alignment** (BERTScore-style, on static vectors): each content lemma of one
  sentence is aligned to the most similar lemma of the other by the cosine of their
  WordLlama vectors (:class:`factdesk.matching.claim_vectors.WordTable`); the
  IDF-weighted mean of those best cosines is the sentence's precision against the
  other. "visited" finds "went", "ceremony" finds "raised" a little, an unrelated word
  nothing. Reported as the two directions' minimum and maximum and their harmonic mean.
* **BLEU** (Papineni et al. 2002; as paraphrase inputs, Madnani et al. 2012): the
  clipped word n-gram precisions for n = 1..4 in both directions, and the smoothed
  sentence BLEU (add-one above unigrams, Lin and Och 2004) of each direction.

All values are symmetric in the two sentences (min / max of the directions). The
per-sentence parts (lemma vectors, n-gram counts) are built once per sentence
(:class:`AlignmentData`) and cached on its pair input; only the comparison is per pair.
Measured by ``bench/mrpc_head_experiments.py`` (docs/matching.md).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

import numpy as np

from factdesk.matching.claim_vectors import WordTable, word_table

#: Names of the values :func:`alignment_values` returns, in order.
ALIGNMENT_NAMES: tuple[str, ...] = (
    "soft_p_min", "soft_p_max", "soft_f",
    "bleu1_min", "bleu1_max", "bleu2_min", "bleu2_max", "bleu3_min", "bleu3_max",
    "bleu4_min", "bleu4_max", "bleu_min", "bleu_max",
)
#: Longest word n-gram counted for BLEU.
MAX_ORDER = 4
#: Log-precision of an order without any match and without smoothing (unigrams).
_NO_MATCH_LOG = -9.0


class AlignmentData:
    """One sentence's distinct content lemmas with their rows in the word table, and its
    word n-grams (n = 1..4) as sets, with their counts where one repeats."""

    __slots__ = ("lemmas", "table", "rows", "grams", "repeats", "totals", "weights")

    def __init__(self, lemmas: Sequence[str], n_words: int, grams: Sequence[set[str]],
                 counts: Callable[[int], Counter]) -> None:
        """``grams[n - 1]`` is the set of the sentence's word n-grams; ``counts(n)``
        counts them (called only for an order where one occurs twice)."""
        self.lemmas = tuple(dict.fromkeys(lemmas))
        self.table: WordTable | None = None
        self.rows: np.ndarray | None = None
        self.grams = tuple(grams)
        self.totals = tuple(max(n_words - n, 0) for n in range(MAX_ORDER))
        self.repeats = tuple(counts(n + 1) if len(self.grams[n]) < self.totals[n] else None
                             for n in range(MAX_ORDER))
        self.weights: tuple[object, np.ndarray, float] | None = None

    def __getstate__(self) -> dict[str, object]:
        # the IDF weights are tied to their model's function (and its table), the rows
        # to this process's word table: never pickled to worker processes, which weigh
        # and look the words up with their own
        state = {name: getattr(self, name) for name in self.__slots__}
        state["weights"] = state["table"] = state["rows"] = None
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        for name, value in state.items():
            setattr(self, name, value)

    def vectors(self) -> np.ndarray:
        """The lemmas' unit vectors (one row each), looked up on first use."""
        if self.table is None or self.rows is None:
            table = word_table()
            self.rows, self.table = table.rows(self.lemmas), table
        return self.table.matrix[self.rows]

    def idf_weights(self, idf: Callable[[str], float]) -> tuple[np.ndarray, float]:
        """IDF weight of each lemma (floored at 0) and their sum, under ``idf`` (the
        last function's are kept: a matching run uses one)."""
        cached = self.weights
        if cached is None or cached[0] is not idf:
            values = np.array([max(idf(w), 0.0) for w in self.lemmas], dtype=np.float64)
            cached = self.weights = (idf, values, math.fsum(values.tolist()))
        return cached[1], cached[2]


def look_up_vectors(sentences: Iterable[AlignmentData]) -> None:
    """Look up the word rows of every sentence that has none yet at once: their new
    words are embedded in one batch (word by word, the encoder's per-call cost was a
    sixth of a matching run's pair features)."""
    todo = [d for d in dict.fromkeys(sentences) if d.table is None or d.rows is None]
    if not todo:
        return
    table = word_table()
    rows = table.rows([w for d in todo for w in d.lemmas])
    start = 0
    for d in todo:
        d.rows, d.table = rows[start : start + len(d.lemmas)], table
        start += len(d.lemmas)


def soft_alignment(a: AlignmentData, b: AlignmentData,
                   idf: Callable[[str], float]) -> tuple[float, float, float]:
    """(min, max) of the two directions' IDF-weighted soft precision, and their
    harmonic mean (the soft F). Two sentences without content lemmas align fully; one
    without them against one with them not at all."""
    if not a.lemmas or not b.lemmas:
        empty = float(not a.lemmas and not b.lemmas)
        return empty, empty, empty
    if a.lemmas > b.lemmas:  # one order of the matrix product: exactly symmetric
        a, b = b, a
    weights_a, total_a = a.idf_weights(idf)
    weights_b, total_b = b.idf_weights(idf)
    sim = a.vectors() @ b.vectors().T
    p_a = float(weights_a @ sim.max(axis=1)) / total_a if total_a > 0 else 0.0
    p_b = float(weights_b @ sim.max(axis=0)) / total_b if total_b > 0 else 0.0
    f = 2.0 * p_a * p_b / (p_a + p_b) if p_a + p_b > 0 else 0.0
    return (p_a, p_b, f) if p_a <= p_b else (p_b, p_a, f)


def bleu_values(a: AlignmentData, b: AlignmentData) -> list[float]:
    """Per order, (min, max) of the clipped n-gram precision of each side against the
    other; then (min, max) of the two directions' smoothed sentence BLEU (without a
    brevity penalty: length is an input of its own)."""
    out: list[float] = []
    logs_a = logs_b = 0.0
    for n in range(MAX_ORDER):
        match = _clipped_matches(a, b, n)
        tot_a, tot_b = a.totals[n], b.totals[n]
        p_a = match / tot_a if tot_a else 0.0
        p_b = match / tot_b if tot_b else 0.0
        out += (p_a, p_b) if p_a <= p_b else (p_b, p_a)
        smooth = 0 if n == 0 else 1
        logs_a += math.log((match + smooth) / (tot_a + smooth)) if match + smooth else _NO_MATCH_LOG
        logs_b += math.log((match + smooth) / (tot_b + smooth)) if match + smooth else _NO_MATCH_LOG
    bleu_a, bleu_b = math.exp(logs_a / MAX_ORDER), math.exp(logs_b / MAX_ORDER)
    out += (bleu_a, bleu_b) if bleu_a <= bleu_b else (bleu_b, bleu_a)
    return out


def _clipped_matches(a: AlignmentData, b: AlignmentData, n: int) -> int:
    """How many of the (n+1)-grams of ``a`` are matched in ``b``, each n-gram counted at
    most as often as the sentence that has it fewer times."""
    shared = a.grams[n] & b.grams[n]
    if not shared:
        return 0
    count_a, count_b = a.repeats[n], b.repeats[n]
    if count_a is None and count_b is None:
        return len(shared)
    count_a, count_b = count_a or {}, count_b or {}
    return sum(min(count_a.get(g, 1), count_b.get(g, 1)) for g in shared)


def alignment_values(a: AlignmentData, b: AlignmentData,
                     idf: Callable[[str], float]) -> list[float]:
    """The values named by :data:`ALIGNMENT_NAMES` of one pair."""
    return [*soft_alignment(a, b, idf), *bleu_values(a, b)]
