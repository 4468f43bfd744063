"""A window's hold on its account's queue (app/core/account_queue/keeper.py): the lock before the Outbox, the door after
it, waiting (in words, never blocking) while another process has the lock, and letting go.

The lock and the door are the real ones (flock and a Unix socket in this test's DISPATCH_HOME); the process that
holds the lock meanwhile is a real child process. The queue is the keeper's ``start_queue`` call (the window's is
AccountRuntime.start, tested in tests/mail/test_account_runtime.py); the desk a small one of the test's."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import pytest

from app.core.scripts.door_protocol import ListQueue, Reply
from app.core.scripts.doors import AccountLock, door_path
from tests.helpers.door_knock import knock
from app.core.account_queue.keeper import COMMAND_SENDS, OTHER_WINDOW, QueueKeeper, waiting_words
from app.domain.events import QueueHeldElsewhere, QueueStarted
from tests.helpers.aio import run
from tests.helpers.dispatch_mail import ROOT

KEY = "ews:alice@example.com|https://mail.example.com/EWS/Exchange.asmx"


@pytest.fixture(autouse=True)
def _home(short_home):
    """A short DISPATCH_HOME of this test's own (tests/conftest.py)."""


class Desk:
    """Takes every command; ``hold`` keeps the answer until set (a command followed until its message is sent)."""

    def __init__(self, hold: asyncio.Event | None = None):
        self.hold, self.taken = hold, []

    def is_mine(self, account):
        return True

    def limit(self):
        return 1 << 20

    def too_large(self, size):
        return None

    async def answer(self, request, recorded=lambda _id: None):
        self.taken.append(request)
        recorded("local-1")
        if self.hold is not None:
            await self.hold.wait()
        return Reply(0, out="Sent.\n")


class Queue:
    """What ``start_queue`` gives: counts its starts; stopped by the keeper before the lock goes."""

    def __init__(self):
        self.starts, self.stopped = 0, False

    def start(self):
        self.starts += 1
        return self

    async def stop(self):
        self.stopped = True


def holder(kind: str) -> subprocess.Popen:
    """Another process holding the account's lock as ``kind`` until its standard input closes."""
    code = ("import sys; from app.core.scripts.doors import AccountLock; lock = AccountLock(sys.argv[1], kind=sys.argv[2]);"
            " assert lock.take(); print('held', flush=True); sys.stdin.read()")
    proc = subprocess.Popen([sys.executable, "-c", code, KEY, kind], cwd=str(ROOT), stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.stdout.readline().strip() == b"held"
    return proc


def let_go(proc: subprocess.Popen) -> None:
    proc.stdin.close()
    proc.wait(timeout=30)


async def until(pred, timeout: float = 10.0) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not pred():
        assert loop.time() < end, "never"
        await asyncio.sleep(0.01)


def test_a_free_lock_gives_the_queue_at_once_and_the_door_takes_commands():
    async def go():
        queue, desk = Queue(), Desk()
        keeper = QueueKeeper(KEY, queue.start, lambda outbox: desk)
        assert keeper.start() is queue and queue.starts == 1 and keeper.waiting == ""
        assert not AccountLock(KEY).take(), "held by the window"
        assert AccountLock(KEY).holder() == ("window", os.getpid())
        await until(lambda: os.path.exists(door_path(KEY)))
        reply = await asyncio.to_thread(knock, ListQueue())
        assert reply == {"exit": 0, "out": "Sent.\n", "err": ""} and desk.taken
        await keeper.close()
        assert queue.stopped and not os.path.exists(door_path(KEY))
        assert AccountLock(KEY).take(), "let go"
    run(go())


@pytest.mark.parametrize("kind, words", [("command", COMMAND_SENDS), ("window", OTHER_WINDOW)])
def test_while_another_process_holds_the_lock_the_window_waits_and_says_who(kind, words):
    other = holder(kind)

    async def go():
        queue, said, started = Queue(), [], []
        keeper = QueueKeeper(KEY, queue.start, lambda outbox: Desk(), retry_every=0.02)
        keeper.news.subscribe(QueueHeldElsewhere, lambda e: said.append(e.words))
        keeper.news.subscribe(QueueStarted, lambda e: started.append(e.outbox))
        assert keeper.start() is None and keeper.waiting == words
        await asyncio.sleep(0.1)  # several tries of the lock meanwhile (the loop is never blocked)
        assert queue.starts == 0, "no second process drives the journal"
        assert not os.path.exists(door_path(KEY))
        await asyncio.to_thread(let_go, other)
        await until(lambda: started)
        assert started == [queue] and queue.starts == 1 and keeper.waiting == "" and said[-1] == ""
        await until(lambda: os.path.exists(door_path(KEY)))
        await keeper.close()
    try:
        run(go())
    finally:
        if other.poll() is None:
            let_go(other)


def test_closing_while_waiting_never_starts_the_queue():
    other = holder("command")

    async def go():
        queue = Queue()
        keeper = QueueKeeper(KEY, queue.start, lambda outbox: Desk(), retry_every=0.02)
        assert keeper.start() is None
        await keeper.close()
        await asyncio.to_thread(let_go, other)
        await asyncio.sleep(0.1)
        assert queue.starts == 0 and AccountLock(KEY).take()
    run(go())


def test_closing_answers_what_was_taken_then_lets_go():
    async def go():
        hold = asyncio.Event()
        queue, desk = Queue(), Desk(hold)
        keeper = QueueKeeper(KEY, queue.start, lambda outbox: desk)
        keeper.start()
        await until(lambda: os.path.exists(door_path(KEY)))
        asked = asyncio.ensure_future(asyncio.to_thread(knock, ListQueue()))
        await until(lambda: desk.taken)
        closing = asyncio.ensure_future(keeper.close(grace=30))
        await until(lambda: not os.path.exists(door_path(KEY)))  # no more commands taken
        await asyncio.sleep(0.05)
        assert not closing.done() and not queue.stopped and not AccountLock(KEY).take()
        hold.set()  # its message settles: answered, then the queue stops and the lock goes
        assert (await asyncio.wait_for(asked, 10))["exit"] == 0
        await asyncio.wait_for(closing, 10)
        assert queue.stopped and AccountLock(KEY).take()
    run(go())


def test_a_command_still_followed_when_the_grace_ends_is_told_its_message_is_queued():
    async def go():
        queue, desk = Queue(), Desk(asyncio.Event())  # never settles
        keeper = QueueKeeper(KEY, queue.start, lambda outbox: desk)
        keeper.start()
        await until(lambda: os.path.exists(door_path(KEY)))
        asked = asyncio.ensure_future(asyncio.to_thread(knock, ListQueue()))
        await until(lambda: desk.taken)
        await keeper.close(grace=0.2)
        reply = await asyncio.wait_for(asked, 10)
        assert reply["exit"] == 75 and "Queued (local-1)" in reply["err"] and "do not send it again" in reply["err"]
        assert queue.stopped and AccountLock(KEY).take()
    run(go())


def test_shut_lets_go_at_once():
    async def go():
        queue = Queue()
        keeper = QueueKeeper(KEY, queue.start, lambda outbox: Desk())
        keeper.start()
        await until(lambda: os.path.exists(door_path(KEY)))
        keeper.shut()
        assert not os.path.exists(door_path(KEY)) and AccountLock(KEY).take()
    run(go())


def test_the_words_say_who_has_the_queue():
    assert waiting_words("command", 4242) == COMMAND_SENDS
    assert waiting_words("window", os.getpid() + 1) == OTHER_WINDOW
    assert waiting_words("", 0) == COMMAND_SENDS  # being taken this instant: not yet written who
    assert waiting_words("window", os.getpid()) == COMMAND_SENDS  # this process letting go of it
