"""The claims list: filters (article, triage, kind, score, status, rating) over a table.

The triage filter shows the claims worth checking (the default) or every candidate; it
follows the session's "show all candidates" switch, which the article text follows too.
Unsorted, the list is ranked: within each article, most check-worthy first. Moving in the
table selects the claim in the session; j/k (see the action registry) move through the
table's current order, so filters and sorting decide what "next" means.

The pane fits a laptop. The filter bar wraps onto further lines when narrow (each control
keeps its full width). The claim text takes the table's spare width; the other columns
are as wide as their contents, and when the pane is too narrow for them beside the text
(at least half the width) they hide, least needed first (speaker, kind, status, score,
outlet, rating). The header's context menu shows or hides any of them for good
(remembered per user). The text elides; its tooltip carries the whole claim and the
values of the hidden columns, so the table never scrolls sideways.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QPoint, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHeaderView,
    QLabel,
    QMenu,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factdesk.gui import settings as user
from factdesk.gui.claims_model import (
    COLUMNS,
    KIND,
    OUTLET,
    RATING,
    SCORE,
    SPEAKER,
    STATUS,
    TEXT,
    ClaimFilter,
    ClaimsModel,
    swatch,
)
from factdesk.gui.flow_layout import FlowLayout
from factdesk.gui.session import Session
from factdesk.model.models import CLAIM_KINDS, STATUSES

# the columns besides the claim text, most needed first: a narrow pane hides from the end
KEEP_ORDER = (RATING, OUTLET, SCORE, STATUS, KIND, SPEAKER)
TEXT_MIN_CHARS = 30  # average characters the claim text keeps before a column hides
TEXT_MIN_SHARE = 0.5  # and this share of the table's width
SPEAKER_CHARS = 14  # speaker and outlet columns are at most this wide (elided beyond)
SHOWN, HIDDEN, AUTO = "shown", "hidden", ""


class FilterCombo(QComboBox):
    """A filter drop-down whose size hint fits its longest entry, whatever the window's
    compact() allows as minimum: the filter bar wraps rather than eliding a filter."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        text = max((metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())),
                   default=0)
        if any(not self.itemIcon(i).isNull() for i in range(self.count())):
            text += self.iconSize().width() + 4
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        size = self.style().sizeFromContents(
            QStyle.ContentsType.CT_ComboBox, option, QSize(text, hint.height()), self)
        return QSize(max(hint.width(), size.width()), hint.height())


class ClaimsPane(QWidget):
    """Filter bar, claims table and a count line."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = ClaimsModel(session.project, session.scale(), self._outlets())
        self.scope = FilterCombo()
        self.scope.addItems(["This article", "All articles"])
        self.scope.setToolTip("Show the claims of the current article or of every article")
        self.triage = FilterCombo()
        self.triage.addItems(["worth checking", "all candidates"])
        self.triage.setToolTip("Only the claims worth checking (each article's most "
                               "check-worthy claims over the project's claim threshold, "
                               "at most its claim share of the sentences; marked by hand; "
                               "or judged), or every candidate sentence")
        self.kind = FilterCombo()
        self.kind.addItem("any kind", "")
        for kind in CLAIM_KINDS:
            self.kind.addItem(kind, kind)
        self.min_score = QDoubleSpinBox()
        self.min_score.setRange(0.0, 1.0)
        self.min_score.setSingleStep(0.05)
        self.min_score.setPrefix("score ≥ ")
        self.min_score.setToolTip("Only claims at least this check-worthy")
        self.status = FilterCombo()
        self.status.addItem("any status", "")
        for status in STATUSES:
            self.status.addItem(status, status)
        self.rating = FilterCombo()
        self._fill_ratings()
        bar = FlowLayout(spacing=4)
        bar.setContentsMargins(4, 4, 4, 0)
        for w in self.filter_widgets():
            w.setFocusPolicy(Qt.FocusPolicy.ClickFocus | Qt.FocusPolicy.TabFocus)
            bar.addWidget(w)
        self.filter_bar = bar
        self.view = QTableView()
        self.view.setObjectName("claimsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.model.sort_column = -1
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicatorShown(False)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        vh = self.view.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        hh = self.view.horizontalHeader()
        hh.setStretchLastSection(False)
        hh.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        hh.setMinimumSectionSize(self.view.fontMetrics().averageCharWidth() * 3)
        hh.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        hh.customContextMenuRequested.connect(self._on_header_menu)
        hh.setToolTip("Right-click to show or hide columns")
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setColumnHidden(OUTLET, True)
        self._column_prefs: dict[int, str] = {}
        self._fitter = _ResizeWatcher(self._fit_columns, self)
        self.view.viewport().installEventFilter(self._fitter)
        self.count = QLabel(objectName="paneHint")
        self.count.setWordWrap(True)  # never sets the pane's width
        self.count.setToolTip("Claims worth checking and the other candidates (h shows "
                              "them all), as the filters above select them.")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        self.setFocusProxy(self.view)
        self._syncing = False
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.view.horizontalHeader().sortIndicatorChanged.connect(
            lambda *_: self.view.horizontalHeader().setSortIndicatorShown(True))
        for combo in (self.scope, self.kind, self.status, self.rating):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.triage.currentIndexChanged.connect(
            lambda i: session.set_show_candidates(i == 1))
        session.triage_changed.connect(self._on_triage)
        self.min_score.valueChanged.connect(self.apply_filter)
        self.model.modelReset.connect(self._after_reset)
        session.article_selected.connect(self._on_article)
        session.claim_selected.connect(self.show_claim)
        session.changed.connect(self.on_changed)
        self._ready = True
        self.apply_filter()

    def filter_widgets(self) -> tuple[QWidget, ...]:
        """The filter bar's controls, in reading order."""
        return (self.scope, self.triage, self.kind, self.min_score, self.status, self.rating)

    def _outlets(self) -> dict[int, str]:
        return {aid: s.outlet for aid, s in self.session.summaries().items()}

    def _fill_ratings(self) -> None:
        current = self.rating.currentData()
        self.rating.blockSignals(True)
        self.rating.clear()
        self.rating.addItem("any rating", "")
        self.rating.addItem("unrated", "-")
        for r in self.session.scale().ratings:
            self.rating.addItem(swatch(r.color), r.name, r.name)
        i = self.rating.findData(current)
        self.rating.setCurrentIndex(max(0, i))
        self.rating.blockSignals(False)
        self.rating.updateGeometry()

    # columns -------------------------------------------------------------------------------

    def _column_pref(self, column: int) -> str:
        """shown / hidden for good, or automatic; read from the user's settings once."""
        if column not in self._column_prefs:
            value = user.get_str(f"claims/column_{COLUMNS[column].lower()}", AUTO)
            self._column_prefs[column] = value if value in (SHOWN, HIDDEN) else AUTO
        return self._column_prefs[column]

    def set_column_shown(self, column: int, shown: bool | None) -> None:
        """Show or hide a column for good (None: automatic, by the pane's width)."""
        value = AUTO if shown is None else SHOWN if shown else HIDDEN
        self._column_prefs[column] = value
        user.set_value(f"claims/column_{COLUMNS[column].lower()}", value)
        self._fit_columns()

    def _content_width(self, column: int) -> int:
        """The width a column needs for its header and its values (speaker and outlet
        capped; longer ones elide)."""
        metrics = self.view.fontMetrics()
        pad = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 8
        values: list[str] = [COLUMNS[column]]
        extra = 0
        if column == SCORE:
            values.append("0.00")
        elif column == KIND:
            values += CLAIM_KINDS
        elif column == STATUS:
            values += STATUSES
        elif column == RATING:
            values += [r.name for r in self.session.scale().ratings]
            extra = self.view.iconSize().width() if self.view.iconSize().isValid() else 16
        width = max(metrics.horizontalAdvance(v) for v in values) + extra
        if column in (SPEAKER, OUTLET):
            width = max(width, metrics.averageCharWidth() * SPEAKER_CHARS)
        return width + pad

    def _fit_columns(self) -> None:
        """Hide or show the secondary columns for the table's width: the ones shown for
        good first, then the automatic ones while the claim text keeps its minimum."""
        if not getattr(self, "_ready", False):
            return
        header = self.view.horizontalHeader()
        if header.minimumHeight():  # layout.compact() gives scroll areas (a header is one)
            header.setMinimumHeight(0)  # three lines; a header needs one
        all_articles = self.scope.currentIndex() == 1
        width = self.view.viewport().width()
        budget = width - max(self.view.fontMetrics().averageCharWidth() * TEXT_MIN_CHARS,
                             int(width * TEXT_MIN_SHARE))
        shown: set[int] = set()
        prefs = {c: self._column_pref(c) for c in KEEP_ORDER}
        widths = {c: self._content_width(c) for c in KEEP_ORDER}
        for wanted in (SHOWN, AUTO):
            for column in KEEP_ORDER:
                if prefs[column] != wanted or (column == OUTLET and not all_articles):
                    continue
                if wanted == SHOWN or widths[column] <= budget:
                    shown.add(column)
                    budget -= widths[column]
        for column in KEEP_ORDER:
            if self.view.isColumnHidden(column) == (column in shown):
                self.view.setColumnHidden(column, column not in shown)
            if column in shown and self.view.columnWidth(column) != widths[column]:
                self.view.setColumnWidth(column, widths[column])
        self.model.tooltip_columns = tuple(
            c for c in (SCORE, KIND, SPEAKER, RATING, STATUS)
            if c not in shown) + ((OUTLET,) if all_articles and OUTLET not in shown else ())

    def column_menu(self) -> QMenu:
        """Show / hide the secondary columns (the claim text always shows)."""
        menu = QMenu(self)
        all_articles = self.scope.currentIndex() == 1
        for column in (SCORE, KIND, SPEAKER, RATING, STATUS, OUTLET):
            action = menu.addAction(COLUMNS[column])
            action.setCheckable(True)
            action.setChecked(not self.view.isColumnHidden(column))
            if column == OUTLET and not all_articles:
                action.setEnabled(False)
                action.setToolTip("Shown with all articles")
            action.toggled.connect(lambda on, c=column: self.set_column_shown(c, on))
        menu.addSeparator()
        fit = menu.addAction("Fit columns to the pane")
        fit.setToolTip("Let the pane's width decide which columns show")
        fit.triggered.connect(self.reset_columns)
        return menu

    def reset_columns(self) -> None:
        """Every column back to automatic."""
        for column in KEEP_ORDER:
            self._column_prefs[column] = AUTO
            user.set_value(f"claims/column_{COLUMNS[column].lower()}", AUTO)
        self._fit_columns()

    def _on_header_menu(self, pos: QPoint) -> None:
        header = self.view.horizontalHeader()
        self.column_menu().exec(header.mapToGlobal(pos))

    # filtering -----------------------------------------------------------------------------

    def current_filter(self) -> ClaimFilter:
        return ClaimFilter(
            article_id=(self.session.article_id or -1) if self.scope.currentIndex() == 0 else 0,
            kind=self.kind.currentData() or "",
            min_score=float(self.min_score.value()),
            status=self.status.currentData() or "",
            rating=self.rating.currentData() or "",
            candidates=self.session.show_candidates,
            threshold=self.session.claim_threshold(),
            cuts=self.session.cuts(),
        )

    def _on_triage(self) -> None:
        self.triage.blockSignals(True)
        self.triage.setCurrentIndex(1 if self.session.show_candidates else 0)
        self.triage.blockSignals(False)
        self.apply_filter()

    def apply_filter(self) -> None:
        if not getattr(self, "_ready", False):
            return
        self._fit_columns()
        self.model.set_filter(self.current_filter())

    def set_all_articles(self, on: bool) -> None:
        self.scope.setCurrentIndex(1 if on else 0)

    def _after_reset(self) -> None:
        self.count.setText(self.count_text())
        self.show_claim(self.session.claim_id)

    def count_text(self) -> str:
        """What the list shows out of how many claims and candidates: "13 shown of 34 in
        this article · 196 in the project", and why an article has none."""
        shown, total = self.model.rowCount(), self.model.total()
        if self.scope.currentIndex() == 1 or not self.session.article_id:
            return f"{shown:,} shown of {total:,} in the project"
        text = (f"{shown:,} shown of {self.model.scope_total:,} in this article · "
                f"{total:,} in the project")
        summary = self.session.summary(self.session.article_id)
        if summary is not None and not summary.analysed:
            reason = f": {summary.analysis_error}" if summary.analysis_error else ""
            text += f"\nThis article was not analysed{reason}."
        return text

    def _on_article(self, article_id: int) -> None:
        if self.scope.currentIndex() == 0:
            self.apply_filter()

    # selection -----------------------------------------------------------------------------

    def _on_current(self, current, previous) -> None:  # QModelIndex
        if self._syncing or not current.isValid():
            return
        self.session.select_claim(self.model.claim_id(current.row()))

    def show_claim(self, claim_id: int) -> None:
        row = self.model.row_of(claim_id) if claim_id else -1
        self._syncing = True
        try:
            selection = self.view.selectionModel()
            if row < 0:
                selection.clearSelection()
                return
            index = self.model.index(row, TEXT)
            selection.setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.view.scrollTo(index)
        finally:
            self._syncing = False

    def step(self, delta: int) -> int:
        """Select the claim ``delta`` rows away in the list's order; returns its id."""
        rows = self.model.rowCount()
        if not rows:
            return 0
        row = self.model.row_of(self.session.claim_id)
        at = self.model.insertion_row(self.session.claim_id) \
            if row < 0 and self.session.claim_id else None
        if at is not None:  # a claim the list hides (a candidate reached by g): from its place
            row = at if delta > 0 else at - 1
            if not 0 <= row < rows:
                return self.session.claim_id  # past an end: j / k go on to the next article
        elif row < 0:
            row = 0 if delta > 0 else rows - 1
        else:
            row = max(0, min(rows - 1, row + delta))
        claim_id = self.model.claim_id(row)
        self.session.select_claim(claim_id)
        return claim_id

    # changes -------------------------------------------------------------------------------

    def on_changed(self, changes) -> None:  # ChangeSet
        cuts_before = self.model.filter.cuts
        if changes.settings or changes.claims or changes.articles:
            # the claim threshold or share, or an article's claims, may move its cut
            self.model.filter = self.current_filter()
        cuts_moved = self.model.filter.cuts != cuts_before
        if changes.settings:
            self._fill_ratings()
            self.model.set_scale(self.session.scale())
        if changes.articles:
            self.model.outlets = self._outlets()
        if (changes.claims or changes.verdicts) and changes.claim_ids and not changes.articles \
                and len(changes.claim_ids) < 1000:
            self.model.update_claims(sorted(changes.claim_ids))
            if cuts_moved:  # claims other than the edited ones came in or went out
                self.model.apply()
        elif changes.claims or changes.articles or changes.verdicts:
            self.model.reload()

    def visible_columns(self) -> list[int]:
        return [c for c in (SCORE, KIND, TEXT, SPEAKER, RATING, STATUS, OUTLET)
                if not self.view.isColumnHidden(c)]


class _ResizeWatcher(QObject):
    """Calls back when the watched widget (the table's viewport) is resized."""

    def __init__(self, callback, parent: QObject) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._callback()
        return False
