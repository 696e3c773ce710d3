"""The 1990 U.S. Census lists of given names, with their share of men and of women
(public domain; shipped by the MIT-licensed ``names`` package): which gender a given
name tells.
"""

from __future__ import annotations

import functools

#: One gender's share of the population must be this many times the other's.
_NAME_MARGIN = 10.0


def _read_census_list(file_name: str) -> dict[str, float]:
    """Given name (lower case) -> percent of the population with it, from one of the
    ``names`` package's Census files ("MARY  2.629  2.629  1")."""
    from importlib.resources import files  # lazy: only when a given name is read

    shares: dict[str, float] = {}
    for line in (files("names") / file_name).read_text(encoding="ascii").splitlines():
        fields = line.split()
        if len(fields) >= 2:
            shares[fields[0].lower()] = float(fields[1])
    return shares


@functools.cache
def _census_shares() -> tuple[dict[str, float], dict[str, float]]:
    """(men's, women's) given-name shares, read once per process (~10 ms)."""
    return _read_census_list("dist.male.first"), _read_census_list("dist.female.first")


@functools.lru_cache(maxsize=20_000)
def given_name_gender(given: str) -> str | None:
    """ "m" or "f" for a given name the Census lists tell clearly ("nancy" -> "f",
    "jesse": 0.209% of men, 0.008% of women -> "m"); else None ("kellyanne" is in
    neither list, "robin" and "chris" are borne by both too often, an initial says
    nothing)."""
    if len(given) < 2 or not given.isalpha():
        return None
    men, women = _census_shares()
    male, female = men.get(given.lower(), 0.0), women.get(given.lower(), 0.0)
    if male > 0 and male >= _NAME_MARGIN * female:
        return "m"
    if female > 0 and female >= _NAME_MARGIN * male:
        return "f"
    return None


@functools.lru_cache(maxsize=20_000)
def is_census_given_name(word: str) -> bool:
    """Whether the Census lists hold ``word`` as a given name of either gender ("chris",
    "ann"; not "pena", "wasserman")."""
    men, women = _census_shares()
    return word.lower() in men or word.lower() in women
