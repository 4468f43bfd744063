"""``dispatch-mail`` / ``python -m app``: parse the command line, then start the window, or run a command
(``send``, ``sendmail``, ``outbox``, ``sign-in``: app/command/).

Kept tiny: ``--version`` and ``--help`` never import Qt.
"""

from __future__ import annotations

import os
import sys
from types import SimpleNamespace

from app import APP_NAME, MAIL_ENGINE_FLAG, MAIL_ENGINE_VARIABLE, QT_HTML_FLAG, __version__
from app.domain.words import QT_TRANSLATE_NOOP


class Arg:
    """One option of the window's command line, as argparse takes it (the commands' own: app/command/spec.py).
    A plain class: ``typing`` (NamedTuple) would add ~4 ms to ``--version``."""

    __slots__ = ("flags", "help", "kwargs")

    def __init__(self, flags: tuple[str, ...], help: str, kwargs: dict):
        self.flags, self.help, self.kwargs = flags, help, kwargs


#: the window's options as data, (group title or "", its options): the parser is built from it, and so are the
#: man page and the shell completions (app/command/manpage.py, app/command/completion.py)
WINDOW_OPTIONS: tuple[tuple[str, tuple[Arg, ...]], ...] = (
    ("", (
        Arg(("--version",), QT_TRANSLATE_NOOP("ManPage", "print the version and exit"),
            {"action": "version", "version": f"{APP_NAME} {__version__}"}),
        Arg(("--sandbox",), QT_TRANSLATE_NOOP("ManPage", "use the built-in sandbox mailbox (signs in as "
                                                         "alice@example.com)"), {"action": "store_true"}),
        Arg(("--sandbox-graph",), QT_TRANSLATE_NOOP("ManPage", "the built-in sandbox mailbox through Microsoft Graph "
                                                               "(signs in to the sandbox's own authority)"),
            {"action": "store_true"}),
        Arg(("--self-test",), QT_TRANSLATE_NOOP("ManPage", "check this installation end to end (built-in sandbox, "
                                                           "offscreen) and print one line"), {"action": "store_true"}),
    )),
    (QT_TRANSLATE_NOOP("ManPage", "an account for this run only, not saved (all four together; to set one up: "
                                  "dispatch-mail account add)"), (
        Arg(("--ews-url",), QT_TRANSLATE_NOOP("ManPage", "the EWS endpoint, e.g. "
                                                         "https://mail.example.com/EWS/Exchange.asmx (http:// only for "
                                                         "this computer: localhost, 127.0.0.1, ::1)"),
            {"metavar": "URL"}),
        Arg(("--email",), QT_TRANSLATE_NOOP("ManPage", "the mailbox's e-mail address"), {"metavar": "ADDR"}),
        Arg(("--username",), QT_TRANSLATE_NOOP("ManPage", "the sign-in user name (DOMAIN\\user or UPN)"),
            {"metavar": "USER"}),
        Arg(("--password-env",), QT_TRANSLATE_NOOP("ManPage", "name of an environment variable holding the password"),
            {"metavar": "VARNAME"}),
        Arg(("--auth",), QT_TRANSLATE_NOOP("ManPage", "sign-in method: automatic (the server's offer: Kerberos with "
                                                     "your ticket, NTLM, then Basic), basic, ntlm or kerberos "
                                                     "(default automatic)"),
            {"choices": ["automatic", "basic", "ntlm", "kerberos"], "default": "automatic"}),
        Arg(("--no-verify-tls",), QT_TRANSLATE_NOOP("ManPage", "do not verify the server's TLS certificate"),
            {"action": "store_true"}),
    )),
)
DESCRIPTION = QT_TRANSLATE_NOOP("ManPage", "Dispatch: compose, save and send mail through Microsoft Exchange (EWS).")
EPILOG = QT_TRANSLATE_NOOP("ManPage", "With no options, the account set up (in the window, or with dispatch-mail "
                                      "account add) is used. Passwords are read from the system keyring, never from "
                                      "the command line.")
# what ``dispatch-mail --help`` says last: the commands (app/command/) and the manual
COMMANDS_HELP = ("Commands, without the window (for scripts and servers): {commands}. dispatch-mail COMMAND --help "
                 "says what each takes; the manual: man dispatch-mail.")
# said on standard error when the window starts with an account on its command line
NOT_SAVED = ("dispatch-mail: {email} is used for this run only and is not saved; to set it up: dispatch-mail account "
             "add (or Ctrl+, in the window).")


def build_parser():
    import argparse

    from app.command import COMMAND_NAMES

    p = argparse.ArgumentParser(prog="dispatch-mail", description=DESCRIPTION, allow_abbrev=False,
                                epilog=f"{EPILOG} {COMMANDS_HELP.format(commands=', '.join(COMMAND_NAMES))}")
    for title, args in WINDOW_OPTIONS:
        group = p.add_argument_group(title) if title else p
        for arg in args:
            group.add_argument(*arg.flags, help=arg.help, **arg.kwargs)
    return p


_FAST = {(): False, ("--sandbox",): True}


def parse(argv: list[str] | None = None):
    argv = sys.argv[1:] if argv is None else list(argv)
    if tuple(argv) in _FAST:  # the common starts skip argparse (~20 ms on the way to the first frame)
        return SimpleNamespace(sandbox=_FAST[tuple(argv)], ews_url=None, email=None, username=None,
                               password_env=None, auth="automatic", no_verify_tls=False, password=None,
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
    if args.ews_url:  # the window's account flags: used as given, never saved (said, so that nobody relies on it)
        print(NOT_SAVED.format(email=args.email), file=sys.stderr, flush=True)
    os.environ.setdefault(MAIL_ENGINE_VARIABLE, "process")  # the app's EWS backends run apart (app/mail/engine.py)
    if args.self_test:
        from app.selftest import run as self_test

        return self_test([])
    from app.app_main import run

    return run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
