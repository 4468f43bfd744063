"""The Outbox's worker: one asyncio task that runs the Outbox's steps (:meth:`app.core.outbox.owner.Outbox.step`:
the due work, in queue order) and sleeps until the next one is due (on the Outbox's clock) or a poke. It also
holds the queue parked while the user must sign in again. It knows no submission: it gets the step, when the
next one is due, and a call-back at a time on the Outbox's clock. No Qt.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Awaitable, Callable

from app.core.outbox import clock as clocks

log = logging.getLogger(__name__)


class QueueWorker:
    def __init__(self, step: Callable[[], Awaitable[bool]], next_wake: Callable[[], float | None],
                 call_at: Callable[[float, Callable[[], None]], clocks.Timer]):
        self._call_at = call_at  # ``callback()`` at a time on the Outbox's clock (app.core.outbox.clock.call_at)
        self._step = step  # one pass over the due work; False when nothing was due
        self._next_wake = next_wake  # when something is due next (None: nothing waits for a time)
        self._wake: asyncio.Event | None = None
        self._asleep: asyncio.Event | None = None  # set while it sleeps with nothing due (idle())
        self._signed_in: asyncio.Event | None = None
        self._task: asyncio.Task | None = None

    # ---- sign-in ----
    @property
    def needs_sign_in(self) -> bool:
        return self._signed_in is not None and not self._signed_in.is_set()

    def park(self) -> bool:
        """A 401 or an untrusted certificate: nothing more goes to the server until :meth:`signed_in`. True
        when this parked it (it was not parked already)."""
        if self._signed_in is None or not self._signed_in.is_set():
            return False
        self._signed_in.clear()
        return True

    def signed_in(self) -> None:
        if self._signed_in is not None:
            self._signed_in.set()

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
        t = self._task
        if t is not None and not t.done():
            t.cancel()
            await asyncio.gather(t, return_exceptions=True)
        self._task = None

    def cancel(self) -> None:
        """Stop the worker; safe from any thread (a session may be closed from a worker thread)."""
        cancel_task(self._task)
        self._task = None

    async def _sleep_until(self, when: float | None) -> None:
        """Until ``when`` (time on the Outbox's clock) or a poke. The clock's call-back sets the event
        (app.core.outbox.clock: the real clock's is the loop's timer, a test's runs when the test moves its clock):
        unlike ``asyncio.wait_for`` (Python 3.11), a cancellation arriving with the wake-up is never
        swallowed, so stop() ends."""
        self._wake.clear()
        timer = self._call_at(when, self._wake_up) if when is not None else None
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
        while True:
            try:
                await self._signed_in.wait()
                if not await self._step():
                    await self._sleep_until(self._next_wake())
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - the worker must survive anything; the work retries later
                log.exception("outbox worker step failed")
                await asyncio.sleep(0.05)


def cancel_task(t: asyncio.Task | None) -> None:
    """Cancel ``t`` from any thread (on its loop's thread, at once; from another, through its loop)."""
    if t is None or t.done():
        return
    loop = t.get_loop()
    try:
        on_loop = asyncio.get_running_loop() is loop
    except RuntimeError:
        on_loop = False
    if on_loop:
        t.cancel()
    elif not loop.is_closed():
        loop.call_soon_threadsafe(t.cancel)
