"""The account's "send from" list: the shared mailboxes and the people this account may send as
or on behalf of, listed, added and removed by keys. Compose's From selector offers them.

Exchange grants the right (an administrator's Send As, Send on Behalf); Dispatch only remembers which
mailboxes to offer and how the user means to send from each: a right the server does not grant is refused at
the send, and Compose says so at From. Opened with ``open()``; the list arrives through ``saved``.

Where the sent copy goes: the account's own Sent Items unless the entry says "keep the sent copy in
its Sent Items" (``Principal.keep_copy``): the checkbox for a new entry (Alt+K), Space on a listed one.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QVBoxLayout,
)

from app.domain.send_from import new_principal, principal_problem
from app.domain.senders import Principal, SendRight
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.common.field_label import field_label
from app.ui.common.safe_text import PlainLabel
from app.ui.common.tr import shown, translate

RIGHTS = ((QT_TRANSLATE_NOOP("SendFrom", "Send as"), SendRight.SEND_AS),
          (QT_TRANSLATE_NOOP("SendFrom", "Send on behalf"), SendRight.ON_BEHALF))
KEEP_TEXT = QT_TRANSLATE_NOOP("SendFrom", "&Keep the sent copy in its Sent Items, not yours")
KEEP_NOTE = QT_TRANSLATE_NOOP(
    "SendFrom", "What you send from a mailbox is kept in your own Sent Items, as Outlook does. With “keep the sent "
    "copy in its Sent Items” ({keys} for a new entry, Space on a listed one) it goes to that mailbox's instead, "
    "over Exchange (EWS) when you may open it (Full Access); Microsoft 365 keeps it in yours.")


def entry_text(p: Principal) -> str:
    """How the list names an entry: its From label, and where its sent copy goes when not in yours."""
    if not p.keep_copy:
        return shown(p.label())
    return translate("SendFrom", "{mailbox} · sent copy kept in its Sent Items").format(mailbox=shown(p.label()))


def unadded_entry(typed: str) -> str:
    return translate("SendFrom", "“{address}” is typed but not in the list: press Enter to add it, or clear the "
                                 "address to save without it.").format(address=typed)


def keep_note() -> str:
    """How the sent copy is kept, with the keep box's Alt key in the user's language."""
    keys = QKeySequence.mnemonic(translate("SendFrom", KEEP_TEXT)).toString(QKeySequence.NativeText)
    return translate("SendFrom", KEEP_NOTE).format(keys=keys)


class SendFromDialog(QDialog):
    """The list (Delete or Alt+R removes the selected one), the new entry's fields (Enter in any of them, the
    right box included, or Alt+A adds it), Save (Alt+S; refused while an entry is typed but not added) and
    Cancel (Esc)."""

    saved = Signal(list)  # [Principal]

    def __init__(self, own: str, principals: list[Principal], parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("SendFrom", "Mailboxes you send from"))
        self.setAccessibleName(translate("SendFrom", "Mailboxes you send from"))
        self.own = own
        lay = QVBoxLayout(self)
        lay.setContentsMargins(22, 18, 22, 16)
        intro = PlainLabel(translate("SendFrom", "Besides {address}, the shared mailboxes and the people this account "
                                     "may send as or on behalf of. Your administrator grants the right; Compose "
                                     "offers these at From.").format(address=own), self)
        intro.setObjectName("viewSubtitle")
        intro.setWordWrap(True)
        lay.addWidget(intro)
        note = PlainLabel(keep_note(), self)
        note.setObjectName("viewSubtitle")
        note.setWordWrap(True)
        lay.addWidget(note)
        self.list = QListWidget(self)
        self.list.setAccessibleName(translate("SendFrom", "Mailboxes"))
        lay.addWidget(self.list)
        self.remove_button = QPushButton(translate("SendFrom", "&Remove"), self)
        self.remove_button.setAccessibleName(translate("SendFrom", "Remove the selected mailbox"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove_button)
        lay.addLayout(row)
        lay.addLayout(self._entry_form())
        self.error = PlainLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setAccessibleName(translate("SendFrom", "Mailbox error"))
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        self.buttons.button(QDialogButtonBox.Save).setText(translate("SendFrom", "&Save"))
        lay.addWidget(self.buttons)
        for b in (self.add_button, self.remove_button, *self.buttons.buttons()):
            b.setAutoDefault(False)  # Space presses a focused button; Enter adds the typed entry (keyPressEvent)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        for field in (self.address, self.name):
            field.returnPressed.connect(self.add_button.click)  # Return adds, as Add does
            field.textEdited.connect(lambda _t: self._say(""))
        delete = QShortcut(QKeySequence(QKeySequence.Delete), self.list)
        delete.setContext(Qt.WidgetShortcut)
        delete.activated.connect(self.remove)
        toggle = QShortcut(QKeySequence(Qt.Key_Space), self.list)
        toggle.setContext(Qt.WidgetShortcut)
        toggle.activated.connect(self.toggle_keep)
        for p in principals:
            self._append(p)
        self.list.setCurrentRow(0)
        self.resize(520, 0)
        from app.ui.common.room_for_text import make_room

        make_room(self)  # an error wrapped to several lines never squeezes the form

    def ask(self) -> None:
        """Show it without blocking (window-modal), the keyboard in the list, or in the address when empty."""
        self.open()
        self.activateWindow()
        (self.list if self.list.count() else self.address).setFocus(Qt.OtherFocusReason)

    def _entry_form(self) -> QFormLayout:
        form = QFormLayout()
        self.address = QLineEdit(self)
        self.address.setPlaceholderText(translate("SendFrom", "desk@company.com"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(translate("SendFrom", "Shared Desk (optional)"))
        self.right = QComboBox(self)
        for text, right in RIGHTS:
            self.right.addItem(translate("SendFrom", text), right)
        self.keep = QCheckBox(translate("SendFrom", KEEP_TEXT), self)
        self.keep.setAccessibleName(translate("SendFrom", "Keep the sent copy in its Sent Items, not yours"))
        self.add_button = QPushButton(translate("SendFrom", "&Add"), self)
        self.add_button.setAccessibleName(translate("SendFrom", "Add the mailbox"))
        rows = ((translate("SendFrom", "A&ddress"), self.address, translate("SendFrom", "Mailbox address")),
                (translate("SendFrom", "&Name"), self.name, translate("SendFrom", "Mailbox name")),
                (translate("SendFrom", "R&ight"), self.right, translate("SendFrom", "Send as or on behalf")),
                ("", self.keep, None), ("", self.add_button, None))
        for label, field, name in rows:
            if name:
                field.setAccessibleName(name)
            form.addRow(field_label(label, field) if label else label, field)
        return form

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        """Enter adds the typed entry: in its fields (their returnPressed), on the right box and on Add (a
        closed combo box leaves Enter to the dialog). It never presses Save (the button box makes Save
        the default when shown), so a half-typed list is not saved by the key that adds to it."""
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and not event.modifiers():
            if self.right.hasFocus() or self.add_button.hasFocus():
                self.add_button.click()
            event.accept()
            return
        super().keyPressEvent(event)

    def principals(self) -> list[Principal]:
        return [self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())]

    def add(self) -> None:
        """The typed entry into the list, or why not (under the fields; nothing typed is cleared)."""
        problem = principal_problem(self.address.text(), self.own, self.principals())
        if problem:
            self._say(shown(problem))
            self.address.setFocus(Qt.OtherFocusReason)
            return
        p = replace(new_principal(self.address.text(), self.name.text(), self.right.currentData()),
                    keep_copy=self.keep.isChecked())
        self._append(p)
        self.list.setCurrentRow(self.list.count() - 1)
        self.address.clear()
        self.name.clear()
        self.keep.setChecked(False)
        self._say("")
        self.address.setFocus(Qt.OtherFocusReason)

    def remove(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self.list.takeItem(row)
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        else:
            self.address.setFocus(Qt.OtherFocusReason)

    def toggle_keep(self) -> None:
        """Space on a listed mailbox: its sent copy in its Sent Items, or back in yours."""
        item = self.list.currentItem()
        if item is None:
            return
        p = item.data(Qt.UserRole)
        p = replace(p, keep_copy=not p.keep_copy)
        item.setData(Qt.UserRole, p)
        item.setText(entry_text(p))

    def _append(self, p: Principal) -> None:
        item = QListWidgetItem(entry_text(p), self.list)
        item.setData(Qt.UserRole, p)

    def _say(self, text: str) -> None:
        text = shown(text)
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.address.setAccessibleDescription(text)
        if text:  # as tall as the wrapped message needs (a top-level's minimum ignores height-for-width)
            self.resize(self.width(), max(self.height(), self.layout().heightForWidth(self.width())))

    def _save(self) -> None:
        """Save the list. An entry typed but not added is neither added nor dropped behind the user's back
       : Save says so under the fields, the keyboard goes back to the address, and the list is
        saved once the entry is added (Enter) or the address cleared."""
        typed = self.address.text().strip()
        if typed:
            self._say(unadded_entry(typed))
            self.address.setFocus(Qt.OtherFocusReason)
            return
        self.accept()
        self.saved.emit(self.principals())
