"""The window's side of Compose's From: the account's "send from" list (File > Mailboxes you
send from…), the key that takes the keyboard to From (Ctrl+Shift+F), and the server's refusal of a From
said at it.

Wiring only: what a list entry may be is app/domain/send_from.py; the list is saved with the account
(app/storage/settings.py ``set_principals``)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core.sending.refusals import CHECK, FROM, Refusal, refusal_of
from app.domain import words
from app.domain.senders import Principal
from app.ui.common.port import ShellPort
from app.ui.common.tr import shown, translate

#: the status bar's word when Ctrl+Shift+F finds no choice to make
NO_CHOICE = words.translate("Compose", "This account sends from its own address only: add mailboxes in File > "
                                       "Mailboxes you send from…")


def account_changed(settings, compose, session) -> None:
    """The account in use changed: its mailboxes (from ``settings``) into Compose's From (hidden when it has none)."""
    if session is None:
        compose.from_row.set_account("", [])
        return
    acc = session.account
    if settings is not None:
        session.set_principals(settings.principals(acc))
    compose.from_row.set_account(acc.email, acc.principals)


def choose_from(port: ShellPort, compose) -> None:
    """Ctrl+Shift+F: the keyboard to From in Compose (the arrow keys then choose), if there is a choice."""
    if port.session is None:
        return
    port.show_view("compose")
    row = compose.from_row
    if not row.has_choice():
        port.say(shown(NO_CHOICE), ms=8000)
        return
    row.combo.setFocus(Qt.ShortcutFocusReason)


def edit_send_from(port: ShellPort, compose) -> None:
    """The account's list of mailboxes it sends from, in a dialog (not blocking: the answer is ``saved``)."""
    if port.session is None:
        return
    from app.ui.accounts.send_from import SendFromDialog

    session = port.session
    dlg = SendFromDialog(session.account.email, session.account.principals, port.dialog_parent)
    dlg.saved.connect(lambda principals, s=session: _saved(port, compose, s, principals))
    dlg.finished.connect(lambda _r: port.activate())  # the keyboard back to the window, where it was
    port.keep_dialog("send_from_dialog", dlg)
    dlg.ask()


def _saved(port: ShellPort, compose, session, principals: list[Principal]) -> None:
    if session is not port.session:  # signed in as someone else meanwhile: not theirs
        return
    settings = port.settings
    kept = settings.set_principals(session.account, principals) if settings is not None else False
    session.set_principals(principals)  # the backend sends with them from now on (the engine's process too)
    compose.from_row.set_account(session.account.email, session.account.principals)
    port.say(translate("Compose", "Mailboxes you send from: saved") if kept else
             translate("Compose", "Mailboxes you send from: kept for this session (not saved in "
                                  "the settings)"), ms=6000)


def _at_from(c, text: str) -> bool:
    """A refusal of the message's From said under From (of Compose ``c``), the keyboard there; False when no From
    is on screen."""
    if not c.from_row.has_choice():
        return False  # no From on screen to point at (the account's own address was refused)
    c.from_row.show_error(text)
    c.from_row.combo.setFocus(Qt.OtherFocusReason)
    return True


def show_refusal(compose, outcome) -> None:
    """A refused send back in Compose: its reason at the field it concerns — under From for a
    Send As / on Behalf refusal (the keyboard there), else above the buttons, where Compose says what stops a
    message — and "Not sent" beside the title. The same whether it came back at once (undo send off) or was
    taken back from the Outbox after its undo window."""
    show_at_field(compose, refusal_of(outcome))


def show_at_field(compose, refusal: Refusal) -> None:
    """``refusal`` at the field :mod:`app.core.sending.refusals` says it concerns (a draft opened from Drafts whose row
    still says why its last send was refused, too): until that field is edited or the message is sent again."""
    from app.ui.compose.compose_view import NOT_SENT

    c = compose
    if refusal.field == CHECK:
        c.validate(for_send=True)  # Compose's own check, each problem at its field
    elif refusal.field != FROM or not _at_from(c, refusal.text):
        c.set_error(refusal.text)
    c.show_state(NOT_SENT)
