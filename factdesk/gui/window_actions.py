"""Every action of the window, declared as data for the registry, with its small handler.

Navigation and editing handlers reach the panes through the window's workspace and run
edits through the session; nothing here knows about menus or key handling.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from factdesk.gui import settings as user
from factdesk.gui import theme
from factdesk.gui.actions import ActionSpec

if TYPE_CHECKING:
    from factdesk.gui.main_window import MainWindow
    from factdesk.gui.workspace import Workspace


def declare(w: MainWindow) -> list[ActionSpec]:  # noqa: C901 - a flat list of declarations
    """The registry's contents: id, title, key, menu, enabled-when, callback."""

    def ws() -> Workspace:
        assert w.workspace is not None
        return w.workspace

    def has_project() -> bool:
        return w.workspace is not None

    def has_claim() -> bool:
        return w.session is not None and bool(w.session.claim_id)

    def has_match() -> bool:
        return w.workspace is not None and w.workspace.across.current_match() is not None

    def with_ws(fn: Callable[[Workspace], object]) -> Callable[[], None]:
        def run() -> None:
            if w.workspace is not None:
                fn(w.workspace)
        return run

    def next_article(delta: int) -> None:
        article_id = ws().articles.step(delta)
        first = ws().first_claim_of(article_id)
        if first:
            ws().session.select_claim(first)

    def next_claim(delta: int) -> None:
        """j / k: through the claims list; past either end, into the next article."""
        session = ws().session
        before = session.claim_id
        ws().claims.step(delta)
        if session.claim_id != before or ws().claims.scope.currentIndex() != 0:
            return
        ids = ws().articles.ordered_ids()
        if session.article_id not in ids:
            return
        i = ids.index(session.article_id) + delta
        while 0 <= i < len(ids):
            claims = ws().claims.model.article_claim_ids(ids[i])
            if claims:
                session.select_claim(claims[0] if delta > 0 else claims[-1])
                return
            i += delta

    def rate(key: str) -> None:
        rating = ws().session.scale().by_key(key)
        if rating is None:
            w.message(f"no rating has the key {key} in this project's scale", "warning")
            return
        ws().verdict.set_rating(rating.name)

    def mark_claim() -> None:
        span = ws().article.selected_span()
        if span is None:
            w.message("select some text of the article first (Shift+arrows or the mouse), "
                      "then press m", "warning")
            return
        from factdesk.core.commands import MarkClaim

        command = MarkClaim(ws().session.article_id, *span)
        if ws().session.push(command) and command.claim_id:
            ws().session.select_claim(command.claim_id)

    def delete_claim() -> None:
        session = ws().session
        claim_id = session.claim_id
        row = ws().claims.model.row_of(claim_id)
        from factdesk.core.commands import DeleteClaim

        if session.push(DeleteClaim(claim_id)):
            model = ws().claims.model
            nxt = model.claim_id(min(row, model.rowCount() - 1)) if model.rowCount() else 0
            session.select_claim(nxt)

    def adjust(edge: str, forward: bool) -> None:
        session = ws().session
        claim = session.project.claims.get(session.claim_id)
        if claim is None:
            return
        from factdesk.gui.article_view import word_end_step, word_step

        text = ws().article.text
        start, end = claim.start, claim.end
        if edge == "start":
            start = word_step(text, start, forward)
        else:
            end = word_end_step(text, end, forward)
        if start < end and (start, end) != (claim.start, claim.end):
            from factdesk.core.commands import ChangeClaimSpan

            session.push(ChangeClaimSpan(claim.id, start, end))

    def set_theme(name: str) -> None:
        user.set_value("ui/theme", name)
        theme.apply_theme(QApplication.instance(), name)  # type: ignore[arg-type]
        w.broadcast(_settings_changed())

    def font_step(delta: int) -> None:
        size = max(8, min(32, user.get_int("ui/article_font_size", 12) + delta))
        user.set_value("ui/article_font_size", size)
        ws().article.set_font_size(size)

    def focus(name: str) -> Callable[[], None]:
        def run() -> None:
            widget = w.pane(name)
            if widget is not None:
                dock = widget.parentWidget()
                if dock is not None and hasattr(dock, "raise_"):
                    dock.show()
                    dock.raise_()
                widget.setFocus()
        return run

    def toggle_dock(name: str) -> Callable[[], None]:
        def run() -> None:
            dock = w.docks[name]
            dock.setVisible(not dock.isVisible())
        return run

    from factdesk.gui.dialogs import Dialogs

    dialogs = Dialogs(w)
    f = w.files
    specs = [
        ActionSpec("file.new", "&New project…", f.new_project, "Ctrl+N", "File"),
        ActionSpec("file.open", "&Open project…", f.open_dialog, "Ctrl+O", "File"),
        ActionSpec("file.demo", "Open the &demo project", f.open_demo, "", "File"),
        ActionSpec("import.files", "&Import articles…", f.import_dialog, "Ctrl+I", "File",
                   has_project),
        ActionSpec("import.folder", "Import a &folder…", f.import_folder_dialog,
                   "Ctrl+Shift+I", "File", has_project),
        ActionSpec("import.paste", "&Paste as article…", f.paste_article, "Ctrl+Shift+V",
                   "Edit", has_project),
        ActionSpec("import.edit_article", "Edit article &details…", f.edit_article,
                   "Ctrl+Shift+D", "File", has_project),
        ActionSpec("import.remove_article", "&Remove this article…", f.remove_article, "",
                   "File", has_project),
        ActionSpec("import.reanalyse", "Detect claims in this article again",
                   f.reanalyse_article, "", "Claim", has_project),
        ActionSpec("import.cancel", "Cancel background work", w.runner.cancel, "",
                   "File", lambda: w.runner.busy),
        ActionSpec("export.report", "&Export report…", f.export_dialog, "Ctrl+E", "File",
                   has_project),
        ActionSpec("project.close", "&Close project", w.close_project, "Ctrl+W", "File",
                   has_project),
        ActionSpec("app.quit", "&Quit", w.close, "Ctrl+Q", "File",
                   role=QAction.MenuRole.QuitRole),
        ActionSpec("edit.undo", "&Undo", lambda: w.session and w.session.undo(), "Ctrl+Z",
                   "Edit", lambda: bool(w.session and w.session.undo_stack.can_undo)),
        ActionSpec("edit.redo", "&Redo", lambda: w.session and w.session.redo(),
                   "Ctrl+Shift+Z", "Edit",
                   lambda: bool(w.session and w.session.undo_stack.can_redo)),
        ActionSpec("edit.search", "&Search everything…", dialogs.search, "/", "Edit",
                   has_project),
        ActionSpec("edit.palette", "Command &palette…", dialogs.palette, "Ctrl+K", "Edit"),
        ActionSpec("edit.preferences", "P&references…", dialogs.preferences, "Ctrl+,",
                   "Edit", role=QAction.MenuRole.PreferencesRole),
        ActionSpec("go.next_claim", "&Next claim", lambda: next_claim(1), "J",
                   "Go", has_project),
        ActionSpec("go.prev_claim", "&Previous claim", lambda: next_claim(-1), "K", "Go", has_project),
        ActionSpec("go.next_article", "Next &article", lambda: next_article(1), "Shift+J",
                   "Go", has_project),
        ActionSpec("go.prev_article", "Previous a&rticle", lambda: next_article(-1),
                   "Shift+K", "Go", has_project),
        ActionSpec("go.next_match", "Next &match", with_ws(lambda s: s.across.step(1)), "N",
                   "Go", has_match),
        ActionSpec("go.prev_match", "Previous matc&h", with_ws(lambda s: s.across.step(-1)),
                   "P", "Go", has_match),
        ActionSpec("focus.article", "Focus the article text", focus("article"), "Ctrl+1",
                   "Go", has_project),
        ActionSpec("focus.claims", "Focus the claims list", focus("claims"), "Ctrl+2", "Go",
                   has_project),
        ActionSpec("focus.articles", "Focus the articles list", focus("articles"), "Ctrl+3",
                   "Go", has_project),
        ActionSpec("focus.verdict", "Focus the verdict editor", focus("verdict"), "Ctrl+4",
                   "Go", has_project),
        ActionSpec("match.accept", "&Accept match (same fact)",
                   with_ws(lambda s: s.across.decide("accepted")), "A", "Claim", has_match),
        ActionSpec("match.reject", "Re&ject match", with_ws(lambda s: s.across.decide("rejected")),
                   "X", "Claim", has_match),
        ActionSpec("claim.mark", "&Mark selection as a claim", mark_claim, "M", "Claim",
                   has_project),
        ActionSpec("claim.delete", "&Delete claim", delete_claim, "Delete", "Claim",
                   has_claim),
        ActionSpec("claim.start_left", "Start one word earlier", lambda: adjust("start", False),
                   "Alt+Left", "Claim/Boundaries", has_claim),
        ActionSpec("claim.start_right", "Start one word later", lambda: adjust("start", True),
                   "Alt+Right", "Claim/Boundaries", has_claim),
        ActionSpec("claim.end_left", "End one word earlier", lambda: adjust("end", False),
                   "Alt+Shift+Left", "Claim/Boundaries", has_claim),
        ActionSpec("claim.end_right", "End one word later", lambda: adjust("end", True),
                   "Alt+Shift+Right", "Claim/Boundaries", has_claim),
        ActionSpec("claim.show_candidates", "Show all &candidates",
                   with_ws(lambda s: s.session.set_show_candidates(
                       not s.session.show_candidates)),
                   "C", "View", has_project,
                   help="highlight and list every claim candidate, not only the claims "
                        "worth checking (press again to go back)"),
        ActionSpec("claim.all_articles", "Show claims of all articles",
                   with_ws(lambda s: s.claims.set_all_articles(s.claims.scope.currentIndex()
                                                               == 0)),
                   "Ctrl+Shift+A", "View", has_project),
        ActionSpec("verdict.edit_rationale", "&Edit rationale",
                   with_ws(lambda s: s.verdict.edit_rationale()), "E", "Verdict", has_claim),
        ActionSpec("verdict.edit_statement", "State the claim as &checked",
                   with_ws(lambda s: s.verdict.edit_statement()), "T", "Verdict", has_claim),
        ActionSpec("verdict.cycle_status", "Cycle &status",
                   with_ws(lambda s: s.verdict.cycle_status()), "S", "Verdict", has_claim),
        ActionSpec("verdict.clear_rating", "Clear rating",
                   with_ws(lambda s: s.verdict.set_rating(None)), "0", "Verdict/Rating",
                   has_claim),
        ActionSpec("verdict.add_evidence", "Add e&vidence…",
                   with_ws(lambda s: s.verdict.add_evidence()), "Ctrl+Shift+E", "Verdict",
                   has_claim),
    ]
    for key in "123456789":
        specs.append(ActionSpec(f"verdict.rate_{key}", f"Rate with key {key}",
                                lambda k=key: rate(k), key, "Verdict/Rating", has_claim))
    for name, title in (("articlesDock", "Articles"), ("claimsDock", "Claims"),
                        ("acrossDock", "Across sources"), ("verdictDock", "Verdict"),
                        ("messagesDock", "Messages")):
        specs.append(ActionSpec(f"view.{name}", f"Show or hide {title}", toggle_dock(name),
                                "", "View"))
    specs += [
        ActionSpec("view.reset_layout", "Reset the layout", w.reset_layout, "", "View"),
        ActionSpec("view.font_bigger", "Bigger article text", lambda: font_step(1), "Ctrl+=",
                   "View", has_project),
        ActionSpec("view.font_smaller", "Smaller article text", lambda: font_step(-1),
                   "Ctrl+-", "View", has_project),
        ActionSpec("view.theme_light", "Light theme", lambda: set_theme("light"), "",
                   "View/Theme"),
        ActionSpec("view.theme_dark", "Dark theme", lambda: set_theme("dark"), "", "View/Theme"),
        ActionSpec("view.theme_system", "System theme", lambda: set_theme("system"), "",
                   "View/Theme"),
        ActionSpec("help.shortcuts", "Keyboard &shortcuts", dialogs.shortcut_sheet, "?",
                   "Help"),
        ActionSpec("help.shortcut_editor", "Keyboard shortcuts &editor…",
                   dialogs.shortcut_editor, "", "Help"),
        ActionSpec("help.about", "&About FactDesk", dialogs.about, "", "Help",
                   role=QAction.MenuRole.AboutRole),
    ]
    return specs


def _settings_changed():  # noqa: ANN202 - ChangeSet
    from factdesk.model.changes import ChangeSet

    return ChangeSet(settings=True)


def refresh_rating_titles(w: MainWindow) -> None:
    """Name the rating actions after the project's scale (e.g. "Rate: False (5)")."""
    scale = w.session.scale() if w.session else None
    for key in "123456789":
        rating = scale.by_key(key) if scale else None
        title = f"Rate: {rating.name}" if rating else f"Rate with key {key}"
        w.registry.set_title(f"verdict.rate_{key}", title)
