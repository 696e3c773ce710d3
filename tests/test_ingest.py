"""Tests of factdesk.ingest: seeds, sidecars, encodings, HTML, Markdown, folders, hashing."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest

from factdesk.ingest import (
    IngestError,
    ParsedArticle,
    discover,
    iter_parse,
    normalize_body,
    normalize_text,
    parse_bytes,
    parse_file,
    parse_pasted,
    scan,
    text_hash,
)
from factdesk.ingest.cleanup import is_boilerplate

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_000 = SEEDS / "000_fa0d151b2431cc15.txt"
SEED_001 = SEEDS / "001_de94a727e4da2545.txt"
SEED_003 = SEEDS / "003_92462763bbe6b2ff.txt"
HTML_FIXTURE = Path(__file__).parent / "fixtures" / "html" / "izium_visit.html"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every attempt to open a connection or resolve a name fail loudly."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    class NoSocket(socket.socket):  # still a class, so `socket.socket | int` type hints work
        def __init__(self, *args: object, **kwargs: object) -> None:
            refuse(*args, **kwargs)

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def _by_name(articles: list[ParsedArticle | IngestError]) -> dict[str, ParsedArticle]:
    return {a.source_name: a for a in articles if isinstance(a, ParsedArticle)}


# -- the seed articles ------------------------------------------------------------------


def test_seed_003_date_line_gives_date_and_title() -> None:
    article = parse_file(SEED_003)
    assert article.published == "2022-09-14"
    assert article.title.startswith("Ukraine's Zelensky visits")
    assert article.title == (
        "Ukraine's Zelensky visits newly-liberated Kharkiv city 5 days after recapture"
    )
    assert not article.title_guessed
    assert "date 2022-09-14" not in article.text
    # the headline opens the text, then one paragraph per line of the file
    headline, first = article.text.split("\n\n")[:2]
    assert headline == article.title
    assert first.startswith("Russia-Ukraine War: Ukraine has claimed")
    assert article.text.count("\n\n") == 10
    assert "\n\n\n" not in article.text


def test_seed_001_headline_and_story_label() -> None:
    article = parse_file(SEED_001)
    assert article.title == "Zelenskiy accuses Russia of torture, war crimes"
    assert not article.title_guessed
    assert not article.text.startswith("STORY:")
    assert "STORY:" not in article.text
    assert article.text.startswith(article.title + "\n\nAs Ukrainian investigators worked")
    assert article.text.count(article.title) == 1


def test_seed_000_promo_line_removed_and_title_guessed() -> None:
    article = parse_file(SEED_000)
    assert "CLICK HERE" not in article.text
    assert "DALLAS EXPRESS APP" not in article.text
    assert "Bucha is a small city on the border of Kyiv" in article.text
    assert article.title_guessed
    assert article.title.startswith("Last week, Russian forces withdrew")
    assert article.title.endswith("…")
    assert len(article.title) <= 81
    assert any("CLICK HERE" in w for w in article.warnings)


def test_seeds_are_unchanged_and_raw_is_the_file() -> None:
    for path in (SEED_000, SEED_001, SEED_003):
        article = parse_file(path)
        assert article.raw == path.read_bytes()
        assert article.source_name == path.name
        assert article.text_hash == text_hash(article.text)
        assert normalize_body(article.text) == article.text  # canonical form is stable
        shared = ROOT.parent / "shared" / "seeds" / path.name
        if shared.exists():
            assert shared.read_bytes() == path.read_bytes()


def test_seed_sources_json_names_the_outlets() -> None:
    mapping = json.loads((SEEDS / "sources.json").read_text(encoding="utf-8"))
    assert set(mapping) == {SEED_000.name, SEED_001.name, SEED_003.name}
    articles = _by_name(list(iter_parse([SEEDS])))
    assert set(articles) == set(mapping)
    assert articles[SEED_000.name].outlet == "Dallas Express"
    assert articles[SEED_001.name].outlet == "Reuters"
    assert articles[SEED_003.name].outlet == "AFP"
    assert all(a.url == "" for a in articles.values())
    assert all("outlet unknown" not in a.warnings for a in articles.values())


# -- sidecars and header conventions ----------------------------------------------------


def test_meta_json_beats_sources_json_and_sources_csv(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"Body of {name} here.\n", encoding="utf-8")
    (tmp_path / "sources.csv").write_text(
        "file,outlet,date\nc.txt,CSV Outlet,2022-09-15\nb.txt,Overridden,\n", encoding="utf-8"
    )
    (tmp_path / "sources.json").write_text(
        json.dumps({"a.txt": {"outlet": "JSON Outlet"}, "b.txt": {"source": "B Outlet"}}),
        encoding="utf-8",
    )
    (tmp_path / "a.txt.meta.json").write_text(
        json.dumps({"outlet": "Own Outlet", "title": "Own title", "url": "https://a.example/x"}),
        encoding="utf-8",
    )
    articles = _by_name(list(iter_parse([tmp_path])))
    assert sorted(articles) == ["a.txt", "b.txt", "c.txt"]  # sidecars are not articles
    assert articles["a.txt"].outlet == "Own Outlet"
    assert articles["a.txt"].title == "Own title"
    assert not articles["a.txt"].title_guessed
    assert articles["a.txt"].url == "https://a.example/x"
    assert articles["b.txt"].outlet == "B Outlet"
    assert articles["c.txt"].outlet == "CSV Outlet"
    assert articles["c.txt"].published == "2022-09-15"


def test_sidecar_argument_overrides_file(tmp_path: Path) -> None:
    data = b"Title: In-file title\nOutlet: File Outlet\n\nSome body text.\n"
    article = parse_bytes(data, "x.txt", sidecar={"Source": "Sidecar Outlet"})
    assert article.outlet == "Sidecar Outlet"
    assert article.title == "In-file title"


def test_malformed_sidecar_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Body text.\n", encoding="utf-8")
    (tmp_path / "sources.json").write_text("{not json", encoding="utf-8")
    article = parse_file(tmp_path / "a.txt")
    assert article.text == "Body text."
    assert any("sources.json" in w for w in article.warnings)


def test_metadata_header_block() -> None:
    data = (
        b"Title: Zelensky visits Izium\nSource: Kyiv Ledger\nAuthor: Olena Petrenko\n"
        b"Date: 14 September 2022\nURL: https://kyivledger.example/izium\n\n"
        b"Ukrainian President Volodymyr Zelensky visited Izium on Wednesday.\n"
    )
    article = parse_bytes(data, "header.txt")
    assert (article.title, article.outlet, article.author) == (
        "Zelensky visits Izium", "Kyiv Ledger", "Olena Petrenko")
    assert article.published == "2022-09-14"
    assert article.url == "https://kyivledger.example/izium"
    assert article.text == ("Zelensky visits Izium\n\n"
                            "Ukrainian President Volodymyr Zelensky visited Izium on Wednesday.")


def test_markdown_with_front_matter() -> None:
    data = b"""---
title: "Izium after the retreat"
outlet: Example Wire
authors:
  - Jane Doe
  - John Roe
date: 2022-09-14T09:30:00Z
url: https://wire.example/izium
---

# Izium after the retreat

Ukrainian officials said **more than 400** bodies were found in a
[forest burial site](https://wire.example/map) near _Izium_.

![Satellite view](https://img.example/izium.png)

## Reaction

- Moscow denied targeting civilians.
- Kyiv called for a *war crimes* tribunal.

<!-- editor: check numbers -->
"""
    article = parse_bytes(data, "story.md")
    assert article.title == "Izium after the retreat"
    assert article.outlet == "Example Wire"
    assert article.author == "Jane Doe, John Roe"
    assert article.published == "2022-09-14"
    assert article.url == "https://wire.example/izium"
    assert article.text.split("\n\n") == [
        "Izium after the retreat",
        "Ukrainian officials said more than 400 bodies were found in a forest burial site "
        "near Izium.",
        "Reaction",
        "Moscow denied targeting civilians.",
        "Kyiv called for a war crimes tribunal.",
    ]


def test_markdown_first_heading_is_title() -> None:
    article = parse_bytes(b"# The Headline\n\nBody *text*.\n", "x.markdown")
    assert article.title == "The Headline"
    assert article.text == "The Headline\n\nBody text."


def test_boilerplate_lines_only() -> None:
    for line in ("CLICK HERE TO GET THE DALLAS EXPRESS APP", "Download the Example News app",
                 "Subscribe to our newsletter", "Sign up for our daily briefing",
                 "Follow us on Twitter", "Advertisement",
                 "READ MORE: Zelensky visits Izium", "Related: How the offensive unfolded"):
        assert is_boilerplate(line), line
    for line in ("He said the app had been downloaded by millions of Ukrainians.",
                 "Subscribers to the channel said the video was filmed in Izium on Wednesday, "
                 "hours after the flag was raised over the city hall.",
                 "Related reports said 450 bodies were found.",
                 "“Follow us to the front,” the commander told journalists."):
        assert not is_boilerplate(line), line


# -- encodings and refusals ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xef\xbb\xbfCaf\xc3\xa9 society.", "Café society."),
        ("Café “society”.".encode("utf-16-le").join([b"\xff\xfe", b""]), "Café “society”."),
        (b"\xfe\xff" + "Café “society”.".encode("utf-16-be"), "Café “society”."),
        ("Café society, a longer line.".encode("utf-16-le"), "Café society, a longer line."),
        (b"The caf\xe9 said \x93no\x94.", "The café said “no”."),
        ("Müller’s naïve façade.".encode("cp1252"), "Müller’s naïve façade."),
        ("Größe, Ärger, déjà vu.".encode("latin-1"), "Größe, Ärger, déjà vu."),
        ("Привет, как дела? Это тест кодировки текста.".encode("cp1251"),
         "Привет, как дела? Это тест кодировки текста."),
    ],
)
def test_encodings_decoded(data: bytes, expected: str) -> None:
    assert parse_bytes(data, "enc.txt").text == expected


def test_png_refused_naming_the_file(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)
    with pytest.raises(IngestError) as caught:
        parse_bytes(png, "photo.txt")
    assert str(caught.value) == "photo.txt: binary file (PNG image), not text"
    (tmp_path / "x.png").write_bytes(png)
    with pytest.raises(IngestError) as caught:
        parse_file(tmp_path / "x.png")
    assert str(caught.value) == "x.png: binary file (PNG image), not text"
    assert caught.value.path == tmp_path / "x.png"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf \n"])
def test_empty_file_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    with pytest.raises(IngestError, match=r"^empty\.txt: empty file$"):
        parse_file(path)


def test_binary_data_refused() -> None:
    with pytest.raises(IngestError, match=r"^blob\.txt: binary file \(contains NUL bytes\)"):
        parse_bytes(b"abc\x00\x01\x02def" * 50 + b"\x00\x00\x00", "blob.txt")
    with pytest.raises(IngestError, match="control characters"):
        parse_bytes(bytes(range(1, 32)) * 20, "ctl.txt")
    with pytest.raises(IngestError, match=r"PDF document"):
        parse_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "report.txt")


def test_size_limit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import factdesk.ingest.decoding as decoding
    import factdesk.ingest.files as files

    monkeypatch.setattr(decoding, "MAX_BYTES", 1000)
    monkeypatch.setattr(files, "MAX_BYTES", 1000)
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 1000)
    with pytest.raises(IngestError, match=r"^huge\.txt: file too large"):
        parse_file(path)
    with pytest.raises(IngestError, match="too large"):
        parse_bytes(b"word " * 1000, "huge.txt")


# -- normalisation and hashing ------------------------------------------------------------


def test_nfc_normalisation() -> None:
    article = parse_bytes("Cafe\u0301 owners in Izium.".encode(), "nfc.txt")
    assert article.text == "Café owners in Izium."
    assert "\u0301" not in article.text


def test_crlf_and_odd_spaces() -> None:
    crlf = b"Headline here\r\n\r\nFirst  paragraph\xc2\xa0text.\r\n\r\n\r\n\r\nSecond\tone.\r\n"
    article = parse_bytes(crlf, "crlf.txt")
    assert article.title == "Headline here"
    assert article.text == "Headline here\n\nFirst paragraph text.\n\nSecond one."
    lf = parse_bytes(crlf.replace(b"\r\n", b"\n"), "lf.txt")
    assert lf.text_hash == article.text_hash
    assert normalize_text("a\rb\u2028c\u200bd\ufeff ") == "a\nb\ncd"


def test_same_content_same_hash(tmp_path: Path) -> None:
    first = parse_file(SEED_001)
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SEED_001.read_bytes())
    second = parse_file(copy)
    assert first.text == second.text
    assert first.text_hash == second.text_hash
    assert parse_bytes(b"Same text.", "a.txt").text_hash == parse_bytes(
        b"Same text.", "b.txt").text_hash


def test_hard_wrapped_lines_are_joined() -> None:
    data = (b"This is a hard-wrapped paragraph of text that goes on and on across\n"
            b"several lines, as an email would, wrapping at about seventy-two\n"
            b"characters. It ends here.\n\nSecond paragraph with a counter-\noffensive.\n")
    text = parse_bytes(data, "wrapped.txt").text
    assert text.split("\n\n") == [
        "This is a hard-wrapped paragraph of text that goes on and on across several lines, "
        "as an email would, wrapping at about seventy-two characters. It ends here.",
        "Second paragraph with a counter-offensive.",
    ]


def test_pasted_text() -> None:
    article = parse_pasted("My title\n\nBody text here.", title="My title", outlet="BBC")
    assert (article.title, article.outlet) == ("My title", "BBC")
    assert article.text == "My title\n\nBody text here."  # the title is not doubled
    assert article.source_name == "pasted text"
    guessed = parse_pasted("Officials said 450 bodies were found. More later.")
    assert guessed.title_guessed and guessed.title == "Officials said 450 bodies were found"
    with pytest.raises(IngestError, match="empty"):
        parse_pasted("  \n ")


def test_pasted_text_takes_its_publication_date() -> None:
    dated = parse_pasted("Izium was recaptured four days ago.", title="Izium",
                         published="16 September 2022")
    assert dated.published == "2022-09-16"
    assert parse_pasted("Izium was recaptured.", title="Izium").published is None
    with pytest.raises(IngestError, match="date not understood: 'last Fooday'"):
        parse_pasted("Izium was recaptured.", title="Izium", published="last Fooday")


def test_very_long_lines_are_linear() -> None:
    started = time.perf_counter()
    article = parse_bytes(b"# T\n\n" + b"[a *b _c `d <e " * 150_000, "long.md")
    plain = parse_bytes(b"word " * 1_000_000, "long.txt")
    assert time.perf_counter() - started < 20
    assert len(article.text) > 1_000_000 and len(plain.text) == 4_999_999


# -- HTML ----------------------------------------------------------------------------------


def test_saved_html_page(no_network: None) -> None:
    article = parse_file(HTML_FIXTURE)
    assert article.title == "Zelensky raises flag over recaptured Izium"
    assert article.outlet == "Kyiv Ledger"
    assert article.author == "Olena Petrenko"
    assert article.published == "2022-09-14"
    assert article.url == "https://www.kyivledger.example/world/2022/09/14/zelensky-izium-flag"
    assert article.text.startswith(article.title + "\n\nUkrainian President Volodymyr Zelensky "
                                   "on Wednesday")
    assert "more than 400 bodies" in article.text
    for junk in ("SCRIPT_TEXT_MUST_NOT_APPEAR", "dataLayer", "display: none", "Privacy policy",
                 "All rights reserved", "Related stories", "Politics"):
        assert junk not in article.text
    assert "\n\n\n" not in article.text
    assert article.raw == HTML_FIXTURE.read_bytes()


def test_html_fallback_without_trafilatura(
    no_network: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    article = parse_file(HTML_FIXTURE)
    assert "more than 400 bodies" in article.text
    assert article.url.startswith("https://www.kyivledger.example/")
    assert article.outlet == "Kyiv Ledger"
    for junk in ("SCRIPT_TEXT_MUST_NOT_APPEAR", "Privacy policy", "Politics", "Related stories"):
        assert junk not in article.text
    assert any("main text not recognised" in w for w in article.warnings)


def test_html_declared_charset() -> None:
    page = ('<html><head><meta charset="windows-1251"><title>Новини</title></head><body>'
            '<article><p>Президент відвідав Ізюм у середу.</p></article></body></html>')
    article = parse_bytes(page.encode("cp1251"), "page.htm")
    assert "Президент відвідав Ізюм" in article.text


# -- folders and batches ---------------------------------------------------------------------


def test_discover_mixed_folder(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "10.html", "2.htm", ".hidden.txt", "notes.docx", "image.png",
                 "sources.json", "a.md.meta.json", "sub/c.markdown", ".git/HEAD.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<html><body><p>x</p></body></html>" if "htm" in name else "Text.",
                        encoding="utf-8")
    found = discover([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "2.htm", "10.html", "a.md", "b.txt", "sub/c.markdown"]
    result = scan([tmp_path / "notes.docx", tmp_path / "b.txt", tmp_path / "missing.txt"])
    assert result.files == (tmp_path / "b.txt",)
    assert [str(e) for e in result.skipped] == [
        "notes.docx: unsupported type (.docx)", "missing.txt: no such file"]


def test_iter_parse_continues_past_failures(tmp_path: Path) -> None:
    (tmp_path / "1-good.txt").write_text("A good article.", encoding="utf-8")
    (tmp_path / "2-empty.txt").write_bytes(b"")
    (tmp_path / "3-binary.txt").write_bytes(b"GIF89a\x01\x00\x01\x00")
    (tmp_path / "4-good.md").write_text("# Title\n\nAnother one.", encoding="utf-8")
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    results = list(iter_parse([tmp_path, tmp_path / "x.pdf"]))
    messages = [str(r) for r in results if isinstance(r, IngestError)]
    assert messages == ["x.pdf: binary file (PDF document), not text",
                        "2-empty.txt: empty file", "3-binary.txt: binary file (GIF image), not text"]
    assert [r.source_name for r in results if isinstance(r, ParsedArticle)] == [
        "1-good.txt", "4-good.md"]


@pytest.mark.parametrize("written,iso", [
    ("2022-09-14T10:00:00Z", "2022-09-14"),
    ("14 September 2022", "2022-09-14"),
    ("Sept. 14, 2022", "2022-09-14"),
    ("Wednesday, September 14, 2022 10:43 AM EDT", "2022-09-14"),
    ("14/09/2022", "2022-09-14"),  # the 14th can only be the day
    ("09/14/2022", "2022-09-14"),
    ("05/05/2022", "2022-05-05"),
    # not surely one day: no year (it was read as 2014-09-01), day and month either way,
    # no day, no such day
    ("Sep 14", None), ("14 Sept", None), ("04/05/2022", None), ("September 2022", None),
    ("31/02/2022", None), ("Updated 3 hours ago", None),
    ("04/05/2022 10:30", None), ("2 days ago | 2022", None), ("Today, 2022", None),
    ("14/09/2022 10:30", "2022-09-14"),
])
def test_dates_are_read_only_when_surely_one_day(written: str, iso: str | None) -> None:
    from factdesk.ingest.metadata import to_iso_date

    assert to_iso_date(written) == iso


@pytest.mark.parametrize("line", [
    "Reporting by Max Hunder; Editing by Peter Graff",
    "Additional reporting by Tom Balmforth in London",
    "Reporting by Pavel Polityuk and Max Hunder; Writing by Tom Balmforth",
    "Updated 10:43 AM EDT", "Published on Sept. 14, 2022",
    "Follow AP’s coverage of the war at https://apnews.com/hub/russia-ukraine",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "___", "* * *", "Photograph: Getty Images", "Published", "Updated 3 hours ago",
    "Published 14 September 2022", "Related Topics", "Facebook", "WhatsApp",
    "Read also: Ukraine’s army enters Kupiansk",
])
def test_page_furniture_is_removed(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("sentence", [
    "Updated figures show 5,000 people were killed.",
    "Published in 2019, the report found 40 cases.",
    "Reporting by the Kyiv Independent found 40 bodies in the forest.",
    "Our standards of evidence are high, the prosecutor said.",
    "Updated figures show that 450 people died in Izium.",
    "Updated: 450 people died in the attack on Monday, officials said.",
    "Published reports said the army had left the city on Saturday.",
    "Twitter said it had removed 30 accounts.",
    "Photographs showed the bodies of 30 civilians.",
    "Share prices fell 3% on Monday.",
])
def test_sentences_that_start_alike_stay(sentence: str) -> None:
    assert not is_boilerplate(sentence)


@pytest.mark.parametrize("first_line,title,source", [
    ("Zelensky visited Izium on Sept. 14, the military said. More.",
     "Zelensky visited Izium on Sept. 14, the military said", ""),
    ("Mr. Smith said the U.S. army left. Then more.", "Mr. Smith said the U.S. army left", ""),
    ("KHARKIV, Ukraine, Sept. 14 (Reuters) - Ukrainian forces retook Izium. More.",
     "Ukrainian forces retook Izium", "Reuters"),
    ("KYIV, Sept. 14, 2022 /UNIAN/. Ukraine’s army entered Kupiansk. More.",
     "Ukraine’s army entered Kupiansk", "UNIAN"),
    ("KYIV (AP) — Ukraine said 450 bodies were found. More.",
     "Ukraine said 450 bodies were found", "AP"),
    ("KHARKIV, Ukraine, Sept. 14, 2022 /UNIAN/ -- Zelensky arrived in Izium. More.",
     "Zelensky arrived in Izium", "UNIAN"),
    ("NATO - the alliance - met on Monday. More.", "NATO - the alliance - met on Monday", ""),
])
def test_guessed_titles_skip_datelines_and_abbreviations(first_line: str, title: str,
                                                        source: str) -> None:
    from factdesk.ingest.metadata import guess_title, wire_dateline

    assert guess_title(first_line + "\n\nSecond paragraph.") == title
    assert wire_dateline(first_line)[1] == source


def test_outlet_read_from_a_wire_dateline(tmp_path: Path) -> None:
    from factdesk.ingest.files import parse_file

    path = tmp_path / "wire.txt"
    path.write_text("KYIV (Reuters) - Ukraine said on Monday that 450 bodies were found in "
                    "Izium.\n\nInvestigators were at the site on Tuesday.\n", "utf-8")
    article = parse_file(path)
    assert article.outlet == "Reuters"
    assert "outlet 'Reuters' read from the dateline" in article.warnings


def test_an_import_says_what_to_check_and_what_it_passed_over(tmp_path: Path) -> None:
    from factdesk.core.importing import import_paths
    from factdesk.core.project import Project

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.txt").write_text(
        "KYIV (Reuters) - Ukraine said on Monday that 450 bodies were found in Izium.\n\n"
        "Reporting by Max Hunder; Editing by Peter Graff\n", "utf-8")
    (folder / "report.docx").write_bytes(b"PK\x03\x04")
    (folder / "photo.png").write_bytes(b"\x89PNG")
    (folder / ".hidden.txt").write_text("x", "utf-8")
    with Project.open(tmp_path / "p.factdesk") as project:
        report = import_paths(project, [folder])
    lines = report.lines()
    assert "check wire.txt: outlet 'Reuters' read from the dateline" in lines
    assert "check wire.txt: no headline found; title taken from the first sentence" in lines
    assert "check wire.txt: 1 promotional line(s) removed" in lines
    assert "check in: not articles, passed over: photo.png, report.docx" in lines
    assert report.ok and len(report.added) == 1


def test_a_page_saved_twice_from_one_address_is_one_article(tmp_path: Path) -> None:
    from factdesk.core.importing import import_paths
    from factdesk.core.project import Project

    body = " ".join(f"Sentence {i} about the recapture of Izium by Ukrainian forces."
                    for i in range(30))

    def page(name: str, footer: str, url: str = "https://apnews.com/article/izium",
             text: str = body) -> Path:
        path = tmp_path / name
        path.write_text(
            f'<html><head><title>Izium recaptured</title><link rel="canonical" href="{url}">'
            f'<meta property="og:site_name" content="AP News"></head><body><article>'
            f"<h1>Izium recaptured</h1><p>{text}</p><p>{footer}</p></article></body></html>",
            "utf-8")
        return path

    footer = "Copyright 2023 The Associated Press."
    with Project.open(tmp_path / "p.factdesk") as project:
        first = import_paths(project, [page("a.html", "Copyright 2022 The Associated Press.")])
        again = import_paths(project, [page("b.html", footer)])
        other = import_paths(project, [page("c.html", footer,
                                            "https://apnews.com/article/other")])
        # a new version: one word of a sentence changed, or a correction added
        edited = import_paths(project, [page("d.html", footer,
                                             text=body.replace("Ukrainian", "Russian", 1))])
        corrected = import_paths(project, [page("e.html", "Correction: Izium was retaken "
                                                "on Saturday.")])
    assert len(first.added) == 1
    assert again.duplicates == [("b.html", first.added[0][1])] and not again.added
    assert len(other.added) == 1  # the same words from another address: its own article
    assert len(edited.added) == 1 and len(corrected.added) == 1


def test_date_from_a_dateline_and_a_note_for_text_in_another_script(tmp_path: Path) -> None:
    from factdesk.ingest.files import parse_file

    wire = tmp_path / "unian.txt"
    wire.write_text("KYIV, Sept. 14, 2022 /UNIAN/. Ukraine’s army entered Kupiansk on "
                    "Wednesday, officials said.\n\nMore text follows here.\n", "utf-8")
    article = parse_file(wire)
    assert (article.outlet, article.published) == ("UNIAN", "2022-09-14")
    assert "date 2022-09-14 read from the dateline" in article.warnings
    from factdesk.ingest.metadata import wire_dateline

    assert wire_dateline("KHARKIV, Ukraine, Sept. 14, 2022 /UNIAN/ -- Zelensky arrived.")[2] \
        == "2022-09-14"
    undated = tmp_path / "undated.txt"
    undated.write_text("KYIV, Sept 14 (Reuters) - Ukraine's army entered Kupiansk.\n\n"
                       "More text.\n", "utf-8")
    assert parse_file(undated).published is None  # no year: no date
    ukrainian = tmp_path / "uk.txt"
    ukrainian.write_text("Зеленський відвідав Ізюм\n\nПрезидент України Володимир Зеленський "
                         "у середу відвідав звільнене місто Ізюм.\n", "utf-8")
    assert any("mostly in Cyrillic script" in w for w in parse_file(ukrainian).warnings)
