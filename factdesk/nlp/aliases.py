"""Merging spelling and transliteration variants of entity names into one canonical form.

``canonical_key`` folds a name (case, diacritics, possessives, Ukrainian/Russian
romanisation variants, well-known exonyms such as Kiev/Kyiv); ``AliasResolver`` groups
the mentions of a project by user aliases first, then fold keys, then high rapidfuzz
similarity, with person-name rules that never merge two different people.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence, Set

import numpy as np
from rapidfuzz import fuzz, process

from factdesk.nlp.references import has_title

DISTINCT_PREFIX = "!="  # a user alias "A" -> "!=B" says A and B are different entities
PLACE_FUZZY_THRESHOLD = 90.0
SURNAME_FUZZY_THRESHOLD = 88.0
GIVEN_NAME_FUZZY_THRESHOLD = 85.0
MIN_FUZZY_LENGTH = 6

# Well-known exonym / historical spelling pairs: folded variant -> folded preferred.
EXONYMS: dict[str, str] = {
    "kiev": "kyiv", "kyyiv": "kyiv", "kharkov": "kharkiv", "odessa": "odesa", "lvov": "lviv",
    "lwow": "lviv", "lemberg": "lviv", "nikolaev": "mykolaiv", "nikolayev": "mykolaiv",
    "zaporozhye": "zaporizhzhia", "zaporozhie": "zaporizhzhia", "dnepr": "dnipro",
    "dnieper": "dnipro", "dnepropetrovsk": "dnipro", "chernigov": "chernihiv",
    "rovno": "rivne", "lugansk": "luhansk", "krivoy rog": "kryvyi rih",
    "vinnitsa": "vinnytsia", "zhitomir": "zhytomyr", "ivano frankovsk": "ivano frankivsk",
    "uzhgorod": "uzhhorod", "kremenchug": "kremenchuk", "chernobyl": "chornobyl",
    "kirovograd": "kropyvnytskyi", "severodonetsk": "sievierodonetsk",
    "lisichansk": "lysychansk", "gorlovka": "horlivka", "artemovsk": "bakhmut",
    "artemivsk": "bakhmut", "slavyansk": "sloviansk", "energodar": "enerhodar",
    "moskva": "moscow", "kherson oblast": "kherson region", "the ukraine": "ukraine",
    "byelorussia": "belarus", "belorussia": "belarus", "kiyv": "kyiv",
}
# Given names that are the same name in another romanisation or as a nickname.
GIVEN_NAME_GROUPS: tuple[frozenset[str], ...] = tuple(frozenset(g) for g in (
    {"volodymyr", "vladimir", "wolodymyr"}, {"oleksandr", "aleksandr", "alexander", "alexandr"},
    {"andriy", "andrii", "andrei", "andrey", "andrew"}, {"serhiy", "serhii", "sergei",
                                                          "sergey", "sergii", "sergiy"},
    {"dmytro", "dmitry", "dmitri", "dmitriy"}, {"mykhailo", "mikhail", "michael"},
    {"mykola", "nikolai", "nikolay"}, {"pavlo", "pavel", "paul"},
    {"oleksiy", "oleksii", "alexei", "alexey", "aleksei"}, {"yevhen", "yevgeny", "evgeny"},
    {"yuriy", "yurii", "yuri", "yury"}, {"hryhoriy", "grigory"}, {"petro", "pyotr", "peter"},
    {"joe", "joseph"}, {"bill", "billy", "william"}, {"bob", "bobby", "rob", "robert"},
    {"mike", "michael"}, {"jim", "jimmy", "james"}, {"tony", "antony", "anthony"},
    {"liz", "elizabeth"}, {"dick", "rick", "richard"}, {"tom", "thomas"},
    {"chuck", "charles"}, {"ted", "edward"}, {"ted", "theodore"}, {"dan", "daniel"},
    {"dave", "david"}, {"steve", "steven", "stephen"}, {"chris", "christopher"},
    {"ron", "ronald"}, {"don", "donald"}, {"pat", "patrick"}, {"tim", "timothy"},
    {"matt", "matthew"}, {"nick", "nicholas"}, {"sam", "samuel"}, {"ben", "benjamin"},
    {"jon", "jonathan"}, {"mitch", "mitchell"}, {"newt", "newton"}, {"bibi", "benjamin"},
))
#: Generational suffixes a name may carry ("Robert S. Mueller III", "Trump Jr.").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: Words before a name that say what the person is, not who ("Sen. Richard Blumenthal").
_TITLES = {"president", "mr", "mrs", "ms", "dr", "gen", "general", "minister", "prime",
           "secretary", "sir", "prof", "governor", "mayor", "sen", "senator", "rep",
           "representative", "gov", "lt", "col", "sgt", "capt", "adm", "rev", "attorney",
           "vice", "former", "house", "senate", "speaker", "leader", "majority", "minority"}
#: A party and state after a US legislator's name: "(D-Conn.)", ", R-Ky.".
_PARTY_STATE = re.compile(r"\s*[,(]\s*[DRI]-[A-Z][A-Za-z. ]*\)?\s*$")
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$", re.IGNORECASE)


def strip_possessive(name: str) -> str:
    """"Zelenskyy's" -> "Zelenskyy"; "Kyiv's" -> "Kyiv"."""
    name = name.strip().strip("\u201c\u201d\"")
    return _POSSESSIVE.sub("", name).strip()


@functools.lru_cache(maxsize=200_000)
def _fold_word(word: str) -> str:
    word = word.replace("x", "ks").replace("kh", "h")
    word = re.sub(r"(?:iy|ii|yi|yy|ei|ey|ij)$", "y", word)
    word = word.replace("yy", "y").replace("iy", "y").replace("ii", "i")
    word = word.replace("yu", "iu").replace("ya", "ia").replace("ye", "ie").replace("yo", "io")
    return re.sub(r"(.)\1+", r"\1", word)


@functools.lru_cache(maxsize=200_000)
def _plain(name: str) -> str:
    """Lower-case ASCII words: diacritics, possessive, apostrophes and hyphens removed."""
    name = strip_possessive(name)
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"['’ʼ`]", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


@functools.lru_cache(maxsize=200_000)
def canonical_key(name: str) -> str:
    """A folding of ``name`` under which spelling variants compare equal.

    "Zelenskyy's", "Zelenskiy" and "Zelensky" give the same key; so do "Izium" and
    "Izyum", and (by the built-in exonym table) "Kiev" and "Kyiv".
    """
    text = _plain(name)
    if not text:
        return ""
    text = EXONYMS.get(text, text)
    words = [EXONYMS.get(w, w) for w in text.split()]
    return " ".join(_fold_word(w) for w in " ".join(words).split())


@functools.lru_cache(maxsize=200_000)
def _person_words(name: str) -> tuple[str, ...]:
    """The plain words of a person name without the titles before it or a party and
    state after it: "Sen. Richard Blumenthal (D-Conn.)" -> ("richard", "blumenthal")."""
    words = _plain(_PARTY_STATE.sub("", name)).split()
    start = 0
    while start < len(words) - 1 and words[start] in _TITLES:
        start += 1
    return tuple(words[start:])


@functools.lru_cache(maxsize=200_000)
def _person_parts(name: str) -> tuple[tuple[str, ...], str] | None:
    """(given-name words, surname) of a person name, folded; None if empty."""
    words = list(_person_words(name))
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    if not words:
        return None
    return tuple(words[:-1]), words[-1]


def person_parts(name: str) -> tuple[tuple[str, ...], str] | None:
    """(given-name words, surname) of a person name, plain; None if empty."""
    return _person_parts(name)


def surname_of(name: str) -> str:
    """The surname of a person name, plain: "Sen. Richard Blumenthal (D-Conn.)" ->
    "blumenthal", "Donald Trump Jr." -> "trump"."""
    parts = _person_parts(name)
    return parts[1] if parts else ""


def has_given_name(name: str) -> bool:
    """Whether a person name has a given name besides the surname ("Donald Trump",
    "Sen. Richard Blumenthal"; not "Mr. Trump", "Trump Jr.", "Senate Republicans")."""
    parts = _person_parts(name)
    return bool(parts and parts[0])


def given_name(name: str) -> str:
    """The first given name of a person name, plain ("Sen. Nancy Pelosi" -> "nancy"), or
    "" when it has none ("Mr. Trump")."""
    parts = _person_parts(name)
    return parts[0][0] if parts and parts[0] else ""


def name_suffix(name: str) -> str:
    """The generational suffix a person name ends with ("jr", "sr", "iii"), or ""."""
    words = _person_words(name)
    return words[-1] if len(words) > 1 and words[-1] in NAME_SUFFIXES else ""


@functools.lru_cache(maxsize=200_000)
def _surname_fold(surname: str) -> str:
    return _fold_word(EXONYMS.get(surname, surname))


def _folds_match(fa: str, fb: str) -> bool:
    if fa == fb:
        return True
    return min(len(fa), len(fb)) >= MIN_FUZZY_LENGTH and fuzz.ratio(fa, fb) >= \
        SURNAME_FUZZY_THRESHOLD


@functools.lru_cache(maxsize=262_144)
def surnames_match(a: str, b: str) -> bool:
    """Whether two plain surnames are one in another spelling ("zelenskyy" / "zelensky")."""
    return _folds_match(_surname_fold(a), _surname_fold(b))


def _surname_neighbours(folds: Iterable[str]) -> dict[str, set[str]]:
    """For each folded surname, the folded surnames it matches (itself included), as
    :func:`surnames_match` decides, found in C by :func:`_close_pairs` instead of
    comparing every pair of names in Python."""
    distinct = sorted(set(folds))
    neighbours = {f: {f} for f in distinct}
    long = [f for f in distinct if len(f) >= MIN_FUZZY_LENGTH]
    for i, j in _close_pairs(long, SURNAME_FUZZY_THRESHOLD):
        neighbours[long[i]].add(long[j])
        neighbours[long[j]].add(long[i])
    return neighbours


def given_names_compatible(a: Sequence[str], b: Sequence[str]) -> bool:
    """Are the first given names the same name (or an initial of it)? Yes if one is unknown."""
    if not a or not b:
        return True
    x, y = a[0], b[0]
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    if _fold_word(x) == _fold_word(y):
        return True
    if any(x in group and y in group for group in GIVEN_NAME_GROUPS):
        return True
    return fuzz.ratio(_fold_word(x), _fold_word(y)) >= GIVEN_NAME_FUZZY_THRESHOLD


@functools.lru_cache(maxsize=262_144)
def persons_compatible(a: str, b: str) -> bool:
    """Could two person names (both with a given name) denote the same person?"""
    pa, pb = _person_parts(a), _person_parts(b)
    if pa is None or pb is None:
        return False
    return surnames_match(pa[1], pb[1]) and given_names_compatible(pa[0], pb[0])


def first_reference_names(mentions: Sequence[tuple[str, str]]) -> dict[str, str]:
    """The full names one article introduced people by, by folded surname.

    News style names a person in full first and by surname after, so within one article
    "Mr. Trump" is whoever it first called "Donald Trump Jr.", though across a project
    the same words are mostly the father. ``mentions`` are the article's ``(text,
    label)`` in reading order. A surname is left out when a short form came before any
    full name, when the article names two people of that surname in full, or writes the
    surname with a suffix the full name lacks ("Trump Jr." beside "Donald Trump"), or
    with a title no full name of that surname had ("President Trump" beside "Donald
    Trump Jr."; :func:`~factdesk.nlp.references.has_title`, the rule the article's
    reference resolution follows; an honorific, "Mr. Trump", is no title): there the
    writer tells the people apart by the short forms themselves."""
    first: dict[str, str] = {}  # surname fold -> the first full name
    left: set[str] = set()  # surnames not to expand
    titled: set[str] = set()  # surnames whose full name was given a title
    for text, label in mentions:
        if label != "PERSON" or (parts := _person_parts(text)) is None:
            continue
        fold = _surname_fold(parts[1])
        full = first.get(fold)
        words = text.split()
        titles = 0  # the title words before the name
        while titles < len(words) - 1 and has_title([words[titles].lower()]):
            titles += 1
        title = titles > 0
        if parts[0]:
            if title:
                titled.add(fold)
            if full is None:
                first[fold] = " ".join(words[titles:])
            elif name_suffix(text) != name_suffix(full) or not persons_compatible(text, full):
                left.add(fold)
        elif full is None or name_suffix(text) not in ("", name_suffix(full)):
            left.add(fold)  # a short form before any full name, or another generation's
        elif title and fold not in titled:
            left.add(fold)  # "President Trump" after "Donald Trump Jr.": the father
    return {fold: full for fold, full in first.items() if fold not in left}


def introduced_name(name: str, introduced: Mapping[str, str]) -> str:
    """``name`` as the article introduced it (``introduced``: its
    :func:`first_reference_names`) when that full name has a generational suffix the
    short form lacks: "Mr. Trump" -> "Donald Trump Jr." in an article that named him so
    first. Otherwise ``name`` as is: the project's alias resolution gives a surname its
    full name, and the same surname must read alike in every outlet's claims (an
    outlet that first wrote "President Trump" keeps "Trump")."""
    parts = _person_parts(name)
    if parts is None or parts[0] or name_suffix(name):
        return name
    full = introduced.get(_surname_fold(parts[1]))
    return full if full is not None and name_suffix(full) else name


def _family(label: str) -> str:
    return "PLACE" if label in _PLACE_LABELS else label


class _Groups:
    """Union-find over names, refusing unions across a declared "distinct" pair."""

    def __init__(self, names: Iterable[str], distinct: set[frozenset[str]]) -> None:
        self.parent = {n: n for n in names}
        self.members = {n: {n} for n in self.parent}
        self.distinct = distinct
        self.fixed: dict[str, str | None] = {}  # a group's user canonical, by root

    def find(self, name: str) -> str:
        while self.parent[name] != name:
            self.parent[name] = self.parent[self.parent[name]]
            name = self.parent[name]
        return name

    def can_union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or not self.distinct:
            return True
        return not any(frozenset((x.casefold(), y.casefold())) in self.distinct
                       for x in self.members[ra] for y in self.members[rb])

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not self.can_union(a, b):
            return False
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)
        return True


class AliasResolver:
    """Maps entity mentions to canonical display names.

    ``user_aliases`` maps a variant to its canonical form and always wins; a value
    starting with :data:`DISTINCT_PREFIX` (``{"Andrei Kostin": "!=Andriy Kostin"}``)
    declares the two names different entities, as does a pair in ``distinct``.
    """

    def __init__(self, user_aliases: Mapping[str, str] | None = None,
                 distinct: Iterable[tuple[str, str]] = ()) -> None:
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
        if fa and fb and fa != fb:
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
        persons = [b for b in counts if family[b] == "PERSON" and _person_parts(b)]
        full = [p for p in persons if _person_parts(p)[0]]  # type: ignore[index]
        person_roots = {groups.find(p) for p in persons}
        # a one-word name is a surname if it (or a same-key spelling) was tagged PERSON,
        # or, tagged ORG/NORP by the small model, it equals a full name's surname exactly;
        # so is a person's surname after a title or before a suffix ("Mr. Blumenthal",
        # "Trump Jr.")
        bare = [b for b in counts if family[b] != "PLACE" and (
            len(_plain(b).split()) == 1
            and (groups.find(b) in person_roots or family[b] in {"ORG", "NORP"})
            or family[b] == "PERSON" and not _person_parts(b)[0])]  # type: ignore[index]
        one_generation = _generations(persons)
        full_folds = [_surname_fold(_person_parts(f)[1]) for f in full]  # type: ignore[index]
        neighbours = _surname_neighbours(
            [*full_folds, *(_surname_fold(_plain(b)) for b in bare),
             *(_surname_fold(parts[1]) for b in bare if (parts := _person_parts(b)))])
        full_by_fold: dict[str, list[int]] = defaultdict(list)
        for i, fold in enumerate(full_folds):
            full_by_fold[fold].append(i)

        def full_matching(fold: str) -> list[int]:
            return sorted(j for near in neighbours[fold] for j in full_by_fold.get(near, ()))

        for i, a in enumerate(full):
            for j in full_matching(full_folds[i]):
                if j > i and persons_compatible(a, full[j]) and one_generation(a, full[j]):
                    self._try(groups, a, full[j])
        full_by_last_key: dict[str, list[str]] = defaultdict(list)
        for f in full:
            full_by_last_key[canonical_key(_person_parts(f)[1])].append(f)  # type: ignore[index]
        for name in bare:
            parts = _person_parts(name)
            surname = parts[1] if parts else _plain(name)
            if groups.find(name) in person_roots:
                roots = {groups.find(full[j]) for j in full_matching(_surname_fold(surname))
                         if one_generation(name, full[j])}
            else:
                roots = {groups.find(f) for f in full_by_last_key.get(canonical_key(surname), ())
                         if one_generation(name, f)}
            if len(roots) == 1:
                self._try(groups, name, roots.pop())
        bare = [b for b in bare if groups.find(b) in person_roots and _person_parts(b)]
        full_set = set(full)
        bare_folds = [_surname_fold(_person_parts(b)[1]) for b in bare]  # type: ignore[index]
        bare_by_fold: dict[str, list[int]] = defaultdict(list)
        for i, fold in enumerate(bare_folds):
            bare_by_fold[fold].append(i)
        for i, a in enumerate(bare):
            for j in sorted(j for near in neighbours[bare_folds[i]]
                            for j in bare_by_fold.get(near, ()) if j > i):
                b = bare[j]
                ra, rb = groups.find(a), groups.find(b)
                if ra == rb or _has_full(groups, ra, full_set) and _has_full(groups, rb,
                                                                               full_set) \
                        or not one_generation(a, b):
                    continue
                self._try(groups, a, b)

    def _merge_fuzzy(self, groups: _Groups, counts: Counter[str],
                     family: dict[str, str]) -> None:
        names = [b for b in counts if family[b] != "PERSON"]
        keys = [canonical_key(b) for b in names]
        long_enough = [i for i, k in enumerate(keys) if len(k) >= MIN_FUZZY_LENGTH]
        candidates = [keys[i] for i in long_enough]
        for x, y in _close_pairs(candidates, PLACE_FUZZY_THRESHOLD):
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
                parts = _person_parts(name)
                is_full = int(not person or bool(parts and parts[0]))
                # the name alone, not "Mr. Biden" or "Jerrold Nadler, D-N.Y."
                untitled = int(not person or _person_words(name) == tuple(_plain(name).split()))
                spelling = sum(words[w] for w in name.split())
                # a generational suffix is no fuller a name: "Donald Trump Jr." names
                # the son, so the father's "Donald Trump" is the form of a group of both
                plain = int(not _has_name_suffix(name))
                return (is_full, untitled, counts[name], plain, len(name), spelling, name)

            display[root] = max(members, key=score)
        return display


def _close_pairs(keys: Sequence[str], threshold: float, block: int = 256) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, with ``fuzz.ratio >= threshold``, in (i, j) order.

    The ratios are computed in C, a block of rows at a time (bounded memory).
    """
    pairs: list[tuple[int, int]] = []
    for start in range(0, len(keys) - 1, block):
        scores = process.cdist(keys[start:start + block], keys[start:], scorer=fuzz.ratio,
                               score_cutoff=threshold, dtype=np.float64)
        rows, cols = np.nonzero(np.triu(scores >= threshold, k=1))
        pairs += [(start + r, start + c) for r, c in zip(rows.tolist(), cols.tolist(),
                                                          strict=True)]
    return pairs


def _has_name_suffix(name: str) -> bool:
    """Whether a name ends with a generational suffix ("Jr.", "Sr.", "III")."""
    return bool(name_suffix(name))


def _generations(persons: Iterable[str]) -> Callable[[str, str], bool]:
    """Whether two names of a family can be one person, by their generational suffix.

    A suffix is usually part of one person's full name that other outlets leave out
    ("Joseph R. Biden Jr." / "Joe Biden"; "Cesar Sayoc Jr." / "Cesar Sayoc"), so it
    tells no one apart. When the writers use it to tell two people apart, writing the
    surname with the suffix alone ("Trump Jr.") or giving the family two suffixes
    ("Jr." and "Sr."), names of that surname are one person only with the same suffix:
    "Donald Trump Jr." is not "Donald Trump", nor "President Trump"."""
    split = split_generations(persons)
    if not split:
        return lambda a, b: True

    def one_generation(a: str, b: str) -> bool:
        if name_suffix(a) == name_suffix(b):
            return True
        parts = _person_parts(a)
        return parts is None or _surname_fold(parts[1]) not in split

    return one_generation


def split_generations(persons: Iterable[str]) -> set[str]:
    """The folded surnames whose generational suffix tells people apart in ``persons``
    (see :func:`_generations`): written with the suffix alone ("Trump Jr."), or with two
    suffixes ("Jr." and "Sr."). "George T. Conway III" beside "Kellyanne Conway" is none:
    the suffix is part of one full name."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    for name in persons:
        parts = _person_parts(name)
        if parts is None:
            continue
        suffix = name_suffix(name)
        fold = _surname_fold(parts[1])
        if suffix and not parts[0]:
            by_surname[fold].add("alone")
        by_surname[fold].add(suffix)
    return {fold for fold, seen in by_surname.items()
            if "alone" in seen or len(seen - {""}) > 1}


def person_key(name: str, split: Set[str] = frozenset()) -> str:
    """The surname one article knows a person by, plain ("George T. Conway III",
    "Mr. Conway" and "Conway's" give "conway"): never a generational suffix. The suffix
    is kept ("trump jr") only for a surname in ``split``
    (:func:`split_generations` of the article's people), where it tells two people
    apart."""
    parts = _person_parts(name)
    if parts is None:
        return ""
    suffix = name_suffix(name)
    return f"{parts[1]} {suffix}" if suffix and _surname_fold(parts[1]) in split \
        else parts[1]


def _has_full(groups: _Groups, root: str, full: set[str]) -> bool:
    """Whether the group of ``root`` holds one of the ``full`` names."""
    return not full.isdisjoint(groups.members[root])
