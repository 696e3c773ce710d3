"""Decided matches through a re-analysis (issue 21's "not changed"): the checker's
decision stays (who, when, history), the relation and differences are refreshed, a
change since the decision is flagged (CLI, report), the kept claims get fresh times
unless edited by hand, and undo puts decisions back exactly. Real SQLite files; the
re-analysis ones read with the real spaCy model and pair model."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from schema_rollback import undo_migrations

from factdesk.cli.main import main
from factdesk.core.article_edit import EditArticle
from factdesk.core.commands import DecideMatch, MarkClaim, UndoStack
from factdesk.core.project import Project
from factdesk.model.match_changes import decision_change
from factdesk.model.models import ClaimDraft, MatchDraft
from factdesk.report.data import ReportFilter, build_report
from factdesk.report.pdf_html import claim_html
from factdesk.report.tabular import to_markdown

A_TEXT = ("Senate votes on budget\n\nThe Senate passed the budget bill four days ago, "
          "ending a long standoff over spending. Senator John Smith said 52 senators "
          "voted for it.")
B_TEXT = ("Budget bill clears the Senate\n\nThe Senate passed the budget bill four days ago, "
          "after weeks of talks. John Smith said 52 senators backed the measure.")
DATE = {"kind": "date", "severity": "conflict",
        "explanation": "Outlet A dates it 2013-01-24, Outlet B 2013-02-01.",
        "a_text": "four days ago", "b_text": "Thursday"}
SAME_DAY = {"kind": "date", "severity": "compatible", "explanation": "the same day",
            "a_text": "Wednesday morning", "b_text": "Wednesday"}


# -- storage and the change rules: no model needed -------------------------------------

def _two_claims(project: Project) -> tuple[int, int]:
    from factdesk.core.importing import store_parsed
    from factdesk.ingest import parse_pasted

    ids = []
    for outlet, text in (("Daily A", A_TEXT), ("Daily B", B_TEXT)):
        article = store_parsed(project, parse_pasted(text, title=outlet, outlet=outlet,
                                                     published="2013-01-28"))[0]
        sentence = text.split("\n\n")[1].split(". ")[0] + "."
        start = project.articles.get(article).text.index(sentence)
        with project.transaction():
            ids.append(project.claims.add(article, ClaimDraft(
                start, start + len(sentence), sentence, "", "", "event", 0.9)))
    return ids[0], ids[1]


@pytest.fixture
def decided(tmp_path: Path) -> tuple[Path, int]:
    """A project whose one match the checker accepted as the same fact."""
    path = tmp_path / "decided.factdesk"
    with Project.open(path) as project:
        project.settings.set("checker", "Ana")
        a, b = _two_claims(project)
        with project.transaction():
            project.matches.save_suggestions([MatchDraft(a, b, 0.93, "same fact",
                                                         (SAME_DAY,))])
        match = project.matches.all()[0]
        UndoStack(project).push(DecideMatch(match.id, "accepted"))
    return path, match.id


def test_a_refresh_reaches_a_decided_match_and_keeps_the_decision(decided) -> None:
    path, match_id = decided
    with Project.open(path) as project:
        before = project.matches.decision_state(match_id)
        m = project.matches.get(match_id)
        with project.transaction():
            project.matches.save_suggestions([MatchDraft(m.claim_a, m.claim_b, 0.88,
                                                         "conflicting", (SAME_DAY, DATE))])
        after = project.matches.get(match_id)
        assert (after.relation, after.score) == ("conflicting", 0.88)
        assert DATE in after.discrepancies
        assert project.matches.decision_state(match_id) == before  # who, when, basis
        assert before.decided_by == "Ana" and before.decided_relation == "same fact"
        history = [h for h in project.verdicts.history("match", match_id)]
        assert [h.new for h in history] == ["accepted"]
        change = decision_change(after)
        assert change is not None and change.now == "conflicting"
        assert change.note.startswith("changed since you accepted: now conflicting "
                                      "(was same fact); new difference: Outlet A dates")


def test_what_counts_as_a_change(decided) -> None:
    path, match_id = decided
    with Project.open(path) as project:
        m = project.matches.get(match_id)

        def refreshed(relation: str, found: tuple) -> object:
            with project.transaction():
                project.matches.save_suggestions([MatchDraft(m.claim_a, m.claim_b, 0.5,
                                                             relation, found)])
            return decision_change(project.matches.get(match_id))

        # a score that moves, a compatible note gone, sides swapped: no change
        assert refreshed("same fact", ()) is None
        flipped = {**SAME_DAY, "a_text": "Wednesday", "b_text": "Wednesday morning"}
        assert refreshed("same fact", (flipped,)) is None
        # a new difference; a vague one turned into a conflict; then gone again
        vague = {**DATE, "severity": "vague"}
        assert refreshed("same fact", (vague,)).new == (vague,)
        UndoStack(project).push(DecideMatch(match_id, "accepted"))  # decided on it
        assert decision_change(project.matches.get(match_id)) is None
        assert refreshed("same fact", (DATE,)).new == (DATE,)
        gone = refreshed("same fact", ())
        assert gone.gone == (vague,) and "no longer differs in date" in gone.note
        # a rejected pair flags only when it is now the same fact
        UndoStack(project).push(DecideMatch(match_id, "rejected"))
        assert refreshed("conflicting", (DATE,)) is None
        with project.transaction():
            project.matches.save_suggestions([MatchDraft(m.claim_a, m.claim_b, 0.5,
                                                         "related", ())])
        UndoStack(project).push(DecideMatch(match_id, "rejected"))
        assert refreshed("same fact", ()).note == ("changed since you rejected: now same "
                                                   "fact (was related)")


def test_undo_puts_a_decision_back_exactly(decided) -> None:
    path, match_id = decided
    with Project.open(path) as project:
        first = project.matches.decision_state(match_id)
        m = project.matches.get(match_id)
        with project.transaction():
            project.matches.save_suggestions([MatchDraft(m.claim_a, m.claim_b, 0.88,
                                                         "conflicting", (DATE,))])
        project.settings.set("checker", "Ben")
        stack = UndoStack(project)
        stack.push(DecideMatch(match_id, "accepted"))  # accepted again, on the conflict
        again = project.matches.decision_state(match_id)
        assert again.decided_by == "Ben" and again.decided_relation == "conflicting"
        assert decision_change(project.matches.get(match_id)) is None
        stack.undo()
        assert project.matches.decision_state(match_id) == first  # Ana's, on same fact
        assert decision_change(project.matches.get(match_id)) is not None
        stack.redo()
        assert project.matches.decision_state(match_id).decided_relation == "conflicting"
        stack.push(DecideMatch(match_id, None))
        assert project.matches.decision_state(match_id) == (None, None, None, None, None)
        stack.undo()
        assert project.matches.decision_state(match_id).decided_by == "Ben"


def test_a_decided_pair_no_longer_related_is_kept_and_flagged(decided) -> None:
    path, match_id = decided
    with Project.open(path) as project:
        m = project.matches.get(match_id)
        with project.transaction():
            project.matches.mark_unrelated([(m.claim_b, m.claim_a, 0.08)])
        gone = project.matches.get(match_id)
        assert gone.unrelated and gone.decision == "accepted" and gone.score == 0.08
        assert decision_change(gone).note == ("changed since you accepted: the analysis no "
                                              "longer relates these claims")
        with project.transaction():  # related again by a later analysis
            project.matches.save_suggestions([MatchDraft(m.claim_a, m.claim_b, 0.9,
                                                         "same fact", (SAME_DAY,))])
        assert not project.matches.get(match_id).unrelated
        assert decision_change(project.matches.get(match_id)) is None


def test_the_report_tells_an_accepted_match_as_it_is_now(decided) -> None:
    path, match_id = decided
    with Project.open(path) as project:
        m = project.matches.get(match_id)
        UndoStack(project).push(EditArticle(project.claims.get(m.claim_a).article_id,
                                            {"published": "2013-01-28"}))
        from factdesk.core.commands import SetVerdictField
        SetVerdictField(m.claim_a, "rating", "True").apply(project)
        SetVerdictField(m.claim_a, "status", "done").apply(project)
        entry = build_report(project, ReportFilter()).claims[0]
        assert [o.claim_id for o in entry.reported_alike] == [m.claim_b]
        assert entry.reported_alike[0].changed == ""
        with project.transaction():
            project.matches.save_suggestions([MatchDraft(m.claim_a, m.claim_b, 0.88,
                                                         "conflicting", (DATE,))])
        data = build_report(project, ReportFilter())
        entry = data.claims[0]
        assert entry.reported_alike == ()  # no stale "reported alike"
        other = entry.reported_differently[0]
        assert other.discrepancies == (DATE["explanation"],)
        assert other.changed == "now conflicting (was same fact); new difference in date"
        assert entry.appearances == ()  # ClaimReview lists no appearance of it
        html = claim_html(entry)
        assert "Reported differently by" in html and "CHANGED since accepted" in html
        assert "Outlet A dates it 2013-01-24" in html
        assert "CHANGED since accepted, not reviewed: now conflicting" in to_markdown(data)


def test_matches_shows_the_change_and_decide_takes_it(decided, capsys) -> None:
    path, match_id = decided
    with Project.open(path) as project:
        m = project.matches.get(match_id)
        with project.transaction():
            project.matches.save_suggestions([MatchDraft(m.claim_a, m.claim_b, 0.88,
                                                         "conflicting", (DATE,))])
    assert main(["matches", str(path), str(m.claim_a)]) == 0
    out = capsys.readouterr().out
    assert "\t! changed since you accepted: now conflicting (was same fact)" in out
    assert f"factdesk decide {path} {match_id} accept" in out
    assert main(["matches", str(path), str(m.claim_a), "--json"]) == 0
    row = json.loads(capsys.readouterr().out.splitlines()[0])
    assert row["decision"] == "accepted" and row["decided_relation"] == "same fact"
    assert row["changed"].startswith("changed since you accepted")
    assert main(["decide", str(path), str(match_id), "accept"]) == 0
    assert main(["matches", str(path), str(m.claim_a), "--json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["changed"] is None


def test_an_older_file_gets_its_decisions_basis_from_what_it_shows(decided) -> None:
    """A file of the previous schema (no basis columns) upgrades: each decision was made
    on what its row holds, so nothing reads as changed until an analysis changes it."""
    path, match_id = decided
    assert undo_migrations(path, "0010_match_decision_basis") == 9
    conn = sqlite3.connect(path)
    with conn:
        for column in ("decided_relation", "decided_discrepancies", "unrelated"):
            conn.execute(f"ALTER TABLE matches DROP COLUMN {column}")
        conn.execute("UPDATE matches SET relation = 'related'")  # decided as it was then
    conn.close()
    with Project.open(path) as project:
        match = project.matches.get(match_id)
        assert match.decided_relation == "related" and match.decision == "accepted"
        assert decision_change(match) is None
        with project.transaction():
            project.matches.save_suggestions([MatchDraft(match.claim_a, match.claim_b,
                                                         0.9, "same fact", ())])
        assert decision_change(project.matches.get(match_id)).now == "same fact"
    assert main(["check", str(path)]) == 0


# -- the matching run and re-extraction: the real models --------------------------------

def _analysed(path: Path) -> tuple[int, int]:
    from factdesk.core.analysis import analyse_articles
    from factdesk.core.importing import store_parsed
    from factdesk.ingest import parse_pasted

    with Project.open(path) as project:
        project.settings.set("checker", "Ana")
        ids = [store_parsed(project, parse_pasted(text, title=outlet, outlet=outlet,
                                                  published="2013-01-28"))[0]
               for outlet, text in (("Daily A", A_TEXT), ("Daily B", B_TEXT))]
        analyse_articles(project, ids, n_process=1)
        return ids[0], ids[1]


def _passed_match(project: Project):  # Match of the two "passed ... four days ago" claims
    return next(m for m in project.matches.all()
                if "four days ago" in project.claims.get(m.claim_a).text
                and "four days ago" in project.claims.get(m.claim_b).text)


def test_redating_an_article_reaches_its_accepted_match(tmp_path: Path, nlp, capsys) -> None:
    """The checker accepts "passed the bill four days ago" in two articles of one day;
    one article's date is corrected a week later and it is analysed again: the kept
    claim's "four days ago" now means 2013-02-01, the accepted match shows the date
    difference, says it changed since accepted, and keeps Ana's decision."""
    from factdesk.core.analysis import analyse_articles

    path = tmp_path / "redated.factdesk"
    _, b = _analysed(path)
    with Project.open(path) as project:
        match = _passed_match(project)
        assert match.relation == "same fact" and not match.discrepancies
        stack = UndoStack(project)
        stack.push(DecideMatch(match.id, "accepted"))
        decided = project.matches.decision_state(match.id)
        kept = match.claim_b  # the later article's claim
        assert project.claims.get(kept).times[0]["resolved_start"] == "2013-01-24"
        stack.push(EditArticle(b, {"published": "2013-02-05"}))
        analyse_articles(project, [b], n_process=1)
        assert project.claims.get(kept).times[0]["resolved_start"] == "2013-02-01"
        now = project.matches.get(match.id)
        assert project.matches.decision_state(match.id) == decided
        assert [d["kind"] for d in now.discrepancies] == ["date"]
        assert "2013-02-01" in now.discrepancies[0]["explanation"]
        assert decision_change(now).note.startswith(
            "changed since you accepted: new difference: Daily B’s “four days ago”")
        # undo still works: the date back, the decision undone
        stack.undo()
        assert project.articles.get(b).published == "2013-01-28"
        stack.undo()
        assert project.matches.get(match.id).decision is None
    assert main(["match", str(path)]) == 0  # the undecided pair refreshed as usual
    assert "changed since" not in capsys.readouterr().err


def test_a_hand_marked_claim_keeps_its_span_and_reads_its_times_again(
        tmp_path: Path, nlp) -> None:
    from factdesk.core.analysis import analyse_articles
    from factdesk.core.claim_analysis import analyse_claims

    path = tmp_path / "marked.factdesk"
    _, b = _analysed(path)
    with Project.open(path) as project:
        text = project.articles.get(b).text
        start = text.index("The Senate passed")
        end = text.index(", after weeks")  # the checker's span: not a detected sentence
        command = MarkClaim(b, start, end)
        UndoStack(project).push(command)
        analyse_claims(project, [command.claim_id], match=False)
        marked = project.claims.get(command.claim_id)
        assert (marked.origin, marked.score) == ("manual", 1.0)
        assert marked.times[0]["resolved_start"] == "2013-01-24"
        UndoStack(project).push(EditArticle(b, {"published": "2013-02-05"}))
        analyse_articles(project, [b], n_process=1)
        again = project.claims.get(command.claim_id)
        assert (again.start, again.end, again.origin, again.score) == (start, end,
                                                                       "manual", 1.0)
        assert again.times[0]["resolved_start"] == "2013-02-01"


def test_a_decided_pair_the_judge_drops_is_kept_marked_unrelated(
        tmp_path: Path, nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    import factdesk.core.matching_service as matching

    path = tmp_path / "dropped.factdesk"
    _analysed(path)
    with Project.open(path) as project:
        match = _passed_match(project)
        UndoStack(project).push(DecideMatch(match.id, "rejected"))
        rejected = project.matches.get(match.id)
        judge_one = matching.PairJudge._judge_one
        pair = {match.claim_a, match.claim_b}

        def fails(self, a, b, term):  # noqa: ANN001
            if {a.id, b.id} == pair:
                raise ZeroDivisionError("feature")
            return judge_one(self, a, b, term)

        monkeypatch.setattr(matching.PairJudge, "_judge_one", fails)
        failures: list = []
        matching.match_articles(project, failures=failures)
        assert failures and project.matches.get(match.id) == rejected  # left as it was

        def drops(self, a, b, term):  # noqa: ANN001
            if {a.id, b.id} == pair:
                return 0.05, None, []
            return judge_one(self, a, b, term)

        monkeypatch.setattr(matching.PairJudge, "_judge_one", drops)
        matching.match_articles(project)
        now = project.matches.get(match.id)
        assert now.decision == "rejected" and now.unrelated and now.score == 0.05
        assert decision_change(now) is None  # rejected, and the analysis agrees
        monkeypatch.setattr(matching.PairJudge, "_judge_one", judge_one)
        matching.match_articles(project)
        back = project.matches.get(match.id)
        assert not back.unrelated and back.relation == "same fact"
        assert back.decision == "rejected"  # never suggested again as undecided
        assert decision_change(back) is None  # rejected as the same fact: no news


def test_the_cli_says_which_decisions_a_redate_changed(tmp_path: Path, nlp, capsys) -> None:
    """``factdesk decide``, then ``factdesk article --date``: the re-analysis lists the
    accepted match that now differs, and ``factdesk extract`` again keeps saying so
    until the checker decides it again."""
    path = tmp_path / "cli.factdesk"
    _, b = _analysed(path)
    with Project.open(path) as project:
        match = _passed_match(project)
    assert main(["decide", str(path), str(match.id), "accept"]) == 0
    capsys.readouterr()
    assert main(["article", str(path), str(b), "--date", "2013-02-05"]) == 0
    err = capsys.readouterr().err
    assert "1 decided match changed since the checker decided it" in err
    assert f"match {match.id} (claims {match.claim_a} and {match.claim_b}): changed " \
           "since you accepted: new difference" in err
    assert main(["extract", str(path), "--article", str(b)]) == 0
    assert "1 decided match changed" in capsys.readouterr().err
    assert main(["decide", str(path), str(match.id), "accept"]) == 0
    assert main(["match", str(path)]) == 0
    assert "changed since" not in capsys.readouterr().err
    with Project.open(path) as project:
        again = project.matches.get(match.id)
        assert again.decision == "accepted" and again.discrepancies  # the date stays
        assert [h.new for h in project.verdicts.history("match", match.id)] == [
            "accepted", "accepted"]
