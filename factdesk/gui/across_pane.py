"""Across sources: the selected claim as the other outlets reported it.

For the session's claim: its matches ranked by relation then score (same fact and
conflicting first, then related, rejected last: :func:`factdesk.matching.panel.panel_order`),
each with outlet, date, score, relation and decision, a one-line reason (what the two
claims share: who, what, where; and what differs), the differing words and numbers
marked inline, and the discrepancies the matcher found with their severity (the cards'
HTML: :mod:`factdesk.gui.across_cards`; compact on a short pane). Earlier fact-checks from
the archive follow (when the archive service exists; looked up by
:mod:`factdesk.gui.across_earlier`). ``n``/``p`` move between matches,
``a``/``x`` accept or reject the current one (pressing again clears the decision).
"""

from __future__ import annotations

import html
import threading

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QHelpEvent, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from factdesk.core.claim_facts import stored_claim_facts
from factdesk.core.commands import DecideMatch
from factdesk.gui import across_cards, earlier_html, match_review, theme
from factdesk.gui.across_cards import Card
from factdesk.gui.across_earlier import EarlierChecks
from factdesk.gui.card_fit import fit_short_text, html_height, line_count
from factdesk.gui.session import Session
from factdesk.gui.word_diff import diff_marks
from factdesk.matching.panel import match_reason, panel_order
from factdesk.model.match_changes import decision_change
from factdesk.model.models import Claim, Match

EARLIER_MIN, EARLIER_MAX = 70, 240  # the earlier checks' box: a list of hits, scrollable
CARDS_IN_VIEW = 3  # cards the box shows whole, the current one first, before compacting


class AcrossPane(EarlierChecks, QWidget):
    """Matches of the selected claim, with differences, decisions and earlier checks."""

    archive_indexed = Signal()  # emitted from the indexing thread, received queued
    import_requested = Signal()  # "import earlier checks" of an empty archive's status
    earlier_found = Signal(object)  # emitted from a lookup thread, received queued

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.claim: Claim | None = None
        self.matches: list[Match] = []
        self.others: dict[int, Claim] = {}
        self.current = -1
        self.heading = QLabel(objectName="acrossHeading")
        # wraps rather than widening the dock when an earlier-checks status joins it
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.linkActivated.connect(self._on_heading_link)
        self._heading_text = ""  # the heading without an earlier-checks status
        self._heading_short = ""  # the same in fewer words, beside a status
        self.this_claim = QLabel(objectName="thisClaim")
        self.this_claim.setWordWrap(True)
        self.this_claim.setTextFormat(Qt.TextFormat.RichText)
        self.this_claim.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.this_claim.setAccessibleName("This claim")
        self.this_claim.linkActivated.connect(self._on_this_claim_link)
        self.this_claim.setContentsMargins(6, 0, 6, 2)
        self._expanded = False  # the checker asked for the whole claim ("more")
        self._compact = False  # the pane is short: the other cards are compact
        self._laid_out_at = (0, 0)  # the pane's width and height the cards were cut for
        self._cards: list[Card] = []  # as rendered, one per card in the box
        self.browser = QTextBrowser()
        self.browser.setObjectName("acrossBrowser")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_link)
        # reachable by keyboard (Ctrl+5, Tab): Tab walks its links, Enter follows one
        self.browser.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.browser.viewport().installEventFilter(self)  # each card's own tooltip
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
        self._cards_html = ""  # it and the next ones, up to CARDS_IN_VIEW
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
            self._expanded = False
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
            self.this_claim.setToolTip("")
            self._cards, self._card_html, self._cards_html = [], "", ""
            self.browser.setHtml("")
            return
        n = len(self.matches)
        here = self.session.summary(self.claim.article_id)
        count = f"{n} match{'es' if n != 1 else ''}"
        decided = f"{match_review.progress(self.matches)[0]} decided"
        changed = match_review.changed_text(self.matches)
        conflicts = self._conflict_link(colors)
        self._set_heading(f"{count} in other articles{conflicts} · {decided}{changed}" if n
                          else "No match in the other articles.",
                          f"{count}{conflicts} · {decided}{changed}" if n else "No match")
        current = self.current_match()
        other = self.other_of(current) if current else None
        marks_this = diff_marks(self.claim.text, other.text)[0] if other else []
        self._cards = [card for card in map(self._card, self.matches) if card is not None]
        self._compact = self._is_short()
        self._laid_out_at = (self.width(), self.height())
        current_id = current.id if current else 0
        parts = [across_cards.card_html(
            card, colors, current=card.match_id == current_id,
            compact_in=self.browser if self._compact else None) for card in self._cards]
        shown = [card.match_id for card in self._cards]
        self._card_html = parts[shown.index(current_id)] if current_id in shown else ""
        following = shown.index(current_id) if current_id in shown else 0
        self._cards_html = "".join(parts[following:following + CARDS_IN_VIEW])
        # the claim's block keeps two lines only when the compact cards want its room too
        short_claim = self._compact and self._cards_needed() > self._room(
            self._claim_lines())
        who = (here.outlet if here else "") + (
            f" · said by {self.claim.speaker}" if self.claim.speaker else "")
        card = next((c for c in self._cards if c.match_id == current_id), None)
        text, cut = across_cards.this_claim_html(
            who, self.claim.text, marks_this, colors,
            font=self.this_claim.font() if short_claim else None,
            width=self._label_width(), expanded=self._expanded,
            keep=across_cards.differing_span(self.claim.text, card.notes) if card else None)
        self.this_claim.setText(text)
        self.this_claim.setToolTip(
            f"<p>{html.escape(self.claim.text)}</p>" if cut or self._expanded else "")
        self.this_claim.setAccessibleDescription(self.claim.text)
        self.browser.setToolTip(across_cards.tooltip(card, with_text=False) if card else "")
        self.browser.setHtml("".join(parts))
        self.browser.setVisible(bool(parts))  # no matches: the earlier checks get the room
        # Ctrl+5 lands on what is shown: the cards, else the earlier checks
        self.setFocusProxy(self.browser if parts else self.earlier)
        self.browser.verticalScrollBar().setValue(scroll)
        self._fit_cards()
        if current is not None:
            self.browser.scrollToAnchor(f"m{current.id}")

    def _set_heading(self, text: str, short: str = "") -> None:
        """The heading's own line (rich text, escaped by the caller); :meth:`_fit_cards`
        may append a status to its ``short`` form."""
        self._heading_text = text
        self._heading_short = short or text
        self.heading.setText(self._heading_text)
        self.heading.setToolTip("")

    def conflicting(self) -> list[int]:
        """Indices of the cards that conflict (not rejected): the outlets differ on a
        detail of one fact, what a checker most needs to see."""
        return [i for i, m in enumerate(self.matches)
                if m.relation == "conflicting" and not m.unrelated
                and m.decision != "rejected"]

    def _conflict_link(self, colors: dict[str, str]) -> str:
        """" · ▲ 1 conflicting (c)" for the heading, in the conflict colour, a link to
        the next conflicting card; "" when none conflicts. Conflicts keep their place
        by score among the same-fact matches (half of them are false: docs/window.md);
        this makes a true one below the fold hard to miss."""
        found = len(self.conflicting())
        if not found:
            return ""
        return (f' · <a href="conflict:next" style="color:{colors["conflict"]};'
                f'font-weight:bold;text-decoration:none">▲ {found} conflicting (c)</a>')

    def next_conflict(self) -> str:
        """c: make the next conflicting card current (after the current one, round to
        the first); returns what to tell the checker."""
        found = self.conflicting()
        if not found:
            return "this claim has no conflicting match"
        target = next((i for i in found if i > self.current), found[0])
        self.go_to(target)
        match = self.matches[target]
        card = next((c for c in self._cards if c.match_id == match.id), None)
        differs = across_cards.differences_line(card) if card is not None else ""
        where = f"conflicting match {found.index(target) + 1} of {len(found)}"
        return f"{where} (card {target + 1} of {len(self.matches)}){differs}"

    def _fixed_height(self) -> int:
        """The pane's height less the cards box and the earlier checks' box."""
        width = max(1, self.width() - 12)  # the labels' margins
        layout = self.layout()
        return (self.heading.heightForWidth(width) + self.this_claim.heightForWidth(width)
                + self.prev_button.sizeHint().height() + 4
                + layout.spacing() * (layout.count() - 1))

    def _label_width(self) -> int:
        margins = self.this_claim.contentsMargins()
        return max(40, self.width() - margins.left() - margins.right())

    def _claim_lines(self) -> int:
        """Lines of the whole "this claim" block (its who-line and the claim)."""
        assert self.claim is not None
        whole, _ = across_cards.this_claim_html("x", self.claim.text, [], theme.colors(),
                                                font=None, width=0, expanded=False)
        return line_count(whole, self.this_claim.font(), self._label_width())

    def _room(self, claim_lines: int) -> int:
        """Height the cards box can have beside a "this claim" block of ``claim_lines``
        lines, an earlier-checks status folded into the heading (real earlier checks
        keeping their box's minimum)."""
        margins = self.this_claim.contentsMargins()
        fixed = (self._fixed_height() - self.this_claim.heightForWidth(self.width() - 12)
                 + claim_lines * self.this_claim.fontMetrics().lineSpacing()
                 + margins.top() + margins.bottom())
        reserve = EARLIER_MIN if self._earlier_wanted and not self._earlier_status else 0
        return self.height() - fixed - reserve

    def _cards_needed(self, cards_html: str | None = None) -> int:
        """Height of the cards box showing ``cards_html`` (the current card and the next
        ones as rendered) without scrolling."""
        return (html_height(self._cards_html if cards_html is None else cards_html,
                            self.browser, self.browser.viewport().width())
                + 2 * self.browser.frameWidth())

    def _is_short(self) -> bool:
        """True when the cards box cannot show the first :data:`CARDS_IN_VIEW` cards
        whole beside the whole "this claim" block: the other cards are then compact."""
        if len(self._cards) < 2 or self.claim is None or self.height() <= 0:
            return False
        colors = theme.colors()
        first = "".join(across_cards.card_html(card, colors, current=i == 0)
                        for i, card in enumerate(self._cards[:CARDS_IN_VIEW]))
        return self._cards_needed(first) > self._room(self._claim_lines())

    def _fit_cards(self) -> None:
        """Give the cards box the current card and the next ones, up to
        :data:`CARDS_IN_VIEW` (the current card's reason and every note read without
        scrolling or the mouse), by taking room from the earlier checks' box, down to its
        minimum; a short earlier-checks message takes only its lines. When even that is
        too much and the box says only a status (empty archive, nothing relevant,
        searching), the status moves into the heading and the box is hidden; earlier
        checks themselves keep their box at its minimum and the cards scroll. No minimum
        is raised, so the dock still shrinks when the checker drags it."""
        room = EARLIER_MAX
        if self._card_html and self.browser.isVisible():
            room = self.height() - self._fixed_height() - self._cards_needed()
        folded = False
        if self._earlier_wanted and self._earlier_status:
            status_height = (html_height(self.earlier.toHtml(), self.earlier,
                                         self.browser.viewport().width())
                             + 2 * self.earlier.frameWidth())
            folded = room < min(EARLIER_MIN, status_height)
        if folded:
            self.heading.setText(f"{self._heading_short} · {self._earlier_status}")
            if self.heading.heightForWidth(max(1, self.width() - 12)) \
                    > self.heading.fontMetrics().lineSpacing() * 3 // 2:
                # two lines: the status in fewer words (a conflict count came first)
                self.heading.setText(f"{self._heading_short} · "
                                     f"{earlier_html.terse_status(self._earlier_status)}")
            self.heading.setToolTip(self.earlier.toPlainText())
        else:
            self.heading.setText(self._heading_text)
            self.heading.setToolTip("")
        self.earlier.setVisible(self._earlier_wanted and not folded)
        if self._earlier_wanted and not folded:
            fit_short_text(self.earlier, EARLIER_MIN, min(EARLIER_MAX, room))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if (self.claim is not None and len(self._cards) > 1
                and (self.width(), self.height()) != self._laid_out_at
                and (self._compact or self._is_short())):
            self.render()  # the compact cards cut again for the new size (or made whole)
        else:
            self._fit_cards()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        """Over the cards, the tooltip of the card under the pointer: its reason, its
        notes and (a compact card's text being cut) its whole text."""
        if (event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent)
                and watched is self.browser.viewport()):
            i = across_cards.card_at(self.browser, event.pos())
            if 0 <= i < len(self._cards):
                card = self._cards[i]
                current = self.current_match()
                whole = current is not None and card.match_id == current.id
                QToolTip.showText(event.globalPos(), across_cards.tooltip(
                    card, with_text=self._compact and not whole), self.browser)
                return True
        return super().eventFilter(watched, event)

    def _on_this_claim_link(self, href: str) -> None:
        """"more" shows the whole claim in its block, "less" two lines again."""
        self._expanded = href == "more"
        self.render()

    def _card(self, match: Match) -> Card | None:
        """What the card of ``match`` shows (None when its other claim is gone)."""
        assert self.claim is not None
        other = self.other_of(match)
        if other is None:
            return None
        summary = self.session.summary(other.article_id)
        here = self.session.summary(self.claim.article_id)
        reason = match_reason(
            stored_claim_facts(self.session.project, self.claim, here.outlet if here else ""),
            stored_claim_facts(self.session.project, other,
                               summary.outlet if summary else ""),
            match.discrepancies)
        names = self.session.project.articles.outlet_names()  # outlets as named now
        sides = (self.claim.article_id, other.article_id)
        told = names.now(match.discrepancies, sides)
        change = decision_change(names.match_now(match, sides))
        return Card(
            match.id, other.id, summary.outlet if summary else "?",
            (summary.published or "undated") if summary else "",
            "unrelated now" if match.unrelated else match.relation,
            match.score, match.decision, reason,
            across_cards.sorted_notes(told), other.text,
            diff_marks(self.claim.text, other.text)[1],
            change=(change.note, *change.lines()) if change is not None else ())

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
        if new is None and decision_change(match) is not None:
            new = decision  # changed since decided: decide again on what it shows now
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

    def _on_heading_link(self, href: str) -> None:
        """The heading's links: the conflicting cards' count, an earlier-checks status's."""
        if href == "conflict:next":
            self.session.message.emit(self.next_conflict(), "info")
        else:
            self._on_earlier_link(QUrl(href))

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
