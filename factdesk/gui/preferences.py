"""Preferences: user-level (checker, theme, font size) and project-level (scale, triage).

User-level values go to QSettings; project-level ones to the project's settings table.
The dialog only collects values; :meth:`apply` writes them and returns a change-set.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from factdesk.core.settings_command import ChangeSettings
from factdesk.gui import settings as user
from factdesk.gui.session import Session
from factdesk.gui.theme import THEMES
from factdesk.model.changes import ChangeSet
from factdesk.model.models import Rating, web_address
from factdesk.model.ratings import RatingScale
from factdesk.model.settings import (
    CHECKER,
    CLAIM_SHARE,
    CLAIM_THRESHOLD,
    DEFAULT_CLAIM_SHARE,
    DEFAULT_CLAIM_THRESHOLD,
    ORGANISATION,
    ORGANISATION_URL,
    RATING_SCALE,
    REPORT_TITLE,
    REPORT_URL,
)
from factdesk.model.triage import LEAD_FLOOR

DEFAULT_FONT_SIZE = 12


class ScaleEditor(QWidget):
    """Rows of name, value, colour, key and whether it is published; add, remove, move."""

    def __init__(self, scale: RatingScale) -> None:
        super().__init__()
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("scaleTable")
        self.table.setHorizontalHeaderLabels(["Name", "Value", "Colour", "Key", "Published"])
        self.table.horizontalHeaderItem(4).setToolTip(
            "Whether a check with this rating is published (reports, ClaimReview)")
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.cellDoubleClicked.connect(self._maybe_pick_color)
        for rating in scale.ratings:
            self.add_row(rating)
        buttons = QHBoxLayout()
        for text, slot in (("Add", lambda: self.add_row(Rating("New rating", None, "#888888",
                                                                  ""))),
                           ("Remove", self.remove_row), ("Up", lambda: self.move(-1)),
                           ("Down", lambda: self.move(1)), ("Colour…", self.pick_color),
                           ("Defaults", self.defaults)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.error = QLabel(objectName="paneHint")
        layout.addWidget(self.error)

    def add_row(self, rating: Rating) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, 0, QTableWidgetItem(rating.name))
        self.table.setItem(r, 1, QTableWidgetItem("" if rating.value is None else
                                                  str(rating.value)))
        color = QTableWidgetItem(rating.color)
        color.setBackground(QColor(rating.color))
        color.setFlags(color.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(r, 2, color)
        self.table.setItem(r, 3, QTableWidgetItem(rating.key))
        published = QTableWidgetItem()
        published.setFlags((published.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                           & ~Qt.ItemFlag.ItemIsEditable)
        published.setCheckState(Qt.CheckState.Checked if rating.publishable
                                else Qt.CheckState.Unchecked)
        self.table.setItem(r, 4, published)

    def remove_row(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def move(self, delta: int) -> None:
        r = self.table.currentRow()
        target = r + delta
        if r < 0 or not 0 <= target < self.table.rowCount():
            return
        rows = self.ratings_raw()
        rows[r], rows[target] = rows[target], rows[r]
        self._set_rows(rows)
        self.table.setCurrentCell(target, 0)

    def defaults(self) -> None:
        self._set_rows(list(RatingScale.default().ratings))

    def _set_rows(self, rows: list[Rating]) -> None:
        self.table.setRowCount(0)
        for rating in rows:
            self.add_row(rating)

    def _maybe_pick_color(self, row: int, column: int) -> None:
        if column == 2:
            self.pick_color()

    def pick_color(self) -> None:
        r = self.table.currentRow()
        if r < 0:
            return
        item = self.table.item(r, 2)
        color = QColorDialog.getColor(QColor(item.text()), self, "Rating colour")
        if color.isValid():
            item.setText(color.name())
            item.setBackground(color)

    def ratings_raw(self) -> list[Rating]:
        out = []
        for r in range(self.table.rowCount()):
            def cell(c: int, row: int = r) -> str:
                item = self.table.item(row, c)
                return item.text().strip() if item else ""
            value = cell(1)
            published = self.table.item(r, 4)
            out.append(Rating(cell(0), int(value) if value.lstrip("-").isdigit() else None,
                              cell(2) or "#888888", cell(3),
                              published is None
                              or published.checkState() == Qt.CheckState.Checked))
        return out

    def scale(self) -> RatingScale:
        """The edited scale; raises ValueError with a readable message when invalid."""
        ratings = self.ratings_raw()
        if any(not r.name for r in ratings):
            raise ValueError("every rating needs a name")
        keys = [r.key for r in ratings if r.key]
        if len(keys) != len(set(keys)):
            raise ValueError("two ratings share a key")
        if any(len(k) != 1 or not k.isdigit() or k == "0" for k in keys):
            raise ValueError("keys are single digits 1 to 9")
        scale = RatingScale(ratings)
        if problem := scale.ordinal_problem():
            raise ValueError(problem)
        return scale


class PreferencesDialog(QDialog):
    """User and project preferences in two tabs."""

    def __init__(self, parent: QWidget, session: Session | None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences")
        self.setWindowTitle("Preferences")
        self.session = session
        tabs = QTabWidget()
        general = QWidget()
        form = QFormLayout(general)
        self.checker = QLineEdit(user.get_str("user/checker", ""))
        self.checker.setPlaceholderText("your name, shown on verdicts")
        self.user_organisation = QLineEdit(user.get_str("user/organisation", ""))
        self.user_organisation.setPlaceholderText("who you check for (a project without an "
                                                  "organisation takes it)")
        self.theme = QComboBox()
        self.theme.addItems(list(THEMES))
        self.theme.setCurrentText(user.get_str("ui/theme", "system"))
        self.font_size = QSpinBox()
        self.font_size.setRange(8, 32)
        self.font_size.setValue(user.get_int("ui/article_font_size", DEFAULT_FONT_SIZE))
        form.addRow("&Checker name", self.checker)
        form.addRow("Your organisation", self.user_organisation)
        form.addRow("&Theme", self.theme)
        form.addRow("Article &font size", self.font_size)
        tabs.addTab(general, "General")
        self.scale_editor: ScaleEditor | None = None
        if session is not None:
            project_tab = QWidget()
            pform = QFormLayout(project_tab)
            self.threshold = QDoubleSpinBox()
            self.threshold.setRange(0.0, 1.0)
            self.threshold.setSingleStep(0.05)
            triage = session.project.triage()
            self.threshold.setValue(triage.threshold)
            self.threshold.setToolTip("Sentences scoring at least this are check-worthy "
                                      "claims, shown (highlighted, listed, visited by j/k) "
                                      "within the article's claim share; the others stay "
                                      "candidates, shown with h (Show all candidates)")
            self.share = QDoubleSpinBox()
            self.share.setDecimals(3)  # as the setting keeps it (0.333 stays 0.333)
            self.share.setRange(0.001, 1.0)
            self.share.setSingleStep(0.05)
            self.share.setValue(triage.share)
            # as the boxes show them at open (rounded as they round)
            self._shown_threshold, self._shown_share = self.threshold.value(), self.share.value()
            self._triage_reset = False
            self.triage_defaults = QPushButton("Default t&riage")
            self.triage_defaults.setToolTip(
                f"Follow FactDesk's defaults (threshold {DEFAULT_CLAIM_THRESHOLD}, share "
                f"{DEFAULT_CLAIM_SHARE}), also when a later version improves them")
            self.triage_defaults.clicked.connect(self._use_triage_defaults)
            self.share.setToolTip("Each article shows at most this share of its sentences "
                                  "as claims, the most check-worthy first (1: no cap), "
                                  f"and its lead (first sentence) from a score of {LEAD_FLOOR}. "
                                  "Claims marked by hand or judged are always shown.")
            self.project_checker = QLineEdit(str(session.project.settings.get("checker", "")
                                                 or ""))
            self.project_checker.setPlaceholderText("(for command-line edits; the window "
                                                    "records your name of General)")
            settings = session.project.settings
            self.organisation = QLineEdit(str(settings.get("organisation") or ""))
            self.organisation.setPlaceholderText("who publishes the checks (ClaimReview "
                                                 "author)")
            self.report_url = QLineEdit(str(settings.get("report_url") or ""))
            self.report_url.setPlaceholderText("https://… where the report is published "
                                               "(ClaimReview url)")
            self.organisation_url = QLineEdit(str(settings.get("organisation_url") or ""))
            self.organisation_url.setPlaceholderText("https://… the organisation's site "
                                                     "(ClaimReview author url)")
            self.report_title = QLineEdit(str(settings.get("report_title") or ""))
            self.report_title.setPlaceholderText(f"{session.name}: verdict report")
            self.report_url_error = QLabel(wordWrap=True)
            self.scale_editor = ScaleEditor(session.scale())
            pform.addRow("Checker in this project", self.project_checker)
            pform.addRow("&Organisation", self.organisation)
            pform.addRow("Organisation's address", self.organisation_url)
            pform.addRow("Report &address", self.report_url)
            pform.addRow("Report title", self.report_title)
            pform.addRow("", self.report_url_error)
            pform.addRow("Claim &threshold", self.threshold)
            share_row = QHBoxLayout()
            share_row.addWidget(self.share, 1)
            share_row.addWidget(self.triage_defaults)
            share_label = QLabel("Claims per article (&share of sentences)")
            share_label.setBuddy(self.share)  # a row of a layout gets no buddy of its own
            pform.addRow(share_label, share_row)
            pform.addRow(QLabel("Rating scale (keys 1–9 pick a rating)"))
            pform.addRow(self.scale_editor)
            tabs.addTab(project_tab, f"Project: {session.name}")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.resize(620, min(560, self.sizeHint().height()))

    def _report_url(self, field: QLineEdit | None = None) -> str:
        """A web address field (the report's by default) as it will be stored ("" for
        none); ValueError if it is not a web address."""
        text = (field or self.report_url).text().strip()
        return web_address(text) if text else ""

    def _ok(self) -> None:
        if self.scale_editor is not None:
            for field in (self.organisation_url, self.report_url):
                try:
                    self._report_url(field)
                except ValueError as exc:
                    self.report_url_error.setText(str(exc))
                    field.setFocus()
                    return
            try:
                self.scale_editor.scale()
            except ValueError as exc:
                self.scale_editor.error.setText(str(exc))
                return
        self.accept()

    def _use_triage_defaults(self) -> None:
        self.threshold.setValue(DEFAULT_CLAIM_THRESHOLD)
        self.share.setValue(DEFAULT_CLAIM_SHARE)
        self._triage_reset = True

    def apply(self) -> ChangeSet:
        """Write the values; returns what changed in the project (settings)."""
        user.set_value("user/checker", self.checker.text().strip())
        user.set_value("user/organisation", self.user_organisation.text().strip())
        user.set_value("ui/theme", self.theme.currentText())
        user.set_value("ui/article_font_size", self.font_size.value())
        if self.session is None or self.scale_editor is None:
            return ChangeSet(settings=True)
        # the project's settings: one undoable edit, as ``factdesk settings`` makes it
        values = {
            RATING_SCALE: self.scale_editor.scale().to_json(),
            ORGANISATION: self.organisation.text().strip() or None,
            REPORT_URL: self._report_url() or None,
            ORGANISATION_URL: self._report_url(self.organisation_url) or None,
            REPORT_TITLE: self.report_title.text().strip() or None,
        }
        # the triage settings only when edited: an untouched default is not stored, so the
        # project follows FactDesk's default when a later version improves it; "Defaults"
        # clears a stored value (None) unless a box was edited after it
        for key, box, shown, default in (
                (CLAIM_THRESHOLD, self.threshold, self._shown_threshold,
                 DEFAULT_CLAIM_THRESHOLD),
                (CLAIM_SHARE, self.share, self._shown_share, DEFAULT_CLAIM_SHARE)):
            if self._triage_reset and round(box.value(), 3) == default:
                values[key] = None
            elif round(box.value(), 3) != round(shown, 3):
                values[key] = round(box.value(), 3)
        checker = self.project_checker.text().strip() or self.checker.text().strip()
        if checker:
            values[CHECKER] = checker
        self.session.push(ChangeSettings(values))  # a refusal is shown as a message
        return ChangeSet(settings=True)
