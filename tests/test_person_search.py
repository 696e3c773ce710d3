"""A person's full name finds the claims naming them by surname ("Mr. Clapper said")
in the articles that establish the full name (review 18, finding 11: "James Clapper"
found 2 of his 10 claims, "Cesar Sayoc" 4 of 15). Real spaCy analysis of the articles;
the FTS5 operators still work; an article naming two people of one surname gives only
the mentions linked to the one searched."""

from __future__ import annotations

from pathlib import Path

import pytest

from factdesk.cli.main import main
from factdesk.core.analysis import analyse_articles
from factdesk.core.importing import import_paths
from factdesk.core.project import Project

PACKAGES = """\
Suspect arrested in Florida over pipe bombs

A law enforcement official identified the suspect as Cesar Sayoc Jr., 56, of Aventura, Florida. \
One package was addressed to former Director of National Intelligence James R. Clapper Jr. \
and was found at a mail facility in New York on Friday.

Sayoc has been charged with five federal crimes, the Department of Justice said on Friday. \
Mr. Sayoc faces up to 48 years in prison if he is convicted on all counts.

Mr. Clapper said in an interview on Friday that he was not surprised by the package. \
Clapper told CNN that the attacks were domestic terrorism and that more would follow.

The mail facility in Manhattan was evacuated for three hours on Friday afternoon.
"""

OTHER = """\
A second city closes its post office

Officials in Denver closed the main post office on Saturday after a suspicious letter \
was found in a sorting room. Clapper, a local postal worker, told reporters that 40 \
employees were sent home early.
"""

CLINTONS = """\
Two Clintons on the campaign trail

Former President Bill Clinton spoke at a rally in Ohio on Monday about jobs. \
Hillary Clinton visited three factories in Michigan on Tuesday and met 200 workers.

Clinton said that 12,000 jobs had been lost in the state since 2010.
"""


@pytest.fixture(scope="module")
def project_path(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:  # noqa: ANN001
    folder = tmp_path_factory.mktemp("person-search")
    for name, text in (("packages.txt", PACKAGES), ("other.txt", OTHER),
                       ("clintons.txt", CLINTONS)):
        (folder / name).write_text(text, encoding="utf-8")
    path = folder / "p.factdesk"
    with Project.open(path) as project:
        import_paths(project, [folder / "packages.txt", folder / "other.txt",
                               folder / "clintons.txt"])
        analyse_articles(project, match=False, n_process=1)
    return path


def _claims(project: Project, query: str) -> list[str]:
    return [project.claims.get(h.id).text
            for h in project.search.search(query, kinds=("claim",), limit=50)]


def _article(project: Project, title_word: str) -> int:
    return next(a.id for a in project.articles.all() if title_word in a.title)


def test_a_full_name_finds_the_surname_and_honorific_mentions(project_path: Path) -> None:
    with Project.open(project_path, read_only=True) as project:
        found = _claims(project, "James Clapper")
        assert any("Mr. Clapper said" in t for t in found)
        assert any(t.startswith("Clapper told CNN") for t in found)
        # another article's Clapper (a postal worker) is not him: that article never
        # names James Clapper
        assert not any("postal worker" in t for t in found)
        assert len(found) < len(_claims(project, "Clapper"))
        sayoc = _claims(project, "Cesar Sayoc")
        assert any(t.startswith("Sayoc has been charged") for t in sayoc)
        assert any(t.startswith("Mr. Sayoc faces") for t in sayoc)
        # a quoted full name works as well
        assert set(_claims(project, '"Cesar Sayoc"')) == set(sayoc)


def test_operators_still_work_with_a_full_name(project_path: Path) -> None:
    with Project.open(project_path, read_only=True) as project:
        charged = _claims(project, "Cesar Sayoc AND charged")
        assert [t for t in charged if t.startswith("Sayoc has been charged")]
        assert not any("48 years" in t for t in charged)
        without = _claims(project, "Cesar Sayoc NOT prison")
        assert any(t.startswith("Sayoc has been charged") for t in without)
        assert not any("prison" in t for t in without)
        either = _claims(project, "James Clapper OR Denver")
        assert any("Mr. Clapper said" in t for t in either)
        assert any("Denver" in t for t in either)
        # a negated full name is not widened (nor a prefix), a phrase is
        assert project.search.surname_scopes("Friday NOT James Clapper") == []
        assert project.search.surname_scopes("Friday -James Clapper") == []
        assert project.search.surname_scopes("James Clap*") == []
        assert [s.query for s in project.search.surname_scopes('"James Clapper" Friday')] \
            == ["clapper Friday"]


def test_two_people_of_one_surname_only_the_linked_mentions(project_path: Path) -> None:
    with Project.open(project_path, read_only=True) as project:
        clintons = _article(project, "Clintons")
        scopes = project.search.surname_scopes("Hillary Clinton")
        assert scopes, "Hillary Clinton is a person of the project"
        # the article names Bill Clinton too: its surname-only claims are not all hers
        assert clintons not in scopes[0].articles
        assert not any("12,000 jobs" in t for t in _claims(project, "Hillary Clinton")
                       if "Hillary" not in t)


def test_cli_search_finds_them(project_path: Path, capsys) -> None:  # noqa: ANN001
    assert main(["search", str(project_path), "James Clapper", "--kind", "claim"]) == 0
    out = capsys.readouterr().out
    assert "Mr. [Clapper] said" in out


def test_the_windows_search_finds_them(project_path: Path) -> None:
    from factdesk.gui.search_backend import search_function  # the window's "/" search

    with Project.open(project_path, read_only=True) as project:
        hits = search_function(project)("James Clapper")
        claims = [h["snippet"] for h in hits if h["kind"] == "claim"]
        assert any("Mr. [Clapper] said" in s for s in claims)
        assert not any("postal worker" in s for s in claims)


def test_a_suffix_is_not_a_surname_spelling(project_path: Path) -> None:
    """"Clapper" had also found "Cesar Sayoc Jr." ("Jr." was the last word of "James R.
    Clapper Jr.", so a spelling of "Clapper")."""
    with Project.open(project_path, read_only=True) as project:
        assert "Jr." not in project.search.spelling_variants("Clapper")
        assert not any("Sayoc Jr." in t and "Clapper" not in t
                       for t in _claims(project, "Clapper"))
