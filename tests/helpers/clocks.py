"""A clock the test moves by hand, for the Outbox (``Outbox(clock=...)``, app/core/outbox/clock.py): its worker sleeps
on it, and wakes when the test moves it past the time it waits for. Nothing waits in real time; a test
waits for the worker to be asleep again (``await ob.parts.worker.idle()``), an event, not a pause."""

from __future__ import annotations

import asyncio
from typing import Callable


class _Timer:
    def __init__(self, when: float, callback: Callable[[], None]):
        self.when, self.callback, self.cancelled = when, callback, False

    def cancel(self) -> None:
        self.cancelled = True


class ManualClock:
    """``clock()`` is ``now``; ``call_at(when, cb)`` runs ``cb`` when :meth:`advance` (or setting ``now``)
    moves the clock to ``when`` or past it; one already due runs on the loop's next turn, as a timer would."""

    def __init__(self, now: float = 100.0):
        self._now = now
        self._timers: list[_Timer] = []

    def __call__(self) -> float:
        return self._now

    @property
    def now(self) -> float:
        return self._now

    @now.setter
    def now(self, value: float) -> None:
        self._now = value
        self._fire()

    def advance(self, seconds: float) -> None:
        self.now = self._now + seconds

    def call_at(self, when: float, callback: Callable[[], None]):
        if when <= self._now:
            return asyncio.get_running_loop().call_soon(callback)
        timer = _Timer(when, callback)
        self._timers.append(timer)
        return timer

    def waiting(self) -> list[float]:
        """The times call-backs wait for (not yet run nor cancelled), soonest first."""
        return sorted(t.when for t in self._timers if not t.cancelled)

    def _fire(self) -> None:
        due = sorted((t for t in self._timers if t.when <= self._now and not t.cancelled), key=lambda t: t.when)
        self._timers = [t for t in self._timers if t.when > self._now and not t.cancelled]
        for t in due:
            t.callback()
