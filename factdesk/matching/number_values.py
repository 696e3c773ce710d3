"""Numeric values written in a sentence: digits, number words and scale words.

:func:`extract_numbers` turns a token sequence into the values it mentions ("2.5
billion" -> 2.5e9, "twenty-one" -> 21, "$3m" -> 3e6); :func:`numbers_match` tells
whether a value is among others within rounding. The pair features compare the two
sentences' values.

Number words in idioms ("zero in on", "one of the") are read here as the shipped pair
model was trained on them, as values: reading them as none
(:mod:`factdesk.nlp.number_idioms`, which the claims' quantities use) moves its heads
without a retraining (the seeds' "Russian forces withdrew from ... Izium" / "Zelensky
on Wednesday visited ... Izyum, ... one of the largest cities": same-event probability
0.505 -> 0.463, under the threshold).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12,
}
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALE_ABBR = {"m": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "k": 1e3, "tn": 1e12}
_NUM_RE = re.compile(r"^[-+]?\$?(\d+(?:[,.]\d+)*)(bn|m|k|mln|tn)?%?$")
_FRACTION_RE = re.compile(r"^(\d+)/(\d+)$")


@lru_cache(maxsize=1 << 16)  # a pure function of one token, asked for every token
def _word_value(word: str) -> tuple[float, str] | None:
    """(value, kind) of one token: kind is 'unit', 'scale' or 'num'; None if not numeric."""
    w = word.lower().strip()
    if w in _UNITS:
        return float(_UNITS[w]), "unit"
    if w in _SCALES:
        return float(_SCALES[w]), "scale"
    if w.isalpha():
        return None  # letters only, not a number's name: no pattern below can match
    m = _NUM_RE.match(w)
    if m:
        digits = m.group(1)
        if digits.count(",") and not digits.count("."):
            digits = digits.replace(",", "")
        elif digits.count(",") and digits.count("."):
            digits = digits.replace(",", "")
        try:
            value = float(digits)
        except ValueError:
            return None
        if m.group(2):
            value *= _SCALE_ABBR[m.group(2)]
        return value, "num"
    m = _FRACTION_RE.match(w)
    if m and int(m.group(2)) != 0:
        return int(m.group(1)) / int(m.group(2)), "num"
    if "-" in w:
        parts = [p for p in w.split("-") if p]
        if parts and all(p in _UNITS for p in parts):
            return float(sum(_UNITS[p] for p in parts)), "unit"
    return None


def extract_numbers(words: Sequence[str]) -> tuple[float, ...]:
    """Numeric values mentioned in a token sequence ("2.5 billion" -> 2.5e9, "six" -> 6)."""
    values: list[float] = []
    total = current = 0.0
    active = False
    prev_fraction = False

    def flush() -> None:
        nonlocal total, current, active
        if active:
            values.append(total + current)
        total = current = 0.0
        active = False

    for word in words:
        if word == "-" and active:
            continue
        parsed = _word_value(word)
        if parsed is None:
            if active:  # when not active, nothing is held: total and current are 0
                flush()
            continue
        value, kind = parsed
        if kind == "scale":
            if not active:
                continue  # a bare "hundred"/"million" without a count
            if value == 100:
                current = (current or 1.0) * value
            else:
                total += (current or 1.0) * value
                current = 0.0
        elif kind == "num" and active and (current % 1 or prev_fraction or value >= 1000):
            flush()
            current, active = value, True
        else:
            if active and kind == "num":
                flush()
            current += value
            active = True
        prev_fraction = kind == "num" and value % 1 != 0
    flush()
    return tuple(values)


def numbers_match(x: float, others: Sequence[float]) -> bool:
    """Whether ``x`` equals one of ``others`` within half a percent (rounded figures)."""
    return any(x == y or abs(x - y) <= 0.005 * max(abs(x), abs(y)) for y in others)
