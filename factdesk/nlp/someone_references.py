"""References back to someone the article never names: "The woman told the New York
Daily News ..." after "a 21-year-old female college student in Seattle"; "the man asks"
after "an unidentified young man".

A definite noun that says no more than a gender ("the woman", "the man") stands for the
most recent person the article introduced with "a" whose words give that gender (the
noun or a modifier: "female", "young man"); the speaker is that description as written,
a described source. Nothing so introduced: no speaker ("the man said" names no one).
People the article names, and "the former official" after an unnamed prosecutor, are
:mod:`factdesk.nlp.references`'.

Works on a parsed spaCy ``Doc`` (duck-typed; spaCy itself is not imported here).
"""

from __future__ import annotations

from typing import Any

from factdesk.nlp.name_folding import strip_possessive
from factdesk.nlp.references import REFERRING_NOUNS
from factdesk.nlp.source_phrases import PERSON_ROLES, noun_phrase

#: Words that say a person is a woman or a man, in a noun or its modifier ("a 21-year-old
#: female college student", "a young man").
_GENDER_WORDS = {"f": frozenset({"woman", "female", "girl", "lady", "mother", "wife",
                                  "daughter", "sister"}),
                 "m": frozenset({"man", "male", "boy", "guy", "father", "husband", "son",
                                 "brother"})}
_SOMEONE_NOUNS = frozenset({"woman", "man", "girl", "boy", "guy", "lady"})
_PERSON_HEADS = REFERRING_NOUNS | PERSON_ROLES | _SOMEONE_NOUNS | frozenset(
    {"student", "worker", "employee", "voter", "resident", "nurse", "teacher", "mother",
     "father", "veteran", "member", "supporter", "protester", "witness", "victim"})


def refers_to_someone(head: Any) -> bool:
    """ "the woman", "the man": a definite noun that says no more than a gender, which
    can only stand for someone the article introduced before ("a 21-year-old female
    college student in Seattle")."""
    return head.lower_ in _SOMEONE_NOUNS and head.tag_ == "NN" and head.n_lefts > 0 and \
        all(c.dep_ == "det" and c.lower_ == "the" for c in head.lefts)


def someone_before(head: Any) -> tuple[str, bool] | None:
    """The most recent person the article introduced with "a" before ``head`` whose
    words give the same gender ("The woman told the New York Daily News" after "a
    21-year-old female college student in Seattle"), as written, or None; with whether
    it is a person's name: the name given in apposition ("A woman from Ohio, Jane Doe,
    testified") rather than the description."""
    wanted = _GENDER_WORDS["f" if head.lower_ in _GENDER_WORDS["f"] else "m"]
    doc = head.doc
    for token in reversed(doc[:head.left_edge.i]):
        if token.tag_ != "NN" or token.lower_ not in _PERSON_HEADS:
            continue
        lefts = list(token.lefts)
        if not lefts or lefts[0].dep_ != "det" or lefts[0].lower_ not in ("a", "an"):
            continue
        if ({token.lower_} | {t.lower_ for t in lefts}) & wanted:
            name = _name_in_apposition(token)
            return (name, True) if name else (_description(token), False)
    return None


def _description(person: Any) -> str:
    """The phrase introducing someone, as written, without a name in apposition to
    another noun in it: "a woman from the office of the senator" of "..., Jane Doe"."""
    phrase = noun_phrase(person)
    for token in person.subtree:
        if token.dep_ == "appos" and token.ent_type_ == "PERSON":
            named = person.doc[token.left_edge.i:token.right_edge.i + 1].text
            cut = phrase.find(", " + named)
            if cut > 0:
                return phrase[:cut]
    return phrase


def _name_in_apposition(person: Any) -> str | None:
    """The PERSON name in apposition to the noun that introduces someone
    (:func:`apposed_name`), as the article writes it."""
    token = apposed_name(person)
    if token is None:
        return None
    entity = next(e for e in person.doc.ents if e.start <= token.i < e.end)
    return strip_possessive(entity.text)


def apposed_name(head: Any) -> Any | None:
    """The PERSON name (its head token) in apposition to a noun phrase describing
    someone: to its head ("A woman, Jane Doe, testified") or, as the parser often hangs
    it, to the object of a prepositional phrase in it, however deep ("A woman from
    Ohio, Jane Doe"; "a spokesman for the company, John Smith"): news style names the
    one the whole phrase describes so. Not the name of another person or role in it,
    whose staff the phrase describes ("a spokeswoman for the governor, Andrew M.
    Cuomo"; "a woman from the office of the senator, Jane Doe"; "a lawyer for the
    family of the victim, Botham Jean"), nor a name inside a clause of the phrase ("a
    woman who works for the senator, Jane Doe")."""
    for token in head.subtree:
        if token.dep_ != "appos" or token.ent_type_ != "PERSON" or token.pos_ != "PROPN":
            continue
        if names_another(token, head):
            continue  # the governor's name, not his spokeswoman's
        owner = token.head
        while owner.i != head.i and owner.dep_ == "pobj" and owner.head.dep_ == "prep":
            owner = owner.head.head
        if owner.i == head.i:
            return token
    return None


def names_another(name: Any, head: Any) -> bool:
    """Whether the PERSON name ``name`` (its head token) in apposition in the phrase of
    ``head`` names another person of the phrase, not the one it describes: the noun it
    follows ("the governor, Andrew M. Cuomo"), or it hangs on, is a person or a role
    other than ``head`` ("a spokesman for the mayor, Bill de Blasio": the mayor's
    name, however the parser attaches it). Not when ``head`` is no person: "the
    statement from Grimm's attorney, William McGinley" is the attorney's."""
    if head.lower_ not in _PERSON_HEADS:
        return False
    doc = head.doc
    before = name.left_edge.i - 1
    while before > head.i and doc[before].is_punct:
        before -= 1
    return any(noun.i != head.i and noun.lower_ in _PERSON_HEADS
               for noun in (name.head, doc[before]) if noun.i >= head.left_edge.i)


def staff_of_named(head: Any) -> str | None:
    """ "Andrew M. Cuomo's aide" for "an aide in the office of the governor, Andrew M.
    Cuomo": a spokesman, aide or lawyer whose phrase names the person they work for
    (:func:`names_another`), as a described source naming that person; else None."""
    if head.lower_ not in PERSON_ROLES:
        return None
    for token in head.subtree:
        if token.dep_ == "appos" and token.ent_type_ == "PERSON" and \
                token.pos_ == "PROPN" and names_another(token, head):
            entity = next(e for e in head.doc.ents if e.start <= token.i < e.end)
            return f"{strip_possessive(entity.text)}'s {head.text.lower()}"
    return None
