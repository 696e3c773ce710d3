"""References back: "the former congressman said", "the governor told reporters", "the
New Jersey Republican said", after the person was named ("former Rep. Anthony Weiner",
"Gov. Chris Christie (R)").

A definite description of one person (``the`` and a person noun: an office, a role, a
party, an age; no owner, no "of" phrase of its own) refers back to the most recent
person named earlier in the article whose mentions are compatible with it:

- the person noun is among the words the article gives that person: a title before the
  name ("Rep.", "Gov.", "Sen.", "President"), an apposition ("Weiner, a Democrat,"),
  the noun the name stands in apposition to ("the legislator, Representative Carl
  Seel") or is the subject of ("Trump is the GOP front-runner"), by class ("Rep." ~
  congressman, representative, lawmaker; "Gov." ~ governor; an attorney ~ the lawyer;
  "hopeful" ~ "the GOP front-runner", a hyphened noun read whole);
- every word the description adds is given to the person too: "former", a party
  ("Democratic", "the Republican"; "(R)", "(D-N.Y.)" after the name), an office's
  qualifier ("vice", "lieutenant", "deputy": "the president" is not "Vice President
  Biden"), an age ("the 48-year-old" ~ "Weiner, 48,"), a nationality or state when the
  article gives the person one;
- the gender the noun has ("congresswoman", "spokesman") is not contradicted by an
  honorific ("Mr. Weiner", "Ms. Cordova");

and, among those, one who has been a subject before is preferred to one named only in
passing. Someone introduced unnamed after them ("A former Justice Department computer
crimes prosecutor said") whom it fits is the speaker instead, as first described.

Nothing compatible before: the description is the speaker as written, a described
source ("the former official", "the congressman"): a checker can look up who held the
office or role. A noun that says nothing of who speaks ("the man", "the woman", "the
person", "the source") is no speaker. An indefinite description ("a former official") is
someone new: it is not resolved (:mod:`factdesk.nlp.source_phrases` says whether it is a
source). Organisations referred back to ("the site said") are
:mod:`factdesk.nlp.body_references`'.

Works on a parsed spaCy ``Doc`` (duck-typed; spaCy itself is not imported here).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from factdesk.nlp.abbreviations import office_words, place_words
from factdesk.nlp.source_phrases import PERSON_ROLES, noun_phrase

#: Words of the same office or role: a description's noun refers to a person given any.
ROLE_CLASSES: tuple[frozenset[str], ...] = tuple(frozenset(c.split()) for c in (
    "rep. rep reps. representative congressman congresswoman cong. congressmember",
    "sen. senator sens.",
    "gov. gov governor govs.",
    "president pres.",
    "mayor",
    "secretary",
    "speaker",
    "chairman chairwoman chair chairperson",
    "spokesman spokeswoman spokesperson",
    "lawyer attorney counsel",
    "aide adviser advisor",
    "prosecutor",
    "judge justice",
    "sheriff",
    "ambassador envoy",
    "official",
    "nominee candidate hopeful challenger front-runner frontrunner",
    "commissioner",
    "director",
    "executive ceo",
))
#: Nouns for a member of a legislature: any legislator's title will do.
LEGISLATOR_NOUNS = frozenset({"lawmaker", "legislator", "legislators", "politician"})
LEGISLATOR_TITLES = frozenset(
    """rep. rep reps. representative congressman congresswoman cong. sen. senator sens.
    assemblyman assemblywoman delegate lawmaker legislator""".split())
#: Nouns of an elected office: a description by one may stand for the one person of its
#: paragraph when the article gives that person no title ("Rick Santorum ... the former
#: Pennsylvania senator"); a spokesman or an official is rather someone else. Not
#: "general": "the attorney general" (or "the A.G.") is only someone the article gives
#: that office, and "the general", "the inspector general" are other people again.
OFFICE_NOUNS = frozenset().union(*ROLE_CLASSES[:5]) | LEGISLATOR_NOUNS | {"year-old"}
#: Words of a title or role: a person given one has an office a description must fit.
ROLE_WORDS = frozenset().union(*ROLE_CLASSES) | LEGISLATOR_TITLES

#: Party nouns and adjectives, and the letter after a name that gives them ("(R)").
PARTIES = {"democrat": "D", "democratic": "D", "democrats": "D", "republican": "R",
           "republicans": "R", "gop": "R", "independent": "I"}
_PARTY_LETTER = re.compile(r"^([RDI])(?:-|$)")
#: Words that make another office of the same noun: "Vice President Biden" is not "the
#: president", "Lt. Gov. Kim Guadagno" not "the governor".
OTHER_OFFICE = frozenset({"vice", "lieutenant", "lt.", "deputy", "assistant"})
#: Qualifiers that are part of an office's name ("prime minister").
OFFICE_NAME_WORDS = frozenset({"prime"})
#: Words of a description the person must be given too: "the former congressman", the
#: office a "general" is ("the attorney general", "the inspector general").
QUALIFIERS = OTHER_OFFICE | {"former", "attorney", "prime", "state", "inspector",
                             "surgeon", "solicitor"}
#: Nouns that say nothing of who speaks: "the man said" is no source a checker can use.
BARE_PERSON_NOUNS = frozenset(
    """man woman person people guy boy girl individual someone source sources resident
    one""".split())
_FEMININE = frozenset({"congresswoman", "spokeswoman", "chairwoman", "assemblywoman",
                       "businesswoman", "woman", "mrs.", "ms.", "ms", "mrs", "madam"})
_MASCULINE = frozenset({"congressman", "spokesman", "assemblyman", "businessman", "man",
                        "mr.", "mr"})
_NAMED = frozenset({"GPE", "NORP", "LOC"})
_APPOSITION_TOKENS = 14  # words of an apposition read as the person's description


def _class_of(word: str) -> frozenset[str]:
    for role in ROLE_CLASSES:
        if word in role:
            return role
    return frozenset({word})


def _gender_of(word: str) -> str | None:
    return "f" if word in _FEMININE else "m" if word in _MASCULINE else None


@dataclass
class Profile:
    """What the article has said of one person so far."""

    name: str
    words: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    nationalities: set[str] = field(default_factory=set)
    parties: set[str] = field(default_factory=set)
    ages: set[str] = field(default_factory=set)
    genders: set[str] = field(default_factory=set)

    def add_word(self, token: Any) -> None:
        word = token.lower_
        if word in PARTIES:
            self.parties.add(PARTIES[word])
        elif token.ent_type_ in _NAMED:
            self.places.update(place_words(word))
            if token.ent_type_ == "NORP":
                self.nationalities.add(word)
        if token.like_num and token.ent_type_ in ("DATE", "CARDINAL", ""):
            self.ages.add(token.text)
        if (gender := _gender_of(word)) is not None:
            self.genders.add(gender)
        self.words.add(word)
        self.words.add(token.lemma_.lower())
        if hasattr(token, "doc"):  # "GOP front-runner Donald Trump": a front-runner
            self.words.add(person_noun(token))


@dataclass(frozen=True)
class Mention:
    """A person named at token ``start``; ``key``: the full name compared without case
    or accents (a surname alone when the article gives no one full name for it)."""

    start: int
    key: str
    name: str


#: Dependencies of the words before a name in its noun phrase ("former New York Rep.").
_PREMODIFIERS = frozenset({"compound", "amod", "nmod", "nummod", "npadvmod", "advmod",
                           "punct", "quantmod"})


def _premodifiers(ent: Any) -> list[Any]:
    """The words right before a name that modify it: titles, party, place, "former";
    not an owner ("Christie's aide Bridget Kelly": not Christie's words)."""
    doc = ent.doc
    found: list[Any] = []
    i = ent.start - 1
    while i >= 0 and "\n" not in doc[i].text and (
            (doc[i].dep_ in _PREMODIFIERS and i < doc[i].head.i < ent.end)
            or doc[i].lower_ in ROLE_WORDS or doc[i].lower_ == "former"):
        found.insert(0, doc[i])  # a title the parser hung elsewhere: "President Trump and"
        i -= 1
    return found


def _described_tokens(ent: Any) -> list[Any]:
    """The words a mention gives its person: titles and modifiers before the name in its
    noun phrase, an apposition after it, a party and state in brackets, an age between
    commas, and the noun the name stands in apposition to."""
    doc = ent.doc
    root = ent.root
    tokens = _premodifiers(ent) + [t for t in ent if not t.is_punct]
    said = [c for c in root.head.rights if c.dep_ == "attr" and c.pos_ == "NOUN"] \
        if root.dep_ == "nsubj" and root.head.lemma_ == "be" else []  # "X is the front-runner"
    for child in [*root.rights, *said]:
        if child.dep_ in ("appos", "attr") and child.i >= ent.end:
            # no owner's words: "Kellyanne Conway, the president's counselor" is no president
            tokens += [t for t in child.subtree
                       if t.i <= child.i and not _in_owner(t, child)][-_APPOSITION_TOKENS:]
    if root.dep_ == "appos" and root.head.i < ent.start:
        head = root.head  # "the legislator, Representative Carl Seel"
        tokens += [t for t in head.subtree if t.i < root.left_edge.i
                   and not _in_owner(t, head)][-_APPOSITION_TOKENS:]
    i = ent.end
    if i < len(doc) and doc[i].text == "(":  # "(R)", "(D-N.Y.)", "(R-Iowa)", "(Ohio)"
        closing = next((t.i for t in doc[i + 1:i + 8] if t.text == ")"), None)
        if closing is not None:
            inside = [t for t in doc[i + 1:closing] if t.text != "-"]
            party = _PARTY_LETTER.match("".join(t.text for t in doc[i + 1:closing]))
            if party is not None:
                tokens.append(_Mark(party.group(1), "NORP"))
                inside = inside[1:]
            tokens += [_Mark(t.text, "GPE") for t in inside]
    return tokens


class _Mark:
    """A party letter or state in brackets after a name ("(D-Calif.)"), read as a word
    of the profile."""

    def __init__(self, text: str, label: str) -> None:
        letters = {"D": "democrat", "R": "republican", "I": "independent"}
        self.lower_ = letters[text] if label == "NORP" else text.lower()
        self.lemma_ = self.lower_
        self.ent_type_ = label
        self.like_num = False
        self.text = text


def _in_owner(token: Any, root: Any) -> bool:
    """Whether ``token`` belongs to an owner of ``root`` ("Christie's" of "aide Bridget
    Kelly"): the owner's words are not the person's."""
    while token.i != root.i:
        if token.dep_ == "poss":
            return True
        token = token.head
    return False


class ReferenceResolver:
    """The people an article names, in order, with what it says of each; resolves a
    definite description to the most recent compatible one.

    A person is a full name; a surname alone ("Weiner", "Mr. Weiner") is the full name
    the article gave with that surname before it, or stays a surname when it gives none
    before, or several ("Dick Cheney", "Mary Cheney": "the former vice president" is
    not Mary Cheney), or when the surname comes with a title the full name never has
    ("Malia and Sasha Obama" then "President Obama").

    Someone introduced unnamed ("A former Justice Department computer crimes
    prosecutor said") may be referred back to as well ("The former official said"):
    the description then stands for that phrase, a described source."""

    def __init__(self, doc: Any, genders: dict[str, str], not_people: set[str],
                 key: Callable[[str], str], speaks: Callable[[Any], bool]) -> None:
        self.mentions: list[Mention] = []
        #: person -> where the article first makes them a subject ("Gov. Asa Hutchinson
        #: said"), not only a name in passing ("the tenure of another Republican, Gov.
        #: Mike Huckabee")
        self.subjects: dict[str, int] = {}
        #: someone new and unnamed who speaks: "A former Justice Department computer
        #: crimes prosecutor said"
        self.unnamed = [t for t in doc if _introduces_unnamed(t, speaks)]
        self.tokens: dict[str, list[tuple[int, list[Any]]]] = {}
        self.genders = genders
        self.key = key
        named: list[tuple[Any, str]] = []
        for ent in doc.ents:
            name = _name_of(ent) if ent.label_ == "PERSON" and not _in_headline(ent) else ""
            if name and key(name) not in not_people:
                named.append((ent, name))
        described = {ent.start: _described_tokens(ent) for ent, _ in named}
        full: dict[str, list[tuple[int, str]]] = {}
        titled: set[str] = set()  # full names the article gives a title or role
        for ent, name in named:
            if " " in name:
                full.setdefault(key(name), []).append((ent.start, name))
                if _has_title(described[ent.start]):
                    titled.add(_folded(name))
        for ent, name in named:
            person = name
            spelled = full.get(key(name), [])
            if " " not in name and len({_folded(n) for _, n in spelled}) == 1 and \
                    spelled[0][0] < ent.start and (_folded(spelled[0][1]) in titled or
                                                   not _has_title(described[ent.start])):
                person = spelled[0][1]  # "Mr. Weiner": Anthony Weiner, the one so named
            self.mentions.append(Mention(ent.start, _folded(person), person))
            self.tokens.setdefault(_folded(person), []).append(
                (ent.start, described[ent.start]))
            if _as_subject(ent.root):
                self.subjects.setdefault(_folded(person), ent.start)
        people = {k: spelled[0][1] for k, spelled in full.items()
                  if len({_folded(n) for _, n in spelled}) == 1}
        for token in _surnames_not_tagged(doc, people, key):
            person = people[key(token.text)]
            if full[key(token.text)][0][0] < token.i:
                self.mentions.append(Mention(token.i, _folded(person), person))
                if _as_subject(token):
                    self.subjects[_folded(person)] = min(
                        token.i, self.subjects.get(_folded(person), token.i))
        self.mentions.sort(key=lambda m: m.start)

    def profile(self, person: str, before: int) -> Profile:
        names = [m.name for m in self.mentions if m.key == person]
        found = Profile(max(names, key=len))
        for start, tokens in self.tokens.get(person, []):
            if start < before:
                for token in tokens:
                    found.add_word(token)
        if (gender := self.genders.get(self.key(found.name))) is not None:
            found.genders.add(gender)
        return found

    def resolve(self, head: Any) -> tuple[str, bool] | None:
        """Who the description headed by ``head`` refers back to, and whether a named
        person, or None: the most recent person it fits on all it says who has been a
        subject before it, else the most recent it fits on all it says, else the most
        recent it fits where the article leaves something unsaid (a place); or someone
        introduced unnamed after them that it fits."""
        wanted = Description.of(head)
        if wanted is None:
            return None
        before = head.left_edge.i
        seen: set[str] = set()
        found: tuple[int, str] | None = None
        passing: tuple[int, str] | None = None  # fits, never a subject before
        partial: tuple[int, str] | None = None
        for mention in reversed(self.mentions):
            if mention.start >= before or mention.key in seen:
                continue
            seen.add(mention.key)
            profile = self.profile(mention.key, before)
            fit = wanted.fit(profile)
            if fit == FULL and self.subjects.get(mention.key, before) < before:
                found = (mention.start, profile.name)
                break
            if fit == FULL and passing is None:
                passing = (mention.start, profile.name)
            if fit == PARTIAL and partial is None:
                partial = (mention.start, profile.name)
        found = found or passing or partial
        unnamed = self._unnamed(wanted, before)
        if unnamed is not None and (found is None or unnamed.i > found[0]):
            return noun_phrase(unnamed), False
        return (found[1], True) if found else None

    def _unnamed(self, wanted: Description, before: int) -> Any | None:
        """The most recent unnamed speaker before ``before`` the description fits: its
        noun by class, or any person noun for "the official"; all it adds too."""
        if wanted.noun in PARTIES or wanted.age is not None:
            return None
        for token in reversed(self.unnamed):
            if token.right_edge.i >= before:
                continue
            profile = Profile("")
            for word in token.subtree:
                if word.i <= token.i:
                    profile.add_word(word)
            generic = wanted.noun == "official"
            if wanted.fit(profile, role=not generic) != NONE:
                return token
        return None

    def unopposed(self, head: Any, name: str) -> bool:
        """Whether the article says nothing of ``name`` that the description contradicts
        (no title or role at all, no other party, gender or place)."""
        wanted = Description.of(head)
        person = _folded(name)
        if wanted is None or person not in self.tokens or not (
                wanted.noun in OFFICE_NOUNS or wanted.noun in PARTIES):
            return False
        profile = self.profile(person, head.left_edge.i)
        # "prime" of "the prime minister" is the office's name, checked with it
        office = replace(wanted, modifiers=tuple(m for m in wanted.modifiers
                                                 if m not in OFFICE_NAME_WORDS))
        return not (profile.words & ROLE_WORDS) and office.fit(profile, role=False) != NONE


NONE, PARTIAL, FULL = 0, 1, 2


def _as_subject(root: Any) -> bool:
    """Whether a name (its head word) is a clause's subject, the agent of a passive
    ("signed into law by Indiana Gov. Mike Pence"), or in apposition to a subject ("The
    Democrat, Representative Adam B. Schiff, said")."""
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        return True
    return root.dep_ in ("nsubj", "nsubjpass") or (
        root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass"))


def _surnames_not_tagged(doc: Any, people: dict[str, str], key: Callable[[str], str]
                         ) -> list[Any]:
    """Proper nouns that are the surname of one person the article names, where the NER
    did not tag them a person ("Pence has defended", tagged ORG; "Weiner's spokesman")."""
    found = []
    ents = list(doc.ents)  # spaCy rebuilds doc.ents on each access
    for token in doc:
        if token.pos_ != "PROPN" or token.ent_type_ == "PERSON" or \
                key(token.text) not in people:
            continue
        if token.ent_type_ and any(e.start <= token.i < e.end and any(
                t.i != token.i and t.lower_ not in ("'s", "’s") for t in e)
                for e in ents):
            continue  # part of a longer name: "Weiner Denies", "Trump Tower"
        found.append(token)
    return found


def _has_title(tokens: list[Any]) -> bool:
    return has_title(t.lower_ for t in tokens)


def has_title(words: Iterable[str]) -> bool:
    """Whether ``words`` (lower case) give a person a title or role ("president",
    "sen.", "gov."); an honorific ("mr.", "ms.") is none. A surname with a title its
    full name never had is someone else of that surname: "Malia and Sasha Obama" then
    "President Obama", "Donald Trump Jr." then "President Trump"."""
    return any(w in ROLE_WORDS for w in words)


def titles_before(ent: Any) -> list[str]:
    """The titles right before a name, as written: "President" of "President Trump"
    (the entity is often "Trump" alone)."""
    return [t.text for t in _premodifiers(ent) if t.lower_ in ROLE_WORDS]


def _introduces_unnamed(token: Any, speaks: Callable[[Any], bool]) -> bool:
    """ "A former Justice Department computer crimes prosecutor said", "one union
    official said": an indefinite person noun of a role, subject of a speech verb."""
    if token.dep_ != "nsubj" or token.tag_ != "NN" or not speaks(token.head):
        return False
    dets = [c for c in token.children if c.dep_ in ("det", "nummod") and c.i < token.i]
    return bool(dets) and dets[0].lower_ in ("a", "an", "one", "another") and (
        token.lower_ in REFERRING_NOUNS or token.lemma_.lower() in PERSON_ROLES)


def _name_of(ent: Any) -> str:
    """A PERSON entity's name: its proper nouns from the first, without titles ("Plus
    Obama" gives "Obama") or a possessive."""
    words = [t for t in ent if t.pos_ == "PROPN" and t.lower_ not in ROLE_WORDS
             and t.lower_ not in _HONORIFICS]
    if not words or not any(c.isalpha() for c in words[0].text):
        return ""
    text = " ".join(t.text for t in ent[words[0].i - ent.start:words[-1].i - ent.start + 1]
                    if t.lower_ not in ROLE_WORDS and t.lower_ not in _HONORIFICS)
    return re.sub(r"[\u2019']s?$", "", text).strip()


def _folded(name: str) -> str:
    """A name compared without case or accents ("Raúl Labrador" is "Raul Labrador")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold())
                   if not unicodedata.combining(c))


def _in_headline(ent: Any) -> bool:
    """Whether ``ent`` is in a headline in title case opening the text ("Anthony Weiner
    Twitter Photo Scandal: Congressman Breaks His Silence"), where the NER takes
    capitalised words for names."""
    sent = ent.sent
    doc = ent.doc
    if sent.start != 0 or "\n" not in doc.text[sent.end_char - 1:sent.end_char + 2] + (
            "\n" if sent.end == len(doc) else ""):
        return False
    return all(t.text[:1].isupper() for t in sent if t.is_alpha and not t.is_stop)


_HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "mr", "mrs", "ms", "dr.", "miss", "sir"})


@dataclass(frozen=True)
class Description:
    """What a definite description says of the person it refers to."""

    noun: str
    modifiers: tuple[str, ...]
    places: tuple[str, ...]
    parties: tuple[str, ...]
    age: str | None

    @classmethod
    def of(cls, head: Any) -> Description | None:
        if not refers_back(head):
            return None
        lefts = [t for t in head.subtree if t.i < head.i and t.dep_ != "det"
                 and not t.is_punct]
        words = [t.lower_ for t in lefts]
        age = next((t.text for t in lefts if t.like_num), None) if "year" in words else None
        noun = person_noun(head) if not age else "year-old"
        office = office_words(head)  # "the A.G.": the attorney general
        if office:
            noun = office[-1]
            words += [w for w in office[:-1] if w in QUALIFIERS]
        parties = tuple(PARTIES[w] for w in words + [head.lower_] if w in PARTIES)
        places = tuple(w for t in lefts if t.ent_type_ in _NAMED and t.lower_ not in PARTIES
                       for w in place_words(t.lower_))
        modifiers = tuple(w for w in words if w in QUALIFIERS)
        return cls(noun, modifiers, places, parties, age)

    def fit(self, profile: Profile, role: bool = True) -> int:
        """How the description fits a person: :data:`FULL`, :data:`PARTIAL` (the
        article leaves a place unsaid, gives the person a nationality the description
        does not: "the president" and "Russian President Vladimir Putin"), or
        :data:`NONE`. ``role=False``: the noun itself is not checked."""
        words = profile.words
        if self.age is not None:
            if self.age not in profile.ages:
                return NONE
        elif self.noun in PARTIES:
            if PARTIES[self.noun] not in profile.parties:
                return NONE
        elif not role:
            pass
        elif self.noun in LEGISLATOR_NOUNS:
            if not words & LEGISLATOR_TITLES:
                return NONE
        elif not words & _class_of(self.noun):
            return NONE
        if any(m not in words for m in self.modifiers):
            return NONE
        if self.parties and profile.parties and not set(self.parties) & profile.parties:
            return NONE
        if self.parties and not profile.parties and self.noun not in PARTIES:
            return PARTIAL if role else NONE
        if self.age is None and self.noun not in PARTIES and \
                (words & OTHER_OFFICE) - set(self.modifiers):
            return NONE  # another office: "Vice President Biden" is not "the president"
        gender = _gender_of(self.noun)
        if gender and profile.genders and gender not in profile.genders:
            return NONE
        places = set(self.places)
        if places and profile.places and not places <= profile.places:
            return NONE
        if places and not profile.places or profile.nationalities - places:
            return PARTIAL  # a place unsaid; "Russian President Vladimir Putin"
        return FULL


#: Person nouns a definite description can refer back with (besides parties and ages).
REFERRING_NOUNS = frozenset().union(*ROLE_CLASSES) | LEGISLATOR_NOUNS | frozenset(
    {"assemblyman", "assemblywoman", "comedian", "host", "actor", "actress", "author",
     "businessman", "businesswoman", "billionaire", "activist", "commentator", "pastor",
     "bishop", "cardinal", "pope", "governor", "leader", "strategist", "pollster",
     "columnist", "economist", "analyst", "professor", "doctor", "coach", "founder",
     "owner", "veteran", "lieutenant", "general", "reporter", "correspondent",
     "interviewer", "student", "blogger", "publisher", "editor", "spokesperson"})


def refers_back(head: Any) -> bool:
    """Whether a subject is a definite description of one person that may refer back:
    "the" and a person noun, an office, a party or an age; no owner ("the governor's
    spokesman"), no "of" phrase ("the president of the company"), no name of its own
    ("the mayor of Hoboken, Dawn Zimmer")."""
    if head.tag_ in ("NNS", "NNPS") or head.pos_ not in ("NOUN", "PROPN") and \
            head.lower_ != "old":
        return False
    children = list(head.children)
    dets = [c for c in children if c.dep_ == "det"]
    if len(dets) != 1 or dets[0].lower_ != "the":
        return False
    if any(c.dep_ in ("poss", "appos") for c in children) or name_after(head) is not None:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in children):
        return False
    word = person_noun(head)
    if office_words(head):
        return True  # "the A.G.", "the Washington gov"
    if head.pos_ == "PROPN" and word not in PARTIES and not head.is_lower:
        return False  # "the White House", "the New York Times"; not "the president"
        # the tagger took for a proper noun
    if head.lower_ == "old":  # "the 48-year-old"
        return any(t.lower_ == "year" for t in head.lefts) and \
            any(t.like_num for t in head.subtree if t.i < head.i)
    return word in PARTIES or word in REFERRING_NOUNS


def person_noun(token: Any) -> str:
    """A noun's word, hyphened to the one before if a person noun ("front-runner")."""
    doc, i = token.doc, token.i
    whole = f"{doc[i - 2].lower_}-{token.lower_}" if i >= 2 else ""
    glued = doc[i - 1].text == "-" and not (doc[i - 2].whitespace_ or doc[i - 1].whitespace_)
    return whole if whole and glued and whole in REFERRING_NOUNS else token.lower_


def says_nothing(head: Any) -> bool:
    """A definite description whose noun says nothing of who speaks ("the man", "the
    woman") and that nothing else describes."""
    return head.lower_ in BARE_PERSON_NOUNS and all(
        c.dep_ in ("det", "punct") for c in head.children)


def name_after(head: Any) -> Any | None:
    """The person named in apposition right after a description, however the parser hung
    it ("The Democrat, Representative Adam B. Schiff of California, said"): the PERSON
    entity starting within two title words after the comma, or None."""
    doc = head.doc
    i = head.right_edge.i + 1 if head.right_edge.i == head.i else head.i + 1
    if i >= len(doc) or doc[i].text != ",":
        return None
    for token in doc[i + 1:i + 4]:
        if token.ent_type_ == "PERSON" and token.ent_iob_ == "B":
            return next(e for e in doc.ents if e.start == token.i)
        if token.lower_ not in ROLE_WORDS and token.lower_ not in _HONORIFICS:
            return None
    return None
