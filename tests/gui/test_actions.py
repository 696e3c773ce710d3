"""The action registry: unique ids and titles, no clashing keys, all reachable, rebinding."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from factdesk.gui.palette import CommandPalette
from factdesk.gui.shortcuts_dialog import sheet_html


def test_registry_is_consistent(make_window, demo_copy) -> None:
    window = make_window(demo_copy)
    registry = window.registry
    ids = list(registry.specs)
    assert len(ids) == len(set(ids))
    titles = [registry.title(i).replace("&", "").casefold() for i in ids]
    assert len(titles) == len(set(titles)), "two actions share a title"
    assert registry.clashes() == {}
    for required in ("J", "K", "Shift+J", "Shift+K", "N", "P", "A", "X", "E", "S", "M",
                     "Delete", "Ctrl+Z", "Ctrl+Shift+Z", "/", "Ctrl+K", "?", "Ctrl+I",
                     "Ctrl+E", "Ctrl+Q", "Ctrl+,", "Shift+W", *"123456789"):
        assert registry.owner_of(required), f"no action on {required}"
    # every action is reachable by keyboard: a key, or the palette (which lists them all)
    palette = CommandPalette(window, registry)
    listed = {e[2] for e in palette.entries()}
    for action_id in ids:
        assert registry.shortcut(action_id).toString() or action_id in listed or \
            not registry.is_enabled(action_id)
    sheet = sheet_html(registry)
    for action_id in ids:
        assert registry.title(action_id).replace("&", "").split()[0] in sheet
    palette.deleteLater()


def test_rating_titles_follow_the_scale(make_window, demo_copy) -> None:
    window = make_window(demo_copy)
    assert window.registry.title("verdict.rate_1") == "Rate: True"
    assert window.registry.title("verdict.rate_9") == "Rate: Not a claim"


def test_rebinding_persists(make_window, demo_copy, qtbot) -> None:
    window = make_window(demo_copy)
    window.registry.set_shortcut("go.next_claim", "L")
    assert window.registry.owner_of("J") is None
    window.close()
    again = make_window(demo_copy)
    assert again.registry.shortcut("go.next_claim") == QKeySequence("L")
    start = again.session.claim_id
    qtbot.keyClick(again.workspace.article.body, Qt.Key.Key_L)
    assert again.session.claim_id != start
    again.registry.reset_shortcuts()
    assert again.registry.shortcut("go.next_claim") == QKeySequence("J")


def test_palette_fuzzy_search(make_window, demo_copy, qtbot) -> None:
    window = make_window(demo_copy)
    palette = CommandPalette(window, window.registry)
    palette.on_text("next claim")
    assert palette.list.item(0).text().startswith("Next claim")
    palette.on_text("preferences")
    assert "Preferences" in palette.list.item(0).text()
    palette.on_text("prefrences")  # a typo still finds it
    assert "Preferences" in palette.list.item(0).text()
    palette.deleteLater()


def test_actions_are_tables_of_named_handlers_on_a_narrow_desk(qapp, demo_copy) -> None:
    """Handlers take the Desk protocol, not the window: a plain object with a session and
    workspace is enough to run the verdict keys, and they push one undoable command."""
    import inspect
    from types import SimpleNamespace

    from factdesk.core.project import Project
    from factdesk.gui import action_handlers, window_actions
    from factdesk.gui.session import Session

    ids = [spec.id for spec in window_actions.ALL_ACTIONS]
    assert len(ids) == len(set(ids)) and "verdict.rate_1" in ids
    for spec in window_actions.ALL_ACTIONS:
        params = inspect.signature(spec.run).parameters
        assert len([p for p in params.values() if p.default is p.empty]) == 1, spec.id
    project = Project.open(demo_copy)
    session = Session(project)
    claim_id = project.claims.for_article(project.articles.all()[0].id)[0].id
    session.select_claim(claim_id)
    said: list[str] = []
    desk = SimpleNamespace(session=session, workspace=None,
                           message=lambda text, level="info": said.append(text))
    action_handlers.rate(desk, key="2")
    assert project.verdicts.get(claim_id).rating == session.scale().by_key("2").name
    action_handlers.cycle_status(desk)
    assert project.verdicts.get(claim_id).status == "in progress"
    action_handlers.clear_rating(desk)
    assert project.verdicts.get(claim_id).rating is None
    assert session.undo_stack.undo_text() == f"set rating of claim {claim_id}"
    action_handlers.rate(desk, key="x")  # no rating has this key
    assert said and "no rating has the key" in said[0]
    session.close()


def test_verdict_field_is_an_enum() -> None:
    import pytest

    from factdesk.core.commands import CommandError, SetVerdictField
    from factdesk.model.models import VerdictField

    assert SetVerdictField(1, "status", "done").field is VerdictField.STATUS
    with pytest.raises(CommandError, match="has no field 'colour'"):
        SetVerdictField(1, "colour", "red")
