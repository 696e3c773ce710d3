"""The action a time expression times, read from the dependency parse.

"Documents *released* on Friday showed ..." dates the release; "*pleaded* guilty in a
federal courtroom Wednesday morning" dates the plea. Two outlets' "Friday" and
"Wednesday" disagree only when they time the same action, so each time expression keeps
the lemma of the predicate it modifies (:func:`time_action`), and
:mod:`factdesk.matching.timed_actions` compares those.

From the expression's head token, the dependency heads are walked up to the nearest
verb ("visited Izium on Wednesday" -> visit). On the way, a time that modifies an event
noun directly times that event ("his visit on Wednesday", "the Wednesday hearing",
"Friday's plea"); a verb of little meaning of its own is replaced by its object ("held
a hearing", "made a visit", "took part in a ceremony"), a verb that only says something
happened by its subject ("the plea came on Thursday"); a copula by its adjective or its
subject ("the vote was on Friday" -> vote). A sentence without a verb (a headline) gives
its root noun or adjective. The walk looks at a handful of tokens per expression.

No action is known (:data:`NO_ACTION`) where the words say none: a copula without an adjective or
event ("Obama was in Chicago on Friday" says where he was, not what he did), a light or
happening verb without its object or subject ("it happened on Monday"). Two such times
are no sign of one action, and a date conflict is then decided as before actions were
read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: What :func:`time_action` gives when the parse is read but its words name no action
#: ("Obama was in Chicago on Friday"), unlike None (not read: no parse, or the walk ends).
NO_ACTION = ""
#: Verbs that say little of the event themselves: their object names it.
LIGHT_VERBS = frozenset({"have", "make", "take", "hold", "give", "do", "get", "conduct",
                         "stage", "host"})
#: Verbs that say only that their subject happened ("the plea came on Thursday", "the
#: vote took place Friday"): an event noun subject names the event.
HAPPENING_VERBS = frozenset({"come", "happen", "occur", "begin", "start", "end", "follow",
                             "unfold", "take"})
#: Endings of nouns that name an event ("the election on Friday", "Friday's hearing").
_EVENT_SUFFIXES = ("tion", "sion", "ment", "ing", "ure", "ance", "ence", "sal", "val",
                   "wal", "ery")
#: Event nouns no ending or verb form gives away.
_EVENT_NOUNS = frozenset({"plea", "speech", "trial", "rally", "summit", "war",
                          "ceremony", "conference", "session", "election", "deal",
                          "crash", "raid", "storm", "earthquake", "quake", "flood",
                          "fire", "funeral", "debate", "game", "match", "interview",
                          "trip", "tour", "talk", "vote", "strike", "attack", "visit",
                          "arrest", "release", "launch", "protest", "march", "rescue",
                          "return", "call", "sentence", "verdict", "resignation"})
#: Nouns that name no action of their own ("at the March 2 event", "the same day"): the
#: walk goes on to the verb ("spoke at the March 2 event" -> speak).
_GENERIC_NOUNS = frozenset({"event", "occasion", "day", "time", "moment", "date", "period",
                            "night", "morning", "evening", "afternoon", "week", "year"})
#: Dependencies by which a time, or the preposition carrying it, modifies a noun.
_NOUN_MODIFIERS = frozenset({"prep", "compound", "nmod", "npadvmod", "poss", "amod",
                             "appos", "nummod"})
#: A light verb and its object that say one action in other words ("opened fire").
_IDIOMS = {("open", "fire"): "shoot"}
_IDIOM_VERBS = frozenset(verb for verb, _ in _IDIOMS)
#: Prepositions whose object names a light verb's event when it has no object of its
#: own ("taken *into custody*").
_LIGHT_PREPOSITIONS = frozenset({"into"})
_MAX_STEPS = 8


def is_event_noun(token: Token) -> bool:
    """Whether a noun names something that happens (the hearing, a plea, his visit)."""
    lemma = token.lemma_.lower()
    if lemma in _GENERIC_NOUNS:
        return False
    return lemma in _EVENT_NOUNS or (len(lemma) > 5 and lemma.endswith(_EVENT_SUFFIXES))


def _light_object(verb: Token) -> Token | None:
    """The object that names the event of a light verb ("held *talks*", "took part in
    a *ceremony*", "made *landfall*", "was taken into *custody*"), or None."""
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "attr"}
                and c.pos_ in {"NOUN", "PROPN", "ADJ"}), None)  # "landfall" is read ADJ
    if obj is not None and obj.lemma_.lower() == "part":  # "took part in a ceremony"
        into = next((p for p in (*obj.children, *verb.children) if p.dep_ == "prep"
                     and p.lower_ == "in"), None)
        return next((c for c in into.children if c.dep_ == "pobj"), None) \
            if into is not None else None
    if obj is None and verb.dep_ == "relcl" and verb.head.pos_ == "NOUN":
        return verb.head  # "the comments he made Thursday night"
    if obj is None:
        into = next((p for p in verb.children if p.dep_ == "prep"
                     and p.lower_ in _LIGHT_PREPOSITIONS), None)
        if into is not None:
            return next((c for c in into.children if c.dep_ == "pobj"
                         and c.pos_ == "NOUN"), None)
    return obj


def _predicate(verb: Token, inside: range) -> str:
    """The action a verb says; :data:`NO_ACTION` for "be" without an event, and for a light or
    happening verb whose object or subject names none ("it happened on Monday", "was
    taken on Tuesday"): such a verb alone does not say which action it is."""
    lemma = verb.lemma_.lower()
    if lemma == "be":  # "be" tagged VERB: "there was a shooting on Monday"
        return _copula(verb, inside)
    if lemma in HAPPENING_VERBS:
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.pos_ == "NOUN" and is_event_noun(subject):
            return subject.lemma_.lower()
    if lemma in LIGHT_VERBS or lemma in _IDIOM_VERBS:
        obj = _light_object(verb)
        if obj is not None:
            said = (lemma, obj.lemma_.lower())
            if said in _IDIOMS:
                return _IDIOMS[said]
            if lemma in LIGHT_VERBS:
                return said[1]
    if lemma in LIGHT_VERBS or lemma in HAPPENING_VERBS:
        return NO_ACTION
    return lemma


def _copula(aux: Token, inside: range) -> str:
    """What a copula's sentence is about: its adjective ("was absent"), else its event
    subject ("the vote was on Friday") or, after "there", attribute ("there was a
    shooting"), else :data:`NO_ACTION`:
    "Obama was in Chicago on Friday" says where he was, not what he did."""
    for child in aux.children:
        if child.dep_ == "acomp" and child.pos_ == "ADJ":
            return child.lemma_.lower()
    named = {"nsubj", "nsubjpass"}
    if any(child.dep_ == "expl" for child in aux.children):
        named.add("attr")
    for child in aux.children:
        if child.dep_ in named and child.i not in inside \
                and child.pos_ in {"NOUN", "PROPN"} and is_event_noun(child):
            return child.lemma_.lower()
    return NO_ACTION


def time_action(doc: Doc, start: int, end: int) -> str | None:
    """Lemma of the predicate the time expression of tokens ``start``..``end`` times;
    :data:`NO_ACTION` when its words name none; None when the document has no
    parse or the walk finds nothing."""
    if start >= end or not doc[start].dep_:  # no parse (Doc.has_annotation scans all)
        return None
    inside = range(start, end)
    node = next((doc[i] for i in inside if doc[i].head.i not in inside
                 or doc[i].head.i == doc[i].i), doc[start])
    for _ in range(_MAX_STEPS):
        head = node.head
        if head.i == node.i:  # the root: a verbless sentence (a headline)
            if head.i in inside:
                return None
            return head.lemma_.lower() if head.pos_ in {"NOUN", "ADJ", "VERB"} else None
        if head.pos_ == "VERB":
            return _predicate(head, inside)
        if head.pos_ == "AUX":
            return _copula(head, inside)
        if head.pos_ == "NOUN" and node.dep_ in _NOUN_MODIFIERS and is_event_noun(head):
            return head.lemma_.lower()
        if head.pos_ == "ADJ" and head.dep_ in {"ROOT", "acomp"} and head.head.pos_ != "VERB":
            return head.lemma_.lower()
        node = head
    return None
