"""The named handlers behind the window's actions, and the conditions that enable them.

Each takes the window's narrow :class:`~factdesk.gui.desk.Desk` and nothing else; edits
are pushed to the session as undoable commands, so the verdict keys (1-9, 0, s) write
the same command the CLI's ``verdict`` writes. The tables that bind them to titles,
keys and menus are in :mod:`factdesk.gui.window_actions`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from factdesk.gui import settings as user
from factdesk.gui import theme
from factdesk.model.changes import ChangeSet
from factdesk.model.models import STATUSES, VerdictField

if TYPE_CHECKING:
    from factdesk.gui.desk import Desk
    from factdesk.gui.session import Session
    from factdesk.gui.workspace import Workspace


# conditions -------------------------------------------------------------------------------

def has_project(desk: Desk) -> bool:
    return desk.workspace is not None


def has_article(desk: Desk) -> bool:
    return desk.session is not None and bool(desk.session.article_id)


def can_edit_article(desk: Desk) -> bool:
    return has_article(desk) and not desk.session.project.read_only  # type: ignore[union-attr]


def has_article_url(desk: Desk) -> bool:
    ws = desk.workspace
    return ws is not None and bool(ws.article.url)


def has_claim(desk: Desk) -> bool:
    return desk.session is not None and bool(desk.session.claim_id)


def has_match(desk: Desk) -> bool:
    return desk.workspace is not None and desk.workspace.across.current_match() is not None


def has_conflict(desk: Desk) -> bool:
    return desk.workspace is not None and bool(desk.workspace.across.conflicting())


def can_undo(desk: Desk) -> bool:
    ws = desk.workspace
    return desk.session is not None and (desk.session.undo_stack.can_undo or (
        ws is not None and ws.verdict.draft_just_left))


def can_redo(desk: Desk) -> bool:
    return desk.session is not None and desk.session.undo_stack.can_redo


def background_busy(desk: Desk) -> bool:
    return desk.background_busy()


def _ws(desk: Desk) -> Workspace:
    assert desk.workspace is not None, "enabled only with a project open"
    return desk.workspace


def _session(desk: Desk) -> Session:
    assert desk.session is not None, "enabled only with a project open"
    return desk.session


# file -----------------------------------------------------------------------------------

def close_project(desk: Desk) -> None:
    if desk.settle_draft("closing the project"):
        desk.close_project()


# edit -----------------------------------------------------------------------------------

def undo(desk: Desk) -> None:
    """Ctrl+Z: right after Esc left a rationale draft, the draft comes back first (no
    project edit is undone); otherwise the last project edit, selected and shown."""
    ws = desk.workspace
    if ws is not None and ws.verdict.take_back_draft():
        desk.reveal_pane("verdict")
        return
    _session(desk).undo()


def redo(desk: Desk) -> None:
    _session(desk).redo()


# go ---------------------------------------------------------------------------------------

def next_article(desk: Desk, delta: int) -> None:
    ws = _ws(desk)
    first = ws.first_claim_of(ws.articles.step(delta))
    if first:
        ws.session.select_claim(first)


def next_claim(desk: Desk, delta: int) -> None:
    """j / k: through the claims list; past either end, into the next article."""
    ws = _ws(desk)
    session = ws.session
    before = session.claim_id
    ws.claims.step(delta)
    if session.claim_id != before or ws.claims.scope.currentIndex() != 0:
        return
    ids = ws.articles.ordered_ids()
    if session.article_id not in ids:
        return
    i = ids.index(session.article_id) + delta
    while 0 <= i < len(ids):
        claims = ws.claims.model.article_claim_ids(ids[i])
        if claims:
            session.select_claim(claims[0] if delta > 0 else claims[-1])
            return
        i += delta


def next_match(desk: Desk, delta: int) -> None:
    _ws(desk).across.step(delta)


def focus_pane(desk: Desk, name: str) -> None:
    desk.focus_pane(name)


def toggle_weaker_checks(desk: Desk) -> None:
    """Shift+W: the earlier checks under the relevance floor, or not (per claim)."""
    desk.message(_ws(desk).across.toggle_weaker_checks())


def open_match(desk: Desk) -> None:
    desk.message(_ws(desk).across.open_current())


def next_conflict(desk: Desk) -> None:
    """c: the next conflicting card of the claim (the heading counts them)."""
    desk.message(_ws(desk).across.next_conflict())


# claims -----------------------------------------------------------------------------------

def decide_match(desk: Desk, decision: str) -> None:
    _ws(desk).across.decide(decision)


def mark_claim(desk: Desk) -> None:
    from factdesk.core.commands import MarkClaim  # lazy: off the first paint

    ws = _ws(desk)
    span = ws.article.selected_span()
    if span is None:
        desk.message("select some text of the article first (Shift+arrows or the mouse), "
                     "then press m", "warning")
        return
    command = MarkClaim(ws.session.article_id, *span)
    if ws.session.push(command) and command.claim_id:
        ws.session.select_claim(command.claim_id)
        if command.promoted is not None:
            desk.message(f"claim {command.claim_id} was detected here: now marked by hand, "
                         "with its matches and verdict")


def delete_claim(desk: Desk) -> None:
    from factdesk.core.commands import DeleteClaim  # lazy: off the first paint

    ws = _ws(desk)
    session = ws.session
    model = ws.claims.model
    row = model.row_of(session.claim_id)
    if session.push(DeleteClaim(session.claim_id)):
        nxt = model.claim_id(min(row, model.rowCount() - 1)) if model.rowCount() else 0
        session.select_claim(nxt)


def adjust_boundary(desk: Desk, edge: str, forward: bool) -> None:
    """Move the selected claim's start or end by one word (Alt+arrows)."""
    from factdesk.core.commands import ChangeClaimSpan  # lazy: off the first paint
    from factdesk.gui.article_view import word_end_step, word_step  # lazy: the same

    ws = _ws(desk)
    claim = ws.session.project.claims.get(ws.session.claim_id)
    if claim is None:
        return
    text = ws.article.text
    start, end = claim.start, claim.end
    if edge == "start":
        start = word_step(text, start, forward)
    else:
        end = word_end_step(text, end, forward)
    if start < end and (start, end) != (claim.start, claim.end):
        ws.session.push(ChangeClaimSpan(claim.id, start, end))


def open_article_url(desk: Desk) -> None:
    """The article's web address in the browser (the header shows it elided)."""
    url = _ws(desk).article.url
    if not QDesktopServices.openUrl(QUrl.fromUserInput(url)):
        desk.message(f"no browser opened {url}", "warning")


def toggle_all_articles(desk: Desk) -> None:
    claims = _ws(desk).claims
    claims.set_all_articles(claims.scope.currentIndex() == 0)


def toggle_candidates(desk: Desk) -> None:
    """h: every claim candidate, or only the claims worth checking (the default)."""
    session = _ws(desk).session
    session.set_show_candidates(not session.show_candidates)


# verdict ----------------------------------------------------------------------------------

def rate(desk: Desk, key: str) -> None:
    """1-9: the rating with this key in the project's scale, as one undoable edit."""
    from factdesk.core.commands import SetVerdictField  # lazy: off the first paint

    session = _session(desk)
    rating = session.scale().by_key(key)
    if rating is None:
        desk.message(f"no rating has the key {key} in this project's scale", "warning")
        return
    session.push(SetVerdictField(session.claim_id, VerdictField.RATING, rating.name))


def clear_rating(desk: Desk) -> None:
    from factdesk.core.commands import SetVerdictField  # lazy: off the first paint

    session = _session(desk)
    session.push(SetVerdictField(session.claim_id, VerdictField.RATING, None))


def cycle_status(desk: Desk) -> None:
    """s: the next status of the four, wrapping ("done" back to "to check")."""
    from factdesk.core.commands import SetVerdictField  # lazy: off the first paint

    session = _session(desk)
    verdict = session.project.verdicts.get(session.claim_id)
    status = verdict.status if verdict else STATUSES[0]
    nxt = (STATUSES[(STATUSES.index(status) + 1) % len(STATUSES)] if status in STATUSES
           else STATUSES[0])
    session.push(SetVerdictField(session.claim_id, VerdictField.STATUS, nxt))


def edit_rationale(desk: Desk) -> None:
    _ws(desk).verdict.edit_rationale()


def edit_statement(desk: Desk) -> None:
    _ws(desk).verdict.edit_statement()


def add_evidence(desk: Desk) -> None:
    _ws(desk).verdict.add_evidence()


# view -------------------------------------------------------------------------------------

def set_theme(desk: Desk, name: str) -> None:
    user.set_value("ui/theme", name)
    theme.apply_theme(QApplication.instance(), name)  # type: ignore[arg-type]
    desk.broadcast(ChangeSet(settings=True))


def font_step(desk: Desk, delta: int) -> None:
    size = max(8, min(32, user.get_int("ui/article_font_size", 12) + delta))
    user.set_value("ui/article_font_size", size)
    _ws(desk).article.set_font_size(size)


def toggle_dock(desk: Desk, name: str) -> None:
    desk.toggle_dock(name)
