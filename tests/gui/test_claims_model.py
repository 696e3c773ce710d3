"""The claims model without a view: filters, sorting, lazy texts, targeted updates."""

from __future__ import annotations

from pathlib import Path

import pytest
from projects import big_project
from PySide6.QtCore import Qt

from factdesk.core.commands import SetVerdictField, UndoStack
from factdesk.core.project import Project
from factdesk.gui.claims_model import RATING, SCORE, TEXT, ClaimFilter, ClaimsModel


def test_filters_and_sorting(demo_copy: Path, qapp) -> None:
    with Project.open(demo_copy) as project:
        model = ClaimsModel(project, project.rating_scale(), {})
        assert model.rowCount() == 0  # nothing is shown (or read) before a filter is set
        assert model.total() == project.claims.count()
        some_article = project.articles.ids()[0]
        model.set_filter(ClaimFilter(article_id=some_article))
        assert model.rowCount() == len(project.claims.for_article(some_article))
        model.set_filter(ClaimFilter())
        total = model.rowCount()
        assert total == project.claims.count()
        first = model.claim_id(0)
        UndoStack(project).push(SetVerdictField(first, "rating", "False"))
        model.update_claims([first])
        assert model.data(model.index(model.row_of(first), RATING)) == "False"
        model.set_filter(ClaimFilter(rating="False"))
        assert model.rowCount() == 1
        model.set_filter(ClaimFilter(rating="-"))
        assert model.rowCount() == total - 1
        model.set_filter(ClaimFilter(min_score=0.99))
        assert all(float(model.data(model.index(r, SCORE))) >= 0.99
                   for r in range(model.rowCount()))
        model.set_filter(ClaimFilter())
        model.sort(SCORE, Qt.SortOrder.DescendingOrder)
        scores = [float(model.data(model.index(r, SCORE))) for r in range(model.rowCount())]
        assert scores == sorted(scores, reverse=True)
        assert model.data(model.index(0, TEXT))


@pytest.mark.slow
def test_hundred_thousand_claims_filter_and_sort(tmp_path: Path, qapp) -> None:
    """Behaviour at 100k claims; the timings are bench/gui_latency.py's business."""
    path = big_project(tmp_path / "big.factdesk", claims=100_000, articles=100,
                       words_per_article=3000)
    with Project.open(path) as project:
        model = ClaimsModel(project, project.rating_scale(), {})
        model.set_filter(ClaimFilter())
        assert model.rowCount() == 100_000 == model.total()
        model.sort(SCORE, Qt.SortOrder.DescendingOrder)
        model.set_filter(ClaimFilter(kind="quote", min_score=0.5))
        rows = model.rowCount()
        assert 0 < rows < 100_000
        scores = [float(model.data(model.index(r, SCORE))) for r in range(0, rows, 97)]
        assert scores == sorted(scores, reverse=True) and min(scores) >= 0.5
        assert all(model.data(model.index(r, TEXT)) for r in range(0, 2000, 7))
