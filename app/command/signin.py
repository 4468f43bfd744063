"""``dispatch-mail sign-in``: sign in without the window, on a machine with no browser or no desktop.

- ``--device-code`` (Microsoft 365): Microsoft's message (the verification page and the code) on standard
  error; waits until the code is entered on another device, then "Signed in as ...". The tokens go where the
  window keeps them (msal-extensions' shared cache in the system keyring: app/mail/graph/tokens.py), so the
  window and ``dispatch-mail send`` use this sign-in, and it uses theirs. ``--plain-token-file``: a plain
  file (0600) instead, only on a machine with no keyring, and said so.
- ``--password-env VAR`` (Exchange): the password from that environment variable, checked by one connection
  to the server, then stored in the system keyring. Never a password on the command line.

Exit codes are sysexits.h's, as ``send`` and ``sendmail`` use them (app/core/scripts/exits.py): 64 usage,
69 the server or the sign-in service unreachable, 75 cancelled or expired (try again), 77 refused,
78 not configured. Nothing here prints a token, a code it redeems, or a password.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import os
import sys

from app.command.spec import SIGNIN_OPTIONS, add_options
from app.core.scripts.exits import (EX_CONFIG, EX_NOPERM, EX_OK, EX_TEMPFAIL, EX_UNAVAILABLE, EX_USAGE,
                                   CommandError)

# the authority's device-flow error codes (learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code)
# -> exit code: the user refused (77), the code ran out (75: run the command again)
_DEVICE_EXITS = {"authorization_declined": EX_NOPERM, "access_denied": EX_NOPERM, "expired_token": EX_TEMPFAIL,
                 "bad_verification_code": EX_TEMPFAIL}


class _Parser(argparse.ArgumentParser):
    """Usage errors as :class:`CommandError` (64, sysexits' EX_USAGE) instead of argparse's exit status 2."""

    def error(self, message: str):
        raise CommandError(EX_USAGE, f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    # no abbreviations: ``--password secret`` must be an error, never taken for ``--password-env``
    p = _Parser(prog="dispatch-mail sign-in", allow_abbrev=False,
                description="sign in without the window: Microsoft 365 by device code, or an Exchange password "
                            "into the system keyring")
    add_options(p, SIGNIN_OPTIONS)
    return p


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def main(argv: list[str]) -> int:
    try:
        return _run(build_parser().parse_args(argv))
    except CommandError as e:
        say(e.message)
        return e.exit_code
    except KeyboardInterrupt:
        say("dispatch-mail sign-in: cancelled; nothing was changed")
        return EX_TEMPFAIL


def _run(args) -> int:
    account = _account(args.account)
    from app.domain.account import Backend

    graph = account.backend == Backend.GRAPH
    if graph:
        if args.password_env:
            raise CommandError(EX_USAGE, f"dispatch-mail sign-in: {account.email} signs in with Microsoft 365, "
                                         "which takes no password: use --device-code")
        if not args.device_code:
            raise CommandError(EX_USAGE, f"dispatch-mail sign-in: {account.email} is a Microsoft 365 account: "
                                         "use --device-code")
        return _device_code(account, args.plain_token_file)
    if args.device_code or args.plain_token_file:
        raise CommandError(EX_USAGE, f"dispatch-mail sign-in: {account.email} is an Exchange account: "
                                     "use --password-env VAR (--device-code is for Microsoft 365)")
    if not args.password_env:
        raise CommandError(EX_USAGE, "dispatch-mail sign-in: an Exchange account's password comes from an "
                                     "environment variable: --password-env VAR")
    return _password(account, args.password_env)


def _account(wanted: str | None):
    from app.storage.settings import Settings, config_dir

    account = Settings().account()
    if account is None:
        raise CommandError(EX_CONFIG, "dispatch-mail sign-in: no account is set up: set one up with dispatch-mail "
                                      "account add, or in Dispatch's window (settings are read from "
                                      f"{config_dir()})")
    if wanted and wanted.strip().lower() != account.email.strip().lower():
        raise CommandError(EX_CONFIG, f"dispatch-mail sign-in: {wanted.strip()} is not the account set up here "
                                      f"({account.email})")
    return account


# ---------------- Microsoft 365: device code ----------------
def _device_code(account, plain_file: bool) -> int:
    signin = device_code_signin(account, plain_file, "dispatch-mail sign-in")
    if not signin.settings.client_id:
        raise CommandError(EX_CONFIG, f"dispatch-mail sign-in: no application (client) id is set for "
                                      f"{account.email}: enter the one your organisation registered in the account "
                                      "settings (Ctrl+, in the window), or deploy it in defaults.json")
    sign_in_by_code(account, signin, "dispatch-mail sign-in")
    return EX_OK


def device_code_signin(account, plain_file: bool, prog: str):
    """The account's Microsoft 365 sign-in, its tokens kept where the window keeps them (``plain_file``: a plain
    file, only on a machine with no keyring; 64 where there is one)."""
    from app.core.accounts import services as accounts
    from app.storage.secrets import KeyringTokenCacheStore, keyring_available

    if plain_file and keyring_available():
        raise CommandError(EX_USAGE, f"{prog}: this machine has a system keyring, where the tokens go; "
                                     "--plain-token-file is only for a machine without one")
    return accounts.graph_signin(account, store=KeyringTokenCacheStore(plain_file=plain_file))


def sign_in_by_code(account, signin, prog: str) -> None:
    """Sign in with a device code (Microsoft's message on standard error), then say where the sign-in is kept.
    Each failure is a :class:`CommandError` with its sysexits code, its words starting with ``prog``."""
    from app.mail.errors import AuthFailed, ConnectionFailed, SignInCancelled, TlsFailed

    try:
        who = _wait(signin)
    except SignInCancelled:
        raise CommandError(EX_TEMPFAIL, f"{prog}: cancelled; nothing was changed") from None
    except TlsFailed as e:
        raise CommandError(EX_UNAVAILABLE, f"{prog}: {e.message}"
                                           + (f" (its SHA-256: {e.fingerprint})" if e.fingerprint else "")) from None
    except ConnectionFailed as e:
        raise CommandError(EX_UNAVAILABLE, f"{prog}: {e.message} Try again later.") from None
    except AuthFailed as e:
        code = _DEVICE_EXITS.get(getattr(e, "authority_error", ""), EX_NOPERM)
        raise CommandError(code, f"{prog}: {e.message}") from None
    say(f"Signed in as {who.username}.")
    if who.kept == "file":
        say(f"The tokens are kept in a plain file readable by you alone ({_plain_file(account)}), as asked: "
            "this machine has no system keyring.")
    elif who.kept != "keyring":
        say("This machine has no system keyring: the sign-in lasts for this run only. To keep it, run again "
            "with --plain-token-file (a plain file readable by you alone).")


def _wait(signin):
    """Ask for a device code, show Microsoft's message, and wait until it is entered (or refused, or expired)."""
    pending = None
    try:
        pending = signin.begin_device_code()
        say(pending.message or f"To sign in, open {pending.verification_uri} and enter the code "
                               f"{pending.user_code}.")
        return pending.result()
    except KeyboardInterrupt:
        if pending is not None:
            _stop(pending)
        raise


def _stop(pending) -> None:
    """Ctrl+C: stop polling, and let a request to the authority already under way end before the process does
    (a few seconds at most; a second Ctrl+C does not wait)."""
    pending.cancel()
    try:
        pending.future.exception(timeout=10)
    except (KeyboardInterrupt, concurrent.futures.TimeoutError):
        pass


def _plain_file(account) -> str:
    from app.storage.secrets import plain_token_file

    return str(plain_token_file(account.email))


# ---------------- Exchange: a password into the keyring ----------------
def _password(account, variable: str) -> int:
    password = os.environ.get(variable)
    if password is None:
        raise CommandError(EX_USAGE, f"dispatch-mail sign-in: the environment variable {variable} is not set")
    if not password:
        raise CommandError(EX_USAGE, f"dispatch-mail sign-in: the environment variable {variable} is empty")
    _check(account, password)
    from app.storage import secrets

    if not secrets.store(account.email, account.username, password):
        raise CommandError(EX_UNAVAILABLE, f"dispatch-mail sign-in: the password for {account.email} is right, "
                                           "but this machine has no system keyring: nothing was stored")
    say(f"Signed in as {account.username or account.email}: the password is in the system keyring.")
    return EX_OK


def _check(account, password: str) -> None:
    """One connection to the server with the password, through the session the window uses."""
    from app.core.accounts.session import Session
    from app.domain.models import ErrorKind
    from app.mail.errors import MailError

    session = Session.for_account(account, password)
    try:
        asyncio.run(session.connect())
    except MailError as e:
        if e.kind == ErrorKind.AUTH:
            raise CommandError(EX_NOPERM, f"dispatch-mail sign-in: the server refused the password for "
                                          f"{account.email}; nothing was stored") from None
        raise CommandError(EX_UNAVAILABLE, f"dispatch-mail sign-in: could not check the password: {e.message}; "
                                           "nothing was stored") from None
    finally:
        session.close()
