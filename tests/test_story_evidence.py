"""Same fact needs something of the pair's own in a story (review 19, items 4 and 5).

Sentences are BASIL's (Fan et al., EMNLP 2019; development events ``b764f81f``,
Nebraska and Oklahoma sue Colorado over marijuana, and ``2a3fde8a``, Strzok fired),
read by the real spaCy model and rated by the shipped pair model
(``factdesk.core.comparing``); the story's names and words are those the projects built
by ``bench/basil_event.py`` find (:mod:`factdesk.matching.story_names`):

* the same-fact head's "same fact" on a pair sharing only the story's words ("law",
  "marijuana") is the story, not one fact;
* two remarks of one lawyer that share only how he names his client ("Special Agent
  Strzok") and a word are two remarks;
* the same person of the pair's own and what was done ("Bowdich", "overruled") are one
  act, though worded alike.
"""

from __future__ import annotations

from datetime import date

from factdesk.core.comparing import compare_texts, rate_texts
from factdesk.matching.discrepancies import ClaimFacts
from factdesk.matching.event_frames import place_key
from factdesk.matching.quote_words import said_words
from factdesk.matching.relations import (
    decide,
    is_same_quote,
    own_evidence,
    own_person_and_act,
    two_remarks,
)

THRESHOLDS = {"same_threshold": 0.435, "related_threshold": 0.341, "event_threshold": 0.475}
SUIT_DAY = date(2014, 12, 19)
#: The suit's story (three articles): no name in 30% of the claims, these action lemmas.
SUIT = {"story_words": frozenset({"attorney", "federal", "general", "law", "marijuana"})}
FIRED_DAY = date(2018, 8, 13)
#: The Strzok story's names and words (Fox News and NYT articles).
STRZOK = {"story_names": frozenset({place_key("Peter Strzok")}),
          "story_words": frozenset({"email", "fire", "investigation", "text"})}

FLOWS = ("The lawsuit says Colorado marijuana flows into neighboring states undermining "
         "their efforts to enforce their anti-marijuana laws.")
DEFEND = "In a statement, he said he intends to defend the state's marijuana laws."
DEPARTURE = ("“The decision to fire Special Agent Strzok is not only a departure from typical "
             "bureau practice, but also contradicts Director Wray’s testimony to Congress and "
             "his assurances that the F.B.I. intended to follow its regular process in this "
             "and all personnel matters,” Mr. Goelman said.")
DEPARTURE_HP = ("Goelman called the decision “a departure from typical Bureau practice” and "
                "said it contradicted FBI Director Chris Wray’s earlier guarantee that the bureau "
                "would follow its regular process, despite Trump’s disdain for the now-former "
                "FBI official.")
LENGTHY = ("“A lengthy investigation and multiple rounds of Congressional testimony failed to "
           "produce a shred of evidence that Special Agent Strzok’s personal views ever "
           "affected his work,” Goelman said.")
OVERRULED_FOX = ("Goelman said bureau Deputy Director David Bowdich “overruled” the FBI's "
                 "Office of Professional Responsibility to remove him.")
OVERRULED_NYT = ("But Mr. Strzok’s lawyer said the deputy director of the F.B.I., David "
                 "Bowdich, had overruled the Office of Professional Responsibility and fired "
                 "Mr. Strzok.")


def _facts(rated, day: date, outlets=("Fox News", "HuffPost")) -> tuple[ClaimFacts, ClaimFacts]:
    return (ClaimFacts.from_claim(rated.a, day, outlets[0]),
            ClaimFacts.from_claim(rated.b, day, outlets[1]))


def _decide(rated, day: date, **story):
    a, b = _facts(rated, day)
    return decide(rated.probability, rated.similarity or 0.0, a, b, event=rated.event,
                  ranking_event=rated.ranking_event, **THRESHOLDS, **story)


def test_the_head_s_same_fact_on_the_story_s_words_alone_is_related() -> None:
    """Fox 8 / HuffPost 68: the head says same fact (0.60), the frames share "law" and
    "marijuana", the story's words, and nothing else."""
    rated = rate_texts([(FLOWS, DEFEND)], published=SUIT_DAY)[0]
    assert rated.probability >= THRESHOLDS["same_threshold"]
    a, b = _facts(rated, SUIT_DAY)
    assert not own_evidence(a, b, frozenset(), SUIT["story_words"], frozenset(), frozenset())
    assert _decide(rated, SUIT_DAY, **SUIT).relation == "related"
    # two texts compared alone have no story: the head decides as before
    assert _decide(rated, SUIT_DAY).relation == "same fact"


def test_a_headline_in_title_case_is_left_to_the_head() -> None:
    rated = rate_texts([("Nebraska and Oklahoma Sue Colorado Over Marijuana Law",
                         "Nebraska, Oklahoma File Federal Suit Against Colorado Over "
                         "Marijuana Legalization")], published=SUIT_DAY)[0]
    a, b = _facts(rated, SUIT_DAY)
    assert own_evidence(a, b, frozenset(), SUIT["story_words"], frozenset(), frozenset())


def test_the_names_in_two_remarks_of_one_speaker_do_not_make_them_one_quote() -> None:
    assert "Strzok" not in said_words("The decision to fire Special Agent Strzok is not")
    assert "Director" not in said_words("but also contradicts Director Wray’s testimony")
    assert said_words("A lengthy investigation").startswith("A lengthy")
    two = rate_texts([(DEPARTURE, LENGTHY), (DEPARTURE, DEPARTURE_HP)], published=FIRED_DAY)
    other, same = (_facts(rated, FIRED_DAY) for rated in two)
    assert not is_same_quote(*other, two[0].similarity or 0.63)
    assert is_same_quote(*same, two[1].similarity or 0.6)
    assert _decide(two[0], FIRED_DAY, **STRZOK).relation != "same fact"


def test_one_person_of_their_own_and_one_act_are_the_same_fact_though_worded_alike() -> None:
    """Fox 4 / NYT 45: related 0.40 before (worded alike, the head's "no" stood)."""
    rated = rate_texts([(OVERRULED_FOX, OVERRULED_NYT)], published=FIRED_DAY)[0]
    a, b = _facts(rated, FIRED_DAY)
    assert own_person_and_act(a, b, STRZOK["story_names"], STRZOK["story_words"])
    assert _decide(rated, FIRED_DAY, **STRZOK).relation == "same fact"
    # compared alone (no story), nothing tells the story's names from the pair's own
    assert not own_person_and_act(a, b, frozenset(), frozenset())
    assert compare_texts([(OVERRULED_FOX, OVERRULED_NYT)], published=FIRED_DAY)[0].relation \
        == "related"


TLAIB_ROSE = ("In the Rose Garden on Friday, Trump said he found Tlaib’s comments "
              "“disgraceful” and thought she “dishonored herself” as well as “her family.”")
TLAIB_PRESS = "“I thought her comments were disgraceful,” Mr. Trump said at the news conference."
RAND_STATEMENT = ("AARP CEO Barry Rand later issued a statement calling the article "
                  "\"misleading\" and claiming \"AARP has not changed its position on Social "
                  "Security.\"")
RAND_CLEAR = ("“Let me be clear — AARP is as committed as we’ve ever been to fighting to "
              "protect Social Security for today’s seniors and strengthening it for future "
              "generations,” Mr. Rand said.")


def test_two_remarks_of_one_speaker_and_one_remark_told_twice() -> None:
    """BASIL's Tlaib event: one word in three of the shorter quote ("disgraceful") is one
    remark; the AARP event: Rand's statement and his "Let me be clear" share only
    "AARP" (and "Social Security", a name), two remarks."""
    one, two = (_facts(rated, FIRED_DAY) for rated in rate_texts(
        [(TLAIB_ROSE, TLAIB_PRESS), (RAND_STATEMENT, RAND_CLEAR)], published=FIRED_DAY))
    assert not two_remarks(*one)
    assert two_remarks(*two)
