"""The Across-sources pane's earlier checks: the archive's search is built off the GUI
thread, then the checks show with their relevance."""

from __future__ import annotations

import json
from pathlib import Path

from factdesk.core import archive_service
from factdesk.core.archive_service import import_archive
from factdesk.core.project import Project
from factdesk.model.models import Claim

BLEACH = {"@context": "https://schema.org", "@type": "ClaimReview",
          "claimReviewed": "Drinking bleach cures the coronavirus.",
          "url": "https://checks.example/2"}


def _archive_checking_first_claim(demo_copy: Path, tmp_path: Path,
                                  *others: dict) -> tuple[Project, Claim]:
    """The demo project with an archive holding a "Mostly True" check of its first
    article's first claim (and ``others``), and that claim."""
    project = Project.open(demo_copy)
    claim = project.claims.for_article(project.articles.all()[0].id)[0]
    feed = tmp_path / "checks.json"
    feed.write_text(json.dumps([
        {"@context": "https://schema.org", "@type": "ClaimReview",
         "claimReviewed": claim.text, "url": "https://checks.example/1",
         "author": {"@type": "Organization", "name": "Desk Checks"},
         "reviewRating": {"@type": "Rating", "alternateName": "Mostly True"}},
        *others]), encoding="utf-8")
    assert import_archive(project, feed).stored == 1 + len(others)
    return project, claim


def test_earlier_checks_wait_for_the_index_built_in_the_background(
        qtbot, demo_copy: Path, tmp_path: Path) -> None:
    from factdesk.gui.across_pane import AcrossPane
    from factdesk.gui.session import Session

    project, claim = _archive_checking_first_claim(demo_copy, tmp_path, BLEACH)
    archive_service._INDEXES.clear()  # as in a window opened on this project
    session = Session(project)
    pane = AcrossPane(session)
    qtbot.addWidget(pane)
    session.select_claim(claim.id)
    qtbot.waitUntil(lambda: "indexing the archive" in pane.earlier.toPlainText(),
                    timeout=5000)
    qtbot.waitUntil(lambda: "Desk Checks" in pane.earlier.toPlainText(), timeout=30_000)
    text = pane.earlier.toPlainText()
    assert "Mostly True" in text and "relevance" in text and "Octopuses" not in text
    assert archive_service.archive_index_ready(project)
    session.close()


def test_a_claim_no_earlier_check_matches_says_so(qtbot, demo_copy: Path,
                                                   tmp_path: Path) -> None:
    from factdesk.gui.across_pane import AcrossPane
    from factdesk.gui.session import Session

    project = Project.open(demo_copy)
    claim = project.claims.for_article(project.articles.all()[0].id)[0]
    feed = tmp_path / "checks.json"
    feed.write_text(json.dumps([
        {"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": text,
         "url": f"https://checks.example/{i}",
         "reviewRating": {"@type": "Rating", "alternateName": "False"}}
        for i, text in enumerate(["Octopuses have three hearts.",
                                  "A photo shows a shark on a flooded Houston highway.",
                                  "Drinking bleach cures the coronavirus."])
    ]), encoding="utf-8")
    assert import_archive(project, feed).stored == 3
    archive_service._INDEXES.clear()
    session = Session(project)
    pane = AcrossPane(session)
    qtbot.addWidget(pane)
    session.select_claim(claim.id)
    qtbot.waitUntil(lambda: "no earlier check is relevant to this claim"
                    in pane.earlier.toPlainText(), timeout=30_000)
    text = pane.earlier.toPlainText()
    assert "3 in the archive" in text and "Show weaker hits" in text
    assert "Octopuses" not in text and "relevance " not in text
    session.close()


def test_weaker_hits_are_shown_on_request_and_marked_weak(qtbot, demo_copy: Path,
                                                          tmp_path: Path) -> None:
    from PySide6.QtCore import QUrl

    from factdesk.gui.across_pane import AcrossPane
    from factdesk.gui.session import Session

    project = Project.open(demo_copy)
    claim = project.claims.for_article(project.articles.all()[0].id)[0]
    word = max(claim.text.split(), key=len).strip(".,;:!?\"'()")
    feed = tmp_path / "checks.json"
    # twelve checks that share only that word with the claim: none stands out
    topics = ["harbour", "bakery", "orchestra", "glacier", "library", "vineyard",
              "stadium", "monastery", "observatory", "ferry", "quarry", "aquarium"]
    feed.write_text(json.dumps([
        {"@context": "https://schema.org", "@type": "ClaimReview",
         "claimReviewed": f"The old {topic} was renamed {word} by its owners.",
         "url": f"https://checks.example/{topic}", "author": {"name": "Soup Checks"},
         "reviewRating": {"@type": "Rating", "alternateName": "False"}}
        for topic in topics]), encoding="utf-8")
    assert import_archive(project, feed).stored == 12
    # the premise: the claim's one shared word is weak evidence, below the floor
    assert archive_service.earlier_checks(project, claim.text) == []
    weak = archive_service.earlier_checks(project, claim.text, min_relevance=0.0)
    assert weak and all(r < archive_service.default_floor(project) for _, r in weak)
    session = Session(project)
    pane = AcrossPane(session)
    qtbot.addWidget(pane)
    session.select_claim(claim.id)
    qtbot.waitUntil(lambda: "Show weaker hits" in pane.earlier.toPlainText(),
                    timeout=30_000)
    pane._on_earlier_link(QUrl("weaker:show"))
    qtbot.waitUntil(lambda: "Soup Checks" in pane.earlier.toPlainText(), timeout=30_000)
    text = pane.earlier.toPlainText()
    assert "Soup Checks" in text and "weak · relevance 0.0" in text
    assert "weaker hits shown (below the relevance floor" in text
    pane._on_earlier_link(QUrl("weaker:hide"))
    qtbot.waitUntil(lambda: "Show weaker hits" in pane.earlier.toPlainText(), timeout=30_000)
    assert "Soup Checks" not in pane.earlier.toPlainText()
    # the same from the keyboard (Shift+W), also when the link is folded into the heading
    assert pane.toggle_weaker_checks() == "Earlier checks: weaker hits shown."
    qtbot.waitUntil(lambda: "Soup Checks" in pane.earlier.toPlainText(), timeout=30_000)
    assert pane.toggle_weaker_checks() == "Earlier checks: weaker hits hidden."
    qtbot.waitUntil(lambda: "Soup Checks" not in pane.earlier.toPlainText(), timeout=30_000)
    session.close()


def test_the_lookup_runs_off_the_gui_thread_and_late_answers_are_dropped(
        qtbot, demo_copy: Path, tmp_path: Path, monkeypatch) -> None:
    import threading

    from factdesk.gui import across_earlier
    from factdesk.gui.across_pane import AcrossPane
    from factdesk.gui.session import Session

    project, claim = _archive_checking_first_claim(demo_copy, tmp_path)
    archive_service.archive_index(project)  # built: the lookup itself is what is watched
    threads: list[str] = []
    real = across_earlier._look_up_earlier_checks

    def watched(*args) -> None:
        threads.append(threading.current_thread().name)
        real(*args)

    monkeypatch.setattr(across_earlier, "_look_up_earlier_checks", watched)
    session = Session(project)
    pane = AcrossPane(session)
    qtbot.addWidget(pane)
    session.select_claim(claim.id)
    qtbot.waitUntil(lambda: "Desk Checks" in pane.earlier.toPlainText(), timeout=30_000)
    assert threads and all(name == "earlier-checks" for name in threads)
    shown = pane.earlier.toPlainText()
    pane._on_earlier_found((pane._lookup_token - 1, [], 0.02, 1, False))  # a stale answer
    assert pane.earlier.toPlainText() == shown
    pane._on_earlier_found((pane._lookup_token, [], 0.0, 1, True))
    assert "could not be searched" in pane.earlier.toPlainText()
    session.close()


def test_shift_w_with_an_empty_archive_says_there_is_nothing_to_show(
        make_window, demo_copy: Path, qtbot) -> None:
    # review 17: Shift+W on a project without earlier checks said "Earlier checks: weaker
    # hits shown." while nothing was, or could be, shown
    window = make_window(demo_copy)
    session = window.session
    assert session.project.archive.count() == 0
    claim = session.project.claims.for_article(session.project.articles.all()[0].id)[0]
    session.select_claim(claim.id)
    window.registry.trigger("claim.weaker_checks")
    said = window.status.messages.item(0).text()
    assert "the archive is empty, nothing to show" in said
    assert "weaker hits shown" not in said
    across = window.workspace.across  # the pane says the same, in its box or heading
    qtbot.waitUntil(lambda: "the archive is empty" in across.earlier.toPlainText()
                    + across.heading.text(), timeout=30_000)
    window.close()
