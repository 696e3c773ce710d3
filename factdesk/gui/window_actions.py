"""Every action of the window as data: module-level tables of :class:`ActionSpec`.

One table per menu. A row names the action's id, title, handler (from
:mod:`factdesk.gui.action_handlers`, or a verb of the window's
:class:`~factdesk.gui.desk.Desk`), default key, menu path and enabling condition. To add
an action, add a row here and a named handler there; the registry makes the QAction,
the menu entry, the palette entry and the shortcut-sheet line from it.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from factdesk.gui import action_handlers as h
from factdesk.gui.actions import ActionSpec as A

if TYPE_CHECKING:
    from factdesk.gui.actions import ActionRegistry
    from factdesk.gui.desk import Desk

_ROLE = QAction.MenuRole

DOCK_TITLES = (("articlesDock", "Articles"), ("claimsDock", "Claims"),
               ("acrossDock", "Across sources"), ("verdictDock", "Verdict"),
               ("messagesDock", "Messages"))

FILE_ACTIONS: tuple[A, ...] = (
    A("file.new", "&New project…", lambda d: d.files.new_project(), "Ctrl+N", "File"),
    A("file.open", "&Open project…", lambda d: d.files.open_dialog(), "Ctrl+O", "File"),
    A("file.demo", "Open the &demo project", lambda d: d.files.open_demo(), "", "File"),
    A("import.files", "&Import articles…", lambda d: d.files.import_dialog(), "Ctrl+I",
      "File", h.has_project),
    A("import.folder", "Import a &folder…", lambda d: d.files.import_folder_dialog(),
      "Ctrl+Shift+I", "File", h.has_project),
    A("import.archive", "Import &earlier fact-checks…",
      lambda d: d.files.import_archive_dialog(), "Ctrl+Shift+R", "File", h.has_project),
    A("import.paste", "&Paste as article…", lambda d: d.files.paste_article(),
      "Ctrl+Shift+V", "Edit", h.has_project),
    A("import.edit_article", "Edit article &details…", lambda d: d.files.edit_article(),
      "Ctrl+Shift+D", "File", h.can_edit_article),
    A("import.open_url", "Open the article's web address", h.open_article_url, "", "File",
      h.has_article_url),
    A("import.remove_article", "&Remove this article…", lambda d: d.files.remove_article(),
      "", "File", h.can_edit_article),
    A("import.reanalyse", "Detect claims in this article again",
      lambda d: d.files.reanalyse_article(), "", "Claim", h.can_edit_article),
    A("import.cancel", "Cancel background work", lambda d: d.cancel_background(), "",
      "File", h.background_busy),
    A("export.report", "&Export report…", lambda d: d.files.export_dialog(), "Ctrl+E",
      "File", h.has_project),
    A("project.close", "&Close project", h.close_project, "Ctrl+W", "File", h.has_project),
    A("app.quit", "&Quit", lambda d: d.quit(), "Ctrl+Q", "File", role=_ROLE.QuitRole),
)

EDIT_ACTIONS: tuple[A, ...] = (
    A("edit.undo", "&Undo", h.undo, "Ctrl+Z", "Edit", h.can_undo),
    A("edit.redo", "&Redo", h.redo, "Ctrl+Shift+Z", "Edit", h.can_redo),
    A("edit.search", "&Search everything…", lambda d: d.dialogs.search(), "/", "Edit",
      h.has_project),
    A("edit.palette", "Command &palette…", lambda d: d.dialogs.palette(), "Ctrl+K", "Edit"),
    A("edit.preferences", "P&references…", lambda d: d.dialogs.preferences(), "Ctrl+,",
      "Edit", role=_ROLE.PreferencesRole),
)

GO_ACTIONS: tuple[A, ...] = (
    A("go.next_claim", "&Next claim", partial(h.next_claim, delta=1), "J", "Go",
      h.has_project),
    A("go.prev_claim", "&Previous claim", partial(h.next_claim, delta=-1), "K", "Go",
      h.has_project),
    A("go.next_article", "Next &article", partial(h.next_article, delta=1), "Shift+J", "Go",
      h.has_project),
    A("go.prev_article", "Previous a&rticle", partial(h.next_article, delta=-1), "Shift+K",
      "Go", h.has_project),
    A("go.next_match", "Next &match", partial(h.next_match, delta=1), "N", "Go",
      h.has_match),
    A("go.prev_match", "Previous matc&h", partial(h.next_match, delta=-1), "P", "Go",
      h.has_match),
    A("go.open_match", "&Go to the match in its article", h.open_match, "G", "Go",
      h.has_match),
    A("go.next_conflict", "Next &conflicting match", h.next_conflict, "C", "Go",
      h.has_conflict),
    A("focus.article", "Focus the article text", partial(h.focus_pane, name="article"),
      "Ctrl+1", "Go", h.has_project),
    A("focus.claims", "Focus the claims list", partial(h.focus_pane, name="claims"),
      "Ctrl+2", "Go", h.has_project),
    A("focus.articles", "Focus the articles list", partial(h.focus_pane, name="articles"),
      "Ctrl+3", "Go", h.has_project),
    A("focus.verdict", "Focus the verdict editor", partial(h.focus_pane, name="verdict"),
      "Ctrl+4", "Go", h.has_project),
    A("focus.across", "Focus the matches across sources (Tab: their links)",
      partial(h.focus_pane, name="across"), "Ctrl+5", "Go", h.has_project),
)

CLAIM_ACTIONS: tuple[A, ...] = (
    A("match.accept", "&Accept match (same fact)", partial(h.decide_match,
                                                           decision="accepted"),
      "A", "Claim", h.has_match),
    A("match.reject", "Re&ject match", partial(h.decide_match, decision="rejected"), "X",
      "Claim", h.has_match),
    A("claim.mark", "&Mark selection as a claim", h.mark_claim, "M", "Claim",
      h.has_project),
    A("claim.delete", "&Delete claim", h.delete_claim, "Delete", "Claim", h.has_claim),
    A("claim.start_left", "Start one word earlier",
      partial(h.adjust_boundary, edge="start", forward=False), "Alt+Left",
      "Claim/Boundaries", h.has_claim),
    A("claim.start_right", "Start one word later",
      partial(h.adjust_boundary, edge="start", forward=True), "Alt+Right",
      "Claim/Boundaries", h.has_claim),
    A("claim.end_left", "End one word earlier",
      partial(h.adjust_boundary, edge="end", forward=False), "Alt+Shift+Left",
      "Claim/Boundaries", h.has_claim),
    A("claim.end_right", "End one word later",
      partial(h.adjust_boundary, edge="end", forward=True), "Alt+Shift+Right",
      "Claim/Boundaries", h.has_claim),
    A("claim.all_articles", "Show claims of all articles", h.toggle_all_articles,
      "Ctrl+Shift+A", "View", h.has_project),
    A("claim.weaker_checks", "Show &weaker earlier checks", h.toggle_weaker_checks,
      "Shift+W", "View", h.has_claim,
      help="list the archive's earlier checks under the relevance floor too, for this "
           "claim (press again to hide them)"),
    A("claim.show_candidates", "Show all &candidates", h.toggle_candidates, "H", "View",
      h.has_project, help="highlight and list every claim candidate, not only the claims "
                          "worth checking (press again to go back)"),
)

VERDICT_ACTIONS: tuple[A, ...] = (
    A("verdict.edit_rationale", "&Edit rationale", h.edit_rationale, "E", "Verdict",
      h.has_claim),
    A("verdict.edit_statement", "State the claim as &checked", h.edit_statement, "T",
      "Verdict", h.has_claim),
    A("verdict.cycle_status", "Cycle &status", h.cycle_status, "S", "Verdict", h.has_claim),
    A("verdict.clear_rating", "Clear rating", h.clear_rating, "0", "Verdict/Rating",
      h.has_claim),
    A("verdict.add_evidence", "Add e&vidence…", h.add_evidence, "Ctrl+Shift+E", "Verdict",
      h.has_claim),
    *(A(f"verdict.rate_{key}", f"Rate with key {key}", partial(h.rate, key=key), key,
        "Verdict/Rating", h.has_claim) for key in "123456789"),
)

VIEW_ACTIONS: tuple[A, ...] = (
    *(A(f"view.{name}", f"Show or hide {title}", partial(h.toggle_dock, name=name), "",
        "View") for name, title in DOCK_TITLES),
    A("view.reset_layout", "Reset the layout", lambda d: d.reset_layout(), "", "View"),
    A("view.switch_layout", "Switch between the standard and small-screen layout",
      lambda d: d.switch_layout(), "Ctrl+Shift+L", "View"),
    A("view.across", "Across sources ⇄ verdict", lambda d: d.toggle_across(), "O", "View",
      h.has_project),
    A("view.font_bigger", "Bigger article text", partial(h.font_step, delta=1), "Ctrl+=",
      "View", h.has_project),
    A("view.font_smaller", "Smaller article text", partial(h.font_step, delta=-1),
      "Ctrl+-", "View", h.has_project),
    A("view.theme_light", "Light theme", partial(h.set_theme, name="light"), "",
      "View/Theme"),
    A("view.theme_dark", "Dark theme", partial(h.set_theme, name="dark"), "", "View/Theme"),
    A("view.theme_system", "System theme", partial(h.set_theme, name="system"), "",
      "View/Theme"),
)

HELP_ACTIONS: tuple[A, ...] = (
    A("help.shortcuts", "Keyboard &shortcuts", lambda d: d.dialogs.shortcut_sheet(), "?",
      "Help"),
    A("help.shortcut_editor", "Keyboard shortcuts &editor…",
      lambda d: d.dialogs.shortcut_editor(), "", "Help"),
    A("help.about", "&About FactDesk", lambda d: d.dialogs.about(), "", "Help",
      role=_ROLE.AboutRole),
)

ALL_ACTIONS: tuple[A, ...] = (FILE_ACTIONS + EDIT_ACTIONS + GO_ACTIONS + CLAIM_ACTIONS
                              + VERDICT_ACTIONS + VIEW_ACTIONS + HELP_ACTIONS)


def refresh_rating_titles(registry: ActionRegistry, desk: Desk) -> None:
    """Name the rating actions after the project's scale (e.g. "Rate: False")."""
    scale = desk.session.scale() if desk.session else None
    for key in "123456789":
        rating = scale.by_key(key) if scale else None
        title = f"Rate: {rating.name}" if rating else f"Rate with key {key}"
        registry.set_title(f"verdict.rate_{key}", title)
