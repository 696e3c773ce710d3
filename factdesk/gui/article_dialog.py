"""Edit article details: correct the title, outlet, author, date or web address.

The text is not editable (claims are anchored in it). The values are checked by the same
rules as the ``factdesk article`` command (a date surely one day, a web address), and a
value that cannot be stored keeps the dialog open with the reason, so nothing typed is
lost. The edit itself is an undoable command.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from factdesk.core.article_edit import ARTICLE_FIELDS, article_value
from factdesk.core.commands import CommandError
from factdesk.model.models import Article

LABELS = {"title": "&Title", "outlet": "&Outlet", "author": "&Author",
          "published": "&Date", "url": "&Web address"}
HINTS = {"title": "the headline", "outlet": "e.g. Reuters", "author": "byline",
         "published": "YYYY-MM-DD: relative times in the text count from it",
         "url": "https://… the page it was saved from"}


class ArticleDialog(QDialog):
    """The five details of one article, editable; :meth:`changes` after OK."""

    def __init__(self, parent: QWidget | None, article: Article) -> None:
        super().__init__(parent)
        self.setObjectName("articleDetails")
        self.setWindowTitle(f"Article {article.id}: details")
        self.article = article
        form = QFormLayout(self)
        self.fields: dict[str, QLineEdit] = {}
        for name in ARTICLE_FIELDS:
            edit = QLineEdit(str(getattr(article, name) or ""), placeholderText=HINTS[name])
            edit.setCursorPosition(0)  # a long title shows its start, not its last words
            edit.setToolTip(edit.text())
            self.fields[name] = edit
            form.addRow(LABELS[name], edit)
        self.problem = QLabel(wordWrap=True)
        self.problem.setObjectName("articleProblem")
        form.addRow("", self.problem)
        source = QLabel(f"Imported from {article.source_name or 'pasted text'}; the text "
                        "itself is not edited (claims are anchored in it).", wordWrap=True)
        form.addRow("", source)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(560)

    def changes(self) -> dict[str, str]:
        """The typed values that differ from the article's (as typed)."""
        return {name: edit.text() for name, edit in self.fields.items()
                if edit.text().strip() != str(getattr(self.article, name) or "")}

    def accept(self) -> None:
        for name, typed in self.changes().items():
            try:
                article_value(name, typed)
            except CommandError as exc:
                self.problem.setText(str(exc))
                self.fields[name].setFocus()
                self.fields[name].selectAll()
                return
        super().accept()
