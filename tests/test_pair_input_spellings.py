"""The pair model compares names in their canonical spelling (alias-aware matching)."""

from __future__ import annotations

import pytest

from factdesk.core.matching_service import pair_input
from factdesk.matching.pair_model import PairScorer
from factdesk.matching.respelling import canonical_spellings
from factdesk.model.models import Claim


def _claim(text: str, lemmas: str, entities: list[tuple[str, str]], claim_id: int = 1) -> Claim:
    return Claim(id=claim_id, article_id=claim_id, start=0, end=len(text), text=text,
                 prefix="", suffix="", kind="event", score=0.5, speaker=None,
                 origin="detected",
                 entities=tuple({"text": t, "label": "PERSON", "canonical": c}
                                for t, c in entities),
                 lemmas=lemmas)


def test_names_are_respelled_word_for_word_in_text_tokens_and_lemmas() -> None:
    claim = _claim("President Volodymyr Zelenskiy went to Izyum on Wednesday.",
                   "president volodymyr zelenskiy go izyum wednesday ent:volodymyr_zelensky",
                   [("Volodymyr Zelenskiy", "Volodymyr Zelensky"), ("Izyum", "Izium")])
    assert canonical_spellings(claim.entities) == {"zelenskiy": "Zelensky", "izyum": "Izium"}
    view = pair_input(claim)
    assert view.text == "President Volodymyr Zelensky went to Izium on Wednesday."
    assert "zelensky" in view.tokens and "izium" in view.tokens
    assert "zelenskiy" not in view.tokens and "izyum" not in view.tokens
    assert view.lemmas == ("president", "volodymyr", "zelensky", "go", "izium", "wednesday")
    assert view.entities == ("volodymyr zelensky",)


def test_a_surname_merged_with_a_full_name_is_left_as_written() -> None:
    claim = _claim("Zelenskiy spoke.", "zelenskiy speak", [("Zelenskiy", "Volodymyr Zelensky")])
    assert canonical_spellings(claim.entities) == {}
    assert pair_input(claim).text == "Zelenskiy spoke."


def test_two_spellings_of_one_report_score_as_one_spelling_does() -> None:
    scorer = PairScorer.load()
    one = _claim("Zelensky visited Izium on Wednesday, the military said.",
                 "zelensky visit izium wednesday military say", [("Zelensky", "Zelensky"),
                                                                 ("Izium", "Izium")])
    other = _claim("Zelenskiy visited Izyum on Wednesday, the military said.",
                   "zelenskiy visit izyum wednesday military say",
                   [("Zelenskiy", "Zelensky"), ("Izyum", "Izium")], claim_id=2)
    as_written = _claim(other.text, other.lemmas, [("Zelenskiy", "Zelenskiy"),
                                                   ("Izyum", "Izyum")], claim_id=3)
    respelled = scorer.score(pair_input(one), pair_input(other))
    assert respelled == scorer.score(pair_input(one), pair_input(one))
    assert respelled > scorer.score(pair_input(one), pair_input(as_written))


def test_project_spellings_respell_capitalised_words_the_model_missed() -> None:
    from factdesk.matching.respelling import name_respellings

    known = name_respellings([("Zelenskiy", "Zelensky"), ("Izyum", "Izium"),
                              ("Ufa", "Oufa"), ("Smith", "Smyth"), ("Smith", "Smitt"),
                              ("Kyiv's", "Kyiv"), ("Russian", "Russians"),
                              ("Mark", "Marc")])
    # short words, ambiguous words and other words than spellings are not respelled
    assert known == {"zelenskiy": "Zelensky", "izyum": "Izium", "mark": "Marc"}
    claim = _claim("Officials said Zelenskiy went to Izyum's centre.",
                   "official say zelenskiy go izyum centre", [])
    view = pair_input(claim, known)
    assert view.text == "Officials said Zelensky went to Izium's centre."
    assert view.lemmas == ("official", "say", "zelensky", "go", "izium", "centre")


def test_project_spellings_leave_common_words_and_first_words_as_written() -> None:
    from factdesk.matching.respelling import name_respellings

    known = name_respellings([("Mark", "Marc"), ("Izyum", "Izium")])
    # the first word and lower-case words are not taken for names
    claim = _claim("Mark my words, said Mark; the mark is high.",
                   "mark word say mark mark high", [])
    view = pair_input(claim, known)
    assert view.text == "Mark my words, said Marc; the mark is high."
    assert view.lemmas == tuple(claim.lemmas.split())  # "mark" is still written as a word
    lower = _claim("the izyum harvest", "izyum harvest", [])
    assert pair_input(lower, known).text == "the izyum harvest"


@pytest.mark.parametrize(("written", "canonical", "respelled"), [
    ("Zelenskiy", "Zelensky", True), ("Zelenskyy", "Zelensky", True),
    ("Izyum", "Izium", True), ("Pena", "Peña", True), ("Kyiv", "Kiev", True),
    ("Russian", "Russians", False), ("Clinton", "Clintons", False),
    ("Arizona", "Arizonan", False), ("Trump", "John", False), ("Bill", "William", False),
    ("Barack", "Barack]", False), ("Zelensky", "Zelensky", False),
    ("Kyiv's", "Kyiv", False), ("Ukraine", "Ukrainian", False), ("Israel", "Israeli", False),
    ("Paris", "Parisian", False), ("Zelenskyy's", "Zelensky", True),
])
def test_only_other_spellings_of_one_word_are_respelled(written: str, canonical: str,
                                                        respelled: bool) -> None:
    from factdesk.matching.respelling import is_respelling

    assert is_respelling(written, canonical) is respelled


def test_project_spellings_follow_the_mentions(tmp_path) -> None:
    from factdesk.core.matching_service import project_respellings
    from factdesk.core.project import Project
    from factdesk.model.models import MentionDraft

    with Project.open(tmp_path / "p.factdesk") as project:
        with project.transaction():
            article = project.articles.add(
                title="t", outlet="", author="", published=None, url="", source_name="a.txt",
                text="Zelenskiy went to Izyum.", text_hash="h", raw=b"")
            project.entities.replace_mentions(article, [
                MentionDraft(0, 9, "Zelenskiy", "PERSON", "Zelensky")])
        first = project_respellings(project)
        assert first == {"zelenskiy": "Zelensky"}
        with project.transaction():
            project.entities.recanonicalise({"Zelenskiy": "Zelenskyy"})
        assert project_respellings(project) == {"zelenskiy": "Zelenskyy"}
