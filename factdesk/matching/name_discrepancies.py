"""Names two matched claims write differently: one name respelled ("Zelenskiy" /
"Zelenskyy", "Paris Island" / "Parris Island"), told apart from one name written in
other forms (more of it given, a suffix or an editor's brackets, a plural or demonym).

The names part of :func:`factdesk.matching.discrepancies.find_discrepancies`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factdesk.matching.respelling import is_other_word_form, is_respelling
from factdesk.model.models import Discrepancy
from factdesk.nlp.name_folding import strip_possessive
from factdesk.nlp.person_identity import same_person
from factdesk.nlp.person_names import NAME_SUFFIXES

if TYPE_CHECKING:
    from collections.abc import Iterable

    from factdesk.matching.discrepancies import ClaimFacts
    from factdesk.nlp.person_identity import PersonIdentity


def entity_spellings(entities: Iterable[tuple[str, str, str]]) -> dict[str, dict[str, str]]:
    """canonical -> {folded last word: surface form} of a claim's entities."""
    found: dict[str, dict[str, str]] = {}
    for text, _label, canonical in entities:
        surface = strip_possessive(text)
        if not surface:
            continue
        last = surface.split()[-1]
        found.setdefault(canonical or surface, {}).setdefault(last.casefold(), surface)
    return found


def _folded_words(name: str) -> list[str]:
    return name.casefold().split()


def written_alike(x: str, y: str) -> bool:
    """Whether one name is the other, or ends it word for word ("Zelensky" / "Volodymyr
    Zelensky"): the same spelling, one giving more of the name."""
    wx, wy = _folded_words(x), _folded_words(y)
    short, long = (wx, wy) if len(wx) <= len(wy) else (wy, wx)
    return bool(short) and long[len(long) - len(short):] == short


def _respelled_words(x: str, y: str) -> bool:
    """Whether two names of several words differ only by words spelled otherwise
    ("Paris Island" / "Parris Island"): aligned from their ends, every word of the
    shorter is the longer's or a respelling of it (a small edit, not a plural or a
    demonym: :func:`~factdesk.matching.respelling.is_respelling`), at least one word is
    shared as written, and one is respelled. A one-word name is left to the last-word
    rule of :func:`name_discrepancies`: "Paris" and "Parris" alone may be two places."""
    wx, wy = x.split(), y.split()
    if len(wx) < 2 or len(wy) < 2:
        return False
    n = min(len(wx), len(wy))
    pairs = list(zip(wx[-n:], wy[-n:], strict=True))
    same = [a.casefold() == b.casefold() for a, b in pairs]
    return any(same) and not all(same) and all(
        ok or is_respelling(a, b) for ok, (a, b) in zip(same, pairs, strict=True))


def _bare_name(name: str) -> str:
    """The name without an editor's brackets ("[special prosecutor Robert] Mueller"), a
    generational suffix and middle initials: what is left to be spelled alike or not."""
    # a generational suffix is carried or left out without writing the name otherwise
    # ("Robert S. Mueller III" / "Robert Mueller", "John G. Roberts Jr." / "John Roberts")
    words = _bare_brackets(name).split()
    kept = [w for w in words if w.strip(".,").casefold() not in NAME_SUFFIXES
            and not re.fullmatch(r"[^\W\d_]\.", w)]
    return " ".join(kept or words)


def _one_name_in_other_forms(x: str, y: str) -> bool:
    """Whether two ways of writing a name are no spellings of it: one gives more of the
    name ("Robert S. Mueller III" / "Robert] Mueller" once its initial, suffix and
    bracket are left out), or its last word is the other's plural or demonym ("Republicans"
    / "Republican", "Russians" / "Russian"), the words before it alike."""
    bx, by = _bare_name(x), _bare_name(y)
    if written_alike(bx, by):
        return True
    wx, wy = bx.split(), by.split()
    return len(wx) == len(wy) and [w.casefold() for w in wx[:-1]] == [
        w.casefold() for w in wy[:-1]] and is_other_word_form(wx[-1], wy[-1])


def _variant(a: ClaimFacts, b: ClaimFacts, canonical: str, x: str, y: str) -> Discrepancy:
    x, y, canonical = _bare_brackets(x), _bare_brackets(y), _bare_brackets(canonical)
    return Discrepancy(
        "name", "variant",
        f"{a.outlet or 'One article'} writes \u201c{x}\u201d, {b.outlet or 'the other'} writes "
        f"\u201c{y}\u201d — the same name ({canonical}) spelled differently.", x, y)


def _bare_brackets(name: str) -> str:
    """A name as a reader writes it, without an editor's brackets inside a quote."""
    return " ".join(name.replace("[", " ").replace("]", " ").split())


def name_discrepancies(a: ClaimFacts, b: ClaimFacts) -> list[Discrepancy]:
    """Names the two claims spell differently: a last word written otherwise
    ("Zelenskiy" / "Zelenskyy"), or one of several words respelled with the rest shared
    ("Paris Island" / "Parris Island"), unless the claims also share a way of writing
    that name."""
    found = []
    sa, sb = a.spellings, b.spellings
    for canonical in sorted(sa.keys() & sb.keys()):  # a stable order across runs
        if not sa[canonical].keys() & sb[canonical].keys():
            x = next(iter(sa[canonical].values()))
            y = next(iter(sb[canonical].values()))
            if _one_name_in_other_forms(x, y):
                continue
            if not (_written_in(y, a.text) or _written_in(x, b.text)):
                # else the model cut one name short ("Jesse Jackson Jr. Pleads")
                found.append(_variant(a, b, canonical, x, y))
            continue
        xs, ys = a.surfaces[canonical], b.surfaces[canonical]
        if any(written_alike(x, y) for x in xs for y in ys):
            continue  # at least one spelling in common
        pair = next(((x, y) for x in xs for y in ys if _respelled_words(x, y)), None)
        if pair is not None:
            found.append(_variant(a, b, canonical, *pair))
    return found


def _written_in(name: str, text: str) -> bool:
    """Whether ``name`` is written in ``text`` as a whole name (not inside a word)."""
    return re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text) is not None


#: People a claim must name, and name in common with the other, for the two to be lists
#: of one set of people ("the packages addressed to Obama, Hillary Clinton, ...").
LIST_PEOPLE = 3
LIST_SHARED = 2
#: Names given in a note of the people only one list names, at most.
_LIST_SHOWN = 4


def list_difference(a: ClaimFacts, b: ClaimFacts) -> Discrepancy | None:
    """Two lists of one set of people that differ (HuffPost's addressees include
    "former President Bill Clinton", NYT's Joseph R. Biden Jr., Eric Holder and George
    Soros): who is on the list is a detail to check, not a conflict (a list may say
    "including"). None unless each claim names :data:`LIST_PEOPLE` people, two of
    them in common, and one names someone the other does not."""
    listed_a, listed_b = _listed(a), _listed(b)
    if min(len(listed_a), len(listed_b)) < LIST_PEOPLE:
        return None

    def on(person: PersonIdentity, others: list[PersonIdentity]) -> bool:
        # one of the same surname not told apart may be this person ("Clinton",
        # "Elizabeth Cheney" / "Liz Cheney"); Bill Clinton is not Hillary Clinton
        return any(verdict or verdict is None and person.surname == other.surname
                   or person.given == other.given and is_respelling(person.surname,
                                                                   other.surname)
                   for other in others
                   if (verdict := same_person(person, other)) is not False
                   or person.given == other.given)  # "Reince Preibus" / "Priebus"

    if sum(on(p, listed_b) for p in listed_a) < LIST_SHARED:
        return None
    everyone_a, everyone_b = _listed(a, every=True), _listed(b, every=True)
    only_a = [p.name for p in listed_a if not on(p, everyone_b)]
    only_b = [p.name for p in listed_b if not on(p, everyone_a)]
    if not only_a and not only_b:
        return None
    who_a, who_b = a.outlet or "one article", b.outlet or "the other"
    parts = [f"{who} also names {_some(names)}" for who, names in
             ((who_a, only_a), (who_b, only_b)) if names]
    return Discrepancy(
        "actor", "vague",
        f"Both list people; {', '.join(parts)}: check who the list includes.",
        f"also {_some(only_a)}" if only_a else "—", f"also {_some(only_b)}" if only_b else "—")


def _some(names: list[str]) -> str:
    shown = ", ".join(names[:_LIST_SHOWN])
    return shown + (f" and {len(names) - _LIST_SHOWN} more" if len(names) > _LIST_SHOWN else "")


#: Words at most between two names of one list ("Barack Obama, former Secretary of State
#: Hillary Clinton"), which a comma or semicolon must separate.
_LIST_GAP_WORDS = 8
_LIST_SEPARATOR = re.compile(r"[,;]|\band\b")


def _listed(facts: ClaimFacts, every: bool = False) -> list[PersonIdentity]:
    """The people the claim names in a list (not its speaker), each once: names whose
    neighbour name is a few words away across a comma, semicolon or "and" ("former
    President Barack Obama, former President Bill Clinton, ... and John Brennan");
    ``every``: all the people it names."""
    text = facts.text
    spans: list[tuple[int, int, str, str]] = []
    after: dict[str, int] = {}  # where to look for a name's next mention
    for name, label, canonical in facts.entities:
        start = text.find(name, after.get(name, 0))
        after[name] = start + len(name) if start >= 0 else len(text)
        if label == "PERSON" and start >= 0:
            spans.append((start, start + len(name), name, canonical))
    spans.sort()
    listed = set()
    for (_s1, end, *_r1), (start, _e2, *_r2) in zip(spans, spans[1:], strict=False):
        gap = text[end:start]
        if len(gap.split()) <= _LIST_GAP_WORDS and _LIST_SEPARATOR.search(gap) \
                and "including" not in gap:  # "critical of Trump, including ..."
            listed.update((end, start))
    found: dict[str, PersonIdentity] = {}
    for start, end, name, canonical in spans:
        if (every or start in listed or end in listed) and (person := facts.identity(
                strip_possessive(name), canonical)) is not None:
            found.setdefault(person.key, person)
    return list(found.values())
