"""Comparing the figures of two claims: numbers as intervals, the same figure written
round, bounds of one kind, and the tolls of one harm however worded.

Part of :mod:`factdesk.matching.discrepancies` (which re-exports what others use):
quantities are aligned by what they count (the same unit, or the only numbers of one
kind), then told compatible, vague or in conflict in plain English.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from factdesk.model.models import Discrepancy
from factdesk.nlp.quantities import TIME_UNITS, Quantity, unit_key

if TYPE_CHECKING:  # discrepancies imports this module: ClaimFacts is only named here
    from factdesk.matching.discrepancies import ClaimFacts

#: Trailing zeros from which an exact figure may be another one written round.
ROUNDED_ZEROS = 2
MEASURE_UNITS = frozenset({
    "kilometer", "mile", "meter", "percent", "dollar", "euro", "pound", "years old",
    "kilogram", "ton", "tonne", "hectare", *(u.rstrip("s") for u in TIME_UNITS),
})
#: Units (folded by :func:`~factdesk.nlp.quantities.unit_key`) that are sums of money;
#: "pound" is left out (a weight as often as a sum: "215 pounds").
MONEY_UNITS = frozenset({"dollar", "euro", "yen", "hryvnia", "rouble", "ruble"})
_TIME_KEYS = frozenset(u.rstrip("s") for u in TIME_UNITS) | {"century"}
_CURRENCY_BEFORE = r"(?:[$€£¥₴₽]|US\$|USD\s)\s?"


def _who(facts: ClaimFacts, fallback: str) -> str:
    return facts.outlet or fallback


def _fmt(value: float | None) -> str:
    if value is None or math.isinf(value):
        return "?"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _bounds(q: Quantity) -> tuple[float, float]:
    if q.qualifier == "exact" and q.value is not None:
        return q.value, q.value
    low = q.low if q.low is not None else -math.inf
    high = q.high if q.high is not None else math.inf
    return low, high


def _range_text(q: Quantity) -> str:
    low, high = _bounds(q)
    if math.isinf(low) and math.isinf(high):
        return "an unspecified number"
    if math.isinf(high):
        return f"at least {_fmt(low)}"
    if math.isinf(low):
        return f"at most {_fmt(high)}"
    return f"{_fmt(low)}–{_fmt(high)}"


def _say(q: Quantity) -> str:
    if q.qualifier == "exact" and q.text.replace(",", "").replace(".", "").isdigit():
        return q.describe()
    return f"\u201c{q.describe()}\u201d"


def _align(a: ClaimFacts, b: ClaimFacts, lone_numbers: bool = True,
           ) -> list[tuple[Quantity, Quantity]]:
    """Pairs of quantities that count the same thing (same unit, or the only numbers of
    one kind: two sums of money, or two counts; never a sum against a count or a span of
    time, nor the price of one thing against a sum for no named thing)."""
    pairs: list[tuple[Quantity, Quantity]] = []
    said_by_both, used = _same_figures(a, b)
    # each figure against the other claim's nearest of its unit, the nearest pairs first:
    # NYT's "$2.5 billion from counternarcotics programs and $600 million from a
    # Treasury Department asset forfeiture fund" / Fox News's "about $600 million from
    # the Treasury Department's forfeiture fund" compares the $600 millions, not $2.5
    # billion (NYT's first figure) with Fox News's only one
    candidates = sorted(
        (abs(_mid(qb) - _mid(qa)), n, i) for n, qa in enumerate(a.quantities)
        if qa.unit_key is not None and n not in said_by_both
        for i, qb in enumerate(b.quantities) if i not in used and qb.unit_key == qa.unit_key)
    matched: dict[int, int] = {}
    for _distance, n, i in candidates:
        if n not in matched and i not in used:
            matched[n] = i
            used.add(i)
    pairs.extend((a.quantities[n], b.quantities[i]) for n, i in sorted(matched.items()))
    if lone_numbers and not pairs and not said_by_both \
            and len(a.quantities) == 1 and len(b.quantities) == 1:
        qa, qb = a.quantities[0], b.quantities[0]
        kind_a, thing_a = measure_of(a, qa)
        kind_b, thing_b = measure_of(b, qb)
        ua, ub = qa.unit_key, qb.unit_key
        if kind_a == kind_b == "money":
            if thing_a == thing_b:
                pairs.append((qa, qb))
        elif kind_a == kind_b == "count" and (
                ua is None or ub is None or not ({ua, ub} & MEASURE_UNITS)) and not (
                ua and ub and ua != ub and "vague" in (qa.qualifier, qb.qualifier)):
            # "many officials" says nothing of "two states"
            pairs.append((qa, qb))
    return pairs


def _same_figures(a: ClaimFacts, b: ClaimFacts) -> tuple[set[int], set[int]]:
    """Indices in ``a`` and in ``b`` of the figures both claims give alike (the same
    value or range, of the same unit or one without a unit: "billions of dollars" /
    "divert billions"): matched to each other first, so that a figure one claim adds
    ("about $8 billion in all") is not compared with one the other shares ("the $5.7
    billion he demanded"), whichever claim comes first."""
    in_a: set[int] = set()
    in_b: set[int] = set()
    for n, qa in enumerate(a.quantities):
        for m, qb in enumerate(b.quantities):
            if m not in in_b and _bounds(qa) == _bounds(qb) and (
                    qa.unit_key == qb.unit_key or not (qa.unit_key and qb.unit_key)) and (
                    qa.value is not None or qa.low is not None or qa.high is not None):
                in_a.add(n)
                in_b.add(m)
                break
    return in_a, in_b


def measure_of(facts: ClaimFacts, q: Quantity) -> tuple[str, str | None]:
    """What a quantity measures: ``("money", thing priced or None)`` for a sum (a
    currency unit, or a currency sign before it in the claim: "$43,000 watch" is the
    price of a watch), ``("time", unit)`` for a span of time ("several years"), else
    ``("count", counted noun or None)`` ("six settlements", "84,000")."""
    key = q.unit_key
    if key in MONEY_UNITS:
        return "money", None
    if q.text and re.search(_CURRENCY_BEFORE + re.escape(q.text), facts.text):
        return "money", key
    if key in _TIME_KEYS:
        return "time", key
    return "count", key


def _mid(q: Quantity) -> float:
    if q.value is not None:
        return q.value
    low, high = _bounds(q)
    if math.isinf(low) and math.isinf(high):
        return 0.0
    if math.isinf(high):
        return low
    if math.isinf(low):
        return high
    return (low + high) / 2


def _why_compatible(qa: Quantity, qb: Quantity) -> str:
    exact, other = (qa, qb) if qa.qualifier == "exact" else (qb, qa)
    if exact.qualifier == "exact" and exact.value is not None:
        value = _fmt(exact.value)
        if other.qualifier == "lower_bound":
            return f"{value} is more than {_fmt(other.low)}"
        if other.qualifier == "upper_bound":
            return f"{value} is not more than {_fmt(other.high)}"
        return f"{value} is within {_range_text(other)}"
    return f"the ranges overlap ({_range_text(qa)} and {_range_text(qb)})"


_BOUND_WORDS = {"lower_bound": "lower bounds (at least)", "upper_bound": "upper bounds (at most)"}


def _two_bounds(qa: Quantity, qb: Quantity) -> tuple[str, str] | None:
    """(severity, why) for two bounds of the same kind that differ ("up to 48 years" /
    "up to 58 years"; "at least 12" / "at least 20 killed"): the intervals overlap, but
    the outlets give two figures (a maximum sentence is one number; a toll "at least 12"
    against "at least 20" is the classic update), a conflict to check, not agreement;
    one bound written round from the other ("more than 43,000" / "more than 43,350") is
    compatible. None when the two are not bounds of one kind or give one figure."""
    if qa.qualifier != qb.qualifier or qa.qualifier not in _BOUND_WORDS \
            or qa.value is None or qb.value is None or qa.value == qb.value:
        return None
    rounded = rounded_from(qa.value, qb.value)
    if rounded is not None:
        return "compatible", (f"compatible: {_fmt(rounded[0])} is {_fmt(rounded[1])} rounded "
                              f"to the nearest {_fmt(rounded[2])}")
    return "conflict", (f"conflict: both give {_BOUND_WORDS[qa.qualifier]}, "
                        f"{_fmt(qa.value)} vs {_fmt(qb.value)}: the outlets report different "
                        "figures")


def rounded_from(x: float | None, y: float | None) -> tuple[float, float, int] | None:
    """(round figure, exact figure, precision) when one of two figures is the other
    rounded to at least the hundreds ("a $43,000 Rolex" for the "$43,350" one: written
    round, not another figure); None otherwise (300 and 450, 84,000 and 48,000)."""
    if x is None or y is None:
        return None
    for rough, exact in ((x, y), (y, x)):
        if rough <= 0 or rough != int(rough) or exact != int(exact):
            continue
        zeros = len(str(int(rough))) - len(str(int(rough)).rstrip("0"))
        precision = 10 ** zeros
        if zeros >= ROUNDED_ZEROS and exact % precision and \
                math.floor(exact / precision + 0.5) * precision == rough:
            return rough, exact, precision
    return None


def compare_quantities(qa: Quantity, qb: Quantity, who_a: str = "A",
                       who_b: str = "B") -> Discrepancy | None:
    """How two aligned quantities relate, or None when they say the same."""
    if qa.text.lower() == qb.text.lower() and qa.unit_key == qb.unit_key:
        return None
    (la, ha), (lb, hb) = _bounds(qa), _bounds(qb)
    overlap = max(la, lb) <= min(ha, hb)
    said = f"{who_a} says {_say(qa)}; {who_b} says {_say(qb)}"
    if qa.qualifier == "exact" and qb.qualifier == "exact":
        if qa.value == qb.value:
            return None
        rounded = rounded_from(qa.value, qb.value)
        if rounded is not None:
            severity = "compatible"
            why = (f"compatible: {_fmt(rounded[0])} is {_fmt(rounded[1])} rounded to the "
                   f"nearest {_fmt(rounded[2])}")
        else:
            severity, why = "conflict", f"conflict: {_fmt(qa.value)} is not {_fmt(qb.value)}"
    elif "vague" in (qa.qualifier, qb.qualifier):
        vague, other = (qa, qb) if qa.qualifier == "vague" else (qb, qa)
        if not overlap:
            severity = "conflict"
            why = (f"conflict: \u201c{vague.text}\u201d ({_range_text(vague)}) cannot be "
                   f"{_range_text(other) if other.qualifier != 'exact' else _fmt(other.value)}")
        elif vague.low is None and vague.high is None:
            severity, why = "vague", f"vague: \u201c{vague.text}\u201d gives no number to check"
        else:
            severity = "vague"
            why = (f"vague but consistent: \u201c{vague.text}\u201d means roughly "
                   f"{_range_text(vague)}")
    elif (bound := _two_bounds(qa, qb)) is not None:
        severity, why = bound
    elif overlap:
        severity, why = "compatible", f"compatible: {_why_compatible(qa, qb)}"
    else:
        severity = "conflict"
        why = f"conflict: {_range_text(qa)} and {_range_text(qb)} do not overlap"
    unit_note = ""
    if qa.unit_key and qb.unit_key and qa.unit_key != qb.unit_key:
        unit_note = f" (counting {qa.unit} vs {qb.unit})"
    return Discrepancy("number", severity, f"{said} — {why}{unit_note}.", qa.text, qb.text)


def number_discrepancies(a: ClaimFacts, b: ClaimFacts, lone_numbers: bool = True,
                          ) -> list[Discrepancy]:
    found = []
    for qa, qb in _align(a, b, lone_numbers):
        d = compare_quantities(qa, qb, _who(a, "one article"), _who(b, "the other"))
        if d is not None:
            found.append(d)
    return found


#: Lemmas of one kind of harm: two claims counting the people one harm struck give one
#: toll ("striking four people" / "Six people ... were injured"; the dead apart).
TOLL_CLASSES: tuple[frozenset[str], ...] = (
    frozenset("injure wound hurt strike hit shoot injured wounded".split()),
    frozenset("kill die dead death murder".split()),
)


def _toll_class(facts: ClaimFacts) -> int | None:
    """Which harm of :data:`TOLL_CLASSES` the claim counts people of, or None (none, or
    both: "killing two and wounding four" needs the parse to tell which is which)."""
    if not any(q.unit_key == "people" for q in facts.quantities):
        return None
    lemmas = set(facts.lemmas)
    found = [n for n, words in enumerate(TOLL_CLASSES) if lemmas & words]
    return found[0] if len(found) == 1 else None


def toll_conflict(a: ClaimFacts, b: ClaimFacts) -> list[Discrepancy]:
    """The conflicting counts of two claims that each count the people one kind of harm
    struck (the injured, or the dead), however else they are worded: the figures a
    checker must see even where the sentences share little else. [] otherwise."""
    kind = _toll_class(a)
    if kind is None or kind != _toll_class(b):
        return []
    found = []
    for qa, qb in _align(a, b, lone_numbers=False):
        if qa.unit_key == "people" and (d := compare_quantities(
                qa, qb, _who(a, "one article"), _who(b, "the other"))) is not None \
                and d.severity == "conflict":
            found.append(d)
    return found


def toll_query(terms: Sequence[str], units: Iterable[str | None]) -> list[str]:
    """Retrieval terms that find the other outlets' counts of the same toll, for a claim
    that counts the people one harm struck (``terms``: its retrieval terms, ``units``:
    its quantities' units), or []: "striking four people" and "Six people ... were
    injured in the attack" share no word but the count's kind, the harm's words of one
    class (:data:`TOLL_CLASSES`) and "people" (:func:`toll_conflict` compares them)."""
    if not any(unit_key(unit) == "people" for unit in units):
        return []
    found = [words for words in TOLL_CLASSES if set(terms) & words]
    if len(found) != 1:
        return []
    return [*sorted(found[0]), "people", *(t for t in terms if t.startswith("ent:"))]
