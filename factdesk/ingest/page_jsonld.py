"""What a saved page's JSON-LD says about its article: body, publisher, headline, date.

News sites describe the article in ``<script type="application/ld+json">`` (a
NewsArticle, Article, BlogPosting, ReportageNewsArticle...). Those scripts are parsed as
JSON and expanded as JSON-LD with the bundled schema.org context
(:func:`factdesk.ingest.claimreviews.expand`, nothing fetched); the first article node
found gives its ``articleBody``, its ``publisher``'s name, ``headline``, ``wordCount``
and ``isAccessibleForFree``. A script that is not valid JSON is passed over.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from lxml import html as lxml_html

from factdesk.ingest.claimreviews import NodeReader, expand, schema_name, walk_nodes

log = logging.getLogger(__name__)

ARTICLE_TYPES = frozenset({
    "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
    "BackgroundNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle", "BlogPosting",
    "LiveBlogPosting", "Report", "ScholarlyArticle", "TechArticle", "SocialMediaPosting",
})


@dataclass(frozen=True)
class PageArticle:
    """The article node of a page's JSON-LD (empty strings where not given)."""

    body: str = ""
    publisher: str = ""
    headline: str = ""
    word_count: int | None = None
    free: bool | None = None  # isAccessibleForFree


def page_article(tree: lxml_html.HtmlElement) -> PageArticle | None:
    """The first article described in the page's ld+json scripts, or None."""
    documents = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            documents.append(json.loads(script.text_content() or ""))
        except json.JSONDecodeError:
            continue
    for document in documents:
        try:
            expanded, _notes = expand(document)
        except Exception as exc:  # bad JSON-LD: the page is read without it
            log.info("page JSON-LD not read: %s", exc)
            continue
        reader = NodeReader(expanded)
        for node in walk_nodes(expanded):
            if any(schema_name(t) in ARTICLE_TYPES for t in node.get("@type", [])):
                return _read(reader, node)
    return None


def _read(reader: NodeReader, node: dict[str, Any]) -> PageArticle:
    publisher = ""
    for party in reader.nodes(node, "publisher") + reader.nodes(node, "sourceOrganization"):
        publisher = reader.text(party, "name", "legalName", "alternateName")
        if publisher:
            break
    if not publisher:
        publisher = reader.text(node, "publisher")
    words = reader.text(node, "wordCount")
    free = None
    for value in reader.values(node, "isAccessibleForFree"):
        raw = value.get("@value") if isinstance(value, dict) else None
        if isinstance(raw, bool) or str(raw).lower() in {"true", "false"}:
            free = raw if isinstance(raw, bool) else str(raw).lower() == "true"
            break
    body_values = [v.get("@value") for v in reader.values(node, "articleBody")
                   if isinstance(v, dict) and isinstance(v.get("@value"), str)]
    return PageArticle(
        body=max(body_values, key=len) if body_values else "",  # keeps its line breaks
        publisher=publisher,
        headline=reader.text(node, "headline", "name"),
        word_count=int(words) if words.isdigit() else None,
        free=free,
    )
