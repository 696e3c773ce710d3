"""A claim's speaker written as a surname is published under the full name the article
gave at first mention (news style: "Attorney General Richard Blumenthal", then
"Blumenthal said"), unless two people of the article share that surname."""

from __future__ import annotations

import pytest

from factdesk.model.models import Article, EntityMention
from factdesk.report.claimants import Claimant, fullest_titles, resolve_claimant

TEXT = ("At a ceremony, Attorney General Richard Blumenthal of Connecticut spoke of his "
        "service. Blumenthal said he had misspoken. Blumenthal added that he regretted it.")


def _article(text: str) -> Article:
    return Article(1, "Words on Vietnam", "New York Times", "", "2010-05-17",
                   "https://nytimes.example/x", "x.txt", "2026-12-07T00:00:00", text, "h")


def _mentions(text: str, names: list[str]) -> list[EntityMention]:
    found, start, n = [], 0, 0
    for name in names:
        start = text.index(name, start)
        n += 1
        # as the spelling merge stores them: the surname alone is its own canonical form
        found.append(EntityMention(n, 1, start, start + len(name), name, "PERSON", name))
        start += len(name)
    return found


def test_a_surname_speaker_takes_the_articles_full_name_and_title() -> None:
    mentions = _mentions(TEXT, ["Richard Blumenthal", "Blumenthal", "Blumenthal"])
    claimant = resolve_claimant("Blumenthal", _article(TEXT), mentions, {})
    assert claimant is not None
    assert (claimant.name, claimant.kind, claimant.job_title) == (
        "Richard Blumenthal", "Person", "Attorney General")


def test_two_people_of_one_surname_keep_the_words_used() -> None:
    text = TEXT + " His brother Martin Blumenthal disagreed."
    mentions = _mentions(text, ["Richard Blumenthal", "Blumenthal", "Blumenthal",
                                "Martin Blumenthal"])
    claimant = resolve_claimant("Blumenthal", _article(text), mentions, {})
    assert claimant is not None and claimant.name == "Blumenthal"


def test_an_office_names_its_one_holder_else_stays_as_written() -> None:
    mentions = _mentions(TEXT, ["Richard Blumenthal", "Blumenthal", "Blumenthal"])
    claimant = resolve_claimant("the attorney general", _article(TEXT), mentions, {})
    assert claimant == Claimant("Richard Blumenthal", "Person", "Attorney General")
    text = TEXT + " Attorney General Martha Coakley of Massachusetts disagreed."
    mentions = _mentions(text, ["Richard Blumenthal", "Blumenthal", "Blumenthal",
                                "Martha Coakley"])
    claimant = resolve_claimant("the attorney general", _article(text), mentions, {})
    assert claimant == Claimant("the attorney general", "Person")  # two holders: as written
    assert resolve_claimant("the governor", _article(TEXT), mentions, {}) == Claimant(
        "the governor", "Person")


@pytest.mark.parametrize("stored,published", [
    ("Prosecutors", Claimant("prosecutors", "Organization")),
    ("The Ukrainian official in charge of the eastern Donetsk region",
     Claimant("the Ukrainian official in charge of the eastern Donetsk region",
              "Organization")),
    ("The Kremlin", Claimant("The Kremlin", "Organization")),
    ("NATO officials", Claimant("NATO officials", "Organization")),
    ("Military Times", Claimant("Military Times", "Organization")),
])
def test_a_stored_sentence_capital_is_dropped_from_a_described_source(
        stored: str, published: Claimant) -> None:
    assert resolve_claimant(stored, _article(TEXT), [], {}) == published


def test_one_person_one_title_the_fullest() -> None:
    titles = fullest_titles([Claimant("Volodymyr Zelenskyy", "Person", "President"),
                             Claimant("Volodymyr Zelenskyy", "Person", "Ukrainian President"),
                             Claimant("Sergii Nikiforov", "Person", "spokesman"),
                             Claimant("prosecutors", "Organization"), None])
    assert titles == {"Volodymyr Zelenskyy": "Ukrainian President",
                      "Sergii Nikiforov": "spokesman"}


def test_a_lower_case_office_after_the_is_not_the_names_title() -> None:
    text = ("Richard Blumenthal spoke. An opponent, in the words of the president "
            "Blumenthal worked for, gave them the sword.")
    mentions = _mentions(text, ["Richard Blumenthal", "Blumenthal"])
    claimant = resolve_claimant("Blumenthal", _article(text), mentions, {})
    assert claimant == Claimant("Richard Blumenthal", "Person", "")


def test_an_owners_office_is_its_one_holder() -> None:
    text = ("With tanks strewn along a road, spokesman Sergii Nikiforov claimed the car was "
            "hit. According to Zelenskyy's spokesman, a car collided with the convoy.")
    mentions = _mentions(text, ["Sergii Nikiforov", "Zelenskyy"])
    claimant = resolve_claimant("Zelenskyy's spokesman", _article(text), mentions, {})
    assert claimant == Claimant("Sergii Nikiforov", "Person", "spokesman")
    claimant = resolve_claimant("Zelenskyy's spokesman", _article(text), mentions[1:], {})
    assert claimant == Claimant("Zelenskyy's spokesman", "Person")  # no holder named


def test_a_surname_takes_the_formal_name_when_a_nickname_is_the_same_person() -> None:
    text = ("Attorney General Richard Blumenthal defended himself. Blumenthal told the "
            "Times he had misspoken. Dick Blumenthal joined the Marine Corps Reserve.")
    mentions = _mentions(text, ["Richard Blumenthal", "Blumenthal", "Dick Blumenthal"])
    claimant = resolve_claimant("Blumenthal", _article(text), mentions, {})
    assert claimant == Claimant("Richard Blumenthal", "Person", "Attorney General")


# The NYT, BASIL dev (Trump's national emergency, 2019): a surname with a generational
# suffix in the full name, and a wife of the same surname.
CONWAY = ("Among those predicting a flurry of judicial decisions against Mr. Trump was "
          "George T. Conway III, a conservative lawyer and the husband of Kellyanne "
          "Conway, the president’s counselor. Mr. Conway, a vocal critic of Mr. Trump, "
          "wrote on Twitter that the order was unlawful.")


def test_a_surname_is_never_read_off_a_generational_suffix() -> None:
    # with only him named, "Conway" is George T. Conway III (the suffix is no surname)
    alone = CONWAY.replace(" and the husband of Kellyanne Conway, the president’s "
                           "counselor", "")
    mentions = _mentions(alone, ["Trump", "George T. Conway III", "Conway", "Trump"])
    claimant = resolve_claimant("Conway", _article(alone), mentions, {})
    assert claimant is not None and claimant.name == "George T. Conway III"
    # his wife named too: two people of the surname, never the wife alone
    mentions = _mentions(CONWAY, ["Trump", "George T. Conway III", "Kellyanne Conway",
                                  "Conway", "Trump"])
    claimant = resolve_claimant("Conway", _article(CONWAY), mentions, {})
    assert claimant is not None and claimant.name == "Conway"


def test_a_son_told_apart_by_jr_leaves_the_surname_to_the_father() -> None:
    text = ("Donald Trump Jr. met the lawyer in June. Donald Trump said he knew nothing "
            "of it. Trump said the meeting was about adoptions.")
    mentions = _mentions(text, ["Donald Trump Jr.", "Donald Trump", "Trump"])
    claimant = resolve_claimant("Trump", _article(text), mentions, {})
    assert claimant is not None and claimant.name == "Donald Trump"
