"""Short forms of text for display: a cut at a word boundary marked with "…", and a
count with its noun in the number it takes."""

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


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` with the noun in the number it takes: "1 check", "40 checks"."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
