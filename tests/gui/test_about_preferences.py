"""The About dialog credits the shipped models' data; Preferences shows real settings."""

from __future__ import annotations

from pathlib import Path

from factdesk.gui.about import about_html, attributions
from factdesk.nlp.worthiness import DEFAULT_THRESHOLD


def test_about_cites_the_datasets_behind_the_shipped_models() -> None:
    cited = " ".join(e["citation"] for e in attributions())
    assert "Arslan" in cited  # ClaimBuster, check-worthiness
    assert "Dolan" in cited  # MRPC, pair model
    page = about_html()
    assert "No model metadata" not in page and "en_core_web_sm" in page


def test_preferences_show_the_threshold_extraction_uses(make_window, demo_copy: Path) -> None:
    from factdesk.gui.preferences import PreferencesDialog

    window = make_window(demo_copy)
    dialog = PreferencesDialog(window, window.session)
    try:
        assert dialog.threshold.value() == DEFAULT_THRESHOLD
        assert dialog.height() <= 560
    finally:
        dialog.close()
        dialog.deleteLater()


def test_preferences_set_the_publisher_and_report_address(make_window, demo_copy: Path) -> None:
    from factdesk.gui.preferences import PreferencesDialog

    window = make_window(demo_copy)
    dialog = PreferencesDialog(window, window.session)
    try:
        dialog.organisation.setText("Izium Checks")
        dialog.report_url.setText("not a web address")
        dialog._ok()
        assert dialog.result() == 0 and "not a web address" in dialog.report_url_error.text()
        dialog.report_url.setText("checks.example.org/izium")
        dialog._ok()
        assert dialog.result() == 1
        dialog.apply()
        settings = window.session.project.settings
        assert settings.get("organisation") == "Izium Checks"
        assert settings.get("report_url") == "https://checks.example.org/izium"
        # the project's part is one undoable edit, the one `factdesk settings` makes
        assert window.session.undo_stack.undo_text() == "change project settings"
        window.session.undo()
        assert settings.get("organisation") is None and settings.get("report_url") is None
    finally:
        dialog.close()
        dialog.deleteLater()


def test_preferences_set_the_report_title_organisation_address_and_published_ratings(
        make_window, demo_copy: Path) -> None:
    from PySide6.QtCore import Qt

    from factdesk.gui.preferences import PreferencesDialog

    window = make_window(demo_copy)
    dialog = PreferencesDialog(window, window.session)
    try:
        dialog.organisation_url.setText("ftp:/nowhere")
        dialog._ok()
        assert dialog.result() == 0 and dialog.report_url_error.text()
        dialog.organisation_url.setText("checks.example.org")
        dialog.report_title.setText("Izium: what the reports said")
        table = dialog.scale_editor.table
        not_a_claim = next(r for r in range(table.rowCount())
                           if table.item(r, 0).text() == "Not a claim")
        assert table.item(not_a_claim, 4).checkState() == Qt.CheckState.Unchecked
        table.item(0, 4).setCheckState(Qt.CheckState.Unchecked)  # True: not published
        dialog._ok()
        assert dialog.result() == 1
        dialog.apply()
        project = window.session.project
        assert project.settings.get("organisation_url") == "https://checks.example.org"
        assert project.settings.get("report_title") == "Izium: what the reports said"
        scale = project.rating_scale()
        assert not scale.by_name("True").publishable
        assert not scale.by_name("Not a claim").publishable
        assert scale.by_name("False").publishable
    finally:
        dialog.close()
        dialog.deleteLater()


def test_preferences_refuse_an_upside_down_scale_inside_the_dialog(
        make_window, demo_copy: Path) -> None:
    """Numbers that do not fall down the list are named in the dialog, which stays open
    with nothing saved, instead of a warning after the whole change is dropped."""
    from factdesk.gui.preferences import PreferencesDialog

    window = make_window(demo_copy)
    before = window.session.project.rating_scale()
    dialog = PreferencesDialog(window, window.session)
    try:
        table = dialog.scale_editor.table
        true_row = next(r for r in range(table.rowCount())
                        if table.item(r, 0).text() == "True")
        table.item(true_row, 1).setText("0")  # True now numbered below everything
        dialog._ok()
        assert dialog.result() == 0
        assert "numbers must fall down the list" in dialog.scale_editor.error.text()
        assert window.session.project.rating_scale().to_json() == before.to_json()
    finally:
        dialog.close()
        dialog.deleteLater()


def test_preferences_set_the_claim_share_as_one_undoable_edit(make_window,
                                                              demo_copy: Path) -> None:
    from factdesk.gui.preferences import PreferencesDialog
    from factdesk.model.settings import DEFAULT_CLAIM_SHARE

    window = make_window(demo_copy)
    session = window.session
    article = session.article_id
    shown_before = session.summary(article).shown
    dialog = PreferencesDialog(window, session)
    try:
        assert dialog.share.value() == DEFAULT_CLAIM_SHARE
        dialog.share.setValue(1.0)  # no cap: every claim over the threshold is shown
        dialog._ok()
        dialog.apply()
        assert session.project.claim_share() == 1.0
        assert session.summary(article).shown > shown_before
        session.undo()
        assert session.project.claim_share() == DEFAULT_CLAIM_SHARE
        assert session.summary(article).shown == shown_before
    finally:
        dialog.close()
        dialog.deleteLater()


def test_preferences_leave_untouched_triage_defaults_unstored(make_window,
                                                             demo_copy: Path) -> None:
    """OK without touching the threshold or the share must not pin today's defaults in
    the project: it follows FactDesk's default when a later version changes it."""
    from factdesk.gui.preferences import PreferencesDialog

    window = make_window(demo_copy)
    settings = window.session.project.settings
    dialog = PreferencesDialog(window, window.session)
    try:
        dialog.organisation.setText("Izium Checks")
        dialog._ok()
        dialog.apply()
        assert settings.get("organisation") == "Izium Checks"
        assert settings.get("claim_threshold") is None and settings.get("claim_share") is None
    finally:
        dialog.close()
        dialog.deleteLater()
    dialog = PreferencesDialog(window, window.session)
    try:
        dialog.threshold.setValue(0.4)
        dialog._ok()
        dialog.apply()
        assert settings.get("claim_threshold") == 0.4 and settings.get("claim_share") is None
    finally:
        dialog.close()
        dialog.deleteLater()


def test_preferences_defaults_button_clears_a_stored_triage(make_window,
                                                             demo_copy: Path) -> None:
    """A project that stores its own threshold and share goes back to following
    FactDesk's defaults with one button, as one undoable edit."""
    from factdesk.gui.preferences import PreferencesDialog
    from factdesk.model.settings import DEFAULT_CLAIM_SHARE

    window = make_window(demo_copy)
    session = window.session
    settings = session.project.settings
    settings.set("claim_threshold", 0.4)
    settings.set("claim_share", 0.5)
    dialog = PreferencesDialog(window, session)
    try:
        assert dialog.threshold.value() == 0.4
        dialog.triage_defaults.click()
        assert dialog.threshold.value() == DEFAULT_THRESHOLD
        assert dialog.share.value() == DEFAULT_CLAIM_SHARE
        dialog._ok()
        dialog.apply()
        assert settings.get("claim_threshold") is None and settings.get("claim_share") is None
        session.undo()
        assert settings.get("claim_threshold") == 0.4 and settings.get("claim_share") == 0.5
    finally:
        dialog.close()
        dialog.deleteLater()
