"""``dispatch-mail account add``: an account set up with no window (:mod:`app.command.accounts` has the command).

Exchange (EWS): the server from ``--ews-url`` or found by Autodiscover (``--find-server``: :mod:`app.core.accounts.autodiscover`,
each step said on standard error, a host that was not typed asked about on the terminal first); the password from
``--password-env VAR`` or asked on the terminal (getpass), never from the command line. Microsoft 365: a sign-in
by device code (:mod:`app.command.signin`). Then one connection, and only then the account kept as the window's
Connect keeps it (:mod:`app.core.accounts.setup`); any failure changes nothing.
"""

from __future__ import annotations

import asyncio
import os
import sys

from app.command.signin import say
from app.core.scripts.exits import (EX_CANTCREAT, EX_CONFIG, EX_NOPERM, EX_OK, EX_UNAVAILABLE, EX_USAGE,
                                   CommandError)

PROG = "dispatch-mail account"
# add's options of each kind of account: one of the other kind is a usage error
_EWS_ONLY = ("ews_url", "find_server", "username", "password_env")
_M365_ONLY = ("application_id", "authority", "graph_url", "plain_token_file")


def add(args, find_transport) -> int:
    """``account add``: its exit code (a failure: :class:`CommandError`)."""
    from app.domain.validation import is_valid_address

    if not args.email:
        raise CommandError(EX_USAGE, f"{PROG} add: give the mailbox's address: --email ADDR")
    if not is_valid_address(args.email.strip()):
        raise CommandError(EX_USAGE, f"{PROG} add: --email: {args.email.strip()} is not a valid e-mail address")
    if args.microsoft_365:
        _only(args, _EWS_ONLY, "a Microsoft 365 account signs in with a code, with no password or server")
        return _add_m365(args)
    _only(args, _M365_ONLY, "these are for a Microsoft 365 account (--microsoft-365)")
    return _add_ews(args, find_transport)


def _only(args, others: tuple[str, ...], why: str) -> None:
    given = [f"--{name.replace('_', '-')}" for name in others if getattr(args, name)]
    if given:
        raise CommandError(EX_USAGE, f"{PROG} add: {', '.join(given)}: {why}")


def _pin(args) -> str:
    from app.storage.settings import format_fingerprint

    if not args.trust_certificate:
        return ""
    pin = format_fingerprint(args.trust_certificate)
    if len(pin) != 95:
        raise CommandError(EX_USAGE, f"{PROG} add: --trust-certificate: a SHA-256 fingerprint is 64 hexadecimal "
                                     "digits (colons may separate them)")
    return pin


def _previous(settings, email: str) -> list:
    """The mailboxes the account sends from stay with it when it is set up again (as in the window)."""
    before = settings.account()
    same = before is not None and before.email.strip().lower() == email.strip().lower()
    return list(before.principals) if same else []


def _add_m365(args) -> int:
    from app.command.signin import device_code_signin, sign_in_by_code
    from app.domain.m365 import check_authority, check_graph_endpoint, graph_account
    from app.storage import org_defaults
    from app.storage.settings import Settings

    defaults = org_defaults.load()
    client_id = (args.application_id or defaults.client_id).strip()
    if not client_id:
        raise CommandError(EX_CONFIG, f"{PROG} add: give the application (client) ID your organisation registered "
                                      "(--application-id ID), or deploy it in defaults.json")
    authority, graph_url = args.authority or defaults.authority, args.graph_url or defaults.graph_url
    for option, problem in (("--authority", authority and check_authority(authority)),
                            ("--graph-url", graph_url and check_graph_endpoint(graph_url))):
        if problem:
            raise CommandError(EX_USAGE, f"{PROG} add: {option}: {problem}")
    pin = _pin(args)
    settings = Settings()
    extra = {"graph_signin": {"authority_pin_sha256": pin}} if pin else None
    account = graph_account(args.email, client_id, authority, graph_url, extra=extra,
                            principals=_previous(settings, args.email))
    signin = device_code_signin(account, args.plain_token_file, f"{PROG} add")
    sign_in_by_code(account, signin, f"{PROG} add")
    _connect_and_keep(settings, account, "")
    say(f"Set up {account.email} (Microsoft 365): the window and the commands use it now.")
    return EX_OK


def _add_ews(args, find_transport) -> int:
    from app.domain.account import AccountConfig, AuthType
    from app.domain.validation import check_ews_url
    from app.storage.settings import Settings

    if bool(args.ews_url) == bool(args.find_server):
        raise CommandError(EX_USAGE, f"{PROG} add: give the server, --ews-url URL, or --find-server (one of them)")
    if args.ews_url and check_ews_url(args.ews_url.strip()):
        raise CommandError(EX_USAGE, f"{PROG} add: --ews-url: {check_ews_url(args.ews_url.strip())}")
    email = args.email.strip()
    username = (args.username or email).strip()
    pin = _pin(args)
    password = "" if args.auth == "kerberos" else _password(args.password_env, username)  # the user's ticket
    url = args.ews_url.strip() if args.ews_url else _find(email, username, password, find_transport)
    settings = Settings()
    account = AccountConfig(email=email, ews_url=url, username=username, auth_type=AuthType(args.auth),
                            pinned_cert_sha256=pin, principals=_previous(settings, email))
    stored = _connect_and_keep(settings, account, password)
    say(f"Set up {email} (Exchange, {url}): " + (
        "the password is in the system keyring; the window and the commands use it now." if stored else
        "this machine has no system keyring, so the password was not stored: give --password-env VAR to each "
        "command."))
    return EX_OK


def _password(variable: str | None, username: str) -> str:
    """From the environment variable named, or asked on the terminal; never from the command line."""
    if variable:
        if variable not in os.environ:
            raise CommandError(EX_USAGE, f"{PROG} add: the environment variable {variable} is not set")
        if not os.environ[variable]:
            raise CommandError(EX_USAGE, f"{PROG} add: the environment variable {variable} is empty")
        return os.environ[variable]
    if sys.stdin is None or not sys.stdin.isatty():
        raise CommandError(EX_USAGE, f"{PROG} add: no terminal to ask the password on: give it in an environment "
                                     "variable, --password-env VAR")
    import getpass

    password = getpass.getpass(f"Password for {username}: ", stream=sys.stderr)
    if not password:
        raise CommandError(EX_USAGE, f"{PROG} add: no password given; nothing was changed")
    return password


def _find(email: str, username: str, password: str, transport) -> str:
    """The EWS URL found by Autodiscover, each step said as it goes; a host that was not typed is asked about on
    the terminal first (with no terminal: not asked, nothing sent there)."""
    from app.core.accounts.autodiscover import default_transport, discover

    outcome = discover(email, username, password, transport or default_transport(), confirm=_confirm,
                       on_step=_step)
    if outcome.exchange_online:
        raise CommandError(EX_CONFIG, f"{PROG} add: {email} is a Microsoft 365 mailbox: set it up with "
                                      f"--microsoft-365 --email {email} --application-id ID")
    if not outcome.found:
        raise CommandError(EX_UNAVAILABLE, f"{PROG} add: the server was not found ({len(outcome.tried)} steps "
                                           f"tried, above). {outcome.advice} Give it with --ews-url URL.")
    if outcome.alternate_mailboxes:
        names = ", ".join(m.smtp_address for m in outcome.alternate_mailboxes)
        say(f"The server also names mailboxes {email} may open: {names}. To send from them, add them in the window "
            "(Account → Mailboxes you send from).")
    return outcome.ews_url


_MARKS = {"trying": "…", "found": "✓", "failed": "✗", "skipped": "–"}


def _step(step) -> None:
    if step.state != "trying":
        say(f"{_MARKS.get(step.state, ' ')} {step.text}" + (f": {step.detail}" if step.detail else ""))


def _confirm(question) -> bool:
    if sys.stdin is None or not sys.stdin.isatty():
        say(f"{question.text} Not asked (no terminal): nothing is sent to {question.host}.")
        return False
    say(question.text)
    try:
        answer = input("Send it there? [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def _connect_and_keep(settings, account, password: str) -> bool:
    """One connection with the account, as the window's Connect: connected, it is kept (settings, keyring);
    else the reason, with its exit code, and nothing changed."""
    from app.core.accounts.setup import NotWritten, try_account
    from app.domain.explain import describe
    from app.domain.models import ErrorKind
    from app.mail.errors import MailError, TlsFailed

    async def attempt():
        kept = await try_account(settings, account, password, must_write=True)
        kept.session.close()
        return kept.stored

    try:
        return asyncio.run(attempt())
    except NotWritten as e:
        raise CommandError(EX_CANTCREAT, f"{PROG} add: the account works, but Dispatch could not write its settings "
                                         f"file {e.path}; nothing was set up") from None
    except TlsFailed as e:
        fp = f" Its SHA-256 fingerprint: {e.fingerprint}; if it is the one your administrator gave you, run again " \
             f"with --trust-certificate {e.fingerprint}." if e.fingerprint else ""
        raise CommandError(EX_UNAVAILABLE, f"{PROG} add: {describe(e.code, e.message)}.{fp} Nothing was "
                                           "changed.") from None
    except MailError as e:
        if e.kind == ErrorKind.AUTH and e.code != "ErrorAuthenticationFailed":  # not the password
            raise CommandError(EX_NOPERM, f"{PROG} add: {account.email}: {e.message}; nothing was "
                                          "changed") from None
        if e.kind == ErrorKind.AUTH:
            raise CommandError(EX_NOPERM, f"{PROG} add: the server refused the user name or password for "
                                          f"{account.email}; nothing was changed") from None
        raise CommandError(EX_UNAVAILABLE, f"{PROG} add: could not connect: {describe(e.code, e.message)}. Nothing "
                                           "was changed.") from None
