"""JSON-LD expansion of archive documents: offline, and for big feeds in parts.

Documents are expanded by pyld (the JSON-LD 1.1 processor) with schema.org's context
from a file shipped in the package (``schemaorg_context.jsonld``), never fetched: a
document loader answers schema.org's context addresses from that file and refuses every
other address (the document is then read with the bundled context alone, and a note says
so). The bundled context is parsed once per process and handed to pyld as the same
object each time, so pyld's own resolved-context cache processes it once.

A big feed (a DataFeed's ``dataFeedElement``, an ItemList's ``itemListElement``, an
``@graph`` of thousands of nodes) is expanded in parts of :data:`PART_SIZE` elements,
each part as a document with the feed's own context and type, so that progress can be
reported and the reading cancelled between parts. The processor still does all the
expanding: the parts only split the feed's longest list of elements, and expanding
``{context, type, key: part}`` gives exactly the expanded elements of that part.

Measured (``bench/reliability.py --feed 5000``): pyld's expansion is most of the time
(about 0.35 ms a review); a pool of worker processes over the parts was slower on a
two-core machine (process start and pickling) and is not used.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import Any

SCHEMA_PREFIXES = ("http://schema.org/", "https://schema.org/")
CONTEXT_FILE = "schemaorg_context.jsonld"
#: Context addresses answered from the bundled file (with or without a trailing slash).
_SCHEMA_CONTEXTS = {"schema.org", "schema.org/docs/jsonldcontext.json",
                    "schema.org/docs/jsonldcontext.jsonld"}
#: Elements of a feed's longest list expanded at a time.
PART_SIZE = 250

#: ``progress(done, total, what)``: elements (or documents) read so far.
ReadProgress = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]


class ReadCancelled(Exception):
    """Reading was cancelled by the caller; nothing read is kept."""


@lru_cache(maxsize=1)
def bundled_context() -> dict[str, Any]:
    """The schema.org JSON-LD context shipped with FactDesk."""
    text = resources.files("factdesk.ingest").joinpath(CONTEXT_FILE).read_text("utf-8")
    return json.loads(text)


class OfflineContextError(Exception):
    """A context address other than schema.org's: FactDesk never fetches one."""


def _offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    address = url.split("://", 1)[-1].rstrip("/").removeprefix("www.")
    if address in _SCHEMA_CONTEXTS:
        return {"contextUrl": None, "documentUrl": url, "document": bundled_context()}
    raise OfflineContextError(url)


def _without_contexts(data: Any) -> Any:
    if isinstance(data, list):
        return [_without_contexts(item) for item in data]
    if isinstance(data, dict):
        return {k: _without_contexts(v) for k, v in data.items() if k != "@context"}
    return data


def expand(data: Any, base: str | None = None) -> tuple[list[dict[str, Any]], list[str]]:
    """``data`` expanded with the bundled schema.org context (the default for documents
    without one); notes when a context of another address had to be left out."""
    from pyld import jsonld  # lazy: pyld and its rdflib-free parts load in ~50 ms

    options: dict[str, Any] = {"documentLoader": _offline_loader,
                               "expandContext": bundled_context()}
    if base:
        options["base"] = base
    try:
        return jsonld.expand(data, options), []
    except jsonld.JsonLdError as exc:
        if not _caused_by_offline(exc):
            raise
        note = (f"a context other than schema.org's ({_offline_url(exc)}) was not fetched: "
                "the records were read with schema.org's")
        return jsonld.expand(_without_contexts(data), options), [note]


def _caused_by_offline(exc: BaseException | None) -> bool:
    while exc is not None:
        if isinstance(exc, OfflineContextError):
            return True
        exc = getattr(exc, "cause", None) or exc.__cause__
    return False


def _offline_url(exc: BaseException | None) -> str:
    while exc is not None:
        if isinstance(exc, OfflineContextError):
            return str(exc)
        exc = getattr(exc, "cause", None) or exc.__cause__
    return "?"


def _split(data: Any) -> tuple[Any, str | None, list[Any]]:
    """``data`` without its longest list of elements, that list's key and the list
    (no key when no list is longer than one part)."""
    if not isinstance(data, dict):
        return data, None, []
    lists = [k for k, v in data.items() if k != "@context" and isinstance(v, list)]
    key = max(lists, key=lambda k: len(data[k]), default=None)
    if key is None or len(data[key]) <= PART_SIZE:
        return data, None, []
    return {k: v for k, v in data.items() if k != key}, key, data[key]


def _part_document(head: dict[str, Any], key: str, part: list[Any]) -> dict[str, Any]:
    document: dict[str, Any] = {key: part}
    for keyword in ("@context", "@type", "type"):
        if keyword in head and key != "@graph":
            document[keyword] = head[keyword]
    if key == "@graph" and "@context" in head:
        document["@context"] = head["@context"]
    return document


def expand_in_parts(data: Any, base: str | None = None, *,
                    progress: ReadProgress | None = None,
                    cancelled: CancelCheck | None = None,
                    ) -> tuple[list[dict[str, Any]], list[str]]:
    """:func:`expand`, a big feed in parts (see the module's docstring). The expanded
    parts follow the expanded rest of the document, in order."""
    head, key, elements = _split(data)
    if key is None:
        if cancelled is not None and cancelled():
            raise ReadCancelled
        return expand(data, base)
    tree, notes = expand(head, base)
    parts = [_part_document(head, key, elements[i:i + PART_SIZE])
             for i in range(0, len(elements), PART_SIZE)]
    total = len(elements)
    for done, part in zip(range(PART_SIZE, total + PART_SIZE, PART_SIZE), parts, strict=True):
        if cancelled is not None and cancelled():
            raise ReadCancelled
        part_tree, part_notes = expand(part, base)
        tree.extend(part_tree)
        notes.extend(n for n in part_notes if n not in notes)
        if progress is not None:
            progress(min(done, total), total, "elements")
    return tree, notes
