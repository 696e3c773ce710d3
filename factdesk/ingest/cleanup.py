"""Removing what is not the article: promotional lines, share prompts and script labels.

Only whole short paragraphs are ever removed, and only when they start like a known
web furniture line ("CLICK HERE TO ...", "Subscribe to our newsletter", "READ MORE: ...",
"Reporting by ...; Editing by ...", "Photograph: ...", "Updated 3 hours ago", a lone
"Facebook" share button, a "___" rule). A sentence that merely mentions an app or a
newsletter stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factdesk.ingest.metadata import to_iso_date

_MAX_WORDS = 15  # a promotional line is short ...
_MAX_WORDS_WITH_LABEL = 30  # ... unless it is "READ MORE: <a headline>"

_PROMO = re.compile(
    r"""^(?:
        click\ here\b
      | tap\ here\b
      | (?:download|get|install)\ (?:the|our)\b.{0,60}\bapps?\b
      | subscribe\b(?:\ (?:to|for|now|here|today)\b|$)
      | sign\ up\b(?:\ (?:for|to|now|here|today)\b|$)
      | follow\ us\b
      | like\ us\ on\b
      | join\ us\ on\b
      | (?:share|tweet)\ (?:this|on)\b
      | (?:continue|keep)\ reading\b
      | story\ continues\b
      | article\ continues\b
      | scroll\ (?:down\ )?to\ continue\b
      | (?:advertisement|advertising|sponsored(?:\ content)?|promoted|ad)$
      | (?:skip|jump)\ to\ (?:content|main)\b
      | (?:watch|listen):
      | follow\ [\w’'.\ ]{1,30}\ coverage\b
      | our\ standards:
      | (?:photograph|photo|picture|image|video)(?:\ (?:credit|caption))?\ ?:
      | related\ topics$
      | (?:facebook|twitter|whatsapp|linkedin|telegram|reddit|messenger|email|e-mail
         |copy\ link|print|share)$
    )""",
    re.IGNORECASE | re.VERBOSE,
)

_LABELLED_LINK = re.compile(
    r"^(?:read\ more|related(?:\ (?:story|stories|article|articles|coverage|content))?"
    r"|see\ also|also\ read|read\ also|more\ on\ this|recommended(?:\ for\ you)?|must\ read"
    r"|trending"
    r"|more\ from\ [\w ]{1,30}|you\ (?:may|might)\ also\ like)\s*[:>|\u2013\u2014-]",
    re.IGNORECASE | re.VERBOSE,
)

# Labels of wire/video scripts at the very start of the body: "STORY: As Ukrainian ..."
_SCRIPT_LABEL = re.compile(r"^(?:STORY|TEXT|BODY|ARTICLE|TRANSCRIPT|SCRIPT)\s*:\s+(?=\S)")


# A time stamp line: "Published", "Updated 3 hours ago", "Published 14 September 2022",
# "Updated 10:43 AM EDT": the label, then nothing but a date or a time.
_STAMP = re.compile(r"^(?:first\ )?(?:published|updated|last\ updated|posted)\b"
                    r"(?:\s*(?:on|at)\b)?\s*:?\s*(?P<when>.*)$", re.IGNORECASE | re.VERBOSE)
_AGO = re.compile(r"^(?:\d+|an?)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago$",
                  re.IGNORECASE)
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?$", re.IGNORECASE)
# Wire credits: names only, joined by ";" or "and" ("Reporting by Max Hunder; Editing by
# Peter Graff", "Additional reporting by Tom Balmforth in London").
_CREDIT = re.compile(
    r"^(?:(?i:(?:additional\ )?(?:reporting|writing|editing|compiled)\ by)\ "
    r"[A-Z][\w.'’-]*(?:\ (?:[A-Z][\w.'’-]*|and|in|&))*\s*[;,]?\s*)+$", re.VERBOSE)


def _is_stamp(text: str) -> bool:
    match = _STAMP.match(text)
    if match is None:
        return False
    when = match.group("when").strip(" .,|")
    if not when:
        return True
    if _AGO.match(when) or _CLOCK.match(when):
        return True
    return to_iso_date(when) is not None


def is_boilerplate(paragraph: str) -> bool:
    """True for a short paragraph that is web furniture, not article text."""
    if len(paragraph) > 400:
        return False
    text = paragraph.strip().strip("*_#>[]()•·|-–— ").strip()
    if not text:
        return len(paragraph.strip()) >= 3  # a rule: "___", "* * *" stays a break only
    words = len(text.split())
    if words <= 10 and _is_stamp(text):
        return True
    if words <= 20 and _CREDIT.match(text):
        return True
    if words <= _MAX_WORDS_WITH_LABEL and _LABELLED_LINK.match(text):
        return True
    return words <= _MAX_WORDS and bool(_PROMO.match(text))


def remove_boilerplate(paragraphs: Sequence[str]) -> tuple[list[str], list[str]]:
    """Split paragraphs into (kept, removed); removed ones are boilerplate lines."""
    kept: list[str] = []
    removed: list[str] = []
    for paragraph in paragraphs:
        (removed if is_boilerplate(paragraph) else kept).append(paragraph)
    return kept, removed


def strip_script_label(paragraph: str) -> tuple[str, str | None]:
    """Remove a leading "STORY:"-style label; return (text, label or None)."""
    match = _SCRIPT_LABEL.match(paragraph)
    if not match:
        return paragraph, None
    return paragraph[match.end() :], match.group(0).strip()


def removal_warnings(removed: Sequence[str]) -> list[str]:
    """One warning per removed line, quoting (the start of) the line."""
    return [f"removed promotional line: {_quote(line)}" for line in removed]


def _quote(line: str, limit: int = 80) -> str:
    line = " ".join(line.split())
    return f'"{line if len(line) <= limit else line[: limit - 1] + "…"}"'
