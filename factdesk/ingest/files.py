"""Turning files, folders and pasted text into :class:`ParsedArticle` values.

The pipeline for one file: size check, decode (:mod:`decoding`), normalise once
(:mod:`normalize`), parse by type (:mod:`plaintext`, :mod:`html`), drop promotional
lines and a leading "STORY:" label (:mod:`cleanup`), join the paragraphs into the final
body, then merge metadata. Outlet, title, author, date and url are resolved with the
first source that has them winning: the ``sidecar`` argument, sidecar files next to the
article (:mod:`sidecar`), the file's own header/front matter/HTML meta tags. A missing
title is guessed from the first sentence (``title_guessed``); a missing outlet stays
empty for the caller to ask for.

A headline the document (or its sidecar) gives is part of what the outlet published and
is often what gets checked, so the text begins with it as its own first paragraph; a
guessed title is not added.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factdesk.ingest.cleanup import removal_warnings, remove_boilerplate, strip_script_label
from factdesk.ingest.decoding import MAX_BYTES, decode_bytes, sniff_binary
from factdesk.ingest.errors import IngestError
from factdesk.ingest.html import parse_html
from factdesk.ingest.metadata import (
    Extracted,
    guess_title,
    merge_fields,
    normalize_fields,
    wire_dateline,
)
from factdesk.ingest.normalize import join_paragraphs, normalize_text
from factdesk.ingest.page_furniture import remove_page_furniture
from factdesk.ingest.plaintext import parse_markdown, parse_text
from factdesk.ingest.sidecar import SidecarCache, is_sidecar
from factdesk.ingest.truncation import truncation_warning

SUPPORTED_SUFFIXES: dict[str, str] = {
    ".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
}
PASTED_NAME = "pasted text"
_LOOKS_LIKE_HTML = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                              re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class ParsedArticle:
    """One article ready to store: metadata plus the normalised, cleaned body text."""

    title: str
    outlet: str
    author: str
    published: str | None  # ISO date YYYY-MM-DD
    url: str
    text: str = field(repr=False)  # headline, then paragraphs; "\n\n" between, one line each
    source_name: str  # the file name, or "pasted text"
    raw: bytes = field(repr=False)  # the original bytes, unchanged
    text_hash: str  # sha256 hex of text (UTF-8)
    title_guessed: bool = False
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Discovery:
    """What :func:`scan` found: importable files and the explicitly named ones it skips."""

    files: tuple[Path, ...]
    skipped: tuple[IngestError, ...]
    #: files of other types inside the folders walked: (folder, their names)
    passed_over: tuple[tuple[Path, tuple[str, ...]], ...] = ()


def text_hash(text: str) -> str:
    """The sha256 hex digest under which an article body is stored."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_bytes(
    data: bytes, name: str, *, sidecar: Mapping[str, Any] | None = None
) -> ParsedArticle:
    """Parse one file's content; ``name`` picks the format by its extension.

    ``sidecar`` holds metadata that overrides what the file says (keys as in a
    ``sources.json`` entry: title, outlet/source, author, date/published, url).
    A name without extension is sniffed (HTML or plain text).
    """
    with _unexpected_errors_as(name):
        kind = _kind_for(name, data)
        decoded = decode_bytes(data, name, html=kind == "html")
        warnings = list(decoded.warnings)
        given = normalize_fields(sidecar or {}, warnings)
        return _build(decoded.text, kind, name, data, given, warnings)


def parse_file(
    path: Path | str, *, sidecar: Mapping[str, Any] | None = None,
    cache: SidecarCache | None = None,
) -> ParsedArticle:
    """Read and parse one file, applying the sidecar metadata found next to it."""
    path = Path(path)
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise IngestError(path, _unsupported_reason(path))
    data = _read(path)
    with _unexpected_errors_as(path):
        found, warnings = (cache or SidecarCache()).lookup(path)
        kind = _kind_for(path.name, data)
        decoded = decode_bytes(data, path.name, html=kind == "html")
        warnings.extend(decoded.warnings)
        given = merge_fields(normalize_fields(sidecar or {}, warnings),
                             normalize_fields(found, warnings))
        return _build(decoded.text, kind, path.name, data, given, warnings)


def parse_pasted(
    text: str, title: str = "", outlet: str = "", published: str = ""
) -> ParsedArticle:
    """Parse text pasted by the user; ``title``/``outlet``/``published`` (a date in any
    common form) given here win over the text's. A date that cannot be understood is
    refused, so that relative times are never resolved against a wrong day."""
    raw = text.encode("utf-8")
    if len(raw) > MAX_BYTES:
        raise IngestError(PASTED_NAME, f"text too large (limit {MAX_BYTES // 2**20} MB)")
    if not normalize_text(text).strip():
        raise IngestError(PASTED_NAME, "empty text")
    problems: list[str] = []
    given = normalize_fields({"title": title, "outlet": outlet, "published": published},
                             problems)
    if problems:
        raise IngestError(PASTED_NAME, f"{problems[0]} (give it as YYYY-MM-DD)")
    return _build(text, "pasted", PASTED_NAME, raw, given, [])


def scan(paths: Iterable[Path | str]) -> Discovery:
    """Expand files and folders to importable files, and explain what is skipped.

    Folders are walked recursively; hidden files and folders and our sidecars are passed
    over silently, files of other types inside folders are named in ``passed_over``.
    A file named explicitly
    that cannot be imported (unsupported type, missing) is reported in ``skipped``.
    Files come sorted by path (numbers in names compare as numbers), without duplicates.
    """
    found: dict[Path, None] = {}
    skipped: list[IngestError] = []
    passed_over: list[tuple[Path, tuple[str, ...]]] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            others: list[str] = []
            for file in _walk(path, others):
                found.setdefault(file, None)
            if others:
                passed_over.append((path, tuple(sorted(others))))
        elif not path.exists():
            skipped.append(IngestError(path, "no such file"))
        elif is_sidecar(path):
            continue
        elif path.suffix.lower() in SUPPORTED_SUFFIXES:
            found.setdefault(path, None)
        else:
            skipped.append(IngestError(path, _unsupported_reason(path)))
    return Discovery(tuple(sorted(found, key=_natural_key)), tuple(skipped),
                     tuple(passed_over))


def discover(paths: Iterable[Path | str]) -> list[Path]:
    """The importable files among ``paths`` (see :func:`scan` for what is skipped)."""
    return list(scan(paths).files)


def iter_parse(paths: Iterable[Path | str]) -> Iterator[ParsedArticle | IngestError]:
    """Parse every importable file under ``paths``, yielding errors instead of raising.

    Skipped explicit files come first as :class:`IngestError` values, then one result
    per discovered file in order, so a batch always runs to its end.
    """
    discovery = scan(paths)
    yield from discovery.skipped
    cache = SidecarCache()
    for path in discovery.files:
        try:
            yield parse_file(path, cache=cache)
        except IngestError as exc:
            yield exc


# -- internals -----------------------------------------------------------------------------


@contextmanager
def _unexpected_errors_as(path: Path | str) -> Iterator[None]:
    """Turn a bug or library failure on one odd file into an :class:`IngestError`."""
    try:
        yield
    except IngestError:
        raise
    except (MemoryError, RecursionError, ValueError, TypeError, LookupError, OSError,
            UnicodeError, AttributeError) as exc:
        raise IngestError(path, f"could not be parsed ({type(exc).__name__}: {exc})") from exc


def _kind_for(name: str, data: bytes) -> str:
    suffix = Path(name).suffix.lower()
    if suffix in SUPPORTED_SUFFIXES:
        kind = SUPPORTED_SUFFIXES[suffix]
        if kind == "text" and _LOOKS_LIKE_HTML.match(_head(data)):
            return "html"  # a saved web page renamed to .txt
        return kind
    if re.fullmatch(r"\.[a-z][a-z0-9]{0,7}", suffix):  # "x.docx"; not "Reuters 14.09.2022"
        raise IngestError(name, f"unsupported type ({suffix})")
    return "html" if _LOOKS_LIKE_HTML.match(_head(data)) else "text"


def _head(data: bytes) -> str:
    return data[:2048].decode("utf-8", "ignore").lstrip("\ufeff")


def _unsupported_reason(path: Path) -> str:
    """ "unsupported type (.docx)", or "binary file (PNG image), not text" for media."""
    reason = f"unsupported type ({path.suffix or 'no extension'})"
    try:
        with path.open("rb") as handle:
            kind = sniff_binary(handle.read(64))
    except OSError:
        return reason
    if kind is None or kind.startswith(("ZIP", "MS Office")):
        return reason
    return f"binary file ({kind}), not text"


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(path, f"file too large ({size / 2**20:.1f} MB, limit "
                                    f"{MAX_BYTES // 2**20} MB)")
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise IngestError(path, "no such file") from exc
    except IsADirectoryError as exc:
        raise IngestError(path, "is a folder, not a file") from exc
    except PermissionError as exc:
        raise IngestError(path, "permission denied") from exc
    except OSError as exc:
        raise IngestError(path, f"cannot be read ({exc.strerror or exc})") from exc


def _build(
    text: str, kind: str, name: str, raw: bytes, given: Mapping[str, str], warnings: list[str]
) -> ParsedArticle:
    """Parse decoded text; ``given`` (normalised sidecar fields) wins over the file's own."""
    normalized = normalize_text(text)  # the one normalisation, before any parsing
    extracted = _extract(normalized, kind, given)
    warnings.extend(extracted.warnings)
    paragraphs, removed = remove_boilerplate(extracted.paragraphs)
    warnings.extend(removal_warnings(removed))
    if paragraphs:
        first, label = strip_script_label(paragraphs[0])
        if label is not None:
            paragraphs[0] = first
            warnings.append(f'removed label "{label}" before the text')
    paragraphs, furniture, byline_authors = remove_page_furniture(paragraphs)
    warnings.extend(furniture)
    body = join_paragraphs(paragraphs)
    if not body:
        raise IngestError(name, "no article text found")
    truncated = truncation_warning(paragraphs, expected_words=extracted.expected_words,
                                   paywalled=extracted.paywalled)
    if truncated:
        warnings.append(truncated)
    fields = merge_fields(given, extracted.fields)
    for key, value in given.items():
        if extracted.fields.get(key) and extracted.fields[key] != value and key != "title":
            warnings.append(f"{key}: using {value!r} from the sidecar, not {extracted.fields[key]!r}")
    title = " ".join(fields.get("title", "").split())
    guessed = not title
    if guessed:
        title = guess_title(body)
        warnings.append("no headline found; title taken from the first sentence")
    elif _fold(paragraphs[0]) != _fold(title):
        body = join_paragraphs([title, *paragraphs])
    _start, source, day = wire_dateline(paragraphs[0]) if paragraphs else (0, "", None)
    if not fields.get("outlet"):
        if source:
            fields["outlet"] = source
            warnings.append(f"outlet {source!r} read from the dateline")
        else:
            warnings.append("outlet unknown")
    if not fields.get("author") and byline_authors:
        fields["author"] = ", ".join(byline_authors)
        warnings.append(f"author {fields['author']!r} read from the removed byline")
    if not fields.get("published") and day:
        fields["published"] = day
        warnings.append(f"date {day} read from the dateline")
    foreign = foreign_script(body)
    if foreign:
        warnings.append(f"the text is mostly in {foreign} script: FactDesk finds claims in "
                        "English text, so it may find none here")
    return ParsedArticle(
        title=title,
        outlet=fields.get("outlet", ""),
        author=fields.get("author", ""),
        published=fields.get("published"),
        url=fields.get("url", ""),
        text=body,
        source_name=name,
        raw=raw,
        text_hash=text_hash(body),
        title_guessed=guessed,
        warnings=tuple(dict.fromkeys(warnings)),
    )


_SCRIPTS = (("Cyrillic", 0x0400, 0x052F), ("Greek", 0x0370, 0x03FF), ("Arabic", 0x0600, 0x06FF),
            ("Hebrew", 0x0590, 0x05FF), ("CJK", 0x4E00, 0x9FFF))


_SCRIPT_CHARS = re.compile(
    "[" + "".join(f"{chr(low)}-{chr(high)}" for _, low, high in _SCRIPTS) + "]")


def foreign_script(text: str) -> str | None:
    """The name of the script most letters of ``text`` are in, when that is not Latin."""
    sample = text[:20_000]
    if not _SCRIPT_CHARS.search(sample):
        return None  # no character of any of these scripts (most texts): no letter counted
    letters = [ord(c) for c in sample if c.isalpha()]
    if not letters:
        return None
    for name, low, high in _SCRIPTS:
        if sum(1 for c in letters if low <= c <= high) > 0.5 * len(letters):
            return name
    return None


def _extract(text: str, kind: str, given: Mapping[str, str]) -> Extracted:
    if kind == "html":
        return parse_html(text)
    if kind == "markdown":
        return parse_markdown(text)
    if kind == "pasted" and given.get("title"):
        extracted = parse_text(text, detect_headline=False)
        if extracted.paragraphs and _fold(extracted.paragraphs[0]) == _fold(given["title"]):
            extracted.paragraphs = extracted.paragraphs[1:]  # the title was pasted too
        return extracted
    return parse_text(text)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _walk(folder: Path, others: list[str]) -> Iterator[Path]:
    """The importable files below ``folder``; the names of files of other types go to
    ``others`` (hidden, temporary and backup files and sidecars are left out of both)."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            path = Path(root) / name
            if name.startswith((".", "~$")) or name.endswith("~") or is_sidecar(path):
                continue
            if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                others.append(name)
                continue
            yield path


def _natural_key(path: Path) -> list[tuple[int, int | str]]:
    parts = re.split(r"(\d+)", str(path).casefold())
    return [(0, int(p)) if p.isdigit() else (1, p) for p in parts if p]
