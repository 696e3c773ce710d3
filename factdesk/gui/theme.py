"""Light, dark and system themes: the Fusion style, a palette, and a small QSS file.

Colours used inside rendered HTML (the across-sources panel, the status colours of the
article highlights) come from :func:`colors`, so they follow the theme as well.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from factdesk.core.paths import resources_dir

THEMES = ("system", "light", "dark")

STATUS_COLORS = {
    "to check": "#9aa0a6",
    "in progress": "#1a73e8",
    "needs review": "#e37400",
    "done": "#188038",
}

_current = "light"


def _dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor("#1f2023"), QColor("#26282c"), QColor("#e8eaed")
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, window)
        p.setColor(group, QPalette.ColorRole.WindowText, text)
        p.setColor(group, QPalette.ColorRole.Base, base)
        p.setColor(group, QPalette.ColorRole.AlternateBase, QColor("#2a2c30"))
        p.setColor(group, QPalette.ColorRole.Text, text)
        p.setColor(group, QPalette.ColorRole.Button, QColor("#303236"))
        p.setColor(group, QPalette.ColorRole.ButtonText, text)
        p.setColor(group, QPalette.ColorRole.Highlight, QColor("#3d5a99"))
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        p.setColor(group, QPalette.ColorRole.ToolTipBase, QColor("#303134"))
        p.setColor(group, QPalette.ColorRole.ToolTipText, text)
        p.setColor(group, QPalette.ColorRole.Link, QColor("#8ab4f8"))
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor("#9aa0a6"))
        p.setColor(group, QPalette.ColorRole.Mid, QColor("#3c4043"))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6f7378"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window, window)
    return p


def _light_palette() -> QPalette:
    p = QApplication.style().standardPalette()
    p.setColor(QPalette.ColorRole.Highlight, QColor("#1a73e8"))
    p.setColor(QPalette.ColorRole.Link, QColor("#1a5fb4"))
    return p


def resolve(name: str) -> str:
    """``system`` becomes ``light`` or ``dark`` following the desktop's colour scheme."""
    if name in ("light", "dark"):
        return name
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hints is not None else Qt.ColorScheme.Unknown
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def apply_theme(app: QApplication, name: str) -> str:
    """Apply a theme to the whole application; returns the resolved name."""
    global _current
    resolved = resolve(name if name in THEMES else "system")
    app.setStyle("Fusion")
    app.setPalette(_dark_palette() if resolved == "dark" else _light_palette())
    qss = resources_dir() / "themes" / f"{resolved}.qss"
    app.setStyleSheet(qss.read_text(encoding="utf-8") if qss.is_file() else "")
    _current = resolved
    return resolved


def current() -> str:
    return _current


def is_dark() -> bool:
    return _current == "dark"


def colors() -> dict[str, str]:
    """Colours for rendered HTML, matching the current theme."""
    if is_dark():
        return {
            "text": "#e8eaed", "muted": "#9aa0a6", "removed": "#5c2b2e", "added": "#23432d",
            "number": "#fdd663", "current": "#2d3b55", "border": "#3c4043",
            "conflict": "#f28b82", "vague": "#fdd663", "compatible": "#81c995",
            "accepted": "#81c995", "rejected": "#f28b82", "card": "#26282c",
        }
    return {
        "text": "#202124", "muted": "#5f6368", "removed": "#fbd3d0", "added": "#ceead6",
        "number": "#b06000", "current": "#e8f0fe", "border": "#dadce0",
        "conflict": "#c5221f", "vague": "#b06000", "compatible": "#188038",
        "accepted": "#188038", "rejected": "#c5221f", "card": "#ffffff",
    }


def app_icon() -> QIcon:
    """The application icon (SVG plus PNG sizes from resources/icons)."""
    icon = QIcon()
    folder = resources_dir() / "icons"
    for size in (16, 24, 32, 48, 64, 128, 256):
        png = folder / f"factdesk-{size}.png"
        if png.is_file():
            icon.addFile(str(png))
    svg = folder / "factdesk.svg"
    if icon.isNull() and svg.is_file():
        icon.addFile(str(svg))
    return icon
