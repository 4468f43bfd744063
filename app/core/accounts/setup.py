"""Setting an account up on this computer, and taking it off: one way for the window's account dialog (its
Connect, app/app_main.py), the window's account flags and ``dispatch-mail account add | remove`` (app/command/).
No Qt.

- :func:`try_account`: the account is tried with one connection; only then is it kept (:func:`keep`), replacing
  the one set up. A failure raises the connection's :class:`app.mail.errors.MailError` and changes nothing.
- :func:`keep`: the account into the settings file (never its password) and an Exchange password into the system
  keyring (a Microsoft 365 account's sign-in is in the keyring already: its tokens); whether the secret is kept
  beyond this process.
- :func:`take_off`: the account out of the settings, its password or sign-in out of the keyring. What waits in
  its Outbox stays journaled (it goes out if the same account is set up again): nothing vanishes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from app.domain.account import AccountConfig, Backend


class NotWritten(Exception):
    """The settings file (``path``) could not be written (the settings log why): the account set up has not changed
    on disk, and a password stored for the new one was taken out of the keyring again."""

    def __init__(self, path: str):
        super().__init__(path)
        self.path = path


@dataclass
class Kept:
    """An account tried and kept: its connected ``session``, and whether its secret (an Exchange password, a
    Microsoft 365 sign-in) is kept beyond this process (False: no system keyring)."""

    session: object
    stored: bool


async def try_account(settings, account: AccountConfig, password: str, *,
                      on_server_info: Callable | None = None, must_write: bool = False) -> Kept:
    """One connection with ``account`` (``password``: "" for Microsoft 365); connected, it is kept as the account
    set up. Raises the connection's MailError (nothing kept, the session closed), or :class:`NotWritten` (the session
    closed) when the settings could not be written and ``must_write``."""
    from app.core.accounts.session import Session
    from app.mail.errors import MailError

    session = Session.for_account(account, password, on_server_info=on_server_info)
    try:
        await session.connect()
    except MailError:
        session.close()
        raise
    try:
        return Kept(session, keep(settings, account, password, must_write=must_write))
    except NotWritten:
        session.close()
        raise


def keep(settings, account: AccountConfig, password: str, *, must_write: bool = False) -> bool:
    """``account`` becomes the one set up (the settings file); an Exchange password goes into the keyring. Whether
    the secret outlives this process (False: no system keyring). A settings file that cannot be written: the
    window goes on with the account for this session (the settings say why, in the window); with ``must_write``
    (a command, which has no session to go on with) :class:`NotWritten`, and the password out of the keyring."""
    from app.storage import secrets

    if account.backend == Backend.GRAPH:
        stored = secrets.keyring_available()  # the sign-in's tokens are in the keyring already
    else:
        stored = secrets.store(account.email, account.username, password)
    if not settings.set_account(account) and must_write:
        if account.backend != Backend.GRAPH:
            secrets.forget(account.email, account.username)
        raise NotWritten(str(settings.path))
    return stored


@dataclass
class TakenOff:
    """What :func:`take_off` did: the account taken off (None: none was set up), how many messages of it wait in
    the journal (kept for when it is set up again)."""

    account: AccountConfig | None
    waiting: int = 0


def take_off(settings, journal=None) -> TakenOff:
    """The account set up is taken off this computer: out of the settings, its password or Microsoft 365 sign-in
    out of the keyring. ``journal`` (app.storage.journal.Journal) is asked what still waits for it. The settings
    are written first: when they cannot be (:class:`NotWritten`), the secrets stay."""
    from app.storage import secrets

    account = settings.account()
    if account is None:
        return TakenOff(None)
    waiting = 0
    if journal is not None and not account.sandbox:
        waiting = journal.sends_by_account().get(account.key, 0)
    if not settings.set_account(None):
        raise NotWritten(str(settings.path))
    if account.backend == Backend.GRAPH and not account.sandbox:
        secrets.KeyringTokenCacheStore().forget(account.email)
    elif not account.sandbox:
        secrets.forget(account.email, account.username)
    return TakenOff(account, waiting)
