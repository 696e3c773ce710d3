"""Turning two sentences into the numeric feature vector the pair scorer judges.

:class:`PairInput` is the parsed, model-independent view of one sentence (built once per
sentence from a spaCy span with :func:`pair_input_from_span`); :func:`pair_features`
compares two of them and returns a fixed-length float vector whose columns are named by
:data:`FEATURE_NAMES`. Every feature is symmetric in its two arguments (directional
measures are reported as their minimum and maximum), so ``score(a, b) == score(b, a)``.
Only numpy and rapidfuzz are used here; spaCy is touched only through the objects passed
in. The last columns (:data:`~factdesk.matching.pair_alignment.ALIGNMENT_NAMES`: soft word
alignment and BLEU, computed in :mod:`factdesk.matching.pair_alignment`) read word vectors
from the sentence encoder, loaded on first use in each process.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq, Levenshtein

from factdesk.matching.entity_agreement import (
    entity_matched,
    frame_keys,
    persons_agreement,
    slot_agreement,
)
from factdesk.matching.number_values import extract_numbers, numbers_match
from factdesk.matching.pair_alignment import ALIGNMENT_NAMES, AlignmentData, alignment_values

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

IdfFunc = Callable[[str], float]


@dataclass(frozen=True)
class PairInput:
    """One sentence, reduced to what the pair features need.

    ``lemmas`` are the lower-cased lemmas of content tokens (alphabetic or numeric,
    not stop words unless number-like, not punctuation); ``tokens`` are the lower-cased
    texts of all non-space tokens; ``entities`` are canonical entity keys, lower-cased;
    ``numbers`` are the numeric values mentioned (digits and number words, with scale
    words such as "million" applied); ``vector`` is the sentence's unit embedding
    (:func:`factdesk.matching.claim_vectors.embed_for_pairs`, what the shipped model is
    trained on), or None (its cosine feature is then 0).
    """

    text: str
    lemmas: tuple[str, ...]
    tokens: tuple[str, ...]
    entities: tuple[str, ...] = ()
    numbers: tuple[float, ...] = ()
    speaker: str | None = None
    vector: np.ndarray | tuple[float, ...] | None = field(default=None, compare=False)
    #: the event frame's *who* (people: the key of who each name is) and *where*
    #: (places: folded names), see :func:`frame_keys`
    persons: tuple[str, ...] = ()
    places: tuple[str, ...] = ()

    @cached_property
    def derived(self) -> _Derived:
        """Per-sentence structures the features reuse (computed once, then cached)."""
        return _Derived.of(self)

    @property
    def lexical_ids(self) -> frozenset[int]:
        """Hashed bucket ids of the sentence's :func:`lexical_keys` (cached)."""
        return self.derived.lexical_ids


class _Derived:
    """Sets and strings derived from one :class:`PairInput`, built once per instance."""

    __slots__ = ("low", "lemma_str", "sorted_low", "sorted_lemmas", "words", "word_set",
                 "lemma_list", "lemma_set", "grams2", "grams3", "grams4", "char4", "caps",
                 "negated", "token_set", "lexical_ids", "number_set", "entity_set",
                 "idf_weights", "lexical_weights", "long_stems", "vector32", "vector_sq",
                 "lemmas", "_alignment")

    @classmethod
    def of(cls, p: PairInput) -> _Derived:
        d = cls()
        d.low = p.text.lower()
        d.lemma_str = " ".join(p.lemmas)
        # token_sort_ratio(x, y) is the ratio of the two texts' words sorted: sorted once
        d.sorted_low = _sorted_words(d.low)
        d.sorted_lemmas = _sorted_words(d.lemma_str)
        d.words = [t for t in p.tokens if t.isalnum() or any(c.isalnum() for c in t)]
        d.word_set = set(d.words)
        d.lemma_list = list(p.lemmas)
        d.lemma_set = set(p.lemmas)
        gram_words = _gram_words(d.words)
        d.grams2 = _ngrams(gram_words, 2)
        d.grams3 = _ngrams(gram_words, 3)
        d.grams4 = _ngrams(gram_words, 4)
        d.char4 = {d.low[i : i + 4] for i in range(max(len(d.low) - 3, 0))}
        d.caps = _capitalised(p.text)
        d.negated = any(t in NEGATIONS for t in p.tokens)
        d.token_set = set(p.tokens)
        # crc32 modulo the power-of-two bucket count, as a mask
        d.lexical_ids = frozenset(map(_BUCKET_MASK.__and__, map(
            zlib.crc32, map(str.encode, lexical_keys(p.lemmas, d.words)))))
        # the 4-letter stems of the lemmas longer than 3 letters (see _soft_match_pair)
        d.long_stems = {w: w[:4] for w in d.lemma_set if len(w) > 3}
        # the vector as the cosine feature reads it, and its squared norm
        d.vector32 = None if p.vector is None else np.asarray(p.vector, dtype=np.float32)
        d.vector_sq = None if d.vector32 is None else float(d.vector32 @ d.vector32)
        d.number_set = set(p.numbers)
        d.entity_set = set(p.entities)
        d.idf_weights = None
        d.lexical_weights = None
        d.lemmas = p.lemmas
        d._alignment = None
        return d

    def alignment(self) -> AlignmentData:
        """The sentence's lemma vectors and word n-grams for the soft alignment and BLEU
        (built on first use: the word vectors need the sentence encoder)."""
        data = self._alignment
        if data is None:
            gram_words = _gram_words(self.words)
            unigrams = self.word_set if gram_words is self.words else set(gram_words)

            def counts(n: int) -> Counter[str]:
                return Counter(_ngram_strings(gram_words, n))

            data = self._alignment = AlignmentData(
                self.lemmas, len(self.words),
                (unigrams, self.grams2, self.grams3, self.grams4), counts)
        return data

    def __getstate__(self) -> dict[str, Any]:
        # the IDF and lexical weights hold their model's whole table: never pickled to the
        # worker processes, which weigh with their own
        state = {name: getattr(self, name) for name in self.__slots__ if hasattr(self, name)}
        state["idf_weights"] = state["lexical_weights"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            setattr(self, name, value)

    def weights(self, idf: IdfFunc) -> tuple[dict[str, float], float]:
        """IDF weight of each lemma and their exact sum, under ``idf`` (the last IDF
        function's are kept: a matching run uses one)."""
        cached = self.idf_weights
        if cached is None or cached[0] is not idf:
            weights = {w: max(idf(w), 0.0) for w in self.lemma_set}
            cached = self.idf_weights = (idf, weights, math.fsum(weights.values()))
        return cached[1], cached[2]

    def bucket_weights(self, table: np.ndarray) -> tuple[dict[int, float], float]:
        """The weight in ``table`` of each of the sentence's :attr:`lexical_ids` and their
        exact sum (the last table's are kept: a matching run uses one)."""
        cached = self.lexical_weights
        if cached is None or cached[0] is not table:
            ids = sorted(self.lexical_ids)
            values = table[ids].tolist() if ids else []
            cached = self.lexical_weights = (table, dict(zip(ids, values, strict=True)),
                                             math.fsum(values))
        return cached[1], cached[2]


#: Python's whitespace but U+0085 and U+00A0: where rapidfuzz splits the words of a text
#: whose characters are all below U+0100 (in wider texts, it splits where ``str.split``
#: does).
_NARROW_TEXT_SPACE = re.compile(
    "[\t\n\x0b\x0c\r\x1c-\x1f \u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")


def _sorted_words(text: str) -> str:
    """The words of ``text`` sorted and joined by spaces, split as rapidfuzz's
    ``token_sort_ratio`` splits them (whose value is the ``ratio`` of two such strings)."""
    if text.isascii() or max(text) > "\xff":
        words = text.split()
    else:
        words = [word for word in _NARROW_TEXT_SPACE.split(text) if word]
    return " ".join(sorted(words))


# ------------------------------------------------------------------ lexical keys

#: Size of the hashed space of lexical keys (crc32 of the key modulo this).
LEXICAL_BUCKETS = 1 << 18
_BUCKET_MASK = LEXICAL_BUCKETS - 1


def lexical_keys(lemmas: Sequence[str], words: Sequence[str]) -> set[str]:
    """Unigrams and bigrams of the content lemmas and of the words of one sentence.

    Keys are prefixed by kind (``l:``, ``l2:``, ``t:``, ``t2:``). The learned lexical
    model weighs the keys present in only one sentence of a pair; only their hashed
    bucket ids (:attr:`PairInput.lexical_ids`) are used outside training.
    """
    keys = {"l:" + w for w in lemmas}
    keys.update(f"l2:{a} {b}" for a, b in zip(lemmas, lemmas[1:], strict=False))
    keys.update("t:" + w for w in words)
    keys.update(f"t2:{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return keys


NEGATIONS = frozenset(
    {"not", "n't", "no", "never", "none", "nobody", "nothing", "neither", "nor",
     "nowhere", "cannot", "without", "deny", "denies", "denied", "refuse", "refused"}
)


# ------------------------------------------------------------------ building inputs

def pair_input_from_span(
    span: Span | Doc,
    entities: Iterable[str] | None = None,
    speaker: str | None = None,
) -> PairInput:
    """Build a :class:`PairInput` from a parsed spaCy ``Span`` or ``Doc``.

    ``entities`` may give canonical entity keys (e.g. from FactDesk's entity linker);
    otherwise the lower-cased texts of the span's named entities are used. The sentence
    vector is left out (spaCy's word vectors are not what the model was trained on): add
    it with ``dataclasses.replace(p, vector=...)``.
    """
    tokens: list[str] = []
    lemmas: list[str] = []
    for tok in span:
        if tok.is_space:
            continue
        low = tok.lower_
        tokens.append(low)
        if tok.is_punct:
            continue
        numeric = bool(tok.like_num)
        if tok.is_stop and not numeric:
            continue
        if not (tok.is_alpha or numeric or tok.is_digit):
            continue
        lemma = (tok.lemma_ or low).lower()
        lemmas.append(lemma)
    if entities is None:
        ents = tuple(e.text.lower().strip() for e in span.ents)
    else:
        ents = tuple(str(e).lower() for e in entities)
    persons, places = frame_keys(((e.text, e.label_) for e in span.ents), text=span.text)
    return PairInput(
        text=span.text,
        lemmas=tuple(lemmas),
        tokens=tuple(tokens),
        entities=tuple(e for e in ents if e),
        numbers=extract_numbers(tokens),
        speaker=speaker,
        persons=persons,
        places=places,
    )


def pair_input_from_text(text: str, nlp: Language) -> PairInput:
    """Parse ``text`` with ``nlp`` and build its :class:`PairInput`."""
    return pair_input_from_span(nlp(text))


# ------------------------------------------------------------------------ features

FEATURE_NAMES: tuple[str, ...] = (
    # rapidfuzz on raw (lower-cased) text and on the lemma string
    "raw_ratio", "raw_partial_ratio", "raw_token_sort_ratio", "raw_token_set_ratio",
    "lem_ratio", "lem_partial_ratio", "lem_token_sort_ratio", "lem_token_set_ratio",
    # token and lemma set overlap
    "tok_cov_min", "tok_cov_max", "tok_jaccard",
    "lem_cov_min", "lem_cov_max", "lem_jaccard",
    "lem_unmatched_min", "lem_unmatched_max",
    # IDF-weighted lemma overlap
    "idf_cov_min", "idf_cov_max", "idf_jaccard", "idf_unmatched_max", "idf_unmatched_min",
    "idf_unmatched_max_rel",
    # n-gram overlap and word order
    "bigram_cov_min", "bigram_cov_max", "trigram_cov_min", "trigram_cov_max",
    "fourgram_cov_max", "lcs_tok_min", "lcs_tok_max", "lcs_lem_min", "lcs_lem_max",
    "char4_jaccard",
    # lengths
    "len_tok_min", "len_tok_max", "len_tok_ratio", "len_tok_absdiff", "len_lem_absdiff",
    "len_char_ratio",
    # numbers
    "num_count_min", "num_count_max", "num_unmatched_min", "num_unmatched_max",
    "num_any", "num_equal_sets", "num_mismatch", "num_jaccard",
    # entities
    "ent_count_min", "ent_count_max", "ent_unmatched_min", "ent_unmatched_max",
    "ent_jaccard",
    # capitalised words (names) missing from the other side, fuzzy lemma coverage,
    # word-level edit similarity
    "cap_unmatched_min", "cap_unmatched_max", "soft_lem_cov_min", "soft_lem_cov_max",
    "lev_tok", "lev_lem",
    # negation, speaker, vectors
    "neg_mismatch", "speaker_agree", "vector_cosine",
    # hinge: how far even the better-covered sentence is below a quarter of its IDF mass
    # shared (zero for nearly all MRPC pairs; lets the model learn that unrelated pairs,
    # which MRPC lacks, are not the same fact without bending the other weights)
    "low_overlap",
    # event frames: the people (who / to whom) and places (where) both name, or that
    # both name but none in common (another person: another event, or a conflict)
    "who_shared", "who_clash", "where_shared", "where_clash",
    # soft word alignment by static vectors and BLEU n-gram precisions
    # (matching/pair_alignment.py; read by the same-fact head only)
    *ALIGNMENT_NAMES,
)
FEATURE_INDEX: dict[str, int] = {name: i for i, name in enumerate(FEATURE_NAMES)}
N_FEATURES = len(FEATURE_NAMES)
#: The first column of :data:`ALIGNMENT_NAMES` (they are the last columns).
_ALIGNMENT_START = FEATURE_INDEX[ALIGNMENT_NAMES[0]]
#: IDF coverage below which ``low_overlap`` is non-zero (below 0.5% of MRPC pairs).
LOW_OVERLAP = 0.25


#: Joins the words of an n-gram into one string (see :func:`_gram_words`).
_GRAM_JOIN = "\x00"


def _gram_words(words: list[str]) -> list[str]:
    """``words`` escaped so that no word holds :data:`_GRAM_JOIN` (\\x01 -> \\x01\\x02,
    \\x00 -> \\x01\\x03: injective, and the identity on words without either): joined by
    it, two n-grams are equal exactly when their words are."""
    joined = "".join(words)
    if "\x00" in joined or "\x01" in joined:
        return [w.replace("\x01", "\x01\x02").replace("\x00", "\x01\x03") for w in words]
    return words


def _ngram_strings(seq: Sequence[str], n: int) -> Iterator[str]:
    """The n-grams of ``seq`` (escaped by :func:`_gram_words`) in order, each as one
    string: set operations on strings, whose hashes are cached, are faster than on
    tuples."""
    # zip stops at the shortest slice: the last n-gram
    return map(_GRAM_JOIN.join, zip(*(seq[i:] for i in range(n)), strict=False))


def _ngrams(seq: Sequence[str], n: int) -> set[str]:
    """The distinct n-grams of ``seq`` (see :func:`_ngram_strings`)."""
    return set(_ngram_strings(seq, n))


def _cov(a: set, b: set) -> tuple[float, float, float]:
    """(min coverage, max coverage, jaccard) of two sets; empty vs empty counts as equal."""
    if not a or not b:
        return (0.0, 0.0, 0.0) if a or b else (1.0, 1.0, 1.0)  # nothing shared
    inter = len(a & b)
    size_a, size_b = len(a), len(b)
    ca, cb = inter / size_a, inter / size_b
    jaccard = inter / (size_a + size_b - inter)
    return (ca, cb, jaccard) if ca <= cb else (cb, ca, jaccard)


def _default_idf(word: str) -> float:
    return 1.0


_CAP_RE = re.compile(r"\b[A-Z][A-Za-z]+")


def _capitalised(text: str) -> set[str]:
    """Lower-cased capitalised words except the first word of the text."""
    return {w.lower() for w in _CAP_RE.findall(text)[1:]}


def _soft_match_pair(ua: set[str], ub: set[str], stems_a: dict[str, str],
                     stems_b: dict[str, str]) -> tuple[int, int]:
    """How many of ``ua`` share a 4-letter stem with one of ``ub``, and how many of ``ub``
    with one of ``ua`` (only words longer than 3 letters count); ``stems_a`` and
    ``stems_b`` map each side's lemmas to their stems (:attr:`_Derived.long_stems`)."""
    if not ua or not ub:
        return 0, 0
    keys_a = [stems_a[w] for w in ua if w in stems_a]
    keys_b = [stems_b[w] for w in ub if w in stems_b]
    if not keys_a or not keys_b:
        return 0, 0
    set_a, set_b = set(keys_a), set(keys_b)
    return (sum(1 for k in keys_a if k in set_b), sum(1 for k in keys_b if k in set_a))


def pair_features(
    a: PairInput, b: PairInput, idf: IdfFunc | None = None
) -> np.ndarray:
    """The feature vector (float64, ordered as :data:`FEATURE_NAMES`) of one pair."""
    return np.array(pair_feature_values(a, b, idf), dtype=np.float64)


#: The columns of the two ``partial_ratio`` features, the costliest to compute.
PARTIAL_RATIO_COLUMNS: tuple[int, int] = (
    FEATURE_INDEX["raw_partial_ratio"], FEATURE_INDEX["lem_partial_ratio"])


def partial_ratio_floor(ratio: float, s: str, t: str) -> float:
    """A lower bound of ``fuzz.partial_ratio(s, t) / 100`` from ``fuzz.ratio(s, t) / 100``.

    With ``m <= n`` the two lengths, ``ratio`` gives the longest common subsequence,
    ``lcs = ratio * (m + n) / 2``. Cut the longer string into ``ceil(n / m)`` pieces of at
    most ``m`` characters: the common subsequence is spread over them, so one piece, and
    the window of ``m`` characters around it, holds at least ``lcs / ceil(n / m)`` of it,
    and the best window's ratio, which ``partial_ratio`` is, is at least that over ``m``.
    """
    m, n = (len(s), len(t)) if len(s) <= len(t) else (len(t), len(s))
    if m == 0:
        return 0.0
    common = ratio * (m + n) / 2.0 - 1e-6  # less a margin for the float division
    return max(0.0, common / (math.ceil(n / m) * m))


def raw_partial_ratio(a: PairInput, b: PairInput) -> float:
    """The exact ``raw_partial_ratio`` feature (on the lower-cased texts; the costly one)."""
    return fuzz.partial_ratio(a.derived.low, b.derived.low) / 100.0


def lemma_partial_ratio(a: PairInput, b: PairInput) -> float:
    """The exact ``lem_partial_ratio`` feature (on the lemma strings, about a quarter of
    the cost of :func:`raw_partial_ratio`)."""
    return fuzz.partial_ratio(a.derived.lemma_str, b.derived.lemma_str) / 100.0


def pair_feature_values(a: PairInput, b: PairInput, idf: IdfFunc | None = None,
                        partial_ratios: bool = True) -> list[float]:
    """:func:`pair_features` as a plain list (what matrices of many pairs are built from).

    Everything that depends on one sentence only (sets, n-grams, IDF weights) is cached
    on its :class:`PairInput`; this computes only what the pair needs. With
    ``partial_ratios=False`` the two ``partial_ratio`` columns hold their
    :func:`partial_ratio_floor` instead (see :func:`raw_partial_ratio` and
    :func:`lemma_partial_ratio`).
    """
    da, db = a.derived, b.derived
    ta, tb = da.low, db.low
    la, lb = da.lemma_str, db.lemma_str
    words_a, words_b = da.words, db.words
    lsa, lsb = da.lemma_set, db.lemma_set
    f: list[float] = [0.0] * N_FEATURES
    f[0] = fuzz.ratio(ta, tb) / 100.0
    f[2] = fuzz.ratio(da.sorted_low, db.sorted_low) / 100.0  # token_sort_ratio
    f[3] = fuzz.token_set_ratio(ta, tb) / 100.0
    f[4] = fuzz.ratio(la, lb) / 100.0
    if partial_ratios:
        f[1] = fuzz.partial_ratio(ta, tb) / 100.0
        f[5] = fuzz.partial_ratio(la, lb) / 100.0
    else:
        f[1] = partial_ratio_floor(f[0], ta, tb)
        f[5] = partial_ratio_floor(f[4], la, lb)
    f[6] = fuzz.ratio(da.sorted_lemmas, db.sorted_lemmas) / 100.0  # token_sort_ratio
    f[7] = fuzz.token_set_ratio(la, lb) / 100.0

    f[8], f[9], f[10] = _cov(da.word_set, db.word_set)
    f[11], f[12], f[13] = _cov(lsa, lsb)
    shared_lemmas = lsa & lsb
    ua, ub = lsa - shared_lemmas, lsb - shared_lemmas
    f[14], f[15] = (len(ua), len(ub)) if len(ua) <= len(ub) else (len(ub), len(ua))

    wa, tot_a = da.weights(idf or _default_idf)
    wb, tot_b = db.weights(idf or _default_idf)
    # fsum: exact, so the result does not depend on set iteration order
    shared = math.fsum([wa[w] for w in shared_lemmas])
    un_a, un_b = tot_a - shared, tot_b - shared
    cov_a = shared / tot_a if tot_a > 0 else float(not lsb)
    cov_b = shared / tot_b if tot_b > 0 else float(not lsa)
    f[16], f[17] = min(cov_a, cov_b), max(cov_a, cov_b)
    union = tot_a + tot_b - shared
    f[18] = shared / union if union > 0 else 1.0
    f[19], f[20] = max(un_a, un_b), min(un_a, un_b)
    mean_w = (tot_a + tot_b) / max(len(wa) + len(wb), 1)
    f[21] = max(un_a, un_b) / mean_w if mean_w > 0 else 0.0

    f[22], f[23], _ = _cov(da.grams2, db.grams2)
    f[24], f[25], _ = _cov(da.grams3, db.grams3)
    f[26] = _cov(da.grams4, db.grams4)[1]
    na, nb = len(words_a), len(words_b)
    lcs = LCSseq.similarity(words_a, words_b)
    r_a = lcs / na if na else 0.0
    r_b = lcs / nb if nb else 0.0
    f[27], f[28] = min(r_a, r_b), max(r_a, r_b)
    lemmas_a, lemmas_b = da.lemma_list, db.lemma_list
    nla, nlb = len(lemmas_a), len(lemmas_b)
    lcs = LCSseq.similarity(lemmas_a, lemmas_b)
    r_a = lcs / nla if nla else 0.0
    r_b = lcs / nlb if nlb else 0.0
    f[29], f[30] = min(r_a, r_b), max(r_a, r_b)
    f[31] = _cov(da.char4, db.char4)[2]

    f[32], f[33] = min(na, nb), max(na, nb)
    f[34] = min(na, nb) / max(na, nb) if max(na, nb) else 1.0
    f[35] = abs(na - nb)
    f[36] = abs(nla - nlb)
    f[37] = min(len(ta), len(tb)) / max(len(ta), len(tb), 1)

    nums_a, nums_b = a.numbers, b.numbers
    if nums_a or nums_b:
        f[38], f[39] = min(len(nums_a), len(nums_b)), max(len(nums_a), len(nums_b))
        miss_a = sum(1 for x in da.number_set if not numbers_match(x, nums_b))
        miss_b = sum(1 for x in db.number_set if not numbers_match(x, nums_a))
        f[40], f[41] = min(miss_a, miss_b), max(miss_a, miss_b)
        f[42] = 1.0
        f[43] = float(bool(nums_a) and miss_a == 0 and miss_b == 0)
        f[44] = float(bool(nums_a) and bool(nums_b) and (miss_a > 0 or miss_b > 0))
        f[45] = 1.0 - (miss_a + miss_b) / (len(da.number_set) + len(db.number_set))
    else:
        f[45] = 1.0

    ea, eb = da.entity_set, db.entity_set
    if ea or eb:
        f[46], f[47] = min(len(ea), len(eb)), max(len(ea), len(eb))
        e_miss_a = sum(1 for e in ea if not entity_matched(
            e, b.entities, db.low, db.token_set, a.persons, b.persons))
        e_miss_b = sum(1 for e in eb if not entity_matched(
            e, a.entities, da.low, da.token_set, b.persons, a.persons))
        f[48], f[49] = min(e_miss_a, e_miss_b), max(e_miss_a, e_miss_b)
        f[50] = 1.0 - (e_miss_a + e_miss_b) / (len(ea) + len(eb))
    else:
        f[50] = 1.0

    cap_a = len(da.caps - db.token_set)
    cap_b = len(db.caps - da.token_set)
    f[51], f[52] = min(cap_a, cap_b), max(cap_a, cap_b)
    shared_n = len(shared_lemmas)
    soft_ua, soft_ub = _soft_match_pair(ua, ub, da.long_stems, db.long_stems)
    soft_a = (shared_n + soft_ua) / len(lsa) if lsa else float(not lsb)
    soft_b = (shared_n + soft_ub) / len(lsb) if lsb else float(not lsa)
    f[53], f[54] = min(soft_a, soft_b), max(soft_a, soft_b)
    f[55] = Levenshtein.normalized_similarity(words_a, words_b)
    f[56] = Levenshtein.normalized_similarity(lemmas_a, lemmas_b)

    f[57] = float(da.negated != db.negated)
    if a.speaker and b.speaker:
        f[58] = 1.0 if a.speaker.strip().lower() == b.speaker.strip().lower() else -1.0
    va, vb = da.vector32, db.vector32
    if va is not None and vb is not None and len(va) == len(vb):
        denom = math.sqrt(da.vector_sq * db.vector_sq)
        f[59] = float(va @ vb) / denom if denom > 0 else 0.0
    f[60] = max(0.0, LOW_OVERLAP - f[17]) / LOW_OVERLAP
    f[61], f[62] = persons_agreement(a.persons, b.persons)
    f[63], f[64] = slot_agreement(a.places, b.places)
    f[_ALIGNMENT_START:] = alignment_values(da.alignment(), db.alignment(),
                                            idf or _default_idf)
    return f


def pair_feature_matrix(
    pairs: Iterable[tuple[PairInput, PairInput]], idf: IdfFunc | None = None
) -> np.ndarray:
    """Stack :func:`pair_features` of many pairs into an (n, n_features) array."""
    rows = [pair_feature_values(a, b, idf) for a, b in pairs]
    if not rows:
        return np.zeros((0, N_FEATURES), dtype=np.float64)
    return np.array(rows, dtype=np.float64)
