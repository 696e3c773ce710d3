"""The claims list: filters (article, triage, kind, score, status, rating) over a table.

The triage filter shows the claims worth checking (the default) or every candidate; it
follows the session's "show all candidates" switch, which the article text follows too.
Unsorted, the list is ranked: within each article, most check-worthy first. Moving in the
table selects the claim in the session; j/k (see the action registry) move through the
table's current order, so filters and sorting decide what "next" means.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factdesk.gui.claims_model import (
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
from factdesk.gui.session import Session
from factdesk.model.models import CLAIM_KINDS, STATUSES


class ClaimsPane(QWidget):
    """Filter bar, claims table and a count line."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = ClaimsModel(session.project, session.scale(), self._outlets())
        self.scope = QComboBox()
        self.scope.addItems(["This article", "All articles"])
        self.scope.setToolTip("Show the claims of the current article or of every article")
        self.triage = QComboBox()
        self.triage.addItems(["worth checking", "all candidates"])
        self.triage.setToolTip("Only the claims worth checking (score at least the project's "
                               "claim threshold, marked by hand, or judged), or every "
                               "candidate sentence")
        self.kind = QComboBox()
        self.kind.addItem("any kind", "")
        for kind in CLAIM_KINDS:
            self.kind.addItem(kind, kind)
        self.min_score = QDoubleSpinBox()
        self.min_score.setRange(0.0, 1.0)
        self.min_score.setSingleStep(0.05)
        self.min_score.setPrefix("score ≥ ")
        self.min_score.setToolTip("Only claims at least this check-worthy")
        self.status = QComboBox()
        self.status.addItem("any status", "")
        for status in STATUSES:
            self.status.addItem(status, status)
        self.rating = QComboBox()
        self._fill_ratings()
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 0)
        bar.setSpacing(4)
        for w in (self.scope, self.triage, self.kind, self.min_score, self.status,
                  self.rating):
            w.setFocusPolicy(Qt.FocusPolicy.ClickFocus | Qt.FocusPolicy.TabFocus)
            bar.addWidget(w)
        bar.addStretch(1)
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
        for column, width in ((SCORE, 44), (KIND, 70), (SPEAKER, 72), (RATING, 96),
                              (STATUS, 82), (OUTLET, 84)):
            self.view.setColumnWidth(column, width)
        self.view.setColumnHidden(OUTLET, True)
        self.count = QLabel(objectName="paneHint")
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
        )

    def _on_triage(self) -> None:
        self.triage.blockSignals(True)
        self.triage.setCurrentIndex(1 if self.session.show_candidates else 0)
        self.triage.blockSignals(False)
        self.apply_filter()

    def apply_filter(self) -> None:
        if not getattr(self, "_ready", False):
            return
        all_articles = self.scope.currentIndex() == 1
        self.view.setColumnHidden(OUTLET, not all_articles)
        self.model.set_filter(self.current_filter())

    def set_all_articles(self, on: bool) -> None:
        self.scope.setCurrentIndex(1 if on else 0)

    def _after_reset(self) -> None:
        self.count.setText(f"{self.model.rowCount():,} shown · {self.model.total():,} claims "
                           "and candidates")
        self.show_claim(self.session.claim_id)

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
        row = (0 if delta > 0 else rows - 1) if row < 0 else max(0, min(rows - 1, row + delta))
        claim_id = self.model.claim_id(row)
        self.session.select_claim(claim_id)
        return claim_id

    # changes -------------------------------------------------------------------------------

    def on_changed(self, changes) -> None:  # ChangeSet
        if changes.settings:
            self._fill_ratings()
            self.model.filter = self.current_filter()  # the claim threshold may have changed
            self.model.set_scale(self.session.scale())
        if changes.articles:
            self.model.outlets = self._outlets()
        if (changes.claims or changes.verdicts) and changes.claim_ids and not changes.articles \
                and len(changes.claim_ids) < 1000:
            self.model.update_claims(sorted(changes.claim_ids))
        elif changes.claims or changes.articles or changes.verdicts:
            self.model.reload()

    def visible_columns(self) -> list[int]:
        return [c for c in (SCORE, KIND, TEXT, SPEAKER, RATING, STATUS, OUTLET)
                if not self.view.isColumnHidden(c)]
