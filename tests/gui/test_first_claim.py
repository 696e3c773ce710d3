"""A project opened with no remembered place starts on a claim that shows what FactDesk
is for: the top claim of the first article with a same-fact or conflicting match in
another source (the demo had opened on a claim whose only match shared the word
"eastern"; review 18, finding 20). A remembered place is kept."""

from __future__ import annotations

from pathlib import Path

from factdesk.core.project import Project

STRONG = ("same fact", "conflicting")


def _strong(project: Project, claim_id: int) -> bool:
    return any(m.relation in STRONG and m.decision != "rejected"
               for m in project.matches.for_claim(claim_id))


def test_the_demo_opens_on_a_claim_with_a_counterpart(make_window, demo_copy: Path,
                                                      qtbot) -> None:
    window = make_window(demo_copy)
    session = window.session
    project = session.project
    claim_id = session.claim_id
    assert claim_id, "a claim is selected"
    assert _strong(project, claim_id), "the first claim has a same-fact/conflicting match"
    # the first such article in the list's order, and its best such claim
    ws = window.workspace
    articles = ws.articles.ordered_ids()
    with_one = [a for a in articles
                if any(_strong(project, c) for c in ws.claims.model.article_claim_ids(a))]
    assert session.article_id == with_one[0]
    ranked = ws.claims.model.article_claim_ids(session.article_id)
    assert claim_id == next(c for c in ranked if _strong(project, c))
    # the across pane shows it: its first card is a same-fact or conflicting one
    across = ws.across
    qtbot.waitUntil(lambda: bool(across.matches), timeout=10_000)
    assert across.matches[0].relation in STRONG
    window.close()


def test_a_remembered_claim_is_kept(make_window, demo_copy: Path, qtbot) -> None:
    with Project.open(demo_copy) as project:
        plain = next(c.id for c in project.claims.iter_all() if not _strong(project, c.id))
    window = make_window(demo_copy)
    window.session.select_claim(plain)
    window.close()  # remembers the place
    again = make_window(demo_copy)
    assert again.session.claim_id == plain
    again.close()


def test_without_any_counterpart_the_first_articles_top_claim(make_window, demo_copy: Path,
                                                               qtbot) -> None:
    with Project.open(demo_copy) as project, project.transaction():
        project.db.execute("UPDATE matches SET relation = 'related'")
    window = make_window(demo_copy)
    ws = window.workspace
    first = ws.articles.ordered_ids()[0]
    assert window.session.article_id == first
    assert window.session.claim_id == ws.claims.model.article_claim_ids(first)[0]
    window.close()
