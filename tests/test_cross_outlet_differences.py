"""Differences flagged between two outlets' claims that a checker would not call one.

The sentences are short excerpts of BASIL development events (Fan et al., EMNLP 2019:
Jesse Jackson Jr.'s plea, Blake Farenthold's resignation, Peter Strzok's firing), where
the across-sources panel flagged these "conflicts" before (docs/matching.md, "Panel
audit on BASIL").
"""

from __future__ import annotations

from datetime import date

import pytest

from factdesk.matching.discrepancies import ClaimFacts
from factdesk.matching.event_frames import event_frame, is_institution

PLEA_DAY = date(2013, 2, 20)
RESIGNATION_DAY = date(2018, 4, 6)


def _conflicts(found: list[dict], kind: str) -> list[dict]:
    return [d for d in found if d["kind"] == kind and d["severity"] == "conflict"]


def test_the_price_of_one_thing_is_not_the_whole_sum(compare) -> None:
    """HuffPost's "$43,000 Rolex watch" is one purchase; Fox's "$750,000 in campaign
    cash" is everything spent: not two accounts of one figure."""
    relation, found, reason = compare(
        "Former Rep. Jesse Jackson Jr. (D-Ill.) pleaded guilty in a federal courtroom "
        "Wednesday morning to using campaign funds to purchase an array of personal items "
        "including Bruce Lee memorabilia, a $43,000 Rolex watch and a mink cashmere cape.",
        "Former Rep. Jesse Jackson Jr. pleaded guilty Wednesday in federal court to charges "
        "that he spent $750,000 in campaign cash on personal items.", PLEA_DAY)
    assert not _conflicts(found, "number"), found
    # linked, not a conflict; worded this alike, the same-fact head decides whether the
    # two say the same thing (one plea told with other details: related)
    assert relation in ("same fact", "related")
    assert "43,000" not in reason


@pytest.mark.parametrize("other", [
    "It was known for several years that Mr. Farenthold had been accused of sexual "
    "harassment by Lauren Greene, his former communications director.",
    "But in December, the extent of Mr. Farenthold's settlement was revealed when "
    "Congress's Office of Compliance released details of six settlements that it had "
    "paid out since 2013.",
])
def test_a_span_of_time_or_a_count_is_not_a_sum_of_money(compare, other: str) -> None:
    """NYT's "several years" and "six settlements" were flagged as conflicting with
    HuffPost's "$84,000" ("several years (3-9) cannot be 84,000")."""
    _relation, found, reason = compare(
        "Farenthold used $84,000 in taxpayer funds to settle a sexual harassment lawsuit "
        "his former communications director, Lauren Greene, had filed in 2014.",
        other, RESIGNATION_DAY)
    assert not [d for d in found if d["kind"] == "number"], found
    assert "84,000" not in reason


def test_two_different_sums_for_one_payment_still_conflict(compare) -> None:
    relation, found, _reason = compare(
        "Farenthold used $84,000 in taxpayer funds to settle a sexual harassment lawsuit.",
        "Farenthold used $48,000 in taxpayer funds to settle a sexual harassment lawsuit.",
        RESIGNATION_DAY)
    numbers = _conflicts(found, "number")
    assert relation == "conflicting" and numbers
    assert {numbers[0]["a_text"], numbers[0]["b_text"]} == {"84,000", "48,000"}


def test_institutions_are_not_where_an_event_happened(compare) -> None:
    """NYT's "resigned from Congress" and HuffPost's "repay the $84,000 to the Treasury
    Department" were called one event placed in two places."""
    _relation, found, reason = compare(
        "Representative Blake Farenthold, the Texas Republican who used $84,000 in taxpayer "
        "funds to settle a sexual harassment case, abruptly resigned from Congress on "
        "Friday afternoon.",
        "Farenthold said after the reports broke that he would repay the $84,000 to the "
        "Treasury Department, but has not made good on that promise.", RESIGNATION_DAY)
    assert not [d for d in found if d["kind"] == "place"], found
    assert "place" not in reason
    assert is_institution("Treasury Department") and is_institution("Congress")
    assert is_institution("Florida Department of Law Enforcement")
    assert not is_institution("Norwalk")


def test_a_name_after_other_words_is_not_the_prepositions_place(nlp) -> None:  # noqa: ANN001
    """ "before U.S. District Judge" (after "to conspiracy"), "posts on Twitter" (after
    "in") and "to former President Barack Obama" do not say where something happened;
    "in Washington" and "the war-torn city of Izium" do."""
    cases = [
        ("He pleaded guilty to conspiracy before U.S. District Judge Robert L. Wilkins.",
         "U.S.", False),
        ("The president has repeatedly denounced Mr. Strzok in posts on Twitter.",
         "Twitter", False),
        ("The packages have been addressed to former President Barack Obama.",
         "Barack Obama", False),
        ("The Jacksons were appearing before a judge in Washington.", "Washington", True),
        ("Zelensky arrived from the war-torn city of Izium.", "Izium", True),
    ]
    for text, name, is_place in cases:
        doc = nlp(text)
        entities = tuple((e.text, e.label_, e.text) for e in doc.ents)
        assert any(e[0] == name for e in entities), (name, entities)
        facts = ClaimFacts(text=text, kind="event", speaker=None, quantities=(), times=(),
                           entities=entities, article_date=None)
        where = set(event_frame(facts).where.values())
        assert (name in where) is is_place, (text, where)


def test_one_judge_in_washington_is_not_a_place_conflict(compare) -> None:
    relation, found, _reason = compare(
        "The Jacksons were appearing separately before U.S. District Judge Robert L. "
        "Wilkins in Washington, D.C.",
        "He pleaded guilty to conspiracy before U.S. District Judge Robert L. Wilkins.",
        PLEA_DAY)
    assert not [d for d in found if d["kind"] == "place"], found
    assert relation != "conflicting"


def test_a_name_the_model_cut_short_is_not_a_spelling_difference(compare) -> None:
    """NYT's headline writes "Jesse Jackson Jr." too; the small model only tagged
    "Jesse Jackson" in it, which was reported as another spelling."""
    _relation, found, reason = compare(
        "Jesse Jackson Jr. Pleads Guilty in Campaign Money Case",
        "Former Rep. Jesse Jackson Jr. pleaded guilty Wednesday in federal court to charges "
        "that he spent $750,000 in campaign cash on personal items.", PLEA_DAY)
    assert not [d for d in found if d["kind"] == "name"], found
    assert "spelling" not in reason


def test_an_excerpt_of_a_quote_is_not_another_wording() -> None:
    """HuffPost quotes five words of the sentence NYT quotes whole: the same words,
    not "a different translation or paraphrase"."""
    from factdesk.matching.discrepancies import find_discrepancies, is_partial_quote
    from factdesk.matching.relations import decide

    whole = ("\u201cThe decision to fire Special Agent Strzok is not only a departure from "
             "typical bureau practice, but also contradicts Director Wray\u2019s testimony "
             "to Congress,\u201d Mr. Goelman said.")
    excerpt = ("Goelman called the decision \u201ca departure from typical Bureau practice"
               "\u201d and said it contradicted FBI Director Chris Wray\u2019s earlier "
               "guarantee.")
    a, b = (ClaimFacts(text=t, kind="quote", speaker="Goelman", quantities=(), times=(),
                       entities=(("Goelman", "PERSON", "Aitan Goelman"),),
                       article_date=None, outlet=o, is_quote=True)
            for t, o in ((whole, "New York Times"), (excerpt, "HuffPost")))
    assert is_partial_quote(whole, excerpt)
    assert not is_partial_quote(whole, "\u201ca departure from the usual practice\u201d")
    assert not [d for d in find_discrepancies(a, b) if d.kind == "wording"]
    decided = decide(0.2, 0.6, a, b, same_threshold=0.5, related_threshold=0.35)
    assert decided.relation == "same fact"
    assert not [d for d in decided.discrepancies if d.kind == "wording"]


def test_quoted_words_found_word_for_word_in_the_other_quote_are_no_rewording() -> None:
    """Fox quotes "outrageous distortion"; HuffPost quotes "in Vietnam" and "outrageous
    distortion": the panel read "differs: wording in Vietnam outrageous distortion vs
    outrageous distortion", though both give the same words."""
    from factdesk.matching.discrepancies import find_discrepancies, is_partial_quote

    fox = ("Blumenthal's campaign disputed a report in the New York Times as an "
           "\"outrageous distortion\" of his service in the Marines.")
    huffpost = ("Blumenthal's campaign called a New York Times report which includes video "
                "of him at a 2008 event saying he had served \"in Vietnam\" an \"outrageous "
                "distortion\" on his record.")
    assert is_partial_quote(fox, huffpost) and is_partial_quote(huffpost, fox)
    assert not is_partial_quote(fox, "He called it an \"outrageous lie\" on his record.")
    a, b = (ClaimFacts(text=t, kind="quote", speaker=None, quantities=(), times=(),
                       entities=(("Blumenthal", "PERSON", "Richard Blumenthal"),),
                       article_date=None, outlet=o, is_quote=True)
            for t, o in ((fox, "Fox News"), (huffpost, "HuffPost")))
    assert not [d for d in find_discrepancies(a, b) if d.kind == "wording"]


def test_a_quotation_cut_by_the_sentence_split_is_still_the_quote() -> None:
    """A sentence holding only the opening (or only the closing) mark of a quotation
    quotes the words after (or before) it, not the whole sentence: the panel compared
    "According to The Hill, Cheney sought to clarify …" with another outlet's quote."""
    from factdesk.matching.discrepancies import quote_text

    opened = ("According to The Hill, Cheney sought to clarify her position after an "
              "alleged poll in Wyoming said she \"supports abortion and aggressively "
              "promotes gay marriage.")
    assert quote_text(opened) == "supports abortion and aggressively promotes gay marriage."
    assert quote_text("and we will win.\u201d He said so.") == "and we will win."
    assert quote_text("He said \u201cyes, we will\u201d twice.") == "yes, we will"
    assert quote_text("The 5\" screen is big and bright.") == "The 5\" screen is big and bright."


def test_a_figure_written_round_is_not_another_figure(compare) -> None:
    """HuffPost's "$43,000 Rolex watch" is Fox News's "$43,350 gold-plated men's Rolex
    watch" written round: compatible, while 84,000 and 48,000 still conflict."""
    from factdesk.matching.discrepancies import rounded_from

    _relation, found, reason = compare(
        "Jackson used campaign funds to purchase an array of personal items including a "
        "$43,000 Rolex watch.",
        "Jackson used campaign money to buy items including a $43,350 gold-plated men's "
        "Rolex watch.", PLEA_DAY)
    numbers = [d for d in found if d["kind"] == "number"]
    assert numbers and numbers[0]["severity"] == "compatible", found
    assert "rounded" in numbers[0]["explanation"]
    assert "43,000" not in reason
    assert rounded_from(300, 450) is None and rounded_from(84_000, 48_000) is None


def test_the_story_s_protagonist_and_words_alone_make_a_related_pair(compare) -> None:
    """HuffPost on his wife's plea and Fox News's headline on his share "Jackson" and
    "plead guilty" and little else: the same story, not the same fact."""
    relation, _found, _reason = compare(
        "His wife, Sandra Jackson, who resigned from her position on Chicago's city "
        "council, is expected to plead guilty to filing false tax returns before the same "
        "judge on Wednesday afternoon.",
        "Jackson pleads guilty over illegal campaign spending spree", PLEA_DAY)
    assert relation == "related"


def test_a_shared_figure_with_the_person_is_the_same_fact(compare) -> None:
    """Both name the suspect and his age: the same identification."""
    relation, _found, reason = compare(
        "Cesar Sayoc, 56, of South Florida was taken into custody on Friday, FBI Director "
        "Chris Wray confirmed at a press conference.",
        "A law enforcement official identified the suspect as Cesar Sayoc Jr., 56, of "
        "Aventura, Fla., just north of Miami.", date(2018, 10, 26))
    assert relation == "same fact", reason


def test_when_it_was_said_is_not_when_it_happened(compare) -> None:
    """HuffPost dates the firing ("late Friday afternoon"), Fox News the attorney's
    statement ("blasted the bureau on Monday"): no date conflict between them, while
    two dates of the firing still disagree."""
    from factdesk.matching.date_discrepancies import is_when_said
    from factdesk.nlp.times import TimeExpression

    firing = ("Aitan Goelman, Strzok's attorney, said in a statement that Strzok was fired "
              "late Friday afternoon, despite an FBI career official's recommendation that "
              "Strzok face a 60-day suspension and a demotion.")
    _relation, found, reason = compare(
        firing,
        "Strzok's attorney, meanwhile, blasted the bureau on Monday, saying the deputy "
        "director reversed the decision of the career FBI official who concluded that a "
        "60-day suspension and demotion was the appropriate punishment.",
        date(2018, 8, 13))
    assert not _conflicts(found, "date"), found
    assert "Monday" not in reason
    _relation, found, _reason = compare(
        firing, "Strzok was fired on Wednesday, his attorney said.", date(2018, 8, 13))
    assert _conflicts(found, "date"), found
    facts = ClaimFacts(text="Mr. Strzok's lawyer said Monday.", kind="event", speaker=None,
                       quantities=(), times=(), entities=(), article_date=None)
    monday = TimeExpression.from_dict({"text": "Monday", "kind": "date", "start": 0,
                                       "end": 6})
    assert is_when_said(monday, facts)


def test_a_quote_given_to_he_is_not_surely_given_to_another(compare) -> None:
    """Fox News's "He added, “…”" was read as Peter Strzok's words (the sentence before
    named him); HuffPost names Goelman. Not a conflict: a note to check the speaker."""
    from factdesk.matching.discrepancies import find_discrepancies, names_its_speaker

    words = ("\u201cA lengthy investigation and multiple rounds of Congressional testimony "
             "failed to produce a shred of evidence that Special Agent Strzok\u2019s personal "
             "views ever affected his work.\u201d")
    fox = ClaimFacts(text=f"He added, {words}", kind="quote", speaker="Peter Strzok",
                     quantities=(), times=(),
                     entities=(("Strzok", "PERSON", "Peter Strzok"),), article_date=None,
                     outlet="Fox News", is_quote=True)
    huffpost = ClaimFacts(text=f"{words[:-1]},\u201d Goelman said.", kind="quote",
                          speaker="Goelman", quantities=(), times=(),
                          entities=(("Goelman", "PERSON", "Aitan Goelman"),),
                          article_date=None, outlet="HuffPost", is_quote=True)
    assert not names_its_speaker(fox) and names_its_speaker(huffpost)
    found = [d for d in find_discrepancies(huffpost, fox) if d.kind == "attribution"]
    assert found and found[0].severity == "vague"
    assert "Fox News does not name the speaker" in found[0].explanation
    named = ClaimFacts(text=f"{words[:-1]},\u201d Strzok said.", kind="quote",
                       speaker="Peter Strzok", quantities=(), times=(),
                       entities=(("Strzok", "PERSON", "Peter Strzok"),), article_date=None,
                       outlet="Fox News", is_quote=True)
    found = [d for d in find_discrepancies(huffpost, named) if d.kind == "attribution"]
    assert found and found[0].severity == "conflict"


def test_a_person_after_to_or_into_is_not_a_place() -> None:
    """ "the decision to fire Strzok" and "the investigation into Clinton" put the names
    the model tags as people in no place; "from Bucha" (tagged a person) still does."""
    cases = [
        ("The justification for Bowdich's decision to fire Strzok is unclear.",
         ("Strzok", "PERSON"), False),
        ("The report dealt with the investigation into Clinton's private email server.",
         ("Clinton", "PERSON"), False),
        ("Residents who fled from Bucha described the bodies.", ("Bucha", "PERSON"), True),
        ("The delegation travelled to Izium.", ("Izium", "GPE"), True),
    ]
    for text, (name, label), is_place in cases:
        facts = ClaimFacts(text=text, kind="event", speaker=None, quantities=(), times=(),
                           entities=((name, label, name),), article_date=None)
        assert (name in event_frame(facts).where.values()) is is_place, text


def test_other_people_of_the_story_are_not_another_actor(compare) -> None:
    """Fox News names Obama (whose birth is doubted), HuffPost the interviewer Vieira:
    not two accounts of who did it. "by Russian forces" / "by Ukrainian forces" is."""
    from factdesk.matching.contradictions import in_the_same_slot

    relation, found, reason = compare(
        "Real estate tycoon Donald Trump said Thursday he has doubts about whether "
        "President Obama was born in the United States and has sent investigators to "
        "Hawaii looking for answers.",
        "The remarks from the potential presidential candidate prompted Vieira to ask "
        "Trump if he had people on the ground in Hawaii searching for proof of the "
        "president's citizenship.", date(2011, 4, 7))
    assert not [d for d in found if d["kind"] == "actor"], found
    assert relation != "conflicting" and "Vieira" not in reason
    assert in_the_same_slot("destroyed by Russian forces", "Russian",
                            "destroyed by Ukrainian forces", "Ukrainian")
    assert not in_the_same_slot("doubts whether President Obama was born", "Obama",
                                "prompted Vieira to ask Trump", "Vieira")


def test_a_name_before_an_inquiry_is_not_a_place(compare) -> None:
    """NYT's "assailing the Russia investigation" and HuffPost's "involved in the Clinton
    investigation" were one event placed in Russia and in Clinton."""
    _relation, found, reason = compare(
        "Mr. Trump and his allies seized on the texts, exchanged during the 2016 campaign "
        "with a former F.B.I. lawyer, Lisa Page, in assailing the Russia investigation as "
        "an illegitimate witch hunt.",
        "He was involved in the Clinton investigation, which was highly public, as well as "
        "the investigation into the Trump campaign and Russian interference in the 2016 "
        "election.", date(2018, 8, 13))
    assert not [d for d in found if d["kind"] == "place"], found
    assert "place" not in reason


def test_a_state_named_alone_is_not_one_event(compare) -> None:
    """NYT's suspect's criminal history "in Florida" and Fox News's packages that
    "originated ... from Florida" share nothing but the state."""
    relation, _found, _reason = compare(
        "Mr. Sayoc, a registered Republican, has a lengthy criminal history in Florida "
        "dating back to 1991 that includes felony theft, drug and fraud charges, public "
        "records show.",
        "\u201cThey originated, some of them, from Florida.", date(2018, 10, 26))
    assert relation not in ("same fact", "conflicting")
