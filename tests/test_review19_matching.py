"""Matching judgements a checker's review (session 19) found wrong on unseen BASIL events.

Sentences are BASIL's (Fan et al., EMNLP 2019; development events ``1f99798f``, the
suspicious packages of October 2018, and ``58f414e5``, the congressional baseball
shooting), read by the real spaCy model and rated by the shipped pair model
(``factdesk.core.comparing``), as ``factdesk compare`` reads them.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from factdesk.core.comparing import compare_texts, rate_texts
from factdesk.core.matching_service import _with_focused_candidates
from factdesk.matching.candidate_index import CandidateIndex
from factdesk.matching.contradictions import charge_query
from factdesk.matching.discrepancies import ClaimFacts
from factdesk.matching.number_discrepancies import toll_query
from factdesk.matching.recipients import recipient_slot
from factdesk.matching.relations import decide

ARREST_DAY = date(2018, 10, 26)
SHOOTING_DAY = date(2017, 6, 15)
THRESHOLDS = {"same_threshold": 0.435, "related_threshold": 0.341, "event_threshold": 0.475}

NO_CHARGES = ("Although no formal charges have been filed yet in the case, two of the law "
              "enforcement officials said there was a high likelihood that Mr. Sayoc would be "
              "prosecuted at least in part in Federal District Court in Manhattan.")
CHARGED = ("Sayoc has been charged with five federal crimes ― interstate transportation of an "
           "explosive, illegal mailing of explosives, making threats against former presidents "
           "and certain other persons, threatening interstate communications, and assaulting "
           "current and former federal officers ― the Department of Justice said.")
STRUCK = ("A day earlier, on another ball field some seven miles southwest, a gunman had "
          "opened fire on members of the Republican congressional baseball team, striking "
          "four people — including Steve Scalise, the majority whip of the House of "
          "Representatives — who were there for a practice.")
INJURED = ("Six people, including two congressmen, two police officers, a congressional aide "
           "and a lobbyist, were injured in the attack in an Alexandria, Virginia, park.")
DUCKS = ("Lawmakers at the scene of Wednesday’s baseball practice shooting described themselves "
         "as “sitting ducks” and said the violence would have been a “massacre” if not for "
         "Majority Whip Steve Scalise's detail -- spurring new questions over whether "
         "congressional security practices should be overhauled.")
HOSPITAL = ("In a statement Wednesday night, the hospital said Scalise sustained “a single rifle "
            "shot to the left hip” that “travelled across his pelvis, fracturing bones, "
            "injuring internal organs and causing severe bleeding.”")


def test_one_toll_told_with_two_counts_is_a_conflict(nlp) -> None:  # noqa: ARG001
    """Four struck (NYT) / six injured (Fox News): one count of one thing, told two ways,
    was "related" at 0.15 with its number conflict; between a project's articles on one
    story (a pair from the candidate index) it is a conflict to flag. Two texts compared
    alone may tell two shootings: related, with the conflict shown."""
    (r,) = rate_texts([(STRUCK, INJURED)], published=SHOOTING_DAY)
    a = ClaimFacts.from_claim(r.a, SHOOTING_DAY)
    b = ClaimFacts.from_claim(r.b, SHOOTING_DAY)
    in_project = decide(r.probability, r.similarity or 0.0, a, b, **THRESHOLDS,
                        term_similarity=0.0, event=r.event)
    assert (in_project.relation, in_project.reason) == ("conflicting", "toll"), in_project
    assert any(d.kind == "number" and d.severity == "conflict"
               for d in in_project.discrepancies)
    alone = compare_texts([(STRUCK, INJURED)], published=SHOOTING_DAY)[0]
    assert alone.relation == "related"
    assert any(d["kind"] == "number" and d["severity"] == "conflict"
               for d in alone.discrepancies)


def test_charged_and_no_charges_yet_are_each_others_candidates() -> None:
    """The two claims' retrieval terms (as the project stored them) share little but the
    charge and the name: the term index ranked other claims above them."""
    lemmas = {
        50: "formal charge file case law enforcement official say high likelihood sayoc "
            "prosecute federal district court manhattan num:2 ent:saioc "
            "ent:federal_district_court ent:manhatan",
        73: "sayoc charge federal crime interstate transportation explosive illegal mailing "
            "explosive make threat president certain person threaten interstate communication "
            "assault current federal officer department justice say num:5 ent:saioc "
            "ent:department_of_justice",
        36: "sayoc register republican lengthy criminal history florida date 1991 include "
            "felony theft drug fraud charge arrest accuse threaten use bomb public record "
            "ent:saioc ent:republicans ent:florida",
    }
    index = CandidateIndex()
    index.add_many([(50, 2, lemmas[50].split()), (36, 2, lemmas[36].split()),
                    (73, 3, lemmas[73].split())])
    claim = SimpleNamespace(text=CHARGED, lemmas=lemmas[73], quantities=())
    assert charge_query(CHARGED, lemmas[73].split())[:1] == ["charge"]
    assert charge_query("The suspect was taken into custody.", ["suspect"]) == []
    (found,) = _with_focused_candidates(index, [claim], [[]], article_id=3)
    assert 50 in [cid for cid, _ in found]
    assert all(similarity == 0.0 for _, similarity in found)  # no vocabulary credit


def test_no_charges_against_charged_when_the_name_is_tagged_otherwise(nlp) -> None:  # noqa: ARG001
    # "Sayoc" of the charged claim is tagged a place by the model: still the same man
    found = compare_texts([(NO_CHARGES, CHARGED)], published=ARREST_DAY)[0]
    assert found.relation in ("related", "same fact", "conflicting"), found
    assert any(d["kind"] == "negation" and "whether charges were brought" in d["explanation"]
               for d in found.discrepancies)


@pytest.mark.parametrize(("a", "b"), [
    ("A package addressed to John Brennan was sent to CNN's offices.",
     "A package addressed to James Clapper was sent to CNN's offices."),
    ("The package sent to Brennan was delivered to CNN.",
     "The package sent to Clapper was intercepted before it reached CNN."),
])
def test_the_same_act_done_to_another_person_is_a_look_alike(nlp, a, b) -> None:  # noqa: ARG001
    found = compare_texts([(a, b)], published=ARREST_DAY)[0]
    assert found.relation not in ("same fact", "conflicting"), found
    assert not any(d["kind"] == "actor" and d["severity"] == "conflict"
                   for d in found.discrepancies)


def test_recipient_slots() -> None:
    assert recipient_slot("The package addressed Brennan was sent to CNN.", "Brennan")
    assert recipient_slot("two more: one addressed to Sen. Cory Booker (D-N.J.), and the other "
                          "to former Director of National Intelligence James Clapper.",
                          "James Clapper")
    assert recipient_slot("postal officials intercepted the package for Clapper", "Clapper")
    assert not recipient_slot("Mr. Clapper said he was not surprised.", "Clapper")
    assert not recipient_slot("Speaking on CNN on Friday, Mr. Clapper said so.", "Clapper")
    # a source or a closeness is no recipient of an act
    assert not recipient_slot("The package was a pipe bomb, according to Mr. Wray.", "Wray")
    assert not recipient_slot("A man close to Trump was arrested.", "Trump")


def test_the_story_s_lead_and_its_day_are_no_one_event(nlp) -> None:  # noqa: ARG001
    """The lawmakers' "sitting ducks" and the hospital's statement share Scalise (the
    shooting's lead, in 0.13-0.16 of its claims) and "Wednesday" (its day): same fact
    before; one sign of the story, not one event."""
    (r,) = rate_texts([(DUCKS, HOSPITAL)], published=SHOOTING_DAY)
    a = ClaimFacts.from_claim(r.a, SHOOTING_DAY)
    b = ClaimFacts.from_claim(r.b, SHOOTING_DAY)
    story = {"story_lead": frozenset({"steve scalise"}), "story_days": frozenset({"wednesday"})}
    event = max(r.event, 0.7)  # the head was sure enough in the project (0.53 there)
    before = decide(r.probability, r.similarity or 0.0, a, b, **THRESHOLDS, event=event)
    after = decide(r.probability, r.similarity or 0.0, a, b, **THRESHOLDS, event=event,
                   **story)
    assert before.relation == "same fact", before
    assert after.relation != "same fact", after
    # another day than the story's is still a second sign
    other_day = decide(r.probability, r.similarity or 0.0, a, b, **THRESHOLDS, event=event,
                       story_lead=story["story_lead"], story_days=frozenset({"thursday"}))
    assert other_day.relation == "same fact"


def test_two_counts_of_one_toll_are_each_others_candidates() -> None:
    """"striking four people" / "Six people ... were injured in the attack" share no
    word but the harm's kind and "people": in the 75 BASIL events' project the term index
    never paired them."""
    # the retrieval terms the shooting's project stored for the two claims
    struck = ("day early ball field seven mile southwest gunman open fire member republican "
              "congressional baseball team strike people include steve scalise majority whip "
              "house representatives practice num:7 num:4 ent:republicans ent:steve_scalise "
              "ent:house_of_representatives")
    injured = ("people include congressman police officer congressional aide lobbyist injure "
               "attack alexandria virginia park num:6 num:2 num:2 ent:aleksandria "
               "ent:virginia")
    assert toll_query(struck.split(), ["people", "miles"])[:2] == ["hit", "hurt"]
    assert toll_query(struck.split(), ["miles"]) == []  # no count of people
    index = CandidateIndex()
    index.add_many([(81, 3, injured.split())])
    claim = SimpleNamespace(text="... striking four people ...", lemmas=struck,
                            quantities=({"unit": "people", "value": 4.0},))
    (found,) = _with_focused_candidates(index, [claim], [[]], article_id=2)
    assert [cid for cid, _ in found] == [81]
