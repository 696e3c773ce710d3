"""Opening the window's dialogs: palette, search, preferences, shortcuts, about."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication

from factdesk.gui import settings as user
from factdesk.gui import theme

if TYPE_CHECKING:
    from factdesk.gui.main_window import MainWindow
    from factdesk.gui.palette import CommandPalette, SearchPanel


class Dialogs:
    """Creates each dialog on first use, parented to the window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._palette: CommandPalette | None = None
        self._search: SearchPanel | None = None
        self._search_session: object = None

    def palette(self) -> None:
        from factdesk.gui.palette import CommandPalette  # lazy: each dialog loads on first use

        if self._palette is None:
            self._palette = CommandPalette(self.window, self.window.registry)
        self._palette.open_at_top()

    def search(self) -> None:
        from factdesk.gui import search_backend
        from factdesk.gui.palette import SearchPanel  # lazy: each dialog loads on first use

        session = self.window.session
        if session is None:
            return
        if self._search is None or self._search_session is not session:
            if self._search is not None:
                self._search.deleteLater()
            self._search = SearchPanel(self.window, search_backend.search_function(
                session.project), self.open_hit)
            self._search_session = session
        self._search.open_at_top()

    def open_hit(self, hit: dict[str, Any]) -> None:
        session = self.window.session
        if session is None:
            return
        if hit.get("kind") in ("claim", "rationale"):
            session.select_claim(int(hit["id"]))
        else:
            session.select_article(int(hit["article_id"]))
            ws = self.window.workspace
            if ws is not None:
                first = ws.first_claim_of(int(hit["article_id"]))
                if first:
                    session.select_claim(first)

    def preferences(self) -> None:
        from factdesk.gui.preferences import (
            PreferencesDialog,  # lazy: each dialog loads on first use
        )

        dialog = PreferencesDialog(self.window, self.window.session)
        if dialog.exec():
            changes = dialog.apply()
            self.window.identify_checker()
            theme.apply_theme(QApplication.instance(),  # type: ignore[arg-type]
                              user.get_str("ui/theme", "system"))
            ws = self.window.workspace
            if ws is not None:
                ws.article.set_font_size(user.get_int("ui/article_font_size", 12))
            self.window.broadcast(changes)
            self.window.message("preferences saved")
        dialog.deleteLater()

    def shortcut_sheet(self) -> None:
        from factdesk.gui.shortcuts_dialog import (
            ShortcutSheet,  # lazy: each dialog loads on first use
        )

        dialog = ShortcutSheet(self.window, self.window.registry)
        dialog.exec()
        dialog.deleteLater()

    def shortcut_editor(self) -> None:
        from factdesk.gui.shortcuts_dialog import (
            ShortcutEditor,  # lazy: each dialog loads on first use
        )

        dialog = ShortcutEditor(self.window, self.window.registry)
        dialog.exec()
        dialog.deleteLater()

    def about(self) -> None:
        from factdesk.gui.about import AboutDialog  # lazy: each dialog loads on first use

        dialog = AboutDialog(self.window)
        dialog.exec()
        dialog.deleteLater()
