"""Two accounts of one fact that contradict each other in words, not in figures.

:mod:`factdesk.matching.discrepancies` compares numbers, dates, names and quotes; this
finds what those cannot see and the pair model barely weighs, because the two sentences
share nearly every word:

* **negation**: one claim denies what the other states ("Zelenskiy did not visit
  Izyum" / "Zelensky visited Izium"): a negator ("not", "n't", "never") before a word
  within a few words (auxiliaries and adverbs between), where the other claim has the
  same word (or a form of it) and denies it nowhere; when one of the two is told as
  what someone claimed ("said he had served", "the days that I served" in a quote /
  "never served"), the outlets report a claim and its denial, and when both are, two
  statements unless their words are alike: a note to check, not a conflict; a denial
  of what should be ("plans shouldn't be required") contradicts only what should be,
  and agrees with words that oppose what follows ("criticised the requirement");
* **direction**: the claims move the same thing in opposite directions ("prices rose" /
  "prices fell"; won / lost; approved / rejected; confirmed / denied);
* **actor**: one name stands where the other claim has another of the same kind (the
  same word just before or after both, or the same surname), and no other name of
  that kind differs ("destroyed by Russian forces" / "by Ukrainian forces"; "Joe
  Biden" / "Hunter Biden"); two names in other roles are other people of the story
  ("doubts whether Obama was born" / "prompted Vieira to ask"), nor are the
  capitalised words of a headline in title case ("Sue Colorado Over Marijuana Law" /
  "Over Marijuana Legalization"). Spelling
  variants share a canonical form and are not told apart; two quotes credited to
  different speakers are an attribution difference, found with the quotes.

Both are told in plain English with the words that differ, as conflicts, for claims
judged to state the same fact (a claim only related to another may deny something
else). Works on the claims' text alone (no parse is needed at matching time).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from factdesk.matching.negation_words import (
    FUNCTION_WORDS,
    WORD_PATTERN,
    contrast_negators,
    defining_clause_words,
    negated_words,
    opposes,
    same_word,
    under_normative,
    words_of,
)
from factdesk.model.models import Discrepancy
from factdesk.nlp.name_folding import canonical_key, strip_possessive, surnames_match
from factdesk.nlp.person_identity import PersonIdentity, same_person

if TYPE_CHECKING:  # discrepancies calls this module: ClaimFacts is only named here
    from factdesk.matching.discrepancies import ClaimFacts

#: Opposite directions: (one way, the other way), word forms spelled out.
OPPOSITES: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(up.split()), frozenset(down.split())) for up, down in (
        ("rise rises rose risen rising increase increases increased increasing grow grows "
         "grew grown growing climb climbs climbed climbing jump jumps jumped soar soared "
         "soaring surge surged surging",
         "fall falls fell fallen falling decrease decreases decreased decreasing decline "
         "declines declined declining drop drops dropped dropping shrink shrinks shrank "
         "shrunk plunge plunged plunging slump slumped sink sank sunk"),
        ("win wins won winning", "lose loses lost losing"),
        ("approve approves approved approving accept accepts accepted",
         "reject rejects rejected rejecting"),
        ("confirm confirms confirmed confirming", "deny denies denied denying"),
        ("support supports supported supporting", "oppose opposes opposed opposing"),
    ))


@dataclass(frozen=True)
class ClaimWords:
    """What the checks read from one claim alone, read once per claim (a claim is
    compared with many others): its words, their lower-cased forms and set, the
    negations, the names' keys and the actors by label."""

    words: tuple[str, ...]
    low: tuple[str, ...]
    low_set: frozenset[str]
    folded: frozenset[str]  # casefolded words (a name's last word written in the text)
    negations: tuple[tuple[int, int], ...]  # negated_words(words)
    denied: frozenset[int]  # the words negated or denied: negated_words(words, denying=True)
    opposed: frozenset[int]  # the words opposed ("criticised the plan")
    entity_keys: frozenset[str]
    actors: tuple[tuple[str, dict[str, str]], ...]  # (label, _actors) per ACTOR_LABELS
    quoted: frozenset[int] = frozenset()  # the words inside quotation marks
    quote: str = ""  # the quoted words, joined
    defining: frozenset[int] = frozenset()  # words of defining relative clauses

    @classmethod
    def of(cls, facts: ClaimFacts) -> ClaimWords:
        words = tuple(words_of(facts.text))
        low = tuple(w.lower() for w in words)
        quoted = frozenset(_quoted_indices(facts.text))
        denials = negated_words(words, denying=True)  # a contrast denies as well
        return cls(
            words=words, low=low, low_set=frozenset(low),
            folded=frozenset(w.casefold() for w in words),
            negations=tuple(negated_words(words, contrasts=contrast_negators(facts.text))),
            denied=frozenset(j for i, j in denials if not opposes(low, i)),
            opposed=frozenset(j for i, j in denials if opposes(low, i)),
            entity_keys=frozenset(canonical_key(e[2] or e[0]) for e in facts.entities),
            actors=tuple((label, _actors(facts, label)) for label in ACTOR_LABELS),
            quoted=quoted, quote=" ".join(low[i] for i in sorted(quoted)),
            defining=defining_clause_words(facts.text),
        )


def _quoted_indices(text: str) -> list[int]:
    """Indices (in :func:`words_of` order) of the words inside quotation marks; a quote
    closed but not opened in the claim runs from its start, one opened and not closed
    to its end (a claim cut from a longer quote)."""
    # Not nlp.quote_spans (it pairs marks over a whole article) nor discrepancies.quote_text
    # (stretches of 8+ characters, as text): word positions, a quote of any length.
    marks: list[tuple[int, bool]] = []  # (position, opens)
    for n, char in enumerate(text):
        if char == '"':  # opens after a space or at the start, else closes
            marks.append((n, n == 0 or text[n - 1].isspace() or text[n - 1] in "([—"))
        elif char in "“«":
            marks.append((n, True))
        elif char in "”»":
            marks.append((n, False))
    if not marks:
        return []
    found = []
    for index, match in enumerate(WORD_PATTERN.finditer(text)):
        before = [opens for position, opens in marks if position < match.start()]
        if before[-1:] == [True] or not before and not marks[0][1]:
            found.append(index)
    return found


def claim_words(facts: ClaimFacts) -> ClaimWords:
    """The claim's :class:`ClaimWords`, built once per :class:`ClaimFacts` (kept on the
    instance, as its ``cached_property`` values are)."""
    found = facts.__dict__.get("_claim_words")
    if found is None:
        found = facts.__dict__["_claim_words"] = ClaimWords.of(facts)
    return found


def _conflict(kind: str, a: ClaimFacts, b: ClaimFacts, text_a: str, text_b: str,
              says: str, meaning: str) -> Discrepancy:
    """One contradiction, told as "<outlet> <says> “…” where <outlet> <says> “…”: …"."""
    who_a, who_b = a.outlet or "One article", b.outlet or "the other"
    return Discrepancy(kind, "conflict", f"{who_a} {says} “{text_a}” where {who_b} {says} "
                       f"“{text_b}”: {meaning}", text_a, text_b)


#: Verbs that report what someone claimed: a word after one ("said he had served",
#: "described as having served", "Trump's promises that Mexico will pay") is the claim
#: reported, not the outlet's statement.
#: Not nlp.speakers.SPEECH_VERBS on purpose: word forms (no parse here), nouns ("the idea
#: that"), and no "denied" / "confirmed" / "warned", which state whether it is so.
REPORTING_VERBS = frozenset("""say says said saying claim claims claimed claiming
    describe describes described describing suggest suggests suggested suggesting assert
    asserts asserted asserting boast boasts boasted boasting insist insists insisted
    insisting stated stating tell tells told telling allege alleges alleged
    alleging imply implies implied implying idea notion impression belief myth promise
    promises promised promising pledge pledges pledged pledging vow vows vowed
    vowing""".split())
_REPORTED_REACH = 6  # at most this many words from the reporting verb to the word


def _reported(words: ClaimWords, index: int) -> int | None:
    """Where the claim tells the word at ``index`` as what someone said: the index of
    the reporting word it follows ("said he had served", "the idea that he served"), or
    its own index inside a quotation ("the days that I served"); None when the claim
    states it."""
    if index in words.quoted:
        return index
    low = words.low
    for k in range(index - 1, max(index - 1 - _REPORTED_REACH, -1), -1):
        if low[k] in REPORTING_VERBS:
            return k
    return None


#: rapidfuzz token_set_ratio of two reported statements (the quoted words, else the
#: claims' words) from which they are one statement: a negation there is a misreport, a
#: conflict ("To pass this bill ... would increase the risk" / "If they don't pass this
#: bill ... it will increase the risk"; "The senator said he would never support the
#: bill" / "... said he would support the bill").
SAME_QUOTE_RATIO = 70.0


def _negation(a: ClaimFacts, b: ClaimFacts, wa: ClaimWords, wb: ClaimWords
              ) -> Discrepancy | None:
    """A negation in ``a`` of a word ``b`` states without one. When one of the two is
    a claim reported ("he said he had served") and the other its denial told as a fact
    ("never served"), or the other way round, the outlets agree on both: a note to check
    the claim, not a conflict. A denial of what should be ("shouldn't be required")
    contradicts only a statement of what should be ("should be required"), and ``b``
    denies what it opposes ("criticised the requirement") as such a denial does."""
    low_b = wb.low
    for i, j in wa.negations:
        should = under_normative(wa.low, i)
        negated_b = (wb.denied | wb.opposed) if should else wb.denied
        target = wa.low[j]
        if any(same_word(low_b[k], target) for k in negated_b):
            continue  # both deny it (and may mention it elsewhere too)
        defining = i in wa.defining  # "parents who aren't citizens" describes whom
        stated = [k for k, w in enumerate(low_b)
                  if k not in negated_b and w not in FUNCTION_WORDS and same_word(w, target)
                  and under_normative(low_b, k) == should and (k in wb.defining) == defining]
        if not stated:
            continue
        k = stated[0]
        said_a, said_b = _reported(wa, i), _reported(wb, k)
        if (said_a is not None or said_b is not None) and _carries_a_denial(wb, k):
            continue  # both carry the denial, one in other words ("never pay" / "vowed
            #           ... that it would never happen"): no claim and its denial
        # told by both as fact, or both report one statement (one of them misreports)
        one_statement = said_a is None and said_b is None or (
            said_a is not None and said_b is not None and fuzz.token_set_ratio(
                *_statements(wa, i, wb, k)) >= SAME_QUOTE_RATIO)
        if not one_statement:
            return _claim_and_denial(a, b, wa, wb, (i, j, said_a), (k, said_b))
        return _conflict("negation", a, b, " ".join(wa.words[i:j + 1]), wb.words[k],
                         "says", "one account denies what the other states.")
    return None


def _carries_a_denial(words: ClaimWords, stated: int) -> bool:
    """Whether the claim denies something besides the word it states at ``stated``,
    outside a defining clause: an outlet that paraphrases a quoted denial ("Mexico would
    “never pay for that wall”") carries it on other words ("Despite Mr. Trump's promises
    that Mexico will pay for his border wall, Mr. Fox vowed ... that it would never
    happen"), and the word it states is then someone else's claim, not the quote's
    contrary."""
    return any(j != stated and i not in words.defining for i, j in words.negations)


def _statements(wa: ClaimWords, i: int, wb: ClaimWords, k: int) -> tuple[str, str]:
    """What two claims report, compared like with like to tell whether they report one
    statement: both quotes when both words are quoted, else both claims' words (a short
    quote is found in nearly any claim about it: "“never pay for that fucking wall”" /
    "Trump's promises that Mexico will pay for his border wall, Mr. Fox vowed …")."""
    if i in wa.quoted and k in wb.quoted:
        return wa.quote, wb.quote
    return " ".join(wa.low), " ".join(wb.low)


def _claim_and_denial(a: ClaimFacts, b: ClaimFacts, wa: ClaimWords, wb: ClaimWords,
                      negation: tuple[int, int, int | None], statement: tuple[int, int | None]
                      ) -> Discrepancy:
    """The note for a claim one outlet reports and the other denies, or for two
    statements the outlets report (each may have been made)."""
    i, j, said_a = negation
    k, said_b = statement  # at least one of the two is reported
    text_a = " ".join(wa.words[min(i, said_a if said_a is not None else i):j + 1])
    text_b = " ".join(wb.words[min(k, said_b if said_b is not None else k):k + 1])
    who_a, who_b = a.outlet or "One article", b.outlet or "the other"
    what = ("two statements that contradict each other, each reported" if None not in
            (said_a, said_b) else "one reports a claim, the other that it is not so")
    return Discrepancy(
        "negation", "vague",
        f"{who_a} says “{text_a}” where {who_b} says “{text_b}”: {what}; both accounts "
        "may be right (check the claim).", text_a, text_b)


def _direction(a: ClaimFacts, b: ClaimFacts, wa: ClaimWords, wb: ClaimWords
               ) -> Discrepancy | None:
    """Opposite directions, unless a negation or other names are about ("did not approve"
    / "rejected"; "Biden won" / "Trump lost to Biden" tell one outcome from two sides)."""
    if wa.denied or wb.denied:
        return None
    if wa.entity_keys != wb.entity_keys:
        return None
    set_a, set_b = wa.low_set, wb.low_set
    for up, down in OPPOSITES:
        for one, other in ((up, down), (down, up)):
            in_a, in_b = set_a & one, set_b & other
            if in_a and in_b and not set_a & other and not set_b & one:
                return _conflict("direction", a, b, sorted(in_a)[0], sorted(in_b)[0], "says",
                                 "the accounts go in opposite directions.")
    return None


#: Entity labels of who acts or speaks, compared label by label: people and peoples
#: ("Russian forces" / "Ukrainian forces"). Places and organisations have too many names
#: for one thing ("the U.S." / "the United States", "Moscow" / "Russia") and name sources
#: ("Reuters reported" / "AP reported") to be compared so.
ACTOR_LABELS: tuple[str, ...] = ("PERSON", "NORP")


def _actors(facts: ClaimFacts, label: str) -> dict[str, str]:
    """Folded canonical key -> name as written, of the claim's entities of ``label``."""
    found: dict[str, str] = {}
    for text, entity_label, canonical in facts.entities:
        surface = strip_possessive(text).strip()
        key = canonical_key(canonical or surface)
        if entity_label == label and surface and key:
            found.setdefault(key, surface)
    return found


def _named_in(key: str, surface: str, other: ClaimWords, others: dict[str, str]) -> bool:
    """Whether the other claim names this too (a people, "Russian forces"): the same
    canonical key, or its last word in the other's text."""
    return key in others or surface.split()[-1].casefold() in other.folded


def _person_of(facts: ClaimFacts, surface: str) -> PersonIdentity | None:
    """Who the person the claim writes ``surface`` is, in its article."""
    canonical = next((c for t, label, c in facts.entities
                      if label == "PERSON" and strip_possessive(t).strip() == surface), "")
    return facts.identity(surface, canonical)


def _person_named_in(surface: str, facts: ClaimFacts, other: ClaimFacts,
                     other_words: ClaimWords) -> bool:
    """Whether the other claim names this person too: a person of the same surname who
    may be this one (:func:`~factdesk.nlp.person_identity.same_person`: "Biden" / "Joe
    Biden", not "Joe Biden" / "Hunter Biden", nor the "Clinton" of an article naming
    Bill Clinton / "Hillary Clinton"), or, naming no one of that surname, the surname
    written in its words."""
    person = _person_of(facts, surface)
    if person is None:
        return surface.split()[-1].casefold() in other_words.folded
    namesakes = [p for p in other.person_identities if surnames_match(p.surname, person.surname)]
    if namesakes:
        return any(same_person(person, p) is not False for p in namesakes)
    return any(canonical_key(w) == canonical_key(person.surname) for w in other_words.folded)


#: Share of a text's longer words written with a capital from which it is a headline in
#: title case ("Nebraska and Oklahoma Sue Colorado Over Marijuana Law"), where the model
#: takes capitalised common nouns for names.
TITLE_CASE_SHARE = 0.8
_TITLE_CASE_MIN_WORDS = 4  # longer words a text needs to be told a headline


#: Capitalised in any sentence, so no sign of a headline ("Michelle Obama visited Iowa
#: on Monday." is a sentence).
_ALWAYS_CAPITALISED = frozenset("""monday tuesday wednesday thursday friday saturday
    sunday january february march april june july august september october november
    december""".split())


def is_title_case(words: Sequence[str]) -> bool:
    """Whether a claim's words are a headline's, nearly every longer word capitalised
    (the names of days and months left out)."""
    longer = [w for w in words if len(w) > 3 and w.lower() not in _ALWAYS_CAPITALISED]
    return len(longer) >= _TITLE_CASE_MIN_WORDS and sum(
        w[0].isupper() for w in longer) >= TITLE_CASE_SHARE * len(longer)


def _actor(a: ClaimFacts, b: ClaimFacts, wa: ClaimWords, wb: ClaimWords
           ) -> Discrepancy | None:
    if is_title_case(wa.words) or is_title_case(wb.words):
        return None  # "Over Marijuana Law" / "Over Marijuana Legalization": not people
    for (label, actors_a), (_, actors_b) in zip(wa.actors, wb.actors, strict=True):
        if label == "PERSON" and a.is_quote and b.is_quote:
            continue  # the quotes' attribution check says it
        if label == "PERSON":
            only_a = [v for v in _people(a, actors_a) if not _person_named_in(v, a, b, wb)]
            only_b = [v for v in _people(b, actors_b) if not _person_named_in(v, b, a, wa)]
        else:
            only_a = [v for k, v in actors_a.items() if not _named_in(k, v, wb, actors_b)]
            only_b = [v for k, v in actors_b.items() if not _named_in(k, v, wa, actors_a)]
        if len(only_a) == 1 and len(only_b) == 1 and (
                label == "PERSON" and _namesakes(a, only_a[0], b, only_b[0])
                or in_the_same_slot(a.text, only_a[0], b.text, only_b[0])):
            meaning = "the accounts differ on who"
            if label != "PERSON":
                return _conflict("actor", a, b, only_a[0], only_b[0], "names", meaning + ".")
            meaning += _who_they_are((a, only_a[0]), (b, only_b[0]))
            found = _conflict("actor", a, b, only_a[0], only_b[0], "names", meaning + ".")
            # the short note names who each is: "actor Bill Clinton vs Hillary Clinton"
            return replace(found, a_text=_fullest(a, only_a[0]), b_text=_fullest(b, only_b[0]))
    return None


def _people(facts: ClaimFacts, actors: dict[str, str]) -> list[str]:
    """The claim's people, each once by who they are in its article ("Bill Clinton" and
    the "Clinton" of an article naming only him are one), by their fullest name."""
    by_person: dict[str, str] = {}
    for surface in actors.values():
        person = _person_of(facts, surface)
        key = person.key if person is not None else surface
        if len(surface) > len(by_person.get(key, "")):
            by_person[key] = surface
    return list(by_person.values())


def _fullest(facts: ClaimFacts, surface: str) -> str:
    """``surface``, or the full name its article gives a surname alone."""
    person = _person_of(facts, surface)
    if person is not None and person.given and len(surface.split()) == 1:
        return person.name
    return surface


def _who_they_are(*named: tuple[ClaimFacts, str]) -> str:
    """Who the surnames alone of a conflict are in their articles, in parentheses ("
    (Alpha's “Clinton” is Bill Clinton; Beta's is Hillary Clinton)"), or ""."""
    notes = []
    for facts, surface in named:
        full = _fullest(facts, surface)
        if full != surface:
            notes.append(f"{facts.outlet or 'one article'}’s “{surface}” is {full}")
    return f" ({'; '.join(notes)})" if notes else ""


def _namesakes(a: ClaimFacts, x: str, b: ClaimFacts, y: str) -> bool:
    """Whether person ``x`` of claim ``a`` and ``y`` of ``b`` have one surname ("Joe
    Biden" / "Hunter Biden", "Donald Trump Jr." / "President Trump")."""
    px, py = _person_of(a, x), _person_of(b, y)
    return px is not None and py is not None and surnames_match(px.surname, py.surname)


def _neighbours(text: str, name: str) -> tuple[str, str]:
    """The words just before and just after the first ``name`` in ``text`` (folded)."""
    start = text.find(name)
    if start < 0:
        return "", ""
    before = words_of(text[:start])
    after = words_of(text[start + len(name):])
    return (before[-1].casefold() if before else ""), (after[0].casefold() if after else "")


def in_the_same_slot(text_a: str, name_a: str, text_b: str, name_b: str) -> bool:
    """Whether two names stand where each other stands: the same word just before or
    just after both ("destroyed by Russian forces" / "by Ukrainian forces"; "Joe Biden
    said" / "Hunter Biden said"). Names in other roles ("doubts about whether President
    Obama was born" / "prompted Vieira to ask") are other people in the story, not a
    different account of who."""
    before_a, after_a = _neighbours(text_a, name_a)
    before_b, after_b = _neighbours(text_b, name_b)
    return bool(before_a and before_a == before_b or after_a and after_a == after_b)


#: Details of one event that exclude each other, by class: where a bullet struck
#: ("shot in the hip" / "in the leg"), where someone died or was taken ("died at a
#: hospital" / "at the scene"). Words of one class after the same preposition and the
#: same verb are two accounts of one detail.
DETAIL_CLASSES: tuple[tuple[str, frozenset[str]], ...] = (
    ("body part", frozenset(
        "head face neck throat chest back shoulder arm elbow wrist hand finger hip leg "
        "thigh knee ankle foot abdomen stomach torso groin pelvis buttocks eye jaw "
        "spine".split())),
    ("place", frozenset("hospital scene home".split())),
)
_DETAIL_PREPOSITIONS = frozenset({"in", "at", "to", "into", "through"})
#: Words between the preposition and the detail ("in *his left* leg").
_DETAIL_BETWEEN = frozenset(
    "the a an his her their its left right upper lower both".split())


def _details(words: ClaimWords) -> list[tuple[str, str, str, str]]:
    """(class, detail word, preposition, the word before it) of each detail the claim
    gives after a preposition ("shot in the hip": body part, hip, in, shot)."""
    found = []
    low = words.low
    for k, word in enumerate(low):
        for kind, members in DETAIL_CLASSES:
            single = word if word in members else word.removesuffix("s")
            if single not in members:
                continue
            j = k - 1
            while j >= 0 and low[j] in _DETAIL_BETWEEN and k - j <= 3:
                j -= 1
            if j >= 1 and low[j] in _DETAIL_PREPOSITIONS:
                # "died in a hospital" / "at the scene": one preposition of place
                preposition = "at" if low[j] == "in" else low[j]
                found.append((kind, single, preposition, low[j - 1]))
    return found


def _detail(a: ClaimFacts, b: ClaimFacts, wa: ClaimWords, wb: ClaimWords
            ) -> Discrepancy | None:
    """One detail of one event told two ways: the same verb and preposition, another
    word of one class ("Scalise was shot in the hip" / "shot in the leg"; "died at a
    hospital" / "died at the scene"), the other claim naming neither word. Words of
    one class in other roles ("a broken bone in his leg" / "shot in the hip") are
    other details, not a contradiction."""
    for kind, x, prep_a, verb_a in _details(wa):
        for kind_b, y, prep_b, verb_b in _details(wb):
            if kind != kind_b or x == y or prep_a != prep_b \
                    or not same_word(verb_a, verb_b) or verb_a in FUNCTION_WORDS:
                continue
            if any(same_word(w, y) for w in wa.low_set) or any(
                    same_word(w, x) for w in wb.low_set):
                continue  # both name both: a list, or another role
            return _conflict("detail", a, b, x, y, "says",
                             f"the accounts differ on the {kind} ({verb_a} …).")
    return None


#: A claim that no one has been charged ("no formal charges have been filed yet", "has
#: not been charged", "has yet to be indicted").
_CHARGES_DENIED = re.compile(
    r"\b(?:no|not|n't|never|without)\b(?:\s+[\w-]+){0,3}?\s+(?:charges?|charged|indicted|"
    r"indictment)\b|\byet\s+to\s+be\s+(?:formally\s+)?(?:charged|indicted)\b", re.IGNORECASE)
#: A claim that someone has been charged ("has been charged with five federal crimes").
_CHARGED = re.compile(r"\b(?:was|were|been|is|are|be|being)\s+(?:formally\s+)?"
                      r"(?:charged|indicted)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def _charges_denied(text: str) -> str | None:
    """The words of ``text`` that say no one has been charged, if any (read once per
    claim: a claim is in many pairs)."""
    found = _CHARGES_DENIED.search(text)
    return None if found is None else found.group(0)


@functools.lru_cache(maxsize=8192)
def _charged(text: str) -> str | None:
    """The words of ``text`` that say someone has been charged, if any."""
    found = _CHARGED.search(text)
    return None if found is None else found.group(0)


#: Lemmas under which the candidate index holds what claims say of charges.
CHARGE_LEMMAS: tuple[str, ...] = ("charge", "indict", "indictment")


def charge_query(text: str, terms: Sequence[str]) -> list[str]:
    """Retrieval terms that find the other outlets' claims on the same charges, for a
    claim that tells whether someone was charged (``terms``: its retrieval terms), or []:
    "no formal charges have been filed yet" and "Sayoc has been charged with five
    federal crimes" share little else than the charge and the name, and the claims
    sharing more of either's words fill its candidates (:func:`charge_status` tells the
    difference once they are compared)."""
    if _charges_denied(text) is None and _charged(text) is None:
        return []
    return [*CHARGE_LEMMAS, *(t for t in terms if t.startswith("ent:"))]


def _names_written(x: ClaimFacts, y: ClaimFacts) -> bool:
    """Whether ``y`` writes the surname of a person ``x`` names, whatever the model took
    it for there ("Sayoc has been charged", where "Sayoc" was tagged a place)."""
    words = claim_words(y).folded
    return any(strip_possessive(text).split()[-1].casefold() in words
               for text, label, _ in x.entities if label == "PERSON" and text.split())


def charge_status(a: ClaimFacts, b: ClaimFacts) -> Discrepancy | None:
    """One claim says no charges have been brought, the other that someone has been
    charged ("Although no formal charges have been filed yet" / "Sayoc has been charged
    with five federal crimes"): a difference to check (the accounts may have been
    written at different times), when the denial names no one the other does not."""
    for x, y, flipped in ((a, b, False), (b, a, True)):
        said_x, said_y = _charges_denied(x.text), _charged(y.text)
        if said_x is None or said_y is None or _charges_denied(y.text) is not None:
            continue
        if x.persons and not x.persons & y.persons and not _names_written(x, y):
            continue  # someone else not charged
        who_x, who_y = x.outlet or "One article", y.outlet or "the other"
        note = Discrepancy(
            "negation", "vague",
            f"{who_x} says “{said_x}” where {who_y} says “{said_y}”: the accounts differ "
            "on whether charges were brought (one may be older: check when each was "
            "written).", said_x, said_y)
        return replace(note, a_text=said_y, b_text=said_x) if flipped else note
    return None


def contradictions(a: ClaimFacts, b: ClaimFacts) -> list[Discrepancy]:
    """Negations, opposite directions and other actors between two accounts of one fact
    (each difference's ``a_text`` is from ``a``, its ``b_text`` from ``b``)."""
    wa, wb = claim_words(a), claim_words(b)
    found = []
    negation = _negation(a, b, wa, wb)
    if negation is None:
        reverse = _negation(b, a, wb, wa)
        if reverse is not None:
            negation = replace(reverse, a_text=reverse.b_text, b_text=reverse.a_text)
    if negation is not None:
        found.append(negation)
    direction = _direction(a, b, wa, wb)
    if direction is not None:
        found.append(direction)
    actor = _actor(a, b, wa, wb)
    if actor is not None:
        found.append(actor)
    detail = _detail(a, b, wa, wb)
    if detail is not None:
        found.append(detail)
    return found
