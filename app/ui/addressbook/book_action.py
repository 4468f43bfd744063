"""Compose's Address book… (Ctrl+Shift+B, Outlook's key), wired into the window: a command of Compose's own, so its
key works where Compose is and nowhere else. (The Sent list's "Resend to those that failed" has Ctrl+Shift+B too:
each is a WidgetWithChildrenShortcut of its own view, never both live at once, so neither is ambiguous.) The Edit
menu, the F1 sheet and the command palette list it; a button at the end of each address field opens it for that
field."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QStyle

from app.ui.common.tr import translate

if TYPE_CHECKING:
    from app.ui.addressbook.book_flows import AddressBookFlows
    from app.ui.common.port import Flows, ShellPort

BOOK_KEYS = "Ctrl+Shift+B"


class AddressBookAction:
    """The command and its controller (built the first time the dialog opens)."""

    def __init__(self, port: ShellPort, compose, flows: Flows):
        self.port, self.compose, self.flows = port, compose, flows
        self._book: AddressBookFlows | None = None
        text = translate("AddressBook", "Address &book…")
        keys = QKeySequence(BOOK_KEYS)
        self.action = QAction(text, compose)
        self.action.setObjectName("actAddressBook")
        self.action.setShortcut(keys)
        self.action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.action.setToolTip(translate("AddressBook", "Find people and groups of your organisation and add them "
                                                        "to To, Cc or Bcc ({keys})").format(
            keys=keys.toString(QKeySequence.NativeText)))
        self.action.triggered.connect(lambda _checked=False: self.open())
        compose.addAction(self.action)
        self.field_buttons = {edit.field: self._field_button(edit) for edit in (compose.to, compose.cc, compose.bcc)}
        menu = port.menu("&Edit")  # it edits the recipient fields
        if menu is not None:
            menu.addSeparator()
            menu.addAction(self.action)

    def _field_button(self, edit) -> QAction:
        """A button at the end of an address field (the field's own trailing action: no width added, no Tab stop)
        that opens the address book for that field."""
        label = edit.edit.accessibleName()
        act = edit.edit.addAction(edit.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView),
                                  QLineEdit.ActionPosition.TrailingPosition)
        act.setObjectName(f"{edit.field}Book")
        act.setText(translate("AddressBook", "{field}: address book").format(field=label))
        act.setToolTip(translate("AddressBook", "Choose {field} recipients from the address book ({keys})").format(
            field=label, keys=QKeySequence(BOOK_KEYS).toString(QKeySequence.NativeText)))
        act.triggered.connect(lambda _c=False, f=edit.field: self.open(f))
        for button in act.associatedObjects():  # the field's own button for it (not the field): named as the action
            if isinstance(button, QAbstractButton):
                button.setAccessibleName(act.text())
        return act

    @property
    def book(self) -> AddressBookFlows:
        if self._book is None:
            from app.ui.addressbook.book_flows import AddressBookFlows

            self._book = AddressBookFlows(self.port, self.compose, self.flows.spawn)
        return self._book

    def open(self, field: str | None = None):
        return self.book.open(field or None)
