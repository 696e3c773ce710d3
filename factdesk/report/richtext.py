"""Rationale rich text (HTML from the verdict editor) turned into report-ready forms.

Three forms: a sanitised HTML fragment for the PDF renderer (the body only, without the
editor's document wrapper, fonts and sizes), plain text (CSV, search) and Markdown.
Pure Python (``html.parser``); no Qt.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr"}
_DROP = {"head", "style", "script", "title"}
_KEEP_TAGS = {
    "p", "br", "b", "strong", "i", "em", "u", "s", "a", "ul", "ol", "li", "blockquote",
    "code", "pre", "sub", "sup", "span", "div", "h3", "h4", "table", "tr", "td", "th",
}
# style declarations kept in the sanitised HTML: emphasis, not the editor's fonts
_KEEP_STYLE = re.compile(r"^(font-weight|font-style|text-decoration|color|vertical-align)$")


def is_html(text: str) -> bool:
    return bool(re.search(r"<[a-zA-Z/!][^>]*>", text))


def plain_to_html(text: str) -> str:
    """Escaped paragraphs of a plain-text rationale."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join(
        "<p>" + html.escape(p).replace("\n", "<br/>") + "</p>" for p in paragraphs
    )


class _Sanitiser(HTMLParser):
    def __init__(self, keep_newlines: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.dropping = 0
        self.keep_newlines = keep_newlines  # see _TextWriter

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP:
            self.dropping += 1
            return
        if self.dropping or tag not in _KEEP_TAGS:
            return
        kept: list[str] = []
        for name, value in attrs:
            if name == "href" and tag == "a" and safe_href(value):
                kept.append(f'href="{html.escape(value or "", quote=True)}"')
            elif name == "style" and value:
                decls = []
                for decl in value.split(";"):
                    key, _, val = decl.partition(":")
                    if _KEEP_STYLE.match(key.strip().lower()) and val.strip():
                        decls.append(f"{key.strip().lower()}:{val.strip()}")
                if decls:
                    kept.append(f'style="{html.escape(";".join(decls), quote=True)}"')
        self.out.append(f"<{tag}{''.join(' ' + k for k in kept)}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not self.dropping:
            self.out.append("<br/>")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP:
            self.dropping = max(0, self.dropping - 1)
            return
        if not self.dropping and tag in _KEEP_TAGS and tag != "br":
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.dropping:
            return
        text = html.escape(data, quote=False)
        if self.keep_newlines and data.strip():
            text = text.replace("\n", "<br/>")
        self.out.append(text)


_SAFE_SCHEMES = ("http://", "https://", "mailto:", "ftp://", "#")


def markdown_target(url: str) -> str:
    """A link target written so that Markdown cannot read past it: brackets, angle
    brackets and white space are percent-encoded."""
    return url.translate({ord(c): f"%{ord(c):02X}" for c in "()<> \t\n[]"})


def safe_href(value: str | None) -> str | None:
    """A link target a report may carry (web, mail, an anchor), else None: a rationale's
    "javascript:" or "data:" link is kept as text only."""
    target = (value or "").strip()
    return target if target.lower().startswith(_SAFE_SCHEMES) else None


def sanitise_html(rich: str) -> str:
    """A safe HTML fragment of a rationale (plain text is wrapped in paragraphs)."""
    if not rich.strip():
        return ""
    if not is_html(rich):
        return plain_to_html(rich)
    parser = _Sanitiser(keep_newlines="pre-wrap" in rich or not _BLOCK_TAG.search(rich))
    parser.feed(rich)
    parser.close()
    return "".join(parser.out).strip()


_BLOCK_TAG = re.compile(r"<(?:p|div|br|li|h\d|pre|tr)\b", re.I)


def _span_mark(style: str) -> str:
    """The Markdown emphasis a Qt ``<span style=...>`` stands for."""
    style = style.replace(" ", "").lower()
    mark = ""
    weight = re.search(r"font-weight:(\d+|bold)", style)
    if weight and (weight.group(1) == "bold" or int(weight.group(1)) >= 600):
        mark += "**"
    if "font-style:italic" in style:
        mark += "*"
    return mark


class _TextWriter(HTMLParser):
    """Plain text or Markdown of a rich-text fragment."""

    def __init__(self, markdown: bool, keep_newlines: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.markdown = markdown
        # a line break typed in the text itself counts (text with a few tags, a pre-wrap
        # document), not the source's layout between the tags of a block-structured one
        self.keep_newlines = keep_newlines
        self.empty_paragraph = False  # Qt writes a blank line as an "empty" paragraph
        self.lines: list[str] = []
        self.current: list[str] = []
        self.lists: list[list[int]] = []  # per open list: [is_ordered, counter]
        self.dropping = 0
        self.href: str | None = None
        self.link_text: list[str] = []
        self.spans: list[str] = []  # the Markdown marks each open <span> added

    def _break(self, hard: bool = False) -> None:
        """End the current line; ``hard``: a line break inside a paragraph (Markdown
        joins lines it is not told to keep apart, so it gets a backslash)."""
        line = "".join(self.current).strip()
        self.current = []
        if line:
            self.lines.append(line + ("\\" if hard and self.markdown else ""))

    def _end_paragraph(self) -> None:
        """End a block: Markdown needs a blank line between paragraphs (one line break
        runs them together) and around a list (a paragraph right after one would be
        read as the last item's continuation)."""
        self._break()
        if self.markdown and not self.lists and self.lines and self.lines[-1]:
            self.lines.append("")

    def _emit(self, text: str) -> None:
        if self.href is not None:
            self.link_text.append(text)
        else:
            self.current.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP:
            self.dropping += 1
        if self.dropping:
            return
        if tag in {"ul", "ol"}:
            self._end_paragraph()
        if tag in _BLOCKS or tag in {"ul", "ol"}:
            self._break()
            style = (dict(attrs).get("style") or "").replace(" ", "")
            self.empty_paragraph = "-qt-paragraph-type:empty" in style
        if tag == "br":
            self._break(hard=True)
        elif tag in {"ul", "ol"}:
            self.lists.append([int(tag == "ol"), 0])
        elif tag == "li":
            self._break()
            indent = "  " * max(0, len(self.lists) - 1)
            if self.lists and self.lists[-1][0]:
                self.lists[-1][1] += 1
                self.current.append(f"{indent}{self.lists[-1][1]}. ")
            else:
                self.current.append(f"{indent}- ")
        elif tag in {"b", "strong"} and self.markdown:
            self._emit("**")
        elif tag in {"i", "em"} and self.markdown:
            self._emit("*")
        elif tag == "a":
            self.href = safe_href(dict(attrs).get("href")) or ""
            self.link_text = []
        elif tag == "span":
            mark = _span_mark(dict(attrs).get("style") or "") if self.markdown else ""
            self.spans.append(mark)
            if mark:
                self._emit(mark)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP:
            self.dropping = max(0, self.dropping - 1)
            return
        if self.dropping:
            return
        if tag in {"b", "strong"} and self.markdown:
            self._emit("**")
        elif tag in {"i", "em"} and self.markdown:
            self._emit("*")
        elif tag == "span":
            mark = self.spans.pop() if self.spans else ""
            if mark:
                self._emit(mark[::-1])
        elif tag == "a" and self.href is not None:
            text, href = "".join(self.link_text).strip(), self.href
            self.href = None
            if self.markdown and href:
                self.current.append(f"[{text or href}]({markdown_target(href)})")
            elif href and text and href not in text:
                self.current.append(f"{text} ({href})")
            else:
                self.current.append(text or href)
        elif tag in {"ul", "ol"}:
            self._break()
            if self.lists:
                self.lists.pop()
            self._end_paragraph()
        elif tag in _BLOCKS or tag == "li":
            if tag == "li":
                self._break()
            else:
                self._end_paragraph()
            if self.empty_paragraph and self.lines and self.lines[-1]:
                self.lines.append("")  # the blank line the checker left
            self.empty_paragraph = False

    def handle_data(self, data: str) -> None:
        if self.dropping:
            return
        if self.keep_newlines and "\n" in data and data.strip():
            first, *rest = data.split("\n")
            self._emit(re.sub(r"\s+", " ", first))
            for line in rest:
                self._break(hard=True)
                self._emit(re.sub(r"\s+", " ", line))
            return
        self._emit(re.sub(r"\s+", " ", data))

    def text(self) -> str:
        self._break()
        lines: list[str] = []
        for line in self.lines:  # one blank line at most, none at the end
            if line or (lines and lines[-1]):
                lines.append(line)
        while lines and not lines[-1]:
            lines.pop()
        # a hard break that ends a paragraph breaks nothing: no backslash left showing
        return "\n".join(
            line[:-1] if line.endswith("\\") and (i + 1 == len(lines) or not lines[i + 1])
            else line for i, line in enumerate(lines))


def _convert(rich: str, markdown: bool) -> str:
    if not rich.strip():
        return ""
    if not is_html(rich):
        return rich.strip()
    keep_newlines = "pre-wrap" in rich or not _BLOCK_TAG.search(rich)
    writer = _TextWriter(markdown, keep_newlines)
    writer.feed(rich)
    writer.close()
    return writer.text()


def html_to_text(rich: str) -> str:
    """Plain text: one line per paragraph, line break or list item (a blank line the
    checker left stays), list items with "- " or "1. "."""
    return _convert(rich, markdown=False)


def html_to_markdown(rich: str) -> str:
    """Markdown: bold, italics, links and lists kept."""
    return _convert(rich, markdown=True)
