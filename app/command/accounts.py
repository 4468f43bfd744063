"""``dispatch-mail account [list | add | remove]``: the account set up on this computer, without the window (a
server with no desktop).

- ``add`` (:mod:`app.command.account_add`): Exchange (EWS) with ``--ews-url`` or ``--find-server``, or Microsoft
  365 by device code; tried with one connection and only then kept, as the window's account dialog keeps it
  (:mod:`app.core.accounts.setup`): the settings file, the secret in the system keyring.
- ``list``: the account set up (``--json``), and whether its password or sign-in is kept.
- ``remove``: the account, its password or sign-in taken off; what waits in its Outbox stays journaled.

Exit codes are sysexits.h's, as the other commands' (app/core/scripts/exits.py): 64 usage, 69 the server or the
sign-in service not reached (or nothing found), 73 the settings not written, 75 cancelled or the account busy,
77 refused, 78 not configured. Nothing here prints a password or a token.
"""

from __future__ import annotations

import json

from app.command.account_add import PROG, add
from app.command.signin import _Parser, say
from app.command.spec import ACCOUNT_OPTIONS, add_options
from app.core.scripts.exits import EX_CANTCREAT, EX_CONFIG, EX_OK, EX_TEMPFAIL, CommandError



def build_parser():
    p = _Parser(prog=PROG, allow_abbrev=False,
                description="set up the account without the window (a server with no desktop), show it, or take "
                            "it off")
    add_options(p, ACCOUNT_OPTIONS)
    return p


def main(argv: list[str], *, find_transport=None) -> int:
    """``dispatch-mail account ARGV``; ``find_transport``: where ``--find-server`` looks (default the system's
    names and certificates: app.core.accounts.autodiscover.default_transport)."""
    try:
        args = build_parser().parse_args(argv)
        if args.action == "add":
            return add(args, find_transport)
        if args.action == "remove":
            return _remove(args)
        return _list(args)
    except CommandError as e:
        say(e.message)
        return e.exit_code
    except KeyboardInterrupt:
        say(f"{PROG}: cancelled; nothing was changed")
        return EX_TEMPFAIL


# ---------------- list ----------------
def _list(args) -> int:
    from app.storage.settings import Settings

    account = Settings().account()
    if args.json:
        print(json.dumps([] if account is None else [_described(account)], ensure_ascii=False))
        return EX_OK
    if account is None:
        print("No account is set up: dispatch-mail account add sets one up.")
        return EX_OK
    d = _described(account)
    lines = [f"{d['email']}  {_KINDS[d['type']]}"]
    if d.get("ews_url"):
        lines.append(f"  server: {d['ews_url']}  user: {d['username']}  method: {d['auth']}")
        if d.get("signed_in"):
            lines.append(f"  {d['signed_in']}")
    if d["type"] != "sandbox":
        lines.append("  " + _SECRET_WORDS[d["type"], d["secret_kept"]])
    print("\n".join(lines))
    return EX_OK


_KINDS = {"exchange": "Exchange (EWS)", "microsoft-365": "Microsoft 365", "sandbox": "the built-in sandbox mailbox"}
# (type, whether its secret is kept) -> what ``account list`` says of it
_SECRET_WORDS = {
    ("exchange", True): "password: in the system keyring",
    ("exchange", False): "password: not kept (--password-env VAR with each command, or dispatch-mail sign-in)",
    ("microsoft-365", True): "signed in: yes",
    ("microsoft-365", False): "signed in: no (dispatch-mail sign-in --device-code)",
}


def _described(account) -> dict:
    from app.domain.account import Backend

    if account.sandbox:
        return {"email": account.email, "type": "sandbox"}
    if account.backend == Backend.GRAPH:
        signin = (account.extra or {}).get("graph_signin") or {}
        return {"email": account.email, "type": "microsoft-365", "application_id": signin.get("client_id", ""),
                "authority": signin.get("authority", ""), "secret_kept": _signed_in(account)}
    from app.domain.account import signed_in_words
    from app.storage import secrets

    return {"email": account.email, "type": "exchange", "ews_url": account.ews_url, "username": account.username,
            "auth": account.auth_type.value, "signed_in": str(signed_in_words(account)), "secret_kept": secrets.load(account.email, account.username) is not None}


def _signed_in(account) -> bool:
    from app.storage.secrets import KeyringTokenCacheStore, plain_token_file

    return KeyringTokenCacheStore().load(account.email) is not None or plain_token_file(account.email).exists()


# ---------------- remove ----------------
# (one message?) -> what ``remove`` says of the account's messages still in its Outbox
_STILL_WAITING = {True: "1 message of it waits in its Outbox, kept on this computer: it goes out once the same "
                        "account is set up again.",
                  False: "{n} messages of it wait in its Outbox, kept on this computer: they go out once the same "
                         "account is set up again."}

def _remove(args) -> int:
    from app.core.accounts.setup import NotWritten, take_off
    from app.core.scripts.doors import AccountLock, DoorError
    from app.storage.journal import Journal
    from app.storage.settings import Settings

    settings = Settings()
    account = settings.account()
    if account is None:
        say(f"{PROG} remove: no account is set up; nothing was changed")
        return EX_OK
    if args.email and args.email.strip().lower() != account.email.strip().lower():
        raise CommandError(EX_CONFIG, f"{PROG} remove: {args.email.strip()} is not the account set up here "
                                      f"({account.email}); nothing was changed")
    try:
        taken = AccountLock(account.key).take()  # held until this process ends: nobody sends with it meanwhile
    except (DoorError, OSError) as exc:
        raise CommandError(EX_CONFIG, f"{PROG} remove: Dispatch cannot lock the account's queue ({exc}); nothing "
                                      "was changed") from None
    if not taken:
        raise CommandError(EX_TEMPFAIL, f"{PROG} remove: Dispatch or a dispatch-mail command is using "
                                        f"{account.email} now; close it, then try again. Nothing was changed.")
    journal = Journal()
    try:
        gone = take_off(settings, journal)
    except NotWritten as exc:
        raise CommandError(EX_CANTCREAT, f"{PROG} remove: Dispatch could not write its settings file {exc.path}; "
                                         "nothing was changed") from None
    finally:
        journal.close()
    say(f"Removed {account.email} from this computer, with its password or sign-in.")
    if gone.waiting:
        say(_STILL_WAITING[gone.waiting == 1].format(n=gone.waiting))
    return EX_OK
