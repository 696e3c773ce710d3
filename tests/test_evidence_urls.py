"""Web addresses (evidence sources, the report's address): normalised when typed loosely,
refused with the reason, and nothing stored, when they are not: from the CLI, the
commands, the evidence dialog and ``factdesk settings``."""

from __future__ import annotations

from pathlib import Path

import pytest

from factdesk.cli.main import main
from factdesk.core.commands import AddEvidence, CommandError, EditEvidence, MarkClaim
from factdesk.core.importing import import_paths
from factdesk.core.project import Project
from factdesk.model.models import web_address


@pytest.mark.parametrize("typed,stored", [
    ("https://www.reuters.com/world/x?y=1", "https://www.reuters.com/world/x?y=1"),
    ("  reuters.com/world  ", "https://reuters.com/world"),
    ("www.bbc.co.uk", "https://www.bbc.co.uk"),
    ("doi:10.1038/nature12373", "https://doi.org/10.1038/nature12373"),
    ("10.1000/xyz123", "https://doi.org/10.1000/xyz123"),
    ("http://intranet/archive/42", "http://intranet/archive/42"),
])
def test_web_addresses_are_normalised(typed: str, stored: str) -> None:
    assert web_address(typed) == stored


@pytest.mark.parametrize("typed", ["notaurl", "", "   ", "http://", "javascript:alert(1)",
                                   "file:///etc/passwd", "ftp://files.example.org/a",
                                   "interview with the mayor", "a b.com"])
def test_what_is_not_a_web_address_is_refused(typed: str) -> None:
    with pytest.raises(ValueError, match="web address"):
        web_address(typed)


@pytest.fixture
def claim(tmp_path: Path, seeds_dir: Path) -> tuple[Path, int]:
    path = tmp_path / "e.factdesk"
    with Project.open(path) as project:
        import_paths(project, [seeds_dir])
        article = project.articles.all()[0]
        claim_id = next(iter(MarkClaim(article.id, 0, 40).apply(project).claim_ids))
    return path, claim_id


def test_cli_evidence_on_an_unjudged_claim(claim: tuple[Path, int], capsys) -> None:
    path, claim_id = claim
    assert main(["verdict", str(path), str(claim_id), "--evidence", "reuters.com/x"]) == 0
    assert f"claim {claim_id}: no rating, to check, 1 evidence" in capsys.readouterr().err
    assert main(["verdict", str(path), str(claim_id), "--evidence", "notaurl"]) == 1
    err = capsys.readouterr().err
    assert "not a web address: 'notaurl'" in err and "Traceback" not in err
    with Project.open(path) as project:
        assert [e.url for e in project.verdicts.evidence(claim_id)] == ["https://reuters.com/x"]
    # the report of all claims shows it, though the claim has no rating or status yet
    capsys.readouterr()
    assert main(["export", str(path), "--format", "csv", "--all"]) == 0
    assert "https://reuters.com/x" in capsys.readouterr().out


def test_commands_refuse_and_keep_the_old_address(claim: tuple[Path, int]) -> None:
    path, claim_id = claim
    with Project.open(path) as project:
        with pytest.raises(CommandError, match="web address"):
            AddEvidence(claim_id, "notaurl").apply(project)
        assert project.verdicts.evidence(claim_id) == []
        added = AddEvidence(claim_id, "www.example.org/report")
        added.apply(project)
        with pytest.raises(CommandError):
            EditEvidence(added.evidence_id, {"url": "see above"}).apply(project)
        assert project.verdicts.evidence(claim_id)[0].url == "https://www.example.org/report"


def test_cli_settings_show_set_and_check(claim: tuple[Path, int], capsys) -> None:
    path, _ = claim
    assert main(["settings", str(path), "report_url", "checks.example.org/izium"]) == 0
    assert main(["settings", str(path), "organisation", "Izium Checks"]) == 0
    assert main(["settings", str(path), "report_url", "see the website"]) == 1
    assert "not a web address" in capsys.readouterr().err
    assert main(["settings", str(path)]) == 0
    shown = dict(line.split("\t")[:2] for line in capsys.readouterr().out.splitlines())
    assert shown["report_url"] == "https://checks.example.org/izium"
    assert shown["organisation"] == "Izium Checks"
    assert shown["checker"].startswith("(not set")
    assert main(["settings", str(path), "organisation", "--unset"]) == 0
    with Project.open(path) as project:
        assert project.settings.get("organisation") is None
