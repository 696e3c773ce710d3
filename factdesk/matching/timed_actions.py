"""Whether two claims' dates time the same action, so that they can disagree.

"Documents released on Friday" and "pleaded guilty ... Wednesday morning" give two
days for two actions (the release, the plea), not two days for one: no date conflict.
Each time expression carries the lemma of the predicate it modifies
(:func:`factdesk.nlp.time_actions.time_action`); two are the same action when

- either is not read (a claim analysed before actions were kept): as before, compared;
- the two times' verbs have named subjects that are not one (the expression's
  ``actor``, read from the parse), unless each claim names the other's: two actors'
  acts are two events, not one ("The Senate passed the bill on Thursday" / "The House
  passed the bill on Friday"), but "Obama will meet with Sanders" / "Sanders met with
  President Obama" is one meeting;
- either was read but its words name no action ("Trump was in Iowa on Monday"; see
  :data:`~factdesk.nlp.time_actions.NO_ACTION`): when both claims name a person and a
  place in common ("Trump visited Iowa on Tuesday");
- a thing's beginning and its end are two moments ("begin shutdown" / "end shutdown");
  otherwise the thing is the action ("the shutdown began on Dec. 22" / "the shutdown,
  which started Dec. 21");
- the lemmas are equal, or of one small class of words for one action (:data:`_CLASSES`:
  visit / go / travel / tour / trip; plead / plea / admit / confess; say / tell /
  announce / statement ...);
- the two words' WordLlama vectors are close (:data:`ACTION_SIMILARITY`: plea ~ plead,
  meet ~ meeting, visit ~ tour, resign ~ resignation);
- each claim names the other's action too ("met troops on Thursday during his visit"
  / "visited on Wednesday, where he met troops").

A statement's date ("said on Tuesday", "in an interview on Monday") is another
statement's, unless both claims name their speakers and they are two people ("the
committee's senior Democrat said on Wednesday", "Sen. Burr said Tuesday"); a statement's
date is never an action's (see also
:func:`~factdesk.matching.date_discrepancies.is_when_said`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from factdesk.nlp.embeddings import EmbeddingsUnavailable, load_sentence_encoder
from factdesk.nlp.name_folding import canonical_key
from factdesk.nlp.person_identity import same_person
from factdesk.nlp.person_names import surname_of
from factdesk.nlp.time_actions import PHASE_VERBS

if TYPE_CHECKING:
    from factdesk.matching.discrepancies import ClaimFacts
    from factdesk.nlp.times import TimeExpression

#: Cosine of two action words' WordLlama vectors (full 256 dimensions, the bare lemma)
#: at or above which they are one action. On the 102 pairs of different lemmas among
#: the date conflicts of the 75 BASIL dev events (all but one two different actions)
#: the highest is 0.29 (close ~ reopen); derived forms score 0.58-0.85 (fire ~ firing,
#: plea ~ plead, meet ~ meeting), visit ~ tour 0.49, visit ~ travel 0.46; visit ~ go
#: (0.17) and plead ~ admit (0.21) do not reach it and are in :data:`_CLASSES`.
ACTION_SIMILARITY = 0.3
REPORTING = "say"
PHASES = frozenset(PHASE_VERBS.values())
#: Words for one action that the vectors do not bring together.
_CLASSES: dict[str, str] = {
    **dict.fromkeys(("visit", "go", "travel", "tour", "trip", "arrive", "fly",
                     "head", "journey"), "visit"),
    **dict.fromkeys(("plead", "plea", "admit", "confess"), "plead"),
    **dict.fromkeys(("arrest", "detain", "detention", "custody", "apprehend"), "arrest"),
    **dict.fromkeys(("charge", "indict", "indictment"), "charge"),
    **dict.fromkeys(("kill", "shoot", "shooting", "murder", "gun"), "kill"),
    **dict.fromkeys(("serve", "seat", "office", "term", "tenure"), "serve"),
    **dict.fromkeys(("say", "tell", "announce", "announcement", "state", "statement",
                     "tweet", "post", "write", "add", "confirm", "declare", "insist",
                     "warn", "testify", "respond", "response", "comment", "remark",
                     "interview", "note", "argue", "claim", "report", "disclose",
                     "reveal"), REPORTING),
}
#: An action and the everyday verbs that say it in one domain, which elsewhere say other
#: things: a storm's landfall is when it "hit" or "struck", but "hit" and "slammed" are
#: also how a politician's criticism is told, and are not one action with each other.
_SAID_AS: dict[str, frozenset[str]] = {
    "landfall": frozenset({"hit", "strike", "slam", "batter", "pound", "lash", "reach"}),
}


#: Entity labels of a place, for :func:`_same_who_and_where`.
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_ORGS = frozenset({"ORG"})


def action_class(expr: TimeExpression) -> str | None:
    """The expression's action word, its class's name for one of a class (:data:`REPORTING`
    for any reporting word); None when not read,
    :data:`~factdesk.nlp.time_actions.NO_ACTION` when its words name none."""
    return _CLASSES.get(expr.action, expr.action) if expr.action else expr.action


def _phase_and_thing(action: str) -> tuple[str | None, str]:
    """("begin", "shutdown") for "begin shutdown"; (None, "visit") for "visit"."""
    phase, _, thing = action.partition(" ")
    return (phase, thing) if thing and phase in PHASES else (None, action)


def _keys(facts: ClaimFacts, labels: frozenset[str]) -> set[str]:
    keys = {canonical_key(c or t) for t, label, c in facts.entities if label in labels}
    return {k for k in keys if k}


def _two_actors(ea: TimeExpression, a: ClaimFacts, eb: TimeExpression, b: ClaimFacts
                ) -> bool:
    """Whether the two times' verbs have named subjects that are not one ("The Senate
    passed the bill on Thursday" / "The House passed the bill on Friday": two acts);
    "Jackson" is "Jesse Jackson Jr." by the surname. Not when each claim names the
    other's actor: "Obama will meet with Sanders on Thursday" / "Sanders met with
    President Obama on Thursday" is one meeting."""
    xa, xb = ea.actor, eb.actor
    if not xa or not xb or _same_actor(xa, a, xb, b):
        return False
    return not (_names(b, xa, a) and _names(a, xb, b))


def _same_actor(xa: str, a: ClaimFacts, xb: str, b: ClaimFacts) -> bool:
    """Whether two actors are one: people by who they are in their articles ("Michelle
    Obama" is not "Barack Obama"; "Jackson" is "Jesse Jackson Jr." where his article
    names no other Jackson), anything else by its name."""
    ia, ib = a.identity(xa), b.identity(xb)
    if ia is not None and ib is not None:
        verdict = same_person(ia, ib)
        if verdict is not None:
            return verdict
    return _same_name(xa, xb)


def _same_name(first: str, second: str) -> bool:
    if canonical_key(first) == canonical_key(second):
        return True
    sa, sb = surname_of(first), surname_of(second)
    return bool(sa) and sa == sb


def _names(facts: ClaimFacts, name: str, named_in: ClaimFacts) -> bool:
    """Whether the claim names ``name``, an actor of the claim ``named_in``
    (:func:`_same_actor`)."""
    return any(_same_actor(name, named_in, c or t, facts) for t, _label, c in facts.entities)


def _same_who_and_where(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Whether both claims name someone and a place in common ("Trump was in Iowa on
    Monday" / "Trump visited Iowa on Tuesday"; who is a person or an organisation, as
    the tagger reads one name either way)."""
    if not _keys(a, _PLACES) & _keys(b, _PLACES):
        return False
    # people by who they are in their articles; a person's name the tagger took for an
    # organisation's by its key
    orgs_a, orgs_b = _keys(a, _ORGS), _keys(b, _ORGS)
    return a.shares_a_person(b) or bool(orgs_a & (b.persons | orgs_b)) \
        or bool(orgs_b & a.persons)


@lru_cache(maxsize=4096)  # a claim's actions meet many others'
def _similar(first: str, second: str) -> bool:
    """Whether two action words' vectors are close; False without the vectors."""
    try:
        return load_sentence_encoder().similarity(first, second) >= ACTION_SIMILARITY
    except EmbeddingsUnavailable:
        return False


def _other_speakers(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Whether both claims name their speaker and the two are not one person."""
    sa, sb = a.speaker_name, b.speaker_name
    if not sa or not sb:
        return False
    ia, ib = a.speaker_identity, b.speaker_identity
    if ia is not None and ib is not None and (same := same_person(ia, ib)) is not None:
        return not same
    return sa.casefold() != sb.casefold() and canonical_key(sa) != canonical_key(sb)


def same_action(ea: TimeExpression, a: ClaimFacts, eb: TimeExpression, b: ClaimFacts
                ) -> bool:
    """Whether ``ea`` (in claim ``a``) and ``eb`` (in ``b``) can time one action."""
    xa, xb = action_class(ea), action_class(eb)
    if xa is None or xb is None:
        return True  # not read: compared as before actions were kept
    if xa == REPORTING or xb == REPORTING:
        return xa == xb and not _other_speakers(a, b)
    if not xa or not xb:  # one names no action ("was in Iowa on Monday"): one if the
        return _same_who_and_where(a, b)  # same person is in the same place
    if _two_actors(ea, a, eb, b):
        return False  # the Senate's vote and the House's
    (phase_a, word_a), (phase_b, word_b) = (_phase_and_thing(str(ea.action)),
                                            _phase_and_thing(str(eb.action)))
    if phase_a and phase_b and phase_a != phase_b:
        return False  # a thing's beginning and its end
    xa, xb = _CLASSES.get(word_a, word_a), _CLASSES.get(word_b, word_b)
    if xa == xb or xb in _SAID_AS.get(xa, ()) or xa in _SAID_AS.get(xb, ()) \
            or _similar(xa, xb):
        return True
    return word_a in b.lemmas and word_b in a.lemmas


def dated_alike(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Whether the two claims date one action on one day ("pleaded guilty Wednesday" /
    "pleaded guilty on Wednesday to one felony fraud count"), both actions read from the
    parse. A statement's day is no such sign: one person says many things a day."""
    for ea in a.absolute_times:
        day = ea.interval()
        if day is None or day[0] != day[1] or not acted(ea):
            continue
        for eb in b.absolute_times:
            if eb.interval() == day and acted(eb) and same_action(ea, a, eb, b):
                return True
    return False


def acted(expr: TimeExpression) -> bool:
    """Whether the expression times an action read from the parse, not a statement."""
    return bool(action_class(expr)) and action_class(expr) != REPORTING
