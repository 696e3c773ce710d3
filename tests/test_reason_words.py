"""The panel's one-line reason reads as the claims are written (review 18, findings 16, 2,
20 and 23): the shared words as the claim writes them, days capitalised, no adjective or
time of day as what was done, no name shown twice, no newspaper as who.

The real spaCy model reads each pair as ``factdesk compare`` does (the ``compare``
fixture); the texts are the BASIL and seed sentences the review quoted."""

from __future__ import annotations

from datetime import date

from factdesk.matching.discrepancies import ClaimFacts
from factdesk.matching.reason_words import (
    is_modifier,
    shown_actions,
    surface_forms,
    without_contained,
)

PACKAGES_DAY = date(2018, 10, 26)
SHOOTING_DAY = date(2017, 6, 15)
BLUMENTHAL_DAY = date(2010, 5, 18)


def _shared(reason: str) -> str:
    """The "Both: ..." part of a reason (what the claims share)."""
    return reason.split(" · ")[0]


def test_a_word_is_shown_as_the_claim_writes_it_not_as_its_lemma(compare) -> None:
    # shoot #28 read "Shares what: sit." ("sitting ducks" / "Pelosi sat")
    ducks = "“We were like sitting ducks.”"
    pelosi = ("Ms. Pelosi sat for an interview alongside Speaker Paul D. Ryan, "
              "Republican of Wisconsin.")
    _relation, _found, reason = compare(ducks, pelosi, SHOOTING_DAY)
    assert _shared(reason) == "Both: sitting.", reason
    _relation, _found, reason = compare(pelosi, ducks, SHOOTING_DAY)
    assert _shared(reason) == "Both: sat.", reason  # each side in its own words


def test_a_past_participle_is_shown_not_its_lemma(compare) -> None:
    # pkg #79 read "Shares who: Booker; what: address, package."
    _relation, _found, reason = compare(
        "The package addressed to Mr. Booker, a New Jersey Democrat, was found in Florida, "
        "which two people briefed on the matter have said has become a focus of the "
        "intense, nationwide investigation into the bombs.",
        "The development came hours after two additional packages were discovered, one "
        "addressed to Sen. Cory Booker (D-N.J.), and the other to former Director of "
        "National Intelligence James Clapper.", PACKAGES_DAY)
    shared = _shared(reason)
    assert "addressed" in shared and "address," not in shared, reason
    assert "package" in shared and "Booker" in shared, reason


def test_a_day_is_capitalised_and_an_adjective_or_time_of_day_is_no_what(compare) -> None:
    # pkg #57 read "Shares what: morning, package, suspicious; when: friday."
    _relation, _found, reason = compare(
        "A male suspect was arrested in Florida on Friday morning in connection with the "
        "rash of suspicious packages sent to prominent Democrats nationwide, law "
        "enforcement sources confirmed to Fox News.",
        "At a news conference on Friday morning, John Miller, the New York Police "
        "Department’s deputy commissioner of intelligence and counterterrorism, said a "
        "postal worker at the mail facility on 52nd Street recognized the package "
        "addressed to Mr. Clapper as similar to other suspicious packages discovered this "
        "week and “froze it in the system.”", PACKAGES_DAY)
    shared = _shared(reason)
    assert "Friday morning" in shared and "friday" not in shared, reason
    assert "suspicious" not in shared and "morning," not in shared, reason
    assert "packages" in shared, reason


def test_a_place_inside_another_shown_place_is_named_once(compare) -> None:
    # pkg #95 read "where: New York, New York City"
    _relation, _found, reason = compare(
        "The package addressed to Mr. Clapper was meant to be delivered to the New York "
        "offices of CNN, where he works as an analyst, but was intercepted at a mail "
        "facility in Midtown Manhattan, police officials in New York City said.",
        "The package addressed Brennan was sent to CNN’s New York City bureau, sparking "
        "an evacuation Wednesday.", PACKAGES_DAY)
    shared = _shared(reason)
    assert "New York City" in shared and "New York," not in shared, reason
    assert "CNN" not in shared, reason  # where he works, not who acted


def test_part_of_a_hyphenated_adjective_is_no_what(compare) -> None:
    # the demo's first card read "Shares what: eastern." (from "north-eastern")
    _relation, _found, reason = compare(
        "Last week, Russian forces withdrew from the war-torn city of Izium as Ukrainian "
        "soldiers advanced, reclaiming large swaths of territory in Ukraine’s "
        "north-eastern Kharkiv region.",
        "The Ukrainian official in charge of the eastern Donetsk region, which has been "
        "partially controlled by pro-Moscow separatists since 2014 said Russian forces "
        "had attacked the entire frontline region over the past 24 hours.",
        date(2022, 9, 20))
    assert "eastern" not in _shared(reason), reason


def test_a_newspaper_the_claims_cite_is_not_who(compare) -> None:
    # Blumenthal #120 read "Shares who: Times, Richard Blumenthal; what: event,
    # misspoken, serve; where: Norfolk, Vietnam."
    _relation, _found, reason = compare(
        "The A.G., according to the Times, said he had misspoken at a 2008 event in "
        "Norfolk in which he said he had served in Vietnam.",
        "Blumenthal told the Times he had misspoken at the 2008 event in Norfolk in which "
        "he said he served in Vietnam.", BLUMENTHAL_DAY)
    shared = _shared(reason)
    assert "Times" not in shared, reason
    assert "misspoken" in shared and "served" in shared and "2008" in shared, reason
    assert "in Norfolk" in shared, reason


def test_a_newspaper_that_is_the_actor_stays_who(compare) -> None:
    _relation, _found, reason = compare(
        "The New York Times reported on Monday that the senator had served in Vietnam.",
        "The New York Times reported that the senator served in Vietnam.", BLUMENTHAL_DAY)
    assert "New York Times" in _shared(reason), reason


def _facts(text: str, lemmas: str) -> ClaimFacts:
    return ClaimFacts(text=text, kind="other", speaker=None, quantities=(), times=(),
                      entities=(), article_date=None, lemmas=tuple(lemmas.split()))


def test_surface_forms_align_lemmas_with_the_words_written() -> None:
    facts = _facts("Ms. Pelosi sat for an interview and misspoke twice, addressing voters.",
                   "pelosi sit interview misspeak twice address voter")
    forms = {lemma: word for lemma, (word, _at) in surface_forms(facts).items()}
    assert forms["sit"] == "sat" and forms["misspeak"] == "misspoke"
    assert forms["address"] == "addressing" and forms["voter"] == "voters"
    # a hyphenated name whole, a lower-case compound by the piece shared
    facts = _facts("Police in Opa-locka searched the war-torn city.",
                   "police opa locka search war torn city")
    forms = {lemma: word for lemma, (word, _at) in surface_forms(facts).items()}
    assert forms["opa"] == forms["locka"] == "Opa-locka" and forms["war"] == "war"
    # reading order, modifiers and times of day left out
    facts = _facts("Addressed packages were found Friday morning by suspicious workers.",
                   "address package find friday morning suspicious worker")
    assert shown_actions(("address", "find", "morning", "package", "suspicious",
                          "worker"), facts) == ["addressed", "packages", "found", "workers"]


def test_modifiers_and_contained_names() -> None:
    assert is_modifier("suspicious") and is_modifier("eastern")
    assert not is_modifier("package") and not is_modifier("official")
    assert without_contained(["New York", "New York City"]) == ["New York City"]
    assert without_contained(["Clinton", "Hillary Clinton", "Trump"]) == [
        "Hillary Clinton", "Trump"]
    assert without_contained(["York", "New York"]) == ["New York"]


def test_a_title_is_neither_who_nor_what(compare) -> None:
    # pkg #62 read "Shares who: Barack Obama, State, Hillary Clinton; what: address,
    # attorney, billionaire" ("Secretary of State", "Attorney General")
    _relation, _found, reason = compare(
        "Forensic investigators in Quantico, Va., have been sifting through the packages "
        "addressed to former President Barack Obama, former Secretary of State Hillary "
        "Clinton, liberal billionaire George Soros, former Attorney General Eric Holder, "
        "former CIA Director John Brennan and California Democratic Rep. Maxine Waters.",
        "The packages — virtually identical in plain manila envelopes — have been addressed "
        "to former President Barack Obama; former Vice President Joseph R. Biden Jr.; "
        "former Secretary of State Hillary Clinton; Representative Maxine Waters of "
        "California; former Attorney General Eric Holder; John O. Brennan, a former C.I.A. "
        "director, the actor Robert De Niro; and George Soros, the billionaire Democratic "
        "donor.", PACKAGES_DAY)
    shared = _shared(reason)
    assert "State," not in shared and "Attorney" not in shared, reason
    assert "Secretary" not in shared and "addressed" in shared, reason


SUIT_DAY = date(2014, 12, 18)
STRZOK_DAY = date(2018, 8, 13)


def test_a_figure_both_give_of_the_same_thing_is_named_first(compare) -> None:
    # review 19, finding 10: "Both: medical, marijuana." and "Both: Strzok." left out
    # the figure that makes each pair one fact
    vicente = ("He said 23 states have enacted medical marijuana laws, and none have been "
               "overturned because of federal law.")
    huffpost = ("To date, 23 states and the District of Columbia have legalized marijuana "
                "for medical purposes.")
    _relation, _found, reason = compare(vicente, huffpost, SUIT_DAY)
    assert _shared(reason).startswith("Both: 23 states;"), reason
    goelman = ("Aitan Goelman, Strzok’s attorney, said in a statement that Strzok was fired "
               "late Friday afternoon on the orders of FBI Deputy Director David Bowdich, "
               "despite an FBI career official’s recommendation that Strzok face a 60-day "
               "suspension and a demotion.")
    nyt = ("The report was critical of Mr. Strzok’s conduct in sending the texts, and the "
           "bureau’s Office of Professional Responsibility said that Mr. Strzok should be "
           "suspended for 60 days and demoted.")
    _relation, _found, reason = compare(goelman, nyt, STRZOK_DAY)
    assert _shared(reason).startswith("Both: 60-day suspension;"), reason
    _relation, _found, reason = compare(nyt, goelman, STRZOK_DAY)
    assert _shared(reason).startswith("Both: 60 days;"), reason  # as each side writes it


def test_a_figure_of_another_thing_is_not_shown_as_shared(compare) -> None:
    # "23 states" / "23 percent": one number, two things
    _relation, _found, reason = compare(
        "He said 23 states have enacted medical marijuana laws.",
        "Support for legal marijuana rose 23 percent in two years.", SUIT_DAY)
    assert "23" not in _shared(reason), reason


def test_a_word_the_figure_says_is_not_repeated_as_what_was_done(compare) -> None:
    attorney = ("Strzok’s attorney, meanwhile, blasted the bureau on Monday, saying the "
                "deputy director “reversed the decision of the career FBI official "
                "responsible for employee discipline who concluded, through an independent "
                "review process, that a 60-day suspension and demotion from supervisory "
                "duties was the appropriate punishment.”")
    goelman = ("Aitan Goelman, Strzok’s attorney, said in a statement that Strzok was fired "
               "late Friday afternoon on the orders of FBI Deputy Director David Bowdich, "
               "despite an FBI career official’s recommendation that Strzok face a 60-day "
               "suspension and a demotion.")
    _relation, _found, reason = compare(attorney, goelman, STRZOK_DAY)
    shared = _shared(reason)
    assert shared.startswith("Both: 60-day suspension;"), reason
    assert shared.count("suspension") == 1, reason
