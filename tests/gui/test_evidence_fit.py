"""At 1366×768 the verdict's Evidence table showed a three-line header and no row (a
claim with evidence looked unevidenced; review 18, finding 21). Now: a one-line header,
at least one whole row, each address on one line (cut in its middle, whole in the
tooltip), the count in the label ("Evidence (2)") and in History's; the across dock
keeps its three whole match cards."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from factdesk.core.commands import AddEvidence, SetVerdictField
from factdesk.core.project import Project
from factdesk.gui import settings as user
from factdesk.gui.layout import STANDARD
from factdesk.model.models import VerdictField

LONG_URL = ("https://www.fbi.gov/news/speeches/remarks-of-director-christopher-wray-on-"
            "the-arrest-of-cesar-sayoc-in-the-mail-bomb-investigation")


def _claim_with_two_evidence(path: Path) -> int:
    """The demo's best claim, with a rating, a rationale and two evidence items."""
    with Project.open(path) as project:
        claim = max(project.claims.iter_all(), key=lambda c: c.score)
        for command in (
                SetVerdictField(claim.id, VerdictField.RATING, "Mostly true"),
                SetVerdictField(claim.id, VerdictField.RATIONALE, "Two sources agree."),
                AddEvidence(claim.id, LONG_URL, "Remarks of the FBI director",
                            "the arrest, the charges and the suspect's age"),
                AddEvidence(claim.id, "https://www.justice.gov/opa/pr/charges", "Charges",
                            "five federal crimes")):
            command.apply(project)
        return claim.id


def _open(make_window, path: Path, qtbot, size: tuple[int, int]):  # noqa: ANN001, ANN202
    user.set_value("window/layout", STANDARD)
    window = make_window()
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(*size)
    window.open_project(path)
    window.reset_layout()
    qtbot.wait(50)
    return window


def test_an_evidence_row_is_visible_at_1366x768(make_window, demo_copy: Path, qtbot) -> None:
    claim_id = _claim_with_two_evidence(demo_copy)
    window = _open(make_window, demo_copy, qtbot, (1366, 768))
    window.session.select_claim(claim_id)
    qtbot.wait(100)
    verdict = window.workspace.verdict
    table = verdict.evidence_table
    assert table.rowCount() == 2
    line = table.fontMetrics().lineSpacing()
    header = table.horizontalHeader()
    assert header.height() < 2 * line, "the header is one line"
    # the first row lies wholly inside the table's viewport, and the second is reachable
    assert table.rowViewportPosition(0) >= 0
    assert table.rowViewportPosition(0) + table.rowHeight(0) <= table.viewport().height()
    assert table.rowHeight(0) < 2 * line, "an evidence row is one line"
    # the address: without its scheme, cut in its middle by the view, whole in the tooltip
    first = table.item(0, 0)
    assert first.text().startswith("fbi.gov/news/") and first.toolTip() == LONG_URL
    assert verdict.evidence_label.text() == "Evidence (2)"
    assert verdict.evidence_label.isVisible() and table.isVisible()
    assert verdict.history_label.text().startswith(" History (")
    assert verdict.history.viewport().height() >= verdict.history.fontMetrics().lineSpacing()
    window.close()


def test_the_count_follows_adding_and_removing(make_window, demo_copy: Path, qtbot) -> None:
    claim_id = _claim_with_two_evidence(demo_copy)
    window = _open(make_window, demo_copy, qtbot, (1366, 768))
    window.session.select_claim(claim_id)
    qtbot.wait(50)
    verdict = window.workspace.verdict
    verdict.evidence_table.selectRow(0)
    verdict.remove_evidence()
    qtbot.wait(20)
    assert verdict.evidence_label.text() == "Evidence (1)"
    window.session.undo()
    qtbot.wait(20)
    assert verdict.evidence_label.text() == "Evidence (2)"
    others = [c.id for c in window.session.project.claims.iter_all() if c.id != claim_id]
    window.session.select_claim(others[0])
    qtbot.wait(20)
    assert verdict.evidence_label.text() == "Evidence"
    assert verdict.evidence_table.rowCount() == 0
    window.close()
