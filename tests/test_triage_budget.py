"""The per-article claim budget (factdesk/model/triage.py) and where it is applied: the
sentence count stored by analysis, the fallback for older projects, the article counts,
the settings and ``factdesk score --document``."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from schema_rollback import undo_migrations

from factdesk.cli.main import main
from factdesk.core.commands import MarkClaim, UndoStack
from factdesk.core.project import Project
from factdesk.model.models import ClaimDraft
from factdesk.model.settings import (
    DEFAULT_CLAIM_SHARE,
    DEFAULT_CLAIM_THRESHOLD,
    ProjectSettings,
    clean_setting,
)
from factdesk.model.triage import (
    ArticleCut,
    Triage,
    article_cut,
    claim_budget,
    estimate_sentences,
    sentence_count,
    shown_by_default,
)


def test_the_budget_is_the_share_of_the_sentences_rounded_up_and_at_least_one() -> None:
    assert claim_budget(10, 0.3) == 3  # 0.3 x 10 is 3.0000000000000004 in floats
    assert claim_budget(11, 0.3) == 4
    assert claim_budget(1, 0.3) == claim_budget(0, 0.3) == 1
    assert claim_budget(37, 1.0) == 37


def test_the_cut_keeps_the_best_claims_over_the_threshold_ties_earlier_first() -> None:
    claims = [(0.9, 100, 1), (0.5, 10, 2), (0.5, 20, 3), (0.2, 5, 4), (0.8, 50, 5)]
    cut = article_cut(claims, 10, 0.33, 0.3)  # budget 3 of 4 passing
    shown = [start for score, start, cid in claims
             if shown_by_default(score, start, "detected", cut, claim_id=cid)]
    assert sorted(shown) == [10, 50, 100]  # of the two at 0.5 the earlier one
    # no cap: every claim over the threshold, and nothing under it
    cut = article_cut(claims, 10, 0.33, 1.0)
    assert [shown_by_default(s, p, "detected", cut, claim_id=c) for s, p, c in claims] == [
        True, True, True, False, True]
    # a budget that does not bind is the threshold alone
    assert article_cut(claims, 40, 0.33, 0.3) == ArticleCut(0.33)
    # hand-marked and judged claims are always shown, whatever the cut
    tight = article_cut(claims, 1, 0.33, 0.3)
    assert shown_by_default(0.0, 999, "manual", tight, claim_id=9)
    assert shown_by_default(0.2, 5, "detected", tight, judged=True, claim_id=4)
    assert not shown_by_default(0.8, 50, "detected", tight, claim_id=5)


def test_two_claims_of_one_score_and_start_never_tie_the_cut() -> None:
    # a detected sentence and a claim inside it, moved to its start: same score and
    # start; the budget shows exactly its number of claims, the lower id first
    claims = [(0.7, 40, 12), (0.9, 0, 3), (0.7, 40, 11), (0.6, 90, 14)]
    cut = article_cut(claims, 5, 0.33, 0.3)  # budget 2
    shown = [cid for score, start, cid in claims
             if shown_by_default(score, start, "detected", cut, claim_id=cid)]
    assert sorted(shown) == [3, 11]
    # in any order of the input
    assert article_cut(list(reversed(claims)), 5, 0.33, 0.3) == cut


def test_a_standalone_sentence_is_a_claim_from_the_threshold() -> None:
    triage = Triage(0.33, 0.3)
    for score in (0.2, 0.33, 0.9):
        cut = triage.cut([(score, 0, 1)], 1)
        assert shown_by_default(score, 0, "detected", cut, claim_id=1) == (score >= 0.33)


def test_an_article_analysed_before_the_count_falls_back_to_its_text() -> None:
    assert sentence_count(None, 12) == 12
    assert sentence_count(0, 12) == 12
    assert sentence_count(None, 0) == 1
    assert sentence_count(30, 12) == 30


def test_the_share_is_a_project_setting_with_its_check() -> None:
    assert ProjectSettings().claim_share == DEFAULT_CLAIM_SHARE
    assert ProjectSettings().triage == Triage(DEFAULT_CLAIM_THRESHOLD, DEFAULT_CLAIM_SHARE)
    assert clean_setting("claim_share", "0.2") == 0.2
    for bad in ("0", "1.5", "-0.1", "many"):
        with pytest.raises(ValueError, match="claim_share"):
            clean_setting("claim_share", bad)
    assert ProjectSettings.from_stored({"claim_share": 7}).claim_share == DEFAULT_CLAIM_SHARE


def _draft(start: int, score: float) -> ClaimDraft:
    return ClaimDraft(start=start, end=start + 5, text="words", prefix="", suffix="",
                      kind="other", score=score, speaker=None)


@pytest.fixture
def article(tmp_path: Path) -> tuple[Path, int]:
    """An article with ten detected claims scoring 0.95 down to 0.05, one per sentence."""
    path = tmp_path / "budget.factdesk"
    text = "Intro words stand here. " + " ".join(f"Sentence number {i} is here."
                                                 for i in range(10))
    with Project.open(path) as project, project.transaction():
        aid = project.articles.add(title="t", outlet="o", author="", published=None,
                                   url="", source_name="x", text=text, text_hash="h",
                                   raw=b"x")
        starts = [text.index(f"Sentence number {i} ") for i in range(10)]
        project.claims.replace_detected(
            aid, [_draft(s, 0.95 - 0.1 * i) for i, s in enumerate(starts)])
        project.articles.mark_extracted(aid)  # as before migration 0008: no count
    return path, aid


def test_article_counts_follow_the_budget_and_the_stored_sentence_count(article) -> None:
    path, aid = article
    with Project.open(path) as project:
        # no count stored: the text's eleven sentences stand for it, budget 4
        (summary,) = project.articles.summaries(Triage(0.33, 0.3))
        assert (summary.sentences, summary.shown, summary.claims) == (None, 4, 10)
        # deleting candidates under the threshold moves nothing into or out of the budget
        lowest = sorted(project.claims.for_article(aid), key=lambda c: c.score)[:3]
        with project.transaction():
            for claim in lowest:
                project.claims.set_deleted(claim.id, True)
        (summary,) = project.articles.summaries(Triage(0.33, 0.3))
        assert (summary.shown, summary.claims) == (4, 7)
        # analysed again, with 30 sentences: budget 9, but only 7 pass the threshold
        with project.transaction():
            project.articles.mark_extracted(aid, 30)
        (summary,) = project.articles.summaries(Triage(0.33, 0.3))
        assert (summary.sentences, summary.shown) == (30, 7)
        # the lead (the first claim, 0.95) is within the budget: the cut names it only
        first = min(project.claims.for_article(aid), key=lambda c: c.start)
        assert summary.cut == ArticleCut(0.33, lead=(first.score, first.start, first.id))
        (summary,) = project.articles.summaries(Triage(0.33, 0.1))
        assert summary.shown == 3 and summary.cut.score == pytest.approx(0.75)
        # a judged candidate outside the budget is shown on top of it; a hand-marked
        # claim too, without taking a place in the budget
        low = max(project.claims.for_article(aid), key=lambda c: c.start)
        project.verdicts.set_field(low.id, "rating", "False", "test")
        UndoStack(project).push(MarkClaim(aid, 0, 23))
        (summary,) = project.articles.summaries(Triage(0.33, 0.1))
        assert (summary.shown, summary.claims) == (5, 8)


def test_claims_cli_prints_what_the_budget_shows(article, capsys) -> None:
    path, aid = article
    with Project.open(path) as project:
        project.settings.set("claim_share", 0.2)
    capsys.readouterr()
    assert main(["claims", str(path), "--json"]) == 0
    shown = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [round(c["score"], 2) for c in shown] == [0.95, 0.85, 0.75]  # 11 sentences
    assert main(["claims", str(path), "--json", "--all"]) == 0
    every = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(every) == 10 and sum(c["shown"] for c in every) == 3


def test_a_tie_of_score_and_start_is_cut_alike_in_counts_and_lists(tmp_path: Path,
                                                                   capsys) -> None:
    """The article count (SQL), the cut read from the claims and the claims list agree:
    of two claims with one score and start, the budget takes one, not both."""
    path = tmp_path / "tie.factdesk"
    text = " ".join(f"Sentence number {i} is here." for i in range(10))
    starts = [text.index(f"Sentence number {i} ") for i in range(10)]
    with Project.open(path) as project, project.transaction():
        aid = project.articles.add(title="t", outlet="o", author="", published=None,
                                   url="", source_name="x", text=text, text_hash="h",
                                   raw=b"x")
        tied = ClaimDraft(start=starts[1], end=starts[1] + 12, text="Sentence num",
                          prefix="", suffix="", kind="other", score=0.5, speaker=None)
        project.claims.replace_detected(aid, [_draft(starts[0], 0.9), _draft(starts[1], 0.5),
                                              tied, _draft(starts[2], 0.4)])
        project.articles.mark_extracted(aid, 10)
        project.settings.set("claim_threshold", 0.33)
        project.settings.set("claim_share", 0.2)  # budget 2 of 4 passing
    with Project.open(path) as project:
        (summary,) = project.articles.summaries(project.triage())
        assert summary.shown == 2
        first_tied = min(c.id for c in project.claims.for_article(aid)
                         if c.start == starts[1])
        assert (summary.cut.score, summary.cut.start, summary.cut.claim_id) == (
            0.5, starts[1], first_tied)
    capsys.readouterr()
    assert main(["claims", str(path), "--json"]) == 0
    shown = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [c["score"] for c in shown] == [0.9, 0.5]


def _as_schema_7(path: Path) -> None:
    """``path`` taken back to the schema before migration 0008, with the threshold the
    old Preferences stored on every OK."""
    with sqlite3.connect(path) as conn:
        conn.execute("DROP INDEX claims_live_scores")
        conn.execute("ALTER TABLE articles DROP COLUMN sentence_count")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = "
                     "'0008_article_sentence_count'")
        conn.execute("INSERT INTO settings (key, value) VALUES ('claim_threshold', '0.7')")
        conn.execute("PRAGMA user_version = 7")
    conn.close()


def test_a_schema_7_project_reads_read_only_and_upgrades(article, capsys) -> None:
    path, aid = article
    _as_schema_7(path)
    before = path.read_bytes()
    # read-only (a second window, a read-only folder): read as it is, the budget
    # counted from the text, the file untouched
    with Project.open(path, create=False, read_only=True) as project:
        (summary,) = project.articles.summaries(Triage(0.33, 0.3))
        assert (summary.sentences, summary.shown) == (None, 4)
    assert path.read_bytes() == before
    capsys.readouterr()
    assert main(["claims", str(path), "--json"]) == 0  # opens read-only
    # the stored 0.70 still applies until the file is upgraded: 0.95, 0.85, 0.75
    assert len(capsys.readouterr().out.splitlines()) == 3
    # opened for writing: upgraded, the text's estimate stored, the old default dropped
    with Project.open(path) as project:
        (summary,) = project.articles.summaries(project.triage())
        assert summary.sentences == 11
        assert project.claim_threshold() == DEFAULT_CLAIM_THRESHOLD
    with Project.open(path) as project:  # a threshold the checker chose stays
        project.settings.set("claim_threshold", 0.5)
    with Project.open(path) as project:
        assert project.claim_threshold() == 0.5


def test_the_text_estimate_of_sentences() -> None:
    text = ("Sen. Jones said 12 bridges were repaired. “Why now?” she asked. It rained.\n\n"
            "A second paragraph. 3 people died… The road reopened.\n\n   \n")
    assert estimate_sentences(text) == 7  # "Sen." counts as an end: an estimate
    assert estimate_sentences("") == 0


def test_analysis_stores_the_sentence_count(tmp_path: Path, nlp) -> None:
    from factdesk.core.analysis import analyse_articles
    from factdesk.core.importing import import_paths

    source = tmp_path / "a.txt"
    source.write_text("Budget news\n\nThe council said it spent $4 million on roads in "
                      "2023. Officials said 12 bridges were repaired. It was sunny. "
                      "Thank you.\n", encoding="utf-8")
    path = tmp_path / "analysed.factdesk"
    with Project.open(path) as project:
        import_paths(project, [source])
        analyse_articles(project, match=False)
        (summary,) = project.articles.summaries(project.triage())
        assert summary.sentences is not None and summary.sentences >= 4
        assert summary.shown <= claim_budget(summary.sentences, project.claim_share())


def test_score_document_applies_the_share(tmp_path: Path, capsys, nlp) -> None:
    lines = ["Ukrainian officials said more than 400 bodies were found near Izium.",
             "The council spent $4 million on 12 bridges in 2023, the mayor said.",
             "Unemployment fell to 3.5% in May, the lowest rate since 1969.",
             "Russian troops left Izium four days ago, the governor said.",
             "Thank you very much, it's good to be here."]
    path = tmp_path / "transcript.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["score", str(path)]) == 0
    alone = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["claim"] for r in alone] == [r["score"] >= DEFAULT_CLAIM_THRESHOLD
                                           for r in alone]
    assert main(["score", str(path), "--document"]) == 0
    document = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["sentence"] for r in document] == lines
    budget = claim_budget(len(lines), DEFAULT_CLAIM_SHARE)
    assert sum(r["claim"] for r in document) == budget < sum(r["claim"] for r in alone)
    best = sorted(range(len(lines)), key=lambda i: -document[i]["score"])[:budget]
    assert {i for i, r in enumerate(document) if r["claim"]} == set(best)
    # a project's share is used with -p
    project = tmp_path / "p.factdesk"
    with Project.open(project) as opened:
        opened.settings.set("claim_share", 1.0)
    assert main(["score", str(path), "--document", "-p", str(project)]) == 0
    uncapped = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["claim"] for r in uncapped] == [r["claim"] for r in alone]


def test_upgrading_unpins_the_previous_triage_defaults(article) -> None:
    """Until schema 9 the window's Preferences stored the threshold and share on every
    OK: a project that holds exactly the previous defaults (0.33, 0.3) takes today's
    defaults when upgraded; a value the checker chose stays."""
    path, _ = article
    for stored, expected in (("0.33", DEFAULT_CLAIM_THRESHOLD), ("0.45", 0.45)):
        undo_migrations(path, "0009_unpin_triage_defaults",
                        {"claim_threshold": stored, "claim_share": "0.3"})
        with Project.open(path) as project:
            assert project.claim_threshold() == expected
            assert project.settings.get("claim_share") is None
            assert project.claim_share() == DEFAULT_CLAIM_SHARE
