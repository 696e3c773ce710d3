"""The open project as seen by the window: selection, undo stack and the change broadcast.

``Session`` is the one place that runs edits. Every command goes through :meth:`push`,
:meth:`undo` or :meth:`redo`, and the resulting ``ChangeSet`` is broadcast once on
``changed``; each pane decides for itself whether it needs to refresh. Selection (the
current article, claim and match) lives here too, so panes follow each other without
knowing each other.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from factdesk.core.commands import Command, CommandError, UndoStack
from factdesk.core.project import Project
from factdesk.model.changes import ChangeSet
from factdesk.model.ratings import RatingScale
from factdesk.model.triage import ArticleCut, Triage, shown_by_default
from factdesk.storage.articles import ArticleSummary

log = logging.getLogger(__name__)


class Session(QObject):
    """One open project with its selection and history of edits."""

    changed = Signal(object)  # ChangeSet
    article_selected = Signal(int)  # 0: none
    claim_selected = Signal(int)  # 0: none
    match_selected = Signal(int)  # 0: none
    undo_changed = Signal()
    save_state_changed = Signal(str)  # "saved" / "saving…"
    message = Signal(str, str)  # text, level ("info", "warning", "error")
    analysis_requested = Signal(object)  # list of claim ids marked or moved by hand
    articles_redated = Signal(object)  # list of article ids whose date changed
    triage_changed = Signal()  # "show all candidates" toggled, or the claim threshold changed

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.undo_stack = UndoStack(project)
        self.article_id = 0
        self.claim_id = 0
        self.match_id = 0
        self.save_state = "saved"
        self.busy_writers = 0
        self._scale: RatingScale | None = None
        self._summaries: dict[int, ArticleSummary] | None = None
        self._cuts: dict[int, ArticleCut] | None = None  # kept over verdict edits
        self.show_candidates = False  # every claim candidate, not only those worth checking
        self._triage: Triage | None = None

    # facts the panes share -----------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self.project.path

    @property
    def name(self) -> str:
        return self.project.name

    def scale(self) -> RatingScale:
        if self._scale is None:
            self._scale = self.project.rating_scale()
        return self._scale

    def summaries(self) -> dict[int, ArticleSummary]:
        """Article summaries by id (shown counts and each article's triage cut, from the
        project's claim threshold and share), cached until the next change of articles,
        claims, verdicts or settings; the cuts are kept over a verdict edit."""
        if self._summaries is None:
            self._summaries = {s.id: s for s in self.project.articles.summaries(
                self.triage(), self._cuts)}
            self._cuts = {aid: s.cut for aid, s in self._summaries.items()}
        return self._summaries

    def cut(self, article_id: int) -> ArticleCut:
        """The article's triage cut (:mod:`factdesk.model.triage`), from the cached
        summaries: the lowest automatic claim it shows by default."""
        summary = self.summaries().get(article_id)
        return summary.cut if summary is not None else self.triage().open_cut()

    def cuts(self) -> dict[int, ArticleCut]:
        """Every article's triage cut, by article id."""
        return {aid: s.cut for aid, s in self.summaries().items()}

    def summary(self, article_id: int) -> ArticleSummary | None:
        return self.summaries().get(article_id)

    # selection ------------------------------------------------------------------------------

    def select_article(self, article_id: int) -> None:
        if article_id == self.article_id:
            return
        self.article_id = article_id
        self.article_selected.emit(article_id)
        if self.claim_id:
            claim = self.project.claims.get(self.claim_id)
            if claim is None or claim.article_id != article_id:
                self.select_claim(0)

    def select_claim(self, claim_id: int) -> None:
        if claim_id == self.claim_id:
            return
        if claim_id:
            claim = self.project.claims.get(claim_id)
            if claim is None:
                claim_id = 0
            elif claim.article_id != self.article_id:
                self.article_id = claim.article_id
                self.claim_id = claim_id
                self.article_selected.emit(claim.article_id)
        self.claim_id = claim_id
        self.match_id = 0
        self.claim_selected.emit(claim_id)

    def select_match(self, match_id: int) -> None:
        self.match_id = match_id
        self.match_selected.emit(match_id)

    # edits ----------------------------------------------------------------------------------

    def push(self, command: Command) -> bool:
        """Run one undoable edit; broadcast what changed. False (with a message) on refusal."""
        self._set_save_state("saving…")
        try:
            changes = self.undo_stack.push(command)
        except CommandError as exc:
            self._set_save_state("saved")
            self.message.emit(str(exc), "warning")
            return False
        self._after_write(changes)
        return True

    def undo(self) -> None:
        if not self.undo_stack.can_undo:
            return
        text = self.undo_stack.undo_text()
        changes = self.undo_stack.undo()
        self._after_write(changes)
        self._go_to(changes)
        self.message.emit(f"undone: {text}", "info")

    def redo(self) -> None:
        if not self.undo_stack.can_redo:
            return
        text = self.undo_stack.redo_text()
        changes = self.undo_stack.redo()
        self._after_write(changes)
        self._go_to(changes)
        self.message.emit(f"redone: {text}", "info")

    def triage(self) -> Triage:
        """The project's claim threshold and share (cached until settings change)."""
        if self._triage is None:
            self._triage = self.project.triage()
        return self._triage

    def claim_threshold(self) -> float:
        """The project's claim threshold: detected claims scoring less are candidates."""
        return self.triage().threshold

    def is_shown(self, article_id: int, claim_id: int, start: int, score: float,
                 origin: str, judged: bool = False) -> bool:
        """Whether a claim is shown now: all are while "show all candidates" is on; else
        those shown by default (:func:`factdesk.model.triage.shown_by_default`): worth
        checking and within the article's budget, marked by hand, or already judged."""
        return self.show_candidates or shown_by_default(
            score, start, origin, self.cut(article_id), judged, claim_id=claim_id)

    def set_show_candidates(self, on: bool) -> None:
        """Show every claim candidate (on) or only the claims worth checking (off)."""
        if on != self.show_candidates:
            self.show_candidates = on
            self.triage_changed.emit()

    def _go_to(self, changes: ChangeSet) -> None:
        """After undo or redo: select what it changed, so that the change is in view (the
        selected claim when it is among them, else the first that still exists, else the
        changed article)."""
        if self.claim_id and self.claim_id in changes.claim_ids:
            return  # already selected; each pane reloaded it from the change-set
        existing = self.project.claims.get_many(sorted(changes.claim_ids))
        if existing:
            self.select_claim(min(existing))
        elif changes.article_ids:
            self.select_article(min(changes.article_ids))

    def broadcast(self, changes: ChangeSet) -> None:
        """Tell every pane what changed (after an edit, a worker, or a settings change)."""
        if changes.settings:
            self._scale = None
            self._triage = None
        if changes.articles or changes.claims or changes.verdicts or changes.settings:
            self._summaries = None
        if changes.articles or changes.settings or changes.claims and not changes.article_ids:
            self._cuts = None
        elif changes.claims and self._cuts is not None:  # those articles' cuts may move
            for article_id in changes.article_ids:
                self._cuts.pop(article_id, None)
        # (a verdict does not move a cut: model/triage.py)
        if changes.claims and self.claim_id and self.claim_id in changes.claim_ids:
            if self.project.claims.get(self.claim_id) is None:
                self.claim_id = 0
                self.claim_selected.emit(0)
        self.changed.emit(changes)

    def _after_write(self, changes: ChangeSet) -> None:
        self.broadcast(changes)
        self.undo_changed.emit()
        self._set_save_state("saved")
        if changes.analyse_claim_ids:
            self.analysis_requested.emit(sorted(changes.analyse_claim_ids))
        if changes.analyse_article_ids:
            self.articles_redated.emit(sorted(changes.analyse_article_ids))

    # background writers (workers with their own connection) --------------------------------

    def writer_started(self) -> None:
        self.busy_writers += 1
        self._set_save_state("saving…")

    def writer_finished(self) -> None:
        self.busy_writers = max(0, self.busy_writers - 1)
        if not self.busy_writers:
            self._set_save_state("saved")

    def _set_save_state(self, state: str) -> None:
        if self.busy_writers and state == "saved":
            state = "saving…"
        if state != self.save_state:
            self.save_state = state
            self.save_state_changed.emit(state)

    def close(self) -> None:
        try:
            self.project.close()
        except Exception:  # closing must not raise at exit
            log.exception("closing the project failed")
