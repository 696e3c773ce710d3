"""Change-sets: what kinds of rows a write touched, so that each view can decide to refresh.

Every service call that writes returns one (Anki's ``OpChanges``). The GUI broadcasts it
once; no widget has to remember to announce what it changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass(frozen=True)
class ChangeSet:
    """Which aggregates changed, and, where known, which rows."""

    articles: bool = False
    claims: bool = False
    entities: bool = False
    matches: bool = False
    verdicts: bool = False
    settings: bool = False
    archive: bool = False
    article_ids: frozenset[int] = field(default_factory=frozenset)
    claim_ids: frozenset[int] = field(default_factory=frozenset)
    # claims marked or re-spanned by hand, to be analysed and matched in the background
    analyse_claim_ids: frozenset[int] = field(default_factory=frozenset)
    # articles whose date changed: their claims to be detected again (relative times)
    analyse_article_ids: frozenset[int] = field(default_factory=frozenset)

    def __or__(self, other: ChangeSet) -> ChangeSet:
        values = {}
        for f in fields(self):
            a, b = getattr(self, f.name), getattr(other, f.name)
            values[f.name] = a | b
        return ChangeSet(**values)

    @property
    def empty(self) -> bool:
        return not any(
            getattr(self, f.name) for f in fields(self) if not f.name.endswith("_ids")
        )


NOTHING = ChangeSet()
