"""Plain-text and Markdown articles: metadata conventions at the top, then paragraphs.

Recognised at the top of a file, in this order:

* YAML (``---``) or TOML (``+++``) front matter with ``title``, ``outlet``/``source``,
  ``author``, ``date``, ``url`` keys;
* a header block of ``Title: ...``, ``Outlet: ...``/``Source: ...``, ``Author: ...``,
  ``Date: ...``, ``URL: ...`` lines;
* a date line, ``date 2022-09-14 <headline>`` (seed 003);
* a headline: a short first line without closing punctuation (seed 001), or in
  Markdown the first ``# Heading``;
* a byline, ``By Jane Doe``, right under the headline.

Paragraphs are blocks separated by blank lines. Within a block, hard-wrapped lines are
joined; a block of long lines that each end a sentence (seed 003) is one paragraph a line.
"""

from __future__ import annotations

import re

from factdesk.ingest.cleanup import is_boilerplate, strip_script_label
from factdesk.ingest.markdown import markdown_blocks
from factdesk.ingest.metadata import Extracted, field_for, normalize_fields
from factdesk.ingest.normalize import split_blocks

_HEADER_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z _-]{0,24}?)\s*:\s*(.*)$")
_DATE_LINE = re.compile(r"^\s*date\s*:?\s+(\d{4}-\d{1,2}-\d{1,2})(?:\s+(.*))?$", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*By\s+([A-Z][\w.'’-]*(?:[ ,]+(?:and\s+|&\s+)?[A-Z][\w.'’-]*){0,7})\s*$")
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d{1,3}[.)])\s+")
_SENTENCE_END = tuple(".!?:;\"”’)…")
_HEADLINE_MAX_WORDS = 20
_HEADLINE_MAX_CHARS = 160
_WRAP_WIDTH = 100  # hard-wrapped text has lines no longer than this
_FRONT_MATTER_MAX_LINES = 200


def parse_text(text: str, *, detect_headline: bool = True) -> Extracted:
    """Parse a normalised ``.txt`` article (see the module docstring for conventions)."""
    result = Extracted()
    lines = text.split("\n")
    index = _read_front_matter(lines, 0, result)
    index = _read_header_block(lines, index, result)
    index = _read_date_line(lines, index, result)
    if detect_headline and not result.fields.get("title"):
        index = _read_headline(lines, index, result)
    index = _read_byline(lines, index, result)
    for block in split_blocks("\n".join(lines[index:])):
        result.paragraphs.extend(_block_paragraphs(block))
    return result


def parse_markdown(text: str) -> Extracted:
    """Parse a normalised Markdown article; the first ``# Heading`` is the title."""
    result = Extracted()
    lines = text.split("\n")
    index = _read_front_matter(lines, 0, result)
    index = _read_header_block(lines, index, result)
    blocks = markdown_blocks("\n".join(lines[index:]))
    if blocks and blocks[0].kind == "heading" and blocks[0].level == 1:
        result.fields.setdefault("title", blocks[0].text)
        blocks = blocks[1:]
    if blocks and blocks[0].kind == "text":
        byline = _BYLINE.match(blocks[0].text)
        if byline:
            result.fields.setdefault("author", byline.group(1).strip(" ,"))
            blocks = blocks[1:]
    result.paragraphs.extend(block.text for block in blocks)
    return result


# -- top-of-file conventions ----------------------------------------------------------


def _skip_blank(lines: list[str], index: int) -> int:
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index


def _read_front_matter(lines: list[str], index: int, result: Extracted) -> int:
    start = _skip_blank(lines, index)
    if start >= len(lines) or lines[start].strip() not in ("---", "+++"):
        return index
    fence = lines[start].strip()
    closers = ("---", "...") if fence == "---" else ("+++",)
    limit = min(len(lines), start + _FRONT_MATTER_MAX_LINES)
    for end in range(start + 1, limit):
        if lines[end].strip() in closers:
            raw = _parse_simple_yaml(lines[start + 1 : end], toml=fence == "+++")
            result.fields.update(normalize_fields(raw, result.warnings))
            return end + 1
    return index  # no closing fence: it was a rule, not front matter


def _parse_simple_yaml(lines: list[str], *, toml: bool) -> dict[str, object]:
    """The flat subset of YAML/TOML front matter that article metadata uses."""
    data: dict[str, object] = {}
    last_key: str | None = None
    separator = "=" if toml else ":"
    for line in lines:
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("- ") and last_key is not None:  # "authors:\n  - A\n  - B"
            items = data.get(last_key)
            value = _unquote(stripped[2:])
            data[last_key] = [*items, value] if isinstance(items, list) else [value]
            continue
        key, sep, value = stripped.partition(separator)
        if not sep or line[:1].isspace():
            continue
        last_key = key.strip().strip("\"'")
        value = value.strip()
        if value.startswith("[") and value.endswith("]"):
            data[last_key] = [_unquote(v) for v in value[1:-1].split(",") if v.strip()]
        else:
            data[last_key] = _unquote(value) if value else []
    return data


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _read_header_block(lines: list[str], index: int, result: Extracted) -> int:
    start = _skip_blank(lines, index)
    raw: dict[str, str] = {}
    end = start
    while end < len(lines):
        match = _HEADER_LINE.match(lines[end])
        if not match or not _plausible_header(match.group(1), match.group(2)):
            break
        raw.setdefault(match.group(1), match.group(2))
        end += 1
    if not raw:
        return index
    followed_by_break = end >= len(lines) or not lines[end].strip()
    if not followed_by_break and end - start < 2:
        return index  # one "Source: ..." line running into text is body text
    result.fields.update(
        {k: v for k, v in normalize_fields(raw, result.warnings).items() if k not in result.fields}
    )
    return end


def _plausible_header(key: str, value: str) -> bool:
    """``Outlet: Reuters`` is a header; ``Source: officials said 450 ...`` is text."""
    name = field_for(key)
    if name is None:
        return False
    words = len(value.split())
    if name == "url":
        return words <= 1
    return words <= (30 if name == "title" else 10)


def _read_date_line(lines: list[str], index: int, result: Extracted) -> int:
    start = _skip_blank(lines, index)
    if start >= len(lines):
        return index
    match = _DATE_LINE.match(lines[start])
    if not match:
        return index
    found = normalize_fields({"date": match.group(1), "title": match.group(2) or ""},
                             result.warnings)
    for key, value in found.items():
        result.fields.setdefault(key, value)
    return start + 1


def _read_headline(lines: list[str], index: int, result: Extracted) -> int:
    start = _skip_blank(lines, index)
    if start >= len(lines):
        return index
    line = lines[start].strip()
    rest = _skip_blank(lines, start + 1)
    if rest >= len(lines) or not _looks_like_headline(line):
        return index
    blank_after = start + 1 < len(lines) and not lines[start + 1].strip()
    if not blank_after and not _headline_without_gap(line, lines[start + 1 :]):
        return index
    result.fields["title"] = line
    return start + 1


def _headline_without_gap(line: str, following: list[str]) -> bool:
    """A headline right above the text: short, and not the first line of a wrapped block."""
    if len(line.split()) > 15 or following[0].strip()[:1].islower():
        return False
    block = [line]
    for next_line in following:
        if not next_line.strip():
            break
        block.append(next_line.strip())
    wrapped = len(block) > 2 and _is_hard_wrapped(block[1:])
    return not (wrapped and len(line) > 0.6 * max(len(b) for b in block[1:]))


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    if not words or len(words) > _HEADLINE_MAX_WORDS or len(line) > _HEADLINE_MAX_CHARS:
        return False
    if line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return False
    first = line[0]
    if not (first.isupper() or first.isdigit() or first in "\"“‘'"):
        return False
    if _BULLET.match(line) or _BYLINE.match(line) or is_boilerplate(line):
        return False
    return strip_script_label(line)[1] is None


def _read_byline(lines: list[str], index: int, result: Extracted) -> int:
    start = _skip_blank(lines, index)
    if start >= len(lines):
        return index
    match = _BYLINE.match(lines[start])
    if not match or _skip_blank(lines, start + 1) >= len(lines):
        return index
    result.fields.setdefault("author", match.group(1).strip(" ,"))
    return start + 1


# -- paragraphs ---------------------------------------------------------------------------


def _block_paragraphs(block: list[str]) -> list[str]:
    """Turn one blank-line-delimited block into paragraphs (see module docstring)."""
    lines = [line.strip() for line in block]
    if len(lines) == 1:
        return lines
    wrapped = _is_hard_wrapped(lines)
    paragraphs: list[str] = []
    for line in lines:
        starts_new = not paragraphs or not wrapped or bool(_BULLET.match(line))
        if starts_new:
            paragraphs.append(line)
        elif re.search(r"[^\W\d_]-$", paragraphs[-1]) and line[:1].islower():
            paragraphs[-1] += line  # "counter-" + "offensive"
        else:
            paragraphs[-1] += " " + line
    return paragraphs


def _is_hard_wrapped(lines: list[str]) -> bool:
    body = lines[:-1]
    if any(len(line) > _WRAP_WIDTH for line in body):
        return False
    ended = sum(1 for line in body if line.endswith(_SENTENCE_END))
    return ended / len(body) < 0.6


__all__ = ["parse_markdown", "parse_text"]
