"""ClaimReview records from JSON-LD, read as JSON-LD with pyld and a bundled context.

The documents are expanded by pyld (the JSON-LD 1.1 processor) with schema.org's
bundled context, never fetched (:mod:`factdesk.ingest.jsonld_expansion`; big feeds in
parts, with progress and cancel). Expansion resolves what publishers vary: ``@graph``, ``@list``,
aliases such as ``type``/``id``, ``@value``/``@language`` values, single values or
lists. Every ClaimReview node in the expanded tree is then read, wherever it sits: in a
DataFeed's ``dataFeedElement[].item[]``, an ItemList's ``itemListElement``, a
NewsArticle's ``mainEntity`` or ``review``, or at the top.

``ReadCancelled`` is re-exported here for the importers' callers.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from factdesk.ingest.jsonld_expansion import (
    SCHEMA_PREFIXES,
    CancelCheck,
    ReadCancelled,
    ReadProgress,
    expand,
    expand_in_parts,
)

__all__ = ["NodeReader", "ReadCancelled", "ReviewRead", "ReviewRecord", "expand",
           "read_reviews", "schema_name", "walk_nodes"]


@dataclass(frozen=True)
class ReviewRecord:
    """One ClaimReview as read: the fields an archive keeps, as text."""

    claim: str
    review_id: str = ""  # its own @id (not a blank node)
    title: str = ""
    rating: str = ""  # the rating's name (alternateName, else name)
    rating_value: str = ""
    best_rating: str = ""
    worst_rating: str = ""
    publisher: str = ""
    url: str = ""
    date: str = ""


@dataclass
class ReviewRead:
    """What reading one document found: records, and (position, reason) of the
    ClaimReviews that could not be kept, plus notes for the checker."""

    records: list[ReviewRecord]
    skipped: list[tuple[str, str]]
    notes: list[str]

    @property
    def read(self) -> int:
        return len(self.records) + len(self.skipped)


def schema_name(iri: object) -> str:
    """``"http://schema.org/ClaimReview"`` -> ``"ClaimReview"`` (other IRIs as they are;
    "" for what is no IRI, such as a null left in a malformed document)."""
    if not isinstance(iri, str):
        return ""
    for prefix in SCHEMA_PREFIXES:
        if iri.startswith(prefix):
            return iri[len(prefix):]
    return iri


def _is_claim_review(node: dict[str, Any]) -> bool:
    return any(schema_name(t) == "ClaimReview" for t in node.get("@type", []))


def walk_nodes(value: Any) -> Iterator[dict[str, Any]]:
    """Every node object in an expanded tree, parents before children, in order."""
    if isinstance(value, list):
        for item in value:
            yield from walk_nodes(item)
    elif isinstance(value, dict):
        if "@list" in value:
            yield from walk_nodes(value["@list"])
            return
        if "@value" in value:
            return
        if "@graph" in value:
            yield from walk_nodes(value["@graph"])
        yield value
        for key, item in value.items():
            if not key.startswith("@"):
                yield from walk_nodes(item)


class NodeReader:
    """Reads property values of expanded nodes, following references by @id."""

    def __init__(self, tree: list[dict[str, Any]]) -> None:
        self.by_id: dict[str, dict[str, Any]] = {}
        self.all_nodes = list(walk_nodes(tree))
        for node in self.all_nodes:
            node_id = node.get("@id")
            if node_id and len(node) > 1 and node_id not in self.by_id:
                self.by_id[node_id] = node

    def values(self, node: dict[str, Any], name: str) -> list[Any]:
        found: list[Any] = []
        for prefix in SCHEMA_PREFIXES:  # expanded keys are full schema.org IRIs
            items = node.get(prefix + name)
            if items is None:
                continue
            for item in items if isinstance(items, list) else [items]:
                if isinstance(item, dict) and "@list" in item:
                    found.extend(item["@list"])
                else:
                    found.append(item)
        return [self.by_id.get(v["@id"], v) if isinstance(v, dict) and set(v) == {"@id"}
                else v for v in found]

    def nodes(self, node: dict[str, Any], name: str) -> list[dict[str, Any]]:
        return [v for v in self.values(node, name) if isinstance(v, dict) and "@value" not in v]

    def text(self, node: dict[str, Any], *names: str) -> str:
        """The first text value of the first property that has one; a language-tagged
        value in English is preferred over other languages."""
        for name in names:
            texts = [(v.get("@language") or "", _scalar(v)) for v in self.values(node, name)
                     if isinstance(v, dict) and ("@value" in v or set(v) == {"@id"})]
            texts = [(lang, t) for lang, t in texts if t]
            if texts:
                english = [t for lang, t in texts if lang.lower().startswith("en")]
                return english[0] if english else texts[0][1]
        return ""


def _scalar(value: dict[str, Any]) -> str:
    raw = value.get("@value", value.get("@id", ""))
    if isinstance(raw, bool) or raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return " ".join(str(raw).split())


def _publisher(reader: NodeReader, review: dict[str, Any], url: str) -> str:
    for role in ("author", "publisher", "creator", "sourceOrganization"):
        for party in reader.nodes(review, role):
            name = reader.text(party, "name", "legalName", "alternateName")
            if name:
                return name
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.")


def _rating(reader: NodeReader, review: dict[str, Any]) -> tuple[str, str, str, str]:
    """(name, value, best, worst) of the review's rating; of several, the first named
    one (``reviewRating`` given as a list)."""
    ratings = reader.nodes(review, "reviewRating")
    ratings.sort(key=lambda r: not reader.text(r, "alternateName", "name"))
    for rating in ratings:
        return (reader.text(rating, "alternateName", "name"), reader.text(rating, "ratingValue"),
                reader.text(rating, "bestRating"), reader.text(rating, "worstRating"))
    plain = reader.text(review, "reviewRating")  # a bare "False"
    return plain, "", "", ""


def read_reviews(data: Any, base: str | None = None, *,
                 progress: ReadProgress | None = None,
                 cancelled: CancelCheck | None = None) -> ReviewRead:
    """Every ClaimReview in a parsed JSON(-LD) document. A big feed is expanded in parts
    (:func:`factdesk.ingest.feed_expansion.expand_in_parts`), with ``progress(done,
    total, what)`` after each and :class:`ReadCancelled` raised when ``cancelled()``."""
    tree, notes = expand_in_parts(data, base, progress=progress, cancelled=cancelled)
    reader = NodeReader(tree)
    result = ReviewRead([], [], notes)
    reviews = [node for node in reader.all_nodes if _is_claim_review(node)]
    seen: set[int] = set()
    for position, node in enumerate(reviews, start=1):
        if id(node) in seen:
            continue
        seen.add(id(node))
        claim = reader.text(node, "claimReviewed")
        if not claim:
            for item in reader.nodes(node, "itemReviewed"):
                claim = reader.text(item, "text", "name", "headline")
                if claim:
                    break
        url = reader.text(node, "url")
        if not claim:
            where = url or reader.text(node, "name", "headline") or f"ClaimReview {position}"
            result.skipped.append((where, "no claimReviewed (nor a named itemReviewed)"))
            continue
        name, value, best, worst = _rating(reader, node)
        node_id = str(node.get("@id") or "")
        result.records.append(ReviewRecord(
            claim=claim,
            review_id="" if node_id.startswith("_:") else node_id,
            title=reader.text(node, "name", "headline"),
            rating=name, rating_value=value, best_rating=best, worst_rating=worst,
            publisher=_publisher(reader, node, url),
            url=url,
            date=reader.text(node, "datePublished", "dateCreated", "dateModified"),
        ))
    return result
