"""One article that fails to analyse never stops a batch, and is kept and retried.

The saved pages in ``tests/fixtures/saved_pages`` are six short news pages; the temple
page (published 2019-06-05) says "2,500 years ago", "44 BC" and "10,000 centuries from
now", which once raised OverflowError and left the whole import unanalysed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import factdesk.nlp.pipeline as pipeline
from factdesk.core.analysis import MAX_ANALYSED_CHARS, _Failed, _isolated, analyse_articles
from factdesk.core.importing import import_paths
from factdesk.core.project import Project

PAGES = Path(__file__).parent / "fixtures" / "saved_pages"
REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _factdesk(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factdesk", *map(str, args)],
                          capture_output=True, text=True, cwd=REPO, timeout=300)


def test_folder_with_a_pathological_page_is_analysed_whole(tmp_path: Path) -> None:
    project_file = tmp_path / "p.factdesk"
    assert _factdesk("new", project_file).returncode == 0
    result = _factdesk("import", project_file, PAGES, "--no-match")
    assert result.returncode == 0, result.stderr
    listed = _factdesk("articles", project_file, "--json")
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(rows) == 6
    assert all(row["analysed"] and row["analysis_error"] is None for row in rows)
    assert all(row["claims"] > 0 for row in rows), rows
    temple = next(r for r in rows if r["title"].startswith("Temple"))
    with Project.open(project_file, create=False) as project:
        times = [t for c in project.claims.for_article(temple["id"]) for t in c.times]
    ago = [t for t in times if "2,500 years ago" in t["text"]]
    assert ago and ago[0]["offset_days"] == -912_500 and ago[0]["resolved_start"] is None


def _fail_on(monkeypatch: pytest.MonkeyPatch, marker: str) -> None:
    """Make the analysis of any article whose text holds ``marker`` raise, as a bug in
    one component would, inside spaCy's batch."""
    original = pipeline.analysis_from_doc

    def failing(doc, article_id, day, text):  # same signature
        if marker in text:
            raise ValueError("a component failed on this article")
        return original(doc, article_id, day, text)

    monkeypatch.setattr(pipeline, "analysis_from_doc", failing)


def test_failing_article_is_kept_marked_and_retried(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Project.open(tmp_path / "p.factdesk") as project:
        imported = import_paths(project, [PAGES])
        assert len(imported.added) == 6
        _fail_on(monkeypatch, "Harlow Street bridge")
        report = analyse_articles(project, match=False)
        assert report.articles == 5 and len(report.failed) == 1
        failure = report.failed[0]
        assert failure.title == "Bridge reopens after repairs"
        assert "ValueError: a component failed" in failure.error
        assert "not analysed" in failure.line()
        summaries = {s.title: s for s in project.articles.summaries()}
        bridge = summaries.pop("Bridge reopens after repairs")
        assert not bridge.analysed and "ValueError" in (bridge.analysis_error or "")
        assert all(s.analysed and s.claims > 0 for s in summaries.values())
        assert project.articles.text_lengths([bridge.id])  # the article itself is kept

        monkeypatch.undo()  # the fault is gone: the next extraction analyses it
        again = analyse_articles(project, [bridge.id], match=False)
        assert again.articles == 1 and not again.failed
        bridge = {s.id: s for s in project.articles.summaries()}[bridge.id]
        assert bridge.analysed and bridge.analysis_error is None and bridge.claims > 0


def test_cli_lists_and_retries_a_not_analysed_article(tmp_path: Path) -> None:
    project_file = tmp_path / "p.factdesk"
    with Project.open(project_file) as project:
        import_paths(project, [PAGES / "bridge.html"])
        article_id = project.articles.ids()[0]
        with project.transaction():
            project.articles.mark_not_analysed(article_id, "ValueError: boom")
    listed = _factdesk("articles", project_file)
    assert "not analysed (ValueError: boom)" in listed.stdout
    extracted = _factdesk("extract", project_file, "--no-match")
    assert extracted.returncode == 0, extracted.stderr
    assert "not analysed" not in _factdesk("articles", project_file).stdout


class _DyingPool:
    """A pool whose workers fail on the third article of the run (a whole task lost)."""

    def __init__(self) -> None:
        self.calls = 0

    def analyse(self, articles, lengths):  # the pool's protocol
        self.calls += 1
        from factdesk.core.extractors import get_extractor

        extractor = get_extractor()
        batch = []
        for article in articles:
            batch.append(article)
            if len(batch) == 2:
                break
        if self.calls == 1:
            yield from extractor.analyse(batch[:1])
            raise RuntimeError("worker task failed")
        yield from extractor.analyse(batch)
        yield from extractor.analyse(list(articles))


def test_pool_failure_retries_the_lost_articles_one_by_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from factdesk.core.extractors import get_extractor

    extractor = get_extractor()
    _fail_on(monkeypatch, "BROKEN")
    articles = [(1, "The bridge cost $2.3 million, the mayor said.", None),
                (2, "BROKEN text that fails.", None),
                (3, "About 18,000 vehicles cross it every day.", None),
                (4, "Turnout reached 41 percent on Saturday.", None),
                (5, "The wing cost $75 million.", None)]
    out = list(_isolated(iter(articles), extractor, _DyingPool(), [40] * 5))  # type: ignore[arg-type]
    ok = [a.article_id for a in out if not isinstance(a, _Failed)]
    failed = [a.article_id for a in out if isinstance(a, _Failed)]
    assert ok == [1, 3, 4, 5] and failed == [2]


def test_compare_of_dates_before_year_one() -> None:
    result = _factdesk("compare", "began 2,500 years ago", "began 2,400 years ago",
                       "--date", "2019-06-05")
    assert result.returncode == 0, result.stderr
    assert "relation: conflicting" in result.stdout
    assert "2,500 years before publication on 2019-06-05" in result.stdout
    assert "disagree by 100 years (2,500 years vs 2,400 years)" in result.stdout
    assert "912500" not in result.stdout


def test_compare_reports_a_failing_pair_and_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from factdesk.cli.main import main

    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("The bridge cost $2.3 million.\tThe bridge cost $2.5 million.\n"
                     "BROKEN one.\tBROKEN two.\n"
                     "Turnout was 41 percent.\tTurnout reached 41 percent.\n",
                     encoding="utf-8")
    import factdesk.core.comparing as comparing

    original = comparing.decide_claims

    def failing(a, b, *args, **kwargs):
        if "BROKEN" in a.text:
            raise ValueError("a discrepancy rule failed on this pair")
        return original(a, b, *args, **kwargs)

    monkeypatch.setattr(comparing, "decide_claims", failing)
    assert main(["compare", "--pairs", str(pairs)]) == 2
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(out) == 3 and out[1] == {"line": 2, "error": out[1]["error"]}
    assert "ValueError" in out[1]["error"]
    assert "score" in out[0] and "score" in out[2]


def test_matching_reports_a_failing_article_and_pair_and_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import factdesk.core.matching_service as matching

    with Project.open(tmp_path / "p.factdesk") as project:
        import_paths(project, [PAGES / "bridge.html", PAGES / "budget.html",
                               PAGES / "flood.html"])
        bridge, budget, flood = project.articles.ids()
        analyse_articles(project, match=False)
        prepare, judge_one = matching._prepare, matching.PairJudge._judge_one

        def failing_prepare(project, index, judge, context, decided, article_id):
            if article_id == budget:
                raise KeyError("index out of step")
            return prepare(project, index, judge, context, decided, article_id)

        def failing_pair(self, a, b, term):
            raise ZeroDivisionError("feature")

        monkeypatch.setattr(matching, "_prepare", failing_prepare)
        monkeypatch.setattr(matching.PairJudge, "_judge_one", failing_pair)
        failures: list = []
        matching.match_articles(project, failures=failures)
        article_failures = [f for f in failures if "KeyError" in f.error]
        assert [f.article_id for f in article_failures] == [budget]
        assert article_failures[0].title == "Council approves school budget"
        assert all(f.stage == "matching" for f in failures)
        pair_failures = [f for f in failures if "ZeroDivisionError" in f.error]
        assert {f.article_id for f in pair_failures} <= {bridge, flood}
        monkeypatch.setattr(matching.PairJudge, "_judge_one", judge_one)
        failures.clear()
        matching.match_articles(project, [bridge, flood], failures=failures)
        assert failures == []


def test_an_article_too_long_for_spacy_is_kept_with_a_plain_reason(tmp_path: Path) -> None:
    """A 13.5 MB text once reached spaCy, which refused it with its E088 message (and a
    traceback on the command line); now it is kept, marked with what to do, never parsed,
    and the other articles of the batch are analysed."""
    sentence = "The council said the bridge cost 4 million dollars in 2021. "
    long_text = sentence * (MAX_ANALYSED_CHARS // len(sentence) + 10)
    (tmp_path / "dump.txt").write_text("Title: A dump\n\n" + long_text, encoding="utf-8")
    project_file = tmp_path / "p.factdesk"
    assert _factdesk("new", project_file).returncode == 0
    result = _factdesk("import", project_file, tmp_path / "dump.txt", PAGES / "bridge.html",
                       "--no-match")
    assert result.returncode == 2  # kept but not analysed
    assert "Traceback" not in result.stderr and "E088" not in result.stderr
    assert "too long to analyse" in result.stderr and "split it" in result.stderr
    assert "tries it again" not in result.stderr  # trying again cannot help
    rows = [json.loads(line)
            for line in _factdesk("articles", project_file, "--json").stdout.splitlines()]
    dump = next(r for r in rows if r["title"] == "A dump")
    bridge = next(r for r in rows if r["title"] != "A dump")
    assert not dump["analysed"] and "split it into several articles" in dump["analysis_error"]
    assert bridge["analysed"] and bridge["claims"] > 0
    with Project.open(project_file, read_only=True) as project:
        assert project.articles.text_lengths([dump["id"]])[dump["id"]] > MAX_ANALYSED_CHARS
