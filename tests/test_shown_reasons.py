"""Every claim shown has a reason a checker can read (review 17, defect 12: SHUT claim 41
"They have raised their offer on border security funding considerably…" was shown at
0.81 with reason "")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factdesk.cli.main import main
from factdesk.model.models import Claim
from factdesk.nlp.reasons import claim_reason, reports_action, shown_reason

RAISED = ("They have raised their offer on border security funding considerably and "
          "toughened their rhetoric on stopping illegal immigration.")


def test_something_done_is_a_verifiable_event() -> None:
    assert claim_reason("other", None, RAISED, False, False) == "verifiable event"
    assert reports_action("The suspect has been arrested.")
    assert reports_action("The council had already signed the contract.")
    # a state of mind, or a quality, is not something done
    for text in ("I have always believed in this country.", "He has been critical of it.",
                 "They have wanted a deal for weeks.", "Let us do better."):
        assert not reports_action(text), text
    assert claim_reason("other", None, "Let us do better.", False, False) == ""


def _claim(text: str, origin: str, score: float) -> Claim:
    return Claim(id=1, article_id=1, start=0, end=len(text), text=text, prefix="", suffix="",
                 kind="other", score=score, speaker=None, origin=origin)


def test_what_is_shown_is_never_empty() -> None:
    filler = "He received no special treatment from anyone."
    assert shown_reason(_claim(filler, "detected", 0.70)) == "check-worthy by the model (0.70)"
    assert shown_reason(_claim(filler, "detected", 0.12)) == "model score 0.12, no specific cue"
    assert shown_reason(_claim(filler, "manual", 1.0)) == "marked by hand"
    assert shown_reason(_claim(RAISED, "detected", 0.81)) == "verifiable event"


@pytest.mark.slow
def test_every_claim_the_cli_lists_has_a_reason(extractor, tmp_path: Path, capsys) -> None:
    from factdesk.core.analysis import analyse_articles
    from factdesk.core.importing import article_ids, import_text
    from factdesk.core.project import Project

    path = tmp_path / "shutdown.factdesk"
    with Project.open(path) as project:
        report = import_text(project, "\n\n".join([
            "Trump signs bill ending the shutdown",
            "President Trump signed a bill on Friday that reopens the government for three "
            "weeks.",
            "Democrats have held firm against the wall. " + RAISED,
            "He received no special treatment from anyone.",
            "Let us do better by this generation.",
        ]), outlet="Wire", published="2019-01-25")
        assert not report.failed
        analyse_articles(project, article_ids(report), match=False)
    for flag in ([], ["--all"]):
        assert main(["claims", str(path), "--json", *flag]) == 0
        rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert rows and all(row["reason"] for row in rows), rows
    raised = next(r for r in rows if r["text"].startswith("They have raised"))
    assert raised["reason"] == "verifiable event"
