"""Fact clusters: connected groups of claims joined by same-fact matches.

A cluster is what "the same fact as every outlet reported it" means: accepted matches
and suggested same-fact or conflicting matches join claims; rejected ones never do.
"""

from __future__ import annotations

from collections.abc import Iterable

from factdesk.model.models import Match


def fact_clusters(matches: Iterable[Match]) -> list[list[int]]:
    """Sorted claim-id groups of two or more, ordered by their smallest id."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for m in matches:
        if m.decision == "rejected":
            continue
        if m.decision == "accepted" or m.relation in ("same fact", "conflicting"):
            parent[find(m.claim_a)] = find(m.claim_b)
    groups: dict[int, list[int]] = {}
    for claim_id in list(parent):
        groups.setdefault(find(claim_id), []).append(claim_id)
    return sorted((sorted(g) for g in groups.values() if len(g) > 1), key=lambda g: g[0])
