"""Reports fit to publish: reviewed material only, the claim as checked, ClaimReview that
schema.org and Google accept, a PDF an editor can file, safe tables.

One small project of two articles written for the purpose (with the source artefacts
reports must clean): a finished check with an accepted match, a finished check with only
a suggested one, a check in progress and a "Not a claim" verdict.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
from pathlib import Path

import pytest
from schemaorg_checks import google_problems, schema_org_errors

from factdesk.cli.main import main
from factdesk.core.commands import SetClaimStatement, SetVerdictField, UndoStack
from factdesk.core.project import Project
from factdesk.model.models import ClaimDraft, MatchDraft, MentionDraft
from factdesk.model.text import shorten
from factdesk.report.exporting import export_report
from factdesk.report.project_json import project_to_json
from factdesk.report.tabular import neutralise_cell

EVERY_STATUS = ["to check", "in progress", "needs review", "done"]

GAZETTE = ("“\"\"We have learned that 450 bodies were buried in Izium,” said Ukrainian "
           "President Volodymyr Zelenskyy on Friday.\n\n-In the past week, Russian forces "
           "left Izium. Oleksandr Filchakov, the head of the Kharkiv prosecutor’s office, "
           "said six bodies showed signs of torture. Bucha is a small city near Kyiv.")
WIRE = ("Zelenskiy said 450 people were found buried in Izium. Russian forces left Izium "
        "four days ago.")
STATEMENT = "Zelenskyy: 450 bodies were buried in Izium"


def _article(project: Project, outlet: str, text: str, date: str, url: str) -> int:
    with project.transaction():
        return project.articles.add(
            title=f"{outlet} on Izium", outlet=outlet, author="Staff", published=date,
            url=url, source_name=f"{outlet}.txt", text=text,
            text_hash=hashlib.sha256(text.encode()).hexdigest(), raw=text.encode())


def _claim(project: Project, article_id: int, text: str, quote: str, kind: str,
           speaker: str | None = None) -> int:
    start = text.index(quote)
    with project.transaction():
        return project.claims.add(article_id, ClaimDraft(
            start, start + len(quote), quote, text[max(0, start - 30):start],
            text[start + len(quote):start + len(quote) + 30], kind, 0.9, speaker, "manual"))


def _verdict(project: Project, claim_id: int, rating: str, status: str, rationale: str) -> None:
    for field, value in (("rating", rating), ("status", status), ("rationale", rationale)):
        SetVerdictField(claim_id, field, value).apply(project)


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("publishing") / "izium.factdesk"
    ids: dict[str, int] = {}
    with Project.open(path) as project:
        project.settings.set("checker", "Ada Checker")
        project.settings.set("organisation", "Izium Desk")
        project.settings.set("report_url", "https://desk.example/checks/izium")
        project.settings.set("report_title", "Izium: what the reports said")
        gazette = _article(project, "Gazette", GAZETTE, "2022-09-15",
                           "https://gazette.example/izium")
        wire = _article(project, "Wire", WIRE, "2022-09-14", "https://wire.example/izium")
        quote = GAZETTE[:GAZETTE.index(" said")]
        ids["accepted"] = _claim(project, gazette, GAZETTE, quote, "quote", "Zelenskiy")
        ids["suggested"] = _claim(project, gazette, GAZETTE,
                                  "-In the past week, Russian forces left Izium.", "event")
        ids["progress"] = _claim(project, gazette, GAZETTE,
                                 "said six bodies showed signs of torture.", "statistic",
                                 "Oleksandr Filchakov")
        ids["not_a_claim"] = _claim(project, gazette, GAZETTE,
                                    "Bucha is a small city near Kyiv.", "other")
        # "Zelenskiy said ...": the speaker the claim detector stores (an appearance of
        # Zelenskyy's claim must be his words)
        ids["wire_450"] = _claim(project, wire, WIRE, WIRE.split(". ")[0] + ".", "statistic",
                                 "Zelenskiy")
        ids["wire_left"] = _claim(project, wire, WIRE, WIRE.split(". ")[1], "event")
        with project.transaction():
            mentions = []
            for name in ("Volodymyr Zelenskyy", "Oleksandr Filchakov"):
                start = GAZETTE.index(name)
                mentions.append(MentionDraft(start, start + len(name), name, "PERSON", name))
            project.entities.replace_mentions(gazette, mentions)
            project.entities.add_alias("Zelenskiy", "Volodymyr Zelenskyy")
            project.matches.save_suggestions([
                MatchDraft(ids["accepted"], ids["wire_450"], 0.8, "same fact"),
                MatchDraft(ids["suggested"], ids["wire_left"], 0.7, "same fact"),
            ])
            accepted = project.matches.for_claim(ids["accepted"])[0]
            project.matches.set_decision(accepted.id, "accepted", "Ada Checker")
        SetClaimStatement(ids["accepted"], STATEMENT).apply(project)
        _verdict(project, ids["accepted"], "Mostly true", "done",
                 '=HYPERLINK("https://evil.example","details")<p>Counted: 447.</p>')
        _verdict(project, ids["suggested"], "True", "done",
                 "<p>Recaptured on 10 September.</p><p>Two sources<br/>agree.</p>")
        _verdict(project, ids["progress"], "Unverifiable", "in progress",
                 "@SUM(1+1) still checking")
        _verdict(project, ids["not_a_claim"], "Not a claim", "done", "Background.")
    return path, ids


def options(**kw: object) -> argparse.Namespace:
    base: dict[str, object] = {"all": False, "status": None, "rating": None, "article": None,
                               "page_size": "A4", "include_suggested": False}
    base.update(kw)
    return argparse.Namespace(**base)


# the claim as checked ------------------------------------------------------------------

def test_statement_is_undoable_defaults_to_the_sentence_and_is_set_from_the_cli(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.factdesk"
    with Project.open(path) as project:
        aid = _article(project, "Wire", WIRE, "2022-09-14", "https://wire.example/izium")
        cid = _claim(project, aid, WIRE, WIRE.split(". ")[0] + ".", "statistic")
        stack = UndoStack(project)
        assert project.claims.get(cid).as_checked == WIRE.split(". ")[0] + "."
        stack.push(SetClaimStatement(cid, "  450   found buried in Izium "))
        assert project.claims.get(cid).statement == "450 found buried in Izium"
        stack.undo()
        assert project.claims.get(cid).statement is None
        stack.redo()
        assert project.claims.get(cid).as_checked == "450 found buried in Izium"
        stack.push(SetClaimStatement(cid, WIRE.split(". ")[0] + "."))  # the sentence itself
        assert project.claims.get(cid).statement is None
        history = [h for h in project.verdicts.history_for_claim(cid) if h.field == "statement"]
        assert [h.new for h in history][-2:] == ["450 found buried in Izium", None]
    assert main(["claim", str(path), "statement", str(cid), "Izium: 450 buried"]) == 0
    assert main(["claim", str(path), "statement", str(cid)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Izium: 450 buried"
    assert main(["claim", str(path), "statement", str(cid), "--clear"]) == 0
    assert main(["claim", str(path), "statement", "999", "x"]) == 1
    with Project.open(path, read_only=True) as project:
        assert project.claims.get(cid).statement is None
        columns = [r[1] for r in project.db.execute("PRAGMA table_info(claims)")]
    assert "statement" in columns


# only reviewed material ----------------------------------------------------------------

def test_reports_publish_finished_checks_and_accepted_matches_only(desk) -> None:
    path, ids = desk
    with Project.open(path, read_only=True) as project:
        md = export_report(project, "markdown", None, options()) or ""
        shown = export_report(project, "markdown", None,
                              options(status=EVERY_STATUS, include_suggested=True)) or ""
        reviews = json.loads(export_report(project, "claimreview", None,
                                           options(status=EVERY_STATUS)) or "")
    assert STATEMENT in md and "Recaptured on 10 September" in md
    assert "still checking" not in md and "Background." not in md  # in progress; Not a claim
    assert "Zelenskiy said 450 people" in md  # the accepted match
    assert "Russian forces left Izium four days ago" not in md  # a suggestion, not shown
    assert "SUGGESTED, not reviewed" in shown and "four days ago" in shown
    assert re.search(r"## \d+\. DRAFT · ", shown) and "DRAFT: not finished" in shown
    assert "Background." not in shown  # "Not a claim" is not publishable
    assert {r["reviewRating"]["alternateName"] for r in reviews} == {
        "Mostly true", "True", "Unverifiable"}
    draft = next(r for r in reviews if r["reviewRating"]["alternateName"] == "Unverifiable")
    assert draft["creativeWorkStatus"] == "Draft"
    suggested = next(r for r in reviews if r["reviewRating"]["alternateName"] == "True")
    assert [w["url"] for w in suggested["itemReviewed"]["appearance"]] == [
        "https://gazette.example/izium"]  # the suggestion is never an appearance


# ClaimReview against schema.org and Google ------------------------------------------------

def test_validator_catches_what_it_should() -> None:
    bad = {"@type": "ClaimReview", "claimReviewed": "x", "jobTitle": "editor",
           "reviewRating": {"@type": "Person", "name": "A"},
           "author": {"@type": "Organisation", "name": "B"},
           "itemReviewed": {"@type": "Claim", "datePublished": "15 Sept", "ratingValue": 3}}
    errors = " | ".join(schema_org_errors(bad))
    assert "jobTitle: not a property of ClaimReview" in errors
    assert "Person is not in ['Rating']" in errors
    assert "unknown type 'Organisation'" in errors
    assert "'15 Sept' is not a ['Date', 'DateTime']" in errors
    assert "ratingValue: not a property of Claim" in errors
    assert google_problems(bad)[0] == ["ClaimReview.url", "Rating.alternateName"]


def test_claimreview_is_valid_schema_org_and_has_googles_fields(desk) -> None:
    path, ids = desk
    with Project.open(path, read_only=True) as project:
        notes: list[str] = []
        reviews = json.loads(export_report(project, "claimreview", None, options(), notes)
                             or "")
    assert len(reviews) == 2  # the finished checks; "Not a claim" is not published
    for review in reviews:
        assert schema_org_errors(review) == []
        required, recommended = google_problems(review)
        assert required == [] and recommended == [], (required, recommended)
    first = next(r for r in reviews if r["claimReviewed"] == STATEMENT)
    assert first["reviewRating"] == {"@type": "Rating", "ratingValue": 5, "bestRating": 6,
                                     "worstRating": 1, "alternateName": "Mostly true"}
    assert first["itemReviewed"]["author"] == {
        "@type": "Person", "name": "Volodymyr Zelenskyy", "jobTitle": "Ukrainian President"}
    assert first["author"] == {"@type": "Organization", "name": "Izium Desk",
                               "url": "https://desk.example/"}
    assert first["creator"] == {"@type": "Person", "name": "Ada Checker"}
    assert first["url"] == f"https://desk.example/checks/izium#claim-{ids['accepted']}"
    appearances = first["itemReviewed"]["appearance"]
    assert [(w["url"], w["datePublished"]) for w in appearances] == [
        ("https://gazette.example/izium", "2022-09-15"), ("https://wire.example/izium",
                                                          "2022-09-14")]
    assert appearances[0]["text"].startswith("“We have learned")  # the sentence, cleaned
    assert first["itemReviewed"]["firstAppearance"]["url"] == "https://wire.example/izium"
    assert any("1 rated check not done left out" in n for n in notes)
    assert any("1 check with a rating the scale does not publish" in n for n in notes)


def test_claimant_job_title_after_the_name(desk) -> None:
    path, ids = desk
    with Project.open(path, read_only=True) as project:
        reviews = json.loads(export_report(project, "claimreview", None,
                                           options(status=["in progress"])) or "")
    assert reviews[0]["itemReviewed"]["author"] == {
        "@type": "Person", "name": "Oleksandr Filchakov",
        "jobTitle": "head of the Kharkiv prosecutor’s office"}


# safe tables -----------------------------------------------------------------------------

@pytest.mark.parametrize("cell", ["=1+1", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_cells_are_neutralised(cell: str) -> None:
    assert neutralise_cell(cell) == "'" + cell
    assert neutralise_cell("plain " + cell) == "plain " + cell


def test_csv_is_safe_for_spreadsheets(desk, tmp_path: Path) -> None:
    path, ids = desk
    excel, plain = tmp_path / "excel.csv", tmp_path / "plain.csv"
    with Project.open(path, read_only=True) as project:
        export_report(project, "csv", excel, options(status=EVERY_STATUS))
        export_report(project, "csv", plain, options(status=EVERY_STATUS, encoding="utf-8"))
        with pytest.raises(ValueError):
            export_report(project, "csv", tmp_path / "x.csv", options(encoding="latin-1"))
    assert excel.read_bytes().startswith(b"\xef\xbb\xbf")
    assert not plain.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = {int(r["claim_id"]): r for r in csv.DictReader(
        io.StringIO(plain.read_text("utf-8"), newline=""))}
    assert rows[ids["accepted"]]["rationale"].startswith("'=HYPERLINK(")
    assert rows[ids["progress"]]["rationale"] == "'@SUM(1+1) still checking"
    assert rows[ids["suggested"]]["rationale"] == "Recaptured on 10 September.\nTwo sources\nagree."
    assert rows[ids["suggested"]]["claim"] == "In the past week, Russian forces left Izium."
    assert rows[ids["accepted"]]["statement"] == STATEMENT
    assert rows[ids["progress"]]["publication"] == "DRAFT"
    numbers = ("rating_value", "best_rating", "worst_rating")
    assert [rows[ids["accepted"]][n] for n in numbers] == ["5", "6", "1"]  # Mostly true
    assert [rows[ids["progress"]][n] for n in numbers] == ["", "", ""]  # Unverifiable


def test_json_carries_the_rationale_as_sanitised_html_and_text(desk) -> None:
    path, ids = desk
    with Project.open(path, read_only=True) as project:
        data = project_to_json(project)
    verdict = next(v for v in data["verdicts"] if v["claim_id"] == ids["suggested"])
    assert verdict["rationale_html"] == ("<p>Recaptured on 10 September.</p>"
                                         "<p>Two sources<br/>agree.</p>")
    assert verdict["rationale_text"] == "Recaptured on 10 September.\nTwo sources\nagree."
    assert "rationale" not in verdict
    claim = next(c for c in data["claims"] if c["id"] == ids["accepted"])
    assert claim["statement"] == STATEMENT


# the PDF ---------------------------------------------------------------------------------

def test_pdf_is_fileable(desk, tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    path, ids = desk
    out = tmp_path / "desk.pdf"
    with Project.open(path, read_only=True) as project:
        export_report(project, "pdf", out, options(
            status=EVERY_STATUS, include_suggested=True,
            rating=["Mostly true", "True", "Unverifiable", "Not a claim"]))
    reader = pypdf.PdfReader(str(out))
    text = " ".join((p.extract_text() or "") for p in reader.pages)
    flat = " ".join(text.split())
    assert len(reader.pages) <= 3  # four claims, two articles: compact
    meta = reader.metadata
    assert meta.title == "Izium: what the reports said"
    assert meta.author == "Izium Desk (Ada Checker)"
    assert "4 claims, 1 of them a draft" in meta.subject
    assert "Mostly true" in meta["/Keywords"] and "Volodymyr Zelenskyy" in meta["/Keywords"]
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert reader.pdf_header.endswith("1.4")  # PDF/A-1b is PDF 1.4
    assert "/OutputIntents" in reader.trailer["/Root"] and "/Metadata" in reader.trailer["/Root"]
    outline = reader.outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    assert titles == ["Izium: what the reports said", "Contents", "Claims",
                      "Appendix: sources"]
    claims = next(item for item in outline if isinstance(item, list))
    assert [c.title.split(".")[0] for c in claims] == ["1", "2", "3", "4"]
    assert any(c.title.startswith("3. DRAFT: ") for c in claims)
    assert claims[0].title.startswith(f"1. {STATEMENT}")
    internal = [a.get_object() for page in reader.pages for a in page.get("/Annots") or []
                if "/Dest" in a.get_object()]
    assert len(internal) >= 4 * 2 + 1  # contents (text and page), see claim, source lines
    assert STATEMENT in flat and "DRAFT" in flat and "SUGGESTED, not reviewed" in flat
    assert "“We have learned" in flat and '""' not in flat  # source artefacts cleaned
    assert "-In the past" not in flat and "In the past week" in flat
    cover = " ".join((reader.pages[0].extract_text() or "").split())
    chart = cover.split("Verdicts by rating")[1].split("Contents")[0]
    assert "Mostly true" in chart and "Pants on fire" not in chart  # ratings used only


# the sources appendix -------------------------------------------------------------------

def test_the_appendix_lists_only_the_sources_the_report_cites(desk, tmp_path: Path) -> None:
    """An article of the project the report does not mention is not one of its sources,
    and no local file name or database id is printed beside a source that has a title."""
    path, ids = desk
    copy = tmp_path / "izium-more.factdesk"
    copy.write_bytes(path.read_bytes())
    with Project.open(copy) as project:
        _article(project, "Herald", "The city council met on Monday about parking fees.",
                 "2022-09-16", "https://herald.example/parking")
        md = export_report(project, "markdown", None, options()) or ""
        pdf = tmp_path / "report.pdf"
        export_report(project, "pdf", pdf, options())
    appendix = md.split("## Appendix: sources", 1)[1]
    assert "**Gazette**" in appendix and "2 claims checked in this report" in appendix
    assert "**Wire**" in appendix  # the accepted match's outlet: cited beside the check
    assert "cited as another outlet's report of a checked claim" in appendix
    assert "Herald" not in md  # imported, never cited
    assert ".txt" not in md and "(claim " not in md
    pypdf = pytest.importorskip("pypdf")
    text = " ".join(p.extract_text() or "" for p in pypdf.PdfReader(str(pdf)).pages)
    assert "Wire" in text and "Herald" not in text and "Gazette.txt" not in text


def test_contents_lines_are_cut_at_a_word_with_an_ellipsis() -> None:
    line = ("“We have learned something important since the days that I served in "
            "Vietnam,” Mr. Blumenthal said to the group gathered in Norwalk in March 2008.")
    cut = shorten(line, 100)
    assert cut == ("“We have learned something important since the days that I served in "
                   "Vietnam,” Mr. Blumenthal said…")
    assert shorten("short", 100) == "short"


def test_a_pdf_export_says_what_it_left_out_and_an_untitled_report(
        desk, tmp_path: Path) -> None:
    """A Blumenthal PDF left a check in progress out without a word (only ClaimReview
    said so) and was titled after the file name, "b2: verdict report"."""
    path, ids = desk
    notes: list[str] = []
    with Project.open(path, read_only=True) as project:
        export_report(project, "pdf", tmp_path / "r.pdf", options(), notes)
    assert any("1 rated check not done left out" in n for n in notes), notes
    assert not any("titled" in n for n in notes)  # the desk has a report title
    untitled = tmp_path / "b2.factdesk"
    untitled.write_bytes(path.read_bytes())
    with Project.open(untitled) as project:
        project.settings.set("report_title", "")
        notes = []
        export_report(project, "markdown", tmp_path / "r.md", options(), notes)
    assert any("titled 'b2: verdict report' after the project file's name" in n
               for n in notes), notes
