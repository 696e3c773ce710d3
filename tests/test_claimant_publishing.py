"""The claimant a report publishes, read off the exports of desks analysed with the real
spaCy model: an office ("the attorney general said") is the person the article names
with it, else the office as written and a Person, never the outlet; a described source
("Prosecutors said") is an Organization in its natural case; one person has one title in
a report, the fullest the articles give."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from factdesk.cli.main import main
from factdesk.core.analysis import analyse_articles
from factdesk.core.commands import SetVerdictField
from factdesk.core.importing import import_paths
from factdesk.core.project import Project

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

NAMED = ("Attorney General Richard Blumenthal of Connecticut spoke at a ceremony for "
         "veterans in Shelton in 2008.\n\nIn an interview on Monday, the attorney general "
         "said that he had misspoken about his service on two occasions.")
UNNAMED = ("The state dropped the inquiry in March.\n\nIn an interview on Monday, the "
           "attorney general said that 12 cases had been closed since 2019.")
OUTLET = "The Hartford Ledger"


def _judge(project: Project, claim_ids: list[int]) -> None:
    for claim_id in claim_ids:
        for field, value in (("rating", "True"), ("status", "done"), ("rationale", "ok")):
            SetVerdictField(claim_id, field, value).apply(project)


def _claims_starting(project: Project, *starts: str) -> list[int]:
    found = [c.id for c in project.claims.iter_all() if c.text.startswith(starts)]
    assert found, starts
    return found


def _exports(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
             ) -> tuple[list[dict], list[dict[str, str]]]:
    jsonld, table = tmp_path / "report.jsonld", tmp_path / "report.csv"
    assert main(["export", str(path), "--format", "claimreview", "-o", str(jsonld)]) == 0
    assert main(["export", str(path), "--format", "csv", "-o", str(table)]) == 0
    capsys.readouterr()
    with table.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    return json.loads(jsonld.read_text(encoding="utf-8")), rows


@pytest.fixture(scope="module")
def office_desk(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:
    folder = tmp_path_factory.mktemp("office")
    for name, text in (("named.txt", NAMED), ("unnamed.txt", UNNAMED)):
        (folder / name).write_text(f"Title: {name[:-4]}\nOutlet: {OUTLET}\n"
                                   f"Date: 2010-05-17\n\n{text}\n", encoding="utf-8")
    path = folder / "office.factdesk"
    with Project.open(path) as project:
        import_paths(project, [folder / "named.txt", folder / "unnamed.txt"])
        analyse_articles(project, match=False)
        _judge(project, _claims_starting(project, "In an interview on Monday"))
    return path


def test_an_office_is_published_as_its_holder_or_as_written_never_the_outlet(
        office_desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reviews, rows = _exports(office_desk, tmp_path, capsys)
    by_claim = {r["claimReviewed"]: r["itemReviewed"]["author"] for r in reviews}
    assert len(by_claim) == 2, by_claim
    named = next(a for c, a in by_claim.items() if "misspoken" in c)
    unnamed = next(a for c, a in by_claim.items() if "12 cases" in c)
    assert named == {"@type": "Person", "name": "Richard Blumenthal",
                     "jobTitle": "Attorney General"}
    assert unnamed == {"@type": "Person", "name": "the attorney general"}
    assert OUTLET not in {a["name"] for a in by_claim.values()}
    claimants = {r["claimant"] for r in rows}
    assert claimants == {"Richard Blumenthal, Attorney General", "the attorney general"}


@pytest.fixture(scope="module")
def seeds_desk(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:
    path = tmp_path_factory.mktemp("seeds") / "seeds.factdesk"
    with Project.open(path) as project:
        import_paths(project, [SEEDS])
        analyse_articles(project, match=False)
        _judge(project, _claims_starting(
            project, "Prosecutors said", "“The view is very shocking",
            "As Ukrainian investigators worked", "Oleksandr Filchakov"))
    return path


def test_a_described_source_is_an_organisation_in_its_natural_case(
        seeds_desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reviews, rows = _exports(seeds_desk, tmp_path, capsys)
    author = next(r["itemReviewed"]["author"] for r in reviews
                  if r["claimReviewed"].startswith("Prosecutors said"))
    assert author == {"@type": "Organization", "name": "prosecutors"}
    row = next(r for r in rows if r["claim"].startswith("Prosecutors said"))
    assert (row["speaker"], row["claimant"]) == ("prosecutors", "prosecutors")


def test_one_person_has_one_title_in_a_report_the_fullest(
        seeds_desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reviews, rows = _exports(seeds_desk, tmp_path, capsys)
    zelenskyy = [r["itemReviewed"]["author"] for r in reviews
                 if "Zelensk" in r["itemReviewed"]["author"]["name"]]
    # one from the article that writes "Ukrainian President Volodymyr Zelenskyy", one
    # from the one that writes "President Volodymyr Zelenskiy"
    assert len(zelenskyy) == 2
    assert {a["jobTitle"] for a in zelenskyy} == {"Ukrainian President"}
    assert {r["claimant"] for r in rows if "Zelensk" in r["claimant"]} == {
        "Volodymyr Zelenskyy, Ukrainian President"}


def test_a_name_with_a_persons_office_is_a_person_though_tagged_org(
        seeds_desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the small model tags "Oleksandr Filchakov" ORG in the Dallas Express seed
    with Project.open(seeds_desk, read_only=True) as project:
        labels = {m.label for a in project.articles.ids()
                  for m in project.entities.mentions(a) if m.text == "Oleksandr Filchakov"}
    reviews, rows = _exports(seeds_desk, tmp_path, capsys)
    author = next(r["itemReviewed"]["author"] for r in reviews
                  if r["claimReviewed"].startswith("Oleksandr Filchakov"))
    assert labels  # found by the NER, whatever its label
    assert author == {"@type": "Person", "name": "Oleksandr Filchakov",
                      "jobTitle": "head of the Kharkiv prosecutor’s office"}
