"""Compose's "More options" panel: the message's less common fields, hidden until asked for.

Ctrl+Shift+O (View → More options in Compose, ``app.ui.window.actions``) shows or hides it; opening a
message that has any of its fields set shows it, opening one that has none (or a new message) hides it. Its rows are a QFormLayout (``form``): Reply-To (a recipient field like Cc's,
checked the same way), sensitivity, categories (comma-separated), the follow-up flag and the custom headers
(app/ui/compose/extras_rows.py: both checked as they are typed, their problems shown at them). Further rows
are added to ``form`` and to :meth:`values` / :meth:`set_draft` the same way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from app.domain.extras import NO_FLAG
from app.domain.models import Draft, Sensitivity
from app.domain.validation import FieldError, parse_categories
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.compose.extras_rows import FlagRow, HeadersRow
from app.ui.common.safe_text import PlainLabel
from app.ui.common.tr import translate

#: the sensitivities as Outlook names them in its options
SENSITIVITY_WORDS = {Sensitivity.NORMAL: QT_TRANSLATE_NOOP("MoreOptions", "Normal"),
                     Sensitivity.PERSONAL: QT_TRANSLATE_NOOP("MoreOptions", "Personal"),
                     Sensitivity.PRIVATE: QT_TRANSLATE_NOOP("MoreOptions", "Private"),
                     Sensitivity.CONFIDENTIAL: QT_TRANSLATE_NOOP("MoreOptions", "Confidential")}


class MoreOptions(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        from app.ui.compose.recipient_edit import RecipientEdit

        super().__init__(parent)
        self.setObjectName("moreOptions")
        self.setAccessibleName(translate("MoreOptions", "More options"))
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(8)
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.reply_to = RecipientEdit("reply_to", translate("MoreOptions", "Reply-To"), self)
        self.sensitivity = QComboBox(self)
        self.sensitivity.setAccessibleName(translate("MoreOptions", "Sensitivity"))
        self.sensitivity.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)  # as wide as its words, as Importance
        for s in Sensitivity:
            self.sensitivity.addItem(translate("MoreOptions", SENSITIVITY_WORDS[s]), s.value)
        self.categories = QLineEdit(self)
        self.categories.setAccessibleName(translate("MoreOptions", "Categories"))
        self.categories.setPlaceholderText(translate("MoreOptions", "Categories, separated by commas"))
        self.flag = FlagRow(self)
        self.headers = HeadersRow(self)
        for text, w in ((translate("MoreOptions", "Reply-To"), self.reply_to),
                        (translate("MoreOptions", "Sensitivity"), self.sensitivity),
                        (translate("MoreOptions", "Categories"), self.categories),
                        (translate("MoreOptions", "Follow-up"), self.flag),
                        (translate("MoreOptions", "Headers"), self.headers)):
            self.add_row(text, w)
        chain = (self.reply_to.edit, self.sensitivity, self.categories, self.flag.status, self.flag.start,
                 self.flag.due, self.headers.add_button)
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)
        self.headers.tab_after = self.flag.due
        self.reply_to.changed.connect(self.changed)
        self.sensitivity.currentIndexChanged.connect(self.changed)
        self.categories.textChanged.connect(self.changed)
        self.flag.changed.connect(self.changed)
        self.headers.changed.connect(self.changed)
        self.leave_to: QWidget | None = None  # where the keyboard goes when the panel hides (Compose's body)
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
        if inside and self.leave_to is not None:
            self.leave_to.setFocus(Qt.ShortcutFocusReason)

    # ---- Draft in / out ----
    def values(self) -> dict:
        """The Draft fields this panel holds, as typed (an unfinished Reply-To entry is kept, as To's is)."""
        return {"reply_to": self.reply_to.recipients_as_typed(),
                "sensitivity": Sensitivity(self.sensitivity.currentData()),
                "categories": parse_categories(self.categories.text()),
                "headers": self.headers.headers(), "flag": self.flag.flag()}

    def problems(self) -> list[FieldError]:
        """What the draft (:meth:`values`) cannot show: a flag's day typed that is not a day."""
        text = self.flag.day_problem()
        return [FieldError("flag", text)] if text else []

    def set_backend(self, graph: bool) -> None:
        """The account's backend: on Microsoft Graph a saved draft whose headers change is saved anew (a note
        at the headers says so)."""
        self.headers.set_saved_on_graph(graph, self.headers.saved)

    def set_saved(self, saved: bool) -> None:
        """Is the message on screen a draft on the server?"""
        self.headers.set_saved_on_graph(self.headers.recreates, saved)

    def show_errors(self, field: str, fallback: str = ""):
        """Show the problems of ``field`` ("flag" or "headers") at their row, open the panel; returns the
        widget to put the keyboard in."""
        self.show()
        if field == "flag":
            return self.flag.show_problem() or self.flag.status
        return self.headers.show_problems(fallback) or self.headers.add_button

    def set_draft(self, draft: Draft) -> None:
        """Show ``draft``'s fields: the panel is open when any of them is set, closed otherwise (a new
        message starts without it)."""
        self.reply_to.set_recipients(draft.reply_to)
        idx = self.sensitivity.findData(Sensitivity(draft.sensitivity).value)
        self.sensitivity.setCurrentIndex(max(idx, 0))
        self.categories.setText(", ".join(draft.categories))
        self.flag.set_flag(draft.flag)
        self.headers.set_headers(draft.headers)
        self.set_saved(draft.ref is not None)
        self.setVisible(has_more_options(draft))


def has_more_options(draft: Draft) -> bool:
    return bool(draft.reply_to or draft.categories or draft.sensitivity != Sensitivity.NORMAL or draft.headers
                or draft.flag != NO_FLAG)
