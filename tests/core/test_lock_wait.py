"""The one rule for waiting on an account's lock (app/core/account_queue/lock_wait.py), used by the window
(QueueKeeper.start) and by ``dispatch-mail`` (AccountQueue.take): a try, ``tried()`` (a window's words, a
command's knock), then a pause doubling from FIRST_PAUSE up to MOST_PAUSE, slept on an injected clock.

The lock is the real one (a flock in this test's DISPATCH_HOME), held meanwhile by a second AccountLock of this
process: a flock belongs to its open file, so two of them exclude each other as two processes do. The clock is a
manual one (tests/helpers/clocks.py): no pause is waited in real time; the test waits for the wait to be asleep on
the clock, an event."""

from __future__ import annotations

import asyncio

import pytest

from app.core.account_queue.keeper import COMMAND_SENDS, QueueKeeper
from app.core.account_queue.lock_wait import FIRST_PAUSE, MOST_PAUSE, LockWait, StillHeld
from app.core.account_queue.driver import AccountQueue, DeskWiring
from app.core.scripts.doors import AccountLock
from app.domain.account import AccountConfig
from app.domain.events import QueueHeldElsewhere, QueueStarted
from tests.helpers.aio import run
from tests.helpers.clocks import ManualClock

ACCOUNT = AccountConfig(email="alice@example.com", username="alice",
                        ews_url="https://mail.example.com/EWS/Exchange.asmx")
KEY = ACCOUNT.key


@pytest.fixture(autouse=True)
def _home(short_home):
    """A short DISPATCH_HOME of this test's own (tests/conftest.py)."""


@pytest.fixture
def other():
    """The account's lock, held by someone else until the test lets it go."""
    lock = AccountLock(KEY)
    assert lock.take()
    yield lock
    lock.release()


async def asleep(clock: ManualClock, n: int = 1) -> float:
    """Until the wait sleeps on the clock (``n`` call-backs pending): the time it wakes at."""
    for _ in range(10000):
        if len(clock.waiting()) >= n:
            return clock.waiting()[-1]
        await asyncio.sleep(0)
    raise AssertionError("the wait never slept on the clock")


async def pauses_taken(clock: ManualClock, count: int) -> list[float]:
    """The next ``count`` pauses the wait sleeps, each waited out by moving the clock."""
    seen = []
    for _ in range(count):
        wake = await asleep(clock)
        seen.append(round(wake - clock.now, 6))
        clock.now = wake
    return seen


def test_the_pauses_double_from_the_first_to_the_most_and_the_lock_is_taken_once_free(other):
    async def go():
        clock, tries = ManualClock(), []
        mine = AccountLock(KEY)
        waiting = asyncio.ensure_future(LockWait(clock=clock).take(mine, lambda: tries.append(clock.now)))
        assert await pauses_taken(clock, 6) == [FIRST_PAUSE, 0.04, 0.08, 0.16, MOST_PAUSE, MOST_PAUSE]
        wake = await asleep(clock)  # tried a seventh time, and asleep again
        assert len(tries) == 7 and not waiting.done() and not mine.held
        other.release()
        clock.now = wake
        assert await asyncio.wait_for(waiting, 5) is None and mine.held
        assert len(tries) == 7, "not asked again once the lock is taken"
        mine.release()
    run(go())


def test_an_answer_between_tries_ends_the_wait_without_the_lock(other):
    async def go():
        clock, mine = ManualClock(), AccountLock(KEY)
        answers = iter([None, None, "taken through the door"])

        async def knocked():
            return next(answers)
        waiting = asyncio.ensure_future(LockWait(clock=clock).take(mine, knocked))
        await pauses_taken(clock, 2)
        assert await asyncio.wait_for(waiting, 5) == "taken through the door" and not mine.held
    run(go())


def test_patience_ends_the_wait_on_the_clock_not_in_real_time(other):
    async def go():
        clock, mine = ManualClock(), AccountLock(KEY)
        waiting = asyncio.ensure_future(LockWait(clock=clock).take(mine, patience=1.0))
        taken = await pauses_taken(clock, 7)  # 0.02 + 0.04 + 0.08 + 0.16 + 0.25 + 0.25 + 0.25 = 1.05 s on the clock
        assert sum(taken) > 1.0
        with pytest.raises(StillHeld):
            await asyncio.wait_for(waiting, 5)
        assert not mine.held
    run(go())


def test_a_window_kept_waiting_waits_by_the_rule(other):
    """QueueKeeper (the window's side) sleeps the rule's pauses on its clock, and says who has the queue."""
    async def go():
        clock, said, started = ManualClock(), [], []
        keeper = QueueKeeper(KEY, lambda: "queue", lambda outbox: None, clock=clock)
        keeper.news.subscribe(QueueHeldElsewhere, lambda e: said.append(e.words))
        keeper.news.subscribe(QueueStarted, lambda e: started.append(e.outbox))
        assert keeper.start() is None and keeper.waiting == COMMAND_SENDS
        assert await pauses_taken(clock, 6) == [FIRST_PAUSE, 0.04, 0.08, 0.16, MOST_PAUSE, MOST_PAUSE]
        wake = await asleep(clock)
        assert started == []
        other.release()
        clock.now = wake
        for _ in range(1000):
            if started:
                break
            await asyncio.sleep(0)
        assert started == ["queue"] and keeper.waiting == ""
        keeper.shut()
    run(go())


def test_a_command_waits_by_the_same_rule_and_gives_up_after_its_patience(other):
    """AccountQueue.take (the command's side) sleeps the same pauses on the same kind of clock."""
    async def go():
        clock, knocks = ManualClock(), []

        async def knocked():
            knocks.append(clock.now)
        service = AccountQueue(ACCOUNT, DeskWiring(configured=lambda: ACCOUNT), clock=clock)
        waiting = asyncio.ensure_future(service.take(knocked, patience=0.5))
        assert await pauses_taken(clock, 5) == [FIRST_PAUSE, 0.04, 0.08, 0.16, MOST_PAUSE]
        with pytest.raises(StillHeld):
            await asyncio.wait_for(waiting, 5)
        assert len(knocks) == 6 and not service.keeper.lock.held
    run(go())
