"""What an editor would not publish, found reading the verdict report of the BASIL
congressional baseball shooting event (58f414e5, session 19), and the fixes.

One small project with the event's real sentences: HuffPost's "Six people ... were
injured" (14 June 2017), the New York Times's "striking four people" (15 June; the
matcher's related match with a number conflict, accepted by the checker), Fox News's
list of the injured (15 June; a related match without a difference, accepted), and
HuffPost's "who authorities have identified as" (no speaker found). Fox News is
imported first, as the event builder did.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from factdesk.cli.main import main
from factdesk.core.commands import SetVerdictField
from factdesk.core.project import Project
from factdesk.model.models import Article, ClaimDraft, EntityMention, MatchDraft
from factdesk.report.claimants import job_title
from factdesk.report.data import build_report
from factdesk.report.pdf import fit_words, render_pdf, running_label
from factdesk.report.pdf_html import claim_html, cover_html
from factdesk.report.published_wording import published_difference
from factdesk.report.tabular import to_markdown

FOX = ("The Wednesday attack injured Scalise; Matt Mika, a lobbyist for Tyson Foods; Zack "
       "Barth, a staffer from Texas Rep. Roger Williams’ office; and two U.S. Capitol Police "
       "officers, Special Agents Crystal Griner and David Bailey.")
NYT = ("A day earlier, on another ball field some seven miles southwest, a gunman had opened "
       "fire on members of the Republican congressional baseball team, striking four people "
       "— including Steve Scalise, the majority whip of the House of Representatives — who "
       "were there for a practice.")
SIX = ("Six people, including two congressmen, two police officers, a congressional aide "
       "and a lobbyist, were injured in the attack in an Alexandria, Virginia, park.")
ASSAILANT = ("The assailant, who authorities have identified as 66-year-old James T. "
             "Hodgkinson of Belleville, Illinois, was shot by police and later died of his "
             "injuries at a hospital.")
PARK = ("The attack took place shortly after 7 a.m. at Eugene Simpson Stadium Park, less "
        "than 8 miles south of the White House.")
FOUR = ("HuffPost says “Six people”; The New York Times says “four people” — conflict: 6 is "
        "not 4.")
WORDING = ("HuffPost and Fox News quote Rand Paul in different words (51% alike in wording): "
           "two remarks, or one remark paraphrased; check which words were said.")


def _article(project: Project, outlet: str, day: str, text: str) -> int:
    with project.transaction():
        return project.articles.add(
            title=f"{outlet} on the shooting", outlet=outlet, author="", published=day,
            url=f"https://{outlet.replace(' ', '').lower()}.example/shooting",
            source_name=f"{outlet}.txt", text=text,
            text_hash=hashlib.sha256(text.encode()).hexdigest(), raw=text.encode())


def _claim(project: Project, article_id: int, text: str, start: int, kind: str) -> int:
    with project.transaction():
        return project.claims.add(article_id, ClaimDraft(
            start, start + len(text), text, "", "", kind, 0.9, None, "manual"))


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("shooting") / "shooting.factdesk"
    huffpost = " ".join((SIX, ASSAILANT, PARK))
    with Project.open(path) as project:
        project.settings.set("checker", "Maria Lopez")
        project.settings.set("organisation", "FactDesk Verify")
        project.settings.set("report_url", "https://verify.example/shooting")
        project.settings.set("report_title", "The Alexandria baseball practice shooting: "
                                             "what the first reports got right")
        fox = _article(project, "Fox News", "2017-06-15", FOX)
        nyt = _article(project, "The New York Times", "2017-06-15", NYT)
        hp = _article(project, "HuffPost", "2017-06-14", huffpost)
        ids = {"fox": _claim(project, fox, FOX, 0, "statistic"),
               "nyt": _claim(project, nyt, NYT, 0, "statistic"),
               "six": _claim(project, hp, SIX, 0, "statistic"),
               "assailant": _claim(project, hp, ASSAILANT, len(SIX) + 1, "event"),
               "park": _claim(project, hp, PARK, len(SIX) + len(ASSAILANT) + 2, "statistic")}
        with project.transaction():
            project.matches.save_suggestions([
                MatchDraft(ids["six"], ids["nyt"], 0.14, "related", (
                    {"kind": "number", "severity": "conflict", "explanation": FOUR,
                     "a_text": "Six", "b_text": "four"},)),
                MatchDraft(ids["six"], ids["fox"], 0.25, "related", ()),
            ])
            for match in project.matches.for_claim(ids["six"]):
                project.matches.set_decision(match.id, "accepted", "Maria Lopez")
        for key, rating in (("six", "Mostly true"), ("assailant", "True"), ("park", "True"),
                            ("fox", "True")):
            for field, value in (("rating", rating), ("status", "done"),
                                 ("rationale", "<p>Checked against the police.</p>")):
                SetVerdictField(ids[key], field, value).apply(project)
    return path, ids


def _export(path: Path, fmt: str, out: Path) -> str:
    assert main(["export", str(path), "--format", fmt, "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8-sig")


def test_an_accepted_report_contradicting_the_claim_is_reported_differently(
        desk, tmp_path: Path) -> None:
    """The NYT's "striking four people" was printed under "As other outlets reported it"
    as "(same fact, 15% match) · accepted" and published as an appearance of HuffPost's
    "Six people ... were injured"; it is the same event told otherwise."""
    path, ids = desk
    with Project.open(path, read_only=True) as project:
        data = build_report(project)
    six = next(e for e in data.claims if e.claim_id == ids["six"])
    assert [o.outlet for o in six.reported_differently] == ["The New York Times"]
    assert [o.outlet for o in six.reported_alike] == ["Fox News"]
    html = claim_html(six)
    head, rest = html.split("Rationale", 1)
    assert "Reported differently by The New York Times" in head and "four people" in head
    assert "four people" not in rest.split("As other outlets reported it")[1]
    reviews = json.loads(_export(path, "claimreview", tmp_path / "r.jsonld"))
    review = next(r for r in reviews if r["url"].endswith(f"claim-{ids['six']}"))
    assert [w["publisher"]["name"] for w in review["itemReviewed"]["appearance"]
            ] == ["HuffPost", "Fox News"]
    told = {c["id"]: c for c in json.loads(_export(path, "json", tmp_path / "r.json"))["claims"]}
    assert [r["outlet"] for r in told[ids["six"]]["reported_differently"]] == [
        "The New York Times"]
    rows = list(csv.DictReader(io.StringIO(_export(path, "csv", tmp_path / "r.csv"))))
    row = next(r for r in rows if int(r["claim_id"]) == ids["six"])
    assert row["reported_differently"].startswith("The New York Times: “A day earlier")
    assert row["reported_alike"].startswith("Fox News: “The Wednesday attack")


def test_a_source_s_account_without_a_speaker_names_no_claimant(desk, tmp_path: Path) -> None:
    """"The assailant, who authorities have identified as ..." was published with
    HuffPost as the claim's author; the identification is the authorities'. HuffPost's
    own "The attack took place ..." keeps HuffPost."""
    path, ids = desk
    reviews = {r["url"].rsplit("-", 1)[1]: r
               for r in json.loads(_export(path, "claimreview", tmp_path / "r.jsonld"))}
    assert "author" not in reviews[str(ids["assailant"])]["itemReviewed"]
    assert reviews[str(ids["park"])]["itemReviewed"]["author"] == {
        "@type": "Organization", "name": "HuffPost"}
    # the outlet is still the appearance's publisher
    appearance = reviews[str(ids["assailant"])]["itemReviewed"]["appearance"][0]
    assert appearance["publisher"]["name"] == "HuffPost"


def test_claims_follow_the_story_as_it_was_told(desk) -> None:
    """Fox News (15 June, imported first) came before HuffPost's report of the 14th."""
    path, ids = desk
    with Project.open(path, read_only=True) as project:
        data = build_report(project)
    assert [e.claim_id for e in data.claims] == [ids["six"], ids["assailant"], ids["park"],
                                                 ids["fox"]]
    assert [e.number for e in data.claims] == [1, 2, 3, 4]
    assert [s.outlet for s in data.sources] == ["HuffPost", "Fox News", "The New York Times"]


def test_a_published_check_carries_no_desk_workflow(desk) -> None:
    """"Status: done", "accepted" and "(same fact, 25% match)" beside every published
    check read as the desk's workflow, and "15% match" as doubt; a suggestion and an
    unfinished check still say what they are."""
    path, ids = desk
    with Project.open(path, read_only=True) as project:
        data = build_report(project)
    six = data.claims[0]
    html, markdown = claim_html(six), to_markdown(replace(data, claims=(six,)))
    for text in (html, markdown):
        assert "Status" not in text and "accepted" not in text and "% match" not in text
    assert "**Fox News**, 2017-06-15: “The Wednesday attack" in markdown
    suggested = replace(six, others=tuple(replace(o, decision=None) for o in six.others))
    assert "SUGGESTED, not reviewed" in claim_html(suggested)
    assert "(same fact, 25% match)" in claim_html(suggested)
    draft = replace(six, status="in progress")
    assert "Status:</span> <b>in progress</b>" in claim_html(draft)
    assert "Status: in progress (DRAFT: not finished)" in to_markdown(replace(data, claims=(draft,)))


def test_the_cover_summarises_instead_of_describing_the_query(desk) -> None:
    """The cover's "7 (judged claims; status done, in progress; accepted matches only)"
    was the export's filter; the kicker "FACTDESK VERDICT REPORT" the tool's name."""
    path, _ = desk
    with Project.open(path, read_only=True) as project:
        data = build_report(project)
    cover = cover_html(data)
    assert "judged claims" not in cover and "accepted matches only" not in cover
    assert "FACTDESK VERIFY · VERDICT REPORT" in cover and "FACTDESK VERDICT" not in cover
    assert data.summary == ("4 claims checked, printed by HuffPost and Fox News between "
                            "2017-06-14 and 2017-06-15. Verdicts: 3 True and 1 Mostly true. "
                            "Another outlet reported claim 1 differently.")
    assert data.summary in cover and data.summary in to_markdown(data)
    assert running_label(data) == "FactDesk Verify"


def test_the_running_title_is_cut_at_a_word(desk, tmp_path: Path) -> None:
    """The running header clipped the title mid-word ("what the first reports got ri")."""
    assert fit_words("what the first reports got right", len, 30) == "what the first reports got…"
    assert fit_words("short", len, 30) == "short"
    pypdf = pytest.importorskip("pypdf")
    path, _ = desk
    with Project.open(path, read_only=True) as project:
        data = build_report(project)
    title = ("The Alexandria baseball practice shooting: what the first reports got right, "
             "and what the later ones corrected about the wounded")
    out = tmp_path / "long-title.pdf"
    render_pdf(replace(data, title=title), out)
    page = (pypdf.PdfReader(str(out)).pages[1].extract_text() or "").replace("\t", " ")
    header = next(line for line in page.splitlines() if line.startswith("The Alexandria"))
    shown = header.split("…")[0]
    assert "…" in header and title.startswith(shown) and title[len(shown)] == " "


def test_a_difference_is_published_without_the_prompt_to_the_checker() -> None:
    assert published_difference(WORDING) == (
        "HuffPost and Fox News quote Rand Paul in different words (51% alike in wording): "
        "two remarks, or one remark paraphrased.")
    assert published_difference(
        "A says “x” where B says “y”: the accounts differ on whether charges were brought "
        "(one may be older: check when each was written).") == (
        "A says “x” where B says “y”: the accounts differ on whether charges were brought "
        "(one may be older).")
    assert published_difference(FOUR) == FOUR


def _person(text: str, name: str) -> EntityMention:
    start = text.index(name)
    return EntityMention(1, 1, start, start + len(name), name, "PERSON", name)


@pytest.mark.parametrize(("text", "name", "title"), [
    # this event's claim 128: was "Police Chief"
    ("The FBI is taking over the investigation into the shooting, Alexandria Police Chief "
     "Michael Brown said.", "Michael Brown", "Alexandria Police Chief"),
    # 1f99798f's: were "Security Secretary", "Police Commissioner"
    ("Homeland Security Secretary Kirstjen Nielsen said the packages were being "
     "investigated.", "Kirstjen Nielsen", "Homeland Security Secretary"),
    ("New York City Police Commissioner James O’Neill said the device was live.",
     "James O’Neill", "New York City Police Commissioner"),
    # 85475456's: a headline's last word is not the office's, nor a party
    ("While Blumenthal Retains Washington Support, Republicans Smell Opening in CT\n\n"
     "Democratic Attorney General Richard Blumenthal, once thought to be a shoo-in",
     "Richard Blumenthal", "Attorney General"),
    ("Ukrainian Prosecutor General Andriy Kostin said so.", "Andriy Kostin",
     "Ukrainian Prosecutor General"),
])
def test_a_job_title_keeps_whose_office_it_is(text: str, name: str, title: str) -> None:
    article = Article(1, "On the shooting", "HuffPost", "", "2017-06-14",
                      "https://huffpost.example/x", "x.txt", "2026-12-08T00:00:00", text, "h")
    assert job_title(article, [_person(text, name)]) == title


@pytest.mark.parametrize(("text", "someone"), [
    (ASSAILANT, True),
    # 1f99798f's NYT sentence: an anonymous official's identification
    ("A law enforcement official identified the suspect as Cesar Sayoc Jr., 56, of "
     "Aventura, Fla., just north of Miami.", True),
    ("Six people were injured, according to the Alexandria police.", True),
    # the outlets' own reports
    (PARK, False),
    ("The packages were addressed with a computer-printed address label and six stamps.",
     False),
])
def test_a_source_s_account_is_someone_else_s_words(desk, text: str, someone: bool) -> None:
    path, _ = desk
    with Project.open(path, read_only=True) as project:
        entry = build_report(project).claims[0]
    assert replace(entry, text=text, kind="event").reports_someone is someone


def test_a_finished_check_without_evidence_is_noted(desk, tmp_path: Path, capsys) -> None:
    """1f99798f's claim 2 was published "True" over "No evidence recorded." without a
    word to the editor."""
    path, _ = desk
    assert main(["export", str(path), "--format", "pdf", "-o", str(tmp_path / "r.pdf")]) == 0
    err = capsys.readouterr().err
    assert "4 finished checks (claims 1, 2, 3 and 4 of the report) cite no evidence" in err


def test_a_claim_ending_in_closing_marks_ends_its_sentence(tmp_path: Path) -> None:
    """Rand Paul's claim, ending 'said on "Fox & Friends."', was printed with the next
    sentence, “We were like sitting ducks.”, as if it were the rest of his."""
    claim_text = ("“Without Capitol Hill police, it would have been a massacre—we had no "
                  "defense—we had no defense at all,” Sen. Rand Paul, R-Ky., said on "
                  "\"Fox & Friends.\"")
    text = f"The officers were hurt.\n\n{claim_text} “We were like sitting ducks.”\n\nMore."
    path = tmp_path / "paul.factdesk"
    with Project.open(path) as project:
        article = _article(project, "Fox News", "2017-06-15", text)
        claim = _claim(project, article, claim_text, text.index(claim_text), "quote")
        SetVerdictField(claim, "rating", "Unverifiable").apply(project)
        SetVerdictField(claim, "status", "done").apply(project)
        entry = build_report(project).claims[0]
    assert (entry.context_before, entry.context_after) == ("", "")


def test_the_summary_counts_finished_verdicts_and_tells_the_drafts(desk) -> None:
    """A check in progress ("True", not finished) was counted among the verdicts."""
    path, _ = desk
    with Project.open(path, read_only=True) as project:
        data = build_report(project)
    draft = replace(data.claims[1], status="in progress")
    with_draft = replace(data, claims=(data.claims[0], draft, *data.claims[2:]))
    assert with_draft.summary.endswith(
        "Verdicts: 2 True and 1 Mostly true. 1 check is not finished (DRAFT). "
        "Another outlet reported claim 1 differently.")
