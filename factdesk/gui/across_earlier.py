"""The across pane's earlier fact-checks: the archive's checks of the selected claim.

Looked up off the GUI thread (the search parses the claim and its candidates with spaCy:
up to ~0.1 s), each lookup with its own connection; an answer for a claim no longer
selected is dropped. The archive's search is built once in a background thread, which
then asks for the lookup again. ``Shift+W`` (or the "show weaker hits" link) adds the
hits under the relevance floor. While the box holds only a one-line status (empty
archive, nothing relevant, searching) that status is kept in a few words too, for the
pane's heading to carry when the cards need the room (:class:`~factdesk.gui.across_pane.AcrossPane`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from factdesk.gui import earlier_html

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTextBrowser

    from factdesk.gui.session import Session
    from factdesk.model.models import Claim

log = logging.getLogger("factdesk.gui.across_pane")  # as before the split


def _earlier_checks_function():  # the archive service's function or None
    try:
        from factdesk.core.archive_service import earlier_checks  # type: ignore[import-not-found]
    except ImportError:
        return None
    return earlier_checks


def _archive_index_ready(project: Any) -> bool:
    try:
        from factdesk.core.archive_service import archive_index_ready  # lazy: pyld, extruct
    except ImportError:
        return True
    return archive_index_ready(project)


def _look_up_earlier_checks(path: Path, token: int, text: str, weaker: bool,
                            done: Any) -> None:
    """In a background thread: the earlier checks of ``text`` with their own connection
    (the search parses the claim and its candidates with spaCy: up to ~0.1 s), emitted as
    ``(token, checks, floor, count, failed)``."""
    checks: list = []
    floor, count, failed = 0.0, 0, False
    try:
        from factdesk.core.archive_service import default_floor, earlier_checks
        from factdesk.core.project import Project

        with Project.open(path, create=False, read_only=True) as project:
            checks = list(earlier_checks(project, text, k=3,
                                         min_relevance=0.0 if weaker else None))
            floor, count = default_floor(project), project.archive.count()
    except Exception as exc:  # a failing lookup must not break the pane
        log.warning("earlier checks failed: %s", exc)
        failed = True
    try:
        done.emit((token, checks, floor, count, failed))
    except RuntimeError:  # the pane is gone
        pass


def _build_archive_index(path: Path, done: Any) -> None:
    """In a background thread: build the archive search with its own connection."""
    try:
        from factdesk.core.archive_service import archive_index
        from factdesk.core.project import Project

        with Project.open(path, create=False, read_only=True) as project:
            archive_index(project)
    except Exception as exc:  # the lookup on the GUI thread then says what failed
        log.warning("building the archive search failed: %s", exc)
    try:
        done.emit()
    except RuntimeError:  # the pane is gone
        pass


class EarlierChecks:
    """The across pane's part that looks up, shows and toggles the earlier checks (a
    mixin of :class:`~factdesk.gui.across_pane.AcrossPane`, which owns the widgets and
    the signals named below)."""

    session: Session
    claim: Claim | None
    earlier: QTextBrowser
    earlier_found: Any  # Signal(object): a lookup's answer, received queued
    archive_indexed: Any  # Signal(): the archive's search is built
    import_requested: Any  # Signal(): "import earlier checks" of an empty archive
    _claim_id: int
    _earlier_timer: Any  # QTimer: a lookup shortly after the claim changes
    _earlier_wanted: bool
    _earlier_status: str
    _earlier_shown_for: int
    _lookup_token: int
    _weaker: bool
    _indexing: threading.Thread | None
    _indexed_count: int
    _fit_cards: Callable[[], None]  # the pane's: gives the cards and this box their room

    def _show_earlier_checks(self) -> None:
        fn = _earlier_checks_function()
        if fn is None or self.claim is None:
            self._earlier_wanted, self._earlier_status = False, ""
            self._fit_cards()
            return
        self._earlier_wanted = True
        if not self._archive_ready():
            self.earlier.setText("Earlier checks: indexing the archive for search…")
            self._earlier_status = "earlier checks: indexing the archive…"
            self._fit_cards()
            return
        self._lookup_token += 1
        if self._earlier_shown_for != self._claim_id:  # no stale checks of another claim
            self.earlier.setText("Earlier checks: searching the archive…")
            self._earlier_status = "earlier checks: searching…"
        self._fit_cards()
        threading.Thread(
            target=_look_up_earlier_checks,
            args=(self.session.path, self._lookup_token, self.claim.text, self._weaker,
                  self.earlier_found),
            name="earlier-checks", daemon=True).start()

    def _on_earlier_found(self, found: tuple) -> None:
        token, checks, floor, count, failed = found
        if token != self._lookup_token or self.claim is None:
            return  # another claim (or the weaker hits) was asked for since
        if failed:
            self.earlier.setText("Earlier checks: the archive could not be searched "
                                 "(see the log).")
            self._earlier_status = "earlier checks: search failed (see the log)"
        else:
            self.earlier.setHtml(earlier_html.listing(checks, floor, count, self._weaker))
            self._earlier_status = earlier_html.status(checks, count, self._weaker)
        self._earlier_shown_for = self._claim_id
        self._earlier_wanted = True
        self._fit_cards()

    def toggle_weaker_checks(self) -> str:
        """Show the earlier checks under the relevance floor too, or hide them again (the
        "show weaker hits" link's action, from the keyboard); returns what it did."""
        if self.claim is None:
            return "Select a claim first."
        if _earlier_checks_function() is None:
            return "Earlier checks are not available in this installation."
        if not self.session.project.archive.count():
            # nothing to show, weak or not: say so rather than "weaker hits shown"
            return ("Earlier checks: the archive is empty, nothing to show "
                    "(File ▸ Import earlier fact-checks…).")
        self._weaker = not self._weaker
        self._show_earlier_checks()
        return ("Earlier checks: weaker hits shown." if self._weaker
                else "Earlier checks: weaker hits hidden.")

    def _on_earlier_link(self, url: QUrl) -> None:
        """``weaker:show`` / ``weaker:hide`` toggle the weak hits; any other link opens
        in the desktop's browser."""
        if url.scheme() == "weaker":
            self._weaker = url.path() == "show"
            self._show_earlier_checks()
        elif url.scheme() == "import":
            self.import_requested.emit()
        else:
            QDesktopServices.openUrl(url)

    def _archive_ready(self) -> bool:
        """True when a lookup answers at once; else the archive's search is built in a
        background thread (once), which then asks for the lookup again."""
        try:
            if _archive_index_ready(self.session.project):
                return True
        except Exception as exc:  # the lookup itself will report it
            log.warning("archive state unknown: %s", exc)
            return True
        count = self.session.project.archive.count()
        if self._indexing is not None and self._indexing.is_alive():
            return False
        if self._indexed_count == count:  # built (or failed) already: look up directly
            return True
        self._indexed_count = count
        self._indexing = threading.Thread(
            target=_build_archive_index, args=(self.session.path, self.archive_indexed),
            name="archive-index", daemon=True)
        self._indexing.start()
        return False
