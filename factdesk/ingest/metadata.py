"""Article metadata fields: key aliases, ISO dates, guessed titles and merging sources.

Metadata reaches the ingest layer from several places (a sidecar, a header block in the
file, HTML meta tags). Each is first mapped onto the same five fields - title, outlet,
author, published, url - then merged, the earlier source winning.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from factdesk.model.text import shorten

FIELDS: tuple[str, ...] = ("title", "outlet", "author", "published", "url")

_ALIASES: dict[str, str] = {
    "title": "title", "headline": "title", "name": "title",
    "outlet": "outlet", "source": "outlet", "publisher": "outlet", "site": "outlet",
    "sitename": "outlet", "site_name": "outlet", "publication": "outlet",
    "newspaper": "outlet", "agency": "outlet",
    "author": "author", "authors": "author", "by": "author", "byline": "author",
    "writer": "author", "creator": "author",
    "published": "published", "date": "published", "published_date": "published",
    "publication_date": "published", "datepublished": "published", "pubdate": "published",
    "published_at": "published", "published_time": "published",
    "url": "url", "link": "url", "canonical": "url", "canonical_url": "url",
    "permalink": "url", "source_url": "url",
}

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_TITLE_LIMIT = 80


def field_for(key: str) -> str | None:
    """The metadata field a header/sidecar key means (``"Source"`` -> ``"outlet"``)."""
    return _ALIASES.get(re.sub(r"[\s-]+", "_", key.strip().lower()))


def normalize_fields(raw: Mapping[str, Any], warnings: list[str] | None = None) -> dict[str, str]:
    """Map arbitrary keys onto :data:`FIELDS`; empty values and unknown keys are dropped.

    Lists (several authors) are joined with ", "; dates become ISO ``YYYY-MM-DD`` (a
    date that cannot be understood is dropped with a warning appended to ``warnings``).
    """
    out: dict[str, str] = {}
    for key, value in raw.items():
        name = field_for(str(key))
        if name is None or name in out:
            continue
        text = _as_text(value)
        if not text:
            continue
        if name == "published":
            iso = to_iso_date(text)
            if iso is None:
                if warnings is not None:
                    warnings.append(f"date not understood: {text!r}")
                continue
            text = iso
        out[name] = text
    return out


def merge_fields(*sources: Mapping[str, str]) -> dict[str, str]:
    """Merge normalised field dicts; for each field the first non-empty value wins."""
    merged: dict[str, str] = {}
    for source in sources:
        for name in FIELDS:
            if not merged.get(name) and source.get(name):
                merged[name] = source[name]
    return merged


_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/.-])")


def to_iso_date(value: str | date | datetime | None) -> str | None:
    """``"2022-09-14T10:00:00Z"``, ``"14 September 2022"``, ``"Sept. 14, 2022"`` -> ISO date.

    None for what is not surely one day: a date without its year ("Sep 14" would be
    read as 2014), or an all-numeric one whose day and month could be either
    ("04/05/2022"; "14/09/2022" and "09/14/2022" are clear).
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    match = _ISO_DATE.match(text)
    if match:
        try:
            return date(*(int(g) for g in match.groups())).isoformat()
        except ValueError:
            return None
    if len(text) > 80 or not _YEAR.search(text):
        return None
    numeric = _NUMERIC_DATE.search(text)  # "04/05/2022 10:30" too
    if numeric:
        first, second, year = (int(g) for g in numeric.groups())
        if first <= 12 and second <= 12 and first != second:
            return None  # 04/05/2022: April 5 or 4 May?
        day, month = (first, second) if first > 12 else (second, first)
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    import dateparser  # slow to import; only needed for free-form dates

    parsed = dateparser.parse(
        text,
        languages=None,
        settings={"REQUIRE_PARTS": ["year", "month", "day"],
                  "RETURN_AS_TIMEZONE_AWARE": False,
                  # never against today: "2 days ago | 2022" is no date of its own
                  "PARSERS": ["timestamp", "custom-formats", "absolute-time"]},
    )
    if parsed is None or str(parsed.year) not in _YEAR.findall(text):
        return None
    return parsed.date().isoformat()


#: Words written with a full stop that does not end a sentence ("Sept. 14", "Mr. Smith").
ABBREVIATIONS = frozenset("""jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues
    wed thu thur thurs fri sat sun mr mrs ms dr st gen col lt sgt capt maj gov sen rep rev
    prof pres jr sr no vs etc inc co corp ltd dept est approx""".split())
#: A wire dateline opening the first paragraph: "KHARKIV, Ukraine, Sept. 14 (Reuters) - ",
#: "KYIV, Sept. 14, 2022 /UNIAN/. ": the place in capitals, a few words, maybe the source.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’-]{1,30}?)(?:,(?P<rest>[^\n()/]{0,40}?))?\s*"
    r"(?:/(?P<slash>[A-Z][A-Za-z .&-]{1,30})/\.?\s+(?:[—–―‒-]{1,2}\s+)?"
    r"|(?:\((?P<paren>[A-Z][A-Za-z .&-]{1,30})\)\s*)?(?:[—–―‒-]{1,2}|:)\s+)(?=[A-Z“\"‘'])")
#: The same with the place in title case, as AP, Reuters and AFP also print it: then the
#: wire service in brackets must stand before the dash ("Denver (AP) – ").
TITLE_CASE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})(?:,(?P<rest>[^\n()/]{0,40}?))?\s*"
    r"\((?P<paren>[A-Z][A-Za-z .&-]{1,30})\)\s*[—–―‒-]{1,2}\s+(?=[A-Z“\"‘'])")


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (a full stop after an abbreviation, an initial or
    "U.S." does not end it)."""
    for match in _SENTENCE_END.finditer(text):
        word = text[:match.start()].rsplit(None, 1)[-1] if text[:match.start()].strip() else ""
        bare = word.rstrip(".!?\"”’)").lstrip("(“\"‘")
        if bare.lower() in ABBREVIATIONS or len(bare) == 1 or "." in bare:
            continue
        return text[:match.start()].strip()
    return text.strip()


def wire_dateline(paragraph: str) -> tuple[int, str, str | None]:
    """Where the text after a wire dateline starts in ``paragraph`` (0 without one), the
    source it names ("Reuters" in "(Reuters) -"; "" if none) and the date it gives, when
    surely one day ("KYIV, Sept. 14, 2022 /UNIAN/": 2022-09-14; "Sept 14" has no year)."""
    match = DATELINE.match(paragraph) or TITLE_CASE_DATELINE.match(paragraph)
    if not match:
        return 0, "", None
    source = (match.group("paren") or match.group("slash") or "").strip()
    parts = (match.group("rest") or "").split(",")
    # the date is what follows the place's other names: "Ukraine, Sept. 14, 2022"
    day = next((iso for i in range(len(parts))
                if (iso := to_iso_date(",".join(parts[i:]).strip(" ,")))), None)
    return match.end(), source, day


def guess_title(body: str) -> str:
    """A stand-in title: the first sentence (after a wire dateline), cut near 80
    characters at a word boundary."""
    first = body.split("\n", 1)[0].strip()
    first = first[wire_dateline(first)[0]:]
    sentence = first_sentence(first[:600])
    if len(sentence) <= _TITLE_LIMIT:
        return sentence.rstrip(".") if sentence.endswith(".") and not sentence.endswith("..") \
            else sentence
    return shorten(sentence, _TITLE_LIMIT + 1)  # the limit's characters, then "…"


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(t for t in (_as_text(v) for v in value) if t)
    if isinstance(value, Mapping):  # {"name": "Jane Doe"} as in JSON-LD
        return _as_text(value.get("name", ""))
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return unicodedata.normalize("NFC", " ".join(str(value).split()))


@dataclass
class Extracted:
    """What a format parser (plain text, Markdown, HTML) hands back to :mod:`files`."""

    fields: dict[str, str] = field(default_factory=dict)  # normalised, see FIELDS
    paragraphs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    expected_words: int | None = None  # the length the page declares (JSON-LD wordCount)
    paywalled: bool = False  # the page says its article is not free to read
