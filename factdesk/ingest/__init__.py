"""Ingest: turning files, folders and pasted text into clean articles (no storage here).

Public API::

    parse_file(path) -> ParsedArticle
    parse_bytes(data, name, *, sidecar=None) -> ParsedArticle
    parse_pasted(text, title="", outlet="", published="") -> ParsedArticle
    discover(paths) -> list[Path]            # importable files, sorted
    scan(paths) -> Discovery                 # files + explicit files skipped, with reasons
    iter_parse(paths) -> Iterator[ParsedArticle | IngestError]

Every failure is an :class:`IngestError` whose message names the file.
"""

from factdesk.ingest.decoding import MAX_BYTES
from factdesk.ingest.errors import IngestError
from factdesk.ingest.files import (
    PASTED_NAME,
    SUPPORTED_SUFFIXES,
    Discovery,
    ParsedArticle,
    discover,
    iter_parse,
    parse_bytes,
    parse_file,
    parse_pasted,
    scan,
    text_hash,
)
from factdesk.ingest.normalize import normalize_body, normalize_text
from factdesk.ingest.sidecar import SidecarCache, is_sidecar

__all__ = [
    "MAX_BYTES",
    "PASTED_NAME",
    "SUPPORTED_SUFFIXES",
    "Discovery",
    "IngestError",
    "ParsedArticle",
    "SidecarCache",
    "discover",
    "is_sidecar",
    "iter_parse",
    "normalize_body",
    "normalize_text",
    "parse_bytes",
    "parse_file",
    "parse_pasted",
    "scan",
    "text_hash",
]
