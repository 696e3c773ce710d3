"""Triage in the window: only claims worth checking by default, one key for all candidates (h),
j/k through what is shown, a ranked list, hand-marked claims always shown."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt

from factdesk.core.commands import MarkClaim
from factdesk.core.project import Project
from factdesk.gui.articles_pane import CLAIMS
from factdesk.model.changes import ChangeSet
from factdesk.model.triage import LEAD_FLOOR


def _highlighted(window) -> set[int]:  # MainWindow
    return {c.id for c in window.workspace.article.body.claims}


def _listed(window) -> list[int]:  # MainWindow
    model = window.workspace.claims.model
    return [model.claim_id(r) for r in range(model.rowCount())]


def test_only_claims_worth_checking_by_default_and_one_key_for_all(
        make_window, demo_copy, qtbot) -> None:
    with Project.open(demo_copy, create=False) as project:
        triage = project.triage()
        rows = {c.id: c for c in project.claims.iter_all()}
        sentences = {s.id: s.sentences for s in project.articles.summaries(triage)}
        leads = project.articles.leads(LEAD_FLOOR)
    window = make_window(demo_copy)
    session = window.session
    article = session.article_id
    every = {c.id for c in rows.values() if c.article_id == article}
    # shown: the article's best detected claims over the threshold, at most the share of
    # its sentences (rounded up), its lead (from LEAD_FLOOR) and every claim marked by hand
    passing = sorted((i for i in every if rows[i].origin == "detected"
                      and rows[i].score >= triage.threshold),
                     key=lambda i: (-rows[i].score, rows[i].start))
    budget = math.ceil(triage.share * sentences[article])
    worth = set(passing[:budget]) | {i for i in every if rows[i].origin == "manual"}
    assert article in leads, "the demo article's lead scores over the floor"
    lead = leads[article][2]
    assert lead not in worth, "the demo article's lead is shown by the lead rule alone"
    worth.add(lead)
    assert len(passing) > budget, "the demo article's budget binds"
    assert 0 < len(worth) < len(every), "the demo article has claims and other candidates"
    assert _highlighted(window) == worth
    # the articles list counts what is shown, with the other candidates beside it
    articles = window.workspace.articles.model_
    row = next(r for r, s in enumerate(articles.rows) if s.id == article)
    assert articles.index(row, CLAIMS).data() == f"{len(worth)} (+{len(every) - len(worth)})"
    listed = _listed(window)
    assert set(listed) == worth
    assert [rows[i].score for i in listed] == sorted((rows[i].score for i in listed),
                                                     reverse=True)
    # j walks through what is shown, in the list's (ranked) order
    session.select_claim(listed[0])
    view = window.workspace.claims.view
    seen = [session.claim_id]
    for _ in range(len(listed) - 1):
        qtbot.keyClick(view, Qt.Key.Key_J)
        seen.append(session.claim_id)
    assert seen == listed
    # the key shows every candidate, in the text and the list; the list's filter goes back
    assert window.registry.shortcut("claim.show_candidates").toString() == "H"
    qtbot.keyClick(view, Qt.Key.Key_H)
    assert session.show_candidates
    assert window.workspace.claims.triage.currentIndex() == 1
    assert _highlighted(window) == every and set(_listed(window)) == every
    window.workspace.claims.triage.setCurrentIndex(0)
    assert not session.show_candidates and _highlighted(window) == worth
    window.close()


def test_a_claim_marked_by_hand_is_always_shown(make_window, demo_copy) -> None:
    window = make_window(demo_copy)
    session = window.session
    project = session.project
    article = session.article_id
    text = project.articles.get(article).text
    start = text.index(" ", len(text) // 2) + 1
    command = MarkClaim(article, start, text.index(" ", start + 20))
    assert session.push(command)
    claim_id = command.claim_id
    project.claims.update(claim_id, score=0.01)  # whatever the scorer later says of it
    session.broadcast(ChangeSet(claims=True, claim_ids=frozenset({claim_id}),
                                article_ids=frozenset({article})))
    assert claim_id in _highlighted(window)
    assert claim_id in _listed(window)
    window.close()


def test_j_and_k_from_a_candidate_go_on_from_its_place_in_the_list(
        make_window, demo_copy, qtbot) -> None:
    # BASIL Wal-Mart event: g to NYT's matching candidate (0.62, under the threshold), then
    # j, went back to the top of the list (0.97) instead of on from 0.62
    from factdesk.gui.claims_model import ranked

    window = make_window(demo_copy)
    session, view = window.session, window.workspace.claims.view
    project = session.project
    listed = _listed(window)
    rows = {r[0]: r for r in project.claims.table_rows(article_id=session.article_id)}
    hidden = sorted((i for i in rows if i not in listed), key=lambda i: ranked(rows[i]))
    # the candidate ranked highest: it stands between the listed claims, or after them all
    candidate = hidden[0]
    order = sorted([*listed, candidate], key=lambda i: ranked(rows[i]))
    at = order.index(candidate)
    assert 0 < at, "the demo's best candidate ranks below a listed claim"
    session.select_claim(candidate)  # as g onto it would
    assert session.claim_id == candidate
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert session.claim_id == order[at - 1], "k did not go to the claim ranked just above"
    session.select_claim(candidate)
    qtbot.keyClick(view, Qt.Key.Key_J)
    if at + 1 < len(order):
        assert session.claim_id == order[at + 1]
    else:  # ranked after every listed claim: j goes on to the next article, not the top
        article = project.claims.get(candidate).article_id
        assert session.claim_id not in listed
        assert project.claims.get(session.claim_id).article_id != article
    window.close()


def test_the_article_budget_follows_settings_and_claim_edits(make_window, demo_copy) -> None:
    from factdesk.core.commands import DeleteClaim
    from factdesk.core.settings_command import ChangeSettings

    window = make_window(demo_copy)
    session = window.session
    project = session.project
    article = session.article_id
    threshold = session.claim_threshold()
    over = {c.id for c in project.claims.for_article(article)
            if c.origin == "detected" and c.score >= threshold}
    listed = _listed(window)
    assert set(listed) == _highlighted(window) and len(listed) < len(over)
    count = window.workspace.claims.count.text()
    assert count.startswith(f"{len(listed)} shown of ")
    # no cap: every claim over the threshold, in the list, the text and the count; undone
    assert session.push(ChangeSettings({"claim_share": 1.0}))
    assert set(_listed(window)) == _highlighted(window) == over
    assert session.summary(article).shown == len(over)
    session.undo()
    assert _listed(window) == listed and _highlighted(window) == set(listed)
    # deleting a shown claim frees its place: the best claim left out comes in
    rows = {c.id: c for c in project.claims.for_article(article)}
    best_left_out = max(over - set(listed), key=lambda i: (rows[i].score, -rows[i].start))
    assert session.push(DeleteClaim(listed[0]))
    assert set(_listed(window)) == set(listed[1:]) | {best_left_out}
    assert _highlighted(window) == set(_listed(window))
    assert window.workspace.claims.count.text().startswith(f"{len(listed)} shown of ")
    window.close()
