"""Which token says a speech verb: the subject the parser gave it, or the one it should have.

Its own subject (of two, the one named: "That group of Republicans, Mr. Corker said on
Fox, was ..."); for a verb coordinated with another, the other's when the two are
joined ("denied it and said"), else the noun right before it ("after a poll in Wyoming
said"); for a participle ("issued a statement saying"), the subject of the verb it
depends on; for an inverted quotation parsed as an attribute, the name after the verb;
for a finite verb left without a subject, the person named right before it. Used by
:mod:`factdesk.nlp.speakers`; split from it to keep it under 600 lines.

Works on a parsed spaCy ``Doc`` (duck-typed; spaCy itself is not imported here).
"""

from __future__ import annotations

from typing import Any

from factdesk.nlp.speaker_names import other_subject_between


def subject_of(verb: Any) -> Any | None:
    """The token that says ``verb``: its own subject; for a verb coordinated with another
    ("denied it and said"), the other's; for a participle ("issued a statement saying",
    "fired back, telling FoxNews.com"), the subject of the verb it depends on; for an
    inverted quotation parsed as an attribute ("…,” summarized Senor.), the name."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        return _named_subject(subjects)
    if verb.dep_ == "conj":
        if not _joined(verb):  # "after a poll in Wyoming said": the noun before speaks
            return _noun_before(verb)
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects[0]
        # "sent her a letter citing ... and saying": the participle it is joined to
        # has its speaker from the verb it depends on
        head = verb.head
        return subject_of(head) if head.tag_ == "VBG" and head.dep_ in ("advcl", "acl") \
            else None
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "acl"):
        governor = verb.head
        if verb.dep_ == "acl":  # "issued a statement saying": who issued it
            if governor.dep_ != "dobj":
                return None
            governor = governor.head
        subjects = [c for c in governor.children if c.dep_ == "nsubj"]
        if other_subject_between(governor, verb, subjects):
            return None  # "Rice's comments came as Netanyahu turned down ..., saying"
        return _named_subject(subjects) if subjects and governor.pos_ in ("VERB", "AUX") \
            else None
    attributes = [c for c in verb.rights if c.dep_ == "attr" and c.pos_ == "PROPN"
                  and c.left_edge.i == verb.i + 1]
    if attributes:
        return attributes[0]
    return _name_right_before(verb)


def _named_subject(subjects: list[Any]) -> Any:
    """The subject that says a verb. Two are a misparse of a speech verb set inside a
    sentence ("That group of Republicans, Mr. Corker said on Fox, was ...") or of a
    description before a name ("The son of Cuban immigrants, Rubio has challenged"):
    the one person named, else the one proper noun beside common nouns, else the first."""
    people = [c for c in subjects if c.ent_type_ == "PERSON"]
    if len(people) == 1:
        return people[0]
    names = [c for c in subjects if c.pos_ == "PROPN"]
    if len(names) == 1 and all(c.pos_ == "NOUN" for c in subjects if c is not names[0]):
        return names[0]
    return subjects[0]


def _name_right_before(verb: Any) -> Any | None:
    """For a finite verb the parser left without a subject, the person named right
    before it, when the parser hung that name elsewhere ("Asked why ..., Attorney
    General Jeff Sessions said he didn't know": "Sessions" the object of "of" before it,
    "said" an auxiliary); None otherwise."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0:
        return None
    doc = verb.doc
    before = doc[verb.i - 1]
    if before.ent_type_ != "PERSON" or before.dep_ in ("nsubj", "nsubjpass") or \
            (verb.i < len(doc) - 1 and doc[verb.i + 1].ent_iob_ == "I"):
        return None
    start = before.i  # the name with its titles: "Attorney General Jeff Sessions"
    while start > verb.sent.start and doc[start - 1].pos_ == "PROPN":
        start -= 1
    if start > verb.sent.start and doc[start - 1].text != ",":
        return None  # "lawyers for both Jesse Jackson Jr. and Sandra Jackson said"
    return before


def _joined(verb: Any) -> bool:
    """Whether a conjunct verb is joined to its head by a conjunction or a comma ("and
    said", ", later said"), as a real coordination is; the parser also makes a conjunct
    of a verb whose own subject it hung elsewhere ("after an alleged poll said")."""
    doc = verb.doc
    lefts = list(verb.lefts)
    if any(c.dep_ in ("cc", "punct") for c in lefts):
        return True
    i = min((c.left_edge.i for c in lefts), default=verb.i) - 1  # "and last year announced"
    return i <= verb.head.i or doc[i].dep_ in ("cc", "punct") or doc[i].is_punct


def _noun_before(verb: Any) -> Any | None:
    """The head of the noun phrase right before ``verb`` ("an alleged poll in Wyoming"),
    climbing out of its prepositional phrases; None when a noun does not stand there."""
    token = verb.doc[verb.i - 1]
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    while token.dep_ in ("pobj", "compound") and token.head.i < verb.i:
        if token.dep_ == "compound":
            token = token.head
            continue
        prep = token.head
        if prep.dep_ != "prep" or prep.head.pos_ not in ("NOUN", "PROPN"):
            break
        token = prep.head
    return token
