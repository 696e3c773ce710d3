"""Verdict reports: PDF text/pages/links, ClaimReview against its schema, CSV, Markdown."""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from factdesk.core.commands import AddEvidence, SetVerdictField
from factdesk.core.importing import import_paths
from factdesk.core.project import Project
from factdesk.model.models import ClaimDraft, MatchDraft
from factdesk.report.data import ReportFilter, build_report
from factdesk.report.exporting import SUPPORTED_FORMATS, export_report
from factdesk.report.richtext import html_to_markdown, html_to_text

SCHEMA = Path(__file__).parent / "fixtures" / "claimreview.schema.json"

META = {
    "Dallas Express": ("https://dallasexpress.com/world/izium-zelenskyy", "2022-09-15"),
    "Reuters": ("https://www.reuters.com/world/europe/zelenskiy-izium-2022-09-16/", "2022-09-16"),
    "AFP": ("https://www.barrons.com/news/zelensky-visits-izyum-2022-09-14", "2022-09-14"),
}

# (outlet, quote, kind, speaker, rating, status, rationale HTML, evidence)
VERDICTS = [
    ("Reuters", "In Izium, we found 450 dead people buried.", "statistic", "Zelenskiy",
     "Mostly true", "done",
     "<p>The Kharkiv regional administration counted <b>447 bodies</b> at the Izium "
     "burial site by 23 September:</p><ul><li>425 civilians</li><li>22 soldiers</li></ul>"
     "<p>The figure of 450 was an early <i>estimate</i>.</p>",
     [("https://www.ohchr.org/en/izium", "OHCHR statement on Izium"),
      ("https://apnews.com/article/izium-mass-grave", "AP: Izium exhumations")]),
    ("Dallas Express", "until four days ago, Russia’s main bastion and logistics hub in the "
     "region", "event", None, "Mostly false", "needs review",
     "<p>Ukraine recaptured Izium on <b>10 September</b>; the visit was on 14 September, "
     "so it was four days, but the city had been recaptured, not abandoned.</p>",
     [("https://www.understandingwar.org/backgrounder/izium", "ISW assessment, 10 Sept"),
      ("https://www.bbc.com/news/world-europe-62867285", "BBC: Izium retaken")]),
    ("AFP", "Ukrainian President Volodymyr Zelensky on Wednesday visited the east Ukraine city "
     "of Izyum", "event", None, "True", "done",
     "Confirmed by the presidential office's video of the flag-raising on 14 September.",
     [("https://www.president.gov.ua/en/news/izium-visit", "Office of the President"),
      ("https://www.reuters.com/world/europe/zelenskiy-visits-izium", "Reuters photo")]),
    ("Dallas Express", "Prosecutors said they had discovered six bodies with torture traces in "
     "recently retaken Kharkiv region villages.", "attribution", None, "Unverifiable",
     "in progress",
     "<p>No prosecutor's statement with this number has been found yet. Asked the "
     "<a href=\"https://gp.gov.ua\">prosecutor's office</a>.</p>",
     [("https://gp.gov.ua/en/news", "Prosecutor General news"),
      ("https://t.me/kharkiv_prosecutor", "Kharkiv prosecutor's channel")]),
    ("Reuters", "Moscow has not commented on Izium’s graves.", "event", None, "Misleading",
     "done",
     "<p>The Kremlin spokesman <b>did</b> comment on 16 September, calling the reports "
     "<i>a lie</i>:</p><ol><li>TASS, 16 Sept</li><li>RIA, 16 Sept</li></ol>",
     [("https://tass.com/politics/peskov-izium", "TASS: Peskov on Izium"),
      ("https://ria.ru/20220916/izyum.html", "RIA Novosti")]),
]
UNJUDGED = [
    ("Reuters", "Ukrainian officials on site said of the more than 400 bodies discovered, most "
     "are civilians.", "statistic", None),
    ("AFP", "Russia also claimed to have captured dozens of Ukrainian servicemen in the "
     "southern Kherson and Zaporizhzhia regions.", "attribution", None),
]


def build_sample(path: Path, seeds: Path) -> dict[str, int]:
    """The three seed articles, seven hand-marked claims, five verdicts, two matches."""
    ids: dict[str, int] = {}
    with Project.open(path) as project:
        project.settings.set("checker", "Ada Checker")
        import_paths(project, [seeds])
        outlets = {a.outlet: a for a in project.articles.all()}
        for outlet, (url, date) in META.items():
            project.articles.update_metadata(outlets[outlet].id, url=url, published=date)
        for outlet, quote, kind, speaker, *_ in [*VERDICTS, *UNJUDGED]:
            article = outlets[outlet]
            start = article.text.index(quote)
            end = start + len(quote)
            draft = ClaimDraft(start, end, quote, article.text[max(0, start - 32):start],
                               article.text[end:end + 32], kind, 0.8, speaker, "manual")
            with project.transaction():
                ids[quote] = project.claims.add(article.id, draft)
        for _, quote, _, _, rating, status, rationale, evidence in VERDICTS:
            cid = ids[quote]
            SetVerdictField(cid, "rating", rating).apply(project)
            SetVerdictField(cid, "status", status).apply(project)
            SetVerdictField(cid, "rationale", rationale).apply(project)
            for url, title in evidence:
                AddEvidence(cid, url, title, "checked").apply(project)
        SetVerdictField(ids[UNJUDGED[0][1]], "status", "in progress").apply(project)
        with project.transaction():
            project.matches.save_suggestions([
                MatchDraft(ids[VERDICTS[0][1]], ids[UNJUDGED[0][1]], 0.82, "same fact", (
                    {"kind": "number", "severity": "high",
                     "explanation": "450 bodies here, \"more than 400\" in the other report"},
                )),
                MatchDraft(ids[VERDICTS[1][1]], ids[VERDICTS[2][1]], 0.64, "related", (
                    {"kind": "time", "severity": "medium",
                     "explanation": "\"four days ago\" against \"5 days after recapture\""},
                )),
            ])
    return ids



EVERY_STATUS = ["to check", "in progress", "needs review", "done"]


def options(**kw: object) -> argparse.Namespace:
    base: dict[str, object] = {"all": False, "status": None, "rating": None, "article": None,
                               "page_size": "A4", "include_suggested": False}
    base.update(kw)
    return argparse.Namespace(**base)


def squash(text: str) -> str:
    """Whitespace (line wraps, tabs) as single spaces; curly quotes left alone."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("reports") / "izium.factdesk"
    build_sample(path, Path(__file__).resolve().parents[1] / "seeds")
    return path


def dense(text: str) -> str:
    """No whitespace at all: PDF text extraction breaks lines where fonts change."""
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path) -> tuple[str, object]:
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(str(path))
    return squash(" ".join(page.extract_text() or "" for page in reader.pages)), reader


def test_formats_listed() -> None:
    assert set(SUPPORTED_FORMATS) == {"pdf", "claimreview", "csv", "markdown"}


def test_pdf_has_every_judged_claim_rating_and_rationale(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    with Project.open(sample) as project:
        assert export_report(project, "pdf", out, options(status=EVERY_STATUS)) is None
        verdicts = project.verdicts.all()
    assert out.exists() and not out.with_name("report.pdf.part").exists()
    text, reader = pdf_text(out)
    assert len(reader.pages) > 1
    judged = [v for v in verdicts if v.rating]
    assert len(judged) == len(VERDICTS)
    for _, quote, _, _, rating, _, rationale, _ in VERDICTS:
        assert dense(quote) in dense(text)
        assert rating in text
        for line in html_to_text(rationale).splitlines():
            line = re.sub(r" \(https?://[^)]*\)", "", line)  # link targets are not printed
            assert dense(line.lstrip("-0123456789. ")) in dense(text)
    assert "ﬁ" not in text and "ﬀ" not in text  # no ligature glyphs in the text layer
    contents = text.split("Appendix: sources")[0]
    assert dense(UNJUDGED[1][1])[:40] not in dense(contents)  # unjudged, unmatched
    # the kicker names who publishes it (no organisation here), not the tool
    assert "VERDICT REPORT" in text and "FACTDESK" not in text
    assert "Page 1 of" in text
    assert "DRAFT · verdict report" in text  # the running header says it holds drafts
    assert "Appendix: sources" in text


def test_pdf_links_are_annotations(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "links.pdf"
    with Project.open(sample) as project:
        export_report(project, "pdf", out, options(status=EVERY_STATUS))
    _, reader = pdf_text(out)
    uris = set()
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action and action.get("/URI"):
                uris.add(str(action["/URI"]))
    for *_, evidence in VERDICTS:
        for url, _ in evidence:
            assert url in uris


def test_pdf_page_sizes_and_fonts(sample: Path, tmp_path: Path) -> None:
    sizes = {}
    for size in ("A4", "Letter"):
        out = tmp_path / f"{size}.pdf"
        with Project.open(sample) as project:
            export_report(project, "pdf", out, options(page_size=size))
        _, reader = pdf_text(out)
        box = reader.pages[0].mediabox
        sizes[size] = (round(float(box.width)), round(float(box.height)))
        fonts = reader.pages[1]["/Resources"]["/Font"]
        for font in fonts.values():
            descendant = font.get_object().get("/DescendantFonts")
            obj = descendant[0].get_object() if descendant else font.get_object()
            descriptor = obj["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert sizes["A4"] == (595, 842)
    assert sizes["Letter"] == (612, 792)


@pytest.mark.slow
def test_long_report_paginates_without_losing_claims(tmp_path: Path) -> None:
    path = tmp_path / "long.factdesk"
    long_rationale = "<p>" + "A careful sentence about the evidence. " * 60 + "</p>"
    quotes = []
    with Project.open(path) as project:
        text = " ".join(f"Claim number {i} says that {i * 7} people attended the rally."
                        for i in range(40))
        with project.transaction():
            aid = project.articles.add(title="Rally", outlet="Gazette", author="", published=None,
                                       url="https://gazette.example/rally", source_name="x.txt",
                                       text=text, text_hash="h", raw=b"")
        for i in range(40):
            quote = f"Claim number {i} says that {i * 7} people attended the rally."
            start = text.index(quote)
            with project.transaction():
                cid = project.claims.add(aid, ClaimDraft(start, start + len(quote), quote, "",
                                                         "", "statistic", 0.5))
            SetVerdictField(cid, "rating", "False").apply(project)
            SetVerdictField(cid, "rationale",
                            long_rationale if i % 10 == 0 else f"<p>Checked {i}.</p>").apply(
                project)
            quotes.append(quote)
        out = tmp_path / "long.pdf"
        export_report(project, "pdf", out, options(status=EVERY_STATUS))
    text_out, reader = pdf_text(out)
    assert len(reader.pages) > 5
    for quote in quotes:
        assert dense(quote) in dense(text_out)


def _validator():  # jsonschema validator
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)



def test_claimreview_validates_and_carries_the_scale(sample: Path) -> None:
    validator = _validator()
    every = options(status=EVERY_STATUS)
    with Project.open(sample) as project:
        reviews = json.loads(export_report(project, "claimreview", None, every) or "")
        project.settings.set("organisation", "Izium Checks")
        project.settings.set("report_url", "https://checks.example/izium")
        with_org = json.loads(export_report(project, "claimreview", None, every) or "")
        project.settings.set("organisation", None)
        project.settings.set("report_url", None)
    for batch in (reviews, with_org):
        errors = list(validator.iter_errors(batch))
        assert errors == [], [e.message for e in errors]
    assert len(reviews) == len(VERDICTS)
    by_claim = {r["claimReviewed"]: r for r in reviews}
    mostly_true = by_claim[VERDICTS[0][1]]["reviewRating"]
    # the default scale's own numbers: True 6 ... Pants on fire 1
    assert mostly_true == {"@type": "Rating", "alternateName": "Mostly true", "ratingValue": 5,
                           "bestRating": 6, "worstRating": 1}
    # off the truth scale: the name alone, no number ranking it below "Pants on fire"
    assert by_claim[VERDICTS[4][1]]["reviewRating"] == {"@type": "Rating",
                                                         "alternateName": "Misleading"}
    item = by_claim[VERDICTS[0][1]]["itemReviewed"]
    assert item["author"] == {"@type": "Person", "name": "Zelenskiy"}
    assert item["appearance"][0]["url"] == META["Reuters"][0]
    assert by_claim[VERDICTS[1][1]]["itemReviewed"]["author"]["@type"] == "Organization"
    assert reviews[0]["author"] == {"@type": "Person", "name": "Ada Checker"}
    assert with_org[0]["author"] == {"@type": "Organization", "name": "Izium Checks",
                                     "url": "https://checks.example/"}
    assert with_org[0]["creator"] == {"@type": "Person", "name": "Ada Checker"}
    assert with_org[0]["url"].startswith("https://checks.example/izium#claim-")


def test_claimreview_publishes_finished_checks_and_says_what_is_missing(sample: Path) -> None:
    with Project.open(sample) as project:
        notes: list[str] = []
        published = json.loads(export_report(project, "claimreview", None, options(), notes)
                               or "")
        done = [v for v in VERDICTS if v[5] == "done"]
        assert {r["claimReviewed"] for r in published} == {v[1] for v in done}
        assert any("2 rated checks not done left out" in n for n in notes)
        assert any("no url" in n for n in notes) and any("organisation" in n for n in notes)
        project.settings.set("organisation", "Izium Checks")
        project.settings.set("report_url", "https://checks.example/izium")
        notes.clear()
        export_report(project, "claimreview", None, options(status=["done"]), notes)
        assert not any("url" in n or "organisation" in n or "not done" in n for n in notes)


def test_speakers_are_people_only_when_named() -> None:
    from factdesk.report.claimreview import speaker_type

    # a middle initial or a generation is no acronym (review 18b: "Donald J. Trump" and
    # "Matthew R. Verderosa" were published as organisations)
    for name in ("Pavlo Kyrylenko", "Zelenskiy", "Charles de Gaulle", "Dmitry Peskov Jr.",
                 "Donald J. Trump", "Matthew R. Verderosa", "John F. Kennedy",
                 "George T. Conway III"):
        assert speaker_type(name) == "Person", name
    for group in ("Ukrainian officials on site", "the military", "a UN spokesperson",
                  "The Kremlin", "NATO", "Russian Defence Ministry", "the F.B.I."):
        assert speaker_type(group) == "Organization", group


def test_claimreview_file_is_written_atomically(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "reviews.json"
    with Project.open(sample) as project:
        assert export_report(project, "claimreview", out, options()) is None
    assert list(_validator().iter_errors(json.loads(out.read_text("utf-8")))) == []
    assert not (tmp_path / "reviews.json.part").exists()


def test_csv_round_trips(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.csv"
    with Project.open(sample) as project:
        export_report(project, "csv", out, options(all=True, status=EVERY_STATUS))
        claims = {c.id: c for c in project.claims.iter_all()}
        verdicts = {v.claim_id: v for v in project.verdicts.all()}
        articles = {a.id: a for a in project.articles.all()}
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # for spreadsheets: Excel reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(claims)
    for row in rows:
        claim = claims[int(row["claim_id"])]
        verdict = verdicts.get(claim.id)
        assert row["claim"] == claim.text
        assert row["kind"] == claim.kind
        assert float(row["score"]) == pytest.approx(claim.score, abs=1e-3)
        assert row["outlet"] == articles[claim.article_id].outlet
        assert row["article"] == articles[claim.article_id].title
        assert row["rating"] == ((verdict.rating or "") if verdict else "")
        assert row["status"] == (verdict.status if verdict else "to check")
        assert row["rationale"] == html_to_text(verdict.rationale if verdict else "")
        urls = [e.url for e in verdict.evidence] if verdict else []
        assert row["evidence_urls"].split(" | ") if urls else row["evidence_urls"] == ""
        assert (row["evidence_urls"].split(" | ") if urls else []) == urls
        assert row["checker"] == (verdict.checker if verdict else "")
        assert row["updated"] == ((verdict.updated_at or "") if verdict else "")


def test_markdown_has_each_claim_rating_and_links(sample: Path) -> None:
    with Project.open(sample) as project:
        text = export_report(project, "markdown", None,
                             options(status=EVERY_STATUS, include_suggested=True)) or ""
    plain = text.replace("\\", "")
    for _, quote, _, _, rating, _, rationale, evidence in VERDICTS:
        assert quote in plain
        assert f"Rating: {rating}" in plain
        assert html_to_markdown(rationale).splitlines()[0].replace("\\", "") in plain
        for url, _ in evidence:
            assert f"]({url})" in text
    assert "Difference: 450 bodies here" in plain
    assert "## Appendix: sources" in text


def test_filters(sample: Path) -> None:
    with Project.open(sample) as project:
        def quotes(**kw: object) -> set[str]:
            return {e.text for e in build_report(project, ReportFilter(**kw)).claims}

        judged = {v[1] for v in VERDICTS}
        done = {v[1] for v in VERDICTS if v[5] == "done"}
        every = tuple(EVERY_STATUS)
        assert quotes() == done  # finished checks only, unless statuses are chosen
        assert quotes(statuses=every) == judged
        assert quotes(include_all=True, statuses=every) == judged | {u[1] for u in UNJUDGED}
        assert quotes(statuses=("done",)) == done
        assert quotes(include_all=True, statuses=("in progress",)) == {
            VERDICTS[3][1], UNJUDGED[0][1]}
        assert quotes(ratings=("mostly TRUE", "False")) == {VERDICTS[0][1]}
        reuters = next(a.id for a in project.articles.all() if a.outlet == "Reuters")
        assert quotes(articles=(reuters,)) == {VERDICTS[0][1], VERDICTS[4][1]}
        assert quotes(articles=(reuters,), statuses=every) == {VERDICTS[0][1], VERDICTS[4][1]}
        assert quotes(include_all=True, articles=(reuters,), statuses=every) == {
            VERDICTS[0][1], VERDICTS[4][1], UNJUDGED[0][1]}
        md = export_report(project, "markdown", None,
                           options(rating=["Misleading"], status=["done"])) or ""
        assert "Moscow has not commented" in md and "450 dead" not in md
        csv_text = export_report(project, "csv", None, options(article=[reuters])) or ""
        assert len(list(csv.DictReader(io.StringIO(csv_text)))) == 2


def test_rationale_text_forms() -> None:
    rich = ('<html><head><style>p {}</style></head><body style="font-size:9pt">'
            '<p>The <span style=" font-weight:700;">450</span> figure:</p>'
            '<ul><li>one <a href="https://x.org">link</a></li><li>two</li></ul></body></html>')
    assert html_to_text(rich) == "The 450 figure:\n- one link (https://x.org)\n- two"
    assert html_to_markdown(rich) == "The **450** figure:\n\n- one [link](https://x.org)\n- two"
    assert html_to_text("plain rationale") == "plain rationale"


def test_pdf_needs_an_output_and_known_formats(sample: Path) -> None:
    with Project.open(sample) as project:
        with pytest.raises(ValueError):
            export_report(project, "pdf", None, options())
        with pytest.raises(ValueError):
            export_report(project, "docx", None, options())


def test_sentence_context_reaches_sentence_bounds(sample: Path) -> None:
    with Project.open(sample) as project:
        every = ReportFilter(statuses=tuple(EVERY_STATUS))
        entries = {e.text: e for e in build_report(project, every).claims}
    dallas = entries[VERDICTS[1][1]]
    assert dallas.context_before.startswith("Ukrainian President Volodymyr Zelenskyy looked")
    assert dallas.context_after == "."
    afp = entries[VERDICTS[2][1]]
    assert afp.context_after.startswith(", the military said")
    assert re.search(r"counter-offensive\.$", afp.context_after)


def test_only_web_mail_and_anchor_links_reach_a_report() -> None:
    from factdesk.report.richtext import sanitise_html

    rich = ('<p>See <a href="javascript:alert(1)">this</a>, <a href="data:text/html,x">that</a>'
            ' and <a href="https://www.ohchr.org/x">OHCHR</a>.</p>')
    assert html_to_markdown(rich) == "See this, that and [OHCHR](https://www.ohchr.org/x)."
    clean = sanitise_html(rich)
    assert "javascript" not in clean and "data:" not in clean
    # a target cannot close the Markdown link and open another one
    sneaky = '<a href="https://example.org/a)[click](javascript:alert(1)">the source</a>'
    assert html_to_markdown(sneaky) == (
        "[the source](https://example.org/a%29%5Bclick%5D%28javascript:alert%281%29)")
    assert '<a href="https://www.ohchr.org/x">OHCHR</a>' in clean


def test_a_report_shows_same_fact_reports_with_conflicts_first(tmp_path: Path,
                                                                seeds_dir: Path) -> None:
    from factdesk.core.commands import MarkClaim, SetVerdictField
    from factdesk.core.importing import import_paths
    from factdesk.model.models import MatchDraft
    from factdesk.report.data import build_report

    with Project.open(tmp_path / "r.factdesk") as project:
        import_paths(project, [seeds_dir])
        a1, a2, a3 = project.articles.ids()
        mine = next(iter(MarkClaim(a1, 0, 40).apply(project).claim_ids))
        same = next(iter(MarkClaim(a2, 0, 40).apply(project).claim_ids))
        related = next(iter(MarkClaim(a3, 0, 40).apply(project).claim_ids))
        SetVerdictField(mine, "rating", "False").apply(project)
        variant = {"kind": "name", "severity": "variant", "explanation": "spelled apart"}
        conflict = {"kind": "negation", "severity": "conflict", "explanation": "denies"}
        with project.transaction():
            project.matches.save_suggestions([
                MatchDraft(mine, same, 0.9, "conflicting", (variant, conflict)),
                MatchDraft(mine, related, 0.4, "related", ())])
        everything = ReportFilter(statuses=tuple(EVERY_STATUS), include_suggested=True)
        assert build_report(project, replace(everything, include_suggested=False)
                            ).claims[0].others == ()  # accepted matches only by default
        others = build_report(project, everything).claims[0].others
        assert [o.claim_id for o in others] == [same]  # an undecided related one is left out
        # a name spelled two ways is the same name: no difference in a published report
        assert others[0].discrepancies == ("denies",)
        match = next(m for m in project.matches.for_claim(mine) if related in
                     (m.claim_a, m.claim_b))
        with project.transaction():
            project.matches.set_decision(match.id, "accepted", "Ada")
        assert {o.claim_id for o in build_report(project, everything).claims[0].others} == {
            same, related}
