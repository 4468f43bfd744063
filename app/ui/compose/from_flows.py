"""The window's side of Compose's From: the account's "send from" list (File > Mailboxes you
send from…), the key that takes the keyboard to From (Ctrl+Shift+F), and the server's refusal of a From
said at it.

Wiring only: what a list entry may be is app/domain/send_from.py; the list is saved with the account
(app/storage/settings.py ``set_principals``)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core.refusals import CHECK, FROM, Refusal, refusal_of
from app.domain import words
from app.domain.senders import Principal
from app.ui.common.tr import shown, translate

#: the status bar's word when Ctrl+Shift+F finds no choice to make
NO_CHOICE = words.translate("Compose", "This account sends from its own address only: add mailboxes in File > "
                                       "Mailboxes you send from…")


def account_changed(win, session) -> None:
    """The account in use changed: its mailboxes into Compose's From (hidden when it has none)."""
    if session is None:
        win.compose.from_row.set_account("", [])
        return
    acc = session.account
    if win.settings is not None:
        session.set_principals(win.settings.principals(acc))
    win.compose.from_row.set_account(acc.email, acc.principals)


def choose_from(win) -> None:
    """Ctrl+Shift+F: the keyboard to From in Compose (the arrow keys then choose), if there is a choice."""
    if win.session is None:
        return
    win.show_view("compose")
    row = win.compose.from_row
    if not row.has_choice():
        win.statusBar().showMessage(shown(NO_CHOICE), 8000)
        return
    row.combo.setFocus(Qt.ShortcutFocusReason)


def edit_send_from(win) -> None:
    """The account's list of mailboxes it sends from, in a dialog (not blocking: the answer is ``saved``)."""
    if win.session is None:
        return
    from app.ui.accounts.send_from import SendFromDialog

    session = win.session
    dlg = SendFromDialog(session.account.email, session.account.principals, win)
    dlg.saved.connect(lambda principals, s=session: _saved(win, s, principals))
    dlg.finished.connect(lambda _r: win.activateWindow())  # the keyboard back to the window, where it was
    win.keep_dialog("send_from_dialog", dlg)
    dlg.ask()


def _saved(win, session, principals: list[Principal]) -> None:
    if session is not win.session:  # signed in as someone else meanwhile: not theirs
        return
    kept = win.settings.set_principals(session.account, principals) if win.settings is not None else False
    session.set_principals(principals)  # the backend sends with them from now on (the engine's process too)
    win.compose.from_row.set_account(session.account.email, session.account.principals)
    win.statusBar().showMessage(translate("Compose", "Mailboxes you send from: saved") if kept else
                                translate("Compose", "Mailboxes you send from: kept for this session (not saved in "
                                                     "the settings)"), 6000)


def _at_from(win, text: str) -> bool:
    """A refusal of the message's From said under From, the keyboard there; False when no From is on screen."""
    c = win.compose
    if not c.from_row.has_choice():
        return False  # no From on screen to point at (the account's own address was refused)
    c.from_row.show_error(text)
    c.from_row.combo.setFocus(Qt.OtherFocusReason)
    return True


def show_refusal(win, outcome) -> None:
    """A refused send back in Compose: its reason at the field it concerns — under From for a
    Send As / on Behalf refusal (the keyboard there), else above the buttons, where Compose says what stops a
    message — and "Not sent" beside the title. The same whether it came back at once (undo send off) or was
    taken back from the Outbox after its undo window."""
    show_at_field(win, refusal_of(outcome))


def show_at_field(win, refusal: Refusal) -> None:
    """``refusal`` at the field :mod:`app.core.refusals` says it concerns (a draft opened from Drafts whose row
    still says why its last send was refused, too): until that field is edited or the message is sent again."""
    from app.ui.compose.compose_view import NOT_SENT

    c = win.compose
    if refusal.field == CHECK:
        c.validate(for_send=True)  # Compose's own check, each problem at its field
    elif refusal.field != FROM or not _at_from(win, refusal.text):
        c.set_error(refusal.text)
    c.show_state(NOT_SENT)
