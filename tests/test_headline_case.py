"""A headline in title case is read as in sentence case (review 19, finding 3).

"Nebraska and Oklahoma Sue Colorado Over Marijuana Law" was parsed with "Oklahoma Sue" a
place and "Marijuana Law" a person, and the pair model's capitalised-word features read
its common nouns as names: the headline was "same fact" with nearly any sentence naming
the two states and Colorado. The texts are the BASIL suit event's (b764f81f) and Strzok
event's (2a3fde8a) headlines and sentences.
"""

from __future__ import annotations

from datetime import date

from factdesk.matching.pair_inputs import pair_input
from factdesk.model.models import Claim
from factdesk.nlp.headline_case import body_names, names_in_text, recase, whole_title_case

SUIT_DAY = date(2014, 12, 18)
NYT_SUIT = (
    "Nebraska and Oklahoma Sue Colorado Over Marijuana Law\n\n"
    "DENVER — Two heartland states filed the first major court challenge to marijuana "
    "legalization on Thursday, saying that Colorado’s growing array of state-regulated "
    "recreational marijuana shops was piping marijuana into neighboring states and should "
    "be shut down.\n\n"
    "The lawsuit was brought by attorneys general in Nebraska and Oklahoma, and asks the "
    "United States Supreme Court to strike down key parts of a 2012 voter-approved measure "
    "that legalized marijuana in Colorado for adult use and created a new system of "
    "stores, taxes and regulations surrounding retail marijuana.\n\n"
    "While marijuana remains illegal under federal law, officials have largely allowed "
    "Colorado and other states to move ahead with state-run programs allowing medical and "
    "recreational marijuana.\n")
FOX_17 = ("They include keeping marijuana in-state — something Oklahoma and Nebraska says "
          "Colorado has failed to do.")


def test_only_a_sentence_in_title_case_is_read_as_a_headline() -> None:
    assert whole_title_case("Nebraska and Oklahoma Sue Colorado Over Marijuana Law".split())
    assert whole_title_case(
        "F.B.I. Agent Peter Strzok, Who Criticized Trump in Texts, Is Fired".split())
    assert not whole_title_case(
        "FBI fires Peter Strzok, months after anti-Trump texts revealed".split())
    assert not whole_title_case(FOX_17.split())
    # names and a day, but a sentence: "went" is written in lower case
    assert not whole_title_case(
        "President Volodymyr Zelensky went to Izium on Wednesday.".split())


def test_common_words_are_lowered_and_names_acronyms_and_first_word_kept() -> None:
    names = {"nebraska", "oklahoma", "colorado"}
    assert recase("Nebraska and Oklahoma Sue Colorado Over Marijuana Law", names) == (
        "Nebraska and Oklahoma sue Colorado over marijuana law")
    assert recase("FBI Agent Peter Strzok Fired Over Anti-Trump Text Messages",
                  {"peter", "strzok", "trump"}) == (
        "FBI agent Peter Strzok fired over anti-Trump text messages")
    assert recase("F.B.I. Agent Peter Strzok, Who Criticized Trump in Texts, Is Fired",
                  {"peter", "strzok", "trump"}) == (
        "F.B.I. agent Peter Strzok, who criticized Trump in texts, is fired")


def test_the_body_tells_names_by_their_capitals_inside_sentences() -> None:
    words = [("Marijuana", True), ("flows", False), ("from", False), ("Colorado", False),
             ("into", False), ("marijuana", False), ("shops", False), ("Law", False),
             ("law", False), ("law", False)]
    assert body_names(words) == {"colorado"}  # a sentence's first word tells nothing


def test_the_headline_claim_keeps_the_names_of_its_sentence_case_parse(extractor) -> None:
    (analysis,) = extractor.analyse([(1, NYT_SUIT, SUIT_DAY)])
    headline = next(c for c in analysis.claims if c.start == 0)
    assert headline.text == "Nebraska and Oklahoma Sue Colorado Over Marijuana Law"
    names = {(e["text"], e["label"]) for e in headline.entities}
    assert names == {("Nebraska", "GPE"), ("Oklahoma", "GPE"), ("Colorado", "GPE")}
    terms = headline.lemmas.split()
    assert "sue" in terms and "law" in terms


def test_the_pair_model_reads_the_headline_in_sentence_case(extractor, compare) -> None:
    (analysis,) = extractor.analyse([(1, NYT_SUIT, SUIT_DAY)])
    draft = next(c for c in analysis.claims if c.start == 0)
    claim = Claim(id=1, article_id=1, start=draft.start, end=draft.end, text=draft.text,
                  prefix="", suffix="", kind=draft.kind, score=draft.score,
                  speaker=None, origin="detected", quantities=draft.quantities,
                  times=draft.times, entities=draft.entities, lemmas=draft.lemmas)
    seen = pair_input(claim)
    assert seen.text == "Nebraska and Oklahoma sue Colorado over marijuana law"
    assert "marijuana law" not in seen.entities
    # the headline alone, with no body to tell its names, is compared as written; in
    # sentence case it is no longer the same fact as the Justice Department's priority
    relation, _found, _reason = compare(seen.text, FOX_17, SUIT_DAY)
    assert relation != "same fact"


def test_an_article_a_is_lowered_but_an_initial_and_a_day_are_kept() -> None:
    assert recase("Trump Gets A Boost From Michael E. Horowitz Report On Friday",
                  {"trump", "michael", "horowitz"}) == (
        "Trump gets a boost from Michael E. Horowitz report on Friday")


def test_a_headline_marked_by_hand_is_read_alike(extractor) -> None:
    end = NYT_SUIT.index("\n")
    draft = extractor.analyse_span(NYT_SUIT, 0, end, SUIT_DAY, 1.0, "manual")
    assert draft.text == "Nebraska and Oklahoma Sue Colorado Over Marijuana Law"
    assert {e["text"] for e in draft.entities} == {"Nebraska", "Oklahoma", "Colorado"}


def test_names_are_told_in_a_plain_text_by_its_sentences() -> None:
    body = NYT_SUIT[NYT_SUIT.index("\n"):]
    names = names_in_text(body)
    assert {"nebraska", "oklahoma", "colorado", "united"} <= names
    assert "states" not in names  # "neighboring states", "other states": more often so
    assert not {"marijuana", "law", "the", "while"} & names
