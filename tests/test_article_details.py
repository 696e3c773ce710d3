"""Correcting an article's details: checked values, one undoable edit, a history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factdesk.cli.main import main
from factdesk.core.article_edit import EditArticle
from factdesk.core.commands import CommandError
from factdesk.core.importing import import_paths
from factdesk.core.project import Project


@pytest.fixture
def project(tmp_path: Path, seeds_dir: Path) -> Path:
    path = tmp_path / "a.factdesk"
    with Project.open(path) as opened:
        import_paths(opened, [seeds_dir])
    return path


def test_edit_is_checked_recorded_and_undone(project: Path) -> None:
    with Project.open(project) as opened:
        article_id = opened.articles.ids()[0]
        before = opened.articles.get(article_id)
        edit = EditArticle(article_id, {"outlet": " The  Dallas Express ", "published":
                                        "14 September 2022", "url": "dallasexpress.com/x",
                                        "title": before.title})
        edit.apply(opened)
        after = opened.articles.get(article_id)
        assert (after.outlet, after.published, after.url) == (
            "The Dallas Express", "2022-09-14", "https://dallasexpress.com/x")
        assert set(edit.values) == {"outlet", "published", "url"}  # the title did not change
        assert [h.field for h in opened.verdicts.history("article", article_id)] == [
            "outlet", "published", "url"]
        assert after.text == before.text
        edit.revert(opened)
        again = opened.articles.get(article_id)
        assert (again.outlet, again.published, again.url) == (
            before.outlet, before.published, before.url)
        for bad in ({"published": "Sep 14"}, {"url": "the AP site"}, {"title": " "},
                    {"text": "new words"}):
            with pytest.raises(CommandError):
                EditArticle(article_id, bad).apply(opened)


def test_cli_shows_and_corrects(project: Path, capsys) -> None:
    assert main(["article", str(project), "1", "--outlet", "AFP", "--date", "2022-09-14",
                 "--no-extract"]) == 0
    out = capsys.readouterr()
    assert "outlet: (none) -> AFP" in out.err or "outlet:" in out.err
    assert main(["article", str(project), "1", "--json"]) == 0
    details = json.loads(capsys.readouterr().out)
    assert (details["outlet"], details["published"]) == ("AFP", "2022-09-14")
    assert main(["article", str(project), "1", "--date", "Sep 14"]) == 1
    assert "not one day" in capsys.readouterr().err


def test_cli_removes_an_article_only_when_told_and_after_a_backup(project: Path,
                                                                   capsys) -> None:
    from factdesk.storage.backup import list_backups

    p = str(project)
    assert main(["claim", p, "mark", "1", "0", "40", "--no-match"]) == 0
    with Project.open(project) as opened:
        claim_id = opened.claims.for_article(1)[0].id
    assert main(["verdict", p, str(claim_id), "--rating", "False"]) == 0
    assert main(["article", p, "1", "--remove"]) == 1
    assert "pass --with-verdicts" in capsys.readouterr().err
    assert main(["article", p, "1", "--remove", "--with-verdicts"]) == 0
    assert "removed article 1" in capsys.readouterr().err
    assert len(list_backups(project)) == 1
    with Project.open(project) as opened:
        assert 1 not in opened.articles.ids() and opened.claims.get(claim_id) is None
    assert main(["check", p]) == 0


def test_no_undo_step_for_an_edit_that_changes_nothing(project: Path) -> None:
    from factdesk.core.commands import MarkClaim, SetVerdictField, UndoStack

    with Project.open(project) as opened:
        claim_id = next(iter(MarkClaim(opened.articles.ids()[0], 0, 40).apply(opened)
                             .claim_ids))
        stack = UndoStack(opened)
        stack.push(SetVerdictField(claim_id, "rating", "False"))
        stack.undo()
        assert stack.can_redo
        stack.push(SetVerdictField(claim_id, "rating", None))  # already so: nothing
        assert stack.can_redo and not stack.done  # and the redo is still there
        stack.push(SetVerdictField(claim_id, "status", "done"))
        stack.push(SetVerdictField(claim_id, "status", "done"))  # already so: nothing
        assert len(stack.done) == 1
        changes = stack.push(EditArticle(opened.articles.ids()[0], {"outlet": "AFP"}))
        assert not changes.analyse_article_ids
        changes = stack.push(EditArticle(opened.articles.ids()[0], {"published": "2022-09-15"}))
        assert changes.analyse_article_ids == {opened.articles.ids()[0]}
        assert stack.undo().analyse_article_ids == {opened.articles.ids()[0]}  # undo re-dates
