"""``dispatch-mail send | sendmail | outbox``: the command handed to whoever drives its account's queue, or run
here with the account's queue driven by this process until the answer is known.

1. **Knock** (:func:`app.core.doors.knock`): a window (or another command) that has the account's queue open
   takes the command line through its door and answers it. Only the standard library is imported up to here,
   so a hand-over costs little more than starting Python (bench/bench_command.py).
2. **Else drive it here**: the account set up in the settings (or ``--account``; none: 78), its lock taken (held
   by another process still starting or closing: knock again until it answers or lets go, by the one rule a
   window waits by too), its queue restored from the journal and its door opened for other commands meanwhile by
   the window's own core (:class:`app.core.account_queue.driver.AccountQueue`), and the command answered by
   :class:`app.core.script_desk.ScriptDesk`: the same desk a window's door uses. What is left in the queue at
   the end stays journaled: the next command or the window's next start sends it.

Every command ends within its wait (``--wait``, else :func:`app.core.send_command.default_wait`) and
:data:`TAIL` seconds more, whatever the server does (one that takes the connection and never answers
included): what has not gone by then stays journaled, as after a command killed at that moment, and a request
still on the wire is looked up by its Message-ID before anything is sent again.

No Qt (a test runs a command and looks at the modules it loaded).
"""

from __future__ import annotations

import os
import sys
import threading

from app.core.doors import MAX_HEADER, TOO_LONG, knock, line_size

# how long a command waits for an account's queue that another process holds but does not answer for (within its
# wait and :data:`TAIL`, but at least :data:`LOCK_FLOOR`: a command closing may hold it that long)
LOCK_PATIENCE = 30.0
LOCK_FLOOR = 10.0
# how long a command that drove the queue lets the work it restored from the journal finish, once its own
# command is answered (a lost answer looked up by Message-ID, a send already due), within its wait
LEFT_PATIENCE = 30.0
# how long a command may go on after its wait, at most: the journal's last writes, the commands its door took
TAIL = 3.0


# the most standard input a command takes (far above any server's message limit; the server's own is checked)
MAX_STDIN = 512 * 1024 * 1024


def main(argv: list[str]) -> int:
    """``dispatch-mail ARGV``: its exit code; what it says goes to stdout / stderr."""
    cwd = os.getcwd()
    stdin = None
    reply = dict(TOO_LONG) if line_size(argv, cwd) > MAX_HEADER else None  # a door would not read it
    if reply is None:
        reply = _help(argv)
    if reply is None:
        stdin, reply = _stdin(argv)
    if reply is None:
        reply = knock(argv, cwd, stdin)
    if reply is None:
        reply = _run_here(argv, cwd, stdin)
    out, err = str(reply.get("out") or ""), str(reply.get("err") or "")
    if out:
        sys.stdout.write(out)
        sys.stdout.flush()
    if err:
        sys.stderr.write(err)
        sys.stderr.flush()
    code = reply.get("exit")
    code = code if isinstance(code, int) else 70
    if reply.get("calls_left"):
        # a server call still waits for its answer on a mail thread (a server that never answers), which the
        # interpreter would wait for at exit: everything is journaled and the lock goes with the process, as
        # when a command is killed there (tests/reliability/test_command_faults.py); the next run settles it
        os._exit(code)
    return code


def _help(argv: list[str]) -> dict | None:
    """``-h`` / ``--help`` (before a ``--``): the command's help, here, with no account, door or queue."""
    args = argv[1:argv.index("--")] if "--" in argv else argv[1:]
    if "-h" not in args and "--help" not in args:
        return None
    from app.core.send_command import build_parser

    return {"exit": 0, "out": build_parser(argv[0]).format_help()}


def _stdin(argv: list[str]) -> tuple[bytes | None, dict | None]:
    """Standard input, when the command reads it (sendmail's message, ``send --body-file -``), read once, here, so
    that it can go through a door or be used here alike; and an answer when it is more than any server takes."""
    options = argv[:argv.index("--")] if "--" in argv else argv  # after it, words the parser takes as they are
    wants = argv[0] == "sendmail" or any(
        a == "--body-file=-" or (a == "--body-file" and nxt == "-") for a, nxt in zip(options, [*options[1:], ""]))
    data = sys.stdin.buffer.read(MAX_STDIN + 1) if wants and sys.stdin is not None else None
    if data is not None and len(data) > MAX_STDIN:
        return None, {"exit": 65, "err": "The message on standard input is larger than any server accepts. "
                                         "Nothing was sent.\n"}
    return data, None


def _run_here(argv: list[str], cwd: str, stdin: bytes | None) -> dict:
    import asyncio

    from app.core import send_command as sc

    from app.core.doors import DoorError

    _log_privately()
    try:
        reply = asyncio.run(_drive(argv, cwd, stdin))
    except sc.CommandError as exc:
        return {"exit": exc.exit_code, "err": f"{exc}\n"}
    except DoorError as exc:  # the folder of the locks and doors is not this user's alone: used by nobody
        return {"exit": sc.EX_CONFIG, "err": f"Dispatch cannot lock the account's queue: {exc}. Nothing was sent.\n"}
    except KeyboardInterrupt:
        return {"exit": 75, "err": "Interrupted: what was queued stays queued, and goes out with the next "
                                  "dispatch-mail command or when Dispatch starts.\n"}
    return dict(reply.as_dict(), calls_left=_calls_left())


def _log_privately() -> None:
    """The command logs like the window: states and codes to the private log (``dispatch-mail.log`` beside the
    window's ``dispatch.log``: app/storage/logfile.py), never a record on stderr. Its stderr is the one line of
    words it answers with: cron mails it and systemd journals it, and a library's record may hold the whole
    message (exchangelib's "Request XML" for a reply it cannot read). No log folder: no log, still nothing on
    stderr (a handler is there, so logging's last resort does not print)."""
    import logging

    from app.storage.logfile import file_handler
    from app.storage.settings import log_dir

    root = logging.getLogger()
    root.setLevel(logging.INFO)
    try:
        root.addHandler(file_handler(log_dir(), "dispatch-mail.log"))
    except OSError:
        root.addHandler(logging.NullHandler())


def _calls_left() -> bool:
    """A thread of this process other than the main one still runs: a mail call waiting for its answer (the
    journal's thread and the event loop's are done by now)."""
    return any(t.is_alive() and not t.daemon for t in threading.enumerate() if t is not threading.main_thread())


def wait_of(argv: list[str]) -> float:
    """The seconds a command may wait for its outcome: ``--wait``, 0 with ``--no-wait``, else the default (as the
    command's parser reads them: :func:`app.core.send_command.parse_command`)."""
    from app.core import send_command as sc

    args = sc.parsed_or_none(argv) if argv[0] == "send" else None
    if args is not None and args.no_wait:
        return 0.0
    given = args.wait if args is not None else None
    return given if given is not None and 0 <= given < float("inf") else sc.default_wait()


async def _drive(argv: list[str], cwd: str, stdin: bytes | None):
    from app.command.account import chosen_account
    from app.core import send_command as sc
    from app.core.account_queue.driver import AccountQueue, DeskWiring
    from app.storage.settings import Settings

    sc.parse_command(argv)  # a command line its parser refuses is said so (64, 65) before any account is looked at
    settings = Settings()
    account = chosen_account(settings, argv)
    account_queue = AccountQueue(account, DeskWiring(configured=settings.account,
                                                 principals=lambda: settings.principals(account),
                                                 password_from=password_from(argv)))
    answered = await _take(account_queue, argv, cwd, stdin)
    if answered is not None:
        return answered
    # Held until the process ends, never let go here: a send under way on a worker thread ends before the
    # interpreter does (it waits for its threads), and only then does the kernel free the lock for the next
    # process, which finds every journal write done and no request of ours still on the wire.
    return await _with_queue(account_queue, account, argv, cwd, stdin)


async def _take(account_queue, argv: list[str], cwd: str, stdin: bytes | None):
    """Take the account's lock; None once held. The process that holds it may be starting (its door not open
    yet) or closing (its door shut): knock again meanwhile (app.core.account_queue.lock_wait), and its answer is
    the command's (a Reply)."""
    import asyncio

    from app.core import send_command as sc
    from app.core.account_queue.lock_wait import StillHeld
    from app.core.door_server import Reply

    async def knocked():
        reply = await asyncio.to_thread(knock, argv, cwd, stdin)
        return None if reply is None else Reply(reply.get("exit", 70), reply.get("out", ""), reply.get("err", ""))

    patience = min(LOCK_PATIENCE, max(LOCK_FLOOR, wait_of(argv) + TAIL))
    try:
        return await account_queue.take(knocked, patience=patience)
    except StillHeld:  # 69, not 75: 75 says it is queued (do not send it again)
        return Reply(sc.EX_UNAVAILABLE, err="Another Dispatch process has this account's Outbox and does not "
                                            "answer: nothing was queued. Try again.\n")


async def _with_queue(account_queue, account, argv: list[str], cwd: str, stdin: bytes | None):
    """This process drives the account's queue (its lock is held) while it answers the command."""
    import asyncio

    from app.command.account import session_for
    from app.core.door_server import DoorRequest
    from app.core.journal_writer import JournalWriter
    from app.storage.journal import Journal

    session = session_for(account, argv)
    journal, writer = Journal(), JournalWriter()
    loop = asyncio.get_running_loop()
    ends = loop.time() + wait_of(argv)  # the command's wait; then TAIL seconds at most
    try:
        outbox = await account_queue.open(session, journal, writer)  # the queue restored, then the door opened
        left = outbox.queue.submissions()  # what earlier runs left: this command sends it too
        connecting = asyncio.ensure_future(_connect(session, outbox))
        try:
            if argv[0] == "outbox":  # the tries under way first: the list says why each waits, not "Sending…"
                await finish_left(outbox, left, max(0.0, ends - loop.time()))
            reply = await account_queue.desk.answer(DoorRequest(argv, cwd, stdin))
            # the door still open meanwhile: other commands are taken
            await finish_left(outbox, left, min(LEFT_PATIENCE, max(0.0, ends - loop.time())))
        finally:
            # the commands it took are answered, each as long as its own --wait, this one's wait at most; then
            # each is told what was recorded: queued, for the next run
            await account_queue.close_door(max(0.0, ends - loop.time()) + TAIL)
            connecting.cancel()
        return reply
    finally:
        await account_queue.close(let_go=False)  # the Outbox stopped; the lock stays until the process ends
        writer.close()
        session.close()
        journal.close()


def password_from(argv: list[str]) -> str:
    """Where this command's Exchange password comes from, in words (said when the server refuses it)."""
    from app.core import send_command as sc

    name = sc.command_option(argv, "password_env")
    return f"the environment variable {name}" if name else "the system keyring"


async def finish_left(outbox, left: list, patience: float) -> None:
    """Until each of ``left`` (the work an earlier run left in the journal) rests: sent, refused, or waiting for
    something that takes a while (its next try's time, a sign-in, a later time), at most ``patience`` seconds.
    A send whose answer was lost waits its settle delay before it is looked up: a command that stopped at once
    would leave it for yet another run."""
    import asyncio

    busy = [s for s in left if outbox.queue.submission(s.local_id) is s and not outbox.queue.is_resting(s)]
    if busy:
        try:
            await asyncio.wait_for(outbox.waits.all(busy, final=False), patience)
        except asyncio.TimeoutError:
            pass  # still going: it stays journaled for the next run


async def _connect(session, outbox) -> None:
    """Learn the server (its message size limit) while the queue already works; offline is no error here: the
    Outbox tries again by itself, and the command says what waits."""
    from app.mail.errors import MailError

    try:
        await session.connect()
    except MailError:
        return
    outbox.hand.kick()
