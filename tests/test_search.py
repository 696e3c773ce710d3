"""Full-text search: lenient parsing, alias-aware expansion, the CLI, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factdesk.cli.main import main
from factdesk.core.commands import SetVerdictField
from factdesk.core.importing import import_paths
from factdesk.core.project import Project
from factdesk.model.models import MentionDraft
from factdesk.storage.search import build_match_expression

SEARCH_KINDS = {"article", "claim", "rationale", "evidence"}


@pytest.fixture
def project(tmp_path: Path, seeds_dir: Path):
    with Project.open(tmp_path / "s.factdesk") as p:
        import_paths(p, [seeds_dir])
        # Mentions as extraction would store them (canonical forms merged).
        with p.transaction():
            for article in p.articles.all():
                drafts = []
                for spelling in ("Zelenskyy", "Zelenskiy", "Zelensky", "Izium", "Izyum"):
                    pos = article.text.find(spelling)
                    if pos >= 0:
                        canonical = "Izium" if spelling.startswith("Iz") else "Volodymyr Zelenskyy"
                        drafts.append(MentionDraft(pos, pos + len(spelling), spelling, "PERSON",
                                                   canonical))
                p.entities.replace_mentions(article.id, drafts)
        yield p


@pytest.mark.parametrize("query,expected", [
    ("Izium", '"Izium"'),
    ('"mass grave"', '"mass grave"'),
    ("elect*", '"elect"*'),
    ('"unbalanced', '"unbalanced"'),
    ("*", None),
    ("", None),
    ("a OR b", '"a" OR "b"'),
    ("war -crimes", '"war" NOT "crimes"'),
    ("NEAR( ^x text:", '"NEAR" AND "x" AND "text"'),
    ("Izyum crimes", '"Izyum" AND "crimes"'),
    # operators are spelled in capitals: in lower case they are words to find
    ("has not commented", '"has" AND "not" AND "commented"'),
    ("rockets or missiles", '"rockets" AND "or" AND "missiles"'),
    ("rockets OR missiles", '"rockets" OR "missiles"'),
    ("Izyum's", '"Izyum s"'),
])
def test_expression_parser(query: str, expected: str | None) -> None:
    assert build_match_expression(query) == expected


def test_alias_aware_search_finds_every_spelling(project: Project) -> None:
    outlets = {a.id: a.outlet for a in project.articles.all()}
    for query in ("Izyum", "Izium"):
        found = {outlets[h.article_id] for h in project.search.search(query, kinds=("article",))}
        assert found == {"Dallas Express", "Reuters", "AFP"}, (query, found)
    found = {outlets[h.article_id] for h in project.search.search("Zelenskiy",
                                                                   kinds=("article",))}
    assert found == {"Dallas Express", "Reuters", "AFP"}


def test_spellings_are_found_in_phrases_and_possessives(project: Project) -> None:
    outlets = {a.id: a.outlet for a in project.articles.all()}

    def found(query: str) -> set[str]:
        return {outlets[h.article_id] for h in project.search.search(query, kinds=("article",))}

    # AFP writes "Zelensky's", Dallas Express "Zelenskyy’s": either finds both
    assert {"AFP", "Dallas Express"} <= found("Zelensky's")
    assert {"AFP", "Dallas Express"} <= found("Zelenskyy’s")
    assert found("Izyum's") == found("Izium’s") != set()
    assert found('"Izium"') == found("Izium") == {"Dallas Express", "Reuters", "AFP"}
    expression = build_match_expression('"visited Izyum"', project.search.spelling_variants)
    assert expression == '("visited Izyum" OR "visited Izium")'
    # every word's variants are searched, however many words come after it
    long_phrase = build_match_expression('"Izyum and Zelenskiy and Zelenskiy"',
                                         project.search.spelling_variants) or ""
    assert '"Izium and Zelenskiy and Zelenskiy"' in long_phrase


def test_lower_case_not_is_a_word(project: Project) -> None:
    outlets = {a.id: a.outlet for a in project.articles.all()}
    hits = project.search.search("has not commented", kinds=("article",))
    assert [outlets[h.article_id] for h in hits] == ["Reuters"]
    assert "\u0002not\u0003" in hits[0].snippet
    assert project.search.search("not", kinds=("article",))


def test_user_alias_expands_search(project: Project) -> None:
    with project.transaction():
        project.entities.add_alias("Kiev", "Kyiv")
    hits = project.search.search("Kiev", kinds=("article",))
    assert hits, "the alias Kiev = Kyiv should find articles that say Kyiv"


def test_rationales_and_snippets(project: Project) -> None:
    from factdesk.core.commands import MarkClaim

    article = project.articles.all()[0]
    claim_id = next(iter(MarkClaim(article.id, 0, 40).apply(project).claim_ids))
    SetVerdictField(claim_id, "rationale", "<p>The <b>morgue</b> count differs</p>").apply(project)
    hits = project.search.search("morgue")
    assert [h.kind for h in hits] == ["rationale"]
    assert "\u0002morgue\u0003" in hits[0].snippet


@pytest.mark.parametrize("query", ['"', "*", "((", "NOT", "OR OR", "-", "\u200f\u200e",
                                   "text:", "^", "NEAR(a b", 'a"b"c', "x" * 5000])
def test_malformed_queries_are_answered(project: Project, query: str) -> None:
    hits = project.search.search(query)
    articles = set(project.articles.ids())
    for hit in hits:
        assert hit.kind in SEARCH_KINDS and hit.article_id in articles and hit.snippet
    if not any(ch.isalnum() for ch in query):  # no word to look for: nothing found
        assert hits == []
    assert [h.kind for h in project.search.search("Izium")]  # the index still answers


def test_cli_search_json_finds_both_spellings(project: Project, capsys) -> None:
    path = str(project.path)
    assert main(["search", path, "Izyum", "--json", "--kind", "article"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {"kind", "id", "article", "snippet"} <= set(lines[0])
    snippets = " ".join(line["snippet"] for line in lines)
    assert "Izium" in snippets and "Izyum" in snippets


def test_cli_says_when_nothing_was_found(project: Project, capsys) -> None:
    path = str(project.path)
    assert main(["search", path, "*", "--json"]) == 0
    out = capsys.readouterr()
    assert out.out == "" and "nothing to search for" in out.err
    assert main(["search", path, "xyzzyq"]) == 0
    assert "no results for 'xyzzyq'" in capsys.readouterr().err


def test_the_spelling_index_follows_imports_and_merges(project: Project) -> None:
    search = project.search
    assert search.spelling_variants("Izyum") == ["Izium"]
    article = project.articles.all()[0]
    with project.transaction():  # an import adds mentions: folded in, nothing rebuilt
        project.db.execute(
            "INSERT INTO entity_mentions (article_id, start, \"end\", text, label, canonical) "
            "VALUES (?, 0, 5, 'Izyumm', 'GPE', 'Izium')", [article.id])
    assert "Izyumm" in search.spelling_variants("Izyum")
    with project.transaction():  # a merge changes canonical forms: the index is told
        project.db.execute("UPDATE entity_mentions SET canonical = 'Izyumm' "
                           "WHERE text = 'Izyumm'")
    search.forget_mentions()
    assert "Izyumm" not in search.spelling_variants("Izyum")


def test_the_spelling_index_is_built_in_the_background(project: Project) -> None:
    search = project.search
    folded: list[str] = []
    fold = search.fold
    search.fold = lambda name: folded.append(name) or fold(name)  # type: ignore[method-assign]
    from factdesk.storage.database import read_only_connection

    search.warm_up_in_background(lambda: read_only_connection(project.path)).join(10)
    built = len(folded)
    assert built > 0  # the thread read every spelling, on its own connection
    assert search.spelling_variants("Izyum") == ["Izium"]  # the search reused it
    assert len(folded) == built
    outlets = {a.id: a.outlet for a in project.articles.all()}
    found = {outlets[h.article_id] for h in search.search("Zelenskiy", kinds=("article",))}
    assert found == {"Dallas Express", "Reuters", "AFP"}


def test_a_failed_warm_up_leaves_the_index_to_the_first_search(project: Project) -> None:
    def refuse():
        raise OSError("no reader here")

    project.search.warm_up_in_background(refuse).join(10)
    assert project.search.spelling_variants("Izyum") == ["Izium"]


def test_closing_stops_the_warm_up_and_folds_the_journal_in(tmp_path: Path,
                                                           project: Project) -> None:
    import threading

    reading = threading.Event()
    slow_fold = project.search.fold

    def fold(name: str) -> str:
        reading.set()
        threading.Event().wait(0.05)  # a large project: the build takes a while
        return slow_fold(name)

    project.search.fold = fold  # type: ignore[method-assign]
    with project.transaction():  # a change still in the journal
        project.settings.set("checker", "Ana")
    thread = project.warm_up_search()  # the project's own reader
    assert reading.wait(10)
    project.close()  # waits for the reader to stop, so the journal is folded in
    assert not thread.is_alive()
    wal = Path(f"{project.path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    with Project.open(project.path, create=False) as again:
        assert again.settings.get("checker") == "Ana"
