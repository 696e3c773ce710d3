"""References back to an organisation: "the site said", "the company says", "the group
said", after the body was named ("BigGovernment.com, a website run by ...", "Wal-Mart
Stores Inc.", "Secure America Now, a conservative group").

A definite description of one body ("the" and a body noun; no owner, no "of" phrase, no
name of its own) is the most recent organisation named before it that the article
describes as of the same kind: an apposition ("Secure America Now, a conservative
group"), the noun in its name ("the State Department" for "the department", "MedStar
Washington Hospital Center" for "the hospital") or a mark
of its kind in its name ("Wal-Mart Stores Inc." is a company, "BigGovernment.com" a site,
"The New York Times" a paper; "Boston Consulting Group" is not "the group"). Nothing of that kind named before: no speaker, as
for any bare common noun ("the company said" names no one a checker can look up).

Works on a parsed spaCy ``Doc`` (duck-typed; spaCy itself is not imported here).
"""

from __future__ import annotations

from typing import Any

#: Words of the same kind of body, as an apposition calls it ("a website run by ..."):
#: a description's noun refers to a body given any.
BODY_CLASSES: tuple[frozenset[str], ...] = tuple(frozenset(c.split()) for c in (
    "company firm corporation retailer maker manufacturer business chain bank insurer "
    "airline",
    "site website blog",
    "newspaper paper",
    "magazine",
    "group organization organisation association coalition pac alliance foundation",
    "committee panel",
    "department ministry agency",
    "office",
    "hospital clinic",
    "university college school",
))
#: What a body's own name says of its kind ("Wal-Mart Stores Inc.", "BigGovernment.com",
#: "The New York Times"); a name says no more than that ("Boston Consulting Group" is
#: not the group a story is about).
NAME_MARKS = {"company": {"inc.", "inc", "corp.", "corp", "co.", "corporation", "company"},
              "site": {".com"}, "website": {".com"},
              "newspaper": {"times", "post", "journal", "tribune", "herald", "gazette"},
              "paper": {"times", "post", "journal", "tribune", "herald", "gazette"}}
BODY_NOUNS = frozenset().union(*BODY_CLASSES)
#: Nouns a body's name ends in when it is one of them ("the State Department", "the
#: Republican State Committee"); not "group" ("Boston Consulting Group" is a company).
NAMED_BY_NOUN = frozenset({"department", "ministry", "agency", "office", "committee",
                           "panel", "magazine", "hospital", "clinic", "university",
                           "college", "school"})
_BODY_LABELS = frozenset({"ORG", "FAC"})
_APPOSITION_TOKENS = 14


def refers_to_body(head: Any) -> bool:
    """Whether a subject is "the" and one body noun ("the company", "the site"), with
    no owner, "of" phrase or name in apposition of its own."""
    if head.lower_ not in BODY_NOUNS or head.tag_ != "NN":
        return False
    children = list(head.children)
    dets = [c for c in children if c.dep_ == "det"]
    if len(dets) != 1 or dets[0].lower_ != "the":
        return False
    return not any(c.dep_ in ("poss", "appos", "compound") or
                   (c.dep_ == "prep" and c.lower_ == "of") for c in children)


def _fits(name: Any, noun: str, kind: frozenset[str]) -> bool:
    """Whether an organisation's mention (a span) says it is of the description's kind:
    its apposition up to the apposition's noun ("Secure America Now, a conservative
    group"), an office's noun in its name ("the State Department" for "the
    department"), or a mark of its kind in its name ("Inc.", ".com", "Times")."""
    for child in name.root.rights:
        if child.dep_ == "appos" and child.i >= name.end and \
                {t.lower_ for t in child.subtree if t.i <= child.i} & kind:
            return True
    names = {t.lower_ for t in name}
    if any(t.lower_.endswith(".com") for t in name):
        names.add(".com")
    return (noun in names and noun in NAMED_BY_NOUN) or bool(
        names & NAME_MARKS.get(noun, set()))


def _bodies(doc: Any) -> list[Any]:
    """The organisations a text names, in order: entities of an organisation's label,
    and web addresses the NER leaves out ("BigGovernment.com")."""
    found = [e for e in doc.ents if e.label_ in _BODY_LABELS]
    found += [doc[t.i:t.i + 1] for t in doc
              if not t.ent_type_ and (t.like_url or t.lower_.endswith(".com"))]
    return sorted(found, key=lambda span: span.start)


def resolve_body(head: Any) -> str | None:
    """The organisation a body description refers back to, as the article names it, or
    None."""
    kinds = [c for c in BODY_CLASSES if head.lower_ in c]  # one class per noun
    if not kinds:
        return None
    start = head.left_edge.i
    for body in reversed([b for b in _bodies(head.doc) if b.end <= start]):
        if _fits(body, head.lower_, kinds[0]):
            text = body.text
            return text[4:] if text.lower().startswith("the ") else text
    return None
