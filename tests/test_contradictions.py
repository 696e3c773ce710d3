"""Accounts of one fact that contradict each other in words: a negation, a reversal."""

from __future__ import annotations

import pytest

from factdesk.matching.contradictions import (
    contradictions,
    contrast_negators,
    defining_clause_words,
    negated_words,
)
from factdesk.matching.discrepancies import ClaimFacts, find_discrepancies
from factdesk.matching.relations import decide


def facts(text: str, outlet: str) -> ClaimFacts:
    return ClaimFacts(text=text, kind="other", speaker=None, quantities=(), times=(),
                      entities=(), article_date=None, outlet=outlet)


@pytest.mark.parametrize("a,b,denial,statement", [
    ("Zelenskiy did not visit Izyum on Wednesday.", "Zelensky visited Izium on Wednesday.",
     "not visit", "visited"),
    ("The senator said he would never support the bill.",
     "The senator said he would support the bill.", "never support", "support"),
    ("Moscow has not yet commented on the graves.", "Moscow commented on the graves.",
     "not yet commented", "commented"),
    ("“If they don't pass this bill, the risk rises,” he said.",
     "“To pass this bill would raise the risk,” he said.", "don't pass", "pass"),
    # opposing a thing tells that it is: only a denial of what should be agrees with it
    ("Russia did not attack Izium.", "Kyiv condemned the attack on Izium.", "not attack",
     "attack"),
    # a denial of the opposing word itself
    ("Santorum did not criticise the requirement.", "Santorum criticised the requirement.",
     "not criticise", "criticised"),
    # what should be against what should be
    ("Plans should not be required to cover the test.",
     "Plans should be required to cover the test.", "not be required", "required"),
    # what passes a denial on, "non-", a contrast and a promise deny only with their kind
    ("It will not be allowed to discriminate.", "It will be allowed to discriminate.",
     "not be allowed", "allowed"),
    ("Parents who aren't citizens were questioned.", "Parents who are citizens were "
     "questioned.", "aren't citizens", "citizens"),
    ("The decision was not political, the officials found.",
     "The decision was political, the officials found.", "not political", "political"),
    ("Mexico won't pay for the wall.", "Mexico will pay for the wall.", "won't pay", "pay"),
])
def test_a_denial_of_what_the_other_states(a: str, b: str, denial: str,
                                           statement: str) -> None:
    found = contradictions(facts(a, "Reuters"), facts(b, "AFP"))
    assert [(d.kind, d.severity, d.a_text, d.b_text) for d in found] == [
        ("negation", "conflict", denial, statement)]
    assert "Reuters says “" + denial in found[0].explanation
    # the other way round: the texts stay with their claims
    (back,) = contradictions(facts(b, "AFP"), facts(a, "Reuters"))
    assert (back.a_text, back.b_text) == (statement, denial)


@pytest.mark.parametrize("a,b", [
    # both deny it, one mentions it besides
    ("“If somebody tells you how to exercise discretion, you don't have discretion.”",
     "“You don't have discretion,” he said."),
    # "failure to pass" says what "don't pass" says
    ("Failure to pass the deal would raise the risk of a double dip.",
     "If they don't pass this bill the risk of a double dip rises."),
    # "no" and "not a" deny a thing's existence or identity, not an act
    ("Tea Party groups say there is no racism within the movement.",
     "The NAACP accused the movement of racism."),
    ("It is not Obama's war.", "Afghanistan is now Mr. Obama's war."),
    ("The war was not a war of Obama's choosing.", "It was a war of Obama's choosing."),
    # an adverb between, a denial in other words, a date after "not … until"
    ("The Kremlin did not immediately respond to a request for comment.",
     "The Kremlin did not respond to a request for comment."),
    ("The ministry would not comment on the report.",
     "The ministry declined to comment on the report."),
    ("Russia did not respond to the letter.", "There was no response from Russia."),
    ("Ukrainian troops did not enter Izium until Saturday.",
     "Ukrainian troops entered Izium on Saturday."),
    # one outcome told from both sides, or with a negation
    ("The committee did not approve the plan.", "The committee rejected the plan."),
    # opposing what follows takes the stance that a denial of what should be states
    ("Santorum criticised the requirement to cover prenatal testing.",
     "Plans shouldn't be required to cover prenatal testing."),
    ("He defended his criticism of a requirement that insurers cover prenatal testing.",
     "He said that health insurance plans shouldn’t be required to cover prenatal testing."),
    ("Santorum objects to the requirement.", "Insurers must not be required to cover it."),
    ("Doctors protested against the requirement.", "Plans should never be required to pay."),
    # a stance on a plan is no denial of what happened to it
    ("Santorum criticised the plan.", "The plan was approved."),
    ("Santorum criticised the plan.", "The plan should not be approved."),
    # what should be against what is, either way round
    ("Plans shouldn't be required to cover the test.", "The law requires plans to cover it."),
    ("Trump shouldn't have used the word.", "Trump used the word."),
    ("Zelensky did not visit Izium.", "Zelensky should visit Izium."),
    # "not only … but also" adds
    ("The report not only criticized his conduct but also his email.",
     "The report criticized his conduct."),
    # a denial of "allowed to" denies what follows "to" as well (BASIL dev, Indiana law)
    ("“The new law does not discriminate,” Long said.",
     "“It is not the intent of the law to discriminate against anyone, and it will not "
     "be allowed to discriminate against anyone,” Long said."),
    # "non-" denies the word it is joined to
    ("Children born to parents who aren't citizens are citizens.",
     "Children born in the U.S. of non-citizen parents are immediately a citizen."),
    # "X, not Y" contrasts, denies no statement
    ("The e-mails show that intelligence officials, not political advisers, drove the "
     "debate.", "The staff tried to alter the talking points for political reasons."),
])
def test_no_contradiction_where_none_is_stated(a: str, b: str) -> None:
    assert contradictions(facts(a, "A"), facts(b, "B")) == []


def test_a_promise_is_a_claim_reported_and_its_denial_a_note() -> None:
    (found,) = contradictions(
        facts("Former Mexican President Fox to Trump: We won't pay for the wall.", "Fox"),
        facts("Mr. Trump promised that Mexico will pay for his border wall.", "NYT"))
    assert (found.kind, found.severity, found.a_text, found.b_text) == (
        "negation", "vague", "won't pay", "promised that Mexico will pay")
    assert "one reports a claim, the other that it is not so" in found.explanation


def test_a_denial_both_accounts_carry_is_no_difference() -> None:
    """BASIL 8abec8d9 (review of session 19): HuffPost quotes Fox's "never pay", NYT
    tells Trump's promise and Fox's vow "that it would never happen": both carry the
    denial, one in other words; the promise is Trump's, not a rendering of the quote."""
    nyt = facts("Despite Mr. Trump’s promises that Mexico will pay for his border wall, Mr. "
                "Fox vowed in February that it would never happen.", "NYT")
    assert contradictions(
        facts("Earlier this year, Fox railed against Trump in an expletive-laden outburst, "
              "promising that Mexico would “never pay for that fucking wall.”", "HuffPost"),
        nyt) == []
    assert contradictions(
        facts("Former Mexican President Fox to Trump: We won't pay for the wall.", "Fox"),
        nyt) == []
    # one reported statement denied in the other, with no denial of its own: still seen
    (found,) = contradictions(
        facts("The senator said he would never support the bill.", "A"),
        facts("The senator said he would support the bill.", "B"))
    assert found.severity == "conflict"


def test_opposite_directions() -> None:
    (found,) = contradictions(facts("Grain prices rose sharply in September.", "AFP"),
                              facts("Grain prices fell sharply in September.", "Reuters"))
    assert (found.kind, found.a_text, found.b_text) == ("direction", "rose", "fell")
    assert contradictions(facts("Prices rose and then fell.", "A"),
                          facts("Prices fell.", "B")) == []
    (won,) = contradictions(facts("The motion won the vote.", "A"),
                            facts("The motion lost the vote.", "B"))
    assert (won.a_text, won.b_text) == ("won", "lost")
    # words that oppose what follows stay opposite directions
    (rejected,) = contradictions(facts("The committee approved the plan.", "A"),
                                 facts("The committee rejected the plan.", "B"))
    assert (rejected.kind, rejected.a_text, rejected.b_text) == ("direction", "approved",
                                                                 "rejected")
    # one outcome from both sides: other names are about
    biden = ClaimFacts(text="Biden won the election.", kind="other", speaker=None,
                       quantities=(), times=(), entities=(("Biden", "PERSON", "Biden"),),
                       article_date=None, outlet="A")
    trump = ClaimFacts(text="Trump lost the election to Biden.", kind="other", speaker=None,
                       quantities=(), times=(), entities=(("Trump", "PERSON", "Trump"),
                                                         ("Biden", "PERSON", "Biden")),
                       article_date=None, outlet="B")
    assert contradictions(biden, trump) == []


def test_negation_makes_a_same_fact_pair_conflicting_but_not_a_related_one() -> None:
    a = facts("Zelenskiy did not visit Izyum on Wednesday, the military said.", "Reuters")
    b = facts("Zelensky visited Izium on Wednesday, the military said.", "AFP")
    relation = decide(0.8, 0.9, a, b, same_threshold=0.51, related_threshold=0.345)
    assert relation.relation == "conflicting"
    assert [d.kind for d in relation.discrepancies] == ["negation"]
    related = decide(0.4, 0.5, a, b, same_threshold=0.51, related_threshold=0.345)
    assert related.relation == "related" and related.discrepancies == ()
    assert find_discrepancies(a, b, same_fact=False) == []


def test_negated_words_reach_over_auxiliaries_only() -> None:
    words = "it has not yet been found and he cannot say why it did n't".split()
    # "cannot say": a speech verb is not what is denied; a trailing "n't" denies nothing
    assert [(words[i], words[j]) for i, j in negated_words(words)] == [("not", "found")]
    assert negated_words("he did not".split()) == []
    assert negated_words("she never ever lies".split()) == [(1, 3)]
    assert negated_words("it is not only late".split()) == []


def test_words_that_deny_or_oppose_what_follows() -> None:
    words = "he defended his criticism of a requirement that he objects to".split()
    # an opposing word reaches over articles and "of" to what it opposes
    assert [(words[i], words[j]) for i, j in negated_words(words, denying=True)] == [
        ("criticism", "requirement")]
    assert negated_words(words) == []  # opposing is not negating
    assert negated_words("an object to throw".split(), denying=True) == []
    assert negated_words("failure to pass".split(), denying=True) == [(0, 2)]
    # a denied "allowed to" (not a flagged negation) denies what follows "to" too
    words = "it will not be allowed to discriminate".split()
    assert negated_words(words, denying=True) == [(2, 4), (2, 6)]
    assert negated_words(words) == [(2, 4)]
    assert negated_words("non citizen parents".split(), denying=True) == [(0, 1)]
    assert negated_words("non citizen parents".split()) == []


def test_a_contrast_denies_no_statement() -> None:
    text = "intelligence officials, not political advisers, drove it — not Obama"
    assert contrast_negators(text) == {2, 7}
    words = text.replace(",", "").replace("—", "").split()
    assert negated_words(words, contrasts=contrast_negators(text)) == []
    assert negated_words(words, denying=True, contrasts=contrast_negators(text)) == [
        (2, 3), (7, 8)]
    assert contrast_negators("The decision was not political.") == frozenset()


def actor_facts(text: str, outlet: str, entities: list[tuple[str, str]],
                quote: bool = False) -> ClaimFacts:
    return ClaimFacts(text=text, kind="quote" if quote else "other", speaker=None,
                      quantities=(), times=(),
                      entities=tuple((t, label, t) for t, label in entities),
                      article_date=None, outlet=outlet, is_quote=quote)


def test_another_actor_in_the_same_role() -> None:
    (found,) = contradictions(
        actor_facts("The bridge was destroyed by Russian forces.", "AFP", [("Russian", "NORP")]),
        actor_facts("The bridge was destroyed by Ukrainian forces.", "Reuters",
                    [("Ukrainian", "NORP")]))
    assert (found.kind, found.severity, found.a_text, found.b_text) == (
        "actor", "conflict", "Russian", "Ukrainian")
    assert "AFP names “Russian” where Reuters names “Ukrainian”" in found.explanation
    (biden,) = contradictions(
        actor_facts("Joe Biden said so.", "A", [("Joe Biden", "PERSON")]),
        actor_facts("Hunter Biden said so.", "B", [("Hunter Biden", "PERSON")]))
    assert (biden.a_text, biden.b_text) == ("Joe Biden", "Hunter Biden")


@pytest.mark.parametrize("a,b", [
    # the same person, named more or less fully
    (("Biden said so.", [("Biden", "PERSON")]),
     ("Joe Biden said so.", [("Joe Biden", "PERSON")])),
    # a name only one account gives (its source) is a detail, not another actor
    (("Zelensky visited Izium, the military said.", [("Zelensky", "PERSON")]),
     ("Zelensky visited Izium, Reuters reported.", [("Zelensky", "PERSON"),
                                                    ("Reuters", "ORG")])),
    # two names differ on one side: no one-for-one substitution to tell
    (("Russians and Belarusians said so.", [("Russians", "NORP"), ("Belarusians", "NORP")]),
     ("Ukrainians said so.", [("Ukrainians", "NORP")])),
    # places and organisations have many names for one thing, and name sources
    (("Missiles supplied by the U.S.", [("U.S.", "GPE")]),
     ("Missiles supplied by the United States", [("the United States", "GPE")])),
    (("Reuters reported the strike.", [("Reuters", "ORG")]),
     ("The Associated Press reported the strike.", [("The Associated Press", "ORG")])),
])
def test_no_other_actor(a: tuple, b: tuple) -> None:
    assert contradictions(actor_facts(a[0], "A", a[1]), actor_facts(b[0], "B", b[1])) == []


def test_quotes_credited_to_other_speakers_are_left_to_the_attribution_check() -> None:
    a = actor_facts("“We will rebuild,” Zelensky said.", "A", [("Zelensky", "PERSON")], True)
    b = actor_facts("“We will rebuild,” Kuleba said.", "B", [("Kuleba", "PERSON")], True)
    assert contradictions(a, b) == []


def test_a_defining_clause_negation_is_no_denial_of_the_event() -> None:
    """'parents who aren't citizens' says which babies are meant; set against
    'birthright citizenship' it is no conflict (BASIL's birthright event, HuffPost / NYT).
    A clause set off by commas still states something, and still conflicts."""
    text = "babies born to parents who aren’t citizens"
    assert defining_clause_words(text) == {5, 6}  # aren't citizens
    assert not defining_clause_words("Zelensky, who did not visit Izium, spoke.")
    assert not defining_clause_words("He said that they did not visit Izium.")
    nyt = ("President Trump said he was preparing an executive order that would nullify "
           "birthright citizenship in the United States.")
    hpo = ("President Donald Trump said he’s considering an executive order to remove the "
           "right to citizenship for babies born in the U.S. to parents who aren’t citizens.")
    assert not contradictions(facts(nyt, "nyt"), facts(hpo, "hpo"))
    assert [d.kind for d in contradictions(
        facts("Zelensky, who did not visit Izium, spoke in Kyiv.", "a"),
        facts("Zelensky visited Izium on Wednesday.", "b"))] == ["negation"]
