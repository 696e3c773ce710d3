"""Sidecar metadata files that name an article's outlet, title, author, date and url.

Looked up next to an article ``x.txt``, most specific first:

1. ``x.txt.meta.json`` or ``x.meta.json`` - one JSON object for that file;
2. ``sources.json`` in the same folder - ``{"x.txt": {...}, ...}``, or a list of
   objects each with a ``"file"`` key;
3. ``sources.csv`` in the same folder - a header row with a ``file`` column.

Entries are matched by file name, then by name without extension, case-insensitively.
A malformed sidecar never stops an import: it yields a warning instead.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factdesk.ingest.decoding import decode_bytes
from factdesk.ingest.errors import IngestError

META_SUFFIX = ".meta.json"
FOLDER_SIDECARS: tuple[str, ...] = ("sources.json", "sources.csv")
_FILE_KEYS: tuple[str, ...] = ("file", "filename", "file_name", "path", "source_name")
_MAX_SIDECAR_BYTES = 5 * 1024 * 1024

Entry = dict[str, Any]


def is_sidecar(path: Path) -> bool:
    """True for our own metadata files, which are never imported as articles."""
    name = path.name.lower()
    return name.endswith(META_SUFFIX) or name in FOLDER_SIDECARS


@dataclass
class SidecarCache:
    """Reads each folder's ``sources.json``/``sources.csv`` once per batch."""

    _folders: dict[Path, tuple[dict[str, Entry], list[str]]] = field(default_factory=dict)

    def lookup(self, path: Path) -> tuple[Entry, list[str]]:
        """The sidecar entry for ``path`` (raw keys, most specific file first) and warnings."""
        warnings: list[str] = []
        merged: Entry = {}
        own = _own_meta(path, warnings)
        folder, folder_warnings = self._folder(path.parent)
        warnings.extend(folder_warnings)
        for source in (own, _find(folder, path.name)):
            for key, value in source.items():
                merged.setdefault(key, value)
        return merged, warnings

    def _folder(self, folder: Path) -> tuple[dict[str, Entry], list[str]]:
        key = folder.resolve()
        if key not in self._folders:
            self._folders[key] = _read_folder(folder)
        return self._folders[key]


def lookup_sidecar(path: Path) -> tuple[Entry, list[str]]:
    """Sidecar metadata for one file, without caching (see :class:`SidecarCache`)."""
    return SidecarCache().lookup(path)


def _own_meta(path: Path, warnings: list[str]) -> Entry:
    for candidate in (path.with_name(path.name + META_SUFFIX),
                      path.with_name(path.stem + META_SUFFIX)):
        if candidate.is_file():
            data = _load_json(candidate, warnings)
            if isinstance(data, Mapping):
                return dict(data)
            if data is not None:
                warnings.append(f"{candidate.name}: expected a JSON object, ignored")
    return {}


def _read_folder(folder: Path) -> tuple[dict[str, Entry], list[str]]:
    warnings: list[str] = []
    table: dict[str, Entry] = {}
    json_path, csv_path = folder / "sources.json", folder / "sources.csv"
    if csv_path.is_file():
        table.update(_read_csv(csv_path, warnings))
    if json_path.is_file():
        table.update(_entries_from_json(_load_json(json_path, warnings), json_path, warnings))
    return table, warnings


def _find(table: Mapping[str, Entry], name: str) -> Entry:
    if name in table:
        return table[name]
    folded = {key.casefold(): value for key, value in table.items()}
    stem = Path(name).stem.casefold()
    return folded.get(name.casefold()) or folded.get(stem) or {}


def _read_bytes(path: Path, warnings: list[str]) -> bytes | None:
    try:
        if path.stat().st_size > _MAX_SIDECAR_BYTES:
            warnings.append(f"{path.name}: sidecar too large, ignored")
            return None
        return path.read_bytes()
    except OSError as exc:
        warnings.append(f"{path.name}: cannot read sidecar ({exc.strerror or exc}), ignored")
        return None


def _load_json(path: Path, warnings: list[str]) -> Any:
    data = _read_bytes(path, warnings)
    if data is None:
        return None
    try:
        return json.loads(decode_bytes(data, path.name).text)
    except (IngestError, ValueError) as exc:
        warnings.append(f"{path.name}: not valid JSON ({exc}), ignored")
        return None


def _entries_from_json(data: Any, path: Path, warnings: list[str]) -> dict[str, Entry]:
    table: dict[str, Entry] = {}
    if isinstance(data, Mapping) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, Mapping):
        for name, entry in data.items():
            if isinstance(entry, Mapping):
                table[str(name)] = dict(entry)
            elif isinstance(entry, str):  # {"x.txt": "Reuters"}: the outlet alone
                table[str(name)] = {"outlet": entry}
    elif isinstance(data, list):
        for entry in data:
            if isinstance(entry, Mapping):
                name = _file_key(entry)
                if name:
                    table[Path(name).name] = {k: v for k, v in entry.items()
                                              if k.lower() not in _FILE_KEYS}
    elif data is not None:
        warnings.append(f"{path.name}: expected an object or a list, ignored")
    return table


def _read_csv(path: Path, warnings: list[str]) -> dict[str, Entry]:
    data = _read_bytes(path, warnings)
    if data is None:
        return {}
    try:
        text = decode_bytes(data, path.name).text
        sample = text[:4096]
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t") if sample else csv.excel
    except IngestError as exc:
        warnings.append(f"{path.name}: {exc.reason}, ignored")
        return {}
    except csv.Error:
        dialect = csv.excel
    table: dict[str, Entry] = {}
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    for row in reader:
        entry = {str(k).strip(): (v or "").strip() for k, v in row.items() if k is not None}
        name = _file_key(entry)
        if name:
            table[Path(name).name] = {k: v for k, v in entry.items()
                                      if k.lower() not in _FILE_KEYS}
    if not table:
        warnings.append(f"{path.name}: no rows with a 'file' column, ignored")
    return table


def _file_key(entry: Mapping[str, Any]) -> str:
    for key, value in entry.items():
        if str(key).strip().lower() in _FILE_KEYS and value:
            return str(value).strip()
    return ""
