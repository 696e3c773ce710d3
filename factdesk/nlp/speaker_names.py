"""Speakers' names as written: the whole name of a person or body a subject token heads,
where the parser or tagger broke it, and the staff of a person named only by "his" or
"her". Used by :mod:`factdesk.nlp.speakers`; split from it to keep it under 600 lines.

- a name word written with an apostrophe ("O’Neill") is a name word, however tagged;
- a body the NER tagged whose name the parse broke ("the Department of Justice", "The
  Miami-Dade County Police Department") is its whole name;
- a name right after a title ("House Minority Whip Steny Hoyer") is the person's;
- organisations or places joined as one subject ("CNN and NBC reported", "Oklahoma and
  Nebraska said") are named together;
- "his office", "her spokesman": the owner pronoun, resolved to its person later;
- a subject the parser found inside a quotation that closes before its verb gives way
  to the name hung on it outside the quotation ("“... every American,” Chairman Mark
  Meadows said").

Works on a parsed spaCy ``Doc`` (duck-typed; spaCy itself is not imported here).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from factdesk.nlp.aliases import strip_possessive
from factdesk.nlp.source_phrases import PERSON_ROLES, TITLE_WORDS


def compound_chain(subject: Any) -> list[Any]:
    """The subject with the compound words before it, nested ones included: "The New
    Haven Register" is New -> Haven -> Register, "New" a compound of "Haven"."""
    chain = [subject]
    doc = subject.doc
    i = subject.i - 1
    while i >= 0 and doc[i].dep_ in ("compound", "flat") and doc[i].head in chain:
        chain.insert(0, doc[i])
        i -= 1
    return chain



def name_after_title(subject: Any) -> str | None:
    """The name written right after a title the parser made the subject ("House
    Minority Whip Steny Hoyer": "Whip" the subject, "Hoyer" in apposition to it, no
    comma between): the person's name as written; None when no proper-noun apposition
    follows at once, or it is a place ("the governor of Ohio")."""
    doc = subject.doc
    for child in subject.rights:
        if child.dep_ != "appos" or child.pos_ != "PROPN" or \
                child.left_edge.i != subject.i + 1 or child.ent_type_ in ("GPE", "LOC", "NORP"):
            continue
        words = [t for t in compound_chain(child) if t.pos_ == "PROPN"]
        if not words or words[0].i != subject.i + 1 or doc[subject.i + 1].is_punct:
            return None
        name = as_written(words)
        return strip_possessive(name) if sum(c.isalpha() for c in name) >= 2 else None
    return None


#: Bodies that speak jointly under their names: organisations, and places standing for
#: their governments ("Oklahoma and Nebraska said").
_NEWS_BODY_LABELS = frozenset({"ORG", "GPE"})


def coordinated_bodies(subject: Any) -> str | None:
    """Two or more organisations or places the NER tagged, joined as one subject ("CNN
    and NBC reported", "The Times and The Post reported", "Oklahoma and Nebraska said"): all of them as written, from the
    first to the last; None when anything but their names, commas and the conjunction
    stands between (people, "Democrats and Republicans", a body and its members)."""
    if subject.pos_ != "PROPN" or subject.ent_type_ not in _NEWS_BODY_LABELS:
        return None
    conjuncts = [c for c in subject.children if c.dep_ == "conj"]
    if not conjuncts or any(c.ent_type_ not in _NEWS_BODY_LABELS or c.pos_ != "PROPN"
                            for c in conjuncts):
        return None
    doc = subject.doc
    first = next(e for e in doc.ents if e.start <= subject.i < e.end)
    last_token = max(c.i for c in conjuncts)
    last = next(e for e in doc.ents if e.start <= last_token < e.end)
    for token in doc[first.start:last.end]:
        if not (token.ent_type_ in _NEWS_BODY_LABELS or token.is_punct or
                token.dep_ == "cc" or token.dep_ == "det"):
            return None
    start = first.start
    if doc[start].dep_ == "det" and doc[start].is_lower:
        start += 1  # "the Times and the Post": as the rest of the speakers, no "the"
    elif start > 0 and doc[start - 1].dep_ == "det" and doc[start - 1].text == "The":
        start -= 1  # "The New York Times and The Washington Post", both alike
    return doc[start:last.end].text



#: A name word written with an apostrophe inside: "O’Neill", "D’Amato", "N'Diaye".
_APOSTROPHE_NAME = re.compile(r"^[A-Z][a-z]?['’][A-Z][\w'’-]+$")


def name_word(token: Any) -> bool:
    """Whether a word of a PERSON entity is part of the name: a proper noun, or a name
    written with an apostrophe ("O’Neill"), which the tagger takes for an adverb or
    splits when the apostrophe is the typographic ’ of most news text."""
    return token.pos_ == "PROPN" or bool(_APOSTROPHE_NAME.match(token.text))


#: Entity labels of a body that speaks under its own name.
_BODY_LABELS = frozenset({"ORG", "GPE", "FAC"})


def named_body(subject: Any, ent: Any) -> str | None:
    """The whole name of the body a proper-noun subject heads, when the NER tagged it
    and the parser broke it: "the Department of Justice" ("of Justice" a prepositional
    phrase, not a compound), "The Miami-Dade County Police Department" (the hyphen
    breaks the compounds; the NER tags "Miami-Dade County" a place and leaves out the
    rest). The name runs from the first proper noun of the subject's phrase to the end
    of the entity or the subject, whichever is later; None when the subject is no
    proper noun, or a single word the compounds already give."""
    if subject.pos_ != "PROPN":
        return None
    doc = subject.doc
    start = subject.left_edge.i
    while start < subject.i and (doc[start].pos_ != "PROPN" or doc[start].lower_ in TITLE_WORDS
                                 and doc[start].ent_type_ not in _BODY_LABELS):
        start += 1
    if start < subject.i and doc[start].ent_type_ == "PERSON":
        return None  # "Attorney General Jeff Sessions": a person's name, read above
    end = subject.i + 1
    if ent is not None and ent.label_ in _BODY_LABELS and ent.start <= subject.i < ent.end:
        end = max(end, ent.end)
        start = min(start, ent.start)
    while start < end and doc[start].dep_ == "det":
        start += 1
    span = doc[start:end]
    words = [t for t in span if not t.is_punct]
    if len(words) < 2 or any(t.pos_ not in ("PROPN", "ADP", "CCONJ") and t.ent_type_ not in
                             _BODY_LABELS for t in words):
        return None
    if compound_chain(subject)[0].i == start and end == subject.i + 1 and \
            "-" not in span.text:
        return None  # the compounds give it whole, read below as before
    if not (ent is not None and ent.label_ in _BODY_LABELS) and not any(
            t.ent_type_ in _BODY_LABELS for t in span):
        return None
    return strip_possessive(span.text)



def as_written(tokens: list[Any]) -> str:
    """Tokens' text as the document writes it ("al-Sharia", not "al - Sharia"), between
    the first and the last when nothing they leave out stands between them."""
    if not tokens:
        return ""
    doc = tokens[0].doc
    inner = doc[tokens[0].i:tokens[-1].i + 1]
    if all(t in tokens or (t.is_punct and t.text in "-'’.") for t in inner):
        return inner.text
    return " ".join(t.text for t in tokens)



#: Staff and bodies of one person, who may be named only by "his" or "her".
_STAFF_NOUNS = PERSON_ROLES | frozenset({"office", "campaign", "staff", "team", "family",
                                         "spokesman", "spokeswoman", "spokesperson"})
PRONOUN_OF = {"his": "he", "her": "she"}


def owner_pronoun(head: Any) -> Any | None:
    """The "his" or "her" owning a staff or body noun ("his office", "her campaign",
    "his lawyer"), or None."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in _STAFF_NOUNS or \
            head.tag_ not in ("NN", "NNS"):
        return None
    owners = [c for c in head.children if c.dep_ == "poss"]
    if len(owners) != 1 or owners[0].lower_ not in PRONOUN_OF:
        return None
    return _PronounAsSubject(owners[0])


class _PronounAsSubject:
    """An owner pronoun ("his") read as the subject pronoun it stands for ("he"), for
    :func:`_earlier_person_subject`."""

    def __init__(self, token: Any) -> None:
        self.token = token
        self.lower_ = PRONOUN_OF[token.lower_]
        self.sent = token.sent
        self.i = token.i


def owned_phrase(owner: str, phrase: str) -> str:
    """ "his office" owned by "Steve Scalise": "Steve Scalise's office"."""
    words = phrase.split(" ", 1)
    rest = words[1] if len(words) > 1 and words[0].lower() in PRONOUN_OF else phrase
    return f"{owner}'s {rest}"


def other_subject_between(governor: Any, participle: Any, subjects: list[Any]) -> bool:
    """Whether a clause with a subject of its own, no pronoun and none of ``subjects``
    (the governor's), stands between a verb and a participle hung on it: "Rice's
    comments came as Netanyahu turned down an invitation ..., saying": who says it is
    unsure (the parser often hangs the participle on the wrong verb). Not "Mr. Trump
    began his remarks as if he had emerged victorious, saying"."""
    own = {s.lower_ for s in subjects}
    return any(c.dep_ == "advcl" and governor.i < c.i < participle.i and any(
        t.dep_ == "nsubj" and t.pos_ != "PRON" and t.lower_ not in own for t in c.children)
        for c in governor.children)


def quoted_apart(subject: Any, verb: Any, quotes: Sequence[tuple[int, int]]) -> bool:
    """Whether ``subject`` lies in a quotation that does not hold ``verb``: a quotation
    mark stands between them, so the subject is the quoted words'."""
    return any(start <= subject.idx < end and not start <= verb.idx < end
               for start, end in quotes)


def unquoted_conjunct(subject: Any, quotes: Sequence[tuple[int, int]]) -> Any | None:
    """The conjunct or apposition of a quoted ``subject`` that stands outside the
    quotations, a person first; None when there is none."""
    joined = [t for t in subject.subtree if t.dep_ in ("conj", "appos")
              and t.pos_ in ("PROPN", "NOUN") and not any(s <= t.idx < e for s, e in quotes)]
    people = [t for t in joined if t.ent_type_ == "PERSON"]
    return (people or joined or [None])[0]
