"""``dispatch-mail send | sendmail | outbox``: the command handed to whoever drives its account's queue, or run
here with the account's queue driven by this process until the answer is known.

0. **Parse at the edge** (:mod:`app.command.send_args`): the command line is read here, the only reading of it;
   one it refuses is said so (64, 65) before any door or account is looked at. Standard input is read here too.
1. **Knock** (:func:`app.core.scripts.doors.knock`): a window (or another command) that has the account's queue open
   takes the request through its door and answers it. It tells the server's message limit first; then the
   command reads its files against it and hands over the typed request it built
   (:mod:`app.core.scripts.door_protocol`): the process behind the door never sees the command line nor opens the
   command's files. No asyncio and no mail library is imported up to here (bench/bench_command.py).
2. **Else drive it here**: the account set up in the settings (or ``--account``; none: 78), its lock taken (held
   by another process still starting or closing: knock again until it answers or lets go, by the one rule a
   window waits by too), its queue restored from the journal and its door opened for other commands meanwhile by
   the window's own core (:class:`app.core.account_queue.driver.AccountQueue`), and the command answered by
   :class:`app.core.scripts.desk.ScriptDesk` (the request built against the queue's own limit): the same desk a
   window's door uses. What is left in the queue at
   the end stays journaled: the next command or the window's next start sends it.

Every command ends within its wait (``--wait``, else :func:`app.core.scripts.door_protocol.default_wait`) and
:data:`TAIL` seconds more, whatever the server does (one that takes the connection and never answers
included): what has not gone by then stays journaled, as after a command killed at that moment, and a request
still on the wire is looked up by its Message-ID before anything is sent again.

No Qt (a test runs a command and looks at the modules it loaded).
"""

from __future__ import annotations

import os
import sys
import threading

from app.core.scripts.doors import MAX_HEADER, MAX_STDIN, TOO_LONG, knock, line_size

# how long a command waits for an account's queue that another process holds but does not answer for (within its
# wait and :data:`TAIL`, but at least :data:`LOCK_FLOOR`: a command closing may hold it that long)
LOCK_PATIENCE = 30.0
LOCK_FLOOR = 10.0
# how long a command that drove the queue lets the work it restored from the journal finish, once its own
# command is answered (a lost answer looked up by Message-ID, a send already due), within its wait
LEFT_PATIENCE = 30.0
# how long a command may go on after its wait, at most: the journal's last writes, the commands its door took
TAIL = 3.0


def main(argv: list[str]) -> int:
    """``dispatch-mail ARGV``: its exit code; what it says goes to stdout / stderr."""
    cwd = os.getcwd()
    stdin = None
    reply = dict(TOO_LONG) if line_size(argv, cwd) > MAX_HEADER else None  # a door would not read it
    args = None
    if reply is None:
        args, reply = _parsed(argv)
    if reply is None:
        stdin, reply = _stdin(argv, args)
    if reply is None:
        reply = _knock(argv, args, cwd, stdin)
    if reply is None:
        reply = _run_here(argv, args, cwd, stdin)
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


def _parsed(argv: list[str]):
    """The command line as its parser reads it, or the answer when it refuses it (``--help``: 0, the help)."""
    from app.command import send_args as sa

    try:
        return sa.parse_command(argv), None
    except sa.CommandError as exc:
        return None, _refused(exc)


def _refused(exc) -> dict:
    """A command that stops before anything is handed over: its words on stderr (help, code 0, on stdout)."""
    text = str(exc) if str(exc).endswith("\n") else f"{exc}\n"
    return {"exit": exc.exit_code, "out": text, "err": ""} if exc.exit_code == 0 else \
        {"exit": exc.exit_code, "out": "", "err": text}


def _stdin(argv: list[str], args) -> tuple[bytes | None, dict | None]:
    """Standard input, when the command reads it (sendmail's message, ``send --body-file -``), read once, here, so
    that the request is built from it whoever drives the queue; and an answer when it is more than any server
    takes."""
    wants = argv[0] == "sendmail" or getattr(args, "body_file", None) == "-"
    data = sys.stdin.buffer.read(MAX_STDIN + 1) if wants and sys.stdin is not None else None
    if data is not None and len(data) > MAX_STDIN:
        return None, {"exit": 65, "err": "The message on standard input is larger than any server accepts. "
                                         "Nothing was sent.\n"}
    return data, None


def _knock(argv: list[str], args, cwd: str, stdin: bytes | None) -> dict | None:
    """The answer of the door of the account's queue, when one has it open (None: none has)."""
    from app.core.scripts import door_protocol as dp

    def build(limit: int):
        from app.command import send_args as sa

        try:
            return dp.encode(_request(argv, args, cwd, stdin, limit))
        except sa.CommandError as exc:
            return _refused(exc)

    return knock(dp.route(account_of(args)), build)


def _request(argv: list[str], args, cwd: str, stdin: bytes | None, limit: int):
    """The typed request of ``dispatch-mail ARGV`` (``args``: as its parser read it), its files read from ``cwd``
    against ``limit``."""
    from app.command import send_args as sa

    return sa.request(argv, stdin=_reader(stdin or b""), cwd=cwd, max_send_bytes=limit, args=args)


def _reader(data: bytes):
    """Standard input as the request's builder reads it (at most n bytes), from what was read once."""
    pos = [0]

    def read(n: int) -> bytes:
        chunk = data[pos[0]:pos[0] + n]
        pos[0] += len(chunk)
        return chunk

    return read


def account_of(args) -> str:
    """The address ``--account`` names ("": none): the command is routed by what it sends with."""
    value = getattr(args, "account", None)
    return value.strip() if isinstance(value, str) else ""


def password_env_of(args) -> str:
    value = getattr(args, "password_env", None)
    return value if isinstance(value, str) else ""


def _run_here(argv: list[str], args, cwd: str, stdin: bytes | None) -> dict:
    import asyncio

    from app.core.scripts import exits as sc
    from app.core.scripts.doors import DoorError

    log_privately()
    try:
        reply = asyncio.run(_drive(argv, args, cwd, stdin))
    except sc.CommandError as exc:
        return {"exit": exc.exit_code, "err": f"{exc}\n"}
    except DoorError as exc:  # the folder of the locks and doors is not this user's alone: used by nobody
        return {"exit": sc.EX_CONFIG, "err": f"Dispatch cannot lock the account's queue: {exc}. Nothing was sent.\n"}
    except KeyboardInterrupt:
        return {"exit": 75, "err": "Interrupted: what was queued stays queued, and goes out with the next "
                                  "dispatch-mail command or when Dispatch starts.\n"}
    return dict(reply.as_dict(), calls_left=_calls_left())


def log_privately() -> None:
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


def wait_of(args) -> float:
    """The seconds a command may wait for its outcome: ``--wait``, 0 with ``--no-wait``, else the default (its
    command line as its parser read it)."""
    from app.core.scripts.door_protocol import default_wait

    if getattr(args, "no_wait", False):
        return 0.0
    given = getattr(args, "wait", None)
    return given if given is not None and 0 <= given < float("inf") else default_wait()


async def _drive(argv: list[str], args, cwd: str, stdin: bytes | None):
    from app.command.account import chosen_account
    from app.core.account_queue.driver import AccountQueue, DeskWiring
    from app.storage.settings import Settings

    settings = Settings()
    account = chosen_account(settings, account_of(args))
    account_queue = AccountQueue(account, DeskWiring(configured=settings.account,
                                                 principals=lambda: settings.principals(account),
                                                 password_from=password_from(args)))
    answered = await _take(account_queue, argv, args, cwd, stdin)
    if answered is not None:
        return answered
    # Held until the process ends, never let go here: a send under way on a worker thread ends before the
    # interpreter does (it waits for its threads), and only then does the kernel free the lock for the next
    # process, which finds every journal write done and no request of ours still on the wire.
    return await _with_queue(account_queue, account, argv, args, cwd, stdin)


async def _take(account_queue, argv: list[str], args, cwd: str, stdin: bytes | None):
    """Take the account's lock; None once held. The process that holds it may be starting (its door not open
    yet) or closing (its door shut): knock again meanwhile (app.core.account_queue.lock_wait), and its answer is
    the command's (a Reply)."""
    import asyncio

    from app.core.scripts import exits as sc
    from app.core.account_queue.lock_wait import StillHeld
    from app.core.scripts.door_protocol import Reply

    async def knocked():
        reply = await asyncio.to_thread(_knock, argv, args, cwd, stdin)
        return None if reply is None else Reply(reply.get("exit", 70), reply.get("out", ""), reply.get("err", ""))

    patience = min(LOCK_PATIENCE, max(LOCK_FLOOR, wait_of(args) + TAIL))
    try:
        return await account_queue.take(knocked, patience=patience)
    except StillHeld:  # 69, not 75: 75 says it is queued (do not send it again)
        return Reply(sc.EX_UNAVAILABLE, err="Another Dispatch process has this account's Outbox and does not "
                                            "answer: nothing was queued. Try again.\n")


async def _with_queue(account_queue, account, argv: list[str], args, cwd: str, stdin: bytes | None):
    """This process drives the account's queue (its lock is held) while it answers the command: its request built
    against the queue's own message limit."""
    import asyncio

    from app.command import send_args as sa
    from app.command.account import session_for
    from app.core.scripts.door_protocol import Reply
    from app.core.common.journal_writer import JournalWriter
    from app.storage.journal import Journal

    session = session_for(account, password_env_of(args))
    journal, writer = Journal(), JournalWriter()
    loop = asyncio.get_running_loop()
    ends = loop.time() + wait_of(args)  # the command's wait; then TAIL seconds at most
    try:
        outbox = await account_queue.open(session, journal, writer)  # the queue restored, then the door opened
        left = outbox.queue.submissions()  # what earlier runs left: this command sends it too
        connecting = asyncio.ensure_future(_connect(session, outbox))
        try:
            if argv[0] == "outbox":  # the tries under way first: the list says why each waits, not "Sending…"
                await finish_left(outbox, left, max(0.0, ends - loop.time()))
            desk = account_queue.desk
            try:
                request = await asyncio.to_thread(_request, argv, args, cwd, stdin, desk.limit())  # reads its files
            except sa.CommandError as exc:
                said = _refused(exc)
                reply = Reply(said["exit"], said["out"], said["err"])
            else:
                reply = await desk.answer(request)
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


def password_from(args) -> str:
    """Where this command's Exchange password comes from, in words (said when the server refuses it)."""
    name = password_env_of(args)
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
