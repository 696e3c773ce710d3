"""How a report tells other outlets' accounts: the differences a reader is told, and the
CSV's two cells for them, and the publisher's details in the JSON export (found
reading the BASIL Jackson Jr. plea event's exports).

One small project of three articles written for the purpose, in the way the BASIL event
told it: HuffPost's "$43,000 Rolex watch" on "Wednesday morning", Fox News's "$43,350"
watch on "Wednesday" (an accepted conflicting match whose stored discrepancies are a
number conflict and a "compatible" date: the same day in two wordings) and an accepted
related report by the New York Times.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from factdesk.cli.main import main
from factdesk.core.commands import SetVerdictField
from factdesk.core.project import Project
from factdesk.model.models import ClaimDraft, MatchDraft, differences_told
from factdesk.model.settings import DEFAULT_CLAIM_SHARE, DEFAULT_CLAIM_THRESHOLD
from factdesk.report.data import build_report
from factdesk.report.pdf import render_pdf
from factdesk.report.pdf_html import claim_html
from factdesk.report.project_json import project_to_json
from factdesk.report.tabular import to_csv, to_markdown

HUFFPOST = ("Former Rep. Jesse Jackson Jr. pleaded guilty Wednesday morning to buying a "
            "$43,000 Rolex watch with campaign funds.")
FOX = "Jackson pleaded guilty Wednesday to buying a $43,350 Rolex watch with campaign money."
NYT = "Mr. Jackson used $750,000 in campaign money on living expenses."
SAME_DAY = ("HuffPost’s “Wednesday morning” (article of 2013-02-20) means 2013-02-20; Fox "
            "News’s “Wednesday” (article of 2013-02-20) means 2013-02-20 — the same date.")
CONFLICT = "HuffPost says 43,000 watch; Fox News says 43,350 watch — conflict: 43,000 is not 43,350."
RELATED = "HuffPost says 43,000; The New York Times says 750,000 — conflict"


def _article(project: Project, outlet: str, text: str) -> int:
    with project.transaction():
        return project.articles.add(
            title=f"{outlet} on the plea", outlet=outlet, author="", published="2013-02-20",
            url=f"https://{outlet.replace(' ', '').lower()}.example/jackson",
            source_name=f"{outlet}.txt", text=text,
            text_hash=hashlib.sha256(text.encode()).hexdigest(), raw=text.encode())


def _claim(project: Project, article_id: int, text: str) -> int:
    with project.transaction():
        return project.claims.add(article_id, ClaimDraft(
            0, len(text), text, "", "", "statistic", 0.9, None, "manual"))


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("outlets") / "jackson.factdesk"
    with Project.open(path) as project:
        project.settings.set("checker", "Renée O'Brien")
        project.settings.set("organisation", "FactDesk Review")
        project.settings.set("report_url", "https://desk.example/jackson")
        ids = {"huffpost": _claim(project, _article(project, "HuffPost", HUFFPOST), HUFFPOST),
               "fox": _claim(project, _article(project, "Fox News", FOX), FOX),
               "nyt": _claim(project, _article(project, "The New York Times", NYT), NYT)}
        with project.transaction():
            project.matches.save_suggestions([
                MatchDraft(ids["huffpost"], ids["fox"], 0.64, "conflicting", (
                    {"kind": "date", "severity": "compatible", "explanation": SAME_DAY,
                     "a_text": "Wednesday morning", "b_text": "Wednesday"},
                    {"kind": "number", "severity": "conflict", "explanation": CONFLICT,
                     "a_text": "43,000", "b_text": "43,350"})),
                MatchDraft(ids["huffpost"], ids["nyt"], 0.45, "related", (
                    {"kind": "number", "severity": "conflict", "explanation": RELATED,
                     "a_text": "43,000", "b_text": "750,000"},)),
            ])
            for match in project.matches.for_claim(ids["huffpost"]):
                project.matches.set_decision(match.id, "accepted", "Renée O'Brien")
        for field, value in (("rating", "Mostly true"), ("status", "done"),
                             ("rationale", "<p>Rounded.</p><p>The filing says $43,350.</p>")):
            SetVerdictField(ids["huffpost"], field, value).apply(project)
    return path, ids


def _export(path: Path, fmt: str, out: Path) -> str:
    assert main(["export", str(path), "--format", fmt, "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8-sig")


def test_a_compatible_discrepancy_is_not_told_as_a_difference() -> None:
    stored = [{"kind": "date", "severity": "compatible", "explanation": SAME_DAY},
              {"kind": "name", "severity": "variant", "explanation": "spelling"},
              {"kind": "number", "severity": "conflict", "explanation": CONFLICT},
              {"kind": "place", "severity": "vague", "explanation": ""}]
    assert differences_told(stored) == (CONFLICT, "place", "spelling")


def test_reports_tell_the_conflict_but_not_the_same_date_in_two_wordings(
        desk, tmp_path: Path) -> None:
    path, ids = desk
    markdown = _export(path, "markdown", tmp_path / "r.md")
    assert "Difference: HuffPost says 43,000 watch" in markdown
    assert "the same date" not in markdown and "Wednesday morning”" not in markdown
    with Project.open(path, read_only=True) as project:
        data = build_report(project)
        html = claim_html(data.claims[0])
        told = {c["id"]: c for c in project_to_json(project)["claims"]}
        stored = project.matches.for_claim(ids["huffpost"])
    assert "43,000 is not 43,350" in html and "the same date" not in html
    # told alike beside the claim and in "As other outlets reported it": small, in the
    # difference colour (the second list's were body size, larger than the quote's url)
    assert re.findall(r'<span class="([^"]*)">Difference: ', html) == ["small diff"] * 2
    assert told[ids["huffpost"]]["reported_differently"][0]["differences"] == [CONFLICT]
    # the match itself keeps what the matcher found (the window's panel shows it)
    assert any(d["severity"] == "compatible" for m in stored for d in m.discrepancies)


def test_the_csv_tells_what_differs_and_the_same_fact_as_others_printed_it(
        desk, tmp_path: Path) -> None:
    path, ids = desk
    text = _export(path, "csv", tmp_path / "r.csv")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [int(r["claim_id"]) for r in rows] == [ids["huffpost"]]
    row = rows[0]
    assert list(row)[17:20] == ["reported_differently", "reported_alike", "rationale"]
    # accepted, a related match carrying a contradicting difference ("43,000" against
    # "750,000") is told as reported differently, not as the same fact reported alike
    assert row["reported_differently"] == (f"Fox News: “{FOX}” Difference: {CONFLICT} | "
                                           f"The New York Times: “{NYT}” "
                                           f"Difference: {RELATED}.")
    assert row["reported_alike"] == ""
    assert row["rationale"] == "Rounded.\nThe filing says $43,350."  # one quoted cell
    # the ClaimReview lists neither the conflicting report nor the accepted related one
    # contradicting the claim as an appearance of it
    reviews = json.loads(_export(path, "claimreview", tmp_path / "r.jsonld"))
    assert [w["publisher"]["name"] for w in reviews[0]["itemReviewed"]["appearance"]
            ] == ["HuffPost"]


def test_the_json_export_carries_what_a_publisher_needs(desk, tmp_path: Path) -> None:
    path, _ = desk
    project = json.loads(_export(path, "json", tmp_path / "r.json"))["project"]
    assert project == {"name": "jackson", "checker": "Renée O'Brien",
                       "organisation": "FactDesk Review", "organisation_url": None,
                       "report_url": "https://desk.example/jackson", "report_title": None,
                       "claim_threshold": DEFAULT_CLAIM_THRESHOLD,
                       "claim_share": DEFAULT_CLAIM_SHARE}


def test_the_classifier_kind_is_not_published(desk) -> None:
    """"Kind: statistic" is the claim detector's label, not something a reader of a
    verdict report is told: the PDF and Markdown leave it out, the CSV (data for the
    desk) keeps its column."""
    path, _ = desk
    with Project.open(path, read_only=True) as project:
        data = build_report(project)
    statistic = data.claims[0]
    meta = re.compile(r'vertical-align: middle;">(.*?)</td>')
    assert "Kind" not in meta.search(claim_html(statistic)).group(1)
    assert "Kind:" not in claim_html(statistic) and "Kind:" not in to_markdown(data)
    assert "**Rating: Mostly true (5 on 1-6)**\n" in to_markdown(data)
    assert to_csv(data).count(",statistic,") == 1  # the data keeps it


def test_the_sentence_as_printed_is_not_repeated_under_a_heading_that_is_it(desk) -> None:
    """A heading that is the printed sentence word for word is not printed again as
    "As printed"; a statement the checker wrote, or a claim inside a longer sentence,
    keeps the sentence as printed under it."""
    path, _ = desk
    with Project.open(path, read_only=True) as project:
        data = build_report(project)
    entry = data.claims[0]
    whole = replace(entry, statement="", context_before="", context_after="")
    html = claim_html(whole)
    assert "As printed:" not in html and html.count(entry.text) == 1
    assert '<span class="muted">As printed in</span>' in html
    restated = replace(whole, statement="The county counted 43,000 watchers")
    assert "As printed:" in claim_html(restated)
    assert f'<span class="claim">{entry.text}</span>' in claim_html(restated)
    inside = replace(whole, context_before="Officials said that ")
    assert "As printed:" in claim_html(inside)
    # the Markdown report follows the same rule
    assert to_markdown(replace(data, claims=(whole,))).count(entry.text) == 1
    assert f"**{entry.text}**" in to_markdown(replace(data, claims=(restated,)))


def test_a_claim_carried_over_a_page_is_named_at_the_top_of_the_next(
        desk, tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    path, _ = desk
    with Project.open(path, read_only=True) as project:
        data = build_report(project)
    paragraphs = "".join(f"<p>Paragraph {n} of the reasoning, checked against the filing "
                         f"and the docket of the court, line by line.</p>" for n in range(60))
    long = replace(data.claims[0], rationale_html=paragraphs)
    out = tmp_path / "long.pdf"
    assert render_pdf(replace(data, claims=(long,)), out) >= 3
    pages = [" ".join((p.extract_text() or "").split())
             for p in pypdf.PdfReader(str(out)).pages]
    label = "1. Former Rep. Jesse Jackson Jr. pleaded guilty Wednesday morning to"
    starts = [n for n, page in enumerate(pages) if "Paragraph 0 of" in page]
    carried = [n for n, page in enumerate(pages) if "(continued)" in page]
    # every page the section runs on after its first, and only those
    assert len(starts) == 1 and carried == [
        n for n in range(starts[0] + 1, len(pages)) if "Paragraph" in pages[n]]
    assert len(carried) >= 2
    for n in carried:
        assert label in pages[n] and pages[n].count("(continued)") == 1
