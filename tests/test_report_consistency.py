"""What an editor publishes from the seeds demo: one set of rating numbers in every export,
and appearances that are the claim itself (conflicting reports shown beside the claim).

The demo project is built from seeds/ (:func:`factdesk.core.demo.build_demo`) and set up
with the CLI as a desk would: article addresses and dates, the organisation, an accepted
conflicting match (Dallas Express "until four days ago" / AFP "5 days after recapture"),
an accepted same-fact match (Dallas Express / Reuters, Zelenskyy's Bucha quote) and two
finished verdicts, Mostly true and Misleading.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from schemaorg_checks import google_problems, schema_org_errors

from factdesk.cli.main import main
from factdesk.core.project import Project
from factdesk.ingest.jsonld_expansion import expand
from factdesk.model.ratings import RatingScale
from factdesk.model.settings import ProjectSettings, clean_setting
from factdesk.report.project_json import project_to_json

URLS = {"Dallas Express": ("https://dallasexpress.com/izium", "2022-09-15"),
        "Reuters": ("https://www.reuters.com/world/izium", "2022-09-16"),
        "AFP": ("https://www.barrons.com/news/izyum", "")}  # AFP's date: from the file
SCHEMA = "http://schema.org/"


def _cli(*args: str) -> None:
    assert main([str(a) for a in args]) == 0, args


@pytest.fixture(scope="module")
def desk(nlp, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    from factdesk.core.demo import build_demo

    path = build_demo(tmp_path_factory.mktemp("consistency") / "demo.factdesk")
    with Project.open(path, read_only=True) as project:
        outlet = {a.id: a.outlet for a in project.articles.all()}
        article = {name: aid for aid, name in outlet.items()}
        claims = {c.id: c for c in project.claims.iter_all()}

        def between(relation: str, a: str, b: str) -> Any:
            return next(m for m in project.matches.all() if m.relation == relation and {
                outlet[claims[m.claim_a].article_id], outlet[claims[m.claim_b].article_id]}
                == {a, b})

        conflict = between("conflicting", "Dallas Express", "AFP")
        quote = next(m for m in project.matches.all() if m.relation == "same fact"
                     and "Bucha" in claims[m.claim_a].text + claims[m.claim_b].text
                     and {outlet[claims[m.claim_a].article_id],
                          outlet[claims[m.claim_b].article_id]} == {"Dallas Express",
                                                                    "Reuters"})

    def mine_theirs(match: Any) -> tuple[int, int]:
        a, b = match.claim_a, match.claim_b
        return (a, b) if outlet[claims[a].article_id] == "Dallas Express" else (b, a)

    ids: dict[str, Any] = {"article": article, "claims": claims}
    ids["conflict"], ids["afp"] = mine_theirs(conflict)
    ids["quote"], ids["reuters"] = mine_theirs(quote)
    ids["conflict_match"], ids["quote_match"] = conflict.id, quote.id
    _cli("settings", path, "organisation", "Izium Desk")
    _cli("settings", path, "report_url", "https://desk.example/izium")
    _cli("settings", path, "checker", "Ana Lima")
    for name, (url, date) in URLS.items():
        _cli("article", path, article[name], "--url", url, *(
            ("--date", date) if date else ()), "--no-extract")
    _cli("decide", path, conflict.id, "accept")
    _cli("decide", path, quote.id, "accept")
    _cli("claim", path, "statement", ids["conflict"],
         "Izium was Russia's main bastion until four days before the visit")
    _cli("verdict", path, ids["conflict"], "--rating", "Mostly true", "--status", "done",
         "--rationale", "Recaptured on 10 September: five days, not four.")
    _cli("verdict", path, ids["quote"], "--rating", "Misleading", "--status", "done",
         "--rationale", "The quote is cut where the president names Izium.")
    return path, ids


def _export(path: Path, fmt: str, *extra: str, tmp: Path) -> str:
    out = tmp / f"report.{ {'claimreview': 'jsonld', 'markdown': 'md'}.get(fmt, fmt) }"
    _cli("export", path, "--format", fmt, "-o", out, *extra)
    return out.read_text(encoding="utf-8-sig")


def _reviews(path: Path, tmp: Path) -> dict[str, dict[str, Any]]:
    reviews = json.loads(_export(path, "claimreview", tmp=tmp))
    return {r["reviewRating"]["alternateName"]: r for r in reviews}


def _markdown_section(markdown: str, claim_id: int) -> str:
    return markdown.split(f'<a id="claim-{claim_id}"></a>')[1].split('<a id="claim-')[0]


# rating numbers ----------------------------------------------------------------------------

def test_the_default_scale_is_one_ordinal_truth_scale_with_textual_ratings_off_it() -> None:
    scale = RatingScale.default()
    assert scale.ordinal_problem() is None
    on_scale = {r.name: scale.place(r.name) for r in scale.ratings if scale.place(r.name)}
    assert on_scale == {"True": (6, 6, 1), "Mostly true": (5, 6, 1), "Half true": (4, 6, 1),
                        "Mostly false": (3, 6, 1), "False": (2, 6, 1),
                        "Pants on fire": (1, 6, 1)}
    # the scale's numbers are the published ones, and nothing ranks below "Pants on fire"
    assert all(place[0] == scale.by_name(name).value for name, place in on_scale.items())
    for textual in ("Misleading", "Unverifiable", "Not a claim"):
        assert scale.place(textual) is None
    assert scale.place("No such rating") is None


def test_a_scale_whose_numbers_do_not_fall_is_refused_when_set_and_publishes_no_numbers(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    upside_down = [{"name": "Correct", "value": 1, "key": "1"},
                   {"name": "Wrong", "value": 2, "key": "2"},
                   {"name": "Satire", "value": None, "key": "3"}]
    assert "'Wrong' (2) comes after 'Correct' (1)" in RatingScale.from_json(
        upside_down).ordinal_problem()
    assert "only 'Yes' has a number" in RatingScale.from_json(
        [{"name": "Yes", "value": 1}, {"name": "No"}]).ordinal_problem()
    with pytest.raises(ValueError, match="must form one scale"):
        clean_setting("rating_scale", upside_down)
    assert clean_setting("rating_scale", [{"name": "Yes"}, {"name": "No"}])  # textual only

    path = tmp_path / "scale.factdesk"
    _cli("new", path)
    assert main(["settings", str(path), "rating_scale", json.dumps(upside_down)]) == 1
    assert "must form one scale" in capsys.readouterr().err
    with Project.open(path) as project:  # stored by an older FactDesk: still read
        project.settings.set("rating_scale", upside_down)
        assert ProjectSettings.from_stored(project.settings.all()).rating_scale.names() == [
            "Correct", "Wrong", "Satire"]
        assert project.rating_scale().place("Correct") is None  # no number is published


def test_a_stored_scale_that_is_not_one_scale_publishes_names_and_says_why(
        desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = desk
    copy = tmp_path / "copy.factdesk"
    shutil.copy(path, copy)
    with Project.open(copy) as project:  # stored before the check: the verdicts' names
        project.settings.set("rating_scale", [{"name": "Mostly true", "value": 1},
                                              {"name": "Wrong", "value": 2},
                                              {"name": "Misleading", "value": None}])
    capsys.readouterr()
    reviews = _reviews(copy, tmp_path)
    assert reviews["Mostly true"]["reviewRating"] == {"@type": "Rating",
                                                      "alternateName": "Mostly true"}
    assert "the rating scale's numbers do not form one scale ('Wrong' (2) comes after " \
        "'Mostly true' (1)" in capsys.readouterr().err


def test_every_export_gives_the_scales_numbers(desk, tmp_path: Path) -> None:
    path, ids = desk
    reviews = _reviews(path, tmp_path)
    assert reviews["Mostly true"]["reviewRating"] == {
        "@type": "Rating", "ratingValue": 5, "bestRating": 6, "worstRating": 1,
        "alternateName": "Mostly true"}
    assert reviews["Misleading"]["reviewRating"] == {"@type": "Rating",
                                                     "alternateName": "Misleading"}
    rows = {int(r["claim_id"]): r for r in csv.DictReader(
        io.StringIO(_export(path, "csv", tmp=tmp_path), newline=""))}
    numbers = ("rating_value", "best_rating", "worst_rating")
    assert [rows[ids["conflict"]][n] for n in numbers] == ["5", "6", "1"]
    assert [rows[ids["quote"]][n] for n in numbers] == ["", "", ""]
    markdown = _export(path, "markdown", tmp=tmp_path)
    assert "**Rating: Mostly true (5 on 1-6)**" in _markdown_section(markdown, ids["conflict"])
    assert "**Rating: Misleading** ·" in _markdown_section(markdown, ids["quote"])
    with Project.open(path, read_only=True) as project:
        data = project_to_json(project)
    verdicts = {v["claim_id"]: v for v in data["verdicts"]}
    assert [verdicts[ids["conflict"]][n] for n in numbers] == [5, 6, 1]
    assert [verdicts[ids["quote"]][n] for n in numbers] == [None, None, None]
    assert {r["name"]: r["value"] for r in data["rating_scale"]}["Mostly true"] == 5


def test_published_numbers_read_back_the_same_through_the_archive_importer(
        desk, tmp_path: Path) -> None:
    path, _ = desk
    reviews = tmp_path / "reviews.jsonld"
    table = tmp_path / "reviews.csv"
    _cli("export", path, "--format", "claimreview", "-o", reviews)
    _cli("export", path, "--format", "csv", "-o", table)
    for source in (reviews, table):
        archive = tmp_path / f"{source.suffix[1:]}.factdesk"
        _cli("new", archive)
        _cli("archive", "import", archive, source)
        with Project.open(archive, read_only=True) as project:
            read = sorted(c.rating_text() for c in project.archive.all())
        assert read == ["Misleading", "Mostly true (5 on 1-6)"], source.name


def test_a_csv_report_and_its_claimreview_are_one_review_in_the_archive(
        desk, tmp_path: Path) -> None:
    """The CSV carries the review's author, address and date, and the importer reads
    the claim as checked, so importing both exports stores each check once."""
    path, _ = desk
    reviews, table = tmp_path / "reviews.jsonld", tmp_path / "reviews.csv"
    _cli("export", path, "--format", "claimreview", "-o", reviews)
    _cli("export", path, "--format", "csv", "-o", table)
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    assert {r["reviewed_by"] for r in rows} == {"Izium Desk"}
    assert all(r["review_url"].startswith("https://desk.example/izium#") for r in rows)
    archive = tmp_path / "both.factdesk"
    _cli("new", archive)
    _cli("archive", "import", archive, reviews)
    _cli("archive", "import", archive, table)
    with Project.open(archive, read_only=True) as project:
        stored = list(project.archive.all())
    published = json.loads(reviews.read_text(encoding="utf-8"))
    assert len(stored) == len(published) == 2
    assert sorted(c.claim for c in stored) == sorted(r["claimReviewed"] for r in published)


def test_claimreview_is_json_ld_schema_org_and_google_read_alike(desk, tmp_path: Path) -> None:
    path, ids = desk
    published = json.loads(_export(path, "claimreview", tmp=tmp_path))
    for review in published:
        assert schema_org_errors(review) == []
        required, recommended = google_problems(review)
        assert required == [] and recommended == ["claimReviewed shorter than 75 characters"
                                                  ] * ("Bucha" in review["claimReviewed"])
    expanded, notes = expand(published)  # offline, with the bundled schema.org context
    assert notes == []
    ratings = {}
    for node in expanded:
        assert node["@type"] == [SCHEMA + "ClaimReview"]
        rating = node[SCHEMA + "reviewRating"][0]
        name = rating[SCHEMA + "alternateName"][0]["@value"]
        ratings[name] = {k.removeprefix(SCHEMA): v[0].get("@value") for k, v in rating.items()
                         if k.startswith(SCHEMA)}
        item = node[SCHEMA + "itemReviewed"][0]
        assert all("@id" in w[SCHEMA + "url"][0] for w in item[SCHEMA + "appearance"])
    assert ratings == {"Mostly true": {"ratingValue": 5, "bestRating": 6, "worstRating": 1,
                                       "alternateName": "Mostly true"},
                       "Misleading": {"alternateName": "Misleading"}}


# appearances and conflicting reports ---------------------------------------------------------

def test_a_conflicting_report_is_not_an_appearance_but_shown_next_to_the_claim(
        desk, tmp_path: Path) -> None:
    path, ids = desk
    afp = ids["claims"][ids["afp"]].text
    reviews = _reviews(path, tmp_path)
    conflict = reviews["Mostly true"]["itemReviewed"]
    assert [w["url"] for w in conflict["appearance"]] == [URLS["Dallas Express"][0]]
    assert conflict["firstAppearance"]["url"] == URLS["Dallas Express"][0]
    assert afp not in json.dumps(reviews, ensure_ascii=False)
    quote = reviews["Misleading"]["itemReviewed"]["appearance"]  # a same-fact match is one
    assert [(w["url"], w["publisher"]["name"]) for w in quote] == [
        (URLS["Dallas Express"][0], "Dallas Express"), (URLS["Reuters"][0], "Reuters")]
    assert quote[1]["text"] == ids["claims"][ids["reuters"]].text

    section = _markdown_section(_export(path, "markdown", tmp=tmp_path), ids["conflict"])
    head, rest = section.split("### Rationale")
    assert f"**Reported differently by AFP**, 2022-09-14: “{afp}”" in head
    assert "Difference: AFP’s “5 days after recapture”" in head
    assert "As other outlets reported it" not in rest and afp not in rest
    quote_section = _markdown_section(_export(path, "markdown", tmp=tmp_path), ids["quote"])
    assert "Reported differently" not in quote_section
    assert "### As other outlets reported it" in quote_section

    rows = {int(r["claim_id"]): r for r in csv.DictReader(
        io.StringIO(_export(path, "csv", tmp=tmp_path), newline=""))}
    told_csv = rows[ids["conflict"]]["reported_differently"]
    assert told_csv.startswith(f"AFP: “{afp}” Difference: AFP’s “5 days after recapture”")
    assert "(5 vs 4 days)." in told_csv
    assert rows[ids["quote"]]["reported_differently"] == ""
    with Project.open(path, read_only=True) as project:
        claims = {c["id"]: c for c in project_to_json(project)["claims"]}
    told = claims[ids["conflict"]]["reported_differently"]
    assert [(t["outlet"], t["claim_id"], t["text"]) for t in told] == [("AFP", ids["afp"], afp)]
    assert "5 vs 4 days" in told[0]["differences"][0]
    assert claims[ids["afp"]]["reported_differently"][0]["outlet"] == "Dallas Express"
    assert claims[ids["quote"]]["reported_differently"] == []


def test_an_accepted_same_fact_report_is_an_appearance_a_suggested_conflict_never(
        desk, tmp_path: Path) -> None:
    path, ids = desk
    copy = tmp_path / "copy.factdesk"
    shutil.copy(path, copy)
    with Project.open(copy, read_only=True) as project:
        same = next(m for m in project.matches.for_claim(ids["conflict"])
                    if m.relation == "same fact"
                    and ids["article"]["AFP"] in {project.claims.get(c).article_id
                                                  for c in (m.claim_a, m.claim_b)})
        afp_same = project.claims.get(same.claim_b if same.claim_a == ids["conflict"]
                                      else same.claim_a).text
    _cli("decide", copy, same.id, "accept")
    _cli("decide", copy, ids["conflict_match"], "clear")  # the conflict: a suggestion again
    works = _reviews(copy, tmp_path)["Mostly true"]["itemReviewed"]
    assert [(w["url"], w["text"]) for w in works["appearance"]][1:] == [
        (URLS["AFP"][0], afp_same)]  # AFP's same-fact sentence, not its conflicting one
    assert works["firstAppearance"]["url"] == URLS["AFP"][0]  # 14 September, the earliest
    shown = _markdown_section(_export(copy, "markdown", "--include-suggested", tmp=tmp_path),
                              ids["conflict"])
    assert "**Reported differently by AFP**, 2022-09-14 (SUGGESTED, not reviewed)" in shown
    hidden = _markdown_section(_export(copy, "markdown", tmp=tmp_path), ids["conflict"])
    assert "Reported differently" not in hidden


def test_the_pdf_shows_the_conflicting_report_in_the_claims_head(desk, tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    path, ids = desk
    out = tmp_path / "report.pdf"
    _cli("export", path, "-o", out)
    reader = pypdf.PdfReader(str(out))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages
                    ).replace(" ,", ",")
    section = text.split("Izium was Russia's main bastion until four days before the visit")[-1]
    head = section.split("Rationale")[0]
    # accepted, published as it stands: "accepted" is the desk's word, not the reader's
    assert "Reported differently by AFP, 2022-09-14 “Ukraine's Zelensky" in head, head
    assert "accepted" not in head
    assert "5 days after recapture" in head and "Difference:" in head
    after = section.split("Rationale", 1)[1].split("Appendix")[0]
    assert "Reported differently" not in after and "5 days after recapture”" not in after
    assert "As other outlets reported it" in after  # the quote's Reuters report
    assert len(reader.pages) <= 2
