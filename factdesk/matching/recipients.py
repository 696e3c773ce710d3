"""Two acts of one kind done to two people: the "to whom" slot of two claims differs.

"The package sent to Brennan was delivered to CNN" and "The package sent to Clapper was
intercepted before it reached CNN" tell the same kind of act, but the packages are two:
one outlet naming another recipient is no other account of one fact, as another
speaker or doer may be ("Joe Biden said" / "Hunter Biden said"). Read from the words
just before each name (no parse): the name stands after "to", "for", "addressed" or
"against", titles and the like between ("addressed to former Director of National
Intelligence James Clapper", "the package for Clapper"). Namesakes are left to the
actor conflict (one may be a slip: "addressed to Hillary Clinton" / "to Bill Clinton").

Used by :func:`factdesk.matching.relations.decide` on the actor conflicts that
:mod:`factdesk.matching.contradictions` finds.
"""

from __future__ import annotations

from factdesk.matching.negation_words import WORD_PATTERN
from factdesk.model.models import Discrepancy
from factdesk.nlp.name_folding import surnames_match

#: Words after which a name is the one an act was done to, for or against.
RECIPIENT_MARKS = frozenset({"to", "for", "addressed", "against", "toward", "towards"})
#: Lower-case words that may stand between the mark and the name ("to *the former*
#: director ... Clapper"); capitalised words (titles, offices) are skipped as well.
_BETWEEN = frozenset({"the", "former", "then", "ex", "of", "late", "current", "sen",
                      "rep", "mr", "mrs", "ms", "dr"})
_REACH = 7  # at most this many words between the mark and the name
#: Words before "to" that make it no act's recipient: a source ("according to"), a
#: cause or a closeness ("thanks to", "close to", "married to").
_NOT_AN_ACT = frozenset({"according", "thanks", "due", "owing", "next", "close", "closer",
                         "prior", "similar", "related", "married", "loyal", "adviser",
                         "advisor", "aide", "spokesman", "spokeswoman", "spokesperson"})


def recipient_slot(text: str, name: str) -> bool:
    """Whether ``name`` (its last word found in ``text``) stands where an act's
    recipient does: "addressed to Mr. Clapper", "the package for Clapper", "addressed
    Brennan"."""
    last = name.split()[-1] if name.split() else ""
    if not last:
        return False
    position = -1
    for match in WORD_PATTERN.finditer(text):
        if match.group() == last:
            position = match.start()
            break
    if position < 0:
        return False
    before = [m.group() for m in WORD_PATTERN.finditer(text[:position])]
    for k in range(len(before) - 1, max(len(before) - 1 - _REACH, -1), -1):
        word = before[k]
        low = word.lower()
        if low in RECIPIENT_MARKS:
            earlier = before[k - 1].lower() if k else ""
            return not (low == "to" and earlier in _NOT_AN_ACT)
        if word[:1].isupper() or low in _BETWEEN:
            continue  # "Director of National Intelligence James", "former", "Mr."
        return False
    return False


def recipient_of_another_event(a_text: str, b_text: str, found: list[Discrepancy],
                               outlets: tuple[str, str]) -> Discrepancy | None:
    """For an actor conflict between two names that each stand as the recipient of the
    act (and are no namesakes): the note that the claims tell two acts of one kind, or
    None."""
    actor = next((d for d in found if d.kind == "actor" and d.severity == "conflict"), None)
    if actor is None or not actor.a_text or not actor.b_text:
        return None
    if surnames_match(actor.a_text.split()[-1], actor.b_text.split()[-1]):
        return None  # namesakes: one may be a slip
    if not (recipient_slot(a_text, actor.a_text) and recipient_slot(b_text, actor.b_text)):
        return None
    who_a, who_b = outlets[0] or "One article", outlets[1] or "the other"
    return Discrepancy(
        "actor", "vague",
        f"{who_a} tells of {actor.a_text} as the one it was done to where {who_b} tells of "
        f"{actor.b_text}: likely two acts of one kind, not one fact told two ways.",
        actor.a_text, actor.b_text)
