"""Archive import: one record per review, counted truthfully, in every shape publishers emit.

The fixtures in ``tests/fixtures/archive`` were written for these tests, one per shape or
case of issue 24 (a round-up page, two publishers' checks of one claim, a rating list,
a DataFeed, mainEntity/review nesting, an ItemList with ``@list``, language-tagged
values, a numeric rating with its scale, ``@graph`` references, a shared ``@id``, JSON
lines, HTML with ld+json or microdata, cp1252 and semicolon CSVs).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factdesk.core.archive_service import (
    RELEVANCE_FLOOR,
    ArchiveFormatError,
    earlier_checks,
    import_archive,
    search_archive,
)
from factdesk.core.project import Project

FIXTURES = Path(__file__).parent / "fixtures" / "archive"
REPO = Path(__file__).resolve().parents[1]

#: fixture -> (read, stored, skipped): the counts the importer must report.
COUNTS = {
    "roundup_same_url.json": (20, 20, 0),
    "two_publishers_same_claim.csv": (3, 2, 1),
    "rating_list.json": (1, 1, 0),
    "datafeed.json": (4, 3, 1),
    "mainentity_review.json": (2, 2, 0),
    "itemlist.json": (2, 2, 0),
    "language_tagged.json": (1, 1, 0),
    "numeric_rating.json": (1, 1, 0),
    "graph_with_refs.json": (2, 2, 0),
    "shared_id_different_claims.json": (2, 2, 0),
    "jsonlines.jsonl": (4, 2, 2),
    "page_ldjson.html": (1, 1, 0),
    "page_microdata.html": (1, 1, 0),
    "cp1252.csv": (2, 2, 0),
    "semicolon.csv": (2, 2, 0),
}


@pytest.fixture
def project(tmp_path: Path):  # an open project
    with Project.open(tmp_path / "p.factdesk") as opened:
        yield opened


def _by_url(project: Project) -> dict[str, list]:
    found: dict[str, list] = {}
    for check in project.archive.all():
        found.setdefault(check.url, []).append(check)
    return found


def test_every_fixture_is_covered() -> None:
    assert sorted(p.name for p in FIXTURES.iterdir()) == sorted(COUNTS)


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_counts_per_fixture(project: Project, name: str) -> None:
    read, stored, skipped = COUNTS[name]
    report = import_archive(project, FIXTURES / name)
    assert (report.read, report.stored, len(report.skipped)) == (read, stored, skipped)
    assert all(reason for _, reason in report.skipped)
    assert project.archive.count() == stored
    again = import_archive(project, FIXTURES / name)  # the same file again: no copies
    assert (again.stored, again.unchanged) == (0, stored)
    assert project.archive.count() == stored


def test_round_up_page_keeps_all_twenty_reviews(project: Project) -> None:
    import_archive(project, FIXTURES / "roundup_same_url.json")
    checks = _by_url(project)["https://factcheck.example/roundup-2020-03"]
    assert len(checks) == 20 and len({c.claim for c in checks}) == 20
    assert {c.rating for c in checks} == {"False", "True", "Half True"}


def test_two_publishers_of_one_claim_stay_apart(project: Project) -> None:
    report = import_archive(project, FIXTURES / "two_publishers_same_claim.csv")
    assert report.skipped == [("line 4", "no claim text")]
    ratings = {c.publisher: c.rating for c in project.archive.all()}
    assert ratings == {"PolitiFact": "False", "FactCheck.org": "Mostly False"}


def test_rating_list_keeps_the_named_rating_with_its_scale(project: Project) -> None:
    import_archive(project, FIXTURES / "rating_list.json")
    (check,) = project.archive.all()
    assert (check.rating, check.rating_value, check.best_rating, check.worst_rating) == (
        "Pants on Fire", "1", "6", "1")
    assert check.rating_text() == "Pants on Fire (1 on 1-6)"


def test_numeric_rating_keeps_its_scale(project: Project) -> None:
    import_archive(project, FIXTURES / "numeric_rating.json")
    (check,) = project.archive.all()
    assert (check.rating, check.rating_value, check.best_rating, check.worst_rating) == (
        "", "1", "5", "1")
    assert check.rating_text() == "1 on 1-5"


def test_data_feed_items_are_read_and_an_empty_review_is_reported(project: Project) -> None:
    report = import_archive(project, FIXTURES / "datafeed.json")
    assert report.skipped == [("https://feed.example/d",
                               "no claimReviewed (nor a named itemReviewed)")]
    assert {c.claim for c in project.archive.all()} == {
        "The vaccine contains microchips.", "The vaccine alters DNA.", "5G spreads the virus."}


def test_reviews_nested_in_articles_and_lists(project: Project) -> None:
    import_archive(project, FIXTURES / "mainentity_review.json")
    import_archive(project, FIXTURES / "itemlist.json")
    claims = {c.claim: c.rating for c in project.archive.all()}
    assert claims == {"The bridge cost $2 billion.": "Mostly False",
                      "Turnout was the highest ever.": "True",
                      "Crime fell 20 percent last year.": "False",
                      "Unemployment is at a record low.": "True"}


def test_language_tagged_values_are_text_in_english(project: Project) -> None:
    import_archive(project, FIXTURES / "language_tagged.json")
    (check,) = project.archive.all()
    assert (check.claim, check.rating, check.publisher) == (
        "Exports doubled in two years.", "Mostly True", "Verified")


def test_graph_references_and_aliases_are_followed(project: Project) -> None:
    import_archive(project, FIXTURES / "graph_with_refs.json")
    checks = {c.id: c for c in project.archive.all()}
    assert set(checks) == {"https://refs.example/checks/1#review",
                           "https://refs.example/checks/2#review"}
    assert all(c.publisher == "Refs Checkers" and c.rating_text() == "False (1 on 1-5)"
               for c in checks.values())


def test_an_id_shared_by_two_claims_keeps_both(project: Project) -> None:
    report = import_archive(project, FIXTURES / "shared_id_different_claims.json")
    assert report.stored == 2 and any("different claims" in n for n in report.notes)


def test_html_pages_with_json_ld_or_microdata(project: Project) -> None:
    import_archive(project, FIXTURES / "page_ldjson.html")
    import_archive(project, FIXTURES / "page_microdata.html")
    checks = {c.publisher: c for c in project.archive.all()}
    assert checks["LD Checks"].claim == "The senator voted 40 times against the bill."
    assert checks["LD Checks"].rating_text() == "Half True (3 on 1-5)"
    micro = checks["Micro Checks"]
    assert (micro.claim, micro.url, micro.date, micro.rating_text()) == (
        "Hospital waiting times fell by 12 percent.", "https://micro.example/hospital",
        "2022-06-01", "Mostly True (4 on 1-5)")


def test_cp1252_and_semicolon_csvs(project: Project) -> None:
    import_archive(project, FIXTURES / "cp1252.csv")
    import_archive(project, FIXTURES / "semicolon.csv")
    claims = {c.claim: c for c in project.archive.all()}
    assert "Enrique Peña Nieto said the wall would cost €10 billion." in claims
    assert "São Paulo’s budget doubled – officials say." in claims
    german = claims["Die Steuern sind gestiegen, sagt er"]
    assert (german.rating, german.rating_value, german.publisher, german.url) == (
        "falsch", "1", "Correctiv", "https://correctiv.example/1")


def test_a_page_without_claim_reviews_is_refused_clearly(tmp_path: Path,
                                                         project: Project) -> None:
    page = tmp_path / "page.html"
    page.write_text("<!DOCTYPE html><html><head><script type='application/ld+json'>"
                    '{"@context": "https://schema.org", "@type": "NewsArticle"}'
                    "</script></head><body><p>Hi</p></body></html>", encoding="utf-8")
    with pytest.raises(ArchiveFormatError, match="HTML page without any ClaimReview"):
        import_archive(project, page)


def test_a_foreign_context_is_never_fetched(tmp_path: Path, project: Project) -> None:
    doc = tmp_path / "foreign.json"
    doc.write_text(json.dumps({"@context": ["https://schema.org",
                                            "https://unreachable.invalid/ctx.jsonld"],
                               "@type": "ClaimReview", "claimReviewed": "Taxes rose.",
                               "url": "https://x.example/1"}), encoding="utf-8")
    report = import_archive(project, doc)
    assert report.stored == 1
    assert any("unreachable.invalid" in note for note in report.notes)


def test_search_shows_what_a_checker_reads_and_nothing_unrelated(project: Project) -> None:
    for name in COUNTS:
        import_archive(project, FIXTURES / name)
    hits, unrelated = search_archive(
        project, ["Did the senator really vote against the bill 40 times?",
                  "Octopuses have three hearts and blue blood."])
    assert unrelated == []
    check, relevance = hits[0]
    assert RELEVANCE_FLOOR <= relevance <= 1
    assert (check.claim, check.publisher, check.url, check.date) == (
        "The senator voted 40 times against the bill.", "LD Checks",
        "https://ldjson.example/senator", "2022-05-01")


def test_weak_hits_are_those_below_the_floor_in_force(project: Project,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from factdesk.core import archive_service

    import_archive(project, FIXTURES / "jsonlines.jsonl")
    assert archive_service.default_floor(project) == RELEVANCE_FLOOR
    asked = earlier_checks(project, "The river flooded the town", min_relevance=0.0)
    assert asked and all(relevance < RELEVANCE_FLOOR for _, relevance in asked)
    assert earlier_checks(project, "The river flooded the town") == []
    # without sentence embeddings the lexical floor is the one in force
    search = archive_service.archive_index(project)
    assert search is not None
    lexical = archive_service.ArchiveSearch(search.index, None)
    monkeypatch.setattr(archive_service, "archive_index", lambda _project: lexical)
    assert archive_service.default_floor(project) == archive_service.SCORE_FLOOR


def test_cli_import_and_search(tmp_path: Path) -> None:
    project_file = tmp_path / "p.factdesk"
    with Project.open(project_file):
        pass

    def run(*args: object) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "factdesk", *map(str, args)],
                              capture_output=True, text=True, cwd=REPO, timeout=120)

    result = run("archive", "import", project_file, FIXTURES / "jsonlines.jsonl")
    assert result.returncode == 0, result.stderr
    assert "4 read, 2 stored (2 new, 0 updated), 2 skipped" in result.stderr
    assert "skipped https://lines.example/3: no claimReviewed" in result.stderr
    found = run("archive", "search", project_file, "The river rose by six metres", "--json")
    record = json.loads(found.stdout)
    hit = record["results"][0]
    assert (hit["claim"], hit["publisher"], hit["url"], hit["rating"]) == (
        "The river rose 6 metres.", "Lines Check", "https://lines.example/1", "False")
    plain = run("archive", "search", project_file, "Octopuses have three hearts")
    assert ("query: no earlier check is relevant (none of the 2 in the archive reaches "
            "the relevance floor") in plain.stdout
    assert "--min-relevance 0 shows the weaker ones" in plain.stdout
    assert 0 < hit["relevance"] <= 1 and hit["weak"] is False
    assert record["default_floor"] == RELEVANCE_FLOOR
    # a checker asking for weaker hits gets them, each marked weak
    weaker = run("archive", "search", project_file, "The river flooded the town",
                 "--min-relevance", "0")
    assert "all weak (below the relevance floor" in weaker.stdout
    assert "  weak  The river rose 6 metres." in weaker.stdout
    weak = json.loads(run("archive", "search", project_file, "The river flooded the town",
                          "--min-relevance", "0", "--json").stdout)
    assert weak["relevance_floor"] == 0.0 and weak["results"]
    assert all(h["weak"] and h["relevance"] < RELEVANCE_FLOOR for h in weak["results"])


def test_an_invalid_json_ld_document_is_skipped_with_its_reason(tmp_path: Path,
                                                                project: Project) -> None:
    lines = tmp_path / "mixed.jsonl"
    lines.write_text("\n".join(json.dumps(d) for d in [
        {"@context": {"@vocab": 5}, "@type": "ClaimReview", "claimReviewed": "Broken."},
        {"@type": "ClaimReview", "claimReviewed": "Bread prices doubled.",
         "url": "https://ok.example/1", "@id": None},
        {"@context": "https://schema.org", "@type": "ClaimReview",
         "claimReviewed": "Rents fell.", "url": "https://ok.example/2"}]), encoding="utf-8")
    report = import_archive(project, lines)
    assert report.stored >= 1 and report.read == report.stored + len(report.skipped)
    reasons = dict(report.skipped)
    assert reasons["document 1 of 3"].startswith("not valid JSON-LD (")
    assert "Rents fell." in {c.claim for c in project.archive.all()}
