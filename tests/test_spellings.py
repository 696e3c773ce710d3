"""Canonical spellings per import batch: large archives resolve new names against the
related stored ones only, and end the import with the same forms as a full resolution."""

from __future__ import annotations

from pathlib import Path

import pytest

from factdesk.core import spellings
from factdesk.core.analysis import analyse_articles
from factdesk.core.importing import import_paths
from factdesk.core.project import Project
from factdesk.core.spellings import BatchSpellings
from factdesk.model.models import MentionDraft


def _mention(text: str, label: str, canonical: str) -> MentionDraft:
    return MentionDraft(0, len(text), text, label, canonical)


def _stored_project(path: Path) -> Project:
    project = Project.open(path)
    with project.transaction():
        article = project.articles.add(title="t", outlet="o", author="", published=None, url="",
                                       source_name="t.txt", text="x" * 50, text_hash="h1",
                                       raw=b"x")
    project.entities.replace_mentions(article, [
        _mention("Volodymyr Zelenskyy", "PERSON", "Volodymyr Zelenskyy"),
        _mention("Zelensky", "PERSON", "Volodymyr Zelenskyy"),
        _mention("Izium", "GPE", "Izium"),
        _mention("Kharkiv", "GPE", "Kharkiv"),
    ])
    return project


def test_a_large_archive_gives_a_new_spelling_its_stored_form(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spellings, "LARGE_PROJECT_NAMES", 0)  # 4 spellings: "large"
    with _stored_project(tmp_path / "p.factdesk") as project:
        batch = BatchSpellings(project)
        forms = batch.forms([("Zelenskiy", "PERSON"), ("Izyum", "GPE"), ("Kupiansk", "GPE")])
        assert forms["Zelenskiy"] == "Volodymyr Zelenskyy"  # merged with the stored group
        assert forms["Izyum"] == "Izium"
        assert forms["Kupiansk"] == "Kupiansk"  # new name, its own form
        assert forms["Kharkiv"] == "Kharkiv"  # known spellings keep theirs
        # a later batch of the same run sees the spellings of the earlier ones
        assert batch.forms([("Kupiansk's", "GPE")])["Kupiansk's"] == "Kupiansk"


def test_a_small_project_resolves_every_batch_project_wide(tmp_path: Path) -> None:
    with _stored_project(tmp_path / "p.factdesk") as project:
        forms = BatchSpellings(project).forms([("Zelenskiy", "PERSON")])
        assert forms == spellings.canonical_forms(project, [("Zelenskiy", "PERSON")])


def _final_state(project: Project) -> tuple[list, list]:
    mentions = sorted((m.article_id, m.start, m.text, m.canonical)
                      for m in project.entities.mentions())
    claims = sorted((c.article_id, c.start, c.speaker, c.lemmas,
                     tuple(sorted((e["text"], e["canonical"]) for e in c.entities)))
                    for c in project.claims.iter_all())
    return mentions, claims


def test_batch_resolution_ends_an_import_like_a_full_one(
        nlp, seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each seed imported on its own (the later ones meet stored spellings): the final
    mentions and claims are the same whether batches are resolved in full or not."""
    states = []
    for large in (False, True):
        monkeypatch.setattr(spellings, "LARGE_PROJECT_NAMES", -1 if large else 10**9)
        with Project.open(tmp_path / f"{large}.factdesk") as project:
            for seed in sorted(seeds_dir.glob("*.txt")):
                report = import_paths(project, [seed])
                analyse_articles(project, [aid for _, aid in report.added], match=False,
                                 n_process=1)
            states.append(_final_state(project))
    assert states[0] == states[1]
    mentions, _ = states[0]
    zelensky = {canonical for _, _, text, canonical in mentions if "elensk" in text}
    assert len(zelensky) == 1  # every spelling of the president under one form


@pytest.fixture
def seeds_project(nlp, seeds_dir: Path, tmp_path: Path) -> Project:
    project = Project.open(tmp_path / "seeds.factdesk")
    report = import_paths(project, [seeds_dir])
    analyse_articles(project, [aid for _, aid in report.added], match=False, n_process=1)
    yield project
    project.close()


def test_an_alias_rewrites_every_mention_claim_entity_and_speaker(seeds_project: Project) -> None:
    project = seeds_project
    spellings_of = {m.text for m in project.entities.mentions() if "elensk" in m.text}
    assert len(spellings_of) >= 2
    before = next(iter({m.canonical for m in project.entities.mentions()
                        if m.text in spellings_of}))
    project.entities.add_alias(before, "President Zelensky")
    spellings.refresh_canonical_forms(project)
    assert {m.canonical for m in project.entities.mentions()
            if m.text in spellings_of} == {"President Zelensky"}
    for claim in project.claims.iter_all():
        for entity in claim.entities:
            if entity["text"] in spellings_of:
                assert entity["canonical"] == "President Zelensky"
        assert claim.speaker != before
    said = [c for c in project.claims.iter_all() if c.speaker == "President Zelensky"]
    assert said  # his quotes now carry the new form


def test_claims_mentioning_names_are_all_found(seeds_project: Project) -> None:
    """Looking claims up through their articles' mentions finds every claim a scan of
    all claims for the names would."""
    project = seeds_project
    names = {m.text for m in project.entities.mentions()}
    for probe in (names, {n for n in names if "elensk" in n}, {"Izium", "Kharkiv"}):
        scanned = {c.id for c in project.claims.iter_all()
                   if c.speaker in probe or any(e["text"] in probe or e["canonical"] in probe
                                                for e in c.entities)}
        assert {c.id for c in project.claims.mentioning(probe)} == scanned


def test_a_spelling_no_mention_uses_follows_its_group(tmp_path: Path) -> None:
    """A claim read by hand from an excerpt may spell a name as no stored mention does;
    after an alias edit it follows the group its canonical form belonged to."""
    from factdesk.model.models import ClaimDraft

    with _stored_project(tmp_path / "p.factdesk") as project:
        article = project.articles.ids()[0]
        with project.transaction():
            claim_id = project.claims.add(article, ClaimDraft(
                0, 10, "x" * 10, "", "", "statistic", 0.9, None, "manual",
                entities=({"text": "Izyum", "label": "GPE", "canonical": "Izium"},)))
        assert [c.id for c in project.claims.mentioning({"Izium"})] == [claim_id]
        project.entities.add_alias("Izium", "Izium City")
        spellings.refresh_canonical_forms(project)
        assert project.claims.get(claim_id).entities[0]["canonical"] == "Izium City"
        assert "ent:izium_city" in project.claims.get(claim_id).lemmas.split()
