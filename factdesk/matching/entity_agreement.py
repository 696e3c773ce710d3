"""Whether two sentences agree on who and where: the entity side of the pair features.

Two reports of a similar event (another earthquake, another player put on injured
reserve) share their action words by nature; what tells the events apart is who and
where. The pair features compare the event frame's *who* and *where* keys of two
:class:`~factdesk.matching.pair_features.PairInput` (:func:`frame_keys`,
:func:`slot_agreement`) and whether each sentence's named entities are mentioned by the
other (:func:`entity_matched`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factdesk.nlp.aliases import canonical_key

PERSON_LABELS = frozenset({"PERSON"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def frame_keys(entities: Iterable[tuple[str, str]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(persons, places) keys of (name, label) entities: a person by the folded last word
    of the name ("Pierre Thomas" and "Thomas" agree), a place by its folded name."""
    persons: set[str] = set()
    places: set[str] = set()
    for name, label in entities:
        key = canonical_key(name)
        if not key:
            continue
        if label in PERSON_LABELS:
            persons.add(key.split()[-1])
        elif label in PLACE_LABELS:
            places.add(key)
    return tuple(sorted(persons)), tuple(sorted(places))


def slot_agreement(x: Sequence[str], y: Sequence[str]) -> tuple[float, float]:
    """(shared, clash) of one frame slot: 1 when a key is in both; clash 1 when both
    name someone (somewhere) and nothing is shared."""
    if not x or not y:
        return 0.0, 0.0
    shared = bool(set(x) & set(y))
    return float(shared), float(not shared)


def entity_matched(ent: str, other_ents: Sequence[str], other_low: str,
                   other_tokens: set[str]) -> bool:
    """Whether entity key ``ent`` of one sentence is mentioned by the other (whose
    entity keys, lower-cased text and token set are given)."""
    if ent in other_low:
        return True
    for o in other_ents:
        if ent in o or o in ent:
            return True
    last = ent.rsplit(" ", 1)[-1]
    return len(last) > 3 and last in other_tokens
