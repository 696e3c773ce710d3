"""Big archive feeds: read in parts with progress, cancellable, with the same records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factdesk.core.archive_service import ReadCancelled, import_archive
from factdesk.core.project import Project
from factdesk.ingest import jsonld_expansion
from factdesk.ingest.archive_files import read_archive


def _feed(count: int) -> bytes:
    elements = []
    for i in range(count):
        review = {"@type": "ClaimReview", "url": f"https://feed.example/{i}",
                  "claimReviewed": f"Claim {i} about the river.",
                  "author": {"@type": "Organization", "name": f"Checker {i % 3}"},
                  "reviewRating": {"@type": "Rating", "ratingValue": 1 + i % 5,
                                   "bestRating": 5, "worstRating": 1}}
        if i % 2:
            review["@context"] = "http://schema.org"
        if i == 7:
            review["author"] = {"@id": "https://feed.example/#org"}
        elements.append({"@type": "DataFeedItem", "item": [review]})
    elements.append({"@type": "DataFeedItem",
                     "item": {"@type": "ClaimReview", "url": "https://feed.example/none"}})
    return json.dumps({"@context": "https://schema.org", "@type": "DataFeed",
                       "publisher": {"@id": "https://feed.example/#org",
                                     "@type": "Organization", "name": "Feed Org"},
                       "dataFeedElement": elements}).encode("utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    with Project.open(tmp_path / "p.factdesk") as opened:
        yield opened


def test_a_feed_read_in_parts_gives_what_one_expansion_gives(monkeypatch) -> None:
    data = _feed(620)
    calls: list[tuple[int, int, str]] = []
    parts = read_archive(data, "feed.json", progress=lambda *a: calls.append(a))
    monkeypatch.setattr(jsonld_expansion, "PART_SIZE", 10_000)
    whole = read_archive(data, "feed.json", progress=lambda *a: calls.append(("whole",)))
    assert parts.records == whole.records and parts.skipped == whole.skipped
    assert (parts.read, len(parts.records)) == (621, 620)
    assert [c[0] for c in calls] == [250, 500, 621]  # the whole read reports no parts
    assert all(total == 621 for _, total, _ in calls)
    by_url = {r.url: r for r in parts.records}
    assert by_url["https://feed.example/7"].publisher == "Feed Org"  # reference across parts
    assert by_url["https://feed.example/3"].rating_value == "4"


def test_cancel_between_parts_stores_nothing(tmp_path: Path, project: Project) -> None:
    path = tmp_path / "feed.json"
    path.write_bytes(_feed(600))
    seen: list[int] = []
    with pytest.raises(ReadCancelled):
        import_archive(project, path, progress=lambda done, total, what: seen.append(done),
                       cancelled=lambda: bool(seen))
    assert seen == [250]
    assert project.archive.count() == 0
    report = import_archive(project, path)
    assert (report.read, report.stored) == (601, 600)


def test_json_lines_report_progress_by_document(tmp_path: Path) -> None:
    lines = "\n".join(json.dumps({"@context": "https://schema.org", "@type": "ClaimReview",
                                  "claimReviewed": f"Claim {i}.",
                                  "url": f"https://l.example/{i}"}) for i in range(150))
    calls: list[tuple[int, int, str]] = []
    found = read_archive(lines.encode(), "l.jsonl", progress=lambda *a: calls.append(a))
    assert len(found.records) == 150
    assert calls == [(100, 150, "documents"), (150, 150, "documents")]
