"""A process's hold on its account's send queue: the account's lock, then its Outbox, then its door. asyncio, no Qt.

One process at a time drives an account's queue (:mod:`app.core.scripts.doors`). The window or command that drives an
account takes its lock before its Outbox restores the journal, and opens the account's door, so that a
``dispatch-mail`` command run meanwhile hands its message to this process's Outbox
(:class:`app.core.scripts.desk.ScriptDesk`) instead of sending it itself. Built by
:class:`app.core.account_queue.driver.AccountQueue` only.

When another process holds the lock, a window does not drive the same journal: it waits for the lock on the event
loop (never blocking; the one rule of :mod:`app.core.account_queue.lock_wait`), says who has the queue in words
(:func:`waiting_words`: its :attr:`QueueKeeper.news` tells :class:`app.domain.events.QueueHeldElsewhere`), and
starts the Outbox once the lock is its own (:class:`app.domain.events.QueueStarted`). A command waits the same way, knocking
meanwhile (:meth:`QueueKeeper.take`). A command lets go when its process ends; a window when it closes. Typing is
journaled meanwhile all the same (autosave needs no lock).

Letting go (:meth:`QueueKeeper.close`, the window quits): the door takes no more commands, those taken are
answered (at most ``grace`` seconds: then each command says its message is queued, not sent yet), the Outbox
stops, the lock goes. :meth:`QueueKeeper.shut` does it at once when the queue is closed already (another
account was chosen). What is left waits in the journal for the next window or command.
"""

from __future__ import annotations

import asyncio
import logging
import os
from typing import Any, Awaitable, Callable

from app.core.account_queue.lock_wait import MOST_PAUSE, LockWait
from app.core.outbox.clock import MONOTONIC
from app.core.scripts.door_server import Desk, Door
from app.core.scripts.doors import WINDOW, AccountLock, DoorError
from app.domain.events import CommandHandedOver, Hub, QueueHeldElsewhere, QueueStarted
from app.domain.words import translate

log = logging.getLogger(__name__)

# how long a closing window lets the commands its door took be answered (seconds)
CLOSE_GRACE = 10.0

COMMAND_SENDS = translate("QueueKeeper", "A dispatch-mail command is sending for this account; the Outbox opens "
                                         "when it is done.")
OTHER_WINDOW = translate("QueueKeeper", "Another Dispatch window sends for this account: this window does not send "
                                        "for it. What you type is still kept on this computer; the Outbox opens here "
                                        "when that window is closed.")

#: the same, in a few words (the status bar, beside the account and its state: short enough for a 683 px window)
SHORT = {COMMAND_SENDS: translate("QueueKeeper", "Outbox: a command sends"),
         OTHER_WINDOW: translate("QueueKeeper", "Outbox: not here")}


def waiting_words(kind: str, pid: int) -> str:
    """What a window kept waiting says, by who holds the account's lock (as the lock file says)."""
    if kind == WINDOW and pid != os.getpid():
        return OTHER_WINDOW
    return COMMAND_SENDS  # a command, or one taking it this instant (it has not written who it is yet)


class QueueKeeper:
    """One account's queue in this process. ``start_queue()`` restores and starts its Outbox (called once the lock
    is held: :meth:`app.core.account_queue.runtime.AccountRuntime.start`); ``desk_for(outbox)`` the desk its door
    answers with. Its :attr:`news` tells :class:`~app.domain.events.QueueHeldElsewhere` while another process has
    the queue (its words "" once it is this one's) and :class:`~app.domain.events.QueueStarted` once a queue waited
    for is running, and :class:`~app.domain.events.CommandHandedOver` for each command's message its door takes in
    (a window tells the user when it is sent: app/ui/notify). ``kind``: who holds the lock (a window or a command,
    written in the lock file); ``retry_every``: the longest pause between tries of a held lock, slept on
    ``clock``."""

    def __init__(self, account_key: str, start_queue: Callable, desk_for: Callable[[object], Desk], *,
                 kind: str = WINDOW, written: Callable[[], Awaitable] | None = None,
                 retry_every: float = MOST_PAUSE, clock: Callable[[], float] = MONOTONIC):
        self.account_key = account_key
        self.lock = AccountLock(account_key, kind=kind)
        self._start_queue, self._desk_for = start_queue, desk_for
        self.news = Hub(QueueHeldElsewhere, QueueStarted, CommandHandedOver)
        self._written = written  # until every journal write asked for so far is on disk
        self.lock_wait = LockWait(clock=clock, most=retry_every)
        self.outbox = None
        self.door: Door | None = None
        self.waiting = ""  # the words said while another process has the queue
        self._task: asyncio.Task | None = None
        self._closed = False

    def start(self):
        """The account's Outbox at once when its lock is free (its door opens on the loop); else None, and the
        lock is tried again on the loop until it is free (``started`` is told then)."""
        try:
            free = self.lock.take()
        except (OSError, DoorError) as exc:  # no private folder for the lock: this window drives it alone
            log.warning("the account's lock cannot be used (%s): no door for commands", type(exc).__name__)
            return self._run_queue(door=False)
        if free:
            return self._run_queue()
        self.waiting = waiting_words(*self.lock.holder())  # said by the caller now; changes are told as news
        if _loop() is not None:
            self._task = asyncio.ensure_future(self._wait())
        return None

    def _run_queue(self, door: bool = True):
        self.outbox = self._start_queue()
        if door and _loop() is not None:
            self.door = Door(self.account_key, self._desk_for(self.outbox))
            self._task = asyncio.ensure_future(self._open())
        return self.outbox

    async def _open(self) -> None:
        try:
            await self.door.open()
        except (OSError, DoorError) as exc:  # commands then drive nothing: they find the lock held and wait
            log.warning("the account's door could not be opened (%s)", type(exc).__name__)

    async def _wait(self) -> None:
        await self.lock_wait.take(self.lock, self._still_waiting)
        if self.waiting:
            self.waiting = ""
            self.news.publish(QueueHeldElsewhere(""))
        self.news.publish(QueueStarted(self._run_queue()))

    def _still_waiting(self) -> None:
        """The lock is still another's: who has it, said when it changed."""
        words = waiting_words(*self.lock.holder())
        if words != self.waiting:
            self.waiting = words
            self.news.publish(QueueHeldElsewhere(words))

    async def take(self, tried: Callable[[], Awaitable[Any]], patience: float) -> Any:
        """A command's wait for the lock (held by a process still starting or closing): None once it is this
        process's; ``tried()`` after each try that fails (a knock at the holder's door), whose answer other than None
        ends the wait and is returned. :class:`app.core.account_queue.lock_wait.StillHeld` after ``patience``
        seconds."""
        return await self.lock_wait.take(self.lock, tried, patience)

    async def open(self):
        """The lock is held (:meth:`take`): the Outbox restored and started, then the door opened before this
        returns (a door that cannot be opened raises, the Outbox started: :meth:`close` stops it)."""
        self.outbox = self._start_queue()
        door = Door(self.account_key, self._desk_for(self.outbox))
        await door.open()
        self.door = door
        return self.outbox

    def shut(self) -> None:
        """Let go at once: the queue is closed already (another account is in use). The commands taken are cut
        off; each says what was recorded, which the journal keeps."""
        self._closed = True
        _cancel(self._task)
        if self.door is not None:
            self.door.shut()
        self.lock.release()

    async def close(self, grace: float = CLOSE_GRACE, let_go: bool = True) -> None:
        """Let go when the window quits: no more commands, those taken answered (at most ``grace`` s), the Outbox
        stopped, then the lock (only then may another process drive the journal). ``let_go=False`` (a command):
        the lock stays held until the process ends, when no request of its own is still on the wire."""
        if self._closed:
            return
        self._closed = True
        await self.close_door(grace)
        if self.outbox is not None:
            await self.outbox.stop()
        if self._written is not None:  # a take-back or a state written just before: on disk before another
            await self._written()      # process may restore the journal
        if let_go:
            self.lock.release()

    async def close_door(self, grace: float = CLOSE_GRACE) -> None:
        """No more commands through the door; those taken answered (at most ``grace`` s, then each is told its
        message is queued). The Outbox goes on."""
        task, self._task = self._task, None
        if task is not None and not task.done():
            if self.door is None:  # still waiting for the lock
                task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        door, self.door = self.door, None
        if door is not None:
            try:
                await asyncio.wait_for(door.close(wait=True), grace)
            except asyncio.TimeoutError:  # the commands still followed are cut off: they say it is queued
                door.shut()


def _loop():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _cancel(task: asyncio.Task | None) -> None:
    if task is not None and not task.done():
        task.cancel()
