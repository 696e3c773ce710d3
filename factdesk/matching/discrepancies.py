"""Finding how two matched claims from different outlets differ, in plain English.

Given the details of two claims (quantities, time expressions, entities, speaker),
this compares numbers as intervals, dates as resolved intervals or implied event
dates, names by canonical form, and quotes by speaker and wording, and says for each
difference whether it is a conflict, a spelling/wording variant, vague or compatible.
The figures are compared in :mod:`factdesk.matching.number_discrepancies`, names in
:mod:`factdesk.matching.name_discrepancies`, dates in
:mod:`factdesk.matching.date_discrepancies`, words in
:mod:`factdesk.matching.contradictions`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from factdesk.matching import quote_notes
from factdesk.matching.contradictions import charge_status, contradictions
from factdesk.matching.date_discrepancies import Offset, date_discrepancies, read_day_offsets
from factdesk.matching.name_discrepancies import (
    entity_spellings,
    list_difference,
    name_discrepancies,
    written_alike,
)

# re-exported: what other modules use of the figures' comparison
from factdesk.matching.number_discrepancies import MEASURE_UNITS as MEASURE_UNITS
from factdesk.matching.number_discrepancies import MONEY_UNITS as MONEY_UNITS
from factdesk.matching.number_discrepancies import ROUNDED_ZEROS as ROUNDED_ZEROS
from factdesk.matching.number_discrepancies import compare_quantities as compare_quantities
from factdesk.matching.number_discrepancies import measure_of as measure_of
from factdesk.matching.number_discrepancies import number_discrepancies
from factdesk.matching.number_discrepancies import rounded_from as rounded_from
from factdesk.matching.number_discrepancies import toll_conflict as toll_conflict
from factdesk.model.models import DISCREPANCY_SEVERITIES, Discrepancy, severity_rank
from factdesk.nlp.aliases import AliasResolver
from factdesk.nlp.name_folding import canonical_key, strip_possessive
from factdesk.nlp.person_identity import (
    ArticlePeople,
    PersonIdentity,
    article_people,
    honorific_gender_in,
    identify,
    is_person_name,
    same_person,
    titled_in,
)
from factdesk.nlp.quantities import Quantity
from factdesk.nlp.times import TimeExpression

if TYPE_CHECKING:
    from collections.abc import Iterable

    from factdesk.model.models import Claim

KINDS: tuple[str, ...] = ("number", "date", "name", "attribution", "wording", "negation",
                          "direction", "actor", "place", "reaction", "detail")
SEVERITIES: tuple[str, ...] = DISCREPANCY_SEVERITIES
WORDING_MIN, WORDING_MAX = 50.0, 95.0
ATTRIBUTION_MIN = 70.0
#: Words a quoted stretch needs to count as an excerpt of a longer quote.
PARTIAL_QUOTE_WORDS = 2
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"}
_QUOTED = re.compile(r"[\"“”«»]([^\"“”«»]{8,})[\"“”«»]")
#: The words after an opening quotation mark never closed, or before a closing one
#: never opened (the quotation's other half is in the next or previous sentence).
_QUOTE_OPENED = re.compile(r"(?:^|(?<=\s))[\"“«]([^\"“”«»]{8,})$")
_QUOTE_CLOSED = re.compile(r"^([^\"“”«»]{8,})[\"”»](?=\s|$)")
_PUNCTUATION = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class ClaimFacts:
    """What the comparison needs to know about one claim."""

    text: str
    kind: str
    speaker: str | None
    quantities: tuple[Quantity, ...]
    times: tuple[TimeExpression, ...]
    entities: tuple[tuple[str, str, str], ...]  # (text, label, canonical)
    article_date: date | None
    outlet: str = ""
    is_quote: bool = False
    lemmas: tuple[str, ...] = ()  # content lemmas (no entity or number keys)
    #: the article's person mentions, (text, canonical) in reading order; () when not
    #: known, and the claim's own names then stand for the article's people
    people: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_claim(cls, claim: Claim, article_date: date | None = None,
                   outlet: str = "", people: tuple[tuple[str, str], ...] = ()
                   ) -> ClaimFacts:
        """Build from a stored :class:`~factdesk.model.models.Claim` (JSON details)."""
        return cls(
            text=claim.text,
            kind=claim.kind,
            speaker=claim.speaker,
            quantities=tuple(Quantity.from_dict(q) for q in claim.quantities),
            times=tuple(TimeExpression.from_dict(t) for t in claim.times),
            entities=tuple((str(e.get("text", "")), str(e.get("label", "")),
                            str(e.get("canonical") or e.get("text", "")))
                           for e in claim.entities),
            article_date=article_date,
            outlet=outlet,
            is_quote=claim.kind == "quote",
            lemmas=tuple(t for t in (claim.lemmas or "").split() if ":" not in t),
            people=people,
        )

    @cached_property
    def speaker_name(self) -> str | None:
        """The speaker in canonical spelling, or None when unknown or a pronoun (read
        once: a claim is compared with many others)."""
        speaker = (self.speaker or "").strip()
        if not speaker or speaker.lower() in _PRONOUNS:
            return None
        base = strip_possessive(speaker).casefold()
        for text, _label, canonical in self.entities:
            if strip_possessive(text).casefold() == base and canonical:
                return canonical
        return strip_possessive(speaker)

    @cached_property
    def offsets(self) -> tuple[Offset, ...]:
        """The claim's relative day counts as offsets
        (:func:`~factdesk.matching.date_discrepancies.read_day_offsets`), read once (a claim is compared with many others)."""
        return tuple(read_day_offsets(self))

    @cached_property
    def dates(self) -> tuple[TimeExpression, ...]:
        """The claim's date expressions, resolved or not (read once)."""
        return tuple(t for t in self.times if t.kind == "date")

    @cached_property
    def absolute_times(self) -> tuple[TimeExpression, ...]:
        """The claim's resolved dates and intervals (read once)."""
        return tuple(t for t in self.times if t.kind in {"date", "interval"} and t.interval())

    @cached_property
    def spellings(self) -> dict[str, dict[str, str]]:
        """:func:`~factdesk.matching.name_discrepancies.entity_spellings`, read once (not
        to be changed by callers)."""
        return entity_spellings(self.entities)

    @cached_property
    def surfaces(self) -> dict[str, tuple[str, ...]]:
        """canonical -> every distinct way the claim writes that name (possessive
        removed), read once."""
        found: dict[str, dict[str, None]] = {}
        for text, _label, canonical in self.entities:
            surface = strip_possessive(text)
            if surface:
                found.setdefault(canonical or surface, {})[surface] = None
        return {c: tuple(s) for c, s in found.items()}

    @cached_property
    def article_people(self) -> ArticlePeople:
        """The people the claim's article names in full (its own names when the
        article's are not known), read once."""
        mentions = self.people or tuple((t, c) for t, label, c in self.entities
                                        if label == "PERSON")
        return article_people(mentions)

    def identity(self, name: str, canonical: str = "") -> PersonIdentity | None:
        """Who the person ``name`` (a name of this claim, or its speaker) is in its
        article: :func:`~factdesk.nlp.person_identity.identify`."""
        return identify(name, canonical, self.article_people, titled_in(self.text, name),
                        honorific_gender_in(self.text, name))

    @cached_property
    def person_identities(self) -> tuple[PersonIdentity, ...]:
        """The people the claim names, its speaker included, each once (read once)."""
        found: dict[str, PersonIdentity] = {}
        for text, label, canonical in self.entities:
            person = self.identity(strip_possessive(text), canonical) \
                if label == "PERSON" else None
            if person is not None:
                found.setdefault(person.key, person)
        if self.speaker_identity is not None:
            found.setdefault(self.speaker_identity.key, self.speaker_identity)
        return tuple(found.values())

    @cached_property
    def speaker_identity(self) -> PersonIdentity | None:
        """Who the claim's speaker is, when named by a person's name, not described
        ("the attorney general", "Grimm's attorney, William McGinley"; read once).

        The speaker is stored in its canonical form ("Donald Trump Jr." for "President
        Trump said", where the project names no other Trump in full); the claim's names
        of that canonical form say how it was written, and so who it is in the article."""
        name = self.speaker_name
        if name is None or not is_person_name(name):
            return None
        written = {strip_possessive(t) for t, label, c in self.entities
                   if label == "PERSON" and c == name}
        found = {self.identity(w, name) for w in written} or {self.identity(name, name)}
        return found.pop() if len(found) == 1 else None

    def shares_a_person(self, other: ClaimFacts) -> bool:
        """Whether the two claims name one person (speakers included): one by
        :func:`~factdesk.nlp.person_identity.same_person`, or undecided there and the
        same canonical name."""
        return any(verdict or verdict is None and x.key == y.key
                   for x in self.person_identities for y in other.person_identities
                   if (verdict := same_person(x, y)) is not False)

    @cached_property
    def persons(self) -> frozenset[str]:
        """Canonical keys of the people the claim names, its speaker included."""
        keys = {canonical_key(c or t) for t, label, c in self.entities if label == "PERSON"}
        if self.speaker_name:
            keys.add(canonical_key(self.speaker_name))
        return frozenset(k for k in keys if k)


def is_conflicting(discrepancies: Iterable[Discrepancy]) -> bool:
    """Does any difference contradict the other account?"""
    return any(d.severity == "conflict" for d in discrepancies)


def find_discrepancies(a: ClaimFacts, b: ClaimFacts, *, same_fact: bool = True
                       ) -> list[Discrepancy]:
    """Every difference between two claims thought to report the same fact.

    For claims only related (``same_fact=False``), lone numbers of different things
    (villages, bodies) are not compared: they need not be counts of one thing.
    """
    found: list[Discrepancy] = []
    found += number_discrepancies(a, b, same_fact)
    found += date_discrepancies(a, b)
    found += name_discrepancies(a, b)
    found += _quote_discrepancies(a, b)
    if same_fact:  # a claim only related may well deny or reverse something else
        found += contradictions(a, b)
    if (listed := list_difference(a, b)) is not None:
        # two lists of one set of people: who one adds is no other actor of one role
        found = [d for d in found if d.kind != "actor"] + [listed]
    if not any(d.kind == "negation" for d in found) and (
            charges := charge_status(a, b)) is not None:
        found.append(charges)  # charged / no charges: whatever the relation
    return sorted(found, key=lambda d: severity_rank(d.severity))  # conflicts first


def _who(facts: ClaimFacts, fallback: str) -> str:
    return facts.outlet or fallback



# ----------------------------------------------------------------------------- quotes

@lru_cache(maxsize=4096)  # a claim is compared with many others
def quote_text(text: str) -> str:
    """The quoted words of a claim (all quoted stretches), or the whole text.

    A quotation the sentence split cut in two has one mark only: the words after an
    opening mark that is never closed (said she "supports abortion and …), or before a
    closing mark never opened, are the quote."""
    # Not nlp.quote_spans (whole articles) nor contradictions._quoted_indices (word
    # positions): short marked words ("a fact") are no quote to compare here.
    parts = _quoted_stretches(text)
    if parts:
        return " ".join(parts)
    cut = _QUOTE_OPENED.search(text.strip())
    return cut.group(1) if cut else text


def _quoted_stretches(text: str) -> list[str]:
    """The quoted stretches of ``text``: the words before a closing mark never opened
    (the quotation began in the sentence before), then each pair of marks after them.
    Pairing the marks from the first would take that closing mark for an opening one
    and quote the attribution: ``… would know," Mr. Shelby said on NBC's "Meet the
    Press."`` is the quote and a programme's name, not "Mr. Shelby said on NBC's"."""
    text = text.strip()
    opened_before = _QUOTE_CLOSED.search(text)
    start = opened_before.end() if opened_before is not None else 0
    found = [m for m in _QUOTED.finditer(text, start)]
    # a programme's or paper's name in marks after the quote ("said on "Fox & Friends."")
    # is not the speaker's words
    words = [m.group(1) for m in found if not quote_notes.is_title_quote(text, m)]
    if opened_before is not None:
        return [opened_before.group(1), *words]
    return words or [m.group(1) for m in found]


_CONTENT = re.compile(r"[^\W\d_][\w'’-]{3,}")
_STOP = frozenset(
    "this that these those with from have been were will would could should their there "
    "they them what which when where while about after before said says also into over "
    "than then only other some such more most very just even many much being does "
    "like know want think going thing things really because through without against "
    "until since under again still never always here ever".split())


def content_words(text: str) -> set[str]:
    """Lower-cased content words of four letters or more (quote comparison)."""
    return {w.lower().rstrip("'’s") for w in _CONTENT.findall(text)} - _STOP


@lru_cache(maxsize=4096)  # a claim is compared with many others
def _normalise(text: str) -> str:
    return _plain(quote_text(text))


def quote_similarity(a: str, b: str) -> float:
    """0..100 similarity of the quoted words of two claims."""
    na, nb = _normalise(a), _normalise(b)
    return max(fuzz.ratio(na, nb), fuzz.token_sort_ratio(na, nb))


def is_partial_quote(a: str, b: str) -> bool:
    """Whether the quoted words of one claim are stretches of the other's, word for word
    ("a departure from typical Bureau practice" inside the whole sentence quoted; Fox's
    "outrageous distortion" beside HuffPost's "in Vietnam" and "outrageous distortion"):
    a shorter excerpt of one quote, not another wording of it."""
    short, long = sorted((a, b), key=lambda text: len(_normalise(text)))
    stretches = [_plain(part) for part in _quoted_stretches(short)] or [_normalise(short)]
    stretches = [part for part in stretches if part]
    whole = f" {_normalise(long)} "
    return (sum(len(part.split()) for part in stretches) >= PARTIAL_QUOTE_WORDS
            and all(f" {part} " in whole for part in stretches))


def _plain(text: str) -> str:
    """Lower case, punctuation as spaces, single spaces: how quoted words are compared."""
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", text.lower())).strip()


def speaker_name(facts: ClaimFacts) -> str | None:
    """The claim's speaker in canonical spelling, or None when unknown or a pronoun."""
    return facts.speaker_name


def same_speaker(a: ClaimFacts, b: ClaimFacts) -> bool | None:
    """True/False when both speakers are known, None when either is unknown or only
    described ("Strzok's attorney", "a spokesman": whom the other account names may be
    that very person, "Aitan Goelman", his attorney)."""
    sa, sb = speaker_name(a), speaker_name(b)
    if sa is None or sb is None:
        return None
    if (is_description(sa) or is_description(sb)) and sa.casefold() != sb.casefold():
        return None
    ia, ib = a.speaker_identity, b.speaker_identity
    if ia is not None and ib is not None:
        # people told apart by their articles ("Clinton" of an article naming Bill
        # Clinton, "Clinton" of one naming Hillary Clinton), else one person
        verdict = same_person(ia, ib)
        if verdict is not None:
            return verdict
    if sa.casefold() == sb.casefold() or canonical_key(sa) == canonical_key(sb):
        return True
    if min(len(sa.split()), len(sb.split())) >= 2 and written_alike(sa, sb):
        return True  # a speaker told with who they are: "Grimm's attorney, William McGinley"
    return _resolved_alike(sa, sb, a.entities, b.entities)


def is_description(speaker: str) -> bool:
    """Whether a speaker is described, not named: its last word is a common noun
    ("Strzok's attorney", "the military", "a law enforcement official"), where a name
    ends in a capital ("Aitan Goelman", "the Justice Department")."""
    words = speaker.split()
    last = words[-1].strip(".,;:") if words else ""
    return bool(last) and last.isalpha() and last.islower()


@lru_cache(maxsize=4096)  # a pair is asked again by each of its checks
def _resolved_alike(sa: str, sb: str, entities_a: tuple[tuple[str, str, str], ...],
                    entities_b: tuple[tuple[str, str, str], ...]) -> bool:
    """Whether alias resolution over both claims' names makes one person of the two
    speakers."""
    mentions = [(sa, "PERSON"), (sb, "PERSON")]
    mentions += [(t, label) for ents in (entities_a, entities_b) for t, label, _c in ents]
    resolved = AliasResolver().resolve(mentions)
    return resolved.get(sa) == resolved.get(sb)


def names_its_speaker(facts: ClaimFacts) -> bool:
    """Whether the claim names its speaker outside the quoted words ("…,” Goelman said),
    rather than a pronoun the speaker was read for from the sentences around it ("He
    added, “…”")."""
    name = speaker_name(facts)
    if not name:
        return False
    outside = facts.text
    for part in _quoted_stretches(facts.text):
        outside = outside.replace(part, " ")
    outside = outside.casefold()
    words = {w.casefold() for w in (facts.speaker or "", name) for w in w.split()
             if len(w) > 2}
    return any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", outside) for w in words)


def _quote_discrepancies(a: ClaimFacts, b: ClaimFacts) -> list[Discrepancy]:
    if not (a.is_quote and b.is_quote):
        return []
    similarity = quote_similarity(a.text, b.text)
    same = same_speaker(a, b)
    qa, qb = quote_text(a.text), quote_text(b.text)
    wa, wb = _who(a, "One article"), _who(b, "the other")
    if same is False and similarity >= ATTRIBUTION_MIN:
        unnamed = [f for f in (a, b) if not names_its_speaker(f)]
        if unnamed:
            f = unnamed[0]
            return [Discrepancy(
                "attribution", "vague",
                f"{wa} attributes these words to {speaker_name(a)}, {wb} to "
                f"{speaker_name(b)}, but {_who(f, 'one article')} does not name the speaker "
                f"in this sentence (“{speaker_name(f)}” is read from the text "
                "around it): check who is speaking.", qa, qb)]
        return [Discrepancy(
            "attribution", "conflict",
            f"{wa} attributes these words to {speaker_name(a)}, {wb} to {speaker_name(b)} — the "
            f"same quote ({similarity:.0f}% similar) credited to different speakers.", qa, qb)]
    if same is not False and WORDING_MIN <= similarity < WORDING_MAX \
            and not is_partial_quote(a.text, b.text):
        who = (speaker_name(a) or speaker_name(b)) if same else None
        return [Discrepancy("wording", "variant", wording_note(a, b, who, similarity),
                            qa, qb)]
    return []


def wording_note(a: ClaimFacts, b: ClaimFacts, speaker: str | None, similarity: float
                 ) -> str:
    """:func:`~factdesk.matching.quote_notes.wording_note` of two claims."""
    return quote_notes.wording_note(_who(a, "One article"), _who(b, "the other"),
                                    (a.text, b.text), speaker, similarity)
