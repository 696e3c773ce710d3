"""Article-level story similarity, used to keep "related" suggestions within a story."""

from __future__ import annotations

from factdesk.matching.article_context import (
    SAME_STORY_MIN,
    SAME_STORY_MIN_APART,
    STORY_WINDOW_DAYS,
    ArticleContext,
)
from factdesk.matching.candidate_index import CandidateIndex

ARTICLES = {
    1: ["ent:izium zelensky visit flag ceremony", "ent:izium mass grave body 450",
        "ent:kharkiv recapture counteroffensive"],
    2: ["ent:izium flag raise zelensky", "ent:izium grave 440 body exhume",
        "russia deny target civilian"],
    3: ["ent:senate vote budget bill", "ent:schumer budget deficit say",
        "russia sanction bill vote"],
}


def _context() -> ArticleContext:
    index = CandidateIndex()
    terms = {aid: [t for claim in claims for t in claim.split()]
             for aid, claims in ARTICLES.items()}
    index.add_many((aid * 100 + i, aid, claim.split())
                   for aid, claims in ARTICLES.items() for i, claim in enumerate(claims))
    return ArticleContext(lambda aid: terms[aid], index.idf)


def test_articles_on_one_story_are_similar_and_others_are_not() -> None:
    context = _context()
    assert context.similarity(1, 2) >= SAME_STORY_MIN and context.same_story(2, 1)
    assert context.similarity(1, 3) < SAME_STORY_MIN and not context.same_story(3, 2)
    assert context.similarity(2, 2) == 1.0
    assert context.similarity(1, 2) == context.similarity(2, 1)


def test_idf_of_unknown_terms_counts_them_as_rare() -> None:
    index = CandidateIndex()
    index.add_many([(1, 1, ["common", "rare"]), (2, 2, ["common"])])
    common, rare, unseen = index.idf(["common", "rare", "never-seen"])
    assert common < rare <= unseen


def test_a_short_article_is_judged_by_what_the_long_one_covers() -> None:
    index = CandidateIndex()
    long_terms = [f"word{i}" for i in range(300)] + ["ent:izium", "zelensky", "flag"]
    short_terms = ["ent:izium", "zelensky", "flag", "visit"]
    index.add_many([(1, 1, long_terms), (2, 2, short_terms), (3, 3, ["other", "story"])])
    terms = {1: long_terms, 2: short_terms, 3: ["other", "story"]}
    context = ArticleContext(lambda aid: terms[aid], index.idf)
    assert context.same_story(1, 2)
    assert not context.same_story(2, 3)


def test_articles_far_apart_in_time_must_be_much_closer_to_be_one_story() -> None:
    index = CandidateIndex()
    shared = ["ent:congress", "shutdown", "wall", "funding", "border"]
    terms = {1: shared + ["deal", "reopen", "sign", "vote", "ent:mcconnell"],
             2: shared + ["deal", "reopen", "sign", "ent:pelosi"],
             3: shared + ["begin", "demand", "veto", "ent:schumer"]}
    index.add_many((aid, aid, t) for aid, t in terms.items())
    dates = {1: "2019-01-25", 2: "2019-01-26", 3: "2018-12-22"}
    undated = ArticleContext(lambda aid: terms[aid], index.idf)
    dated = ArticleContext(lambda aid: terms[aid], index.idf, dates.get)
    gap_similarity = undated.similarity(1, 3)
    assert SAME_STORY_MIN <= gap_similarity < SAME_STORY_MIN_APART
    assert undated.same_story(1, 3)  # without dates only the vocabulary speaks
    assert dated.days_apart(1, 3) == 34 and not dated.same_story(1, 3)
    assert dated.days_apart(1, 2) == 1 and dated.same_story(1, 2)
    # a date that is missing or unreadable falls back to the vocabulary alone
    partial = ArticleContext(lambda aid: terms[aid], index.idf,
                             {1: "2019-01-25", 3: "not a date"}.get)
    assert partial.days_apart(1, 3) is None and partial.same_story(1, 3)
    assert STORY_WINDOW_DAYS < 34


def test_a_running_story_s_next_event_a_week_later_is_another_story() -> None:
    # one outlet's article on a shutdown deal offered one Saturday and another's on the
    # reopening agreed six days later: alike in vocabulary, two events
    index = CandidateIndex()
    shared = ["ent:trump", "shutdown", "wall", "funding", "border", "ent:pelosi"]
    terms = {1: shared + ["offer", "dreamer", "protection", "ent:schumer"],
             2: shared + ["reopen", "three", "week", "ent:mcconnell"],
             3: shared + ["offer", "dreamer", "reject", "ent:hoyer"]}
    index.add_many((aid, aid, t) for aid, t in terms.items())
    dates = {1: "2019-01-19", 2: "2019-01-25", 3: "2019-01-20"}
    undated = ArticleContext(lambda aid: terms[aid], index.idf)
    dated = ArticleContext(lambda aid: terms[aid], index.idf, dates.get)
    assert SAME_STORY_MIN <= undated.similarity(1, 2) < SAME_STORY_MIN_APART
    assert dated.days_apart(1, 2) == 6 > STORY_WINDOW_DAYS
    assert not dated.same_story(1, 2)
    # the other outlet's article on the offer, a day later, is the same story
    assert dated.same_story(1, 3)
