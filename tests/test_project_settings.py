"""Project settings in one place: keys, defaults and checks (factdesk.model.settings), and
the one undoable edit the window and ``factdesk settings`` both make."""

from __future__ import annotations

from pathlib import Path

import pytest

from factdesk.cli.main import main
from factdesk.core.commands import CommandError, UndoStack
from factdesk.core.project import Project
from factdesk.core.settings_command import ChangeSettings
from factdesk.model.ratings import RatingScale
from factdesk.model.settings import (
    CLAIM_THRESHOLD,
    DEFAULT_CLAIM_THRESHOLD,
    ORGANISATION,
    REPORT_URL,
    ProjectSettings,
    clean_setting,
)
from factdesk.nlp.pipeline import ClaimExtractor
from factdesk.nlp.worthiness import CANDIDATE_FLOOR, DEFAULT_THRESHOLD


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    path = tmp_path / "p.factdesk"
    with Project.open(path, create=True):
        pass
    return path


def test_the_claim_threshold_default_has_one_value_everywhere(project_file: Path) -> None:
    with Project.open(project_file) as project:
        assert project.claim_threshold() == DEFAULT_CLAIM_THRESHOLD
        assert project.project_settings().claim_threshold == DEFAULT_CLAIM_THRESHOLD
    assert DEFAULT_THRESHOLD == DEFAULT_CLAIM_THRESHOLD
    assert ClaimExtractor().threshold == DEFAULT_CLAIM_THRESHOLD
    # spaCy is heavy: only this test loads it (importing the module registers the factory)
    from spacy.language import Language

    import factdesk.nlp.pipeline_components  # noqa: F401 - registers "factdesk_claims"

    # the component keeps candidates from a floor below the threshold; what is shown is
    # decided against the project's threshold, whose default is the one above
    meta = Language.get_factory_meta("factdesk_claims")
    assert meta.default_config["floor"] == CANDIDATE_FLOOR < DEFAULT_CLAIM_THRESHOLD


def test_values_are_checked_and_normalised() -> None:
    assert clean_setting(REPORT_URL, "checks.example.org/x") == "https://checks.example.org/x"
    assert clean_setting(ORGANISATION, "  Izium Checks ") == "Izium Checks"
    assert clean_setting(CLAIM_THRESHOLD, "0.45") == 0.45
    for key, bad in ((CLAIM_THRESHOLD, "1.5"), (CLAIM_THRESHOLD, "high"),
                     (REPORT_URL, "see the website"), ("rating_scale", "[{\"value\": 1}]"),
                     ("no_such_key", "x")):
        with pytest.raises(ValueError):
            clean_setting(key, bad)


def test_stored_values_a_project_cannot_use_read_as_defaults() -> None:
    settings = ProjectSettings.from_stored({CLAIM_THRESHOLD: "lots", ORGANISATION: "Desk",
                                            "rating_scale": [{"name": "Yes"}]})
    assert settings.claim_threshold == DEFAULT_CLAIM_THRESHOLD
    assert settings.organisation == "Desk"
    assert settings.rating_scale.names() == ["Yes"]
    assert ProjectSettings.from_stored({}).rating_scale.names() == \
        RatingScale.default().names()


def test_a_change_of_settings_is_one_undoable_edit(project_file: Path) -> None:
    with Project.open(project_file) as project:
        stack = UndoStack(project)
        changes = stack.push(ChangeSettings({CLAIM_THRESHOLD: 0.5, ORGANISATION: "Desk"}))
        assert changes.settings
        assert project.claim_threshold() == 0.5
        assert project.settings.get(ORGANISATION) == "Desk"
        stack.undo()
        assert project.claim_threshold() == DEFAULT_CLAIM_THRESHOLD
        assert project.settings.get(ORGANISATION) is None
        stack.redo()
        assert project.settings.get(ORGANISATION) == "Desk"
        unchanged = ChangeSettings({ORGANISATION: "Desk"})
        stack.push(unchanged)
        assert not unchanged.changed and stack.undo_text() == "change project settings"
        with pytest.raises(CommandError, match="between 0 and 1"):
            stack.push(ChangeSettings({CLAIM_THRESHOLD: 2}))
        assert project.claim_threshold() == 0.5  # a refused edit writes nothing


def test_the_cli_sets_the_threshold_and_the_scale(project_file: Path, capsys) -> None:
    assert main(["settings", str(project_file), "claim_threshold", "0.42"]) == 0
    assert main(["settings", str(project_file), "claim_threshold", "7"]) == 1
    assert "between 0 and 1" in capsys.readouterr().err
    scale = '[{"name": "Correct", "value": 2, "key": "1"}, {"name": "Wrong", "value": 1}]'
    assert main(["settings", str(project_file), "rating_scale", scale]) == 0
    with Project.open(project_file) as project:
        assert project.claim_threshold() == 0.42
        assert project.rating_scale().names() == ["Correct", "Wrong"]
    capsys.readouterr()
    assert main(["settings", str(project_file), "rating_scale", "--unset"]) == 0
    assert main(["settings", str(project_file)]) == 0
    shown = dict(line.split("\t")[:2] for line in capsys.readouterr().out.splitlines())
    assert shown["claim_threshold"] == "0.42"
    assert shown["rating_scale"].startswith("(not set: True, Mostly true")
