"""Compose's "More options" panel: the message's less common fields, hidden until asked for.

Ctrl+Shift+O (View → More options in Compose, ``app.ui.window.actions``) shows or hides it; opening a
message that has any of its fields set shows it, opening one that has none (or a new message) hides it. Its rows are a QFormLayout (``form``): Reply-To (a recipient field like Cc's,
checked the same way), sensitivity and categories (comma-separated). Further rows (a follow-up flag, custom
headers) are added to ``form`` and to :meth:`values` / :meth:`set_draft` the same way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from app.domain.models import Draft, Sensitivity
from app.domain.validation import parse_categories
from app.ui.common.safe_text import PlainLabel


class MoreOptions(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        from app.ui.compose.recipient_edit import RecipientEdit

        super().__init__(parent)
        self.setObjectName("moreOptions")
        self.setAccessibleName("More options")
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(8)
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.reply_to = RecipientEdit("reply_to", "Reply-To", self)
        self.sensitivity = QComboBox(self)
        self.sensitivity.setAccessibleName("Sensitivity")
        self.sensitivity.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)  # as wide as its words, as Importance
        for s in Sensitivity:
            self.sensitivity.addItem(s.value, s.value)
        self.categories = QLineEdit(self)
        self.categories.setAccessibleName("Categories")
        self.categories.setPlaceholderText("Categories, separated by commas")
        for text, w in (("Reply-To", self.reply_to), ("Sensitivity", self.sensitivity),
                        ("Categories", self.categories)):
            self.add_row(text, w)
        QWidget.setTabOrder(self.reply_to.edit, self.sensitivity)
        QWidget.setTabOrder(self.sensitivity, self.categories)
        self.reply_to.changed.connect(self.changed)
        self.sensitivity.currentIndexChanged.connect(self.changed)
        self.categories.textChanged.connect(self.changed)
        self.hide()

    def add_row(self, text: str, field: QWidget) -> None:
        """A labelled row (the label's buddy is the field, so Alt+its letter reaches it)."""
        lab = PlainLabel(text, self)
        lab.setObjectName("fieldLabel")
        lab.setBuddy(getattr(field, "edit", field))
        self.form.addRow(lab, field)

    def labels(self) -> list[QLabel]:
        return [self.form.itemAt(i, QFormLayout.LabelRole).widget() for i in range(self.form.rowCount())]

    def set_label_width(self, width: int) -> None:
        """Line the fields up with Compose's own (To, Cc, Subject): the label column ``width`` wide."""
        for lab in self.labels():
            lab.setMinimumWidth(width)

    def toggle(self) -> None:
        """Show it and put the keyboard in its first field, or hide it (the keyboard goes back to the body
        when it was inside)."""
        if self.isHidden():
            self.show()
            self.reply_to.setFocus(Qt.ShortcutFocusReason)
            return
        inside = self.isAncestorOf(self.focusWidget()) if self.focusWidget() else False
        self.hide()
        if inside and self.parentWidget() is not None and hasattr(self.parentWidget(), "body"):
            self.parentWidget().body.setFocus(Qt.ShortcutFocusReason)

    # ---- Draft in / out ----
    def values(self) -> dict:
        """The Draft fields this panel holds, as typed (an unfinished Reply-To entry is kept, as To's is)."""
        return {"reply_to": self.reply_to.recipients_as_typed(),
                "sensitivity": Sensitivity(self.sensitivity.currentData()),
                "categories": parse_categories(self.categories.text())}

    def set_draft(self, draft: Draft) -> None:
        """Show ``draft``'s fields: the panel is open when any of them is set, closed otherwise (a new
        message starts without it)."""
        self.reply_to.set_recipients(draft.reply_to)
        idx = self.sensitivity.findData(Sensitivity(draft.sensitivity).value)
        self.sensitivity.setCurrentIndex(max(idx, 0))
        self.categories.setText(", ".join(draft.categories))
        self.setVisible(has_more_options(draft))


def has_more_options(draft: Draft) -> bool:
    return bool(draft.reply_to or draft.categories or draft.sensitivity != Sensitivity.NORMAL)
