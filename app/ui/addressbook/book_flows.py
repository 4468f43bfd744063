"""What the address book does in Compose: it opens for the field the keyboard is in, adds the entries picked to
To, Cc or Bcc (each address once, said to a screen reader), and expands a group in a field after asking (the
members see each other's addresses, and what is sent cannot be taken back).

The searches go to the account's session (``search_directory`` / ``group_members``) as tasks of the window's
(qasync): the window never waits for the server. The dialog is built the first time it opens.
"""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.core.directory.expand import expanded
from app.core.directory.search import every_member, problem_words, refused_words
from app.domain.directory import DirectoryEntry, DirectoryPage
from app.domain.explain import describe
from app.mail.errors import ConnectionFailed, MailError
from app.ui.accounts.m365_signin import open_in_browser
from app.ui.addressbook.book_dialog import AddressBook, field_words
from app.ui.addressbook.book_model import shown_name
from app.ui.common import spoken
from app.ui.common.dialog_return import return_focus
from app.ui.common.tr import shown, translate

log = logging.getLogger(__name__)

# the expand question's objectName (tests find it by it)
EXPAND_QUESTION = "expandGroupQuestion"


class AddressBookFlows:
    """The address book of the window's Compose. ``port``: the shell's; ``compose``: the ComposeView; ``spawn``:
    the window's tracked tasks."""

    def __init__(self, port, compose, spawn, *, call_later=None):
        self.port, self.compose, self.spawn = port, compose, spawn
        self._call_later = call_later
        self.dialog: AddressBook | None = None
        self.question: QMessageBox | None = None  # the expand question while it is open

    # ---- opening ----
    def field(self, name: str):
        return {"to": self.compose.to, "cc": self.compose.cc, "bcc": self.compose.bcc}[name]

    def focused_field(self) -> str:
        """The address field the keyboard is in ("to" when it is in none of them)."""
        w = QApplication.focusWidget()
        for name in ("cc", "bcc", "to"):
            if w is not None and self.field(name).isAncestorOf(w):
                return name
        return "to"

    def open(self, field: str | None = None) -> AddressBook:
        """The dialog, for ``field`` (None: the address field the keyboard is in)."""
        field = field or self.focused_field()
        if not self.port.showing(self.compose):
            self.port.show_view("compose")
        dialog = self._dialog()
        dialog.open_for(field)
        return dialog

    def _dialog(self) -> AddressBook:
        if self.dialog is None:
            parent = self.port.dialog_parent
            self.dialog = return_focus(AddressBook(parent, self._search, self._members, spawn=self.spawn,
                                                   call_later=self._call_later), parent)
            self.dialog.setObjectName("addressBook")
            self.dialog.add_requested.connect(self.add)
            self.dialog.spoken.connect(lambda words, loud: spoken.say(self.port, words, loud=loud))
            self.dialog.expand_requested.connect(
                lambda field, group: self.spawn(self.expand(self.field_holding(group, field), group)))
            self.dialog.access_requested.connect(lambda permission: self.spawn(self.ask_access(permission)))
        return self.dialog

    # ---- the server, through the account's session ----
    def _session(self):
        session = self.port.session
        if session is None or getattr(session, "closed", False):
            raise ConnectionFailed(translate("AddressBook", "No account is connected"))
        return session

    async def _search(self, text: str, page: str) -> DirectoryPage:
        return await self._session().search_directory(text, page=page)

    async def _members(self, group: DirectoryEntry, page: str) -> DirectoryPage:
        return await self._session().group_members(group, page=page)

    # ---- asking for a permission (incremental consent: app/mail/graph/directory_access.py) ----
    async def ask_access(self, permission: str) -> bool:
        """The account's sign-in in the browser, asking for ``permission``; then the search again. Refused (the
        user declined, or only an administrator may grant it): said so, and never offered again in this dialog."""
        from app.core.accounts import services as accounts

        dialog = self.dialog
        dialog.asking = permission
        dialog.show_asking(translate("AddressBook", "Asking for access in your browser: Dispatch carries on by "
                                                    "itself once you have answered there."))
        try:
            pending = await accounts.begin_asking(self._session().account, permission)
            if not open_in_browser(pending.url):
                pending.cancel()
                self._asked(dialog, translate("AddressBook", "No browser could be opened to ask for access."))
                return False
            await pending.wait()
        except MailError as exc:
            log.info("asking for a directory permission failed: %s", exc.code)
            dialog.refused.add(permission)
            self._asked(dialog, refused_words(permission, describe(exc.code, exc.message)))
            return False
        self._asked(dialog)
        dialog.search.again()
        dialog.members.again()
        return True

    def _asked(self, dialog: AddressBook, words: str = "") -> None:
        dialog.asking = ""
        dialog.show_asking(shown(words) if words else "")
        if words:
            spoken.say(self.port, shown(words), loud=True)

    # ---- adding ----
    def add(self, field: str, entries: list[DirectoryEntry]) -> None:
        """``entries`` added to ``field``, each address once; the dialog shows and a reader hears what was done."""
        added = self.field(field).add_recipients([e.recipient() for e in entries if e.email])
        names = ", ".join(shown_name(e) for e in entries)
        if added:
            words = translate("AddressBook", "Added to {field}: {names}").format(
                field=field_words(field), names=", ".join(r.name or r.email for r in added))
        else:
            words = translate("AddressBook", "Already in {field}: {names}").format(field=field_words(field),
                                                                                   names=names)
        self._said(words)

    def _said(self, words: str, *, loud: bool = False) -> None:
        if self.dialog is not None:
            self.dialog.say_added(words)
        spoken.say(self.port, words, loud=loud)

    # ---- expanding ----
    def field_holding(self, group: DirectoryEntry, preferred: str) -> str:
        """The field a group is expanded in: ``preferred`` (the one the dialog came from) when it holds the group,
        else the first that does, else ``preferred`` (the members are added there)."""
        holds = [name for name in ("to", "cc", "bcc")
                 if group.email.lower() in {r.email.lower() for r in self.field(name).recipients_as_typed()}]
        return preferred if preferred in holds or not holds else holds[0]

    async def expand(self, field: str, group: DirectoryEntry) -> bool:
        """``group`` in ``field`` replaced by its members (added there when the field does not hold it), once the
        user said yes; nested groups stay groups. False when not done (refused, or the members could not be read,
        said in words)."""
        if not await self.ask_expand(field, group):
            return False
        try:
            members = await every_member(lambda g, page: self._members(g, page), group)
        except Exception as exc:  # noqa: BLE001 - said in words, nothing in the field changed
            log.info("group expansion failed: %s", getattr(exc, "code", type(exc).__name__))
            self._said(translate("AddressBook", "{group} was not expanded: {reason}").format(
                group=shown_name(group), reason=shown(problem_words(exc))), loud=True)
            return False
        edit = self.field(field)
        edit.replace_recipients(expanded(edit.recipients_as_typed(), group, members))
        count = len(members)
        self._said(translate("AddressBook", "{group} expanded in {field}: %Ln member(s)", None, count).format(
            group=" ".join(group.name.split()) or group.email, field=field_words(field)))
        return True

    async def ask_expand(self, field: str, group: DirectoryEntry) -> bool:
        parent = self.dialog if self.dialog is not None and self.dialog.isVisible() else self.port.dialog_parent
        title = translate("AddressBook", "Expand the group?")
        text = translate("AddressBook", "Replace {group} in {field} by its members? The group cannot be put back "
                                        "afterwards, and once the message is sent the recipients see the members' "
                                        "addresses, not the group's. A group inside it stays a group (expand it "
                                        "next).").format(
            group=self.dialog.model.name(group) if self.dialog is not None else shown_name(group),
            field=field_words(field))
        box = QMessageBox(QMessageBox.Question, title, text, QMessageBox.NoButton, parent)
        box.setTextFormat(Qt.PlainText)  # a group's name is the server's text
        box.setObjectName(EXPAND_QUESTION)
        box.setAccessibleName(title)
        yes = box.addButton(translate("AddressBook", "&Expand"), QMessageBox.AcceptRole)
        box.setEscapeButton(box.addButton(translate("AddressBook", "Cancel"), QMessageBox.RejectRole))
        box.setDefaultButton(yes)
        answer = asyncio.get_running_loop().create_future()
        box.finished.connect(lambda _r: answer.done() or answer.set_result(box.clickedButton() is yes))
        self.question = box
        box.open()
        try:
            return await answer
        finally:
            self.question = None
            box.deleteLater()
            if parent is self.dialog:
                parent.activateWindow()
