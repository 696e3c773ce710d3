"""The report export dialog: format, what to include, destination file, in one place.

Offers exactly what ``factdesk export`` offers (``--format``, ``--all``, ``--status``,
``--rating``, ``--article``, ``--include-suggested``, ``--page-size``, ``--encoding``) and returns the
choice as an options object that :func:`factdesk.report.exporting.export_report` reads
like the CLI's argparse namespace. The export itself is run by the caller in the window's
worker; this dialog only asks. The last choices are remembered per project in the user's
settings (the project file is not written: it may be read-only or open elsewhere).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from factdesk.gui.layout import elide_text
from factdesk.gui.settings import user_settings
from factdesk.model.models import STATUSES


@dataclass(frozen=True)
class ExportFormat:
    """One format of ``factdesk export --format``: its label, the file suffix it writes
    and the file dialog's filter."""

    key: str
    label: str
    suffix: str
    filter: str
    is_report: bool = True  # False: the whole project as JSON (the scope does not apply)


#: In the CLI's order of usefulness to an editor; suffixes are the ones the CLI reads back
#: (``FORMAT_BY_SUFFIX``: ``.jsonld`` is ClaimReview, ``.json`` the project).
EXPORT_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("pdf", "PDF report", ".pdf", "PDF reports (*.pdf)"),
    ExportFormat("claimreview", "ClaimReview JSON-LD (for publishing)", ".jsonld",
                 "ClaimReview JSON-LD (*.jsonld *.json)"),
    ExportFormat("csv", "CSV table (spreadsheets)", ".csv", "CSV tables (*.csv)"),
    ExportFormat("markdown", "Markdown report", ".md", "Markdown (*.md *.markdown)"),
    ExportFormat("json", "JSON: the whole project (articles, claims, verdicts)", ".json",
                 "JSON (*.json)", is_report=False),
)
FORMATS_BY_KEY = {f.key: f for f in EXPORT_FORMATS}
#: File-name endings for each format's default name (``demo-report.pdf``, ...).
NAME_ENDINGS = {"pdf": "report", "claimreview": "claimreview", "csv": "checks",
                "markdown": "report", "json": "project"}
SCOPE_FINISHED, SCOPE_STATUSES, SCOPE_ALL = "finished", "statuses", "all"
RATING_COLUMNS = 4  # rating ticks per line
#: How each of the CSV writer's encodings (``report.tabular.CSV_ENCODINGS``) is offered.
ENCODING_LABELS = {"utf-8-sig": "UTF-8 with byte-order mark (spreadsheets)",
                   "utf-8": "UTF-8 without byte-order mark (scripts)"}


@dataclass
class ExportChoice:
    """What the user chose: the format key, the file, and the CLI's report options."""

    fmt: str
    output: Path
    scope: str = SCOPE_FINISHED
    statuses: list[str] = field(default_factory=list)
    ratings: list[str] = field(default_factory=list)  # empty: no rating filter
    article_id: int | None = None
    include_suggested: bool = False
    page_size: str = "A4"
    encoding: str = "utf-8-sig"

    @property
    def label(self) -> str:
        return FORMATS_BY_KEY[self.fmt].label.split(" (")[0].split(":")[0]

    def options(self) -> SimpleNamespace:
        """The choice as the CLI's namespace (``--all``, ``--status``, ...)."""
        return SimpleNamespace(
            all=self.scope == SCOPE_ALL,
            status=list(self.statuses) if self.scope == SCOPE_STATUSES else None,
            rating=list(self.ratings) or None,
            article=[self.article_id] if self.article_id else None,
            include_suggested=self.include_suggested and self.fmt != "claimreview",
            page_size=self.page_size,
            encoding=self.encoding,
        )


def default_output(project_path: Path, fmt: str, folder: Path | None = None) -> Path:
    """``<project>-<ending>.<suffix>`` in ``folder`` (default: the project's folder)."""
    spec = FORMATS_BY_KEY[fmt]
    folder = folder if folder is not None else project_path.parent
    return folder / f"{project_path.stem}-{NAME_ENDINGS[fmt]}{spec.suffix}"


def with_format_suffix(path: Path, fmt: str) -> Path:
    """``path`` with the suffix of ``fmt`` when it ends in another format's suffix (a
    name the user typed with no known suffix keeps it and gains the format's)."""
    suffix = FORMATS_BY_KEY[fmt].suffix
    known = {f.suffix for f in EXPORT_FORMATS} | {".markdown"}
    if path.suffix.lower() == suffix:
        return path
    if path.suffix.lower() in known:
        return path.with_suffix(suffix)
    return path.with_name(path.name + suffix)


class ExportMemory:
    """The last export choices of one project, in the user's settings (keyed by the
    project file's resolved path, hashed: QSettings keys cannot hold any path)."""

    def __init__(self, project_path: Path, settings: QSettings | None = None) -> None:
        self.settings = settings or user_settings()
        key = hashlib.sha1(str(Path(project_path).resolve()).encode("utf-8")).hexdigest()[:16]
        self.group = f"export/{key}"

    def get(self, name: str, default: str = "") -> str:
        value = self.settings.value(f"{self.group}/{name}", default)
        return str(value) if value is not None else default

    def remember(self, choice: ExportChoice) -> None:
        values = {"format": choice.fmt, "folder": str(choice.output.parent),
                  "scope": choice.scope, "statuses": "\n".join(choice.statuses),
                  "ratings": "\n".join(choice.ratings),
                  "this_article": "1" if choice.article_id else "0",
                  "suggested": "1" if choice.include_suggested else "0",
                  "page_size": choice.page_size, "encoding": choice.encoding}
        for name, value in values.items():
            self.settings.setValue(f"{self.group}/{name}", value)
        self.settings.sync()


class ExportDialog(QDialog):
    """Asks for everything an export needs; :meth:`choice` is the answer once accepted."""

    def __init__(self, project_path: Path, article: tuple[int, str] | None = None,
                 parent: QWidget | None = None, settings: QSettings | None = None,
                 ratings: list[str] | None = None) -> None:
        """``article``: the current article (id, title); ``ratings``: the project's
        rating scale, by name."""
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export report")
        self.project_path = Path(project_path)
        self.article = article
        self.rating_names = list(ratings or [])
        self.memory = ExportMemory(self.project_path, settings)
        self._build()
        self._restore()
        self._format_changed()

    # building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.format = QComboBox(objectName="exportFormat")
        for spec in EXPORT_FORMATS:
            self.format.addItem(spec.label, spec.key)
        self.format.currentIndexChanged.connect(self._format_changed)

        self.scope_box = QGroupBox("Include", objectName="exportScope")
        self.finished = QRadioButton("&Finished checks only (status done, published ratings)")
        self.by_status = QRadioButton("Checks with &status:")
        self.every = QRadioButton("Every &claim: unjudged, unfinished and unpublished too")
        self.scope_group = QButtonGroup(self)
        for button, key in ((self.finished, SCOPE_FINISHED), (self.by_status, SCOPE_STATUSES),
                            (self.every, SCOPE_ALL)):
            button.setProperty("scope", key)
            self.scope_group.addButton(button)
        self.status_checks: dict[str, QCheckBox] = {}
        status_row = QHBoxLayout()
        status_row.setContentsMargins(24, 0, 0, 0)
        for status in STATUSES:
            check = QCheckBox(status)
            check.setObjectName(f"status-{status.replace(' ', '-')}")
            check.toggled.connect(self._validate)
            self.status_checks[status] = check
            status_row.addWidget(check)
        status_row.addStretch(1)
        self.scope_group.buttonToggled.connect(self._scope_changed)
        self.only_ratings = QCheckBox("Only these &ratings:", objectName="exportOnlyRatings")
        self.only_ratings.setEnabled(bool(self.rating_names))
        self.only_ratings.toggled.connect(self._ratings_toggled)
        self.rating_checks: dict[str, QCheckBox] = {}
        # a grid, not a flow layout: the group box gives a flow no height for its width
        rating_grid = QGridLayout()
        rating_grid.setContentsMargins(24, 0, 0, 0)
        for index, name in enumerate(self.rating_names):
            check = QCheckBox(name)
            check.setObjectName(f"rating-{name}")
            check.toggled.connect(self._validate)
            self.rating_checks[name] = check
            rating_grid.addWidget(check, index // RATING_COLUMNS, index % RATING_COLUMNS)
        rating_grid.setColumnStretch(RATING_COLUMNS, 1)
        self.this_article = QCheckBox(
            "Only the current &article" + (f": {elide_text(self.article[1], 48)}"
                                           if self.article else ""))
        self.this_article.setEnabled(self.article is not None)
        self.suggested = QCheckBox("Show su&ggested matches too, marked as not reviewed")
        self.draft_note = QLabel("Unfinished checks are marked DRAFT in the report.")
        self.draft_note.setObjectName("hint")
        self.draft_note.setContentsMargins(24, 0, 0, 0)  # under the choices it explains
        scope_layout = QVBoxLayout(self.scope_box)
        scope_layout.addWidget(self.finished)
        scope_layout.addWidget(self.by_status)
        scope_layout.addLayout(status_row)
        scope_layout.addWidget(self.every)
        scope_layout.addWidget(self.draft_note)
        scope_layout.addSpacing(4)
        scope_layout.addWidget(self.only_ratings)
        scope_layout.addLayout(rating_grid)
        scope_layout.addWidget(self.this_article)
        scope_layout.addWidget(self.suggested)

        # the writers' own lists; lazy: the report modules stay off the first paint
        from factdesk.report.pdf import PAGE_SIZES
        from factdesk.report.tabular import CSV_ENCODINGS

        self.page_size = QComboBox(objectName="exportPageSize")
        self.page_size.addItems(list(PAGE_SIZES))
        self.encoding = QComboBox(objectName="exportEncoding")
        for key in CSV_ENCODINGS:
            self.encoding.addItem(ENCODING_LABELS.get(key, key), key)

        self.path_edit = QLineEdit(objectName="exportPath")
        self.path_edit.setMinimumWidth(380)
        self.path_edit.textChanged.connect(self._validate)
        self.browse = QPushButton("&Browse…", objectName="exportBrowse")
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse)

        form = QFormLayout()
        format_label = QLabel("F&ormat:")
        format_label.setBuddy(self.format)
        form.addRow(format_label, self.format)
        form.addRow(self.scope_box)
        self.page_label = QLabel("&Page size:")
        self.page_label.setBuddy(self.page_size)
        form.addRow(self.page_label, self.page_size)
        self.encoding_label = QLabel("&Encoding:")
        self.encoding_label.setBuddy(self.encoding)
        form.addRow(self.encoding_label, self.encoding)
        save_label = QLabel("Save &to:")
        save_label.setBuddy(self.path_edit)
        form.addRow(save_label, path_row)
        # one label width whichever rows the format shows: the fields do not jump about
        labels = (format_label, self.page_label, self.encoding_label, save_label)
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)

        self.problem = QLabel(objectName="exportProblem")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            "E&xport", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        # the style's save icon, as Cancel carries the style's own where the style shows any
        cancel_icon = self.buttons.button(QDialogButtonBox.StandardButton.Cancel).icon()
        if not cancel_icon.isNull():
            self.export_button.setIcon(
                self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton))
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        order = [self.format, self.finished, self.by_status, *self.status_checks.values(),
                 self.every, self.only_ratings, *self.rating_checks.values(),
                 self.this_article, self.suggested, self.page_size,
                 self.encoding, self.path_edit, self.browse, self.export_button,
                 self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.format.setFocus()

    # remembering ---------------------------------------------------------------------------

    def _restore(self) -> None:
        memory = self.memory
        fmt = memory.get("format", "pdf")
        index = self.format.findData(fmt if fmt in FORMATS_BY_KEY else "pdf")
        self.format.setCurrentIndex(max(index, 0))
        scope = memory.get("scope", SCOPE_FINISHED)
        {SCOPE_STATUSES: self.by_status, SCOPE_ALL: self.every}.get(
            scope, self.finished).setChecked(True)
        chosen = [s for s in memory.get("statuses", "").split("\n") if s in STATUSES]
        for status, check in self.status_checks.items():
            check.setChecked(status in (chosen or STATUSES))
        kept = [r for r in memory.get("ratings", "").split("\n") if r in self.rating_checks]
        for name, check in self.rating_checks.items():
            check.setChecked(name in kept)
        self.only_ratings.setChecked(bool(kept))
        self._ratings_toggled()
        self.this_article.setChecked(self.article is not None
                                     and memory.get("this_article") == "1")
        self.suggested.setChecked(memory.get("suggested") == "1")
        self.page_size.setCurrentText(memory.get("page_size", "A4"))
        self.encoding.setCurrentIndex(max(self.encoding.findData(
            memory.get("encoding", "utf-8-sig")), 0))
        folder = Path(memory.get("folder", "") or self.project_path.parent)
        if not folder.is_dir():
            folder = self.project_path.parent
        self.path_edit.setText(str(default_output(self.project_path, self.fmt, folder)))
        self._scope_changed()

    # reacting ------------------------------------------------------------------------------

    @property
    def fmt(self) -> str:
        return str(self.format.currentData())

    @property
    def scope(self) -> str:
        button = self.scope_group.checkedButton()
        return str(button.property("scope")) if button else SCOPE_FINISHED

    def _format_changed(self, *_args: object) -> None:
        spec = FORMATS_BY_KEY[self.fmt]
        self.scope_box.setEnabled(spec.is_report)
        self.scope_box.setTitle("Include" if spec.is_report
                                else "Include (not for JSON: the whole project is written)")
        self.suggested.setEnabled(spec.is_report and self.fmt != "claimreview")
        self.suggested.setToolTip("ClaimReview never publishes unreviewed matches"
                                  if self.fmt == "claimreview" else "")
        for widget in (self.page_label, self.page_size):
            widget.setVisible(self.fmt == "pdf")
        for widget in (self.encoding_label, self.encoding):
            widget.setVisible(self.fmt == "csv")
        text = self.path_edit.text().strip()
        if text:
            path = Path(text)
            defaults = {default_output(self.project_path, f.key, path.parent).name
                        for f in EXPORT_FORMATS}
            # a default name follows the format whole; a name the user gave keeps its stem
            path = default_output(self.project_path, self.fmt, path.parent) \
                if path.name in defaults else with_format_suffix(path, self.fmt)
            self.path_edit.setText(str(path))
        self._validate()
        QTimer.singleShot(0, self._fit_height)

    def _fit_height(self) -> None:
        """Shrink to the rows shown (page size and encoding come and go with the format)."""
        self.resize(self.width(), self.sizeHint().height())

    def _scope_changed(self, *_args: object) -> None:
        for check in self.status_checks.values():
            check.setEnabled(self.scope == SCOPE_STATUSES)
        self.draft_note.setVisible(self.scope != SCOPE_FINISHED)
        self._validate()

    def _ratings_toggled(self, *_args: object) -> None:
        for check in self.rating_checks.values():
            check.setEnabled(self.only_ratings.isChecked())
        self._validate()

    def _browse(self) -> None:
        spec = FORMATS_BY_KEY[self.fmt]
        current = self.path_edit.text().strip() or str(
            default_output(self.project_path, self.fmt))
        name, _filter = QFileDialog.getSaveFileName(
            self, "Export report to", current, f"{spec.filter};;All files (*)")
        if name:
            self.path_edit.setText(str(with_format_suffix(Path(name), self.fmt)))
        self.path_edit.setFocus()

    def problem_text(self) -> str:
        """Why the export cannot start as filled in, or ''."""
        text = self.path_edit.text().strip()
        if not text:
            return "Choose the file to write."
        path = Path(text).expanduser()
        if path.is_dir():
            return f"{path} is a folder: add a file name."
        if not path.parent.is_dir():
            return f"The folder {path.parent} does not exist."
        if not os.access(path.parent, os.W_OK):
            return f"The folder {path.parent} cannot be written to."
        if path.resolve() == self.project_path.resolve():
            return "That is the project file itself: choose another name."
        if FORMATS_BY_KEY[self.fmt].is_report and self.scope == SCOPE_STATUSES \
                and not any(c.isChecked() for c in self.status_checks.values()):
            return "Tick at least one status, or choose another option."
        if FORMATS_BY_KEY[self.fmt].is_report and self.only_ratings.isChecked() \
                and not any(c.isChecked() for c in self.rating_checks.values()):
            return "Tick at least one rating, or untick “Only these ratings”."
        return ""

    def _validate(self, *_args: object) -> None:
        problem = self.problem_text()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.export_button.setEnabled(not problem)

    def _accept(self) -> None:
        if self.problem_text():
            return
        output = Path(self.path_edit.text().strip()).expanduser()
        if output.exists():
            answer = QMessageBox.question(
                self, "Export report", f"{output.name} already exists in {output.parent}. "
                "Replace it?", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.memory.remember(self.choice())
        self.accept()

    def choice(self) -> ExportChoice:
        """The dialog's current choice (what an accepted dialog exports)."""
        return ExportChoice(
            fmt=self.fmt,
            output=Path(self.path_edit.text().strip()).expanduser(),
            scope=self.scope,
            statuses=[s for s, c in self.status_checks.items() if c.isChecked()],
            ratings=[r for r, c in self.rating_checks.items() if c.isChecked()]
            if self.only_ratings.isChecked() else [],
            article_id=self.article[0] if self.article and self.this_article.isChecked()
            else None,
            include_suggested=self.suggested.isChecked(),
            page_size=self.page_size.currentText(),
            encoding=str(self.encoding.currentData()),
        )
