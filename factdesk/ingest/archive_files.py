"""Archive files of earlier fact-checks: JSON-LD, JSON lines, HTML pages or CSV.

The kind is recognised from the content, not the name: JSON (a ClaimReview, a list, an
``@graph``, a DataFeed...) or JSON lines are read as JSON-LD
(:mod:`factdesk.ingest.claimreviews`); an HTML page by its ``ld+json`` scripts and
microdata (extruct); anything else as CSV, its encoding detected
(:func:`factdesk.ingest.decoding.decode_bytes`, charset-normalizer for single-byte code
pages) and its dialect sniffed (comma, semicolon, tab or bar). A CSV's header names its
columns, with the usual synonyms (``claim``/``statement``/``claimReviewed``,
``rating``/``verdict``/``label``, ``publisher``/``source``...).
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from typing import Any

from factdesk.ingest.claimreviews import ReviewRead, ReviewRecord, read_reviews
from factdesk.ingest.decoding import decode_bytes
from factdesk.ingest.errors import IngestError
from factdesk.ingest.jsonld_expansion import CancelCheck, ReadCancelled, ReadProgress


class ArchiveFormatError(ValueError):
    """The file holds no earlier fact-checks FactDesk can read (the message says why)."""


#: CSV column names by field, the first found wins (compared without case, spaces,
#: dashes and underscores).
COLUMNS: dict[str, tuple[str, ...]] = {
    # the claim as checked first: a FactDesk CSV report has it as "statement" beside the
    # sentence as printed ("claim")
    "claim": ("claimreviewed", "statement", "claim", "claimtext", "text"),
    "id": ("id", "@id", "identifier", "reviewid"),
    "title": ("title", "headline", "name", "reviewtitle"),
    "rating": ("rating", "alternatename", "textualrating", "verdict", "label", "ruling",
               "truthrating"),
    "rating_value": ("ratingvalue", "ratingscore", "score"),
    "best_rating": ("bestrating", "ratingbest", "bestscore"),
    "worst_rating": ("worstrating", "ratingworst", "worstscore"),
    "publisher": ("publisher", "reviewedby", "author", "factchecker", "source",
                  "organization", "site", "reviewer"),
    # the review's own address and date before a generic one (a report's "date" is
    # the article's)
    "url": ("reviewurl", "factcheckurl", "url", "link", "newsurl"),
    "date": ("reviewdate", "datepublished", "date", "published"),
}
_DELIMITERS = ",;\t|"
_HTML = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body|<meta|<script|<!--)", re.I)


def read_archive(data: bytes, name: str, *, progress: ReadProgress | None = None,
                 cancelled: CancelCheck | None = None) -> ReviewRead:
    """The records of one archive file, with those skipped and why. ``progress(done,
    total, what)`` is called as a big JSON-LD feed or a JSON-lines file is read;
    :class:`ReadCancelled` is raised when ``cancelled()`` turns true."""
    try:
        text = decode_bytes(data, name, html=bool(_HTML.match(data[:2048]))).text
    except IngestError as exc:
        raise ArchiveFormatError(str(exc)) from exc
    stripped = text.lstrip("\ufeff \t\r\n")
    if _HTML.match(stripped[:2048].encode("utf-8", "replace")):
        return _read_html(stripped, name)
    if stripped.startswith(("{", "[")):
        return _read_json(stripped, name, progress, cancelled)
    return _read_csv(text.lstrip("\ufeff"), name)


def _read_json(text: str, name: str, progress: ReadProgress | None,
               cancelled: CancelCheck | None) -> ReviewRead:
    try:
        documents: list[Any] = [json.loads(text)]
    except json.JSONDecodeError as whole:
        documents = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    documents.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    where = f"line {number}" if number > 1 else f"line {whole.lineno}"
                    raise ArchiveFormatError(f"{name}: not valid JSON at {where} ({exc.msg})"
                                             ) from exc
    found = ReviewRead([], [], [])
    total = len(documents)
    for number, document in enumerate(documents, start=1):
        if total == 1:
            _merge(found, _read_document(document, number, total, progress, cancelled))
            continue
        if cancelled is not None and cancelled():
            raise ReadCancelled
        _merge(found, _read_document(document, number, total))
        if progress is not None and (number % 100 == 0 or number == total):
            progress(number, total, "documents")
    if not found.read:
        raise ArchiveFormatError(f"{name}: JSON without any ClaimReview (looked in @graph, "
                                 "lists, DataFeed items, mainEntity, review, itemListElement)")
    return found


def _read_html(text: str, name: str) -> ReviewRead:
    import extruct  # lazy: extruct brings lxml, html5lib and rdflib (~0.3 s to import)

    try:
        data = extruct.extract(text, syntaxes=["json-ld", "microdata"], uniform=True,
                               errors="ignore")
    except Exception as exc:  # extruct raises whatever its parsers raise
        raise ArchiveFormatError(f"{name}: the HTML page could not be read ({exc})") from exc
    found = ReviewRead([], [], [])
    documents = data.get("json-ld", []) + data.get("microdata", [])
    for number, document in enumerate(documents, start=1):
        _merge(found, _read_document(document, number, len(documents)))
    if not found.read:
        raise ArchiveFormatError(f"{name}: an HTML page without any ClaimReview in its "
                                 "ld+json scripts or microdata")
    return found


def _read_document(document: Any, number: int, total: int,
                   progress: ReadProgress | None = None,
                   cancelled: CancelCheck | None = None) -> ReviewRead:
    """The reviews of one JSON-LD document; one that is not valid JSON-LD is reported as
    skipped (with the processor's reason), and the file's other documents are read."""
    from pyld.jsonld import JsonLdError  # lazy, as in claimreviews

    try:
        return read_reviews(document, progress=progress, cancelled=cancelled)
    except (JsonLdError, ValueError, TypeError) as exc:  # pyld: invalid input
        reason = str(exc.args[0] if exc.args else exc).split("\n", 1)[0].strip("()',\" ")
        where = f"document {number} of {total}" if total > 1 else "the document"
        return ReviewRead([], [(where, f"not valid JSON-LD ({reason[:160]})")], [])


def _merge(into: ReviewRead, more: ReviewRead) -> None:
    into.records += more.records
    into.skipped += more.skipped
    into.notes += [n for n in more.notes if n not in into.notes]


def _key(column: str) -> str:
    return re.sub(r"[\s_\-.]+", "", column.strip().lower())


def _dialect(text: str, name: str) -> type[csv.Dialect] | csv.Dialect:
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS)
    except csv.Error:
        if name.lower().endswith((".tsv", ".tab")) or "\t" in sample.split("\n", 1)[0]:
            return csv.excel_tab
        return csv.excel


def _read_csv(text: str, name: str) -> ReviewRead:
    csv.field_size_limit(sys.maxsize)
    reader = csv.reader(io.StringIO(text, newline=""), dialect=_dialect(text, name))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise ArchiveFormatError(f"{name}: an empty or unreadable CSV ({exc})") from exc
    keys = [_key(c) for c in header]
    where: dict[str, int] = {}
    for field, names in COLUMNS.items():
        for synonym in names:
            if synonym in keys and keys.index(synonym) not in where.values():
                where[field] = keys.index(synonym)
                break
    if "claim" not in where:
        raise ArchiveFormatError(
            f"{name}: not a ClaimReview file, and a CSV needs a header with a claim column "
            f"('claim', 'statement' or 'claimReviewed'); its first line has: "
            f"{', '.join(header[:8])[:200]}")
    found = ReviewRead([], [], [])
    try:
        for number, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue

            def value(field: str, row: list[str] = row) -> str:
                i = where.get(field)
                return " ".join(row[i].split()) if i is not None and i < len(row) else ""

            if not value("claim"):
                found.skipped.append((f"line {number}", "no claim text"))
                continue
            found.records.append(ReviewRecord(
                claim=value("claim"), review_id=value("id"), title=value("title"),
                rating=value("rating"), rating_value=value("rating_value"),
                best_rating=value("best_rating"), worst_rating=value("worst_rating"),
                publisher=value("publisher"), url=value("url"), date=value("date")))
    except csv.Error as exc:
        raise ArchiveFormatError(f"{name}: CSV broken at line {reader.line_num} ({exc})"
                                 ) from exc
    return found
