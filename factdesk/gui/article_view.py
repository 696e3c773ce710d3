"""The article pane: header (title, outlet, date, url) and the text with claims highlighted.

Highlights are character formats merged inside one edit block (the fastest way measured
for hundreds of spans): colour from the verdict's rating (or the status when unrated),
intensity from the check-worthiness score (:mod:`factdesk.gui.claim_highlights`). The
selected claim is outlined with an extra selection on top, so moving between claims never
re-formats the text. The pane reads only the claims' spans, scores and origins (a claim's
details are read for its tooltip), and after a change (triage, threshold, verdict, an
edited claim) repaints only the highlights that changed.

A long article (several megabytes) is shown progressively, never blocking the GUI
thread: its first screenfuls at once, the rest appended in slices of a few milliseconds
each from a zero-delay timer, each slice's claims highlighted as it arrives. Positions do
not move (text is only appended), so claims, selections and j / k work meanwhile; a claim
not yet loaded is outlined and scrolled to when its slice arrives.
"""

from __future__ import annotations

import bisect
import html
import re
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from factdesk.gui import search_backend, theme
from factdesk.gui.articles_pane import not_analysed_tooltip
from factdesk.gui.claim_highlights import (
    ClaimSpan,
    Paint,
    color_key,
    color_of,
    repaint_plan,
)
from factdesk.gui.layout import elide_url
from factdesk.gui.session import Session
from factdesk.model.models import (
    MAX_ANALYSED_CHARS,
    Article,
    Claim,
    is_judged,
)
from factdesk.model.triage import shown_by_default
from factdesk.nlp.reasons import reason_of

#: shown at once when an article opens (a few screenfuls); the rest follows in slices
FIRST_CHARS = 60_000
#: GUI-thread time one slice of a progressive load may take (one frame at most)
SLICE_SECONDS = 0.008
#: characters tried in one slice before timing it (grows while slices stay fast)
SLICE_CHARS = 100_000

_WORD = re.compile(r"\w[\w'’.,-]*\w|\w|[^\w\s]")


def word_step(text: str, pos: int, forward: bool) -> int:
    """The next word boundary from ``pos`` (start of the next / previous word or its end)."""
    if forward:
        m = _WORD.search(text, pos)
        if m is None:
            return len(text)
        if m.start() > pos:
            return m.start()
        nxt = _WORD.search(text, m.end())
        return nxt.start() if nxt else m.end()
    starts = [m.start() for m in _WORD.finditer(text, max(0, pos - 200), pos)]
    starts = [s for s in starts if s < pos]
    return starts[-1] if starts else max(0, pos - 1)


def word_end_step(text: str, pos: int, forward: bool) -> int:
    """Move a claim end by a word: to the end of the next word or of the previous one."""
    if forward:
        m = _WORD.search(text, pos)
        return m.end() if m else len(text)
    ends = [m.end() for m in _WORD.finditer(text, max(0, pos - 200), pos)]
    ends = [e for e in ends if e < pos]
    return ends[-1] if ends else pos


class ArticleText(QPlainTextEdit):
    """Read-only, keyboard-selectable text with claim tooltips."""

    claim_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                     | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setObjectName("articleText")
        self.starts: list[int] = []
        self.claims: list[ClaimSpan] = []  # the claims shown, in text order
        self.details: Callable[[int], Claim | None] = lambda _claim_id: None
        self._press: QPoint | None = None

    def claim_at(self, position: int) -> ClaimSpan | None:
        i = bisect.bisect_right(self.starts, position) - 1
        while i >= 0:
            claim = self.claims[i]
            if claim.start <= position < claim.end:
                return claim
            if claim.end <= position and i < len(self.claims) - 1:
                break
            i -= 1
        return None

    def viewportEvent(self, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.ToolTip:
            pos = event.pos()  # type: ignore[attr-defined]
            span = self.claim_at(self.cursorForPosition(pos).position())
            claim = self.details(span.id) if span is not None else None
            if claim is not None:
                QToolTip.showText(event.globalPos(), self.tooltip_for(claim), self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        if event.type() == QEvent.Type.MouseButtonPress:
            self._press = event.position().toPoint()  # type: ignore[attr-defined]
        elif event.type() == QEvent.Type.MouseButtonRelease and self._press is not None:
            pos = event.position().toPoint()  # type: ignore[attr-defined]
            moved = (pos - self._press).manhattanLength() > 3
            self._press = None
            result = super().viewportEvent(event)
            if not moved and not self.textCursor().hasSelection():
                claim = self.claim_at(self.cursorForPosition(pos).position())
                if claim is not None:
                    self.claim_clicked.emit(claim.id)
            return result
        return super().viewportEvent(event)

    def tooltip_for(self, claim: Claim) -> str:
        lines = [f"<b>{html.escape(claim.kind)}</b> · check-worthiness {claim.score:.2f}"]
        if reason := reason_of(claim):
            lines.append(f"worth checking: {html.escape(reason)}")
        if claim.speaker:
            lines.append(f"speaker: {html.escape(claim.speaker)}")
        if claim.origin == "manual":
            lines.append("marked by hand")
        return "<br>".join(lines)


class ArticlePane(QWidget):
    """Header plus highlighted text of the session's current article."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.article_id = 0
        self.text = ""
        self.url = ""
        self.headline_length = 0
        self.loaded = 0  # characters of ``text`` in the document (all, once complete)
        self._slice = SLICE_CHARS
        self._pending_claim = 0  # selected before its slice arrived: shown on arrival
        self._states: dict[int, tuple[str, str]] = {}  # verdicts at the last highlight
        self._spans: list[ClaimSpan] = []  # every live claim of the article, shown or not
        self._painted: Paint = {}  # the highlights in the document now
        self._loader = QTimer(self)
        self._loader.setInterval(0)
        self._loader.timeout.connect(self._load_slice)
        self.header = QFrame(objectName="articleHeader")
        self.title = QLabel(objectName="articleTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel(objectName="articleMeta")
        self.meta.setWordWrap(True)
        self.meta.setOpenExternalLinks(True)
        self.meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.meta.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.notice = QLabel(objectName="articleNotice")  # why it has no detected claims
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)
        header_layout = QVBoxLayout(self.header)
        header_layout.setContentsMargins(16, 10, 16, 8)
        header_layout.addWidget(self.title)
        header_layout.addWidget(self.meta)
        header_layout.addWidget(self.notice)
        self.body = ArticleText(self)
        self.body.details = session.project.claims.get
        self.body.setViewportMargins(12, 6, 12, 6)
        self.body.claim_clicked.connect(session.select_claim)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.body, 1)
        self.setFocusProxy(self.body)
        # the selected claim stays in view when the text is resized (a project opening
        # lays the panes out after the first claim is shown: placed in a narrow text, it
        # ended above the window's), unless the reader has scrolled since it was shown
        self._follow_claim = False
        self._replace_queued = False
        self.body.viewport().installEventFilter(self)
        self.body.installEventFilter(self)
        self.body.verticalScrollBar().actionTriggered.connect(self._stop_following)
        session.article_selected.connect(self.show_article)
        session.claim_selected.connect(self.show_claim)
        session.changed.connect(self.on_changed)
        session.triage_changed.connect(self._on_triage)
        self.show_article(0)

    # showing -------------------------------------------------------------------------------

    def set_font_size(self, points: int) -> None:
        font = QFont(self.body.font())
        font.setPointSize(max(6, points))
        self.body.setFont(font)
        if self.article_id:  # the headline's size follows the text's
            self.load_claims(reset=True)
            self.show_claim(self.session.claim_id)

    def show_article(self, article_id: int) -> None:
        self._loader.stop()
        self._pending_claim = 0
        self.article_id = article_id
        article = self.session.project.articles.get(article_id) if article_id else None
        if article is None:
            self.article_id = 0
            self.text = ""
            self.url = ""
            self.title.setText("No article")
            self.title.setVisible(True)
            self.headline_length = 0
            self.meta.setText("Import articles with Ctrl+I, or pick one in the articles list.")
            self.notice.setVisible(False)
            self.body.setPlainText("")
            self.body.claims, self.body.starts = [], []
            self._spans, self._states, self._painted = [], {}, {}
            self.loaded = 0
            return
        self.show_header(article)
        self.text = article.text
        self.loaded = self._first_cut(article.text)
        self.body.setUpdatesEnabled(False)
        self.body.setUndoRedoEnabled(False)  # appended slices must not fill an undo stack
        self.body.setPlainText(article.text[:self.loaded])
        self.load_claims(reset=True)
        self.body.setUpdatesEnabled(True)
        self.show_claim(self.session.claim_id)
        if not self.is_complete():
            self._slice = SLICE_CHARS
            self._loader.start()

    @staticmethod
    def _first_cut(text: str) -> int:
        """Where the part shown at once ends: the whole of a short text, else the end of
        the paragraph (or line) that crosses :data:`FIRST_CHARS`."""
        if len(text) <= FIRST_CHARS * 2:
            return len(text)
        cut = text.find("\n", FIRST_CHARS)
        return len(text) if cut < 0 else cut

    def is_complete(self) -> bool:
        """Is the whole text of the article in the view (its highlights with it)?"""
        return self.loaded >= len(self.text)

    def _load_slice(self) -> None:
        """Append the next slice of the text and highlight the claims it brings."""
        start = self.loaded
        end = min(len(self.text), start + self._slice)
        if end < len(self.text):  # end a slice on a line: nothing looks cut meanwhile
            newline = self.text.find("\n", end, end + 2_000)
            end = newline if newline >= 0 else end
        t0 = time.perf_counter()
        bar = self.body.verticalScrollBar()
        scroll = bar.value()
        cursor = QTextCursor(self.body.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(self.text[start:end], QTextCharFormat())
        self.loaded = end
        first = bisect.bisect_left(self.body.starts, start)
        # claims that cross the previous slice's end are highlighted again, now whole
        while first > 0 and self.body.claims[first - 1].end > start:
            first -= 1
        last = bisect.bisect_left(self.body.starts, end)
        if first < last:
            wanted = self._wanted(self.body.claims[first:last])
            cursor = QTextCursor(self.body.document())
            cursor.beginEditBlock()
            self._paint(cursor, list(wanted), wanted)
            cursor.endEditBlock()
            self._painted.update(wanted)
        bar.setValue(scroll)
        spent = time.perf_counter() - t0
        if spent < SLICE_SECONDS / 2:
            self._slice = min(self._slice * 2, 2_000_000)
        elif spent > SLICE_SECONDS:
            self._slice = max(10_000, int(self._slice * SLICE_SECONDS / spent))
        if self.is_complete():
            self._loader.stop()
        if self._pending_claim and self._pending_claim == self.session.claim_id:
            claim = next((c for c in self.body.claims if c.id == self._pending_claim), None)
            if claim is None or claim.end <= self.loaded or self.is_complete():
                self.show_claim(self._pending_claim)

    def show_header(self, article: Article) -> None:
        """The title (unless the text opens with it), outlet, date, author and address."""
        self.title.setText(article.title or "(untitled)")
        # a headline the outlet gave opens the text (it can be a claim): shown once, there
        self.headline_length = len(article.title) if article.title and article.text.startswith(
            article.title + "\n") else 0
        self.title.setVisible(not self.headline_length)
        parts = [html.escape(article.outlet or "unknown outlet")]
        parts.append(html.escape(article.published or "undated"))
        if article.author:
            parts.append(html.escape(article.author))
        if article.url:  # elided; the whole address in the tooltip; a click opens it
            url = html.escape(article.url, quote=True)
            parts.append(f'<a href="{url}">{html.escape(elide_url(article.url))}</a>')
        self.url = article.url or ""
        self.meta.setText(" · ".join(parts))
        self.meta.setToolTip(f"{article.url}\n(click the address to open it)"
                             if article.url else "")
        self.show_notice(article.id, len(article.text))

    def show_notice(self, article_id: int, length: int) -> None:
        """Say so when the article was not analysed, and what would analyse it."""
        summary = self.session.summary(article_id)
        if summary is None or summary.analysed or not summary.analysis_error:
            self.notice.setVisible(False)
            return
        if summary.too_long:
            text = (f"⚠ Too long to analyse: {length:,} characters (at most "
                    f"{MAX_ANALYSED_CHARS:,}). Readable here, and claims can be marked by "
                    "hand, but none are detected: split it into several articles.")
        else:
            text = f"⚠ Not analysed: {summary.analysis_error}"
        self.notice.setText(html.escape(text))
        self.notice.setToolTip(not_analysed_tooltip(summary))
        self.notice.setVisible(True)

    def load_claims(self, *, reset: bool = False, read: bool = True) -> None:
        """Highlight the claims shown now: worth checking, marked by hand or judged (every
        candidate while the session shows all candidates). ``read``: read the article's
        claim spans and verdicts again (not when only the triage changed); ``reset``:
        repaint the whole text (a new text or font size), else only what changed."""
        if read:
            project = self.session.project
            self._spans = list(map(ClaimSpan._make,
                                   search_backend.claim_spans(project, self.article_id)))
            self._states = search_backend.verdict_states(project, self.article_id)
        states = self._states
        claims = [
            c for c in self._spans
            if self.session.is_shown(self.article_id, c.id, c.start, c.score, c.origin,
                                     judged=c.id in states and is_judged(*states[c.id]))
        ]
        self.body.claims = claims
        self.body.starts = [c.start for c in claims]
        wanted = self._wanted(claims)
        cursor = QTextCursor(self.body.document())
        cursor.beginEditBlock()
        if reset:
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.setCharFormat(QTextCharFormat())
            self._format_headline(cursor, 0, self.headline_length)
            paint = list(wanted)
        else:
            plan = repaint_plan(self._painted, wanted)
            for start, end in plan.clear:
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(QTextCharFormat())
                self._format_headline(cursor, start, end)
            paint = plan.paint
        self._paint(cursor, paint, wanted)
        cursor.endEditBlock()
        self._painted = wanted

    def _wanted(self, claims: list[ClaimSpan]) -> Paint:
        """Span and colour of each of ``claims`` in the text so far (a claim past it is
        painted when its slice arrives)."""
        scale, states, length = self.session.scale(), self._states, self.loaded
        cut = self.session.cut(self.article_id)
        wanted: Paint = {}
        for claim in claims:
            if claim.start >= length:
                continue
            rating, status = states.get(claim.id, ("", "to check"))
            rated = scale.by_name(rating) if rating else None
            candidate = not shown_by_default(claim.score, claim.start, claim.origin, cut,
                                             is_judged(rating, status), claim_id=claim.id)
            wanted[claim.id] = (claim.start, min(claim.end, length), color_key(
                rated.color if rated else None, status, claim.score, candidate))
        return wanted

    def _paint(self, cursor: QTextCursor, claim_ids: list[int], wanted: Paint) -> None:
        """Merge the backgrounds of ``claim_ids`` (keys of ``wanted``) into the text."""
        for claim_id in claim_ids:
            start, end, key = wanted[claim_id]
            fmt = QTextCharFormat()
            fmt.setBackground(color_of(key))
            if key[2]:  # a candidate: its tint may be too faint to see
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(QColor("#9aa0a6" if theme.is_dark() else "#80868b"))
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)

    def _format_headline(self, cursor: QTextCursor, start: int, end: int) -> None:
        """Set the headline's size and weight again where ``start``-``end`` crosses it."""
        end = min(end, self.headline_length)
        if start >= end:
            return
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        heading.setFontPointSize(self.body.font().pointSizeF() * 1.3)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(heading)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        kind = event.type()
        if kind in (QEvent.Type.Wheel, QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress):
            self._stop_following()  # the reader moves in the text: it stays where it is
        elif (kind == QEvent.Type.Resize and watched is self.body.viewport()
              and self._follow_claim and not self._replace_queued):
            self._replace_queued = True  # once the new width's text is laid out
            QTimer.singleShot(0, self, self._keep_claim_in_view)
        return False

    def _stop_following(self, *_args: object) -> None:
        self._follow_claim = False

    def _keep_claim_in_view(self) -> None:
        """After a resize: the selected claim back in view, unless the reader has moved in
        the text since it was shown."""
        self._replace_queued = False
        claim = next((c for c in self.body.claims if c.id == self.session.claim_id), None)
        if self._follow_claim and claim is not None and claim.end <= self.loaded \
                and not self._in_view(claim.start, claim.end):
            self.show_claim(claim.id)

    def show_claim(self, claim_id: int) -> None:
        """Outline the selected claim and scroll it into view."""
        self._follow_claim = False
        claim = next((c for c in self.body.claims if c.id == claim_id), None)
        if claim is None and claim_id:  # a candidate the triage hides, opened from elsewhere
            claim = self.session.project.claims.get(claim_id)
            if claim is not None and claim.article_id != self.article_id:
                claim = None
        if claim is None:
            self.body.setExtraSelections([])
            return
        if claim.end > self.loaded and not self.is_complete():
            self._pending_claim = claim.id  # outlined and shown when its slice arrives
            self.body.setExtraSelections([])
            return
        self._pending_claim = 0
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.body.document())
        cursor.setPosition(claim.start)
        cursor.setPosition(min(claim.end, len(self.text)), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        outline = QColor("#8ab4f8" if theme.is_dark() else "#1a56c4")
        fmt.setUnderlineColor(outline)
        fmt.setFontUnderline(True)
        fmt.setProperty(QTextFormat.Property.FontWeight, QFont.Weight.DemiBold)
        # a strong background of its own: j / k always land on something plainly marked,
        # however faint the claim's own tint (a low score, no rating) is
        current = QColor(outline)
        current.setAlpha(70)
        fmt.setBackground(current)
        selection.format = fmt
        self.body.setExtraSelections([selection])
        in_view = self._in_view(claim.start, min(claim.end, len(self.text)))
        caret = QTextCursor(self.body.document())
        caret.setPosition(claim.start)
        self.body.setTextCursor(caret)  # scrolls the least to show the caret
        if not in_view:
            self.body.centerCursor()
        self._follow_claim = True

    def _in_view(self, start: int, end: int) -> bool:
        """Is ``text[start:end]`` wholly on screen? Then the text does not move: ``j``
        reads on without the page jumping, and an article opened on a claim of its first
        screen keeps its headline in view."""
        first, last = QTextCursor(self.body.document()), QTextCursor(self.body.document())
        first.setPosition(start)
        last.setPosition(end)
        top, bottom = self.body.cursorRect(first).top(), self.body.cursorRect(last).bottom()
        return top >= 0 and bottom <= self.body.viewport().height()

    def _on_triage(self) -> None:
        if self.article_id:
            scroll = self.body.verticalScrollBar().value()
            self.load_claims(read=False)
            self.show_claim(self.session.claim_id)
            self.body.verticalScrollBar().setValue(scroll)

    # editing support -----------------------------------------------------------------------

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.body.textCursor()
        if not cursor.hasSelection():
            return None
        return cursor.selectionStart(), cursor.selectionEnd()

    def on_changed(self, changes) -> None:  # ChangeSet
        if not self.article_id:
            if changes.articles:
                self.show_article(self.session.article_id)
            return
        if changes.articles and (not changes.article_ids
                                 or self.article_id in changes.article_ids):
            article = self.session.project.articles.get(self.article_id)
            if article is not None:  # its details edited (or undone): the text stays
                headline = self.headline_length
                self.show_header(article)
                if self.headline_length != headline:  # the headline in the text changed
                    scroll = self.body.verticalScrollBar().value()
                    self.show_article(self.article_id)
                    self.body.verticalScrollBar().setValue(scroll)
        if changes.claims and (not changes.article_ids or self.article_id in changes.article_ids):
            self.show_notice(self.article_id, len(self.text))  # analysed (or failed) now?
        if changes.settings:
            self.load_claims()
            self.show_claim(self.session.claim_id)
            return
        mine = {c.id for c in self.body.claims}
        judged_hidden = changes.verdicts and bool(changes.claim_ids - mine) and \
            self.session.claim_id in changes.claim_ids  # a candidate judged: shown from now
        if judged_hidden or changes.claims and (
                not changes.article_ids or self.article_id in changes.article_ids
                or mine & changes.claim_ids):
            scroll = self.body.verticalScrollBar().value()
            self.load_claims()
            self.show_claim(self.session.claim_id)
            self.body.verticalScrollBar().setValue(scroll)
        elif changes.verdicts and (not changes.claim_ids or mine & changes.claim_ids):
            self.load_claims()  # their colours: only the claims whose verdict changed
