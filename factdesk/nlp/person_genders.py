"""Whether "he" or "she" can stand for a person an article names: the gender the article
gives them, where it is knowable.

In order of trust: an honorific ("Mr. Weiner", "Ms. Cordova":
:func:`~factdesk.nlp.speaker_tracker.honorific_genders`); a possessive or reflexive
pronoun the article uses for them in their own clause ("Trump spent most of his speech",
"Sanders defended herself"); their given name ("Nancy Pelosi", "Chuck Schumer"), read
from the 1990 U.S. Census lists of given names with their share of men and of women
(:mod:`factdesk.nlp.given_name_census`), and only when one share is at least ten times
the other. A person none of these tells about has no gender:
"he" and "she" may stand for them.

Works on a parsed spaCy ``Doc`` (duck-typed; spaCy itself is not imported here).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from factdesk.nlp.given_name_census import given_name_gender
from factdesk.nlp.person_names import given_name, has_given_name

#: Possessive and reflexive pronouns, which refer within their clause.
_CLAUSE_PRONOUNS = {"his": "m", "himself": "m", "her": "f", "hers": "f", "herself": "f"}
_GUESSES = {"male": "m", "female": "f"}
_GENDER_WORDS = {"m": "male", "f": "female"}
#: Pronoun evidence counts with this many votes, this many times the other gender's.
_MIN_VOTES, _MAJORITY = 2, 3


def _agreed(values: Iterable[str | None]) -> str | None:
    """The one gender all ``values`` give, None if any is unknown or they disagree."""
    found = set(values)
    return found.pop() if len(found) == 1 and None not in found else None


def given_name_genders(names: Iterable[str], key: Callable[[str], str]) -> dict[str, str]:
    """Person key -> "m" or "f" for the people whose given names agree on one gender
    (every given name written for that key: "Donald Trump" and "Ivanka Trump" give
    "trump" none)."""
    given: dict[str, set[str]] = {}
    for name in names:
        if has_given_name(name) and (k := key(name)):
            given.setdefault(k, set()).add(given_name(name))
    genders = {k: _agreed(given_name_gender(g) for g in firsts) for k, firsts in given.items()}
    return {k: g for k, g in genders.items() if g}


def _clause_subject(pronoun: Any) -> Any | None:
    """The subject of the clause a possessive or reflexive pronoun is in: of the nearest
    verb above it ("Trump spent most of his speech": Trump). None when that verb has
    none ("urged Trump to delay his address": "delay" has no subject of its own)."""
    token = pronoun
    while token.head.i != token.i:  # spaCy's root is its own head
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")),
                        None)
    return None


def pronoun_genders(doc: Any, person_of: Callable[[Any], str | None],
                    quotes: Iterable[tuple[int, int]] = ()) -> dict[str, str]:
    """Person key -> "m" or "f" from the possessive and reflexive pronouns the article
    uses, outside quotations, for the subject of their own clause; ``person_of`` gives
    the key of the person a token names (None for anyone else). The parse is not always
    right about whom a pronoun is for ("Hodgkinson had volunteered for his campaign":
    Sanders's), so a gender counts from two such pronouns on, three times as many as the
    other's."""
    quotes = list(quotes)
    votes: dict[str, Counter[str]] = {}
    for token in doc:
        gender = _CLAUSE_PRONOUNS.get(token.lower_)
        if gender is None or (token.lower_ == "her" and token.tag_ != "PRP$"):
            continue
        if any(start <= token.idx < end for start, end in quotes):
            continue
        subject = _clause_subject(token)
        if subject is not None and (k := person_of(subject)):
            votes.setdefault(k, Counter())[gender] += 1
    genders = {}
    for k, counts in votes.items():
        (gender, n), *other = counts.most_common() + [("", 0)]
        if n >= _MIN_VOTES and n >= _MAJORITY * other[0][1]:
            genders[k] = gender
    return genders


def article_genders(honorifics: dict[str, str], pronouns: dict[str, str],
                    given_names: dict[str, str]) -> dict[str, str]:
    """Person key -> gender, each from the most trusted source that gives one:
    honorifics, then the article's pronouns (two or more: a woman's given name may be a
    man's in the name list, "Ilhan"), then given names."""
    return {**given_names, **pronouns, **honorifics}
