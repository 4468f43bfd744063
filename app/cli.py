"""``dispatch-mail`` / ``python -m app``: parse the command line, then start the window, or run a command
(``send``, ``sendmail``, ``outbox``, ``sign-in``: app/command/).

Kept tiny: ``--version`` and ``--help`` never import Qt.
"""

from __future__ import annotations

import os
import sys
from types import SimpleNamespace

from app import APP_NAME, MAIL_ENGINE_FLAG, MAIL_ENGINE_VARIABLE, QT_HTML_FLAG, __version__


def build_parser():
    import argparse

    p = argparse.ArgumentParser(
        prog="dispatch-mail",
        description=f"{APP_NAME}: compose, save and send mail through Microsoft Exchange (EWS).",
        epilog="With no options, the account set up on first run is used. Passwords are read from the "
        "system keyring, never from the command line.",
    )
    p.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    p.add_argument("--sandbox", action="store_true", help="use the built-in sandbox mailbox (signs in as alice@example.com)")
    p.add_argument("--sandbox-graph", action="store_true",
                   help="the built-in sandbox mailbox through Microsoft Graph (signs in to the sandbox's own authority)")
    p.add_argument("--self-test", action="store_true",
                   help="check this installation end to end (built-in sandbox, offscreen) and print one line")
    acc = p.add_argument_group("account (all four together)")
    acc.add_argument("--ews-url", metavar="URL", help="the EWS endpoint, e.g. https://mail.example.com/EWS/Exchange.asmx "
                     "(http:// only for this computer: localhost, 127.0.0.1, ::1)")
    acc.add_argument("--email", metavar="ADDR", help="the mailbox's e-mail address")
    acc.add_argument("--username", metavar="USER", help="the sign-in user name (DOMAIN\\user or UPN)")
    acc.add_argument("--password-env", metavar="VARNAME", help="name of an environment variable holding the password")
    acc.add_argument("--auth", choices=["basic", "ntlm"], default="basic", help="authentication type (default basic)")
    acc.add_argument("--no-verify-tls", action="store_true", help="do not verify the server's TLS certificate")
    return p


_FAST = {(): False, ("--sandbox",): True}


def parse(argv: list[str] | None = None):
    argv = sys.argv[1:] if argv is None else list(argv)
    if tuple(argv) in _FAST:  # the common starts skip argparse (~20 ms on the way to the first frame)
        return SimpleNamespace(sandbox=_FAST[tuple(argv)], ews_url=None, email=None, username=None,
                               password_env=None, auth="basic", no_verify_tls=False, password=None,
                               self_test=False)
    p = build_parser()
    args = p.parse_args(argv)
    given = [args.ews_url, args.email, args.username, args.password_env]
    if any(given) and not all(given):
        p.error("--ews-url, --email, --username and --password-env go together")
    if args.sandbox and any(given):
        p.error("--sandbox cannot be combined with an account")
    if args.password_env:
        if args.password_env not in os.environ:
            p.error(f"the environment variable {args.password_env} is not set")
        args.password = os.environ[args.password_env]
    else:
        args.password = None
    if args.ews_url is not None:
        from app.domain.validation import check_ews_url

        problem = check_ews_url(args.ews_url)
        if problem:  # e.g. http:// to another host: the password would cross the network in clear text
            p.error(f"--ews-url: {problem}")
    return args


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == [QT_HTML_FLAG]:  # the app's own helper process (app/ui/compose/body/html_helper.py)
        from app.ui.compose.body.html_helper import serve

        return serve(argv[1:])
    if argv[:1] == [MAIL_ENGINE_FLAG]:  # the app's mail engine (app/mail/engine_host.py)
        from app.mail.engine_host import main as engine

        return engine()
    from app.command import COMMAND_NAMES

    if argv[:1] and argv[0] in COMMAND_NAMES:  # a script's command: no window, no Qt (app/command/)
        from app.command import run as command

        return command(argv)
    args = parse(argv)
    os.environ.setdefault(MAIL_ENGINE_VARIABLE, "process")  # the app's EWS backends run apart (app/mail/engine.py)
    if args.self_test:
        from app.selftest import run as self_test

        return self_test([])
    from app.app_main import run

    return run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
