"""Folding entity names so that spelling and transliteration variants compare equal.

``canonical_key`` folds a name (case, diacritics, possessives, Ukrainian/Russian
romanisation variants, well-known exonyms such as Kiev/Kyiv); ``surnames_match`` says
whether two surnames are one in another spelling ("Zelenskyy" / "Zelensky"), and
``close_pairs`` / ``surname_neighbours`` find such pairs among many names in C.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence

import numpy as np
from rapidfuzz import fuzz, process

SURNAME_FUZZY_THRESHOLD = 88.0
MIN_FUZZY_LENGTH = 6

# Well-known exonym / historical spelling pairs: folded variant -> folded preferred.
EXONYMS: dict[str, str] = {
    "kiev": "kyiv", "kyyiv": "kyiv", "kharkov": "kharkiv", "odessa": "odesa", "lvov": "lviv",
    "lwow": "lviv", "lemberg": "lviv", "nikolaev": "mykolaiv", "nikolayev": "mykolaiv",
    "zaporozhye": "zaporizhzhia", "zaporozhie": "zaporizhzhia", "dnepr": "dnipro",
    "dnieper": "dnipro", "dnepropetrovsk": "dnipro", "chernigov": "chernihiv",
    "rovno": "rivne", "lugansk": "luhansk", "krivoy rog": "kryvyi rih",
    "vinnitsa": "vinnytsia", "zhitomir": "zhytomyr", "ivano frankovsk": "ivano frankivsk",
    "uzhgorod": "uzhhorod", "kremenchug": "kremenchuk", "chernobyl": "chornobyl",
    "kirovograd": "kropyvnytskyi", "severodonetsk": "sievierodonetsk",
    "lisichansk": "lysychansk", "gorlovka": "horlivka", "artemovsk": "bakhmut",
    "artemivsk": "bakhmut", "slavyansk": "sloviansk", "energodar": "enerhodar",
    "moskva": "moscow", "kherson oblast": "kherson region", "the ukraine": "ukraine",
    "byelorussia": "belarus", "belorussia": "belarus", "kiyv": "kyiv",
}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$", re.IGNORECASE)


def strip_possessive(name: str) -> str:
    """"Zelenskyy's" -> "Zelenskyy"; "Kyiv's" -> "Kyiv"."""
    name = name.strip().strip("\u201c\u201d\"")
    return _POSSESSIVE.sub("", name).strip()


@functools.lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """One plain word with its romanisation variants folded ("zelenskyy" -> "zelensky")."""
    word = word.replace("x", "ks").replace("kh", "h")
    word = re.sub(r"(?:iy|ii|yi|yy|ei|ey|ij)$", "y", word)
    word = word.replace("yy", "y").replace("iy", "y").replace("ii", "i")
    word = word.replace("yu", "iu").replace("ya", "ia").replace("ye", "ie").replace("yo", "io")
    return re.sub(r"(.)\1+", r"\1", word)


@functools.lru_cache(maxsize=200_000)
def plain_name(name: str) -> str:
    """Lower-case ASCII words: diacritics, possessive, apostrophes and hyphens removed."""
    name = strip_possessive(name)
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"['’ʼ`]", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


@functools.lru_cache(maxsize=200_000)
def canonical_key(name: str) -> str:
    """A folding of ``name`` under which spelling variants compare equal.

    "Zelenskyy's", "Zelenskiy" and "Zelensky" give the same key; so do "Izium" and
    "Izyum", and (by the built-in exonym table) "Kiev" and "Kyiv".
    """
    text = plain_name(name)
    if not text:
        return ""
    text = EXONYMS.get(text, text)
    words = [EXONYMS.get(w, w) for w in text.split()]
    return " ".join(fold_word(w) for w in " ".join(words).split())

@functools.lru_cache(maxsize=200_000)
def surname_fold(surname: str) -> str:
    return fold_word(EXONYMS.get(surname, surname))


def folds_match(fa: str, fb: str) -> bool:
    if fa == fb:
        return True
    return min(len(fa), len(fb)) >= MIN_FUZZY_LENGTH and fuzz.ratio(fa, fb) >= \
        SURNAME_FUZZY_THRESHOLD


@functools.lru_cache(maxsize=262_144)
def surnames_match(a: str, b: str) -> bool:
    """Whether two plain surnames are one in another spelling ("zelenskyy" / "zelensky")."""
    return folds_match(surname_fold(a), surname_fold(b))


def surname_neighbours(folds: Iterable[str]) -> dict[str, set[str]]:
    """For each folded surname, the folded surnames it matches (itself included), as
    :func:`surnames_match` decides, found in C by :func:`close_pairs` instead of
    comparing every pair of names in Python."""
    distinct = sorted(set(folds))
    neighbours = {f: {f} for f in distinct}
    long = [f for f in distinct if len(f) >= MIN_FUZZY_LENGTH]
    for i, j in close_pairs(long, SURNAME_FUZZY_THRESHOLD):
        neighbours[long[i]].add(long[j])
        neighbours[long[j]].add(long[i])
    return neighbours


def close_pairs(keys: Sequence[str], threshold: float, block: int = 256) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, with ``fuzz.ratio >= threshold``, in (i, j) order.

    The ratios are computed in C, a block of rows at a time (bounded memory).
    """
    pairs: list[tuple[int, int]] = []
    for start in range(0, len(keys) - 1, block):
        scores = process.cdist(keys[start:start + block], keys[start:], scorer=fuzz.ratio,
                               score_cutoff=threshold, dtype=np.float64)
        rows, cols = np.nonzero(np.triu(scores >= threshold, k=1))
        pairs += [(start + r, start + c) for r, c in zip(rows.tolist(), cols.tolist(),
                                                          strict=True)]
    return pairs
