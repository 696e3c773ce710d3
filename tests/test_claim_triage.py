"""Claim triage with the real spaCy model: sentences, speakers, reasons, shown vs candidates,
hand-marked claims, and the CLI contracts of ``claims`` and ``score``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factdesk.cli.main import main
from factdesk.core.analysis import analyse_articles
from factdesk.core.commands import MarkClaim, UndoStack
from factdesk.core.project import Project
from factdesk.model.triage import Triage, claim_budget
from factdesk.nlp.pipeline import ClaimExtractor
from factdesk.nlp.reasons import claim_reason
from factdesk.nlp.worthiness import DEFAULT_THRESHOLD, WorthinessScorer, is_shown

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def extractor(nlp) -> ClaimExtractor:  # skips without the model
    return ClaimExtractor()


def _sentences(extractor: ClaimExtractor, text: str) -> list[tuple[str, str | None]]:
    doc = extractor.nlp(text)
    return [(s.text, s._.speaker) for s in doc.spans["sentences"]]


@pytest.mark.parametrize("text,expected", [
    ("The bill was backed by former Cong. John Smith and Sen. Ted Cruz. It passed.",
     ["The bill was backed by former Cong. John Smith and Sen. Ted Cruz.", "It passed."]),
    ("He met Gov. Jay Nixon in the U.S. Capitol on Monday. They spoke for an hour.",
     ["He met Gov. Jay Nixon in the U.S. Capitol on Monday.", "They spoke for an hour."]),
    ("Police in Springfield, Mo., said 3 people died. The road reopened.",
     ["Police in Springfield, Mo., said 3 people died.", "The road reopened."]),
    ("The move angered the U.S. The ambassador left.",
     ["The move angered the U.S.", "The ambassador left."]),
    ("He wrote It's About the Money!: How You Can Get Out of Debt in 2005. It sold.",
     ["He wrote It's About the Money!: How You Can Get Out of Debt in 2005.", "It sold."]),
    ("He shouted Stop! The crowd ran.", ["He shouted Stop!", "The crowd ran."]),
    # Fox News, the Etheridge event: the attribution after a quoted exclamation had been
    # a claim of its own ("the seven-term congressman demands.")
    ('"Who are you!" the seven-term congressman demands. He grabbed the wrist.',
     ['"Who are you!" the seven-term congressman demands.', "He grabbed the wrist."]),
    ("“Why now?” asked the mayor. “Why not?” She left.",
     ["“Why now?” asked the mayor.", "“Why not?”", "She left."]),
])
def test_abbreviations_do_not_end_sentences(extractor: ClaimExtractor, text: str,
                                            expected: list[str]) -> None:
    assert [s for s, _ in _sentences(extractor, text)] == expected


@pytest.mark.parametrize("text", [
    "Records show the company paid 40 million dollars.",
    "His campaign said he raised 3 million dollars in May.",
    "A.G. said the case had 14 defendants.",
    "According to records, 40 people died.",
    "Officials said 40 people died.",
])
def test_common_nouns_and_fragments_are_no_speakers(extractor: ClaimExtractor,
                                                    text: str) -> None:
    assert [speaker for _, speaker in _sentences(extractor, text)] == [None]


@pytest.mark.parametrize("text,speaker", [
    ("Prosecutors said they had discovered six bodies.", "prosecutors"),
    ("The Pentagon said 12 soldiers died.", "Pentagon"),
    ("The F.B.I. said 40 people were arrested.", "F.B.I."),
    ("The governor said 40 people were arrested.", "the governor"),
    ("A statement from the committee said 40 members had signed.",
     "a statement from the committee"),
])
def test_people_organisations_and_described_sources_are(extractor: ClaimExtractor,
                                                         text: str, speaker: str) -> None:
    assert [who for _, who in _sentences(extractor, text)] == [speaker]


def test_more_speech_verbs_name_the_speaker(extractor: ClaimExtractor) -> None:
    text = ("Dan Senor called the comments irresponsible.\n\n"
            "“It’s completely inconsistent with this latest statement,” summarized Senor.")
    assert [who for _, who in _sentences(extractor, text)][-1] == "Senor"


def test_a_span_marked_inside_a_quotation_takes_its_speaker(extractor: ClaimExtractor) -> None:
    text = (SEEDS / "001_de94a727e4da2545.txt").read_text(encoding="utf-8")
    for words, speaker in (("Also, our prosecutors are working together", "Zelenskiy"),
                           ("Tortured people.", "Zelenskiy"),
                           ("these will amount to war crimes", "Blinken")):
        start = text.index(words)
        draft = extractor.analyse_span(text, start, start + len(words), None, 1.0, "manual")
        assert draft.kind == "quote" and speaker in (draft.speaker or ""), words


def test_filler_scores_low_and_no_quotation_mark_makes_a_claim(nlp) -> None:
    scorer = WorthinessScorer.load()
    movie = 'You know, I saw a movie - "Crocodile Dundee."'
    assert scorer.score_one(movie) < 0.2
    assert scorer.score_one("Let us do better by this generation.") < 0.2
    assert scorer.score_one("Ukrainian officials said more than 400 bodies were found.") \
        >= DEFAULT_THRESHOLD
    rows = ClaimExtractor().score_sentences([movie])
    assert rows[0]["claim"] is False and rows[0]["score"] < 0.2


def test_reasons_in_a_checkers_words() -> None:
    assert claim_reason("statistic", None, "Taxes rose 12%.", True, False) == "number"
    assert claim_reason("quote", "Zelensky", "We found 450 bodies.", True, False) == \
        "number, quote"
    assert claim_reason("attribution", "Kyiv", "Kyiv says it retook the town.", False,
                        False) == "named source"
    assert claim_reason("other", None, "Crime is higher than in 1990.", False, True) == \
        "comparison, verifiable event"
    assert claim_reason("event", None, "Troops left the city.", False, False) == \
        "verifiable event"
    assert claim_reason("other", None, "Let us do better.", False, False) == ""
    # a rank is a comparison (NYT, BASIL: was "named actor"); "the ranks of" is not
    assert claim_reason("other", None, "Farmers are still a powerful force in the Iowa, "
                        "which ranks second in the country in total farm sales.", False,
                        False) == "comparison"
    assert "comparison" not in claim_reason("other", None, "He rose through the ranks of "
                                            "the party.", False, False)
    # NYT, BASIL: "declined to say" is no change; "declined to 4 percent" is
    assert "comparison" not in claim_reason("event", None, "Twitter has declined to say "
                                            "whether Mr. Weiner's account was hacked.",
                                            False, False)
    assert claim_reason("other", None, "Unemployment declined to 4 percent.", False,
                        False) == "comparison"
    # a high-scoring sentence with no cue but a name says so, rather than nothing
    assert claim_reason("other", None, "Connecticut Attorney General Richard Blumenthal "
                        "is defending himself.", False, False) == "named actor"


def test_hand_marked_claims_are_always_shown() -> None:
    assert is_shown(0.0, "manual", 0.99)
    assert not is_shown(0.2, "detected", 0.5) and is_shown(0.5, "detected", 0.5)


@pytest.fixture(scope="module")
def project_path(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:
    from factdesk.core.importing import import_paths

    path = tmp_path_factory.mktemp("triage") / "triage.factdesk"
    with Project.open(path) as project:
        import_paths(project, [SEEDS / "001_de94a727e4da2545.txt"])
        analyse_articles(project, match=False)
    return path


def _claims(capsys, *args: str) -> list[dict]:
    capsys.readouterr()
    assert main(["claims", *args, "--json"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_claims_cli_shows_triage_and_all_adds_candidates(project_path: Path, capsys,
                                                         tmp_path: Path) -> None:
    import shutil

    path = tmp_path / "copy.factdesk"
    shutil.copy(project_path, path)
    shown = _claims(capsys, str(path))
    every = _claims(capsys, str(path), "--all")
    assert shown and len(shown) < len(every)
    assert all(c["shown"] and c["score"] >= DEFAULT_THRESHOLD for c in shown)
    assert [c["score"] for c in shown] == sorted((c["score"] for c in shown), reverse=True)
    assert all(isinstance(c["reason"], str) for c in every)
    # a sentence marked by hand is shown whatever its score, first in its article
    with Project.open(path) as project:
        article = project.articles.ids()[0]
        text = project.articles.get(article).text
        words = "Entire families in certain areas."
        start = text.index(words)
        command = MarkClaim(article, start, start + len(words))
        UndoStack(project).push(command)
        manual_id = command.claim_id
    shown = _claims(capsys, str(path))
    assert shown[0]["id"] == manual_id and shown[0]["origin"] == "manual"
    # the project's settings decide: a lower threshold with no cap shows more, a
    # smaller share fewer (the hand-marked claim stays, outside the budget)
    with Project.open(path) as project:
        project.settings.set("claim_threshold", 0.2)
        project.settings.set("claim_share", 1.0)
    assert len(_claims(capsys, str(path))) > len(shown)
    with Project.open(path) as project:
        project.settings.set("claim_threshold", DEFAULT_THRESHOLD)
        project.settings.set("claim_share", 0.05)
        (summary,) = project.articles.summaries(project.triage())
    fewer = _claims(capsys, str(path))
    assert len(fewer) < len(shown) and fewer[0]["id"] == manual_id
    automatic = [c for c in fewer if c["origin"] == "detected"]
    assert len(automatic) == claim_budget(summary.sentences, 0.05)
    assert min(c["score"] for c in automatic) >= max(
        c["score"] for c in _claims(capsys, str(path), "--all")
        if c["origin"] == "detected" and not c["shown"])


def test_score_keeps_one_object_per_line_in_order(tmp_path: Path, capsys, nlp) -> None:
    lines = ["Ukrainian officials said more than 400 bodies were found near Izium.",
             "",
             "Thank you very much, it's good to be here.",
             "Russian troops left Izium four days ago, the governor said."]
    path = tmp_path / "lines.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["score", str(path)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["sentence"] for r in rows] == lines
    assert all(r["claim"] == (r["score"] >= DEFAULT_THRESHOLD) for r in rows)
    assert [r["claim"] for r in rows] == [True, False, False, True]
    assert rows[0]["reason"].startswith("number")


def test_articles_count_the_shown_claims_and_the_candidates(project_path: Path, capsys,
                                                            tmp_path: Path) -> None:
    import shutil

    path = tmp_path / "copy.factdesk"
    shutil.copy(project_path, path)
    shown, every = _claims(capsys, str(path)), _claims(capsys, str(path), "--all")
    with Project.open(path) as project:
        (summary,) = project.articles.summaries(project.triage())
    assert (summary.shown, summary.claims) == (len(shown), len(every))
    assert summary.candidates == len(every) - len(shown) > 0
    capsys.readouterr()
    assert main(["articles", str(path)]) == 0
    assert f"\t{len(shown)} claims (+{len(every) - len(shown)} candidates), " in \
        capsys.readouterr().out
    assert main(["articles", str(path), "--json"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert (row["shown"], row["candidates"], row["claims"]) == (
        len(shown), len(every) - len(shown), len(every))
    # a judged candidate is shown (as in the window), and so is one marked by hand
    candidate = next(c for c in every if not c["shown"])
    with Project.open(path) as project:
        project.verdicts.set_field(candidate["id"], "status", "in progress", "test")
        text = project.articles.get(candidate["article"]).text
        words = "Entire families in certain areas."
        start = text.index(words)
        UndoStack(project).push(MarkClaim(candidate["article"], start, start + len(words)))
        (after,) = project.articles.summaries(project.triage())
        assert (after.shown, after.claims) == (summary.shown + 2, summary.claims + 1)
        assert after.shown == len(_claims(capsys, str(path)))
        # the project's threshold and share decide: a lower threshold without a cap
        # shows more
        assert project.articles.summaries(Triage(0.2, 1.0))[0].shown > after.shown
