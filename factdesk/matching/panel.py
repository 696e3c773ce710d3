"""The order and the one-line reasons of a claim's suggestions across outlets.

:func:`panel_order` ranks a claim's matches as a checker reads them: first what reports
the same fact (same fact and conflicting, accepted ones included), then what is only
related, rejected ones last; within each group by score. :func:`match_reason` says in
one line why a suggestion is there: what the two claims share (who, what was done,
where, from their event frames), what differs (the discrepancies found, in short, this
claim's side first) and which vague figures are consistent with the other's.
The window's across-sources pane and the CLI both use them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from factdesk.matching.discrepancies import ClaimFacts, speaker_name
from factdesk.matching.event_frames import frame_summary
from factdesk.nlp.name_folding import strip_possessive
from factdesk.nlp.person_identity import identify, same_person

#: Rank of a relation in a claim's panel (lower first). Conflicting shares same fact's
#: rank: 12 of the 25 conflicting suggestions of 75 BASIL events and the seeds are false
#: (docs/window.md, "A conflict is hard to miss"), and ranked first they would move above
#: same-fact matches on 11 of their 50 panels; the window counts and colours them instead.
RELATION_RANK: dict[str, int] = {"same fact": 0, "conflicting": 0, "related": 1}
#: How long one side of a difference may be in a reason line.
_SIDE_CHARS = 40


def panel_key(relation: str, score: float, decision: str | None) -> tuple[int, int, float]:
    """Sort key of one suggestion: rejected last, then relation, then score (high first)."""
    return (int(decision == "rejected"), RELATION_RANK.get(relation, 2), -float(score))


def panel_order(matches: Iterable[Any]) -> list[Any]:
    """Matches (anything with ``relation``, ``score``, ``decision``) in panel order."""
    return sorted(matches, key=lambda m: panel_key(m.relation, m.score, m.decision))


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= _SIDE_CHARS else text[: _SIDE_CHARS - 1] + "…"


def _is_consistent(d: Mapping[str, Any]) -> bool:
    """A vague figure or date the other account falls within ("more than 400" against
    "hundreds"): worth a note, not a difference."""
    return d.get("kind") in ("number", "date") and d.get("severity") == "vague"


def _sides(d: Mapping[str, Any], a: ClaimFacts | None) -> tuple[str, str]:
    """The two sides of a discrepancy, this claim's first: a discrepancy stored with a
    match may have been found with the claims the other way round."""
    first, second = str(d.get("a_text", "")), str(d.get("b_text", ""))
    if a is not None and first and second:
        here = a.text.casefold()
        if first.casefold() not in here and second.casefold() in here:
            first, second = second, first
        elif first.casefold() not in here and second.casefold() not in here \
                and _one_of_its_people(a, second) and not _one_of_its_people(a, first):
            first, second = second, first  # "Clinton said" of Bill: "Bill Clinton vs ..."
    return _short(first), _short(second)


def _one_of_its_people(facts: ClaimFacts, name: str) -> bool:
    """Whether ``name`` is one of the people the claim names, by who they are in its
    article (:func:`~factdesk.nlp.person_identity.same_person`)."""
    person = identify(name)
    return person is not None and any(same_person(person, p) is True
                                      for p in facts.person_identities)


def _attribution_note(d: Mapping[str, Any], a: ClaimFacts | None,
                      b: ClaimFacts | None) -> str:
    """Who each account credits with the words (the words are the same: that is the
    point), e.g. "speaker Chuck Schumer vs Donald Trump (check who is speaking)"."""
    who_a = speaker_name(a) if a is not None else None
    who_b = speaker_name(b) if b is not None else None
    if not who_a or not who_b:
        return "speaker"
    note = f"speaker {_short(who_a)} vs {_short(who_b)}"
    return note + " (check who is speaking)" if d.get("severity") == "vague" else note


def differences(discrepancies: Sequence[Mapping[str, Any]], a: ClaimFacts | None = None,
                b: ClaimFacts | None = None) -> list[str]:
    """Short "kind A vs B" notes of the discrepancies that differ, the side of claim ``a``
    first when it is given. Left out: what is merely compatible, a vague figure the other
    falls within (:func:`consistent_notes`), a reaction (said at the head of the line). A
    name only spelled differently is a "spelling" note ("name spelled Duval vs Deval" for a
    person's given name): it is the same name. A quote
    credited to two speakers names the two speakers, not the (same) words."""
    notes = []
    for d in discrepancies:
        if d.get("severity") == "compatible" or d.get("kind") == "reaction" \
                or _is_consistent(d):
            continue
        kind = str(d.get("kind", ""))
        if kind == "attribution":
            notes.append(_attribution_note(d, a, b))
            continue
        first, second = _sides(d, a)
        if kind == "name" and d.get("severity") == "variant":
            notes.append(_spelling_note(first, second, a, b))
            continue
        notes.append(f"{kind} {first} vs {second}" if first and second else kind)
    return notes


def _spelling_note(first: str, second: str, a: ClaimFacts | None,
                  b: ClaimFacts | None) -> str:
    """A name written two ways: "name spelled Duval vs Deval" when a person's given name
    is spelled otherwise under one surname (the words that differ), else "spelling
    Izyum vs Izium"."""
    wx, wy = first.split(), second.split()
    people = {strip_possessive(text) for facts in (a, b) if facts is not None
              for text, label, _ in facts.entities if label == "PERSON"}
    if len(wx) == len(wy) > 1 and wx[-1].casefold() == wy[-1].casefold() \
            and (first in people or second in people):
        differ = [(x, y) for x, y in zip(wx, wy, strict=True) if x.casefold() != y.casefold()]
        return "name spelled " + "; ".join(f"{x} vs {y}" for x, y in differ)
    return f"spelling {first} vs {second}" if first and second else "spelling"


def consistent_notes(discrepancies: Sequence[Mapping[str, Any]],
                     a: ClaimFacts | None = None) -> list[str]:
    """"A vs B" of each vague figure or date the other account is consistent with."""
    notes = []
    for d in discrepancies:
        if _is_consistent(d):
            first, second = _sides(d, a)
            notes.append(f"{first} vs {second}" if first and second else str(d.get("kind")))
    return list(dict.fromkeys(notes))


def match_reason(a: ClaimFacts, b: ClaimFacts,
                 discrepancies: Sequence[Mapping[str, Any]] = ()) -> str:
    """One line: what the claims share (who, what, where) and what differs; a reaction
    (:mod:`factdesk.matching.reactions`) first: "Words of Xavier Becerra, whom the other
    does not name · Both: ..."."""
    found = differences(discrepancies, a, b)
    line = frame_summary(a, b, found,
                         place_noted=any(d.get("kind") == "place" for d in discrepancies))
    roughly = consistent_notes(discrepancies, a)
    if roughly:
        line = f"{line.removesuffix('.')} · vague but consistent: {'; '.join(roughly)}."
    reaction = next((d for d in discrepancies if d.get("kind") == "reaction"), None)
    if reaction is None:
        return line
    who = reaction.get("a_text") or reaction.get("b_text") or "someone"
    return f"Words of {who}, whom the other does not name · {line}"
