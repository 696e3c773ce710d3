"""Claims marked or re-spanned by hand are analysed and matched like detected ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factdesk.core.claim_analysis import analyse_claims
from factdesk.core.commands import ChangeClaimSpan, DeleteClaim, MarkClaim, UndoStack
from factdesk.core.project import Project


@pytest.fixture(scope="module")
def demo_file(nlp, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from factdesk.core.demo import build_demo

    return build_demo(Path(tmp_path_factory.mktemp("claim-analysis")) / "demo.factdesk")


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Project:
    copy = tmp_path / "demo.factdesk"
    shutil.copy(demo_file, copy)
    project = Project.open(copy)
    yield project
    project.close()


def _claim(project: Project, words: str):
    found = [c for c in project.claims.iter_all() if words in c.text]
    assert len(found) == 1, words
    return found[0]


def _partners(project: Project, claim_id: int) -> dict[str, str]:
    out = {}
    for m in project.matches.for_claim(claim_id):
        other = project.claims.get(m.claim_b if m.claim_a == claim_id else m.claim_a)
        out[other.text] = m.relation
    return out


def test_a_claim_marked_by_hand_gets_the_analysis_and_matches_of_a_detected_one(
        demo: Project) -> None:
    detected = _claim(demo, "more than 400 bodies discovered")
    partners = _partners(demo, detected.id)
    assert partners  # the Dallas Express "hundreds of civilians' bodies"
    stack = UndoStack(demo)
    stack.push(DeleteClaim(detected.id))
    mark = MarkClaim(detected.article_id, detected.start, detected.end)
    stack.push(mark)
    fresh = demo.claims.get(mark.claim_id)
    assert (fresh.origin, fresh.lemmas, fresh.quantities) == ("manual", "", ())
    assert _partners(demo, fresh.id) == {}

    report = analyse_claims(demo, [fresh.id])

    assert report.claims == 1 and report.skipped == 0
    analysed = demo.claims.get(fresh.id)
    assert (analysed.start, analysed.end, analysed.score) == (fresh.start, fresh.end, 1.0)
    assert analysed.kind == detected.kind and analysed.speaker == detected.speaker
    assert [q["value"] for q in analysed.quantities] == [400.0]
    assert set(analysed.lemmas.split()) == set(detected.lemmas.split())
    assert _partners(demo, fresh.id) == partners


def test_a_moved_claim_is_read_again_and_its_old_terms_forgotten(demo: Project) -> None:
    claim = _claim(demo, "In Izium, we found 450 dead people buried.")
    article = demo.articles.get(claim.article_id)
    end = article.text.index("separate burials of many people.") + len(
        "separate burials of many people.")
    UndoStack(demo).push(ChangeClaimSpan(claim.id, claim.start, end))
    analyse_claims(demo, [claim.id])
    moved = demo.claims.get(claim.id)
    assert "burial" in moved.lemmas.split() and "bury" in moved.lemmas.split()
    assert [q["value"] for q in moved.quantities] == [450.0, None]  # None: "many people"

    from factdesk.core.claim_index import INDEXES

    index = INDEXES.get(demo)
    hits = index.query_many([["burial", "separate"]], exclude_article=-1, k=5)[0]
    assert claim.id in [cid for cid, _ in hits]  # the new terms are retrievable


def test_deleted_and_missing_claims_are_skipped(demo: Project) -> None:
    claim = _claim(demo, "In Izium, we found 450 dead people buried.")
    UndoStack(demo).push(DeleteClaim(claim.id))
    report = analyse_claims(demo, [claim.id, 999_999], match=False)
    assert (report.claims, report.skipped) == (0, 2)


def test_the_cli_marks_lists_and_decides_like_the_window(demo_file: Path, tmp_path: Path,
                                                        capsys) -> None:
    import json

    from factdesk.cli.main import main

    path = tmp_path / "cli.factdesk"
    shutil.copy(demo_file, path)
    with Project.open(path) as project:
        detected = _claim(project, "more than 400 bodies discovered")
        article = detected.article_id
    assert main(["claim", str(path), "delete", str(detected.id)]) == 0
    assert main(["claim", str(path), "mark", str(article), "--text", detected.text]) == 0
    new_id = int(capsys.readouterr().out.split()[0])
    assert main(["claims", str(path), "--article", str(article), "--json"]) == 0
    listed = {row["id"]: row for row in map(json.loads, capsys.readouterr().out.splitlines())}
    assert detected.id not in listed
    assert listed[new_id]["origin"] == "manual" and listed[new_id]["kind"] == detected.kind
    assert main(["matches", str(path), str(new_id), "--json"]) == 0
    matches = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert matches and all(m["decision"] is None for m in matches)
    assert main(["decide", str(path), str(matches[0]["match"]), "reject"]) == 0
    main(["matches", str(path), str(new_id), "--json"])
    decided = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert decided[0]["decision"] == "rejected"
    # refusals are one clear line each, and change nothing
    assert main(["claim", str(path), "mark", str(article), "--text", "not in the text"]) == 1
    assert main(["claim", str(path), "span", str(new_id), "5", "2"]) == 1
    assert main(["decide", str(path), "999999", "accept"]) == 1
    err = capsys.readouterr().err
    assert "does not contain" in err and "at least one character" in err
    assert "no match 999999" in err


def test_an_alias_refreshes_the_retrieval_terms_the_matcher_uses(demo: Project) -> None:
    from factdesk.core.claim_index import INDEXES
    from factdesk.core.spellings import refresh_canonical_forms

    claim = _claim(demo, "In Izium, we found 450 dead people buried.")
    INDEXES.get(demo)  # the index is built with the old terms
    assert "ent:izium" in claim.lemmas.split()
    demo.entities.add_alias("Izium", "Izyum City")
    refresh_canonical_forms(demo)
    terms = demo.claims.get(claim.id).lemmas.split()
    assert "ent:izium_city" in terms and "ent:izium" not in terms  # keys are folded
    hits = INDEXES.get(demo).query_many([["ent:izium_city"]], exclude_article=-1, k=50)[0]
    assert claim.id in [cid for cid, _ in hits]


def test_detecting_claims_again_reads_hand_marked_claims_left_unread(demo: Project) -> None:
    from factdesk.core.analysis import analyse_articles

    detected = _claim(demo, "more than 400 bodies discovered")
    stack = UndoStack(demo)
    stack.push(DeleteClaim(detected.id))
    mark = MarkClaim(detected.article_id, detected.start, detected.end)
    stack.push(mark)  # e.g. the language model was missing when it was marked
    assert demo.claims.unread_manual_ids([detected.article_id]) == [mark.claim_id]
    analyse_articles(demo, [detected.article_id], match=False)
    claim = demo.claims.get(mark.claim_id)
    assert claim is not None and claim.lemmas and claim.kind == detected.kind
    assert demo.claims.unread_manual_ids([detected.article_id]) == []


def test_a_moved_detected_claim_is_scored_on_its_new_words(demo: Project) -> None:
    """Moved onto another detected sentence, a claim takes the score detection gave that
    sentence; a claim the checker marked keeps the checker's score."""
    first = _claim(demo, "In Izium, we found 450 dead people buried.")
    others = [c for c in demo.claims.for_article(first.article_id)
              if c.id != first.id and c.origin == "detected"
              and abs(c.score - first.score) > 0.05]
    target = others[0]
    stack = UndoStack(demo)
    stack.push(ChangeClaimSpan(first.id, target.start, target.end))
    analyse_claims(demo, [first.id], match=False)
    assert demo.claims.get(first.id).score == pytest.approx(target.score, abs=1e-4)
    mark = MarkClaim(target.article_id, target.start, target.end)
    stack.push(mark)
    analyse_claims(demo, [mark.claim_id], match=False)
    assert demo.claims.get(mark.claim_id).score == 1.0
