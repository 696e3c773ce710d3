"""Across sources: the selected claim as the other outlets reported it.

For the session's claim: its matches ranked by relation then score (same fact and
conflicting first, then related, rejected last: :func:`factdesk.matching.panel.panel_order`),
each with outlet, date, score, relation and decision, a one-line reason (what the two
claims share: who, what, where; and what differs), the differing words and numbers
marked inline, and the discrepancies the matcher found with their severity. Earlier fact-checks from the
archive follow (when the archive service exists). ``n``/``p`` move between matches,
``a``/``x`` accept or reject the current one (pressing again clears the decision).
"""

from __future__ import annotations

import html
import logging
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from factdesk.core.claim_facts import stored_claim_facts
from factdesk.core.commands import DecideMatch
from factdesk.gui import match_review, theme
from factdesk.gui.card_fit import fit_short_text, html_height
from factdesk.gui.session import Session
from factdesk.gui.word_diff import diff_marks, marked_html
from factdesk.matching.panel import match_reason, panel_order
from factdesk.model.models import Claim, Match, severity_rank
from factdesk.model.score_display import score_text

log = logging.getLogger(__name__)

SEVERITY_ICONS = {"conflict": "▲", "vague": "◆", "compatible": "✓"}
EARLIER_MIN, EARLIER_MAX = 70, 240  # the earlier checks' box: a list of hits, scrollable


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


def _field(obj: Any, name: str) -> str:
    if isinstance(obj, dict):
        return str(obj.get(name) or "")
    return str(getattr(obj, name, "") or "")


class AcrossPane(QWidget):
    """Matches of the selected claim, with differences, decisions and earlier checks."""

    archive_indexed = Signal()  # emitted from the indexing thread, received queued
    earlier_found = Signal(object)  # emitted from a lookup thread, received queued

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.claim: Claim | None = None
        self.matches: list[Match] = []
        self.others: dict[int, Claim] = {}
        self.current = -1
        self.heading = QLabel(objectName="paneHint")
        # wraps rather than widening the dock when an earlier-checks status joins it
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.linkActivated.connect(lambda href: self._on_earlier_link(QUrl(href)))
        self._heading_text = ""  # the heading without an earlier-checks status
        self.this_claim = QLabel(objectName="thisClaim")
        self.this_claim.setWordWrap(True)
        self.this_claim.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.this_claim.setContentsMargins(6, 0, 6, 4)
        self.browser = QTextBrowser()
        self.browser.setObjectName("acrossBrowser")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_link)
        # reachable by keyboard (Ctrl+5, Tab): Tab walks its links, Enter follows one
        self.browser.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.prev_button = QPushButton("◀ Prev (p)")
        self.next_button = QPushButton("Next (n) ▶")
        self.accept_button = QPushButton("Accept (a)", objectName="accept")
        self.reject_button = QPushButton("Reject (x)", objectName="reject")
        for button in (self.prev_button, self.next_button, self.accept_button,
                       self.reject_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.accept_button.clicked.connect(lambda: self.decide("accepted"))
        self.reject_button.clicked.connect(lambda: self.decide("rejected"))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(4, 0, 4, 4)
        buttons.addWidget(self.prev_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        # earlier fact-checks: a small scrollable list, so that every hit stays whole
        self.earlier = QTextBrowser(objectName="earlierChecks")
        self.earlier.setOpenLinks(False)  # its urls open outside; "weaker:" toggles weak hits
        self.earlier.anchorClicked.connect(self._on_earlier_link)
        self._weaker = False  # the checker asked for the hits below the relevance floor
        self.earlier.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches its links
        self.earlier.setMinimumHeight(EARLIER_MIN)
        self.earlier.setMaximumHeight(EARLIER_MAX)
        self._card_html = ""  # the current card as shown: the cards box grows to it
        self.earlier.setVisible(False)
        self._earlier_wanted = False  # the earlier checks are to be shown (box or heading)
        # while the box holds only a one-line status (not earlier checks): that status
        # in a few words, which the heading carries when the current card needs the room
        self._earlier_status = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.this_claim)
        layout.addWidget(self.browser, 3)  # the matches get most of a short pane
        layout.addWidget(self.earlier, 1)
        layout.addLayout(buttons)
        self._earlier_timer = QTimer(self, singleShot=True, interval=150)
        self._earlier_timer.timeout.connect(self._show_earlier_checks)
        self._indexing: threading.Thread | None = None
        self._indexed_count = -1  # the archive size a background build was started for
        self.archive_indexed.connect(self._earlier_timer.start)
        self._earlier_shown_for = 0  # the claim whose earlier checks are shown
        self._lookup_token = 0  # the latest lookup asked for; older answers are dropped
        self.earlier_found.connect(self._on_earlier_found)
        session.claim_selected.connect(self.show_claim)
        session.changed.connect(self.on_changed)
        self.setFocusProxy(self.browser)
        self.show_claim(session.claim_id)

    # loading -------------------------------------------------------------------------------

    def show_claim(self, claim_id: int) -> None:
        project = self.session.project
        self.claim = project.claims.get(claim_id) if claim_id else None
        keep = self.matches[self.current].id if 0 <= self.current < len(self.matches) else 0
        same_claim = self.claim is not None and self.others and claim_id == getattr(
            self, "_claim_id", 0)
        if claim_id != getattr(self, "_claim_id", 0):
            self._weaker = False  # weaker hits are asked for one claim at a time
        self._claim_id = claim_id
        if self.claim is None:
            self.matches, self.others, self.current = [], {}, -1
        else:
            previous = [m.id for m in self.matches] if same_claim else []
            self.matches = match_review.keep_order(
                previous, panel_order(project.matches.for_claim(claim_id)))
            other_ids = [m.claim_b if m.claim_a == claim_id else m.claim_a for m in self.matches]
            self.others = project.claims.get_many(other_ids)
            ids = [m.id for m in self.matches]
            if same_claim and keep in ids:
                self.current = ids.index(keep)
            else:
                self.current = 0 if self.matches else -1
        self.render()
        self._earlier_timer.start()

    def other_of(self, match: Match) -> Claim | None:
        assert self.claim is not None
        return self.others.get(match.claim_b if match.claim_a == self.claim.id else match.claim_a)

    def current_match(self) -> Match | None:
        return self.matches[self.current] if 0 <= self.current < len(self.matches) else None

    # rendering -----------------------------------------------------------------------------

    def render(self) -> None:
        colors = theme.colors()
        scroll = self.browser.verticalScrollBar().value()
        has = self.current_match() is not None
        for button in (self.accept_button, self.reject_button):
            button.setEnabled(has)
        self.prev_button.setEnabled(has and self.current > 0)
        self.next_button.setEnabled(has and self.current < len(self.matches) - 1)
        if self.claim is None:
            self._set_heading("Select a claim (j / k) to see it across sources.")
            self.this_claim.setText("")
            self.browser.setHtml("")
            return
        n = len(self.matches)
        here = self.session.summary(self.claim.article_id)
        self._set_heading(
            f"{n} match{'es' if n != 1 else ''} in other articles · "
            f"{match_review.progress(self.matches)[0]} decided" if n
            else "No match in the other articles.")
        current = self.current_match()
        other = self.other_of(current) if current else None
        marks_this = diff_marks(self.claim.text, other.text)[0] if other else []
        self.this_claim.setText(
            f'<span style="color:{colors["muted"]}">this claim · '
            f"{html.escape(here.outlet if here else '')}"
            f"{' · said by ' + html.escape(self.claim.speaker) if self.claim.speaker else ''}"
            "</span><br>"
            f'{marked_html(self.claim.text, marks_this, colors, colors["removed"])}')
        parts = []
        for i, match in enumerate(self.matches):
            parts.append(self._match_html(i, match, colors))
        self._card_html = parts[self.current] if 0 <= self.current < len(parts) else ""
        self.browser.setToolTip(self._card_tooltip(current, other))
        self.browser.setHtml("".join(parts))
        self.browser.setVisible(bool(parts))  # no matches: the earlier checks get the room
        # Ctrl+5 lands on what is shown: the cards, else the earlier checks
        self.setFocusProxy(self.browser if parts else self.earlier)
        self.browser.verticalScrollBar().setValue(scroll)
        self._fit_cards()
        if current is not None:
            self.browser.scrollToAnchor(f"m{current.id}")

    def _set_heading(self, text: str) -> None:
        """The heading's own line (plain text); :meth:`_fit_cards` may append a status."""
        self._heading_text = html.escape(text)
        self.heading.setText(self._heading_text)
        self.heading.setToolTip("")

    def _fit_cards(self) -> None:
        """Give the cards box the whole current card (its reason and every note, read
        without scrolling or the mouse) by taking room from the earlier checks' box, down
        to its minimum; a short earlier-checks message takes only its lines. When even
        that is too much and the box says only a status (empty archive, nothing relevant,
        searching), the status moves into the heading and the box is hidden; earlier
        checks themselves keep their box at its minimum and the card scrolls. No minimum
        is raised, so the dock still shrinks when the checker drags it."""
        room = EARLIER_MAX
        width = max(1, self.width() - 12)  # the labels' margins
        if self._card_html and self.browser.isVisible():
            needed = (html_height(self._card_html, self.browser,
                                  self.browser.viewport().width())
                      + 2 * self.browser.frameWidth())
            layout = self.layout()
            fixed = (self.heading.heightForWidth(width)
                     + self.this_claim.heightForWidth(width)
                     + self.prev_button.sizeHint().height() + 4
                     + layout.spacing() * (layout.count() - 1))
            room = self.height() - fixed - needed
        folded = False
        if self._earlier_wanted and self._earlier_status:
            status_height = (html_height(self.earlier.toHtml(), self.earlier,
                                         self.browser.viewport().width())
                             + 2 * self.earlier.frameWidth())
            folded = room < min(EARLIER_MIN, status_height)
        if folded:
            self.heading.setText(f"{self._heading_text} · {self._earlier_status}")
            self.heading.setToolTip(self.earlier.toPlainText())
        else:
            self.heading.setText(self._heading_text)
            self.heading.setToolTip("")
        self.earlier.setVisible(self._earlier_wanted and not folded)
        if self._earlier_wanted and not folded:
            fit_short_text(self.earlier, EARLIER_MIN, min(EARLIER_MAX, room))

    def _card_tooltip(self, match: Match | None, other: Claim | None) -> str:
        """The current card's reason and notes in full, for a pointer resting on the
        cards."""
        if match is None or other is None or self.claim is None:
            return ""
        here = self.session.summary(self.claim.article_id)
        there = self.session.summary(other.article_id)
        project = self.session.project
        reason = match_reason(
            stored_claim_facts(project, self.claim, here.outlet if here else ""),
            stored_claim_facts(project, other, there.outlet if there else ""),
            match.discrepancies)
        told = project.articles.outlet_names().now(
            match.discrepancies, (self.claim.article_id, other.article_id))
        notes = [f"{d.get('kind', '')}: {d.get('explanation', '')}"
                 for d in sorted(told,
                                 key=lambda d: severity_rank(str(d.get("severity", ""))))]
        return "<p>" + "<br>".join(html.escape(line) for line in [reason, *notes]) + "</p>"

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_cards()

    def _match_html(self, i: int, match: Match, colors: dict[str, str]) -> str:
        assert self.claim is not None
        other = self.other_of(match)
        if other is None:
            return ""
        summary = self.session.summary(other.article_id)
        outlet = html.escape(summary.outlet if summary else "?")
        date = html.escape((summary.published or "undated") if summary else "")
        decision = ""
        if match.decision:
            color = colors[match.decision]
            mark = "✓" if match.decision == "accepted" else "✗"
            decision = f' · <b style="color:{color}">{mark} {match.decision}</b>'
        marks = diff_marks(self.claim.text, other.text)[1]
        body = marked_html(other.text, marks, colors, colors["added"])
        here = self.session.summary(self.claim.article_id)
        reason = match_reason(
            stored_claim_facts(self.session.project, self.claim, here.outlet if here else ""),
            stored_claim_facts(self.session.project, other,
                               summary.outlet if summary else ""),
            match.discrepancies)
        items = []
        told = self.session.project.articles.outlet_names().now(  # outlets as named now
            match.discrepancies, (self.claim.article_id, other.article_id))
        for d in sorted(told, key=lambda d: severity_rank(str(d.get("severity", "")))):
            severity = str(d.get("severity", ""))
            icon = SEVERITY_ICONS.get(severity, "•")
            color = colors.get(severity, colors["muted"])
            items.append(
                f'<tr><td valign="top" style="color:{color}">{icon}</td>'
                f'<td><span style="color:{color}">{html.escape(str(d.get("kind", "")))}</span> '
                f'{html.escape(str(d.get("explanation", "")))}</td></tr>')
        table = f'<table cellspacing="2">{"".join(items)}</table>' if items else ""
        bg = colors["current"] if i == self.current else colors["card"]
        marker = "▶ " if i == self.current else ""
        return (
            f'<a name="m{match.id}"></a>'
            f'<table width="100%" cellpadding="6" cellspacing="0" bgcolor="{bg}" '
            f'style="margin-top:6px; border:1px solid {colors["border"]};"><tr><td>'
            f'<a href="match:{match.id}" style="text-decoration:none;color:{colors["text"]}">'
            f"{marker}<b>{outlet}</b></a> · {date} · {html.escape(match.relation)} · "
            f"score {score_text(match.score, match.relation)}{decision}"
            f' · <a href="claim:{other.id}">open</a><br>'
            f'<span style="color:{colors["muted"]}">{html.escape(reason)}</span>'
            # the notes (why related, what conflicts) before the claim's text: on a short
            # screen a card too tall for the box still shows why it is here
            f"{table or '<br>'}{body}</td></tr></table>"
        )

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
            self.earlier.setHtml(self._earlier_html(checks, floor, count))
            self._earlier_status = self._earlier_status_html(checks, count)
        self._earlier_shown_for = self._claim_id
        self._earlier_wanted = True
        self._fit_cards()

    def _earlier_status_html(self, checks: list, count: int) -> str:
        """What :meth:`_earlier_html` says in a few words for the heading when it is only
        a status; "" when it lists earlier checks (those keep their box)."""
        if checks:
            return ""
        if not count:
            return "no earlier checks (the archive is empty)"
        if self._weaker:
            return ('no earlier check shares a word · '
                    '<a href="weaker:hide">hide weaker hits</a>')
        return 'no relevant earlier check · <a href="weaker:show">show weaker hits</a>'

    def _earlier_html(self, checks: list, floor: float, count: int) -> str:
        """The earlier checks as shown: each with its rating, source and relevance, a hit
        below ``floor`` marked weak; or a sentence saying why none is shown."""
        muted = theme.colors()["muted"]
        if not count:
            return ("Earlier checks: the archive is empty (File ▸ Import earlier "
                    "fact-checks…).")
        if not checks and self._weaker:
            return ("Earlier checks: no earlier check is relevant: none of the "
                    f"{count:,} in the archive shares a word with this claim. "
                    '<a href="weaker:hide">Hide weaker hits</a>')
        if not checks:
            return ("Earlier checks: no earlier check is relevant to this claim (none of "
                    f"the {count:,} in the archive is likely enough to be it). "
                    '<a href="weaker:show">Show weaker hits</a>')
        head = "<b>Earlier checks</b>"
        if self._weaker:
            head += (f' <span style="color:{muted}">· weaker hits shown (below the '
                     "relevance floor: probably not this claim) · </span>"
                     '<a href="weaker:hide">Hide weaker hits</a>')
        rows = []
        for check in checks:
            item = check[0] if isinstance(check, tuple) else check
            relevance = check[1] if isinstance(check, tuple) else None
            shown = ""
            if relevance is not None and relevance < floor:
                shown = (f' · <b style="color:{muted}">weak</b>'
                         f'<span style="color:{muted}"> · relevance {relevance:.2f}</span>')
            elif relevance is not None:
                shown = f" · relevance {relevance:.2f}"
            url = html.escape(_field(item, "url"), quote=True)
            claim = html.escape(_field(item, "claim")[:160])
            rated = getattr(item, "rating_text", None)
            rating = html.escape(rated() if callable(rated) else _field(item, "rating"))
            where = " · ".join(html.escape(v) for v in (
                _field(item, "publisher"), _field(item, "date")) if v)
            link = f' · <a href="{url}">{url[:60]}</a>' if url else ""
            rows.append(f"<p style='margin:0 0 4px 0'>• {claim} — "
                        f"<b>{rating or 'no rating given'}</b><br>"
                        f"&nbsp;&nbsp;{where or 'publisher unknown'}{shown}"
                        f"{link}</p>")
        return head + "".join(rows)

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

    # acting --------------------------------------------------------------------------------

    def step(self, delta: int) -> None:
        """n / p: one card down or up in the list's (stable) order; at an end, say so."""
        if not self.matches:
            return
        target = self.current + delta
        if not 0 <= target < len(self.matches):
            where = "last" if delta > 0 else "first"
            self.session.message.emit(
                f"this is the {where} match ({self.current + 1} of {len(self.matches)}); "
                "j goes on to the next claim", "info")
            return
        self.go_to(target)

    def go_to(self, index: int) -> None:
        self.current = index
        self.session.select_match(self.matches[index].id)
        self.render()

    def decide(self, decision: str) -> None:
        """a / x: decide the current card (the same key again clears it); the cards keep
        their order and the cursor moves to the next undecided match."""
        match = self.current_match()
        if match is None:
            return
        new = None if match.decision == decision else decision
        if not self.session.push(DecideMatch(match.id, new)) or new is None:
            return
        nxt = match_review.next_undecided(self.matches, self.current)
        decided, total = match_review.progress(self.matches)
        if nxt is None:
            every = "its only match is" if total == 1 else f"all {total} of its matches are"
            self.session.message.emit(
                f"match {new}: {every} decided; j goes on to the next claim", "info")
        elif nxt < self.current:
            self.session.message.emit(
                f"match {new}: no undecided match below; back to match {nxt + 1} of "
                f"{total} ({total - decided} undecided)", "info")
            self.go_to(nxt)
        else:
            self.go_to(nxt)

    def open_current(self) -> str:
        """g: go to the current match's claim in its own article (its matches then show,
        this claim among them: g on its card comes back). Returns what to tell the
        checker."""
        match = self.current_match()
        other = self.other_of(match) if match is not None else None
        if other is None:
            return "no match to go to"
        summary = self.session.summary(other.article_id)
        where = " · ".join(x for x in (summary.outlet, summary.published) if x) \
            if summary is not None else f"article {other.article_id}"
        came_from = self.claim.id if self.claim is not None else 0
        self.session.select_claim(other.id)
        back = next((i for i, m in enumerate(self.matches)
                     if came_from in (m.claim_a, m.claim_b)), None)
        if back is not None and back != self.current:
            self.go_to(back)  # the card of the claim we came from: g goes back
        return f"the match in {where or 'its article'}" + (
            "; g goes back" if back is not None else "")

    def _on_link(self, url: QUrl) -> None:
        kind, _, value = url.toString().partition(":")
        if kind == "match" and value.isdigit():
            ids = [m.id for m in self.matches]
            if int(value) in ids:
                self.current = ids.index(int(value))
                self.render()
        elif kind == "claim" and value.isdigit():
            self.session.select_claim(int(value))

    def on_changed(self, changes) -> None:  # ChangeSet
        if changes.settings or changes.articles:
            self.show_claim(self.session.claim_id)
        elif (changes.matches or changes.claims) and self.claim is not None and (
                not changes.claim_ids or self.claim.id in changes.claim_ids
                or set(self.others) & changes.claim_ids):
            self.show_claim(self.session.claim_id)
