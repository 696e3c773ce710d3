"""Turning SQLite rows into the dataclasses of :mod:`factdesk.model.models` and back
(and chunking id lists for ``IN (...)`` queries)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from factdesk.model.models import Article, Claim, Evidence, HistoryEntry, Match


def id_chunks(ids: Iterable[Any], size: int = 500) -> Iterator[tuple[list[Any], str]]:
    """``ids`` (or other values) in chunks small enough for one ``IN (...)``, each with
    its ``?`` marks."""
    ids = list(ids)
    for i in range(0, len(ids), size):
        chunk = ids[i : i + size]
        yield chunk, ",".join("?" * len(chunk))


def now_iso() -> str:
    """The current UTC time as an ISO 8601 string with seconds precision."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


#: ``json.dumps(value, ensure_ascii=False, separators=(",", ":"))``, without building an
#: encoder for every value (the encoder keeps no state between values).
_COMPACT_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps(value: Any) -> str:
    """Compact JSON for a column."""
    return _COMPACT_JSON.encode(value)


def _loads_tuple(text: str | None) -> tuple[dict[str, Any], ...]:
    # "[]" (most claims have no quantities or times) skips the JSON parser: opening an
    # article reads every one of its claims on the GUI thread
    return tuple(json.loads(text)) if text and text != "[]" else ()


def article_from_row(row: dict[str, Any]) -> Article:
    return Article(
        id=row["id"],
        title=row["title"],
        outlet=row["outlet"],
        author=row["author"],
        published=row["published"],
        url=row["url"],
        source_name=row["source_name"],
        imported_at=row["imported_at"],
        text=row["text"],
        text_hash=row["text_hash"],
    )


def claim_from_row(row: dict[str, Any]) -> Claim:
    return Claim(
        id=row["id"],
        article_id=row["article_id"],
        start=row["start"],
        end=row["end"],
        text=row["text"],
        prefix=row["prefix"],
        suffix=row["suffix"],
        kind=row["kind"],
        score=row["score"],
        speaker=row["speaker"],
        origin=row["origin"],
        quantities=_loads_tuple(row["quantities"]),
        times=_loads_tuple(row["times"]),
        entities=_loads_tuple(row["entities"]),
        lemmas=row["lemmas"],
        statement=row.get("statement"),  # absent from a file read before migration 0007
    )


def match_from_row(row: dict[str, Any]) -> Match:
    return Match(
        id=row["id"],
        claim_a=row["claim_a"],
        claim_b=row["claim_b"],
        score=row["score"],
        relation=row["relation"],
        discrepancies=_loads_tuple(row["discrepancies"]),
        decision=row["decision"],
        # absent from a file read before migration 0010 (a read-only view)
        decided_relation=row.get("decided_relation"),
        decided_discrepancies=_loads_tuple(row.get("decided_discrepancies")),
        unrelated=bool(row.get("unrelated") or 0),
    )


def evidence_from_row(row: dict[str, Any]) -> Evidence:
    return Evidence(
        id=row["id"],
        claim_id=row["claim_id"],
        url=row["url"],
        title=row["title"],
        note=row["note"],
        accessed=row["accessed"],
    )


def history_from_row(row: dict[str, Any]) -> HistoryEntry:
    return HistoryEntry(
        id=row["id"],
        entity=row["entity"],
        entity_id=row["entity_id"],
        field=row["field"],
        old=row["old"],
        new=row["new"],
        who=row["who"],
        at=row["at"],
    )
