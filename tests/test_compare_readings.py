"""Constructions the compare decision misread, turning one fact told twice into two.

Found by reading the pairs where ``factdesk compare``'s decision overruled the same-fact
head on MRPC (docs/matching.md, "MRPC: where compare's decision loses to the head"). The
sentences here are written for the tests, after the constructions found there.
"""

from __future__ import annotations

from factdesk.matching.discrepancies import ClaimFacts, names_its_speaker, quote_text
from factdesk.matching.event_frames import compare_frames, place_key
from factdesk.matching.relations import decide, is_same_quote, only_the_frame_agrees


def _facts(text: str, entities: tuple = (), lemmas: str = "",
           speaker: str | None = None) -> ClaimFacts:
    return ClaimFacts(text=text, kind="quote" if speaker else "other", speaker=speaker,
                      quantities=(), times=(), entities=entities, article_date=None,
                      outlet="", is_quote=speaker is not None, lemmas=tuple(lemmas.split()))


def _decide(a: ClaimFacts, b: ClaimFacts, probability: float = 0.8):
    return decide(probability, 0.7, a, b, same_threshold=0.5, related_threshold=0.34)


def test_a_countrys_short_name_is_the_same_place() -> None:
    uk = _facts("Campaigners used the eclipse to point to light pollution across the UK.",
                (("UK", "GPE", "UK"),), "campaigner eclipse point light pollution")
    britain = _facts("Campaigners seized on the eclipse to show light pollution across Britain.",
                     (("Britain", "GPE", "Britain"),), "campaigner eclipse light pollution")
    alignment = compare_frames(uk, britain)
    assert alignment.verdict == "aligned" and alignment.shared_where == ("UK",)
    assert _decide(uk, britain).relation == "same fact"
    us = _facts("The infected servers were located in the U.S.", (("U.S.", "GPE", "U.S."),),
                "infect server locate")
    states = _facts("The infected servers sat in the United States.",
                    (("the United States", "GPE", "the United States"),), "infect server")
    assert compare_frames(us, states).verdict == "aligned"
    assert place_key("U.S.") == place_key("the United States") == place_key("USA")
    assert place_key("Great Britain") == place_key("U.K.")
    # another country is still another place: the same kind of action elsewhere
    france = _facts("Campaigners seized on the eclipse to show light pollution across France.",
                    (("France", "GPE", "France"),), "campaigner eclipse light pollution")
    assert compare_frames(uk, france).verdict == "another event"
    assert _decide(uk, france).relation == "related"


def test_a_country_qualifying_a_noun_is_not_where_it_happened() -> None:
    # "a key role in U.S. foreign policy debates": an adjective before the qualified noun
    debates = _facts("She played a key role in U.S. foreign policy debates.",
                     (("U.S.", "GPE", "U.S."),), "play key role foreign policy debate")
    held = _facts("The talks were held in the U.S. last week.", (("U.S.", "GPE", "U.S."),),
                  "talk hold week")
    assert compare_frames(debates, held).shared_where == ()
    assert compare_frames(held, held).shared_where == ("U.S.",)


def test_a_quotation_opened_in_the_sentence_before_is_not_its_attribution() -> None:
    # the closing mark of a quotation begun in the sentence before, then a programme's
    # name in quotes: pairing marks from the first quoted "Ms. Reyes said on CBS's"
    cut = ('Nine in ten of those files should be made public, so voters would know," '
           'Ms. Reyes said on CBS\'s "Face the Nation."')
    whole = _facts('"Nine in ten of those files ought to be made public, so voters would '
                   'know."', speaker="Reyes")
    cut_facts = _facts(cut, (("Reyes", "PERSON", "Reyes"), ("CBS", "ORG", "CBS")),
                       speaker="Reyes")
    assert quote_text(cut).startswith("Nine in ten of those files")
    assert "Ms. Reyes said" not in quote_text(cut)
    assert names_its_speaker(cut_facts)
    assert not only_the_frame_agrees(whole, cut_facts)
    # two quotes of one speaker with nothing in common are still only alike in the frame
    other = _facts('"The budget is balanced," Ms. Reyes said.', speaker="Reyes")
    assert only_the_frame_agrees(whole, other)
    # a quoted title inside a sentence is still what it quotes
    assert quote_text('She called the report "a work of fiction" on Monday.') == \
        "a work of fiction"


def test_one_quote_in_other_words_shares_its_stems() -> None:
    # "no pressure" / "nobody ... pressured": a second rendering of one answer
    short = _facts('"I saw no pressure," said Ms. Reyes, the deputy minister.',
                   speaker="Reyes")
    long = _facts('"I saw nobody who pressured anybody," Reyes told reporters.',
                  speaker="Reyes")
    assert not only_the_frame_agrees(short, long)
    # ... but two quotes are one quote only by the words they share as written: stems
    # would make one of "make our states safer" and "suing states for making decisions"
    safer = _facts('"We will make our states safer," Perry said.', speaker="Perry")
    suing = _facts('"Washington should stop suing states for making decisions," Perry said.',
                   speaker="Perry")
    assert not only_the_frame_agrees(safer, suing)
    assert not is_same_quote(safer, suing, similarity=0.9)
