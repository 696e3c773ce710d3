"""The claimant a report publishes for review 18's claims (finding 1): the whole name
("James O’Neill", "Department of Justice", never "James" or "department"), the person
who "called" the devices bombs, and no outlet named as the author of someone else's
words: a quotation or reported speech whose speaker FactDesk did not find has no
``itemReviewed.author``, and the export says so. Desks analysed with the real spaCy
model; the report rules also on stored speakers of an older analysis."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factdesk.cli.main import main
from factdesk.core.analysis import analyse_articles
from factdesk.core.commands import SetVerdictField
from factdesk.core.importing import import_paths
from factdesk.core.project import Project
from factdesk.model.models import Article, EntityMention
from factdesk.report.claimants import natural_case, resolve_claimant

OUTLET = "Fox News"
TEXT = (
    "Suspicious packages were sent to prominent Democrats this week.\n\n"
    "“These are not hoax devices,” was the message from the top.\n\n"
    "Ryan Morris, founder of Tripwire Operation Group, a company that provides explosives "
    "training, called the devices “Mickey Mouse” bombs that were meant to be found.\n\n"
    "Regardless, investigators were treating the devices as “live” explosives New York "
    "City Police Commissioner James O’Neill said.\n\n"
    "Sayoc has been charged with five federal crimes, the Department of Justice said.\n\n"
    "The packages went through a postal facility in Opa-locka on Tuesday.\n"
)


def _judge(project: Project, claim_id: int) -> None:
    for field, value in (("rating", "Misleading"), ("status", "done"), ("rationale", "ok")):
        SetVerdictField(claim_id, field, value).apply(project)


@pytest.fixture(scope="module")
def fox_desk(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:
    folder = tmp_path_factory.mktemp("fox")
    (folder / "fox.txt").write_text(
        f"Title: Suspect arrested\nOutlet: {OUTLET}\nDate: 2018-10-26\n"
        f"URL: https://fox.example/packages\n\n{TEXT}", encoding="utf-8")
    path = folder / "fox.factdesk"
    with Project.open(path) as project:
        import_paths(project, [folder / "fox.txt"])
        analyse_articles(project, match=False)
        for claim in project.claims.iter_all():
            if claim.text.startswith(("Ryan Morris", "Regardless", "Sayoc", "“These",
                                      "The packages")):
                _judge(project, claim.id)
    return path


def _authors(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
             ) -> tuple[dict[str, dict | None], str]:
    out = tmp_path / "r.jsonld"
    assert main(["export", str(path), "--format", "claimreview", "-o", str(out)]) == 0
    notes = capsys.readouterr().err
    reviews = json.loads(out.read_text(encoding="utf-8"))
    return {r["itemReviewed"]["appearance"][0]["text"][:12]: r["itemReviewed"].get("author")
            for r in reviews}, notes


def test_the_published_claimants_are_the_whole_names(
        fox_desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    authors, _ = _authors(fox_desk, tmp_path, capsys)
    assert authors["Ryan Morris,"] == {"@type": "Person", "name": "Ryan Morris",
                                       "jobTitle": "founder of Tripwire Operation Group"}
    assert authors["Regardless, "]["name"] == "James O’Neill"
    assert authors["Regardless, "]["@type"] == "Person"
    assert authors["Sayoc has bee"[:12]] == {"@type": "Organization",
                                            "name": "Department of Justice"}


def test_someone_elses_words_without_a_speaker_name_no_author(
        fox_desk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Not the outlet: it reported the quotation, it did not make the claim. The outlet's
    own report is still the outlet's."""
    authors, notes = _authors(fox_desk, tmp_path, capsys)
    assert authors["“These are n"] is None
    assert authors["The packages"] == {"@type": "Organization", "name": OUTLET}
    assert "of someone else's words" in notes and "no claimant" in notes


def test_a_speaker_stored_cut_from_a_name_is_published_whole() -> None:
    """A project analysed before these fixes stores "James" and "Department": the report
    finds the whole name among the claim's own entity mentions."""
    text = ("Investigators were treating the devices as live explosives, New York City "
            "Police Commissioner James O’Neill said. Sayoc has been charged, the "
            "Department of Justice said.")
    article = Article(1, "Suspect arrested", OUTLET, "", "2018-10-26",
                      "https://fox.example/x", "x.txt", "2026-12-07T00:00:00", text, "h")
    start = text.index("James")
    org = text.index("the Department")
    mentions = [EntityMention(1, 1, start, start + len("James O’Neill"), "James O’Neill",
                              "PERSON", "James O’Neill"),
                EntityMention(2, 1, org, org + len("the Department of Justice"),
                              "the Department of Justice", "ORG", "Department of Justice")]
    first = (0, text.index("said.") + 5)
    second = (first[1] + 1, len(text))
    person = resolve_claimant("James", article, mentions, {}, within=first)
    assert person is not None and (person.name, person.kind) == ("James O’Neill", "Person")
    found = resolve_claimant("Department", article, mentions, {}, within=second)
    assert found is not None and found.name == "Department of Justice"
    assert found.kind == "Organization"


def test_a_body_named_with_of_keeps_its_capitals() -> None:
    assert natural_case("Department of Justice") == "Department of Justice"
    assert natural_case("The Ministry of Defence") == "The Ministry of Defence"
    assert natural_case("Prosecutors") == "prosecutors"
    assert natural_case("Officials of the ministry") == "officials of the ministry"


def test_respanning_a_broken_sentence_leaves_one_claim_with_its_speaker(
        tmp_path: Path, nlp) -> None:
    """Finding 15: a project analysed before the sentence was joined holds its two
    halves as claims; re-spanning the fragment over both leaves one claim, read with its
    speaker, and undo gives the first half back."""
    from factdesk.core.claim_analysis import analyse_claims
    from factdesk.core.commands import ChangeClaimSpan, UndoStack
    from factdesk.model.anchoring import context_for
    from factdesk.model.models import ClaimDraft

    text = ("Regardless, investigators were treating the devices as “live” explosives New "
            "York City Police Commissioner James O’Neill said.")
    (tmp_path / "fox.txt").write_text(f"Title: t\nOutlet: {OUTLET}\nDate: 2018-10-26\n\n"
                                      f"{text}\n", encoding="utf-8")
    with Project.open(tmp_path / "p.factdesk") as project:
        import_paths(project, [tmp_path / "fox.txt"])
        article = project.articles.summaries()[0].id
        body = project.articles.get(article).text
        cut = body.index(" New York")
        start, end = body.index("Regardless"), body.index("said.") + 5
        halves = [(start, cut, None), (cut + 1, end, "James")]
        with project.transaction():
            project.claims.replace_detected(article, [
                ClaimDraft(a, b, body[a:b], *context_for(body, a, b), "other", 0.5, who)
                for a, b, who in halves])
        first, fragment = sorted(c.id for c in project.claims.iter_all())
        stack = UndoStack(project)
        stack.push(ChangeClaimSpan(fragment, start, end))
        analyse_claims(project, [fragment], match=False)
        live = {c.id: c for c in project.claims.iter_all()}
        assert list(live) == [fragment]
        assert live[fragment].speaker == "James O’Neill"
        assert live[fragment].text == text
        stack.undo()
        assert sorted(c.id for c in project.claims.iter_all()) == [first, fragment]
