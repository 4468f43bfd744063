"""``dispatch-mail`` / ``python -m app``: say which a command line is for (a helper process of the app's own, a
command: app/command/, or the window), and hand it there. Nothing is parsed here: every command line of Dispatch
is read in app/command/ (the window's by :func:`app.command.window_args.parse`; tests/test_rules.py checks it).

Kept tiny: ``--version`` and ``--help`` never import Qt.
"""

from __future__ import annotations

import os
import sys

from app import MAIL_ENGINE_FLAG, MAIL_ENGINE_VARIABLE, QT_HTML_FLAG
from app.command.window_args import parse

# said on standard error when the window starts with an account on its command line
NOT_SAVED = ("dispatch-mail: {email} is used for this run only and is not saved; to set it up: dispatch-mail account "
             "add (or Ctrl+, in the window).")


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
    from app.command.window_start import hand_to_running_window

    if hand_to_running_window(args):  # a window of this account runs: it opens the link (one window)
        return 0
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
