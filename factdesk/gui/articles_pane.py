"""The articles list: outlet, title, date, shown claims (+ candidates), judged claims.

The title keeps at least half the list's width: the other columns are as wide as their
contents (the outlet at most :data:`OUTLET_CHARS` characters, elided) and hide when
there is no room, least needed first (judged, claims, date); the title's tooltip then
holds their values.

A table model over the session's article summaries, sorted with Python's sort on plain
keys (a QTreeWidget with 10,000 items and a Python ``__lt__`` took most of a second to
fill and sort), shown in a tree view with uniform row heights.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTreeView

from factdesk.gui.session import Session
from factdesk.storage.articles import ArticleSummary

COLUMNS = ("Outlet", "Title", "Date", "Claims", "Judged")
OUTLET, TITLE, DATE, CLAIMS, JUDGED = range(len(COLUMNS))
HIDE_ORDER = (JUDGED, CLAIMS, DATE)  # hidden first to last when the list is narrow
OUTLET_CHARS = 12  # a longer outlet elides (the whole name in its tooltip)
TITLE_MIN_SHARE = 0.5  # the title keeps at least this share of the list's width
NOT_ANALYSED = "⚠ not analysed"  # before the title of an article whose analysis failed
NOT_YET = "claims not detected yet"  # ... of one not analysed yet (an import under way)
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

Index = QModelIndex | QPersistentModelIndex


def _sort_key(column: int):  # a key function
    if column == OUTLET:
        return lambda s: ((s.outlet or "").casefold(), s.published or "", s.id)
    if column == TITLE:
        return lambda s: ((s.title or "").casefold(), s.id)
    if column == CLAIMS:
        return lambda s: (s.shown, s.claims, s.id)
    if column == JUDGED:
        return lambda s: (s.verdicts, s.id)
    return lambda s: (s.published is None, s.published or "", s.id)


class ArticlesModel(QAbstractTableModel):
    """Rows are article summaries in the current sort order."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ArticleSummary] = []
        self.row_of: dict[int, int] = {}
        self.sort_column = DATE
        self.sort_order = Qt.SortOrder.AscendingOrder
        self.hidden_columns: tuple[int, ...] = ()  # their values go into the title's tooltip

    def set_rows(self, summaries: list[ArticleSummary]) -> None:
        self.beginResetModel()
        self.rows = summaries
        self._order()
        self.endResetModel()

    def _order(self) -> None:
        self.rows.sort(key=_sort_key(self.sort_column),
                       reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
        self.row_of = {s.id: i for i, s in enumerate(self.rows)}

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self.sort_column, self.sort_order = column, order
        self._order()
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = _DISPLAY) -> object:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        if role == _DISPLAY:
            s = self.rows[index.row()]
            column = index.column()
            if column == OUTLET:
                return s.outlet or "—"
            if column == TITLE:
                title = s.title or "(untitled)"
                if s.analysed:
                    return title
                return f"{NOT_ANALYSED if s.analysis_error else NOT_YET} · {title}"
            if column == DATE:
                return s.published or ""
            if column == CLAIMS and not s.analysed:
                return "—"
            if column == CLAIMS:
                return f"{s.shown} (+{s.candidates})" if s.candidates else str(s.shown)
            return str(s.verdicts)
        if role == _ALIGN and index.column() in (CLAIMS, JUDGED):
            return _RIGHT
        if role == _TOOLTIP and index.column() in (TITLE, CLAIMS) and \
                not self.rows[index.row()].analysed:
            return not_analysed_tooltip(self.rows[index.row()])
        if role == _TOOLTIP and index.column() == CLAIMS:
            s = self.rows[index.row()]
            return (f"{s.shown} claim(s) worth checking, shown by default; {s.candidates} "
                    "other candidate(s), shown with View ▸ Show all candidates (h).")
        if role == _TOOLTIP and index.column() == TITLE:
            return self._title_tooltip(index.row())
        if role == _TOOLTIP and index.column() == OUTLET:
            return self.rows[index.row()].outlet or None
        return None

    def _title_tooltip(self, row: int) -> str:
        """The whole title, with the values of the columns hidden for want of room."""
        s = self.rows[row]
        hidden = [f"{COLUMNS[c]}: {self.data(self.index(row, c))}"
                  for c in (DATE, CLAIMS, JUDGED) if c in self.hidden_columns]
        return " · ".join([s.title or "(untitled)", *hidden]) if hidden else s.title


def not_analysed_tooltip(summary: ArticleSummary) -> str:
    """Why an article has no claims, and what makes it analysed: splitting it when it is
    too long (another extraction refuses it again), else the next extraction."""
    if summary.too_long:
        return (f"Not analysed: {summary.analysis_error}. Kept, and it can be read; "
                "claims can be marked by hand, but none are detected until it is split.")
    if summary.analysis_error:
        return (f"Not analysed: {summary.analysis_error}. "
                "Kept; the next extraction tries it again.")
    return "Claims not detected yet."


class ArticlesPane(QTreeView):
    """One row per article; selecting a row opens the article."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("articlesView")
        self.model_ = ArticlesModel()
        self.setModel(self.model_)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSortingEnabled(True)
        self.header().setSortIndicator(DATE, Qt.SortOrder.AscendingOrder)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._syncing = False
        self.selectionModel().currentRowChanged.connect(self._on_current)
        session.article_selected.connect(self.show_article)
        session.changed.connect(self.on_changed)
        self.reload()

    def reload(self) -> None:
        self._syncing = True
        try:
            self.model_.set_rows(list(self.session.summaries().values()))
        finally:
            self._syncing = False
        self.fit_columns()
        self.show_article(self.session.article_id)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def _content_width(self, column: int) -> int:
        """The width a column needs for its header and its values (the outlet capped)."""
        metrics = self.fontMetrics()
        pad = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 8
        model = self.model_
        values = [COLUMNS[column]] + [str(model.data(model.index(row, column)))
                                      for row in range(model.rowCount())]
        width = max(metrics.horizontalAdvance(v) for v in values)
        if column == OUTLET:
            width = min(width, metrics.averageCharWidth() * OUTLET_CHARS)
        return width + pad

    def fit_columns(self) -> None:
        """Size the columns to their contents and hide the least needed ones while the
        title would get less than half the width."""
        header = self.header()
        if header.minimumHeight():  # layout.compact() gives scroll areas (a header is one)
            header.setMinimumHeight(0)  # three lines; a header needs one
        width = self.viewport().width()
        widths = {c: self._content_width(c) for c in (OUTLET, DATE, CLAIMS, JUDGED)}
        budget = width - int(width * TITLE_MIN_SHARE) - widths[OUTLET]
        hidden: list[int] = []
        for column in HIDE_ORDER:  # least needed first, until the rest fit
            if sum(widths[c] for c in HIDE_ORDER if c not in hidden) > budget:
                hidden.append(column)
        for column, column_width in widths.items():
            self.setColumnHidden(column, column in hidden)
            if column not in hidden and self.columnWidth(column) != column_width:
                self.setColumnWidth(column, column_width)
        self.model_.hidden_columns = tuple(hidden)

    def ordered_ids(self) -> list[int]:
        return [s.id for s in self.model_.rows]

    def step(self, delta: int) -> int:
        """Open the article ``delta`` rows away in the list's order; returns its id."""
        rows = self.model_.rows
        if not rows:
            return 0
        current = self.model_.row_of.get(self.session.article_id)
        i = 0 if current is None else max(0, min(len(rows) - 1, current + delta))
        self.session.select_article(rows[i].id)
        return rows[i].id

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        self.session.select_article(self.model_.rows[current.row()].id)

    def show_article(self, article_id: int) -> None:
        row = self.model_.row_of.get(article_id)
        self._syncing = True
        try:
            if row is None:
                self.selectionModel().clearSelection()
            else:
                index = self.model_.index(row, TITLE)
                self.selectionModel().setCurrentIndex(
                    index, self.selectionModel().SelectionFlag.ClearAndSelect
                    | self.selectionModel().SelectionFlag.Rows)
                self.scrollTo(index)
        finally:
            self._syncing = False

    def on_changed(self, changes) -> None:  # ChangeSet
        if changes.articles or changes.claims or changes.verdicts or changes.settings:
            self.reload()
