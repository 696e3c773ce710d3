"""The About dialog: version, licences, and attributions read from model metadata.

:func:`attributions` collects the ``citation`` (and ``name``/``licence``) fields of the
JSON metadata next to the bundled weights, so that credits stay with the models.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from factdesk import __version__

PACKAGE = Path(__file__).resolve().parents[1]
WEIGHT_FOLDERS = (PACKAGE / "nlp" / "weights", PACKAGE / "matching" / "weights")


def _citations(data: dict) -> list[str]:
    """Citations in any of the shapes the weights metadata uses."""
    found: list[str] = []
    for key in ("citation", "citations", "dataset", "datasets"):
        value = data.get(key)
        if isinstance(value, str) and key.startswith("citation"):
            found.append(value)
        elif isinstance(value, list):
            found += [str(v) for v in value]
        elif isinstance(value, dict):
            if "citation" in value:
                found.append(str(value["citation"]))
            elif key == "citations":
                found += [f"{name}: {text}" for name, text in value.items()]
    return list(dict.fromkeys(found))


def attributions() -> list[dict[str, str]]:
    """One entry per weights metadata file with a citation: file, name, citation, licence."""
    found = []
    for folder in WEIGHT_FOLDERS:
        for path in sorted(folder.glob("*.json")):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if not isinstance(data, dict):
                continue
            citations = _citations(data)
            if not citations:
                continue
            name = data.get("name") or data.get("description") or path.stem
            found.append({"file": f"{folder.parent.name}/weights/{path.name}",
                          "name": str(name).split(":")[0],
                          "citation": "; ".join(citations),
                          "licence": str(data.get("licence") or data.get("license") or "")})
    return found


def about_html() -> str:
    parts = [
        f"<h2>FactDesk {html.escape(__version__)}</h2>",
        "<p>A desktop fact-checking workstation: claims, cross-source matching, verdicts "
        "and reports.</p>",
        "<p>FactDesk is released under the MIT licence.</p>",
        "<h3>Built with</h3><ul>",
        f"<li>Qt for Python (PySide6 {html.escape(pyside_version)}), LGPLv3</li>",
        "<li>spaCy, MIT · sqlite-utils, Apache-2.0 · RapidFuzz, MIT · trafilatura, "
        "Apache-2.0 · dateparser, BSD-3-Clause · charset-normalizer, MIT · NumPy, "
        "BSD-3-Clause</li>",
        "<li>spaCy English model en_core_web_sm (Explosion), MIT; trained on OntoNotes 5 "
        "and ClearNLP data</li></ul>",
        "<h3>Models and data: attributions</h3>",
    ]
    entries = attributions()
    if not entries:
        parts.append("<p><i>No model metadata with citations is installed yet.</i></p>")
    else:
        parts.append("<ul>")
        for e in entries:
            licence = f" ({html.escape(e['licence'])})" if e["licence"] else ""
            parts.append(f"<li><b>{html.escape(e['name'])}</b>{licence}: "
                         f"{html.escape(e['citation'])}</li>")
        parts.append("</ul>")
    return "".join(parts)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About FactDesk")
        browser = QTextBrowser()
        browser.setOpenExternalLinks(True)
        browser.setHtml(about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        self.resize(520, 460)
