"""What failed in a batch and why: one article's analysis or matching, reported by name.

A batch (an import's extraction, a matching run, ``compare --pairs``) never stops for one
item: the item is kept, reported with a one-line reason, and the batch goes on.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ArticleFailure:
    """An article (or one of its claim pairs) that could not be analysed or matched."""

    article_id: int
    title: str
    error: str
    stage: str = "analysis"  # or "matching"
    retried: bool = True  # False: trying again cannot help (the error says what to do)

    def line(self) -> str:
        """The report line for the checker (CLI and status bar)."""
        what = "not analysed" if self.stage == "analysis" else "not fully matched"
        retry = "factdesk extract" if self.stage == "analysis" else "factdesk match"
        then = f"; kept, '{retry}' tries it again" if self.retried else "; kept"
        return f"article {self.article_id} ({self.title or 'untitled'}) {what}: {self.error}{then}"


def error_text(exc: BaseException) -> str:
    """A short, one-line account of an exception for the checker (and the database)."""
    message = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {message}"[:300] if message else type(exc).__name__
