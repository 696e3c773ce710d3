"""Speech verbs: which verbs give a sentence a statement and so a speaker ("said",
"told", "tweeted"), and which do not although their lemma is one ("did not respond",
"declared a national emergency").

Works on a parsed spaCy ``Doc`` (duck-typed; spaCy itself is not imported here).
"""

from __future__ import annotations

from typing import Any

#: Lemmas of verbs that give a quotation its speaker; contradictions.REPORTING_VERBS is
#: narrower on purpose (word forms, no deny / confirm / warn: see there).
SPEECH_VERBS = frozenset(
    """say tell claim report state add stress announce accuse deny insist warn confirm
    note explain write argue allege describe urge admit acknowledge assert declare
    reveal testify suggest estimate predict promise vow threaten tweet post recall
    ask reply respond comment summarize summarise concede contend maintain quip joke
    conclude observe remark counter retort recommend reiterate emphasize emphasise
    disclose complain caution propose demand""".split()
)


#: Speech verbs that name an act, not a statement, when their object is a thing and no
#: clause says what was said: "declared a national emergency", "declared bankruptcy".
ACT_WITH_AN_OBJECT = frozenset({"declare"})


def speech_verb(token: Any) -> bool:
    """A speech verb that states something: not negated ("did not respond", "has not
    said whether"), and not an act done by saying it ("declared a national emergency"
    is the outlet's report of what Trump did, not a statement of his). A sentence's root
    the parser took for a plural noun with a subject of its own is a verb ("the
    congressman demands"; a noun takes no subject otherwise)."""
    lemma = token.lemma_.lower()
    verb = token.pos_ in ("VERB", "AUX") or (  # '"Who are you!" the congressman demands.'
        token.tag_ == "NNS" and any(c.dep_ == "nsubj" for c in token.children))
    if not (verb and lemma in SPEECH_VERBS
            and not any(c.dep_ == "neg" for c in token.children)):
        return False
    if lemma in ACT_WITH_AN_OBJECT:
        deps = {c.dep_ for c in token.children}
        return not ("dobj" in deps and not deps & {"ccomp", "xcomp", "parataxis"})
    return True


def said_by_its_subject(verb: Any) -> bool:
    """Whether ``verb`` is a speech verb with a subject of its own: then an "according
    to X" attached to it names where the report comes from, not who said it."""
    return (verb.lemma_.lower() in SPEECH_VERBS
            and any(c.dep_ == "nsubj" for c in verb.children))


