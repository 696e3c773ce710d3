"""Paste as article: title, outlet and a publication date that must be understood."""

from __future__ import annotations

from factdesk.gui.paste_dialog import PasteDialog


def test_a_date_not_understood_keeps_the_dialog_open(qtbot) -> None:
    dialog = PasteDialog(None, "Graves found near Izium\n\nOfficials said 450 bodies were found.")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.title_edit.text() == "Graves found near Izium"
    dialog.outlet.setText("Reuters")
    dialog.date.setText("last Fooday")
    dialog.accept()
    assert dialog.isVisible() and dialog.result() == 0
    assert "last Fooday" in dialog.date_problem.text() and dialog.date_problem.isVisibleTo(dialog)
    dialog.date.setText("16 September 2022")
    dialog.accept()
    assert not dialog.isVisible() and dialog.result() == 1
    text, title, outlet, published = dialog.values()
    assert (title, outlet, published) == ("Graves found near Izium", "Reuters", "2022-09-16")
    assert text.startswith("Graves found near Izium")
