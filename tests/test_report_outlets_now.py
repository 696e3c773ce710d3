"""What the reports say of other outlets' reports, as a checker reads them (review 18):

- a difference names the outlets as the articles are named now: renaming an outlet
  (``factdesk article P ID --outlet``, the window's article details) renames it in every
  stored difference, accepted matches' included, and undoing the rename puts it back;
  differences stored before templates take the name from the history of outlet edits;
- an accepted related match is the checker's "same fact" (the window's "accept (same
  fact)"); an accepted conflicting one stays conflicting;
- a ClaimReview appearance is the same claimant's: Wray's claim does not appear as a
  sentence naming no speaker or another one;
- published reports print no classifier kind, no "unnamed checker", no spelling variant
  as a difference;
- quote notes leave a programme's name out of the quote, and do not call two remarks one
  quote nor an American senator's words a translation.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from factdesk.cli.main import main
from factdesk.core.article_edit import EditArticle
from factdesk.core.commands import SetVerdictField
from factdesk.core.project import Project
from factdesk.matching.discrepancies import ClaimFacts, find_discrepancies, quote_text
from factdesk.matching.relations import decide
from factdesk.model.models import ClaimDraft, MatchDraft
from factdesk.model.outlet_names import OutletNames, outlet_token
from factdesk.report.data import build_report
from factdesk.report.exporting import export_report
from factdesk.report.project_json import project_to_json
from factdesk.report.tabular import to_markdown

DAY = "2018-10-26"


def _article(project: Project, outlet: str, text: str, url: str = "") -> int:
    with project.transaction():
        return project.articles.add(
            title=f"{outlet} story", outlet=outlet, author="", published=DAY,
            url=url or f"https://{outlet.lower().replace(' ', '')}.example/story",
            source_name=f"{outlet}.txt", text=text,
            text_hash=hashlib.sha256(text.encode()).hexdigest(), raw=text.encode())


def _claim(project: Project, article: int, text: str, speaker: str | None = None,
           kind: str = "statistic") -> int:
    with project.transaction():
        return project.claims.add(article, ClaimDraft(
            0, len(text), text, "", "", kind, 0.9, speaker, "manual"))


def _judge(project: Project, claim: int, rating: str = "True") -> None:
    for field, value in (("rating", rating), ("status", "done")):
        SetVerdictField(claim, field, value).apply(project)


def _accept(project: Project, a: int, b: int, relation: str,
            discrepancies: tuple[dict, ...] = ()) -> None:
    with project.transaction():
        project.matches.save_suggestions([MatchDraft(a, b, 0.45, relation, discrepancies)])
        match = next(m for m in project.matches.for_claim(a) if b in (m.claim_a, m.claim_b))
        project.matches.set_decision(match.id, "accepted", "Dana")


# ----------------------------------------------------------------- renamed outlets


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds imported and matched for real (spaCy, the pair model)."""
    path = tmp_path_factory.mktemp("rename") / "demo.factdesk"
    assert main(["new", str(path)]) == 0
    with Project.open(path) as project:
        project.settings.set("checker", "Dana")
    assert main(["import", str(path), str(Path(__file__).parents[1] / "seeds")]) == 0
    return path


def test_a_renamed_outlet_is_named_anew_in_every_difference(demo: Path, tmp_path: Path,
                                                             capsys) -> None:
    with Project.open(demo) as project:
        names = project.articles.outlet_names()
        templated = [(m, d) for m in project.matches.all() for d in m.discrepancies
                     if "template" in d]
        assert templated, "matching stores its differences as templates"
        match, difference = next((m, d) for m, d in templated  # the date conflict
                                 if "AFP" in d["explanation"] and d["severity"] == "conflict")
        claims = project.claims.get_many([match.claim_a, match.claim_b])
        afp = next(c for c in claims.values()
                   if names.current[c.article_id] == "AFP").article_id
        assert outlet_token(afp) in difference["template"]
        # the checker accepts it and rates the claim on the other side
        mine = next(c for c in claims.values() if c.article_id != afp).id
        with project.transaction():
            project.matches.set_decision(match.id, "accepted", "Dana")
        _judge(project, mine, "Half true")
        rename = EditArticle(afp, {"outlet": "Barron's (AFP)"})
        rename.apply(project)
        entry = next(e for e in build_report(project).claims if e.claim_id == mine)
        told = [d for o in entry.others for d in o.discrepancies]
        assert told and all("AFP’s" not in d and "AFP writes" not in d for d in told)
        markdown = to_markdown(build_report(project))
        assert "Barron's (AFP)" in markdown
        exported = json.dumps(project_to_json(project)["matches"], ensure_ascii=False)
        stored = json.dumps([m.discrepancies for m in project.matches.all()],
                            ensure_ascii=False)
        assert "Barron's (AFP)" in exported and "Barron's (AFP)" not in stored
        rename.revert(project)  # undo: the old name again, nothing stored changed
        told_again = OutletNames(project.articles.outlet_names().current).render(
            difference["template"])
        assert "Barron" not in told_again and "AFP" in told_again
    # the command line's matches of the claim, after the rename (a second one)
    assert main(["article", str(demo), str(afp), "--outlet", "AFP via Barron's",
                 "--no-extract"]) == 0
    capsys.readouterr()
    assert main(["matches", str(demo), str(mine), "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    row = next(r for r in rows if r["match"] == match.id)
    assert any("AFP via Barron's" in d for d in row["discrepancies"])


def test_a_difference_stored_before_templates_takes_the_new_name(tmp_path: Path) -> None:
    """A project matched before templates: "hpo’s ... nyt’s ..." stored as text. The
    history of outlet edits says hpo is HuffPost now; a quoted “hpo” stays."""
    with Project.open(tmp_path / "old.factdesk") as project:
        hpo = _article(project, "hpo", "Packages were mailed in the past week.")
        nyt = _article(project, "nyt", "Packages have been mailed since Monday.")
        a = _claim(project, hpo, "Packages were mailed in the past week.")
        b = _claim(project, nyt, "Packages have been mailed since Monday.")
        old = ("hpo’s “the past week” means 2018-10-19 to 2018-10-26; nyt’s “since "
               "Monday” means 2018-10-22 to 2018-10-26 — these disagree: “hpo” was right.")
        _accept(project, a, b, "conflicting", (
            {"kind": "date", "severity": "conflict", "explanation": old,
             "a_text": "the past week", "b_text": "since Monday"},))
        _judge(project, a)
        EditArticle(hpo, {"outlet": "HuffPost"}).apply(project)
        EditArticle(nyt, {"outlet": "The New York Times"}).apply(project)
        told = build_report(project).claims[0].reported_differently[0].discrepancies
    assert told == ("HuffPost’s “the past week” means 2018-10-19 to 2018-10-26; The New "
                    "York Times’s “since Monday” means 2018-10-22 to 2018-10-26 — these "
                    "disagree: “hpo” was right.",)


def test_a_template_tells_an_article_without_outlet_plainly() -> None:
    names = OutletNames({1: "", 2: "Reuters"})
    one, two = outlet_token(1), outlet_token(2)
    assert names.render(f"{one} says 450; {two} says 400") == \
        "One article says 450; Reuters says 400"
    assert names.render(f"{two} says 400; {one} says 450") == \
        "Reuters says 400; the other says 450"
    assert names.render(f"{one}’s “Monday” (article of {DAY})") == \
        f"“Monday” (article of {DAY})"


# ------------------------------------------------- acceptance, appearances, publishing


@pytest.fixture
def sayoc(tmp_path: Path) -> Path:
    """Finding 19 and 22's shape: Wray's claim (HuffPost), an anonymous official's
    sentence of the same fact (NYT), Wray quoted by Fox, and a related report accepted."""
    path = tmp_path / "sayoc.factdesk"
    with Project.open(path) as project:
        project.settings.set("checker", "Dana")
        project.settings.set("organisation", "Desk Check")
        project.settings.set("report_url", "https://desk.example/report")
        texts = {
            "hpo": "Cesar Sayoc, 56, was taken into custody on Friday, FBI Director Chris "
                   "Wray confirmed.",
            "nyt": "A law enforcement official identified the suspect as Cesar Sayoc Jr., 56.",
            "fox": "Cesar Sayoc was arrested Friday, Wray said.",
            "wapo": "Sayoc, 56, was arrested in Plantation, Florida, on Friday.",
        }
        ids = {}
        for outlet, text in texts.items():
            speaker = {"hpo": "Chris Wray", "fox": "Wray"}.get(outlet)
            ids[outlet] = _claim(project, _article(project, outlet.upper(), text), text,
                                 speaker, "attribution" if speaker else "event")
        _accept(project, ids["hpo"], ids["nyt"], "same fact")
        _accept(project, ids["hpo"], ids["fox"], "related")  # "accept (same fact)"
        _accept(project, ids["hpo"], ids["wapo"], "conflicting", (
            {"kind": "place", "severity": "conflict", "explanation": "Plantation vs Aventura",
             "a_text": "Aventura", "b_text": "Plantation"},))
        _judge(project, ids["hpo"], "Mostly true")
    return path


def test_an_accepted_related_report_is_the_same_fact_and_only_the_claimants_appear(
        sayoc: Path, tmp_path: Path) -> None:
    with Project.open(sayoc, read_only=True) as project:
        entry = build_report(project).claims[0]
        by_outlet = {o.outlet: o for o in entry.others}
        markdown = to_markdown(build_report(project))
    assert by_outlet["FOX"].relation == "same fact"  # accepted: the checker's same fact
    assert by_outlet["WAPO"].relation == "conflicting"  # accepted conflicting stays so
    assert [o.outlet for o in entry.appearances] == ["FOX"]  # Wray's words; not the NYT
    assert "related" not in markdown and "Reported differently by WAPO" in markdown
    with Project.open(sayoc) as project:
        notes: list[str] = []
        export_report(project, "claimreview", tmp_path / "r.jsonld", notes=notes)
    item = json.loads((tmp_path / "r.jsonld").read_text())[0]["itemReviewed"]
    assert item["author"]["name"] == "Chris Wray"
    assert [w["publisher"]["name"] for w in item["appearance"]] == ["HPO", "FOX"]
    assert "law enforcement official" not in json.dumps(item)
    assert any("1 accepted same-fact report left out of the appearances" in n
               for n in notes), notes


def test_an_unsigned_check_publishes_no_unnamed_checker(tmp_path: Path) -> None:
    """A verdict made before the checker's name was set: no "unnamed checker" as the
    ClaimReview's author or creator, nor on the cover; the export says so."""
    with Project.open(tmp_path / "anon.factdesk") as project:
        text = "Officials said 450 bodies were found in Izium."
        claim = _claim(project, _article(project, "Reuters", text), text)
        _judge(project, claim, "Half true")
        for organisation in ("", "Desk Check"):
            project.settings.set("organisation", organisation or None)
            notes: list[str] = []
            export_report(project, "claimreview", tmp_path / "r.jsonld", notes=notes)
            review = json.loads((tmp_path / "r.jsonld").read_text())[0]
            assert "unnamed checker" not in json.dumps(review)
            assert "creator" not in review
            assert ("author" in review) == bool(organisation)
            assert any("names no checker" in n for n in notes), notes
            if not organisation:
                assert any("no author (search engines require one)" in n for n in notes)
        markdown = to_markdown(build_report(project))
    assert "unnamed checker" not in markdown and "Checked by" not in markdown


def test_a_spelling_variant_and_the_kind_are_not_published(tmp_path: Path) -> None:
    with Project.open(tmp_path / "names.factdesk") as project:
        mine = _claim(project, _article(project, "Dallas Express", "x" * 40),
                      "Volodymyr Zelenskyy visited Izium on Wednesday.", kind="event")
        theirs = _claim(project, _article(project, "AFP", "y" * 40),
                        "Volodymyr Zelensky visited Izyum on Wednesday.", kind="event")
        spelling = {"kind": "name", "severity": "variant", "a_text": "Zelensky",
                    "b_text": "Volodymyr Zelenskyy",
                    "explanation": "AFP writes “Zelensky”, Dallas Express writes “Volodymyr "
                                   "Zelenskyy” — the same name spelled differently."}
        _accept(project, mine, theirs, "same fact", (spelling,))
        _judge(project, mine)
        data = build_report(project)
        stored = project.matches.for_claim(mine)[0].discrepancies
    markdown = to_markdown(data)
    assert data.claims[0].others[0].discrepancies == ()
    assert "spelled differently" not in markdown and "Kind:" not in markdown
    assert stored == (spelling,)  # the window's panel still shows it


# ----------------------------------------------------------------------- quote notes

FOX_PAUL = ("“Without Capitol Hill police, it would have been a massacre—we had no "
            "defense—we had no defense at all,” Sen. Rand Paul, R-Ky., said on "
            "\"Fox & Friends.\"")
HPO_PAUL = "“It would’ve been a massacre without them,” he said."


def test_a_programme_named_in_marks_is_not_part_of_the_quote() -> None:
    assert quote_text(FOX_PAUL) == ("Without Capitol Hill police, it would have been a "
                                    "massacre—we had no defense—we had no defense at all,")
    assert quote_text("“We will win,” he told “Meet the Press.”") == "We will win,"
    # a quotation that is all title-cased words and stands alone is still the quote
    assert quote_text("He called it “The Big Lie Of The Century.”") == (
        "The Big Lie Of The Century.")


def test_two_remarks_of_a_senator_are_not_one_translated_quote() -> None:
    fox, hpo = (ClaimFacts(text=t, kind="quote", speaker=s, quantities=(), times=(),
                           entities=(("Rand Paul", "PERSON", "Rand Paul"),),
                           article_date=None, outlet=o, is_quote=True)
                for t, s, o in ((FOX_PAUL, "Rand Paul", "Fox News"),
                                (HPO_PAUL, "Rand Paul", "HuffPost")))
    relation = decide(0.9, 0.8, fox, hpo, same_threshold=0.5, related_threshold=0.35)
    notes = [d.explanation for d in relation.discrepancies if d.kind == "wording"]
    assert notes, relation
    assert "translation" not in notes[0] and "translated" not in notes[0]
    assert "two remarks" in notes[0] and "Fox & Friends" not in notes[0]
    assert "the same quote" not in notes[0]
    # a foreign leader's words much alike may be two translations of one quote
    a, b = (ClaimFacts(text=t, kind="quote", speaker="Zelenskiy", quantities=(), times=(),
                       entities=(), article_date=None, outlet=o, is_quote=True)
            for t, o in (("“After Bucha, we’re seeing similar sights in de-occupied regions "
                          "of our country,” Zelenskiy said.", "Reuters"),
                         ("“After Bucha, we are seeing the same pictures in the de-occupied "
                          "territories of our country,” Zelenskiy said.", "NY Post")))
    wording = [d for d in find_discrepancies(a, b) if d.kind == "wording"]
    assert wording and "translation" in wording[0].explanation


def test_a_changed_decision_names_the_outlets_as_they_are_named_now() -> None:
    """The "changed since you accepted" note tells the new difference with the outlets'
    names of the moment, like the differences themselves."""
    from factdesk.model.match_changes import decision_change
    from factdesk.model.models import Match
    from factdesk.model.outlet_names import OutletNames, outlet_token

    date = {"kind": "date", "severity": "conflict", "a": "Monday", "b": "Tuesday",
            "explanation": "AFP’s “Monday” against Reuters’s “Tuesday”",
            "template": f"{outlet_token(1)}’s “Monday” against {outlet_token(2)}’s “Tuesday”"}
    match = Match(7, 10, 20, 0.8, "conflicting", (date,), "accepted", "same fact", ())
    names = OutletNames({1: "Barron's (AFP)", 2: "Reuters"})
    change = decision_change(names.match_now(match, (1, 2)))
    assert change is not None
    assert "Barron's (AFP)’s “Monday”" in change.note
    assert change.lines() == ["new: Barron's (AFP)’s “Monday” against Reuters’s “Tuesday”"]
