"""The account a command works with, and its session: what the window's start does for its account, without a
window to ask anything (no password prompt, no browser: what is missing is said, exit 78)."""

from __future__ import annotations

import os

from app.core.scripts import exits as sc
from app.domain.account import AccountConfig, AuthType, Backend


def chosen_account(settings, wanted: str) -> AccountConfig:
    """The account set up in Dispatch; ``wanted`` (``--account ADDRESS``, "": none) must name it. None set up, or
    another: 78."""
    account = settings.account()
    wanted = wanted.strip()
    if account is None:
        raise sc.CommandError(sc.EX_CONFIG, "No account is set up: set one up with dispatch-mail account add, or "
                                            "start Dispatch (dispatch-mail) and set one up or choose the sandbox "
                                            "mailbox there.")
    if wanted and wanted.lower() != account.email.strip().lower():
        raise sc.CommandError(sc.EX_CONFIG, f"--account: {wanted} is not set up in Dispatch (the account set up is "
                                            f"{account.email}).")
    return account


def session_for(account: AccountConfig, password_env: str = ""):
    """The account's session: the sandbox mailbox in this process, Microsoft 365 with the sign-in kept in the
    keyring, or Exchange with the password from the environment variable ``password_env`` (``--password-env``;
    "": none) or the keyring."""
    from app.core.accounts.session import Session

    if account.sandbox:
        from app.core.accounts.demo import demo_session
        from app.storage.settings import data_dir

        return demo_session(data_dir(), graph=account.backend == Backend.GRAPH)
    if account.backend == Backend.GRAPH:
        return Session.for_account(account, "")  # the sign-in's tokens: the keyring (dispatch-mail sign-in)
    from app.domain.validation import check_ews_url

    problem = check_ews_url(account.ews_url)
    if problem:  # refused before any password is read or sent
        raise sc.CommandError(sc.EX_CONFIG, f"The account's server address cannot be used: {problem}.")
    return Session.for_account(account, _password(account, password_env))


def _password(account: AccountConfig, name: str) -> str:
    if name:
        if name not in os.environ:
            raise sc.CommandError(sc.EX_CONFIG, f"--password-env: the environment variable {name} is not set.")
        return os.environ[name]
    from app.storage import secrets

    password = secrets.load(account.email, account.username)
    if password is None and account.auth_type in (AuthType.KERBEROS, AuthType.AUTOMATIC):
        return ""  # the user's Kerberos ticket may be all it takes; a server asking a password says so
    if password is None:
        raise sc.CommandError(sc.EX_CONFIG, f"No password for {account.email} in the system keyring: sign in once "
                                            "(dispatch-mail sign-in --password-env VARNAME, or in Dispatch), or "
                                            "give --password-env VARNAME.")
    return password
