"""A quoted reaction is not the fact it reacts to; one person is one speaker.

Short excerpts of BASIL development events (Fan et al., EMNLP 2019): the border-wall
national emergency (2019-02-15), Richard Blumenthal's Vietnam words (2010-05-17) and
Donald Trump Jr.'s WikiLeaks messages (2017-11-13), read by the real spaCy model
through ``factdesk compare`` and the claim extractor. docs/matching.md, "Reactions and
speaker identity".
"""

from __future__ import annotations

from datetime import date

import pytest

from factdesk.core.comparing import rate_texts
from factdesk.matching.discrepancies import ClaimFacts
from factdesk.matching.reactions import named_speaker, reaction_by
from factdesk.nlp.aliases import AliasResolver
from factdesk.nlp.person_names import first_reference_names, introduced_name
from factdesk.nlp.pipeline import ClaimExtractor

EMERGENCY_DAY = date(2019, 2, 15)
BLUMENTHAL_DAY = date(2010, 5, 17)
WIKILEAKS_DAY = date(2017, 11, 13)

NYT = ("Trump Declares a National Emergency, and Provokes a Constitutional Clash\n\n"
       "WASHINGTON — President Trump declared a national emergency on the border with "
       "Mexico on Friday in order to access billions of dollars that Congress refused to "
       "give him to build a wall there, transforming a highly charged policy dispute into a "
       "confrontation over the separation of powers outlined in the Constitution.")
HUFFPOST = ("“Any crisis on our border is of President Trump’s own making: family "
            "separations, child detention, turning our backs on asylum seekers, and more. "
            "There is no national emergency,” California Attorney General Xavier Becerra, "
            "who has sued the Trump administration multiple times, said in a statement.\n\n"
            "“If Trump oversteps his authority and abandons negotiations with Congress by "
            "declaring a fabricated national emergency, we won’t only call his bluff, we "
            "will do what we must to hold him accountable.”")


def _facts(a: str, b: str, day: date) -> tuple[ClaimFacts, ClaimFacts]:
    rated = rate_texts([(a, b)], published=day)[0]
    return ClaimFacts.from_claim(rated.a, day), ClaimFacts.from_claim(rated.b, day)


@pytest.mark.slow
def test_a_quoted_reaction_is_not_the_same_fact(nlp, tmp_path) -> None:
    """NYT's lead and California's attorney general's quote (its speaker named in the
    sentence before) share who and what (Trump, declaring a national emergency): the
    panel called them the same fact. Becerra's words are a reaction NYT does not
    report."""
    from factdesk.core.analysis import analyse_articles
    from factdesk.core.importing import store_parsed
    from factdesk.core.project import Project
    from factdesk.ingest import parse_pasted
    from factdesk.matching.panel import match_reason

    with Project.open(tmp_path / "emergency.factdesk") as project:
        ids = [store_parsed(project, parse_pasted(text, title=title, outlet=outlet,
                                                  published="2019-02-15"))[0]
               for text, title, outlet in ((NYT, "Trump Declares a National Emergency",
                                            "NYT"),
                                           (HUFFPOST, "Trump Declares National Emergency",
                                            "HuffPost"))]
        analyse_articles(project, ids, n_process=1)
        claims = {c.id: c for c in project.claims.iter_all()}
        lead = next(c for c in claims.values() if c.text.startswith("President Trump"))
        quote = next(c for c in claims.values() if c.text.startswith("“If Trump"))
        assert quote.speaker == "Xavier Becerra"
        match = next(m for m in project.matches.all()
                     if {m.claim_a, m.claim_b} == {lead.id, quote.id})
        assert match.relation == "related"
        notes = [d for d in match.discrepancies if d["kind"] == "reaction"]
        assert len(notes) == 1, match.discrepancies
        assert "neither quotes nor names Xavier Becerra" in notes[0]["explanation"]
        a, b = (claims[match.claim_a], claims[match.claim_b])
        reason = match_reason(ClaimFacts.from_claim(a), ClaimFacts.from_claim(b),
                              match.discrepancies)
        assert reason.startswith("Words of Xavier Becerra, whom the other does not name")


@pytest.mark.slow
def test_the_same_person_named_otherwise_is_no_reaction(nlp) -> None:
    """Fox News names him "Democratic Attorney General Richard Blumenthal", NYT quotes "Mr.
    Blumenthal": one person, so NYT's quote is no reaction to Fox News's sentence."""
    fox = ("Democratic Attorney General Richard Blumenthal, once thought to be a shoo-in "
           "for the seat being vacated by Sen. Chris Dodd, D-CT, finds himself on the "
           "political ropes after a newspaper exposed a past incorrect statement regarding "
           "his service in Vietnam.")
    nyt = ("“We have learned something important since the days that I served in Vietnam,” "
           "Mr. Blumenthal said to the group gathered in Norwalk in March 2008.")
    a, b = _facts(fox, nyt, BLUMENTHAL_DAY)
    assert b.speaker_name is not None and "Blumenthal" in b.speaker_name
    assert reaction_by(a, b) is None


@pytest.mark.slow
def test_a_pronoun_for_the_speaker_is_no_reaction(nlp) -> None:
    """NYT's "his speech to the group in Norwalk" names no one: it may well be about the
    speaker of HuffPost's quote (it is), so the quote is not a reaction to it."""
    a, b = _facts(
        "Sometimes his remarks have been plainly untrue, as in his speech to the group in "
        "Norwalk.",
        "“We have learned something important since the days that I served in Vietnam,” "
        "Mr. Blumenthal said to the group gathered in Norwalk in March 2008.",
        BLUMENTHAL_DAY)
    assert reaction_by(a, b) is None


@pytest.mark.slow
def test_the_son_is_not_the_father(nlp) -> None:
    """Fox News quotes "Trump Jr."; HuffPost's sentence is about his father ("the elder
    Trump"): the son's words are a reaction the other does not name. And the other way
    round: a quote of the president is not named by a sentence about his son."""
    son = "“Already did that earlier today,” Trump Jr. later replied."
    father = ("On another, WikiLeaks wrote it was happy to see the elder Trump mentioning "
              "the group on the campaign trail.")
    a, b = _facts(son, father, WIKILEAKS_DAY)
    assert a.speaker_name == "Donald Trump Jr." or a.speaker_name == "Trump Jr."
    reaction = reaction_by(a, b)
    assert reaction is not None and reaction.first and "Jr" in reaction.speaker


# --- speaker identity: the alias resolution the project's speakers go through ---------

def test_every_form_of_one_senator_is_one_person() -> None:
    forms = ["Mr. Blumenthal", "Blumenthal", "Richard Blumenthal",
             "Sen. Richard Blumenthal (D-Conn.)", "Dick Blumenthal", "Blumenthal’s"]
    resolved = AliasResolver().resolve([(f, "PERSON") for f in forms])
    assert set(resolved.values()) == {"Richard Blumenthal"}, resolved


def test_transliterations_of_one_name_are_one_person() -> None:
    forms = ["Zelenskyy", "Zelenskiy", "Zelensky", "Volodymyr Zelenskyy", "Mr. Zelensky"]
    resolved = AliasResolver().resolve([(f, "PERSON") for f in forms])
    assert len(set(resolved.values())) == 1, resolved


def test_trump_jr_written_so_is_another_person() -> None:
    """Where the writers tell the son apart by "Trump Jr.", every "Trump" and "Mr.
    Trump" is the father, and the son keeps his own name."""
    resolved = AliasResolver().resolve([
        ("Donald Trump", "PERSON"), ("Trump", "PERSON"), ("Mr. Trump", "PERSON"),
        ("President Trump", "PERSON"), ("Donald Trump Jr.", "PERSON"),
        ("Trump Jr.", "PERSON")])
    father = {resolved[n] for n in ("Donald Trump", "Trump", "Mr. Trump", "President Trump")}
    son = {resolved[n] for n in ("Donald Trump Jr.", "Trump Jr.")}
    assert father == {"Donald Trump"} and son == {"Donald Trump Jr."}


def test_a_suffix_alone_tells_no_one_apart() -> None:
    """NYT writes "Joseph R. Biden Jr.", Fox News "Joe Biden": one person."""
    resolved = AliasResolver().resolve([
        ("Joseph R. Biden Jr.", "PERSON"), ("Joe Biden", "PERSON"), ("Biden", "PERSON"),
        ("Mr. Biden", "PERSON")])
    assert len(set(resolved.values())) == 1, resolved


def test_an_article_s_mr_trump_is_whom_it_introduced() -> None:
    """NYT's WikiLeaks article names "Donald Trump Jr." first and "Mr. Trump" after; an
    article that calls the son "Trump Jr." tells the two apart itself."""
    nyt = first_reference_names([("Donald Trump Jr.", "PERSON"), ("WikiLeaks", "ORG"),
                                 ("Trump", "PERSON"), ("Clinton", "PERSON")])
    assert introduced_name("Mr. Trump", nyt) == "Donald Trump Jr."
    assert introduced_name("Clinton", nyt) == "Clinton"  # never named in full here
    # a full name without a suffix is left to the project's alias resolution
    blumenthal = first_reference_names([("Richard Blumenthal", "PERSON"),
                                        ("Blumenthal", "PERSON")])
    assert introduced_name("Mr. Blumenthal", blumenthal) == "Mr. Blumenthal"
    fox = first_reference_names([("Trump", "PERSON"), ("Donald Trump Jr.", "PERSON"),
                                 ("Trump Jr.", "PERSON")])
    assert introduced_name("Trump", fox) == "Trump"


@pytest.mark.slow
def test_the_speaker_of_mr_trump_in_an_article_on_his_son(nlp) -> None:
    """NYT's "“Already did that earlier today,” Mr. Trump said" is the son's reply: the
    claim's speaker is the name the article introduced him by."""
    text = ("WASHINGTON — Donald Trump Jr. had multiple online conversations during the 2016 "
            "presidential campaign with WikiLeaks, according to four congressional "
            "officials.\n\n“Already did that earlier today,” Mr. Trump said in response. "
            "“It’s amazing what she can get away with.”")
    analysis = next(ClaimExtractor().analyse([(1, text, WIKILEAKS_DAY)]))
    quote = next(c for c in analysis.claims if c.text.startswith("“Already"))
    assert quote.speaker == "Donald Trump Jr."


@pytest.mark.parametrize(("speaker", "named"), [
    ("Xavier Becerra", True), ("Beto O'Rourke", True), ("Democrats", True),
    ("a senior administration official", False), ("White House officials", False),
    ("the president", False), ("Blumenthal's campaign", False), ("he", False),
    ("Élise Stefanik", True), ("Óscar Arias", True), ("Ursula von der Leyen", True),
    ("Bank of America", True), ("élise stefanik", False)])
def test_a_named_speaker_is_a_name_not_a_description(speaker: str, named: bool) -> None:
    facts = ClaimFacts(text="“We will sue,” they said.", kind="quote", speaker=speaker,
                       quantities=(), times=(), entities=(), article_date=None,
                       is_quote=True)
    assert (named_speaker(facts) is not None) is named
