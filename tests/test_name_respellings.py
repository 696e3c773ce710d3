"""One person whose given name an outlet misspells, and "Mr." / "Mrs." of one family.

"Duval Patrick" in one outlet and "Deval Patrick" in two others are the governor, his
name misspelled once: one person, the difference flagged as a spelling. Two names, not
a slip ("Mark Kelly" / "Mike Kelly": three letters; "Dale" / "Dave": too short to
tell), a man's and a woman's name ("Denis" / "Denise"), a family ("Barack" / "Michelle
Obama") or two spellings one article writes as two people ("Karen" and "Karin Smith")
stay apart. "Mrs. Clinton" in an article naming Hillary and Bill Clinton is Hillary,
"Mr. Clinton" Bill (the honorific's gender against their given names').
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factdesk.nlp.aliases import AliasResolver
from factdesk.nlp.person_identity import (
    ArticlePeople,
    honorific_gender_in,
    identify,
    same_person,
)
from factdesk.nlp.person_names import persons_respelled, respelled_apart

P = "PERSON"


def test_a_given_name_one_slip_apart_may_be_one_person() -> None:
    assert persons_respelled("Duval Patrick", "Deval Patrick")
    assert persons_respelled("Gov. Duval Patrick", "Deval L. Patrick")
    assert persons_respelled("Karen Smith", "Karin Smith")  # one unless told apart
    for x, y in (("Mark Kelly", "Mike Kelly"),  # three edits: two names
                 ("Jan Smith", "Jon Smith"), ("Dale Kelly", "Dave Kelly"),  # too short
                 ("Denis Walsh", "Denise Walsh"), ("Shane Walsh", "Shana Walsh"),  # genders
                 ("Barack Obama", "Michelle Obama"),  # a family
                 ("Duval Patrick", "Deval Smith"),  # another surname
                 ("Deval Patrick", "Neval Patrick")):  # another first letter
        assert not persons_respelled(x, y), (x, y)


def test_the_resolver_merges_a_misspelling_into_the_most_written_spelling() -> None:
    names = [("Duval Patrick", P), ("Deval Patrick", P), ("Patrick", P)]
    found = AliasResolver({}, (), {"Deval Patrick": 2, "Duval Patrick": 1}).resolve(names)
    assert set(found.values()) == {"Deval Patrick"}
    found = AliasResolver({}, (), {"Deval Patrick": 1, "Duval Patrick": 2}).resolve(names)
    assert set(found.values()) == {"Duval Patrick"}  # the outlets' majority decides
    kelly = AliasResolver().resolve([("Mark Kelly", P), ("Mike Kelly", P), ("Kelly", P)])
    assert kelly["Mark Kelly"] != kelly["Mike Kelly"]
    # Zelenskyy / Zelenskiy / Zelensky and Izium / Izyum stay merged
    found = AliasResolver().resolve([("Volodymyr Zelenskyy", P), ("Zelenskiy", P),
                                     ("Zelensky", P), ("Izium", "GPE"), ("Izyum", "GPE")])
    assert len({found["Zelenskiy"], found["Zelensky"], found["Volodymyr Zelenskyy"]}) == 1
    assert found["Izium"] == found["Izyum"]


def test_two_spellings_one_article_writes_are_two_people() -> None:
    apart = respelled_apart([["Karen Smith", "Karin Smith", "Smith"], ["Karen Smith"]])
    assert apart == {("Karen Smith", "Karin Smith")}
    found = AliasResolver({}, apart).resolve([("Karin Smith", P), ("Karen Smith", P)])
    assert found["Karin Smith"] != found["Karen Smith"]
    found = AliasResolver().resolve([("Karin Smith", P), ("Karen Smith", P)])
    assert found["Karin Smith"] == found["Karen Smith"]


def test_honorifics_keep_a_couple_apart_in_the_alias_resolution() -> None:
    """"Mrs. Clinton" never joins Bill Clinton, and goes to Hillary where both are
    named; "Clinton" alone, either of them, stays undecided."""
    names = [("Bill Clinton", P), ("Hillary Clinton", P), ("Mrs. Clinton", P),
             ("Mr. Clinton", P), ("Clinton", P)]
    found = AliasResolver().resolve(names)
    assert found["Mrs. Clinton"] == "Hillary Clinton"
    assert found["Mr. Clinton"] == "Bill Clinton"
    assert found["Clinton"] == "Clinton"
    found = AliasResolver().resolve([("Bill Clinton", P), ("Mrs. Clinton", P),
                                     ("Mr. Clinton", P)])
    assert found["Mrs. Clinton"] == "Mrs. Clinton" and found["Mr. Clinton"] == "Bill Clinton"
    # a user alias still wins
    found = AliasResolver({"Mrs. Clinton": "Bill Clinton"}).resolve(
        [("Bill Clinton", P), ("Mrs. Clinton", P)])
    assert found["Mrs. Clinton"] == "Bill Clinton"


def test_an_honorific_tells_which_of_two_namesakes_a_surname_is() -> None:
    text = ("When Mrs. Clinton arrived, some chanted. Mr. Clinton waited beside Jimmy "
            "Carter.")
    assert honorific_gender_in("When Mrs. Clinton arrived", "Clinton") == "f"
    assert honorific_gender_in("Mr. Clinton waited", "Clinton") == "m"
    assert honorific_gender_in(text, "Clinton") is None  # both: no one gender
    assert honorific_gender_in("Clinton waited", "Clinton") is None
    both = ArticlePeople.of([("Hillary Clinton", "Hillary Clinton"),
                             ("Bill Clinton", "Bill Clinton")])
    mrs = identify("Clinton", "Clinton", both, gender="f")
    mr = identify("Clinton", "Clinton", both, gender="m")
    assert mrs is not None and mrs.name == "Hillary Clinton"
    assert mr is not None and mr.name == "Bill Clinton"
    assert same_person(mrs, identify("Bill Clinton")) is False
    assert same_person(mr, identify("Bill Clinton")) is True
    # "Mrs. Trump" where the article names only Donald Trump in full is not him
    donald = ArticlePeople.of([("Donald Trump", "Donald Trump")])
    mrs_trump = identify("Trump", "Trump", donald, gender="f")
    assert mrs_trump is not None and not mrs_trump.given
    assert same_person(mrs_trump, identify("Donald Trump")) is False
    assert same_person(mrs_trump, identify("Melania Trump")) is True
    # BASIL dev (nyt): "Mr. Obama" in an article naming only Malia Obama in full is not
    # she, nor Sasha, and not "Mrs. Obama" of another outlet
    malia = ArticlePeople.of([("Malia Obama", "Malia Obama")])
    mr_obama = identify("Obama", "Obama", malia, gender="m")
    assert mr_obama is not None and not mr_obama.given
    assert same_person(mr_obama, identify("Sasha Obama")) is False
    assert same_person(mr_obama, identify("Barack Obama")) is True
    assert same_person(mr_obama, identify("Obama", "Obama", gender="f")) is False


ARTICLES = {
    "duval": ("Alpha", "Massachusetts Gov. Duval Patrick on Wednesday picked William Cowan, "
                       "his former chief of staff, to fill the Senate seat of John Kerry. "
                       "Patrick said Cowan would not run in the special election in June."),
    "deval": ("Beta", "Gov. Deval Patrick on Wednesday appointed William Cowan, his former "
                      "chief of staff, to the Senate seat left by John Kerry. Patrick said "
                      "Cowan would not run in the special election in June."),
    "deval-2": ("Gamma", "Deval Patrick named William Cowan, a Boston lawyer, to the Senate "
                         "on Wednesday."),
    "clintons": ("Alpha", "Hillary Clinton and Bill Clinton attended the inauguration on "
                          "Friday. When Mrs. Clinton arrived at the Capitol, some in the "
                          "crowd chanted. Mr. Clinton waited beside Jimmy Carter."),
    "bill": ("Gamma", "Bill Clinton arrived at the Capitol on Friday to attend the "
                      "inauguration, and some in the crowd chanted."),
}


@pytest.fixture(scope="module")
def matched(tmp_path_factory: pytest.TempPathFactory, nlp):  # noqa: ANN001, ANN201
    """One project of :data:`ARTICLES`, read by the real pipeline and matched."""
    from factdesk.core.analysis import analyse_articles
    from factdesk.core.importing import store_parsed
    from factdesk.core.project import Project
    from factdesk.ingest import parse_pasted

    path = tmp_path_factory.mktemp("respelled") / "respelled.factdesk"
    ids = {}
    with Project.open(path) as project:
        for name, (outlet, text) in ARTICLES.items():
            ids[name] = store_parsed(project, parse_pasted(
                text, title=f"{outlet} report {len(ids) + 1}", outlet=outlet,
                published="2013-01-30"))[0]
        analyse_articles(project, list(ids.values()), n_process=1)
    return path, ids


def _claim(project, article_id: int, words: str):  # noqa: ANN001, ANN202
    found = [c for c in project.claims.for_article(article_id) if words in c.text]
    assert found, (words, [c.text for c in project.claims.for_article(article_id)])
    return found[0]


def _link(project, a, b):  # noqa: ANN001, ANN202
    found = [m for m in project.matches.for_claim(a.id) if b.id in (m.claim_a, m.claim_b)]
    assert found, (a.text, b.text)
    return found[0]


def _reason(project, link, a, b) -> str:  # noqa: ANN001
    from factdesk.core.claim_facts import stored_claim_facts
    from factdesk.matching.panel import match_reason

    outlet = {x.id: x.outlet for x in project.articles.all()}
    return match_reason(stored_claim_facts(project, a, outlet[a.article_id]),
                        stored_claim_facts(project, b, outlet[b.article_id]),
                        link.discrepancies)


@pytest.mark.slow
def test_a_misspelled_governor_is_one_person_and_the_spelling_is_flagged(
        matched) -> None:  # noqa: ANN001
    from factdesk.core.project import Project

    path, ids = matched
    with Project.open(path) as project:
        forms = {m.text: m.canonical for m in project.entities.mentions()
                 if m.label == "PERSON" and "Patrick" in m.text}
        assert set(forms.values()) == {"Deval Patrick"}, forms
        duval = _claim(project, ids["duval"], "picked")
        deval = _claim(project, ids["deval"], "appointed")
        link = _link(project, duval, deval)
        assert link.relation == "same fact"
        assert [d["kind"] for d in link.discrepancies] == ["name"]
        assert "name spelled Duval vs Deval" in _reason(project, link, duval, deval)


@pytest.mark.slow
def test_mrs_clinton_is_not_bill_clinton(matched) -> None:  # noqa: ANN001
    from factdesk.core.project import Project

    path, ids = matched
    with Project.open(path) as project:
        mrs = _claim(project, ids["clintons"], "Mrs. Clinton arrived")
        bill = _claim(project, ids["bill"], "arrived")
        link = _link(project, mrs, bill)
        assert link.relation == "conflicting"
        reason = _reason(project, link, mrs, bill)
        assert "actor Hillary Clinton vs Bill Clinton" in reason, reason


def test_people_by_article_lists_each_article_s_person_names(tmp_path: Path) -> None:
    from factdesk.core.importing import store_parsed
    from factdesk.core.project import Project
    from factdesk.ingest import parse_pasted
    from factdesk.model.models import MentionDraft

    with Project.open(tmp_path / "p.factdesk") as project:
        first = store_parsed(project, parse_pasted("Duval Patrick spoke.", title="t",
                                                   outlet="o"))[0]
        second = store_parsed(project, parse_pasted("Deval Patrick spoke.", title="u",
                                                    outlet="p"))[0]
        project.entities.replace_mentions(first, [
            MentionDraft(0, 13, "Duval Patrick", "PERSON", ""),
            MentionDraft(0, 13, "Duval Patrick", "PERSON", ""),
            MentionDraft(14, 19, "Boston", "GPE", "")])
        project.entities.replace_mentions(second, [
            MentionDraft(0, 13, "Deval Patrick", "PERSON", "")])
        assert project.entities.people_by_article() == [["Duval Patrick"],
                                                        ["Deval Patrick"]]
