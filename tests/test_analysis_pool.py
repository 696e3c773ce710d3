"""Worker processes give exactly the one-process result, and a cancelled run stops cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

from factdesk.core.analysis import analyse_articles, worker_processes
from factdesk.core.importing import import_paths
from factdesk.core.project import Project


def _snapshot(project: Project) -> tuple[list, list, list]:
    db = project.db
    claims = [tuple(r) for r in db.execute(
        'SELECT article_id, start, "end", kind, round(score, 6), speaker, quantities, times, '
        'entities, lemmas FROM claims ORDER BY article_id, start, "end"')]
    spans = {r[0]: (r[1], r[2], r[3]) for r in db.execute(
        'SELECT id, article_id, start, "end" FROM claims')}
    matches = sorted((spans[a], spans[b], round(s, 6), rel) for a, b, s, rel in db.execute(
        "SELECT claim_a, claim_b, score, relation FROM matches"))
    mentions = [tuple(r) for r in db.execute(
        'SELECT article_id, start, "end", text, label, canonical FROM entity_mentions '
        'ORDER BY article_id, start, "end", text')]
    return claims, matches, mentions


def _analysed(folder: Path, seeds: Path, n_process: int, **kwargs) -> tuple[Project, object]:
    project = Project.open(folder / f"p{n_process}.factdesk")
    report = import_paths(project, [seeds])
    result = analyse_articles(project, [aid for _, aid in report.added], n_process=n_process,
                              **kwargs)
    return project, result


@pytest.mark.slow
@pytest.mark.usefixtures("nlp")
def test_two_processes_store_exactly_what_one_does(seeds_dir: Path, tmp_path: Path) -> None:
    one, report1 = _analysed(tmp_path, seeds_dir, 1)
    two, report2 = _analysed(tmp_path, seeds_dir, 2)
    try:
        assert report2.claims == report1.claims > 0
        assert report2.matches == report1.matches > 0
        assert _snapshot(two) == _snapshot(one)
    finally:
        one.close()
        two.close()


@pytest.mark.usefixtures("nlp")
def test_cancel_with_workers_leaves_whole_articles(seeds_dir: Path, tmp_path: Path) -> None:
    calls: list[int] = []

    def cancelled() -> bool:  # the user cancels after the first article came back
        calls.append(1)
        return len(calls) > 1

    project, report = _analysed(tmp_path, seeds_dir, 2, cancelled=cancelled)
    try:
        assert report.cancelled
        extracted = [r[0] for r in project.db.execute(
            "SELECT id FROM articles WHERE extracted_at IS NOT NULL")]
        with_claims = {r[0] for r in project.db.execute("SELECT DISTINCT article_id FROM claims")}
        assert report.articles == len(extracted) == 1
        assert with_claims <= set(extracted)
        assert project.matches.count() == 0
    finally:
        project.close()


def test_processes_chosen_automatically_only_for_long_texts(seeds_dir: Path,
                                                            tmp_path: Path) -> None:
    with Project.open(tmp_path / "auto.factdesk") as project:
        ids = [aid for _, aid in import_paths(project, [seeds_dir]).added]
        assert worker_processes(None, project, ids) == 1  # three short articles
        assert worker_processes(3, project, ids) == 3
        assert worker_processes(0, project, ids) == 1


@pytest.mark.slow
@pytest.mark.usefixtures("nlp")
def test_warm_up_has_every_worker_analyse_the_given_articles(seeds_dir: Path) -> None:
    from factdesk.core.analysis_pool import shared_pool
    from factdesk.core.extractors import get_extractor

    extractor = get_extractor(None, 0.36)
    text = next(iter(sorted(seeds_dir.iterdir()))).read_text("utf-8")
    with shared_pool(2, extractor.model_name, extractor.threshold) as pool:
        pool.warm_up()  # both workers started and idle
        workers = pool.warm_up([(1, text, None)])
    assert len(workers) == 2  # one warm-up task per worker process, none left out


@pytest.mark.parametrize("processes", [1, 2, 4])
@pytest.mark.parametrize("n", [1, 2, 3, 15, 40, 60, 61, 500])
def test_extraction_tasks_are_full_batches_that_end_together(processes: int, n: int) -> None:
    import random

    from factdesk.core.analysis_pool import ARTICLES_PER_TASK, plan_tasks

    rng = random.Random(n * 10 + processes)
    lengths = [rng.randint(500, 12_000) for _ in range(n)]
    sizes = plan_tasks(lengths, processes)
    assert sum(sizes) == n and min(sizes) >= 1
    if n >= processes:  # every worker gets as many tasks as the others
        assert len(sizes) % processes == 0
    # about one parse batch each: never a handful of articles when there are many
    assert max(sizes) <= 2 * ARTICLES_PER_TASK
    if n >= 2 * processes * ARTICLES_PER_TASK:
        assert min(sizes) >= ARTICLES_PER_TASK // 2
    # consecutive runs of about equal work (text, plus an average article's worth per
    # article): within one article of the even share
    bounds = [0]
    for size in sizes:
        bounds.append(bounds[-1] + size)
    mean = sum(lengths) / n
    work = [length + mean for length in lengths]
    totals = [sum(work[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    even = sum(work) / len(sizes)
    if n >= 2 * len(sizes):
        assert all(abs(t - even) <= max(work) for t in totals)


@pytest.mark.parametrize(("lengths", "processes"), [
    ([10**6] + [100] * 99, 1),  # one very long article among short ones
    ([0] * 50 + [1000] * 14, 2),  # articles without text
    ([10**6] * 3 + [10] * 200, 2),
])
def test_uneven_lengths_never_make_a_huge_task(lengths: list[int], processes: int) -> None:
    from factdesk.core.analysis_pool import MAX_ARTICLES_PER_TASK, plan_tasks

    sizes = plan_tasks(lengths, processes)
    assert sum(sizes) == len(lengths) and min(sizes) >= 1
    assert max(sizes) <= MAX_ARTICLES_PER_TASK


def test_tasks_follow_the_plan_then_full_batches() -> None:
    from factdesk.core.analysis_pool import ARTICLES_PER_TASK, _chunks

    articles = [(i, "text", None) for i in range(50)]
    chunks = list(_chunks(articles, [3, 7]))
    assert [len(c) for c in chunks[:2]] == [3, 7]
    assert all(len(c) == ARTICLES_PER_TASK for c in chunks[2:-1])
    assert [a for c in chunks for a in c] == articles
    assert [len(c) for c in _chunks(articles[:5], [])] == [5]


def test_text_lengths_are_read_per_article(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.factdesk") as project, project.transaction():
        ids = [project.articles.add(title=f"t{i}", outlet="", author="", published=None,
                                    url="", source_name=f"{i}.txt", text="word " * (i + 1),
                                    text_hash=f"h{i}", raw=b"")
               for i in range(3)]
        lengths = project.articles.text_lengths([*ids, 999])
        assert lengths == {aid: len("word " * (i + 1)) for i, aid in enumerate(ids)}
        assert project.articles.text_length(ids) == sum(lengths.values())
