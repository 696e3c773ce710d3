"""Plain dataclasses for everything a FactDesk project holds.

These are the shared vocabulary of every layer: storage returns them, services take and
give them, the GUI and the report renderers only read them. None of them knows SQL or Qt.
Structured details that travel as JSON (quantities, time expressions, discrepancies) are
kept as plain dicts so that they round-trip through the project file unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factdesk.model.outlet_names import OutletNames

CLAIM_KINDS: tuple[str, ...] = ("statistic", "quote", "event", "attribution", "other")
CLAIM_ORIGINS: tuple[str, ...] = ("detected", "manual")
STATUSES: tuple[str, ...] = ("to check", "in progress", "needs review", "done")
RELATIONS: tuple[str, ...] = ("same fact", "related", "conflicting")
DECISIONS: tuple[str, ...] = ("accepted", "rejected")
UNCHECKED: str = STATUSES[0]


def is_judged(rating: str | None, status: str) -> bool:
    """A checker has worked on the claim: it is rated, or moved on from "to check"."""
    return bool(rating) or status != UNCHECKED


class VerdictField(StrEnum):
    """The three fields of a verdict a checker edits (also its column in ``verdicts``)."""

    RATING = "rating"
    STATUS = "status"
    RATIONALE = "rationale"


@dataclass(frozen=True)
class Article:
    """One imported article: metadata plus the immutable cleaned text snapshot."""

    id: int
    title: str
    outlet: str
    author: str
    published: str | None  # ISO date (YYYY-MM-DD) when known
    url: str
    source_name: str  # original file name, or "pasted text"
    imported_at: str  # ISO timestamp
    text: str
    text_hash: str


#: The longest article text the analysis takes (spaCy's ``nlp.max_length``: its parser
#: needs about 1 GB per 100,000 characters). A longer article is kept and can be read,
#: but is marked not analysed until the checker splits it.
MAX_ANALYSED_CHARS = 1_000_000


def published_date(value: str | None) -> date | None:
    """The day an ISO ``published`` value (``Article.published``) names; None when it is
    missing or not a date."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Claim:
    """A check-worthy span of an article, anchored by offsets and by quote + context."""

    id: int
    article_id: int
    start: int
    end: int
    text: str
    prefix: str
    suffix: str
    kind: str
    score: float
    speaker: str | None
    origin: str  # "detected" or "manual"
    quantities: tuple[dict[str, Any], ...] = ()
    times: tuple[dict[str, Any], ...] = ()
    entities: tuple[dict[str, Any], ...] = ()  # {"text", "label", "canonical"}
    lemmas: str = ""  # space-separated content lemmas, for retrieval
    statement: str | None = None  # the claim as checked; None: the sentence as printed

    @property
    def as_checked(self) -> str:
        """The claim as the checker states it (its statement), else its words as printed."""
        return self.statement or " ".join(self.text.split())


@dataclass(frozen=True)
class EntityMention:
    """A named entity in an article with the canonical form it was merged into."""

    id: int
    article_id: int
    start: int
    end: int
    text: str
    label: str
    canonical: str


@dataclass(frozen=True)
class Alias:
    """A user-declared spelling variant: ``variant`` means the same as ``canonical``."""

    variant: str
    canonical: str


@dataclass(frozen=True)
class Match:
    """A suggested or decided link between two claims of different articles."""

    id: int
    claim_a: int
    claim_b: int
    score: float
    relation: str
    discrepancies: tuple[dict[str, Any], ...] = ()  # {"kind", "explanation", ...}
    decision: str | None = None  # "accepted", "rejected" or None
    # what the checker decided on (None / () when undecided, or decided before 0010):
    # the relation and differences shown then (see factdesk.model.match_changes)
    decided_relation: str | None = None
    decided_discrepancies: tuple[dict[str, Any], ...] = ()
    unrelated: bool = False  # the latest analysis no longer relates this decided pair


@dataclass(frozen=True)
class Evidence:
    """A source the checker relied on for a verdict."""

    id: int
    claim_id: int
    url: str
    title: str = ""
    note: str = ""
    accessed: str | None = None


@dataclass(frozen=True)
class Verdict:
    """The checker's judgement on one claim."""

    claim_id: int
    rating: str | None
    status: str
    rationale: str  # rich text (HTML); plain text is valid HTML too
    checker: str
    created_at: str
    updated_at: str
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class HistoryEntry:
    """One recorded change of a verdict, claim or match field."""

    id: int
    entity: str  # "verdict", "claim", "match", "evidence"
    entity_id: int
    field: str
    old: str | None
    new: str | None
    who: str
    at: str


@dataclass(frozen=True)
class Rating:
    """One step of a rating scale; ``value`` is None for textual ratings.

    ``publishable``: whether a check with this rating is published (ClaimReview, reports):
    "Not a claim" says the sentence needs no check, which is nothing to publish."""

    name: str
    value: int | None
    color: str
    key: str
    publishable: bool = True


@dataclass(frozen=True)
class ArchivedCheck:
    """A claim that was fact-checked earlier (imported from ClaimReview or CSV)."""

    id: str
    claim: str
    title: str = ""
    rating: str = ""
    url: str = ""
    date: str = ""
    publisher: str = ""  # the fact-checker (ClaimReview author), or the url's site
    rating_value: str = ""  # the rating on its scale, as given ("3", "4.5")
    best_rating: str = ""
    worst_rating: str = ""

    def rating_text(self) -> str:
        """The rating as a checker reads it: "Mostly True (3 on 1-5)", "False", "2 of 5"."""
        scale = ""
        if self.rating_value:
            if self.best_rating and self.worst_rating:
                scale = f"{self.rating_value} on {self.worst_rating}-{self.best_rating}"
            elif self.best_rating:
                scale = f"{self.rating_value} of {self.best_rating}"
            else:
                scale = f"{self.rating_value} (no scale given)"
        if self.rating and scale and self.rating != self.rating_value:
            return f"{self.rating} ({scale})"
        return self.rating if self.rating and not scale else (scale or self.rating)


@dataclass(frozen=True)
class ClaimDraft:
    """A claim about to be stored (detected by NLP or marked by hand); it has no id yet."""

    start: int
    end: int
    text: str
    prefix: str
    suffix: str
    kind: str
    score: float
    speaker: str | None = None
    origin: str = "detected"
    quantities: tuple[dict[str, Any], ...] = ()
    times: tuple[dict[str, Any], ...] = ()
    entities: tuple[dict[str, Any], ...] = ()
    lemmas: str = ""


@dataclass(frozen=True)
class MentionDraft:
    """An entity mention about to be stored."""

    start: int
    end: int
    text: str
    label: str
    canonical: str


@dataclass(frozen=True)
class MatchDraft:
    """A suggested match about to be stored; ``claim_a`` < ``claim_b`` is enforced on save."""

    claim_a: int
    claim_b: int
    score: float
    relation: str
    discrepancies: tuple[dict[str, Any], ...] = ()


_URL = re.compile(r"(?i)^https?://[^\s/?#]+\S*$")
_BARE_HOST = re.compile(r"(?i)^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$")
_DOI = re.compile(r"(?i)^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)$")


def web_address(text: str) -> str:
    """A web address (of an evidence source, of the published report) as typed,
    normalised: "example.com/x" and "www.example.com" get https://, a DOI
    ("doi:10.1000/x", "10.1000/x") its doi.org link. Raises ValueError, saying why, for
    anything else (a local file cannot be a published source)."""
    url = text.strip()
    if not url:
        raise ValueError("give a web address (https://…)")
    doi = _DOI.match(url)
    if doi:
        return "https://doi.org/" + doi.group(1)
    if _URL.match(url):
        return url
    if _BARE_HOST.match(url):
        return "https://" + url
    raise ValueError(f"not a web address: {url!r}; give a URL (https://…)")


#: How much a difference between two accounts weighs, in the order they are told.
DISCREPANCY_SEVERITIES: tuple[str, ...] = ("conflict", "vague", "variant", "compatible")


def severity_rank(severity: str) -> int:
    """Where a difference of this severity is told: conflicts first, then vague,
    variant and compatible ones (unknown ones last)."""
    if severity in DISCREPANCY_SEVERITIES:
        return DISCREPANCY_SEVERITIES.index(severity)
    return len(DISCREPANCY_SEVERITIES)


def is_spelling_variant(discrepancy: Mapping[str, Any]) -> bool:
    """A name spelled two ways ("Zelensky" / "Zelenskyy"): the same name, not a
    difference in what the outlets report."""
    return discrepancy.get("kind") == "name" and discrepancy.get("severity") == "variant"


def differences_told(discrepancies: Iterable[Mapping[str, Any]],
                     outlets: OutletNames | None = None, articles: Iterable[int] = (),
                     *, spellings: bool = True) -> tuple[str, ...]:
    """What a report tells of a match's discrepancies: their explanations, most severe
    first. A "compatible" one ("Wednesday" and "Wednesday morning" in articles of the
    same day: the same date) is no difference, and a "Difference:" line saying so only
    confuses a reader; the window's match panel still shows it. ``outlets`` tells them
    with the outlets' names now (``articles``: the match's two articles);
    ``spellings=False`` leaves out a name's spelling variants (a published report)."""
    told = sorted((d for d in discrepancies if d.get("severity") != "compatible"
                   and (spellings or not is_spelling_variant(d))),
                  key=lambda d: severity_rank(str(d.get("severity", ""))))
    articles = tuple(articles)
    return tuple((outlets.told(d, articles) if outlets is not None
                  else str(d.get("explanation") or d.get("kind"))) for d in told
                 if d.get("explanation") or d.get("kind"))


@dataclass(frozen=True)
class Discrepancy:
    """One difference between two claims' accounts, with a plain-English explanation
    (found by :mod:`factdesk.matching.discrepancies`, stored with the match)."""

    kind: str
    severity: str
    explanation: str
    a_text: str
    b_text: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Discrepancy:
        return cls(str(data["kind"]), str(data["severity"]), str(data["explanation"]),
                   str(data.get("a_text", "")), str(data.get("b_text", "")))
