"""A thin table model over claim ids: small tuples in memory, claim text fetched lazily.

By default the list holds the claims shown by default (:mod:`factdesk.model.triage`:
check-worthy and within their article's budget, marked by hand, or judged), ranked within each article, most check-worthy
first; the filter's ``candidates`` adds the other candidates.

Filtering and sorting are done on plain tuples with Python's sort (a QSortFilterProxyModel
would call back into Python once per comparison), so a 100k-claim project filters and
sorts in tens of milliseconds. Texts are read in blocks around the rows being painted
and cached. The tuples of every claim are read only when a view over all articles asks
for them (a 300k-claim project takes most of a second); until then each article's are
read when it is shown.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap

from factdesk.core.project import Project
from factdesk.gui import search_backend
from factdesk.gui.search_backend import ClaimRow
from factdesk.model.models import STATUSES, is_judged
from factdesk.model.ratings import RatingScale
from factdesk.model.triage import ArticleCut, shown_by_default

COLUMNS = ("Score", "Kind", "Claim", "Speaker", "Rating", "Status", "Outlet")
SCORE, KIND, TEXT, SPEAKER, RATING, STATUS, OUTLET = range(len(COLUMNS))
DISPLAY_CHARS = 240  # of a claim's text in the list (the tooltip has up to 400)
TEXT_BLOCK = 80  # texts read per query: a screenful or three around the painted row
ClaimIdRole = Qt.ItemDataRole.UserRole + 1
# plain ints: compared in data(), called ~1,000 times per painted frame
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_TUPLE_FIELD = {KIND: 4, SPEAKER: 5, RATING: 6, STATUS: 7}

Index = QModelIndex | QPersistentModelIndex


@dataclass
class ClaimFilter:
    """What the claims list shows."""

    article_id: int = 0  # 0: every article
    kind: str = ""
    min_score: float = 0.0
    status: str = ""
    rating: str = ""  # "" any, "-" unrated, else a rating name
    candidates: bool = True  # False: only the claims worth checking (see is_shown)
    threshold: float = 0.0  # the project's claim threshold: an article without a cut
    #: each article's triage cut (:mod:`factdesk.model.triage`), for ``candidates=False``
    cuts: Mapping[int, ArticleCut] = field(default_factory=dict)

    def is_shown(self, row: ClaimRow) -> bool:
        """A row passes the triage: all do with ``candidates``; else a claim its
        article's cut admits (at least the threshold, within the article's budget),
        marked by hand, or judged (rated or moved on from "to check")."""
        return self.candidates or shown_by_default(
            row[3], row[2], row[8], self.cuts.get(row[1]) or ArticleCut(self.threshold),
            is_judged(row[6], row[7]), claim_id=row[0])


def ranked(row: ClaimRow) -> tuple:
    """Sort key of the list's own order: article, hand-marked first, then by score
    (highest first), then position."""
    return (row[1], row[8] != "manual", -row[3], row[2])


def swatch(color: str, size: int = 10) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class ClaimsModel(QAbstractTableModel):
    """Rows are claims; the model keeps ``(id, article, start, score, kind, ...)`` tuples."""

    def __init__(self, project: Project, scale: RatingScale, outlets: dict[int, str]) -> None:
        super().__init__()
        self.project = project
        self.scale = scale
        self.outlets = outlets
        self.filter = ClaimFilter(article_id=-1)  # nothing until the pane sets a filter
        self.sort_column = -1  # -1: ranked (article, then most check-worthy first)
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._all: dict[int, ClaimRow] = {}
        self._all_loaded = False
        self._total = 0
        self.scope_total = 0  # claims and candidates in the scope (article or project)
        self._by_article: dict[int, list[ClaimRow]] = {}
        self._rows: list[ClaimRow] = []
        self._row_of: dict[int, int] = {}
        self._texts: dict[int, str] = {}
        self._icons: dict[str, QIcon] = {}
        self.tooltip_columns: tuple[int, ...] = ()  # hidden by the view: told in the tooltip
        self.reload(apply=False)

    # loading -------------------------------------------------------------------------------

    def reload(self, *, apply: bool = True) -> None:
        """Forget the tuples read so far (after an import or extraction) and re-read."""
        self._all, self._by_article = {}, {}
        self._all_loaded = False
        self._total = search_backend.claim_count(self.project)
        self._texts.clear()
        if apply:
            self.apply()

    def _load_all(self) -> None:
        if not self._all_loaded:
            self._all = {r[0]: r for r in search_backend.claim_rows(self.project)}
            self._all_loaded = True
            self._total = len(self._all)
            self._index_articles()

    def _article_rows(self, article_id: int) -> list[ClaimRow]:
        rows = self._by_article.get(article_id)
        if rows is None and not self._all_loaded:
            rows = search_backend.article_claim_rows(self.project, article_id)
            self._by_article[article_id] = rows
            self._all.update((r[0], r) for r in rows)
        return rows or []

    def update_claims(self, claim_ids: Sequence[int]) -> None:
        """Refresh some rows (an edit): changed values, deleted or new claims."""
        fresh = {r[0]: r for r in search_backend.claim_rows(self.project, claim_ids)}
        if not self._all_loaded:  # per-article lists only: re-read the touched articles
            touched = {r[1] for r in fresh.values()}
            touched |= {self._all[c][1] for c in claim_ids if c in self._all}
            for article_id in touched:
                for r in self._by_article.pop(article_id, []):
                    self._all.pop(r[0], None)
            for cid in claim_ids:
                self._texts.pop(cid, None)
            self._total = search_backend.claim_count(self.project)
            self.apply()
            return
        membership_changed = False
        for cid in claim_ids:
            self._texts.pop(cid, None)
            if cid in fresh:
                membership_changed |= cid not in self._all
                self._all[cid] = fresh[cid]
            elif cid in self._all:
                del self._all[cid]
                membership_changed = True
        if membership_changed or self.sort_column in (RATING, STATUS) or self._filters_verdicts():
            self._total = len(self._all)
            self._index_articles()
            self.apply()
            return
        for cid, row in fresh.items():
            i = self._row_of.get(cid)
            if i is not None:
                self._rows[i] = row
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))

    def _filters_verdicts(self) -> bool:
        return bool(self.filter.status or self.filter.rating)

    def _index_articles(self) -> None:
        by_article: dict[int, list[ClaimRow]] = {}
        for row in self._all.values():
            by_article.setdefault(row[1], []).append(row)
        self._by_article = by_article

    def set_scale(self, scale: RatingScale) -> None:
        self.scale = scale
        self._icons.clear()
        self.apply()

    # filtering and sorting -----------------------------------------------------------------

    def set_filter(self, claim_filter: ClaimFilter) -> None:
        self.filter = claim_filter
        self.apply()

    def apply(self) -> None:
        """Filter and sort the tuples; resets the view."""
        f = self.filter
        if f.article_id == -1:  # "this article" with no article open
            rows: object = []
        elif f.article_id:
            rows = self._article_rows(f.article_id)
        else:
            self._load_all()
            rows = self._all.values()
        self.scope_total = len(rows)  # type: ignore[arg-type]  # before any filter
        if not f.candidates:
            rows = [r for r in rows if f.is_shown(r)]
        if f.kind:
            rows = [r for r in rows if r[4] == f.kind]
        if f.min_score > 0:
            rows = [r for r in rows if r[3] >= f.min_score]
        if f.status:
            rows = [r for r in rows if r[7] == f.status]
        if f.rating == "-":
            rows = [r for r in rows if not r[6]]
        elif f.rating:
            rows = [r for r in rows if r[6] == f.rating]
        rows = list(rows)
        self._sort_rows(rows)
        self.beginResetModel()
        self._rows = rows
        self._row_of = {r[0]: i for i, r in enumerate(rows)}
        self.endResetModel()

    def _sort_rows(self, rows: list[ClaimRow]) -> None:
        column, reverse = self.sort_column, self.sort_order == Qt.SortOrder.DescendingOrder
        if column == SCORE:
            rows.sort(key=lambda r: (r[3], r[1], r[2]), reverse=reverse)
        elif column == KIND:
            rows.sort(key=lambda r: (r[4], r[1], r[2]), reverse=reverse)
        elif column == SPEAKER:
            rows.sort(key=lambda r: (r[5] == "", r[5].casefold(), r[1], r[2]), reverse=reverse)
        elif column == RATING:
            order = {name: i for i, name in enumerate(self.scale.names())}
            rows.sort(key=lambda r: (order.get(r[6], 99), r[1], r[2]), reverse=reverse)
        elif column == STATUS:
            order = {name: i for i, name in enumerate(STATUSES)}
            rows.sort(key=lambda r: (order.get(r[7], 9), r[1], r[2]), reverse=reverse)
        elif column == OUTLET:
            outlets = self.outlets
            rows.sort(key=lambda r: (outlets.get(r[1], ""), r[1], r[2]), reverse=reverse)
        else:  # ranked: within each article, most check-worthy first
            rows.sort(key=ranked, reverse=reverse)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column = column if column != TEXT else -1
        self.sort_order = order
        self.apply()

    # lookups -------------------------------------------------------------------------------

    def claim_id(self, row: int) -> int:
        return self._rows[row][0] if 0 <= row < len(self._rows) else 0

    def row_of(self, claim_id: int) -> int:
        return self._row_of.get(claim_id, -1)

    def total(self) -> int:
        return self._total

    def insertion_row(self, claim_id: int) -> int | None:
        """Where a claim the list does not show (a candidate opened from its match) would
        stand in the list's order: the row it would push down. None for no live claim."""
        found = search_backend.claim_rows(self.project, [claim_id])
        if not found:
            return None
        rows = [*self._rows, found[0]]
        self._sort_rows(rows)
        return rows.index(found[0])

    def article_claim_ids(self, article_id: int) -> list[int]:
        """The claims of one article the list would show (triage), in ranked order."""
        rows = [r for r in self._article_rows(article_id) if self.filter.is_shown(r)]
        return [r[0] for r in sorted(rows, key=ranked)]

    def _text(self, row: int) -> str:
        cid = self._rows[row][0]
        text = self._texts.get(cid)
        if text is None:
            lo = max(0, row - TEXT_BLOCK // 2)
            ids = [r[0] for r in self._rows[lo : lo + TEXT_BLOCK] if r[0] not in self._texts]
            self._texts.update(search_backend.claim_texts(self.project, ids))
            if len(self._texts) > 20_000:
                self._texts = {cid: self._texts.get(cid, "")}
            text = self._texts.get(cid, "")
        return text

    def _tooltip(self, row: int) -> str:
        """The whole claim (wrapped: rich text) and the values of the hidden columns."""
        parts = [f"<p>{html.escape(self._text(row))}</p>"]
        values = []
        for column in self.tooltip_columns:
            value = self.data(self.index(row, column))
            if column == RATING and not value:
                value = "unrated"
            if value:
                values.append(f"{COLUMNS[column]}: {html.escape(str(value))}")
        if values:
            parts.append(f"<p><i>{' · '.join(values)}</i></p>")
        return "".join(parts)

    # Qt model API --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        if role == _DISPLAY:
            row = self._rows[index.row()]
            column = index.column()
            if column == TEXT:
                # one line, and no longer than a wide column shows: Qt elides the rest at
                # every paint, and eliding costs in proportion to the string's length
                return " ".join(self._text(index.row())[:DISPLAY_CHARS].split())
            if column == SCORE:
                return f"{row[3]:.2f}"
            if column == OUTLET:
                return self.outlets.get(row[1], "")
            return row[_TUPLE_FIELD[column]]
        if role == _DECORATION:
            if index.column() != RATING:
                return None
            rating_name = self._rows[index.row()][6]
            rating = self.scale.by_name(rating_name) if rating_name else None
            if rating is None:
                return None
            icon = self._icons.get(rating.color)
            if icon is None:
                icon = self._icons[rating.color] = swatch(rating.color)
            return icon
        if role == _TOOLTIP:
            return self._tooltip(index.row()) if index.column() == TEXT else None
        if role == _ALIGN:
            return _RIGHT if index.column() == SCORE else None
        if role == ClaimIdRole:
            return self._rows[index.row()][0]
        return None
