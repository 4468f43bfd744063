"""The Outbox's worker: one asyncio task that takes due work off the queue, in order (saves, then
look-ups of unknown sends, then sends — many in one request), and sleeps until the next retry or a poke.
It also parks everything while the user must sign in again. No Qt.
"""

from __future__ import annotations

import asyncio
import logging

from app.core import clock, holds
from app.core.rows import SaveStatus
from app.core.submission import SubState

log = logging.getLogger(__name__)


def _never(_sub) -> bool:
    return False


class QueueWorker:
    def __init__(self, box):
        self.box = box
        self._wake: asyncio.Event | None = None
        self._asleep: asyncio.Event | None = None  # set while it sleeps with nothing due (idle())
        self._signed_in: asyncio.Event | None = None
        self._task: asyncio.Task | None = None
        self._auth_task: asyncio.Task | None = None

    # ---- sign-in ----
    @property
    def needs_sign_in(self) -> bool:
        return self._signed_in is not None and not self._signed_in.is_set()

    def park(self) -> None:
        """A 401 or an untrusted certificate: nothing more goes to the server until :meth:`signed_in`."""
        if self._signed_in is None or not self._signed_in.is_set():
            return
        self._signed_in.clear()
        self.box.stats["auth_waits"] += 1
        if self.box.reauth is not None:
            self._auth_task = asyncio.ensure_future(self._ask_reauth())

    def signed_in(self) -> None:
        if self._signed_in is not None:
            self._signed_in.set()

    async def _ask_reauth(self) -> None:
        try:
            if await self.box.reauth():
                self.box.signed_in()
        except Exception:  # noqa: BLE001 - the work stays parked; the UI may call signed_in() later
            log.exception("re-authentication prompt failed")

    # ---- running ----
    def poke(self) -> None:
        self.ensure_running()
        if self._wake is not None:
            self._wake_up()

    def ensure_running(self) -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return
        if self._wake is None:
            self._wake, self._asleep = asyncio.Event(), asyncio.Event()
            self._signed_in = asyncio.Event()
            self._signed_in.set()
        if self._task is None or self._task.done():
            self._task = asyncio.ensure_future(self._run())

    async def stop(self) -> None:
        for t in (self._task, self._auth_task):
            if t is not None and not t.done():
                t.cancel()
                await asyncio.gather(t, return_exceptions=True)
        self._task = None

    def cancel(self) -> None:
        """Stop the worker; safe from any thread (a session may be closed from a worker thread)."""
        for t in (self._task, self._auth_task):
            if t is not None and not t.done():
                loop = t.get_loop()
                try:
                    on_loop = asyncio.get_running_loop() is loop
                except RuntimeError:
                    on_loop = False
                if on_loop:
                    t.cancel()
                elif not loop.is_closed():
                    loop.call_soon_threadsafe(t.cancel)
        self._task = None

    def _due(self, now: float):
        """What is due now, in queue order: saves, look-ups of unknown sends, sends. One pass over the
        submissions, each enum member looked up once: a 5,000-row merge queues 5,000, and three passes that
        looked each member up on its enum class (~0.2 us each) and called two properties per submission
        held the UI thread ~8 ms at every step of the worker."""
        box = self.box
        waiting, retrying = SaveStatus.WAITING, SaveStatus.RETRYING
        saves = [j for j in box.saves.values() if (j.status == waiting or j.status == retrying)
                 and j.retry_at <= now]
        queued, unknown_state = SubState.QUEUED, SubState.UNKNOWN
        recording = box.waiters.written_ids()  # derived views (app.core.submission's docstring): being recorded;
        parked = box.parked if self.needs_sign_in else _never  # parked() only while the queue is parked
        unknown, sends = [], []
        for sub in box.subs.values():
            state = sub.state
            if state == queued:
                if sub.retry_at <= now and sub.local_id not in recording and not parked(sub):
                    sends.append(sub)
            elif state == unknown_state and sub.retry_at <= now and not parked(sub):
                unknown.append(sub)
        return saves, unknown, sends

    def _next_wake(self) -> float | None:
        box = self.box
        parked = box.parked  # waits for a sign-in, not a time
        waits = (SubState.QUEUED, SubState.UNKNOWN)  # the states that wait for a time (HELD: below)
        times = [s.retry_at for s in box.subs.values() if s.retry_at and s.state in waits and not parked(s)]
        times += [j.retry_at for j in box.saves.values() if j.retry_at and not j.final]
        held = holds.next_check(box, box.clock())  # a held send: its release (the wall clock looked at too)
        times += [held] if held is not None else []
        return min(times) if times else None

    async def _sleep_until(self, when: float | None) -> None:
        """Until ``when`` (time on the Outbox's clock) or a poke. The clock's call-back sets the event
        (app.core.clock: the real clock's is the loop's timer, a test's runs when the test moves its clock):
        unlike ``asyncio.wait_for`` (Python 3.11), a cancellation arriving with the wake-up is never
        swallowed, so stop() ends."""
        self._wake.clear()
        timer = clock.call_at(self.box.clock, when, self._wake_up) if when is not None else None
        self._asleep.set()
        try:
            await self._wake.wait()
        finally:
            self._asleep.clear()
            if timer is not None:
                timer.cancel()

    def _wake_up(self) -> None:
        self._asleep.clear()  # awake from now on, not from when the task next runs: idle() does not return
        self._wake.set()

    async def idle(self) -> None:
        """Until the worker is asleep with nothing due: it waits for a time on the Outbox's clock (a test
        moves its clock) or a poke. It starts the worker if it is not running."""
        self.ensure_running()
        if self._asleep is not None:
            await self._asleep.wait()

    async def _run(self) -> None:
        box = self.box
        while True:
            try:
                await self._signed_in.wait()
                await holds.release_due(box)  # HELD --release--> queued once its time came, never before
                now = box.clock()
                saves, unknown, sends = self._due(now)
                if not (saves or unknown or sends):
                    await self._sleep_until(self._next_wake())
                    continue
                for job in saves:
                    await box.attempts.save(job)
                    if self.needs_sign_in:
                        break
                if unknown and not self.needs_sign_in:
                    await box.attempts.settle(unknown)
                if sends and not self.needs_sign_in:
                    await box.attempts.send(sends[: box.batch_size])
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - the worker must survive anything; the work retries later
                log.exception("outbox worker step failed")
                await asyncio.sleep(0.05)
