"""Merging spelling and transliteration variants of entity names into one canonical form.

``AliasResolver`` groups the mentions of a project by user aliases first, then fold keys
(:func:`~factdesk.nlp.name_folding.canonical_key`), then high rapidfuzz similarity,
with person-name rules (:mod:`factdesk.nlp.person_names`) that never merge two
different people.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from factdesk.nlp.name_folding import (
    MIN_FUZZY_LENGTH,
    canonical_key,
    close_pairs,
    plain_name,
    strip_possessive,
    surname_fold,
    surname_neighbours,
)
from factdesk.nlp.person_names import (
    double_surnames,
    generations,
    given_name_slip,
    given_names_compatible,
    honorific_gender,
    name_gender,
    name_suffix,
    person_parts,
    person_words,
    persons_compatible,
    persons_nicknamed,
    persons_respelled,
)

DISTINCT_PREFIX = "!="  # a user alias "A" -> "!=B" says A and B are different entities
PLACE_FUZZY_THRESHOLD = 90.0
_PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _family(label: str) -> str:
    return "PLACE" if label in _PLACE_LABELS else label


class _Groups:
    """Union-find over names, refusing unions across a declared "distinct" pair."""

    def __init__(self, names: Iterable[str], distinct: set[frozenset[str]]) -> None:
        self.parent = {n: n for n in names}
        self.members = {n: {n} for n in self.parent}
        self.distinct = distinct
        self.flagged = {name for pair in distinct for name in pair}  # casefolded
        self.fixed: dict[str, str | None] = {}  # a group's user canonical, by root
        #: by root: the genders its names' honorifics and given names tell, when any
        self.genders: dict[str, tuple[frozenset[str], frozenset[str]]] = {}

    def find(self, name: str) -> str:
        while self.parent[name] != name:
            self.parent[name] = self.parent[self.parent[name]]
            name = self.parent[name]
        return name

    def can_union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or not self.distinct:
            return True
        xs = [f for x in self.members[ra] if (f := x.casefold()) in self.flagged]
        ys = [f for y in self.members[rb] if (f := y.casefold()) in self.flagged] if xs else []
        return not any(frozenset((x, y)) in self.distinct for x in xs for y in ys)

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not self.can_union(a, b):
            return False
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)
        (ha, ga), (hb, gb) = self._genders(ra), self._genders(rb)
        self.genders[ra] = (ha | hb, ga | gb)
        self.genders.pop(rb, None)
        return True

    def _genders(self, root: str) -> tuple[frozenset[str], frozenset[str]]:
        if root not in self.genders:  # a name alone: read once
            honorific = honorific_gender(root)
            given = name_gender(root) if honorific is None else None
            self.genders[root] = (frozenset({honorific} - {None}),  # type: ignore[arg-type]
                                  frozenset({given} - {None}))  # type: ignore[arg-type]
        return self.genders[root]

    def genders_clash(self, a: str, b: str) -> bool:
        """Whether the groups of ``a`` and ``b`` hold an honorific of one gender and a
        name of the other ("Mrs. Clinton" / "Bill Clinton", "Mr. Clinton"): two people.
        Given names alone never clash here: they are compared as names."""
        (ha, ga), (hb, gb) = self._genders(self.find(a)), self._genders(self.find(b))
        honorifics = ha | hb
        return len(honorifics) > 1 or bool(honorifics and (ga | gb) - honorifics)


class AliasResolver:
    """Maps entity mentions to canonical display names.

    ``user_aliases`` maps a variant to its canonical form and always wins; a value
    starting with :data:`DISTINCT_PREFIX` (``{"Andrei Kostin": "!=Andriy Kostin"}``)
    declares the two names different entities, as does a pair in ``distinct``.
    ``written``: how many articles write each person name, which decides between a
    given name and its misspelling ("Deval Patrick" in two outlets, "Duval Patrick" in
    one: :func:`~factdesk.nlp.person_names.persons_respelled`).
    """

    def __init__(self, user_aliases: Mapping[str, str] | None = None,
                 distinct: Iterable[tuple[str, str]] = (),
                 written: Mapping[str, int] | None = None) -> None:
        self.written = written or {}
        self._doubles: set[tuple[str, str]] = set()  # of the last names resolved
        self.user: dict[str, str] = {}
        self.distinct: set[frozenset[str]] = set()
        for variant, canonical in (user_aliases or {}).items():
            variant = strip_possessive(variant)
            if canonical.startswith(DISTINCT_PREFIX):
                other = strip_possessive(canonical[len(DISTINCT_PREFIX):])
                self.distinct.add(frozenset((variant.casefold(), other.casefold())))
            elif variant and canonical.strip():
                self.user[variant.casefold()] = canonical.strip()
        for a, b in distinct:
            self.distinct.add(frozenset((strip_possessive(a).casefold(),
                                         strip_possessive(b).casefold())))
        self._by_canonical: dict[str, str] = {}
        for canonical in self.user.values():
            self._by_canonical.setdefault(canonical.casefold(), canonical)

    def user_canonical(self, name: str) -> str | None:
        """The canonical form a user alias gives ``name`` (or its canonical), if any."""
        folded = strip_possessive(name).casefold()
        if folded in self.user:
            return self.user[folded]
        return self._by_canonical.get(folded)

    def resolve(self, mentions: Sequence[tuple[str, str]]) -> dict[str, str]:
        """Canonical display form of every mention text (``(text, spaCy label)`` pairs)."""
        counts: Counter[str] = Counter()
        labels: dict[str, dict[str, int]] = {}  # base -> label family -> mentions
        base_of: dict[str, str] = {}
        for text, label in mentions:
            base = strip_possessive(text)
            if not base:
                continue
            base_of[text] = base
            counts[base] += 1
            tally = labels.setdefault(base, {})
            kind = _family(label)
            tally[kind] = tally.get(kind, 0) + 1
        # the most frequent family, the first seen among equals (as Counter.most_common)
        family = {b: max(labels[b], key=labels[b].__getitem__) for b in counts}
        groups = _Groups(counts, self.distinct)
        self._merge_user(groups, counts)
        self._merge_keys(groups, counts, family)
        self._merge_persons(groups, counts, family)
        self._merge_double_surnames(groups, counts, family)
        self._merge_fuzzy(groups, counts, family)
        display = self._display(groups, counts, family)
        return {text: display[groups.find(base)] for text, base in base_of.items()}

    def _merge_user(self, groups: _Groups, counts: Counter[str]) -> None:
        if not self.user:
            return  # no alias, no user canonical to merge by
        by_canonical: dict[str, list[str]] = defaultdict(list)
        for base in counts:
            canonical = self.user_canonical(base)
            if canonical:
                by_canonical[canonical.casefold()].append(base)
        for names in by_canonical.values():
            for other in names[1:]:
                groups.union(names[0], other)

    def _fixed(self, groups: _Groups, name: str) -> str | None:
        """The user canonical of ``name``'s group (user aliases pin a group). A group
        holds at most one (unions across two are refused), so it is kept by root."""
        if not self.user:
            return None
        root = groups.find(name)
        if root not in groups.fixed:
            groups.fixed[root] = next(
                (c.casefold() for m in groups.members[root] if (c := self.user_canonical(m))),
                None)
        return groups.fixed[root]

    def _try(self, groups: _Groups, a: str, b: str) -> bool:
        fa, fb = self._fixed(groups, a), self._fixed(groups, b)
        if fa and fb and fa != fb or groups.genders_clash(a, b):
            return False
        if not groups.union(a, b):
            return False
        if self.user:
            groups.fixed[groups.find(a)] = fa or fb
        return True

    def _merge_keys(self, groups: _Groups, counts: Counter[str], family: dict[str, str]) -> None:
        # Equal keys merge across labels: the small model often tags a surname ORG/GPE.
        by_key: dict[str, list[str]] = defaultdict(list)
        for base in counts:
            key = canonical_key(base)
            if key:
                by_key[key].append(base)
        for names in by_key.values():
            for other in names[1:]:
                self._try(groups, names[0], other)

    def _merge_persons(self, groups: _Groups, counts: Counter[str],
                       family: dict[str, str]) -> None:
        # Names are compared only within blocks of matching surnames (found in C), in
        # the order a comparison of every pair would take, so the unions are the same.
        persons = [b for b in counts if family[b] == "PERSON" and person_parts(b)]
        full = [p for p in persons if person_parts(p)[0]]  # type: ignore[index]
        person_roots = {groups.find(p) for p in persons}
        # a one-word name is a surname if it (or a same-key spelling) was tagged PERSON,
        # or, tagged ORG/NORP by the small model, it equals a full name's surname exactly;
        # so is a person's surname after a title or before a suffix ("Mr. Blumenthal",
        # "Trump Jr.")
        bare = [b for b in counts if family[b] != "PLACE" and (
            len(plain_name(b).split()) == 1
            and (groups.find(b) in person_roots or family[b] in {"ORG", "NORP"})
            or family[b] == "PERSON" and not person_parts(b)[0])]  # type: ignore[index]
        one_generation = generations(persons)
        full_folds = [surname_fold(person_parts(f)[1]) for f in full]  # type: ignore[index]
        neighbours = surname_neighbours(
            [*full_folds, *(surname_fold(plain_name(b)) for b in bare),
             *(surname_fold(parts[1]) for b in bare if (parts := person_parts(b)))])
        full_by_fold: dict[str, list[int]] = defaultdict(list)
        for i, fold in enumerate(full_folds):
            full_by_fold[fold].append(i)

        def full_matching(fold: str) -> list[int]:
            return sorted(j for near in neighbours[fold] for j in full_by_fold.get(near, ()))

        for i, a in enumerate(full):
            for j in full_matching(full_folds[i]):
                if j > i and (persons_compatible(a, full[j]) or persons_respelled(a, full[j])
                              or persons_nicknamed(a, full[j])) \
                        and one_generation(a, full[j]):
                    self._try(groups, a, full[j])
        full_by_last_key: dict[str, list[str]] = defaultdict(list)
        for f in full:
            full_by_last_key[canonical_key(person_parts(f)[1])].append(f)  # type: ignore[index]
        undecided: set[str] = set()  # surnames alone that several full names may be
        for name in bare:
            parts = person_parts(name)
            surname = parts[1] if parts else plain_name(name)
            if groups.find(name) in person_roots:
                roots = {groups.find(full[j]) for j in full_matching(surname_fold(surname))
                         if one_generation(name, full[j])}
            else:
                roots = {groups.find(f) for f in full_by_last_key.get(canonical_key(surname), ())
                         if one_generation(name, f)}
            if len(roots) > 1:
                undecided.add(name)  # "Clinton" beside Bill and Hillary Clinton
                if honorific_gender(name):  # "Mrs. Clinton": not Bill
                    roots = {r for r in roots if not groups.genders_clash(name, r)}
            if len(roots) == 1:
                self._try(groups, name, roots.pop())
        bare = [b for b in bare if groups.find(b) in person_roots and person_parts(b)]
        full_set = set(full)
        bare_folds = [surname_fold(person_parts(b)[1]) for b in bare]  # type: ignore[index]
        bare_by_fold: dict[str, list[int]] = defaultdict(list)
        for i, fold in enumerate(bare_folds):
            bare_by_fold[fold].append(i)
        for i, a in enumerate(bare):
            for j in sorted(j for near in neighbours[bare_folds[i]]
                            for j in bare_by_fold.get(near, ()) if j > i):
                b = bare[j]
                ra, rb = groups.find(a), groups.find(b)
                full_a, full_b = _has_full(groups, ra, full_set), _has_full(groups, rb, full_set)
                if ra == rb or full_a and full_b or not one_generation(a, b) \
                        or a in undecided and full_b or b in undecided and full_a:
                    continue  # an undecided surname joins no one of its full names
                self._try(groups, a, b)

    def _merge_double_surnames(self, groups: _Groups, counts: Counter[str],
                               family: dict[str, str]) -> None:
        # "Enrique Peña Nieto" is "Peña Nieto", "Mr. Peña Nieto", "President Peña" and,
        # by the father's surname, "Enrique Peña", where the project writes the double
        # surname alone: one person when one group holds all its full names
        persons = [b for b in counts if family[b] == "PERSON" and person_words(b)]
        self._doubles = double_surnames(persons)
        if not self._doubles:
            return
        by_last: dict[str, list[str]] = defaultdict(list)  # the forms end with a surname
        for name in persons:
            by_last[person_words(name)[-1]].append(name)
        for first, second in sorted(self._doubles):
            full = [p for p in by_last[second]
                    if len(w := person_words(p)) >= 3 and w[-2:] == (first, second)]
            if len({groups.find(f) for f in full}) != 1:
                continue  # two people of that surname, or none
            given = [person_words(f)[:-2] for f in full]

            def of_him(name: str, given: list[tuple[str, ...]] = given,
                       surname: tuple[str, str] = (first, second)) -> bool:
                words = person_words(name)
                if len(words) >= 3 and words[-2:] == surname:
                    return True
                return words in (surname, surname[:1]) or (
                    len(words) >= 2 and words[-1] == surname[0]
                    and any(given_names_compatible(words[:-1], g) for g in given))

            for name in [*by_last[second], *by_last[first]]:
                # not a form already joined to someone else ("Peña" to a "Luis Peña")
                if of_him(name) and all(of_him(m) for m in groups.members[groups.find(name)]
                                        if family[m] == "PERSON" and person_words(m)):
                    self._try(groups, full[0], name)

    def _merge_fuzzy(self, groups: _Groups, counts: Counter[str],
                     family: dict[str, str]) -> None:
        names = [b for b in counts if family[b] != "PERSON"]
        keys = [canonical_key(b) for b in names]
        long_enough = [i for i, k in enumerate(keys) if len(k) >= MIN_FUZZY_LENGTH]
        candidates = [keys[i] for i in long_enough]
        for x, y in close_pairs(candidates, PLACE_FUZZY_THRESHOLD):
            i, j = long_enough[x], long_enough[y]
            a, b, ka, kb = names[i], names[j], keys[i], keys[j]
            if family[a] != family[b]:
                continue
            if ka.split()[-1:] != kb.split()[-1:] and len(ka.split()) != len(kb.split()):
                continue
            self._try(groups, a, b)

    def _display(self, groups: _Groups, counts: Counter[str],
                 family: dict[str, str]) -> dict[str, str]:
        display: dict[str, str] = {}
        for root, members in groups.members.items():
            fixed = None
            if self.user:  # only a user alias gives a group its form
                fixed = next((c for m in sorted(members) if (c := self.user_canonical(m))),
                             None)
            if fixed:
                display[root] = fixed
                continue
            if len(members) == 1:  # most groups: their one name (the best of one)
                display[root] = next(iter(members))
                continue
            words = Counter(w for m in members for w in m.split() for _ in range(counts[m]))

            person = any(family[m] == "PERSON" for m in members)

            def score(name: str, person: bool = person,
                      words: Counter[str] = words) -> tuple[int, int, int, int, int, int, str]:
                parts = person_parts(name)
                # "Peña Nieto" is a surname alone, not a given name and a surname
                is_full = int(not person or bool(parts and parts[0])
                              and person_words(name) not in self._doubles)
                # the name alone, not "Mr. Biden" or "Jerrold Nadler, D-N.Y."
                untitled = int(not person or person_words(name) == tuple(plain_name(name).split()))
                spelling = sum(words[w] for w in name.split())
                # a generational suffix is no fuller a name: "Donald Trump Jr." names
                # the son, so the father's "Donald Trump" is the form of a group of both
                plain = int(not _has_name_suffix(name))
                return (is_full, untitled, counts[name], plain, len(name), spelling, name)

            best = max(members, key=score)
            display[root] = _most_written(best, members, self.written) if person else best
        return display


def _has_name_suffix(name: str) -> bool:
    """Whether a name ends with a generational suffix ("Jr.", "Sr.", "III")."""
    return bool(name_suffix(name))


def _has_full(groups: _Groups, root: str, full: set[str]) -> bool:
    """Whether the group of ``root`` holds one of the ``full`` names."""
    return not full.isdisjoint(groups.members[root])


def _most_written(best: str, members: Iterable[str], written: Mapping[str, int]) -> str:
    """``best``, or the spelling of it with the given name written otherwise (a slip of
    the pen: :func:`~factdesk.nlp.person_names.given_name_slip`) that more articles
    write: "Vicente Fox" in three outlets, not "Vincente Fox" in one."""
    variants = [m for m in members if m != best and written.get(m, 0) > written.get(best, 0)
                and given_slip_of(m, best)]
    return max(variants, key=lambda m: (written.get(m, 0), m)) if variants else best


def given_slip_of(a: str, b: str) -> bool:
    """Whether two full names of one surname differ by a slip in the first given name."""
    pa, pb = person_parts(a), person_parts(b)
    return bool(pa and pb and pa[0] and pb[0]) and pa[1] == pb[1] \
        and given_name_slip(pa[0][0], pb[0][0])  # type: ignore[index]
