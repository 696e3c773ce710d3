"""Markdown to plain paragraphs: block structure kept, markup stripped to its text.

Headings, list items, quotes and table rows become paragraphs of their own; soft-wrapped
lines are joined; emphasis, code spans and links become their text; images, HTML tags,
comments, rules and link reference definitions disappear. Every pattern is linear in
the length of a line, so a multi-megabyte single-line file is no problem.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from factdesk.ingest.normalize import normalize_text

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^\s{0,3}(#{1,6})(?:\s+|$)")
_SETEXT_H1 = re.compile(r"^\s{0,3}=+\s*$")
_SETEXT_H2 = re.compile(r"^\s{0,3}-+\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\[\]]+\]:\s*\S")
_TABLE_DELIM = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")

_ESCAPABLE = "\\`*_{}[]()#+-.!>~|"
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_IMAGE = re.compile(
    r"!\[[^\[\]]*\](?:\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\)|\[[^\[\]]*\])"
)
_LINK = re.compile(
    r"\[([^\[\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\)"
)
_REF_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_CODE = re.compile(r"(`+)([^`]+)\1")
_BOLD_STAR = re.compile(r"\*\*(?=\S)([^*]*?\S)\*\*")
_BOLD_UNDER = re.compile(r"(?<!\w)__(?=\S)([^_]*?\S)__(?!\w)")
_ITALIC_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*]*?[^\s*])\*(?![\w*])")
_ITALIC_UNDER = re.compile(r"(?<!\w)_(?=[^\s_])([^_]*?[^\s_])_(?!\w)")
_MARKUP = re.compile(r"[\\`*_~\[<&]")
_PLACEHOLDER = re.compile("[\ue000-\ue8ff]")
_STRIKE = re.compile(r"~~(?=\S)([^~]*?\S)~~")


@dataclass(frozen=True)
class Block:
    """One structural element: ``kind`` is "heading", "item", "row" or "text"."""

    kind: str
    text: str
    level: int = 0  # heading level, 1 for "# Title"


def markdown_blocks(text: str) -> list[Block]:
    """Parse normalised Markdown into blocks whose text has its markup stripped."""
    blocks: list[Block] = []
    pending: list[str] = []  # lines of the paragraph being read

    def flush() -> None:
        if pending:
            blocks.append(Block("text", " ".join(pending)))
            pending.clear()

    fence: str | None = None
    for raw in _strip_comments(text).split("\n"):
        if fence is not None:  # inside a fenced code block: keep lines verbatim
            if raw.strip().startswith(fence):
                fence = None
            elif raw.strip():
                blocks.append(Block("text", raw.strip()))
            continue
        fenced = _FENCE.match(raw)
        if fenced:
            flush()
            fence = fenced.group(1)[:3]
            continue
        line = _QUOTE.sub("", raw)
        if not line.strip():
            flush()
            continue
        if pending and (_SETEXT_H1.match(line) or _SETEXT_H2.match(line)):
            level = 1 if "=" in line else 2
            blocks.append(Block("heading", " ".join(pending), level))
            pending.clear()
            continue
        if _RULE.match(line) or _REF_DEF.match(line) or _TABLE_DELIM.match(line):
            flush()
            continue
        atx = _ATX.match(line)
        if atx:
            flush()
            title = line[atx.end() :].rstrip().rstrip("#").rstrip()
            blocks.append(Block("heading", title, len(atx.group(1))))
            continue
        item = _LIST_ITEM.match(line)
        if item:
            flush()
            pending.append(line[item.end() :])
            continue
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            flush()
            cells = [c.strip() for c in stripped[1:-1].split("|")]
            blocks.append(Block("row", " | ".join(c for c in cells if c)))
            continue
        pending.append(stripped)
    flush()
    out = []
    for block in blocks:
        text_only = strip_inline(block.text)
        if text_only:
            out.append(Block(block.kind, text_only, block.level))
    return out


def strip_inline(text: str) -> str:
    """Inline Markdown to text: ``[a](u)`` -> a, ``**b**`` -> b, images and tags dropped."""
    if not _MARKUP.search(text):
        return " ".join(text.split())
    used = "\\" in text or "`" in text
    if "\\" in text:
        text = _ESCAPE.sub(lambda m: chr(0xE000 + _ESCAPABLE.index(m.group(1))), text)
    codes: list[str] = []

    def keep_code(match: re.Match[str]) -> str:
        codes.append(match.group(2).strip())
        return chr(0xE100 + len(codes) - 1) if len(codes) <= 0x700 else match.group(2)

    if "`" in text:
        text = _CODE.sub(keep_code, text)
    if "[" in text:
        text = _IMAGE.sub("", text)
        for _ in range(2):  # a link whose text held an image is empty after one pass
            text = _LINK.sub(r"\1", text)
        text = _REF_LINK.sub(r"\1", text)
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
        text = _TAG.sub(" ", text)
    if "*" in text or "_" in text or "~" in text:
        for pattern in (_BOLD_STAR, _BOLD_UNDER, _ITALIC_STAR, _ITALIC_UNDER, _STRIKE):
            text = pattern.sub(r"\1", text)
    if "&" in text:
        text = normalize_text(html.unescape(text))  # "&nbsp;", "&#x200B;", "e&#769;"
    if used:
        text = _PLACEHOLDER.sub(lambda m: _restore(m.group(), codes), text)
    return " ".join(text.split())


def _restore(ch: str, codes: list[str]) -> str:
    point = ord(ch)
    if 0xE000 <= point < 0xE000 + len(_ESCAPABLE):
        return _ESCAPABLE[point - 0xE000]
    if 0xE100 <= point < 0xE100 + len(codes):
        return codes[point - 0xE100]
    return ch


def _strip_comments(text: str) -> str:
    """Remove ``<!-- ... -->`` comments (an unclosed one runs to the end)."""
    if "<!--" not in text:
        return text
    parts: list[str] = []
    position = 0
    while True:
        start = text.find("<!--", position)
        if start < 0:
            parts.append(text[position:])
            break
        parts.append(text[position:start])
        end = text.find("-->", start + 4)
        if end < 0:
            break
        position = end + 3
    return "".join(parts)
