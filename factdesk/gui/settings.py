"""User-level settings (QSettings in an INI file under the user config folder) and recents.

Everything that belongs to the person rather than the project lives here: window layout,
theme, article font size, default checker name, shortcut rebindings, recent projects.
``FACTDESK_HOME`` moves the file (tests point it at a temporary folder).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from factdesk.core.paths import user_config_dir

MAX_RECENT = 10


def user_settings() -> QSettings:
    """The user's settings file (INI format, so that tests and users can read it)."""
    path = user_config_dir() / "factdesk-gui.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


def recent_projects(settings: QSettings | None = None) -> list[Path]:
    """Recently opened project files that still exist, most recent first."""
    settings = settings or user_settings()
    value = settings.value("recent/projects", [])
    if isinstance(value, str):
        value = [value]
    return [Path(p) for p in (value or []) if p and Path(p).exists()]


def remember_project(path: Path, settings: QSettings | None = None) -> None:
    """Put ``path`` first in the recent projects and mark it as the last one opened."""
    settings = settings or user_settings()
    path = Path(path).resolve()
    paths = [str(path)] + [str(p) for p in recent_projects(settings) if p.resolve() != path]
    settings.setValue("recent/projects", paths[:MAX_RECENT])
    settings.setValue("recent/last", str(path))
    settings.sync()


def last_project(settings: QSettings | None = None) -> Path | None:
    settings = settings or user_settings()
    value = settings.value("recent/last", "")
    return Path(value) if value and Path(value).exists() else None


def get_str(key: str, default: str = "") -> str:
    value = user_settings().value(key, default)
    return str(value) if value is not None else default


def get_int(key: str, default: int) -> int:
    try:
        return int(user_settings().value(key, default))
    except (TypeError, ValueError):
        return default


def set_value(key: str, value: object) -> None:
    settings = user_settings()
    settings.setValue(key, value)
    settings.sync()
