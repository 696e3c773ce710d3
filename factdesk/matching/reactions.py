"""Whether one claim of a pair is someone's reaction to what the other reports.

Around one event, outlets quote people reacting to it: "President Trump declared a
national emergency ..." (NYT) and California's attorney general "If Trump oversteps his
authority ... by declaring a fabricated national emergency, we won't only call his
bluff" (HuffPost). The two share the event's who and what, so the same-event head and
the event frames take them for one fact; but the second is what Xavier Becerra said
about it, which the first does not report. A checker verifying the declaration does not
verify Becerra's words, nor the other way round.

:func:`reaction_by` finds such a pair: one claim quotes or reports the words of a named
person (a quote, or an attribution giving a view, not one passing a fact on: "...,
Chris Wray confirmed"; not a figure credited to a source, nor a figure both give; not an
organisation or a group, whose statement is as often the source of the fact or the
event itself: "The Atlantic first reported that ...", the 42 Senate Republicans'
letter; not a spokesperson) whom the other claim neither has as its speaker nor names,
nor may mean by a pronoun ("In a statement released Tuesday, he decried ...", "his
speech to the group in Norwalk"); a claim whose own speaker is a description ("the
attorney general") or was not read may be the same speaker's words. The speaker is compared by the canonical
forms the project's alias resolution gave both claims' names
(:mod:`factdesk.nlp.aliases`: "Mr. Blumenthal", "Blumenthal" and "Sen. Richard
Blumenthal (D-Conn.)" are one person there), and, for a name the other claim writes
without it being read as an entity, by the surname (or the organisation's whole name)
in its words, the generational suffix kept: "Trump Jr." does not name "Donald Trump",
nor "President Trump" "Donald Trump Jr.". A person the other claim names by the same
surname is the speaker only if :func:`~factdesk.nlp.person_identity.same_person` allows
it ("Bill Clinton" is not the "Clinton" of an article about Hillary Clinton).
:func:`reaction_note` says it in a checker's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factdesk.matching.discrepancies import (
    ClaimFacts,
    content_words,
    names_its_speaker,
    same_speaker,
    speaker_name,
)
from factdesk.matching.event_frames import is_institution
from factdesk.model.models import Discrepancy
from factdesk.nlp.name_folding import canonical_key, surnames_match
from factdesk.nlp.person_identity import PersonIdentity, same_person
from factdesk.nlp.person_names import has_given_name, name_suffix, surname_of

#: Claim kinds whose content is what their speaker said (a figure a source gave is a
#: fact reported, kind "statistic", and stays comparable as one).
REACTION_KINDS = frozenset({"quote", "attribution"})
#: Labels of entities named as a whole (an organisation is not named by its last word).
_WHOLE_NAME_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})
#: Someone speaking for an organisation gives its facts ("The resolution was adopted
#: ..., spokesman Chris Fleming said"), not a reaction.
_SPOKESPERSON = re.compile(r"\bspokes(?:man|men|woman|women|person|people)\b"
                           r"|\bpress secretary\b", re.IGNORECASE)
#: Reported speech that passes a fact on ("..., FBI Director Chris Wray confirmed",
#: "Arpaio announced on Tuesday he will endorse ..."), not a view of it.
_FACT_VERB = re.compile(r"\b(?:confirm(?:s|ed|ing)?|report(?:s|ed|ing)?|announc(?:e|es|ed|ing)"
                        r"|disclos(?:e|es|ed|ing)|reveal(?:s|ed|ing)?|identif(?:y|ies|ied)"
                        r"|according to)\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\b")
#: Share of the other claim's content words found in the reaction's from which the
#: reaction restates the other's fact besides who said it ("Pelosi has led House
#: Democrats since 2002." / "Pelosi has led House Democrats since 2003, and that's what
#: Ryan had argued is the problem."): the same fact, told with a view.
RESTATED_SHARE = 0.75
_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she|they)\b", re.IGNORECASE)
#: The lower-case words a name may hold ("Bank of America", "Ursula von der Leyen").
_NAME_PARTICLES = frozenset("of the de der van von al la le du da bin -".split())
_SUFFIX_WORDS = ("jr", "sr", "ii", "iii", "iv")
#: Nouns of kin, by which a claim may mean someone of the family it names.
_KIN = re.compile(r"\b(?:sister|brother|sibling|wife|husband|son|daughter|father|mother"
                  r"|parent|uncle|aunt|nephew|niece|cousin|grand(?:son|daughter|father"
                  r"|mother))s?\b", re.IGNORECASE)
_PERSONAL_PRONOUN = re.compile(r"\b(?:he|him|his|she|her|hers|they|them|their)\b",
                               re.IGNORECASE)


@dataclass(frozen=True)
class Reaction:
    """One claim of a pair (``first`` tells which) is ``speaker``'s words."""

    first: bool  # the reaction is the pair's first claim
    speaker: str


def named_speaker(facts: ClaimFacts) -> str | None:
    """The claim's speaker when it is a proper name ("Xavier Becerra", "Democrats",
    "House Judiciary Committee"), not a description ("a senior administration
    official", "White House officials", "the president", "Blumenthal's campaign")."""
    name = speaker_name(facts)
    if not name or _POSSESSIVE.search(name):  # "Beto O'Rourke" is a name
        return None
    words = name.split()
    # each word opens with a capital of any script ("Élise", "Óscar") or is a particle
    if not all(w[:1].isupper() or w in _NAME_PARTICLES for w in words) \
            or not words[0][:1].isupper():
        return None
    return name


def _label_of(facts: ClaimFacts, name: str) -> str:
    """The entity label the claim gives ``name`` ("" when it is no entity of it)."""
    key = canonical_key(name)
    for text, label, canonical in facts.entities:
        if key in (canonical_key(canonical), canonical_key(text)):
            return label
    return ""


@lru_cache(maxsize=8192)  # a claim's text is searched for many speakers
def _folded_words(text: str) -> tuple[str, ...]:
    """The folded words of ``text``, possessives removed ("President Trump’s demand")."""
    return tuple(canonical_key(_POSSESSIVE.sub("", text)).split())


def _written_in(name: str, whole: bool, text: str) -> bool:
    """Whether ``text`` writes ``name``: its whole folded name, or (a person) its
    surname, followed by the same generational suffix or by none."""
    words = _folded_words(text)
    if whole:
        key = canonical_key(name).split()
        return any(list(words[i:i + len(key)]) == key for i in range(len(words)))
    surname = canonical_key(surname_of(name))
    suffix = name_suffix(name)
    for i, word in enumerate(words):
        if word != surname:
            continue
        after = words[i + 1] if i + 1 < len(words) else ""
        if (after if after in _SUFFIX_WORDS else "") == suffix:
            return True
    return False


def names_speaker(facts: ClaimFacts, name: str, label: str = "") -> bool:
    """Whether the claim has ``name`` as its speaker or names it: an entity of the same
    canonical key, or the name written in its words (:func:`_written_in`)."""
    key = canonical_key(name)
    if key in facts.persons:
        return True
    if any(key == canonical_key(canonical or text) for text, _l, canonical in facts.entities):
        return True
    whole = label in _WHOLE_NAME_LABELS
    return _written_in(name, whole, facts.text) or bool(
        facts.speaker and _written_in(name, whole, facts.speaker))


def _names_person(facts: ClaimFacts, person: PersonIdentity | None) -> bool | None:
    """Whether the claim names ``person`` among its people of that surname (its speaker
    included): "Bill Clinton" does not name the "Clinton" of an article about Hillary
    Clinton. None when it names no one of that surname, or may mean them as kin of
    whom it names (its words then tell)."""
    if person is None:
        return None
    namesakes = [p for p in facts.person_identities if surnames_match(p.surname, person.surname)]
    if not namesakes:
        return None
    if any(same_person(person, p) is not False for p in namesakes):
        return True
    # a relative of the one it names may be the speaker ("Elizabeth Cheney blasted by
    # older sister"): its words then tell
    return None if _KIN.search(facts.text) else False


def _may_mean_someone(facts: ClaimFacts) -> bool:
    """Whether the claim may speak of the speaker without naming them: someone as the
    subject of a pronoun ("In a statement released Tuesday, he decried ...", "They
    vowed ..."), or, naming no one, any personal pronoun ("his speech to the group in
    Norwalk"). "Congress refused to give him" beside "President Trump" is Trump."""
    if _SUBJECT_PRONOUN.search(facts.text):
        return True
    return not any(label == "PERSON" for _t, label, _c in facts.entities) \
        and bool(_PERSONAL_PRONOUN.search(facts.text))


def _reacts(x: ClaimFacts, y: ClaimFacts) -> str | None:
    """``x``'s speaker when ``x`` is that speaker's words and ``y`` neither has that
    speaker nor names it, nor may mean that speaker without naming them."""
    if x.kind not in REACTION_KINDS:
        return None
    name = named_speaker(x)
    if name is None:
        return None
    if y.speaker:
        # someone else's words only when named so: "the attorney general" or "he" may
        # be the same speaker
        other = named_speaker(y)
        if other is None or same_speaker(x, y) is not False:
            return None
        if not _a_person(y, other, _label_of(y, other)) and names_speaker(x, other, "ORG"):
            return None  # "He said AARP remains opposed ..." / "AARP insisted ...": its CEO
    elif y.is_quote:
        return None  # words whose speaker was not read may be this speaker's
    label = _label_of(x, name)
    if not _a_person(x, name, label) or _SPOKESPERSON.search(x.text) \
            or x.kind != "quote" and _FACT_VERB.search(x.text):
        return None  # a source of the fact, not someone reacting to it
    # the speaker as the project spells it, and as this claim writes it ("Clinton", of
    # a group the project calls "Clintons")
    forms = dict.fromkeys((name, *x.surfaces.get(name, ())))
    named = _names_person(y, x.speaker_identity)
    if named is None:
        named = any(names_speaker(y, form, label) for form in forms)
    if named or _may_mean_someone(y) or _restates(x, y):
        return None
    return name


def _a_person(facts: ClaimFacts, name: str, label: str) -> bool:
    """Whether the speaker is a person: named as one in the claim, or read for a pronoun
    from the sentences around it ("He said ...": the speaker tracker follows people
    only) with a full name; not a name the model left untagged in the claim itself
    ("House Intelligence Committee Republicans Demand ...", "... A 'Horror Show'")."""
    if label == "PERSON":
        return True
    return not label and not names_its_speaker(facts) and has_given_name(name) \
        and not is_institution(name)


def _restates(x: ClaimFacts, y: ClaimFacts) -> bool:
    """Whether ``x`` holds nearly all of ``y``'s content words (:data:`RESTATED_SHARE`):
    ``y``'s fact restated with who says what of it."""
    words_y = content_words(y.text)
    return bool(words_y) and len(words_y & content_words(x.text)) >= \
        RESTATED_SHARE * len(words_y)


def reaction_by(a: ClaimFacts, b: ClaimFacts) -> Reaction | None:
    """The reaction in the pair, if one claim is the words of a speaker the other does
    not name (the first claim's speaker is asked about first)."""
    if (name := _reacts(a, b)) is not None:
        return Reaction(True, name)
    if (name := _reacts(b, a)) is not None:
        return Reaction(False, name)
    return None


def reaction_note(a: ClaimFacts, b: ClaimFacts, reaction: Reaction) -> Discrepancy:
    """The note a checker reads: who reacts, in which outlet, and that the other does not
    report it. ``a_text`` / ``b_text`` hold the speaker on the reaction's side."""
    said, other = (a, b) if reaction.first else (b, a)
    who = reaction.speaker
    where = said.outlet or "One claim"
    elsewhere = other.outlet or "the other"
    explanation = (f"{where} gives {who}'s words; {elsewhere} neither quotes nor names "
                   f"{who}: a reaction to the same event (or another account of it), not a "
                   "report of the same fact.")
    return Discrepancy("reaction", "variant", explanation,
                       who if reaction.first else "", "" if reaction.first else who)
