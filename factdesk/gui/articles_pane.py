"""The articles list: outlet, title, date, and counts of claims and judged claims."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem

from factdesk.gui.session import Session

COLUMNS = ("Outlet", "Title", "Date", "Claims", "Judged")


class _Item(QTreeWidgetItem):
    def __lt__(self, other: QTreeWidgetItem) -> bool:
        column = self.treeWidget().sortColumn() if self.treeWidget() else 0
        if column in (3, 4):
            return int(self.text(column) or 0) < int(other.text(column) or 0)
        return self.text(column).casefold() < other.text(column).casefold()


class ArticlesPane(QTreeWidget):
    """One row per article; selecting a row opens the article."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("articlesView")
        self.setColumnCount(len(COLUMNS))
        self.setHeaderLabels(list(COLUMNS))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSortingEnabled(True)
        self.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 110), (2, 84), (3, 50), (4, 54)):
            self.setColumnWidth(column, width)
        self._items: dict[int, _Item] = {}
        self._syncing = False
        self.currentItemChanged.connect(self._on_current)
        session.article_selected.connect(self.show_article)
        session.changed.connect(self.on_changed)
        self.reload()

    def reload(self) -> None:
        self._syncing = True
        try:
            self.setSortingEnabled(False)
            self.clear()
            self._items = {}
            for summary in self.session.summaries().values():
                item = _Item([summary.outlet or "—", summary.title or "(untitled)",
                              summary.published or "", str(summary.claims),
                              str(summary.verdicts)])
                item.setData(0, Qt.ItemDataRole.UserRole, summary.id)
                item.setToolTip(1, summary.title)
                for column in (3, 4):
                    item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.addTopLevelItem(item)
                self._items[summary.id] = item
            self.setSortingEnabled(True)
        finally:
            self._syncing = False
        self.show_article(self.session.article_id)

    def ordered_ids(self) -> list[int]:
        return [self.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
                for i in range(self.topLevelItemCount())]

    def step(self, delta: int) -> int:
        """Open the article ``delta`` rows away in the list's order; returns its id."""
        ids = self.ordered_ids()
        if not ids:
            return 0
        if self.session.article_id in ids:
            i = max(0, min(len(ids) - 1, ids.index(self.session.article_id) + delta))
        else:
            i = 0
        self.session.select_article(ids[i])
        return ids[i]

    def _on_current(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if self._syncing or current is None:
            return
        self.session.select_article(int(current.data(0, Qt.ItemDataRole.UserRole)))

    def show_article(self, article_id: int) -> None:
        item = self._items.get(article_id)
        self._syncing = True
        try:
            if item is None:
                self.clearSelection()
            else:
                self.setCurrentItem(item)
                self.scrollToItem(item)
        finally:
            self._syncing = False

    def on_changed(self, changes) -> None:  # noqa: ANN001 - ChangeSet
        if changes.articles or changes.claims or changes.verdicts:
            self.reload()
