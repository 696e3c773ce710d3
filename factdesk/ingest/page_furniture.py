"""Removing bylines, photo credits and related-post teasers from an article's paragraphs.

Only what a rule recognises safely goes, each with a warning quoting it:

* a byline paragraph near the top or the end: "By Jane Doe", "By Jane Doe and Max Roe,
  Reuters", "Written by Jane Doe | Sept. 14, 2022 10:30" (names only, capitalised);
* a photo credit: a paragraph that is only "(Credit: Getty Images)", "Photo credit: ...",
  "AP Photo/Evan Vucci", or such a parenthesis inside a paragraph, which is cut out;
* a related-post block: a heading such as "Related posts", "More stories", "You may also
  like", and the short headline-like lines (no full stop) right after it.

A sentence that mentions a photographer or the word "related" stays. The people a
removed byline names (:func:`byline_authors`: "Jane Doe, Max Roe" from "By Jane Doe and
Max Roe, Staff writers"; an outlet, a role or a date is not a person) are returned, so
that an article without an author gets them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|da|del|der|bin|al|la|le|di))*"
_ROLE = (r"(?:[A-Z][\w.&'’-]*|staff|writers?|reporters?|correspondents?|editors?|"
         r"contributors?|senior|political|chief|news|of|the|and)")
_WHEN = (r"(?:(?i:updated|published|posted)\s*:?\s*)?"
         r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}"
         r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
         r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?")
_BYLINE = re.compile(
    rf"^(?i:by|written\s+by|words\s+by|story\s+by|reporting\s+by)\s+{_NAME}"
    rf"(?:\s*(?:,|\band\b|&)\s*{_NAME})*"
    rf"(?:\s*[,|•·–—-]\s*(?:{_WHEN}|[A-Z][\w.&'’-]*(?:\s+{_ROLE}){{0,4}}))*\s*$")
_BYLINE_WORDS = 16
_CREDIT_WORDS = r"(?:(?:photo|image|picture|video)\s+)?credits?"
_AGENCY = r"(?:AP|AFP|Reuters|EPA|Getty\s+Images|Shutterstock|Alamy|PA(?:\s+Images)?|Xinhua)"
_CREDIT_ONLY = re.compile(
    rf"^\(?\s*(?i:{_CREDIT_WORDS})\s*:\s*[^()]{{1,100}}\)?$"
    rf"|^\(?\s*{_AGENCY}(?:\s+(?:Photos?|Images))?(?:\s*/\s*[\w .'’-]{{1,60}})\)?$"
    rf"|^\(?\s*(?:Photos?|Images?)\s*:\s*{_AGENCY}[^()]{{0,60}}\)?$")
_CREDIT_INLINE = re.compile(
    rf"\s*\(\s*(?:(?i:{_CREDIT_WORDS})\s*:\s*[^()]{{1,80}}"
    rf"|{_AGENCY}\s+Photos?\s*/\s*[^()]{{1,60}}|(?:Photos?|Images?)\s*:\s*[^()]{{1,60}})\)")
_TEASER_HEADING = re.compile(
    r"^(?:related(?:\s+(?:posts?|articles?|stories|story|content|reading|news|links))?"
    r"|more\s+(?:stories|news|articles|to\s+read|from\s+[\w .'’]{1,30})"
    r"|recommended(?:\s+(?:for\s+you|stories|reading|articles))?"
    r"|you\s+(?:may|might)\s+also\s+(?:like|enjoy|be\s+interested\s+in)"
    r"|most\s+(?:read|popular|viewed|shared)|popular\s+(?:now|stories|posts)"
    r"|trending(?:\s+now)?|read\s+next|up\s+next|also\s+on\s+[\w .'’]{1,30}"
    r"|what\s+to\s+read\s+next|don[’']t\s+miss)\s*:?$",
    re.IGNORECASE)
_TEASER_WORDS = 16
_SENTENCE_END = re.compile(r"""[.!?]["”’']?$""")
TOP, BOTTOM = 4, 2  # bylines are looked for in this many paragraphs at each end
_LEAD = re.compile(r"^(?i:by|written\s+by|words\s+by|story\s+by|reporting\s+by)\s+")
_AFTER_NAMES = re.compile(r"\s*[|•·–—]\s*|\s+-\s+")
_NAME_SEPARATORS = re.compile(r"\s*(?:,|\band\b|&)\s*")
_PARTICLES = frozenset("de van von da del der bin al la le di".split())
_NOT_A_PERSON = frozenset(
    """staff writer writers reporter reporters correspondent correspondents editor editors
    contributor contributors senior political chief news desk bureau team newsroom
    associated press reuters agency media online digital the of updated published posted
    photo photos images""".split())


class Furniture(NamedTuple):
    """What :func:`remove_page_furniture` kept, what it said, and who the bylines name."""

    kept: list[str]
    warnings: list[str]
    authors: list[str]


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return f'"{text if len(text) <= limit else text[: limit - 1] + "…"}"'


def is_byline(paragraph: str) -> bool:
    text = " ".join(paragraph.split())
    return len(text.split()) <= _BYLINE_WORDS and bool(_BYLINE.match(text))


def _is_person(name: str) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 5 or any(c.isdigit() for c in name):
        return False
    if any(w.casefold().strip(".") in _NOT_A_PERSON for w in words):
        return False
    return all(w[0].isupper() or w in _PARTICLES for w in words) and not name.isupper()


def byline_authors(paragraph: str) -> list[str]:
    """The people a byline names, in order ([] when it is no byline or names none)."""
    text = " ".join(paragraph.split())
    if not is_byline(text):
        return []
    lead = _LEAD.match(text)
    names = _AFTER_NAMES.split(text[lead.end() if lead else 0:], maxsplit=1)[0]
    return [n for n in _NAME_SEPARATORS.split(names) if _is_person(n)]


def _is_teaser(paragraph: str) -> bool:
    text = " ".join(paragraph.split())
    return 0 < len(text.split()) <= _TEASER_WORDS and not _SENTENCE_END.search(text)


def remove_page_furniture(paragraphs: Sequence[str]) -> Furniture:
    """The kept paragraphs, warnings naming what was removed, and the people the removed
    bylines name (each once, in order)."""
    kept: list[str] = []
    warnings: list[str] = []
    authors: list[str] = []
    last = len(paragraphs) - 1
    i = 0
    while i <= last:
        paragraph = paragraphs[i]
        text = " ".join(paragraph.split())
        if (i < TOP or i > last - BOTTOM) and is_byline(text):
            warnings.append(f"removed byline: {_quote(text)}")
            authors += [a for a in byline_authors(text) if a not in authors]
        elif _CREDIT_ONLY.match(text):
            warnings.append(f"removed photo credit: {_quote(text)}")
        elif _TEASER_HEADING.match(text) and i < last and _is_teaser(paragraphs[i + 1]):
            j = i + 1
            while j <= last and _is_teaser(paragraphs[j]):
                j += 1
            warnings.append(f"removed {j - i - 1} related-post teaser line(s) after "
                            f"{_quote(text)}")
            i = j
            continue
        else:
            cut = _CREDIT_INLINE.sub("", paragraph)
            if cut != paragraph:
                for credit in _CREDIT_INLINE.findall(paragraph):
                    warnings.append(f"removed photo credit: {_quote(credit.strip())}")
            if cut.strip():
                kept.append(cut)
        i += 1
    return Furniture(kept, warnings, authors)
