"""One act named alike, and the story's sum said of other things (issue 21, matchjudge).

Sentences are BASIL's (Fan et al., EMNLP 2019; development event ``1e41e98b``, the 2019
shutdown deal, and ``06ffda2d``, Farenthold's resignation), read by the real spaCy
model and rated by the shipped pair model (``factdesk.core.comparing``):

* Fox News's "the deal would keep the government open for three weeks until Feb. 15"
  had no suggestion: worded like HuffPost's "prepared to sign a bill to open the
  government through Feb. 15" (``worded_alike``), the same-fact head's "no" stood, and
  NYT's "reopen" was another lemma than "open";
* the story's main person with the story's main sum ("Trump", "$5.7 billion") made
  "same fact" of claims saying the sum of other things (the demand, a vote).
"""

from __future__ import annotations

from datetime import date

from factdesk.core.comparing import compare_texts, rate_texts
from factdesk.matching.action_lemmas import means_again, shared_actions
from factdesk.matching.discrepancies import ClaimFacts
from factdesk.matching.event_frames import compare_frames, event_frame, place_key
from factdesk.matching.relations import decide
from factdesk.matching.shared_figures import figure_context, figure_evidence
from factdesk.matching.story_names import (
    STORY_FIGURE_CLAIMS,
    main_figures,
    main_words,
    name_counts,
)

PUBLISHED = date(2019, 1, 25)
THRESHOLDS = {"same_threshold": 0.435, "related_threshold": 0.34, "event_threshold": 0.475}
SUM = ("money", 5.7e9)
#: What the shutdown deal's Fox News and NYT articles give in most of their claims (the
#: project built by ``bench/basil_event.py 1e41e98b``): Trump; $5.7 billion (2 + 2
#: claims); "wall", "border", "shutdown", "open" (with "reopen") among its words.
STORY = {"story_names": frozenset({place_key("Donald Trump")}),
         "story_figures": frozenset({SUM}),
         "story_words": frozenset({"wall", "border", "shutdown", "open", "reopen", "week"})}

KEEP_OPEN = ("Trump said the deal would keep the government open for three weeks until "
             "Feb. 15 and that a bill would go before the Senate immediately.")
OPEN_THROUGH = "Trump said he’s prepared to sign a bill to open the government through Feb. 15."
REOPEN = ("President Trump agreed on Friday to reopen the federal government for three "
          "weeks while negotiations continued over how to secure the nation’s southwestern "
          "border.")
DEMAND = ("The shutdown was sparked by disagreement over President Trump’s demand for "
          "$5.7 billion in funding for a wall or steel barrier on the southern border.")
CAVE = ("The announcement comes on the 35th day of the longest shutdown in United States "
        "history and is a clear cave by Trump, whose impasse over the budget stems from his "
        "demands for $5.7 billion in funds for his long-promised wall along the "
        "U.S.-Mexico border ― a project Democratic lawmakers say is a firm deal-breaker.")
VOTE = ("A Democratic bill, which would have reopened the government with no strings "
        "attached, received more votes than the bill backed by Mr. Trump, which included "
        "temporary protections for some undocumented immigrants in exchange for $5.7 "
        "billion for his proposed border wall.")
SIGNALED = ("After bills to re-open the government failed in the Senate Thursday, Trump "
            "signaled that a \"large down payment\" on funding, potentially less than the "
            "$5.7 billion, could be sufficient to end the stalemate.")


def _facts(rated, outlets=("Fox News", "NYT")) -> tuple[ClaimFacts, ClaimFacts]:
    return (ClaimFacts.from_claim(rated.a, PUBLISHED, outlets[0]),
            ClaimFacts.from_claim(rated.b, PUBLISHED, outlets[1]))


def _decide(rated, **story) -> str:
    a, b = _facts(rated)
    decided = decide(rated.probability, rated.similarity or 0.0, a, b, event=rated.event,
                     ranking_event=rated.ranking_event, **THRESHOLDS, **story)
    return decided.relation or "unrelated"


def test_reopen_is_open_again_but_resign_is_not_sign() -> None:
    assert means_again("reopen", "open") and means_again("rebuild", "build")
    assert not means_again("resign", "sign") and not means_again("repay", "pay")
    assert not means_again("reserve", "serve")
    assert shared_actions({"reopen", "week"}, {"open", "bill"}) == ["open"]
    assert shared_actions({"resign"}, {"sign"}) == []
    keep, reopen = _facts(rate_texts([(KEEP_OPEN, REOPEN)], published=PUBLISHED)[0])
    assert "open" in compare_frames(keep, reopen).shared_action


def test_one_act_on_a_day_named_alike_is_the_same_fact_though_worded_alike() -> None:
    """Fox News claim 4 (its "He" is Trump in the project) / HuffPost's "open the
    government through Feb. 15": who, what (bill, open) and the day, Feb. 15."""
    found = compare_texts([(KEEP_OPEN, OPEN_THROUGH)], published=PUBLISHED)[0]
    assert found.relation == "same fact"
    assert found.reason.startswith("Both: ") and "Feb. 15" in found.reason
    # the years read apart ("until" ahead, "through" in the past) are no conflict
    assert all(d["severity"] != "conflict" for d in found.discrepancies)
    keep, through = _facts(rate_texts([(KEEP_OPEN, OPEN_THROUGH)], published=PUBLISHED)[0])
    assert compare_frames(keep, through).pins_one_act
    # a weekday is in every week: the same words "on Friday" pin nothing
    monday = compare_frames(*_facts(rate_texts([(
        "Trump said on Friday that he would sign a bill to open the government.",
        "Trump said on Friday he is prepared to sign a bill to open the government.")],
        published=PUBLISHED)[0]))
    assert monday.shared_when == ("friday",) and not monday.pins_one_act


def test_open_and_reopen_for_three_weeks_are_linked() -> None:
    found = compare_texts([(KEEP_OPEN, REOPEN)], published=PUBLISHED)[0]
    assert found.relation in ("same fact", "related")
    assert "open" in found.reason


def test_the_story_s_sum_said_of_another_thing_is_not_the_same_fact() -> None:
    """Fox's demand against NYT's vote on the bill and against Fox's "down payment":
    Trump, "$5.7 billion" and the story's words ("border", "wall") are all they share."""
    vote, signaled = rate_texts([(DEMAND, VOTE), (SIGNALED, VOTE)], published=PUBLISHED)
    assert _decide(vote, **STORY) == "related"
    assert _decide(signaled, **STORY) == "related"
    demand, bill = _facts(vote)
    assert not figure_context(demand, SUM) & figure_context(bill, SUM)
    assert figure_evidence(demand, bill, STORY["story_figures"]) == (False, True)
    # a figure that is not the story's is evidence as before
    assert figure_evidence(demand, bill) == (True, False)


def test_the_story_s_sum_said_of_the_same_demand_is_the_same_fact() -> None:
    """Fox's "Trump's demand for $5.7 billion in funding" / HuffPost's "his demands for
    $5.7 billion in funds": the words around the sum agree."""
    rated = rate_texts([(DEMAND, CAVE)], published=PUBLISHED)[0]
    assert _decide(rated, **STORY) == "same fact"
    demand, cave = _facts(rated)
    assert {"demand", "fund"} <= figure_context(demand, SUM) & figure_context(cave, SUM)


def test_farenthold_s_sum_repaid_twice_stays_one_fact() -> None:
    """$84,000 is the Farenthold story's sum (2, 1 and 2 claims of its three articles);
    "repay the $84,000" twice is one pledge."""
    pledged = "Farenthold pledged to repay the $84,000 in taxpayer money spent to settle the claim."
    repay = ("Farenthold said after the reports broke that he would repay the $84,000 to the "
             "Treasury Department, but has not made good on that promise.")
    rated = rate_texts([(pledged, repay)], published=PUBLISHED)[0]
    figures = frozenset({("money", 84000.0)})
    a, b = _facts(rated)
    assert "repai" in figure_context(a, ("money", 84000.0)) & figure_context(b, ("money", 84000.0))
    assert figure_evidence(a, b, figures) == (True, False)
    # decided as when the sum was not the story's (the project's pair is same fact)
    assert _decide(rated, story_figures=figures) == _decide(rated)


def test_a_story_s_figures_and_words_are_counted_per_claim() -> None:
    rated = rate_texts([(DEMAND, VOTE), (SIGNALED, CAVE)], published=PUBLISHED)
    facts = [f for pair in rated for f in _facts(pair)]
    frames = [event_frame(f) for f in facts]
    assert all(SUM in frame.figures for frame in frames)
    fox, nyt = name_counts(frames[:2]), name_counts(frames[2:] * 3)
    assert STORY_FIGURE_CLAIMS <= 8
    assert SUM in main_figures(fox, nyt)
    assert "wall" in main_words(fox, nyt)
    assert "open" in main_words(fox, nyt)  # "re-open" and "reopened": the story's "open"
    assert main_figures(fox) == frozenset()  # two claims: no story


def test_the_nearest_sums_are_compared_first() -> None:
    """Border-emergency event: NYT's "$2.5 billion ... and $600 million from a Treasury
    Department asset forfeiture fund" / Fox News's "about $600 million from the Treasury
    Department's forfeiture fund" was conflicting ("$2.5 billion vs about $600 million")."""
    found = compare_texts([(
        "Mr. Trump will also use more traditional presidential discretion to tap $2.5 "
        "billion from counternarcotics programs and $600 million from a Treasury "
        "Department asset forfeiture fund.",
        "That money includes about $600 million from the Treasury Department’s forfeiture "
        "fund.")])[0]
    assert found.relation == "same fact"
    numbers = [d for d in found.discrepancies if d["kind"] == "number"]
    assert [(d["a_text"], d["severity"]) for d in numbers] == [("$600 million", "compatible")]
