"""ClaimReview JSON-LD (schema.org) of a report's verdicts, as fact-checkers publish them.

One ``ClaimReview`` per claim with a rating, in a JSON list. Choices:

- Numeric ratings carry ``ratingValue`` with the scale's ``bestRating``/``worstRating``;
  textual ratings (no number: Misleading, Unverifiable, ...) omit all three and carry
  only ``alternateName``, as Google's fact-check guidance allows (a ratingValue without a
  place on the scale would misstate the verdict).
- ``itemReviewed.author``: the speaker as a ``Person`` when the claim is a quote, else
  the outlet as an ``Organization``. ``appearance``: the claim's article plus the
  articles of accepted matches and of undecided "same fact" suggestions (rejected ones
  never); ``firstAppearance``: the earliest dated of those.
- The review's ``author``: the "organisation" setting as an ``Organization``, else the
  checker as a ``Person``; ``datePublished``: the date of the verdict's last change;
  ``url``: the "report_url" setting + ``#claim-<id>`` when it is set.
- A speaker is a ``Person`` when written as a name (capitalised words, "Pavlo
  Kyrylenko"), else an ``Organization`` ("Ukrainian officials on site", "the military").
- ClaimReview is what a desk publishes: unless the export chooses statuses, only
  finished checks (status "done") are written. :func:`publication_notes` says what a
  publisher should know: checks left out, no review url or organisation, reviews that
  name no appearance.
"""

from __future__ import annotations

import re
from typing import Any

from factdesk.report.data import ClaimEntry, ReportData

CONTEXT = "https://schema.org"
#: The status of a check ready to publish: the only one exported unless chosen otherwise.
PUBLISHED_STATUS = "done"
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[a-z]{1,3}|d['’]\w+)$")  # "Kyrylenko", "de"


#: Words that make a name an organisation's ("Russian Defence Ministry", "The Kremlin").
_BODY_WORDS = frozenset("""ministry ministries office department agency committee party
    police army forces force military council government court commission union association
    organization organisation kremlin pentagon parliament senate congress house bureau
    service services administration authority authorities company corporation group bank
    institute university foundation embassy command staff""".split())


def speaker_type(speaker: str) -> str:
    """``Person`` for a speaker written as a person's name, ``Organization`` for a body
    ("The Kremlin", "NATO", "Russian Defence Ministry") or a description."""
    words = speaker.split()
    named = 0 < len(words) <= 5 and words[0][:1].isupper() and all(
        _NAME_WORD.match(w) for w in words)
    body = (words and words[0].lower() == "the") or any(
        w.lower().strip(".,'’s") in _BODY_WORDS for w in words) or any(
        len(w) > 1 and w.isupper() for w in words)  # an acronym: NATO, UN
    return "Person" if named and not body else "Organization"


def _work(url: str, date: str | None, outlet: str, title: str) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "url": url}
    if title:
        work["headline"] = title
    if date:
        work["datePublished"] = date
    if outlet:
        work["publisher"] = {"@type": "Organization", "name": outlet}
    return work


def _appearances(entry: ClaimEntry) -> list[dict[str, Any]]:
    works = []
    if entry.url:
        works.append(_work(entry.url, entry.date, entry.outlet, entry.article_title))
    seen = {entry.url}
    for other in entry.others:
        same = other.decision == "accepted" or (
            other.decision is None and other.relation == "same fact"
        )
        if same and other.url and other.url not in seen:
            seen.add(other.url)
            works.append(_work(other.url, other.date, other.outlet, other.article_title))
    return works


def claim_review(entry: ClaimEntry, data: ReportData) -> dict[str, Any] | None:
    """The ClaimReview of one claim, or None when it has no rating."""
    if entry.rating is None:
        return None
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": entry.rating.name}
    if entry.rating.value is not None and data.best is not None and data.worst is not None:
        rating.update(ratingValue=entry.rating.value, bestRating=data.best,
                      worstRating=data.worst)
    item: dict[str, Any] = {"@type": "Claim"}
    if entry.speaker:
        item["author"] = {"@type": speaker_type(entry.speaker), "name": entry.speaker}
    elif entry.outlet:
        item["author"] = {"@type": "Organization", "name": entry.outlet}
    if entry.date:
        item["datePublished"] = entry.date
    appearances = _appearances(entry)
    if appearances:
        item["appearance"] = appearances
        dated = [w for w in appearances if w.get("datePublished")]
        if dated:
            item["firstAppearance"] = min(dated, key=lambda w: w["datePublished"])
    if data.organisation:
        author: dict[str, Any] = {"@type": "Organization", "name": data.organisation}
    else:
        author = {"@type": "Person", "name": entry.checker or data.checkers[0]}
    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "claimReviewed": entry.text,
        "reviewRating": rating,
        "itemReviewed": item,
        "author": author,
    }
    if entry.updated_at:
        review["datePublished"] = entry.updated_at[:10]
    if data.report_url:
        review["url"] = f"{data.report_url.split('#')[0]}#{entry.anchor}"
    return review


def _published(data: ReportData) -> list[ClaimEntry]:
    """The report's claims to publish: finished checks only, unless the report chose its
    statuses."""
    if data.filter.statuses:
        return list(data.claims)
    return [e for e in data.claims if e.status == PUBLISHED_STATUS]


def claim_reviews(data: ReportData) -> list[dict[str, Any]]:
    """ClaimReviews of the report's rated claims to publish (see :func:`_published`), in
    report order."""
    reviews = (claim_review(entry, data) for entry in _published(data))
    return [r for r in reviews if r is not None]


def publication_notes(data: ReportData, reviews: list[dict[str, Any]]) -> list[str]:
    """What a publisher of ``reviews`` (:func:`claim_reviews` of ``data``) should know
    (empty when nothing)."""
    notes = []
    published = {e.claim_id for e in _published(data)}
    left_out = [e for e in data.claims if e.rating is not None and e.claim_id not in published]
    if left_out:
        statuses = ", ".join(sorted({e.status for e in left_out}))
        notes.append(f"{len(left_out)} rated claim(s) not done ({statuses}) left out: "
                     "only finished checks are published (choose statuses to include them)")
    if not reviews:
        return notes + ["no ClaimReview written: no finished check has a rating"]
    if not data.report_url:
        notes.append("the reviews have no url (search engines require one): set the web "
                     "address the report is published at (report_url)")
    if not data.organisation:
        notes.append("the reviews' author is the checker as a person: set the organisation "
                     "that publishes them (organisation)")
    unplaced = sum(1 for r in reviews if "appearance" not in r["itemReviewed"])
    if unplaced:
        notes.append(f"{unplaced} review(s) name no appearance: their article has no url")
    return notes
