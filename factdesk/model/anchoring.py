"""Anchoring claims to article text: offsets plus quote and context (W3C selectors).

A claim is stored as character offsets into the immutable article text plus its quoted
text and a little prefix/suffix. If offsets ever stop selecting the quote (re-import, a
normalisation change), :func:`reanchor` finds the quote again, preferring the place whose
context matches, and says when it cannot.
"""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT_CHARS = 32


def context_for(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> tuple[str, str]:
    """The prefix and suffix around ``text[start:end]``."""
    return text[max(0, start - width) : start], text[end : end + width]


@dataclass(frozen=True)
class Anchor:
    """Where a quote was found again, or why it was not."""

    start: int | None
    end: int | None
    status: str  # "ok", "moved", "lost", "ambiguous"


def reanchor(text: str, quote: str, prefix: str, suffix: str, start: int, end: int) -> Anchor:
    """Find ``quote`` in ``text``: at its offsets, else by quote and context."""
    if 0 <= start < end <= len(text) and text[start:end] == quote:
        return Anchor(start, end, "ok")
    positions = []
    pos = text.find(quote)
    while pos >= 0:
        positions.append(pos)
        pos = text.find(quote, pos + 1)
    if not positions:
        return Anchor(None, None, "lost")

    def fit(p: int) -> tuple[int, int]:
        before = text[max(0, p - len(prefix)) : p]
        after = text[p + len(quote) : p + len(quote) + len(suffix)]
        same = sum(a == b for a, b in zip(reversed(before), reversed(prefix), strict=False))
        same += sum(a == b for a, b in zip(after, suffix, strict=False))
        return same, -abs(p - start)

    ranked = sorted(positions, key=fit, reverse=True)
    if len(ranked) > 1 and fit(ranked[0])[0] == fit(ranked[1])[0] and not prefix + suffix:
        return Anchor(None, None, "ambiguous")
    best = ranked[0]
    return Anchor(best, best + len(quote), "moved")
