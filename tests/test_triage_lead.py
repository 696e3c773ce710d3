"""An article's lead (its first detected claim after the headline) is shown by default
from LEAD_FLOOR, under the threshold or outside the budget (docs/claims.md, "Operating
point variants")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factdesk.cli.main import main
from factdesk.core.commands import MarkClaim, UndoStack
from factdesk.core.project import Project
from factdesk.model.models import ClaimDraft
from factdesk.model.settings import DEFAULT_CLAIM_SHARE, DEFAULT_CLAIM_THRESHOLD
from factdesk.model.triage import LEAD_FLOOR, Triage, article_cut, lead_of


def test_the_lead_is_admitted_from_the_floor_on_top_of_the_budget() -> None:
    lead = (0.45, 10, 1)
    others = [(0.9, 40, 2), (0.8, 70, 3), (0.7, 100, 4)]
    cut = article_cut([lead, *others], 4, 0.58, 0.3, lead)  # budget 2
    assert cut.admits(*lead) and not cut.ranks(*lead)
    assert [cut.admits(*c) for c in others] == [True, True, False]
    assert not article_cut([lead, *others], 4, 0.58, 0.3).admits(*lead)  # no lead given
    # the same under the floor: a candidate
    weak = (LEAD_FLOOR - 0.01, 10, 1)
    assert not article_cut([weak, *others], 4, 0.58, 0.3, weak).admits(*weak)
    # over the threshold but outside the budget: shown on top of it
    late = (0.6, 10, 1)
    cut = article_cut([late, *others], 4, 0.58, 0.3, late)
    assert cut.admits(*late) and not cut.ranks(*late)
    assert lead_of([lead, *others]) == lead
    assert lead_of([lead, *others], body_start=11) == others[0]
    assert lead_of([]) is None


def _draft(start: int, end: int, score: float) -> ClaimDraft:
    return ClaimDraft(start=start, end=end, text="words", prefix="", suffix="",
                      kind="event", score=score, speaker=None)


@pytest.fixture
def news(tmp_path: Path) -> tuple[Path, int, list[int]]:
    """A headline and six body sentences; the lead scores 0.45, the others 0.9-0.5."""
    path = tmp_path / "lead.factdesk"
    title = "Aide quits over post"
    body = [f"Body sentence number {i} is here." for i in range(6)]
    text = title + "\n\n" + " ".join(body)
    scores = [0.45, 0.95, 0.9, 0.85, 0.8, 0.5]
    with Project.open(path) as project, project.transaction():
        aid = project.articles.add(title=title, outlet="o", author="", published=None,
                                   url="", source_name="x", text=text, text_hash="h",
                                   raw=b"x")
        starts = [text.index(s) for s in body]
        project.claims.replace_detected(
            aid, [_draft(0, len(title), 0.99)]
            + [_draft(s, s + len(b), score) for s, b, score in zip(starts, body, scores,
                                                                  strict=True)])
        project.articles.mark_extracted(aid, 7)
        ids = [c.id for c in sorted(project.claims.for_article(aid), key=lambda c: c.start)]
    return path, aid, ids


def test_the_lead_is_counted_listed_and_printed(news, capsys) -> None:
    path, aid, ids = news
    triage = Triage(DEFAULT_CLAIM_THRESHOLD, DEFAULT_CLAIM_SHARE)
    with Project.open(path) as project:
        (summary,) = project.articles.summaries(triage)
        # budget ceil(0.35 x 7) = 3 of the 5 over the threshold (the headline, 0.99,
        # is no lead), and the lead on top
        assert summary.cut.lead is not None and summary.cut.lead[2] == ids[1]
        assert (summary.shown, summary.claims) == (4, 7)
    capsys.readouterr()
    assert main(["claims", str(path), "--json"]) == 0
    shown = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(c["id"] for c in shown) == sorted([ids[0], ids[2], ids[3], ids[1]])


def test_deleting_the_lead_promotes_no_other_sentence(news) -> None:
    path, aid, ids = news
    triage = Triage(DEFAULT_CLAIM_THRESHOLD, DEFAULT_CLAIM_SHARE)
    with Project.open(path) as project:
        with project.transaction():
            project.claims.set_deleted(ids[1], True)
        (summary,) = project.articles.summaries(triage)
        assert summary.cut.lead is None and summary.shown == 3
        # a hand-marked claim is shown whatever its score, taking no place
        UndoStack(project).push(MarkClaim(aid, 0, 5))
        (summary,) = project.articles.summaries(triage)
        assert summary.shown == 4


def test_a_guessed_title_leaves_the_first_sentence_the_lead(news) -> None:
    path, aid, ids = news
    with Project.open(path) as project:
        project.db.execute("UPDATE articles SET title_guessed = 1 WHERE id = ?", [aid])
        assert project.articles.leads(LEAD_FLOOR) == {aid: (0.99, 0, ids[0])}
