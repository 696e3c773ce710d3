"""Who "he", "she" and "the congressman" are: the people an article has named so far,
per paragraph, with the gender honorifics give them ("Mr. Weiner", "Ms. Cordova"), and
the key a person is known by within one article (their surname, never a generational
suffix: "George T. Conway III" is "conway"; "Jr." kept where the writer uses it to tell
two people apart, "Trump Jr.").

A pronoun is resolved to the one person named in its paragraph (or, when it names
none, the one right before: never further back), of the pronoun's gender where the article
tells it (:mod:`factdesk.nlp.person_genders`); else to no one. A person is named by a
PERSON entity, or by the surname of someone the article names in full ("Trump" after
"Donald Trump", "Sanders" after "Sarah Sanders"), however the small model tags it there
(ORG, a common noun). A description referring back ("the former congressman", "the site", "the woman") to
the person or body :mod:`factdesk.nlp.references`, :mod:`factdesk.nlp.body_references`
and :mod:`factdesk.nlp.someone_references` find, else to the description itself.

Works on a parsed spaCy ``Doc`` (duck-typed; spaCy itself is not imported here).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations
from typing import Any

from factdesk.nlp.abbreviations import written_out
from factdesk.nlp.body_references import refers_to_body, resolve_body
from factdesk.nlp.name_folding import strip_possessive
from factdesk.nlp.person_genders import (
    article_genders,
    given_name_gender,
    given_name_genders,
    pronoun_genders,
)
from factdesk.nlp.person_names import (
    first_reference_names,
    given_name,
    has_given_name,
    person_key,
    persons_compatible,
    split_generations,
)
from factdesk.nlp.references import ReferenceResolver, says_nothing, titles_before
from factdesk.nlp.someone_references import refers_to_someone, someone_before
from factdesk.nlp.source_phrases import PERSON_ROLES, noun_phrase
from factdesk.nlp.speech_verbs import speech_verb

_HONORIFIC_GENDERS = {"mr.": "m", "mr": "m", "ms.": "f", "ms": "f", "mrs.": "f",
                      "mrs": "f", "miss": "f"}
_PRONOUN_GENDERS = {"he": "m", "she": "f"}
#: Entity labels a surname tagged elsewhere as a person cannot have and still be them.
_NOT_PERSON_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "LANGUAGE",
                                "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY",
                                "ORDINAL", "CARDINAL"})


def surname_key(name: str) -> str:
    """The surname of a name, plain, without a possessive or a generational suffix
    ("George T. Conway III" gives "conway"): :func:`~factdesk.nlp.person_names.person_key`."""
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


def known_people(doc: Any, key: Callable[[str], str] = surname_key,
                 not_people: set[str] = frozenset()) -> dict[str, set[str]]:
    """Person key -> the PERSON entities' texts, for the people the article names as
    people: with a given name ("Donald Trump"), an honorific ("Mr. Trump") or a title
    ("President Trump"); not a one-word name the NER may have taken for a person
    ("Twitter"), nor one of ``not_people``."""
    known: dict[str, set[str]] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        before = doc[ent.start - 1].lower_ if ent.start else ""
        titled = any(t[:1].isupper() for t in titles_before(ent))  # not "the official"
        if has_given_name(ent.text) or before in _HONORIFIC_GENDERS or titled:
            k = key(ent.text)
            if k and k not in not_people:
                known.setdefault(k, set()).add(ent.text)
    return known


_named_in: list[Any] = [None, {}]  # the last document read and its known_people()


def people_of(doc: Any) -> dict[str, set[str]]:
    """:func:`known_people` of ``doc`` by surname, kept for the document last asked
    about (its speech verbs' subjects ask one by one)."""
    if _named_in[0] is not doc:
        _named_in[:] = [doc, known_people(doc)]
    return _named_in[1]


def may_name_person(token: Any) -> bool:
    """Whether ``token`` may be a person's surname the NER did not tag PERSON: a
    capitalised word heading its phrase, not a place or a number (a cheap test before
    :func:`person_mentioned`)."""
    return token.is_alpha and token.text[:1].isupper() and token.dep_ != "compound" and \
        token.ent_type_ != "PERSON" and token.ent_type_ not in _NOT_PERSON_LABELS


def person_mentioned(token: Any, known: dict[str, set[str]],
                     key: Callable[[str], str] = surname_key) -> str | None:
    """The name ``token`` gives a person of ``known`` when the NER did not tag it
    PERSON: a surname ("Trump" tagged ORG, "Sanders" a common noun), or the last word of
    a full name tagged otherwise ("Bernie Sanders" as ORG); None for anything else, a
    name modifying a noun ("the Trump administration") or inside another name ("Trump
    Tower") included."""
    if not may_name_person(token):
        return None
    k = key(token.text)
    if k not in known:
        return None
    if token.ent_iob_ in ("B", "I"):
        ent = next(e for e in token.doc.ents if e.start <= token.i < e.end)
        if len(ent) > 1:
            return ent.text if ent.text in known[k] and token.i == ent.end - 1 else None
    return token.text


def person_keys(doc: Any, known: dict[str, set[str]],
                key: Callable[[str], str] = surname_key) -> Callable[[Any], str | None]:
    """For a token, the key of the person of ``known`` it names (tagged PERSON or
    not), else None."""
    tagged = {i: k for e in doc.ents if e.label_ == "PERSON" and (k := key(e.text)) in known
              for i in range(e.start, e.end)}

    def person_of(token: Any) -> str | None:
        if token.ent_type_ == "PERSON":
            return tagged.get(token.i)
        name = person_mentioned(token, known, key)
        return key(name) if name else None
    return person_of


def one_person(doc: Any, known: dict[str, set[str]],
               key: Callable[[str], str] = surname_key) -> set[str]:
    """The keys of ``known`` every mention of which is one person, as far as their
    given name can tell: each mention has it, or the article named one person of that
    surname in full first and wrote the surname alone after
    (:func:`~factdesk.nlp.person_names.first_reference_names`). Not "Trump" beside "Ivanka
    Trump" when the article wrote "President Trump" first or titled only the short form:
    "Ivanka" says nothing of him."""
    mentions = [(" ".join([*titles_before(e), e.text]), e.label_) for e in doc.ents
                if e.label_ == "PERSON"]
    introduced = {key(full) for full in first_reference_names(mentions).values()}
    return {k for k, names in known.items()
            if k in introduced or all(has_given_name(n) for n in names)}


def tracker_for(doc: Any, quotes: list[tuple[int, int]]) -> SpeakerTracker:
    """The tracker of one article: its person key, the people it names, and their
    genders where the article tells them (honorifics, its own pronouns, given names)."""
    key = article_keys(doc)
    honorifics = honorific_genders(doc, key)
    not_people = never_honoured(doc, honorifics, key)
    known = known_people(doc, key, not_people)
    single = one_person(doc, known, key)
    genders = article_genders(
        honorifics, pronoun_genders(doc, person_keys(doc, known, key), quotes),
        given_name_genders((n for k in single for n in known[k]), key))
    return SpeakerTracker(genders, not_people, key, known, quotes, set(known) - single)


class SpeakerTracker:
    """People named so far, per paragraph, for resolving "he said" where unambiguous."""

    def __init__(self, genders: dict[str, str] | None = None,
                 not_people: set[str] | None = None,
                 key: Callable[[str], str] = surname_key,
                 known: dict[str, set[str]] | None = None,
                 quotes: list[tuple[int, int]] | None = None,
                 shared: set[str] | None = None) -> None:
        self.current: list[str] = []
        self.previous: list[str] = []
        self.named_outside_quotes = False  # this paragraph names someone not quoted
        self.genders = genders or {}
        self.not_people = not_people or set()
        self.key = key
        self.known = known or {}
        # the words of their names as written, to pass over all other words at once
        self._words = {strip_possessive(w).lower() for names in self.known.values()
                       for n in names for w in n.split()}
        self.last_subject: str | None = None  # key of the last naming sentence's subject
        self.quotes = quotes or []  # quotation spans (characters)
        self.shared = shared or set()  # keys of a surname more than one person may bear
        self._resolver: tuple[Any, ReferenceResolver] | None = None

    def start_paragraph(self) -> None:
        """A new paragraph: the one ending becomes the previous one, whether it named
        anyone or not (a pronoun never reaches two paragraphs back)."""
        if not self.current:
            self.last_subject = None
        self.previous = self.current
        self.current = []
        self.named_outside_quotes = False

    def mentioned(self, sent: Any) -> list[tuple[int, str]]:
        """(token index, name) of the people of the article a sentence names without
        the NER tagging them PERSON (:func:`person_mentioned`)."""
        return [(t.i, name) for t in sent if t.lower_ in self._words
                and (name := person_mentioned(t, self.known, self.key)) is not None]

    def note(self, name: str | None, is_person: bool = True, quoted: bool = False) -> None:
        """A person this paragraph names; ``quoted``: only inside a quotation
        ("Attorney General Barr" in Warren's tweet), which does not keep a later "she
        wrote" from the person named a paragraph before."""
        if name and is_person and self.key(name) not in self.not_people:
            self.current.append(name)
            self.named_outside_quotes = self.named_outside_quotes or not quoted

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
        return [n for n in names if self.gender_of(n) in (wanted, None)]

    def gender_of(self, name: str) -> str | None:
        """The gender the article gives a person (:func:`tracker_for`), else the one of
        the given name ``name`` itself carries; the given name first for a surname more
        than one person may bear ("Donald Trump" beside "Ivanka Trump", whose "her" must
        not make him a woman). None when unknown."""
        own = given_name_gender(given_name(name)) if has_given_name(name) else None
        if own is not None and self.key(name) in self.shared:
            return own
        return self.genders.get(self.key(name)) or own

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
        "he" or "she", of a gender the article does not contradict (honorific, its own
        pronouns, given name: :mod:`factdesk.nlp.person_genders`). Of two or more, the
        subject of the last sentence that named someone, if it is one of them ("Felipe
        Calderon ... has also dismissed Trump's idea. “...,” he said."). None when no
        one fits, or more than one and the subject none of them. "I" (in a quotation
        running over sentences: "I said, ...") is the one person named, of either
        gender; any other pronoun is no one ("they said" is not one person)."""
        if pronoun not in _PRONOUN_GENDERS and pronoun != "i":
            return None  # "they", "we", "that": not one person named before
        # the previous paragraph only when this one names no one outside quotations: a
        # "he" after "Nancy Pelosi called ..." is no one, not the man named a paragraph
        # before; a "she wrote" after a quotation naming "Attorney General Barr" is the
        # woman named before it
        pool = self._of_gender(self.current, pronoun)
        if not pool and not self.named_outside_quotes:
            pool = self._of_gender(self.previous, pronoun)
        if not pool:
            return None
        single = self._single(pool)
        if single is None and self.last_subject in self.known and pronoun != "i":
            single = self._single([n for n in pool if self.key(n) == self.last_subject])
        return single

    def main_subject(self, sent: Any) -> str | None:
        """The person the main clause's subject is, read before the sentence's own names
        are noted: a name (PERSON, or a surname of someone named in full), or a "he" or
        "she" resolved; one so resolved is noted, so a clause that states nothing ("He
        defended keeping the embargo.") keeps them named for the next paragraph. None
        for any other subject, or one inside a quotation (“He is a faker.”)."""
        subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")),
                       None)
        if subject is None or any(s <= subject.idx < e for s, e in self.quotes):
            return None
        if subject.ent_type_ == "PERSON":
            return next(e for e in sent.ents if e.start <= subject.i < e.end).text
        if subject.lower_ in _PRONOUN_GENDERS:
            name = self.resolve_pronoun(subject.lower_)
            if name:
                self.note(name)
            return name
        return person_mentioned(subject, self.known, self.key)

    def described_subject(self, sent: Any) -> tuple[set[int], str] | None:
        """For a main clause whose subject is one person described by whom they work
        for, a person named ("Strzok’s attorney, meanwhile, blasted the bureau"): the
        token indices of that name, which a later "he" does not stand for ("He added,
        “...”" is the attorney's), and the description, which it does. None otherwise
        (a plural, "Strzok’s lawyers"; an owner that is no name, "his lawyer")."""
        subject = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.tag_ != "NN" or subject.lower_ not in PERSON_ROLES \
                or any(s <= subject.idx < e for s, e in self.quotes):
            return None
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        if owner.ent_type_ == "PERSON":
            ent = next(e for e in sent.doc.ents if e.start <= owner.i < e.end)
            return set(range(ent.start, ent.end)), noun_phrase(subject)
        if person_mentioned(owner, self.known, self.key) is not None:  # "Strzok" as ORG
            return {owner.i}, noun_phrase(subject)
        return None

    def sentence_done(self, subject: str | None, named: bool) -> None:
        """After a sentence whose main subject is ``subject`` (:meth:`main_subject`):
        when it named someone (``named``: a person, or a speaker) or its subject is a
        person, that subject is the one a later "he" of two candidates stands for."""
        if subject or named:
            self.last_subject = self.key(subject) if subject else None
