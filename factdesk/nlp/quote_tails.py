"""The attribution after a quoted question or exclamation: '"Is this fair?" Smith asked.'

A quotation ending in "?" or "!" ends with a sentence mark, so spaCy's parser starts a
new sentence after its closing mark; when what follows is a lower-case word ('" he
asked') the sentence rules already keep it (:mod:`factdesk.nlp.pipeline_components`).
When it is a name and a speech verb ('" Smith asked.', '" Justice Breyer asked.', '"
Senate Majority Leader Mitch McConnell, R-Ky., said'), the attribution is no sentence of
its own either: the quotation and its speaker are one sentence, as with a comma.

A tail that introduces another quotation ('" Weiner replied, "You know ...', '" Mr.
Strzok responds: "No.') stays a sentence of its own, and so does any sentence not
opening with a name ('" But the lingering ...', '" His response: ...').

Works on spaCy tokens (duck-typed: ``text``, ``tag_``, ``i``, ``doc``); before the
parser too (the tagger runs first, lemmas do not exist yet, so verbs are read by their
word forms).
"""

from __future__ import annotations

from typing import Any

from factdesk.nlp.speech_verbs import SPEECH_VERBS

#: Verbs of attribution after a quotation besides SPEECH_VERBS ("Akin continued").
_MORE_VERBS = frozenset("continue wonder shout exclaim yell slam muse".split())
_IRREGULAR = {"say": ("said", "says"), "tell": ("told", "tells"),
              "write": ("wrote", "writes"), "admit": ("admitted", "admits"),
              "quip": ("quipped", "quips"), "slam": ("slammed", "slams"),
              "testify": ("testified", "testifies")}


def _forms(lemma: str) -> tuple[str, ...]:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        return lemma + "d", lemma + "s"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ied", lemma[:-1] + "ies"
    if lemma.endswith(("sh", "ch", "ss", "x")):
        return lemma + "ed", lemma + "es"
    return lemma + "ed", lemma + "s"


#: Past and present third-person forms of the attribution verbs ("asked", "says").
ATTRIBUTION_FORMS = frozenset(form for lemma in SPEECH_VERBS | _MORE_VERBS
                              for form in _forms(lemma))
_NAME_TAGS = frozenset({"NNP", "NNPS"})
_OPENING = frozenset("\"“‘'«")
_ENDS = frozenset({".", "!", "?", "…", "...", ";"})
#: How far the name and its apposition may run before the verb.
_REACH = 14


def after_quoted_question(doc: Any, i: int) -> bool:
    """Whether token ``i`` opens the attribution of the quotation closing just before it
    ('... fair?" | Smith asked.'): the closing mark follows "?" or "!", token ``i`` is a
    name, and a speech verb follows the name (with its title, "of California", or an
    apposition between commas) within a few words, not introducing another quotation."""
    if i < 2 or i >= len(doc):
        return False
    close, mark = doc[i - 1], doc[i - 2]
    if close.text not in ("\"", "”", "’", "'", "»") or mark.text[-1:] not in "!?":
        return False
    if doc[i].tag_ not in _NAME_TAGS:
        return False
    for token in doc[i:min(len(doc), i + _REACH)]:
        if token.text in _ENDS or token.text in _OPENING or "\n" in token.text:
            return False
        if token.text in ATTRIBUTION_FORMS and token.tag_.startswith("VB"):
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if nxt is not None and nxt.text in (",", ":"):
                after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
                if nxt.text == ":" or (after is not None and after.text in _OPENING):
                    return False  # '" Weiner replied, "You know ...': a new quotation
            return True
    return False
