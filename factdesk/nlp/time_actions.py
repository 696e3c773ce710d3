"""The action a time expression times, read from the dependency parse.

"Documents *released* on Friday showed ..." dates the release; "*pleaded* guilty in a
federal courtroom Wednesday morning" dates the plea. Two outlets' "Friday" and
"Wednesday" disagree only when they time the same action, so each time expression keeps
the lemma of the predicate it modifies (:func:`time_action`), and
:mod:`factdesk.matching.timed_actions` compares those.

From the expression's head token, the dependency heads are walked up to the nearest
verb ("visited Izium on Wednesday" -> visit). On the way, a time that modifies an event
noun directly times that event ("his visit on Wednesday", "the Wednesday hearing",
"Friday's plea"). Some verbs say little of the event themselves, and the thing they are
about names it:

- a light verb, by its object ("held a hearing", "made a visit", "took part in a
  ceremony"), or in the passive its subject ("the special election will be *held*
  June 25" -> election);
- a verb that says only that its subject happened, by that subject ("the plea came on
  Thursday", "the vote took place Friday", "the resignation took effect Friday");
- a verb of beginning or end, by the thing that begins or ends, with the phase kept
  ("the shutdown began on Dec. 22" -> "begin shutdown", "Congress ended the shutdown
  on Friday" -> "end shutdown"): the start and the end of one thing are two moments;
- a verb of scheduling, when the time is what it is scheduled *for* ("the election is
  set for June 25", "the vote scheduled for Thursday" -> election, vote); the day it
  was scheduled *on* dates the scheduling;
- a copula, by its adjective or its subject ("the vote was on Friday" -> vote).

A relative pronoun subject stands for the noun its clause modifies ("the shutdown,
which started Dec. 22"). A time the parser hangs on a reported clause while it stands
outside it, by the reporting verb ("officials said *Monday* the bridge collapsed", "told
reporters on Tuesday that the storm killed 12", "On Monday, he said they withdrew"),
dates the saying, not the reported act (:func:`_said_then`); one inside the clause
("said the bridge collapsed on Monday") dates the act. A sentence without a verb (a headline) gives its root noun or
adjective. The walk looks at a handful of tokens per expression.

No action is known (:data:`NO_ACTION`) where the words say none: a copula without an
adjective or event ("Obama was in Chicago on Friday" says where he was, not what he
did), a light, happening or phase verb without its object or a thing as subject ("it
happened on Monday", "he began on Monday").
:func:`factdesk.matching.timed_actions.same_action` compares such a time with another
only when both claims name the same person and place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factdesk.nlp.speech_verbs import SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: What :func:`time_action` gives when the parse is read but its words name no action
#: ("Obama was in Chicago on Friday"), unlike None (not read: no parse, or the walk ends).
NO_ACTION = ""
#: Verbs that say little of the event themselves: their object names it.
LIGHT_VERBS = frozenset({"have", "make", "take", "hold", "give", "do", "get", "conduct",
                         "stage", "host"})
#: Verbs that say only that their subject happened ("the plea came on Thursday", "the
#: vote took place Friday"): the thing that is their subject names the event.
HAPPENING_VERBS = frozenset({"come", "happen", "occur", "follow", "unfold"})
#: Verbs of a thing's beginning or end, and the phase each says: "the shutdown began"
#: and "ended the shutdown" time two moments of one thing.
PHASE_VERBS: dict[str, str] = {
    **dict.fromkeys(("begin", "start", "commence"), "begin"),
    **dict.fromkeys(("end", "finish", "conclude"), "end"),
}
#: Verbs of scheduling: what is scheduled *for* a time happens then ("the election is
#: set for June 25"); "slated" is lemmatised "slat" by the small model.
SCHEDULING_VERBS = frozenset({"set", "schedule", "slate", "slat", "plan", "reschedule"})
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
#: Relative pronouns: a clause's subject that stands for the noun the clause modifies.
_RELATIVE_PRONOUNS = frozenset({"which", "that", "who"})
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


def _thing(token: Token | None) -> Token | None:
    """The thing a subject or object names: a common noun that is no mere time ("the
    shutdown", "the special election"); a relative pronoun's noun ("the shutdown, which
    started ..."); None for a name, a pronoun or a time ("it", "Trump", "the day")."""
    if token is None:
        return None
    if token.lower_ in _RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        token = token.head.head
    if token.pos_ != "NOUN" or token.lemma_.lower() in _GENERIC_NOUNS:
        return None
    return token


def _child(verb: Token, deps: frozenset[str] | set[str]) -> Token | None:
    return next((c for c in verb.children if c.dep_ in deps), None)


def _subject_thing(verb: Token) -> Token | None:
    """The thing a verb's subject (active or passive) names, or for a verb in a clause
    that modifies a noun ("a special election *set* for June 25"), that noun."""
    subject = _child(verb, {"nsubj", "nsubjpass"})
    if subject is None and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        subject = verb.head
    if subject is None:  # "in a special election set for June 25", "election" read as
        subject = _child(verb, {"compound"})  # a compound of "set" by the small model
    return _thing(subject)


def _predicate(verb: Token, inside: range, via: Token) -> str:
    """The action a verb says, the time reaching it through its child ``via``;
    :data:`NO_ACTION` for "be" without an event, and for a light, happening or phase verb
    whose object or subject names no thing ("it happened on Monday", "was taken on
    Tuesday"): such a verb alone does not say which action it is."""
    lemma = verb.lemma_.lower()
    if lemma == "be":  # "be" tagged VERB: "there was a shooting on Monday"
        return _copula(verb, inside)
    if lemma in PHASE_VERBS:  # "ended the shutdown", "the shutdown began"
        thing = _thing(_child(verb, {"dobj"})) or _subject_thing(verb)
        return f"{PHASE_VERBS[lemma]} {thing.lemma_.lower()}" if thing is not None \
            else NO_ACTION
    if lemma in SCHEDULING_VERBS and via.dep_ == "prep" and via.lower_ == "for":
        thing = _thing(_child(verb, {"dobj"})) or _subject_thing(verb)
        if thing is not None:  # "the election is set for June 25": the election's day
            return thing.lemma_.lower()
    taking_place = lemma == "take" and any(  # "took place", "took effect"
        c.dep_ == "dobj" and c.lower_ in {"place", "effect"} for c in verb.children)
    if lemma in HAPPENING_VERBS or taking_place:
        thing = _subject_thing(verb)
        return thing.lemma_.lower() if thing is not None else NO_ACTION
    if lemma in LIGHT_VERBS or lemma in _IDIOM_VERBS:
        obj = _light_object(verb)
        if obj is None and lemma in LIGHT_VERBS and _child(verb, {"nsubjpass"}) is not None:
            obj = _subject_thing(verb)  # "the election will be held June 25"
        if obj is not None:
            said = (lemma, obj.lemma_.lower())
            if said in _IDIOMS:
                return _IDIOMS[said]
            if lemma in LIGHT_VERBS:
                return said[1]
    if lemma in LIGHT_VERBS:
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


def _said_then(verb: Token, via: Token) -> Token | None:
    """The reporting verb whose time ``via`` (the phrase carrying the time, a child of
    ``verb``) gives, when the parser hung it on ``verb``, the clause that verb reports,
    while it stands outside that clause: before all its other words ("said *on Monday*
    that the troops withdrew", "said *Monday* the bridge collapsed", "*On Monday*, he
    said they withdrew"). None when the time is inside the clause ("said the troops
    withdrew *on Monday*") or ``verb`` reports nothing."""
    reporting = verb.head
    if verb.dep_ != "ccomp" or reporting.i == verb.i \
            or reporting.lemma_.lower() not in SPEECH_VERBS:
        return None
    phrase = range(via.left_edge.i, via.right_edge.i + 1)
    clause = [t.i for t in verb.subtree if t.i not in phrase]
    return reporting if clause and phrase.stop <= min(clause) else None


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
        if head.pos_ == "VERB" or (head.pos_ == "NOUN" and node.dep_ == "prep"
                                   and head.lemma_.lower() in SCHEDULING_VERBS):
            said = _said_then(head, node) if head.pos_ == "VERB" else None
            if said is not None:  # "said Monday the bridge collapsed": the saying
                return _predicate(said, inside, node)
            return _predicate(head, inside, node)  # "set" is sometimes read as a noun
        if head.pos_ == "AUX":
            return _copula(head, inside)
        if head.pos_ == "NOUN" and node.dep_ in _NOUN_MODIFIERS and is_event_noun(head):
            return head.lemma_.lower()
        if head.pos_ == "ADJ" and head.dep_ in {"ROOT", "acomp"} and head.head.pos_ != "VERB":
            return head.lemma_.lower()
        node = head
    return None


def time_actor(doc: Doc, start: int, end: int) -> str | None:
    """The name of who does what the time expression of tokens ``start``..``end`` times:
    the proper-name subject of the verb it modifies ("*The Senate* passed the bill on
    Thursday" -> "Senate", "Jesse Jackson Jr. pleaded guilty Wednesday" -> "Jesse
    Jackson Jr."), or in the passive the name after "by"; None when the subject is no
    name ("the communications director"), or there is no parse or verb."""
    if start >= end or not doc[start].dep_:
        return None
    inside = range(start, end)
    node = next((doc[i] for i in inside if doc[i].head.i not in inside
                 or doc[i].head.i == doc[i].i), doc[start])
    for _ in range(_MAX_STEPS):
        if node.head.i == node.i:
            return None
        via, node = node, node.head
        if node.pos_ in {"VERB", "AUX"}:
            said = _said_then(node, via) if node.pos_ == "VERB" else None
            node = said if said is not None else node  # the speaker said it then
            break
    else:
        return None
    subject = _child(node, {"nsubj"})
    if subject is not None and subject.lower_ in _RELATIVE_PRONOUNS \
            and node.dep_ == "relcl":
        subject = node.head  # "Edward Brooke, who served ..."
    if subject is None:
        by = next((c for c in node.children if c.dep_ == "agent"), None)
        subject = _child(by, {"pobj"}) if by is not None else None
    if subject is None or subject.pos_ != "PROPN":
        return None
    words = [t for t in subject.subtree if t.pos_ == "PROPN" and (
        t.i == subject.i or t.dep_ in {"compound", "flat"} and t.head.i == subject.i)]
    return " ".join(t.text for t in words) or None
