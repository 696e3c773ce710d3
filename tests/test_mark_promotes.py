"""Marking by hand the words of a detected claim promotes that claim (no duplicate): it
is then always shown and keeps its analysis, matches and verdict; undo gives it back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factdesk.cli.main import main
from factdesk.core.commands import CommandError, MarkClaim, UndoStack, same_span
from factdesk.core.project import Project
from factdesk.model.triage import shown_by_default


@pytest.fixture(scope="module")
def demo_file(nlp, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from factdesk.core.demo import build_demo

    return build_demo(Path(tmp_path_factory.mktemp("mark-promotes")) / "demo.factdesk")


@pytest.fixture
def demo_path(demo_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "demo.factdesk"
    shutil.copy(demo_file, copy)
    return copy


def _hidden_with_matches(project: Project):
    """A detected claim the triage hides (a candidate), with matches in other sources."""
    cuts = {s.id: s.cut for s in project.articles.summaries(project.triage())}
    for claim in sorted(project.claims.iter_all(), key=lambda c: c.id):
        if claim.origin == "detected" and project.matches.for_claim(claim.id) \
                and not shown_by_default(claim.score, claim.start, claim.origin,
                                         cuts[claim.article_id], claim_id=claim.id):
            return claim
    pytest.skip("the demo has no hidden candidate with matches")


def test_same_span_allows_only_punctuation_and_spaces() -> None:
    text = "He said: “We found 450 bodies.” Then he left."
    quote = (text.index("“"), text.index("”") + 1)
    assert same_span(text, quote, quote)
    assert same_span(text, (quote[0] + 1, quote[1] - 2), quote)  # without “ and .”
    assert not same_span(text, (quote[0] + 4, quote[1]), quote)  # "We " left out
    assert not same_span(text, (0, quote[0]), quote)


def test_marking_a_candidate_promotes_it_in_one_undoable_step(demo_path: Path) -> None:
    with Project.open(demo_path) as project:
        claim = _hidden_with_matches(project)
        matches = sorted(m.id for m in project.matches.for_claim(claim.id))
        project.verdicts.set_field(claim.id, "status", "in progress", "test")
        count = project.claims.count()
        stack = UndoStack(project)
        # the mouse took the space before in, or left the full stop out
        text = project.articles.get(claim.article_id).text
        start = claim.start - 1 if claim.start and text[claim.start - 1].isspace() \
            else claim.start
        end = claim.end - 1 if not text[claim.end - 1].isalnum() else claim.end
        assert (start, end) != (claim.start, claim.end)
        mark = MarkClaim(claim.article_id, start, end)
        changes = stack.push(mark)
        assert mark.claim_id == claim.id and mark.promoted == ("detected", claim.score)
        assert not changes.analyse_claim_ids  # already read and matched
        promoted = project.claims.get(claim.id)
        assert (promoted.origin, promoted.score) == ("manual", 1.0)
        assert (promoted.start, promoted.end, promoted.lemmas) == (
            claim.start, claim.end, claim.lemmas)
        assert project.claims.count() == count
        assert sorted(m.id for m in project.matches.for_claim(claim.id)) == matches
        assert project.verdicts.get(claim.id).status == "in progress"
        history = project.verdicts.history_for_claim(claim.id)
        assert (history[-1].field, history[-1].old, history[-1].new) == (
            "origin", "detected", "manual")
        # marking the same words again is refused, with a message
        with pytest.raises(CommandError, match=f"already claim {claim.id}"):
            MarkClaim(claim.article_id, claim.start, claim.end).apply(project)
        stack.undo()
        back = project.claims.get(claim.id)
        assert (back.origin, back.score) == ("detected", claim.score)
        stack.redo()
        assert project.claims.get(claim.id).origin == "manual"
        assert project.claims.count() == count


def test_the_cli_promotes_instead_of_duplicating(demo_path: Path, capsys) -> None:
    import json

    with Project.open(demo_path) as project:
        claim = _hidden_with_matches(project)
        words = claim.text
        matches = sorted(m.id for m in project.matches.for_claim(claim.id))
    assert main(["claims", str(demo_path), "--json"]) == 0
    shown = {json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()}
    assert claim.id not in shown
    assert main(["claim", str(demo_path), "mark", str(claim.article_id), "--text", words]) == 0
    out = capsys.readouterr()
    assert out.out.strip() == str(claim.id)
    assert "now marked by hand, with its matches and verdict" in out.err
    assert main(["claims", str(demo_path), "--all", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    same = [r for r in rows if r["text"] == words and r["article"] == claim.article_id]
    assert [(r["id"], r["origin"], r["shown"]) for r in same] == [(claim.id, "manual", True)]
    with Project.open(demo_path) as project:
        assert sorted(m.id for m in project.matches.for_claim(claim.id)) == matches
