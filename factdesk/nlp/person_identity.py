"""Whether two mentions of people, in two outlets' articles, name one person.

The one rule across-source matching uses to tell people apart (who acts, who speaks,
who reacts). A name is read as its given names, surname and generational suffix
(:func:`~factdesk.nlp.person_names.person_parts`); surnames compare under the project's
spelling folds ("Zelenskyy" / "Zelenskiy" / "Zelensky"), given names as the same name,
an initial, a nickname or another romanisation ("Bill" / "William", "Volodymyr" /
"Vladimir").

A surname alone ("Clinton", "Gov. Inslee", "Mr. Putin") says who only through its
article: news style names a person in full before using the surname, so the article's
people (:class:`ArticlePeople`, its full names of people by surname) decide it. When the
article names one Clinton in full, "Clinton" is that one; when it names two ("Hillary
Clinton" and "Bill Clinton"), "Clinton" is one of them and may be neither of the other
outlet's; when it names none, the surname alone agrees with any person of that surname.
A surname with a title of office ("President Trump") is not the suffixed full name of
the article ("Donald Trump Jr."): there the writer tells father and son apart.

Two names are then:

* **other people** (``False``): different surnames, different generational suffixes,
  incompatible given names ("Hillary Clinton" / "Bill Clinton"), two full names the
  project's alias resolution keeps apart, or a surname alone whose article's people of
  that surname are all someone else;
* **one person** (``True``): the same surname, and given names that agree or are unknown
  on one side with nothing in its article against it ("Jay Inslee" / "Gov. Inslee" /
  "Inslee");
* **undecided** (``None``): a surname alone that its article gives to several people,
  some of whom may be the other name.

Only what extraction stored is needed: the names as written, their canonical forms, the
article's person mentions and the claim's words (for a title before a surname).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from factdesk.nlp.given_name_census import given_name_gender
from factdesk.nlp.name_folding import canonical_key, strip_possessive, surnames_match
from factdesk.nlp.person_names import (
    given_names_compatible,
    given_names_respelled,
    name_suffix,
    nick_namer,
    person_parts,
    split_generations,
)
from factdesk.nlp.references import has_title

#: Words that open a sentence or a phrase before a name, never a given name: the tagger
#: takes "Plus Obama is nominating ..." for a "Plus Obama".
_OPENERS = frozenset("""plus but and or so then now also still yet when while after before
    as if though although meanwhile however since because even only just unlike with
    without for from by to at on in of the a an that this these those both either
    neither not no how why what where who whom whose which said says told asked dear
    thanks let here there according under over against between during about his her
    their its our my your reps""".split())


@lru_cache(maxsize=65_536)
def _parts(name: str) -> tuple[tuple[str, ...], str] | None:
    """:func:`~factdesk.nlp.person_names.person_parts` without the words before a name that
    no given name is (:data:`_OPENERS`)."""
    parts = person_parts(name)
    if parts is None:
        return None
    given = list(parts[0])
    while given and given[0] in _OPENERS:
        given.pop(0)
    return tuple(given), parts[1]


@dataclass(frozen=True)
class PersonIdentity:
    """Who a person mention is, as far as its words and its article tell."""

    name: str  # the fullest form known ("Hillary Clinton" for "Clinton")
    surname: str  # plain ("clinton")
    given: tuple[str, ...]  # plain given names; () for a surname alone
    suffix: str = ""  # "jr", "sr", "iii" or ""
    canonical: str = ""  # the project's canonical form of a full name, when known
    #: for a surname alone: the article's full names of that surname it may be (several)
    candidates: tuple[PersonIdentity, ...] = ()
    #: for a surname alone: the article's full names of that surname it is not
    excluded: tuple[PersonIdentity, ...] = ()
    #: for a surname alone: "m" or "f" when written after an honorific ("Mrs. Clinton")
    gender: str = ""

    @property
    def key(self) -> str:
        """A folded key of the identity: the full name when known, in the project's
        canonical form ("Dick Blumenthal" and "Richard Blumenthal" give "richard
        blumenthal"), else the surname (with its suffix: "trump jr")."""
        if self.canonical:
            return canonical_key(self.canonical)
        words = [*self.given, self.surname, *([self.suffix] if self.suffix else [])]
        return canonical_key(" ".join(words))


@dataclass(frozen=True)
class ArticlePeople:
    """The people one article names in full, by plain surname, each once (the first
    full name it gives them), with the canonical form of that name."""

    by_surname: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, mentions: Iterable[tuple[str, str]]) -> ArticlePeople:
        """From the article's person mentions, ``(text, canonical)`` in reading order."""
        mentions = [(strip_possessive(t), c or t) for t, c in mentions]
        split = split_generations(t for t, _ in mentions)
        found: dict[str, list[tuple[str, str]]] = {}
        for text, canonical in mentions:
            parts = _parts(text)
            if parts is None or not parts[0]:
                continue
            group = found.setdefault(parts[1], [])
            if not any(_one_full_name(text, other, split) for other, _ in group):
                group.append((text, canonical))
        return cls({s: tuple(g) for s, g in found.items()})

    def of_surname(self, surname: str) -> list[tuple[str, str]]:
        """The full names (with canonical forms) whose surname is ``surname``."""
        return [n for s, names in self.by_surname.items() if surnames_match(s, surname)
                for n in names]


NO_PEOPLE = ArticlePeople()


@lru_cache(maxsize=4096)  # an article's claims share it
def article_people(mentions: tuple[tuple[str, str], ...]) -> ArticlePeople:
    """:meth:`ArticlePeople.of` the article's person mentions, (text, canonical)."""
    return ArticlePeople.of(mentions)


def _one_full_name(a: str, b: str, split: set[str]) -> bool:
    """Whether one article's two full names are one person: compatible, and the same
    generation where the article tells generations apart."""
    pa, pb = _parts(a), _parts(b)
    if pa is None or pb is None or not surnames_match(pa[1], pb[1]) \
            or not given_names_agree(pa[0], pb[0]):
        return False
    return name_suffix(a) == name_suffix(b) or (
        canonical_key(pa[1]) not in split and not (name_suffix(a) and name_suffix(b)))


@lru_cache(maxsize=65_536)
def _full(name: str, canonical: str = "") -> PersonIdentity | None:
    parts = _parts(name)
    if parts is None:
        return None
    return PersonIdentity(name, parts[1], parts[0], name_suffix(name),
                          canonical if parts[0] else "")


def identify(name: str, canonical: str = "", people: ArticlePeople = NO_PEOPLE,
             titled: bool = False, gender: str | None = None) -> PersonIdentity | None:
    """Who ``name`` (as written, its ``canonical`` form) is in an article of ``people``;
    ``titled``: the name is written after a title of office ("President Trump");
    ``gender``: "m" or "f" when written after an honorific ("Mr. Clinton", "Mrs.
    Clinton": :func:`honorific_gender_in`), which leaves out the article's full names of
    that surname whose given name tells the other gender (:func:`given_name_gender`):
    "Mr. Clinton" is Bill where the article names Bill and Hillary Clinton. None when
    ``name`` holds no name."""
    own = _full(strip_possessive(name))
    if own is None:
        return None
    words = name.split()
    titled = titled or has_title([w.lower() for w in words[:-1]])
    if own.given:
        full_canonical = canonical if _has_given(canonical) else ""
        return _full(own.name, full_canonical)
    candidates: list[PersonIdentity] = []
    excluded: list[PersonIdentity] = []
    for text, text_canonical in people.of_surname(own.surname):
        full = _full(text, text_canonical if _has_given(text_canonical) else "")
        if full is None:
            continue
        if own.suffix and full.suffix != own.suffix or titled and full.suffix \
                or gender and _other_gender(full, gender):
            # "Trump Jr." / "Donald Trump"; "President Trump" / "Donald Trump Jr.";
            excluded.append(full)  # "Mrs. Clinton" / "Bill Clinton"
        else:
            candidates.append(full)
    if len(candidates) == 1:
        return candidates[0]
    if not candidates and not excluded and _has_given(canonical):
        # the article names no one of that surname in full: the project's resolution
        # gives the surname its one full name, if it has one
        found = _full(canonical, canonical)
        if found is not None and surnames_match(found.surname, own.surname) \
                and not (gender and _other_gender(found, gender)):
            return found
    return PersonIdentity(own.name, own.surname, (), own.suffix, "", tuple(candidates),
                          tuple(excluded), gender or "")


def _other_gender(person: PersonIdentity, gender: str) -> bool:
    """Whether the given name of ``person`` tells the gender other than ``gender``."""
    found = given_name_gender(person.given[0]) if person.given else None
    return found is not None and found != gender


def _has_given(name: str) -> bool:
    parts = _parts(name) if name else None
    return bool(parts and parts[0])


@lru_cache(maxsize=65_536)  # a claim's people meet many others'
def same_person(x: PersonIdentity, y: PersonIdentity) -> bool | None:
    """Whether two identities are one person: True, False, or None when a surname's
    article leaves it open (see the module docstring)."""
    if x.canonical and y.canonical and canonical_key(x.canonical) == canonical_key(y.canonical):
        return True  # one person to the project's resolution: "Peña Nieto" / "Enrique Peña"
    if not surnames_match(x.surname, y.surname):
        return False
    if x.given and y.given:
        return _same_full(x, y)
    if x.given:
        x, y = y, x  # x is a surname alone
    if y.given:
        if any(_same_full(e, y) and e.suffix == y.suffix for e in x.excluded) \
                or x.gender and _other_gender(y, x.gender):
            return False  # "Mrs. Clinton" is not Bill Clinton
        if x.suffix and y.suffix and x.suffix != y.suffix:
            return False
        return _of_candidates(x, lambda c: _same_full(c, y))
    if x.suffix and y.suffix and x.suffix != y.suffix or x.gender and y.gender \
            and x.gender != y.gender:
        return False  # "Trump Jr." / "Trump Sr."; "Mr. Clinton" / "Mrs. Clinton"
    if x.candidates and y.candidates:
        verdicts = {_same_full(c, d) for c in x.candidates for d in y.candidates}
        return verdicts.pop() if len(verdicts) == 1 else None
    return None if x.candidates or y.candidates else True


def _of_candidates(x: PersonIdentity, same: Callable[[PersonIdentity], bool]) -> bool | None:
    """A surname alone against a full name: True without candidates (nothing against
    it), else the candidates' common verdict, None when they differ."""
    if not x.candidates:
        return True
    verdicts = {same(c) for c in x.candidates}
    return verdicts.pop() if len(verdicts) == 1 else None


#: Lower-case words a descriptive name holds before the person's own ("Secretary of the
#: Interior Ryan Zinke"): no given names.
_NOT_GIVEN = frozenset("of the and for at in on de da del der van von la le du al bin".split())


@lru_cache(maxsize=65_536)
def _given_alike(a: str, b: str) -> bool:
    """One given name: the same, an initial of it, another romanisation or a nickname
    (the project's table, then the nicknames package's: "Dick" / "Richard")."""
    if given_names_compatible((a,), (b,)):
        return True
    namer = nick_namer()
    return b in namer.nicknames_of(a) or a in namer.nicknames_of(b) or bool(
        namer.canonicals_of(a) & (namer.canonicals_of(b) | {b}))


def given_names_agree(x: Sequence[str], y: Sequence[str]) -> bool:
    """Whether two known sets of given names can be one person's: a written-out given
    name of one is one of the other's ("A. Barry Rand" / "Barry Rand", "Hillary Rodham
    Clinton" / "Hillary Clinton"; not "John F. Kennedy" / "Robert F. Kennedy"); when
    one gives initials only, they are the other's ("J. Smith" / "John Smith"). Words of
    a description before the name ("Secretary of the Interior") may stand among them."""
    full_x = [w for w in x if len(w) > 1 and w not in _NOT_GIVEN]
    full_y = [w for w in y if len(w) > 1 and w not in _NOT_GIVEN]
    if full_x and full_y:
        return any(_given_alike(a, b) for a in full_x for b in full_y)
    return any(a[0] == b[0] for a in x for b in y)


def _same_full(x: PersonIdentity, y: PersonIdentity) -> bool:
    """Two full names: the same surname and given name, no other generation, and not two
    forms the project's alias resolution keeps apart ("Donald Trump Jr." / "Donald
    Trump" where it tells generations apart)."""
    if not surnames_match(x.surname, y.surname):
        return False
    if not given_names_agree(x.given, y.given) and not _respelled_alike(x, y):
        return False
    if x.suffix and y.suffix and x.suffix != y.suffix:
        return False
    if bool(x.suffix) != bool(y.suffix) and x.canonical and y.canonical:
        # one written with a suffix: one person where the project's resolution made one
        # of the two ("Joseph R. Biden Jr." / "Joe Biden"), two where it kept them apart
        return canonical_key(x.canonical) == canonical_key(y.canonical)
    return True


def _respelled_alike(x: PersonIdentity, y: PersonIdentity) -> bool:
    """Two full names one person's where the project's alias resolution made them one:
    the first given name misspelled in one ("Duval Patrick" / "Deval Patrick",
    :func:`~factdesk.nlp.person_names.persons_respelled`), the same canonical form."""
    return bool(x.given and y.given and x.canonical and y.canonical) \
        and given_names_respelled(x.given[0], y.given[0]) \
        and canonical_key(x.canonical) == canonical_key(y.canonical)


_NAME_WORD = re.compile(r"(?:[A-Z\u00c0-\u00de][\w'\u2019.-]*|[a-z]{1,3}\.?)$")


def is_person_name(text: str) -> bool:
    """Whether ``text`` reads as a person's name, titles allowed ("Gov. Jay Inslee",
    "Mr. Putin", "Martin Luther King Jr."), not a description ("the attorney general",
    "Grimm's attorney, William McGinley")."""
    words = text.split()
    return 0 < len(words) <= 6 and "," not in text and words[-1][:1].isupper() \
        and all(_NAME_WORD.match(w) for w in words) and person_parts(text) is not None


_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\s+$")


def titled_in(text: str, name: str) -> bool:
    """Whether ``text`` writes ``name`` right after a title of office ("President Trump",
    "Gov. Inslee"; an honorific, "Mr. Putin", is none)."""
    start = text.find(name)
    if start <= 0:
        return False
    before = _WORD_BEFORE.search(text[max(start - 40, 0):start])
    return before is not None and has_title([before.group(1).lower()])


_HONORIFIC_BEFORE = re.compile(r"\b(Mrs|Mr|Ms|Miss)\.?\s+$")
_HONORIFIC_GENDERS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}


@lru_cache(maxsize=65_536)  # a claim's names are read in every pair it is in
def honorific_gender_in(text: str, name: str) -> str | None:
    """ "m" or "f" when ``text`` writes ``name`` right after an honorific ("Mr.
    Clinton", "Mrs. Clinton"), the same one wherever it writes it; else None."""
    found = set()
    for match in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
        before = _HONORIFIC_BEFORE.search(text[max(match.start() - 8, 0):match.start()])
        found.add(_HONORIFIC_GENDERS[before.group(1).lower()] if before else None)
    return found.pop() if len(found) == 1 else None


def identities_agree(xs: Sequence[PersonIdentity], ys: Sequence[PersonIdentity]
                     ) -> tuple[bool, bool]:
    """(shared, clash) of two claims' people: shared when some person of one may be one
    of the other's, clash when both name people and none can be."""
    if not xs or not ys:
        return False, False
    shared = any(same_person(x, y) is not False for x in xs for y in ys)
    return shared, not shared


@lru_cache(maxsize=65_536)
def identity_of_key(key: str) -> PersonIdentity | None:
    """The identity a :attr:`PersonIdentity.key` stands for (no article to read it in)."""
    return _full(key)
