"""Claims and suggestions are written several articles per commit, each article whole.

A commit waits for the disk, so extraction and matching write a batch of articles per
transaction; each article is a savepoint of it, so one whose writing fails leaves
nothing of itself behind and the others of its batch stored.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import factdesk.core.analysis as analysis
import factdesk.core.matching_service as matching
from factdesk.core.importing import import_paths
from factdesk.core.project import Project

PAGES = Path(__file__).parent / "fixtures" / "saved_pages"
pytestmark = pytest.mark.slow


def test_an_article_failing_half_stored_leaves_nothing_and_the_batch_stored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Project.open(tmp_path / "p.factdesk") as project:
        import_paths(project, [PAGES])
        titles = {a.id: a.title for a in project.articles.all()}
        bridge = next(i for i, t in titles.items() if t.startswith("Bridge reopens"))
        store = analysis.store_analysis

        def half_stored(project, item, canonical):  # writes its claims, then fails
            stored = store(project, item, canonical)
            if item.article_id == bridge:
                raise OSError("disk full")
            return stored

        monkeypatch.setattr(analysis, "store_analysis", half_stored)
        report = analysis.analyse_articles(project, match=False, n_process=1)
        assert report.articles == 5 and [f.article_id for f in report.failed] == [bridge]
        assert project.claims.for_article(bridge) == []  # its savepoint rolled back
        summaries = {s.id: s for s in project.articles.summaries()}
        assert not summaries[bridge].analysed
        assert all(s.analysed and s.claims > 0 for i, s in summaries.items() if i != bridge)


def test_an_article_whose_suggestions_fail_to_store_leaves_the_others(
        tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Project.open(tmp_path / "p.factdesk") as project:
        import_paths(project, [seeds_dir])  # three outlets on one story
        analysis.analyse_articles(project, match=False, n_process=1)
        everything = matching.match_articles(project)
        expected = {(m.claim_a, m.claim_b, m.relation) for m in project.matches.all()}
        assert everything > 0 and expected
        matched = project.claims.get(min(expected)[0])
        assert matched is not None
        article = matched.article_id
        mine = {c.id for c in project.claims.for_article(article)}
        save = project.matches.save_suggestions

        def failing(drafts):
            if any(d.claim_a in mine or d.claim_b in mine for d in drafts):
                save(drafts)
                raise OSError("disk full")
            return save(drafts)

        failures: list = []
        monkeypatch.setattr(project.matches, "save_suggestions", failing)
        matching.match_articles(project, [article], failures=failures)
        assert [f.article_id for f in failures] == [article]
        # the failed write rolled back whole: the earlier suggestions are all still there
        kept = {(m.claim_a, m.claim_b, m.relation) for m in project.matches.all()}
        assert kept == expected
