"""Meaning in matching: stored claim vectors, the semantic index, event frames, the panel."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from factdesk.matching.claim_vectors import VECTOR_DIM, encode_codes, quantise, unit_vectors
from factdesk.matching.discrepancies import ClaimFacts
from factdesk.matching.event_frames import compare_frames
from factdesk.matching.panel import match_reason, panel_order
from factdesk.matching.relations import decide
from factdesk.matching.semantic_index import SemanticIndex


def test_int8_codes_keep_the_cosine() -> None:
    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(50, VECTOR_DIM)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    codes = quantise(vectors)
    assert codes.dtype == np.int8 and np.abs(codes).max() == 127
    back = unit_vectors(codes)
    exact = vectors @ vectors.T
    assert np.abs(back @ back.T - exact).max() < 0.02


def test_visited_is_close_to_went_to() -> None:
    v = unit_vectors(encode_codes(["Zelensky visited Izium on Wednesday.",
                                   "Zelensky went to Izium on Wednesday.",
                                   "The central bank raised interest rates again."]))
    assert v[0] @ v[1] > 0.9
    assert v[0] @ v[2] < v[0] @ v[1] - 0.3


def test_semantic_index_finds_the_nearest_claims_of_other_articles() -> None:
    texts = ["Zelensky visited Izium on Wednesday.", "Zelensky went to Izium on Wednesday.",
             "The central bank raised interest rates.", "Rates were raised by the bank."]
    codes = encode_codes(texts)
    index = SemanticIndex()
    index.add_many([(10, 1, codes[0]), (11, 2, codes[1]), (12, 2, codes[2]), (13, 3, codes[3])])
    query = unit_vectors(codes[:1])
    (hits,) = index.query_many(query, exclude_article=1, k=2)
    assert [cid for cid, _ in hits][0] == 11
    assert all(cid != 10 for cid, _ in hits)  # its own article is left out
    assert hits[0][1] == pytest.approx(dict(index.brute_force(query[0], 4))[11], abs=1e-4)
    index.remove(11)
    (hits,) = index.query_many(query, exclude_article=1, k=1, floor=-1.0)
    assert hits and hits[0][0] in (12, 13)
    assert index.codes_of(12) is not None and index.codes_of(11) is None


def test_batched_query_agrees_with_brute_force_on_many_claims() -> None:
    # 5,000 claims (not a multiple of the selection block), some removed, one article
    # excluded: every query's hits are the brute-force best outside that article.
    rng = np.random.default_rng(5)
    vectors = rng.normal(size=(5_000, VECTOR_DIM)).astype(np.float32)
    vectors[:, VECTOR_DIM // 2:] *= 0.2  # Matryoshka-like: the prefix carries most
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    codes = quantise(vectors)
    index = SemanticIndex()
    index.add_many([(i, i // 25, codes[i]) for i in range(5_000)])
    for removed in range(0, 5_000, 7):
        index.remove(removed)
    queries = unit_vectors(codes[100:130])  # article 4's own claims
    results = index.query_many(queries, exclude_article=4, k=3, floor=-1.0)
    assert len(results) == 30
    for query, hits in zip(queries, results, strict=True):
        expected = [(cid, score) for cid, score in index.brute_force(query, 40)
                    if cid // 25 != 4][:3]
        assert [cid for cid, _ in hits] == [cid for cid, _ in expected]
        assert [s for _, s in hits] == pytest.approx([s for _, s in expected], abs=1e-4)
        assert all(cid % 7 for cid, _ in hits)  # removed claims never come back


def test_vectors_are_stored_per_claim_and_recomputed_when_the_text_changes(
        tmp_path: Path) -> None:
    from factdesk.core.importing import store_parsed
    from factdesk.core.project import Project
    from factdesk.ingest import parse_pasted
    from factdesk.matching.claim_vectors import claim_vectors
    from factdesk.model.models import ClaimDraft
    from factdesk.storage.claim_vectors import ClaimVectorRepository

    with Project.open(tmp_path / "v.factdesk") as project:
        article_id, _ = store_parsed(project, parse_pasted("Zelensky visited Izium.", title="t"))
        with project.transaction():
            claim_id = project.claims.add(article_id, ClaimDraft(
                0, 23, "Zelensky visited Izium.", "", "", "other", 0.5))
        repo = ClaimVectorRepository(project.db)
        codes, computed = claim_vectors(repo, [claim_id])
        assert [c for c, _, _ in computed] == [claim_id]
        with project.transaction():
            repo.save(computed)
        again, computed = claim_vectors(repo, [claim_id])
        assert computed == [] and np.array_equal(again[claim_id], codes[claim_id])
        assert repo.bytes_stored() == VECTOR_DIM
        with project.transaction():
            project.claims.update(claim_id, text="Zelensky went to Kyiv.")
        _, computed = claim_vectors(repo, [claim_id])
        assert [c for c, _, _ in computed] == [claim_id]  # stale: recomputed


def _facts(text: str, entities: tuple = (), outlet: str = "", lemmas: str = "",
           speaker: str | None = None) -> ClaimFacts:
    return ClaimFacts(text=text, kind="other", speaker=speaker, quantities=(), times=(),
                      entities=entities, article_date=None, outlet=outlet,
                      lemmas=tuple(lemmas.split()))


def test_one_event_in_two_places_is_a_place_conflict_naming_both_outlets() -> None:
    nyt = _facts("The attorney general said he had misspoken during the Norwalk event.",
                 (("Norwalk", "GPE", "Norwalk"),), "nyt",
                 "attorney general misspeak norwalk event")
    fox = _facts("He said he had misspoken at a 2008 event in Norfolk.",
                 (("Norfolk", "GPE", "Norfolk"),), "fox", "misspeak 2008 event norfolk")
    alignment = compare_frames(nyt, fox)
    assert alignment.verdict == "place conflict"
    decided = decide(0.7, 0.6, nyt, fox, same_threshold=0.5, related_threshold=0.34)
    assert decided.relation == "conflicting"
    place = [d for d in decided.discrepancies if d.kind == "place"]
    assert place and "nyt" in place[0].explanation and "fox" in place[0].explanation
    assert "Norwalk" in place[0].explanation and "Norfolk" in place[0].explanation
    reason = match_reason(nyt, fox, [d.as_dict() for d in decided.discrepancies])
    assert "misspoken" in reason and "Norwalk" in reason and "Norfolk" in reason


def test_the_same_kind_of_action_elsewhere_by_no_one_shared_is_another_event() -> None:
    bucha = _facts("Authorities discovered hundreds of bodies in Bucha.",
                   (("Bucha", "GPE", "Bucha"),), "Dallas Express",
                   "authority discover hundred body bucha")
    izium = _facts("Investigators uncovered hundreds of bodies in Izium.",
                   (("Izium", "GPE", "Izium"),), "Reuters",
                   "investigator uncover hundred body izium")
    assert compare_frames(bucha, izium).verdict == "another event"
    decided = decide(0.6, 0.7, bucha, izium, same_threshold=0.5, related_threshold=0.34)
    assert decided.relation == "related" and decided.score < 0.5


def test_more_detail_on_one_side_still_aligns() -> None:
    a = _facts("Zelensky visited Izyum on Wednesday.",
               (("Zelensky", "PERSON", "Zelensky"), ("Izyum", "GPE", "Izium")), "AFP",
               "visit wednesday")
    b = _facts("Zelensky looked on Wednesday as the flag was raised.",
               (("Zelensky", "PERSON", "Zelensky"),), "Dallas Express",
               "look wednesday flag raise")
    alignment = compare_frames(a, b)
    assert alignment.verdict == "aligned" and alignment.shared_who == ("Zelensky",)
    decided = decide(0.1, 0.3, a, b, same_threshold=0.5, related_threshold=0.34,
                     event=0.8, event_threshold=0.47)
    assert decided.relation == "same fact" and decided.reason == "same event"
    assert decided.score == pytest.approx(0.8)
    # the protagonist alone is not enough: he is in most of the story's claims
    c = _facts("Zelensky accuses Russia of war crimes.", (("Zelensky", "PERSON", "Zelensky"),),
               "Reuters", "accuse crime war")
    assert decide(0.1, 0.3, a, c, same_threshold=0.5, related_threshold=0.34, event=0.8,
                  event_threshold=0.47).relation != "same fact"


class _M:
    def __init__(self, relation: str, score: float, decision: str | None = None) -> None:
        self.relation, self.score, self.decision = relation, score, decision


def test_panel_orders_by_relation_then_score() -> None:
    ms = [_M("related", 0.49), _M("same fact", 0.55), _M("conflicting", 0.9),
          _M("same fact", 0.95, "rejected"), _M("related", 0.3)]
    order = [(m.relation, m.score) for m in panel_order(ms)]
    assert order == [("conflicting", 0.9), ("same fact", 0.55), ("related", 0.49),
                     ("related", 0.3), ("same fact", 0.95)]


BLUMENTHAL = "85475456-f38e-4c30-895d-ca2c819c6af1"  # BASIL dev: Blumenthal's Vietnam words


@pytest.mark.slow
def test_blumenthal_norwalk_and_norfolk_are_linked_as_a_place_conflict(
        nlp, shared_eval: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """NYT places Blumenthal's 2008 speech in Norwalk, Fox News and HuffPost in Norfolk;
    only the place conflicts (NYT's interview "on Monday" is another event's time)."""
    import json

    from factdesk.core.analysis import analyse_articles
    from factdesk.core.importing import store_parsed
    from factdesk.core.project import Project
    from factdesk.ingest import parse_pasted

    articles = [row for row in map(json.loads, (shared_eval / "basil" / "articles-dev.jsonl")
                                   .read_text(encoding="utf-8").splitlines())
                if row["triplet-uuid"] == BLUMENTHAL]
    assert len(articles) == 3
    with Project.open(tmp_path / "blumenthal.factdesk") as project:
        outlet_of = {}
        for row in articles:
            text = "\n\n".join(" ".join(p) for p in row["body-paragraphs"])
            article_id, _ = store_parsed(project, parse_pasted(
                text, title=row["title"], outlet=row["source"], published=row["date"]))
            outlet_of[article_id] = row["source"]
        analyse_articles(project, list(outlet_of), n_process=1)
        claims = {c.id: c for c in project.claims.iter_all()}
        norwalk = [c for c in claims.values()
                   if outlet_of[c.article_id] == "nyt" and "misspoken" in c.text
                   and "Norwalk" in c.text]
        norfolk = [c for c in claims.values()
                   if outlet_of[c.article_id] != "nyt" and "Norfolk" in c.text]
        assert norwalk and len(norfolk) == 2
        for other in norfolk:
            found = [m for m in project.matches.for_claim(norwalk[0].id)
                     if other.id in (m.claim_a, m.claim_b)]
            assert found, other.text
            assert found[0].relation == "conflicting"
            place = [d for d in found[0].discrepancies if d["kind"] == "place"]
            assert place and place[0]["severity"] == "conflict"
            text = place[0]["explanation"]
            assert "Norwalk" in text and "Norfolk" in text
            assert "nyt" in text and outlet_of[other.article_id] in text
            # NYT's interview "on Monday" is not a date of the 2008 speech
            assert not [d for d in found[0].discrepancies if d["kind"] == "date"
                        and d["severity"] == "conflict"], found[0].discrepancies
        # Fox News's "six months on Paris Island" is HuffPost's "six months in Parris
        # Island, SC": one fact, the depot's name respelled (a variant, not a conflict)
        (paris,) = [c for c in claims.values() if "Paris Island" in c.text]
        (parris,) = [c for c in claims.values() if "Parris Island" in c.text]
        link = [m for m in project.matches.for_claim(paris.id)
                if parris.id in (m.claim_a, m.claim_b)]
        assert link and link[0].relation == "same fact", link
        names = [d for d in link[0].discrepancies if d["kind"] == "name"]
        assert [(d["severity"], {d["a_text"], d["b_text"]}) for d in names] == [
            ("variant", {"Paris Island", "Parris Island"})]
        assert not [d for d in link[0].discrepancies if d["kind"] == "place"]
        first, second = sorted([paris, parris], key=lambda c: c.id == link[0].claim_b)
        reason = match_reason(ClaimFacts.from_claim(first, outlet=outlet_of[first.article_id]),
                              ClaimFacts.from_claim(second,
                                                    outlet=outlet_of[second.article_id]),
                              link[0].discrepancies)
        assert "spelling Paris Island vs Parris Island" in reason \
            or "spelling Parris Island vs Paris Island" in reason, reason


def test_compare_names_what_differs_and_tells_another_event(nlp) -> None:  # noqa: ANN001
    from factdesk.core.comparing import compare_texts

    place, bodies, elsewhere = compare_texts([
        ("Blumenthal spoke at an event in Norwalk on Wednesday.",
         "Blumenthal spoke at an event in Norfolk on Thursday."),
        ("Ukrainian investigators found 300 bodies in a mass grave in Izium.",
         "Ukrainian investigators found 450 bodies in a mass grave in Izium."),
        ("Ukrainian authorities discovered hundreds of bodies in Bucha.",
         "Ukrainian investigators uncovered hundreds of bodies in Izium."),
    ])
    assert place.relation == "conflicting"
    kinds = {d["kind"]: d["severity"] for d in place.discrepancies}
    assert kinds["place"] == "conflict" and kinds["date"] == "conflict"
    assert "Norwalk vs Norfolk" in place.reason and "Blumenthal" in place.reason
    assert bodies.relation == "conflicting" and "300 vs 450" in bodies.reason
    assert elsewhere.relation != "same fact" and elsewhere.relation != "conflicting"
    assert "Bucha vs Izium" in elsewhere.reason


def test_a_name_spelled_differently_is_a_spelling_note_not_a_difference() -> None:
    from factdesk.matching.panel import differences

    notes = differences([
        {"kind": "name", "severity": "variant", "a_text": "Izyum", "b_text": "Izium"},
        {"kind": "name", "severity": "conflict", "a_text": "Kyiv", "b_text": "Lviv"},
        {"kind": "number", "severity": "compatible", "a_text": "450", "b_text": "400"},
    ])
    assert notes == ["spelling Izyum vs Izium", "name Kyiv vs Lviv"]


def test_the_pieces_of_a_hyphenated_name_are_not_what_was_done() -> None:
    # BASIL dev, Wal-Mart event: "wal" and "mart" (the lemmas of "Wal-Mart") counted as
    # two shared actions, so with the company as shared "who" nearly every pair of the
    # event's claims was "same fact" (one HuffPost claim had 8), reason "what: mart, wal"
    hpo = _facts("The 10-year-old lawsuit, argued in lively exchanges at the court Tuesday, "
                 "claims that Wal-Mart Stores Inc., the world's largest employer, favors men "
                 "over women in pay and promotions.",
                 (("Wal-Mart Stores Inc.", "ORG", "Wal-Mart Stores Inc."),), "hpo",
                 "10 year old lawsuit argue lively exchange court tuesday claim wal mart "
                 "stores world large employer favor man woman pay promotion")
    nyt = _facts("He added later that “Wal-Mart was behind the other large retailers.”",
                 (("Wal-Mart", "ORG", "Wal-Mart Stores Inc."),), "nyt",
                 "add later wal mart large retailer")
    alignment = compare_frames(hpo, nyt)
    assert "wal" not in alignment.shared_action and "mart" not in alignment.shared_action
    assert alignment.shared_action == ("large",) and not alignment.supports_one_event
    decided = decide(0.1, 0.3, hpo, nyt, same_threshold=0.5, related_threshold=0.34,
                     event=0.8, event_threshold=0.47)
    assert decided.relation != "same fact"
    assert "mart" not in match_reason(hpo, nyt)


def test_a_place_name_qualifying_a_noun_is_not_where_it_happened() -> None:
    # BASIL dev, Wal-Mart event: Fox News's "the largest of its kind in U.S. history"
    # placed the lawsuit in the U.S., against HuffPost's headline "... In Wal-Mart Sex
    # Bias Lawsuit": "conflicting", "differs: place Wal-Mart Sex Bias Lawsuit vs U.S."
    fox = _facts("A pending class action lawsuit against Wal-Mart that would be the largest "
                 "of its kind in U.S. history may soon be dismissed, considering the tenor "
                 "of oral arguments before the Supreme Court Tuesday.",
                 (("Wal-Mart", "ORG", "Wal-Mart"), ("U.S.", "GPE", "U.S."),
                  ("Supreme Court", "ORG", "Supreme Court")), "fox",
                 "pende class action lawsuit large kind history soon dismiss consider tenor "
                 "oral argument tuesday")
    hpo = _facts("Supreme Court Hears Argument In Wal-Mart Sex Bias Lawsuit",
                 (("Supreme Court Hears Argument In", "ORG", "Supreme Court Hears Argument In"),
                  ("Wal-Mart Sex Bias Lawsuit", "ORG", "Wal-Mart Sex Bias Lawsuit")), "hpo")
    alignment = compare_frames(fox, hpo)
    assert alignment.verdict == "aligned" and not alignment.place_a
    assert "place" not in match_reason(fox, hpo)
    # a place written as where something happened still is one
    held = _facts("The rally was held in Norfolk on Tuesday.", (("Norfolk", "GPE", "Norfolk"),))
    assert compare_frames(held, held).shared_where == ("Norfolk",)


def test_sentences_worded_alike_are_the_same_fact_heads_to_decide() -> None:
    """The same-event head does not overrule the same-fact head on sentences that share
    most of their words: there "not the same" means one event told with other details
    (the kind of pair MRPC's "not a paraphrase" is made of). The same fact told in other
    words is still found by the same-event path."""
    from factdesk.matching.relations import worded_alike

    filed = _facts("Acme Corp filed for bankruptcy protection in Delaware in July, "
                   "its chief executive said.", (("Acme Corp", "ORG", "Acme Corp"),
                                                  ("Delaware", "GPE", "Delaware")), "a",
                   "acme corp file bankruptcy protection delaware july chief executive say")
    cut = _facts("Acme Corp filed for bankruptcy protection in Delaware in July and cut "
                 "2,000 jobs, its chief executive said.",
                 (("Acme Corp", "ORG", "Acme Corp"), ("Delaware", "GPE", "Delaware")), "b",
                 "acme corp file bankruptcy protection delaware july cut job chief executive say")
    assert worded_alike(filed, cut)
    decided = decide(0.2, 0.8, filed, cut, same_threshold=0.5, related_threshold=0.34,
                     event=0.95, event_threshold=0.5)
    assert decided.relation == "related"
    # above the same-fact threshold the head's "yes" stands as before
    assert decide(0.7, 0.8, filed, cut, same_threshold=0.5, related_threshold=0.34,
                  event=0.95, event_threshold=0.5).relation == "same fact"

    visit = _facts("Zelensky on Wednesday visited Izyum, recaptured from Russian forces.",
                   (("Zelensky", "PERSON", "Zelensky"), ("Izyum", "GPE", "Izyum")), "afp",
                   "zelensky wednesday visit izyum recapture russian force")
    flag = _facts("The president looked on in Izyum on Wednesday as Zelensky's soldiers "
                  "raised the flag over the city hall.",
                  (("Zelensky", "PERSON", "Zelensky"), ("Izyum", "GPE", "Izyum")), "de",
                  "president look izyum wednesday zelensky soldier raise flag city hall")
    assert not worded_alike(visit, flag)
    decided = decide(0.05, 0.6, visit, flag, same_threshold=0.5, related_threshold=0.34,
                     event=0.9, event_threshold=0.5)
    assert (decided.relation, decided.reason) == ("same fact", "same event")


def test_a_headline_against_a_whole_sentence_is_not_worded_alike() -> None:
    """Most of a headline's words are in the sentence that tells its story; the two are
    not the near-copies the same-fact head decides alone."""
    from factdesk.matching.relations import worded_alike

    headline = _facts("Nebraska and Oklahoma Sue Colorado Over Marijuana Law")
    sentence = _facts("The states of Nebraska and Oklahoma filed a federal lawsuit in the "
                      "U.S. Supreme Court Thursday, claiming that Colorado's marijuana law "
                      "is unconstitutional.")
    assert not worded_alike(headline, sentence)
    longer = _facts("Nebraska and Oklahoma sue Colorado over its marijuana law, the two "
                    "states said")
    assert worded_alike(headline, longer)
