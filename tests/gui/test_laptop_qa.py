"""What a checker tripped over in an hour of keyboard work at 1366×768 (BASIL's Santorum
event, docs/window.md "Laptop QA, held-out events"): who said the claim when the list
hides its speaker column; a match score that reads as its relation ranks."""

from __future__ import annotations

from factdesk.gui import settings as user
from factdesk.gui.claims_model import SPEAKER
from factdesk.gui.layout import STANDARD


def _claim_with_speaker(window) -> tuple[int, str]:  # noqa: ANN001
    project = window.session.project
    for claim in project.claims.iter_all():
        if claim.speaker:
            return claim.id, claim.speaker
    raise AssertionError("the demo has no claim with a speaker")


def test_the_speaker_shows_beside_the_claim_when_the_list_hides_its_column(
        make_window, demo_copy, qtbot) -> None:
    user.set_value("window/layout", STANDARD)
    window = make_window()
    window.resize(1366, 768)
    window.open_project(demo_copy)
    qtbot.wait(50)
    assert window.workspace.claims.view.isColumnHidden(SPEAKER), (
        "at 1366 px the claims list hides the speaker column")
    claim_id, speaker = _claim_with_speaker(window)
    window.session.select_claim(claim_id)
    qtbot.wait(20)
    verdict = window.workspace.verdict.claim_label
    assert verdict.isVisible()
    assert f"said by <b>{speaker}</b>" in verdict.text()
    across = window.workspace.across.this_claim.text()
    assert f"said by {speaker}" in across
    # a claim without a speaker says nothing of one
    silent = next(c for c in window.session.project.claims.iter_all() if not c.speaker)
    window.session.select_claim(silent.id)
    qtbot.wait(20)
    assert "said by" not in window.workspace.verdict.claim_label.text()
    assert "said by" not in window.workspace.across.this_claim.text()
    window.close()
