"""The PDF report as an editor pages through it: where pages break.

A desk of thirty finished checks (so that the contents and the claims run over several
pages), each with two evidence links, one of them a long archive address that wraps
over three lines. The PDF is read back with pypdf, page by page.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from factdesk.core.commands import AddEvidence, SetVerdictField
from factdesk.core.project import Project
from factdesk.model.models import ClaimDraft, MatchDraft
from factdesk.report.exporting import export_report

CLAIMS = 30
LONG_URL = ("https://web.archive.org/web/20220915000000*/https://www.example-news.org/en/"
            "world/europe/a/very/long/path/that/keeps/going/zelensky-visits-kharkiv-city-"
            "{n}-days-after-recapture?utm_source=twitter&utm_medium=social&utm_campaign=x{n}")


def _sentence(n: int) -> str:
    return (f"Officials in district number {n} said that {n * 7} houses were destroyed in "
            f"the shelling of the town, according to the regional administration.")


def _add_article(project: Project, text: str, title: str = "Izium", outlet: str = "Gazette",
                 url: str = "https://gazette.example/izium", source: str = "g.txt",
                 published: str = "2022-09-15"):
    """One article of ``text`` with its details, as an import stores it."""
    return project.articles.add(
        title=title, outlet=outlet, author="Staff", published=published, url=url,
        source_name=source, text=text, text_hash=hashlib.sha256(text.encode()).hexdigest(),
        raw=text.encode())


def _manual_claim(project: Project, article, text: str, kind: str = "statistic"):
    """The whole of ``text`` marked by hand as one claim of ``article``."""
    return project.claims.add(article, ClaimDraft(0, len(text), text, "", "", kind, 0.9, None,
                                                  "manual"))


@pytest.fixture(scope="module")
def desk_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pages") / "pages.factdesk"


@pytest.fixture(scope="module")
def report(desk_path: Path) -> list[str]:
    folder = desk_path.parent
    path = desk_path
    text = " ".join(_sentence(n) for n in range(CLAIMS))
    with Project.open(path) as project:
        project.settings.set("checker", "Zoë Peña")
        with project.transaction():
            article = _add_article(project, text, title="Shelling in the region",
                                   url="https://gazette.example/shelling",
                                   source="gazette.txt")
        for n in range(CLAIMS):
            quote = _sentence(n)
            start = text.index(quote)
            with project.transaction():
                claim = project.claims.add(article, ClaimDraft(
                    start, start + len(quote), quote, "", "", "statistic", 0.9, None,
                    "manual"))
            for field, value in (("rating", "Half true"), ("status", "done"),
                                 ("rationale", f"Checked against the register, entry {n}.")):
                SetVerdictField(claim, field, value).apply(project)
            AddEvidence(claim, f"https://register.example/entry/{n}").apply(project)
            AddEvidence(claim, LONG_URL.format(n=n)).apply(project)
        export_report(project, "pdf", folder / "report.pdf")
    # pypdf separates words by tabs
    return [page.extract_text().replace("\t", " ")
            for page in PdfReader(folder / "report.pdf").pages]


def test_the_report_runs_over_several_pages(report: list[str]) -> None:
    assert len(report) >= 5


def test_a_line_at_a_page_break_is_written_on_one_page_only(report: list[str]) -> None:
    """Qt draws every line that touches the clip of a broken part: the line at a break
    was written (clipped, invisible) on both pages, so search found it twice and a copy
    of the pages repeated it."""
    whole = "\n".join(report)
    for n in range(CLAIMS):
        # the contents and the section's headline (the sentence as printed is not
        # repeated when it is the headline word for word), and the margin note of a
        # section carried over to the next page
        carried = len(re.findall(rf"{n + 1}\. Officials in district number {n} said[^\n]*"
                                 rf"\(continued\)", whole))
        assert len(re.findall(rf"district number {n} said", whole)) == 2 + carried, n
        assert len(re.findall(rf"utm_campaign=x{n}\b", whole)) == 1, n
        assert whole.count(f"Checked against the register, entry {n}.") == 1, n


def test_an_evidence_entry_is_never_split_across_pages(report: list[str]) -> None:
    """The three lines of a long address and its access date stay on one page: each
    page holds as many entries' first lines as last lines."""
    for number, page in enumerate(report, 1):
        starts = page.count("https://web.archive.org/web/")
        ends = page.count("utm_campaign=x")
        assert starts == ends, (number, page)
        assert page.count("accessed") >= 2 * ends, (number, page)


def test_contents_entries_are_cut_at_a_word(report: list[str]) -> None:
    """A long headline in the contents ends in a whole word and "…" ("the military sa…"
    read as a typo)."""
    contents = report[0]
    cut = [line for line in contents.splitlines() if line.rstrip().endswith("…")]
    assert cut, contents
    words = set(" ".join(_sentence(n) for n in range(CLAIMS)).replace(",", " ").split())
    for line in cut:
        last = line.rstrip().rstrip("…").split()[-1].rstrip(",;:")
        assert last in words, line


def test_markdown_keeps_a_rationales_paragraphs_and_line_breaks(tmp_path: Path) -> None:
    """Two paragraphs of a rationale were written one line apart, which Markdown reads as
    one paragraph; a paragraph after a list became the list's last item."""
    path = tmp_path / "md.factdesk"
    text = "Officials said 450 bodies were found in Izium."
    rationale = ("<p>Zelenskyy – Peña “quoted” the count.</p>"
                 "<p>We checked <a href=\"https://www.reuters.com/x\">Reuters</a>.</p>"
                 "<ul><li>Flag raised: confirmed.</li><li>Date: 14 September.</li></ul>"
                 "<p>After the list.<br/>On its own line.</p>")
    with Project.open(path) as project:
        with project.transaction():
            article = _add_article(project, text)
            claim = _manual_claim(project, article, text)
        for field, value in (("rating", "Half true"), ("status", "done"),
                             ("rationale", rationale)):
            SetVerdictField(claim, field, value).apply(project)
        markdown = export_report(project, "markdown", None) or ""
    section = markdown[markdown.index("### Rationale"):markdown.index("### Evidence")]
    assert ("Zelenskyy – Peña “quoted” the count.\n\n"
            "We checked [Reuters](https://www.reuters.com/x).\n\n"
            "- Flag raised: confirmed.\n- Date: 14 September.\n\n"
            "After the list.\\\nOn its own line.\n") in section


def test_cover_counts_read_as_english_and_the_time_says_utc(tmp_path: Path) -> None:
    """"DRAFT 1 check(s) not finished" on the cover, an export time without its zone,
    and a Markdown report without the organisation that publishes it."""
    path = tmp_path / "cover.factdesk"
    text = "Officials said 450 bodies were found in Izium. Russia denied it."
    with Project.open(path) as project:
        project.settings.set("organisation", "Desk Ñandú Checks")
        with project.transaction():
            article = _add_article(project, text)
            claims = [project.claims.add(article, ClaimDraft(
                start, start + len(quote), quote, "", "", "statistic", 0.9, None, "manual"))
                for quote in text.split(" R")[:1] + ["Russia denied it."]
                for start in [text.index(quote)]]
        for claim, status in zip(claims, ("done", "in progress"), strict=True):
            for field, value in (("rating", "Half true"), ("status", status)):
                SetVerdictField(claim, field, value).apply(project)

        class Options:
            status = ["done", "in progress"]

        export_report(project, "pdf", tmp_path / "r.pdf", Options())
        markdown = export_report(project, "markdown", None, Options()) or ""
    reader = PdfReader(tmp_path / "r.pdf")
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "DRAFT 1 check not finished" in cover, cover
    assert re.search(r"Exported \d{4}-\d\d-\d\d \d\d:\d\d UTC", cover), cover
    assert "(s)" not in cover
    assert "2 claims, 1 of them a draft" in reader.metadata.subject
    assert "- Organisation: Desk Ñandú Checks" in markdown
    assert "- **DRAFT**: 1 check in this report is not finished" in markdown
    assert re.search(r"- Exported: \d{4}-\d\d-\d\d \d\d:\d\d UTC", markdown)


def test_an_empty_report_says_so_without_empty_sections(report: list[str], desk_path: Path,
                                                       tmp_path: Path) -> None:
    """A report whose filters match nothing showed a "Verdicts by rating" heading over no
    chart, a contents table with a "Claim" and a "Page" column and no row, and named the
    chosen article by its id ("articles 3")."""
    with Project.open(desk_path, create=False) as project:
        article = project.articles.all()[0].id

        class Options:
            status = ["needs review"]

        Options.article = [article]
        export_report(project, "pdf", tmp_path / "empty.pdf", Options())
    reader = PdfReader(tmp_path / "empty.pdf")
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Verdicts by rating" not in text
    assert "Page 1 of 1" in text and " Claim Page " not in text
    assert "No claim matches the report's filters" in text
    assert "article Gazette “Shelling in the region”" in text
    assert f"articles {article}" not in text and f"article {article}" not in text
    assert "No sources: the report lists no claim." in text


def test_a_report_signed_unnamed_checker_says_how_to_name_one(tmp_path: Path) -> None:
    """Verdicts made before a checker's name was set put "Checked by unnamed checker" on
    the cover (and ClaimReview published it as the author): the report names no checker
    and the export says how to name one."""
    path = tmp_path / "anon.factdesk"
    text = "Officials said 450 bodies were found in Izium."
    with Project.open(path) as project:
        with project.transaction():
            article = _add_article(project, text)
            claim = _manual_claim(project, article, text)
        for field, value in (("rating", "Half true"), ("status", "done")):
            SetVerdictField(claim, field, value).apply(project)
        notes: list[str] = []
        export_report(project, "pdf", tmp_path / "anon.pdf", notes=notes)
    cover = " ".join(PdfReader(tmp_path / "anon.pdf").pages[0].extract_text().split())
    assert "unnamed checker" not in cover and "Checked by no checker named" in cover
    assert any("names no checker" in n and "factdesk settings P checker NAME" in n
               for n in notes), notes


def test_reported_differently_is_set_off_beside_the_claim(tmp_path: Path) -> None:
    """The other outlet's conflicting report sat 14 CSS pixels in from the sentence above
    it: out of line rather than set off. It is now an aside with a rule, its text a
    clear indent in from the body's left edge."""
    path = tmp_path / "aside.factdesk"
    times = "The attorney general said he had misspoken at the Norwalk event."
    fox = "The A.G. said he had misspoken at a 2008 event in Norfolk."
    with Project.open(path) as project:
        ids = []
        for outlet, text in (("The New York Times", times), ("Fox News", fox)):
            with project.transaction():
                article = _add_article(
                    project, text, title=f"{outlet} story", outlet=outlet,
                    published="2010-05-18", source=f"{outlet}.txt",
                    url=f"https://{outlet.split()[-1].lower()}.example/a")
                ids.append(_manual_claim(project, article, text, kind="event"))
        with project.transaction():
            project.matches.save_suggestions([MatchDraft(ids[0], ids[1], 0.8, "conflicting")])
            match = project.matches.for_claim(ids[0])[0]
            project.matches.set_decision(match.id, "accepted", "Zoë Peña")
        for field, value in (("rating", "Mostly true"), ("status", "done"),
                             ("rationale", "The video shows Norwalk.")):
            SetVerdictField(ids[0], field, value).apply(project)
        export_report(project, "pdf", tmp_path / "aside.pdf")
    lefts: dict[str, float] = {}

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        for word in ("Reported", "Rationale", "As"):
            if text.strip().startswith(word.split()[0]) and word not in lefts:
                lefts[word] = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]

    page = next(p for p in PdfReader(tmp_path / "aside.pdf").pages
                if "Reported differently by Fox News" in " ".join(p.extract_text().split()))
    page.extract_text(visitor_text=visit)
    assert lefts["Rationale"] == pytest.approx(lefts["As"], abs=0.5), lefts
    assert lefts["Reported"] - lefts["Rationale"] >= 8, lefts  # points


def test_a_part_never_leaves_a_stray_line_or_two_for_the_next_page() -> None:
    """The --all demo on Letter paper put a claim's "Evidence" and "No evidence
    recorded." alone at the top of a page, under its DRAFT mark: a part breaks earlier,
    or goes whole to the next page when it fits there."""
    from PySide6.QtGui import QTextDocument  # a stand-in: paginate only tests it for None

    from factdesk.report.pdf_layout import MIN_TAIL, Block, paginate

    body = 1000.0
    filler = Block(height=520.0)  # a painted part: never broken; 470 left under it
    # a claim of 520 whose head ends at 420; it may break every 20 after that: at 460
    # only 60 (two lines) would go over
    claim = Block(height=520.0, doc=QTextDocument(), claim=0, key="claim-1",
                  keep_top=420.0, breaks=[float(h) for h in range(420, 520, 20)])
    layout = paginate([filler, claim], body, gap=10.0)
    assert len(layout.pages) == 2
    first, second = layout.pages
    # kept whole on the next page, where the contents and the outline say it starts
    assert [p.block for p in first] == [filler]
    assert [(p.block, p.top, p.bottom) for p in second] == [(claim, 0.0, None)]
    assert layout.claim_pages[0] == 2 and layout.starts["claim-1"] == (2, 0.0)
    # with less head to keep, it breaks earlier and carries a real part over
    claim.keep_top = 100.0
    claim.breaks = [float(h) for h in range(100, 520, 20)]
    first, second = paginate([filler, claim], body, gap=10.0).pages
    cut = next(p for p in first if p.block is claim).bottom
    assert cut is not None and claim.height - cut >= MIN_TAIL * body
