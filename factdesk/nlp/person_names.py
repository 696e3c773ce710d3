"""Reading person names: given names, surname, generational suffix, and whether two
names can be one person.

``person_parts`` splits "Sen. Richard Blumenthal (D-Conn.)" into its given names and
surname; ``persons_compatible`` says whether two full names may be one person (surnames
in another spelling, given names that are the same name, an initial, a nickname or
another romanisation); ``first_reference_names`` and ``introduced_name`` read the full
names one article introduced people by; ``split_generations`` and ``person_key`` tell
"Donald Trump Jr." from "Donald Trump" where the writer does; ``persons_respelled``
finds a given name misspelled ("Duval" / "Deval Patrick") and ``respelled_apart`` the
pairs an article writes both of; ``honorific_gender`` / ``name_gender`` read the
gender a name tells ("Mrs. Clinton", "Bill Clinton").
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from factdesk.nlp.given_name_census import given_name_gender, is_census_given_name
from factdesk.nlp.name_folding import fold_word, plain_name, surname_fold, surnames_match
from factdesk.nlp.references import has_title

GIVEN_NAME_FUZZY_THRESHOLD = 85.0

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


@functools.lru_cache(maxsize=200_000)
def person_words(name: str) -> tuple[str, ...]:
    """The plain words of a person name without the titles before it or a party and
    state after it: "Sen. Richard Blumenthal (D-Conn.)" -> ("richard", "blumenthal")."""
    words = plain_name(_PARTY_STATE.sub("", name)).split()
    start = 0
    while start < len(words) - 1 and words[start] in _TITLES:
        start += 1
    return tuple(words[start:])


@functools.lru_cache(maxsize=200_000)
def person_parts(name: str) -> tuple[tuple[str, ...], str] | None:
    """(given-name words, surname) of a person name, folded; None if empty."""
    words = list(person_words(name))
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    if not words:
        return None
    return tuple(words[:-1]), words[-1]


def surname_of(name: str) -> str:
    """The surname of a person name, plain: "Sen. Richard Blumenthal (D-Conn.)" ->
    "blumenthal", "Donald Trump Jr." -> "trump"."""
    parts = person_parts(name)
    return parts[1] if parts else ""


def has_given_name(name: str) -> bool:
    """Whether a person name has a given name besides the surname ("Donald Trump",
    "Sen. Richard Blumenthal"; not "Mr. Trump", "Trump Jr.", "Senate Republicans")."""
    parts = person_parts(name)
    return bool(parts and parts[0])


def given_name(name: str) -> str:
    """The first given name of a person name, plain ("Sen. Nancy Pelosi" -> "nancy"), or
    "" when it has none ("Mr. Trump")."""
    parts = person_parts(name)
    return parts[0][0] if parts and parts[0] else ""


def name_suffix(name: str) -> str:
    """The generational suffix a person name ends with ("jr", "sr", "iii"), or ""."""
    words = person_words(name)
    return words[-1] if len(words) > 1 and words[-1] in NAME_SUFFIXES else ""


def given_names_compatible(a: Sequence[str], b: Sequence[str]) -> bool:
    """Are the first given names the same name (or an initial of it)? Yes if one is unknown."""
    if not a or not b:
        return True
    x, y = a[0], b[0]
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    if fold_word(x) == fold_word(y):
        return True
    if any(x in group and y in group for group in GIVEN_NAME_GROUPS):
        return True
    return fuzz.ratio(fold_word(x), fold_word(y)) >= GIVEN_NAME_FUZZY_THRESHOLD


@functools.lru_cache(maxsize=262_144)
def persons_compatible(a: str, b: str) -> bool:
    """Could two person names (both with a given name) denote the same person?"""
    pa, pb = person_parts(a), person_parts(b)
    if pa is None or pb is None:
        return False
    return surnames_match(pa[1], pb[1]) and given_names_compatible(pa[0], pb[0])


#: A given name misspelled is at most this many edits from the right one (a swap of two
#: neighbouring letters counts one), and has at least this many letters: "Dale" /
#: "Dave", "Mike" / "Mika" are too short to tell a slip from another name.
GIVEN_NAME_SLIP_EDITS = 1
GIVEN_NAME_SLIP_LENGTH = 5


@functools.lru_cache(maxsize=65_536)
def given_name_slip(a: str, b: str) -> bool:
    """Whether two plain given names are one edit apart, as a slip of the pen makes them
    ("duval" / "deval", "kristen" / "kirsten", "michele" / "michelle"): the same first
    letter, at least :data:`GIVEN_NAME_SLIP_LENGTH` letters, at most
    :data:`GIVEN_NAME_SLIP_EDITS` edits. "Mark" / "Mike" (three edits) are two names."""
    return a != b and bool(a) and bool(b) and a[0] == b[0] \
        and min(len(a), len(b)) >= GIVEN_NAME_SLIP_LENGTH \
        and OSA.distance(a, b) <= GIVEN_NAME_SLIP_EDITS


@functools.lru_cache(maxsize=65_536)
def given_names_respelled(a: str, b: str) -> bool:
    """Whether two plain given names, not already the same name
    (:func:`given_names_compatible`), may be one written with a slip
    (:func:`given_name_slip`) and tell no two genders (the Census lists: "eric" /
    "erin", "shane" / "shana" are a man's and a woman's names)."""
    if not given_name_slip(a, b) or given_names_compatible((a,), (b,)):
        return False
    ga, gb = given_name_gender(a), given_name_gender(b)
    return not (ga and gb and ga != gb)


@functools.lru_cache(maxsize=262_144)
def persons_respelled(a: str, b: str) -> bool:
    """Whether two full person names may be one person's with the first given name
    misspelled ("Duval Patrick" / "Deval Patrick"): the same surname (in its spellings),
    the first given names a slip apart (:func:`given_names_respelled`), the others
    compatible. Whether they are one person is for the names' story to say (the same
    article writing both tells two people apart: "Jan Smith" and "Jon Smith")."""
    pa, pb = person_parts(a), person_parts(b)
    if pa is None or pb is None or not pa[0] or not pb[0]:
        return False
    return surnames_match(pa[1], pb[1]) and given_names_respelled(pa[0][0], pb[0][0]) \
        and given_names_compatible(pa[0][1:], pb[0][1:])


@functools.lru_cache(maxsize=1)
def nick_namer() -> Any:
    """The ``nicknames`` package's table of English given names ("Dick" / "Richard"),
    read from its CSV once per process, on first use (matching, alias resolution and
    the report's claimants share it)."""
    from nicknames import NickNamer  # lazy: the table is read when first needed

    return NickNamer()


@functools.lru_cache(maxsize=65_536)
def given_names_nicknamed(a: str, b: str) -> bool:
    """Whether two plain given names, not already the same name
    (:func:`given_names_compatible`), are one a hypocoristic of the other by the
    ``nicknames`` package ("zack" / "zachary", "liz" / "elizabeth"), and tell no two
    genders (the Census lists)."""
    if a == b or len(a) < 2 or len(b) < 2 or given_names_compatible((a,), (b,)):
        return False
    namer = nick_namer()
    if not (b in namer.nicknames_of(a) or a in namer.nicknames_of(b)
            or namer.canonicals_of(a) & (namer.canonicals_of(b) | {b})
            or a in namer.canonicals_of(b)):
        return False
    ga, gb = given_name_gender(a), given_name_gender(b)
    return not (ga and gb and ga != gb)


@functools.lru_cache(maxsize=262_144)
def persons_nicknamed(a: str, b: str) -> bool:
    """Whether two full person names may be one person's under a hypocoristic of the
    first given name ("Zack Barth" / "Zachary Barth"): the same surname (in its
    spellings), the first given names :func:`given_names_nicknamed`, the others
    compatible. As for a respelling, the same article writing both tells two people
    apart (:func:`respelled_apart`)."""
    pa, pb = person_parts(a), person_parts(b)
    if pa is None or pb is None or not pa[0] or not pb[0]:
        return False
    return surnames_match(pa[1], pb[1]) and given_names_nicknamed(pa[0][0], pb[0][0]) \
        and given_names_compatible(pa[0][1:], pb[0][1:])


def respelled_apart(articles: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    """Pairs of person names some one article writes both of, which
    :func:`persons_respelled` or :func:`persons_nicknamed` would take for one person:
    the article tells two people apart by them ("Jan Smith" and "Jon Smith"; a slip of
    the pen is not repeated in the article that spells the name right, nor a nickname
    set beside the full given name). ``articles``: each article's person names."""
    apart: set[tuple[str, str]] = set()
    for names in articles:
        full = sorted({n for n in names if has_given_name(n)})
        by_surname: dict[str, list[str]] = defaultdict(list)
        for name in full:
            by_surname[surname_fold(person_parts(name)[1])].append(name)  # type: ignore[index]
        for group in by_surname.values():
            apart.update((x, y) for i, x in enumerate(group) for y in group[i + 1:]
                         if persons_respelled(x, y) or persons_nicknamed(x, y))
    return apart


_HONORIFIC_GENDERS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}


def honorific_gender(name: str) -> str | None:
    """ "m" or "f" for a name written with an honorific ("Mrs. Clinton"), else None."""
    words = plain_name(name).split()
    return _HONORIFIC_GENDERS.get(words[0]) if len(words) > 1 else None


def name_gender(name: str) -> str | None:
    """ "m" or "f" that a person name tells by its honorific ("Mrs. Clinton") or, without
    one, by its first given name where the Census lists are sure ("Bill Clinton")."""
    honorific = honorific_gender(name)
    if honorific is not None:
        return honorific
    given = given_name(name)
    return given_name_gender(given) if given else None


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
        if label != "PERSON" or (parts := person_parts(text)) is None:
            continue
        fold = surname_fold(parts[1])
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


def introduced_name(name: str, introduced: Mapping[str, str], mentioned: bool = True) -> str:
    """``name`` as the article introduced it (``introduced``: its
    :func:`first_reference_names`) when that full name has a generational suffix the
    short form lacks: "Mr. Trump" -> "Donald Trump Jr." in an article that named him so
    first. Otherwise ``name`` as is: the project's alias resolution gives a surname its
    full name, and the same surname must read alike in every outlet's claims (an
    outlet that first wrote "President Trump" keeps "Trump"). A surname the NER tagged
    nowhere in the article as a person (``mentioned`` False: "Wray noted that ..." after
    "FBI Director Chris Wray"; "Verderosa" tagged a place) is no mention that resolution
    joins to anyone, so it takes the full name the article introduced."""
    parts = person_parts(name)
    if parts is None or parts[0] or name_suffix(name):
        return name
    full = introduced.get(surname_fold(parts[1]))
    return full if full is not None and (name_suffix(full) or not mentioned) else name


def generations(persons: Iterable[str]) -> Callable[[str, str], bool]:
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
        parts = person_parts(a)
        return parts is None or surname_fold(parts[1]) not in split

    return one_generation


def split_generations(persons: Iterable[str]) -> set[str]:
    """The folded surnames whose generational suffix tells people apart in ``persons``
    (see :func:`generations`): written with the suffix alone ("Trump Jr."), or with two
    suffixes ("Jr." and "Sr."). "George T. Conway III" beside "Kellyanne Conway" is none:
    the suffix is part of one full name."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    for name in persons:
        parts = person_parts(name)
        if parts is None:
            continue
        suffix = name_suffix(name)
        fold = surname_fold(parts[1])
        if suffix and not parts[0]:
            by_surname[fold].add("alone")
        by_surname[fold].add(suffix)
    return {fold for fold, seen in by_surname.items()
            if "alone" in seen or len(seen - {""}) > 1}


def double_surnames(persons: Iterable[str]) -> set[tuple[str, str]]:
    """The two-word surnames ``persons`` show (Spanish and Portuguese style, the
    father's surname then the mother's): the last two words of a full name of three or
    more ("Enrique Peña Nieto") written as a name by themselves ("Peña Nieto", "Mr.
    Peña Nieto"), the first of them no given name the Census lists hold ("Ann Smith"
    beside "Mary Ann Smith", "Chris Christie" beside "NJ Gov Chris Christie" are no
    double surnames). Plain words, as :func:`person_words` gives them: ``("pena",
    "nieto")``."""
    words = {person_words(p) for p in persons}
    pairs = {w for w in words if len(w) == 2 and w[1] not in NAME_SUFFIXES}
    return {w[-2:] for w in words if len(w) >= 3 and w[-2:] in pairs
            and not is_census_given_name(w[-2])}


def person_key(name: str, split: Set[str] = frozenset()) -> str:
    """The surname one article knows a person by, plain ("George T. Conway III",
    "Mr. Conway" and "Conway's" give "conway"): never a generational suffix. The suffix
    is kept ("trump jr") only for a surname in ``split``
    (:func:`split_generations` of the article's people), where it tells two people
    apart."""
    parts = person_parts(name)
    if parts is None:
        return ""
    suffix = name_suffix(name)
    return f"{parts[1]} {suffix}" if suffix and surname_fold(parts[1]) in split \
        else parts[1]
