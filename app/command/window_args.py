"""The window's own command line (``dispatch-mail [--sandbox | --ews-url ... ]``) read into its settings: parsed
here, where every command line of Dispatch is parsed (app/command/), from its options as data
(:data:`app.command.spec.WINDOW_OPTIONS`, read only when a command line is more than a common start); app/cli.py
only says which one a command line is for.

Kept light: ``--version`` and ``--help`` never import Qt, and the common starts skip argparse."""

from __future__ import annotations

import os
from types import SimpleNamespace

from app.domain.words import QT_TRANSLATE_NOOP

DESCRIPTION = QT_TRANSLATE_NOOP("ManPage", "Dispatch: compose, save and send mail through Microsoft Exchange (EWS).")
EPILOG = QT_TRANSLATE_NOOP("ManPage", "With no options, the account set up (in the window, or with dispatch-mail "
                                      "account add) is used. Passwords are read from the system keyring, never from "
                                      "the command line.")
# what ``dispatch-mail --help`` says last: the commands (app/command/) and the manual
COMMANDS_HELP = ("Commands, without the window (for scripts and servers): {commands}. dispatch-mail COMMAND --help "
                 "says what each takes; the manual: man dispatch-mail.")


def build_parser():
    import argparse

    from app.command import COMMAND_NAMES
    from app.command.spec import WINDOW_OPTIONS, add_options  # the common starts need neither (:data:`_FAST`)

    p = argparse.ArgumentParser(prog="dispatch-mail", description=DESCRIPTION, allow_abbrev=False,
                                epilog=f"{EPILOG} {COMMANDS_HELP.format(commands=', '.join(COMMAND_NAMES))}")
    for title, args in WINDOW_OPTIONS:
        add_options(p.add_argument_group(title) if title else p, args)
    return p


_FAST = {(): False, ("--sandbox",): True}


def parse(argv: list[str]):
    argv = list(argv)
    if tuple(argv) in _FAST:  # the common starts skip argparse (~20 ms on the way to the first frame)
        return SimpleNamespace(sandbox=_FAST[tuple(argv)], ews_url=None, email=None, username=None,
                               password_env=None, auth="automatic", no_verify_tls=False, password=None,
                               self_test=False, link=None)
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


