"""The archive of earlier fact-checks: importing ClaimReview or CSV, and finding matches.

``import_archive`` reads ClaimReview JSON-LD (a single object, a list, or an
``@graph``; JSON lines too) or a CSV with a header (``claim`` required; ``id``,
``title``, ``rating``, ``url``, ``date`` optional). ``earlier_checks`` finds the archived
checks closest to a claim with the BM25F archive index.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from factdesk.core.project import Project
from factdesk.matching.archive_index import ArchiveIndex
from factdesk.model.changes import ChangeSet
from factdesk.model.models import ArchivedCheck


class ArchiveFormatError(ValueError):
    """The archive file is neither ClaimReview JSON-LD nor a CSV with a claim column."""


def _stable_id(text: str) -> str:
    return "c" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _claimreview_items(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _claimreview_items(item)
    elif isinstance(data, dict):
        if "@graph" in data:
            yield from _claimreview_items(data["@graph"])
        elif "claimReviewed" in data or data.get("@type") == "ClaimReview":
            yield data


def _from_claimreview(item: dict[str, Any]) -> ArchivedCheck | None:
    claim = str(item.get("claimReviewed") or "").strip()
    if not claim:
        return None
    rating = item.get("reviewRating") or {}
    rating_name = rating.get("alternateName") or rating.get("name") or ""
    if not rating_name and rating.get("ratingValue") is not None:
        rating_name = str(rating.get("ratingValue"))
    url = str(item.get("url") or "")
    return ArchivedCheck(
        id=str(item.get("@id") or item.get("identifier") or url or _stable_id(claim)),
        claim=claim,
        title=str(item.get("name") or item.get("headline") or ""),
        rating=str(rating_name),
        url=url,
        date=str(item.get("datePublished") or ""),
    )


def parse_archive(data: bytes, name: str) -> list[ArchivedCheck]:
    """Archived checks from the bytes of a ClaimReview JSON(-LD/lines) or CSV file."""
    text = data.decode("utf-8-sig", errors="replace")
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            items = list(_claimreview_items(json.loads(stripped)))
        except json.JSONDecodeError:
            items = []
            for line in stripped.splitlines():
                if line.strip():
                    try:
                        items += list(_claimreview_items(json.loads(line)))
                    except json.JSONDecodeError as exc:
                        raise ArchiveFormatError(f"{name}: not valid JSON ({exc})") from exc
        checks = [c for c in (_from_claimreview(i) for i in items) if c]
        if not checks:
            raise ArchiveFormatError(f"{name}: no ClaimReview with a claimReviewed field")
        return checks
    dialect = "excel-tab" if name.lower().endswith((".tsv", ".tab")) else "excel"
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    fields = {f.strip().lower(): f for f in (reader.fieldnames or [])}
    if "claim" not in fields:
        raise ArchiveFormatError(f"{name}: a CSV archive needs a header with a 'claim' column")
    checks = []
    for row in reader:
        def value(key: str, row: dict[str, Any] = row) -> str:
            return str(row.get(fields[key]) or "").strip() if key in fields else ""

        claim = value("claim")
        if claim:
            checks.append(ArchivedCheck(id=value("id") or _stable_id(claim), claim=claim,
                                        title=value("title"), rating=value("rating"),
                                        url=value("url"), date=value("date")))
    return checks


def import_archive(project: Project, path: Path) -> tuple[int, ChangeSet]:
    """Store the checks of one archive file; returns how many and the change-set."""
    checks = parse_archive(Path(path).read_bytes(), Path(path).name)
    with project.transaction():
        count = project.archive.add_many(checks)
    _INDEXES.pop(str(project.path.resolve()), None)
    return count, ChangeSet(archive=True)


_INDEXES: dict[str, tuple[int, ArchiveIndex]] = {}
_LOCK = threading.Lock()


def archive_index(project: Project) -> ArchiveIndex | None:
    """The project's archive index (built once, rebuilt when the archive changes)."""
    key = str(project.path.resolve())
    count = project.archive.count()
    if count == 0:
        return None
    with _LOCK:
        cached = _INDEXES.get(key)
        if cached is None or cached[0] != count:
            checks = project.archive.all()
            cached = (count, ArchiveIndex((c.id, c.claim, c.title) for c in checks))
            _INDEXES[key] = cached
        return cached[1]


def earlier_checks(project: Project, claim_text: str, k: int = 3,
                   min_score: float = 0.0) -> list[tuple[ArchivedCheck, float]]:
    """The archived checks closest to ``claim_text``, best first."""
    index = archive_index(project)
    if index is None:
        return []
    hits = [(i, s) for i, s in index.search(claim_text, k) if s > min_score]
    by_id = {c.id: c for c in project.archive.all()} if hits else {}
    return [(by_id[i], s) for i, s in hits if i in by_id]
