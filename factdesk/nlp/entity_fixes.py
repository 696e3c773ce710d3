"""Corrections of the statistical NER where the parse shows it wrong: a thing tagged as a
person.

spaCy's small English model tags brand names used as modifiers as people: "a $43,000
Rolex watch", "the congressman's Twitter account". A name so tagged would be noted as a
person the article talks about, so "He said" after it no longer resolves to the one
person named (two surnames), or resolves to the brand. The parse shows the thing: the
name is a compound modifier of a common noun that carries a price ("a $43,000 Rolex
watch"; a count does not tell: "40 Obama appointees"), or that has an owner ("his
Twitter account") while the name itself is nowhere in the article a subject or an owner
(a person's name is: "Trump's Putin summit" keeps Putin, who says or does something
elsewhere). A name tagged a person where nothing in the parse says otherwise ("she
followed him on Twitter") stays a person.

Works on a parsed spaCy ``Doc`` (duck-typed; spaCy itself is not imported here).
"""

from __future__ import annotations

from typing import Any

#: The label a corrected entity gets.
THING_LABEL = "PRODUCT"
_COMMON_NOUN_TAGS = frozenset({"NN", "NNS"})
_PERSON_ROLES = frozenset({"nsubj", "nsubjpass", "poss", "appos"})


def _modified_noun(ent: Any) -> Any | None:
    """The common noun a name modifies as a compound ("Rolex" of "watch"), or None."""
    root = ent.root
    head = root.head
    if root.dep_ != "compound" or ent.start <= head.i < ent.end:
        return None
    return head if head.tag_ in _COMMON_NOUN_TAGS else None


def _priced(noun: Any) -> bool:
    """ "a $43,000 Rolex watch": a price on the noun."""
    return any(c.dep_ == "nummod" and c.ent_type_ == "MONEY" for c in noun.children)


def _owned(noun: Any) -> bool:
    return any(c.dep_ == "poss" for c in noun.children)


def things_tagged_as_people(doc: Any) -> list[tuple[Any, str]]:
    """The PERSON entities of ``doc`` that the parse shows to be things, each with the
    label it should have."""
    person_words: set[str] | None = None  # read from the whole document only if needed
    found: list[tuple[Any, str]] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        noun = _modified_noun(ent)
        if noun is None:
            continue
        if _priced(noun):
            found.append((ent, THING_LABEL))
        elif _owned(noun) and len(ent) == 1:
            if person_words is None:
                person_words = {t.lower_ for t in doc
                                if t.dep_ in _PERSON_ROLES and t.ent_type_ == "PERSON"}
            if ent.root.lower_ not in person_words:
                found.append((ent, THING_LABEL))
    return found
