"""Project settings: small JSON values under string keys (rating scale, threshold, ...)."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from factdesk.storage.rows import dumps


class SettingsRepository:
    """Reads and writes the ``settings`` table."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else default

    def set(self, key: str, value: Any) -> None:
        self.db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, dumps(value)],
        )

    def all(self) -> dict[str, Any]:
        return {r[0]: json.loads(r[1]) for r in self.db.execute("SELECT key, value FROM settings")}
