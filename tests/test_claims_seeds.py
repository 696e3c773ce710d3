"""Claim detection on the seed articles with the real spaCy model (issue 3's must-show)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from factdesk.cli.main import main
from factdesk.core.analysis import analyse_articles
from factdesk.core.importing import import_paths
from factdesk.core.project import Project


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    path = tmp_path_factory.mktemp("claims") / "seeds.factdesk"
    with Project.open(path) as project:
        import_paths(project, [seeds])
        analyse_articles(project, match=True)
    return path


@pytest.fixture
def data(seeded: Path, tmp_path: Path, capsys) -> dict:
    copy = tmp_path / "copy.factdesk"
    shutil.copy(seeded, copy)
    assert main(["export", str(copy), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def _claim(data: dict, fragment: str) -> dict:
    hits = [c for c in data["claims"] if fragment in c["text"]]
    assert hits, f"no claim contains {fragment!r}"
    return hits[0]


def test_claims_have_every_field(data: dict) -> None:
    assert len(data["claims"]) >= 20
    for claim in data["claims"]:
        for key in ("id", "article_id", "start", "end", "text", "kind", "score", "speaker",
                    "quantities", "times", "entities"):
            assert key in claim
        article = next(a for a in data["articles"] if a["id"] == claim["article_id"])
        assert article["text"][claim["start"]:claim["end"]] == claim["text"]
        assert 0.0 <= claim["score"] <= 1.0


def test_no_claim_contains_the_advert(data: dict) -> None:
    assert len(data["claims"]) >= 20  # an empty list would pass the check below
    assert all("CLICK HERE" not in c["text"] for c in data["claims"])


@pytest.mark.parametrize("fragment,kind", [
    ("we found 450 dead people buried", "quote"),
    ("more than 400 bodies", "statistic"),
    ("hundreds of civilians", "statistic"),
    ("six bodies with torture traces", "statistic"),
    ("about 60 kilometers", "statistic"),
    ("The view is very shocking", "quote"),
    ("Such cities as Balakliia", "quote"),
    ("spokesman Sergii Nikiforov claimed", "attribution"),
    # a headline's present tense tells what happened
    ("Zelensky visits newly-liberated Kharkiv city 5 days after recapture", "event"),
])
def test_kinds(data: dict, fragment: str, kind: str) -> None:
    assert _claim(data, fragment)["kind"] == kind


@pytest.mark.parametrize("fragment,speaker", [
    ("The view is very shocking", "Zelensky"),
    ("Such cities as Balakliia", "Kostin"),
    ("We have a terrible picture", "Kostin"),
    ("spokesman Sergii Nikiforov claimed", "Nikiforov"),
    ("They only destroyed", "Zelensk"),
    ("we found 450 dead people", "Zelensk"),
    ("There are investigative commissions", "Zelensk"),
])
def test_speakers(sentences: dict[str, str | None], fragment: str, speaker: str) -> None:
    # on every sentence, claim or not: "We have a terrible picture of what the occupiers
    # did." is an opinion below the candidate floor, but its quotation has a speaker
    said = [who for text, who in sentences.items() if fragment in text]
    assert said and speaker in (said[0] or "")


@pytest.fixture(scope="module")
def sentences(seeded: Path) -> dict[str, str | None]:
    from factdesk.nlp.pipeline import ClaimExtractor

    extractor = ClaimExtractor()
    with Project.open(seeded) as project:
        texts = [a.text for a in project.articles.all()]
    return {s.text: s._.speaker for doc in extractor.nlp.pipe(texts)
            for s in doc.spans["sentences"]}


@pytest.mark.parametrize("fragment", [
    "more than 400 bodies",
    "until four days ago",
    "hundreds of civilians",
    "“They only destroyed, only seized, only deported,” he said.",
    "In Izium, we found 450 dead people buried.",
    "spokesman Sergii Nikiforov claimed",
])
def test_must_shows_are_shown_by_default(seeded: Path, tmp_path: Path, capsys,
                                         fragment: str) -> None:
    copy = tmp_path / "shown.factdesk"
    shutil.copy(seeded, copy)
    assert main(["claims", str(copy), "--json"]) == 0
    shown = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    hits = [c for c in shown if fragment in c["text"]]
    assert hits and all(c["shown"] and c["reason"] for c in hits), fragment


def test_fewer_claims_are_shown_than_kept(seeded: Path, tmp_path: Path, capsys) -> None:
    copy = tmp_path / "all.factdesk"
    shutil.copy(seeded, copy)
    assert main(["claims", str(copy), "--json"]) == 0
    shown = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert main(["claims", str(copy), "--json", "--all"]) == 0
    every = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert 0 < len(shown) < len(every)
    assert {c["id"] for c in shown} < {c["id"] for c in every}
    assert all(not c["shown"] for c in every if c["id"] not in {s["id"] for s in shown})
    for article in {c["article"] for c in shown}:  # ranked: most check-worthy first
        scores = [c["score"] for c in shown if c["article"] == article]
        assert scores == sorted(scores, reverse=True)


def test_quoted_filler_is_no_candidate_but_quoted_facts_are(data: dict) -> None:
    texts = [c["text"] for c in data["claims"]]
    for filler in ("That work is going on.", "There needs to be accountability.",
                   "Entire families in certain areas.", "this looks like a bloody soap opera"):
        assert not any(filler in t for t in texts), filler
    # the same quotations' sentences with a figure, a name or more words stay (an opinion,
    # "We have a terrible picture of what the occupiers did.", is left to the scorer)
    for fact in ("In Izium, we found 450 dead people buried.",
                 "There are investigative commissions", "separate burials of many people"):
        assert _claim(data, fact)["kind"] == "quote", fact


def test_one_canonical_for_spelling_variants(data: dict) -> None:
    canon = {e["text"]: e["canonical"] for e in data["entities"]}
    zelensky = {canon[t] for t in canon if t.startswith(("Zelensk", "Volodymyr Zelensk"))}
    assert len(zelensky) == 1, zelensky
    izium = {canon[t] for t in canon if t in ("Izium", "Izyum")}
    assert len(izium) == 1 and ("Izium" in canon and "Izyum" in canon), canon


def test_quantities_normalised_with_qualifiers(data: dict) -> None:
    q450 = [q for q in _claim(data, "450 dead people")["quantities"] if q["value"] == 450]
    assert q450 and q450[0]["qualifier"] == "exact"
    q400 = [q for q in _claim(data, "more than 400")["quantities"] if q["value"] == 400]
    assert q400 and q400[0]["qualifier"] == "lower_bound"
    vague = [q for q in _claim(data, "hundreds of civilians")["quantities"]
             if q["qualifier"] == "vague"]
    assert vague and vague[0]["low"] >= 100


def test_seed_003_times_resolved_against_its_date(data: dict) -> None:
    claim = _claim(data, "on Wednesday visited the east Ukraine city of Izyum")
    resolved = [t for t in claim["times"] if t.get("resolved_start")]
    assert any(t["resolved_start"] == "2022-09-14" for t in resolved), claim["times"]


def test_reextraction_keeps_judged_and_manual_claims(seeded: Path, tmp_path: Path) -> None:
    from factdesk.core.commands import MarkClaim, SetVerdictField

    copy = tmp_path / "re.factdesk"
    shutil.copy(seeded, copy)
    with Project.open(copy) as project:
        article = project.articles.all()[0]
        judged = project.claims.for_article(article.id)[0]
        SetVerdictField(judged.id, "rating", "False").apply(project)
        manual = MarkClaim(article.id, 0, 20).apply(project)
        manual_id = next(iter(manual.claim_ids))
        analyse_articles(project, [article.id], match=False)
        ids = {c.id for c in project.claims.for_article(article.id)}
        assert judged.id in ids and manual_id in ids
        texts = [c.text for c in project.claims.for_article(article.id)]
        assert texts.count(judged.text) == 1
