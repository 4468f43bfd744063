"""``dispatch-mail COMMAND``: the commands a script or a server runs, without the window and without Qt.

- ``send`` / ``sendmail`` / ``outbox``: the account's one send queue (:mod:`app.command.queue`): handed to the
  process that drives it (the window, or another command) over its local door, or driven here.
- ``status``: did it arrive? each recipient of a sent message, from the reports in the Inbox
  (:mod:`app.command.status`).
- ``lookup``: who the organisation's directory knows by a name (:mod:`app.command.lookup`).
- ``sign-in``: Microsoft 365 on a machine with no browser, or an Exchange password into the keyring
  (:mod:`app.command.signin`).
- ``account``: set the account up, show it, or take it off, with no window (:mod:`app.command.accounts`).

What each command takes is data (:mod:`app.command.spec`): the parsers, the man page and the shell
completions are all made from it. Nothing here imports Qt (tests/core/test_send_command.py checks it). Every
command line of Dispatch is parsed here and nowhere else (tests/test_rules.py checks it): a command hands the
account's queue a typed request (:mod:`app.core.scripts.door_protocol`), never its command line.
"""

from __future__ import annotations

# the first word of a command line that names a command (anything else starts the window)
COMMAND_NAMES = ("send", "sendmail", "outbox", "status", "lookup", "sign-in", "account")


def run(argv: list[str]) -> int:
    """Run ``dispatch-mail ARGV`` (``argv[0]`` one of :data:`COMMAND_NAMES`); its exit code."""
    name = argv[0]
    if name == "sign-in":
        from app.command.signin import main as sign_in

        return sign_in(argv[1:])
    if name == "account":
        from app.command.accounts import main as account

        return account(argv[1:])
    if name == "status":
        from app.command.status import main as status

        return status(argv[1:])
    if name == "lookup":
        from app.command.lookup import main as lookup

        return lookup(argv[1:])
    from app.command.queue import main as queue

    return queue(argv)
