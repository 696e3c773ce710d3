"""The main window: the composition root that puts panes, docks, actions and status together.

Features live in their own modules; this one builds them for an open project, keeps the
window title (project name and saved state) and the layout, and owns the background
task runner. No project open: the welcome page is the central widget.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from factdesk.gui import checker_dialog, file_actions, window_actions
from factdesk.gui import layout as screen_layout
from factdesk.gui import settings as user
from factdesk.gui.actions import ActionRegistry
from factdesk.gui.dialogs import Dialogs
from factdesk.gui.errors import readable_error
from factdesk.gui.status_area import StatusArea
from factdesk.gui.welcome import WelcomePage
from factdesk.gui.workers import TaskRunner
from factdesk.model.changes import ChangeSet

if TYPE_CHECKING:
    from factdesk.core.project import Project
    from factdesk.gui.damage_check import DamageCheck
    from factdesk.gui.session import Session
    from factdesk.gui.workspace import Workspace

log = logging.getLogger(__name__)

DOCKS = (  # object name, title, area
    ("articlesDock", "Articles", Qt.DockWidgetArea.LeftDockWidgetArea),
    ("claimsDock", "Claims", Qt.DockWidgetArea.LeftDockWidgetArea),
    ("acrossDock", "Across sources", Qt.DockWidgetArea.RightDockWidgetArea),
    ("verdictDock", "Verdict", Qt.DockWidgetArea.RightDockWidgetArea),
    ("messagesDock", "Messages", Qt.DockWidgetArea.BottomDockWidgetArea),
)


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some systems
        return ""


def _project_key(path: Path) -> str:
    return hashlib.sha1(str(Path(path).resolve()).encode()).hexdigest()[:12]


class MainWindow(QMainWindow):
    """FactDesk's one window."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.session: Session | None = None
        self.workspace: Workspace | None = None
        self.damage_check: DamageCheck | None = None
        self.runner = TaskRunner(self)
        self.registry = ActionRegistry(self, self)
        self.status = StatusArea(self.statusBar())
        self.welcome = WelcomePage()
        self.stack = QStackedWidget()
        self.welcome_area = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.welcome_area.setWidget(self.welcome)  # so that it never sets a minimum size
        self.stack.addWidget(self.welcome_area)
        self.setCentralWidget(self.stack)
        self.docks: dict[str, QDockWidget] = {}
        for name, title, area in DOCKS:
            dock = QDockWidget(title, self)
            dock.setObjectName(name)
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                             | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                             | QDockWidget.DockWidgetFeature.DockWidgetClosable)
            self.addDockWidget(area, dock)
            self.docks[name] = dock
        self.docks["messagesDock"].setWidget(self.status.messages)
        self.layout_name = screen_layout.chosen_layout()
        screen_layout.arrange(self, self.docks, self.layout_name)
        self.docks["messagesDock"].hide()
        self.files = file_actions.FileActions(self)
        self.dialogs = Dialogs(self)
        self.registry.add(window_actions.ALL_ACTIONS)
        self.registry.install(self)
        self.menus = self.registry.build_menus(self)
        self.status.cancel_requested.connect(self.runner.cancel)
        self.runner.started.connect(self.status.job_started)
        self.runner.progress.connect(self.status.job_progress)
        self.runner.partial.connect(self._on_partial)
        self.runner.finished.connect(self._on_job_finished)
        self.welcome.new_requested.connect(self.files.new_project)
        self.welcome.open_requested.connect(self.files.open_dialog)
        self.welcome.demo_requested.connect(self.files.open_demo)
        self.welcome.recent_chosen.connect(self.open_project)
        self._restore_geometry()
        self.show_welcome()

    # project lifecycle ---------------------------------------------------------------------

    def open_project(self, path: Path, claim_id: int = 0) -> bool:
        """Open ``path`` (closing the current project); False with a message on failure."""
        # lazy: storage, the session and the panes load after the window's first paint
        from factdesk.core.opening import open_project
        from factdesk.gui.session import Session
        from factdesk.gui.workspace import Workspace
        from factdesk.storage.database import ProjectFileError
        from factdesk.storage.lock import ProjectLocked

        path = Path(path)
        if not self.settle_draft(f"opening {path.name}"):
            return False
        if self.session is not None and self.session.project.path.resolve() == path.resolve():
            self.close_project()  # reopening: let go of our own lock first

        def view_when_locked(exc: ProjectLocked) -> bool:
            answer = QMessageBox.question(
                self, "Project in use",
                f"{exc}\n\nOpen a read-only view of it? Edits are then not possible.",
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Open)
            return answer == QMessageBox.StandardButton.Open

        try:
            project = open_project(path, "edit", create=not path.exists(), backup=True,
                                   view_when_locked=view_when_locked)
        except ProjectLocked:
            return False  # the checker chose not to open a view
        except ProjectFileError as exc:
            self.message(f"cannot open {path.name}: {readable_error(exc)}", "error")
            if exc.kind == "corrupt":  # say the way back, not only that it failed
                from factdesk.core.checking import way_back
                from factdesk.gui.damage_check import show_damage_box

                show_damage_box(self, f"{readable_error(exc)}.\n\nTo get the work back: "
                                f"{way_back(path)}.")
            if exc.kind in ("not-sqlite", "foreign"):  # not a project: say what it is
                from factdesk.gui.file_actions import not_a_project

                not_a_project(self, path, readable_error(exc))
            return False
        except Exception as exc:  # shown as a sentence
            self.message(f"cannot open {path.name}: {readable_error(exc)}", "error")
            return False
        self.close_project()
        if project.upgrade_note:
            self.message(project.upgrade_note, "info")
        if project.view_reason:
            self.message(f"{path.name} {project.view_reason}: this is a read-only view",
                         "warning")
        self.identify_checker(project)
        if self.damage_check is None:
            from factdesk.gui.damage_check import DamageCheck  # lazy: after the first paint

            self.damage_check = DamageCheck(self)
        self.damage_check.start(path)  # in the background: damage is said, not waited for
        session = Session(project, self)
        self.session = session
        project.warm_up_search()  # a large project's first search need not wait for it
        self.workspace = ws = Workspace(session)
        ws.article.set_font_size(user.get_int("ui/article_font_size", 12))
        self.stack.addWidget(ws.article)
        self.stack.setCurrentWidget(ws.article)
        for widget in ws.widgets():
            screen_layout.compact(widget)
        for name, widget in (("articlesDock", ws.articles), ("claimsDock", ws.claims),
                             ("acrossDock", ws.across), ("verdictDock", ws.verdict)):
            self.docks[name].setWidget(widget)
            self.docks[name].show()
        if not screen_layout.restore_state(self, self.layout_name):
            screen_layout.arrange(self, self.docks, self.layout_name)
            screen_layout.default_sizes(self, self.docks, self.layout_name)
        session.message.connect(self.message)
        ws.across.import_requested.connect(self.files.import_archive_dialog)
        session.analysis_requested.connect(self.files.analyse_claims)
        session.articles_redated.connect(self.files.reanalyse_articles)
        session.save_state_changed.connect(lambda _s: self.update_title())
        session.undo_changed.connect(self._update_undo_titles)
        ws.verdict.draft_changed.connect(lambda _d: (self.update_title(),
                                                     self.registry.refresh_enabled()))
        for signal in (session.claim_selected, session.article_selected, session.changed,
                       session.undo_changed):
            signal.connect(self._after_session_signal)
        session.changed.connect(self._update_counts)
        session.changed.connect(self._on_settings_changed)
        window_actions.refresh_rating_titles(self.registry, self)
        user.remember_project(path)
        remembered = int(user.user_settings().value(f"projects/{_project_key(path)}/claim", 0)
                         or 0)
        ws.start(claim_id or remembered)
        ws.article.body.setFocus()
        self.update_title()
        self._update_counts(ChangeSet())
        self._update_undo_titles()
        self.registry.refresh_enabled()
        return True

    def close_project(self) -> None:
        if self.damage_check is not None:
            self.damage_check.forget()
        session, ws = self.session, self.workspace
        if session is not None and ws is not None:
            if ws.verdict.rationale.dirty:
                ws.verdict.commit_rationale()  # saved while the lock is still ours
            self.runner.shutdown()
        if session is None or ws is None:
            return
        user.set_value(f"projects/{_project_key(session.path)}/claim", session.claim_id)
        self._save_layout()
        for name in ("articlesDock", "claimsDock", "acrossDock", "verdictDock"):
            self.docks[name].setWidget(None)  # type: ignore[arg-type]
        for widget in ws.widgets():
            widget.setParent(None)
            widget.deleteLater()
        self.session = self.workspace = None
        session.close()
        session.deleteLater()
        self.show_welcome()

    def show_welcome(self) -> None:
        self.stack.setCurrentWidget(self.welcome_area)
        self.welcome.refresh()
        for name, dock in self.docks.items():
            if name != "messagesDock":
                dock.hide()
        self.update_title()
        self.status.set_counts("")
        self.registry.refresh_enabled()

    def identify_checker(self, project: Project | None = None) -> None:
        """Edits made in this window are the user's (Preferences ▸ General), not the
        project's default checker's nor the operating-system account's."""
        project = project or (self.session.project if self.session else None)
        if project is None:
            return
        name, organisation = checker_dialog.checker_name(), checker_dialog.organisation()
        project.act_as(name or None)
        if project.read_only:
            return
        # a project without them takes them as its defaults (reports, command-line edits);
        # a default checker that is this machine's login name was set silently by older
        # versions ("Checked by root") and is replaced too
        login = _login_name()
        for key, value in (("checker", name), ("organisation", organisation)):
            current = project.settings.get(key)
            if value and (not current or (key == "checker" and current == login)):
                project.settings.set(key, value)

    def ask_checker(self) -> None:
        """First use: ask once who is checking, then put the answer to work."""
        if checker_dialog.ask_once(self) and self.session is not None:
            self.identify_checker()
            self.session.broadcast(ChangeSet(settings=True))

    # window state --------------------------------------------------------------------------

    def update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle("FactDesk")
            self.status.set_saved("")
            return
        state = self.session.save_state
        if self.workspace is not None and self.workspace.verdict.has_draft:
            state += " · rationale draft not saved"
        self.setWindowTitle(f"FactDesk — {self.session.name} — {state}")
        self.status.set_saved(state)

    def _update_counts(self, _changes: ChangeSet) -> None:
        if self.workspace is None:
            return
        summaries = self.workspace.session.summaries().values()
        judged = sum(s.verdicts for s in summaries)
        total = self.workspace.claims.model.total()
        self.status.set_counts(f"{len(summaries)} articles · {total:,} claims · {judged} rated")

    def _update_undo_titles(self) -> None:
        stack = self.session.undo_stack if self.session else None
        undo = stack.undo_text() if stack else ""
        redo = stack.redo_text() if stack else ""
        self.registry.set_title("edit.undo", f"&Undo {undo}" if undo else "&Undo")
        self.registry.set_title("edit.redo", f"&Redo {redo}" if redo else "&Redo")

    def _on_settings_changed(self, changes: ChangeSet) -> None:
        if changes.settings:
            window_actions.refresh_rating_titles(self.registry, self)

    def _after_session_signal(self, *_args: object) -> None:
        self.registry.refresh_enabled()

    def message(self, text: str, level: str = "info") -> None:
        self.status.show_message(text, level)

    def broadcast(self, changes: ChangeSet) -> None:
        if self.session is not None:
            self.session.broadcast(changes)

    def reset_layout(self) -> None:
        """The current layout's default places and sizes (View ▸ Reset the layout)."""
        screen_layout.arrange(self, self.docks, self.layout_name)
        if self.session is not None:
            for name in ("articlesDock", "claimsDock", "acrossDock", "verdictDock"):
                self.docks[name].show()
        self.docks["messagesDock"].hide()
        screen_layout.default_sizes(self, self.docks, self.layout_name)

    def switch_layout(self) -> None:
        """Between the standard and the small-screen layout; each keeps its own sizes."""
        if self.session is not None:
            screen_layout.save_state(self, self.layout_name)
        self.layout_name = (screen_layout.SMALL if self.layout_name == screen_layout.STANDARD
                            else screen_layout.STANDARD)
        user.set_value("window/layout", self.layout_name)
        if self.session is None:
            screen_layout.arrange(self, self.docks, self.layout_name)
        elif not screen_layout.restore_state(self, self.layout_name):
            self.reset_layout()
        self.message(f"{self.layout_name} layout"
                     + (" (o: across sources / verdict)"
                        if self.layout_name == screen_layout.SMALL else ""))

    def toggle_across(self) -> None:
        """o: across sources into view; pressed again (in the small-screen layout, where
        it shares a tab with the verdict), back to the verdict."""
        across, verdict = self.docks["acrossDock"], self.docks["verdictDock"]
        shown = across.isVisible() and not across.visibleRegion().isEmpty()
        if shown and self.tabifiedDockWidgets(across):
            verdict.show()
            verdict.raise_()
        else:
            across.show()
            across.raise_()

    def _restore_geometry(self) -> None:
        geometry = user.user_settings().value("window/geometry")
        if isinstance(geometry, QByteArray | bytes) and self.restoreGeometry(geometry):
            return
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None:
            self.resize(1440, 900)
            return
        self.resize(min(1440, screen.width()), min(900, screen.height()))
        if screen.width() <= 1440 or screen.height() <= 900:
            # a window as large as the screen would put its status bar (where every
            # message is said) under a window manager's title bar below the screen's
            # edge (1366x768 under openbox: 20 px); maximised, the manager fits it
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def _save_layout(self) -> None:
        settings = user.user_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.sync()
        if self.session is not None:
            screen_layout.save_state(self, self.layout_name)

    # background jobs -----------------------------------------------------------------------

    def _on_partial(self, changes: ChangeSet) -> None:
        self.broadcast(changes)

    def _on_job_finished(self, title: str, ok: bool, message: str) -> None:
        self.status.job_finished()
        if self.session is not None:
            self.session.writer_finished()
        if ok:
            self.message(message or f"{title}: done", "info")
        else:
            self.message(f"{title} failed: {message}", "error")
        self.registry.refresh_enabled()

    # drag and drop -------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt override
        if event.mimeData().hasUrls() and self.session is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # Qt override
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files.import_paths(paths)

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt override
        if not self.settle_draft("quitting"):
            event.ignore()
            return
        self._save_layout()
        self.close_project()
        self._save_layout()
        self.runner.shutdown()
        super().closeEvent(event)

    def after_first_paint(self, callback) -> None:  # a callable
        """Run ``callback`` once the window has painted (so it appears before slow work)."""
        window = self

        class _Once(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if watched is window and event.type() == QEvent.Type.Paint:
                    window.removeEventFilter(self)
                    QTimer.singleShot(0, callback)
                    self.deleteLater()
                return False

        self.installEventFilter(_Once(self))

    def pane(self, name: str) -> QWidget | None:
        return getattr(self.workspace, name, None) if self.workspace else None

    # the verbs actions may use (factdesk.gui.desk.Desk) -----------------------------------

    def background_busy(self) -> bool:
        return self.runner.busy

    def cancel_background(self) -> None:
        self.runner.cancel()

    def quit(self) -> None:
        self.close()

    def toggle_dock(self, name: str) -> None:
        dock = self.docks[name]
        dock.setVisible(not dock.isVisible())

    def reveal_pane(self, name: str) -> None:
        widget = self.pane(name)
        dock = widget.parentWidget() if widget is not None else None
        if isinstance(dock, QDockWidget):
            dock.show()
            dock.raise_()

    def focus_pane(self, name: str) -> None:
        widget = self.pane(name)
        if widget is None:
            return
        self.reveal_pane(name)
        widget.setFocus()
        target = widget.focusProxy() or widget
        if not target.isVisible():  # e.g. Ctrl+5 on a claim without matches or checks
            self.message("this claim has no matches across sources (and no earlier checks)"
                         if name == "across" else f"nothing to focus in the {name} pane",
                         "warning")

    def settle_draft(self, doing: str) -> bool:
        ws = self.workspace
        if ws is None or not ws.verdict.has_draft:
            return True
        buttons = QMessageBox.StandardButton
        self.reveal_pane("verdict")
        answer = QMessageBox.question(
            self, "Unsaved rationale",
            f"The rationale of claim {ws.verdict.claim_id} has a draft that is not saved.\n\n"
            f"Save it before {doing}?",
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer == buttons.Save:
            ws.verdict.commit_rationale(leave=False)
            return not ws.verdict.has_draft
        if answer == buttons.Discard:
            ws.verdict.rationale.restore()
            return True
        return False
