""""Same fact" means same fact: a floor on shared content (issue 21, samefact).

Sentences are BASIL's (Fan et al., EMNLP 2019; development events ``1f99798f``, the
suspicious packages of October 2018, and ``58f414e5``, the congressional baseball
shooting), read by the real spaCy model and rated by the shipped pair model
(``factdesk.core.comparing``). A checker's review found "same fact" for:

* two sentences with next to nothing in common, on the same-fact head alone
  (probability 0.46, graded similarity 0.11);
* two quotes by two different speakers;

and "related" cards on one shared state name.
"""

from __future__ import annotations

from datetime import date

import pytest

from factdesk.core.comparing import compare_texts, rate_texts
from factdesk.matching.discrepancies import ClaimFacts
from factdesk.matching.relations import (
    MODEL_SIMILARITY_FLOOR,
    RELATED_SCORE_FLOOR,
    decide,
    other_speakers_words,
)

PUBLISHED = date(2018, 10, 26)
THRESHOLDS = {"same_threshold": 0.435, "related_threshold": 0.341, "event_threshold": 0.475}

DUCKS = "“We were like sitting ducks.”"
PELOSI = "Ms. Pelosi sat for an interview alongside Speaker Paul D. Ryan, Republican of Wisconsin."
HEADLINE = "Suspect arrested in Florida in connection with suspicious packages sent to Democrats"
SEARCH = ("Authorities have heightened their search in Florida, as several of the packages "
          "may have passed through the state.")
ORIGINATED = "“They originated, some of them, from Florida."
TRUMP = "“We must never allow political violence to take root in America,” Trump said."
STEYER = ("“We’re thankful that everyone we work with at NextGen America and Need to Impeach "
          "is safe,” Steyer said in a statement Friday.")
BARTH_NYT = ("Among those on the field before the game was Representative Roger Williams, "
             "Republican of Texas, whose aide Zachary Barth was shot at the practice.")
BARTH_HPO = "Zachary Barth, a staffer for Rep. Roger Williams (R-Texas), was shot in the leg."


@pytest.fixture(scope="module")
def rated(nlp):  # noqa: ARG001 - skips without the spaCy model
    pairs = [(DUCKS, PELOSI), (HEADLINE, SEARCH), (ORIGINATED, SEARCH), (TRUMP, STEYER),
             (BARTH_NYT, BARTH_HPO)]
    return dict(zip(pairs, rate_texts(pairs, published=PUBLISHED), strict=True))


def _facts(r) -> tuple[ClaimFacts, ClaimFacts]:
    return (ClaimFacts.from_claim(r.a, PUBLISHED), ClaimFacts.from_claim(r.b, PUBLISHED))


def test_the_same_fact_head_alone_needs_shared_meaning(rated) -> None:
    r = rated[(DUCKS, PELOSI)]
    # the head says yes under its overrule bound, the graded similarity is now computed
    assert r.similarity is not None and r.similarity < MODEL_SIMILARITY_FLOOR
    a, b = _facts(r)
    assert decide(r.probability, r.similarity, a, b, **THRESHOLDS).relation != "same fact"
    # the same probability with sentences alike in meaning still decides
    assert decide(max(r.probability, 0.5), 0.6, a, b, **THRESHOLDS).relation == "same fact"


def test_a_lone_shared_state_is_no_relation() -> None:
    found = compare_texts([(ORIGINATED, SEARCH)], published=PUBLISHED)[0]
    assert found.relation == "unrelated"


def test_two_speakers_own_words_are_not_one_fact(rated) -> None:
    r = rated[(TRUMP, STEYER)]
    a, b = _facts(r)
    assert other_speakers_words(a, b)
    assert not other_speakers_words(a, a)
    # even where the heads would say yes, two speakers' different words are not one fact
    relation = decide(0.6, 0.5, a, b, **THRESHOLDS, event=0.9)
    assert relation.relation != "same fact"


def test_related_below_the_score_floor_is_dropped(rated) -> None:
    r = rated[(DUCKS, PELOSI)]
    a, b = _facts(r)
    # similar enough to be "related" by wording, but the heads' score is near nothing
    low = decide(0.001, 0.5, a, b, **THRESHOLDS, term_similarity=0.5, event=0.0)
    assert low.relation is None and low.score < RELATED_SCORE_FLOOR
