"""Where the quotations of a text are: the character spans between paired quotation marks,
as news text writes them (curly, straight, guillemets, and scraped text that mixes them).

Who said each quotation is :mod:`factdesk.nlp.speakers`' work; it re-exports
:func:`find_quote_spans` for the callers that read both.
"""

from __future__ import annotations

import re


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the text between paired quotation marks.

    A curly quotation closes at its closing mark; when another opening mark comes first
    and a straight mark closes it before that, in its paragraph, the straight mark does
    (text with mixed marks: "“I find it disturbing," Inslee said. "Washington will ...");
    a straight mark so used opens nothing. A straight opening mark closes at a curly
    closing mark that comes before the next straight one, in its paragraph. An opening curly mark with no close in its
    paragraph runs to the paragraph's end."""
    # matching's claim-level finders (contradictions, discrepancies) read one sentence
    # cut from an article, where a quote may be half: they keep their own rules.
    spans: list[tuple[int, int]] = []
    used: set[int] = set()  # straight marks that closed a curly quotation
    for open_mark, close_mark in (("\u201c", "\u201d"), ("\u00ab", "\u00bb")):
        for m in re.finditer(open_mark, text):
            start = m.end()
            if any(s <= start <= e for s, e in spans):
                continue
            close = text.find(close_mark, start)
            reopen = text.find(open_mark, start)
            if open_mark == "\u201c" and (0 <= reopen < close or close < 0):
                para_end = text.find("\n\n", start)
                limit = min(x for x in (reopen, para_end, len(text)) if x >= 0)
                straight = text.find('"', start, limit)
                if straight - start >= 2:
                    used.add(straight)
                    spans.append((start, straight))
                    continue
            if close - start >= 2:
                spans.append((start, close))
    marks = [m.start() for m in re.finditer('"', text) if m.start() not in used]
    closes = {e for _, e in spans}
    paired: set[int] = set()  # straight marks that opened or closed a quotation
    i = 0
    while i < len(marks):
        start = marks[i] + 1
        limit = marks[i + 1] if i + 1 < len(marks) else len(text)
        curly = text.find("\u201d", start, limit)
        if curly - start >= 2 and curly not in closes and "\n" not in text[start:curly] and \
                not any(s <= start < e for s, e in spans):
            spans.append((start, curly))  # '"He's not a Republican. Absolutely not,” Fox said.'
            paired.add(marks[i])
            i += 1
            continue
        if i + 1 >= len(marks):
            break
        end = marks[i + 1]
        if "\n" in text[start:end] or any(s <= start < e for s, e in spans):
            i += 1
            continue
        if end - start < 2:
            i += 1
            continue
        spans.append((start, end))
        paired.update((marks[i], marks[i + 1]))
        i += 2
    # An opening mark with no close in its paragraph runs to the paragraph's end: a
    # curly one, or a straight one that opens words at a sentence's start ('... it's
    # working," she said. "Throw out the threat ...' with the quotation going on in the
    # next paragraph, as news prints it)
    for mark in marks:
        start = mark + 1
        if mark in paired or not text[start:start + 1].isalnum() or \
                text[mark - 1:mark] not in ("", " ", "\n") or \
                any(s <= start <= e for s, e in spans):
            continue
        para_end = text.find("\n\n", start)
        para_end = len(text) if para_end < 0 else para_end
        if '"' not in text[start:para_end] and "\u201d" not in text[start:para_end]:
            spans.append((start, para_end))
    for m in re.finditer("\u201c", text):
        start = m.end()
        if any(s <= start <= e for s, e in spans):
            continue
        para_end = text.find("\n\n", start)
        para_end = len(text) if para_end < 0 else para_end
        if "\u201d" not in text[start:para_end]:
            spans.append((start, para_end))
    return sorted(spans)
