"""Whether two sentences agree on who and where: the entity side of the pair features.

Two reports of a similar event (another earthquake, another player put on injured
reserve) share their action words by nature; what tells the events apart is who and
where. The pair features compare the event frame's *who* and *where* keys of two
:class:`~factdesk.matching.pair_features.PairInput` (:func:`frame_keys`,
:func:`persons_agreement`, :func:`slot_agreement`) and whether each sentence's named
entities are mentioned by the other (:func:`entity_matched`). People are told apart by
:mod:`factdesk.nlp.person_identity`: "Hillary Clinton" and "Bill Clinton" share no one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factdesk.nlp.name_folding import canonical_key, surnames_match
from factdesk.nlp.person_identity import (
    ArticlePeople,
    PersonIdentity,
    honorific_gender_in,
    identify,
    identity_of_key,
    same_person,
    titled_in,
)

PERSON_LABELS = frozenset({"PERSON"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def frame_keys(entities: Iterable[tuple[str, ...]], people: ArticlePeople | None = None,
               text: str = "") -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(persons, places) keys of (name, label) entities, or of (canonical name, label,
    name as written): a person by the key of who the name is
    (:attr:`~factdesk.nlp.person_identity.PersonIdentity.key`: "Clinton" is "hilary
    clinton" where ``people``, the article's, name one Clinton, Hillary; the sentence's
    own names stand for the article's when not given), a place by its folded name.
    ``text``: the sentence, where a title before a surname is read."""
    entities = list(entities)
    if people is None:
        people = ArticlePeople.of((e[-1], e[0]) for e in entities if e[1] in PERSON_LABELS)
    persons: set[str] = set()
    places: set[str] = set()
    for name, label, *written in entities:
        key = canonical_key(name)
        if not key:
            continue
        if label in PERSON_LABELS:
            surface = written[0] if written and written[0] else name
            person = identify(surface, name, people, bool(text) and titled_in(text, surface),
                              honorific_gender_in(text, surface) if text else None)
            if person is not None:
                persons.add(person.key)
        elif label in PLACE_LABELS:
            places.add(key)
    return tuple(sorted(persons)), tuple(sorted(places))


def persons_agreement(x: Sequence[str], y: Sequence[str]) -> tuple[float, float]:
    """(shared, clash) of the *who* slot: 1 when a person of one may be one of the
    other's (:func:`~factdesk.nlp.person_identity.same_person`); clash 1 when both name
    people and none can be."""
    if not x or not y:
        return 0.0, 0.0
    px = [p for k in x if (p := identity_of_key(k)) is not None]
    py = [p for k in y if (p := identity_of_key(k)) is not None]
    shared = any(same_person(a, b) is not False for a in px for b in py)
    return float(shared), float(not shared)


def slot_agreement(x: Sequence[str], y: Sequence[str]) -> tuple[float, float]:
    """(shared, clash) of one frame slot: 1 when a key is in both; clash 1 when both
    name someone (somewhere) and nothing is shared."""
    if not x or not y:
        return 0.0, 0.0
    shared = bool(set(x) & set(y))
    return float(shared), float(not shared)


def entity_matched(ent: str, other_ents: Sequence[str], other_low: str,
                   other_tokens: set[str], persons: Sequence[str] = (),
                   other_persons: Sequence[str] = ()) -> bool:
    """Whether entity key ``ent`` of one sentence is mentioned by the other (whose
    entity keys, lower-cased text and token set are given). ``persons`` and
    ``other_persons``: the two sentences' person keys (:func:`frame_keys`); a person the
    other names by the same surname is mentioned only if it may be the same person
    ("Clinton" / "Hillary Clinton", not "Hillary Clinton" / "Bill Clinton")."""
    person = _as_person(ent, persons)
    if person is not None:
        namesakes = [p for k in other_persons if (p := identity_of_key(k)) is not None
                     and surnames_match(p.surname, person.surname)]
        if namesakes:
            return any(same_person(person, p) is not False for p in namesakes)
    if ent in other_low:
        return True
    for o in other_ents:
        if ent in o or o in ent:
            return True
    last = ent.rsplit(" ", 1)[-1]
    return len(last) > 3 and last in other_tokens


def _as_person(ent: str, persons: Sequence[str]) -> PersonIdentity | None:
    """The one person of ``persons`` (keys) entity key ``ent`` names, if any ("clinton"
    of a sentence whose person is "hilary clinton")."""
    if not persons:
        return None
    named = identity_of_key(ent)
    if named is None:
        return None
    found = [p for k in persons if (p := identity_of_key(k)) is not None
             and surnames_match(p.surname, named.surname) and same_person(named, p) is not False]
    return found[0] if len(found) == 1 else None
