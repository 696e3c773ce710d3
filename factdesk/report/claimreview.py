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
"""

from __future__ import annotations

from typing import Any

from factdesk.report.data import ClaimEntry, ReportData

CONTEXT = "https://schema.org"


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
        item["author"] = {"@type": "Person", "name": entry.speaker}
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


def claim_reviews(data: ReportData) -> list[dict[str, Any]]:
    """ClaimReviews of every rated claim of the report, in report order."""
    reviews = (claim_review(entry, data) for entry in data.claims)
    return [r for r in reviews if r is not None]
