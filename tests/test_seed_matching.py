"""The matching must-shows on the seed articles, with the real spaCy model and pair model.

The demo project is built from ``seeds/`` (import, extraction, matching), then its
matches are checked the way a careful reader would link the three outlets' sentences.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factdesk.core.project import Project
from factdesk.matching.discrepancies import ClaimFacts
from factdesk.matching.pair_score import RELATED_MARGIN
from factdesk.matching.relations import decide
from factdesk.model.models import Claim


@pytest.fixture(scope="module")
def demo(nlp, tmp_path_factory: pytest.TempPathFactory) -> Project:
    from factdesk.core.demo import build_demo

    folder = tmp_path_factory.mktemp("seed-matching")
    path = build_demo(Path(folder) / "demo.factdesk")
    project = Project.open(path, read_only=True)
    yield project
    project.close()


def _claims(project: Project) -> dict[str, list[Claim]]:
    by_outlet: dict[str, list[Claim]] = {}
    for aid in project.articles.ids():
        article = project.articles.get(aid)
        by_outlet[article.outlet] = project.claims.for_article(aid)
    return by_outlet


def _one(claims: list[Claim], words: str) -> Claim:
    found = [c for c in claims if words in c.text]
    assert len(found) == 1, (words, [c.text for c in found])
    return found[0]


def _relation(project: Project, a: Claim, b: Claim) -> tuple[str | None, list]:
    for m in project.matches.for_claim(a.id):
        if {m.claim_a, m.claim_b} == {a.id, b.id}:
            return m.relation, list(m.discrepancies)
    return None, []


def test_headline_is_the_first_claim_of_its_article(demo: Project) -> None:
    afp = _claims(demo)["AFP"]
    assert afp[0].text == "Ukraine's Zelensky visits newly-liberated Kharkiv city 5 days after " \
                          "recapture"
    reuters = _claims(demo)["Reuters"]
    assert reuters[0].text == "Zelenskiy accuses Russia of torture, war crimes"


def test_four_days_against_five_days_is_conflicting(demo: Project) -> None:
    claims = _claims(demo)
    dallas = _one(claims["Dallas Express"], "until four days ago")
    headline = _one(claims["AFP"], "5 days after recapture")
    relation, found = _relation(demo, dallas, headline)
    assert relation == "conflicting"
    dates = [d for d in found if d["kind"] == "date"]
    assert [d["severity"] for d in dates] == ["conflict"]
    text = dates[0]["explanation"]
    assert "four days ago" in text and "5 days after recapture" in text
    assert "AFP" in text and "Dallas Express" in text and "disagree" in text


def test_translated_quote_is_the_same_fact_worded_differently(demo: Project) -> None:
    claims = _claims(demo)
    dallas = _one(claims["Dallas Express"], "the same pictures from Bucha")
    reuters = _one(claims["Reuters"], "After Bucha, we’re seeing similar sights")
    relation, found = _relation(demo, dallas, reuters)
    assert relation == "same fact"
    assert any(d["kind"] == "wording" and "Zelensk" in d["explanation"] for d in found)


#: The cross-outlet pairs a careful reader links: (outlet, words) of each side.
CAREFUL_READER_LINKS = (
    (("Dallas Express", "national anthem was sung"),
     ("AFP", "ceremony raising the Ukrainian flag")),
    (("Dallas Express", "national anthem was sung"),
     ("AFP", "on Wednesday visited the east Ukraine city of Izyum")),
    (("Dallas Express", "Russian forces withdrew from the war-torn city"),
     ("AFP", "on Wednesday visited the east Ukraine city of Izyum")),
    (("Dallas Express", "Russian forces withdrew from the war-torn city"),
     ("AFP", "Russia-Ukraine War: Ukraine has claimed sweeping successes")),
    (("Reuters", "In an exclusive interview with Reuters"),
     ("Dallas Express", "the same pictures from Bucha")),
    (("Reuters", "After Bucha, we’re seeing similar sights"),
     ("Dallas Express", "the same pictures from Bucha")),
)


def test_a_careful_readers_links_are_the_same_fact(demo: Project) -> None:
    claims = _claims(demo)
    for (outlet_a, words_a), (outlet_b, words_b) in CAREFUL_READER_LINKS:
        a, b = _one(claims[outlet_a], words_a), _one(claims[outlet_b], words_b)
        relation, _ = _relation(demo, a, b)
        assert relation in ("same fact", "conflicting"), (relation, words_a, words_b)


def test_the_true_match_ranks_first_in_each_claims_panel(demo: Project) -> None:
    from factdesk.matching.panel import panel_order

    claims = _claims(demo)
    for (outlet_a, words_a), (outlet_b, words_b) in CAREFUL_READER_LINKS:
        a, b = _one(claims[outlet_a], words_a), _one(claims[outlet_b], words_b)
        for mine in (a, b):
            ranked = panel_order(demo.matches.for_claim(mine.id))
            true_ids = {_one(claims[o2], w2).id for (o1, w1), (o2, w2) in CAREFUL_READER_LINKS
                        if _one(claims[o1], w1).id == mine.id}
            true_ids |= {_one(claims[o1], w1).id for (o1, w1), (o2, w2) in CAREFUL_READER_LINKS
                         if _one(claims[o2], w2).id == mine.id}
            first = ranked[0]
            other = first.claim_b if first.claim_a == mine.id else first.claim_a
            assert other in true_ids, (mine.text[:50], first.relation, first.score)


def test_bucha_bodies_are_not_izium_bodies(demo: Project) -> None:
    claims = _claims(demo)
    bucha = _one(claims["Dallas Express"], "discovered hundreds of civilians’ bodies")
    for words in ("hundreds of bodies from a mass grave", "more than 400 bodies",
                  "In Izium, we found 450 dead people"):
        izium = _one(claims["Reuters"], words)
        relation, _ = _relation(demo, bucha, izium)
        assert relation in (None, "related"), (relation, words)


def test_look_alikes_about_other_events_are_not_the_same_fact(demo: Project) -> None:
    claims = _claims(demo)
    anthem = _one(claims["Dallas Express"], "national anthem was sung")
    no_proof = _one(claims["Dallas Express"], "have yet to provide proof")
    graves = _one(claims["Reuters"], "As Ukrainian investigators worked to uncover")
    interview = _one(claims["Reuters"], "In an exclusive interview with Reuters")
    visit = _one(claims["AFP"], "on Wednesday visited the east Ukraine city of Izyum")
    for a, b in ((anthem, graves), (no_proof, graves), (graves, visit), (interview, visit)):
        relation, _ = _relation(demo, a, b)
        assert relation in (None, "related"), (relation, a.text[:50], b.text[:50])


def test_matches_only_across_articles(demo: Project) -> None:
    article_of = {c.id: c.article_id for cs in _claims(demo).values() for c in cs}
    matches = [m for cid in article_of for m in demo.matches.for_claim(cid)]
    assert matches
    assert all(article_of[m.claim_a] != article_of[m.claim_b] for m in matches)


def _facts(text: str, kind: str = "other", speaker: str | None = None,
           outlet: str = "") -> ClaimFacts:
    return ClaimFacts(text=text, kind=kind, speaker=speaker, quantities=(), times=(),
                      entities=(), article_date=None, outlet=outlet,
                      is_quote=kind == "quote")


def test_related_pairs_never_reach_the_same_fact_score() -> None:
    a = _facts("Ukrainian investigators uncovered hundreds of bodies in Izium.")
    b = _facts("Ukrainian investigators say the Izium graves prove war crimes.")
    decided = decide(0.1, 0.95, a, b, same_threshold=0.46, related_threshold=0.33)
    assert decided.relation == "related"
    assert decided.score == pytest.approx(0.1)  # the more likely head's probability
    # however sure the heads, a related pair scores below the same-fact threshold, in
    # the order of their probabilities
    sure = decide(0.45, 0.95, a, b, same_threshold=0.46, related_threshold=0.33,
                  event=0.99)
    surer = decide(0.45, 0.95, a, b, same_threshold=0.46, related_threshold=0.33,
                   event=0.999)
    assert (sure.relation, surer.relation) == ("related", "related")
    assert 0.33 < sure.score < surer.score <= 0.46 - RELATED_MARGIN
    assert decide(0.1, 0.2, a, b, same_threshold=0.46, related_threshold=0.33).relation is None
    assert decide(0.5, 0.2, a, b, same_threshold=0.46, related_threshold=0.33).relation == \
        "same fact"


def test_quotes_need_the_same_speaker_to_be_one_quote() -> None:
    a = _facts("“After Bucha, we are seeing similar sights in de-occupied regions.”", "quote",
               "Volodymyr Zelenskiy", "Reuters")
    b = _facts("“We began to see the same pictures from Bucha, from the de-occupied "
               "territories.”", "quote", "Volodymyr Zelenskyy", "Dallas Express")
    same = decide(0.1, 0.5, a, b, same_threshold=0.46, related_threshold=0.33)
    assert (same.relation, same.reason) == ("same fact", "quote")
    assert [d.kind for d in same.discrepancies] == ["wording"]
    other = decide(0.1, 0.5, a, _facts(b.text, "quote", "Antony Blinken"), same_threshold=0.46,
                   related_threshold=0.33)
    assert other.relation == "related"


def test_quotes_alike_only_in_their_attribution_are_not_one_quote() -> None:
    a = _facts("“I’m not in the censorship business,” Ms. Pelosi said.", "quote",
               "Nancy Pelosi")
    b = _facts("“The State of the Union is not planned now,” Ms. Pelosi said.", "quote",
               "Nancy Pelosi")
    decided = decide(0.67, 0.5, a, b, same_threshold=0.51, related_threshold=0.345)
    assert decided.relation == "related" and decided.score < 0.51
    c = _facts("“You cannot trust a guy like this,” Mr. Fox said.", "quote", "Vicente Fox")
    d = _facts("“I’d like to know who those Hispanics are,” Mr. Fox said.", "quote",
               "Vicente Fox")
    assert decide(0.3, 0.6, c, d, same_threshold=0.51, related_threshold=0.345).relation \
        != "same fact"
    # the same quote given twice is still one quote
    e = _facts("“We will not give up an inch of our land,” Zelensky said.", "quote", "Zelensky")
    f = _facts("“We won't give up an inch of land,” said Zelensky.", "quote", "Zelensky")
    assert decide(0.8, 0.7, e, f, same_threshold=0.51, related_threshold=0.345).relation == \
        "same fact"


def test_pairs_shown_unrelated_by_bounds_match_as_exactly_rated_ones(
        demo: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rating pairs first at the bounds of their costly features (and exactly only where
    a relation is still possible) stores exactly the matches full rating stores; a pair
    whose bounds leave a dated event possible (here the Izium visit dated "four days
    ago" and "5 days after") is rated again exactly."""
    import shutil

    from factdesk.core import matching_service

    copy = tmp_path / "copy.factdesk"
    shutil.copy(demo.path, copy)
    rate = matching_service.rate_pairs
    exact_calls: list[int] = []

    def spy(scorer, pairs, exact=False):
        if exact:
            exact_calls.append(len(pairs))
        return rate(scorer, pairs, exact)

    def stored(project: Project) -> list[tuple]:
        rows = []
        for article_id in project.articles.ids():
            for claim in project.claims.for_article(article_id):
                for m in project.matches.for_claim(claim.id):
                    rows.append((m.claim_a, m.claim_b, round(m.score, 12), m.relation,
                                 repr(m.discrepancies)))
        return sorted(set(rows))

    monkeypatch.setattr(matching_service, "rate_pairs", spy)
    with Project.open(copy) as project:
        matching_service.match_articles(project)
        bounded = stored(project)
    monkeypatch.setattr(matching_service, "rate_pairs",
                        lambda scorer, pairs, exact=False: rate(scorer, pairs, True))
    with Project.open(copy) as project:
        matching_service.match_articles(project)
        full = stored(project)
    assert bounded == full
    assert bounded == stored(demo)
    assert exact_calls, "no pair needed exact rating after its bounds"
