"""Fixtures of the reliability tests: a small project with claims, verdicts and evidence."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from reliability_helpers import sentence_spans  # noqa: E402

SEEDS = HERE.parents[1] / "seeds"


def build_small_project(path: Path) -> Path:
    """Seeds imported (no extraction), two hand-marked claims each, verdicts and evidence."""
    from factdesk.core.commands import AddEvidence, MarkClaim, SetVerdictField
    from factdesk.core.importing import import_paths
    from factdesk.core.project import Project

    with Project.open(path) as project:
        report = import_paths(project, [SEEDS])
        assert report.ok and len(report.added) == 3, report.lines()
        for _, article_id in report.added:
            article = project.articles.get(article_id)
            assert article is not None
            for start, end in sentence_spans(article.text)[1:3]:
                mark = MarkClaim(article_id, start, end)
                mark.apply(project)
                assert mark.claim_id is not None
                SetVerdictField(mark.claim_id, "rating", "Mostly true").apply(project)
                SetVerdictField(mark.claim_id, "rationale",
                                f"<p>Checked claim {mark.claim_id} against the record.</p>"
                                ).apply(project)
                AddEvidence(mark.claim_id, f"https://example.org/{mark.claim_id}",
                            "Official record", "primary source").apply(project)
    return path


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    return build_small_project(tmp_path / "small.factdesk")
