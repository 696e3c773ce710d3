"""Who "he", "she" and "the congressman" are: the people an article has named so far,
per paragraph, with the gender honorifics give them ("Mr. Weiner", "Ms. Cordova"), and
the key a person is known by within one article (their surname, never a generational
suffix: "George T. Conway III" is "conway"; "Jr." kept where the writer uses it to tell
two people apart, "Trump Jr.").

A pronoun is resolved to the one person named in its paragraph (or the one before);
a description referring back ("the former congressman", "the site", "the woman") to
the person or body :mod:`factdesk.nlp.references`, :mod:`factdesk.nlp.body_references`
and :mod:`factdesk.nlp.someone_references` find, else to the description itself.

Works on a parsed spaCy ``Doc`` (duck-typed; spaCy itself is not imported here).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations
from typing import Any

from factdesk.nlp.abbreviations import written_out
from factdesk.nlp.aliases import (
    has_given_name,
    person_key,
    persons_compatible,
    split_generations,
)
from factdesk.nlp.body_references import refers_to_body, resolve_body
from factdesk.nlp.references import ReferenceResolver, says_nothing
from factdesk.nlp.someone_references import refers_to_someone, someone_before
from factdesk.nlp.source_phrases import noun_phrase
from factdesk.nlp.speech_verbs import speech_verb

_HONORIFIC_GENDERS = {"mr.": "m", "mr": "m", "ms.": "f", "ms": "f", "mrs.": "f",
                      "mrs": "f", "miss": "f"}
_PRONOUN_GENDERS = {"he": "m", "she": "f"}


def surname_key(name: str) -> str:
    """The surname of a name, plain, without a possessive or a generational suffix
    ("George T. Conway III" gives "conway"): :func:`~factdesk.nlp.aliases.person_key`."""
    return person_key(name)


def article_keys(doc: Any) -> Callable[[str], str]:
    """The person key of one article: :func:`surname_key`, with the generational suffix
    kept for a surname the article writes with it to tell two people apart ("Donald
    Trump Jr." and "Trump Jr." beside "President Trump")."""
    split = split_generations(e.text for e in doc.ents if e.label_ == "PERSON")
    if not split:
        return surname_key
    return lambda name: person_key(name, split)


def honorific_genders(doc: Any, key: Callable[[str], str] = surname_key) -> dict[str, str]:
    """Surname -> "m" or "f" for the people an honorific names ("Mr. Weiner", "Ms.
    Cordova"); a surname with both is left out."""
    genders: dict[str, str] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        words = ([doc[ent.start - 1]] if ent.start else []) + [ent[0]]
        gender = next((_HONORIFIC_GENDERS[t.lower_] for t in words
                       if t.lower_ in _HONORIFIC_GENDERS), None)
        surname = key(ent.text)
        if gender and surname:
            genders[surname] = gender if genders.get(surname, gender) == gender else "?"
    return {k: g for k, g in genders.items() if g != "?"}


def never_honoured(doc: Any, genders: dict[str, str],
                   key: Callable[[str], str] = surname_key) -> set[str]:
    """In an article that gives honorifics to people ("Mr. Weiner", "Ms. Cordova": two
    or more of them, and most one-word mentions of people), the one-word names tagged
    PERSON at least twice that never get one nor a first name: things the NER took for people ("she followed him on
    Twitter"), not people this article's style would name bare."""
    if len(genders) < 2:
        return set()
    counts: dict[str, int] = {}
    full: set[str] = set()
    honoured = 0
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        surname = key(ent.text)
        if len(ent) == 1:
            counts[surname] = counts.get(surname, 0) + 1
            honoured += ent.start > 0 and doc[ent.start - 1].lower_ in _HONORIFIC_GENDERS
        else:
            full.add(surname)
    if 2 * honoured < sum(counts.values()):
        return set()  # not the article's style: most people are named bare
    return {k for k, n in counts.items() if n >= 2 and k not in genders and k not in full}


class SpeakerTracker:
    """People named so far, per paragraph, for resolving "he said" where unambiguous."""

    def __init__(self, genders: dict[str, str] | None = None,
                 not_people: set[str] | None = None,
                 key: Callable[[str], str] = surname_key) -> None:
        self.current: list[str] = []
        self.previous: list[str] = []
        self.genders = genders or {}
        self.not_people = not_people or set()
        self.key = key
        self._resolver: tuple[Any, ReferenceResolver] | None = None

    def start_paragraph(self) -> None:
        if self.current:
            self.previous = self.current
        self.current = []

    def note(self, name: str | None, is_person: bool = True) -> None:
        if name and is_person and self.key(name) not in self.not_people:
            self.current.append(name)

    def _single(self, names: list[str]) -> str | None:
        """The one person ``names`` (in the order named) name, in their fullest form;
        None for people of two surnames. Two people of one surname ("Seth Hutchinson",
        "Asa Hutchinson"; "George T. Conway III", "Kellyanne Conway") are told apart by
        their given names: the one named last is meant ("Seth Hutchinson, though,
        refused to take credit. “I did not sway my dad,” he said.")."""
        surnames = {self.key(n) for n in names}
        if len(surnames) != 1:
            return None
        full = [n for n in names if has_given_name(n)]
        if any(not persons_compatible(a, b) for a, b in combinations(set(full), 2)):
            return full[-1]
        return max(names, key=len)  # the fullest form of the one person named

    def _of_gender(self, names: list[str], pronoun: str) -> list[str]:
        wanted = _PRONOUN_GENDERS.get(pronoun)
        if wanted is None:
            return names
        return [n for n in names if self.genders.get(self.key(n), wanted) == wanted]

    def resolve_reference(self, head: Any) -> tuple[str, bool]:
        """The speaker a description referring back stands for: the most recent person
        named before it that it fits, or someone introduced unnamed after them
        (:mod:`factdesk.nlp.references`); else the description as written, a described
        source ("the former official"); else, for a noun that says nothing ("the man"),
        no speaker."""
        if refers_to_body(head):  # "the site said": the organisation, or no one
            return resolve_body(head) or "", False
        if refers_to_someone(head):  # "the woman said": whom the article introduced
            return someone_before(head) or ("", False)
        doc = head.doc
        if self._resolver is None or self._resolver[0] is not doc:
            self._resolver = (doc, ReferenceResolver(doc, self.genders, self.not_people,
                                                     self.key, speech_verb))
        resolver = self._resolver[1]
        found = resolver.resolve(head)
        if found is not None:
            return found
        # the one person named in the paragraph, when the article gives them no title:
        # "Rick Santorum ... The former Pennsylvania senator"
        single = self._single(self.current) if self.current else None
        if single and resolver.unopposed(head, single):
            return single, True
        if says_nothing(head):
            return "", False
        return written_out(noun_phrase(head), head), False

    def resolve_pronoun(self, pronoun: str = "") -> str | None:
        """The one person named in this paragraph (or, if none, in the previous one); for
        "he" or "she", the one whose honorific does not say otherwise."""
        current = self._of_gender(self.current, pronoun)
        if current:
            return self._single(current)
        previous = self._of_gender(self.previous, pronoun)
        return self._single(previous) if previous else None
