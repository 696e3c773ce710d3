"""The verdict editor: claim as checked, rating, status, rationale, evidence, checker and
history.

Every change goes through the session as an undoable command (rating and status at
once; the rationale on Ctrl+Enter; evidence through a small dialog). The pane reloads
from the project whenever a change-set touches the selected claim.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from factdesk.core.commands import AddEvidence, EditEvidence, RemoveEvidence, SetVerdictField
from factdesk.gui.card_fit import line_count, longest_fitting
from factdesk.gui.claims_model import swatch
from factdesk.gui.evidence_dialog import EvidenceDialog
from factdesk.gui.layout import OWN_MINIMUM, elide_text, elide_url
from factdesk.gui.rationale_edit import RationaleEdit
from factdesk.gui.session import Session
from factdesk.gui.statement_edit import StatementEdit
from factdesk.model.models import STATUSES, Evidence, VerdictField
from factdesk.nlp.reasons import shown_reason
from factdesk.report.quotes import quoted as quoted_as_printed
from factdesk.report.richtext import html_to_text

CLAIM_LABEL_CHARS = 100  # of a claim's text shown above the verdict
CLAIM_LABEL_LINES = 2  # the header's lines at most: the quote is cut to fit them


def quoted(text: str) -> str:
    """``text`` escaped and in quotation marks as the report prints a claim
    (:func:`factdesk.report.quotes.quoted`): kept as it is when it opens and closes
    with its own (“I'm worried …” had read ““I'm worried …”), its inner marks single
    otherwise, and the mark a sentence cut from its paragraph lacks put back (``A
    lengthy investigation … his work,” Goelman said.`` had read with a closing mark
    twice and no opening one)."""
    return html.escape(quoted_as_printed(text))


class _MiddleElided(QStyledItemDelegate):
    """A web address cut in its middle ("fbi.gov/news/…/remarks-wray-sayoc"): the host
    and the page's own name stay readable on one line."""

    def initStyleOption(self, option: QStyleOptionViewItem, index) -> None:  # noqa: ANN001
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideMiddle


class EvidenceTable(QTableWidget):
    """The evidence rows, one line each (a long URL elided in its middle, whole in the
    tooltip), under a one-line header. Its minimum height keeps the header and one whole
    row, so that a claim with evidence never looks unevidenced in a short pane (at
    1366x768 the table had shown a three-line header and no row); more rows scroll.

    Delete (or Backspace) removes the selected row, undoably: with the focus here the
    key is the table's, never the window's "delete claim"."""

    remove_requested = Signal()
    _REMOVE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)

    def __init__(self, rows: int, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(rows, columns, parent)
        self.setProperty(OWN_MINIMUM, True)  # layout.compact() leaves its height alone
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setItemDelegateForColumn(0, _MiddleElided(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
        line = self.fontMetrics().height()
        rows_header = self.verticalHeader()
        rows_header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # no taller than the three lines compact() gave it (2 + 18 + 20 px against 42 at
        # 1366x768): the across dock above keeps its three whole match cards
        rows_header.setDefaultSectionSize(line + 6)
        self.horizontalHeader().setFixedHeight(line + 4)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_columns()

    def fit_columns(self) -> None:
        """Half the width for the address, a quarter each for the title and the note."""
        width = self.viewport().width()
        self.setColumnWidth(0, width // 2)
        self.setColumnWidth(1, width // 4)
        self.setColumnWidth(2, width - width // 2 - width // 4)

    def fit_height(self) -> None:
        """Room for the header and one whole row, the minimum the pane may give it."""
        rows = self.verticalHeader().defaultSectionSize()
        self.setMinimumHeight(2 * self.frameWidth() + self.horizontalHeader().height() + rows)

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.key() in self._REMOVE_KEYS and not event.modifiers()):
            event.accept()  # the key comes here as a key press, not to a window shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if event.key() in self._REMOVE_KEYS and not event.modifiers():
            self.remove_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class VerdictPane(QWidget):
    """Editor of the selected claim's verdict."""

    left_editor = Signal()
    draft_changed = Signal(bool)  # the rationale has (True) or no longer has an unsaved draft

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.claim_id = 0
        self.evidence: list[Evidence] = []
        self._loading = False
        self.draft_just_left = False  # Esc left an unsaved draft, no project edit since
        self.claim_label = QLabel(objectName="paneHint")
        self.claim_label.setWordWrap(True)
        self._label_parts = ("", "")  # the header before its quote, and the claim's text
        self.rating = QComboBox()
        self.rating.setObjectName("ratingCombo")
        self.status = QComboBox()
        self.status.setObjectName("statusCombo")
        self.status.addItems(list(STATUSES))
        self.checker = QLabel()
        self._fill_ratings()
        self.statement = StatementEdit(session)
        self.statement.left_editor.connect(self.left_editor)
        form = QFormLayout()
        form.setContentsMargins(6, 0, 6, 0)
        form.addRow("As checked", self.statement)
        form.addRow("&Rating", self.rating)
        form.addRow("&Status", self.status)
        form.addRow("Checker", self.checker)
        self.rationale = RationaleEdit()
        self.rationale.commit_requested.connect(self.commit_rationale)
        self.rationale.leave_requested.connect(self._on_leave)
        self.rationale.draft_changed.connect(self._on_draft_changed)
        self.draft_line = QLabel(objectName="draftLine")
        self.draft_line.setWordWrap(True)
        self.draft_line.setText("● <b>Unsaved draft</b> — Ctrl+Enter saves it · "
                                '<a href="discard">discard it</a>')
        self.draft_line.setStyleSheet("QLabel#draftLine { color: #b45309; }")
        self.draft_line.linkActivated.connect(lambda _l: self.discard_draft())
        self.draft_line.setVisible(False)
        tools = QHBoxLayout()
        tools.setContentsMargins(6, 0, 6, 0)
        tools.addWidget(QLabel("Rationale"))
        tools.addStretch(1)
        for text, tip, slot in (("B", "Bold (Ctrl+B)", self.rationale.toggle_bold),
                                ("I", "Italic", self.rationale.toggle_italic),
                                ("•", "Bulleted list", self.rationale.toggle_list)):
            button = QToolButton(text=text, toolTip=tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            tools.addWidget(button)
        self.commit_button = QPushButton("Commit")
        self.commit_button.setToolTip("Save the rationale as one undoable edit (Ctrl+Enter)")
        self.commit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.commit_button.clicked.connect(self.commit_rationale)
        tools.addWidget(self.commit_button)
        self.evidence_table = EvidenceTable(0, 3)
        self.evidence_table.remove_requested.connect(self.remove_evidence)
        self.evidence_table.setObjectName("evidenceTable")
        self.evidence_table.setHorizontalHeaderLabels(["URL", "Title", "Note"])
        self.evidence_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.evidence_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.evidence_table.verticalHeader().setVisible(False)
        self.evidence_table.setToolTip("Double-click to open the link")
        self.evidence_table.cellDoubleClicked.connect(lambda row, _c: self.open_evidence(row))
        ev_buttons = QHBoxLayout()
        ev_buttons.setContentsMargins(6, 0, 6, 0)
        self.evidence_label = QLabel("Evidence")
        ev_buttons.addWidget(self.evidence_label)
        ev_buttons.addStretch(1)
        self.evidence_buttons: dict[str, QPushButton] = {}
        for text, slot in (("Add…", self.add_evidence), ("Edit…", self.edit_evidence),
                           ("Remove", self.remove_evidence), ("Open", self.open_evidence)):
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, s=slot: s())
            ev_buttons.addWidget(button)
            self.evidence_buttons[text.rstrip("…").lower()] = button
        self.evidence_table.itemSelectionChanged.connect(self._enable_evidence_buttons)
        self.history = QListWidget()
        self.history.setObjectName("historyList")
        self.history.setAlternatingRowColors(True)
        # a line wraps in the pane: "… rationale — → NYT says as many as 1…" once ran off
        # its right edge behind a sideways scroll bar
        self.history.setWordWrap(True)
        self.history.setResizeMode(QListView.ResizeMode.Adjust)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.claim_label)
        top_layout.addLayout(form)
        top_layout.addLayout(tools)
        top_layout.addWidget(self.rationale, 1)
        top_layout.addWidget(self.draft_line)
        ev = QWidget()
        ev_layout = QVBoxLayout(ev)
        ev_layout.setContentsMargins(0, 0, 0, 0)
        ev_layout.addLayout(ev_buttons)
        ev_layout.addWidget(self.evidence_table)
        hist = QWidget()
        hist_layout = QVBoxLayout(hist)
        hist_layout.setContentsMargins(0, 0, 0, 0)
        self.history_label = QLabel(" History")
        hist_layout.addWidget(self.history_label)
        hist_layout.addWidget(self.history)
        splitter = QSplitter(Qt.Orientation.Vertical, objectName="verdictSplitter")
        for w in (top, ev, hist):
            splitter.addWidget(w)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        # Ctrl+4 lands on a control that shows it has the focus (the pane itself showed
        # nothing); Tab goes on to the status, the rationale and the evidence from there
        self.setFocusProxy(self.rating)
        self.rating.activated.connect(self._on_rating)
        self.status.activated.connect(self._on_status)
        session.claim_selected.connect(self.show_claim)
        session.changed.connect(self.on_changed)
        self.show_claim(session.claim_id)

    def _fill_ratings(self) -> None:
        self.rating.clear()
        self.rating.addItem("— unrated —", None)
        for i, r in enumerate(self.session.scale().ratings, start=1):
            self.rating.addItem(swatch(r.color, 12), f"{r.key} · {r.name}", r.name)
            if r.value is not None:  # the score, apart from the key: one number per label
                self.rating.setItemData(i, f"{r.name}: key {r.key}, score {r.value}",
                                        Qt.ItemDataRole.ToolTipRole)

    # loading -------------------------------------------------------------------------------

    def show_claim(self, claim_id: int) -> None:
        if self.claim_id and claim_id != self.claim_id and self.rationale.dirty:
            self.commit_rationale(leave=False)  # moving on saves the draft of the claim left
        if self.claim_id and claim_id != self.claim_id:
            self.statement.commit()
        self.claim_id = claim_id
        self.draft_just_left = False
        self.reload()

    def reload(self, *, keep_rationale: bool = False) -> None:
        project = self.session.project
        claim = project.claims.get(self.claim_id) if self.claim_id else None
        enabled = claim is not None
        for w in (self.rating, self.status, self.rationale, self.evidence_table,
                  self.commit_button, self.evidence_buttons["add"]):
            w.setEnabled(enabled)
        self._loading = True
        try:
            self.statement.refresh(claim)
            if claim is None:
                self.claim_id = 0
                self.claim_label.setText("No claim selected.")
                self.rating.setCurrentIndex(0)
                self.status.setCurrentIndex(0)
                self.rationale.load("")
                self.checker.setText(html.escape(project.checker))
                self.evidence = []
                self._fill_evidence()
                self.history.clear()
                self.history_label.setText(" History")
                return
            verdict = project.verdicts.get(claim.id)
            # the speaker here too: a laptop-wide claims list hides its speaker column
            said_by = f"said by <b>{html.escape(claim.speaker)}</b> · " if claim.speaker else ""
            # why it is worth checking ("number, quote"), as the article's tooltip says;
            # the bare kind ("other") tells a checker less
            why = shown_reason(claim)
            self._label_parts = (f"<b>Claim {claim.id}</b> · {html.escape(why)} · {said_by}",
                                 claim.text)
            self._fit_claim_label()
            self.claim_label.setToolTip(claim.text)
            i = self.rating.findData(verdict.rating if verdict else None)
            self.rating.setCurrentIndex(max(0, i))
            self.status.setCurrentIndex(
                STATUSES.index(verdict.status) if verdict and verdict.status in STATUSES else 0)
            if not keep_rationale:
                self.rationale.load(verdict.rationale if verdict else "")
            self.checker.setText(html.escape(verdict.checker if verdict else project.checker))
            # evidence may come before any rating or status (no verdict row yet)
            self.evidence = (list(verdict.evidence) if verdict
                             else project.verdicts.evidence(claim.id))
            self._fill_evidence()
            self._fill_history(claim.id)
        finally:
            self._loading = False

    def _fit_claim_label(self) -> None:
        """The header with the claim's quote cut at a word with "…" to keep it within
        :data:`CLAIM_LABEL_LINES` lines of the pane (all of it in the tooltip, in the
        article pane and in the across pane); before the pane is laid out, within
        :data:`CLAIM_LABEL_CHARS` characters."""
        head, text = self._label_parts
        if not text:
            return
        label = self.claim_label
        width = label.contentsRect().width()

        def shown(length: int) -> str:
            cut = text[:length].rstrip(",;: ") + "…" if length < len(text) else text
            return head + quoted(cut)

        if width < 120:  # not laid out yet
            length = longest_fitting(text, lambda n: n <= CLAIM_LABEL_CHARS)
        else:
            length = longest_fitting(text, lambda n: line_count(
                shown(n), label.font(), width) <= CLAIM_LABEL_LINES)
        label.setText(shown(length or min(len(text), CLAIM_LABEL_CHARS)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_claim_label()

    def _fill_evidence(self) -> None:
        table = self.evidence_table
        table.setRowCount(len(self.evidence))
        for row, ev in enumerate(self.evidence):
            for column, value in enumerate((ev.url, ev.title, ev.note)):
                # the address without its scheme and "www." (cut in its middle to fit)
                shown = elide_url(value, len(value)) if column == 0 else value
                item = QTableWidgetItem(" ".join(shown.split()))
                item.setToolTip(value)
                table.setItem(row, column, item)
        count = len(self.evidence)
        self.evidence_label.setText(f"Evidence ({count})" if count else "Evidence")
        self.evidence_label.setToolTip(
            f"{count} evidence item{'s' if count != 1 else ''} recorded for this claim"
            + ("; the table scrolls" if count > 1 else "") if count else
            "No evidence recorded for this claim yet: Add… records a source")
        self._enable_evidence_buttons()

    def _enable_evidence_buttons(self) -> None:
        """Edit, Remove and Open act on the selected row: enabled only with one."""
        selected = self.claim_id != 0 and self.selected_evidence() is not None \
            and bool(self.evidence_table.selectedItems())
        for name in ("edit", "remove", "open"):
            self.evidence_buttons[name].setEnabled(selected)

    def _fill_history(self, claim_id: int) -> None:
        """One line per change, newest first: who, what, before → after (a rationale by
        its first words, as text); the whole values in the line's tooltip."""
        self.history.clear()
        for entry in reversed(self.session.project.verdicts.history_for_claim(claim_id)[-50:]):
            old, new = _history_value(entry.field, entry.old), _history_value(entry.field,
                                                                              entry.new)
            item = QListWidgetItem(f"{entry.at[:16].replace('T', ' ')}  {entry.who}: "
                                   f"{entry.field} {elide_text(old, 40)} → {elide_text(new, 40)}")
            item.setToolTip(f"{entry.field}\nbefore: {old}\nafter: {new}")
            self.history.addItem(item)
        count = self.history.count()
        self.history_label.setText(f" History ({count})" if count else " History")

    # editing -------------------------------------------------------------------------------

    def _on_rating(self, index: int) -> None:
        if not self._loading and self.claim_id:
            self.session.push(SetVerdictField(self.claim_id, VerdictField.RATING,
                                              self.rating.itemData(index)))

    def _on_status(self, index: int) -> None:
        if not self._loading and self.claim_id:
            self.session.push(SetVerdictField(self.claim_id, VerdictField.STATUS,
                                              STATUSES[index]))

    def edit_statement(self) -> None:
        self.statement.edit()

    def edit_rationale(self) -> None:
        if not self.claim_id:
            return
        self.rationale.setFocus(Qt.FocusReason.ShortcutFocusReason)
        cursor = self.rationale.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.rationale.setTextCursor(cursor)

    def commit_rationale(self, *, leave: bool = True) -> None:
        if not self.claim_id:
            return
        value = self.rationale.current_value()
        if value != self.rationale.committed:
            claim_id = self.claim_id
            if self.session.push(SetVerdictField(claim_id, VerdictField.RATIONALE, value)):
                self.rationale.mark_committed(value)
                self.session.message.emit(f"rationale of claim {claim_id} saved", "info")
        self.draft_just_left = False
        if leave:
            self.left_editor.emit()

    # the draft (typed, not committed) ------------------------------------------------------

    @property
    def has_draft(self) -> bool:
        return bool(self.claim_id) and self.rationale.dirty

    def _on_leave(self) -> None:
        """Esc: out of the editor; a draft stays, visibly unsaved."""
        self.draft_just_left = self.has_draft
        if self.draft_just_left:
            self.session.message.emit(
                f"the rationale draft of claim {self.claim_id} is kept, not saved: "
                "e continues it, Ctrl+Enter saves it", "info")
        self.left_editor.emit()

    def _on_draft_changed(self, dirty: bool) -> None:
        self.draft_line.setVisible(dirty)
        if not dirty:
            self.draft_just_left = False
        self.draft_changed.emit(dirty)

    def take_back_draft(self) -> bool:
        """Ctrl+Z right after Esc: the draft first, before any project edit is undone.
        True when that is what happened (the draft is shown, nothing undone)."""
        if not (self.draft_just_left and self.has_draft):
            return False
        self.draft_just_left = False
        undo = self.session.undo_stack.undo_text()
        more = f"; Ctrl+Z again undoes {undo}" if undo else ""
        self.session.message.emit(
            f"the rationale draft of claim {self.claim_id} is back: e continues it, "
            f"Ctrl+Enter saves it{more}", "info")
        self.rationale.ensureCursorVisible()
        return True

    def discard_draft(self) -> None:
        """Back to the saved rationale; Ctrl+Z in the editor brings the draft back."""
        if self.has_draft:
            self.rationale.restore()
            self.session.message.emit("draft discarded (Ctrl+Z in the editor brings it "
                                      "back)", "info")

    def selected_evidence(self) -> Evidence | None:
        row = self.evidence_table.currentRow()
        return self.evidence[row] if 0 <= row < len(self.evidence) else None

    def add_evidence(self) -> None:
        if not self.claim_id:
            return
        dialog = EvidenceDialog(self)
        if dialog.exec():
            v = dialog.values()
            self.session.push(AddEvidence(self.claim_id, v["url"], v["title"], v["note"]))
        dialog.deleteLater()

    def edit_evidence(self) -> None:
        ev = self.selected_evidence()
        if ev is None:
            return
        dialog = EvidenceDialog(self, url=ev.url, title=ev.title, note=ev.note)
        if dialog.exec():
            values = {k: v for k, v in dialog.values().items() if getattr(ev, k) != v}
            if values:
                self.session.push(EditEvidence(ev.id, values))
        dialog.deleteLater()

    def remove_evidence(self) -> None:
        ev = self.selected_evidence()
        if ev is not None:
            self.session.push(RemoveEvidence(ev.id))

    def open_evidence(self, row: int | None = None) -> None:
        row = self.evidence_table.currentRow() if row is None else row
        if 0 <= row < len(self.evidence):
            QDesktopServices.openUrl(QUrl.fromUserInput(self.evidence[row].url))

    def on_changed(self, changes) -> None:  # ChangeSet
        self.draft_just_left = False  # a project edit came after Esc: Ctrl+Z is its undo
        if changes.settings:
            self._loading = True
            self._fill_ratings()
            self._loading = False
            self.reload(keep_rationale=self.rationale.dirty)
        elif self.claim_id and (changes.verdicts or changes.claims) and (
                not changes.claim_ids or self.claim_id in changes.claim_ids):
            self.reload(keep_rationale=self.rationale.dirty)


def _history_value(field: str, value: str | None) -> str:
    """A history value as the checker reads it: a rationale as plain text, "—" for none."""
    if not value:
        return "—"
    if field == VerdictField.RATIONALE:
        value = html_to_text(value)
    return " ".join(value.split()) or "—"

