"""Event frames: who did what to whom, where, when and how many, read from one claim.

A frame is built from what FactDesk already stores for a claim, from spaCy's parse at
import: its named entities in canonical spelling (people, organisations and groups are
*who*; places and facilities are *where*), its content lemmas (*did what* / *to whom*:
the lemmas that are not names, numbers or reporting verbs), its speaker, and its
normalised times and quantities (*when*, *how many*; compared by
:mod:`factdesk.matching.discrepancies`).

:func:`compare_frames` aligns two frames. Two claims about one event may differ in
detail (one names the place, the other does not: they still align). When both name
where it happened and no place is shared (or two of their places are spelled alike, one
on each side: Norwalk / Norfolk beside a shared "served in Vietnam"):

* if the frames agree on who, or the two places are spelled alike (a slip of the pen:
  :data:`ALIKE_PLACES`), it is the same event placed in two places: a **place
  conflict**, explained with both outlets' words (NYT's Norwalk vs Fox News's Norfolk
  for one speech);
* otherwise it is **another event** of the same kind (bodies found in Bucha vs bodies
  found in Izium), which is not the same fact.

:func:`frame_summary` is the one-line reason shown with a suggestion: what the two
claims share (who, what, where, when; in the claim's own words,
:mod:`factdesk.matching.reason_words`) and what differs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from factdesk.matching.action_lemmas import shared_actions
from factdesk.matching.contradictions import is_title_case
from factdesk.matching.discrepancies import ClaimFacts, Discrepancy, measure_of
from factdesk.matching.reason_words import (
    TITLE_WORDS,
    shown_actions,
    shown_figures,
    shown_when,
    without_contained,
)
from factdesk.nlp.name_folding import canonical_key, strip_possessive, surnames_match
from factdesk.nlp.person_identity import PersonIdentity, same_person

WHO_LABELS = frozenset({"PERSON", "ORG"})
WHERE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: A place is where the event happened when the claim puts it after a locative
#: preposition ("in Norfolk", "from the war-torn city of Izium") or before an event noun
#: ("the Norwalk event"); a place named otherwise ("Russia's bastion", "Kyiv says") is
#: an actor or a background, not the event's place.
#: The words between the preposition and the name describe the place ("the war-torn
#: city of"); a preposition, conjunction or a person's title there means the name is not
#: the preposition's object ("in posts on Twitter", "to conspiracy before U.S. District
#: Judge") or is a person ("to former President Barack Obama").
_NOT_BETWEEN = ("(?:on|in|at|to|into|onto|by|for|with|before|after|against|about|of|"
                "and|or|but|than|that|as|while|former|president|rep|sen|senator|"
                "representative|gov|governor|judge|director|secretary|attorney|mr|mrs|"
                "ms|dr|actor|donor|chairman|lawyer|agent|officer)")
#: Prepositions that place something whatever the name is ("in Norwalk", "from Bucha"),
#: and those that place a name tagged a place only ("to Kyiv", but "the decision to fire
#: Strzok").
_PLACING_WORDS = "in|at|near|outside|inside|from"
_MOVING_WORDS = "to|into|over|across|around"


def _locative_before(prepositions: str) -> str:
    """A pattern of the words before a name that make it a place, after ``prepositions``
    or a verb of going."""
    return (r"\b(?:" + prepositions + r"|visit\w*|tour\w*|reach\w*|enter\w*|arriv\w* in)\s+"
            r"(?:the\s+)?(?:(?!" + _NOT_BETWEEN + r"\.?\s)[\w'’-]+\.?\s+){0,3}?"
            r"(?:(?:city|town|village|region|province|state|county)\s+of\s+)?$")


_LOCATIVE_BEFORE = _locative_before(f"{_PLACING_WORDS}|{_MOVING_WORDS}")
#: Words that make a name an institution (never the place of an event when the model
#: tags it a person or an organisation: "from Congress", "to the Treasury Department",
#: "the Florida Department of Law Enforcement").
INSTITUTION_WORDS = frozenset(
    "department office agency bureau congress senate house court committee commission "
    "council ministry administration service services police enforcement party "
    "university college school company corporation inc corp group fund foundation "
    "board army navy guard fbi cia doj dhs treasury pentagon twitter facebook club "
    "association society institute organization organisation union coalition alliance "
    "league federation network international".split())
#: A name after "in" or "to" that is where a claim was reported, not where its event
#: happened: "a report in the New York Times", "according to Reuters", "told CNN".
_REPORTED_IN_BEFORE = (r"\b(?:(?:report|article|story|column|editorial|op-ed|piece|published|"
                       r"printed|appeared)s?\s+in|according\s+to|"
                       r"(?:told|said|spoke|wrote|talked)\s+(?:to\s+)?)\s+(?:the\s+)?$")
#: Last words of a newspaper's, broadcaster's or agency's name: such a name is a source
#: the claim cites, never the place of the event ("in the Washington Post").
PUBLICATION_WORDS = frozenset(
    "times post journal news herald tribune gazette telegraph guardian chronicle "
    "magazine review daily weekly press reuters afp ap cnn msnbc bbc npr abc cbs nbc "
    "fox huffpost politico axios bloomberg observer independent examiner express "
    "globe courier register record sun star mirror standard inquirer dispatch "
    "bulletin network radio tv television".split())
_EVENT_NOUN_AFTER = (r"^\s+(?:event|speech|rally|meeting|ceremony|attack|fire|shooting|"
                     r"summit|visit|concert|protest|crash|earthquake|blast)\b")
#: Reporting and light verbs: they say how a claim is told, not what happened.
GENERIC_ACTIONS = frozenset(
    "say tell report claim accord add note state announce confirm write ask show "
    "make take give get go come do be have include know see use also year time "
    "people new president minister official leader city town village region area "
    "country state force government".split())
#: Words that say when (compared as the *when* slot, not as the action).
WHEN_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight "
    "january february march april may june july august september october november "
    "december".split())
#: Number words: they say how many, not what happened.
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten dozen dozens hundred hundreds "
    "thousand thousands million millions billion".split())
#: Shared content lemmas (beyond the generic ones) that make two actions one.
SAME_ACTION_LEMMAS = 2
#: Smallest figure two claims must share to count it as the same detail (small counts
#: are in every other sentence).
SHARED_FIGURE_MIN = 10.0
#: fuzz.ratio of two place names from which they look like one name mistyped
#: (Norwalk / Norfolk 71; Kyiv / Lviv 50, Bucha / Izium 20).
ALIKE_PLACES = 60.0
#: Countries news name by a short form as often as by their name, folded as
#: :func:`~factdesk.nlp.name_folding.canonical_key` folds them: "the U.S." and "the United
#: States", "the UK" and "Britain" are one place, not two ("light pollution across the
#: UK" / "... across Britain"). ("America" is left out: also a continent.)
COUNTRY_SHORT_NAMES: dict[str, str] = {
    "u s": "united states", "us": "united states", "usa": "united states",
    "u s a": "united states", "united states of america": "united states",
    "uk": "united kingdom", "u k": "united kingdom", "britain": "united kingdom",
    "great britain": "united kingdom",
    "uae": "united arab emirates", "u a e": "united arab emirates",
    "ussr": "soviet union", "u s s r": "soviet union",
}


@dataclass(frozen=True)
class EventFrame:
    """One claim's event: canonical keys -> surface names, and its action lemmas."""

    who: dict[str, str]
    where: dict[str, str]
    action: frozenset[str]
    speaker: str | None
    when: frozenset[str] = frozenset()
    #: the *who* keys that are people, with who they are in their article
    people: dict[str, PersonIdentity] = field(default_factory=dict)
    #: days named by month and day ("Feb. 15"): month-day key ("02-15") -> the words
    dates: dict[str, str] = field(default_factory=dict)
    #: exact figures of 10 or more, by what they measure: ("money", 5.7e9)
    figures: frozenset[tuple[str, float]] = frozenset()


@dataclass(frozen=True)
class FrameAlignment:
    """How two frames line up."""

    shared_who: tuple[str, ...]
    shared_where: tuple[str, ...]
    shared_action: tuple[str, ...]
    shared_when: tuple[str, ...] = ()
    place_a: str = ""  # the clashing places, when both name one and share none
    place_b: str = ""
    alike_places: bool = False  # the clashing places are spelled alike
    verdict: str = "aligned"  # "aligned", "place conflict" or "another event"
    shared_dates: tuple[str, ...] = ()  # days both name by month and day ("Feb. 15")

    @property
    def supports_one_event(self) -> bool:
        """Whether the frames pin one event: the same place, or two of who, when and
        what was done (a story's protagonist alone is in most of its claims)."""
        if self.shared_where:
            return True
        slots = (bool(self.shared_who) + bool(self.shared_when)
                 + (len(self.shared_action) >= SAME_ACTION_LEMMAS))
        return slots >= 2

    @property
    def pins_one_event(self) -> bool:
        """The same place and the same people, or what was done alike in two places
        spelled alike: strong enough for a weaker same-event probability (see
        :func:`~factdesk.matching.relations.decide`)."""
        if self.verdict == "place conflict" and self.alike_places:
            return len(self.shared_action) >= SAME_ACTION_LEMMAS  # one slip, one event
        return self.verdict == "aligned" and bool(self.shared_where and self.shared_who)

    @property
    def pins_one_act(self) -> bool:
        """The same people did what was done (two action lemmas in common) by the same
        day named by month and day: "He said the deal would keep the government open
        ... until Feb. 15 and that a bill would go before the Senate" / "Trump said
        he's prepared to sign a bill to open the government through Feb. 15." A day so
        named is a detail of one act as a place is (a weekday is not: every week has
        one)."""
        return self.verdict == "aligned" and bool(self.shared_who) \
            and bool(self.shared_dates) and len(self.shared_action) >= SAME_ACTION_LEMMAS


#: The hyphens that join the pieces of one word of a name ("Wal-Mart"): each piece is a
#: lemma of its own, and part of the name, not of what was done.
_NAME_JOINERS = re.compile(r"[-\u2010-\u2013]+")


def place_key(name: str) -> str:
    """The canonical key of a name, a country's short forms folded into one
    (:data:`COUNTRY_SHORT_NAMES`)."""
    key = canonical_key(name)
    short = COUNTRY_SHORT_NAMES.get(key)
    return canonical_key(short) if short else key


def _name_words(facts: ClaimFacts) -> set[str]:
    """The words of the claim's names, and the pieces of their hyphenated words ("Wal-Mart":
    "wal", "mart"), lower-cased: they say who or where, not what was done."""
    words = {w.casefold() for text, _l, c in facts.entities for w in f"{text} {c}".split()}
    return words | {piece for w in words for piece in _NAME_JOINERS.split(w) if piece}


_NAMED_EVENT = re.compile(
    r"\b(?:the|a|an)\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)" + _EVENT_NOUN_AFTER[1:])


_LOCATIVE_BEFORE_RE = re.compile(_LOCATIVE_BEFORE, re.IGNORECASE)
#: For a name the model tags a person or an organisation, only the prepositions that
#: place something ("from Bucha", "in Norwalk"): "to" and "into" are as often a verb's
#: or a noun's ("the decision to fire Strzok", "the investigation into Clinton").
_STRONG_LOCATIVE_BEFORE_RE = re.compile(_locative_before(_PLACING_WORDS), re.IGNORECASE)
_REPORTED_IN_BEFORE_RE = re.compile(_REPORTED_IN_BEFORE, re.IGNORECASE)
_EVENT_NOUN_AFTER_RE = re.compile(_EVENT_NOUN_AFTER, re.IGNORECASE)
#: A place name followed by one of these qualifies it, it is not where something happened:
#: "the largest of its kind in U.S. history", "in U.S. custody", "under U.S. law"; so
#: does a name before an inquiry's noun ("in assailing the Russia investigation", "in
#: the Clinton investigation"); a word may stand between ("in U.S. foreign policy"); and
#: a state before an elected official's title or party ("a staffer from Texas Rep. Roger
#: Williams' office", "Arizona Sen. John McCain").
_POSSESSIVE_AFTER_RE = re.compile(r"^['\u2019]s?\b")
_QUALIFIED_AFTER_RE = re.compile(
    r"^\s+(?:[a-z]+\s+)?(?:history|law|laws|politics|custody|courts?|government|officials?|forces|"
    r"troops|military|economy|markets?|policy|standards?|investigations?|probes?|"
    r"inquiry|inquiries|case|emails?|campaign|"
    r"(?i:reps?|sens?|gov|lt|representatives?|senators?|governors?|congressm[ae]n|"
    r"congresswom[ae]n|lawmakers?|legislators?|republicans?|democrats?|delegation))\b")


def _occurrences(text: str, name: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each occurrence of ``name`` in ``text``, left to right and not
    overlapping: what ``re.finditer(re.escape(name), text)`` finds, without compiling a
    pattern per name (those evict other patterns from ``re``'s cache)."""
    if not name:
        yield from ((i, i) for i in range(len(text) + 1))
        return
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        yield start, end
        start = text.find(name, end)


def is_publication(name: str) -> bool:
    """Whether ``name`` reads as a news outlet's ("the New York Times", "Fox News")."""
    words = name.casefold().replace("'s", "").split()
    return bool(words) and words[-1].strip(".,") in PUBLICATION_WORDS


def is_institution(name: str) -> bool:
    """Whether ``name`` reads as an institution's ("Treasury Department", "Congress")."""
    words = {w.strip(".,’'").casefold() for w in name.replace("’s", " ").split()}
    return bool(words & INSTITUTION_WORDS)


def _is_the_events_place(text: str, name: str, strong: bool = False) -> bool:
    """Whether ``name`` is written in ``text`` as the place something happened (not as
    the publication a claim was reported in); ``strong``: after a preposition that
    places something only (:data:`_STRONG_LOCATIVE_BEFORE_RE`)."""
    if is_publication(name):
        return False
    for start, end in _occurrences(text, name):
        before = text[max(start - 60, 0):start]
        if _REPORTED_IN_BEFORE_RE.search(before) or _QUALIFIED_AFTER_RE.match(text[end:]):
            continue
        if strong and _POSSESSIVE_AFTER_RE.match(text[end:]):
            continue  # a person's or a body's, not a place: "in Robert Mueller's inquiry"
        locative = _STRONG_LOCATIVE_BEFORE_RE if strong else _LOCATIVE_BEFORE_RE
        if locative.search(before) or _EVENT_NOUN_AFTER_RE.match(text[end:]):
            return True
    return False


def _frame_of(facts: ClaimFacts) -> EventFrame:
    who: dict[str, str] = {}
    people: dict[str, PersonIdentity] = {}  # who of the *who* keys are people
    where: dict[str, str] = {}
    for text, label, canonical in facts.entities:
        surface = strip_possessive(text)
        key = place_key(canonical or surface)
        if not key:
            continue
        # the small model often takes a town for a person or an organisation ("from
        # Bucha"): a name written where the event happened is its place
        if (label in WHERE_LABELS or label in WHO_LABELS and not is_institution(surface)) \
                and _is_the_events_place(facts.text, text, strong=label in WHO_LABELS):
            where.setdefault(key, surface)
        elif label in WHO_LABELS:
            who.setdefault(key, surface)
            person = facts.identity(surface, canonical) if label == "PERSON" else None
            if person is not None:
                people.setdefault(key, person)
    names = _name_words(facts)
    action = frozenset(
        lemma for lemma in facts.lemmas
        if lemma.isalpha() and len(lemma) > 2 and lemma not in GENERIC_ACTIONS
        and lemma not in NUMBER_WORDS and lemma not in WHEN_WORDS and lemma not in names)
    when = frozenset(lemma for lemma in facts.lemmas if lemma in WHEN_WORDS)
    for found in re.finditer(_NAMED_EVENT, facts.text):
        # "the Norwalk event": a place the model did not tag, named by its event
        name = found.group(1)
        if found.start() > 0 and (key := place_key(name)) and key not in who:
            where.setdefault(key, name)
    untagged = () if is_title_case(facts.text.split()) else _UNTAGGED_PLACE.finditer(facts.text)
    for found in untagged:  # in a headline in title case, every word is capitalised
        # "arrested in Plantation": a town the model tagged nothing, after a preposition
        # that places (names it tagged are read above; "in March", "in God" are no place)
        name = found.group(1)
        if _untagged_place(name, facts) and (key := place_key(name)) and key not in who:
            where.setdefault(key, name)
    speaker = facts.speaker_name
    folded = speaker.casefold() if speaker else ""
    if speaker and speaker[:1].isupper() and not any(
            folded.endswith(name.casefold()) for name in who.values()):
        # a name, not a phrase ("the lawsuit from Nebraska and Oklahoma, where ..."),
        # nor one of the names told with who they are ("Grimm's attorney, William
        # McGinley")
        who.setdefault(place_key(speaker), speaker)
        if facts.speaker_identity is not None:
            people.setdefault(place_key(speaker), facts.speaker_identity)
    figures = frozenset((measure_of(facts, q)[0], q.value) for q in facts.quantities
                        if q.qualifier == "exact" and q.value is not None
                        and q.value >= SHARED_FIGURE_MIN)
    return EventFrame(who, where, action, speaker, when, people, _named_days(facts), figures)


#: A month's name or its abbreviation: the day of a date so written is named.
_MONTH_WORD = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.IGNORECASE)


def _named_days(facts: ClaimFacts) -> dict[str, str]:
    """The claim's days named by month and day ("Feb. 15", "15 February"), keyed by
    month and day: the year of a yearless day is read from the article's date and the
    tense, which two outlets may read apart (one act, "until Feb. 15" / "through Feb.
    15"); whether the years conflict is the date comparison's question."""
    days: dict[str, str] = {}
    for time in facts.times:
        start, end = time.resolved_start, time.resolved_end
        if time.kind == "date" and start and start == end and len(start) == 10 \
                and _MONTH_WORD.search(time.text):
            days.setdefault(start[5:], time.text)
    return days


#: A capitalised name after a preposition that places something, not at a sentence's
#: start nor followed by a possessive ("in Plantation on Friday").
_UNTAGGED_PLACE = re.compile(
    r"(?<=[a-z,] )(?:in|at|near|outside)\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})\b(?![’'.-])")
#: Capitalised words after "in" / "at" that are no place.
_NOT_A_PLACE = frozenset(
    "god christ heaven english spanish french latin arabic islam christianity judaism "
    "mr mrs ms dr president senator rep sen gov judge congress parliament the a an "
    "this that his her their its our".split())


def _untagged_place(name: str, facts: ClaimFacts) -> bool:
    """Whether ``name`` (capitalised words after a placing preposition) may be a place
    the model did not tag: no part of a name it tagged, nor a day, month, title,
    language or institution."""
    words = name.casefold().split()
    if words[0] in _NOT_A_PLACE or any(w in WHEN_WORDS for w in words) \
            or is_institution(name) or is_publication(name):
        return False
    return not any(name in text or text in name for text, _l, _c in facts.entities)


def event_frame(facts: ClaimFacts) -> EventFrame:
    """The claim's frame, built once per :class:`ClaimFacts` (a claim is compared with
    many others; kept on the instance, as its ``cached_property`` values are)."""
    frame = facts.__dict__.get("_event_frame")
    if frame is None:
        frame = _frame_of(facts)
        facts.__dict__["_event_frame"] = frame
    return frame


def _split(x: dict[str, str], y: dict[str, str], text: str = "",
           other_people: tuple[dict[str, PersonIdentity], dict[str, PersonIdentity]] = ({}, {})
           ) -> tuple[list[str], list[str]]:
    """The names of ``x`` whose keys are also in ``y``, one name containing the other
    counting as shared ("Kharkiv" and "Kharkiv region"), and the others, in order.
    ``text``: the claim of ``x``; when it is a title-case headline, where the model takes
    several words for one name ("Obama Gun Control Proposals Unveiled"), a name shared by
    containment is named as ``y`` writes it ("Obama"). ``other_people``: the people
    among the keys of ``x`` and of ``y``; two namesakes
    :func:`~factdesk.nlp.person_identity.same_person` tells apart are not shared ("Clinton"
    of an article naming Bill Clinton / "Hillary Clinton")."""
    people_x, people_y = other_people
    shared: list[str] = []
    unshared: list[str] = []

    def one(kx: str, ky: str) -> bool:  # not two namesakes told apart
        px, py = people_x.get(kx), people_y.get(ky)
        return px is None or py is None or not surnames_match(px.surname, py.surname) \
            or same_person(px, py) is not False

    for key, surface in x.items():
        if key in y and one(key, key):
            shared.append(surface)
        elif (other := next((o for o in y if (key in o or o in key) and one(key, o)),
                            None)) is not None:
            shorter = len(other) < len(key) and is_title_case(text.split())
            shared.append(y[other] if shorter else surface)
        else:
            unshared.append(surface)
    return list(dict.fromkeys(shared)), unshared


def _names(facts: ClaimFacts, place: str) -> bool:
    """Whether the claim names ``place`` anywhere (as an entity or in its words)."""
    key = place_key(place)
    text = facts.text
    written = any((start == 0 or not text[start - 1].isalnum())
                  and (end == len(text) or not text[end].isalnum())
                  for start, end in _occurrences(text, place))
    return written or any(
        place_key(canonical or name) == key for name, _l, canonical in facts.entities)


def compare_frames(a: ClaimFacts, b: ClaimFacts) -> FrameAlignment:
    """Align the frames of two claims (see the module docstring)."""
    fa, fb = event_frame(a), event_frame(b)
    shared_who = _split(fa.who, fb.who, a.text, (fa.people, fb.people))[0] \
        if fa.who and fb.who else []
    shared_where, only_a = _split(fa.where, fb.where)
    only_b = _split(fb.where, fa.where)[1] if fb.where else []
    # a place the other claim names too, in another role, is no second place: "trophies
    # from Zambia and Zimbabwe" / "conservation efforts in Zimbabwe"
    only_a = [place for place in only_a if not _names(b, place)]
    only_b = [place for place in only_b if not _names(a, place)]
    shared_action = shared_actions(fa.action, fb.action)
    shared_when = tuple(sorted(fa.when & fb.when))
    shared_dates = tuple(day for key, day in fa.dates.items() if key in fb.dates)
    if only_a and only_b:
        place_a, place_b = max(((pa, pb) for pa in only_a for pb in only_b),
                               key=lambda pair: fuzz.ratio(pair[0], pair[1]))
        alike = fuzz.ratio(place_a, place_b) >= ALIKE_PLACES
        if alike or not shared_where:
            # one event: a slip of the pen, someone in common, or what was done on one
            # day ("arrested the suspect in Aventura on Friday" / "in Plantation")
            one_event = alike or bool(shared_who) or bool(shared_when) and \
                len(shared_action) >= SAME_ACTION_LEMMAS
            return FrameAlignment(tuple(shared_who), tuple(shared_where),
                                  tuple(shared_action), shared_when, place_a, place_b,
                                  alike, "place conflict" if one_event else "another event",
                                  shared_dates)
    return FrameAlignment(tuple(shared_who), tuple(shared_where), tuple(shared_action),
                          shared_when, shared_dates=shared_dates)


def place_discrepancy(a: ClaimFacts, b: ClaimFacts, alignment: FrameAlignment
                      ) -> Discrepancy:
    """The conflict of one event placed in two places, naming both outlets."""
    wa = a.outlet or "One article"
    wb = b.outlet or "the other"
    return Discrepancy(
        "place", "conflict",
        f"{wa} places it in {alignment.place_a}, {wb} in {alignment.place_b}: the same "
        "event cannot have happened in both places (one may be a mistake).",
        alignment.place_a, alignment.place_b)


def actor_of_another_event(a: ClaimFacts, b: ClaimFacts, found: list[Discrepancy],
                           alignment: FrameAlignment) -> Discrepancy | None:
    """For two claims linked as one event by their frames, not their wording: the note
    that the people they name differ because they tell two events of one kind, or None.

    An actor conflict says "one event, told with another person" ("Joe Biden" / "Hunter
    Biden said"); the package addressed to Clapper, intercepted in Manhattan, and the one
    addressed to Brennan, sent to CNN on Wednesday, are two packages. The conflict stands
    when the rest of the frame pins one event: namesakes (one may be a slip: Bill /
    Hillary Clinton), another person both name, or the same day word and what was done
    (:data:`SAME_ACTION_LEMMAS`); a place in common does not (a city is the background of
    many events), nor do peoples ("Russian forces" / "Ukrainian forces") count here."""
    actor = next((d for d in found if d.kind == "actor" and d.severity == "conflict"), None)
    if actor is None:
        return None
    person_a, person_b = _person_written(a, actor.a_text), _person_written(b, actor.b_text)
    if person_a is None or person_b is None or surnames_match(person_a.surname,
                                                              person_b.surname):
        return None
    fa, fb = event_frame(a), event_frame(b)
    people = {surface for frame in (fa, fb) for key, surface in frame.who.items()
              if key in frame.people}
    if set(alignment.shared_who) & people or alignment.shared_when and \
            len(alignment.shared_action) >= SAME_ACTION_LEMMAS:
        return None
    wa, wb = a.outlet or "One article", b.outlet or "the other"
    return Discrepancy(
        "actor", "vague",
        f"{wa} names {actor.a_text} where {wb} names {actor.b_text}, and nothing else "
        "pins one event: likely two events of one kind, not one fact told two ways.",
        actor.a_text, actor.b_text)


def _person_written(facts: ClaimFacts, name: str) -> PersonIdentity | None:
    """Who the person the claim writes ``name`` (or a name inside it) is, or None when
    it names no person so (a people: "Russian forces")."""
    for text, label, canonical in facts.entities:
        surface = strip_possessive(text).strip()
        if label == "PERSON" and surface and (surface in name or name in surface):
            return facts.identity(surface, canonical)
    return None


def _shown_who(names: tuple[str, ...], a: ClaimFacts, b: ClaimFacts) -> list[str]:
    """The shared names a reason shows as who: not a newspaper or broadcaster (a source
    the claims cite: "according to the Times") unless both claims have it speak (the
    actor: "The New York Times reported ..."), nor a name another shown name contains."""
    speakers = [(s or "").casefold() for s in (a.speaker_name, b.speaker_name)]
    kept = [name for name in names if not is_publication(name) or all(
        speaker and (name.casefold() in speaker or speaker in name.casefold())
        for speaker in speakers)]
    # "State" of "Secretary of State", taken for an organisation: a title, not who
    kept = [name for name in kept
            if not all(w.strip(".,").casefold() in TITLE_WORDS for w in name.split())]
    return without_contained(kept)


def frame_summary(a: ClaimFacts, b: ClaimFacts, differences: list[str] | None = None,
                  limit: int = 3, place_noted: bool = False) -> str:
    """One line: what two claims share, as ``a`` writes it ("Both: Richard Blumenthal;
    misspoke, served; in Vietnam; 2008"), and what differs (``differences``, and the
    places the frames disagree on unless ``place_noted``): a figure both give of the
    same thing first (:func:`~factdesk.matching.reason_words.shown_figures`: "Both: 23
    states; medical, marijuana"), who (names), what was done (the words of
    :func:`~factdesk.matching.reason_words.shown_actions`), where ("in ..."), when
    (days capitalised, years). Display only: the frames' comparison is unchanged."""
    alignment = compare_frames(a, b)
    parts = []
    if figures := shown_figures(a, b):  # the strongest shared detail: first
        parts.append(", ".join(figures[:limit]))
    told = {w.casefold() for figure in figures[:limit] for w in figure.split()}
    if who := _shown_who(alignment.shared_who, a, b):
        parts.append(", ".join(who[:limit]))
    if what := [w for w in shown_actions(alignment.shared_action, a)
                if w.casefold() not in told]:  # "60-day suspension" says "suspension"
        parts.append(", ".join(what[:limit]))
    if where := without_contained(list(alignment.shared_where)):
        parts.append("in " + ", ".join(where[:limit]))
    # days named by month and day ("Feb. 15") as written, then the shared day words
    if when := [*alignment.shared_dates, *shown_when(alignment.shared_when, a, b)]:
        parts.append(", ".join(when[:limit]))
    line = "Both: " + "; ".join(parts) if parts else "Shares little wording"
    differs = list(differences or [])
    if alignment.verdict != "aligned" and alignment.place_a and not place_noted:
        differs.insert(0, f"place {alignment.place_a} vs {alignment.place_b}")
    if differs:
        line += " · differs: " + "; ".join(dict.fromkeys(differs))
    return line if line.endswith(".") else line + "."  # "Cesar Sayoc Jr."
