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
#: Verbs that state something only with what they say: "agreed that bomb makers leave
#: evidence" (a clause; not "agreed to pay"), "called the devices “Mickey Mouse” bombs"
#: (an object and what it is called; not "called the police", "called for a review",
#: "only call “balls and strikes”", with no object).
SAYING_WITH = {"agree": frozenset({"ccomp"}), "call": frozenset({"oprd"})}
#: Clauses inside a noun phrase or another verb's object.
_EMBEDDED = frozenset({"relcl", "pcomp", "ccomp", "csubj", "acl"})
#: Forms of speech verbs the tagger took for auxiliaries ("Attorney General Jeff Sessions
#: said he didn't know", "said" an ``auxpass``): their lemma is then the form itself.
_FORMS = {"said": "say", "says": "say", "told": "tell", "tells": "tell", "wrote": "write"}


def speech_verb(token: Any) -> bool:
    """A speech verb that states something: not negated ("did not respond", "has not
    said whether"), and not an act done by saying it ("declared a national emergency"
    is the outlet's report of what Trump did, not a statement of his). A sentence's root
    the parser took for a plural noun with a subject of its own is a verb ("the
    congressman demands"; a noun takes no subject otherwise)."""
    lemma = speech_lemma(token)
    verb = token.pos_ in ("VERB", "AUX") or (  # '"Who are you!" the congressman demands.'
        token.tag_ == "NNS" and any(c.dep_ == "nsubj" for c in token.children))
    if lemma in SAYING_WITH and verb and token.pos_ == "VERB" and \
            not any(c.dep_ == "neg" for c in token.children):
        # not a label inside another clause ("defended what he called “legitimate
        # rape”", "Sheriff Joe Arpaio, who calls himself the “toughest sheriff”"): the
        # sentence is not that person's statement
        said = [c for c in token.children if c.dep_ in SAYING_WITH[lemma]]
        if lemma == "call":  # what is called so comes before it: "the devices"
            doc = token.doc
            said = [c for c in said if any(t.pos_ in ("NOUN", "PROPN", "PRON")
                                           for t in doc[token.i + 1:c.i])]
        return token.dep_ not in _EMBEDDED and bool(said)
    if not (verb and lemma in SPEECH_VERBS
            and not any(c.dep_ == "neg" for c in token.children)):
        return False
    if lemma in ACT_WITH_AN_OBJECT:
        deps = {c.dep_ for c in token.children}
        return not ("dobj" in deps and not deps & {"ccomp", "xcomp", "parataxis"})
    return True


def speech_lemma(token: Any) -> str:
    """A verb's lemma, or, for a speech verb's form the tagger took for an auxiliary
    ("said" as ``auxpass``, whose lemma it leaves "said"), the verb's."""
    lemma = token.lemma_.lower()
    return _FORMS.get(lemma, lemma) if token.pos_ == "AUX" else lemma


def said_by_its_subject(verb: Any) -> bool:
    """Whether ``verb`` is a speech verb with a subject of its own: then an "according
    to X" attached to it names where the report comes from, not who said it."""
    return (verb.lemma_.lower() in SPEECH_VERBS
            and any(c.dep_ == "nsubj" for c in verb.children))


