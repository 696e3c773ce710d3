"""Speakers described by common nouns: whether a phrase names a source a checker can look
up, and how it reads.

A described source says whose or which: it names a body or a place ("Ukrainian
officials", "Wal-Mart's appeal"), has an owner ("the president's budget director", "his
lawyer"), a prepositional phrase ("a statement from the committee"), a jurisdiction
("federal officials", "administration officials") or what the person knows ("a person
briefed on the matter", "people familiar with the talks"); or it is a role that is a
source by itself ("prosecutors", "police"), or an office one person holds ("the attorney
general"), or an institution that speaks for itself ("the military"). Not: a bare
common noun ("records", "officials"), nor an organisation known only through a pronoun
("his campaign"), nor a phrase whose only description is a time ("the congressman over
the weekend").

Works on a parsed spaCy ``Doc`` (duck-typed; spaCy itself is not imported here).
"""

from __future__ import annotations

from typing import Any

TITLE_WORDS = frozenset(
    """president prime minister secretary general prosecutor attorney governor mayor
    spokesman spokeswoman spokesperson senator rep representative chancellor king queen
    chief commander head director official officials minister's mr mrs ms dr sir
    lieutenant colonel captain sergeant gen col lt sgt deputy foreign defence defense
    state interior vice ambassador envoy leader chairman chairwoman""".split()
)

#: Heads of a role phrase: an office one person holds ("the attorney general", "the
#: governor", "the prime minister").
ROLE_HEADS = frozenset("""president general governor mayor minister secretary senator
    chancellor spokesman spokeswoman spokesperson ambassador commissioner sheriff
    prosecutor chairman chairwoman premier""".split())


def is_role(head: Any) -> bool:
    """Whether a common-noun subject is an office held by one person: "the attorney
    general", "the prime minister", "the state's governor" (a determiner or an owner,
    then only title words): not "a spokesman", not "officials"."""
    if head.lower_ not in ROLE_HEADS or head.tag_ in ("NNS", "NNPS"):
        return False
    lefts = list(head.lefts)
    if not lefts or lefts[0].lower_ != "the":
        return False
    return all(t.lower_ in TITLE_WORDS or t.lower_ in ROLE_HEADS or t.lower_ == "attorney"
               for t in lefts[1:])


_NAMED_LABELS = frozenset({"ORG", "GPE", "NORP", "PERSON", "FAC", "LOC"})
#: Common nouns that are a source by what they are, though unnamed: a role in an
#: institution ("prosecutors", "police", "the governor") or the one institution of the
#: story's country that speaks for itself ("the military said", as the White House
#: does) can be checked with it; bare "officials" or "authorities" cannot.
SOURCE_NOUNS = frozenset(
    """prosecutor prosecutors police spokesman spokeswoman spokesperson governor mayor
    president minister ministry court judge coroner sheriff military army navy""".split())


#: People who speak for someone or know something, as a described source's head: with
#: an owner ("his lawyer"), a jurisdiction ("federal officials") or what they know ("a
#: person briefed on the matter") they are a source; bare ("officials") they are not.
PERSON_ROLES = frozenset(
    """official aide adviser advisor lawyer attorney counsel spokesman spokeswoman
    spokesperson investigator detective agent officer prosecutor lawmaker legislator
    staffer source person people""".split())
#: Adjectives naming the body a person works for ("federal officials", "state
#: investigators"); not those that only rank them ("senior officials").
JURISDICTION_ADJECTIVES = frozenset(
    """federal state local municipal city county provincial regional national
    international military congressional presidential judicial diplomatic
    governmental""".split())
_TIME_LABELS = frozenset({"DATE", "TIME"})


def describing_prep(prep: Any) -> bool:
    """A prepositional phrase that says whose or which ("from the committee", "on the
    matter"), not when ("over the weekend", "on Monday")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and prep.dep_ == "prep" and \
        all(o.ent_type_ not in _TIME_LABELS for o in objects)


def _described_person(head: Any) -> bool:
    """ "his lawyer", "federal officials", "administration officials", "a person briefed
    on the matter", "people familiar with the talks"."""
    if head.lemma_.lower() not in PERSON_ROLES and head.lower_ not in PERSON_ROLES:
        return False
    for child in head.children:
        if child.dep_ == "poss":
            return True
        if child.i < head.i and (child.lower_ in JURISDICTION_ADJECTIVES or (
                child.dep_ == "compound" and child.pos_ == "NOUN")):
            return True
        if child.i > head.i and child.dep_ in ("acl", "amod") and any(
                describing_prep(t) for t in child.subtree):
            return True
    return False


def described_source(head: Any) -> bool:
    """Whether a common-noun subject describes a source a checker can look up (the module
    doc says which do)."""
    if head.lower_ in SOURCE_NOUNS or head.lemma_.lower() in SOURCE_NOUNS:
        return True
    if _described_person(head):
        return True
    for token in head.subtree:
        if token.i > head.i and token.dep_ != "prep" and token.head.i == head.i:
            continue  # a clause after the head ("records that ...") says nothing of it
        if token.ent_type_ in _NAMED_LABELS or (token.pos_ == "PROPN" and token.i != head.i):
            return True
    if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in head.children):
        return True
    return any(describing_prep(c) for c in head.rights)


PHRASE_TOKENS = 12  # a speaker described by common nouns: at most this many tokens
_LEADING_WORDS = frozenset({"advmod", "cc", "preconj", "mark", "punct"})
#: "all", "both", "each" after a subject belong to the verb, not to the source.
_FLOATING_QUANTIFIERS = frozenset({"all", "both", "each"})


def noun_phrase(head: Any) -> str:
    """A common-noun speaker as written: the head with its left modifiers ("the
    president's budget director"), and the prepositional phrase right after it when the
    whole stays within :data:`PHRASE_TOKENS` ("a statement from the committee"), or else
    that phrase up to its object ("an aide to the committee chairman"). A leading adverb
    ("even"), clauses, later phrases and a phrase of time ("over the weekend") are left
    out; a participle or adjective saying what the person knows is kept ("a person
    briefed on the matter")."""
    doc = head.doc
    start = head.left_edge.i
    while start < head.i and (doc[start].dep_ in _LEADING_WORDS or doc[start].is_punct):
        start += 1
    start = max(start, head.i + 1 - PHRASE_TOKENS)
    end = head.i + 1
    known = next((c for c in head.rights if c.dep_ in ("acl", "amod") and c.i == end
                  and any(describing_prep(t) for t in c.subtree)), None)
    if known is not None and known.right_edge.i + 1 - start <= PHRASE_TOKENS:
        end = known.right_edge.i + 1  # "a person briefed on the matter"
    node = head
    while True:  # "an aide to the committee chairman[, who spoke on condition ...]"
        prep = next((c for c in node.rights if c.dep_ == "prep" and c.i == end), None)
        if prep is None or not describing_prep(prep):
            break
        if prep.right_edge.i + 1 - start <= PHRASE_TOKENS:
            end = prep.right_edge.i + 1
            break
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if not objects or objects[0].left_edge.i != prep.i + 1 or \
                objects[0].i + 1 - start > PHRASE_TOKENS:
            break
        node = objects[0]
        end = node.i + 1
    end = _joint_place_end(doc, end, start)
    while end - 1 > head.i and (doc[end - 1].is_punct or (
            doc[end - 1].lower_ in _FLOATING_QUANTIFIERS and doc[end - 1].pos_ != "NOUN")):
        end -= 1  # "major corporations like Marriott, Apple and American Airlines [all]"
    return natural_case(doc[start:end])


def _joint_place_end(doc: Any, end: int, start: int) -> int:
    """Where a phrase ending in a named place or body ends when "and" another of the
    same kind follows it: "attorneys general in Utah and New Mexico" (which the parser
    may hang on "attorneys"), not "in Utah and New Mexico prosecutors" (a noun of its
    own after the name). ``end`` when nothing such follows."""
    last = doc[end - 1]
    if end + 1 >= len(doc) or last.ent_type_ not in _NAMED_LABELS or \
            doc[end].lower_ not in ("and", "or"):
        return end
    ent = next((e for e in doc.ents if e.start == end + 1), None)
    if ent is None or ent.label_ != last.ent_type_ or ent.end - start > PHRASE_TOKENS or (
            ent.end < len(doc) and doc[ent.end].pos_ in ("NOUN", "PROPN")):
        return end
    return ent.end


def natural_case(phrase: Any) -> str:
    """A common-noun phrase as it reads mid-sentence: the capital a sentence's first word
    takes is dropped ("Prosecutors said" gives "prosecutors", "The Ukrainian official"
    "the Ukrainian official"); a proper noun, a named entity or an acronym keeps it."""
    first = phrase[0]
    text = phrase.text
    if (first.is_sent_start and first.pos_ != "PROPN" and not first.ent_type_
            and first.text[:1].isupper() and not first.text[1:].isupper()):
        return first.text[:1].lower() + text[1:]
    return text

