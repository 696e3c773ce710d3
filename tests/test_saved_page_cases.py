"""Saved pages: JSON-LD articleBody, the outlet from the JSON-LD publisher, truncation
warnings, and bylines, photo credits and related-post teasers removed.

The pages in ``tests/fixtures/page_cases`` were written for these tests, one per case.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factdesk.ingest import parse_file
from factdesk.ingest.html import plausible_outlet
from factdesk.ingest.page_furniture import byline_authors, is_byline, remove_page_furniture
from factdesk.ingest.truncation import truncation_warning

CASES = Path(__file__).parent / "fixtures" / "page_cases"


def test_body_only_in_json_ld_is_taken_from_article_body() -> None:
    article = parse_file(CASES / "jsonld_body_only.html")
    assert "320 teachers would be hired by January" in article.text
    assert "open in 2025" in article.text
    assert len(article.text.split("\n\n")) >= 5  # its paragraphs kept
    assert any(w.startswith("text taken from the page's JSON-LD articleBody")
               for w in article.warnings)


def test_outlet_from_json_ld_publisher_before_a_section_site_name() -> None:
    article = parse_file(CASES / "reuters_section.html")
    assert article.outlet == "Reuters"
    assert any("'Reuters' from the page's JSON-LD publisher, not 'U.S.'" in w
               for w in article.warnings)


def test_a_section_site_name_alone_is_not_taken_for_the_outlet() -> None:
    article = parse_file(CASES / "section_sitename.html")
    assert article.outlet == ""
    assert any("'World' looks like a section" in w for w in article.warnings)


@pytest.mark.parametrize(("name", "ok"), [
    ("Reuters", True), ("The New York Times", True), ("bbc.co.uk", True), ("U.S.", False),
    ("World", False), ("politics", False), ("", False), ("2022", False),
    ("https://example.com/section/news", False)])
def test_plausible_outlet(name: str, ok: bool) -> None:
    assert plausible_outlet(name) is ok


def test_truncated_body_gets_a_visible_warning() -> None:
    article = parse_file(CASES / "truncated_paywall.html")
    warning = next(w for w in article.warnings if w.startswith("the text looks truncated"))
    assert "stops mid-sentence" in warning
    assert "declares 820 words" in warning
    assert "not free" in warning


def test_complete_pages_get_no_truncation_warning() -> None:
    for name in ("reuters_section.html", "bylines_credits_teasers.html",
                 "jsonld_body_only.html"):
        assert not any("truncated" in w for w in parse_file(CASES / name).warnings), name


def test_truncation_signs() -> None:
    assert truncation_warning(["A whole sentence ends here."]) is None
    assert "ellipsis" in (truncation_warning(["The minister said the plan would…"]) or "")
    assert "subscription prompt" in (truncation_warning(
        ["Text.", "Sign in to continue reading this story."]) or "")


def test_bylines_photo_credits_and_teasers_are_removed_and_named() -> None:
    article = parse_file(CASES / "bylines_credits_teasers.html")
    for gone in ("By Jane Doe", "Credit:", "Getty Images", "Related posts",
                 "Turnout rises in local election"):
        assert gone not in article.text, gone
    assert "the mayor said." in article.text
    assert "inspectors found cracks in two supports" in article.text
    warnings = " ".join(article.warnings)
    assert 'removed byline: "By Jane Doe and Max Roe, Staff writers"' in warnings
    assert 'removed photo credit: "(Credit: City Herald/John Smith)"' in warnings
    assert 'removed 3 related-post teaser line(s) after "Related posts"' in warnings
    assert article.author == "Jane Doe, Max Roe"  # the page gives no author of its own
    assert "author 'Jane Doe, Max Roe' read from the removed byline" in warnings


@pytest.mark.parametrize(("text", "authors"), [
    ("By Jane Doe", ["Jane Doe"]),
    ("By Jane Doe and Max Roe, Reuters", ["Jane Doe", "Max Roe"]),
    ("Written by Jane Doe | Sept. 14, 2022 10:30", ["Jane Doe"]),
    ("By Max de Vries, Political Correspondent", ["Max de Vries"]),
    ("By Jane Doe, Ann Lee & Bo Li - Updated May 3, 2021", ["Jane Doe", "Ann Lee", "Bo Li"]),
    ("By Reuters Staff", []), ("By AP", []),
    ("By the end of the year, prices rose", [])])
def test_byline_authors(text: str, authors: list[str]) -> None:
    assert byline_authors(text) == authors


def test_a_byline_does_not_replace_the_page_author(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text("<html><head><title>Bridge</title><meta name='author' content='Kim Park'>"
                    "</head><body><article><h1>Bridge</h1><p>By Jane Doe</p><p>The bridge "
                    "reopened on Monday after four months of repairs, the mayor said.</p>"
                    "</article></body></html>", encoding="utf-8")
    article = parse_file(page)
    assert article.author == "Kim Park" and "By Jane Doe" not in article.text


@pytest.mark.parametrize(("text", "byline"), [
    ("By Jane Doe", True), ("By Jane Doe and Max Roe, Reuters", True),
    ("Written by Jane Doe | Sept. 14, 2022 10:30", True),
    ("By Max de Vries, Political Correspondent", True),
    ("By Jane Doe | Updated September 14, 2022 at 10:30 AM EDT", True),
    ("By Tuesday, the city had spent 3 million dollars on repairs.", False),
    ("By the end of the year, prices rose", False),
    ("By 2030 the city will have 40 buses", False)])
def test_byline_rule(text: str, byline: bool) -> None:
    assert is_byline(text) is byline


def test_what_merely_mentions_credits_or_related_stays() -> None:
    paragraphs = ["The photographer Ann Lee, credited with 40 pictures, spoke on Monday.",
                  "Related news: the council met on Friday and approved the plan.",
                  "By Tuesday, the city had spent 3 million dollars on repairs."]
    kept, warnings, authors = remove_page_furniture(paragraphs)
    assert kept == paragraphs and warnings == [] and authors == []
