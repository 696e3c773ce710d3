"""One person or two: people across outlets, told apart by their articles (issue 21).

Real articles read by the real spaCy pipeline into one project, matched as an import
matches them; the people of each article decide who a surname alone is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factdesk.nlp.person_identity import ArticlePeople, identify, same_person

ARTICLES = {
    "clinton-bill": ("Alpha", "Bill Clinton toured a steel plant in Toledo on Monday. Clinton "
                              "said the new trade deal would cost the state about 40,000 jobs "
                              "over the next decade."),
    "clinton-hillary": ("Beta", "Hillary Clinton toured a steel plant in Toledo on Monday. "
                                "Clinton said the new trade deal would cost the state about "
                                "40,000 jobs over the next decade."),
    "trump-son": ("Alpha", "Donald Trump Jr. met a Russian lawyer at Trump Tower in June 2016. "
                           "Donald Trump Jr. said the meeting was mostly about adoptions."),
    "trump-father": ("Beta", "Donald Trump Jr. met a Russian lawyer at Trump Tower in June "
                             "2016. President Trump said the meeting was mostly about "
                             "adoptions."),
    "inslee-full": ("Alpha", "Washington Gov. Jay Inslee signed the paid leave bill in Olympia "
                             "on Tuesday. Inslee said the law would protect 300,000 workers."),
    "inslee-title": ("Beta", "Gov. Inslee signed the paid leave bill in Olympia on Tuesday, "
                             "saying the law would protect 300,000 workers."),
    "inslee-bare": ("Gamma", "Inslee said on Tuesday that the paid leave law would protect "
                             "300,000 workers."),
    "zelenskyy": ("Alpha", "Volodymyr Zelenskyy visited the recaptured city of Izium on "
                           "Wednesday."),
    "zelenskiy": ("Beta", "Zelenskiy visited the recaptured city of Izyum on Wednesday."),
    "zelensky": ("Gamma", "Ukrainian President Zelensky on Wednesday visited the recaptured "
                          "city of Izium."),
    "putin-full": ("Alpha", "Vladimir Putin said on Friday that the talks in Istanbul had "
                            "failed."),
    "putin-mr": ("Beta", "Mr. Putin said on Friday that the talks in Istanbul had failed."),
}


@pytest.fixture(scope="module")
def matched(tmp_path_factory: pytest.TempPathFactory, nlp):  # noqa: ANN001, ANN201
    """One project of all :data:`ARTICLES`, read and matched: (project path, article id
    by name)."""
    from factdesk.core.analysis import analyse_articles
    from factdesk.core.importing import store_parsed
    from factdesk.core.project import Project
    from factdesk.ingest import parse_pasted

    path = tmp_path_factory.mktemp("people") / "people.factdesk"
    ids = {}
    with Project.open(path) as project:
        for name, (outlet, text) in ARTICLES.items():
            ids[name] = store_parsed(project, parse_pasted(
                text, title=f"{outlet} report {len(ids) + 1}", outlet=outlet,
                published="2022-09-14"))[0]
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


def _facts(project, claim):  # noqa: ANN001, ANN202
    from factdesk.matching.discrepancies import ClaimFacts

    article = project.articles.get(claim.article_id)
    return ClaimFacts.from_claim(claim, None, article.outlet,
                                 tuple(project.entities.people(claim.article_id)))


def _open(matched):  # noqa: ANN001, ANN202
    from factdesk.core.project import Project

    return Project.open(matched[0])


@pytest.mark.slow
def test_a_surname_alone_is_the_one_its_article_names(matched) -> None:  # noqa: ANN001
    """Alpha's "Clinton said" is Bill Clinton, Beta's Hillary Clinton: the same words
    from two speakers are flagged, naming who each outlet's Clinton is."""
    from factdesk.core.claim_facts import stored_claim_facts
    from factdesk.matching.discrepancies import same_speaker
    from factdesk.matching.panel import match_reason

    _, ids = matched
    with _open(matched) as project:
        bill = _claim(project, ids["clinton-bill"], "Clinton said")
        hillary = _claim(project, ids["clinton-hillary"], "Clinton said")
        assert same_speaker(_facts(project, bill), _facts(project, hillary)) is False
        link = _link(project, bill, hillary)
        assert link.relation == "conflicting"
        (actor,) = [d for d in link.discrepancies if d["kind"] == "actor"]
        assert "Bill Clinton" in actor["explanation"]
        assert "Hillary Clinton" in actor["explanation"]
        # the panel's line reads the articles' people too: no Clinton shared
        reason = match_reason(stored_claim_facts(project, bill, "Alpha"),
                              stored_claim_facts(project, hillary, "Beta"),
                              link.discrepancies)
        assert "Both: Clinton" not in reason, reason
        assert "differs: actor Bill Clinton vs Hillary Clinton" in reason, reason
        # the visits are told apart too: one who, two people
        visit_bill = _claim(project, ids["clinton-bill"], "toured")
        visit_hillary = _claim(project, ids["clinton-hillary"], "toured")
        link = _link(project, visit_bill, visit_hillary)
        assert link.relation == "conflicting"
        assert [d["kind"] for d in link.discrepancies] == ["actor"]


@pytest.mark.slow
def test_the_son_and_the_father_are_two_people_where_the_article_says_so(
        matched) -> None:  # noqa: ANN001
    """Beta names "Donald Trump Jr." and then "President Trump": the title tells the
    father from the son, so Alpha's "Donald Trump Jr. said" is another speaker."""
    from factdesk.matching.discrepancies import same_speaker

    _, ids = matched
    with _open(matched) as project:
        son = _claim(project, ids["trump-son"], "said the meeting")
        father = _claim(project, ids["trump-father"], "President Trump said")
        assert same_speaker(_facts(project, son), _facts(project, father)) is False
        link = _link(project, son, father)
        assert link.relation == "conflicting"
        assert any(d["kind"] == "actor" for d in link.discrepancies)
        # the meeting itself is one fact in both
        met_a = _claim(project, ids["trump-son"], "met a Russian lawyer")
        met_b = _claim(project, ids["trump-father"], "met a Russian lawyer")
        assert _link(project, met_a, met_b).relation == "same fact"


@pytest.mark.slow
def test_a_governor_by_full_name_title_or_surname_is_one_person(matched) -> None:  # noqa: ANN001
    """"Jay Inslee", "Gov. Inslee" and "Inslee" in three outlets: one speaker, one fact."""
    from factdesk.matching.discrepancies import same_speaker

    _, ids = matched
    with _open(matched) as project:
        full = _claim(project, ids["inslee-full"], "Inslee said")
        title = _claim(project, ids["inslee-title"], "Gov. Inslee")
        bare = _claim(project, ids["inslee-bare"], "Inslee said")
        for a, b in ((full, title), (full, bare), (title, bare)):
            assert same_speaker(_facts(project, a), _facts(project, b)) is True
            link = _link(project, a, b)
            assert link.relation == "same fact", (a.text, b.text, link)
            assert not [d for d in link.discrepancies
                        if d["kind"] in {"actor", "attribution"}], link.discrepancies


@pytest.mark.slow
def test_one_name_in_three_romanisations_is_one_person(matched) -> None:  # noqa: ANN001
    """Zelenskyy / Zelenskiy / Zelensky: the same visit, at most a spelling note."""
    _, ids = matched
    with _open(matched) as project:
        claims = [_claim(project, ids[name], "visited")
                  for name in ("zelenskyy", "zelenskiy", "zelensky")]
        for i, a in enumerate(claims):
            for b in claims[i + 1:]:
                link = _link(project, a, b)
                assert link.relation == "same fact", (a.text, b.text, link)
                assert {d["severity"] for d in link.discrepancies} <= {"variant"}


@pytest.mark.slow
def test_an_honorific_and_a_full_name_are_one_speaker(matched) -> None:  # noqa: ANN001
    """"Mr. Putin said" / "Vladimir Putin said": one speaker, the same fact."""
    from factdesk.matching.discrepancies import same_speaker

    _, ids = matched
    with _open(matched) as project:
        full = _claim(project, ids["putin-full"], "Putin said")
        mister = _claim(project, ids["putin-mr"], "Putin said")
        assert same_speaker(_facts(project, full), _facts(project, mister)) is True
        link = _link(project, full, mister)
        assert link.relation == "same fact"
        assert not link.discrepancies


def test_a_surname_of_an_article_naming_two_namesakes_is_undecided() -> None:
    """An article naming Hillary and Bill Clinton leaves its "Clinton" open against
    either, and tells it from a Clinton it does not name."""
    both = ArticlePeople.of([("Hillary Clinton", "Hillary Clinton"),
                             ("Bill Clinton", "Bill Clinton"), ("Clinton", "Clinton")])
    clinton = identify("Clinton", "Clinton", both)
    assert clinton is not None and not clinton.given
    assert same_person(clinton, identify("Hillary Clinton")) is None
    assert same_person(clinton, identify("Chelsea Clinton")) is False
    one = ArticlePeople.of([("Hillary Clinton", "Hillary Clinton")])
    assert same_person(identify("Clinton", "Clinton", one), identify("Bill Clinton")) is False
    # nothing in its article against it: a surname alone agrees with the full name
    assert same_person(identify("Clinton"), identify("Bill Clinton")) is True


def test_given_names_agree_by_initial_middle_name_and_nickname() -> None:
    for x, y in (("A. Barry Rand", "Barry Rand"), ("Dick Blumenthal", "Richard Blumenthal"),
                 ("Secretary of the Interior Ryan Zinke", "Ryan Zinke"),
                 ("Bill Clinton", "William J. Clinton")):
        assert same_person(identify(x), identify(y)) is True, (x, y)
    for x, y in (("John F. Kennedy", "Robert F. Kennedy"), ("Mary Cheney", "Liz Cheney")):
        assert same_person(identify(x), identify(y)) is False, (x, y)


def test_people_of_an_article_are_read_from_stored_mentions(tmp_path: Path) -> None:
    """The article's person mentions come from the project file, in reading order."""
    from factdesk.core.project import Project
    from factdesk.model.models import MentionDraft

    with Project.open(tmp_path / "p.factdesk") as project:
        from factdesk.core.importing import store_parsed
        from factdesk.ingest import parse_pasted

        article_id = store_parsed(project, parse_pasted(
            "Bill Clinton spoke. Clinton left Ohio.", title="t", outlet="o"))[0]
        project.entities.replace_mentions(article_id, [
            MentionDraft(20, 27, "Clinton", "PERSON", "Bill Clinton"),
            MentionDraft(0, 12, "Bill Clinton", "PERSON", "Bill Clinton"),
            MentionDraft(33, 37, "Ohio", "GPE", "Ohio"),
        ])
        assert project.entities.people(article_id) == [
            ("Bill Clinton", "Bill Clinton"), ("Clinton", "Bill Clinton")]


def test_compare_tells_the_two_clintons_apart(compare) -> None:  # noqa: ANN001
    """``factdesk compare``: each text is its own article; "Clinton said" follows the
    full name each text gives."""
    from datetime import date

    relation, found, reason = compare(
        "Bill Clinton toured a plant in Toledo. Clinton said the trade deal would cost "
        "40,000 jobs.",
        "Hillary Clinton toured a plant in Toledo. Clinton said the trade deal would cost "
        "40,000 jobs.", date(2016, 3, 7))
    assert relation == "conflicting"
    (actor,) = [d for d in found if d["kind"] == "actor"]
    assert {actor["a_text"], actor["b_text"]} == {"Bill Clinton", "Hillary Clinton"}
    assert "Bill Clinton vs Hillary Clinton" in reason
