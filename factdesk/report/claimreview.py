"""ClaimReview JSON-LD (schema.org) of a report's verdicts, as fact-checkers publish them.

One ``ClaimReview`` per published check, in a JSON list. What it says:

- ``claimReviewed``: the claim as checked (the checker's short statement; the sentence
  when there is none). The sentence as printed stays in the record as the appearance's
  ``text``.
- ``reviewRating``: ``alternateName`` (the rating's name, the textual rating consumers
  read) and, for a rating on the scale's ordinal truth scale, ``ratingValue`` /
  ``bestRating`` / ``worstRating``: its own number and the scale's best and worst (on the
  default scale True is 6 on 1-6, Pants on fire 1 on 1-6). A rating off that scale
  (Misleading, Unverifiable: no number on the scale) carries ``alternateName`` alone, so
  that no number ranks it below "Pants on fire". A rating the scale does not publish
  ("Not a claim") is never written.
- ``itemReviewed``: the ``Claim`` with its ``author`` (the claimant: a ``Person`` or an
  ``Organization`` with the canonical full name from the entity table and the job title
  the article gives, see :mod:`factdesk.report.claimants`; else the outlet, when the
  claim is the outlet's own report; a quotation or reported speech of someone not
  identified has no author, and the export notes it),
  ``appearance`` (the claim's article and the articles of matches the checker accepted
  as the same fact, an accepted related one included, whose sentence is the same
  claimant's, each with url, date, headline and publisher; suggestions and conflicting
  reports, the same event told with another detail, never) and ``firstAppearance`` (the
  earliest dated of them).
- ``author``: the "organisation" setting as an ``Organization`` with its url (the
  "organisation_url" setting, else the origin of the report's address); the checker is
  named as the review's ``creator``. With no organisation, the checker is the author. A
  verdict made before a checker name was set names no checker (never "unnamed
  checker"); the notes say so.
- ``datePublished``: the day of the verdict's last change; ``url``: the "report_url"
  setting + ``#claim-<id>``.
- Only finished checks (status "done") are published unless the export chose statuses;
  a chosen unfinished one carries ``creativeWorkStatus: "Draft"``.
  :func:`publication_notes` says what a publisher should know.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from factdesk.model.text import counted
from factdesk.report.claimants import speaker_type
from factdesk.report.data import (
    PUBLISHED_STATUS,
    ClaimEntry,
    RatingInfo,
    ReportData,
)

__all__ = ["CONTEXT", "PUBLISHED_STATUS", "claim_review", "claim_reviews",
           "publication_notes", "speaker_type"]

CONTEXT = "https://schema.org"
#: Google's advice for the length of ``claimReviewed``.
ADVISED_CLAIM_LENGTH = 75


def _work(url: str, date: str | None, outlet: str, title: str, text: str) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "url": url}
    if title:
        work["headline"] = title
    if date:
        work["datePublished"] = date
    if outlet:
        work["publisher"] = {"@type": "Organization", "name": outlet}
    if text:
        work["text"] = text
    return work


def _appearances(entry: ClaimEntry) -> list[dict[str, Any]]:
    works = []
    if entry.url:
        works.append(_work(entry.url, entry.date, entry.outlet, entry.article_title,
                           entry.text))
    seen = {entry.url}
    for other in entry.appearances:  # accepted "same fact" matches: the claim itself
        if other.url and other.url not in seen:
            seen.add(other.url)
            works.append(_work(other.url, other.date, other.outlet, other.article_title,
                               other.text))
    return works


def organisation_url(data: ReportData) -> str:
    """The publishing organisation's web address: its setting, else the origin of the
    report's address ("https://checks.example/izium" gives "https://checks.example/")."""
    if data.organisation_url:
        return data.organisation_url
    if data.report_url:
        parts = urlsplit(data.report_url)
        if parts.scheme and parts.netloc:
            return f"{parts.scheme}://{parts.netloc}/"
    return ""


def _claimant(entry: ClaimEntry) -> dict[str, Any] | None:
    """The Claim's ``author``: the claimant; without one, the outlet only when the claim
    is its own report. A quotation or reported speech whose speaker FactDesk did not
    identify has no author here (schema.org and Google make it recommended, not
    required): naming the outlet would publish that it made someone else's claim. The
    outlet is the appearance's ``publisher`` either way."""
    if entry.claimant is not None:
        author: dict[str, Any] = {"@type": entry.claimant.kind, "name": entry.claimant.name}
        if entry.claimant.job_title and entry.claimant.kind == "Person":
            author["jobTitle"] = entry.claimant.job_title
        return author
    if entry.outlet and not entry.reports_someone:
        return {"@type": "Organization", "name": entry.outlet}
    return None


def _rating(rating: RatingInfo) -> dict[str, Any]:
    """The ``Rating``: its name; its numbers only on the ordinal scale."""
    node: dict[str, Any] = {"@type": "Rating"}
    if rating.place is not None:
        value, best, worst = rating.place
        node.update(ratingValue=value, bestRating=best, worstRating=worst)
    node["alternateName"] = rating.name
    return node


def claim_review(entry: ClaimEntry, data: ReportData) -> dict[str, Any] | None:
    """The ClaimReview of one claim, or None when it has no rating to publish."""
    if entry.rating is None or not entry.rating.publishable:
        return None
    rating = _rating(entry.rating)
    item: dict[str, Any] = {"@type": "Claim"}
    claimant = _claimant(entry)
    if claimant:
        item["author"] = claimant
    if entry.date:
        item["datePublished"] = entry.date
    appearances = _appearances(entry)
    if appearances:
        item["appearance"] = appearances
        dated = [w for w in appearances if w.get("datePublished")]
        if dated:
            item["firstAppearance"] = min(dated, key=lambda w: w["datePublished"])
    # a verdict made before a checker name was set names no one: no "unnamed checker"
    # is published (publication_notes says so)
    checker = {"@type": "Person", "name": entry.checker} if entry.checker else None
    author: dict[str, Any] | None = checker
    if data.organisation:
        author = {"@type": "Organization", "name": data.organisation}
        if url := organisation_url(data):
            author["url"] = url
    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "claimReviewed": entry.headline,
        "reviewRating": rating,
        "itemReviewed": item,
    }
    if author is not None:
        review["author"] = author
    if data.organisation and checker is not None:
        review["creator"] = checker
    if entry.updated_at:
        review["datePublished"] = entry.updated_at[:10]
    if url := review_url(entry, data):
        review["url"] = url
    if entry.draft:
        review["creativeWorkStatus"] = "Draft"
    return review


def review_url(entry: ClaimEntry, data: ReportData) -> str:
    """The address of this check in the published report ("" without a report_url)."""
    return f"{data.report_url.split('#')[0]}#{entry.anchor}" if data.report_url else ""


def reviewer_name(entry: ClaimEntry, data: ReportData) -> str:
    """Who the review is by, as ClaimReview's author names it: the organisation, else
    the checker."""
    return data.organisation or entry.checker


def unsigned_note(count: int) -> str:
    """The note on checks whose verdicts name no checker."""
    return (f"{counted(count, 'check')} {'names' if count == 1 else 'name'} no checker (the "
            "verdict was made before a checker name was set), so no checker is published "
            "for it: set the name in Preferences ▸ Project or with 'factdesk settings P "
            "checker NAME', then save the verdict again")


def _published(data: ReportData) -> list[ClaimEntry]:
    """The report's checks to publish: every selected one (the report already holds
    finished checks only, unless the export chose statuses)."""
    return list(data.claims)


def claim_reviews(data: ReportData) -> list[dict[str, Any]]:
    """ClaimReviews of the report's rated, publishable claims, in report order."""
    reviews = (claim_review(entry, data) for entry in _published(data))
    return [r for r in reviews if r is not None]


def publication_notes(data: ReportData, reviews: list[dict[str, Any]]) -> list[str]:
    """What a publisher of ``reviews`` (:func:`claim_reviews` of ``data``) should know
    (empty when nothing)."""
    notes = []
    unpublishable = data.unpublished_left_out + sum(
        1 for e in data.claims if e.rating is not None and not e.rating.publishable)
    if unpublishable:
        notes.append(f"{counted(unpublishable, 'check')} with a rating the scale does not publish "
                     "(such as Not a claim) not written")
    drafts = sum(1 for r in reviews if r.get("creativeWorkStatus") == "Draft")
    if drafts:
        notes.append(f"{counted(drafts, 'review')} of unfinished checks written as drafts "
                     f"(status other than {PUBLISHED_STATUS})")
    if data.unfinished_left_out:
        notes.append(f"{counted(data.unfinished_left_out, 'rated check')} not done left out: only "
                     f"finished checks (status {PUBLISHED_STATUS}) are published; --status "
                     "chooses others")
    if not reviews:
        return notes + ["no ClaimReview written: no selected check has a published rating"]
    if data.scale_problem:
        notes.append("the reviews carry no rating numbers, only the ratings' names: the "
                     f"rating scale's numbers do not form one scale ({data.scale_problem})")
    else:
        textual = sorted({r["reviewRating"]["alternateName"] for r in reviews
                          if "ratingValue" not in r["reviewRating"]})
        if textual:
            notes.append(f"{', '.join(textual)}: off the scale's numbers, published by name "
                         "(alternateName) without ratingValue")
    unsigned = sum(1 for r in reviews if "creator" not in r
                   and r.get("author", {}).get("@type") != "Person")
    if unsigned:
        notes.append(unsigned_note(unsigned) + (
            "" if data.organisation else
            f"; without an organisation {'it has' if unsigned == 1 else 'they have'} no "
            "author (search engines require one)"))
    if not data.report_url:
        notes.append("the reviews have no url (search engines require one): set the web "
                     "address the report is published at (report_url)")
    if not data.organisation:
        notes.append("the reviews' author is the checker as a person: set the organisation "
                     "that publishes them (organisation, organisation_url)")
    elif not organisation_url(data):
        notes.append("the organisation has no web address: set organisation_url")
    long = sum(1 for r in reviews if len(r["claimReviewed"]) > ADVISED_CLAIM_LENGTH)
    if long:
        notes.append(f"{counted(long, 'claim')} reviewed {'is' if long == 1 else 'are'} longer than "
                     f"{ADVISED_CLAIM_LENGTH} "
                     "characters (search engines advise shorter): state them as checked "
                     "(factdesk claim P statement ID \"...\")")
    elsewhere = sum(1 for e in data.claims for o in e.others
                    if o.reviewed and o.relation == "same fact" and o not in e.appearances)
    if elsewhere:
        notes.append(f"{counted(elsewhere, 'accepted same-fact report')} left out of the "
                     f"appearances: {'its sentence names' if elsewhere == 1 else 'their sentences name'} "
                     "another speaker than the claimant, or none (the claim as someone else's "
                     "words is not the claimant's claim)")
    unnamed = [e.claim_id for e in _published(data) if e.claimant is None and e.reports_someone
               and e.rating is not None and e.rating.publishable]
    if unnamed:
        notes.append(f"{counted(len(unnamed), 'review')} of someone else's words "
                     f"(claim {', '.join(map(str, unnamed))}) {'names' if len(unnamed) == 1 else 'name'} "
                     "no claimant: FactDesk found no speaker, and the outlet only reported "
                     "them; name the speaker in the statement "
                     "(factdesk claim P statement ID \"Name: ...\") or re-span the claim, "
                     "which reads its speaker again (factdesk claim P span ID START END)")
    unplaced = sum(1 for r in reviews if "appearance" not in r["itemReviewed"])
    if unplaced:
        notes.append(f"{counted(unplaced, 'review')} {'names' if unplaced == 1 else 'name'} no "
                     "appearance: their article has no url")
    undated = sum(1 for r in reviews for w in r["itemReviewed"].get("appearance", [])
                  if "datePublished" not in w)
    if undated:
        notes.append(f"{counted(undated, 'appearance')} {'has' if undated == 1 else 'have'} no date: "
                     "set the articles' dates")
    return notes
