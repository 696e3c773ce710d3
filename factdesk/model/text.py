"""Short forms of text for display: a cut at a word boundary, marked with "…"."""

from __future__ import annotations


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with "…" (a cut
    that would keep less than half of ``limit`` falls mid-word instead)."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:–—-") + "…"
