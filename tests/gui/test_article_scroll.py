"""The article text moves only when the selected claim is not wholly on screen: an article
opened on a claim of its first screen keeps its headline in view, and j onto a claim
already visible does not make the page jump. A claim off screen is brought to the middle."""

from __future__ import annotations


def _visible(view, claim) -> bool:  # ArticleView, Claim
    return view._in_view(claim.start, claim.end)


def test_the_text_moves_only_for_a_claim_off_screen(make_window, demo_copy, qtbot) -> None:
    window = make_window(demo_copy)
    window.resize(1366, 768)
    qtbot.wait(50)
    session, view = window.session, window.workspace.article
    bar = view.body.verticalScrollBar()
    claims = sorted(view.body.claims, key=lambda c: c.start)
    session.select_claim(0)
    session.select_article(claims[0].article_id)
    bar.setValue(0)
    first = next(c for c in claims if _visible(view, c))
    below = next(c for c in claims if not _visible(view, c))
    session.select_claim(first.id)
    assert bar.value() == 0, "the headline scrolled away for a claim already on screen"
    session.select_claim(below.id)
    assert bar.value() > 0 and _visible(view, below)
    top = view.body.cursorRect().top()
    height = view.body.viewport().height()
    at_end = bar.value() == bar.maximum()  # the text cannot scroll further
    assert height // 5 < top < height * 4 // 5 or at_end, "a claim brought on screen is centred"
    here = bar.value()
    neighbour = next((c for c in claims if c.id != below.id and _visible(view, c)), None)
    if neighbour is not None:
        session.select_claim(neighbour.id)
        assert bar.value() == here, "the page jumped to a claim already on screen"
    window.close()
