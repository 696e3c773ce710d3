"""Saved web pages: main article text and its metadata, extracted offline.

Everything works on the string it is given. trafilatura (with lxml) finds the main text
and the title, site name, author and date; canonical ``<link>`` and ``og:url`` give the
url. Nothing is fetched: no function that downloads is called, lxml's parser runs with
``no_network`` and scripts are never executed (they are dropped as text). When
trafilatura finds nothing, the text of ``<article>``, ``<main>`` or ``<body>`` without
scripts, styles, navigation and footers is used instead.

The page's JSON-LD article (:mod:`factdesk.ingest.page_jsonld`) is read too: its
``articleBody`` replaces an extracted text much shorter than it (and a warning says so),
its publisher names the outlet before ``og:site_name`` when it passes a sanity check
(:func:`plausible_outlet`), and its ``wordCount`` and ``isAccessibleForFree`` feed the
truncation check.
"""

from __future__ import annotations

import logging
import re
from datetime import date

from lxml import etree
from lxml import html as lxml_html

from factdesk.ingest.metadata import Extracted, normalize_fields
from factdesk.ingest.normalize import normalize_text
from factdesk.ingest.page_jsonld import PageArticle, page_article

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_HTTP_URL = re.compile(r"^https?://[^\s/]+\.[^\s/]+", re.IGNORECASE)
_DOMAIN_LIKE = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)+$")
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")
#: The extracted text is "much shorter" than the JSON-LD articleBody below this share.
BODY_SHARE = 0.6
MIN_BODY_CHARS = 300  # an articleBody shorter than this is a summary, never preferred
_GENERIC_OUTLETS = frozenset("""home homepage news article articles blog post posts story
    stories world us u.s. uk u.k. politics business sport sports opinion local national
    latest breaking staff editor editorial publisher admin unknown website site""".split())

_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed",
              "svg", "canvas", "form", "button", "select", "nav", "footer", "header",
              "aside", "figure", "video", "audio", "picture", "img", "dialog")
_BLOCK_TAGS = frozenset(("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4",
                         "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
                         "pre", "table", "tr", "td", "th", "figcaption", "hr", "address",
                         "body"))
_PARSER = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True,
                               collect_ids=False)

# trafilatura logs a warning for every page it cannot use; the caller reports instead.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


def parse_html(text: str) -> Extracted:
    """Extract the article (paragraphs and metadata fields) from a saved HTML page."""
    text = _XML_DECLARATION.sub("", text, count=1)
    result = Extracted()
    tree = _parse_tree(text)
    meta = _meta_from_tree(tree) if tree is not None else {}
    document = _trafilatura(text)
    raw: dict[str, object] = {}
    paragraphs: list[str] = []
    if document is not None:
        raw = {
            "title": document.title,
            "outlet": document.sitename,
            "author": document.author,
            "date": document.date,
            "url": document.url,
        }
        body = normalize_text(document.text or "")  # entities decoded after the first pass
        paragraphs = [line for line in body.split("\n") if line.strip()]
    article = page_article(tree) if tree is not None else None
    visible = _visible_chars(tree) if article is not None and tree is not None else 0
    if not paragraphs and tree is not None:
        paragraphs = [normalize_text(p) for p in _fallback_paragraphs(tree)]
        if paragraphs and not _body_wins(article, paragraphs, visible):
            result.warnings.append("main text not recognised; used the whole page text")
    if _body_wins(article, paragraphs, visible):
        assert article is not None
        body = [p for p in (normalize_text(x) for x in re.split(r"\n\s*\n|\n", article.body))
                if p.strip()]
        result.warnings.append(
            f"text taken from the page's JSON-LD articleBody ({sum(map(len, body))} "
            f"characters): the page's visible text has only "
            f"{min(visible, sum(map(len, paragraphs)))}")
        paragraphs = body
    fields = normalize_fields({k: v for k, v in raw.items() if v}, result.warnings)
    for key, value in meta.items():  # explicit tags beat trafilatura's guesses
        if key in ("url", "outlet") or not fields.get(key):
            fields[key] = value
    _settle_outlet(fields, article, result.warnings)
    if article is not None:
        result.expected_words = article.word_count
        result.paywalled = article.free is False
    if fields.get("url") and not _HTTP_URL.match(fields["url"]):
        del fields["url"]
    if fields.get("author", "").lower().startswith(("http://", "https://")):
        del fields["author"]
    if fields.get("outlet") and _DOMAIN_LIKE.match(fields["outlet"]) and "outlet" not in meta:
        result.warnings.append(f"outlet guessed from the web address: {fields['outlet']}")
    if fields.get("title"):
        fields["title"] = _strip_site_from_title(fields["title"], fields.get("outlet", ""))
        if paragraphs and _same(paragraphs[0], fields["title"]):
            paragraphs = paragraphs[1:]
    result.fields = fields
    result.paragraphs = paragraphs
    return result


def _body_wins(article: PageArticle | None, paragraphs: list[str], visible: int) -> bool:
    """Is the JSON-LD articleBody the better text: long enough, and the extracted text
    (or all the page's visible text, when the extractor itself fell back on the
    JSON-LD) much shorter than it?"""
    if article is None or len(article.body.strip()) < MIN_BODY_CHARS:
        return False
    limit = BODY_SHARE * len(" ".join(article.body.split()))
    return sum(map(len, paragraphs)) < limit or visible < limit


def _visible_chars(tree: lxml_html.HtmlElement) -> int:
    """Characters of text the page shows (its body without scripts and styles)."""
    texts = tree.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)"
                       " and not(ancestor::noscript) and not(ancestor::template)]")
    return len(" ".join(" ".join(texts).split()))


def plausible_outlet(name: str) -> bool:
    """Could ``name`` be an outlet's name? Not empty or a bare number, not a web address
    with a path, not a section label ("U.S.", "World", "Politics"), at most 80 chars."""
    folded = " ".join(name.casefold().split())
    if not 2 <= len(folded) <= 80 or not re.search(r"[^\W\d_]", folded):
        return False
    if folded.startswith(("http://", "https://")) and "/" in folded.split("://", 1)[1]:
        return False
    return folded not in _GENERIC_OUTLETS and folded.replace(".", "") not in _GENERIC_OUTLETS


def _settle_outlet(fields: dict[str, str], article: PageArticle | None,
                   warnings: list[str]) -> None:
    """The JSON-LD publisher names the outlet when plausible; a different site name in
    the page's tags is then reported, not used. A site name that is no outlet's ("U.S.",
    a section) is dropped with a warning when nothing better is known."""
    publisher = " ".join(article.publisher.split()) if article is not None else ""
    current = fields.get("outlet", "")
    if not publisher or not plausible_outlet(publisher):
        if current and not plausible_outlet(current):
            warnings.append(f"site name {current!r} looks like a section, not an outlet: "
                            "not used")
            del fields["outlet"]
        return
    if current and not _same(current, publisher):
        warnings.append(f"outlet {publisher!r} from the page's JSON-LD publisher, not "
                        f"{current!r} from its site-name tag")
    fields["outlet"] = publisher


def _trafilatura(text: str) -> object | None:
    import trafilatura  # imports take a while; only HTML needs them

    params = {"original_date": True, "extensive_search": False,
              "max_date": date.today().isoformat()}
    try:
        return trafilatura.bare_extraction(
            text,
            url=None,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,
            date_extraction_params=params,
        )
    except Exception:  # a failed extraction falls back to plain lxml
        return None


def _parse_tree(text: str) -> lxml_html.HtmlElement | None:
    try:
        return lxml_html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None


def _meta_from_tree(tree: lxml_html.HtmlElement) -> dict[str, str]:
    """Fields stated outright in the page head: canonical url, site name, author, date."""
    found: dict[str, str] = {}
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel and link.get("href"):
            found.setdefault("url", link.get("href", "").strip())
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        value = " ".join((meta.get("content") or "").split())
        if not value:
            continue
        if key == "og:url":
            found.setdefault("og_url", value)
        elif key in ("og:site_name", "application-name", "publisher", "dc.publisher"):
            found.setdefault("outlet", value)
        elif key in ("author", "article:author", "dc.creator", "byl", "sailthru.author"):
            if not value.lower().startswith(("http://", "https://")):
                found.setdefault("author", re.sub(r"^by\s+", "", value, flags=re.I))
        elif key in ("article:published_time", "datepublished", "dc.date.issued",
                     "pubdate", "publish-date", "date", "dc.date", "sailthru.date"):
            found.setdefault("published", value)
    if "og_url" in found:
        og_url = found.pop("og_url")
        if not _HTTP_URL.match(found.get("url", "")):
            found["url"] = og_url
    return normalize_fields(found)


def _fallback_paragraphs(tree: lxml_html.HtmlElement) -> list[str]:
    for tag in _DROP_TAGS:
        for element in list(tree.iter(tag)):
            _drop_keep_tail(element)
    root = tree
    for tag in ("body", "main", "article"):  # the most specific container wins
        candidate = next(iter(tree.iter(tag)), None)
        if candidate is not None:
            root = candidate
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in _BLOCK_TAGS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    text = root.text_content()
    paragraphs = []
    for chunk in re.split(r"\n\s*\n", text):
        cleaned = " ".join(chunk.split())
        if cleaned:
            paragraphs.append(cleaned)
    return paragraphs


def _drop_keep_tail(element: lxml_html.HtmlElement) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _strip_site_from_title(title: str, outlet: str) -> str:
    """``"Headline | Reuters"`` -> ``"Headline"`` when the tail names the outlet."""
    if not outlet:
        return title
    for separator in _TITLE_SEPARATORS:
        head, sep, tail = title.rpartition(separator)
        if sep and head and _same(tail, outlet):
            return head.strip()
        head_first, sep, rest = title.partition(separator)
        if sep and rest and _same(head_first, outlet):
            return rest.strip()
    return title


def _same(a: str, b: str) -> bool:
    def fold(s: str) -> str:
        return " ".join(s.casefold().split()).strip(" .:|-")

    return fold(a) == fold(b)
